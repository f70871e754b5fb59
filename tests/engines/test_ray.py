"""The Ray engine on a real local Ray cluster writes exactly the rows the local engine writes."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.article import Article
from newsevents.engines import run_articles
from newsevents.store import Store

ray = pytest.importorskip("ray")

TEXTS = [
    "The Turkish foreign minister met his Greek counterpart in Athens on Tuesday.",
    "Police in Lagos arrested twelve protesters on Monday, a spokesman said.",
    "Japan's prime minister said on Wednesday that talks with China would resume next week.",
    "Rebels attacked an army post near the border, the defence ministry said.",
    "",
    "The European Union urged Serbia and Kosovo to return to negotiations.",
]

COMPARED = {
    "articles": "article_id, content_hash, title, published, text, result_json",
    "actors": "*",
    "events": "*",
    "quotes": "*",
    "times": "*",
    "places": "*",
    "failures": "source, line, article_id, error, message",
}


def _items() -> list[Article]:
    published = dt.date(2024, 5, 8)
    return [
        Article(text=t, id=f"r{i}", published=published, origin="ray-test", line=i + 1)
        for i, t in enumerate(TEXTS)
    ]


def _rows(store: Store) -> dict[str, list[tuple]]:
    out = {}
    for table, columns in COMPARED.items():
        rows = store.connection.execute(f"SELECT {columns} FROM {table}").fetchall()
        out[table] = sorted(rows, key=repr)
    return out


@pytest.fixture(scope="module")
def ray_cluster():
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        _node_ip_address="127.0.0.1",
        log_to_driver=False,
        configure_logging=False,
    )
    yield
    ray.shutdown()


@pytest.mark.ray
@pytest.mark.model
def test_ray_run_writes_the_same_rows_as_local(tmp_path, ray_cluster):
    with Store(tmp_path / "local.duckdb") as local:
        run_articles(_items(), local, engine="local", workers=1, batch_size=2)
        expected = _rows(local)
    with Store(tmp_path / "ray.duckdb") as store:
        summary = run_articles(_items(), store, engine="ray", workers=2, batch_size=2)
        assert summary.added == 5 and summary.failed == 1
        assert len(summary.worker_peak_rss) >= 1
        assert _rows(store) == expected
        again = run_articles(_items(), store, engine="ray", workers=2, batch_size=2)
        assert (again.added, again.skipped) == (0, 5)
    assert expected["articles"] and expected["failures"]


@pytest.mark.ray
def test_ray_run_isolates_an_article_that_kills_its_actor(tmp_path, ray_cluster):
    from newsevents.engines.ray import run_ray
    from tests.engines._fake import FakePipeline, articles

    items = articles(5)
    items[1] = Article(text="Paris CRASH now.", id="killer")
    with Store(tmp_path / "ray.duckdb") as store:
        summary = run_ray(
            items, store, workers=2, batch_size=2, retries=0, pipeline_factory=FakePipeline()
        )
        assert [(f.article_id, f.error) for f in store.failures()] == [("killer", "WorkerCrash")]
        assert store.counts()["articles"] == 4
    assert summary.added == 4
