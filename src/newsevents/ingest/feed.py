"""RSS and Atom feeds (feedparser): one article per entry, its HTML reduced to text."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Any

from ..article import Article, Failure

FEED_SUFFIXES = (".rss", ".atom", ".xml")
"""Extensions read as feeds."""

_BLOCK_TAGS = {
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "section", "article", "tr", "table", "pre",
}  # fmt: skip
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANKS = re.compile(r"\n{3,}")


def is_feed(name: str, input_format: str | None = None) -> bool:
    """Whether ``name`` is read as a feed (``input_format="feed"`` or a feed extension)."""
    if input_format:
        return input_format == "feed"
    return name != "-" and Path(name).suffix.lower() in FEED_SUFFIXES


def html_fragment_text(html: str) -> str:
    """Plain text of an HTML fragment: blocks become paragraphs, markup is dropped."""
    from lxml import etree
    from lxml import html as lxml_html

    if "<" not in html:
        text = unescape(html)
    else:
        try:
            root = lxml_html.fragment_fromstring(html, create_parent="div")
        except (etree.ParserError, ValueError):
            return ""
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            tag = element.tag.lower()
            if tag == "br":
                element.tail = "\n" + (element.tail or "")
            elif tag in _BLOCK_TAGS:
                element.tail = "\n\n" + (element.tail or "")
            elif tag in ("script", "style"):
                element.text = ""
        text = root.text_content()
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def _entry_text(entry: Any) -> str:
    for item in entry.get("content") or []:
        value = item.get("value") or ""
        if value.strip():
            return html_fragment_text(value)
    return html_fragment_text(entry.get("summary") or entry.get("description") or "")


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def read_feed(path: str | Path, *, published: dt.date | None = None) -> Iterator[Article | Failure]:
    """Articles from an RSS or Atom file, one per entry, in feed order.

    The entry's full content (or else its summary) is the article text; its id (or
    link) is the article id, and its date the publication date (``published`` is used
    for entries without one). A file that is not a feed, or an entry without text,
    yields a :class:`Failure` (``line`` is the 1-based entry number).
    """
    import feedparser

    source = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        yield Failure(None, source, None, "InputError", f"{source}: cannot read: {exc.strerror}")
        return
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        reason = parsed.get("bozo_exception")
        detail = f": {reason}" if parsed.get("bozo") and reason else ""
        yield Failure(None, source, None, "InputError", f"{source}: no feed entries found{detail}")
        return
    outlet = (parsed.get("feed") or {}).get("title") or None
    for number, entry in enumerate(entries, start=1):
        entry_id = entry.get("id") or entry.get("link") or None
        text = _entry_text(entry)
        if not text:
            yield Failure(
                entry_id, source, number, "EmptyTextError", f"feed entry {number} has no text"
            )
            continue
        yield Article(
            text=text,
            id=entry_id,
            title=entry.get("title") or None,
            published=_entry_date(entry) or published,
            source=outlet,
            url=entry.get("link") or None,
            origin=source,
            line=number,
        )
