"""POST /extract and /articles input, and the one pipeline per app that serves them.

Extraction is CPU-bound and spaCy objects are not meant to be shared across threads,
so every request runs on one dedicated worker thread, one at a time. Requests queue
for it; the queue is bounded (503 when full) and each request has a deadline (504).
A request that times out while still queued is dropped from the queue.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..article import Article, parse_published
from ..errors import NewsEventsError
from ..pipeline import Pipeline
from ..schema import ArticleResult

MAX_TEXT_CHARS = 200_000
MAX_HTML_CHARS = 2_000_000


class ExtractRequest(BaseModel):
    """One article as text or HTML, with optional metadata."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "text": "Officials in Lisbon said on Monday that talks with Spain had resumed.",
                    "published": "2024-05-06",
                    "title": "Talks resume",
                }
            ]
        },
    )

    text: str | None = Field(None, max_length=MAX_TEXT_CHARS, description="Plain article text")
    html: str | None = Field(
        None, max_length=MAX_HTML_CHARS, description="An HTML page; its main text is extracted"
    )
    id: str | None = Field(None, min_length=1, max_length=200, description="Article id")
    title: str | None = Field(None, max_length=1_000)
    published: str | None = Field(
        None, max_length=40, description="Publication date YYYY-MM-DD (anchors relative dates)"
    )
    source: str | None = Field(None, max_length=200, description="Outlet name")
    url: str | None = Field(None, max_length=2_000)

    @model_validator(mode="after")
    def _one_body(self) -> ExtractRequest:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' or 'html'")
        return self

    def to_article(self) -> Article:
        """The :class:`Article` to process (HTML reduced to its main text).

        Raises:
            DateError: ``published`` is not a date.
            InputError: the HTML page has no extractable text.
        """
        published = parse_published(self.published)
        if self.html is not None:
            from ..ingest import html_to_article

            return html_to_article(
                self.html,
                id=self.id,
                published=published,
                url=self.url,
                title=self.title,
                source=self.source,
            )
        return Article(
            text=self.text or "",
            id=self.id,
            title=self.title,
            published=published,
            source=self.source,
            url=self.url,
        )


class BusyError(RuntimeError):
    """The extraction queue is full."""


class ModelLoadingError(RuntimeError):
    """The pipeline is still being loaded; the client should retry shortly."""


_WARM_UP_TEXT = "Officials from two neighbouring countries met in the capital on Monday."


class Extractor:
    """Runs the app's pipeline (loaded once, on first use) on a single worker thread."""

    def __init__(
        self, pipeline: Pipeline | None, *, timeout: float = 30.0, max_queue: int = 64
    ) -> None:
        self._pipeline = pipeline
        self._ready = pipeline is not None
        self._loading: concurrent.futures.Future[None] | None = None
        self._load_lock = threading.Lock()
        self._count_lock = threading.Lock()
        self._queued = 0
        self.timeout = timeout
        self.max_queue = max_queue
        self._executor = concurrent.futures.ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="newsevents-extract"
        )

    @property
    def ready(self) -> bool:
        """Whether the pipeline is loaded (and warmed up)."""
        return self._ready

    def start_loading(self) -> None:
        """Load the pipeline on the worker thread, once; returns at once."""
        with self._load_lock:
            if self._ready or self._loading is not None:
                return
            self._loading = self._executor.submit(self._load)

    def _load(self) -> None:
        pipeline = Pipeline()
        # One short article loads the stages' lexicons, so the first real request is fast.
        try:
            pipeline.extract(_WARM_UP_TEXT, published="2024-01-01")
        except NewsEventsError:
            pass
        self._pipeline = pipeline
        self._ready = True

    def _check_ready(self) -> None:
        if self._ready:
            return
        self.start_loading()
        loading = self._loading
        if loading is not None and loading.done() and loading.exception() is not None:
            error = loading.exception()
            with self._load_lock:
                self._loading = None  # the next request tries again
            raise error  # type: ignore[misc]
        raise ModelLoadingError("the language model is still loading; retry in a few seconds")

    def _run(self, article: Article) -> ArticleResult:
        try:
            pipeline = self._pipeline
            if pipeline is None:  # only _check_ready lets requests in, after loading
                raise ModelLoadingError("the language model is not loaded")
            return pipeline.process(article)
        finally:
            with self._count_lock:
                self._queued -= 1

    async def extract(self, article: Article) -> ArticleResult:
        """Process one article.

        Raises:
            BusyError: too many requests are already waiting.
            TimeoutError: no result within ``timeout`` seconds.
            ModelLoadingError: the pipeline is still loading.
            NewsEventsError: the article cannot be coded (empty, not English …).
        """
        self._check_ready()
        with self._count_lock:
            if self._queued >= self.max_queue:
                raise BusyError(f"{self._queued} extractions are already waiting")
            self._queued += 1
        loop = asyncio.get_running_loop()
        try:
            future = self._executor.submit(self._run, article)
        except BaseException:
            with self._count_lock:
                self._queued -= 1
            raise
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future, loop=loop), self.timeout)
        except TimeoutError:
            if future.cancel():  # never started: _run will not decrement for it
                with self._count_lock:
                    self._queued -= 1
            raise

    def close(self) -> None:
        """Stop the worker thread (waits for a running extraction to finish)."""
        self._executor.shutdown(wait=False, cancel_futures=True)
