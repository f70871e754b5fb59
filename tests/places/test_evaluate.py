"""The places scorer on a tiny gold file written here, and on the shared sets when present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents.evaluate.places import evaluate_places, great_circle_km

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [
        ((33.89, 35.50), (33.89, 35.50), 0.0),
        ((33.89, 35.50), (33.51, 36.29), 85.0),  # Beirut - Damascus
        ((48.85, 2.35), (33.66, -95.56), 7_800.0),  # Paris - Paris, Texas
    ],
)
def test_evaluate_great_circle_km(a, b, km) -> None:
    assert great_circle_km(*a, *b) == pytest.approx(km, rel=0.05, abs=1.0)


def _gold(tmp_path: Path) -> Path:
    text = "Shelling hit Damascus on Monday, Syrian media said. Talks in Paris, Texas, ended."
    toponyms = [
        {
            "start": 13,
            "end": 21,
            "surface": "Damascus",
            "geonameid": "170654",
            "lat": 33.51,
            "lon": 36.29,
        },
        {
            "start": 33,
            "end": 39,
            "surface": "Syrian",
            "geonameid": 163843,
            "lat": 35.0,
            "lon": 38.0,
        },
        {
            "start": 61,
            "end": 66,
            "surface": "Paris",
            "geonameid": "4717560",
            "lat": 33.66,
            "lon": -95.56,
        },
        {
            "start": 68,
            "end": 73,
            "surface": "Texas",
            "geonameid": None,
            "lat": None,
            "lon": None,
        },  # no coordinates: not scored
    ]
    for t in toponyms:
        assert text[t["start"] : t["end"]] == t["surface"]
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "d1", "text": text, "toponyms": toponyms}) + "\n")
    return path


def test_evaluate_places_scores_tiny_gold(tmp_path: Path, pipeline) -> None:
    report = evaluate_places(_gold(tmp_path), pipeline)
    assert report.documents == 1
    assert report.figures["gold_toponyms"] == 3
    assert report.figures["found"] == 1.0
    assert report.figures["exact"] == 1.0
    assert report.figures["within_161km"] == 1.0
    assert report.figures["precision"] == 1.0  # Texas overlaps a gold toponym
    assert report.metric("places").tp == 3


def test_evaluate_places_rejects_other_files(tmp_path: Path, pipeline) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "no toponyms key"}) + "\n")
    with pytest.raises(KeyError):
        evaluate_places(path, pipeline)


@pytest.mark.gold
def test_evaluate_places_shared_lgl_runs(shared_data: Path, pipeline) -> None:
    report = evaluate_places(shared_data / "geo" / "lgl.jsonl", pipeline, limit=3)
    assert report.documents == 3
    assert 0.0 <= report.figures["exact"] <= report.figures["found"] <= 1.0
