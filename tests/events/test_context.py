"""Dates, places, quotes, ids and evidence spans attached to events."""

from __future__ import annotations

import pytest

from newsevents.events import find_events
from newsevents.schema import Place, Quote, TextSpan, Time

from ._helpers import parse, with_actors


def _span(doc, text):
    start = doc.text.index(text)
    return start, start + len(text)


@pytest.mark.model
def test_context_date_from_governing_time_else_published(nlp):
    doc = with_actors(
        parse(nlp, "Egypt and Sudan met on Monday."), {"Egypt": "EGY", "Sudan": "SDN"}
    )
    start, end = _span(doc, "Monday")
    doc._.ne_times = [Time("T1", start, end, "Monday", "DATE", "2024-05-13")]
    events = find_events(doc)
    assert events and all(e.date == "2024-05-13" and e.date_text == "Monday" for e in events)
    doc._.ne_times = []
    assert all(e.date == "2024-05-14" and e.date_text is None for e in find_events(doc))


@pytest.mark.model
def test_context_duration_does_not_date_event(nlp):
    doc = with_actors(
        parse(nlp, "Egypt and Sudan met for three hours."), {"Egypt": "EGY", "Sudan": "SDN"}
    )
    start, end = _span(doc, "three hours")
    doc._.ne_times = [Time("T1", start, end, "three hours", "DURATION", "PT3H")]
    assert all(e.date == "2024-05-14" for e in find_events(doc))


@pytest.mark.model
def test_context_place_from_locative_phrase(nlp):
    doc = with_actors(
        parse(nlp, "Armenia and Azerbaijan met in Geneva."), {"Armenia": "ARM", "Azerbaijan": "AZE"}
    )
    start, end = _span(doc, "Geneva")
    doc._.ne_places = [
        Place("P1", start, end, "Geneva", "Geneva", 2660646, 46.2, 6.1, "CHE", "PPLA")
    ]
    events = find_events(doc)
    assert events and all(e.place == "P1" for e in events)


def _quoted(nlp, text, content, actors, cue="said"):
    doc = with_actors(parse(nlp, text), actors)
    c_start, c_end = _span(doc, content)
    s_start, s_end = _span(doc, cue)
    sw_start, sw_end = _span(doc, "Sweden")
    doc._.ne_quotes = [
        Quote(
            "Q1",
            "indirect",
            TextSpan(c_start, c_end, text[c_start:c_end]),
            "A1",
            TextSpan(sw_start, sw_end, "Sweden"),
            TextSpan(s_start, s_end, cue),
        )
    ]
    return doc


@pytest.mark.model
def test_context_quote_gives_statement_event(nlp):
    text = "The harvest was good this year, Sweden said."
    doc = _quoted(nlp, text, "The harvest was good this year", {"Sweden": "SWE"})
    (event,) = find_events(doc)
    assert (event.cameo, event.source_code, event.quote) == ("010", "SWE", "Q1")
    assert event.trigger.text == "said"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "statement"),
    [
        ("According to Sweden, the harvest was good this year.", "According to", True),
        ("Sweden announced that the harvest was good this year.", "announced", True),
        ("Sweden believes that the harvest was good this year.", "believes", False),
        ("Sweden is sure that the harvest was good this year.", "is sure", False),
        ("Sweden will announce that the harvest was good this year.", "announce", False),
        ("Sweden did not say that the harvest was good this year.", "say", False),
    ],
)
def test_context_only_a_statement_made_gives_a_statement_event(nlp, text, cue, statement):
    # A belief, a stance or a statement still to come is a quote, not a 01x event.
    doc = _quoted(nlp, text, "the harvest was good this year", {"Sweden": "SWE"}, cue=cue)
    statements = [e for e in find_events(doc) if e.quote == "Q1" and e.cameo_root == "01"]
    assert bool(statements) is statement


@pytest.mark.model
def test_context_reported_attack_is_accusation_linked_to_quote(nlp):
    text = "Norway attacked the border post, Sweden said."
    doc = _quoted(nlp, text, "Norway attacked the border post", {"Sweden": "SWE", "Norway": "NOR"})
    by_root = {e.cameo_root: e for e in find_events(doc)}
    assert set(by_root) == {"11", "19"}
    assert (by_root["11"].source_code, by_root["11"].target_code) == ("SWE", "NOR")
    assert by_root["11"].quote == "Q1" and by_root["11"].trigger.text == "said"
    assert by_root["19"].source_code == "NOR" and by_root["19"].quote == "Q1"


@pytest.mark.model
def test_context_ids_in_text_order_with_exact_offsets(nlp):
    text = "Chad attacked rebels in the north. Later, Niger and Chad held talks."
    doc = with_actors(parse(nlp, text), {"Chad": "TCD", "rebels": "TCDREB", "Niger": "NER"})
    events = find_events(doc)
    assert [e.id for e in events] == [f"E{n}" for n in range(1, len(events) + 1)]
    starts = [e.trigger.start for e in events]
    assert starts == sorted(starts)
    for e in events:
        assert doc.text[e.trigger.start : e.trigger.end] == e.trigger.text
        assert e.sentence.start <= e.trigger.start < e.sentence.end
        assert 0.0 <= e.confidence <= 1.0
        assert e.plover is not None and e.cameo_name


@pytest.mark.model
def test_context_no_actors_no_events(nlp):
    doc = parse(nlp, "Troops attacked the village at dawn.")
    assert find_events(doc) == []


@pytest.mark.model
def test_context_tolerates_inconsistent_inputs(nlp):
    doc = with_actors(parse(nlp, "Chad attacked rebels."), {"Chad": "TCD", "rebels": "TCDREB"})
    doc._.ne_token_actor = {**doc._.ne_token_actor, 99: "A9", 1: "A404"}
    doc._.ne_times = [Time("T1", 500, 510, "far away", "DATE", "2024-01-01")]
    doc._.ne_quotes = [
        Quote("Q1", "direct", TextSpan(400, 420, "x"), "A1", None, TextSpan(430, 434, "said"))
    ]
    events = find_events(doc)
    assert [(e.source_code, e.target_code) for e in events] == [("TCD", "TCDREB")]


@pytest.mark.model
def test_context_condemned_past_attack_is_not_a_new_attack(nlp):
    text = "Kenya condemned Somalia's 2013 attack on its border town."
    doc = with_actors(parse(nlp, text), {"Kenya": "KEN", "Somalia": "SOM"})
    start, end = _span(doc, "2013")
    doc._.ne_times = [Time("T1", start, end, "2013", "DATE", "2013")]
    coded = [(e.source_code, e.target_code, e.cameo_root, e.date) for e in find_events(doc)]
    assert coded == [("KEN", "SOM", "11", "2024-05-14")]
