"""End to end in headless Chromium: a real uvicorn server on loopback, the real pages.

Skipped (with the reason) when Debian's chromium is not installed at /usr/bin/chromium;
the project's setup installs it. Playwright drives that binary (never its own download).
"""

from __future__ import annotations

import socket
import struct
import threading
import time
import zlib
from pathlib import Path

import pytest

from .conftest import API_KEY, HOSTILE_TEXT, WATER_TEXT

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
]

# Written for this test: a short wire story the real pipeline can code.
TEAM_ARTICLE = (
    "Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Nairobi "
    "on Tuesday to discuss a new rail link between the two countries.\n\n"
    "Ruto praised Tanzania for its support during the drought, his office said in a "
    "statement.\n\n"
    '"We will sign the border trade agreement next month," Hassan told reporters after '
    "the talks."
)


def png_pixel_stddev(data: bytes) -> float:
    """Standard deviation of the grey levels of an 8-bit RGB(A) PNG (a blank page ≈ 0)."""
    import numpy as np

    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        chunk = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    assert header is not None
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    channels = 3 if colour == 2 else 4
    stride = width * channels
    raw = np.frombuffer(zlib.decompress(idat), dtype=np.uint8).reshape(height, stride + 1)
    out = np.zeros((height, stride), dtype=np.int32)
    prev = np.zeros(stride, dtype=np.int32)
    for y in range(height):
        kind, line = raw[y, 0], raw[y, 1:].astype(np.int32)
        if kind == 0:
            cur = line
        elif kind == 2:
            cur = (line + prev) % 256
        else:  # Sub, Average, Paeth depend on the left pixel: undo them byte by byte
            cur = np.zeros(stride, dtype=np.int32)
            for x in range(stride):
                a = cur[x - channels] if x >= channels else 0
                b = prev[x]
                c = prev[x - channels] if x >= channels else 0
                if kind == 1:
                    pred = a
                elif kind == 3:
                    pred = (a + b) // 2
                else:
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                cur[x] = (line[x] + pred) % 256
        out[y] = cur
        prev = cur
    pixels = out.reshape(height, width, channels)[:, :, :3]
    return float(pixels.mean(axis=2).std())


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    """uvicorn serving an app on 127.0.0.1 in a background thread."""

    def __init__(self, app) -> None:  # noqa: ANN001
        import uvicorn

        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """A persistent Chromium context with a fresh profile directory."""
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium (scripts/setup.sh)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900},
        )
        try:
            yield context
        finally:
            context.close()


@pytest.fixture(scope="module")
def live(db_path, tmp_path_factory):
    """The app over the test store, with a fake pipeline (the water result for WATER_TEXT)."""
    import shutil

    from newsevents.server import create_app

    from .conftest import FakePipeline

    path = tmp_path_factory.mktemp("live") / "events.duckdb"
    shutil.copyfile(db_path, path)
    with LiveServer(create_app(path, api_key=API_KEY, pipeline=FakePipeline())) as server:
        yield server


@pytest.fixture
def page(browser):
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("dialog", lambda dialog: errors.append(f"dialog: {dialog.message}"))
    yield page
    page.close()
    assert not errors, errors


def wait_loaded(page, expected: str) -> None:
    page.wait_for_selector("body[data-loaded]", timeout=30_000)
    assert page.get_attribute("body", "data-loaded") == expected


def paste(page, base: str, text: str, published: str = "2024-05-08") -> None:
    page.goto(f"{base}/ui/paste")
    page.fill("textarea[name=body]", text)
    page.fill("input[name=published]", published)
    page.click("#paste button[type=submit]")
    page.wait_for_selector("body[data-loaded]", timeout=120_000)


def test_browser_paste_highlights_and_events_table(live, page):
    paste(page, live.url, WATER_TEXT)
    assert page.get_attribute("body", "data-loaded") == "extracted"
    assert page.text_content(".article-text") == WATER_TEXT
    triggers = page.locator(".article-text .hl.trigger")
    assert [triggers.nth(i).text_content() for i in range(triggers.count())] == [
        "met",
        "praised",
        "criticised",
    ]
    assert page.locator(".article-text .hl.actor").count() == 5
    assert page.locator(".article-text .hl.time").first.text_content() == "Monday"
    quote = page.locator(".article-text .hl.quote").first
    assert "speaker: Ana Ramos (PRTGOV)" in quote.get_attribute("title")
    rows = page.locator("table.article-events tr.event-row")
    assert rows.count() == 3
    assert "PRTGOV → ESPGOV" in rows.nth(0).text_content()
    assert page.locator("tr.evidence-row mark").nth(1).text_content() == "praised"
    rows.nth(2).click()
    assert page.locator(".article-text .hl.focus").first.text_content() == "criticised"


def test_browser_paste_hostile_text_stays_text(live, page):
    paste(page, live.url, HOSTILE_TEXT)
    assert page.get_attribute("body", "data-loaded") == "extracted"
    assert page.text_content(".article-text") == HOSTILE_TEXT
    assert page.locator("#result script, #result img, #result b").count() == 0
    assert page.evaluate("window.__xss") is None


def test_browser_hostile_stored_article_is_escaped(live, page):
    page.goto(f"{live.url}/ui/articles/hostile-%3C1%3E")
    wait_loaded(page, "article")
    assert page.text_content(".article-title") == (
        "<script>window.__xss=4</script>\"'><img src=x onerror=alert(1)>"
    )
    assert page.text_content(".article-text") == HOSTILE_TEXT
    names = page.locator(".article-text .hl.actor")
    assert 'O\'Hara "<b>Boss</b>"' in names.first.get_attribute("title")
    assert page.locator("#result script, #result img, #result b, #result i").count() == 0
    assert page.evaluate("window.__xss") is None


def test_browser_explorer_charts_and_filter(live, page):
    page.goto(f"{live.url}/ui/explore")
    wait_loaded(page, "explore")
    assert page.locator("#timeline rect.bar").count() >= 3
    assert page.locator("#network g.node").count() == 4
    assert page.locator("#network path.edge").count() == 3
    page.wait_for_selector("#map .land rect")
    assert page.locator("#map circle.place").count() == 1
    assert "94 event(s)" in page.text_content("#status")
    # Hostile names in the table and the network stay text.
    assert page.evaluate("window.__xss") is None

    page.evaluate("document.body.removeAttribute('data-loaded')")
    page.fill("#filters [name=actor]", "USAGOV")
    page.click("#filters button[type=submit]")
    wait_loaded(page, "explore")
    assert "actor=USAGOV" in page.url
    assert "1 event(s) in 1 article(s)" in page.text_content("#status")
    rows = page.locator("#events table tbody tr")
    assert rows.count() == 1
    assert "accused" in rows.first.text_content()
    assert page.locator("#network g.node").count() == 2

    page.click("[data-map-mode=countries]")
    assert page.get_attribute("[data-map-mode=countries]", "aria-pressed") == "true"


def test_browser_explorer_groups_table_links_articles(live, page):
    page.goto(f"{live.url}/ui/explore")
    wait_loaded(page, "explore")
    first = page.locator("#groups table tbody tr").first
    assert "PRTGOV" in first.text_content()
    assert first.locator("td").nth(4).text_content().startswith("31 ")
    link = first.locator("a.group-article").first.get_attribute("href")
    assert link.startswith("/ui/articles/")
    page.click("#groups .hint a")
    wait_loaded(page, "event-groups")
    assert "34 event groups" in page.text_content("#status")


def test_browser_explorer_sorts_and_pages(live, page):
    page.goto(f"{live.url}/ui/explore?sort=goldstein")
    wait_loaded(page, "explore")
    first = page.locator("#events tbody tr").first.text_content()
    assert "-2.0" in first
    page.evaluate("document.body.removeAttribute('data-loaded')")
    page.click("#events .pager .next")
    wait_loaded(page, "explore")
    assert "offset=50" in page.url
    assert "51–94 of 94" in page.text_content("#events .pager")


def test_browser_screenshots_are_not_blank(live, page):
    for path, state in [("/ui/explore", "explore"), ("/ui/articles/water-1", "article")]:
        page.goto(live.url + path)
        wait_loaded(page, state)
        shot = page.screenshot(full_page=False)
        assert png_pixel_stddev(shot) > 10.0, path


def test_browser_api_docs_page_lists_endpoints(live, page):
    page.goto(f"{live.url}/docs")
    wait_loaded(page, "docs")
    headings = page.locator(".endpoint h2").all_text_contents()
    assert any("/events" in h for h in headings)
    assert any("POST" in h and "/extract" in h for h in headings)


@pytest.mark.model
def test_browser_paste_with_the_real_pipeline(tmp_path, pipeline, browser):
    """The team article through the real pipeline: the page shows what /extract returns."""
    import httpx2 as httpx

    from newsevents.server import create_app

    with LiveServer(create_app(tmp_path / "e.duckdb", pipeline=pipeline)) as server:
        response = httpx.post(
            f"{server.url}/extract",
            json={"text": TEAM_ARTICLE, "published": "2024-03-05"},
            timeout=120,
        )
        page = browser.new_page()
        try:
            paste(page, server.url, TEAM_ARTICLE, "2024-03-05")
            if response.status_code != 200:
                # A stage failing on this text must reach the page as its error message.
                assert page.get_attribute("body", "data-loaded") == "error"
                message = response.json()["error"]["message"]
                assert message in page.text_content("#status [role=alert]")
                return
            expected = response.json()
            assert page.get_attribute("body", "data-loaded") == "extracted"
            assert page.text_content(".article-text") == TEAM_ARTICLE
            mentions = sum(len(a["mentions"]) for a in expected["actors"])
            assert page.locator(".article-text .hl.actor").count() >= min(mentions, 1)
            assert page.locator("tr.event-row").count() == len(expected["events"])
            assert page.locator(".article-text .hl.trigger").count() >= min(
                len(expected["events"]), 1
            )
        finally:
            page.close()


def test_browser_offsets_count_code_points_not_utf16_units(live, page):
    """Python offsets count code points; an emoji is two UTF-16 units in JavaScript."""
    page.goto(f"{live.url}/ui/paste")
    page.wait_for_function("typeof ArticleView !== 'undefined'")
    text = "Flag 🇵🇹 raised; Lisbon ✓ agreed."
    start = text.index("Lisbon")  # a Python (code point) offset
    got = page.evaluate(
        "([t, s]) => { const m = ArticleView.offsetMapper(t); return t.slice(m(s), m(s + 6)); }",
        [text, start],
    )
    assert got == "Lisbon"
