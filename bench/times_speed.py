"""Throughput of the times stage alone, and its cost as a share of spaCy's time per article.

Usage: .venv/bin/python bench/times_speed.py [--data FILE.jsonl] [--limit N] [--repeat K]

Parses N articles with the spaCy model (timed), then runs the times stage on the parsed
docs (timed separately, best of --repeat passes, so a busy shared machine disturbs the
figure less). Prints articles/s for both and the ratio stage/spaCy. Skips cleanly when the
corpus is absent. Figures only; nothing here asserts on time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

DEFAULT_DATA = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "corpora" / "reuters21578.jsonl"
)


def _published(record: dict) -> dt.date | None:
    value = record.get("published") or record.get("dct")
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3, help="passes of the times stage")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"skipped: {args.data} is absent")
        return 0

    import spacy

    from newsevents import _doc  # noqa: F401 - registers the Doc extensions
    from newsevents.pipeline import DEFAULT_MODEL
    from newsevents.times import find_times
    from newsevents.times.lexicon import default_time_lexicon

    records = []
    with args.data.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("text"):
                records.append(rec)
            if len(records) >= args.limit:
                break
    nlp = spacy.load(DEFAULT_MODEL)
    lexicon = default_time_lexicon()  # loaded once, outside the timings
    find_times(nlp.make_doc("warm-up on Feb. 6"), lexicon=lexicon)

    started = time.perf_counter()
    docs = list(nlp.pipe((r["text"] for r in records), batch_size=32))
    spacy_seconds = time.perf_counter() - started
    for doc, rec in zip(docs, records, strict=True):
        doc._.ne_published = _published(rec)

    stage_seconds = stage_cpu = float("inf")
    found = 0
    for _ in range(max(args.repeat, 1)):
        started, cpu = time.perf_counter(), time.process_time()
        found = sum(len(find_times(doc, lexicon=lexicon)) for doc in docs)
        stage_seconds = min(stage_seconds, time.perf_counter() - started)
        stage_cpu = min(stage_cpu, time.process_time() - cpu)

    n = len(docs)
    chars = sum(len(r["text"]) for r in records) / max(n, 1)
    print(f"articles: {n} from {args.data.name} (mean {chars:.0f} chars), times found: {found}")
    print(f"spaCy ({DEFAULT_MODEL}): {n / spacy_seconds:8.1f} articles/s")
    print(f"times stage alone:      {n / stage_seconds:8.1f} articles/s (best of {args.repeat})")
    print(f"  by CPU time:          {n / stage_cpu:8.1f} articles/s (a busy machine matters less)")
    print(f"times / spaCy time per article: {stage_seconds / spacy_seconds:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
