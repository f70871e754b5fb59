"""Validate the packaged dated list of office holders (data/actors/office_holders/*.tsv)."""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources

import pycountry
import pytest

from newsevents.codes import read_tsv

COLUMNS = ["name", "aliases", "code", "role", "start", "end"]
ROLES = {"head_of_state", "head_of_government", "foreign_minister", "defence_minister", "other"}
FILES = [
    "africa.tsv",
    "americas.tsv",
    "asia.tsv",
    "europe.tsv",
    "middle_east.tsv",
    "oceania.tsv",
    "international.tsv",
]
# Country actors: ISO 3166-1 alpha-3 + sector (GOV, or MIL for a junta leader known as an officer).
COUNTRY_CODE = re.compile(r"^(?P<iso>[A-Z]{3})(?P<sector>GOV|MIL)$")
# International organisations: IGO + a 3-letter org code, optionally a 3-letter sub-code.
IGO_CODE = re.compile(r"^IGO[A-Z]{3}([A-Z]{3})?$")
DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")

# pycountry entries that are not UN member states (territories, observers, Antarctica, Taiwan).
NON_MEMBERS = set(
    "ABW AIA ALA ASM ATA ATF BES BLM BMU BVT CCK COK CUW CXR CYM ESH FLK FRO GGY GIB GLP GRL "
    "GUF GUM HKG HMD IMN IOT JEY MAC MAF MNP MSR MTQ MYT NCL NFK NIU PCN PRI PSE PYF REU SGS "
    "SHN SJM SPM SXM TCA TKL TWN UMI VAT VGB VIR WLF".split()
)
UN_MEMBERS = {c.alpha_3 for c in pycountry.countries} - NON_MEMBERS
# Non-member entities that may still have rows: Palestinian Authority, Taiwan, Holy See.
EXTRA_ISO = {"PSE", "TWN", "VAT"}
# Countries whose head of state or government is collective or shared, so terms may overlap:
# Andorra's co-princes, Bosnia's tripartite presidency, San Marino's captains regent,
# Nicaragua's co-presidents since 2025.
COLLECTIVE = {"AND", "BIH", "NIC", "SMR"}


# Single words shared by many public figures (or common English words) must not be aliases.
AMBIGUOUS_ALIASES = {
    "Ahmed",
    "Ali",
    "Aoun",
    "Abe",
    "Brown",
    "Castro",
    "Clinton",
    "Gates",
    "Hague",
    "Hassan",
    "Hunt",
    "Johnson",
    "Khan",
    "Kim",
    "Lee",
    "Li",
    "May",
    "Mohammed",
    "Moon",
    "Park",
    "Rice",
    "Sharif",
    "Singh",
    "Smith",
    "Straw",
    "Wang",
    "Zhang",
}


def _rows() -> list[tuple[str, int, dict[str, str]]]:
    base = resources.files("newsevents") / "data" / "actors" / "office_holders"
    out = []
    for name in FILES:
        text = (base / name).read_text(encoding="utf-8")
        out.extend((name, lineno, row) for lineno, row in read_tsv(name, text, COLUMNS))
    return out


ROWS = _rows()


def _parse(value: str, *, end: bool) -> dt.date:
    """A partial date as the earliest (start) or latest (end) day it may denote."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        if not end:
            return dt.date(parts[0], parts[1], 1)
        nxt = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date(parts[0], 12, 31) if end else dt.date(parts[0], 1, 1)


def _where(f: str, line: int, row: dict[str, str]) -> str:
    return f"{f}:{line} {row['name']!r}"


@pytest.mark.parametrize("name", FILES)
def test_office_holders_data_file_parses_with_six_columns(name: str) -> None:
    base = resources.files("newsevents") / "data" / "actors" / "office_holders"
    text = (base / name).read_text(encoding="utf-8")
    rows = read_tsv(name, text, COLUMNS)
    assert rows, f"{name} has no rows"
    header = next(x for x in text.splitlines() if x.strip() and not x.startswith("#"))
    assert header.split("\t") == COLUMNS


def test_office_holders_data_names_and_aliases_are_clean() -> None:
    bad = []
    for f, line, row in ROWS:
        cells = [row["name"], *row["aliases"].split(";")] if row["aliases"] else [row["name"]]
        if any(c != c.strip() or not c or "  " in c for c in cells):
            bad.append(_where(f, line, row))
        if row["name"] in row["aliases"].split(";"):
            bad.append(_where(f, line, row) + " alias repeats name")
    assert not bad, bad


def test_office_holders_data_codes_are_well_formed() -> None:
    bad = []
    for f, line, row in ROWS:
        code = row["code"]
        m = COUNTRY_CODE.match(code)
        if m:
            if m["iso"] not in UN_MEMBERS | EXTRA_ISO:
                bad.append(_where(f, line, row) + f" unknown country {code}")
        elif not (f == "international.tsv" and IGO_CODE.match(code)):
            bad.append(_where(f, line, row) + f" bad code {code}")
    assert not bad, bad


def test_office_holders_data_roles_are_allowed() -> None:
    bad = [_where(f, ln, r) for f, ln, r in ROWS if r["role"] not in ROLES]
    assert not bad, bad


def test_office_holders_data_dates_are_well_formed_and_ordered() -> None:
    bad = []
    latest = dt.date(2027, 12, 31)
    for f, line, row in ROWS:
        start, end = row["start"], row["end"]
        if not DATE.match(start) or (end and not DATE.match(end)):
            bad.append(_where(f, line, row) + f" bad date {start!r}/{end!r}")
            continue
        try:
            s = _parse(start, end=False)
            e = _parse(end, end=True) if end else latest
        except ValueError:
            bad.append(_where(f, line, row) + " impossible date")
            continue
        # Compare at the precision both dates share: start must not be after end.
        if _parse(start, end=False) > e or s.year < 1940 or e > latest:
            bad.append(_where(f, line, row) + f" start {start} after end {end}")
        if end and e.year < 2000:
            bad.append(_where(f, line, row) + " term ended before 2000")
    assert not bad, bad


@pytest.mark.parametrize(
    ("start", "end", "ok"),
    [
        ("2000-05-07", "2008-05-07", True),
        ("2008", "2008-05", True),
        ("2008-06", "2008-05-31", False),
    ],
)
def test_office_holders_data_date_parser_orders_partial_dates(
    start: str, end: str, ok: bool
) -> None:
    assert (_parse(start, end=False) <= _parse(end, end=True)) is ok


def test_office_holders_data_has_no_duplicate_rows() -> None:
    seen: dict[tuple[str, str, str, str], str] = {}
    dups = []
    for f, line, row in ROWS:
        key = (row["name"], row["code"], row["role"], row["start"])
        if key in seen:
            dups.append(f"{_where(f, line, row)} repeats {seen[key]}")
        seen[key] = f"{f}:{line}"
    assert not dups, dups


def test_office_holders_data_single_holder_terms_do_not_overlap() -> None:
    """Two people in one single-holder office must not overlap by more than a month."""
    by_office: dict[tuple[str, str], list[tuple[dt.date, dt.date, str]]] = {}
    for f, line, row in ROWS:
        if row["role"] == "other" or row["code"][:3] in COLLECTIVE or f == "international.tsv":
            continue
        s = _parse(row["start"], end=True)  # latest possible start: tolerate partial dates
        e = _parse(row["end"], end=False) if row["end"] else dt.date(2027, 12, 31)
        by_office.setdefault((row["code"][:3], row["role"]), []).append(
            (s, e, _where(f, line, row))
        )
    bad = []
    for terms in by_office.values():
        terms.sort()
        for (_s1, e1, w1), (s2, _e2, w2) in zip(terms, terms[1:], strict=False):
            if (e1 - s2).days > 31:
                bad.append(f"{w1} overlaps {w2}")
    assert not bad, bad


def test_office_holders_data_covers_every_un_member() -> None:
    leaders = {
        r["code"][:3] for _f, _ln, r in ROWS if r["role"] in {"head_of_state", "head_of_government"}
    }
    missing = sorted(UN_MEMBERS - leaders)
    assert len(UN_MEMBERS) == 193
    assert not missing, missing


@pytest.mark.parametrize(
    ("name", "code", "role", "on", "expected"),
    [
        ("Vladimir Putin", "RUSGOV", "head_of_state", "2023-03-16", True),
        ("Vladimir Putin", "RUSGOV", "head_of_state", "2010-01-01", False),
        ("Dmitry Medvedev", "RUSGOV", "head_of_state", "2010-01-01", True),
        ("Angela Merkel", "DEUGOV", "head_of_government", "2015-06-01", True),
        ("Angela Merkel", "DEUGOV", "head_of_government", "2023-06-01", False),
    ],
)
def test_office_holders_data_known_terms(
    name: str, code: str, role: str, on: str, expected: bool
) -> None:
    day = dt.date.fromisoformat(on)
    held = any(
        r["name"] == name
        and r["code"] == code
        and r["role"] == role
        and _parse(r["start"], end=False)
        <= day
        <= (_parse(r["end"], end=True) if r["end"] else day)
        for _f, _ln, r in ROWS
    )
    assert held is expected


@pytest.mark.parametrize(
    ("alias", "present"),
    [
        ("Putin", True),
        ("Zelensky", True),
        ("Zelenskyy", True),
        ("Erdogan", True),
        ("Erdoğan", True),
        ("Netanyahu", True),
        ("Assad", True),
        ("Brown", False),
        ("Kim", False),
        ("Khan", False),
    ],
)
def test_office_holders_data_alias_table(alias: str, present: bool) -> None:
    aliases = {a for _f, _ln, r in ROWS for a in r["aliases"].split(";") if a}
    assert (alias in aliases) is present


def test_office_holders_data_has_no_ambiguous_single_word_aliases() -> None:
    bad = [
        _where(f, ln, r) + f" alias {a!r}"
        for f, ln, r in ROWS
        for a in r["aliases"].split(";")
        if a in AMBIGUOUS_ALIASES
    ]
    assert not bad, bad
