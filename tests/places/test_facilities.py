"""Named facilities and streets: which spans, and where they are placed (hand-made Docs)."""

from __future__ import annotations

from spacy.tokens import Doc

from newsevents.places import default_resolver, find_places
from newsevents.places.facilities import facility_tables, find_facilities

from ._tagged import Tagged, tagged_doc


def _doc(tokens: Tagged) -> Doc:
    """A Doc from (word, POS, BIO entity tag) triples; a space after every word but the
    last, none before punctuation."""
    words = [w for w, _, _ in tokens]
    spaces = [
        i + 1 < len(words) and words[i + 1] not in (".", ",", "'s") for i in range(len(words))
    ]
    return tagged_doc(tokens, spaces)


def _facilities(doc: Doc) -> list[tuple[str, str]]:
    found = find_facilities(doc, default_resolver())
    return [(f.text, f.feature) for f in found]


def _words(text: str, pos: str = "PROPN") -> list[tuple[str, str, str]]:
    return [(w, pos, "O") for w in text.split()]


def test_facility_names_end_or_start_with_a_head_word() -> None:
    doc = _doc(
        [
            *_words("Crews closed", "VERB"),
            *_words("Royal Street"),
            ("and", "CCONJ", "O"),
            *_words("Rue Casa Calvo"),
            ("near", "ADP", "O"),
            *_words("Dulles International Airport"),
            (".", "PUNCT", "O"),
        ]
    )
    assert _facilities(doc) == [
        ("Royal Street", "ST"),
        ("Rue Casa Calvo", "ST"),
        ("Dulles International Airport", "AIRP"),
    ]


def test_facility_needs_a_name_and_no_person() -> None:
    # "International Airport" has no name of its own; "Marvin F. Lane" is a person;
    # "Church Lane": the lane, not a church called "Church".
    doc = _doc(
        [
            ("the", "DET", "O"),
            *_words("International Airport"),
            ("and", "CCONJ", "O"),
            *_words("Marvin F. Lane"),
            ("on", "ADP", "O"),
            *_words("Church Lane"),
            (".", "PUNCT", "O"),
        ]
    )
    assert _facilities(doc) == [("Church Lane", "ST")]


def test_facility_road_numbers() -> None:
    doc = _doc(
        [
            ("traffic", "NOUN", "O"),
            ("on", "ADP", "O"),
            ("Highway", "PROPN", "O"),
            ("19", "NUM", "O"),
            ("and", "CCONJ", "O"),
            ("the", "DET", "O"),
            ("A436", "PROPN", "O"),
            (",", "PUNCT", "O"),
            ("A40", "PROPN", "O"),
            ("but", "CCONJ", "O"),
            ("not", "PART", "O"),
            ("A1", "PROPN", "O"),
        ]
    )
    assert _facilities(doc) == [("Highway 19", "RD"), ("A436", "RD"), ("A40", "RD")]


def test_facility_is_placed_at_the_town_it_is_in() -> None:
    doc = _doc(
        [
            *_words("Shops", "NOUN"),
            ("on", "ADP", "O"),
            *_words("Kamenné Square"),
            ("in", "ADP", "O"),
            ("Bratislava", "PROPN", "B-GPE"),
            ("closed", "VERB", "O"),
            (".", "PUNCT", "O"),
        ]
    )
    places = find_places(doc)
    square = next(p for p in places if p.text == "Kamenné Square")
    town = next(p for p in places if p.text == "Bratislava")
    assert square.geonameid is None
    assert square.feature == "SQR"
    assert square.name == "Kamenné Square"
    assert (square.lat, square.lon, square.country) == (town.lat, town.lon, town.country)
    assert [p.id for p in places] == ["P1", "P2"]


def test_facility_without_a_locality_is_not_reported() -> None:
    doc = _doc([*_words("He", "PRON"), *_words("walked", "VERB"), *_words("Royal Street")])
    assert find_places(doc) == []


def test_street_named_after_a_city_is_no_mention_of_it() -> None:
    # "London Road" in Leicester: the street, placed in Leicester; London is not reported.
    doc = _doc(
        [
            *_words("A", "DET"),
            *_words("crash", "NOUN"),
            ("on", "ADP", "O"),
            ("London", "PROPN", "B-GPE"),
            ("Road", "PROPN", "O"),
            ("in", "ADP", "O"),
            ("Leicester", "PROPN", "B-GPE"),
            (".", "PUNCT", "O"),
        ]
    )
    places = find_places(doc)
    assert [p.text for p in places] == ["London Road", "Leicester"]
    assert places[0].country == places[1].country == "GBR"


def test_county_road_keeps_its_county() -> None:
    doc = _doc(
        [
            *_words("work", "NOUN"),
            ("on", "ADP", "O"),
            ("Otter", "PROPN", "B-GPE"),
            ("Tail", "PROPN", "I-GPE"),
            ("County", "PROPN", "I-GPE"),
            ("Road", "PROPN", "O"),
            ("in", "ADP", "O"),
            ("Minnesota", "PROPN", "B-GPE"),
        ]
    )
    texts = [p.text for p in find_places(doc)]
    assert "Otter Tail County" in texts


def test_possessor_places_the_facility() -> None:
    doc = _doc(
        [
            *_words("a", "DET"),
            *_words("ward", "NOUN"),
            ("at", "ADP", "O"),
            ("Derry", "PROPN", "B-GPE"),
            ("'s", "PART", "O"),
            ("Altnagelvin", "PROPN", "B-FAC"),
            ("Hospital", "PROPN", "I-FAC"),
        ]
    )
    places = {p.text: p for p in find_places(doc)}
    assert places["Altnagelvin Hospital"].feature == "HSP"
    assert places["Altnagelvin Hospital"].lat == places["Derry"].lat


def test_facility_tables_are_consistent() -> None:
    tables = facility_tables()
    heads = [h for hs in (*tables.after.values(), *tables.before.values()) for h in hs]
    assert heads and all(h.feature.isupper() for h in heads)
    assert "international" in tables.modifiers
    assert {h.kind for h in heads} == {"way", "route", "site"}


def test_facility_name_after_of() -> None:
    # "Museum of Ice Cream"; "University of Texas" holds a place and is left to it.
    doc = _doc(
        [
            ("the", "DET", "O"),
            *_words("Museum of Ice Cream"),
            ("and", "CCONJ", "O"),
            ("the", "DET", "O"),
            *_words("Federal University of Technology"),
        ]
    )
    assert _facilities(doc) == [
        ("Museum of Ice Cream", "MUS"),
        ("Federal University of Technology", "UNIV"),
    ]


def test_place_after_a_facility_and_a_comma_is_its_town() -> None:
    # NER called the town a person; after "<facility>," it is the facility's town.
    doc = _doc(
        [
            ("Racing", "VERB", "O"),
            ("at", "ADP", "O"),
            *_words("Oulton Park"),
            (",", "PUNCT", "O"),
            ("Macclesfield", "PROPN", "B-PERSON"),
            (".", "PUNCT", "O"),
        ]
    )
    places = {p.text: p for p in find_places(doc)}
    assert places["Macclesfield"].country == "GBR"
    assert places["Oulton Park"].lat == places["Macclesfield"].lat


def test_site_named_after_a_person_or_a_saint_is_no_mention_of_a_town() -> None:
    # "Douglas" and "St. Peter" are towns somewhere, but here they name a school's and
    # a basilica's patrons; "Colchester Hospital" opens with its own town.
    doc = _doc(
        [
            ("at", "ADP", "O"),
            *_words("Marjory Stoneman"),
            ("Douglas", "PROPN", "B-GPE"),
            *_words("High School"),
            ("in", "ADP", "O"),
            ("Parkland", "PROPN", "B-GPE"),
            (",", "PUNCT", "O"),
            ("in", "ADP", "O"),
            ("St.", "PROPN", "B-GPE"),
            ("Peter", "PROPN", "I-GPE"),
            ("'s", "PART", "O"),
            ("Basilica", "PROPN", "O"),
            ("and", "CCONJ", "O"),
            ("at", "ADP", "O"),
            ("Colchester", "PROPN", "B-GPE"),
            ("Hospital", "PROPN", "O"),
        ]
    )
    texts = [p.text for p in find_places(doc)]
    assert "Douglas" not in texts and "St. Peter" not in texts
    assert "Marjory Stoneman Douglas High School" in texts
    assert "St. Peter's Basilica" in texts
    assert "Colchester" in texts


def test_facility_in_a_later_paragraph_is_placed_at_the_article_town() -> None:
    doc = _doc(
        [
            *_words("Crews worked", "VERB"),
            ("in", "ADP", "O"),
            ("Leicester", "PROPN", "B-GPE"),
            (".", "PUNCT", "O"),
            ("\n", "SPACE", "O"),
            *_words("Royal Street"),
            ("closed", "VERB", "O"),
            (".", "PUNCT", "O"),
        ]
    )
    for tok in doc:
        tok.is_sent_start = tok.i in (0, 6)
    places = {p.text: p for p in find_places(doc)}
    assert places["Royal Street"].lat == places["Leicester"].lat


def test_streets_listed_before_a_plural_head() -> None:
    doc = _doc(
        [
            ("at", "ADP", "O"),
            ("the", "DET", "O"),
            ("corner", "NOUN", "O"),
            ("of", "ADP", "O"),
            ("Culver", "PROPN", "O"),
            ("and", "CCONJ", "O"),
            ("Hubbard", "PROPN", "B-PERSON"),
            ("streets", "NOUN", "O"),
        ]
    )
    assert _facilities(doc) == [("Culver", "ST"), ("Hubbard", "ST")]


def test_unknown_toponym_takes_the_point_of_the_town_in_its_sentence() -> None:
    doc = _doc(
        [
            ("Zorbaville", "PROPN", "B-GPE"),
            (",", "PUNCT", "O"),
            ("near", "ADP", "O"),
            ("Leicester", "PROPN", "B-GPE"),
            (",", "PUNCT", "O"),
            ("flooded", "VERB", "O"),
        ]
    )
    places = {p.text: p for p in find_places(doc)}
    village = places["Zorbaville"]
    assert village.geonameid is None and village.feature is None
    assert (village.lat, village.country) == (places["Leicester"].lat, "GBR")


def test_unknown_toponym_without_a_town_nearby_has_no_point() -> None:
    doc = _doc([("Zorbaville", "PROPN", "B-GPE"), ("flooded", "VERB", "O")])
    (village,) = find_places(doc)
    assert village.lat is None and village.lon is None


def test_article_town_is_one_in_a_region_the_article_names() -> None:
    doc = _doc(
        [
            *_words("Crews from", "VERB"),
            ("Leicester", "PROPN", "B-GPE"),
            ("met", "VERB", "O"),
            ("in", "ADP", "O"),
            ("Dallas", "PROPN", "B-GPE"),
            (",", "PUNCT", "O"),
            ("Texas", "PROPN", "B-GPE"),
            (".", "PUNCT", "O"),
            ("\n", "SPACE", "O"),
            *_words("Royal Street"),
            ("closed", "VERB", "O"),
            (".", "PUNCT", "O"),
        ]
    )
    for tok in doc:
        tok.is_sent_start = tok.i in (0, 10)
    places = {p.text: p for p in find_places(doc)}
    assert places["Royal Street"].lat == places["Dallas"].lat
