"""Engines that code many articles into a store: ``local`` (processes) and ``ray``.

Both read the same input, skip articles already stored (so a re-run resumes), code
batches in workers that load the pipeline once, and hand results to one store writer
that commits one transaction per batch::

    from newsevents.engines import run_articles
    from newsevents.ingest import read_inputs
    from newsevents.store import Store

    with Store("events.duckdb") as store:
        summary = run_articles(read_inputs(["news.jsonl"]), store, engine="local", workers=2)
"""

from __future__ import annotations

from collections.abc import Iterable

from ..article import Article, Failure
from ..store import Store
from ._batch import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_MAX_CHARS,
    PipelineFactory,
    PipelineSpec,
    ProgressCallback,
    RunSummary,
    default_pipeline_factory,
)
from .local import LocalEngine, default_workers, run_local

ENGINES = ("local", "ray")

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_MAX_CHARS",
    "ENGINES",
    "LocalEngine",
    "PipelineSpec",
    "RunSummary",
    "default_workers",
    "run_articles",
    "run_local",
]


def run_articles(
    items: Iterable[Article | Failure],
    store: Store,
    *,
    engine: str = "local",
    workers: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    address: str | None = None,
    pipeline_factory: PipelineFactory = default_pipeline_factory,
    max_chars: int = DEFAULT_MAX_CHARS,
    on_progress: ProgressCallback | None = None,
) -> RunSummary:
    """Code ``items`` into ``store`` with the named engine; see :class:`RunSummary`.

    Raises:
        ValueError: unknown engine name.
        ImportError: ``engine="ray"`` without Ray installed (``pip install 'newsevents[ray]'``).
    """
    if engine == "local":
        return run_local(
            items,
            store,
            workers=workers,
            batch_size=batch_size,
            pipeline_factory=pipeline_factory,
            max_chars=max_chars,
            on_progress=on_progress,
        )
    if engine == "ray":
        from .ray import run_ray

        return run_ray(
            items,
            store,
            workers=workers,
            batch_size=batch_size,
            address=address,
            pipeline_factory=pipeline_factory,
            max_chars=max_chars,
            on_progress=on_progress,
        )
    raise ValueError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
