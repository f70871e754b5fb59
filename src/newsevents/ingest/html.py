"""HTML pages reduced to their main text with trafilatura (title, date and URL kept)."""

from __future__ import annotations

import datetime as dt

from ..article import Article, parse_published
from ..errors import DateError, InputError

_MIN_WORDS = 3


def html_to_article(
    html: str,
    *,
    id: str | None = None,  # noqa: A002 - the contract's name
    published: dt.date | None = None,
    url: str | None = None,
    title: str | None = None,
    source: str | None = None,
) -> Article:
    """Extract the main text of an HTML page; the returned text is what offsets index.

    Metadata given by the caller wins over what the page says.

    Raises:
        InputError: the page has no extractable article text.
    """
    import trafilatura

    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    text = getattr(document, "text", None) if document is not None else None
    # A navigation label or two ("Home") is what extraction leaves of a page with no article.
    if not text or len(text.split()) < _MIN_WORDS:
        raise InputError("the HTML page has no article text that could be extracted")
    page_date = None
    raw_date = getattr(document, "date", None)
    if raw_date:
        try:
            page_date = parse_published(raw_date)
        except DateError:
            page_date = None
    return Article(
        text=text,
        id=id,
        title=title or getattr(document, "title", None),
        published=published or page_date,
        source=source or getattr(document, "sitename", None),
        url=url or getattr(document, "url", None),
    )
