"""``newsevents serve``: the REST API and the explorer page over a store."""

from __future__ import annotations

import click

from ..errors import NewsEventsError
from ._errors import EXIT_USAGE, CliError, to_cli_error


@click.command()
@click.option(
    "--db",
    "db_path",
    required=True,
    type=click.Path(dir_okay=False),
    help="The DuckDB store to serve (created empty when missing).",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--api-key-file",
    type=click.Path(dir_okay=False),
    default=None,
    help="File whose first line is the key that allows POST /articles "
    "(else $NEWSEVENTS_API_KEY; without a key the server is read-only).",
)
@click.option(
    "--no-prewarm",
    is_flag=True,
    help="Do not cache the first pages of GET /events at start-up.",
)
def serve_command(
    db_path: str, host: str, port: int, api_key_file: str | None, no_prewarm: bool
) -> None:
    """Serve the REST API and the web explorer over a store.

    Reads (GET) are open; writes (POST /articles) need the API key. Open
    http://HOST:PORT/ in a browser; the API reference is at /docs.

    Example:

        newsevents serve --db events.duckdb --port 8000
    """
    import uvicorn

    from ..server import ApiKeyError, Limits, create_app, resolve_api_key
    from ..store import StoreError

    try:
        api_key = resolve_api_key(api_key_file)
    except ApiKeyError as exc:
        raise CliError(str(exc), EXIT_USAGE) from None
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: serving on {host}, reachable from other machines", err=True)
    try:
        app = create_app(
            db_path, api_key=api_key, preload=True, limits=Limits(prewarm=not no_prewarm)
        )
    except StoreError as exc:
        raise CliError(str(exc), EXIT_USAGE) from None
    except NewsEventsError as exc:
        raise to_cli_error(exc) from None
    mode = "read-write (API key set)" if api_key else "read-only (no API key)"
    click.echo(f"newsevents: serving {db_path} {mode} on http://{host}:{port}/", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", timeout_keep_alive=30)
