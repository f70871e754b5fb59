"""JSONL and CSV inputs: one article per line or row; a bad record fails alone."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..article import Article, Failure, parse_published
from ..errors import DecodeError, NewsEventsError, RecordError
from .html import html_to_article
from .text import decode_text

# News CSVs carry whole articles in one field; the csv module's default cap is 128 KiB.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


@dataclass(frozen=True, slots=True)
class CsvColumns:
    """Which CSV columns hold what (``--text-column`` … on the command line)."""

    text: str = "text"
    id: str | None = "id"
    title: str | None = "title"
    published: str | None = "published"
    source: str | None = "source"
    url: str | None = "url"
    html: str | None = "html"


def record_to_article(
    record: dict[str, object],
    *,
    published: dt.date | None,
    fields: CsvColumns = CsvColumns(),
    origin: str | None = None,
    line: int | None = None,
) -> Article:
    """Turn one JSON object or CSV row into an Article.

    Raises:
        RecordError-free NewsEventsError subclasses (DateError, InputError) for bad values;
        the caller adds source and line.
    """

    def get(name: str | None) -> str | None:
        if not name:
            return None
        value = record.get(name)
        if value is None or value == "":
            return None
        return str(value)

    text = get(fields.text)
    html = get(fields.html)
    record_date = parse_published(get(fields.published))
    if text is None and html is not None:
        article = html_to_article(
            html,
            id=get(fields.id),
            published=record_date or published,
            url=get(fields.url),
            title=get(fields.title),
            source=get(fields.source),
        )
        return dataclasses.replace(article, origin=origin, line=line)
    if text is None:
        raise RecordError(f"no {fields.text!r} (or {fields.html!r}) field", source="record")
    return Article(
        text=text,
        id=get(fields.id),
        title=get(fields.title),
        published=record_date or published,
        source=get(fields.source),
        url=get(fields.url),
        origin=origin,
        line=line,
    )


def read_jsonl(
    lines: Iterable[str | bytes], *, source: str, published: dt.date | None
) -> Iterator[Article | Failure]:
    """Articles from JSONL lines ``{"id", "text" | "html", "title", "published", …}``.

    Lines may be bytes (a file opened in binary mode is streamed, never read whole);
    each is decoded on its own, so one line in a bad encoding fails alone.
    """
    for lineno, raw in enumerate(lines, start=1):
        record_id = None
        try:
            line = decode_text(raw, source=source) if isinstance(raw, bytes) else raw
            if not line.strip():
                continue
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError("the line is not a JSON object")
            record_id = str(record["id"]) if record.get("id") is not None else None
            yield record_to_article(record, published=published, origin=source, line=lineno)
        except (ValueError, NewsEventsError) as exc:
            message = str(exc).removeprefix("record: ")
            yield Failure(record_id, source, lineno, type(exc).__name__, message)


def decoded_lines(lines: Iterable[bytes], *, source: str) -> Iterator[str]:
    """UTF-8 lines from a binary stream, one at a time (a BOM on the first is dropped).

    Raises:
        DecodeError: at the first line that is not UTF-8 (lines before it were yielded).
    """
    for lineno, raw in enumerate(lines, start=1):
        if lineno == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DecodeError(
                f"{source}: line {lineno} is not valid UTF-8 (byte {exc.start}); "
                "the rows after it were not read: convert the file to UTF-8 first"
            ) from None


def read_csv(
    lines: Iterable[str], *, source: str, published: dt.date | None, columns: CsvColumns
) -> Iterator[Article | Failure]:
    """Articles from CSV rows with a header line; ``columns`` names the fields.

    ``lines`` is streamed (a file of any size is never held whole); a line that cannot
    be decoded ends the file with a Failure, keeping the rows read before it.
    """
    reader = csv.DictReader(lines)
    try:
        fieldnames = reader.fieldnames
    except (NewsEventsError, csv.Error) as exc:
        yield Failure(None, source, 1, type(exc).__name__, str(exc))
        return
    if fieldnames is None:
        return
    if columns.text not in fieldnames and (columns.html or "") not in fieldnames:
        yield Failure(
            None,
            source,
            1,
            "RecordError",
            f"no column {columns.text!r} in the header {fieldnames}; "
            "name the text column with --text-column",
        )
        return
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except (NewsEventsError, csv.Error) as exc:
            # The reader cannot go on after a broken line: record it and stop this file.
            yield Failure(None, source, reader.line_num, type(exc).__name__, str(exc))
            return
        lineno = reader.line_num
        record_id = row.get(columns.id) if columns.id else None
        try:
            yield record_to_article(
                row, published=published, fields=columns, origin=source, line=lineno
            )
        except (ValueError, NewsEventsError) as exc:
            message = str(exc).removeprefix("record: ")
            yield Failure(record_id or None, source, lineno, type(exc).__name__, message)
