"""The ``newsevents`` command line: a thin click group over the library.

One module per command (``extract.py``, ``run.py`` …) so each stays short; this is the
one place that knows them all. Exit statuses are documented in ``_errors.py``.
"""

from __future__ import annotations

import click

from .. import __version__
from .eval import eval_command
from .export import export_command
from .extract import extract_command
from .run import run_command
from .serve import serve_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsevents")
def cli() -> None:
    """Turn news articles into "who did what to whom, when and where" event data.

    Actors with CAMEO actor codes, events coded in CAMEO and PLOVER, quotations with
    their speakers, normalised dates and GeoNames places — each pointing back to the
    characters of the text it came from. Runs offline.
    """


cli.add_command(extract_command, "extract")
cli.add_command(run_command, "run")
cli.add_command(export_command, "export")
cli.add_command(serve_command, "serve")
cli.add_command(eval_command, "eval")


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="newsevents")
