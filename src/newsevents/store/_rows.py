"""One serializer from :class:`ArticleResult` to the store's table rows (as Arrow tables)."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from typing import Any

import pyarrow as pa

from ..article import Failure, content_id
from ..schema import ArticleResult, TextSpan
from ._schema import TABLES

_ARROW_TYPES = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
    "BOOLEAN": pa.bool_(),
    "VARCHAR[]": pa.list_(pa.string()),
}


def _arrow_schema(columns: str) -> pa.Schema:
    fields = []
    for line in columns.strip().splitlines():
        name, sql_type = line.strip().rstrip(",").split()[:2]
        fields.append(pa.field(name.strip('"'), _ARROW_TYPES[sql_type]))
    return pa.schema(fields)


ARROW_SCHEMAS: dict[str, pa.Schema] = {name: _arrow_schema(cols) for name, cols in TABLES.items()}
"""Arrow schema per table, derived from the DDL so the two cannot drift apart."""

_FULL_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")


def event_day(value: str | None) -> dt.date | None:
    """The day of a TIMEX3 value when it is a full YYYY-MM-DD date, else None."""
    if not value or not _FULL_DAY.match(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def lead_end(text: str) -> int:
    """End of the lead paragraph: the first blank-line-separated block with a sentence.

    A heading or dateline block without a full stop before it counts as part of the lead.
    """
    start = 0
    for match in _BLANK_LINE.finditer(text):
        if "." in text[start : match.start()]:
            return match.start()
        start = match.end()
    return len(text)


def _span(span: TextSpan | None) -> tuple[int | None, int | None, str | None]:
    return (span.start, span.end, span.text) if span is not None else (None, None, None)


def result_rows(result: ArticleResult, ingested_at: dt.datetime) -> dict[str, list[dict[str, Any]]]:
    """Rows of every data table for one article."""
    info = result.article
    aid = info.id
    actors = {a.id: a for a in result.actors}
    places = {p.id: p for p in result.places}
    root_end = lead_end(info.text)
    rows: dict[str, list[dict[str, Any]]] = {
        "articles": [
            {
                "article_id": aid,
                "content_hash": content_id(info.text),
                "title": info.title,
                "published": dt.date.fromisoformat(info.published) if info.published else None,
                "source": info.source,
                "url": info.url,
                "language": info.language,
                "chars": info.chars or len(info.text),
                "text": info.text,
                "result_json": result.to_json(),
                "ingested_at": ingested_at,
            }
        ],
        "actors": [
            {
                "article_id": aid,
                "actor_id": a.id,
                "name": a.name,
                "kind": a.kind,
                "code": a.code,
                "country": a.country,
                "sectors": list(a.sectors),
                "mentions_json": json.dumps(
                    [[m.start, m.end, m.text] for m in a.mentions], ensure_ascii=False
                ),
                "mention_count": len(a.mentions),
            }
            for a in result.actors
        ],
        "events": [],
        "quotes": [],
        "times": [
            {
                "article_id": aid,
                "time_id": t.id,
                "start": t.start,
                "end": t.end,
                "text": t.text,
                "type": t.type,
                "value": t.value,
            }
            for t in result.times
        ],
        "places": [
            {
                "article_id": aid,
                "place_id": p.id,
                "start": p.start,
                "end": p.end,
                "text": p.text,
                "name": p.name,
                "geonameid": p.geonameid,
                "lat": p.lat,
                "lon": p.lon,
                "country": p.country,
                "feature": p.feature,
            }
            for p in result.places
        ],
    }
    for index, e in enumerate(result.events):
        src = actors.get(e.source) if e.source else None
        tgt = actors.get(e.target) if e.target else None
        place = places.get(e.place) if e.place else None
        rows["events"].append(
            {
                "article_id": aid,
                "event_id": e.id,
                "source": e.source,
                "target": e.target,
                "source_name": src.name if src else None,
                "target_name": tgt.name if tgt else None,
                "source_code": e.source_code,
                "target_code": e.target_code,
                "source_country": src.country if src else None,
                "target_country": tgt.country if tgt else None,
                "cameo": e.cameo,
                "cameo_root": e.cameo_root,
                "cameo_name": e.cameo_name,
                "plover_type": e.plover.type if e.plover else None,
                "plover_mode": e.plover.mode if e.plover else None,
                "plover_context": list(e.plover.context) if e.plover else None,
                "goldstein": e.goldstein,
                "quad_class": e.quad_class,
                "modality": e.modality,
                "date": e.date,
                "event_date": event_day(e.date),
                "date_text": e.date_text,
                "place_id": e.place,
                "place_name": place.name if place else None,
                "lat": place.lat if place else None,
                "lon": place.lon if place else None,
                "place_country": place.country if place else None,
                "trigger_start": e.trigger.start,
                "trigger_end": e.trigger.end,
                "trigger_text": e.trigger.text,
                "sentence_start": e.sentence.start,
                "sentence_end": e.sentence.end,
                "quote_id": e.quote,
                "confidence": e.confidence,
                "event_index": index,
                "place_geonameid": place.geonameid if place else None,
                "place_feature": place.feature if place else None,
                "is_root": e.sentence.start < root_end,
            }
        )
    for q in result.quotes:
        speaker = actors.get(q.speaker) if q.speaker else None
        sm_start, sm_end, sm_text = _span(q.speaker_mention)
        cue_start, cue_end, cue_text = _span(q.cue)
        rows["quotes"].append(
            {
                "article_id": aid,
                "quote_id": q.id,
                "kind": q.kind,
                "content_start": q.content.start,
                "content_end": q.content.end,
                "content_text": q.content.text,
                "speaker": q.speaker,
                "speaker_name": speaker.name if speaker else None,
                "speaker_code": speaker.code if speaker else None,
                "speaker_mention_text": sm_text,
                "cue_text": cue_text,
                "via": list(q.via),
                "addressee": q.addressee,
                "speaker_mention_start": sm_start,
                "speaker_mention_end": sm_end,
                "cue_start": cue_start,
                "cue_end": cue_end,
            }
        )
    return rows


def failure_key(failure: Failure) -> str:
    """Identity of a failure, so recording the same failure twice keeps one row."""
    parts = [failure.source or "", str(failure.line or ""), failure.article_id or "", failure.error]
    return content_id("\x1f".join(parts))


def failure_row(failure: Failure, at: dt.datetime) -> dict[str, Any]:
    return {
        "source": failure.source,
        "line": failure.line,
        "article_id": failure.article_id,
        "error": failure.error,
        "message": failure.message,
        "at": at,
        "failure_key": failure_key(failure),
    }


def batch_tables(
    results: Iterable[ArticleResult], failures: Sequence[Failure], at: dt.datetime
) -> dict[str, pa.Table]:
    """Arrow tables (one per store table, only non-empty ones) for one batch."""
    merged: dict[str, list[dict[str, Any]]] = {}
    for result in results:
        for table, rows in result_rows(result, at).items():
            merged.setdefault(table, []).extend(rows)
    if failures:
        merged["failures"] = [failure_row(f, at) for f in failures]
    return {
        name: pa.Table.from_pylist(rows, schema=ARROW_SCHEMAS[name])
        for name, rows in merged.items()
        if rows
    }
