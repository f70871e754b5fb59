"""Quotes stage time against bare spaCy time on the same articles (goal: ≤ 10 %).

Usage: .venv/bin/python bench/quotes_speed.py [--data FILE.jsonl] [--limit N]

Parses the articles once with the bare spaCy model (timed), then runs
``find_quotes`` on the parsed docs (timed) and prints both and their ratio.
Skips cleanly when the data file is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import spacy

from newsevents import _doc  # noqa: F401 - registers the Doc extensions
from newsevents.pipeline import DEFAULT_MODEL
from newsevents.quotes import default_cue_lexicon, find_quotes

DEFAULT_DATA = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "quotes" / "polnear_dev.jsonl"
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="JSONL with a text field")
    parser.add_argument("--limit", type=int, default=20, help="articles to use (default 20)")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"skipped: {args.data} not found")
        return 0
    texts: list[str] = []
    with args.data.open(encoding="utf-8") as fh:
        for line in fh:
            if len(texts) >= args.limit:
                break
            if line.strip():
                texts.append(json.loads(line)["text"])
    nlp = spacy.load(DEFAULT_MODEL)
    lexicon = default_cue_lexicon()
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=8))
    spacy_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    n_quotes = sum(len(find_quotes(doc, lexicon=lexicon)) for doc in docs)
    quotes_s = time.perf_counter() - t0
    words = sum(len(doc) for doc in docs)
    print(f"articles: {len(docs)}  tokens: {words}  quotes: {n_quotes}")
    print(f"spaCy:  {spacy_s:8.2f} s  ({words / spacy_s:,.0f} tokens/s)")
    print(f"quotes: {quotes_s:8.2f} s  ({words / quotes_s:,.0f} tokens/s)")
    print(f"quotes / spaCy time: {quotes_s / spacy_s:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
