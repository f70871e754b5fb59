"""The regular expressions of the times stage, built from the word lists.

The word lists (month names, numbers, units …) are data (``data/times``); this module
only says how they combine into expressions, one named pattern per kind of expression.
Patterns are matched on a lower-cased copy of the text of the same length (characters
whose lower case is longer are masked), so offsets are exact; rules that need capitals
(month names) check the original text in ``rules.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import TimeLexicon


def _alt(words: object) -> str:
    """A regex alternation, longest first, spaces matching any run of white space."""
    items = sorted(set(words), key=lambda w: (-len(w), w))  # type: ignore[call-overload]
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


@dataclass(frozen=True, slots=True)
class Grammar:
    """Compiled patterns, in priority order (an earlier rule wins a tie on length).

    Matching every pattern over the whole text is slow, so ``triggers`` maps each word a
    match must contain (lower case) to the rules it can start; the finder runs a rule only
    in windows around its trigger words. Numbers trigger by shape (``number_triggers``).
    """

    rules: tuple[tuple[str, re.Pattern[str]], ...]  # matched on lower-cased text
    triggers: dict[str, tuple[int, ...]]
    number_triggers: dict[str, tuple[int, ...]]
    first: tuple[frozenset[str], ...]  # words a match of each rule may begin with ("#": digits)
    starters: dict[str, tuple[int, ...]]  # the inverse of ``first``: word -> rules it may begin


# Which kinds of word can trigger which rule (the words themselves come from the lexicon).
_TRIGGERS: dict[str, tuple[str, ...]] = {
    "month": ("mdy", "dmy", "month_rel_year", "month_year", "month", "set", "clock", "holiday"),
    "weekday": ("weekday", "clock", "mdy", "dmy", "set"),
    "unit": (
        "ago",
        "duration",
        "unit_adj",
        "set",
        "bare_plural",
        "rel_unit",
        "quarter_rel",
        "year_ago_adj",
        "fiscal",
        "century",
        "vague",
        "quarter",
        "the_unit",
        "year_end",
        "recent_units",
        "unit_long",
    ),
    "period": ("quarter_rel",),
    "season": ("season", "rel_unit"),
    "recent": ("recent_units",),
    "pod": ("pod", "relday", "weekday", "clock"),
    "relday": ("relday", "clock", "pod"),
    "clockword": ("clock",),
    "half": ("quarter",),
    "fiscal": ("fiscal", "quarter"),
    "decadeword": ("decade_words",),
    "spoken": ("spoken_year", "mdy", "dmy", "month_year", "season"),
    "setword": ("set_word",),
    "holiday": ("holiday",),
    "vague": ("vague",),
    # number shapes
    "year4": (
        "year",
        "iso",
        "mdy",
        "dmy",
        "month_year",
        "quarter",
        "decade",
        "fiscal",
        "season",
        "slash",
        "clock",
    ),
    "year2": ("year2", "decade", "mdy", "dmy", "month_year", "slash"),
    "small": ("clock", "slash"),
}
# The words a match of each rule can begin with, by kind; "#" = a number, "'" = apostrophe.
_FIRST: dict[str, str] = {
    "iso": "#",
    "slash": "#",
    "clock": "qmod shortly just weekday relday # noon midnight midday",
    "mdy": "weekday month last this next",
    "dmy": "weekday the # ordinal",
    "month_rel_year": "month",
    "month_year": "premod month",
    "month": "rel premod month",
    "quarter": "the its this last next that a fiscal calendar ordinal #",
    "quarter_rel": "the this that last next latest current previous past coming year same "
    "comparable recent prior quarter period #",
    "the_unit": "the",
    "year_end": "around about the year month end",
    "year_ago_adj": "the year",
    "fiscal": "the current latest last next this new previous fiscal",
    "decade": "the early mid late # '",
    "decade_words": "the",
    "century": "the # ordinal",
    "spoken_year": "the nineteen eighteen twenty two",
    "year": "premod pre post #",
    "year2": "in of since until by class",
    "relday": "early late earlier later the relday",
    "pod": "early late later earlier this last tomorrow yesterday mid that the",
    "weekday": "rel early late earlier later weekday the",
    "rel_unit": "early late earlier later the mid rel that previous",
    "season": "early late mid the that season",
    "ago": "qmod number # unit",
    "duration": "the each all past last next first previous coming following final remaining "
    "latest initial ensuing recent qmod number #",
    "unit_adj": "# number several multi",
    "set": "once twice thrice number # every each per a an",
    "set_word": "setword",
    "unit_long": "unit",
    "bare_plural": "for over within in took take takes taking lasted last lasting spent spend",
    "holiday": "holiday",
    "recent_units": "recent past coming",
    "vague": "vague",
}
_STOP = frozenset({"the", "a", "an", "in", "at", "to", "of", "or", "so", "right", "more", "these"})


def build_grammar(lex: TimeLexicon) -> Grammar:
    """Compile the patterns for the word lists in ``lex``."""
    nums = lex.numbers
    ones = [w for w, v in nums.items() if v.isdigit() and 1 <= int(v) <= 9 and " " not in w]
    ones = [w for w in ones if w not in ("a", "an")]
    tens = [w for w, v in nums.items() if v.isdigit() and 20 <= int(v) <= 90 and int(v) % 10 == 0]
    teens = [w for w, v in nums.items() if v.isdigit() and 10 <= int(v) <= 19]
    ONES, TENS, TEENS = _alt(ones), _alt(tens), _alt(teens)
    WORDNUM = (
        rf"(?:(?:{TENS}(?:[\s-]+{ONES})?|{TEENS}|{ONES}|a)\s+(?:hundred|thousand)"
        rf"|{TENS}(?:[\s-]+{ONES})?|{_alt(nums)})"
    )
    DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s+1/2)?"
    NUM = rf"(?:{DIGITS}|{WORDNUM}(?:\s+and\s+a\s+half)?)(?!\w)"
    UNIT = _alt(lex.units) + r"(?![\w-])"
    UNIT_ADJ = _alt(w for w in lex.units if not w.endswith("s") or w == "hours") + r"(?!\w)"
    MONTH = "(?P<mon>" + _alt(lex.months) + r")(?!\w)"
    WEEKDAY = _alt(lex.weekdays)
    ORD = _alt(lex.ordinals)
    POD = _alt(lex.parts_of_day)
    SEASON = _alt(lex.seasons)
    QMOD = _alt(lex.quantity_mods)
    YEAR4 = r"(?:1[0-9]\d\d|20\d\d)(?![\d,]\d)"
    YEAR2 = r"['’]\d\d(?![\w'’])"
    SPOKEN = (
        rf"(?:(?:nineteen|eighteen|twenty)[\s-]+(?:{TENS}(?:[\s-]+{ONES})?|{TEENS}|hundred|oh[\s-]+{ONES})"
        rf"|two\s+thousand(?:\s+and)?(?:[\s-]+(?:{TENS}(?:[\s-]+{ONES})?|{TEENS}|{ONES}))?)(?!\w)"
    )
    YEAR = rf"(?P<year>{YEAR4}|{YEAR2})"
    YEAR_OR_SPOKEN = rf"(?P<year>{YEAR4}|{YEAR2}|{SPOKEN})"
    DAYNUM = rf"(?P<day>(?:[12]\d|3[01]|0?[1-9])(?!\d)(?:st|nd|rd|th)?(?![:.,]\d)(?!\w)|{ORD})"
    PREMOD = (
        r"(?P<pre>(?:the\s+)?(?:very\s+)?(?:early-?|late-?|mid-?|middle|end|beginning|start)"
        r"(?:\s+of)?(?:\s+the)?|(?:the\s+)?(?:first|second|last|latter)\s+half\s+of)"
    )
    REL = r"(?P<rel>this\s+past|this\s+coming|last|next|this|coming|past)"
    CLOCK = (
        r"(?P<clock>(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>[ap]\.\s?m\.?|[ap]m(?!\w))"
        r"|(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?![\d:])"
        r"|(?P<h3>1[0-2]|0?[1-9])(?:[:.](?P<mi3>[0-5]\d))?(?:\s+o['’]clock)?\s+in\s+the\s+"
        r"(?P<pod3>morning|afternoon|evening)(?!\w)|noon|midnight|midday)"
    )
    DAYREF = rf"(?P<dref>{WEEKDAY}|yesterday|today|tomorrow|tonight|{MONTH}\s+{DAYNUM})"

    rules = [
        (
            "iso",
            r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?:[Tt](?P<th>\d\d):(?P<tm>\d\d))?(?![\d-])",
        ),
        ("slash", r"(?<![\d/])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d\d)(?![\d/])"),
        (
            "clock",
            rf"\b(?:(?P<mod>{QMOD}|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
            rf"(?:(?P<dpre>{WEEKDAY}|yesterday|today|tomorrow)\s+(?:at\s+)?)?{CLOCK}"
            rf"(?:\s+(?P<zone>{_alt(lex.zones)})\b)?(?:,?\s+(?:on\s+)?{DAYREF})?",
        ),
        (
            "mdy",
            rf"\b(?:(?P<wd>{WEEKDAY}),?\s+|(?P<rel>last|this|next)\s+)?{MONTH}\s+{DAYNUM}"
            rf"(?:,?\s+{YEAR_OR_SPOKEN})?",
        ),
        (
            "dmy",
            rf"\b(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?{DAYNUM}(?:\s+of)?\s+{MONTH}"
            rf"(?:,?\s+{YEAR_OR_SPOKEN})?",
        ),
        ("month_rel_year", rf"\b{MONTH}\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b"),
        ("month_year", rf"\b(?:{PREMOD}\s*)?{MONTH}(?:\s+of)?,?\s+{YEAR_OR_SPOKEN}"),
        ("month", rf"\b(?:{REL}\s+|{PREMOD}\s*)?{MONTH}"),
        (
            "quarter",
            rf"\b(?:(?P<det>the|this|last|next|that|a|(?:this|last|next)\s+year['’]s"
            rf"|the\s+(?P<qyear>{YEAR4})|the\s+(?:year-ago|year-earlier))\s+)?"
            rf"(?P<fy>(?:fiscal|calendar)[\s-]+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"
            rf"(?P<sep>[\s-]+)(?:fiscal\s+)?(?P<unit>quarter|half)(?!\w)(?:\s+of\s+(?:fiscal\s+)?{YEAR})?",
        ),
        (
            "quarter_rel",
            r"\b(?:(?P<det>the|this|that|last\s+year['’]s|last|next)\s+)?"
            r"(?:(?P<qyear>(?:1[0-9]|20)\d\d)\s+)?"
            r"(?P<rel>latest|current|last|previous|past|next|coming|year-ago|year-earlier|same"
            r"|comparable(?:\s+year-ago)?|corresponding|recent|prior)?\s*(?P<unit>quarter|period)(?![\w-])"
            r"(?:\s+(?P<yback>last\s+year|(?:of\s+)?the\s+previous\s+year))?",
        ),
        (
            "the_unit",
            r"\bthe\s+(?P<full>(?:full|entire|whole|calendar)\s+)?(?P<unit>year|week|weekend)(?![\w-])"
            r"(?P<ended>\s+(?:ended|ending|to))?(?P<around>\s+(?:before|after|earlier|later)(?!\w))?",
        ),
        (
            "year_end",
            r"\b(?:(?:around|about)\s+)?(?:the\s+)?(?:(?P<unit>year|month)[-\s]end|(?P<unit2>year|month)['’]s"
            r"\s+end|end\s+of\s+(?P<det>the|this|last|next)\s+(?P<unit3>year|month))(?![\w-])",
        ),
        ("year_ago_adj", r"\b(?P<det>the\s+)?year-(?:ago|earlier)(?:\s+(?P<noun>period|quarter))?"),
        (
            "fiscal",
            rf"\b(?:(?P<det>the)\s+)?(?:(?P<rel>current|latest|last|next|this|new|previous)\s+)?"
            rf"fiscal(?:\s+year)?(?:\s+{YEAR})?(?!\w)",
        ),
        (
            "decade",
            r"\b(?:the\s+)?(?:(?P<pre>early|mid-?|late)[\s-]*)?"
            r"(?:(?P<d4>1[0-9]\d0|20\d0)['’]?s|['’](?P<d2>\d0)['’]?s)(?!\w)",
        ),
        (
            "decade_words",
            r"\bthe\s+(?:(?P<pre>early|mid-?|late)[\s-]*)?"
            r"(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
        ),
        ("century", rf"\b(?:the\s+)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{ORD})[\s-]+century\b"),
        (
            "spoken_year",
            rf"\b(?:(?P<the>the\s+year)\s+)?(?P<year>{SPOKEN})",
        ),
        (
            "year",
            rf"(?<![\w$£€.,-])(?:{PREMOD}\s*|(?:pre|post)-)?(?P<year>{YEAR4})"
            rf"(?:\s+or\s+(?:later|earlier))?",
        ),
        (
            "year2",
            r"(?<![\w'’])(?:(?:in|of|since|until|by|class\s+of)\s+)(?P<year>['’]\d\d)(?![\w'’])",
        ),
        (
            "relday",
            rf"\b(?:(?P<pre>early|late|earlier|later)\s+)?(?P<rd>the\s+day\s+before\s+yesterday"
            rf"|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight)(?!\w)"
            rf"(?:\s+(?P<pod>{POD})(?!\w))?",
        ),
        (
            "pod",
            rf"\b(?:(?P<pre>early|late|later|earlier)\s+)?(?P<det>this|last|tomorrow|yesterday"
            rf"|that|the\s+next|the\s+following|the\s+previous)\s+(?P<pod>{POD})(?!\w)"
            rf"|\b(?P<mid>mid-?\s*)(?P<pod2>{POD})(?!\w)",
        ),
        (
            "weekday",
            rf"\b(?:(?P<rel>last|next|this|this\s+past|this\s+coming|coming|past|early|late"
            rf"|the\s+previous|the\s+following"
            rf"|earlier|later)\s+)?(?P<wd>{WEEKDAY})(?P<pl>s)?(?!\w)(?:\s+(?P<pod>{POD})(?P<pl2>s)?(?!\w))?",
        ),
        (
            "rel_unit",
            rf"\b(?:(?P<pre>early|late|earlier|later|the\s+end\s+of|the\s+beginning\s+of"
            rf"|the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of|the\s+remainder\s+of|mid-)\s*)?"
            rf"(?P<rel>this\s+past|this\s+coming|last|next|this|the\s+past|the\s+last|the\s+previous"
            rf"|the\s+following|the\s+current|the\s+coming|the\s+next|the\s+same|that\s+same"
            rf"|that|coming|past|previous)"
            rf"\s+(?P<unit>week|weekend|month|year|decade|century|day|{SEASON})(?!\w)",
        ),
        (
            "season",
            rf"\b(?:(?P<pre>early|late|mid-?)\s*)?(?:(?P<det>the|that)\s+)?(?:(?P<pre2>early|late)\s+)?"
            rf"(?P<season>{SEASON})(?:\s+(?:of\s+)?{YEAR_OR_SPOKEN})?(?!\w)",
        ),
        (
            "ago",
            rf"\b(?:(?P<mod>{QMOD})\s+)?(?:(?P<num>{NUM})\s+)?(?P<unit>{UNIT})(?:\s+or\s+so)?\s+"
            rf"(?P<dir>ago|earlier|before|later|from\s+now|hence|back)(?!\w)",
        ),
        (
            "duration",
            rf"\b(?:(?P<det>the|each\s+of\s+the|all\s+of\s+the)\s+)?(?:(?P<rel>past|last|next|first"
            rf"|previous|coming|following|final|remaining|latest|initial|ensuing|recent)\s+)?"
            rf"(?:(?P<mod>{QMOD})\s+)?(?P<num>{NUM})(?:\s*(?:to|-|or)\s*(?P<num2>{NUM}))?"
            rf"(?:\s+of(?=\s+[a-z]+s\b))?(?:\s+(?:more|additional|straight|consecutive|full))?"
            rf"(?:\s+(?:trading|business|working|school))?"
            rf"(?:\s+|-)(?P<unit>{UNIT})(?P<half>\s+and\s+a\s+half)?(?P<suffix>-(?:long|old))?"
            rf"(?P<ortwo>\s+or\s+(?:two|three)(?![\w-]))?",
        ),
        (
            "unit_adj",
            rf"\b(?P<num>\d+|{TENS}(?:-{ONES})?|{ONES}|{TEENS}|several|multi)-(?P<unit>{UNIT_ADJ})"
            rf"(?:-(?:long|old))?",
        ),
        (
            "set",
            rf"\b(?:(?P<freq>once|twice|thrice|{NUM}\s+times)\s+)?(?P<q>every|each|per|a|an)\s+"
            rf"(?:(?P<other>other)\s+)?(?:(?P<num>{NUM})\s+)?(?:(?P<unit>{UNIT})|(?P<wd>{WEEKDAY})"
            rf"|{MONTH})(?!\w)",
        ),
        ("set_word", rf"\b(?P<w>{_alt(lex.sets)})\b"),
        ("unit_long", rf"\b(?P<unit>{_alt(lex.units)})-long(?!\w)"),
        (
            "bare_plural",
            r"\b(?P<prep>for|over|within|in|took|take|takes|taking|lasted|last|lasting|spent|spend)"
            r"\s+(?:the\s+)?(?P<unit>years|months|weeks|days|decades|centuries|hours|minutes)"
            r"(?!\s+(?:ago|of|"
            r"later|earlier|before|after|to|when|since)\b)(?!\w)",
        ),
        (
            "recent_units",
            r"\b(?P<r>recent|past|coming)\s+(?P<unit>years|months|weeks|days|decades|quarters)\b",
        ),
        (
            # not in names ("Christmas Island", "the Easter Rising") or things ("Easter eggs")
            "holiday",
            rf"\b(?:(?P<rel>last|this|next)\s+)?(?P<h>{_alt(lex.holidays)})"
            r"(?:\s+(?P<wk>week(?:end)?))?(?:,?\s+(?P<y>1\d{3}|2[01]\d\d))?"
            r"(?!\w)(?!\s+(?:islands?|rising|eggs?|bunny)\b)",
        ),
        ("vague", rf"\b(?P<v>{_alt(lex.vague)})(?![\w-])"),
    ]
    names = [name for name, _ in rules]
    index = {name: i for i, name in enumerate(names)}

    def ids(kind: str) -> tuple[int, ...]:
        return tuple(sorted(index[r] for r in _TRIGGERS[kind]))

    words: dict[str, set[int]] = {}

    def add(kind: str, vocab: object) -> None:
        for phrase in vocab:  # type: ignore[attr-defined]
            for w in re.findall(r"[a-z]+", phrase):
                if w not in _STOP or kind in ("vague",) and len(phrase.split()) == 1:
                    words.setdefault(w, set()).update(ids(kind))

    add("month", lex.months)
    add("weekday", lex.weekdays)
    add("unit", lex.units)
    add("season", lex.seasons)
    add("pod", lex.parts_of_day)
    add("relday", ("yesterday", "today", "tomorrow", "tonight"))
    add("clockword", ("noon", "midnight", "midday", "am", "pm", "m"))
    add("half", ("half", "first", "second", "third", "fourth"))
    add("fiscal", ("fiscal",))
    add("period", ("period",))
    add("recent", ("recent",))
    add("decadeword", ("twenties thirties forties fifties sixties seventies eighties nineties",))
    add("spoken", ("nineteen eighteen twenty thousand",))
    add("setword", lex.sets)
    add("holiday", lex.holidays)
    add("vague", lex.vague)
    numbers = {kind: ids(kind) for kind in ("year4", "year2", "small")}

    def first_words(vocab: object) -> set[str]:
        return {re.findall(r"[a-z]+|\d|'", w)[0] for w in vocab if re.search(r"[a-z\d']", w)}  # type: ignore[attr-defined]

    kinds: dict[str, set[str]] = {
        "qmod": first_words(lex.quantity_mods),
        "weekday": set(lex.weekdays),
        "month": first_words(lex.months),
        "ordinal": first_words(lex.ordinals),
        "relday": {"yesterday", "today", "tomorrow", "tonight"},
        "premod": {
            "the",
            "very",
            "early",
            "late",
            "mid",
            "middle",
            "end",
            "beginning",
            "start",
            "first",
            "second",
            "last",
            "latter",
        },
        "rel": {"this", "last", "next", "coming", "past"},
        "number": first_words(lex.numbers),
        "unit": set(lex.units),
        "season": set(lex.seasons),
        "setword": set(lex.sets),
        "holiday": first_words(lex.holidays) | {"last", "this", "next"},
        "vague": first_words(lex.vague),
    }
    first = []
    for name in names:
        allowed: set[str] = set()
        for item in _FIRST[name].split():
            allowed |= kinds.get(item, {item})
        first.append(frozenset(allowed))
    return Grammar(
        tuple((name, re.compile(p)) for name, p in rules),
        {w: tuple(sorted(v)) for w, v in words.items()},
        numbers,
        tuple(first),
        {w: tuple(sorted(r for r, f in enumerate(first) if w in f)) for w in set().union(*first)},
    )


@lru_cache(maxsize=4)
def grammar_for(lex: TimeLexicon) -> Grammar:
    """The compiled grammar of a lexicon, compiled once per process."""
    return build_grammar(lex)
