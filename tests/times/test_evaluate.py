"""The times scorer: TempEval-3 style counts on hand-made gold, and a run on the gold files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents.evaluate import EvalReport
from newsevents.evaluate.times import canonical_value, evaluate_times, score_document
from newsevents.schema import Time


def _gold(start: int, end: int, value: str, type_: str = "DATE") -> dict:
    return {"start": start, "end": end, "value": value, "type": type_}


def _pred(start: int, end: int, value: str, type_: str = "DATE") -> Time:
    return Time("T1", start, end, "x" * (end - start), type_, value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("gold", "pred", "rows"),
    [
        # exact span, same value: everything counts
        (
            [_gold(0, 9, "2023-03-15")],
            [_pred(0, 9, "2023-03-15")],
            {"strict span": (1, 0, 0), "relaxed span": (1, 0, 0), "value": (1, 0, 0)},
        ),
        # overlapping span, wrong value: relaxed only
        (
            [_gold(0, 13, "2023-W10")],
            [_pred(5, 13, "2023-W11")],
            {"strict span": (0, 1, 1), "relaxed span": (1, 0, 0), "value": (0, 1, 1)},
        ),
        # nothing predicted
        (
            [_gold(0, 5, "PAST_REF")],
            [],
            {"strict span": (0, 0, 1), "relaxed span": (0, 0, 1), "value": (0, 0, 1)},
        ),
        # a prediction where gold has none
        (
            [],
            [_pred(3, 8, "PRESENT_REF")],
            {"strict span": (0, 1, 0), "relaxed span": (0, 1, 0), "value": (0, 1, 0)},
        ),
        # one gold, two overlapping predictions: matched one to one
        (
            [_gold(0, 20, "P3Y", "DURATION")],
            [_pred(0, 8, "P3Y", "DURATION"), _pred(9, 20, "X")],
            {"relaxed span": (1, 1, 0), "value": (1, 1, 0), "type": (1, 1, 0)},
        ),
    ],
)
def test_evaluate_score_document_counts(gold, pred, rows) -> None:
    report = EvalReport(task="times", gold="-")
    score_document(report, gold, pred)
    for name, (tp, fp, fn) in rows.items():
        m = report.metric(name)
        assert (m.tp, m.fp, m.fn) == (tp, fp, fn), name


@pytest.mark.parametrize(
    ("value", "canonical"),
    [
        ("2000-W7", "2000-W07"),
        ("1949-XX", "1949"),
        ("1998-XX-XX", "1998"),
        ("P1D", "P1D"),
        ("199X", "199"),
        ("1989-11-06T17", "1989-11-06T17:00"),
        ("1989-11-06T17:30", "1989-11-06T17:30"),
        ("P1E", "P10Y"),
        ("P2L", "P2000Y"),
        ("PXC", "PXY"),
        ("2001", "2001"),
    ],
)
def test_evaluate_canonical_value(value: str, canonical: str) -> None:
    assert canonical_value(value) == canonical


@pytest.mark.model
def test_evaluate_times_on_written_gold(tmp_path: Path, times_pipeline) -> None:
    text = "Rebels shelled the port yesterday. Talks lasted three hours."
    record = {
        "id": "d1",
        "dct": "2023-03-16T09:00",
        "text": text,
        "timexes": [
            _gold(24, 33, "2023-03-15"),
            _gold(48, 59, "PT3H", "DURATION"),
        ],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    report = evaluate_times(path, times_pipeline)
    assert report.documents == 1
    assert report.metric("value").f1 == 1.0
    assert report.metric("strict span").f1 == 1.0


@pytest.mark.model
@pytest.mark.gold
def test_evaluate_times_runs_on_shared_gold(shared_data: Path, times_pipeline) -> None:
    report = evaluate_times(shared_data / "time" / "timebank.jsonl", times_pipeline, limit=3)
    assert report.documents == 3
    assert report.metric("relaxed span").tp > 0
