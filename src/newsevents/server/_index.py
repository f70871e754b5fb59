"""An in-memory copy of the events (joined with their articles) that the explorer queries.

GET /events, /stats and /explore filter, sort and aggregate the events together with
their article's date and title. Joining the store's tables on every request costs
several times more than scanning one prepared table, so the app keeps that join in an
in-memory DuckDB database: built once at start-up, extended after every POST /articles
(the only way the store changes while the server holds it). Stores with more than
:data:`MAX_INDEXED_EVENTS` events are queried in place instead, to bound memory.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

import duckdb

from ._queries import EVENTS_REL, SPEAKERS_REL

MAX_INDEXED_EVENTS = 2_000_000

EVENTS_TABLE = "ev"
SPEAKERS_TABLE = "sp"


class EventIndex:
    """The in-memory tables ``ev`` (events) and ``sp`` (quote speakers)."""

    def __init__(self, store_cursor: duckdb.DuckDBPyConnection) -> None:
        # Many small concurrent queries: parallelism inside one query only adds
        # scheduling overhead, the concurrency comes from the requests.
        self.connection = duckdb.connect(":memory:", config={"threads": 1})
        self._lock = threading.Lock()
        for table, rel in ((EVENTS_TABLE, EVENTS_REL), (SPEAKERS_TABLE, SPEAKERS_REL)):
            data = store_cursor.sql(f"SELECT * FROM {rel}").to_arrow_table()
            self.connection.register("_load", data)
            self.connection.execute(f"CREATE TABLE {table} AS SELECT * FROM _load")
            self.connection.unregister("_load")

    @classmethod
    def build(cls, store_cursor: duckdb.DuckDBPyConnection) -> EventIndex | None:
        """The index, or None when the store is too large to copy into memory."""
        ((count,),) = store_cursor.execute("SELECT count(*) FROM events").fetchall()
        if count > MAX_INDEXED_EVENTS:
            return None
        return cls(store_cursor)

    def add_articles(
        self, store_cursor: duckdb.DuckDBPyConnection, article_ids: Iterable[str]
    ) -> None:
        """Copy the rows of newly stored articles from the store."""
        ids = list(article_ids)
        if not ids:
            return
        with self._lock:
            for table, rel in ((EVENTS_TABLE, EVENTS_REL), (SPEAKERS_TABLE, SPEAKERS_REL)):
                data = store_cursor.sql(
                    f"SELECT * FROM {rel} x WHERE x.article_id IN (SELECT unnest(?))",
                    params=[ids],
                ).to_arrow_table()
                cur = self.connection.cursor()
                try:
                    cur.register("_new", data)
                    cur.execute(f"INSERT INTO {table} SELECT * FROM _new")
                    cur.unregister("_new")
                finally:
                    cur.close()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        with self._lock:
            return self.connection.cursor()

    def close(self) -> None:
        self.connection.close()
