"""The word lists of the times stage, read from ``data/times/*.tsv`` and validated on load."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..codes import read_tsv
from ..errors import LexiconError

_VALUE = re.compile(r"^(PRESENT_REF|PAST_REF|FUTURE_REF|P[0-9.X]+[YMWDHQ]|PT[0-9.X]+[HMS])$")
_TYPES = ("DATE", "TIME", "DURATION", "SET")
_MODS = ("APPROX", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE")


@dataclass(frozen=True, slots=True, eq=False)  # eq=False: hashable by identity, for caches
class TimeLexicon:
    """Every word list the times stage uses; built once, passed in explicitly."""

    months: dict[str, int]  # "feb." -> 2
    ambiguous_months: frozenset[str]  # "may", "march": need a date context
    weekdays: dict[str, int]  # "tuesday" -> 2 (ISO)
    numbers: dict[str, str]  # "three" -> "3", "several" -> "X"
    ordinals: dict[str, int]  # "third" -> 3
    units: dict[str, tuple[str, str]]  # "weeks" -> ("W", "W"); "hours" -> ("H", "TH")
    vague: dict[str, tuple[str, str]]  # "recently" -> ("DATE", "PAST_REF")
    parts_of_day: dict[str, str]  # "morning" -> "TMO"
    seasons: dict[str, str]  # "fall" -> "FA"
    quantity_mods: dict[str, str]  # "more than" -> "MORE_THAN"
    sets: dict[str, str]  # "weekly" -> "P1W"
    # month, day | 0, isoday, nth ("#-1": last), days after that; month 0: Easter Sunday
    holidays: dict[str, tuple[int, int, int, int, int]]
    zones: frozenset[str]  # "est"
    ahead_verbs: frozenset[str] = frozenset()  # "plan": its complement lies ahead
    defer_verbs: frozenset[str] = frozenset()  # "postpone": "until Tuesday" is ahead
    schedule_verbs: frozenset[str] = frozenset()  # "plan": told in the past, the nearest date


def _read(name: str, directory: Path | None) -> tuple[str, str]:
    if directory is not None:
        path = directory / name
        return str(path), path.read_text(encoding="utf-8")
    ref = resources.files("newsevents") / "data" / "times" / name
    return f"newsevents/data/times/{name}", ref.read_text(encoding="utf-8")


def _rows(name: str, columns: list[str], directory: Path | None) -> list[tuple[str, int, dict]]:
    path, text = _read(name, directory)
    out = []
    seen: set[str] = set()
    for lineno, row in read_tsv(path, text, columns):
        word = row[columns[0]]
        if not word or word != word.lower() or word != word.strip():
            raise LexiconError(f"entry must be lower case, got {word!r}", path=path, line=lineno)
        if word in seen:
            raise LexiconError(f"duplicate entry {word!r}", path=path, line=lineno)
        seen.add(word)
        out.append((path, lineno, row))
    return out


def _int(value: str, low: int, high: int, path: str, line: int) -> int:
    if not value.isdigit() or not low <= int(value) <= high:
        raise LexiconError(f"expected a number {low}..{high}, got {value!r}", path=path, line=line)
    return int(value)


def load_time_lexicon(directory: Path | str | None = None) -> TimeLexicon:
    """Read and validate the word lists (the packaged ones unless ``directory`` is given).

    Raises:
        LexiconError: a malformed line; the message names the file, line and value.
    """
    d = Path(directory) if directory is not None else None
    months: dict[str, int] = {}
    ambiguous: set[str] = set()
    for path, line, row in _rows("months.tsv", ["word", "month", "ambiguous"], d):
        months[row["word"]] = _int(row["month"], 1, 12, path, line)
        if row["ambiguous"] not in ("yes", "no"):
            raise LexiconError(
                f"ambiguous must be yes|no: {row['ambiguous']!r}", path=path, line=line
            )
        if row["ambiguous"] == "yes":
            ambiguous.add(row["word"])
    weekdays = {
        r["word"]: _int(r["isoday"], 1, 7, p, n)
        for p, n, r in _rows("weekdays.tsv", ["word", "isoday"], d)
    }
    numbers: dict[str, str] = {}
    for path, line, row in _rows("numbers.tsv", ["word", "value"], d):
        value = row["value"]
        if value != "X" and not re.fullmatch(r"\d+(\.\d+)?", value):
            raise LexiconError(f"bad number value {value!r}", path=path, line=line)
        numbers[row["word"]] = value
    ordinals = {
        r["word"]: _int(r["value"], 1, 31, p, n)
        for p, n, r in _rows("ordinals.tsv", ["word", "value"], d)
    }
    units: dict[str, tuple[str, str]] = {}
    for path, line, row in _rows("units.tsv", ["word", "unit", "period"], d):
        if row["unit"] not in ("S", "MI", "M", "H", "D", "W", "W2", "WE", "Q", "Y", "DE", "CE"):
            raise LexiconError(f"unknown unit {row['unit']!r}", path=path, line=line)
        if row["period"] not in ("TS", "TM", "TH", "D", "W", "M", "Q", "Y"):
            raise LexiconError(f"unknown period {row['period']!r}", path=path, line=line)
        units[row["word"]] = (row["unit"], row["period"])
    vague: dict[str, tuple[str, str]] = {}
    for path, line, row in _rows("vague.tsv", ["phrase", "type", "value"], d):
        if row["type"] not in _TYPES or not _VALUE.match(row["value"]):
            raise LexiconError(
                f"bad type/value {row['type']!r} {row['value']!r}", path=path, line=line
            )
        vague[row["phrase"]] = (row["type"], row["value"])
    parts = _codes("parts_of_day.tsv", r"T(MO|AF|EV|NI|MD|DT)", d)
    seasons = _codes("seasons.tsv", r"SP|SU|FA|WI", d)
    mods: dict[str, str] = {}
    for path, line, row in _rows("quantity_mods.tsv", ["word", "mod"], d):
        if row["mod"] not in _MODS:
            raise LexiconError(f"unknown mod {row['mod']!r}", path=path, line=line)
        mods[row["word"]] = row["mod"]
    sets: dict[str, str] = {}
    for path, line, row in _rows("sets.tsv", ["word", "value"], d):
        if not _VALUE.match(row["value"]):
            raise LexiconError(f"bad set value {row['value']!r}", path=path, line=line)
        sets[row["word"]] = row["value"]
    holidays: dict[str, tuple[int, int, int, int, int]] = {}
    for path, line, row in _rows("holidays.tsv", ["word", "date"], d):
        easter = re.fullmatch(r"easter([+-]\d{1,2})?", row["date"])
        if easter:
            holidays[row["word"]] = (0, 0, 0, 0, int(easter[1] or 0))
            continue
        m = re.fullmatch(r"(\d\d)-(?:(\d\d)|([1-7])#(-1|[1-5])(\+[1-6])?)", row["date"])
        if not m or not 1 <= int(m[1]) <= 12 or m[2] and not 1 <= int(m[2]) <= 31:
            raise LexiconError(f"bad holiday date {row['date']!r}", path=path, line=line)
        if m[2]:
            holidays[row["word"]] = (int(m[1]), int(m[2]), 0, 0, 0)
        else:
            holidays[row["word"]] = (int(m[1]), 0, int(m[3]), int(m[4]), int(m[5] or 0))
    zones = frozenset(r["word"] for _, _, r in _rows("zones.tsv", ["word"], d))
    verbs: dict[str, set[str]] = {"ahead": set(), "defer": set(), "schedule": set()}
    for path, line, row in _rows("verbs.tsv", ["lemma", "class"], d):
        if row["class"] not in verbs:
            raise LexiconError(
                f"verb class must be ahead|defer|schedule: {row['class']!r}", path=path, line=line
            )
        verbs[row["class"]].add(row["lemma"])
    return TimeLexicon(
        months=months,
        ambiguous_months=frozenset(ambiguous),
        weekdays=weekdays,
        numbers=numbers,
        ordinals=ordinals,
        units=units,
        vague=vague,
        parts_of_day=parts,
        seasons=seasons,
        quantity_mods=mods,
        sets=sets,
        holidays=holidays,
        zones=zones,
        ahead_verbs=frozenset(verbs["ahead"] | verbs["schedule"]),
        defer_verbs=frozenset(verbs["defer"]),
        schedule_verbs=frozenset(verbs["schedule"]),
    )


def _codes(name: str, pattern: str, directory: Path | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for path, line, row in _rows(name, ["word", "value"], directory):
        if not re.fullmatch(pattern, row["value"]):
            raise LexiconError(f"bad code {row['value']!r}", path=path, line=line)
        out[row["word"]] = row["value"]
    return out


@lru_cache(maxsize=1)
def default_time_lexicon() -> TimeLexicon:
    """The packaged word lists, loaded once per process."""
    return load_time_lexicon()
