"""A rich progress bar with articles/s on stderr; a no-op when disabled (``--quiet``)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class RateColumn(ProgressColumn):
    """Articles per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        if not speed and task.completed and task.elapsed:
            # Batches arrive in jumps (Ray), too few for rich's windowed estimate.
            speed = task.completed / task.elapsed
        return Text(f"{speed:.1f} articles/s" if speed else "– articles/s")


@contextlib.contextmanager
def progress_bar(
    console: Console, *, enabled: bool = True, total: int | None = None, label: str = "coding"
) -> Iterator[Callable[..., None]]:
    """Yield an ``advance(n=1)`` callable; shows a bar (with ETA when ``total`` is known)."""
    if not enabled:
        yield lambda n=1: None
        return
    columns: list[ProgressColumn | str] = [SpinnerColumn(), TextColumn(label)]
    if total:
        columns += [BarColumn(), MofNCompleteColumn(), TimeRemainingColumn()]
    else:
        columns += [TextColumn("{task.completed} articles")]
    columns += [RateColumn(), TimeElapsedColumn()]
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task(label, total=total or None)
        yield lambda n=1: progress.advance(task, n)


def plural(count: int, noun: str) -> str:
    """``1 article``, ``2 articles``: summaries read right for a single input."""
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"
