"""Readers: formats by extension, a bad record fails alone, text decoded strictly."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents import Article, DecodeError, Failure
from newsevents.ingest import CsvColumns, detect_format, read_inputs
from newsevents.ingest.text import decode_text

PAGE = """<html><head><title>Ports reopen in Mombasa</title>
<meta property="article:published_time" content="2024-04-02"></head><body>
<nav>Home | Africa | Sport</nav><article><h1>Ports reopen in Mombasa</h1>
<p>Kenya reopened two container terminals in Mombasa on Monday after a strike by dock
workers ended, the port authority said in a statement.</p>
<p>Shipping lines said it would take a week to clear the backlog of vessels at anchor.</p>
</article><footer>All rights reserved</footer></body></html>"""


@pytest.mark.parametrize(
    ("name", "given", "expected"),
    [
        ("a.txt", None, "txt"),
        ("a.HTML", None, "html"),
        ("a.jsonl", None, "jsonl"),
        ("a.csv", None, "csv"),
        ("a.unknown", None, "txt"),
        ("-", None, "txt"),
        ("a.txt", "jsonl", "jsonl"),
    ],
)
def test_ingest_detect_format(name, given, expected):
    assert detect_format(name, given) == expected


def test_ingest_jsonl_bad_line_fails_alone(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"id": "1", "text": "Rain fell in Lima."}\n'
        "{not json\n"
        '{"id": "3", "title": "no text"}\n'
        '{"id": "4", "text": "Talks ended.", "published": "2024-02-30"}\n'
        '{"id": "5", "text": "Talks resumed.", "published": "2024-03-01"}\n',
        encoding="utf-8",
    )
    out = list(read_inputs([str(path)], published=dt.date(2024, 1, 1)))
    assert [type(o).__name__ for o in out] == [
        "Article",
        "Failure",
        "Failure",
        "Failure",
        "Article",
    ]
    assert [o.line for o in out if isinstance(o, Failure)] == [2, 3, 4]
    assert out[0].published == dt.date(2024, 1, 1) and out[0].id == "1"
    assert out[4].published == dt.date(2024, 3, 1)


def test_ingest_csv_named_columns(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text(
        'story_id,body,day\nk1,"Troops left the town, residents said.",2024-06-01\n',
        encoding="utf-8",
    )
    cols = CsvColumns(text="body", id="story_id", published="day")
    (article,) = list(read_inputs([str(path)], csv_columns=cols))
    assert isinstance(article, Article)
    assert (article.id, article.published) == ("k1", dt.date(2024, 6, 1))
    assert article.text == "Troops left the town, residents said."


def test_ingest_csv_missing_text_column_is_reported(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    (failure,) = list(read_inputs([str(path)]))
    assert isinstance(failure, Failure) and "--text-column" in failure.message


def test_ingest_csv_streams_rows_with_bom_crlf_and_multiline_fields(tmp_path):
    path = tmp_path / "in.csv"
    body = (
        'id,text\r\nc1,"Fishermen returned to the harbour.\r\nThe storm had passed."\r\n'
        "c2,Banks reopened.\r\n"
    )
    path.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    articles = list(read_inputs([str(path)]))
    assert [a.id for a in articles] == ["c1", "c2"]
    assert articles[0].text == "Fishermen returned to the harbour.\r\nThe storm had passed."
    assert [a.line for a in articles] == [3, 4]


def test_ingest_csv_bad_encoding_keeps_rows_before_it(tmp_path):
    path = tmp_path / "in.csv"
    path.write_bytes(b"id,text\nr1,Rain fell.\nr2,Caf\xe9 closed.\nr3,Sun rose.\n")
    out = list(read_inputs([str(path)]))
    assert isinstance(out[0], Article) and out[0].id == "r1"
    (failure,) = out[1:]
    assert isinstance(failure, Failure) and failure.error == "DecodeError"
    assert "line 3" in failure.message and "UTF-8" in failure.message


def test_ingest_csv_binary_file_fails(tmp_path):
    path = tmp_path / "in.csv"
    path.write_bytes(b"id,text\x00\x01\x02" * 10)
    (failure,) = list(read_inputs([str(path)]))
    assert isinstance(failure, Failure) and "binary" in failure.message


def test_ingest_html_main_text_and_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    (article,) = list(read_inputs([str(path)]))
    assert "container terminals in Mombasa" in article.text
    assert "Home | Africa" not in article.text
    assert article.title == "Ports reopen in Mombasa"
    assert article.published == dt.date(2024, 4, 2)


def test_ingest_html_without_article_fails(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    (failure,) = list(read_inputs([str(path)]))
    assert isinstance(failure, Failure) and "no article text" in failure.message


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00", b"caf\xe9 au lait"])
def test_ingest_decode_rejects_binary_and_latin1(data):
    with pytest.raises(DecodeError):
        decode_text(data, source="f")


def test_ingest_decode_drops_bom():
    assert decode_text("\ufeffHello".encode(), source="f") == "Hello"


def test_ingest_unreadable_file_is_a_failure(tmp_path):
    (failure,) = list(read_inputs([str(tmp_path / "missing.txt")]))
    assert isinstance(failure, Failure) and failure.source.endswith("missing.txt")
