"""Score the times stage against TimeML gold (TempEval-3 TimeBank / AQUAINT as JSONL).

Gold lines: ``{id, dct, text, timexes: [{start, end, text, type, value, ...}]}``; the
document creation time ``dct`` is the publication date the stage anchors to.

Rows (TempEval-3 style): ``strict span`` (same offsets), ``relaxed span`` (any overlap,
matched one to one), ``value`` and ``type`` (a relaxed match with the same value / type
counts as a true positive; every other prediction is a false positive and every other
gold timex a false negative, so P/R/F1 are the attribute scores of TempEval-3).
``value (canonical)`` is an extra, looser row (see :func:`canonical_value`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from ..pipeline import Pipeline
from ..schema import Time
from ._report import EvalReport


def read_gold(path: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """The gold documents of a JSONL file, in file order."""
    with Path(path).open(encoding="utf-8") as fh:
        n = 0
        for line in fh:
            if not line.strip():
                continue
            if limit is not None and n >= limit:
                return
            n += 1
            yield json.loads(line)


def parse_dct(value: str | None) -> dt.date | None:
    """The date part of a TimeML document creation time ("1998-02-13T14:26:00")."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def match_pairs(gold: list[dict[str, Any]], pred: list[Time]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) of overlapping spans, exact ones first."""
    pairs: list[tuple[int, int]] = []
    used_g: set[int] = set()
    used_p: set[int] = set()
    for exact in (True, False):
        for gi, g in enumerate(gold):
            if gi in used_g:
                continue
            for pi, p in enumerate(pred):
                if pi in used_p:
                    continue
                hit = (
                    (p.start == g["start"] and p.end == g["end"])
                    if exact
                    else (p.start < g["end"] and g["start"] < p.end)
                )
                if hit:
                    pairs.append((gi, pi))
                    used_g.add(gi)
                    used_p.add(pi)
                    break
    return pairs


def score_document(report: EvalReport, gold: list[dict[str, Any]], pred: list[Time]) -> None:
    """Add one document's counts to the report's rows."""
    pairs = match_pairs(gold, pred)
    strict = sum(
        1
        for gi, pi in pairs
        if (pred[pi].start, pred[pi].end) == (gold[gi]["start"], gold[gi]["end"])
    )
    same_value = sum(1 for gi, pi in pairs if same_timex_value(gold[gi]["value"], pred[pi].value))
    same_type = sum(1 for gi, pi in pairs if gold[gi]["type"] == pred[pi].type)
    canonical = sum(
        1
        for gi, pi in pairs
        if canonical_value(gold[gi]["value"]) == canonical_value(pred[pi].value)
    )
    for name, tp in (
        ("strict span", strict),
        ("relaxed span", len(pairs)),
        ("value", same_value),
        ("type", same_type),
        ("value (canonical)", canonical),
    ):
        row = report.metric(name)
        row.tp += tp
        row.fp += len(pred) - tp
        row.fn += len(gold) - tp


def same_timex_value(gold: str | None, pred: str) -> bool:
    """TIMEX3 values compare as strings, ignoring case."""
    return (gold or "").strip().upper() == pred.strip().upper()


_SHORT_WEEK = re.compile(r"-W(\d)(?!\d)")
_UNSPECIFIED_TAIL = re.compile(r"^(\d{4}(?:-\d\d)?)(?:-XX)+$")
_DECADE_X = re.compile(r"^(\d{3})X$")
_HOUR_ONLY = re.compile(r"(T\d\d)$")
_BIG_UNIT = re.compile(r"^P(\d+|X)(E|C|L)$")
_BIG_YEARS = {"E": 10, "C": 100, "L": 1000}


def canonical_value(value: str | None) -> str:
    """A value with notation variants of the gold files undone, for the extra
    ``value (canonical)`` row only: ``2000-W7`` -> ``2000-W07``, ``1949-XX`` -> ``1949``,
    ``199X`` -> ``199`` (the 1990s), ``1989-11-06T17`` -> ``1989-11-06T17:00``, and the
    decade/century/millennium letters ``P1E`` -> ``P10Y``, ``P2L`` -> ``P2000Y``."""
    v = (value or "").strip().upper()
    v = _SHORT_WEEK.sub(r"-W0\1", v)
    v = _UNSPECIFIED_TAIL.sub(r"\1", v)
    v = _DECADE_X.sub(r"\1", v)
    if len(v) > 10 and v[4] == "-":
        v = _HOUR_ONLY.sub(r"\1:00", v)
    big = _BIG_UNIT.match(v)
    if big is not None:
        n = big[1]
        v = "PXY" if n == "X" else f"P{int(n) * _BIG_YEARS[big[2]]}Y"
    return v


def evaluate_times(gold_path: Path, pipeline: Pipeline, *, limit: int | None = None) -> EvalReport:
    """Run the pipeline's times stage over a TimeML JSONL file and score it."""
    report = EvalReport(task="times", gold=str(gold_path))
    for name in ("strict span", "relaxed span", "value", "type", "value (canonical)"):
        report.metric(name)
    docs = list(read_gold(gold_path, limit))
    nlp = pipeline.nlp
    started = time.perf_counter()

    def made() -> Iterator[Doc]:
        for record in docs:
            doc = nlp.make_doc(record["text"])
            doc._.ne_published = parse_dct(record.get("dct"))
            yield doc

    for record, doc in zip(docs, nlp.pipe(made(), batch_size=16), strict=True):
        pred = list(doc._.ne_times or [])
        score_document(report, record.get("timexes", []), pred)
        report.documents += 1
    report.seconds = time.perf_counter() - started
    gold_n = sum(len(r.get("timexes", [])) for r in docs)
    report.figures["gold_timexes"] = float(gold_n)
    report.notes.append(
        "value/type: relaxed span match with the same attribute (TempEval-3 attribute F1)"
    )
    report.notes.append(
        "value (canonical): as value, after undoing gold notation variants "
        "(2000-W7, 1949-XX, 199X, T17, P1E)"
    )
    return report
