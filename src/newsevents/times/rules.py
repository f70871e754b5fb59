"""One normaliser per pattern of ``grammar.py``: a match becomes a (type, value), or nothing.

A normaliser returns ``None`` to reject a match (a month name used as a name, an
impossible date); the finder then keeps the best of the remaining candidates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from dateutil.easter import easter
from spacy.tokens import Token

from . import anchor as A
from .anchor import FUTURE, PAST, UNANCHORED
from .context import (
    Context,
    Found,
    capitalised,
    date_or_x,
    day_number,
    group,
    is_name,
    number,
    period,
    previous_word,
    spoken_year,
    two_digit_year,
    year_value,
)

__all__ = ["NORMALISERS", "Context", "Found"]


Result = tuple[str, str] | tuple[int, int, str, str] | None
Normaliser = Callable[[re.Match[str], Context], Result]

_DAY_AFTER = re.compile(r"\s+\d{1,2}(?:st|nd|rd|th)?\b(?![,.:]\d)")
_DAY_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?$")
_RATE_BEFORE = re.compile(
    r"(?:\d|%|\bdollars?|\bcents?|\beuros?|\bpounds?|\bmillion|\bbillion|\btrillion|\btimes"
    r"|\bonce|\btwice)\s*$",
    re.IGNORECASE,
)
_MONTH_CUES = frozenset(
    "in since until till by from during through before after of early late mid last next this "
    "and or between that each every to on until".split()
)
_NARRATIVE_DAY = frozenset(
    {"that", "the same", "the following", "the next", "the previous", "next"}
)
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_DETERMINERS = frozenset({"the", "this", "that"})
_INSIDE_NUMBER = re.compile(r"\d[,.]$")
_POD_DEICTIC = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}
_MODALS = frozenset("will would could may might can shall should must".split())
_HALF_OF = re.compile(r"\b(first|second|last|latter)\s+half\b")
_IN_BEFORE = re.compile(r"\b(?:in|within)\s+$", re.IGNORECASE)
_FALL_NOT = re.compile(r"\s+(?:of|in|from|to|for|out|on|at|and)\b", re.IGNORECASE)


# --- absolute dates -----------------------------------------------------------------


def iso(m: re.Match[str], ctx: Context) -> Result:
    d = A.safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    if d is None or not 1000 <= d.year <= 2199:
        return None
    if m["th"]:
        if int(m["th"]) > 24 or int(m["tm"]) > 59:
            return None
        return "TIME", f"{d.isoformat()}T{m['th']}:{m['tm']}"
    return "DATE", d.isoformat()


def slash(m: re.Match[str], ctx: Context) -> Result:
    y = int(m["y"])
    if y < 100:
        y = two_digit_year(y, ctx.anchor)
    d = A.safe_date(y, int(m["m"]), int(m["d"]))
    return None if d is None else ("DATE", d.isoformat())


def _month_number(m: re.Match[str], ctx: Context) -> int | None:
    if not capitalised(m, "mon", ctx):
        return None
    return ctx.lex.months.get(m["mon"].lower())


def month_day(m: re.Match[str], ctx: Context) -> Result:
    mon = _month_number(m, ctx)
    dom = day_number(m["day"], ctx.lex)
    if mon is None or dom is None:
        return None
    if m["mon"].lower() in ctx.lex.ambiguous_months and is_name(ctx, m.start("mon")):
        return None
    if group(m, "year"):
        year = year_value(m["year"], ctx)
        if year is None:
            return None
        d = A.safe_date(year, mon, dom)
        return None if d is None else ("DATE", d.isoformat())
    if A.safe_date(2000, mon, dom) is None:  # February 30: no such day in any year
        return None
    if ctx.anchor is None:
        return "DATE", f"XXXX-{mon:02d}-{dom:02d}"
    rel = group(m, "rel").lower()
    a = ctx.anchor
    if rel == "last":
        year = a.year if (mon, dom) < (a.month, a.day) else a.year - 1
    elif rel == "next":
        year = a.year if (mon, dom) > (a.month, a.day) else a.year + 1
    else:
        year = A.year_for_month_day(a, mon, dom, ctx.tense(m.start()))
    d = A.safe_date(year, mon, dom)
    return ("DATE", d.isoformat()) if d else ("DATE", f"XXXX-{mon:02d}-{dom:02d}")


def month_rel_year(m: re.Match[str], ctx: Context) -> Result:
    mon = _month_number(m, ctx)
    if mon is None:
        return None
    if ctx.anchor is None:
        return "DATE", f"XXXX-{mon:02d}"
    k = {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    return "DATE", A.month(ctx.anchor.year + k, mon)


def month_year(m: re.Match[str], ctx: Context) -> Result:
    mon = _month_number(m, ctx)
    year = year_value(m["year"], ctx)
    if mon is None or year is None:
        return None
    if m["mon"].lower() in ctx.lex.ambiguous_months and is_name(ctx, m.start("mon")):
        return None
    return "DATE", A.month(year, mon)


def month(m: re.Match[str], ctx: Context) -> Result:
    mon = _month_number(m, ctx)
    if mon is None:
        return None
    word = m["mon"].lower()
    if _DAY_AFTER.match(ctx.after(m.end(), 8)) or _DAY_BEFORE.search(ctx.before(m.start(), 10)):
        return None  # "February 30", "31 April": the full date was rejected as impossible
    rel = re.sub(r"\s+", " ", group(m, "rel").lower())
    if not rel and not m["pre"]:
        if is_name(ctx, m.start("mon")):
            return None
        if (
            word in ctx.lex.ambiguous_months
            and previous_word(ctx, m.start()) not in _MONTH_CUES
            and not _month_before_noun(m, ctx)
        ):
            return None
    if ctx.anchor is None:
        return "DATE", f"XXXX-{mon:02d}"
    a = ctx.anchor
    if rel in ("last", "this past", "past"):
        year = a.year if mon < a.month else a.year - 1
    elif rel in ("next", "this coming", "coming"):
        year = a.year if mon > a.month else a.year + 1
    elif rel == "this":
        year = a.year
    else:
        year = A.year_for_month_day(a, mon, 0, ctx.tense(m.start()))
    return "DATE", A.month(year, mon)


def _month_before_noun(m: re.Match[str], ctx: Context) -> bool:
    """ "the March accession", "a May election": a capitalised month between a determiner
    and a common noun modifies that noun (parse needed; "the march began" has no capital)."""
    if previous_word(ctx, m.start()) not in ("the", "a", "this", "that"):
        return False
    tok = ctx.token_at(m.start("mon"))
    if tok is None or tok.i + 1 >= len(tok.doc):
        return False
    nxt = tok.doc[tok.i + 1]
    return nxt.tag_ in ("NN", "NNS") and nxt.is_lower


def quarter(m: re.Match[str], ctx: Context) -> Result:
    q = day_number(m["ord"], ctx.lex) or 0
    half = m["unit"].lower() == "half"
    if not 1 <= q <= (2 if half else 4):
        return None
    det = re.sub(r"\s+", " ", group(m, "det").lower())
    code = f"H{q}" if half else f"Q{q}"
    if m["year"] or m["qyear"]:
        year = year_value(m["year"] or m["qyear"], ctx)
        return None if year is None else ("DATE", f"{year}-{code}")
    if det == "a" and "-" not in m["sep"]:
        return None  # "a third quarter of the budget"
    if ctx.anchor is None:
        return "DATE", f"XXXX-{code}"
    y, cur = A.quarter_of(ctx.anchor)
    if half:
        cur = (cur + 1) // 2
    if det.startswith("last year"):
        y -= 1
    elif det.startswith("next year"):
        y += 1
    elif det.startswith("this year"):
        pass
    elif q > cur and ctx.tense(m.start()) != FUTURE:
        y -= 1
    if "year-" in det:
        y -= 1
    value = f"{y}-{code}"
    if det in ("a", "that") or "-" in m["sep"] and not m["year"]:
        # "a third-quarter loss": the adjective alone is the expression
        return (m.start("fy") if m["fy"] else m.start("ord")), m.end(), "DATE", value
    return "DATE", value


def quarter_rel(m: re.Match[str], ctx: Context) -> Result:
    det = re.sub(r"\s+", " ", group(m, "det").lower())
    rel = re.sub(r"\s+", " ", group(m, "rel").lower())
    period_word = m["unit"].lower() == "period"
    qyear = group(m, "qyear")
    yback = group(m, "yback")
    if period_word and not (qyear or yback or rel in ("latest", "year-ago", "year-earlier")):
        return None  # "the period" alone is any span of time
    if not det and not rel and not qyear:
        return None
    if rel in ("same", "corresponding") and not qyear and not yback:
        return None  # "the same quarter" of what?
    if yback and not rel:
        return None  # "the period last year": any stretch of last year
    k = {"current": 0, "next": 1, "coming": 1}.get(rel, -1)
    if det == "this" and not rel:
        k = 0
    elif det == "next" and not rel:
        k = 1
    if "year-" in rel or det.startswith("last year") and not rel or yback:
        # "the year-ago quarter", "last year's quarter", "the corresponding period last
        # year": the last quarter, a year back
        k = -5
    if ctx.anchor is None:
        return "DATE", f"{qyear or 'XXXX'}-QX"
    y, q = A.shift_quarters(*A.quarter_of(ctx.anchor), k)
    if qyear:
        if period_word and not rel:
            return "DATE", qyear
        y = int(qyear)
    return "DATE", f"{y}-Q{q}"


def the_unit(m: re.Match[str], ctx: Context) -> Result:
    unit = m["unit"].lower()
    if ctx.text[m.start("unit")].isupper():
        return None  # a title ("This Week")
    if m["ended"]:
        return m.start(), m.end("unit"), "DURATION", period(1, unit, ctx.lex)
    if m["around"]:
        # "the year before": counted from a date named earlier (finder), not from publication
        return "DATE", UNANCHORED["WE" if unit == "weekend" else unit[0].upper()]
    if unit == "weekend":
        if ctx.anchor is None:
            return "DATE", UNANCHORED["WE"]
        tense = ctx.tense(m.start())
        k = 0 if ctx.anchor.isoweekday() >= 6 or tense == FUTURE else -1
        return "DATE", A.shift(ctx.anchor, "WE", k)
    if unit == "week" and not m["full"]:
        return "DATE", date_or_x(ctx, "W", 0)
    return "DATE", date_or_x(ctx, "Y" if unit == "year" else "W", 0)


def year_end(m: re.Match[str], ctx: Context) -> Result:
    unit = (m["unit"] or m["unit2"] or m["unit3"]).lower()
    k = {"last": -1, "next": 1}.get(group(m, "det").lower(), 0)
    return "DATE", date_or_x(ctx, "Y" if unit == "year" else "M", k)


def year_ago_adj(m: re.Match[str], ctx: Context) -> Result:
    if ctx.anchor is None:
        return "DATE", "XXXX"
    if m["noun"]:
        y, q = A.shift_quarters(*A.quarter_of(ctx.anchor), -5)
        return "DATE", f"{y}-Q{q}"
    return "DATE", str(ctx.anchor.year - 1)


def fiscal(m: re.Match[str], ctx: Context) -> Result:
    if m["year"]:
        year = year_value(m["year"], ctx)
        return None if year is None else ("DATE", str(year))
    if "year" not in m.group().lower():
        return None
    rel = group(m, "rel").lower()
    if not m["det"] and not rel:
        return None
    k = {"last": -1, "previous": -1, "next": 1, "new": 1}.get(rel, 0)
    return "DATE", date_or_x(ctx, "Y", k)


def decade(m: re.Match[str], ctx: Context) -> Result:
    if m["d4"]:
        return "DATE", m["d4"][:3]
    yy = int(m["d2"])
    ref = ctx.anchor.year if ctx.anchor else 1999
    century = ref // 100 if (ref // 100) * 100 + yy <= ref else ref // 100 - 1
    return "DATE", f"{century}{yy // 10}"


_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


def decade_words(m: re.Match[str], ctx: Context) -> Result:
    d = _DECADE_WORDS[m["dw"].lower()]
    ref = ctx.anchor.year if ctx.anchor else 1999
    century = ref // 100 if (ref // 100) * 100 + d * 10 <= ref else ref // 100 - 1
    return "DATE", f"{century}{d}"


def century(m: re.Match[str], ctx: Context) -> Result:
    n = day_number(m["ord"], ctx.lex)
    if n is None or not 1 <= n <= 22:
        return None
    return "DATE", f"{n - 1:02d}"


def spoken(m: re.Match[str], ctx: Context) -> Result:
    year = spoken_year(m["year"], ctx.lex)
    if year is None or (m["year"].lower().startswith("two") and not m["the"]):
        return None
    return "DATE", str(year)


def year(m: re.Match[str], ctx: Context) -> Result:
    y = int(m["year"])
    if ctx.anchor is not None and y > ctx.anchor.year + 60:
        return None
    if y % 10 == 0 and re.match(r"['’]?s\b", ctx.after(m.end("year"), 3)):
        return None  # "pre-1990s": a decade, for the decade rule
    if not m["pre"]:
        after = ctx.after(m.end(), 12)
        if re.match(r"\s*(?:%|percent\b|per\b|[-–]\d|:\d|\.\d)", after, re.IGNORECASE):
            return None
        if previous_word(ctx, m.start()) in ("no", "number", "flight", "room", "route", "of"):
            if previous_word(ctx, m.start()) != "of":
                return None
        tok = ctx.token_at(m.start("year"))
        if (
            tok is not None
            and tok.dep_ == "nummod"
            and tok.head.tag_ in ("NNS", "NNPS")
            and tok.head.lower_ not in ctx.lex.units
            and not _year_before_noun(tok)
        ):
            return None  # "2000 troops"; but "the 1996 bombing" is a year
    half = _HALF_OF.search(m["pre"] or "")
    if half is not None:  # "the second half of 1989": a half year
        return "DATE", f"{y}-H{1 if half[1] == 'first' else 2}"
    return "DATE", str(y)


def _year_before_noun(tok: Token) -> bool:
    """ "the 1992 protests", "the company's 1989 results", "1990 BellSouth earnings": a
    determiner or possessive before the number, or a name after it, make it a year."""
    doc = tok.doc
    prev = doc[tok.i - 1] if tok.i > 0 else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if prev is not None and (prev.tag_ in ("PRP$", "POS") or prev.lower_ in _DETERMINERS):
        return True
    return nxt is not None and nxt.tag_ == "NNP" and nxt is not tok.head


def year2(m: re.Match[str], ctx: Context) -> Result:
    value = str(two_digit_year(int(m["year"][1:]), ctx.anchor))
    return m.start("year"), m.end("year"), "DATE", value


# --- relative dates -----------------------------------------------------------------


_RELDAY = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}


def relday(m: re.Match[str], ctx: Context) -> Result:
    word = re.sub(r"\s+", " ", m["rd"].lower())
    k = _RELDAY.get(word, -2 if "before" in word else 2)
    pod = ctx.lex.parts_of_day.get(group(m, "pod").lower(), "")
    if word == "tonight":
        pod = "TNI"
    base = date_or_x(ctx, "D", k)
    return ("TIME", base + pod) if pod else ("DATE", base)


def pod(m: re.Match[str], ctx: Context) -> Result:
    if m["mid"] is not None:
        code = ctx.lex.parts_of_day[m["pod2"].lower()]
        return "TIME", date_or_x(ctx, "D", 0) + code
    det = re.sub(r"\s+", " ", m["det"].lower())
    code = ctx.lex.parts_of_day[m["pod"].lower()]
    if det not in _POD_DEICTIC:
        # "that night", "the next morning": known only from a date named before (finder)
        return "TIME", UNANCHORED["D"] + code
    k = _POD_DEICTIC[det]
    if det == "last" and code not in ("TNI", "TEV"):
        return None  # "last morning" is not a news idiom
    return "TIME", date_or_x(ctx, "D", k) + code


def weekday(m: re.Match[str], ctx: Context) -> Result:
    word = m["wd"]
    if not capitalised(m, "wd", ctx) or is_name(ctx, m.start("wd")):
        return None
    n = ctx.lex.weekdays[word.lower()]
    code = ctx.lex.parts_of_day.get(group(m, "pod").lower(), "")
    if m["pl"] or m["pl2"]:
        return "SET", f"XXXX-WXX-{n}{code}"
    rel = re.sub(r"\s+", " ", group(m, "rel").lower())
    rel = {
        "this past": "last",
        "past": "last",
        "the previous": "last",
        "this coming": "next",
        "coming": "next",
        "the following": "next",
    }.get(rel, rel)
    if ctx.anchor is None:
        value = f"XXXX-WXX-{n}"
    else:
        tense = ctx.tense(m.start("wd"))
        value = A.weekday_date(
            ctx.anchor, n, tense, rel if rel in ("last", "next") else ""
        ).isoformat()
    return ("TIME", value + code) if code else ("DATE", value)


def _season_year(a: dt.date, code: str, direction: int) -> int:
    """Year of the last (-1), current (0) or next (+1) season ``code`` seen from ``a``."""
    start = _SEASON_START[code]
    if direction < 0:
        return a.year if start + 3 <= a.month else a.year - 1
    if direction > 0:
        return a.year if start > a.month else a.year + 1
    return a.year


def rel_unit(m: re.Match[str], ctx: Context) -> Result:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    if rel == "that same":
        rel = "the same"
    unit_word = m["unit"].lower()
    season = ctx.lex.seasons.get(unit_word)
    if season is None:
        unit = {"week": "W", "weekend": "WE", "month": "M", "year": "Y", "decade": "DE"}.get(
            unit_word, "CE"
        )
    if ctx.text[m.start("unit")].isupper():
        return None  # a title ("This Week")
    if unit_word == "day":
        if rel not in _NARRATIVE_DAY:
            return None  # "the last day of the talks": an ordinal, not a date
        unit = "D"
    k = {
        "this past": -1,
        "last": -1,
        "the last": -1,
        "the past": -1,
        "past": -1,
        "the previous": -1,
        "previous": -1,
        "next": 1,
        "this coming": 1,
        "coming": 1,
        "the coming": 1,
        "the following": 1,
        "the next": 1,
    }.get(rel, 0)
    if season is not None:
        if ctx.anchor is None:
            return "DATE", f"XXXX-{season}"
        if k == 0 and ctx.tense(m.start()) == PAST:
            k = -1 if _SEASON_START[season] > ctx.anchor.month else 0
        return "DATE", f"{_season_year(ctx.anchor, season, k)}-{season}"
    if rel in ("that", "the same"):
        return "DATE", UNANCHORED.get(unit, "XXXX")  # known only from an earlier date in the text
    return "DATE", date_or_x(ctx, unit, k)


def season(m: re.Match[str], ctx: Context) -> Result:
    code = ctx.lex.seasons[m["season"].lower()]
    if m["year"]:
        y = year_value(m["year"], ctx)
        return None if y is None else ("DATE", f"{y}-{code}")
    if not (m["det"] or m["pre"] or m["pre2"]):
        return None
    if code in ("FA", "SP") and _FALL_NOT.match(ctx.after(m.end(), 8)):
        return None  # "the fall of the city", "the spring in his step"
    if m["det"] and m["det"].lower() == "that":
        return None
    if ctx.anchor is None:
        return "DATE", f"XXXX-{code}"
    k = -1 if ctx.tense(m.start()) == PAST and _SEASON_START[code] > ctx.anchor.month else 0
    return "DATE", f"{_season_year(ctx.anchor, code, k)}-{code}"


def ago(m: re.Match[str], ctx: Context) -> Result:
    if _INSIDE_NUMBER.search(ctx.before(m.start(), 2)):
        return None  # "000 years ago" inside "3,000 years ago"
    unit_word = m["unit"].lower()
    unit = ctx.lex.units[unit_word][0]
    direction = re.sub(r"\s+", " ", m["dir"].lower())
    num_text = group(m, "num")
    if not num_text and not unit_word.endswith("s") and unit_word != "fortnight":
        return None  # "the day before"
    n = number(num_text, ctx.lex) if num_text else None
    if num_text.lower() in ("a", "an") and unit == "S":
        return None
    short = unit in ("S", "MI", "H", "D", "W", "W2", "WE")
    if direction in ("before", "after", "later") or direction == "earlier" and short:
        # relative to another event, not to the publication: only the length is sure
        end = m.end("unit")
        start = m.start("mod") if m["mod"] else m.start("num") if num_text else m.start("unit")
        return start, end, "DURATION", period(n, unit_word, ctx.lex)
    sign = -1 if direction in ("ago", "earlier", "back") else 1
    vague = "PAST_REF" if sign < 0 else "FUTURE_REF"
    if n is None or ctx.anchor is None or n != int(n):
        return "DATE", vague
    k = sign * int(n)
    if not A.within_calendar(ctx.anchor, unit, k):
        return "DATE", vague  # "3,000 years ago": before the years a value can spell
    if unit in ("S", "MI", "H"):
        return "DATE", A.day(ctx.anchor)
    if unit == "DE":
        return "DATE", str(ctx.anchor.year + 10 * k)
    if unit == "CE":
        return "DATE", str(ctx.anchor.year + 100 * k)
    if unit == "W2":
        return "DATE", A.shift(ctx.anchor, "W", 2 * k)
    return "DATE", A.shift(ctx.anchor, unit, k)


def _is_age(m: re.Match[str], ctx: Context) -> bool:
    """ "52 years old", "a 6-year-old": an age, not a time."""
    return bool(re.match(r"(?:-|\s+)old\b", ctx.after(m.end("unit"), 6))) or (
        m.group().lower().endswith("-old")
    )


def duration(m: re.Match[str], ctx: Context) -> Result:
    if _INSIDE_NUMBER.search(ctx.before(m.start(), 2)):
        return None
    num_text = m["num"]
    unit_word = m["unit"].lower()
    unit = ctx.lex.units[unit_word][0]
    n = number(num_text, ctx.lex)
    article = num_text.lower() in ("a", "an")
    if _is_age(m, ctx):
        return None
    if article and unit in ("S", "Q"):
        return None  # "a second round", "a quarter of the vote"
    if unit == "Q" and "-" in m.group() and unit_word.endswith("s"):
        return None  # "three-quarters"
    if re.fullmatch(r"\d{4,}", num_text):
        return None  # "the 1988 quarter" is a year, not 1988 quarters
    if article and not m["det"] and not m["rel"] and _RATE_BEFORE.search(ctx.before(m.start())):
        return "SET", period(1, unit_word, ctx.lex)  # "$500 a month"
    if (
        num_text.lower() == "one"
        and unit_word == "day"
        and not m["det"]
        and not m["rel"]
        and previous_word(ctx, m.start()) in _MODALS
    ):
        return "DATE", "FUTURE_REF"  # "the bridge will one day be rebuilt": some day ahead
    if n is not None and n == 0:
        return None
    if n is not None and m["half"]:
        n += 0.5
    if m["num2"] and number(m["num2"], ctx.lex) is None:
        n = None
    value = period(n, unit_word, ctx.lex)
    if m["ortwo"]:
        if _IN_BEFORE.search(ctx.before(m.start(), 10)) and ctx.tense(m.start()) != PAST:
            return "DATE", "FUTURE_REF"  # "talks may resume in a week or two": some time ahead
        return m.start(), m.start("ortwo"), "DURATION", value  # "lasted a month or two"
    return "DURATION", value


def unit_adj(m: re.Match[str], ctx: Context) -> Result:
    if _is_age(m, ctx):
        return None
    text = m["num"].lower()
    n = None if text in ("several", "multi") else number(text, ctx.lex)
    if n == 0:
        return None
    return "DURATION", period(n, m["unit"], ctx.lex)


def set_(m: re.Match[str], ctx: Context) -> Result:
    q = m["q"].lower()
    if q in ("a", "an") and not m["freq"]:
        return None
    if m["wd"]:
        if not capitalised(m, "wd", ctx) or q not in ("every", "each"):
            return None
        return "SET", f"XXXX-WXX-{ctx.lex.weekdays[m['wd'].lower()]}"
    if m["mon"]:
        mon = _month_number(m, ctx)
        if mon is None or q not in ("every", "each"):
            return None
        return "SET", f"XXXX-{mon:02d}"
    n = number(m["num"], ctx.lex) if m["num"] else 1.0
    if m["other"]:
        n = 2.0 if n is not None else None
    return "SET", period(n, m["unit"], ctx.lex)


_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]")


def set_word(m: re.Match[str], ctx: Context) -> Result:
    if _NAME_AFTER.match(ctx.text, m.end()) and m["w"].lower() == "daily":
        return None  # "the party daily Granma": a newspaper
    return "SET", ctx.lex.sets[m["w"].lower()]


def unit_long(m: re.Match[str], ctx: Context) -> Result:
    """ "a day-long meeting" (P1D), "a decades-long feud" (an unspecified number of decades)."""
    word = m["unit"].lower()
    n = None if word.endswith("s") else 1.0  # plural: some number of them
    return "DURATION", period(n, word, ctx.lex)


def bare_plural(m: re.Match[str], ctx: Context) -> Result:
    return m.start("unit"), m.end("unit"), "DURATION", period(None, m["unit"], ctx.lex)


def recent_units(m: re.Match[str], ctx: Context) -> Result:
    if m["r"].lower() == "coming":
        return "DATE", "FUTURE_REF"
    return "DURATION", period(None, m["unit"], ctx.lex)


def holiday_date(year: int, spec: tuple[int, int, int, int, int]) -> dt.date | None:
    """The date of a holiday in ``year``: a fixed day, the n-th / last weekday of a month, or
    days from Easter Sunday (month 0); plus its days after ("Election Day": the Tuesday after
    the first Monday of November)."""
    mon, dom, isoday, nth, after = spec
    if mon == 0:
        return easter(year) + dt.timedelta(days=after)
    if dom:
        return A.safe_date(year, mon, dom)
    if nth > 0:
        first = dt.date(year, mon, 1)
        day = first + dt.timedelta(days=(isoday - first.isoweekday()) % 7 + 7 * (nth - 1))
    else:
        y, m = A.shift_months(year, mon, 1)
        last = dt.date(y, m, 1) - dt.timedelta(days=1)
        day = last - dt.timedelta(days=(last.isoweekday() - isoday) % 7)
    return day + dt.timedelta(days=after)


def holiday(m: re.Match[str], ctx: Context) -> Result:
    if not capitalised(m, "h", ctx):
        return None
    spec = ctx.lex.holidays[re.sub(r"\s+", " ", m["h"].lower())]
    # "Easter week", "Christmas weekend": the (ISO) week, or its weekend, the holiday falls in
    week = group(m, "wk").lower()
    suffix = "-WE" if week == "weekend" else ""
    a = ctx.anchor
    rel = group(m, "rel").lower()
    if m["y"]:
        year = int(m["y"])  # "Christmas 1998", "Easter, 1916"
    elif a is None:
        if week:
            return "DATE", "XXXX-WXX" + suffix
        if spec[0] == 0 or spec[4]:
            return "DATE", "XXXX-XX-XX"
        return "DATE", f"XXXX-{spec[0]:02d}-{spec[1]:02d}" if spec[1] else f"XXXX-{spec[0]:02d}"
    else:
        this_year = holiday_date(a.year, spec)
        if this_year is None:
            return None
        if rel == "last":
            year = a.year if this_year < a else a.year - 1
        elif rel == "next":
            year = a.year if this_year > a else a.year + 1
        elif rel == "this":
            year = a.year
        else:
            year = A.year_for_month_day(a, this_year.month, this_year.day, ctx.tense(m.start()))
    d = holiday_date(year, spec)
    if d is None:
        return None
    return "DATE", A.week(d) + suffix if week else d.isoformat()


def vague(m: re.Match[str], ctx: Context) -> Result:
    phrase = re.sub(r"\s+", " ", m["v"].lower())
    if phrase == "soon" and (
        re.search(r"\bas\s+$", ctx.before(m.start(), 5), re.I)
        or re.match(r"\s+(?:after|before|as)\b", ctx.after(m.end(), 8), re.I)
    ):
        return None  # "as soon as", "soon after the vote": a conjunction, not a time
    if phrase == "soon" and ctx.tense(m.start()) == PAST:
        return None  # "he was soon released": soon after another event, not after publication
    return ctx.lex.vague[phrase]


def clock(m: re.Match[str], ctx: Context) -> Result:
    word = m["clock"].lower()
    if word == "noon" and previous_word(ctx, m.start("clock")) == "high":
        return None  # "high noon": a figure of speech
    if word == "noon" or word == "midday":
        hh, mm = 12, 0
    elif word == "midnight":
        hh, mm = 24, 0
    elif m["h3"] is not None:  # "4 in the morning", "8 in the evening"
        hh, mm = int(m["h3"]), int(m["mi3"] or 0)
        hh = hh % 12 + (0 if m["pod3"].lower() == "morning" else 12)
    elif m["h"] is not None:
        hh, mm = int(m["h"]), int(m["mi"] or 0)
        if not 1 <= hh <= 12:
            return None
        pm = m["ampm"].lower().startswith("p")
        hh = hh % 12 + (12 if pm else 0)
    else:
        hh, mm = int(m["h2"]), int(m["mi2"])
    ref = m["dref"] or m["dpre"]
    date_value: str | None
    if not ref:
        date_value = date_or_x(ctx, "D", 0)
    elif ref.lower() in _RELDAY:
        date_value = date_or_x(ctx, "D", _RELDAY[ref.lower()])
    elif ref.lower() in ctx.lex.weekdays:
        n = ctx.lex.weekdays[ref.lower()]
        if ctx.anchor is None:
            date_value = f"XXXX-WXX-{n}"
        else:
            date_value = A.weekday_date(ctx.anchor, n, ctx.tense(m.start())).isoformat()
    else:
        found = month_day(m, ctx)
        if found is None:
            return None
        date_value = found[-1]  # type: ignore[index]
    return "TIME", f"{date_value}T{hh:02d}:{mm:02d}"


NORMALISERS: dict[str, Normaliser] = {
    "iso": iso,
    "slash": slash,
    "clock": clock,
    "mdy": month_day,
    "dmy": month_day,
    "month_rel_year": month_rel_year,
    "month_year": month_year,
    "month": month,
    "quarter": quarter,
    "quarter_rel": quarter_rel,
    "the_unit": the_unit,
    "year_end": year_end,
    "year_ago_adj": year_ago_adj,
    "fiscal": fiscal,
    "decade": decade,
    "decade_words": decade_words,
    "century": century,
    "spoken_year": spoken,
    "year": year,
    "year2": year2,
    "relday": relday,
    "pod": pod,
    "weekday": weekday,
    "rel_unit": rel_unit,
    "season": season,
    "ago": ago,
    "duration": duration,
    "unit_adj": unit_adj,
    "set": set_,
    "set_word": set_word,
    "unit_long": unit_long,
    "bare_plural": bare_plural,
    "recent_units": recent_units,
    "holiday": holiday,
    "vague": vague,
}
