"""Name keys: what makes a toponym and a gazetteer name equal."""

from __future__ import annotations

import pytest

from newsevents.places._names import is_latin, name_key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Syria", "syria"),
        ("  São   Paulo ", "sao paulo"),
        ("St. Louis", "saint louis"),
        ("Ft. Worth", "fort worth"),
        ("Mt Vernon", "mount vernon"),
        ("Ste Genevieve", "sainte genevieve"),
        ("the Netherlands", "netherlands"),
        ("BEIRUT", "beirut"),
        ("Cote d\u2019Ivoire", "cote d'ivoire"),
        # negative rows: no expansion inside words or of other abbreviations
        ("Stamford", "stamford"),
        ("Most", "most"),
        ("Theodore", "theodore"),
    ],
)
def test_names_name_key(text: str, key: str) -> None:
    assert name_key(text) == key


@pytest.mark.parametrize(
    ("text", "latin"),
    [("Paris", True), ("Zürich", True), ("Łódź", True), ("Москва", False), ("دمشق", False)],
)
def test_names_is_latin(text: str, latin: bool) -> None:
    assert is_latin(text) is latin
