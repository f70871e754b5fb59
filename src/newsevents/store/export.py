"""Exports of a store: JSONL documents, CSV/Parquet tables, and the GDELT 2.0 event table."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import duckdb

from ._schema import DATA_TABLES
from ._store import Store, StoreError
from .gdelt import iter_gdelt_rows

FORMATS = ("jsonl", "csv", "parquet", "gdelt")
TABLES = (*DATA_TABLES, "failures", "event_groups")

_ORDER = {
    "articles": "article_id",
    "actors": "article_id, length(actor_id), actor_id",
    "events": "article_id, event_index",
    "quotes": "article_id, length(quote_id), quote_id",
    "times": "article_id, length(time_id), time_id",
    "places": "article_id, length(place_id), place_id",
    "failures": "source NULLS FIRST, line NULLS FIRST, article_id, error",
    "event_groups": "event_date NULLS LAST, group_id",
}


def _select(table: str) -> str:
    if table not in TABLES:
        raise StoreError(f"unknown table {table!r}; choose from {', '.join(TABLES)}")
    return f"SELECT * FROM {table} ORDER BY {_ORDER[table]}"


@contextmanager
def _text_out(out: str | Path) -> Iterator[IO[str]]:
    if str(out) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    try:
        stream = open(out, "w", encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as exc:
        raise StoreError(f"cannot write {out}: {exc.strerror}") from None
    with stream:
        yield stream


def _rows(con: duckdb.DuckDBPyConnection, sql: str, chunk: int = 2000) -> Iterator[tuple[Any, ...]]:
    cursor = con.cursor()
    try:
        cursor.execute(sql)
        while rows := cursor.fetchmany(chunk):
            yield from rows
    finally:
        cursor.close()


def export(store: Store, fmt: str, out: str | Path, *, table: str | None = None) -> int:
    """Write the store (or one table) to ``out`` (``-`` for stdout); return rows written.

    - ``jsonl``: one ``newsevents/1`` document per article (or the rows of ``table``);
    - ``csv``, ``parquet``: the rows of ``table`` (default ``events``), with a header;
    - ``gdelt``: the GDELT 2.0 event table (61 tab-separated columns, no header), one
      row per aggregated event (``event_groups``).

    Raises:
        StoreError: unknown format or table, or ``out`` cannot be written.
    """
    con = store.connection
    if fmt == "gdelt":
        cursor = con.cursor()
        cursor.execute(_select("event_groups"))
        names = [d[0] for d in cursor.description or []]

        def groups() -> Iterator[dict[str, Any]]:
            try:
                while rows := cursor.fetchmany(2000):
                    for row in rows:
                        yield dict(zip(names, row, strict=True))
            finally:
                cursor.close()

        count = 0
        with _text_out(out) as stream:
            for line in iter_gdelt_rows(groups()):
                stream.write(line + "\n")
                count += 1
        return count
    if fmt == "jsonl" and table is None:
        count = 0
        with _text_out(out) as stream:
            for (payload,) in _rows(con, "SELECT result_json FROM articles ORDER BY article_id"):
                stream.write(payload + "\n")
                count += 1
        return count
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
    sql = _select(table or "events")
    if str(out) == "-":
        if fmt == "parquet":
            raise StoreError("parquet cannot be written to stdout; give --out FILE")
        return _stream_rows(con, sql, fmt)
    options = {"csv": "FORMAT csv, HEADER", "parquet": "FORMAT parquet", "jsonl": "FORMAT json"}
    target = str(out).replace("'", "''")
    try:
        con.execute(f"COPY ({sql}) TO '{target}' ({options[fmt]})")
    except duckdb.Error as exc:
        raise StoreError(f"cannot write {out}: {str(exc).splitlines()[0]}") from None
    row = con.execute(f"SELECT count(*) FROM ({sql})").fetchall()
    return int(row[0][0])


def _stream_rows(con: duckdb.DuckDBPyConnection, sql: str, fmt: str) -> int:
    cursor = con.cursor()
    count = 0
    try:
        cursor.execute(sql)
        names = [d[0] for d in cursor.description or []]
        writer = csv.writer(sys.stdout) if fmt == "csv" else None
        if writer:
            writer.writerow(names)
        while rows := cursor.fetchmany(2000):
            for row in rows:
                if writer:
                    writer.writerow(row)
                else:
                    record = dict(zip(names, row, strict=True))
                    sys.stdout.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
                count += 1
    finally:
        cursor.close()
    return count
