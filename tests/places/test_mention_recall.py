"""Mentions the tagger makes hard to see (place names tagged as common nouns) or
mistakes (a person's surname tagged as a place)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsevents.places import default_resolver, find_places
from newsevents.places.lexicon import default_place_lexicon
from newsevents.places.mentions import find_mentions

_VOCAB = spacy.blank("en").vocab


def _texts(tokens: list[tuple[str, str]]) -> list[str]:
    words = [w for w, _ in tokens]
    doc = Doc(_VOCAB, words=words, pos=[p for _, p in tokens], ents=["O"] * len(words))
    doc[0].is_sent_start = True
    for tok in doc[1:]:
        tok.is_sent_start = False
    r = default_resolver()
    found = find_mentions(doc, default_place_lexicon(), is_known=r.is_known, is_major=r.is_major)
    return [m.text for m in found]


def test_capitalised_noun_inside_a_sentence_may_be_a_place() -> None:
    tokens = [("A", "DET"), ("defeat", "NOUN"), ("to", "ADP"), ("Reading", "NOUN")]
    assert _texts(tokens) == ["Reading"]


def test_capitalised_noun_opening_a_sentence_or_an_acronym_is_not() -> None:
    assert _texts([("Reading", "NOUN"), ("helps", "VERB")]) == []
    assert _texts([("They", "PRON"), ("met", "VERB"), ("at", "ADP"), ("SWAT", "NOUN")]) == []


def _places_texts(tokens: list[tuple[str, str, str]]) -> list[str]:
    words = [w for w, _, _ in tokens]
    doc = Doc(
        _VOCAB,
        words=words,
        pos=[p for _, p, _ in tokens],
        ents=[e for _, _, e in tokens],
    )
    return [p.text for p in find_places(doc)]


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
