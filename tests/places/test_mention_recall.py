"""Mentions the tagger makes hard to see: place names tagged as common nouns."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsevents.places import default_resolver
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
