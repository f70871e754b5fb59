"""Readers: files, stdin and records → :class:`Article` (or :class:`Failure` for a bad record).

``read_inputs`` picks a reader per input by ``input_format`` or by file extension:

=========  ==========================================  ==========================
format     extensions                                  one article per
=========  ==========================================  ==========================
txt        .txt .text .md (and anything unknown)        file
html       .html .htm                                  file (main text by trafilatura)
jsonl      .jsonl .ndjson .json                        line
csv        .csv                                        row
feed       .rss .atom .xml                             feed entry (RSS/Atom)
=========  ==========================================  ==========================

``-`` reads standard input (``txt`` unless ``input_format`` says otherwise); a folder
stands for the article files below it (sorted). JSONL is streamed line by line.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from ..article import Article, Failure
from ..errors import NewsEventsError
from .feed import read_feed
from .folder import expand_inputs
from .html import html_to_article
from .records import CsvColumns, decoded_lines, read_csv, read_jsonl
from .text import decode_text

FORMATS = ("txt", "html", "jsonl", "csv", "feed")

_BY_EXTENSION = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}

__all__ = [
    "FORMATS",
    "CsvColumns",
    "detect_format",
    "html_to_article",
    "read_inputs",
]


def detect_format(name: str, input_format: str | None = None) -> str:
    """The reader for ``name``: ``input_format`` if given, else by extension, else txt."""
    if input_format:
        return input_format
    return _BY_EXTENSION.get(Path(name).suffix.lower(), "txt")


def read_inputs(
    inputs: Sequence[str],
    *,
    input_format: str | None = None,
    published: dt.date | None = None,
    csv_columns: CsvColumns | None = None,
) -> Iterator[Article | Failure]:
    """Articles from files, folders or ``-`` (stdin), in input order.

    Unreadable inputs and bad records yield Failures in their place.
    """
    for name in expand_inputs(inputs):
        fmt = detect_format(name, input_format)
        source = "<stdin>" if name == "-" else name
        if fmt == "feed":
            yield from read_feed(name, published=published)
            continue
        if fmt == "jsonl":
            yield from _stream_jsonl(name, source=source, published=published)
            continue
        if fmt == "csv":
            columns = csv_columns or CsvColumns()
            yield from _stream_csv(name, source=source, published=published, columns=columns)
            continue
        try:
            data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
        except OSError as exc:
            yield Failure(None, source, None, "InputError", f"cannot read: {exc.strerror}")
            continue
        try:
            text = decode_text(data, source=source)
        except NewsEventsError as exc:
            yield Failure(None, source, None, type(exc).__name__, str(exc))
            continue
        if fmt == "html":
            try:
                article = html_to_article(text, published=published)
                yield dataclasses.replace(article, origin=source)
            except NewsEventsError as exc:
                yield Failure(None, source, None, type(exc).__name__, f"{source}: {exc}")
        else:
            yield Article(text=text, published=published, origin=source)


def _streamed(
    name: str, source: str, read: Callable[[io.BufferedReader], Iterator[Article | Failure]]
) -> Iterator[Article | Failure]:
    """Run ``read`` on the input opened as a binary stream (closed after, stdin excepted)."""
    if name == "-":
        yield from read(sys.stdin.buffer)  # type: ignore[arg-type]
        return
    try:
        handle = open(name, "rb")  # noqa: SIM115 - closed below, after streaming
    except OSError as exc:
        yield Failure(None, source, None, "InputError", f"cannot read: {exc.strerror}")
        return
    with handle:
        yield from read(handle)


def _stream_jsonl(
    name: str, *, source: str, published: dt.date | None
) -> Iterator[Article | Failure]:
    return _streamed(name, source, lambda h: read_jsonl(h, source=source, published=published))


def _stream_csv(
    name: str, *, source: str, published: dt.date | None, columns: CsvColumns
) -> Iterator[Article | Failure]:
    def read(handle: io.BufferedReader) -> Iterator[Article | Failure]:
        if b"\x00" in handle.peek(8192)[:8192]:
            message = f"{source}: looks like a binary file, not text"
            yield Failure(None, source, None, "DecodeError", message)
            return
        lines = decoded_lines(handle, source=source)
        yield from read_csv(lines, source=source, published=published, columns=columns)

    return _streamed(name, source, read)
