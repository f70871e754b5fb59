"""The DuckDB schema of the event store, its version, and the migration hook.

The schema version lives in ``meta(key, value)`` under ``schema_version``. Opening a
store writable brings an older file up to :data:`SCHEMA_VERSION` by running
:data:`MIGRATIONS` in order, each in its own transaction; a file written by a newer
version is refused. Views are (re)created on every writable open, so changing a view
needs no migration.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import duckdb

SCHEMA_VERSION = 1

Migration = Callable[[duckdb.DuckDBPyConnection], None]

MIGRATIONS: dict[int, Migration] = {}
"""``MIGRATIONS[n]`` upgrades a store from version ``n`` to ``n + 1`` (none yet)."""

TABLES: dict[str, str] = {
    "meta": """
        key VARCHAR PRIMARY KEY,
        value VARCHAR
    """,
    "articles": """
        article_id VARCHAR PRIMARY KEY,
        content_hash VARCHAR,
        title VARCHAR,
        published DATE,
        source VARCHAR,
        url VARCHAR,
        language VARCHAR,
        chars INTEGER,
        text VARCHAR,
        result_json VARCHAR,
        ingested_at TIMESTAMP
    """,
    "actors": """
        article_id VARCHAR,
        actor_id VARCHAR,
        name VARCHAR,
        kind VARCHAR,
        code VARCHAR,
        country VARCHAR,
        sectors VARCHAR[],
        mentions_json VARCHAR,
        mention_count INTEGER
    """,
    "events": """
        article_id VARCHAR,
        event_id VARCHAR,
        source VARCHAR,
        target VARCHAR,
        source_name VARCHAR,
        target_name VARCHAR,
        source_code VARCHAR,
        target_code VARCHAR,
        source_country VARCHAR,
        target_country VARCHAR,
        cameo VARCHAR,
        cameo_root VARCHAR,
        cameo_name VARCHAR,
        plover_type VARCHAR,
        plover_mode VARCHAR,
        plover_context VARCHAR[],
        goldstein DOUBLE,
        quad_class INTEGER,
        modality VARCHAR,
        date VARCHAR,
        event_date DATE,
        date_text VARCHAR,
        place_id VARCHAR,
        place_name VARCHAR,
        lat DOUBLE,
        lon DOUBLE,
        place_country VARCHAR,
        trigger_start INTEGER,
        trigger_end INTEGER,
        trigger_text VARCHAR,
        sentence_start INTEGER,
        sentence_end INTEGER,
        quote_id VARCHAR,
        confidence DOUBLE,
        event_index INTEGER,
        place_geonameid BIGINT,
        place_feature VARCHAR,
        is_root BOOLEAN
    """,
    "quotes": """
        article_id VARCHAR,
        quote_id VARCHAR,
        kind VARCHAR,
        content_start INTEGER,
        content_end INTEGER,
        content_text VARCHAR,
        speaker VARCHAR,
        speaker_name VARCHAR,
        speaker_code VARCHAR,
        speaker_mention_text VARCHAR,
        cue_text VARCHAR,
        via VARCHAR[],
        addressee VARCHAR,
        speaker_mention_start INTEGER,
        speaker_mention_end INTEGER,
        cue_start INTEGER,
        cue_end INTEGER
    """,
    "times": """
        article_id VARCHAR,
        time_id VARCHAR,
        start INTEGER,
        "end" INTEGER,
        text VARCHAR,
        type VARCHAR,
        value VARCHAR
    """,
    "places": """
        article_id VARCHAR,
        place_id VARCHAR,
        start INTEGER,
        "end" INTEGER,
        text VARCHAR,
        name VARCHAR,
        geonameid BIGINT,
        lat DOUBLE,
        lon DOUBLE,
        country VARCHAR,
        feature VARCHAR
    """,
    "failures": """
        source VARCHAR,
        line INTEGER,
        article_id VARCHAR,
        error VARCHAR,
        message VARCHAR,
        "at" TIMESTAMP,
        failure_key VARCHAR PRIMARY KEY
    """,
}
"""Column definitions per table (the documented contract; add columns, never rename)."""

DATA_TABLES = ("articles", "actors", "events", "quotes", "times", "places")
"""Tables holding one article's output; each has ``article_id``."""

# One aggregated event per dyad + CAMEO code + day, as GDELT counts them. The day is
# the event's own date, or the article's publication date when the text gives none.
EVENT_GROUPS_VIEW = """
CREATE OR REPLACE VIEW event_groups AS
WITH m AS (
    SELECT
        e.*,
        coalesce(e.event_date, a.published) AS group_date,
        coalesce(a.source, a.article_id) AS outlet,
        a.url AS article_url,
        a.published AS article_published,
        a.ingested_at AS article_ingested_at
    FROM events e JOIN articles a USING (article_id)
), ranked AS (
    SELECT
        *,
        row_number() OVER (
            PARTITION BY source_code, target_code, cameo, group_date
            ORDER BY article_published NULLS LAST, article_id, event_index
        ) AS rank
    FROM m
)
SELECT
    md5(concat_ws('|', coalesce(source_code, ''), coalesce(target_code, ''), cameo,
        coalesce(CAST(group_date AS VARCHAR), ''))) AS group_id,
    source_code,
    target_code,
    cameo,
    group_date AS event_date,
    min(cameo_root) AS cameo_root,
    min(cameo_name) AS cameo_name,
    min(quad_class) AS quad_class,
    min(goldstein) AS goldstein,
    arg_min(source_name, rank) AS source_name,
    arg_min(target_name, rank) AS target_name,
    arg_min(source_country, rank) AS source_country,
    arg_min(target_country, rank) AS target_country,
    bool_or(coalesce(is_root, false)) AS is_root,
    count(*) AS mentions,
    count(DISTINCT outlet) AS sources,
    count(DISTINCT article_id) AS articles,
    list(DISTINCT article_id ORDER BY article_id) AS article_ids,
    arg_min(article_id, rank) AS first_article_id,
    arg_min(article_url, rank) AS first_url,
    arg_min(place_name, rank) FILTER (WHERE place_id IS NOT NULL) AS place_name,
    arg_min(lat, rank) FILTER (WHERE place_id IS NOT NULL) AS lat,
    arg_min(lon, rank) FILTER (WHERE place_id IS NOT NULL) AS lon,
    arg_min(place_country, rank) FILTER (WHERE place_id IS NOT NULL) AS place_country,
    arg_min(place_geonameid, rank) FILTER (WHERE place_id IS NOT NULL) AS place_geonameid,
    arg_min(place_feature, rank) FILTER (WHERE place_id IS NOT NULL) AS place_feature,
    avg(confidence) AS mean_confidence,
    min(article_ingested_at) AS first_added
FROM ranked
GROUP BY source_code, target_code, cameo, group_date
"""

INDEXES = (
    "CREATE INDEX IF NOT EXISTS events_article ON events (article_id)",
    "CREATE INDEX IF NOT EXISTS actors_article ON actors (article_id)",
)


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create every table of the current version in an empty database."""
    con.begin()
    try:
        for name, columns in TABLES.items():
            con.execute(f"CREATE TABLE IF NOT EXISTS {name} ({columns})")
        for statement in INDEXES:
            con.execute(statement)
        con.execute(
            "INSERT INTO meta VALUES ('schema_version', ?), ('created_by', 'newsevents')",
            [str(SCHEMA_VERSION)],
        )
        con.commit()
    except BaseException:
        con.rollback()
        raise


def stored_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """The file's schema version, or None for an empty database."""
    found = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
    ).fetchall()
    if not found or not found[0][0]:
        return None
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
    return int(row[0][0]) if row else None


def migrate(
    con: duckdb.DuckDBPyConnection,
    *,
    target: int = SCHEMA_VERSION,
    migrations: Mapping[int, Migration] = MIGRATIONS,
) -> int:
    """Run migrations from the stored version up to ``target``; returns the new version.

    Each step runs in its own transaction together with its version bump, so an
    interrupted upgrade leaves the file at the last completed version.
    """
    version = stored_version(con)
    if version is None:
        raise ValueError("not a newsevents store (no meta table)")
    while version < target:
        step = migrations.get(version)
        if step is None:
            raise ValueError(f"no migration from schema version {version} to {version + 1}")
        con.begin()
        try:
            step(con)
            con.execute(
                "UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(version + 1)]
            )
            con.commit()
        except BaseException:
            con.rollback()
            raise
        version += 1
    return version


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)create the views; they hold no data, so this is safe on every open."""
    con.execute(EVENT_GROUPS_VIEW)
