"""``newsevents serve`` (its issue builds it; until then it says so and exits 2)."""

from __future__ import annotations

import click

from ._errors import EXIT_USAGE, CliError


@click.command(context_settings={"ignore_unknown_options": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def serve_command(args: tuple[str, ...]) -> None:
    """Not available yet in this version."""
    raise CliError("'newsevents serve' is not available in this version yet", EXIT_USAGE)
