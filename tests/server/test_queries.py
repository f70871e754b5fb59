"""SQL building blocks (server/_queries.py): escaping, sorting, filter clauses."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.server._queries import (
    EVENT_SORTS,
    EventFilters,
    event_where,
    like_pattern,
    order_by,
)


@pytest.mark.parametrize(
    ("text", "pattern"),
    [("gas", "%gas%"), ("50%", "%50\\%%"), ("a_b", "%a\\_b%"), ("c:\\x", "%c:\\\\x%")],
)
def test_queries_like_pattern_escapes_wildcards(text, pattern):
    assert like_pattern(text) == pattern


def test_queries_order_by_only_whitelisted():
    assert order_by("-goldstein", EVENT_SORTS, "e.article_id").startswith(
        "ORDER BY e.goldstein DESC NULLS LAST"
    )
    with pytest.raises(KeyError):
        order_by("goldstein; DROP TABLE events", EVENT_SORTS, "x")


def test_queries_no_filters_no_where():
    assert event_where(EventFilters()) == ("", [])


def test_queries_filters_are_bound_parameters():
    where, params = event_where(
        EventFilters(actor="SYR*", cameo="04", quad_class=(1, 2), date_from=dt.date(2024, 1, 1))
    )
    assert "'" not in where.replace("'\\'", "")  # values never spliced into the SQL
    assert params == ["SYR", "SYR", "04", 1, 2, dt.date(2024, 1, 1)]


def test_queries_filters_echo_only_set_values():
    assert EventFilters(actor="X1", quad_class=(3,)).as_params() == {
        "actor": "X1",
        "quad_class": [3],
    }


def test_queries_code_names_most_frequent_then_alphabetical():
    import duckdb

    from newsevents.server._queries import _code_names

    con = duckdb.connect()
    con.execute(
        "CREATE TABLE t (source_code TEXT, source_name TEXT, target_code TEXT, target_name TEXT)"
    )
    con.execute(
        "INSERT INTO t VALUES ('A', 'Zed', 'B', 'Bee'), ('A', 'Amy', 'B', 'Bo'), "
        "('A', 'Zed', NULL, NULL), ('B', 'Bo', 'A', 'Amy'), ('C', 'Cy', 'A', NULL)"
    )
    names = _code_names(con, "FROM t e", [], {"A", "B", "Q"})
    assert names == {"A": "Amy", "B": "Bo"}  # A: Amy 2 = Zed 2 → Amy; B: Bo 2 > Bee 1
