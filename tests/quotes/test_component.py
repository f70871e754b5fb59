"""The ``newsevents_quotes`` component inside the full pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.quotes.component import QuotesComponent

pytestmark = pytest.mark.model

ARTICLE = (
    "Finance Minister Anna Berg met bank chiefs in Oslo on Monday.\n"
    "“Rates will stay low for as long as the recovery needs them,” Berg said after the "
    "meeting. “We see no sign of overheating.”\n"
    "The central bank said separately that it would publish its forecast on Friday."
)


def test_component_writes_quotes_through_extract(pipeline) -> None:
    result = pipeline.extract(ARTICLE, published="2024-05-06")
    kinds = [q.kind for q in result.quotes]
    assert kinds == ["direct", "direct", "indirect"]
    assert [q.id for q in result.quotes] == ["Q1", "Q2", "Q3"]
    first, second, third = result.quotes
    assert first.speaker_mention.text == "Berg" and first.cue.text == "said"
    assert second.speaker_mention == first.speaker_mention and second.cue is None
    assert third.speaker_mention.text == "The central bank"
    for q in result.quotes:
        assert ARTICLE[q.content.start : q.content.end] == q.content.text


def test_component_takes_extra_lexicon(nlp, tmp_path: Path) -> None:
    extra = tmp_path / "cues.tsv"
    extra.write_text("word\tclass\nharangue\tspeech\n", encoding="utf-8")
    component = QuotesComponent(nlp, "q", extra_lexicons=[str(extra)], include_cognition=False)
    assert "harangue" in component.lexicon.speech
