"""Robustness sweep: run the full pipeline over samples of two news corpora and check the contract.

Usage: .venv/bin/python bench/robustness.py [--limit N] [--out FILE.jsonl]

Takes N articles spread over ``bbc_news.jsonl`` (every category) and N from
``reuters21578.jsonl``, runs ``Pipeline().pipe(..., failures="yield")`` and prints every
problem found: failures (a ``StageError`` is a bug), spans whose offsets do not slice the
article text to their text, ids out of order, events whose source/target ids are not
actors, quotes whose speaker/via/addressee ids are not actors, events whose place/quote ids
do not exist. Skips cleanly when the corpora are absent. Exit status 1 when a problem was found.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpora"
CORPORA = ("bbc_news.jsonl", "reuters21578.jsonl")


def _published(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _sample(path: Path, limit: int) -> list[dict]:
    """Every k-th record with text, so the sample covers the whole file."""
    records = [r for r in map(json.loads, path.open(encoding="utf-8")) if r.get("text")]
    step = max(1, len(records) // limit)
    return records[::step][:limit]


def _span_problems(text: str, kind: str, item_id: str, spans: list) -> list[str]:
    out = []
    for span in spans:
        if span is None:
            continue
        start, end, got = span.start, span.end, span.text
        if not (0 <= start <= end <= len(text)) or text[start:end] != got:
            out.append(f"{kind} {item_id}: span {start}:{end} {got!r} != {text[start:end]!r}")
    return out


def _ids_in_order(kind: str, prefix: str, ids: list[str]) -> list[str]:
    want = [f"{prefix}{i}" for i in range(1, len(ids) + 1)]
    return [] if ids == want else [f"{kind} ids not in order: {ids[:12]}"]


def check(result) -> list[str]:  # noqa: ANN001 - ArticleResult
    """Every contract problem of one result."""
    text = result.article.text
    problems: list[str] = []
    for a in result.actors:
        problems += _span_problems(text, "actor", a.id, a.mentions)
    for t in result.times:
        problems += _span_problems(text, "time", t.id, [t])
    for p in result.places:
        problems += _span_problems(text, "place", p.id, [p])
    for q in result.quotes:
        problems += _span_problems(text, "quote", q.id, [q.content, q.speaker_mention, q.cue])
    for e in result.events:
        problems += _span_problems(text, "event", e.id, [e.trigger])
        if not (0 <= e.sentence.start <= e.sentence.end <= len(text)):
            problems.append(f"event {e.id}: sentence {e.sentence} outside the text")
    for kind, prefix, items in (
        ("actor", "A", result.actors),
        ("time", "T", result.times),
        ("place", "P", result.places),
        ("quote", "Q", result.quotes),
        ("event", "E", result.events),
    ):
        problems += _ids_in_order(kind, prefix, [x.id for x in items])
    actors = {a.id for a in result.actors}
    places = {p.id for p in result.places}
    quotes = {q.id for q in result.quotes}
    for e in result.events:
        for role, ref in (("source", e.source), ("target", e.target)):
            if ref is not None and ref not in actors:
                problems.append(f"event {e.id}: {role} {ref} is not an actor")
        if e.place is not None and e.place not in places:
            problems.append(f"event {e.id}: place {e.place} does not exist")
        if e.quote is not None and e.quote not in quotes:
            problems.append(f"event {e.id}: quote {e.quote} does not exist")
    for q in result.quotes:
        refs = [("speaker", q.speaker), ("addressee", q.addressee)]
        refs += [("via", v) for v in q.via]
        for role, ref in refs:
            if ref is not None and ref not in actors:
                problems.append(f"quote {q.id}: {role} {ref} is not an actor")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=150, help="articles per corpus")
    parser.add_argument("--out", type=Path, help="write the results as JSONL here")
    args = parser.parse_args(argv)
    paths = [args.data / name for name in CORPORA]
    if not all(p.is_file() for p in paths):
        print(f"skipped: corpora absent under {args.data}")
        return 0

    from newsevents import Pipeline
    from newsevents.article import Article, Failure

    articles = []
    for path in paths:
        for r in _sample(path, args.limit):
            pub = _published(r.get("published"))
            articles.append(
                Article(text=r["text"], id=r["id"], title=r.get("title"), published=pub)
            )
    pipe = Pipeline()
    counts: Counter[str] = Counter()
    bad = 0
    out = args.out.open("w", encoding="utf-8") if args.out else None
    for article, outcome in zip(articles, pipe.pipe(articles, failures="yield"), strict=True):
        if isinstance(outcome, Failure):
            counts[f"failure {outcome.error}"] += 1
            bad += 1
            print(f"[{article.id}] FAILURE {outcome.error}: {outcome.message}")
            continue
        for kind in ("actors", "events", "quotes", "times", "places"):
            counts[kind] += len(getattr(outcome, kind))
        if out:
            out.write(outcome.to_json() + "\n")
        for problem in check(outcome):
            bad += 1
            print(f"[{article.id}] {problem}")
    if out:
        out.close()
    print(
        f"articles: {len(articles)}  problems: {bad}  "
        + "  ".join(f"{k}: {v}" for k, v in sorted(counts.items()))
    )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
