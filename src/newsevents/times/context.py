"""What the normalisers share: the match context (text, anchor, parse) and number/date helpers."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from . import anchor as A
from .anchor import FUTURE, PAST, PRESENT, UNANCHORED
from .lexicon import TimeLexicon
from .tense import clause_tense, governing_verb

_AHEAD_CUE = re.compile(r"\b(?:until|till|as\s+(?:early|soon)\s+as)\s+(?:on\s+)?$", re.IGNORECASE)
_BY_CUE = re.compile(r"\bby\s+$", re.IGNORECASE)
_UNTIL_CUE = re.compile(r"\b(?:until|till)\s+(?:on\s+)?$", re.IGNORECASE)
_SPLIT = re.compile(r"[\s-]+")
_NAMES = ("PERSON", "ORG", "WORK_OF_ART", "FAC", "PRODUCT", "EVENT", "NORP")


@dataclass(frozen=True, slots=True)
class Found:
    """One normalised expression before ids are given."""

    start: int
    end: int
    type: str
    value: str
    rule: str = ""


@dataclass(slots=True)
class Context:
    """What a normaliser may look at: the text, the anchor date, the words, the parse."""

    text: str
    anchor: dt.date | None
    lex: TimeLexicon
    doc: Doc | None = None
    _starts: list[int] | None = field(default=None, repr=False)

    def token_at(self, char: int) -> Token | None:
        """The spaCy token covering character ``char`` (None without a doc)."""
        if self.doc is None or len(self.doc) == 0:
            return None
        if self._starts is None:
            self._starts = self.doc.to_array("IDX").tolist()  # one C call, not a token loop
        i = bisect.bisect_right(self._starts, char) - 1
        return self.doc[max(i, 0)]

    def tense(self, char: int) -> str:
        """The tense of the clause at ``char``; "until", "as early as" point ahead."""
        tok = self.token_at(char)
        lex = self.lex
        tense = (
            clause_tense(tok, lex.ahead_verbs, lex.schedule_verbs) if tok is not None else PRESENT
        )
        before = self.before(char, 16)
        if tense != PAST and (_AHEAD_CUE.search(before) or _BY_CUE.search(before)):
            return FUTURE
        if tense == PAST and tok is not None and _UNTIL_CUE.search(before):
            verb = governing_verb(tok)
            if verb is not None and verb.lemma_ in self.lex.defer_verbs:
                return FUTURE  # "postponed the vote until Tuesday"
        return tense

    def before(self, start: int, n: int = 24) -> str:
        return self.text[max(0, start - n) : start]

    def after(self, end: int, n: int = 24) -> str:
        return self.text[end : end + n]


def number(text: str, lex: TimeLexicon) -> float | None:
    """The value of a number phrase ("three", "twenty-four", "2 1/2", "1,000"); None = vague."""
    t = text.lower().strip()
    half = 0.0
    if t.endswith("and a half"):
        t, half = t[: -len("and a half")].strip(), 0.5
    if t.endswith(" 1/2"):
        t, half = t[:-4].strip(), 0.5
    t = re.sub(r"\s+", " ", t)
    if re.fullmatch(r"[\d,]+(\.\d+)?", t):
        return float(t.replace(",", "")) + half
    if t in lex.numbers:
        v = lex.numbers[t]
        return None if v == "X" else float(v) + half
    total = 0.0
    for part in _SPLIT.split(t):
        v = lex.numbers.get(part)
        if v is None or v == "X":
            return None
        if float(v) in (100.0, 1000.0) and total:
            total *= float(v)  # "two thousand", "twenty-five hundred"
        else:
            total += float(v)
    return total + half


def fmt(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


_SMALLER = {"Y": (12, "M"), "W": (7, "D"), "D": (24, "TH"), "TH": (60, "TM"), "TM": (60, "TS")}


def period(n: float | None, unit_word: str, lex: TimeLexicon) -> str:
    """ISO 8601 duration for ``n`` units ("three hours" -> PT3H, "a decade" -> P10Y)."""
    unit, letter = lex.units[unit_word.lower()]
    scale = {"DE": 10, "CE": 100, "W2": 2, "WE": 2}.get(unit, 1)
    if unit == "WE":
        letter = "D"
    if n is None:
        return f"PTX{letter[1]}" if letter.startswith("T") else f"PX{letter}"
    n *= scale
    parts = [(n, letter)]
    if n != int(n) and letter in _SMALLER:  # 2 1/2 years -> P2Y6M
        factor, smaller = _SMALLER[letter]
        rest = (n - int(n)) * factor
        if rest == int(rest):
            parts = [(int(n), letter), (rest, smaller)] if int(n) else [(rest, smaller)]
    date_part = "".join(f"{fmt(v)}{u}" for v, u in parts if not u.startswith("T"))
    time_part = "".join(f"{fmt(v)}{u[1]}" for v, u in parts if u.startswith("T"))
    return "P" + date_part + ("T" + time_part if time_part else "")


def two_digit_year(yy: int, anchor: dt.date | None) -> int:
    """'98 -> 1998, '05 -> 2005: the century that puts the year no later than ten years ahead."""
    ref = anchor.year if anchor is not None else 2030
    year = (ref // 100) * 100 + yy
    return year - 100 if year > ref + 10 else year


def spoken_year(text: str, lex: TimeLexicon) -> int | None:
    """ "nineteen ninety-six" -> 1996, "two thousand and three" -> 2003."""
    words = [w for w in _SPLIT.split(text.lower()) if w and w != "and"]
    if len(words) >= 2 and words[0] == "two" and words[1] == "thousand":
        rest = number(" ".join(words[2:]), lex) if words[2:] else 0.0
        return None if rest is None else 2000 + int(rest)
    head = lex.numbers.get(words[0])
    if head is None or head == "X":
        return None
    if words[1:] == ["hundred"]:
        return int(head) * 100
    rest_words = words[2:] if words[1] == "oh" else words[1:]
    rest = number(" ".join(rest_words), lex)
    return None if rest is None else int(head) * 100 + int(rest)


def year_value(text: str, ctx: Context) -> int | None:
    t = text.strip()
    if t[0] in "'’":
        return two_digit_year(int(t[1:]), ctx.anchor)
    if t.isdigit():
        return int(t)
    return spoken_year(t, ctx.lex)


def day_number(text: str, lex: TimeLexicon) -> int | None:
    t = text.lower()
    if t in lex.ordinals:
        return lex.ordinals[t]
    digits = re.match(r"\d+", t)
    return int(digits.group()) if digits else None


def capitalised(m: re.Match[str], group: str, ctx: Context) -> bool:
    """The original text of ``group`` starts with a capital (matches run on lower case)."""
    return ctx.text[m.start(group) : m.start(group) + 1].isupper()


def is_name(ctx: Context, start: int) -> bool:
    """spaCy reads the word at ``start`` as part of a name or as a verb/modal."""
    tok = ctx.token_at(start)
    if tok is None:
        return False
    return tok.ent_type_ in _NAMES or tok.tag_ == "MD" or tok.pos_ == "VERB"


def previous_word(ctx: Context, start: int) -> str:
    m = re.search(r"([A-Za-z]+)[^A-Za-z]*$", ctx.before(start, 20))
    return m.group(1).lower() if m else ""


def date_or_x(ctx: Context, unit: str, k: int) -> str:
    return A.shift(ctx.anchor, unit, k) if ctx.anchor is not None else UNANCHORED[unit]


def group(m: re.Match[str], name: str) -> str:
    """Group ``name`` of ``m``, or "" when it did not take part (or the pattern lacks it)."""
    if name not in m.re.groupindex:
        return ""
    return m.group(name) or ""
