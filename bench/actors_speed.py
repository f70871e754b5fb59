"""Speed of the actors stage as a share of spaCy's own time, measured in one run.

    .venv/bin/python bench/actors_speed.py --limit 100 [--data FILE.jsonl]

Prints: spaCy seconds per article, actors seconds per article, their ratio (goal <= 10 %),
and a scaling check on a synthetic article naming N different people (no quadratic
blow-up: time per mention should stay flat as N grows). Never asserts on time.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared/data/corpora/bbc_news.jsonl"

_FIRST = [
    "Anna",
    "Boris",
    "Carla",
    "David",
    "Elena",
    "Farid",
    "Grace",
    "Hugo",
    "Ines",
    "Jonas",
    "Karim",
    "Lena",
    "Marco",
    "Nadia",
    "Omar",
    "Paula",
    "Quentin",
    "Rosa",
    "Samir",
    "Tara",
]
_LAST = [
    "Abara",
    "Belkin",
    "Castell",
    "Dumont",
    "Eklund",
    "Ferraz",
    "Gundersen",
    "Halloran",
    "Ivanova",
    "Jarvik",
    "Kovacs",
    "Lindqvist",
    "Moreau",
    "Novak",
    "Okafor",
]


def _people_text(n: int) -> str:
    names = [f"{f} {last}" for last in _LAST for f in _FIRST][:n]
    parts = []
    for k, name in enumerate(names):
        surname = name.split()[1]
        parts.append(
            f"{name}, a local official, met the French ambassador on Monday. "
            f"{surname} said he would return{' to Paris' if k % 3 == 0 else ''}."
        )
    return " ".join(parts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=100)
    ap.add_argument("--people", type=int, nargs="*", default=[30, 300])
    args = ap.parse_args(argv)
    if not args.data.is_file():
        print(f"skipped: {args.data} not found")
        return 0

    import spacy

    from newsevents.actors import ActorFinder
    from newsevents.pipeline import DEFAULT_MODEL

    texts: list[str] = []
    with args.data.open(encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            if len(texts) >= args.limit:
                break
    nlp = spacy.load(DEFAULT_MODEL)
    finder = ActorFinder(nlp.vocab)
    finder(nlp("Warm-up: Syrian President Bashar al-Assad met Vladimir Putin."))

    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    spacy_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    n_actors = 0
    for doc in docs:
        n_actors += len(finder(doc)[0])
    actors_s = time.perf_counter() - t0
    n = len(docs)
    print(f"articles: {n}, actors found: {n_actors}")
    print(f"spaCy:  {spacy_s / n * 1000:8.2f} ms/article")
    print(f"actors: {actors_s / n * 1000:8.2f} ms/article")
    print(f"ratio actors/spaCy: {actors_s / spacy_s:.1%} (goal <= 10%)")

    for size in args.people:
        doc = nlp(_people_text(size))
        t0 = time.perf_counter()
        actors, _ = finder(doc)
        took = time.perf_counter() - t0
        print(
            f"{size:4d} people: {len(doc)} tokens, {len(actors)} actors, "
            f"{took * 1000:.1f} ms, {took / len(doc) * 1e6:.1f} us/token"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
