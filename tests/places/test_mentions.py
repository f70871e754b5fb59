"""Which spans become toponym mentions, on hand-made Docs (NER labels fixed by the test)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsevents.places import find_places

from ._tagged import Tagged, mentions_of, tagged_doc


def _doc(tokens: Tagged, spaces: list[bool] | None = None) -> Doc:
    """A Doc from (word, POS, BIO entity tag) triples, no space after the last word."""
    return tagged_doc(tokens, spaces or [True] * (len(tokens) - 1) + [False])


_mentions = mentions_of


def test_mentions_place_under_a_wrong_label_is_looked_up() -> None:
    doc = _doc(
        [
            ("Fugitives", "NOUN", "O"),
            ("were", "AUX", "O"),
            ("caught", "VERB", "O"),
            ("in", "ADP", "O"),
            ("Chattanooga", "PROPN", "B-PRODUCT"),
            ("on", "ADP", "O"),
            ("Friday", "PROPN", "B-DATE"),
            (".", "PUNCT", "O"),
        ]
    )
    texts = [m.text for m in _mentions(doc)]
    assert texts == ["Chattanooga"]


def test_mentions_date_words_are_not_places() -> None:
    # "March" and "May" are towns somewhere, but here they open a date.
    doc = _doc(
        [
            ("The", "DET", "O"),
            ("vote", "NOUN", "O"),
            ("moved", "VERB", "O"),
            ("from", "ADP", "O"),
            ("March", "PROPN", "B-DATE"),
            ("to", "ADP", "O"),
            ("May", "PROPN", "B-DATE"),
            ("5", "NUM", "I-DATE"),
        ]
    )
    assert _mentions(doc) == []


def test_mentions_two_word_demonym_tagged_person() -> None:
    doc = _doc(
        [
            ("Attacks", "NOUN", "O"),
            ("on", "ADP", "O"),
            ("Sri", "PROPN", "B-PERSON"),
            ("Lankan", "PROPN", "I-PERSON"),
            ("interests", "NOUN", "O"),
        ]
    )
    found = _mentions(doc)
    assert [(m.text, m.kind, m.target) for m in found] == [("Sri Lankan", "demonym", "LK")]


@pytest.mark.parametrize(
    ("tokens", "spaces", "surface"),
    [
        (
            [
                ("a", "DET", "O"),
                ("fine", "NOUN", "O"),
                ("of", "ADP", "O"),
                ("one", "NUM", "B-MONEY"),
                ("million", "NUM", "I-MONEY"),
                ("US", "PROPN", "I-MONEY"),
                ("dollars", "NOUN", "I-MONEY"),
            ],
            None,
            "US",
        ),
        (
            [("the", "DET", "O"), ("U.S.-led", "PROPN", "O"), ("coalition", "NOUN", "O")],
            None,
            "U.S.",
        ),
    ],
)
def test_mentions_country_inside_currency_or_compound(tokens, spaces, surface) -> None:
    doc = _doc(tokens, spaces)
    places = find_places(doc)
    assert [(p.text, p.country) for p in places] == [(surface, "USA")]
    assert doc.text[places[0].start : places[0].end] == surface


def test_mentions_no_place_word_inside_organisation_name() -> None:
    # "Metro" names towns elsewhere, but never a place on its own in English news.
    doc = _doc(
        [
            ("Officials", "NOUN", "O"),
            ("of", "ADP", "O"),
            ("Metro", "PROPN", "B-ORG"),
            ("Vancouver", "PROPN", "I-ORG"),
            ("agreed", "VERB", "O"),
        ]
    )
    assert [m.text for m in _mentions(doc)] == ["Vancouver"]


def test_mentions_place_before_institution_phrase() -> None:
    doc = _doc(
        [
            ("He", "PRON", "O"),
            ("appeared", "VERB", "O"),
            ("in", "ADP", "O"),
            ("Litchfield", "PROPN", "B-ORG"),
            ("Superior", "PROPN", "I-ORG"),
            ("Court", "PROPN", "I-ORG"),
            ("today", "NOUN", "O"),
        ]
    )
    assert ("Litchfield", "civic") in [(m.text, m.kind) for m in _mentions(doc)]


def test_mentions_article_before_institution_is_no_place() -> None:
    doc = _doc([("The", "DET", "O"), ("City", "PROPN", "B-ORG"), ("Council", "PROPN", "I-ORG")])
    assert _mentions(doc) == []


def test_mentions_sea_resolves_over_namesake_towns() -> None:
    doc = _doc(
        [
            ("Boats", "NOUN", "O"),
            ("crossed", "VERB", "O"),
            ("the", "DET", "O"),
            ("Mediterranean", "PROPN", "B-LOC"),
            ("and", "CCONJ", "O"),
            ("the", "DET", "O"),
            ("Pacific", "PROPN", "B-LOC"),
        ]
    )
    assert [(p.text, p.geonameid) for p in find_places(doc)] == [
        ("Mediterranean", 363196),
        ("Pacific", 2363254),
    ]


def test_mentions_feature_without_id_keeps_coordinates() -> None:
    doc = _doc([("Clashes", "NOUN", "O"), ("in", "ADP", "O"), ("Siberia", "PROPN", "B-LOC")])
    (place,) = find_places(doc)
    assert place.geonameid is None and place.feature == "RGN"
    assert place.lat is not None and place.lat > 50


def test_mentions_names_before_plural_admin_word_are_counties() -> None:
    doc = _doc(
        [
            ("Floods", "NOUN", "O"),
            ("hit", "VERB", "O"),
            ("Becker", "PROPN", "B-ORG"),
            (",", "PUNCT", "O"),
            ("Clay", "PROPN", "B-ORG"),
            ("and", "CCONJ", "O"),
            ("Otter", "PROPN", "O"),
            ("Tail", "PROPN", "O"),
            ("counties", "NOUN", "O"),
        ],
        [True, True, False, True, True, True, True, True, False],
    )
    found = [(m.text, m.key) for m in _mentions(doc)]
    assert found == [
        ("Becker", "becker county"),
        ("Clay", "clay county"),
        ("Otter Tail", "otter tail county"),
    ]


def test_mentions_unknown_pair_of_countries_split() -> None:
    doc = _doc([("in", "ADP", "O"), ("Greece", "PROPN", "B-GPE"), ("Italy", "PROPN", "I-GPE")])
    assert [m.text for m in _mentions(doc)] == ["Greece", "Italy"]


@pytest.mark.parametrize("cue", [("in", "ADP"), ("of", "ADP")])
def test_mentions_person_tagged_name_after_place_cue(cue: tuple[str, str]) -> None:
    # "the town of Glen Allen" and "in Glen Allen" name the town; "Glen Allen said" not.
    words = [("the", "DET", "O"), ("town", "NOUN", "O")] if cue[0] == "of" else []
    doc = _doc(
        [
            ("They", "PRON", "O"),
            ("met", "VERB", "O"),
            *words,
            (cue[0], cue[1], "O"),
            ("Glen", "PROPN", "B-PERSON"),
            ("Allen", "PROPN", "I-PERSON"),
        ]
    )
    assert [(m.text, m.weak) for m in _mentions(doc)] == [("Glen Allen", False)]


def test_mentions_person_name_without_place_cue() -> None:
    doc = _doc(
        [
            ("the", "DET", "O"),
            ("friend", "NOUN", "O"),
            ("of", "ADP", "O"),
            ("Glen", "PROPN", "B-PERSON"),
            ("Allen", "PROPN", "I-PERSON"),
        ]
    )
    assert _mentions(doc) == []


def test_mentions_place_inside_unknown_facility() -> None:
    doc = _doc(
        [
            ("at", "ADP", "O"),
            ("the", "DET", "B-FAC"),
            ("Litchfield", "PROPN", "I-FAC"),
            ("Fire", "PROPN", "I-FAC"),
            ("Station", "PROPN", "I-FAC"),
        ]
    )
    assert [m.text for m in _mentions(doc)] == ["Litchfield"]


def test_mentions_institution_cue_gives_other_mentions_their_reading() -> None:
    doc = _doc(
        [
            ("Berea", "PROPN", "B-PERSON"),
            ("apartment", "NOUN", "O"),
            ("robbed", "VERB", "O"),
            (".", "PUNCT", "O"),
            ("Berea", "PROPN", "O"),
            ("police", "NOUN", "O"),
            ("said", "VERB", "O"),
        ]
    )
    places = find_places(doc)
    assert [p.text for p in places] == ["Berea", "Berea"]
    assert places[0].geonameid == places[1].geonameid is not None


def _listed_doc() -> Doc:
    return _doc(
        [
            ("Storms", "NOUN", "O"),
            ("hit", "VERB", "O"),
            ("Washington", "PROPN", "B-GPE"),
            (",", "PUNCT", "O"),
            ("New", "PROPN", "B-GPE"),
            ("York", "PROPN", "I-GPE"),
            ("and", "CCONJ", "O"),
            ("Boston", "PROPN", "B-GPE"),
            (".", "PUNCT", "O"),
        ],
        spaces=[True, True, False, True, True, True, True, False, False],
    )


def test_mentions_list_of_regions_is_no_town_and_state_pair() -> None:
    # "Washington, New York and Boston" lists peers: Washington is not a town in New York.
    mentions = mentions_of(_listed_doc(), regions=True)
    assert [m.text for m in mentions] == ["Washington", "New York", "Boston"]
    assert mentions[0].container is None and mentions[0].listed and mentions[1].listed
    places = {p.text: p for p in find_places(_listed_doc())}
    assert places["Washington"].feature != "PPL" or places["Washington"].country != "USA"


def test_mentions_country_formal_name_tagged_org_is_whole() -> None:
    doc = _doc(
        [
            ("Envoys", "NOUN", "O"),
            ("of", "ADP", "O"),
            ("the", "DET", "B-ORG"),
            ("Democratic", "PROPN", "I-ORG"),
            ("People", "PROPN", "I-ORG"),
            ("'s", "PART", "I-ORG"),
            ("Republic", "PROPN", "I-ORG"),
            ("of", "ADP", "I-ORG"),
            ("Korea", "PROPN", "I-ORG"),
            ("arrived", "VERB", "O"),
            (".", "PUNCT", "O"),
        ],
        spaces=[True] * 4 + [False] + [True] * 4 + [False, False],
    )
    places = find_places(doc)
    # The North's formal name, not "Korea" (the South) inside it.
    assert [(p.text, p.country) for p in places] == [
        ("Democratic People's Republic of Korea", "PRK")
    ]
