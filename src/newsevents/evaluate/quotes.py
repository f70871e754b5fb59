"""Score the quotes stage against PolNeAR-style gold (``newsevents eval quotes``).

Gold: JSONL records ``{id, text, quotes: [{content: [s, e], content_spans: [[s, e], …],
speaker: [s, e] | null, speaker_spans, cue, kind}]}``; offsets index ``text``.

- A predicted quote *matches* a gold quote when it covers at least half of the gold
  content's characters. Predicted quotes sharing one cue (an interrupted quote we split
  at its cue) and continuations of a direct quote (no cue, the same speaker mention as
  the direct quote before) count as one prediction, as PolNeAR annotates them as one
  attribution with several content spans. Matching is one-to-one, best coverage first.
- ``speaker_accuracy`` (matched quotes): the gold source span overlaps our speaker
  mention, or a mention of our outermost ``via`` actor (PolNeAR marks only the outermost
  source); a gold quote without source is right when we name none either.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..article import Article, Failure
from ..pipeline import Pipeline
from ..schema import Actor, Quote
from ._report import EvalReport

Spans = list[tuple[int, int]]
MIN_COVERAGE = 0.5


def read_gold(path: Path, *, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Records of a gold JSONL file (the first ``limit`` of them)."""
    with Path(path).open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                break
            if line.strip():
                yield json.loads(line)


def evaluate_quotes(gold_path: Path, pipeline: Pipeline, *, limit: int | None = None) -> EvalReport:
    """Quote P/R/F1 (≥ 50 % content coverage) and speaker accuracy on matched quotes."""
    t0 = time.perf_counter()
    records = list(read_gold(gold_path, limit=limit))
    report = EvalReport(task="quotes", gold=str(gold_path))
    articles = [Article(text=r["text"], id=str(r.get("id", i))) for i, r in enumerate(records)]
    tally = Tally()
    for record, outcome in zip(
        records, pipeline.pipe(articles, batch_size=4, failures="yield"), strict=True
    ):
        report.documents += 1
        if isinstance(outcome, Failure):
            report.notes.append(f"{outcome.article_id}: {outcome.error}: {outcome.message}")
            tally.add(record["quotes"], [], [])
            continue
        tally.add(record["quotes"], outcome.quotes, outcome.actors)
    tally.fill(report)
    report.seconds = time.perf_counter() - t0
    return report


class Tally:
    """Counts over documents; ``add`` one document at a time, then ``fill`` a report."""

    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0
        self.speaker_right = 0
        self.by_kind: dict[str, list[int]] = {}  # gold kind → [matched, total]

    def add(self, gold: list[dict[str, Any]], quotes: list[Quote], actors: list[Actor]) -> None:
        preds = _group_by_cue(quotes)
        gold_spans = [_spans(g) for g in gold]
        pairs: list[tuple[float, int, int]] = []
        for gi, gs in enumerate(gold_spans):
            total = _length(gs)
            if not total:
                continue
            for pi, (ps, _) in enumerate(preds):
                cov = _overlap(gs, ps) / total
                if cov >= MIN_COVERAGE:
                    pairs.append((cov, gi, pi))
        pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
        gold_done: set[int] = set()
        pred_done: set[int] = set()
        mentions = {a.id: [(m.start, m.end) for m in a.mentions] for a in actors}
        for _, gi, pi in pairs:
            if gi in gold_done or pi in pred_done:
                continue
            gold_done.add(gi)
            pred_done.add(pi)
            if _speaker_right(gold[gi], preds[pi][1], mentions):
                self.speaker_right += 1
        self.tp += len(gold_done)
        self.fn += len(gold) - len(gold_done)
        self.fp += len(preds) - len(pred_done)
        for gi, g in enumerate(gold):
            row = self.by_kind.setdefault(str(g.get("kind")), [0, 0])
            row[0] += gi in gold_done
            row[1] += 1

    def fill(self, report: EvalReport) -> None:
        m = report.metric("quote")
        m.tp, m.fp, m.fn = self.tp, self.fp, self.fn
        report.figures["speaker_accuracy"] = self.speaker_right / self.tp if self.tp else 0.0
        for kind, (hit, total) in sorted(self.by_kind.items()):
            report.figures[f"recall_{kind}"] = hit / total if total else 0.0


def _spans(gold: dict[str, Any]) -> Spans:
    spans = gold.get("content_spans") or [gold["content"]]
    return [(int(s), int(e)) for s, e in spans]


def _group_by_cue(quotes: list[Quote]) -> list[tuple[Spans, Quote]]:
    """One prediction per attribution: the parts of a direct quote split at its cue, and
    its continuations (no cue, the previous quote's speaker mention), stay together."""
    groups: dict[tuple[int, int] | str, tuple[Spans, Quote]] = {}
    last_key: tuple[int, int] | str | None = None
    last: Quote | None = None
    for q in quotes:
        key: tuple[int, int] | str = (q.cue.start, q.cue.end) if q.cue else q.id
        continues = (
            q.cue is None
            and last is not None
            and last.kind == "direct"
            and q.speaker_mention is not None
            and q.speaker_mention == last.speaker_mention
        )
        if continues and last_key is not None:
            key = last_key
        if key in groups:
            groups[key][0].append((q.content.start, q.content.end))
        else:
            groups[key] = ([(q.content.start, q.content.end)], q)
        last_key, last = key, q
    return list(groups.values())


def _length(spans: Spans) -> int:
    return sum(max(0, e - s) for s, e in spans)


def _overlap(a: Spans, b: Spans) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _speaker_right(
    gold: dict[str, Any], quote: Quote, mentions: dict[str, list[tuple[int, int]]]
) -> bool:
    spans = gold.get("speaker_spans") or ([gold["speaker"]] if gold.get("speaker") else [])
    if not spans:
        return quote.speaker_mention is None and not quote.via
    ours: Spans = []
    if quote.speaker_mention is not None:
        ours.append((quote.speaker_mention.start, quote.speaker_mention.end))
    if quote.via:
        ours.extend(mentions.get(quote.via[-1], []))
    return _overlap([(int(s), int(e)) for s, e in spans], ours) > 0
