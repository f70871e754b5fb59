"""The app factory: routes, limits, error bodies, static files."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.responses import Response

from .. import __version__
from ..errors import (
    DateError,
    EmptyTextError,
    InputError,
    LexiconError,
    ModelError,
    NewsEventsError,
    NotEnglishError,
)
from ..pipeline import Pipeline
from . import _api, _ui
from ._extract import BusyError, Extractor, ModelLoadingError
from ._middleware import (
    BodyLimitMiddleware,
    SecurityHeadersMiddleware,
    TimingMiddleware,
    error_body,
)
from ._state import AppState, Limits, QueryTimeoutError

log = logging.getLogger("newsevents.server")

_STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "too_many_requests",
    503: "unavailable",
    504: "timeout",
}

DESCRIPTION = """\
REST API over a newsevents store, plus extraction of single articles.

Reads are open; `POST /articles` needs the server's API key (`X-API-Key` header).
Errors are JSON: `{"error": {"status", "code", "message", "details"}}`.
The web pages live under `/ui/`; each has a JSON twin (see the `Link` header).
"""


def _open_store(db_path: Path, *, writable: bool) -> Any:
    from ..store import Store

    if writable:
        return Store(db_path)
    if not db_path.exists():
        Store(db_path).close()  # an empty store, so the paste box works from a fresh start
    return Store(db_path, read_only=True)


def create_app(
    db_path: str | Path,
    *,
    api_key: str | None = None,
    pipeline: Pipeline | None = None,
    limits: Limits | None = None,
    preload: bool = False,
) -> FastAPI:
    """Build the newsevents web app over the DuckDB store at ``db_path``.

    Args:
        db_path: the store file (created empty when missing).
        api_key: the key that allows POST /articles; ``None`` makes the server read-only
            (and opens the store read-only, so other readers can share it).
        pipeline: the pipeline for /extract and /articles; built on first use when None.
        limits: request size, timeouts and page bounds (defaults in :class:`Limits`).
        preload: start loading the pipeline when the app starts (else on the first
            extraction); until it is loaded, extraction answers 503 ``model_loading``.

    Raises:
        StoreError: the store cannot be opened.
    """
    limits = limits or Limits()
    path = Path(db_path)
    store = _open_store(path, writable=api_key is not None)
    try:
        state = AppState(
            store,
            db_path=path,
            api_key=api_key,
            extractor=Extractor(
                pipeline, timeout=limits.extract_timeout, max_queue=limits.max_extract_queue
            ),
            limits=limits,
        )
    except BaseException:
        store.close()
        raise

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if preload:
            state.extractor.start_loading()
        stop = threading.Event()
        warmer = None
        if limits.prewarm and limits.cache_entries > 0:
            warmer = threading.Thread(
                target=_api.prewarm, args=(state,), kwargs={"stop": stop}, daemon=True
            )
            warmer.start()
        yield
        stop.set()
        if warmer is not None:
            warmer.join(timeout=30)  # at most one query still running
        state.close()

    app = FastAPI(
        title="newsevents",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,  # our own offline /docs page; the default one loads a CDN
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.newsevents = state
    app.include_router(_api.router)
    app.include_router(_ui.router)
    app.mount("/static", StaticFiles(directory=_ui.STATIC_DIR), name="static")
    _add_error_handlers(app)
    app.add_middleware(BodyLimitMiddleware, max_bytes=limits.max_body_bytes)
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(TimingMiddleware)
    return app


def _json_error(
    status: int, message: str, *, code: str | None = None, details: Any = None, **headers: str
) -> JSONResponse:
    return JSONResponse(
        error_body(status, code or _STATUS_CODES.get(status, "error"), message, details),
        status_code=status,
        headers=headers or None,
    )


def _library_error(exc: NewsEventsError) -> tuple[int, str]:
    if isinstance(exc, EmptyTextError):
        return 422, "empty_text"
    if isinstance(exc, NotEnglishError):
        return 422, "not_english"
    if isinstance(exc, DateError):
        return 422, "invalid_date"
    if isinstance(exc, InputError):
        return 422, "invalid_input"
    if isinstance(exc, ModelError | LexiconError):
        return 503, "model_unavailable"  # the pipeline cannot be built: a setup problem
    return 500, "processing_error"


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        headers = dict(exc.headers or {})
        return _json_error(exc.status_code, str(exc.detail), **headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        # Keep location and message only: echoing the input could return megabytes.
        details = [
            {"loc": [str(p) for p in err.get("loc", ())], "msg": err.get("msg", "")}
            for err in exc.errors()
        ]
        first = details[0] if details else {"loc": [], "msg": "invalid request"}
        where = ".".join(first["loc"][1:] or first["loc"])
        message = f"{where}: {first['msg']}" if where else first["msg"]
        return _json_error(422, message, details=details)

    @app.exception_handler(NewsEventsError)
    async def library_error(request: Request, exc: NewsEventsError) -> Response:
        status, code = _library_error(exc)
        details = {"language": exc.language} if isinstance(exc, NotEnglishError) else None
        if status >= 500:
            log.error("%s on %s: %s", type(exc).__name__, request.url.path, exc)
        return _json_error(status, str(exc), code=code, details=details)

    @app.exception_handler(BusyError)
    async def busy(request: Request, exc: BusyError) -> Response:
        return _json_error(
            503, f"the server is busy ({exc}); retry shortly", **{"retry-after": "1"}
        )

    @app.exception_handler(ModelLoadingError)
    async def loading(request: Request, exc: ModelLoadingError) -> Response:
        return _json_error(503, str(exc), code="model_loading", **{"retry-after": "2"})

    @app.exception_handler(QueryTimeoutError)
    async def query_timeout(request: Request, exc: QueryTimeoutError) -> Response:
        return _json_error(504, f"{exc}; narrow the filters")

    @app.exception_handler(TimeoutError)
    async def timeout(request: Request, exc: TimeoutError) -> Response:
        return _json_error(504, "the article took too long to process")

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return _json_error(500, "internal server error", code="internal_error")
