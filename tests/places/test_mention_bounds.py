"""Mention boundaries: a whole known name over its parts; a person's surname is no place."""

from __future__ import annotations

from newsevents.places import find_places

from ._tagged import Tagged, mentions_of, tagged_doc


def _mentions(tokens: Tagged) -> list[str]:
    return [m.text for m in mentions_of(tagged_doc(tokens), regions=True)]


def test_bounds_known_city_inside_organisation_name_is_whole() -> None:
    tokens = [
        ("Flights", "NOUN", "O"),
        ("leave", "VERB", "O"),
        ("Kansas", "PROPN", "B-ORG"),
        ("City", "PROPN", "I-ORG"),
        ("International", "PROPN", "I-ORG"),
        ("daily", "ADV", "O"),
    ]
    assert _mentions(tokens) == ["Kansas City"]


def test_bounds_entity_cut_short_by_ner_takes_the_next_name_word() -> None:
    tokens = [
        ("They", "PRON", "O"),
        ("won", "VERB", "O"),
        ("in", "ADP", "O"),
        ("Belle", "PROPN", "B-GPE"),
        ("Plaine", "PROPN", "O"),
        ("today", "NOUN", "O"),
    ]
    assert _mentions(tokens) == ["Belle Plaine"]


def test_bounds_organisation_word_inside_a_town_name() -> None:
    # "Post" heads newspaper names, but "Post Falls" is a town the gazetteer knows whole.
    tokens = [
        ("a", "DET", "O"),
        ("firm", "NOUN", "O"),
        ("in", "ADP", "O"),
        ("Post", "PROPN", "B-ORG"),
        ("Falls", "PROPN", "I-ORG"),
    ]
    assert _mentions(tokens) == ["Post Falls"]


def _coach(after: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    return [
        ("Darren", "PROPN", "B-PERSON"),
        ("Ripley", "PROPN", "I-PERSON"),
        ("trains", "VERB", "O"),
        ("the", "DET", "O"),
        ("team", "NOUN", "O"),
        (".", "PUNCT", "O"),
        *after,
    ]


def test_bounds_surname_of_a_named_person_is_no_place() -> None:
    tokens = _coach([("Coach", "PROPN", "O"), ("Ripley", "PROPN", "B-GPE"), ("said", "VERB", "O")])
    assert _mentions(tokens) == []


def test_bounds_surname_with_a_place_cue_stays_a_place() -> None:
    tokens = _coach([("They", "PRON", "O"), ("met", "VERB", "O"), ("in", "ADP", "O")])
    tokens.append(("Ripley", "PROPN", "B-GPE"))
    assert _mentions(tokens) == ["Ripley"]


def test_bounds_word_tagged_a_place_more_often_is_no_surname() -> None:
    # A headline NER read as a person's name does not make the country a surname.
    tokens = [
        ("Rethinking", "PROPN", "B-PERSON"),
        ("Egypt", "PROPN", "I-PERSON"),
        (".", "PUNCT", "O"),
        ("Egypt", "PROPN", "B-GPE"),
        ("votes", "VERB", "O"),
        (";", "PUNCT", "O"),
        ("Egypt", "PROPN", "B-GPE"),
        ("waits", "VERB", "O"),
    ]
    assert _mentions(tokens) == ["Egypt", "Egypt"]


def test_bounds_small_town_surname_stays_a_surname_however_often_tagged() -> None:
    # NER calls the coach's surname a place each time; a small town's name is no evidence.
    after = []
    for _ in range(3):
        after += [("Ripley", "PROPN", "B-GPE"), ("won", "VERB", "O"), (".", "PUNCT", "O")]
    assert _mentions(_coach(after)) == []


def test_bounds_unknown_acronym_or_lower_case_word_tagged_place_is_dropped() -> None:
    tokens = [
        ("Firms", "NOUN", "O"),
        ("in", "ADP", "O"),
        ("XQZ", "PROPN", "B-GPE"),
        ("sat", "VERB", "O"),
        ("on", "ADP", "O"),
        ("the", "DET", "O"),
        ("verandah", "NOUN", "B-GPE"),
        ("near", "ADP", "O"),
        ("Zorblatt", "PROPN", "B-GPE"),
    ]
    doc = tagged_doc(tokens)
    # An unknown capitalised name stays (reported without a GeoNames id).
    assert [p.text for p in find_places(doc)] == ["Zorblatt"]


def test_bounds_organisation_acronym_is_no_village() -> None:
    # "BA" is a village somewhere, but an airline's or a degree's acronym here.
    tokens = [("She", "PRON", "O"), ("joined", "VERB", "O"), ("BA", "PROPN", "B-ORG")]
    assert _mentions(tokens) == []
    tokens = [("Talks", "NOUN", "O"), ("with", "ADP", "O"), ("DPRK", "PROPN", "B-ORG")]
    assert _mentions(tokens) == ["DPRK"]


def test_bounds_known_name_tagged_person_listed_after_a_place() -> None:
    tokens = [
        ("Trucks", "NOUN", "O"),
        ("ran", "VERB", "O"),
        ("between", "ADP", "O"),
        ("Fresno", "PROPN", "B-GPE"),
        ("and", "CCONJ", "O"),
        ("Glen", "PROPN", "B-PERSON"),
        ("Allen", "PROPN", "I-PERSON"),
    ]
    assert _mentions(tokens) == ["Fresno", "Glen Allen"]


def test_bounds_untagged_common_noun_is_no_place() -> None:
    # "Man" is a town somewhere; the article writes "man" in lower case too.
    tokens = [
        ("Man", "PROPN", "O"),
        ("held", "VERB", "O"),
        (".", "PUNCT", "O"),
        ("They", "PRON", "O"),
        ("held", "VERB", "O"),
        ("the", "DET", "O"),
        ("man", "NOUN", "O"),
        ("from", "ADP", "O"),
        ("Fresno", "PROPN", "B-GPE"),
    ]
    assert _mentions(tokens) == ["Fresno"]
    # A numbered unit ("Region 1") is no place either, the word aside.
    tokens = [
        ("The", "DET", "O"),
        ("Region", "PROPN", "O"),
        ("1", "NUM", "O"),
        ("board", "NOUN", "O"),
    ]
    assert _mentions(tokens) == []
