"""Office-holder loader: validation, and choosing the holder by publication date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsevents.actors.office_holders import OfficeHolders, parse_date, parse_office_holders
from newsevents.errors import LexiconError

SAMPLE = Path(__file__).with_name("office_holders_sample.tsv")
HEADER = "name\taliases\tcode\trole\tstart\tend\n"


@pytest.fixture(scope="module")
def holders() -> OfficeHolders:
    return OfficeHolders.build(parse_office_holders(str(SAMPLE), SAMPLE.read_text("utf-8")))


@pytest.mark.parametrize(
    ("value", "end", "expected"),
    [
        ("2001", False, dt.date(2001, 1, 1)),
        ("2001", True, dt.date(2001, 12, 31)),
        ("2024-02", True, dt.date(2024, 2, 29)),
        ("2010-05-07", False, dt.date(2010, 5, 7)),
    ],
)
def test_office_holders_parse_date(value: str, end: bool, expected: dt.date) -> None:
    assert parse_date(value, end=end) == expected


@pytest.mark.parametrize(
    ("name", "day", "code", "holder"),
    [
        ("Valdeck", dt.date(2005, 1, 1), "AUTGOV", "Arno Valdeck"),
        ("Valdeck", dt.date(2015, 1, 1), "AUTELI", "Arno Valdeck"),  # former: an elite
        ("Mira Solberg", None, "AUTGOV", "Mira Solberg"),
        ("Hollum", dt.date(2017, 1, 1), "AUTGOV", "Petra Hollum"),  # in office that day
        ("Hollum", dt.date(2022, 1, 1), "NORGOV", "Jonas Hollum"),
        ("Hollum", None, "NORGOV", "Jonas Hollum"),  # undated: the latest term
        ("Nobody Known", None, None, None),
    ],
)
def test_office_holders_lookup_by_date(
    holders: OfficeHolders, name: str, day: dt.date | None, code: str | None, holder: str | None
) -> None:
    found = holders.lookup(name, day)
    assert (found.code if found else None) == code
    assert (found.holder.name if found else None) == holder


@pytest.mark.parametrize(
    ("country", "role", "day", "expected"),
    [
        ("AUT", "head_of_state", dt.date(2003, 6, 1), "Arno Valdeck"),
        ("AUT", "head_of_state", dt.date(2020, 6, 1), "Mira Solberg"),
        ("AUT", "head_of_state", None, "Mira Solberg"),
        ("AUT", "head_of_state", dt.date(1990, 1, 1), None),
        ("NOR", "head_of_state", None, None),
    ],
)
def test_office_holders_holder_of_role(
    holders: OfficeHolders, country: str, role: str, day: dt.date | None, expected: str | None
) -> None:
    found = holders.holder_of(country, role, day)
    assert (found.name if found else None) == expected


@pytest.mark.parametrize(
    ("row", "value"),
    [
        ("Ann Example\t\tAUTgov\thead_of_state\t2001\t", "AUTgov"),
        ("Ann Example\t\tAUTGOV\tking\t2001\t", "king"),
        ("Ann Example\t\tAUTGOV\thead_of_state\t2001-13\t", "2001-13"),
        ("Ann Example\t\tAUTGOV\thead_of_state\t2010\t2009", "2009"),
        ("Ann Example\tAUTGOV\thead_of_state\t2010", "4"),  # a missing column
    ],
)
def test_office_holders_malformed_line_names_file_line_value(row: str, value: str) -> None:
    with pytest.raises(LexiconError) as err:
        parse_office_holders("my_holders.tsv", "# comment\n" + HEADER + row + "\n")
    message = str(err.value)
    assert "my_holders.tsv:3" in message
    assert value in message
