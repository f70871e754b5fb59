"""The places stage end to end on short wire-style sentences (needs the spaCy model)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.places import find_places

pytestmark = pytest.mark.model


def _places(nlp, text: str):
    doc = nlp(text)
    assert not doc._.ne_errors, doc._.ne_errors
    return doc._.ne_places


def _by_text(places):
    return {p.text: p for p in places}


@pytest.mark.parametrize(
    ("text", "surface", "geonameid", "iso3", "feature"),
    [
        ("Flood waters rose in Paris, Texas, on Tuesday.", "Paris", 4717560, "USA", "PPL"),
        ("Flood waters rose in Paris, Texas, on Tuesday.", "Texas", 4736286, "USA", "ADM1"),
        ("Police in Paris said the Louvre was closed.", "Paris", 2988507, "FRA", "PPLC"),
        ("BEIRUT, Lebanon \u2014 Ministers met on Monday.", "BEIRUT", 276781, "LBN", "PPLC"),
        ("BEIRUT, Lebanon \u2014 Ministers met on Monday.", "Lebanon", 272103, "LBN", "PCLI"),
        ("Russian-Syrian talks resumed on Friday.", "Russian", 2017370, "RUS", "PCLI"),
        ("Russian-Syrian talks resumed on Friday.", "Syrian", 163843, "SYR", "PCLI"),
        ("Turkish and Ukrainian envoys signed a grain deal.", "Turkish", 298795, "TUR", "PCLI"),
        ("Turkish and Ukrainian envoys signed a grain deal.", "Ukrainian", 690791, "UKR", "PCLI"),
        ("The delegation flew from Amman, Jordan, to Baghdad.", "Jordan", 248816, "JOR", "PCLI"),
        ("Coach Chad Johnson later flew to Chad.", "Chad", 2434508, "TCD", "PCLI"),
        ("Palestinians and Iraqis marched on Friday.", "Iraqis", 99237, "IRQ", "PCLI"),
        ("Talks with Air France KLM resumed.", "France", 3017382, "FRA", "PCLI"),
        ("Storms hit Atlanta and other parts of Georgia.", "Georgia", 4197000, "USA", "ADM1"),
        ("Tbilisi said Georgia would not join the talks.", "Georgia", 614540, "GEO", "PCLI"),
        ("Deputies in Rapides Parish arrested two men.", "Rapides Parish", 4338356, "USA", "ADM2"),
        ("A rally was held in Washington, D.C., on Sunday.", "Washington", 4140963, "USA", "PPLC"),
    ],
)
def test_places_resolves_toponym(nlp, text, surface, geonameid, iso3, feature) -> None:
    place = _by_text(_places(nlp, text)).get(surface)
    assert place is not None, f"{surface!r} not found"
    assert (place.geonameid, place.country, place.feature) == (geonameid, iso3, feature)
    assert text[place.start : place.end] == place.text
    assert place.lat is not None and place.lon is not None


@pytest.mark.parametrize(
    ("text", "surface", "geonameid", "iso3", "feature"),
    [
        # A dateline after the headline, not at the start of the text.
        (
            "Budget approved. TORRINGTON \u2014 The city council voted to repave two roads.",
            "TORRINGTON",
            4844309,
            "USA",
            "PPL",
        ),
        # A town before a local institution's word, inside an organisation's name.
        (
            "Officers from the Grand Ledge Police Department responded to the call.",
            "Grand Ledge",
            4994344,
            "USA",
            "PPL",
        ),
        # A place after a locative preposition, whatever NER called it.
        ("The wrestling meet in Delano begins at noon Saturday.", "Delano", 5342485, "USA", "PPL"),
        # AP state abbreviations after "X," and in a politician's party-state label.
        ("A man from Fresno, Calif., was hurt in the crash.", "Calif.", 5332921, "USA", "ADM1"),
        ("Sen. Jane Roe, D-N.J., voted against the bill.", "N.J.", 5101760, "USA", "ADM1"),
        # A country inside a two-word organisation name.
        ("Flights by Air Zimbabwe were cancelled this week.", "Zimbabwe", 878675, "ZWE", "PCLI"),
        # A name listed with a place is a place.
        ("The new trains will stop in Hilversum and Almelo.", "Almelo", 2759887, "NLD", "PPL"),
        # The US state, not a foreign town that shares its name.
        (
            "Officials in Richmond and across Virginia said the roads were icy.",
            "Virginia",
            6254928,
            "USA",
            "ADM1",
        ),
        # A postal code after "X,"; a country's name is the country, not its capital.
        ("Flooding closed roads near Ames, IA, on Monday.", "IA", 4862182, "USA", "ADM1"),
        ("Mexico City officials said prices rose across Mexico.", "Mexico", 3996063, "MEX", "PCLI"),
        # A subdivision GeoNames names as "Dagestan, Respublika".
        ("Fighting broke out again in Dagestan on Sunday.", "Dagestan", 567293, "RUS", "ADM1"),
    ],
)
def test_places_finds_toponym_outside_ner(nlp, text, surface, geonameid, iso3, feature) -> None:
    place = _by_text(_places(nlp, text)).get(surface)
    assert place is not None, f"{surface!r} not found"
    assert (place.geonameid, place.country, place.feature) == (geonameid, iso3, feature)
    assert text[place.start : place.end] == place.text


@pytest.mark.parametrize(
    ("text", "not_a_place"),
    [
        ("Western officials met in Brussels on Monday.", "Western"),
        ("Riders of the Toronto Transit Commission faced delays.", "Transit"),
        ("Fresno, in the valley, grew fast.", "in"),
    ],
)
def test_places_skips_direction_and_org_words(nlp, text, not_a_place) -> None:
    assert not_a_place not in _by_text(_places(nlp, text))


@pytest.mark.parametrize(
    ("text", "not_a_place"),
    [
        ("Jordan Smith scored twice in the second half.", "Jordan"),
        ("Georgia Brown won the mayoral race on Tuesday.", "Georgia"),
        ("Chad Johnson caught the winning pass.", "Chad"),
        ("The committee will meet again in May.", "May"),
        ("Winds from the West battered the coast.", "West"),
    ],
)
def test_places_skips_people_and_words(nlp, text, not_a_place) -> None:
    places = _places(nlp, text)
    assert not any(not_a_place in p.text for p in places), places


def test_places_ids_in_text_order(nlp) -> None:
    text = "Talks in Geneva between Iranian and Saudi envoys ended; Yemen was the topic."
    places = _places(nlp, text)
    assert [p.id for p in places] == [f"P{i}" for i in range(1, len(places) + 1)]
    assert [p.start for p in places] == sorted(p.start for p in places)
    assert {"Geneva", "Iranian", "Saudi", "Yemen"} <= {p.text for p in places}


def test_places_unknown_toponym_kept_without_id(nlp) -> None:
    places = _places(nlp, "Rebels crossed into Xqzzyland province overnight, Syria said.")
    assert any(p.text == "Syria" and p.geonameid == 163843 for p in places)
    for p in places:
        if p.geonameid is None:
            assert p.lat is None and p.lon is None and p.country is None


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_places_empty_text(nlp, text) -> None:
    assert find_places(nlp(text)) == []


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.lists(
        st.sampled_from(["Paris", "Syrian", "Texas", "the ", ", ", "-", "\u2014", " ", "\n", "X"]),
        max_size=30,
    ).map("".join)
    | st.text(max_size=80)
)
def test_places_any_text_offsets_exact(nlp, text) -> None:
    places = find_places(nlp(text))
    for n, p in enumerate(places, start=1):
        assert p.id == f"P{n}"
        assert text[p.start : p.end] == p.text
