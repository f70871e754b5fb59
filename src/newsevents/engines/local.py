"""The local engine: batches of articles coded by a pool of processes on this machine.

Each worker process loads the pipeline (spaCy model, lexicons) once and codes whole
batches; results come back in input order to the one store writer in the main
process, which commits one transaction per batch. A worker that dies (out of memory,
a crash in native code) breaks the pool: it is replaced, the batches that were in
flight are rerun one at a time (``retries`` more times each), and a batch that still
kills its worker is coded article by article, so only the culprit fails.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType

from ..article import Article, Failure
from ..errors import NewsEventsError
from ..store import Store
from ._batch import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_MAX_CHARS,
    BatchOutput,
    PipelineFactory,
    ProgressCallback,
    RunSummary,
    StoreWriter,
    batched,
    default_pipeline_factory,
    peak_rss,
    pending_articles,
    process_batch,
    run_batch,
    worker_pipeline,
)


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _init_worker(factory: PipelineFactory) -> None:
    # Ctrl-C is handled by the main process, which stops the pool; workers stay quiet.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        worker_pipeline(factory)
    except NewsEventsError:
        pass  # raised again by the first batch, so the main process reports it


def _warm(factory: PipelineFactory) -> str:
    worker_pipeline(factory)
    return f"pid-{os.getpid()}"


class LocalEngine:
    """Code articles with ``workers`` processes (``1``: in this process, no pool).

    Use as a context manager to keep the pool (and its loaded models) across runs::

        with LocalEngine(workers=2) as engine, Store("events.duckdb") as store:
            summary = engine.run(read_inputs(["news.jsonl"]), store)
    """

    def __init__(
        self,
        *,
        workers: int | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        pipeline_factory: PipelineFactory = default_pipeline_factory,
        max_chars: int = DEFAULT_MAX_CHARS,
        retries: int = 2,
    ) -> None:
        self.workers = workers or default_workers()
        self.batch_size = batch_size
        self.factory = pipeline_factory
        self.max_chars = max_chars
        self.retries = retries
        self._pool: ProcessPoolExecutor | None = None
        self._inflight: deque[tuple[list[Article], Future[BatchOutput]]] = deque()

    # -- pool ----------------------------------------------------------------------

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close(kill=exc is not None)

    def close(self, *, kill: bool = False) -> None:
        """Stop the pool; ``kill`` ends running batches at once (after Ctrl-C)."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if kill:
            # HACK: ProcessPoolExecutor has no public "terminate"; without this an
            # interrupted run waits for every running batch to finish.
            for process in list(getattr(pool, "_processes", {}).values()):
                process.terminate()
        pool.shutdown(wait=not kill, cancel_futures=True)

    def _start_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # spawn: workers must not inherit DuckDB's or rich's threads from this process.
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_worker,
                initargs=(self.factory,),
            )
        return self._pool

    def warm(self) -> None:
        """Start the workers and load the pipeline in each (so timing excludes loading)."""
        if self.workers == 1:
            worker_pipeline(self.factory)
            return
        pool = self._start_pool()
        for future in [pool.submit(_warm, self.factory) for _ in range(self.workers)]:
            future.result()

    # -- running -------------------------------------------------------------------

    def run(
        self,
        items: Iterable[Article | Failure],
        store: Store,
        *,
        on_progress: ProgressCallback | None = None,
    ) -> RunSummary:
        """Code every article not yet in ``store`` and write results and failures to it."""
        summary = RunSummary()
        writer = StoreWriter(store, summary, batch_size=self.batch_size, on_progress=on_progress)
        todo = pending_articles(items, store, writer, max_chars=self.max_chars)
        if self.workers == 1:
            pipeline = worker_pipeline(self.factory)
            for batch in batched(todo, self.batch_size):
                for outcome in process_batch(pipeline, batch):
                    writer.add(outcome)
            summary.note_worker(f"pid-{os.getpid()}", peak_rss())
        else:
            self._run_pool(todo, writer, summary)
        writer.flush()
        return summary

    def _run_pool(self, todo: Iterable[Article], writer: StoreWriter, summary: RunSummary) -> None:
        self._start_pool()
        limit = 2 * self.workers  # enough queued work to keep every worker busy
        for batch in batched(todo, self.batch_size):
            self._inflight.append((batch, self._submit(batch)))
            while len(self._inflight) >= limit:
                self._collect(writer, summary)
        while self._inflight:
            self._collect(writer, summary)

    def _submit(self, batch: list[Article]) -> Future[BatchOutput]:
        try:
            return self._start_pool().submit(run_batch, self.factory, batch)
        except BrokenProcessPool as exc:  # a worker died earlier; handled on collection
            failed: Future[BatchOutput] = Future()
            failed.set_exception(exc)
            return failed

    def _collect(self, writer: StoreWriter, summary: RunSummary) -> None:
        batch, future = self._inflight.popleft()
        output = self._result(batch, future)
        summary.note_worker(output.worker, output.peak_rss)
        for outcome in output.outcomes:
            writer.add(outcome)

    def _result(self, batch: list[Article], future: Future[BatchOutput]) -> BatchOutput:
        try:
            return future.result()
        except BrokenProcessPool:
            pass
        # A dead worker breaks the whole pool, so any batch in flight may be the culprit:
        # rerun each suspect alone, where a crash can be attributed.
        suspects = [batch, *(b for b, _ in self._inflight)]
        self.close(kill=True)
        outputs = [self._isolated(b) for b in suspects]
        rest = zip(suspects[1:], outputs[1:], strict=True)
        self._inflight = deque((b, _done(o)) for b, o in rest)
        return outputs[0]

    def _isolated(self, batch: list[Article]) -> BatchOutput:
        """Run one batch alone; retry it, then its articles one by one, after crashes."""
        for _ in range(self.retries + 1):
            try:
                return self._start_pool().submit(run_batch, self.factory, batch).result()
            except BrokenProcessPool:
                self.close(kill=True)
        if len(batch) > 1:
            outputs = [self._isolated([article]) for article in batch]
            return BatchOutput([o for out in outputs for o in out.outcomes], "isolated", 0)
        article = batch[0]
        failure = Failure(
            article.key,
            article.origin,
            article.line,
            "WorkerCrash",
            "the worker process died while coding this article (out of memory?)",
        )
        return BatchOutput([failure], "crashed", 0)


def _done(output: BatchOutput) -> Future[BatchOutput]:
    future: Future[BatchOutput] = Future()
    future.set_result(output)
    return future


def run_local(
    items: Iterable[Article | Failure],
    store: Store,
    *,
    workers: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    pipeline_factory: PipelineFactory = default_pipeline_factory,
    max_chars: int = DEFAULT_MAX_CHARS,
    on_progress: ProgressCallback | None = None,
) -> RunSummary:
    """Code ``items`` into ``store`` with a local process pool (see :class:`LocalEngine`)."""
    with LocalEngine(
        workers=workers,
        batch_size=batch_size,
        pipeline_factory=pipeline_factory,
        max_chars=max_chars,
    ) as engine:
        return engine.run(items, store, on_progress=on_progress)
