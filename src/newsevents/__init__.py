"""newsevents: who did what to whom, when and where — from news articles.

Public API::

    import newsevents
    result = newsevents.extract("…", published="2023-03-16")
    result.to_dict()
"""

import datetime as dt
from functools import lru_cache as _lru_cache

from .article import Article, Failure
from .errors import (
    DateError,
    DecodeError,
    EmptyTextError,
    InputError,
    LexiconError,
    ModelError,
    NewsEventsError,
    NotEnglishError,
    RecordError,
    StageError,
    StoreError,
)
from .pipeline import Pipeline
from .schema import (
    Actor,
    ArticleInfo,
    ArticleResult,
    CharRange,
    Event,
    Place,
    Plover,
    Quote,
    TextSpan,
    Time,
)

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "ArticleInfo",
    "ArticleResult",
    "CharRange",
    "DateError",
    "DecodeError",
    "EmptyTextError",
    "Event",
    "extract",
    "Failure",
    "InputError",
    "LexiconError",
    "ModelError",
    "NewsEventsError",
    "NotEnglishError",
    "Pipeline",
    "Place",
    "Plover",
    "Quote",
    "RecordError",
    "StageError",
    "StoreError",
    "TextSpan",
    "Time",
]


@_lru_cache(maxsize=4)
def _default_pipeline(model: str | None) -> Pipeline:
    return Pipeline() if model is None else Pipeline(model)


def extract(
    text: str,
    published: str | dt.date | None = None,
    *,
    id: str | None = None,  # noqa: A002 - the contract's name
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    model: str | None = None,
) -> ArticleResult:
    """Extract actors, events, quotes, times and places from one English news text.

    The pipeline (spaCy model and lexicons) is loaded on first use and reused.

    Raises:
        EmptyTextError, NotEnglishError: the text cannot be coded.
        DateError: ``published`` is not a YYYY-MM-DD date.
        ModelError: the spaCy model is not installed.
    """
    return _default_pipeline(model).extract(
        text, published=published, id=id, title=title, source=source, url=url
    )
