"""The HTML pages. Each is a static shell whose script fetches its JSON twin.

========================  =========================================
page                      JSON twin (also sent as a ``Link`` header)
========================  =========================================
/ui/explore?FILTERS       /explore?FILTERS
/ui/articles/{id}         /articles/{id}
/ui/paste                 POST /extract (the page posts to it)
/ui/actors?…              /actors?…
/ui/quotes?…              /quotes?…
/ui/event-groups?…        /event-groups?…
/docs                     /openapi.json
========================  =========================================

No data is ever put into the HTML on the server: the shells are constant files, and
the scripts insert text with ``textContent`` only.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

STATIC_DIR = Path(__file__).resolve().parent / "static"

router = APIRouter(include_in_schema=False)


@lru_cache(maxsize=16)
def _shell(name: str) -> str:
    return (STATIC_DIR / name).read_text(encoding="utf-8")


def _page(name: str, twin: str) -> HTMLResponse:
    return HTMLResponse(
        _shell(name),
        headers={
            "link": f'<{twin}>; rel="alternate"; type="application/json"',
            "cache-control": "no-cache",
        },
    )


def _twin(path: str, request: Request) -> str:
    # Re-quote so nothing a client sent raw (<, >, ", spaces) can break the Link header.
    query = quote(request.url.query, safe="=&%+-_.~*")
    return f"{path}?{query}" if query else path


@router.get("/")
def index() -> RedirectResponse:
    return RedirectResponse("/ui/explore", status_code=307)


@router.get("/ui/explore")
def explore_page(request: Request) -> HTMLResponse:
    return _page("explore.html", _twin("/explore", request))


@router.get("/ui/paste")
def paste_page() -> HTMLResponse:
    return _page("paste.html", "/extract")


@router.get("/ui/actors")
def actors_page(request: Request) -> HTMLResponse:
    return _page("list.html", _twin("/actors", request))


@router.get("/ui/quotes")
def quotes_page(request: Request) -> HTMLResponse:
    return _page("list.html", _twin("/quotes", request))


@router.get("/ui/event-groups")
def event_groups_page(request: Request) -> HTMLResponse:
    return _page("list.html", _twin("/event-groups", request))


@router.get("/ui/articles/{article_id:path}")
def article_page(article_id: str) -> HTMLResponse:
    return _page("article.html", "/articles/" + quote(article_id, safe=""))


@router.get("/docs")
def api_docs() -> HTMLResponse:
    return _page("docs.html", "/openapi.json")
