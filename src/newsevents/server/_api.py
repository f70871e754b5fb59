"""The JSON API: extraction, the stored articles, events, actors, quotes and aggregates."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import urlencode

import duckdb
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from .. import __version__
from ._auth import key_matches, presented_key
from ._basemap import basemap
from ._extract import ExtractRequest
from ._queries import (
    ACTOR_SORTS,
    ARTICLE_SORTS,
    EVENT_SORTS,
    GROUP_SORTS,
    QUOTE_SORTS,
    EventFilters,
    article_json,
    event_stats,
    search_actors,
    search_articles,
    search_event_groups,
    search_events,
    search_quotes,
    store_counts,
)
from ._state import AppState, QueryTimeoutError

router = APIRouter()

_CODE = r"^[A-Za-z0-9]{2,24}\*?$"


def _sort_pattern(sorts: dict[str, str]) -> str:
    return "^-?(" + "|".join(sorts) + ")$"


async def get_state(request: Request) -> AppState:
    """The app's :class:`AppState` (one per ``create_app`` call)."""
    return request.app.state.newsevents


State = Annotated[AppState, Depends(get_state)]
Limit = Annotated[int, Query(ge=1, le=500, description="Page size (at most 500)")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Rows to skip")]


def render_json(value: dict[str, Any]) -> bytes:
    """The compact UTF-8 JSON body of an answer."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode(
        "utf-8"
    )


def events_key(filters: EventFilters, sort: str, limit: int, offset: int) -> str:
    """The cache key of a GET /events answer, from the parsed values: requests that differ
    only in spelling (defaults given or not, parameter order, case of codes) share it."""
    params = {**filters.as_params(), "sort": sort, "limit": limit, "offset": offset}
    return "/events?" + urlencode(sorted(params.items()), doseq=True)


async def cached_json(
    request: Request,
    state: AppState,
    compute: Callable[[], dict[str, Any]],
    *,
    key: str | None = None,
) -> Response:
    """The JSON answer from the app's cache, or computed by a reader thread (and cached
    until the next write)."""
    if key is None:
        key = request.url.path + "?" + urlencode(sorted(request.query_params.multi_items()))
    body, generation = state.cache.get(key)
    if body is None:
        body = await state.read(lambda: render_json(compute()))
        state.cache.put(key, body, generation)
    return Response(body, media_type="application/json")


def prewarm_queries() -> list[tuple[EventFilters, str]]:
    """The first pages of GET /events a user meets first: no filter under every sort,
    and each CAMEO root and quad class under the default sort."""
    out = [(EventFilters(), f"{d}{name}") for name in EVENT_SORTS for d in ("-", "")]
    out += [(EventFilters(cameo_root=f"{r:02d}"), "-date") for r in range(1, 21)]
    out += [(EventFilters(quad_class=(q,)), "-date") for q in range(1, 5)]
    return out


def prewarm(state: AppState, *, limit: int = 50, stop: threading.Event | None = None) -> int:
    """Compute and cache the :func:`prewarm_queries` answers; returns how many.

    Runs once in a background thread at start-up; a write meanwhile simply makes the
    cache drop what was computed before it (see :class:`ResponseCache`).
    """
    done = 0
    for filters, sort in prewarm_queries():
        if stop is not None and stop.is_set():
            break
        key = events_key(filters, sort, limit, 0)
        cached, generation = state.cache.get(key)
        if cached is not None:
            continue
        try:
            with state.events_cursor() as (cur, rel, _):
                body = render_json(
                    search_events(cur, filters, sort=sort, limit=limit, offset=0, rel=rel)
                )
        except (duckdb.Error, QueryTimeoutError, RuntimeError):
            return done  # the app is closing, or the store is busy: warming is optional
        state.cache.put(key, body, generation)
        done += 1
    return done


def _upper(value: str | None) -> str | None:
    return value.upper() if value else None


async def event_filters(
    actor: Annotated[
        str | None,
        Query(pattern=_CODE, description="Actor code as source or target; `SYR*` = prefix"),
    ] = None,
    country: Annotated[
        str | None,
        Query(pattern=r"^[A-Za-z]{3}$", description="ISO3 country of the source or target"),
    ] = None,
    source: Annotated[str | None, Query(pattern=_CODE, description="Source actor code")] = None,
    target: Annotated[str | None, Query(pattern=_CODE, description="Target actor code")] = None,
    cameo: Annotated[
        str | None, Query(pattern=r"^\d{2,4}$", description="CAMEO code or prefix, e.g. 04, 0311")
    ] = None,
    cameo_root: Annotated[
        str | None, Query(pattern=r"^\d{2}$", description="CAMEO root, 01–20")
    ] = None,
    plover: Annotated[
        str | None,
        Query(pattern=r"^[A-Za-z_]{2,32}$", description="PLOVER event type, e.g. CONSULT"),
    ] = None,
    quad_class: Annotated[
        list[Annotated[int, Query(ge=1, le=4)]] | None,
        Query(description="Quad class 1–4 (repeatable)"),
    ] = None,
    modality: Annotated[
        str | None, Query(pattern=r"^(asserted|intended|hypothetical|negated)$")
    ] = None,
    date_from: Annotated[
        dt.date | None, Query(description="First day (event date, else publication date)")
    ] = None,
    date_to: Annotated[dt.date | None, Query(description="Last day, inclusive")] = None,
    q: Annotated[
        str | None,
        Query(min_length=1, max_length=200, description="Text in trigger, names, title"),
    ] = None,
    article: Annotated[str | None, Query(max_length=200, description="Article id")] = None,
) -> EventFilters:
    """Query parameters shared by /events, /stats and /explore."""
    for value in quad_class or ():
        if not 1 <= value <= 4:
            raise HTTPException(422, "quad_class must be between 1 and 4")
    if date_from and date_to and date_from > date_to:
        raise HTTPException(422, "date_from is after date_to")
    return EventFilters(
        actor=_upper(actor),
        country=_upper(country),
        source=_upper(source),
        target=_upper(target),
        cameo=cameo,
        cameo_root=cameo_root,
        plover=_upper(plover),
        quad_class=tuple(sorted(set(quad_class or ()))),
        modality=modality,
        date_from=date_from,
        date_to=date_to,
        q=q,
        article=article,
    )


Filters = Annotated[EventFilters, Depends(event_filters)]


@router.get("/health", tags=["store"], summary="Liveness, version and store row counts")
def health(state: State) -> JSONResponse:
    with state.cursor() as cur:
        counts = store_counts(cur)
    return JSONResponse(
        {
            "status": "ok",
            "version": __version__,
            "writes": state.writable,
            "model": "ready" if state.extractor.ready else "not loaded",
            "store": counts,
        }
    )


@router.post("/extract", tags=["extract"], summary="Extract one article; nothing is stored")
async def extract(body: ExtractRequest, state: State) -> JSONResponse:
    """Text or HTML plus metadata in, the article result (the output contract) out."""
    article = await run_in_threadpool(body.to_article)  # HTML parsing blocks
    result = await state.extractor.extract(article)
    return JSONResponse(result.to_dict())


async def require_key(request: Request, state: State) -> None:
    """Writes need the server's API key (``X-API-Key`` or ``Authorization: Bearer``)."""
    if not state.writable:
        raise HTTPException(
            403, "this server is read-only: start it with an API key to accept writes"
        )
    if not key_matches(state.api_key or "", presented_key(request.headers)):
        raise HTTPException(401, "a valid API key is required (X-API-Key header)")


@router.post(
    "/articles",
    tags=["extract"],
    summary="Extract one article and store it (needs the API key)",
    dependencies=[Depends(require_key)],
    status_code=201,
)
async def add_article(body: ExtractRequest, state: State) -> JSONResponse:
    """201 with the stored result; 200 with the stored one when the id is already there."""
    article = await run_in_threadpool(body.to_article)  # HTML parsing blocks
    key = article.key

    def stored() -> dict[str, Any] | None:
        with state.cursor() as cur:
            return article_json(cur, key)

    existing = await state.read(stored)
    if existing is not None:
        return JSONResponse({"id": key, "stored": False, "result": existing}, status_code=200)
    result = await state.extractor.extract(article)

    def write() -> int:
        with state.write_lock:
            added = int(state.store.write_batch([result]))
            if added:
                state.articles_added([result.article.id])
            return added

    added = await run_in_threadpool(write)
    return JSONResponse(
        {"id": result.article.id, "stored": added > 0, "result": result.to_dict()},
        status_code=201 if added else 200,
    )


@router.get("/articles", tags=["store"], summary="Stored articles (metadata and event counts)")
async def list_articles(
    request: Request,
    state: State,
    q: Annotated[str | None, Query(min_length=1, max_length=200, description="In title")] = None,
    source: Annotated[str | None, Query(max_length=200)] = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    sort: Annotated[str, Query(pattern=_sort_pattern(ARTICLE_SORTS))] = "-published",
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    def compute() -> dict[str, Any]:
        with state.cursor() as cur:
            return search_articles(
                cur,
                q=q,
                source=source,
                date_from=date_from,
                date_to=date_to,
                sort=sort,
                limit=limit,
                offset=offset,
            )

    return await cached_json(request, state, compute)


@router.get(
    "/articles/{article_id:path}",
    tags=["store"],
    summary="One stored article with its text and all annotations",
)
def get_article(article_id: str, state: State) -> JSONResponse:
    with state.cursor() as cur:
        result = article_json(cur, article_id)
    if result is None:
        raise HTTPException(404, f"no article with id {article_id!r} in the store")
    return JSONResponse(result)


@router.get("/events", tags=["store"], summary="Events, filtered, sorted and paginated")
async def list_events(
    request: Request,
    state: State,
    filters: Filters,
    sort: Annotated[
        str,
        Query(
            pattern=_sort_pattern(EVENT_SORTS),
            description="One of " + ", ".join(EVENT_SORTS) + "; prefix - for descending",
        ),
    ] = "-date",
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    def compute() -> dict[str, Any]:
        with state.events_cursor() as (cur, rel, _):
            return search_events(cur, filters, sort=sort, limit=limit, offset=offset, rel=rel)

    return await cached_json(request, state, compute, key=events_key(filters, sort, limit, offset))


@router.get(
    "/event-groups",
    tags=["store"],
    summary="Aggregated events: same actors, CAMEO code and day across articles",
)
async def list_event_groups(
    request: Request,
    state: State,
    filters: Filters,
    sort: Annotated[
        str,
        Query(
            pattern=_sort_pattern(GROUP_SORTS),
            description="One of " + ", ".join(GROUP_SORTS) + "; prefix - for descending",
        ),
    ] = "-articles",
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    """The store's ``event_groups``: counts of mentions, sources and articles per group.

    Of the event filters, plover, modality, q and article do not apply to groups and
    are ignored (the echoed ``filters`` shows those that were applied).
    """

    def compute() -> dict[str, Any]:
        with state.cursor() as cur:
            return search_event_groups(cur, filters, sort=sort, limit=limit, offset=offset)

    return await cached_json(request, state, compute)


@router.get("/actors", tags=["store"], summary="Actors across articles with counts")
async def list_actors(
    request: Request,
    state: State,
    q: Annotated[str | None, Query(min_length=1, max_length=200, description="In name")] = None,
    code: Annotated[str | None, Query(pattern=_CODE)] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None,
    kind: Annotated[str | None, Query(pattern=r"^(person|organization|country|group)$")] = None,
    sort: Annotated[str, Query(pattern=_sort_pattern(ACTOR_SORTS))] = "-articles",
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    def compute() -> dict[str, Any]:
        with state.cursor() as cur:
            return search_actors(
                cur,
                q=q,
                code=_upper(code),
                country=_upper(country),
                kind=kind,
                sort=sort,
                limit=limit,
                offset=offset,
            )

    return await cached_json(request, state, compute)


@router.get("/quotes", tags=["store"], summary="Quotes, by speaker (actor code or name)")
async def list_quotes(
    request: Request,
    state: State,
    speaker: Annotated[
        str | None, Query(min_length=1, max_length=200, description="Actor code or name part")
    ] = None,
    q: Annotated[str | None, Query(min_length=1, max_length=200, description="In content")] = None,
    kind: Annotated[str | None, Query(pattern=r"^(direct|indirect|mixed)$")] = None,
    article: Annotated[str | None, Query(max_length=200)] = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    sort: Annotated[str, Query(pattern=_sort_pattern(QUOTE_SORTS))] = "-published",
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    def compute() -> dict[str, Any]:
        with state.cursor() as cur:
            return search_quotes(
                cur,
                speaker=speaker,
                q=q,
                kind=kind,
                article=article,
                date_from=date_from,
                date_to=date_to,
                sort=sort,
                limit=limit,
                offset=offset,
            )

    return await cached_json(request, state, compute)


@router.get(
    "/stats",
    tags=["store"],
    summary="Events per day and quad class, top dyads, top speakers, places, countries",
)
async def stats(
    request: Request,
    state: State,
    filters: Filters,
    top: Annotated[int, Query(ge=1, le=200, description="How many dyads and speakers")] = 25,
) -> Response:
    def compute() -> dict[str, Any]:
        with state.events_cursor() as (cur, rel, speakers):
            return event_stats(cur, filters, top=top, rel=rel, speakers_rel=speakers)

    return await cached_json(request, state, compute)


@router.get(
    "/explore",
    tags=["store"],
    summary="The explorer page's data: one page of events and the aggregates",
)
async def explore(
    request: Request,
    state: State,
    filters: Filters,
    sort: Annotated[str, Query(pattern=_sort_pattern(EVENT_SORTS))] = "-date",
    limit: Limit = 50,
    offset: Offset = 0,
    top: Annotated[int, Query(ge=1, le=200)] = 25,
) -> Response:
    def compute() -> dict[str, Any]:
        with state.events_cursor() as (cur, rel, speakers):
            body: dict[str, Any] = {
                "events": search_events(
                    cur, filters, sort=sort, limit=limit, offset=offset, rel=rel
                ),
                "stats": event_stats(cur, filters, top=top, rel=rel, speakers_rel=speakers),
            }
        with state.cursor() as cur:
            body["store"] = store_counts(cur)
        return body

    return await cached_json(request, state, compute)


@router.get("/basemap", tags=["store"], summary="The offline world backdrop of the map")
def get_basemap() -> JSONResponse:
    return JSONResponse(basemap(), headers={"cache-control": "public, max-age=86400"})
