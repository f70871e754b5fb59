"""Calendar arithmetic on the anchor (publication) date, and TIMEX3 value formatting.

Every function takes the anchor explicitly; with no anchor the callers use the
unanchored forms (``XXXX-XX-XX`` …) instead — never the machine's clock.
"""

from __future__ import annotations

import datetime as dt

PAST, FUTURE, PRESENT = "past", "future", "present"
NEAR = "near"  # either side of the anchor: the nearest date is meant

UNANCHORED = {
    "D": "XXXX-XX-XX",
    "W": "XXXX-WXX",
    "WE": "XXXX-WXX-WE",
    "M": "XXXX-XX",
    "Q": "XXXX-QX",
    "Y": "XXXX",
    "DE": "XXX",
    "CE": "XX",
}


def day(d: dt.date) -> str:
    return d.isoformat()


def week(d: dt.date) -> str:
    year, wk, _ = d.isocalendar()
    return f"{year}-W{wk:02d}"


def month(year: int, mon: int) -> str:
    return f"{year:04d}-{mon:02d}"


def quarter_of(d: dt.date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def shift_months(year: int, mon: int, k: int) -> tuple[int, int]:
    t = year * 12 + (mon - 1) + k
    return t // 12, t % 12 + 1


def shift_quarters(year: int, q: int, k: int) -> tuple[int, int]:
    t = year * 4 + (q - 1) + k
    return t // 4, t % 4 + 1


def safe_date(year: int, mon: int, dom: int) -> dt.date | None:
    """The date, or None when it does not exist (February 30)."""
    try:
        return dt.date(year, mon, dom)
    except ValueError:
        return None


_YEARS_PER_UNIT = {"D": 1 / 365, "W": 7 / 365, "W2": 14 / 365, "WE": 7 / 365, "M": 1 / 12}
_YEARS_PER_UNIT.update({"Q": 1 / 4, "Y": 1, "DE": 10, "CE": 100})


def within_calendar(anchor: dt.date, unit: str, k: float) -> bool:
    """Whether ``k`` units from ``anchor`` stays within the years 1000-9000 (so that
    "292,000 weeks ago", a misread figure, cannot overflow the calendar)."""
    return 1000 <= anchor.year + k * _YEARS_PER_UNIT.get(unit, 0) <= 9000


def shift(anchor: dt.date, unit: str, k: int) -> str:
    """The TIMEX3 value of the ``unit`` that is ``k`` units away from ``anchor``."""
    if unit == "D":
        return day(anchor + dt.timedelta(days=k))
    if unit in ("W", "W2"):
        return week(anchor + dt.timedelta(weeks=k * (2 if unit == "W2" else 1)))
    if unit == "WE":
        return week(anchor + dt.timedelta(weeks=k)) + "-WE"
    if unit == "M":
        return month(*shift_months(anchor.year, anchor.month, k))
    if unit == "Q":
        y, q = shift_quarters(*quarter_of(anchor), k)
        return f"{y}-Q{q}"
    if unit == "Y":
        return f"{anchor.year + k:04d}"
    if unit == "DE":
        return f"{anchor.year // 10 + k:03d}"
    if unit == "CE":
        return f"{anchor.year // 100 + k:02d}"
    return f"{anchor.year + k:04d}"  # seconds/minutes/hours: the year is all we can say


def weekday_date(anchor: dt.date, isoday: int, tense: str, rel: str = "") -> dt.date:
    """The date of a named weekday near ``anchor``: backwards in past clauses, ahead in future."""
    delta = isoday - anchor.isoweekday()
    if rel == "last":
        return anchor + dt.timedelta(days=delta - 7 if delta >= 0 else delta)
    if rel == "next":
        return anchor + dt.timedelta(days=delta + 7 if delta <= 0 else delta)
    if tense == NEAR and not rel:
        return anchor + dt.timedelta(days=min((delta - 7, delta, delta + 7), key=abs))
    if tense == FUTURE or rel == "coming":
        return anchor + dt.timedelta(days=delta + 7 if delta < 0 else delta)
    return anchor + dt.timedelta(days=delta - 7 if delta > 0 else delta)


def year_for_month_day(anchor: dt.date, mon: int, dom: int, tense: str) -> int:
    """The year of a date given without one: the publication year, or the next/previous one
    when that reading would put a past event far in the future (or a future one in the past)."""
    year = anchor.year
    if not dom:  # a month alone: compare months
        diff = mon - anchor.month
        if tense == FUTURE:
            return year + 1 if diff < -1 else year
        if tense == PAST:
            return year - 1 if diff > 1 else year
        return year - 1 if diff > 3 else year + 1 if diff < -7 else year
    cand = safe_date(year, mon, dom)
    if cand is None:
        return year
    days = (cand - anchor).days
    if tense == FUTURE:
        return year + 1 if days < -30 else year
    if tense == PAST:
        return year - 1 if days > 90 else year
    return year - 1 if days > 100 else year + 1 if days < -240 else year
