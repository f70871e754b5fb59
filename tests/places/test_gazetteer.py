"""The offline gazetteer: GeoNames ids, features and a cache that loads fast."""

from __future__ import annotations

import pytest

from newsevents.errors import LexiconError
from newsevents.places.build import features
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


@pytest.mark.parametrize(
    ("name", "geonameid", "feature"),
    [
        ("pacific", 2363254, "OCN"),
        ("mediterranean", 363196, "SEA"),
        ("gulf of mexico", 3523271, "GULF"),
    ],
)
def test_gazetteer_team_features_with_their_ids(name: str, geonameid: int, feature: str) -> None:
    found = [c for c in load_gazetteer().lookup(name) if c.entry.geonameid == geonameid]
    assert found and found[0].main
    assert found[0].entry.feature == feature


def test_gazetteer_team_feature_without_id_has_a_point() -> None:
    found = [c.entry for c in load_gazetteer().lookup("south ossetia") if c.entry.feature == "RGN"]
    assert len(found) == 1
    assert found[0].geonameid < 0  # no GeoNames id known: reported as none
    assert 41 < found[0].lat < 44 and 43 < found[0].lon < 45


def test_gazetteer_features_table_valid() -> None:
    rows = features()
    assert len(rows) > 100
    names = [r.name for r in rows]
    assert len(names) == len(set(names))
    ids = [r.geonameid for r in rows if r.geonameid is not None]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    "row",
    [
        "\tNowhere Sea\tsea\t10\t10\t\t",  # feature code in lower case
        "\tNowhere Sea\tSEA\t100\t10\t\t",  # latitude out of range
        "x\tNowhere Sea\tSEA\t10\t10\t\t",  # id not a number
        "\tNowhere Sea\tSEA\t10\t10\tUSA\t",  # alpha-3 country code
        "\tNowhere Sea\tSEA\t10\t10\t",  # a field missing
    ],
)
def test_gazetteer_features_table_malformed(row: str) -> None:
    text = "geonameid\tname\tfeature\tlat\tlon\tcc\taliases\n" + row + "\n"
    with pytest.raises(LexiconError) as info:
        features(text)
    assert info.value.line == 2


def test_gazetteer_region_named_without_local_type_word() -> None:
    # GeoNames calls it "Hebei Sheng"; English news says "Hebei".
    found = [c for c in load_gazetteer().lookup("hebei") if c.entry.feature == "ADM1"]
    assert found and found[0].main and found[0].entry.cc == "CN"
