"""A fake pipeline (the engines' test seam): fast, deterministic, no spaCy model.

Text markers trigger failures: ``BOOM`` raises inside ``pipe`` (a stage bug), ``CRASH``
kills the worker process (only use it with a process pool), ``SLOW`` sleeps a little.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from newsevents.article import Article, Failure
from newsevents.schema import (
    Actor,
    ArticleInfo,
    ArticleResult,
    CharRange,
    Event,
    Plover,
    TextSpan,
)


def fake_result(article: Article) -> ArticleResult:
    text = article.text
    first = text.split()[0]
    actors = [
        Actor("A1", "France", "country", "FRAGOV", "FRA", ["GOV"], [TextSpan(0, len(first), first)])
    ]
    event = Event(
        id="E1",
        source="A1",
        target=None,
        source_code="FRAGOV",
        target_code=None,
        cameo="040",
        cameo_root="04",
        cameo_name="Consult, not specified below",
        plover=Plover("CONSULT"),
        goldstein=1.0,
        quad_class=1,
        modality="asserted",
        date=None,
        date_text=None,
        place=None,
        trigger=TextSpan(0, len(first), first),
        sentence=CharRange(0, len(text)),
        quote=None,
        confidence=0.5,
    )
    info = ArticleInfo(
        id=article.key,
        title=article.title,
        published=article.published.isoformat() if article.published else None,
        source=article.source,
        url=article.url,
        chars=len(text),
        text=text,
    )
    return ArticleResult(info, actors, [event])


@dataclass(frozen=True)
class FakePipeline:
    """Stands in for ``newsevents.Pipeline`` in engine tests."""

    delay: float = 0.0

    def __call__(self) -> FakePipeline:  # used as its own factory
        return self

    def pipe(
        self, articles: Iterable[Article], *, batch_size: int = 16, failures: str = "yield"
    ) -> Iterator[ArticleResult | Failure]:
        batch = list(articles)
        for article in batch:
            if "CRASH" in article.text:
                os._exit(3)
            if "BOOM" in article.text:
                raise RuntimeError("stage exploded")
        for article in batch:
            if "SLOW" in article.text or self.delay:
                time.sleep(self.delay or 0.05)
            if not article.text.strip():
                yield Failure(article.key, article.origin, article.line, "EmptyTextError", "empty")
            else:
                yield fake_result(article)


def articles(n: int, *, prefix: str = "a") -> list[Article]:
    return [
        Article(text=f"Paris said on day {i} that talks went well.", id=f"{prefix}{i}")
        for i in range(n)
    ]
