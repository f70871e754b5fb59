"""Quotation-mark pairing: pure text, no model."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.quotes.marks import find_quoted_spans


def inner(text: str) -> list[str]:
    return [text[s.inner_start : s.inner_end] for s in find_quoted_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The mayor said "we will rebuild the bridge" on Monday.', ["we will rebuild the bridge"]),
        ("“Talks went well,” the envoy said.", ["Talks went well"]),
        ("“One,” he said. “Two.”", ["One", "Two."]),
        ("He called it ``a fair deal'' in the end.", ["a fair deal"]),
        ("He called it ''a fair deal'' in the end.", ["a fair deal"]),
        ("« Nous restons » a-t-il dit.", ["Nous restons"]),
        ("Minister: ‘We will not yield’ to pressure", ["We will not yield"]),
        ("Rebels say 'the town is ours' after battle", ["the town is ours"]),
        # nested single quotes stay inside the double quote
        ("“He told me ‘leave now’ and I left,” she said.", ["He told me ‘leave now’ and I left"]),
        # negative rows: apostrophes never open or close a quote
        ("It's the 1990s' boom and the farmers' union didn't mind.", []),
        ("The ’90s were calm, the officials’ report said.", []),
        # unbalanced: a stray mark inside a paragraph drops that quote only
        ('He said "no to the plan.\nLater "yes" came.', ["yes"]),
        ("He said “unclosed to the end of the line.\nNext line.", []),
        # an opening mark at a paragraph start with no closing one: the paragraph is the quote
        (
            "“Unclosed from the start of the line.\nNext line.",
            ["Unclosed from the start of the line."],
        ),
        ("", []),
    ],
)
def test_marks_pairs_quotes(text: str, expected: list[str]) -> None:
    assert inner(text) == expected


def test_marks_quote_runs_across_paragraphs() -> None:
    text = "“First part of a long statement.\n“Second part ends here,” she said."
    spans = find_quoted_spans(text)
    assert [s.closed for s in spans] == [False, True]
    assert text[spans[0].inner_start : spans[0].inner_end] == "First part of a long statement."


def test_marks_whole_article_one_quote() -> None:
    text = "“We are a small country and we will stay neutral whatever happens next"
    spans = find_quoted_spans(text)
    assert len(spans) == 1
    assert spans[0].inner_end == len(text)


def test_marks_two_thousand_marks_stay_bounded() -> None:
    text = ' "a" b' * 1000 + ' "' * 1000
    spans = find_quoted_spans(text)
    assert len(spans) == 1000
    assert all(text[s.inner_start : s.inner_end] == "a" for s in spans)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \n.,'\"“”‘’`«»―")), max_size=200))
def test_marks_any_text_gives_valid_spans(text: str) -> None:
    last_end = -1
    for s in find_quoted_spans(text):
        assert 0 <= s.start <= s.inner_start < s.inner_end <= s.end <= len(text)
        assert s.start >= last_end  # no overlapping pairs
        last_end = s.end
