"""The HTML pages without a browser: twins, headers, and that the assets stay offline and safe."""

from __future__ import annotations

import re

import pytest

from newsevents.server._ui import STATIC_DIR


@pytest.mark.parametrize(
    ("page", "twin"),
    [
        ("/ui/explore", "/explore"),
        ("/ui/explore?actor=ESPGOV&quad_class=1", "/explore?actor=ESPGOV&quad_class=1"),
        ("/ui/articles/water-1", "/articles/water-1"),
        ("/ui/articles/hostile-%3C1%3E", "/articles/hostile-%3C1%3E"),
        ("/ui/actors?q=ramos", "/actors?q=ramos"),
        ("/ui/quotes?speaker=PRTGOV", "/quotes?speaker=PRTGOV"),
        ("/docs", "/openapi.json"),
    ],
)
def test_ui_every_page_has_a_json_twin(client, page, twin):
    response = client.get(page)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    link = response.headers["link"]
    assert link == f'<{twin}>; rel="alternate"; type="application/json"'
    data = client.get(twin)
    assert data.status_code == 200
    assert data.headers["content-type"].startswith("application/json")


def test_ui_paste_page_twin_is_the_extract_endpoint(client):
    assert client.get("/ui/paste").headers["link"].startswith("</extract>")


def test_ui_link_header_requotes_raw_characters(client):
    link = client.get('/ui/explore?q=a"b>c<d').headers["link"]
    assert link.count("<") == 1 and link.count(">") == 1
    assert '"b' not in link


def test_ui_root_redirects_to_explorer(client):
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 307
    assert response.headers["location"] == "/ui/explore"


def test_ui_static_assets_are_served(client):
    for name in ("common.js", "article-view.js", "charts.js", "explore.js", "style.css"):
        assert client.get(f"/static/{name}").status_code == 200


def _assets() -> list:
    return sorted(p for p in STATIC_DIR.iterdir() if p.suffix in (".js", ".css", ".html"))


@pytest.mark.parametrize("path", _assets(), ids=lambda p: p.name)
def test_ui_assets_load_nothing_from_the_network(path):
    text = path.read_text(encoding="utf-8")
    urls = set(re.findall(r"(?:https?:)?//[\w.-]+\.[a-z]{2,}[\w/.-]*", text))
    assert urls <= {"http://www.w3.org/2000/svg"}, urls


@pytest.mark.parametrize("path", [p for p in _assets() if p.suffix == ".js"], ids=lambda p: p.name)
def test_ui_scripts_never_parse_data_as_html(path):
    text = path.read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in text.replace("never through innerHTML", ""), sink


@pytest.mark.parametrize(
    "path", [p for p in _assets() if p.suffix == ".html"], ids=lambda p: p.name
)
def test_ui_pages_have_no_inline_script_or_style(path):
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"<script(?![^>]*\bsrc=)", text)  # CSP script-src 'self' forbids them
    assert "style=" not in text and "<style" not in text
