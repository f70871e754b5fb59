"""Mentions the tagger makes hard to see (place names tagged as common nouns) or
mistakes (a person's surname tagged as a place)."""

from __future__ import annotations

from newsevents.places import find_places

from ._tagged import Tagged, mentions_of, tagged_doc


def _texts(tokens: list[tuple[str, str]]) -> list[str]:
    doc = tagged_doc([(w, p, "O") for w, p in tokens])
    doc[0].is_sent_start = True
    for tok in doc[1:]:
        tok.is_sent_start = False
    return [m.text for m in mentions_of(doc)]


def test_capitalised_noun_inside_a_sentence_may_be_a_place() -> None:
    tokens = [("A", "DET"), ("defeat", "NOUN"), ("to", "ADP"), ("Reading", "NOUN")]
    assert _texts(tokens) == ["Reading"]


def test_capitalised_noun_opening_a_sentence_or_an_acronym_is_not() -> None:
    assert _texts([("Reading", "NOUN"), ("helps", "VERB")]) == []
    assert _texts([("They", "PRON"), ("met", "VERB"), ("at", "ADP"), ("SWAT", "NOUN")]) == []


def _places_texts(tokens: Tagged) -> list[str]:
    return [p.text for p in find_places(tagged_doc(tokens))]


def test_unknown_name_that_is_a_person_elsewhere_is_no_place() -> None:
    # NER tagged the surname GPE the second time; the gazetteer does not know it.
    tokens = [
        ("Zorblatt", "PROPN", "B-PERSON"),
        ("spoke", "VERB", "O"),
        ("in", "ADP", "O"),
        ("Leicester", "PROPN", "B-GPE"),
        (".", "PUNCT", "O"),
        ("Zorblatt", "PROPN", "B-GPE"),
        ("left", "VERB", "O"),
    ]
    assert _places_texts(tokens) == ["Leicester"]
    # Without the person reading, an unknown GPE is still reported (no coordinates).
    tokens[0] = ("He", "PRON", "O")
    assert _places_texts(tokens) == ["Leicester", "Zorblatt"]
