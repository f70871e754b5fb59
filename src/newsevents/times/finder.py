"""Finding the expressions: trigger words, windows, pattern matches, overlap resolution."""

from __future__ import annotations

import bisect
import datetime as dt
import re

from spacy.tokens import Doc

from ..schema import Time
from . import anchor as A
from .grammar import Grammar, grammar_for
from .lexicon import TimeLexicon, default_time_lexicon
from .rules import NORMALISERS, Context, Found


def find_times(doc: Doc, *, lexicon: TimeLexicon | None = None) -> list[Time]:
    """The temporal expressions of ``doc`` anchored at ``doc._.ne_published``."""
    published = doc._.ne_published if doc.has_extension("ne_published") else None
    return find_times_in_text(doc.text, published, lexicon=lexicon, doc=doc)


def find_times_in_text(
    text: str,
    published: dt.date | None,
    *,
    lexicon: TimeLexicon | None = None,
    doc: Doc | None = None,
) -> list[Time]:
    """Like :func:`find_times` for a plain text; ``doc`` (its parse) refines tense and names."""
    lex = lexicon if lexicon is not None else default_time_lexicon()
    if published is not None and not 1000 <= published.year <= 9000:
        published = None  # calendar arithmetic near year 1 or 9999 would overflow
    ctx = Context(text=text, anchor=published, lex=lex, doc=doc)
    found = _select(_candidates(grammar_for(lex), ctx))
    found = _refer_to_narrative(_refer_to_quarters(found, text), text, lex)
    found = _join_neighbours(found, text, published)
    found = _one_day_per_weekday(found, text, published, lex)
    return [
        Time(f"T{i}", f.start, f.end, text[f.start : f.end], f.type, f.value)  # type: ignore[arg-type]
        for i, f in enumerate(found, start=1)
    ]


_TOKEN = re.compile(r"['’]?\d+|[a-z]+")
_BACK, _FORWARD = 48, 64  # window around a trigger word, in characters


def _scan(
    grammar: Grammar, src: str
) -> tuple[dict[int, list[tuple[int, int]]], dict[int, list[int]]]:
    """For each rule, the merged text windows around the words that can trigger it, and
    the offsets of the words a match of it may begin with (the only places tried).

    ``src`` is the lower-cased text. List comprehensions keep the per-word work in C.
    """
    toks = [(m.start(), m.group()) for m in _TOKEN.finditer(src)]
    keys = [t if t[0].isalpha() else ("#" if t[0].isdigit() else "'") for _, t in toks]
    words, numbers, n = grammar.triggers, grammar.number_triggers, len(src)
    hits = [(toks[i][0], len(toks[i][1]), words[k]) for i, k in enumerate(keys) if k in words]
    for i in [i for i, k in enumerate(keys) if k == "#" or k == "'"]:
        begin, tok = toks[i]
        digits = tok.lstrip("'’")
        if len(digits) == 4 and 1000 <= int(digits) <= 2199 and tok == digits:
            hits.append((begin, 4, numbers["year4"]))
        elif len(digits) == 2 and tok != digits:
            hits.append((begin, 3, numbers["year2"]))
        elif len(digits) <= 2 and src[begin + len(tok) : begin + len(tok) + 1] in (":", "/"):
            hits.append((begin, len(tok), numbers["small"]))
    hits.sort()
    spans: dict[int, list[tuple[int, int]]] = {}
    for begin, length, rules in hits:
        lo, hi = max(0, begin - _BACK), min(n, begin + length + _FORWARD)
        for r in rules:
            out = spans.setdefault(r, [])
            if out and lo <= out[-1][1]:
                out[-1] = (out[-1][0], hi)
            else:
                out.append((lo, hi))
    starters = grammar.starters
    begins: dict[int, list[int]] = {}
    for (begin, _), key in zip(toks, keys, strict=True):
        for r in starters.get(key, ()):
            if r in spans:
                begins.setdefault(r, []).append(begin)
    return spans, begins


def _candidates(grammar: Grammar, ctx: Context) -> list[tuple[int, Found]]:
    out: list[tuple[int, Found]] = []
    text = ctx.text
    low = text.lower()
    if len(low) != len(text):  # rare ("İ" lower-cases to two characters): mask such characters
        low = "".join(c if len(c.lower()) == 1 else "_" for c in text).lower()
    windows, begins = _scan(grammar, low)
    for priority, spans in sorted(windows.items()):
        starts = begins.get(priority)
        if not starts:
            continue
        name, pattern = grammar.rules[priority]
        normalise = NORMALISERS[name]
        for lo, hi in spans:
            # every word start is tried, also inside an earlier match of the same rule: if
            # that match loses to an overlapping one, its tail may still stand alone
            for i in range(bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)):
                m = pattern.match(low, starts[i])
                if m is None:
                    continue
                result = normalise(m, ctx)
                if result is None:
                    continue
                if len(result) == 4:
                    start, end, kind, value = result  # type: ignore[misc]
                else:
                    (kind, value), start, end = result, m.start(), m.end()  # type: ignore[misc]
                if end > start:
                    out.append((priority, Found(start, end, kind, value, name)))
    return out


_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_YEAR_BACK = re.compile(
    r"\b(?:a|one)\s+year\s+(?:earlier|ago|before)|\byear-(?:ago|earlier)\b", re.I
)


def _refer_to_quarters(found: list[Found], text: str) -> list[Found]:
    """ "Profit rose in the third quarter from a year earlier": a year back from a quarter
    named just before (or later in the same sentence) is that quarter a year back."""
    out: list[Found] = []
    last_quarter: tuple[int, Found] | None = None
    for i, f in enumerate(found):
        if _QUARTER.match(f.value) and not _YEAR_BACK.search(text, f.start, f.end):
            last_quarter = (i, f)  # a quarter named outright, not itself "a year back"
        if (
            f.type == "DATE"
            and _YEAR_BACK.search(text, f.start, f.end)
            and not _QUARTER.match(f.value)
        ):
            ref = None
            if last_quarter is not None and f.start - last_quarter[1].end < 600:
                ref = last_quarter[1]
            else:
                sentence_end = text.find(". ", f.end)
                for g in found[i + 1 :]:
                    if sentence_end != -1 and g.start > sentence_end:
                        break
                    if _QUARTER.match(g.value):
                        ref = g
                        break
            if ref is not None:
                m = _QUARTER.match(ref.value)
                assert m is not None
                f = Found(f.start, f.end, f.type, f"{int(m[1]) - 1}-Q{m[2]}", f.rule)
        out.append(f)
    return out


_NARRATIVE = re.compile(
    r"\b(that\s+same|that|the\s+same|the\s+following|the\s+next|the\s+previous|next)\s+"
    r"(day|week|month|year)\b",
    re.IGNORECASE,
)
_NARRATIVE_POD = re.compile(
    r"\b(that|the\s+following|the\s+next|the\s+previous)\s+[a-z]+$", re.IGNORECASE
)
_WORD = re.compile(r"[A-Za-z]+")
_NARRATIVE_WEEKDAY = re.compile(r"the\s+(previous|following)\s+", re.IGNORECASE)
_UNIT_AROUND = re.compile(r"\b(year|week)\s+(before|after|earlier|later)$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"\s*(?:[.,;:)!?'\"”’]|$)")
_NO_YEAR = frozenset({"month", "weekday"})  # references whose year is only a guess
_EXPLICIT = frozenset(
    "iso slash mdy dmy month_year month_rel_year month year spoken_year holiday weekday".split()
)
_YEAR_REFS = frozenset({"rel_unit", "ago"})  # "last year", "two years ago": a year to count from
_CALENDAR = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?$")
_REFERENCE_REACH = 1500  # characters a narrative reference ("that year") may look back


def _refer_to_narrative(found: list[Found], text: str, lex: TimeLexicon) -> list[Found]:
    """ "In June 1998 he returned; later that year he was jailed": "that year", "the next
    day", "the following month" count from the last date the text named, not from the
    publication date (when the text named one shortly before)."""
    out: list[Found] = []
    ref: tuple[re.Match[str], int] | None = None
    ref_year: tuple[re.Match[str], int] | None = None
    for f in found:
        rel = _NARRATIVE.search(text, f.start, f.end) if f.rule == "rel_unit" else None
        if rel is not None and rel.group(1).lower() == "next" and rel.group(2).lower() != "day":
            rel = None  # "next week" counts from the publication; only "next day" is narrative
        near = ref is not None and f.start - ref[1] <= _REFERENCE_REACH
        near_year = ref_year is not None and f.start - ref_year[1] <= _REFERENCE_REACH
        # "arriving in May and June of that year": a month or weekday named without its
        # year says nothing about the year, so "that year" looks further back
        year_base = ref_year[0] if ref_year is not None and (near or near_year) else None
        day_base = ref[0] if ref is not None and near else None
        bases = {"year": year_base or day_base}
        base = bases.get(rel.group(2).lower(), day_base) if rel is not None else None
        if rel is not None and base is not None:
            value = _from_reference(base, rel.group(1).lower(), rel.group(2).lower())
            if value is not None:
                f = Found(f.start, f.end, f.type, value, f.rule)
        around = _UNIT_AROUND.search(text, f.start, f.end) if f.rule == "the_unit" else None
        base = bases.get(around[1].lower(), day_base) if around is not None else None
        if around is not None and base is not None and _CLAUSE_END.match(text, f.end):
            # "sales fell from the year before.": one unit away from the date named before
            rel_word = "the previous" if around[2].lower() in ("before", "earlier") else "the next"
            value = _from_reference(base, rel_word, around[1].lower())
            if value is not None:
                f = Found(f.start, f.end, f.type, value, f.rule)
        pod = _NARRATIVE_POD.search(text, f.start, f.end) if f.rule == "pod" else None
        if pod is not None and ref is not None and near and f.value.startswith("XXXX-XX-XXT"):
            rel_word = re.sub(r"\s+", " ", pod.group(1).lower())
            value = _from_reference(ref[0], rel_word, "day")
            if value is not None:  # "the next morning": the day after the date named before
                f = Found(f.start, f.end, f.type, value + f.value[10:], f.rule)
        wd = _NARRATIVE_WEEKDAY.match(text, f.start) if f.rule == "weekday" else None
        if wd is not None and ref is not None and near and ref[0][3] is not None:
            # "down 4.5% from the previous Friday": the Friday before the day named before
            base = A.safe_date(int(ref[0][1]), int(ref[0][2]), int(ref[0][3]))
            word = _WORD.match(text, wd.end())
            isoday = lex.weekdays.get(word.group().lower()) if word is not None else None
            if base is not None and isoday is not None:
                rel = "last" if wd[1].lower() == "previous" else "next"
                day = A.weekday_date(base, isoday, "", rel)
                f = Found(f.start, f.end, f.type, day.isoformat() + f.value[10:], f.rule)
        cal = _CALENDAR.match(f.value)
        if f.rule in _EXPLICIT and cal is not None:
            ref = (cal, f.end)
            if f.rule not in _NO_YEAR:
                ref_year = ref
        elif f.rule in _YEAR_REFS and cal is not None and cal[2] is None:
            ref_year = (
                cal,
                f.end,
            )  # "$300 million last year, down from $450 million the year before"
        out.append(f)
    return out


def _from_reference(cal: re.Match[str], rel: str, unit: str) -> str | None:
    rel = re.sub(r"\s+", " ", rel)
    k = 0 if rel in ("that", "the same", "that same") else -1 if rel == "the previous" else 1
    year = int(cal[1])
    if unit == "year":
        return f"{year + k:04d}"
    if cal[2] is None:
        return None
    if unit == "month":
        return A.month(*A.shift_months(year, int(cal[2]), k))
    if cal[3] is None:
        # "in October ... that same day": some day of that month
        return f"{year:04d}-{cal[2]}-XX" if unit == "day" and k == 0 else None
    day = A.safe_date(year, int(cal[2]), int(cal[3]))
    if day is None:
        return None
    return A.shift(day, "D" if unit == "day" else "W", k)


_FULL_DATE = re.compile(r"^\d{4}-\d\d-\d\d$")
_DAY_AROUND = re.compile(r"\b(?:the\s+)?day\s+(before|after)\s+(?:on\s+)?$", re.IGNORECASE)
_WEEK_OF = re.compile(r"\s+of\s+$")
_THE_WEEK = re.compile(r"^the\s+week$", re.IGNORECASE)
# "(0735 GMT) Friday", ", Friday", " on Friday": a clock time's own day named right after it
_TIME_THEN_DAY = re.compile(r"^\s*(?:\([^()]{0,30}\)\s*)?,?\s*(?:on\s+)?$")
_OPEN_PAREN = re.compile(r"^\s*\(\s*$")
# "April 24 and 25", "March 3 or 4": a second day of the same month
_SECOND_DAY = re.compile(
    r"\s+(?:and|or|to|through)\s+(\d{1,2})(?:st|nd|rd|th)?\b"
    r"(?![.,]\d)(?!,?\s+\d{4}\b)(?!\s*(?:%|percent|pct|per|mln|million|billion|thousand|hundred|dollars|dlrs"
    r"|years?|months?|weeks?|days?|hours?|minutes?|people|points?|cents?|[a-z]+-)\b)"
)


def _join_neighbours(found: list[Found], text: str, published: dt.date | None) -> list[Found]:
    """Expressions that lean on a neighbour: "the week of March 6" (that date's week),
    "10:35 a.m. (0735 GMT) Friday" (the time on that day), "April 24 and 25" (the 25th)."""
    out: list[Found] = []
    n = len(found)
    skip = -1
    for i, f in enumerate(found):
        if i == skip:
            continue
        nxt = found[i + 1] if i + 1 < n else None
        gap = text[f.end : nxt.start] if nxt is not None else ""
        if (
            nxt is not None
            and _FULL_DATE.match(nxt.value)
            and _THE_WEEK.match(text[f.start : f.end])
            and _WEEK_OF.match(gap)
        ):
            day = dt.date.fromisoformat(nxt.value)
            out.append(Found(f.start, nxt.end, "DATE", A.shift(day, "W", 0), f.rule))
            skip = i + 1
            continue
        if (
            nxt is not None
            and _QUARTER.match(f.value)
            and _QUARTER.match(nxt.value)
            and not gap.strip()
            and _YEAR_BACK.fullmatch(text, nxt.start, nxt.end)
        ):
            # "the quarter a year ago": one expression, that quarter a year back
            out.append(Found(f.start, nxt.end, "DATE", nxt.value, f.rule))
            skip = i + 1
            continue
        if (
            nxt is not None
            and f.type == "TIME"
            and _FULL_DATE.match(nxt.value)
            and len(f.value) > 10
            and f.value[10] == "T"
            and published is not None
            and f.value[:10] == published.isoformat()
            and _TIME_THEN_DAY.match(gap)
        ):
            f = Found(f.start, f.end, f.type, nxt.value + f.value[10:], f.rule)
        if (
            nxt is not None
            and f.type == nxt.type == "TIME"
            and published is not None
            and f.value[:10] == published.isoformat()
            and _FULL_DATE.match(nxt.value[:10])
            and f.value[10:] == nxt.value[10:]
            and _OPEN_PAREN.match(gap)
        ):
            # "at 4 in the morning (4 a.m. EDT Thursday)": the same clock time, restated
            # with its day in brackets
            f = Found(f.start, f.end, f.type, nxt.value, f.rule)
        if _FULL_DATE.match(f.value):
            lead = _DAY_AROUND.search(text, max(0, f.start - 24), f.start)
            if lead is not None and (not out or out[-1].end <= lead.start()):
                # "the day before last Tuesday's hearing": that date, one day earlier
                k = -1 if lead[1].lower() == "before" else 1
                day = dt.date.fromisoformat(f.value)
                f = Found(lead.start(), f.end, "DATE", A.shift(day, "D", k), f.rule)
        out.append(f)
        m = _SECOND_DAY.match(text, f.end) if _FULL_DATE.match(f.value) else None
        if m is not None and (nxt is None or nxt.start >= m.end()):
            year, month, day = (int(x) for x in f.value.split("-"))
            second = A.safe_date(year, month, int(m[1]))
            if second is not None and second.day > day:
                out.append(Found(m.start(1), m.end(1), "DATE", second.isoformat(), f.rule))
    return out


# "Tuesday", "early Tuesday", "later on Tuesday" (not "last Tuesday", "the previous Tuesday")
_BARE_WEEKDAY = re.compile(r"(?:(?:early|late|earlier|later)\s+(?:on\s+)?)?([A-Za-z]+)", re.I)


def _one_day_per_weekday(
    found: list[Found], text: str, published: dt.date | None, lex: TimeLexicon
) -> list[Found]:
    """A weekday named bare more than once in one news text ("Tuesday", "Tuesday morning")
    is one day: when the readings (each from its own clause's tense) disagree, all take the
    one most of them gave, and on a tie the one nearest the publication date. "next
    Tuesday", "the previous Friday" are other days and are left alone."""
    if published is None:
        return found
    by_day: dict[int, list[int]] = {}
    for i, f in enumerate(found):
        word = _BARE_WEEKDAY.match(text, f.start) if f.rule == "weekday" else None
        isoday = lex.weekdays.get(word[1].lower()) if word is not None else None
        if isoday is not None and _FULL_DATE.match(f.value[:10]):
            by_day.setdefault(isoday, []).append(i)
    out = list(found)
    for idx in by_day.values():
        dates = [found[i].value[:10] for i in idx]
        if len(set(dates)) < 2:
            continue
        best = min(
            set(dates),
            key=lambda d: (
                -dates.count(d),
                abs((dt.date.fromisoformat(d) - published).days),
            ),
        )
        for i in idx:
            f = found[i]
            out[i] = Found(f.start, f.end, f.type, best + f.value[10:], f.rule)
    return out


def _select(cands: list[tuple[int, Found]]) -> list[Found]:
    """Longest first (then the earlier rule), dropping anything overlapping a kept one."""
    cands.sort(key=lambda c: (c[1].start - c[1].end, c[0], c[1].start))
    taken: list[Found] = []
    for _, f in cands:
        if all(f.end <= t.start or f.start >= t.end for t in taken):
            taken.append(f)
    taken.sort(key=lambda f: f.start)
    return taken
