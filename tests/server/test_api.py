"""The JSON API against the real app over a real DuckDB store (TestClient)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from newsevents.server import Limits, create_app

from .conftest import API_KEY, HOSTILE_TEXT, WATER_TEXT, hostile_result, water_result

# 32 articles: water-1, hostile-<1> and bulk-000 … bulk-029 (water copies, 3 events each).
TOTAL_EVENTS = 31 * 3 + 1


def assert_error(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert error["status"] == status
    assert error["message"]
    if code:
        assert error["code"] == code
    return error


def test_api_health_reports_store_counts(client):
    body = client.get("/health").json()
    assert body["status"] == "ok"
    assert body["writes"] is False
    assert body["store"]["articles"] == 32
    assert body["store"]["events"] == TOTAL_EVENTS


@pytest.mark.parametrize(
    ("query", "total"),
    [
        ("", TOTAL_EVENTS),
        ("actor=ESPGOV", 93),
        ("actor=espgov", 93),
        ("actor=USA*", 1),
        ("source=ESPGOV", 31),
        ("target=ESPGOV", 62),
        ("country=PRT", 93),
        ("cameo=04", 31),
        ("cameo=051", 31),
        ("cameo_root=11", 32),
        ("plover=support", 31),
        ("quad_class=3", 32),
        ("quad_class=1&quad_class=3", TOTAL_EVENTS),
        ("modality=asserted", TOTAL_EVENTS),
        ("date_from=2024-05-06&date_to=2024-05-06", 62),
        ("date_from=2024-05-09", 1),
        ("q=praised", 31),
        ("q=water", 93),
        ("q=%25", 0),  # a literal %, not a wildcard
        ("article=water-1", 3),
        ("actor=ESPGOV&cameo_root=11", 31),
        ("actor=RUSGOV", 0),  # negative rows
        ("country=SYR", 0),
        ("cameo=19", 0),
        ("date_to=2023-01-01", 0),
        ("article=nope", 0),
    ],
)
def test_api_events_filters(client, query, total):
    body = client.get(f"/events?{query}&limit=500").json()
    assert body["total"] == total
    assert len(body["items"]) == min(total, 500)


@pytest.mark.parametrize(
    "query",
    [
        "quad_class=5",
        "quad_class=x",
        "cameo=abc",
        "cameo_root=1",
        "country=SYRIA",
        "actor=<script>",
        "date_from=yesterday",
        "date_from=2024-05-07&date_to=2024-05-01",
        "sort=drop table",
        "sort=-nope",
        "limit=0",
        "limit=501",
        "offset=-1",
        "modality=maybe",
    ],
)
def test_api_events_rejects_bad_parameters(client, query):
    assert_error(client.get(f"/events?{query}"), 422)


def test_api_events_pages_are_disjoint_and_stable(client):
    first = client.get("/events?sort=date&limit=40").json()
    second = client.get("/events?sort=date&limit=40&offset=40").json()
    again = client.get("/events?sort=date&limit=40").json()
    keys = lambda page: [(e["article_id"], e["event_id"]) for e in page["items"]]  # noqa: E731
    assert keys(first) == keys(again)
    assert not set(keys(first)) & set(keys(second))
    days = [e["day"] for e in first["items"] + second["items"]]
    assert days == sorted(days)


@pytest.mark.parametrize(
    ("sort", "field", "reverse"),
    [("goldstein", "goldstein", False), ("-goldstein", "goldstein", True), ("-date", "day", True)],
)
def test_api_events_sorts(client, sort, field, reverse):
    items = client.get(f"/events?sort={sort}&limit=500").json()["items"]
    values = [e[field] for e in items]
    assert values == sorted(values, reverse=reverse)


def test_api_events_item_has_evidence_offsets(client):
    item = client.get("/events?article=water-1&sort=article").json()["items"][0]
    assert item["event_id"] == "E1"
    assert WATER_TEXT[item["trigger_start"] : item["trigger_end"]] == item["trigger_text"] == "met"
    assert item["place_name"] == "Lisbon"
    assert item["day"] == "2024-05-06"


def test_api_actors_aggregates_across_articles(client):
    body = client.get("/actors?code=ESPGOV").json()
    assert body["total"] == 1
    spain = body["items"][0]
    assert (spain["name"], spain["articles"], spain["mentions"]) == ("Spain", 31, 93)
    assert spain["events"] == 93
    assert client.get("/actors?q=ramos").json()["items"][0]["code"] == "PRTGOV"
    assert client.get("/actors?country=SYR").json()["total"] == 0
    assert_error(client.get("/actors?kind=alien"), 422)


@pytest.mark.parametrize(
    ("speaker", "total"),
    [("PRTGOV", 31), ("prtgov", 31), ("Ramos", 31), ("ana", 31), ("Putin", 0), ("%", 0)],
)
def test_api_quotes_by_speaker(client, speaker, total):
    body = client.get("/quotes", params={"speaker": speaker}).json()
    assert body["total"] == total
    if total:
        quote = body["items"][0]
        assert quote["speaker_name"] == "Ana Ramos"
        assert quote["content_text"] == "the rivers belong to both of us,"


def test_api_article_returns_the_stored_result(client):
    body = client.get("/articles/water-1").json()
    assert body == water_result().to_dict()


def test_api_article_with_markup_in_its_id(client):
    body = client.get("/articles/hostile-%3C1%3E").json()
    assert body["article"]["text"] == HOSTILE_TEXT
    assert body == hostile_result().to_dict()


def test_api_article_missing_is_404_json(client):
    assert_error(client.get("/articles/absent"), 404, "not_found")


def test_api_articles_list(client):
    body = client.get("/articles?sort=-published&limit=2").json()
    assert body["total"] == 32
    assert [a["id"] for a in body["items"]] == ["hostile-<1>", "water-1"]
    assert body["items"][1]["events"] == 3


def test_api_stats_aggregates(client):
    body = client.get("/stats?top=5").json()
    assert body["totals"]["events"] == TOTAL_EVENTS
    assert body["quad_totals"] == {"1": 62, "2": 0, "3": 32, "4": 0}
    days = {d["day"]: d["counts"] for d in body["per_day"]}
    assert days["2024-05-06"]["1"] == 62
    assert sum(sum(c.values()) for c in days.values()) == TOTAL_EVENTS
    top = body["top_dyads"][0]
    assert (top["source"], top["target"], top["count"]) == ("PRTGOV", "ESPGOV", 62)
    # PRTGOV is "Portugal" 62 times (as source and target), "Ana Ramos" 31 times.
    assert (top["source_name"], top["target_name"]) == ("Portugal", "Spain")
    assert {"source", "target", "mean_goldstein"} <= top.keys()
    assert body["top_speakers"][0] == {
        "code": "PRTGOV",
        "name": "Ana Ramos",
        "quotes": 31,
        "articles": 31,
    }
    assert body["places"][0]["name"] == "Lisbon"
    assert body["countries"] == [{"country": "PRT", "count": 31}]


def test_api_stats_follow_filters(client):
    body = client.get("/stats?cameo_root=11").json()
    assert body["totals"]["events"] == 32
    assert body["quad_totals"]["1"] == 0
    assert body["places"] == []


def test_api_explore_is_events_plus_stats(client):
    body = client.get("/explore?actor=USAGOV").json()
    assert body["events"]["total"] == 1
    assert body["stats"]["totals"]["events"] == 1
    assert body["store"]["articles"] == 32


def test_api_basemap_has_land_and_centroids(client):
    body = client.get("/basemap").json()
    assert len(body["cells"]) > 500
    lon, lat = body["centroids"]["PRT"]
    assert -10 < lon < -6 and 37 < lat < 42


def test_api_unknown_route_and_method_are_json(client):
    assert_error(client.get("/nowhere"), 404)
    assert_error(client.delete("/events"), 405)


def test_api_openapi_lists_the_endpoints(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/extract", "/articles", "/events", "/actors", "/quotes", "/stats"):
        assert path in paths


def test_api_responses_carry_security_headers(client):
    headers = client.get("/events").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["server-timing"].startswith("app;dur=")


# -- extraction and writes --------------------------------------------------------------


def test_api_extract_text_returns_the_result_and_stores_nothing(write_client, fake_pipeline):
    response = write_client.post("/extract", json={"text": WATER_TEXT, "published": "2024-05-08"})
    assert response.status_code == 200
    body = response.json()
    assert body["schema"] == "newsevents/1"
    assert body["article"]["published"] == "2024-05-08"
    assert [e["cameo"] for e in body["events"]] == ["040", "051", "111"]
    assert write_client.get("/health").json()["store"]["articles"] == 32


def test_api_extract_html_uses_the_main_text(write_client):
    html = (
        "<html><head><title>Water</title></head><body><article><h1>Water talks</h1>"
        + "".join(f"<p>{p}</p>" for p in WATER_TEXT.split("\n\n"))
        + "</article></body></html>"
    )
    body = write_client.post("/extract", json={"html": html, "id": "h1"}).json()
    assert "Prime Minister Ana Ramos praised" in body["article"]["text"]
    assert body["article"]["id"] == "h1"


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        ({}, "invalid_request"),
        ({"text": "a", "html": "<p>a</p>"}, "invalid_request"),
        ({"text": "Officials met.", "published": "16/03/2023"}, "invalid_date"),
        ({"text": "   "}, "empty_text"),
        ({"text": "Officials met.", "colour": "red"}, "invalid_request"),
        ({"html": "<html><body></body></html>"}, "invalid_input"),
        ({"text": 42}, "invalid_request"),
    ],
)
def test_api_extract_rejects_bad_input(write_client, payload, code):
    assert_error(write_client.post("/extract", json=payload), 422, code)


def test_api_extract_rejects_non_json(write_client):
    response = write_client.post(
        "/extract", content=b"not json", headers={"content-type": "application/json"}
    )
    assert_error(response, 422)


def test_api_articles_needs_writes_enabled(client):
    assert_error(client.post("/articles", json={"text": WATER_TEXT}), 403, "forbidden")


@pytest.mark.parametrize(
    "headers",
    [{}, {"x-api-key": "wrong"}, {"authorization": "Bearer wrong"}, {"authorization": API_KEY}],
)
def test_api_articles_rejects_missing_or_wrong_key(write_client, headers):
    response = write_client.post("/articles", json={"text": WATER_TEXT}, headers=headers)
    assert_error(response, 401, "unauthorized")


@pytest.mark.parametrize(
    "headers", [{"x-api-key": API_KEY}, {"authorization": f"Bearer {API_KEY}"}]
)
def test_api_articles_stores_once(write_client, fake_pipeline, headers):
    payload = {"text": WATER_TEXT, "id": "new-1", "published": "2024-06-01"}
    assert write_client.get("/events?article=new-1").json()["total"] == 0  # now cached
    first = write_client.post("/articles", json=payload, headers=headers)
    assert first.status_code == 201, first.text
    assert first.json()["stored"] is True
    again = write_client.post("/articles", json=payload, headers=headers)
    assert again.status_code == 200
    assert again.json()["stored"] is False
    assert fake_pipeline.calls == 1  # the stored copy is returned, not re-extracted
    stored = write_client.get("/articles/new-1").json()
    assert stored["article"]["published"] == "2024-06-01"
    assert write_client.get("/events?article=new-1").json()["total"] == 3


@pytest.mark.parametrize(
    "query", ["/events?actor=ESPGOV&sort=goldstein", "/stats?quad_class=3", "/explore?q=water"]
)
def test_api_store_queries_match_the_in_memory_index(client, db_path, query):
    with TestClient(create_app(db_path, limits=Limits(index_events=False))) as direct:
        assert direct.app.state.newsevents.index is None
        assert direct.get(query).json() == client.get(query).json()


def test_api_body_over_the_limit_is_413(db_path, fake_pipeline):
    app = create_app(db_path, pipeline=fake_pipeline, limits=Limits(max_body_bytes=1_000))
    with TestClient(app) as c:
        assert_error(c.post("/extract", json={"text": "x" * 5_000}), 413, "payload_too_large")
        assert c.post("/extract", json={"text": WATER_TEXT}).status_code == 200


def test_api_streamed_body_over_the_limit_is_413(db_path, fake_pipeline):
    app = create_app(db_path, pipeline=fake_pipeline, limits=Limits(max_body_bytes=1_000))

    def chunks():
        yield b'{"text": "'
        for _ in range(20):
            yield b"x" * 100
        yield b'"}'

    with TestClient(app) as c:
        response = c.post(
            "/extract", content=chunks(), headers={"content-type": "application/json"}
        )
        assert_error(response, 413)


def test_api_text_over_the_char_limit_is_422(write_client):
    assert_error(write_client.post("/extract", json={"text": "word " * 40_001}), 422)


def test_api_extraction_timeout_is_504(db_path, fake_pipeline, monkeypatch):
    import threading

    release = threading.Event()
    original = fake_pipeline.process

    def slow(article):  # noqa: ANN001, ANN202
        release.wait(5)
        return original(article)

    monkeypatch.setattr(fake_pipeline, "process", slow)
    app = create_app(db_path, pipeline=fake_pipeline, limits=Limits(extract_timeout=0.2))
    with TestClient(app) as c:
        try:
            assert_error(c.post("/extract", json={"text": WATER_TEXT}), 504, "timeout")
        finally:
            release.set()


def test_api_full_extraction_queue_is_503(db_path, fake_pipeline):
    app = create_app(db_path, pipeline=fake_pipeline, limits=Limits(max_extract_queue=0))
    with TestClient(app) as c:
        response = c.post("/extract", json={"text": WATER_TEXT})
        assert_error(response, 503)
        assert response.headers["retry-after"] == "1"


def test_api_extract_while_the_model_loads_is_503_then_works(db_path, fake_pipeline, monkeypatch):
    import threading
    import time

    from newsevents.server import _extract

    release = threading.Event()

    def loading_pipeline():  # noqa: ANN202 - stands in for Pipeline()
        release.wait(5)
        return fake_pipeline

    monkeypatch.setattr(_extract, "Pipeline", loading_pipeline)
    with TestClient(create_app(db_path)) as c:
        response = c.post("/extract", json={"text": WATER_TEXT})
        assert_error(response, 503, "model_loading")
        release.set()
        for _ in range(100):
            if c.get("/health").json()["model"] == "ready":
                break
            time.sleep(0.05)
        assert c.post("/extract", json={"text": WATER_TEXT}).status_code == 200


def test_api_slow_query_is_interrupted(db_path):
    from newsevents.server._state import QueryTimeoutError

    app = create_app(db_path, limits=Limits(query_timeout=0.2))
    state = app.state.newsevents
    try:
        with pytest.raises(QueryTimeoutError), state.cursor() as cur:
            cur.execute("SELECT sum(a.range * b.range) FROM range(100000) a, range(1000000) b")
    finally:
        state.close()


def test_api_article_ids_with_slashes_round_trip(write_client):
    payload = {"text": WATER_TEXT, "id": "feed/2024/7"}
    response = write_client.post("/articles", json=payload, headers={"x-api-key": API_KEY})
    assert response.status_code == 201
    assert write_client.get("/articles/feed%2F2024%2F7").json()["article"]["id"] == "feed/2024/7"
    assert write_client.get("/articles/feed/2024/7").status_code == 200
    link = write_client.get("/ui/articles/feed%2F2024%2F7").headers["link"]
    assert link.startswith("</articles/feed%2F2024%2F7>")


def test_api_pipeline_that_cannot_load_is_503_and_retried(db_path, monkeypatch):
    import time

    from newsevents.errors import LexiconError
    from newsevents.server import _extract

    calls = []

    def broken():  # noqa: ANN202 - stands in for Pipeline()
        calls.append(1)
        raise LexiconError("bad line", path="data/x.tsv", line=3)

    monkeypatch.setattr(_extract, "Pipeline", broken)
    with TestClient(create_app(db_path)) as c:
        for _ in range(100):
            response = c.post("/extract", json={"text": WATER_TEXT})
            if response.json()["error"]["code"] != "model_loading":
                break
            time.sleep(0.05)
        error = assert_error(response, 503, "model_unavailable")
        assert "data/x.tsv:3" in error["message"]
        c.post("/extract", json={"text": WATER_TEXT})  # tries to load again
        for _ in range(100):
            if len(calls) >= 2:
                break
            time.sleep(0.05)
        assert len(calls) >= 2


# Groups: 31 water articles share two PRTGOV→ESPGOV events on 2024-05-06 (2 groups of 31);
# their ESPGOV→PRTGOV 111 falls on each article's own day (31 groups); hostile adds 1.
@pytest.mark.parametrize(
    ("query", "total"),
    [
        ("", 34),
        ("actor=ESPGOV", 33),
        ("actor=USA*", 1),
        ("cameo_root=11", 32),
        ("cameo=051", 1),
        ("quad_class=1", 2),
        ("date_from=2024-05-06&date_to=2024-05-06", 2),
        ("plover=support", 34),  # not a group filter: ignored
        ("actor=RUSGOV", 0),  # negative rows
        ("country=SYR", 0),
    ],
)
def test_api_event_groups_filters(client, query, total):
    body = client.get(f"/event-groups?{query}").json()
    assert body["total"] == total
    assert "plover" not in body["filters"]


def test_api_event_groups_counts_articles_and_links_them(client):
    body = client.get("/event-groups?sort=-articles&limit=2").json()
    top = body["items"][0]
    assert (top["source_code"], top["target_code"], top["event_date"]) == (
        "PRTGOV",
        "ESPGOV",
        "2024-05-06",
    )
    assert top["articles"] == top["mentions"] == 31
    assert len(top["article_ids"]) == 31
    assert top["article_ids"] == sorted(top["article_ids"])
    assert "water-1" in top["article_ids"]


@pytest.mark.parametrize(
    ("query", "status"),
    [("sort=-date&limit=1", 200), ("sort=count", 422), ("limit=0", 422), ("offset=-1", 422)],
)
def test_api_event_groups_sort_and_page_validation(client, query, status):
    response = client.get(f"/event-groups?{query}")
    assert response.status_code == status, response.text
    if status == 200:
        assert response.json()["items"][0]["event_date"] == "2024-05-10"


def test_api_event_groups_page_past_the_end_keeps_total(client):
    body = client.get("/event-groups?offset=1000").json()
    assert body["items"] == []
    assert body["total"] == 34


def test_api_event_groups_page_has_json_twin(client):
    response = client.get("/ui/event-groups?actor=ESPGOV")
    assert response.status_code == 200
    assert "</event-groups?actor=ESPGOV>" in response.headers["link"]


def test_api_events_cache_key_ignores_spelling():
    from newsevents.server._api import events_key
    from newsevents.server._queries import EventFilters

    f = EventFilters(actor="SYRGOV", quad_class=(1, 3))
    assert events_key(f, "-date", 50, 0) == events_key(
        EventFilters(quad_class=(1, 3), actor="SYRGOV"), "-date", 50, 0
    )
    assert events_key(f, "-date", 50, 0) != events_key(f, "date", 50, 0)  # negative rows
    assert events_key(f, "-date", 50, 0) != events_key(EventFilters(), "-date", 50, 0)


def test_api_prewarm_caches_first_pages_with_the_same_body(db_path):
    from newsevents.server._api import events_key, prewarm, prewarm_queries
    from newsevents.server._queries import EventFilters

    app = create_app(db_path, limits=Limits(prewarm=False))
    with TestClient(app) as c:
        state = app.state.newsevents
        assert prewarm(state) == len(prewarm_queries())
        body, _ = state.cache.get(events_key(EventFilters(), "-date", 50, 0))
        state.cache.clear()
        assert c.get("/events?limit=50").content == body
