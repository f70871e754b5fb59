"""What one app holds: the store, the extractor, the write key and the limits."""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from ._extract import Extractor
from ._index import EVENTS_TABLE, SPEAKERS_TABLE, EventIndex
from ._queries import EVENTS_REL, SPEAKERS_REL

T = TypeVar("T")


class QueryTimeoutError(TimeoutError):
    """A store query ran past the app's query timeout and was interrupted."""


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on requests, and the speed-ups (page size ≤ 500 is fixed by the API)."""

    max_body_bytes: int = 4_000_000
    query_timeout: float = 10.0
    extract_timeout: float = 30.0
    max_extract_queue: int = 64
    index_events: bool = True  # keep the events/articles join in memory (see _index.py)
    cache_entries: int = 1024  # GET answers kept until the next write
    prewarm: bool = True  # cache the first pages of GET /events at start-up (background)
    read_threads: int = 4  # store queries run on these, first come first served


class ResponseCache:
    """JSON bodies of recent GET answers, cleared whenever the store changes.

    The store only changes through this app (DuckDB lets no other process write while
    the server holds the file), so a cleared-on-write cache is never stale.
    """

    def __init__(self, max_entries: int) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()
        self._generation = 0

    def get(self, key: str) -> tuple[bytes | None, int]:
        """The cached body (or None) and the generation to store a fresh one under."""
        with self._lock:
            body = self._entries.get(key)
            if body is not None:
                self._entries.move_to_end(key)
            return body, self._generation

    def put(self, key: str, body: bytes, generation: int) -> None:
        if self.max_entries <= 0:
            return
        with self._lock:
            if generation != self._generation:
                return  # computed before a write: may be stale
            self._entries[key] = body
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._generation += 1
            self._entries.clear()


class AppState:
    """The store connection (reads via per-request cursors) and the serialized writer."""

    def __init__(
        self,
        store: Any,
        *,
        db_path: Path,
        api_key: str | None,
        extractor: Extractor,
        limits: Limits,
    ) -> None:
        self.store = store
        self.db_path = db_path
        self.api_key = api_key
        self.extractor = extractor
        self.limits = limits
        self._cursor_lock = threading.Lock()
        self.write_lock = threading.Lock()
        # A small FIFO pool: under load every read waits its turn, instead of dozens of
        # threads sharing the cores unfairly (which gives a long latency tail).
        self._readers = concurrent.futures.ThreadPoolExecutor(
            max_workers=max(1, limits.read_threads), thread_name_prefix="newsevents-read"
        )
        self.cache = ResponseCache(limits.cache_entries)
        self.index: EventIndex | None = None
        if limits.index_events:
            # Built once, before serving: not subject to the per-request query timeout.
            cur = store.connection.cursor()
            try:
                self.index = EventIndex.build(cur)
            finally:
                cur.close()

    @property
    def writable(self) -> bool:
        return self.api_key is not None

    async def read(self, work: Callable[[], T]) -> T:
        """Run a blocking store read on the reader pool."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._readers, work)

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A store cursor of its own for this request, interrupted after ``query_timeout``."""
        with self._cursor_lock:
            cur = self.store.connection.cursor()
        with self._guard(cur):
            yield cur

    @contextmanager
    def events_cursor(self) -> Iterator[tuple[duckdb.DuckDBPyConnection, str, str]]:
        """``(cursor, events relation, speakers relation)`` for the event queries.

        The in-memory index when there is one, else the store's tables.
        """
        if self.index is None:
            with self.cursor() as cur:
                yield cur, EVENTS_REL, SPEAKERS_REL
            return
        cur = self.index.cursor()
        with self._guard(cur):
            yield cur, EVENTS_TABLE, SPEAKERS_TABLE

    def articles_added(self, article_ids: list[str]) -> None:
        """Bring the in-memory index and the cache up to date after a write."""
        if self.index is not None:
            # Not interrupted by the query timeout: a partial copy would miss the article.
            with self._cursor_lock:
                cur = self.store.connection.cursor()
            try:
                self.index.add_articles(cur, article_ids)
            finally:
                cur.close()
        self.cache.clear()

    @contextmanager
    def _guard(self, cur: duckdb.DuckDBPyConnection) -> Iterator[None]:
        timer = threading.Timer(self.limits.query_timeout, cur.interrupt)
        timer.daemon = True
        timer.start()
        try:
            yield
        except duckdb.InterruptException:
            raise QueryTimeoutError(
                f"the query took longer than {self.limits.query_timeout:g} s"
            ) from None
        finally:
            timer.cancel()
            cur.close()

    def close(self) -> None:
        self._readers.shutdown(wait=True, cancel_futures=True)
        self.extractor.close()
        if self.index is not None:
            self.index.close()
        self.store.close()
