"""The Ray engine: Ray Data streams batches of articles to an actor pool.

The driver reads the input, skips articles already stored, and puts the rest into
Ray's object store as Arrow blocks (one batch each), a window of articles at a time.
``map_batches`` sends the batches to a pool of actors, each of which builds the
pipeline (spaCy model, lexicons) once; coded results stream back (in input order) to
the one store writer in the driver, which commits one transaction per batch.

An article that fails becomes a Failure row. A batch whose actor dies is retried on
a restarted actor; a batch that keeps killing actors is dropped and its articles are
retried one by one, so only the culprit becomes a ``WorkerCrash`` failure.

Without ``address`` a local Ray cluster is started for the run; with
``address="auto"`` or ``"ray://head:10001"`` an existing cluster is used (newsevents
and its model must be installed on every node; see ``docs/store.md``).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import warnings
from collections.abc import Iterable, Iterator
from typing import Any

import pyarrow as pa

from ..article import Article, Failure
from ..schema import ArticleResult
from ..store import Store
from ._batch import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_MAX_CHARS,
    PipelineFactory,
    ProgressCallback,
    RunSummary,
    StoreWriter,
    default_pipeline_factory,
    peak_rss,
    pending_articles,
    process_batch,
)

_ARTICLE_SCHEMA = pa.schema(
    [
        ("text", pa.string()),
        ("id", pa.string()),
        ("title", pa.string()),
        ("published", pa.string()),
        ("source", pa.string()),
        ("url", pa.string()),
        ("origin", pa.string()),
        ("line", pa.int64()),
    ]
)
_OUTPUT_SCHEMA = pa.schema(
    [
        ("kind", pa.string()),
        ("payload", pa.string()),
        ("worker", pa.string()),
        ("peak_rss", pa.int64()),
    ]
)


def _article_row(article: Article) -> dict[str, Any]:
    return {
        "text": article.text,
        "id": article.id,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "source": article.source,
        "url": article.url,
        "origin": article.origin,
        "line": article.line,
    }


def _row_article(row: dict[str, Any]) -> Article:
    published = row["published"]
    return Article(
        text=row["text"],
        id=row["id"],
        title=row["title"],
        published=dt.date.fromisoformat(published) if published else None,
        source=row["source"],
        url=row["url"],
        origin=row["origin"],
        line=row["line"],
    )


def _encode(outcome: ArticleResult | Failure) -> tuple[str, str]:
    if isinstance(outcome, Failure):
        fields = ("article_id", "source", "line", "error", "message")
        return "failure", json.dumps({f: getattr(outcome, f) for f in fields})
    return "result", outcome.to_json()


def _decode(kind: str, payload: str) -> ArticleResult | Failure:
    data = json.loads(payload)
    return Failure(**data) if kind == "failure" else ArticleResult.from_dict(data)


class PipelineActor:
    """A Ray Data actor: builds the pipeline once, then codes one batch per call."""

    def __init__(self, factory: PipelineFactory) -> None:
        self.pipeline = factory()
        self.worker = f"{os.uname().nodename}-pid-{os.getpid()}"

    def __call__(self, batch: pa.Table) -> pa.Table:
        articles = [_row_article(row) for row in batch.to_pylist()]
        encoded = [_encode(o) for o in process_batch(self.pipeline, articles)]
        rss = peak_rss()
        return pa.Table.from_pylist(
            [
                {"kind": kind, "payload": payload, "worker": self.worker, "peak_rss": rss}
                for kind, payload in encoded
            ],
            schema=_OUTPUT_SCHEMA,
        )


def _blocks(articles: list[Article], rows_per_block: int) -> list[pa.Table]:
    return [
        pa.Table.from_pylist(
            [_article_row(a) for a in articles[i : i + rows_per_block]], schema=_ARTICLE_SCHEMA
        )
        for i in range(0, len(articles), rows_per_block)
    ]


def _windows(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    window: list[Article] = []
    for article in articles:
        window.append(article)
        if len(window) >= size:
            yield window
            window = []
    if window:
        yield window


def run_ray(
    items: Iterable[Article | Failure],
    store: Store,
    *,
    workers: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    address: str | None = None,
    pipeline_factory: PipelineFactory = default_pipeline_factory,
    max_chars: int = DEFAULT_MAX_CHARS,
    retries: int = 2,
    window: int = 20_000,
    on_progress: ProgressCallback | None = None,
) -> RunSummary:
    """Code ``items`` into ``store`` on Ray (a local cluster, or the one at ``address``).

    ``workers`` is the size of the actor pool (default: the cluster's CPUs); each
    actor takes one CPU. The input is read in windows of ``window`` articles, each
    put into the object store and coded by a fresh actor pool, so the driver's memory
    stays bounded however large the input. If Ray is already initialised in this
    process, that cluster is used and left running.
    """
    import ray

    started_here = False
    if not ray.is_initialized():
        options: dict[str, Any] = {"logging_level": logging.WARNING, "log_to_driver": False}
        if address is None:  # a local cluster for this run only
            options["include_dashboard"] = False
        ray.init(address=address, **options)
        started_here = True
    try:
        return _run(
            items,
            store,
            workers=workers or max(1, int(ray.cluster_resources().get("CPU", 1))),
            batch_size=batch_size,
            pipeline_factory=pipeline_factory,
            max_chars=max_chars,
            retries=retries,
            window=window,
            on_progress=on_progress,
        )
    finally:
        if started_here:
            ray.shutdown()


def _run(
    items: Iterable[Article | Failure],
    store: Store,
    *,
    workers: int,
    batch_size: int,
    pipeline_factory: PipelineFactory,
    max_chars: int,
    retries: int,
    window: int,
    on_progress: ProgressCallback | None,
) -> RunSummary:
    import ray

    summary = RunSummary()
    writer = StoreWriter(store, summary, batch_size=batch_size, on_progress=on_progress)
    context = ray.data.DataContext.get_current()
    saved = (
        context.execution_options.preserve_order,
        context.enable_progress_bars,
        context.max_errored_blocks,
    )
    context.execution_options.preserve_order = True  # same row order as the local engine
    context.enable_progress_bars = False  # the CLI shows its own
    # ...and Ray Data would warn once per process that its own bars are off.
    logging.getLogger("ray.data._internal.progress").setLevel(logging.ERROR)
    context.max_errored_blocks = -1  # a block that keeps failing is dropped, then retried below
    try:
        todo = pending_articles(items, store, writer, max_chars=max_chars)
        for articles in _windows(todo, window):
            seen = _code(articles, batch_size, workers, pipeline_factory, retries, writer, summary)
            missing = [a for a in articles if a.key not in seen]
            if missing:
                # Batches lost to dead actors: retry article by article on one actor with
                # one task at a time, so a crash is charged to the article that caused it.
                seen = _code(missing, 1, 0, pipeline_factory, retries, writer, summary)
                for article in missing:
                    if article.key not in seen:
                        writer.add(_crashed(article))
    finally:
        (
            context.execution_options.preserve_order,
            context.enable_progress_bars,
            context.max_errored_blocks,
        ) = saved
    writer.flush()
    return summary


def _code(
    articles: list[Article],
    batch_size: int,
    workers: int,
    pipeline_factory: PipelineFactory,
    retries: int,
    writer: StoreWriter,
    summary: RunSummary,
) -> set[str]:
    """Code one window of articles on the actor pool; return the keys that came back.

    ``workers=0`` means one actor running one task at a time (isolation).
    """
    import ray

    # One batch per block, so a block that fails loses one batch only.
    refs = [ray.put(block) for block in _blocks(articles, batch_size)]
    pool: dict[str, Any] = (
        {"compute": ray.data.ActorPoolStrategy(size=min(workers, len(refs)))}
        if workers
        else {"compute": ray.data.ActorPoolStrategy(size=1, max_tasks_in_flight_per_actor=1)}
    )
    with warnings.catch_warnings():
        # HACK: Ray 2.60 deprecates passing max_task_retries this way but offers no
        # named parameter for it yet; without it a batch that kills its actor retries forever.
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.filterwarnings("ignore", message=".*ray_remote_args.*")
        coded = ray.data.from_arrow_refs(refs).map_batches(
            PipelineActor,
            fn_constructor_args=(pipeline_factory,),
            batch_size=batch_size,
            batch_format="pyarrow",
            num_cpus=1,
            **pool,
            max_task_retries=retries,
        )
    seen: set[str] = set()
    for block in coded.iter_batches(batch_size=None, batch_format="pyarrow"):
        for row in block.to_pylist():
            summary.note_worker(row["worker"], row["peak_rss"])
            outcome = _decode(row["kind"], row["payload"])
            key = outcome.article_id if isinstance(outcome, Failure) else outcome.article.id
            if key is not None:
                seen.add(key)
            writer.add(outcome)
    return seen


def _crashed(article: Article) -> Failure:
    return Failure(
        article.key,
        article.origin,
        article.line,
        "WorkerCrash",
        "the Ray worker died while coding this article (out of memory?)",
    )
