"""The local engine with the fake pipeline: resume, idempotence, bad input, worker crashes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from newsevents.article import Article, Failure
from newsevents.engines import LocalEngine, run_articles
from newsevents.ingest import read_inputs
from newsevents.store import Store
from tests.engines._fake import FakePipeline, articles

ROOT = Path(__file__).resolve().parents[2]


def test_local_run_is_idempotent(tmp_path):
    items = articles(10)
    with Store(tmp_path / "e.duckdb") as store:
        first = run_articles(items, store, workers=1, batch_size=4, pipeline_factory=FakePipeline())
        again = run_articles(items, store, workers=1, batch_size=4, pipeline_factory=FakePipeline())
        assert (first.added, first.skipped) == (10, 0)
        assert (again.added, again.skipped) == (0, 10)
        assert store.counts()["articles"] == 10 and store.counts()["events"] == 10


def test_local_run_resumes_a_partial_store(tmp_path):
    items = articles(12)
    with Store(tmp_path / "e.duckdb") as store:
        run_articles(items[:5], store, workers=1, pipeline_factory=FakePipeline())
        summary = run_articles(
            items, store, workers=1, batch_size=4, pipeline_factory=FakePipeline()
        )
        assert (summary.added, summary.skipped) == (7, 5)
        assert store.counts()["articles"] == 12


def test_local_run_isolates_a_failing_article(tmp_path):
    items = articles(6)
    items[2] = Article(text="Paris BOOM said nothing.", id="bad")
    items.append(Article(text="   ", id="blank"))
    with Store(tmp_path / "e.duckdb") as store:
        summary = run_articles(
            items, store, workers=1, batch_size=4, pipeline_factory=FakePipeline()
        )
        assert summary.added == 5 and summary.failed == 2
        kinds = {f.article_id: f.error for f in store.failures()}
    assert kinds == {"bad": "StageError", "blank": "EmptyTextError"}


def _write_inputs(folder: Path) -> list[str]:
    lines = [
        json.dumps({"id": f"n{i}", "text": f"Paris said item {i} is fine."}) for i in range(2000)
    ]
    lines[1234] = '{"id": "broken", "text": '
    lines.append(json.dumps({"id": "huge", "text": "word " * 400_000}))
    (folder / "many.jsonl").write_text("\n".join(lines) + "\n")
    (folder / "empty.txt").write_text("")
    (folder / "nav.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (folder / "corrupt.txt").write_bytes(b"\x00\x9f\x92\x96 binary junk")
    (folder / "good.txt").write_text("Paris welcomed the agreement on Monday.")
    return [
        str(folder / n) for n in ("many.jsonl", "empty.txt", "nav.html", "corrupt.txt", "good.txt")
    ]


def test_local_run_records_bad_input_and_goes_on(tmp_path):
    inputs = _write_inputs(tmp_path)
    with Store(tmp_path / "e.duckdb") as store:
        summary = run_articles(
            read_inputs(inputs),
            store,
            workers=1,
            batch_size=64,
            max_chars=1_000_000,
            pipeline_factory=FakePipeline(),
        )
        failures = {(Path(f.source).name, f.line) for f in store.failures()}
        assert store.counts()["articles"] == 1999 + 1
    assert summary.added == 2000 and summary.failed == 5
    assert failures == {
        ("many.jsonl", 1235),
        ("many.jsonl", 2001),
        ("empty.txt", None),
        ("nav.html", None),
        ("corrupt.txt", None),
    }


def test_local_pool_matches_in_process_run(tmp_path):
    items = articles(9)
    items[4] = Article(text="Paris BOOM again.", id="bad")
    rows = []
    for workers in (1, 2):
        with Store(tmp_path / f"w{workers}.duckdb") as store:
            run_articles(
                items, store, workers=workers, batch_size=2, pipeline_factory=FakePipeline()
            )
            rows.append(
                store.connection.execute(
                    "SELECT article_id, result_json FROM articles ORDER BY article_id"
                ).fetchall()
            )
            assert [f.article_id for f in store.failures()] == ["bad"]
    assert rows[0] == rows[1] and len(rows[0]) == 8


def test_local_pool_survives_a_worker_crash(tmp_path):
    items = articles(6)
    items[3] = Article(text="Paris CRASH now.", id="killer")
    with LocalEngine(workers=2, batch_size=2, pipeline_factory=FakePipeline(), retries=0) as engine:
        with Store(tmp_path / "e.duckdb") as store:
            summary = engine.run(items, store)
            assert [(f.article_id, f.error) for f in store.failures()] == [
                ("killer", "WorkerCrash")
            ]
            assert store.counts()["articles"] == 5
    assert summary.added == 5


_KILLED_RUN = textwrap.dedent(
    """
    import sys
    from newsevents.engines import run_articles
    from newsevents.store import Store
    from tests.engines._fake import FakePipeline, articles

    with Store(sys.argv[1]) as store:
        summary = run_articles(
            articles(200), store, workers=1, batch_size=5,
            pipeline_factory=FakePipeline(delay=0.02),
            on_progress=lambda n: print(n, flush=True),
        )
    print("done", summary.added, summary.skipped, flush=True)
    """
)


def test_local_run_killed_mid_way_resumes_without_loss_or_doubles(tmp_path):
    db = tmp_path / "e.duckdb"
    script = tmp_path / "run.py"
    script.write_text(_KILLED_RUN)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, str(script), str(db)], stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT
    )
    done = 0
    assert proc.stdout is not None
    for line in proc.stdout:
        done += int(line)
        if done >= 30:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with Store(db) as store:
        kept = store.counts()["articles"]
        assert kept >= 30 and kept < 200 and kept % 5 == 0  # whole batches only
        summary = run_articles(
            articles(200), store, workers=1, batch_size=5, pipeline_factory=FakePipeline()
        )
        assert (summary.skipped, summary.added) == (kept, 200 - kept)
        assert store.counts()["articles"] == 200 and store.counts()["events"] == 200


def test_local_run_reader_failures_alone(tmp_path):
    items = [Failure(None, "x.jsonl", 3, "RecordError", "bad line")]
    with Store(tmp_path / "e.duckdb") as store:
        summary = run_articles(items, store, workers=1, pipeline_factory=FakePipeline())
        assert summary.failed == 1 and store.counts()["failures"] == 1


def test_run_articles_rejects_unknown_engine(tmp_path):
    with Store(tmp_path / "e.duckdb") as store:
        with pytest.raises(ValueError, match="unknown engine"):
            run_articles([], store, engine="spark")
