"""Speed of the events stage as a share of spaCy's own time, measured in one run.

    .venv/bin/python bench/events_speed.py --limit 100 [--data PATH.jsonl]

Each article goes through spaCy's components (timed), the earlier newsevents stages
(actors, times, places, quotes; not counted) and the events stage (timed). Prints seconds
per article for spaCy and for the events stage and their ratio (goal <= 15 %), plus
events per article. Never asserts on time.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared/data/corpora/bbc_news.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=100)
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"skipped: {args.data} is not present")
        return 0

    from newsevents import Pipeline

    texts = []
    with args.data.open(encoding="utf-8") as fh:
        for line in fh:
            if len(texts) >= args.limit:
                break
            record = json.loads(line)
            if record.get("text"):
                texts.append(record["text"])
    nlp = Pipeline().nlp
    spacy_s = events_s = 0.0
    n_events = 0
    for text in texts:
        doc = nlp.make_doc(text)
        for name, proc in nlp.pipeline:
            started = time.perf_counter()
            doc = proc(doc)
            elapsed = time.perf_counter() - started
            if not name.startswith("newsevents_"):
                spacy_s += elapsed
            elif name == "newsevents_events":
                events_s += elapsed
        n_events += len(doc._.ne_events or [])
    n = max(len(texts), 1)
    print(f"articles: {len(texts)}")
    print(f"spaCy:  {spacy_s / n * 1000:.1f} ms/article")
    print(f"events: {events_s / n * 1000:.1f} ms/article")
    print(
        f"ratio events/spaCy: {events_s / spacy_s:.1%} (goal <= 15%)" if spacy_s else "ratio: n/a"
    )
    print(f"events per article: {n_events / n:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
