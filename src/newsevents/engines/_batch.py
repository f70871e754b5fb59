"""What every engine shares: skipping stored articles, processing one batch in a worker,
and the single store writer with its run summary."""

from __future__ import annotations

import os
import resource
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol

from ..article import Article, Failure
from ..schema import ArticleResult
from ..store import Store

DEFAULT_BATCH_SIZE = 32
DEFAULT_MAX_CHARS = 1_000_000
"""Longer articles are recorded as failures instead of coded (a runaway record, not news)."""

Outcome = ArticleResult | Failure
ProgressCallback = Callable[[int], None]
"""Called with the number of input articles just finished (coded, failed or skipped)."""


class PipelineLike(Protocol):
    """What a worker needs from :class:`newsevents.Pipeline` (a seam for tests)."""

    def pipe(
        self, articles: Iterable[Article], *, batch_size: int = ..., failures: Any = ...
    ) -> Iterator[Outcome]: ...


PipelineFactory = Callable[[], PipelineLike]


@dataclass(frozen=True, slots=True)
class PipelineSpec:
    """A picklable, hashable recipe for the pipeline a worker builds (once per process).

    Compared by value, so a worker that receives the spec again with every batch still
    finds its already-built pipeline.
    """

    model: str | None = None

    def __call__(self) -> PipelineLike:
        from ..pipeline import Pipeline

        return Pipeline(self.model) if self.model else Pipeline()


default_pipeline_factory = PipelineSpec()
"""The full default pipeline."""


@lru_cache(maxsize=2)
def worker_pipeline(factory: PipelineFactory) -> PipelineLike:
    """The pipeline of this worker process, built once (spaCy model loaded once)."""
    return factory()


def peak_rss() -> int:
    """Peak resident memory of this process in bytes (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def process_batch(pipeline: PipelineLike, articles: Sequence[Article]) -> list[Outcome]:
    """Code a batch; an unexpected error retries its articles one by one, so one bad
    article becomes one Failure and the rest of the batch is still coded."""
    try:
        outcomes = list(pipeline.pipe(articles, batch_size=len(articles), failures="yield"))
        if len(outcomes) == len(articles):
            return outcomes
    except Exception:  # noqa: BLE001 - isolate the bad article below
        pass
    outcomes = []
    for article in articles:
        try:
            outcomes.extend(pipeline.pipe([article], batch_size=1, failures="yield"))
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the run
            outcomes.append(
                Failure(
                    article.key,
                    article.origin,
                    article.line,
                    "StageError",
                    f"{type(exc).__name__}: {exc}",
                )
            )
    return outcomes


@dataclass(slots=True)
class BatchOutput:
    """A worker's answer for one batch."""

    outcomes: list[Outcome]
    worker: str
    peak_rss: int


def run_batch(factory: PipelineFactory, articles: list[Article]) -> BatchOutput:
    """Entry point of a worker process for one batch."""
    outcomes = process_batch(worker_pipeline(factory), articles)
    return BatchOutput(outcomes, f"pid-{os.getpid()}", peak_rss())


@dataclass(slots=True)
class RunSummary:
    """What a run did; ``failures`` keeps the first ``MAX_KEPT`` failures in full."""

    MAX_KEPT = 200

    added: int = 0
    skipped: int = 0
    duplicates: int = 0
    failed: int = 0
    words: int = 0
    seconds: float = 0.0
    store_seconds: float = 0.0  # time spent committing batches
    failure_kinds: Counter[str] = field(default_factory=Counter)
    failures: list[Failure] = field(default_factory=list)
    worker_peak_rss: dict[str, int] = field(default_factory=dict)

    def add_failure(self, failure: Failure) -> None:
        self.failed += 1
        self.failure_kinds[failure.error] += 1
        if len(self.failures) < self.MAX_KEPT:
            self.failures.append(failure)

    def note_worker(self, worker: str, rss: int) -> None:
        self.worker_peak_rss[worker] = max(rss, self.worker_peak_rss.get(worker, 0))

    @property
    def articles_per_second(self) -> float:
        return (self.added + self.duplicates) / self.seconds if self.seconds else 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


def too_long(article: Article, max_chars: int) -> Failure:
    return Failure(
        article.id,  # no content hash: hashing 50 MB is wasted work
        article.origin,
        article.line,
        "InputError",
        f"the article has {len(article.text):,} characters, more than the limit of "
        f"{max_chars:,} (--max-chars)",
    )


def pending_articles(
    items: Iterable[Article | Failure],
    store: Store,
    writer: StoreWriter,
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    lookahead: int = 512,
) -> Iterator[Article]:
    """The articles still to code: reader failures and over-long articles go to the
    writer, articles already stored are counted as skipped (this is what resumes)."""
    window: list[Article] = []

    def drain() -> Iterator[Article]:
        stored = store.known_ids(a.key for a in window)
        for article in window:
            if article.key in stored:
                writer.skip()
            else:
                yield article
        window.clear()

    for item in items:
        if isinstance(item, Failure):
            writer.add(item, count=True)
        elif len(item.text) > max_chars:
            writer.add(too_long(item, max_chars), count=True)
        else:
            window.append(item)
            if len(window) >= lookahead:
                yield from drain()
    yield from drain()


def batched(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class StoreWriter:
    """The single writer: collects outcomes and stores them one transaction per batch."""

    def __init__(
        self,
        store: Store,
        summary: RunSummary,
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        on_progress: ProgressCallback | None = None,
    ) -> None:
        self.store = store
        self.summary = summary
        self.batch_size = batch_size
        self.on_progress = on_progress
        self._results: list[ArticleResult] = []
        self._failures: list[Failure] = []
        self._unreported = 0
        self._started = time.perf_counter()

    def skip(self) -> None:
        self.summary.skipped += 1
        self._tick(1)

    def add(self, outcome: Outcome, *, count: bool = True) -> None:
        if isinstance(outcome, Failure):
            self._failures.append(outcome)
            self.summary.add_failure(outcome)
        else:
            self._results.append(outcome)
            self.summary.words += len(outcome.article.text.split())
        if count:
            self._unreported += 1
        if len(self._results) + len(self._failures) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        """Write what is collected (one transaction) and report progress."""
        if self._results or self._failures:
            began = time.perf_counter()
            added = self.store.write_batch(self._results, self._failures)
            self.summary.store_seconds += time.perf_counter() - began
            self.summary.added += added
            self.summary.duplicates += len(self._results) - added
            self._results = []
            self._failures = []
        self.summary.seconds = time.perf_counter() - self._started
        if self._unreported:
            self._tick(self._unreported)
            self._unreported = 0

    def _tick(self, n: int) -> None:
        if self.on_progress is not None:
            self.on_progress(n)
