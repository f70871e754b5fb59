"""The input side: one article to process, and the record of one that failed."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from .errors import DateError


@dataclass(frozen=True, slots=True)
class Article:
    """One article as the readers (``ingest/``) produce it.

    ``text`` is exactly the text all output offsets index (for HTML: the extracted
    main text). ``id`` defaults to a hash of the text so re-runs give the same id.
    """

    text: str
    id: str | None = None
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    origin: str | None = None  # where it was read from (file name or "<stdin>"), for reports
    line: int | None = None  # 1-based line/row in ``origin`` for record inputs

    @property
    def key(self) -> str:
        """The given id, or a stable content hash when none was given."""
        return self.id if self.id else content_id(self.text)


@dataclass(frozen=True, slots=True)
class Failure:
    """An article (or input record) that could not be processed, and why."""

    article_id: str | None
    source: str | None  # file name or "-"
    line: int | None  # 1-based line/record number in the source, when known
    error: str  # exception class name, e.g. "NotEnglishError"
    message: str


def content_id(text: str) -> str:
    """A short stable id from the text: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def parse_published(value: str | dt.date | dt.datetime | None) -> dt.date | None:
    """Parse a publication date given as YYYY-MM-DD (or an ISO datetime, or YYYYMMDD).

    Raises:
        DateError: the value is not such a date.
    """
    if value is None or isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value  # type: ignore[return-value]
    if isinstance(value, dt.datetime):
        return value.date()
    text = str(value).strip()
    if not text:
        return None
    try:
        if len(text) == 8 and text.isdigit():
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise DateError(f"cannot read publication date {value!r}: expected YYYY-MM-DD") from None
