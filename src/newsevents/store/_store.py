"""The DuckDB event store: one file, versioned schema, one transaction per batch."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from ..article import Failure
from ..errors import StoreError
from ..schema import ArticleResult
from ._rows import ARROW_SCHEMAS, batch_tables
from ._schema import (
    DATA_TABLES,
    SCHEMA_VERSION,
    create_schema,
    create_views,
    migrate,
    stored_version,
)


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _explain(exc: BaseException, path: Path, *, read_only: bool) -> str:
    """One line a user can act on, from a DuckDB or OS error."""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    lowered = text.lower()
    if "lock" in lowered:
        return f"database {path} is in use by another process (close it or wait): {text}"
    if "permission denied" in lowered or "read-only" in lowered:
        mode = "reading" if read_only else "writing"
        return f"cannot open database {path} for {mode}: permission denied"
    if "no space" in lowered or "disk full" in lowered:
        return f"cannot write to database {path}: the disk is full"
    if "not a valid duckdb" in lowered or "invalid" in lowered and "database" in lowered:
        return f"{path} is not a DuckDB database file"
    return f"cannot use database {path}: {text}"


class Store:
    """A newsevents DuckDB file (``events.duckdb``): articles and everything found in them.

    ``write_batch`` is one transaction: a crash or kill leaves either the whole batch
    or none of it, and articles already stored are skipped, so re-running the same
    input adds nothing and an interrupted run resumes where it stopped.

    Args:
        path: the database file (created with the current schema when missing).
        read_only: open for reading only (several readers may share the file).

    Raises:
        StoreError: the file cannot be opened or written, is not a newsevents store,
            or was written by a newer newsevents.
    """

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._check_path()
        try:
            self.connection: duckdb.DuckDBPyConnection = duckdb.connect(
                str(self.path), read_only=read_only
            )
        except (duckdb.Error, OSError) as exc:
            raise StoreError(_explain(exc, self.path, read_only=read_only)) from None
        try:
            self._prepare()
        except BaseException:
            self.connection.close()
            raise

    def _check_path(self) -> None:
        path = self.path
        if self.read_only:
            if not path.is_file():
                raise StoreError(f"no such database: {path}")
            return
        if path.is_dir():
            raise StoreError(f"cannot use database {path}: it is a directory")
        folder = path.parent if str(path.parent) else Path(".")
        if not folder.is_dir():
            raise StoreError(f"cannot create database {path}: folder {folder} does not exist")
        # DuckDB writes a .wal file next to the database, so the folder must be writable too.
        if path.exists() and not os.access(path, os.W_OK) or not os.access(folder, os.W_OK):
            raise StoreError(
                f"cannot open database {path} for writing: permission denied "
                "(the file or its folder is read-only)"
            )

    def _prepare(self) -> None:
        con = self.connection
        try:
            version = stored_version(con)
            if version is None:
                has_tables = con.execute(
                    "SELECT count(*) FROM information_schema.tables"
                ).fetchall()
                if self.read_only or has_tables[0][0]:
                    raise StoreError(f"{self.path} is not a newsevents store (no meta table)")
                create_schema(con)
                version = SCHEMA_VERSION
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path} has schema version {version}, newer than this newsevents "
                    f"(version {SCHEMA_VERSION}); upgrade newsevents to read it"
                )
            if version < SCHEMA_VERSION:
                if self.read_only:
                    raise StoreError(
                        f"{self.path} has schema version {version}; open it once without "
                        "read-only to upgrade it"
                    )
                migrate(con)
            if not self.read_only:
                create_views(con)
        except duckdb.Error as exc:
            raise StoreError(_explain(exc, self.path, read_only=self.read_only)) from None

    # -- context manager -------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (committed batches are already on disk)."""
        self.connection.close()

    # -- writing -----------------------------------------------------------------------

    def write_batch(
        self, results: Sequence[ArticleResult], failures: Sequence[Failure] = ()
    ) -> int:
        """Store a batch of results and failures in one transaction; return articles added.

        Articles whose id is already stored (or repeated within the batch) are skipped.
        A failure identical to one already recorded is not recorded twice; failures
        recorded earlier for an article that is now stored are removed.

        Raises:
            StoreError: the write failed (disk full, read-only); nothing of the batch is kept.
        """
        if self.read_only:
            raise StoreError(f"database {self.path} was opened read-only")
        con = self.connection
        try:
            con.begin()
            try:
                stored = self.known_ids([r.article.id for r in results])
                fresh: list[ArticleResult] = []
                for result in results:
                    if result.article.id not in stored:
                        stored.add(result.article.id)
                        fresh.append(result)
                tables = batch_tables(fresh, failures, _utc_now())
                for name, table in tables.items():
                    self._insert(name, table)
                if fresh:
                    con.execute(
                        "DELETE FROM failures WHERE article_id IN (SELECT unnest(?))",
                        [[r.article.id for r in fresh]],
                    )
                con.commit()
            except BaseException:
                con.rollback()
                raise
        except duckdb.Error as exc:
            raise StoreError(
                "could not write a batch (nothing of it was kept): "
                + _explain(exc, self.path, read_only=False)
            ) from None
        return len(fresh)

    def _insert(self, name: str, table: Any) -> None:
        columns = ", ".join(f'"{c}"' for c in ARROW_SCHEMAS[name].names)
        view = f"_batch_{name}"
        self.connection.register(view, table)
        try:
            ignore = "OR IGNORE " if name == "failures" else ""
            self.connection.execute(
                f"INSERT {ignore}INTO {name} ({columns}) SELECT {columns} FROM {view}"
            )
        finally:
            self.connection.unregister(view)

    def record_failures(self, failures: Sequence[Failure]) -> None:
        """Record failures alone (one transaction)."""
        self.write_batch([], failures)

    # -- reading -----------------------------------------------------------------------

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` are stored."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return set()
        rows = self.connection.execute(
            "SELECT article_id FROM articles WHERE article_id IN (SELECT unnest(?))", [wanted]
        ).fetchall()
        return {row[0] for row in rows}

    def has_article(self, article_id: str) -> bool:
        """Whether an article with this id is stored."""
        return bool(self.known_ids([article_id]))

    def get_article(self, article_id: str) -> ArticleResult | None:
        """The stored result of one article, or None."""
        row = self.connection.execute(
            "SELECT result_json FROM articles WHERE article_id = ?", [article_id]
        ).fetchall()
        return ArticleResult.from_dict(json.loads(row[0][0])) if row else None

    def iter_results(self, *, chunk: int = 1000) -> Iterator[ArticleResult]:
        """Every stored result, ordered by article id."""
        cursor = self.connection.cursor()
        try:
            cursor.execute("SELECT result_json FROM articles ORDER BY article_id")
            while rows := cursor.fetchmany(chunk):
                for (payload,) in rows:
                    yield ArticleResult.from_dict(json.loads(payload))
        finally:
            cursor.close()

    def failures(self) -> list[Failure]:
        """Every recorded failure, by source and line."""
        rows = self.connection.execute(
            "SELECT article_id, source, line, error, message FROM failures "
            "ORDER BY source NULLS FIRST, line NULLS FIRST, article_id, error"
        ).fetchall()
        return [Failure(*row) for row in rows]

    def counts(self) -> dict[str, int]:
        """Row counts of the data tables, the failures and the aggregated events."""
        out: dict[str, int] = {}
        for name in (*DATA_TABLES, "failures", "event_groups"):
            row = self.connection.execute(f"SELECT count(*) FROM {name}").fetchall()
            out[name] = int(row[0][0])
        return out

    @property
    def schema_version(self) -> int:
        version = stored_version(self.connection)
        return version if version is not None else 0
