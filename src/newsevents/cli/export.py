"""``newsevents export``: a store as JSONL, CSV, Parquet or a GDELT 2.0 event table."""

from __future__ import annotations

from pathlib import Path

import click

from ._errors import EXIT_USAGE, CliError
from ._progress import plural

_FORMATS = ("jsonl", "csv", "parquet", "gdelt")
_TABLES = (
    "articles",
    "actors",
    "events",
    "quotes",
    "times",
    "places",
    "failures",
    "event_groups",
)


@click.command()
@click.option(
    "--db",
    required=True,
    type=click.Path(path_type=Path),
    help="DuckDB file written by 'newsevents run'.",
)
@click.option("--format", "fmt", type=click.Choice(_FORMATS), required=True, help="Output format.")
@click.option("--out", required=True, help="Output file, or '-' for stdout (not parquet).")
@click.option(
    "--table",
    type=click.Choice(_TABLES),
    help="Table to export (csv/parquet default: events; jsonl default: whole articles).",
)
@click.option("--quiet", "-q", is_flag=True, help="No summary on stderr.")
def export_command(db: Path, fmt: str, out: str, table: str | None, quiet: bool) -> None:
    """Export a store.

    \b
    jsonl    one newsevents/1 document per article (or the rows of --table)
    csv      the rows of --table (default events), with a header
    parquet  the same as Parquet
    gdelt    the GDELT 2.0 event table: 61 tab-separated columns, no header, one row
             per aggregated event (same actors, CAMEO code and day across articles)

    \b
    Exit status: 0 written; 2 bad usage, missing database or unwritable output.

    \b
    Example:
      newsevents export --db events.duckdb --format gdelt --out events.export.CSV
      newsevents export --db events.duckdb --format parquet --table actors --out actors.parquet
    """
    from ..store import Store, StoreError, export

    if fmt == "gdelt" and table not in (None, "event_groups"):
        raise CliError("--format gdelt always exports the aggregated events", EXIT_USAGE)
    try:
        with Store(db, read_only=True) as store:
            rows = export(store, fmt, out, table=table)
    except StoreError as exc:
        raise CliError(str(exc), EXIT_USAGE) from None
    if not quiet and out != "-":
        click.echo(f"wrote {plural(rows, 'row')} to {out}", err=True)
