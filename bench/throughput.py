"""Throughput of ``newsevents run`` against bare spaCy, and of the Ray engine (1 vs N workers).

Measures, over the first ``--limit`` articles of ``bbc_news.jsonl``:

(a) bare spaCy: ``nlp.pipe(texts, n_process=N)`` with the same model;
(b) the full run: every newsevents stage plus the DuckDB store, through the local
    engine with the same number of processes (the code path of ``newsevents run``);

and prints articles/s, words/s, the ratio b/a and the peak RSS of each worker. Model
loading is excluded from both timings (the engine's workers are started and loaded
first; spaCy's pool is forked from a loaded model). ``--ray`` also times the Ray
engine with 1 and 2 workers on a local cluster (actor start-up included).

Usage::

    .venv/bin/python bench/throughput.py --limit 300 --workers 2 [--repeat 3] [--ray]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared/data/corpora/bbc_news.jsonl"


def load(path: Path, limit: int) -> list[dict[str, str]]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if len(rows) >= limit:
                break
            rows.append(json.loads(line))
    return rows


def bare_spacy(texts: list[str], workers: int, batch_size: int) -> float:
    import spacy

    from newsevents.pipeline import DEFAULT_MODEL

    nlp = spacy.load(DEFAULT_MODEL)
    list(nlp.pipe(texts[:4]))  # warm up
    start = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=workers, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def full_run(
    articles: list, workers: int, batch_size: int, folder: Path, tag: str = ""
) -> tuple[float, dict]:
    from newsevents.engines import LocalEngine
    from newsevents.store import Store

    with LocalEngine(workers=workers, batch_size=batch_size) as engine:
        engine.warm()
        with Store(folder / f"local-{workers}{tag}.duckdb") as store:
            start = time.perf_counter()
            summary = engine.run(articles, store)
            seconds = time.perf_counter() - start
    if summary.failed:
        print(f"  ({summary.failed} articles failed: {dict(summary.failure_kinds)})")
    share = summary.store_seconds / seconds if seconds else 0.0
    print(f"    of which DuckDB writes   {summary.store_seconds:.2f} s ({share:.0%})")
    return seconds, summary.worker_peak_rss


def ray_run(
    articles: list, workers: int, batch_size: int, folder: Path, tag: str = ""
) -> tuple[float, dict]:
    from newsevents.engines.ray import run_ray
    from newsevents.store import Store

    with Store(folder / f"ray-{workers}{tag}.duckdb") as store:
        start = time.perf_counter()
        summary = run_ray(articles, store, workers=workers, batch_size=batch_size)
        seconds = time.perf_counter() - start
    return seconds, summary.worker_peak_rss


def rate(n: int, words: int, seconds: float) -> str:
    return f"{n / seconds:8.1f} articles/s {words / seconds:10,.0f} words/s ({seconds:.1f} s)"


def rss(peaks: dict) -> str:
    return ", ".join(f"{v / 2**20:.0f} MiB" for _, v in sorted(peaks.items())) or "-"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--ray", action="store_true", help="also time the Ray engine, 1 vs 2")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="time (a) and (b) this many times, alternating, and report the median ratio "
        "(a noisy machine moves single runs by several points)",
    )
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"skipped: {args.data} is not present")
        return 0

    from newsevents.article import Article

    rows = load(args.data, args.limit)
    texts = [r["text"] for r in rows]
    articles = [Article(text=r["text"], id=r["id"], title=r.get("title")) for r in rows]
    words = sum(len(t.split()) for t in texts)
    n = len(texts)
    print(f"{n} articles, {words:,} words, {args.workers} processes, batch {args.batch_size}")

    ratios = []
    with tempfile.TemporaryDirectory() as tmp:
        for round_ in range(args.repeat):
            spacy_s = bare_spacy(texts, args.workers, args.batch_size)
            print(f"(a) bare spaCy nlp.pipe      {rate(n, words, spacy_s)}")
            full_s, peaks = full_run(
                articles, args.workers, args.batch_size, Path(tmp), tag=f"-{round_}"
            )
            print(f"(b) newsevents run -> DuckDB {rate(n, words, full_s)}  (timed above)")
            ratios.append(spacy_s / full_s)
            print(f"    ratio b/a (throughput)   {ratios[-1]:.2f}   (goal >= 0.80)")
            print(f"    peak RSS per worker      {rss(peaks)}   (goal <= 1.5 GB)")
        if args.repeat > 1:
            listed = ", ".join(f"{r:.2f}" for r in ratios)
            print(f"    median ratio b/a         {statistics.median(ratios):.2f}   ({listed})")
        if args.ray:
            import ray

            ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
            speedups = []
            try:
                for round_ in range(args.repeat):
                    one, _ = ray_run(articles, 1, args.batch_size, Path(tmp), tag=f"-{round_}")
                    two, ray_peaks = ray_run(
                        articles, 2, args.batch_size, Path(tmp), tag=f"-{round_}"
                    )
                    speedups.append(one / two)
                    print(f"(c) Ray, 1 worker            {rate(n, words, one)}")
                    print(f"(d) Ray, 2 workers           {rate(n, words, two)}")
                    print(f"    speed-up 2 vs 1          {one / two:.2f}x   (goal >= 1.6x)")
                    print(f"    peak RSS per Ray worker  {rss(ray_peaks)}")
            finally:
                ray.shutdown()
            if args.repeat > 1:
                listed = ", ".join(f"{r:.2f}" for r in speedups)
                median = statistics.median(speedups)
                print(f"    median speed-up 2 vs 1   {median:.2f}x   ({listed})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
