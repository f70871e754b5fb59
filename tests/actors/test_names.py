"""Name keys: spelling variants of one name give one key; different names do not."""

from __future__ import annotations

import pytest

from newsevents.actors.names import fold, name_key, surname_key


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Bashar al-Assad", "Bashar al Assad", True),
        ("Bashar al-Assad", "Bashar Assad", True),
        ("al-Assad", "Assad", True),
        ("Zelensky", "Zelenskyy", True),
        ("Volodymyr Zelenskyy", "Volodymyr Zelensky", True),
        ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan", True),
        ("Muammar Gaddafi", "Muammar Gadafi", True),
        ("Anna Novak", "Boris Novak", False),
        ("Assad", "Putin", False),
    ],
)
def test_names_variants_share_a_key(a: str, b: str, same: bool) -> None:
    assert (name_key(a) == name_key(b)) is same


@pytest.mark.parametrize(
    ("name", "surname"),
    [("Bashar al-Assad", "asad"), ("Vladimir Putin", "putin"), ("", "")],
)
def test_names_surname_key(name: str, surname: str) -> None:
    assert surname_key(name) == surname


def test_names_fold_strips_case_and_diacritics() -> None:
    assert fold("Élysée") == "elysee"
