"""SQL over the store's DuckDB tables: filters, pages and aggregates for the API.

Every function takes a DuckDB cursor and plain values, and returns JSON-ready dicts
(dates as ISO strings). Filter values are always bound as parameters; only column
names from the whitelists below are ever spliced into SQL.

The *day* of an event is its own date when the article gives a full one
(``events.event_date``), else the article's publication date: that is what the date
filters, the timeline and the ``date`` sort use.

Event queries read a relation ``e`` with the events columns plus ``day``,
``article_title`` and ``published``: either :data:`EVENTS_REL` (a join over the store) or
the app's in-memory copy of it (``_index.py``), which makes them several times faster.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

import duckdb

EVENTS_REL = (
    "(SELECT e.*, COALESCE(e.event_date, a.published) AS day, a.title AS article_title, "
    "a.published AS published, TRY_CAST(substr(e.event_id, 2) AS INTEGER) AS event_ordinal "
    "FROM events e JOIN articles a ON a.article_id = e.article_id)"
)
"""Events with their day and article metadata, straight from the store's tables."""

SPEAKERS_REL = (
    "(SELECT q.article_id, q.speaker, q.speaker_code, q.speaker_name, a.published "
    "FROM quotes q JOIN articles a ON a.article_id = q.article_id)"
)
"""Quote speakers with the article's publication date (for top speakers)."""

DAY = "e.day"

QUAD_CLASSES = {
    1: "Verbal cooperation",
    2: "Material cooperation",
    3: "Verbal conflict",
    4: "Material conflict",
}

EVENT_SORTS: dict[str, str] = {
    "date": DAY,
    "published": "e.published",
    "goldstein": "e.goldstein",
    "confidence": "e.confidence",
    "cameo": "e.cameo",
    "quad_class": "e.quad_class",
    "source": "e.source_code",
    "target": "e.target_code",
    "article": "e.article_id",
}
"""``sort`` values of GET /events (prefix ``-`` for descending) → SQL expression."""

ACTOR_SORTS: dict[str, str] = {
    "articles": "articles",
    "mentions": "mentions",
    "events": "events",
    "name": "name",
    "code": "code",
}

QUOTE_SORTS: dict[str, str] = {
    "published": "a.published",
    "speaker": "q.speaker_name",
    "article": "q.article_id",
}

ARTICLE_SORTS: dict[str, str] = {
    "published": "a.published",
    "title": "a.title",
    "events": "events",
    "chars": "a.chars",
}

# Ids are "E1", "E2" …: order them as numbers so E10 follows E9 (events carry the
# number as event_ordinal, see EVENTS_REL).
_EVENT_ORDINAL = "e.event_ordinal"
_QUOTE_ORDINAL = "TRY_CAST(substr(q.quote_id, 2) AS INTEGER)"

_EVENT_COLUMNS = (
    "article_id event_id source target source_name target_name source_code target_code "
    "source_country target_country cameo cameo_root cameo_name plover_type plover_mode "
    "plover_context goldstein quad_class modality date event_date date_text place_id "
    "place_name lat lon place_country trigger_start trigger_end trigger_text "
    "sentence_start sentence_end quote_id confidence"
).split()

_QUOTE_COLUMNS = (
    "article_id quote_id kind content_start content_end content_text speaker speaker_name "
    "speaker_code speaker_mention_text cue_text via addressee"
).split()


@dataclass(frozen=True, slots=True)
class EventFilters:
    """The filters shared by GET /events, /stats and /explore (all optional, ANDed)."""

    actor: str | None = None  # CAMEO actor code as source or target; "SYR*" = prefix
    country: str | None = None  # ISO3 of the source or target actor
    source: str | None = None  # actor code of the source
    target: str | None = None  # actor code of the target
    cameo: str | None = None  # CAMEO event code or its prefix ("04" = root 04, "0311")
    cameo_root: str | None = None
    plover: str | None = None  # PLOVER event type, e.g. CONSULT
    quad_class: tuple[int, ...] = field(default_factory=tuple)
    modality: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    q: str | None = None  # text search over trigger, actor and place names, CAMEO name, title
    article: str | None = None

    def as_params(self) -> dict[str, Any]:
        """The non-empty filters as query parameters (for links and echoes)."""
        out: dict[str, Any] = {}
        for name in self.__slots__:  # type: ignore[attr-defined]
            value = getattr(self, name)
            if value in (None, (), ""):
                continue
            out[name] = list(value) if isinstance(value, tuple) else _jsonable(value)
        return out


def like_pattern(text: str) -> str:
    """``%text%`` for ILIKE … ESCAPE '\\', with the user's wildcards taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _code_condition(column_a: str, column_b: str | None, code: str, params: list[Any]) -> str:
    if code.endswith("*"):
        prefix = code[:-1]
        params.extend([prefix] * (2 if column_b else 1))
        if column_b:
            return f"(starts_with({column_a}, ?) OR starts_with({column_b}, ?))"
        return f"starts_with({column_a}, ?)"
    params.append(code)
    return f"? IN ({column_a}, {column_b})" if column_b else f"{column_a} = ?"


def event_where(f: EventFilters) -> tuple[str, list[Any]]:
    """``WHERE …`` over the events relation ``e`` and its parameters."""
    clauses: list[str] = []
    params: list[Any] = []
    if f.actor:
        clauses.append(_code_condition("e.source_code", "e.target_code", f.actor, params))
    if f.source:
        clauses.append(_code_condition("e.source_code", None, f.source, params))
    if f.target:
        clauses.append(_code_condition("e.target_code", None, f.target, params))
    if f.country:
        clauses.append("? IN (e.source_country, e.target_country)")
        params.append(f.country)
    if f.cameo:
        clauses.append("starts_with(e.cameo, ?)")
        params.append(f.cameo)
    if f.cameo_root:
        clauses.append("e.cameo_root = ?")
        params.append(f.cameo_root)
    if f.plover:
        clauses.append("e.plover_type = ?")
        params.append(f.plover)
    if f.quad_class:
        clauses.append(f"e.quad_class IN ({', '.join('?' * len(f.quad_class))})")
        params.extend(f.quad_class)
    if f.modality:
        clauses.append("e.modality = ?")
        params.append(f.modality)
    if f.date_from:
        clauses.append(f"{DAY} >= ?")
        params.append(f.date_from)
    if f.date_to:
        clauses.append(f"{DAY} <= ?")
        params.append(f.date_to)
    if f.article:
        clauses.append("e.article_id = ?")
        params.append(f.article)
    if f.q:
        fields = (
            "e.trigger_text",
            "e.source_name",
            "e.target_name",
            "e.cameo_name",
            "e.place_name",
            "e.article_title",
        )
        clauses.append("(" + " OR ".join(f"{c} ILIKE ? ESCAPE '\\'" for c in fields) + ")")
        params.extend([like_pattern(f.q)] * len(fields))
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def order_by(sort: str, sorts: dict[str, str], tiebreak: str) -> str:
    """``ORDER BY`` for a whitelisted ``sort`` (``-name`` = descending), ties broken stably."""
    descending = sort.startswith("-")
    expr = sorts[sort.lstrip("-")]
    direction = "DESC" if descending else "ASC"
    return f"ORDER BY {expr} {direction} NULLS LAST, {tiebreak}"


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def _rows(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description or ()]
    return [{n: _jsonable(v) for n, v in zip(names, row, strict=True)} for row in cur.fetchall()]


def _event_item(row: dict[str, Any]) -> dict[str, Any]:
    """A flat events row, with the trigger and sentence as spans like the contract."""
    item = {k: row.get(k) for k in _EVENT_COLUMNS}
    item["day"] = row.get("day")
    item["article_title"] = row.get("article_title")
    item["published"] = row.get("published")
    return item


def search_events(
    cur: duckdb.DuckDBPyConnection,
    filters: EventFilters,
    *,
    sort: str = "-date",
    limit: int = 50,
    offset: int = 0,
    rel: str = EVENTS_REL,
) -> dict[str, Any]:
    """One page of events matching ``filters`` and the total count."""
    where, params = event_where(filters)
    base = f"FROM {rel} e {where}"
    total = cur.execute(f"SELECT count(*) {base}", params).fetchone()
    order = order_by(sort, EVENT_SORTS, f"e.article_id, {_EVENT_ORDINAL}")
    cur.execute(f"SELECT e.* {base} {order} LIMIT ? OFFSET ?", [*params, limit, offset])
    items = [_event_item(r) for r in _rows(cur)]
    return _page(
        total, limit=limit, offset=offset, sort=sort, items=items, filters=filters.as_params()
    )


def event_stats(
    cur: duckdb.DuckDBPyConnection,
    filters: EventFilters,
    *,
    top: int = 25,
    rel: str = EVENTS_REL,
    speakers_rel: str = SPEAKERS_REL,
) -> dict[str, Any]:
    """Aggregates for the explorer: per day × quad class, dyads, places, countries, speakers."""
    where, params = event_where(filters)
    base = f"FROM {rel} e {where}"
    totals_row = cur.execute(
        f"SELECT count(*), count(DISTINCT e.article_id), avg(e.goldstein) {base}", params
    ).fetchone() or (0, 0, None)

    cur.execute(
        f"SELECT {DAY} AS day, e.quad_class, count(*) {base} "
        "GROUP BY ALL HAVING day IS NOT NULL ORDER BY day, e.quad_class",
        params,
    )
    per_day: dict[str, dict[str, int]] = {}
    undated = 0
    for day, quad, n in cur.fetchall():
        counts = per_day.setdefault(day.isoformat(), {str(k): 0 for k in QUAD_CLASSES})
        if quad in QUAD_CLASSES:
            counts[str(quad)] += n
    undated_row = cur.execute(f"SELECT count(*) {base} {_and(where)} {DAY} IS NULL", params)
    undated = (undated_row.fetchone() or (0,))[0]

    cur.execute(f"SELECT e.quad_class, count(*) {base} GROUP BY ALL ORDER BY e.quad_class", params)
    quad_totals = {str(k): 0 for k in QUAD_CLASSES}
    for quad, n in cur.fetchall():
        if quad in QUAD_CLASSES:
            quad_totals[str(quad)] = n

    cur.execute(
        "SELECT e.source_code AS source, e.target_code AS target, count(*) AS count, "
        "round(avg(e.goldstein), 2) AS mean_goldstein "
        f"{base} {_and(where)} e.source_code IS NOT NULL AND e.target_code IS NOT NULL "
        "GROUP BY e.source_code, e.target_code "
        "ORDER BY count DESC, source, target LIMIT ?",
        [*params, top],
    )
    dyads = _rows(cur)
    names = _code_names(cur, base, params, {c for d in dyads for c in (d["source"], d["target"])})
    for dyad in dyads:
        dyad["source_name"] = names.get(dyad["source"])
        dyad["target_name"] = names.get(dyad["target"])

    cur.execute(
        "SELECT min(e.place_name) AS name, round(e.lat, 2) AS lat, round(e.lon, 2) AS lon, "
        "min(e.place_country) AS country, count(*) AS count "
        f"{base} {_and(where)} e.lat IS NOT NULL AND e.lon IS NOT NULL "
        "GROUP BY round(e.lat, 2), round(e.lon, 2) ORDER BY count DESC, name LIMIT 500",
        params,
    )
    places = _rows(cur)

    cur.execute(
        f"SELECT e.place_country AS country, count(*) AS count {base} "
        f"{_and(where)} e.place_country IS NOT NULL "
        "GROUP BY e.place_country ORDER BY count DESC, country LIMIT 300",
        params,
    )
    countries = _rows(cur)

    return {
        "filters": filters.as_params(),
        "totals": {
            "events": totals_row[0],
            "articles": totals_row[1],
            "mean_goldstein": None if totals_row[2] is None else round(totals_row[2], 2),
            "undated_events": undated,
        },
        "quad_classes": QUAD_CLASSES,
        "quad_totals": quad_totals,
        "per_day": [{"day": d, "counts": c} for d, c in per_day.items()],
        "top_dyads": dyads,
        "top_speakers": top_speakers(cur, filters, top=top, rel=speakers_rel),
        "places": places,
        "countries": countries,
    }


def _and(where: str) -> str:
    return "AND" if where else "WHERE"


def _code_names(
    cur: duckdb.DuckDBPyConnection, base: str, params: list[Any], codes: set[str]
) -> dict[str, str]:
    """The most frequent actor name for each code (ties: the alphabetically first)."""
    if not codes:
        return {}
    cur.execute(
        "SELECT code, name, count(*) AS n FROM ("
        f"  SELECT e.source_code AS code, e.source_name AS name {base}"
        f"  UNION ALL SELECT e.target_code, e.target_name {base}"
        ") WHERE code IN (SELECT unnest(?)) AND name IS NOT NULL GROUP BY code, name",
        [*params, *params, sorted(codes)],
    )
    best: dict[str, tuple[int, str]] = {}
    for code, name, n in cur.fetchall():
        key = (-n, name)  # most frequent first, then alphabetical
        if code not in best or key < best[code]:
            best[code] = key
    return {code: name for code, (_, name) in best.items()}


def top_speakers(
    cur: duckdb.DuckDBPyConnection,
    filters: EventFilters,
    *,
    top: int = 25,
    rel: str = SPEAKERS_REL,
) -> list[dict[str, Any]]:
    """Speakers (code and name) with most quotes.

    Of the event filters, only actor (the speaker's code), the date range (publication
    date) and article apply: quotes have no CAMEO code or quad class.
    """
    clauses: list[str] = ["q.speaker IS NOT NULL"]
    params: list[Any] = []
    if filters.actor:
        clauses.append(_code_condition("q.speaker_code", None, filters.actor, params))
    if filters.date_from:
        clauses.append("q.published >= ?")
        params.append(filters.date_from)
    if filters.date_to:
        clauses.append("q.published <= ?")
        params.append(filters.date_to)
    if filters.article:
        clauses.append("q.article_id = ?")
        params.append(filters.article)
    cur.execute(
        "SELECT q.speaker_code AS code, q.speaker_name AS name, count(*) AS quotes, "
        "count(DISTINCT q.article_id) AS articles "
        f"FROM {rel} q "
        f"WHERE {' AND '.join(clauses)} "
        "GROUP BY q.speaker_code, q.speaker_name "
        "ORDER BY quotes DESC, name NULLS LAST, code NULLS LAST LIMIT ?",
        [*params, top],
    )
    return _rows(cur)


def search_actors(
    cur: duckdb.DuckDBPyConnection,
    *,
    q: str | None = None,
    code: str | None = None,
    country: str | None = None,
    kind: str | None = None,
    sort: str = "-articles",
    limit: int = 50,
    offset: int = 0,
) -> dict[str, Any]:
    """Actors across articles, one row per (name, code, kind, country)."""
    clauses: list[str] = []
    params: list[Any] = []
    if q:
        clauses.append("ac.name ILIKE ? ESCAPE '\\'")
        params.append(like_pattern(q))
    if code:
        clauses.append(_code_condition("ac.code", None, code, params))
    if country:
        clauses.append("ac.country = ?")
        params.append(country)
    if kind:
        clauses.append("ac.kind = ?")
        params.append(kind)
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    grouped = (
        "WITH ev AS (SELECT article_id, actor, count(*) AS n FROM ("
        "  SELECT article_id, source AS actor FROM events WHERE source IS NOT NULL"
        "  UNION ALL SELECT article_id, target FROM events WHERE target IS NOT NULL"
        ") GROUP BY ALL), "
        "g AS (SELECT ac.name AS name, ac.code AS code, ac.kind AS kind, "
        "ac.country AS country, count(DISTINCT ac.article_id) AS articles, "
        "sum(coalesce(json_array_length(TRY_CAST(ac.mentions_json AS JSON)), 0)) AS mentions, "
        "coalesce(sum(ev.n), 0) AS events "
        "FROM actors ac LEFT JOIN ev ON ev.article_id = ac.article_id AND ev.actor = ac.actor_id "
        f"{where} GROUP BY ac.name, ac.code, ac.kind, ac.country) "
    )
    total = cur.execute(grouped + "SELECT count(*) FROM g", params).fetchone()
    cur.execute(
        grouped
        + "SELECT * FROM g "
        + order_by(sort, ACTOR_SORTS, "name, code NULLS LAST, kind, country NULLS LAST")
        + " LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    items = _rows(cur)
    for item in items:
        item["mentions"] = int(item["mentions"] or 0)
        item["events"] = int(item["events"] or 0)
    return _page(total, limit=limit, offset=offset, sort=sort, items=items)


def search_quotes(
    cur: duckdb.DuckDBPyConnection,
    *,
    speaker: str | None = None,
    q: str | None = None,
    kind: str | None = None,
    article: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    sort: str = "-published",
    limit: int = 50,
    offset: int = 0,
) -> dict[str, Any]:
    """Quotes; ``speaker`` matches the speaker's actor code exactly or part of its name."""
    clauses: list[str] = []
    params: list[Any] = []
    if speaker:
        clauses.append("(q.speaker_code = ? OR q.speaker_name ILIKE ? ESCAPE '\\')")
        params.extend([speaker.upper(), like_pattern(speaker)])
    if q:
        clauses.append("q.content_text ILIKE ? ESCAPE '\\'")
        params.append(like_pattern(q))
    if kind:
        clauses.append("q.kind = ?")
        params.append(kind)
    if article:
        clauses.append("q.article_id = ?")
        params.append(article)
    if date_from:
        clauses.append("a.published >= ?")
        params.append(date_from)
    if date_to:
        clauses.append("a.published <= ?")
        params.append(date_to)
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    base = f"FROM quotes q JOIN articles a ON a.article_id = q.article_id {where}"
    total = cur.execute(f"SELECT count(*) {base}", params).fetchone()
    cur.execute(
        f"SELECT q.*, a.title AS article_title, a.published AS published {base} "
        + order_by(sort, QUOTE_SORTS, f"q.article_id, {_QUOTE_ORDINAL}")
        + " LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    items = []
    for row in _rows(cur):
        item = {k: row.get(k) for k in _QUOTE_COLUMNS}
        item["article_title"] = row.get("article_title")
        item["published"] = row.get("published")
        items.append(item)
    return _page(total, limit=limit, offset=offset, sort=sort, items=items)


def search_articles(
    cur: duckdb.DuckDBPyConnection,
    *,
    q: str | None = None,
    source: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    sort: str = "-published",
    limit: int = 50,
    offset: int = 0,
) -> dict[str, Any]:
    """Stored articles (metadata and counts, not their text)."""
    clauses: list[str] = []
    params: list[Any] = []
    if q:
        clauses.append("a.title ILIKE ? ESCAPE '\\'")
        params.append(like_pattern(q))
    if source:
        clauses.append("a.source = ?")
        params.append(source)
    if date_from:
        clauses.append("a.published >= ?")
        params.append(date_from)
    if date_to:
        clauses.append("a.published <= ?")
        params.append(date_to)
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    total = cur.execute(f"SELECT count(*) FROM articles a {where}", params).fetchone()
    cur.execute(
        "WITH n AS (SELECT article_id, count(*) AS events FROM events GROUP BY article_id) "
        "SELECT a.article_id AS id, a.title, a.published, a.source, a.url, a.language, "
        "a.chars, coalesce(n.events, 0) AS events "
        f"FROM articles a LEFT JOIN n ON n.article_id = a.article_id {where} "
        + order_by(sort, ARTICLE_SORTS, "a.article_id")
        + " LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return _page(total, limit=limit, offset=offset, sort=sort, items=_rows(cur))


def article_json(cur: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """The stored result (the output contract, text included) of one article, or None."""
    row = cur.execute(
        "SELECT result_json, text FROM articles WHERE article_id = ?", [article_id]
    ).fetchone()
    if row is None:
        return None
    result: dict[str, Any] = json.loads(row[0])
    info = result.setdefault("article", {})
    if not info.get("text") and row[1]:
        info["text"] = row[1]  # a store may keep the text only in its own column
    return result


def store_counts(cur: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """How many rows each main table holds (for the explorer's header and /health)."""
    out: dict[str, int] = {}
    for table in ("articles", "events", "actors", "quotes", "places", "times", "failures"):
        try:
            row = cur.execute(f"SELECT count(*) FROM {table}").fetchone()
        except duckdb.CatalogException:
            continue
        out[table] = row[0] if row else 0
    return out


GROUP_SORTS: dict[str, str] = {
    "articles": "g.articles",
    "mentions": "g.mentions",
    "sources": "g.sources",
    "date": "g.event_date",
    "goldstein": "g.goldstein",
    "cameo": "g.cameo",
}
"""``sort`` values of GET /event-groups → SQL expression."""

_GROUP_COLUMNS = (
    "group_id source_code target_code cameo event_date cameo_root cameo_name quad_class "
    "goldstein source_name target_name source_country target_country is_root mentions "
    "sources articles article_ids first_article_id first_url place_name place_country"
).split()


def group_where(f: EventFilters) -> tuple[str, list[Any]]:
    """``WHERE …`` over the store's ``event_groups`` view ``g``.

    The filters of /events that exist per group apply (actor, source, target, country,
    CAMEO, quad class, date range on the group's day); PLOVER type, modality, text and
    article do not, and are ignored.
    """
    clauses: list[str] = []
    params: list[Any] = []
    if f.actor:
        clauses.append(_code_condition("g.source_code", "g.target_code", f.actor, params))
    if f.source:
        clauses.append(_code_condition("g.source_code", None, f.source, params))
    if f.target:
        clauses.append(_code_condition("g.target_code", None, f.target, params))
    if f.country:
        clauses.append("? IN (g.source_country, g.target_country)")
        params.append(f.country)
    if f.cameo:
        clauses.append("starts_with(g.cameo, ?)")
        params.append(f.cameo)
    if f.cameo_root:
        clauses.append("g.cameo_root = ?")
        params.append(f.cameo_root)
    if f.quad_class:
        clauses.append(f"g.quad_class IN ({', '.join('?' * len(f.quad_class))})")
        params.extend(f.quad_class)
    if f.date_from:
        clauses.append("g.event_date >= ?")
        params.append(f.date_from)
    if f.date_to:
        clauses.append("g.event_date <= ?")
        params.append(f.date_to)
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def search_event_groups(
    cur: duckdb.DuckDBPyConnection,
    filters: EventFilters,
    *,
    sort: str = "-articles",
    limit: int = 50,
    offset: int = 0,
) -> dict[str, Any]:
    """One page of aggregated events (the store's ``event_groups``) and the total count."""
    where, params = group_where(filters)
    # One pass over the view (it aggregates all events): the total rides along as a
    # window count; only a page past the end needs a second query for it.
    cols = ", ".join(f"g.{c}" for c in _GROUP_COLUMNS)
    order = order_by(sort, GROUP_SORTS, "g.group_id")
    cur.execute(
        f"SELECT {cols}, count(*) OVER () AS _total FROM event_groups g {where} "
        f"{order} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    items = _rows(cur)
    if items:
        total = items[0]["_total"]
    else:
        row = cur.execute(f"SELECT count(*) FROM event_groups g {where}", params).fetchone()
        total = row[0] if row else 0
    for item in items:
        del item["_total"]
        item["article_ids"] = sorted(item.get("article_ids") or [])
    return {
        "total": total,
        "limit": limit,
        "offset": offset,
        "sort": sort,
        "filters": {k: v for k, v in filters.as_params().items() if k in _GROUP_FILTERS},
        "items": items,
    }


_GROUP_FILTERS = frozenset(
    "actor source target country cameo cameo_root quad_class date_from date_to".split()
)


def _page(
    total: tuple[Any, ...] | None,
    *,
    limit: int,
    offset: int,
    sort: str,
    items: list[dict[str, Any]],
    filters: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """One page of a paginated answer; ``total`` is the row of a ``count(*)`` query."""
    page: dict[str, Any] = {
        "total": total[0] if total else 0,
        "limit": limit,
        "offset": offset,
        "sort": sort,
    }
    if filters is not None:
        page["filters"] = filters
    page["items"] = items
    return page
