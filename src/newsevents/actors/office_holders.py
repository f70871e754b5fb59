"""Dated office holders: who held which office when, read from the team's TSV files.

Files live in ``newsevents/data/actors/office_holders/*.tsv`` with the columns
``name, aliases, code, role, start, end`` (see the files' headers). A name in an article
is coded by the holder in office on the publication date; without a date the latest
holder wins; someone who held the office only before that date is a former official
(CAMEO sector ``ELI``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from ..codes import read_tsv
from ..errors import LexiconError
from .names import name_key, surname_key

COLUMNS = ["name", "aliases", "code", "role", "start", "end"]
ROLES = frozenset(
    {"head_of_state", "head_of_government", "foreign_minister", "defence_minister", "other"}
)
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_CODE = re.compile(r"^[A-Z]{3}(?:[A-Z]{3})*$")


@dataclass(frozen=True, slots=True)
class OfficeHolder:
    """One person's term in one office."""

    name: str
    aliases: tuple[str, ...]
    code: str
    role: str
    start: dt.date
    end: dt.date | None  # None: still in office

    @property
    def country(self) -> str:
        return self.code[:3]

    def in_office(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


def parse_date(value: str, *, end: bool = False) -> dt.date:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a partial end date means its last day."""
    m = _DATE.match(value.strip())
    if not m:
        raise ValueError(f"bad date {value!r}")
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else (12 if end else 1)
    try:
        if m.group(3):
            day = int(m.group(3))
        else:
            day = calendar.monthrange(year, month)[1] if end else 1
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"bad date {value!r}") from None


def parse_office_holders(
    path: str, text: str, *, valid_prefixes: frozenset[str] | None = None
) -> list[OfficeHolder]:
    """Validate and read one office-holder file; LexiconError names file, line, value."""
    holders: list[OfficeHolder] = []
    for lineno, row in read_tsv(path, text, COLUMNS):
        name = row["name"].strip()
        code = row["code"].strip()
        if not name:
            raise LexiconError("empty name", path=path, line=lineno)
        if not _CODE.match(code) or (valid_prefixes is not None and code[:3] not in valid_prefixes):
            raise LexiconError(f"malformed CAMEO actor code {code!r}", path=path, line=lineno)
        role = row["role"].strip()
        if role not in ROLES:
            raise LexiconError(f"unknown role {role!r}", path=path, line=lineno)
        try:
            start = parse_date(row["start"])
            end = parse_date(row["end"], end=True) if row["end"].strip() else None
        except ValueError as exc:
            raise LexiconError(str(exc), path=path, line=lineno) from None
        if end is not None and end < start:
            raise LexiconError(
                f"end {row['end']!r} is before start {row['start']!r}", path=path, line=lineno
            )
        aliases = tuple(a.strip() for a in row["aliases"].split(";") if a.strip())
        holders.append(OfficeHolder(name, aliases, code, role, start, end))
    return holders


@dataclass(slots=True)
class OfficeHolders:
    """Office holders indexed by name key, surname key and (country, role)."""

    holders: list[OfficeHolder] = field(default_factory=list)
    by_key: dict[str, list[OfficeHolder]] = field(default_factory=dict)
    by_surname: dict[str, list[OfficeHolder]] = field(default_factory=dict)
    by_office: dict[tuple[str, str], list[OfficeHolder]] = field(default_factory=dict)

    @classmethod
    def build(cls, holders: Iterable[OfficeHolder]) -> OfficeHolders:
        index = cls()
        for h in holders:
            index.holders.append(h)
            for form in (h.name, *h.aliases):
                key = name_key(form)
                if key:
                    index.by_key.setdefault(key, []).append(h)
            for form in (h.name, *h.aliases):
                sur = surname_key(form)
                if sur:
                    bucket = index.by_surname.setdefault(sur, [])
                    if h not in bucket:
                        bucket.append(h)
            index.by_office.setdefault((h.country, h.role), []).append(h)
        return index

    def lookup(
        self,
        text: str,
        day: dt.date | None,
        *,
        surname_only: bool = False,
        countries: Collection[str] = (),
    ) -> Lookup | None:
        """The holder a name refers to on ``day`` (undated: the latest term).

        ``countries`` (those the article names) narrow a bare surname shared by holders of
        several countries to theirs: "Blair" in an article about Britain is not Canada's.
        """
        key = surname_key(text) if surname_only else name_key(text)
        if surname_only or " " not in key:
            # One word: anyone with that surname (or that alias), chosen by date below.
            rows = list(self.by_surname.get(key, []))
            rows += [h for h in self.by_key.get(key, []) if h not in rows]
            if countries and len({h.country for h in rows}) > 1:
                rows = [h for h in rows if h.country in countries] or rows
        else:
            rows = self.by_key.get(key, [])
        if not rows:
            return None
        return _choose(rows, day)

    def holder_of(self, country: str, role: str, day: dt.date | None) -> OfficeHolder | None:
        """Who held ``role`` in ``country`` on ``day`` (undated: the latest)."""
        rows = self.by_office.get((country, role))
        if not rows:
            return None
        if day is None:
            return max(rows, key=lambda h: h.start)
        current = [h for h in rows if h.in_office(day)]
        return max(current, key=lambda h: h.start) if current else None


@dataclass(frozen=True, slots=True)
class Lookup:
    """A name resolved to a holder; ``former`` when the term ended before the date."""

    holder: OfficeHolder
    former: bool

    @property
    def code(self) -> str:
        return self.holder.country + "ELI" if self.former else self.holder.code


_ROLE_RANK = {
    "head_of_state": 0,
    "head_of_government": 1,
    "foreign_minister": 2,
    "defence_minister": 3,
    "other": 4,
}


def _choose(rows: list[OfficeHolder], day: dt.date | None) -> Lookup:
    if day is None:
        latest = max(rows, key=lambda h: (h.end or dt.date.max, h.start, -_ROLE_RANK[h.role]))
        return Lookup(latest, former=False)
    current = [h for h in rows if h.in_office(day)]
    if current:
        return Lookup(min(current, key=lambda h: (_ROLE_RANK[h.role], h.name)), former=False)
    past = [h for h in rows if h.end is not None and h.end < day]
    if past:
        # Someone out of office on that day: the most recent term, coded as a former official.
        return Lookup(max(past, key=lambda h: h.end or dt.date.max), former=True)
    # Only future terms: the name is known but did not hold office yet; code the country.
    first = min(rows, key=lambda h: h.start)
    return Lookup(first, former=True)
