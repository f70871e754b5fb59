"""Score the places stage on toponym gold files (LGL, GeoWebNews: ``../shared/data/geo``).

Gold lines: ``{id, text, toponyms: [{start, end, surface, geonameid, lat, lon, ...}]}``.
Only gold toponyms with coordinates are scored. Figures:

- ``found``: share of gold toponyms overlapped by a predicted place;
- ``exact``: share of gold toponyms *that have a GeoNames id* whose overlapping place has
  that id (``exact_all`` divides by every scored toponym instead);
- ``within_161km``: share of gold toponyms whose overlapping place lies at most 161 km
  (100 miles) away; a place with the gold's own GeoNames id counts as distance 0 (the
  gazetteer's points for countries and regions are estimates, the entity is the same);
- ``precision``: share of predicted places that overlap some gold toponym (with or
  without coordinates).

The metric row ``places`` holds the same detection counts (tp = found gold toponyms,
fn = missed ones, fp = predicted places overlapping no gold toponym).
"""

from __future__ import annotations

import json
import math
import time
from pathlib import Path

from .._doc import get_list
from ..pipeline import Pipeline
from ..places import find_places
from ..schema import Place
from ._report import EvalReport

WITHIN_KM = 161.0
_STAGE = "newsevents_places"


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _read_gold(path: Path, limit: int | None) -> list[dict]:
    docs = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            record = json.loads(line)
            if not isinstance(record.get("text"), str) or "toponyms" not in record:
                raise KeyError("each line needs 'text' and 'toponyms'")
            docs.append(record)
            if limit is not None and len(docs) >= limit:
                break
    return docs


def _places(pipeline: Pipeline, texts: list[str]) -> list[list[Place]]:
    """Run spaCy and the places stage only (the other newsevents stages are not needed)."""
    nlp = pipeline.nlp
    others = [n for n in nlp.pipe_names if n.startswith("newsevents_") and n != _STAGE]
    out = []
    with nlp.select_pipes(disable=others):
        for doc in nlp.pipe(texts, batch_size=16):
            out.append(get_list(doc, "ne_places") if _STAGE in nlp.pipe_names else find_places(doc))
    return out


def _gid(value: object) -> int | None:
    try:
        return int(value) if value not in (None, "") else None  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def evaluate_places(gold_path: Path, pipeline: Pipeline, *, limit: int | None = None) -> EvalReport:
    """Score found / exact GeoNames id / within 161 km on a toponym gold file."""
    began = time.perf_counter()
    docs = _read_gold(Path(gold_path), limit)
    report = EvalReport(task="places", gold=str(gold_path), documents=len(docs))
    predictions = _places(pipeline, [d["text"] for d in docs])
    detection = report.metric("places")
    n_scored = n_with_id = found = exact = within = n_pred = pred_ok = 0
    for doc, places in zip(docs, predictions, strict=True):
        golds = doc["toponyms"]
        for place in places:
            n_pred += 1
            if any(place.start < g["end"] and g["start"] < place.end for g in golds):
                pred_ok += 1
            else:
                detection.fp += 1
        for g in golds:
            if g.get("lat") is None or g.get("lon") is None:
                continue
            n_scored += 1
            gid = _gid(g.get("geonameid"))
            n_with_id += gid is not None
            hits = [p for p in places if p.start < g["end"] and g["start"] < p.end]
            if not hits:
                detection.fn += 1
                continue
            detection.tp += 1
            found += 1
            place = min(hits, key=lambda p: abs(p.start - g["start"]) + abs(p.end - g["end"]))
            same = gid is not None and place.geonameid == gid
            exact += same
            if same or (
                place.lat is not None
                and place.lon is not None
                and great_circle_km(place.lat, place.lon, g["lat"], g["lon"]) <= WITHIN_KM
            ):
                within += 1
    report.figures = {
        "found": found / n_scored if n_scored else 0.0,
        "exact": exact / n_with_id if n_with_id else 0.0,
        "exact_all": exact / n_scored if n_scored else 0.0,
        "within_161km": within / n_scored if n_scored else 0.0,
        "precision": pred_ok / n_pred if n_pred else 0.0,
        "gold_toponyms": float(n_scored),
        "gold_with_geonameid": float(n_with_id),
    }
    report.notes.append(
        "scored: gold toponyms with coordinates; exact over those with a GeoNames id; "
        "same GeoNames id counts as within 161 km"
    )
    report.seconds = time.perf_counter() - began
    return report
