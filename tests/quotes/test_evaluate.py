"""The quotes scorer: coverage matching, cue grouping, speaker comparison by spans."""

from __future__ import annotations

import pytest

from newsevents.evaluate import EvalReport
from newsevents.evaluate.quotes import Tally, evaluate_quotes
from newsevents.schema import Actor, Quote, TextSpan

TEXT = "“Aid is coming,” the minister said. “Trucks leave today.” Prices rose, TASS said."


def span(text: str, start_at: int = 0) -> TextSpan:
    s = TEXT.index(text, start_at)
    return TextSpan(s, s + len(text), text)


def quote(qid: str, content: str, speaker: str | None, cue: TextSpan | None, via=()) -> Quote:
    return Quote(
        id=qid,
        kind="direct",
        content=span(content),
        speaker=None,
        speaker_mention=span(speaker) if speaker else None,
        cue=cue,
        via=list(via),
    )


def gold(content: list[str], speaker: str | None) -> dict:
    spans = [[span(c).start, span(c).end] for c in content]
    sp = span(speaker) if speaker else None
    return {
        "content": [spans[0][0], spans[-1][1]],
        "content_spans": spans,
        "speaker": [sp.start, sp.end] if sp else None,
        "speaker_spans": [[sp.start, sp.end]] if sp else [],
        "kind": "direct",
    }


def score(golds: list[dict], quotes: list[Quote], actors=()) -> EvalReport:
    tally = Tally()
    tally.add(golds, quotes, list(actors))
    report = EvalReport(task="quotes", gold="test")
    tally.fill(report)
    return report


def test_evaluate_continuation_counts_with_its_quote() -> None:
    said = span("said")
    golds = [gold(["“Aid is coming,”", "“Trucks leave today.”"], "the minister")]
    quotes = [
        quote("Q1", "Aid is coming", "the minister", said),
        quote("Q2", "Trucks leave today.", "the minister", None),
    ]
    m = score(golds, quotes).metric("quote")
    assert (m.tp, m.fp, m.fn) == (1, 0, 0)


@pytest.mark.parametrize(
    ("speaker", "via", "right"),
    [("TASS", (), True), ("Prices", (), False), (None, ("A1",), True), (None, (), False)],
)
def test_evaluate_speaker_by_span_or_outermost_via(speaker, via, right) -> None:
    golds = [gold(["Prices rose"], "TASS")]
    cue = span("said", TEXT.index("TASS"))
    actors = [Actor("A1", "TASS", "organization", None, None, [], [span("TASS")])]
    report = score(golds, [quote("Q1", "Prices rose", speaker, cue, via)], actors)
    assert report.metric("quote").tp == 1
    assert report.figures["speaker_accuracy"] == (1.0 if right else 0.0)


def test_evaluate_low_coverage_is_a_miss() -> None:
    golds = [gold(["Aid is coming,” the minister said. “Trucks leave today."], "the minister")]
    m = score(golds, [quote("Q1", "Aid", "the minister", span("said"))]).metric("quote")
    assert (m.tp, m.fp, m.fn) == (0, 1, 1)


@pytest.mark.model
@pytest.mark.gold
def test_evaluate_polnear_dev_first_article(shared_data, pipeline) -> None:
    report = evaluate_quotes(shared_data / "quotes" / "polnear_dev.jsonl", pipeline, limit=1)
    assert report.documents == 1
    assert report.metric("quote").tp > 0
    assert 0.0 <= report.figures["speaker_accuracy"] <= 1.0
