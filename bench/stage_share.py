"""Time of each newsevents stage as a share of spaCy's own time, measured in one run.

Runs the full pipeline component by component over news articles and prints, per
stage, seconds per article and the ratio to the spaCy model components (tok2vec,
tagger, parser, ner …) on the same documents. Ratios, not absolute times, are what
to compare across machines.

    .venv/bin/python bench/stage_share.py --corpus ../shared/data/corpora/bbc_news.jsonl --limit 200
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared/data/corpora/bbc_news.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=200)
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"skipped: corpus {args.corpus} not found")
        return 0

    from newsevents import Pipeline

    pipeline = Pipeline()
    nlp = pipeline.nlp
    texts = []
    with args.corpus.open(encoding="utf-8") as f:
        for line in f:
            texts.append(json.loads(line)["text"])
            if len(texts) >= args.limit:
                break

    seconds: dict[str, float] = defaultdict(float)
    words = 0
    for text in texts:
        t0 = time.perf_counter()
        doc = nlp.make_doc(text)
        seconds["tokenizer"] += time.perf_counter() - t0
        words += len(doc)
        for name, proc in nlp.pipeline:
            t0 = time.perf_counter()
            doc = proc(doc)
            seconds[name] += time.perf_counter() - t0
        if doc._.ne_errors:
            print("stage error:", doc._.ne_errors, file=sys.stderr)

    spacy_time = sum(v for k, v in seconds.items() if not k.startswith("newsevents_"))
    ours = sum(v for k, v in seconds.items() if k.startswith("newsevents_"))
    n = len(texts)
    print(f"{n} articles, {words} tokens; spaCy {1000 * spacy_time / n:.1f} ms/article")
    print(f"{'stage':<22}{'ms/article':>12}{'share of spaCy':>16}")
    for name, value in seconds.items():
        if name.startswith("newsevents_"):
            print(f"{name:<22}{1000 * value / n:>12.2f}{value / spacy_time:>15.1%}")
    print(f"{'all newsevents stages':<22}{1000 * ours / n:>12.2f}{ours / spacy_time:>15.1%}")
    ratio = spacy_time / (spacy_time + ours)
    print(f"throughput ratio (spaCy alone / spaCy + our stages): {ratio:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
