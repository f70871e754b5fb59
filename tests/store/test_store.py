"""The DuckDB store: schema and version, idempotent transactional batches, aggregation."""

from __future__ import annotations

import dataclasses
import datetime as dt

import duckdb
import pytest

from newsevents.article import Article, Failure
from newsevents.store import SCHEMA_VERSION, Store, StoreError
from newsevents.store._schema import migrate
from tests.engines._fake import fake_result


def result(aid: str, text: str = "Paris urged calm in the region.", **info):
    base = fake_result(Article(text=text, id=aid))
    return dataclasses.replace(base, article=dataclasses.replace(base.article, **info))


def test_store_creates_versioned_schema(tmp_path):
    with Store(tmp_path / "e.duckdb") as store:
        assert store.schema_version == SCHEMA_VERSION == 1
        meta = dict(store.connection.execute("SELECT key, value FROM meta").fetchall())
        assert meta["schema_version"] == "1"
        tables = {
            r[0]
            for r in store.connection.execute(
                "SELECT table_name FROM information_schema.tables"
            ).fetchall()
        }
    assert {"articles", "actors", "events", "quotes", "times", "places", "failures"} <= tables
    assert "event_groups" in tables


def test_store_write_batch_is_idempotent(tmp_path):
    path = tmp_path / "e.duckdb"
    with Store(path) as store:
        assert store.write_batch([result("a1"), result("a2"), result("a1")]) == 2
        assert store.write_batch([result("a1"), result("a2")]) == 0
        assert store.counts()["articles"] == 2
        assert store.counts()["events"] == 2
    with Store(path) as store:
        assert store.write_batch([result("a2"), result("a3")]) == 1
        assert store.has_article("a3") and not store.has_article("zz")


def test_store_get_article_round_trips(tmp_path):
    original = result("a1", published="2023-03-16", source="Wire", url="http://w/1")
    with Store(tmp_path / "e.duckdb") as store:
        store.write_batch([original])
        assert store.get_article("a1") == original
        assert store.get_article("missing") is None
        row = store.connection.execute(
            "SELECT published, source, chars, content_hash FROM articles"
        ).fetchall()[0]
    assert (
        row[0] == dt.date(2023, 3, 16) and row[1] == "Wire" and row[2] == len(original.article.text)
    )
    assert len(row[3]) == 16


def test_store_batch_is_all_or_nothing(tmp_path, monkeypatch):
    path = tmp_path / "e.duckdb"
    with Store(path) as store:
        store.write_batch([result("a1")])
        calls = []
        original = Store._insert

        def failing_insert(self, name, table):
            calls.append(name)
            if name == "events":
                raise duckdb.IOException("No space left on device")
            original(self, name, table)

        monkeypatch.setattr(Store, "_insert", failing_insert)
        with pytest.raises(StoreError, match="disk is full"):
            store.write_batch([result("a2"), result("a3")])
        assert "articles" in calls  # articles were inserted before the failure ...
        monkeypatch.undo()
        assert store.counts()["articles"] == 1  # ... and rolled back with the batch
        assert store.write_batch([result("a2"), result("a3")]) == 2


def test_store_failures_recorded_once_and_cleared_on_success(tmp_path):
    bad = Failure("a9", "news.jsonl", 9, "StageError", "boom")
    other = Failure(None, "news.jsonl", 4, "RecordError", "not JSON")
    with Store(tmp_path / "e.duckdb") as store:
        store.write_batch([], [bad, other])
        store.write_batch([], [bad, other])
        assert [f.line for f in store.failures()] == [4, 9]
        store.write_batch([result("a9")])
        assert store.failures() == [other]


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        # same dyad + code + day in three articles from two outlets: one group
        (
            [
                ("a1", "Wire", "2023-03-15"),
                ("a2", "Wire", "2023-03-15"),
                ("a3", "AFP", "2023-03-15"),
            ],
            [(3, 2, 3)],
        ),
        # different days: two groups
        ([("a1", "Wire", "2023-03-15"), ("a2", "Wire", "2023-03-14")], [(1, 1, 1), (1, 1, 1)]),
        # an undated event falls on the article's publication date
        ([("a1", "Wire", None), ("a2", "AFP", "2023-03-16")], [(2, 2, 2)]),
        # a vague TIMEX value is no day
        ([("a1", "Wire", "2023-03"), ("a2", "AFP", "2023-03-15")], [(1, 1, 1), (1, 1, 1)]),
    ],
)
def test_store_event_groups_aggregate_across_articles(tmp_path, events, expected):
    results = []
    for aid, outlet, date in events:
        r = result(
            aid, text=f"Paris urged calm, story {aid}.", source=outlet, published="2023-03-16"
        )
        event = dataclasses.replace(r.events[0], date=date)
        results.append(dataclasses.replace(r, events=[event]))
    with Store(tmp_path / "e.duckdb") as store:
        store.write_batch(results)
        rows = store.connection.execute(
            "SELECT mentions, sources, articles, article_ids FROM event_groups ORDER BY event_date"
        ).fetchall()
    assert sorted((m, s, a) for m, s, a, _ in rows) == sorted(expected)
    assert sum(len(ids) for *_, ids in rows) == len(events)


def test_store_event_date_only_for_full_days(tmp_path):
    r = result("a1")
    dated = [
        dataclasses.replace(r.events[0], id=f"E{i}", date=v)
        for i, v in enumerate(["2023-03-15", "2023-03", "PRESENT_REF", None, "2023-02-30"], start=1)
    ]
    with Store(tmp_path / "e.duckdb") as store:
        store.write_batch([dataclasses.replace(r, events=dated)])
        days = store.connection.execute(
            "SELECT event_date FROM events ORDER BY event_index"
        ).fetchall()
    assert [d[0] for d in days] == [dt.date(2023, 3, 15), None, None, None, None]


def test_store_read_only_refuses_writes(tmp_path):
    path = tmp_path / "e.duckdb"
    Store(path).close()
    with Store(path, read_only=True) as store:
        with pytest.raises(StoreError, match="read-only"):
            store.write_batch([result("a1")])


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.mkdir(), "is a directory"),
        (lambda p: None, None),  # a missing file in an existing folder is created
    ],
)
def test_store_open_path_errors(tmp_path, make, message):
    path = tmp_path / "e.duckdb"
    make(path)
    if message:
        with pytest.raises(StoreError, match=message):
            Store(path)
    else:
        Store(path).close()


def test_store_missing_folder_and_missing_read_only_file(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "nope" / "e.duckdb")
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "e.duckdb", read_only=True)


def test_store_refuses_foreign_database_and_garbage_file(tmp_path):
    foreign = tmp_path / "other.duckdb"
    con = duckdb.connect(str(foreign))
    con.execute("CREATE TABLE t (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not a newsevents store"):
        Store(foreign)
    garbage = tmp_path / "garbage.duckdb"
    garbage.write_bytes(b"this is not a database" * 500)
    with pytest.raises(StoreError):
        Store(garbage)


def test_store_refuses_newer_schema(tmp_path):
    path = tmp_path / "e.duckdb"
    with Store(path) as store:
        store.connection.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_store_migration_hook_upgrades_in_steps(tmp_path):
    path = tmp_path / "e.duckdb"
    with Store(path) as store:
        store.write_batch([result("a1")])
        steps = {
            1: lambda con: con.execute("ALTER TABLE articles ADD COLUMN tone DOUBLE"),
            2: lambda con: con.execute("UPDATE articles SET tone = 0.5"),
        }
        assert migrate(store.connection, target=3, migrations=steps) == 3
        assert store.connection.execute("SELECT tone FROM articles").fetchall() == [(0.5,)]
        assert store.schema_version == 3
        with pytest.raises(ValueError, match="no migration"):
            migrate(store.connection, target=4, migrations=steps)
