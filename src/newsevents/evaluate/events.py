"""Score the events stage against sentence-level gold event codings.

Three gold formats, recognised from the file:

- PETRARCH-2 validation JSONL (``{id, date YYYYMMDD, text, events: [{source, target, code}]}``):
  figures ``root_recall`` (share of gold events matched one to one by a predicted event
  with the same CAMEO root), ``dyad_recall`` (same root, and source and target country =
  first three letters of the actor codes; ``---`` in gold matches any) and ``precision``
  (predicted events whose root matches a gold event of their sentence). Statement events
  the quotes stage derives from plain attribution ("…, officials said": 010 linked to a
  quote) are left out of ``precision`` because the gold set never codes attribution;
  ``precision_all`` counts them too.
- CAMEO root majority labels JSONL (``{text, majority: "4-18 Assualt"}``): ``root_recall`` =
  share of labelled sentences with a predicted event of the labelled root.
- CASE 2021 task 2 TSV (``id, EventSnippet, SubType``): ``type_recall`` = share of snippets of
  a mapped type with a predicted event whose root is one the type allows
  (``data/events/case2021_roots.tsv``, written by the team).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from ..article import Article
from ..codes import read_tsv
from ..errors import LexiconError
from ..pipeline import Pipeline
from ..schema import ArticleResult, Event
from ._report import EvalReport


def evaluate_events(gold_path: Path, pipeline: Pipeline, *, limit: int | None = None) -> EvalReport:
    """Run ``pipeline`` over the gold sentences of ``gold_path`` and score its events."""
    gold_path = Path(gold_path)
    if gold_path.suffix == ".tsv":
        return _evaluate_case(gold_path, pipeline, limit)
    first = next(_read_jsonl(gold_path, 1), {})
    if "majority" in first:
        return _evaluate_majority(gold_path, pipeline, limit)
    return _evaluate_petr(gold_path, pipeline, limit)


def _read_jsonl(path: Path, limit: int | None) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        n = 0
        for line in fh:
            if not line.strip():
                continue
            if limit is not None and n >= limit:
                return
            n += 1
            yield json.loads(line)


def _published(value: str | None) -> dt.date | None:
    """A YYYYMMDD publication date; malformed ones (some gold rows have them) give None."""
    try:
        return dt.datetime.strptime(str(value), "%Y%m%d").date() if value else None
    except ValueError:
        return None


def _run(pipeline: Pipeline, texts: list[tuple[str, dt.date | None]]) -> list[ArticleResult | None]:
    articles = [Article(text=t, id=str(n), published=d) for n, (t, d) in enumerate(texts)]
    out: list[ArticleResult | None] = []
    for outcome in pipeline.pipe(articles, failures="yield"):
        out.append(outcome if isinstance(outcome, ArticleResult) else None)
    return out


def _country(code: str | None) -> str | None:
    return code[:3] if code else None


def _same_country(gold: str | None, pred: str | None) -> bool:
    g = (gold or "---")[:3]
    return g == "---" or g == _country(pred)


def is_attribution(event: Event) -> bool:
    """A plain statement event made from a quote's attribution ("X said")."""
    return event.quote is not None and event.cameo == "010"


def _evaluate_petr(path: Path, pipeline: Pipeline, limit: int | None) -> EvalReport:
    started = time.perf_counter()
    report = EvalReport(task="events", gold=str(path))
    records = list(_read_jsonl(path, limit))
    results = _run(pipeline, [(r["text"], _published(r.get("date"))) for r in records])
    gold_total = root_hits = dyad_hits = 0
    pred_total = pred_hits = pred_all = pred_all_hits = 0
    root_metric = report.metric("root")
    dyad_metric = report.metric("root+dyad")
    for rec, res in zip(records, results, strict=True):
        report.documents += 1
        gold = rec.get("events") or []
        events = res.events if res is not None else []
        if res is None:
            report.notes.append(f"{rec.get('id')}: pipeline failure")
        gold_total += len(gold)
        gold_roots = {g["code"][:2] for g in gold}
        r_hits, d_hits = _match(gold, [e for e in events if not is_attribution(e)])
        root_hits += r_hits
        dyad_hits += d_hits
        for e in events:
            hit = e.cameo_root in gold_roots
            pred_all += 1
            pred_all_hits += hit
            if not is_attribution(e):
                pred_total += 1
                pred_hits += hit
        root_metric.tp += r_hits
        root_metric.fn += len(gold) - r_hits
        dyad_metric.tp += d_hits
        dyad_metric.fn += len(gold) - d_hits
    root_metric.fp = pred_total - pred_hits
    dyad_metric.fp = pred_total - pred_hits
    report.figures = {
        "root_recall": root_hits / gold_total if gold_total else 0.0,
        "dyad_recall": dyad_hits / gold_total if gold_total else 0.0,
        "precision": pred_hits / pred_total if pred_total else 0.0,
        "precision_all": pred_all_hits / pred_all if pred_all else 0.0,
        "gold_events": float(gold_total),
        "predicted_events": float(pred_total),
    }
    report.seconds = time.perf_counter() - started
    return report


def _match(gold: list[dict[str, Any]], pred: list[Event]) -> tuple[int, int]:
    """One-to-one matches: (gold events matched on root, gold events matched on root+dyad)."""
    dyad_used: set[int] = set()
    dyad_hits = 0
    for g in gold:
        for i, e in enumerate(pred):
            if i in dyad_used or e.cameo_root != g["code"][:2]:
                continue
            if _same_country(g.get("source"), e.source_code) and _same_country(
                g.get("target"), e.target_code
            ):
                dyad_used.add(i)
                dyad_hits += 1
                break
    root_used: set[int] = set()
    root_hits = 0
    for g in gold:
        for i, e in enumerate(pred):
            if i not in root_used and e.cameo_root == g["code"][:2]:
                root_used.add(i)
                root_hits += 1
                break
    return root_hits, dyad_hits


def _evaluate_majority(path: Path, pipeline: Pipeline, limit: int | None) -> EvalReport:
    started = time.perf_counter()
    report = EvalReport(task="events", gold=str(path))
    labelled: dict[str, str] = {}
    for rec in _read_jsonl(path, None):
        root = _majority_root(rec.get("majority"))
        if root is not None and rec["text"] not in labelled:
            labelled[rec["text"]] = root
        if limit is not None and len(labelled) >= limit:
            break
    texts = list(labelled)
    results = _run(pipeline, [(t, None) for t in texts])
    metric = report.metric("root")
    for text, res in zip(texts, results, strict=True):
        report.documents += 1
        roots = [e.cameo_root for e in (res.events if res is not None else [])]
        if labelled[text] in roots:
            metric.tp += 1
        else:
            metric.fn += 1
        metric.fp += sum(1 for r in roots if r != labelled[text])
    report.figures = {"root_recall": metric.recall, "root_precision": metric.precision}
    report.seconds = time.perf_counter() - started
    return report


def _majority_root(label: object) -> str | None:
    """``"4-18 Assualt"`` → ``"18"``; labels without a root (irrelevant) give None."""
    if not isinstance(label, str) or "-" not in label:
        return None
    number = label.split("-", 1)[1].split()[0]
    return number.zfill(2) if number.isdigit() and 1 <= int(number) <= 20 else None


def case_type_roots() -> dict[str, set[str]]:
    """CASE 2021 event type → CAMEO roots it allows (team-written table)."""
    name = "newsevents/data/events/case2021_roots.tsv"
    text = (resources.files("newsevents") / "data" / "events" / "case2021_roots.tsv").read_text(
        encoding="utf-8"
    )
    out: dict[str, set[str]] = {}
    for line, row in read_tsv(name, text, ["type", "roots"]):
        roots = {r.strip() for r in row["roots"].split("|") if r.strip()}
        if not all(r.isdigit() and len(r) == 2 and 1 <= int(r) <= 20 for r in roots):
            raise LexiconError(f"bad CAMEO roots {row['roots']!r}", path=name, line=line)
        out[row["type"].strip()] = roots
    return out


def _evaluate_case(path: Path, pipeline: Pipeline, limit: int | None) -> EvalReport:
    started = time.perf_counter()
    report = EvalReport(task="events", gold=str(path))
    table = case_type_roots()
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        records = list(csv.DictReader(fh, delimiter="\t"))
    for row in records:
        if row.get("SubType") in table and table[row["SubType"]] and row.get("EventSnippet"):
            rows.append(row)
        if limit is not None and len(rows) >= limit:
            break
    results = _run(pipeline, [(r["EventSnippet"], None) for r in rows])
    metric = report.metric("type")
    for row, res in zip(rows, results, strict=True):
        report.documents += 1
        roots = {e.cameo_root for e in (res.events if res is not None else [])}
        allowed = table[row["SubType"]]
        if roots & allowed:
            metric.tp += 1
        else:
            metric.fn += 1
        per_type = report.metric(f"type:{row['SubType']}")
        per_type.tp += bool(roots & allowed)
        per_type.fn += not (roots & allowed)
    report.figures = {"type_recall": metric.recall}
    report.seconds = time.perf_counter() - started
    return report
