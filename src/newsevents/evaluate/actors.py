"""Score the actors stage on sentences with gold events (PETRARCH-2 GSR validation format).

For every source and target code of the gold events: is its country (first three letters)
among the codes of the sentence's actors (``country_recall``), and is the full code
(``code_recall``)? Codes with an unknown country (``---REB``) count for ``code_recall``
when an actor without a country carries those sectors; they are left out of
``country_recall``. A gold code that is only ``---`` (no actor) is skipped.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._report import EvalReport

if TYPE_CHECKING:
    from ..pipeline import Pipeline


def _date(value: str | None) -> dt.date | None:
    if not value or len(value) != 8 or not value.isdigit():
        return None
    try:
        return dt.date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError:
        return None


def read_gold(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """Records ``{id, date, text, events: [{source, target, code}]}`` of a JSONL gold file."""
    records: list[dict[str, Any]] = []
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                records.append(json.loads(line))
            if limit is not None and len(records) >= limit:
                break
    return records


def code_found(gold: str, actors: list[tuple[str | None, tuple[str, ...]]]) -> bool:
    """Is the gold actor code among the predicted ``(code, sectors)`` pairs?"""
    if gold.startswith("---"):
        want = gold[3:]
        parts = {want[i : i + 3] for i in range(0, len(want), 3)}
        # Unknown country: an uncoded actor with those sectors, or CAMEO's bare agent code.
        return any(
            (code is None or code == want) and parts <= set(sectors) for code, sectors in actors
        )
    return any(code == gold for code, _ in actors)


def country_found(gold: str, actors: list[tuple[str | None, tuple[str, ...]]]) -> bool:
    return any(code is not None and code[:3] == gold[:3] for code, _ in actors)


def evaluate_actors(gold_path: Path, pipeline: Pipeline, *, limit: int | None = None) -> EvalReport:
    """Country and full-code recall of gold event actors among the sentence's actors."""
    t0 = time.perf_counter()
    report = EvalReport(task="actors", gold=str(gold_path))
    records = read_gold(Path(gold_path), limit)
    nlp = pipeline.nlp
    later = [name for name in nlp.pipe_names if name.startswith("newsevents_")]
    later = later[later.index("newsevents_actors") + 1 :] if "newsevents_actors" in later else []
    country_m = report.metric("country")
    code_m = report.metric("code")
    misses: list[str] = []
    with nlp.select_pipes(disable=later):
        for rec in records:
            doc = nlp.make_doc(rec["text"])
            doc._.ne_published = _date(rec.get("date"))
            doc = _run(nlp, doc)
            actors = [(a.code, tuple(a.sectors)) for a in (doc._.ne_actors or [])]
            report.documents += 1
            for event in rec.get("events") or []:
                for role in ("source", "target"):
                    gold = (event.get(role) or "").strip()
                    if not gold or set(gold) <= {"-"}:
                        continue
                    if not gold.startswith("---"):
                        if country_found(gold, actors):
                            country_m.tp += 1
                        else:
                            country_m.fn += 1
                    if code_found(gold, actors):
                        code_m.tp += 1
                    else:
                        code_m.fn += 1
                        misses.append(f"{rec.get('id')}: {gold} not in {[c for c, _ in actors]}")
    report.figures["country_recall"] = country_m.recall
    report.figures["code_recall"] = code_m.recall
    report.notes.extend(misses[:40])
    report.seconds = time.perf_counter() - t0
    return report


def _run(nlp: Any, doc: Any) -> Any:
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc
