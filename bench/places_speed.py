"""Speed of the places stage as a share of spaCy's own time, measured in one run.

    .venv/bin/python bench/places_speed.py --limit 100 [--data FILE.jsonl]

Prints: gazetteer open time in a fresh process (goal <= 2 s; the file is built first if
missing, which is reported separately), spaCy seconds per article, places seconds per
article (first pass with a cold lookup cache, second pass warm) and the ratio to spaCy
(goal: times + places <= 10 % of spaCy's time). Never asserts on time.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared/data/corpora/bbc_news.jsonl"

_OPEN = (
    "import time; from newsevents.places import default_resolver; "
    "t = time.perf_counter(); r = default_resolver(); "
    "r.gazetteer.lookup('paris'); print(time.perf_counter() - t)"
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=100)
    args = ap.parse_args(argv)
    if not args.data.is_file():
        print(f"skipped: {args.data} not found")
        return 0

    from newsevents.places.gazetteer import ensure_gazetteer, gazetteer_path

    path = gazetteer_path()
    if not path.exists():
        began = time.perf_counter()
        ensure_gazetteer(path)
        print(f"gazetteer built once in {time.perf_counter() - began:.1f} s: {path}")
    out = subprocess.run([sys.executable, "-c", _OPEN], capture_output=True, text=True, check=True)
    seconds = float(out.stdout)
    print(f"gazetteer load + first lookup (fresh process, after imports): {seconds:.3f} s")

    import spacy

    from newsevents.pipeline import DEFAULT_MODEL
    from newsevents.places import default_resolver, find_places

    texts: list[str] = []
    with args.data.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record.get("text"):
                texts.append(record["text"])
            if len(texts) >= args.limit:
                break

    nlp = spacy.load(DEFAULT_MODEL)
    began = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    spacy_s = (time.perf_counter() - began) / len(docs)

    resolver = default_resolver()
    timings = []
    for _ in range(2):  # cold then warm lookup caches
        began = time.perf_counter()
        n_places = sum(len(find_places(doc, resolver=resolver)) for doc in docs)
        timings.append((time.perf_counter() - began) / len(docs))
    print(f"articles: {len(docs)}, places found: {n_places}")
    print(f"spaCy:  {spacy_s * 1000:.1f} ms/article")
    for label, secs in zip(("cold", "warm"), timings, strict=True):
        print(f"places ({label}): {secs * 1000:.2f} ms/article = {secs / spacy_s:.1%} of spaCy")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
