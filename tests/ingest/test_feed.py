"""RSS/Atom feeds: one article per entry, HTML reduced to text, bad feeds as failures."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.article import Article, Failure
from newsevents.ingest.feed import html_fragment_text, is_feed, read_feed

RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Harbour Wire</title>
<item><title>Port talks</title><link>http://wire.test/1</link><guid>wire-1</guid>
<pubDate>Thu, 16 Mar 2023 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Dock workers met port officials on Tuesday.&lt;/p&gt;
&lt;p&gt;Talks go on.&lt;/p&gt;</description>
</item>
<item><title>No body</title><link>http://wire.test/2</link></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Herald</title>
<entry><id>urn:herald:7</id><title>Bridge opens</title><updated>2024-01-02T08:00:00Z</updated>
<link href="http://herald.test/7"/>
<content type="html">&lt;p&gt;The mayor opened the new bridge.&lt;/p&gt;</content></entry>
</feed>
"""


def test_feed_reads_rss_entries(tmp_path):
    path = tmp_path / "wire.rss"
    path.write_text(RSS)
    first, second = list(read_feed(path))
    assert isinstance(first, Article)
    assert first.text == "Dock workers met port officials on Tuesday.\n\nTalks go on."
    assert (first.id, first.title, first.url) == ("wire-1", "Port talks", "http://wire.test/1")
    assert first.published == dt.date(2023, 3, 16) and first.source == "Harbour Wire"
    assert (first.origin, first.line) == (str(path), 1)
    assert isinstance(second, Failure) and second.error == "EmptyTextError" and second.line == 2


def test_feed_reads_atom_content(tmp_path):
    path = tmp_path / "herald.atom"
    path.write_text(ATOM)
    (article,) = read_feed(path, published=dt.date(2020, 1, 1))
    assert article.text == "The mayor opened the new bridge."
    assert article.id == "urn:herald:7" and article.published == dt.date(2024, 1, 2)


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00\x01\x02 not a feed", b"<html><body>hello</body></html>", b"<rss><channel>"],
)
def test_feed_bad_file_is_one_failure(tmp_path, content):
    path = tmp_path / "bad.xml"
    path.write_bytes(content)
    (failure,) = read_feed(path)
    assert isinstance(failure, Failure) and failure.source == str(path)


def test_feed_missing_file_is_a_failure(tmp_path):
    (failure,) = read_feed(tmp_path / "missing.rss")
    assert isinstance(failure, Failure) and "cannot read" in failure.message


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>One.</p><p>Two.</p>", "One.\n\nTwo."),
        ("Line one<br>line two", "Line one\nline two"),
        ("plain &amp; simple", "plain & simple"),
        ("<script>var x;</script><p>Kept.</p>", "Kept."),
        ("", ""),
    ],
)
def test_feed_html_fragment_text(html, text):
    assert html_fragment_text(html) == text


@pytest.mark.parametrize(
    ("name", "fmt", "expected"),
    [
        ("news.rss", None, True),
        ("news.ATOM", None, True),
        ("news.xml", None, True),
        ("news.jsonl", None, False),
        ("news.txt", "feed", True),
        ("news.rss", "txt", False),
        ("-", None, False),
    ],
)
def test_feed_is_feed(name, fmt, expected):
    assert is_feed(name, fmt) is expected
