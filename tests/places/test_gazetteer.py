"""The offline gazetteer: GeoNames ids, features and a cache that loads fast."""

from __future__ import annotations

import pytest

from newsevents.places.gazetteer import gazetteer_path, load_gazetteer


@pytest.mark.parametrize(
    ("name", "geonameid", "iso3", "feature"),
    [
        ("syria", 163843, "SYR", "PCLI"),
        ("russia", 2017370, "RUS", "PCLI"),
        ("turkey", 298795, "TUR", "PCLI"),
        ("ukraine", 690791, "UKR", "PCLI"),
        ("texas", 4736286, "USA", "ADM1"),
        ("damascus", 170654, "SYR", "PPLC"),
        ("europe", 6255148, None, "CONT"),
    ],
)
def test_gazetteer_lookup_main_entry(
    name: str, geonameid: int, iso3: str | None, feature: str
) -> None:
    found = {c.entry.geonameid: c.entry for c in load_gazetteer().lookup(name)}
    assert geonameid in found
    entry = found[geonameid]
    assert entry.iso3 == iso3
    assert entry.feature == feature
    assert -90 <= entry.lat <= 90 and -180 <= entry.lon <= 180


def test_gazetteer_namesakes_listed_by_population() -> None:
    found = load_gazetteer().lookup("paris")
    admin1s = {c.entry.admin1 for c in found}
    assert {"FR.11", "US.TX"} <= admin1s
    populations = [c.entry.population for c in found]
    assert populations == sorted(populations, reverse=True)


@pytest.mark.parametrize("name", ["", "xqzzyplace", "москва"])
def test_gazetteer_unknown_names_give_nothing(name: str) -> None:
    assert load_gazetteer().lookup(name) == ()


def test_gazetteer_cache_file_is_versioned() -> None:
    path = gazetteer_path()
    assert path.exists()
    assert "gnc" in path.name and path.suffix == ".sqlite"
