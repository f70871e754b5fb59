"""Named facilities and streets ("Royal Street", "Altnagelvin Hospital", "Camp Murray"),
placed at the town or city the text puts them in.

The gazetteer holds towns, regions and natural features, not streets or buildings, so a
facility is reported with no GeoNames id, its head word's GeoNames feature code and the
coordinates of its locality: the place named right after it ("on Kamenné Square in
Bratislava", "Press Street, Slidell") or as its possessor ("Derry's Altnagelvin
Hospital"), else the nearest town or city named in the same sentence, else in the same
paragraph, else the dateline's, else the town the article names most often. An article
naming no town or city gets no facilities.

Heads and their feature codes are in ``data/places/facility_heads.tsv``; words that do
not make a name on their own ("International Airport") in ``facility_modifiers.tsv``.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Doc, Token

from ..codes import read_tsv
from ..errors import LexiconError
from ._names import name_key
from .gazetteer import Entry
from .mentions import Mention
from .resolve import Resolver

_WHERE = ("after", "before", "number")
_KINDS = ("way", "route", "site")
# Parts of speech a name word may have; "At", "In" opening a sentence are no name.
_NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "NUM", ""})
_LEADING = frozenset({"the", "a", "an"})
# Name particles between capitalised words of a foreign street name ("Rue de la Paix").
_PARTICLES = frozenset({"de", "du", "des", "la", "le", "les", "del", "della", "di", "da", "d'"})
_COMPASS = frozenset(
    {"north", "south", "east", "west", "n.", "s.", "e.", "w.", "nw", "ne", "sw", "se"}
)
# "Highway 19", "Route 9A", "Interstate 64"; "the A417", "the M25" (Britain, Ireland).
_ROUTE_NUMBER = re.compile(r"^\d{1,4}[A-Z]?$")
_ROAD_NUMBER = re.compile(r"^[AM]\d{1,4}$")
_LIST = frozenset({",", "and", "&"})
_SAINT = frozenset({"st", "st.", "saint", "ste", "ste."})
_ELISION = re.compile(r"^[dl]['\u2019](?=[A-Z])")
_INITIAL = re.compile(r"^[A-Z]\.$")
_POSSESSIVE = frozenset({"'s", "\u2019s"})
MAX_NAME_WORDS = 5
BIG_CITY = 100_000  # a saint's name before a possessive is a city's only this big
# Entries whose point stands for a town: a facility in it lies within a few kilometres.
LOCALITY_FEATURES = frozenset({"PPL", "PPLC", "PPLA", "PPLA2", "PPLA3", "PPLX", "ADM2"})
_CONFIDENT_KINDS = frozenset({"entity", "dateline", "comma", "civic"})
_CONFIDENT_LABELS = frozenset({"GPE", "LOC", "FAC", ""})
_ADMIN = frozenset({"county", "parish", "borough", "township"})
_IN = frozenset({"in", ",", "at", "near", "outside"})


@dataclass(frozen=True, slots=True)
class Head:
    words: tuple[str, ...]
    feature: str
    where: str
    kind: str


_ROAD_HEAD = Head((), "RD", "number", "route")


@dataclass(frozen=True, slots=True)
class FacilityTables:
    """Heads by their last word (``after``) or first word (``before``), and modifiers."""

    after: dict[str, tuple[Head, ...]]
    before: dict[str, tuple[Head, ...]]
    modifiers: frozenset[str]
    plurals: dict[str, Head]  # "streets": the one-word street heads' plurals
    words: frozenset[str]  # every head word that a name may end or start with


@dataclass(slots=True)
class Facility:
    """A facility's name: token range ``first:end``, characters ``start:stop``."""

    first: int
    end: int
    start: int
    stop: int
    text: str
    feature: str
    kind: str


def _read(name: str) -> tuple[str, str]:
    ref = resources.files("newsevents") / "data" / "places" / name
    return f"newsevents/data/places/{name}", ref.read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def facility_tables() -> FacilityTables:
    """The packaged head and modifier tables, read once per process.

    Raises:
        LexiconError: a malformed line; the message names the file and line.
    """
    after: dict[str, list[Head]] = {}
    before: dict[str, list[Head]] = {}
    path, text = _read("facility_heads.tsv")
    for line, row in read_tsv(path, text, ["head", "feature", "where", "kind"]):
        words = tuple(row["head"].casefold().split())
        if not words or row["where"] not in _WHERE or row["kind"] not in _KINDS:
            raise LexiconError(f"bad facility head row {row!r}", path=path, line=line)
        if not row["feature"].isalnum() or not row["feature"].isupper():
            raise LexiconError(f"bad feature code {row['feature']!r}", path=path, line=line)
        head = Head(words, row["feature"], row["where"], row["kind"])
        if head.where == "after":
            after.setdefault(words[-1], []).append(head)
        else:
            before.setdefault(words[0], []).append(head)
    path, text = _read("facility_modifiers.tsv")
    modifiers = frozenset(row["word"].casefold() for _, row in read_tsv(path, text, ["word"]))

    def longest_first(table: dict[str, list[Head]]) -> dict[str, tuple[Head, ...]]:
        return {k: tuple(sorted(v, key=lambda h: -len(h.words))) for k, v in table.items()}

    plurals = {
        h.words[0] + "s": h
        for hs in after.values()
        for h in hs
        if h.kind == "way" and len(h.words) == 1 and h.words[0].isalpha()
    }
    words = frozenset({*after, *before, *plurals})
    return FacilityTables(longest_first(after), longest_first(before), modifiers, plurals, words)


def _lower(tok: Token) -> str:
    return tok.lower_.replace("\u2019", "'")


def _capital(tok: Token) -> bool:
    return tok.text[:1].isupper()


def _name_word(tok: Token) -> bool:
    """A word that may be part of a facility's proper name ("Royal", "14th", "D'Aunoy")."""
    if tok.pos_ not in _NAME_POS or _lower(tok) in _LEADING:
        return False
    text = _ELISION.sub("", tok.text)  # "d’Enghein"
    if text[:1].isdigit():
        return tok.like_num or text[-2:].lower() in ("st", "nd", "rd", "th")
    if not text[:1].isupper():
        return False
    return text.isalpha() or all(c.isalpha() or c in ".'\u2019-" for c in text)


def _place_possessor(tokens: Sequence[Token], i: int, resolver: Resolver) -> bool:
    """Whether the words before the possessive at ``i`` name a known place."""
    for n in (3, 2, 1):
        if i - n >= 0 and resolver.is_known(key := name_key(_text(tokens[i - n : i]))):
            return _lower(tokens[i - n]) not in _SAINT or _big_city(resolver, key)
    return False


def _big_city(resolver: Resolver, key: str) -> bool:
    """Whether a saint's name is a big city's ("St. Petersburg's", not "St. Peter's")."""
    return any(
        c.entry.feature.startswith("PPL") and c.entry.population >= BIG_CITY
        for c in resolver.candidates_for_key(key)
    )


def _text(tokens: Sequence[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def _matches(tokens: Sequence[Token], first: int, words: tuple[str, ...]) -> bool:
    if first < 0 or first + len(words) > len(tokens):
        return False
    return all(_lower(tokens[first + k]) == w for k, w in enumerate(words))


def _named(words: Sequence[Token], modifiers: frozenset[str], head: Head) -> bool:
    """Whether the words before or after a head make a name: a street needs one word
    ("Main Street"), and so does a site with a head of several words ("National Concert
    Hall"); a site with a one-word head needs one beyond its modifiers ("General
    Hospital" is none)."""
    names = [t for t in words if t.text not in _POSSESSIVE]
    if not names:
        return False
    if head.kind != "site" or len(head.words) > 1:
        return True
    return any(_lower(t) not in modifiers for t in names)


def _name_after(tokens: Sequence[Token], i: int, head: Head) -> int | None:
    """End of the name after a leading head ("Rue Casa Calvo", "Camp Murray")."""
    end = i + len(head.words)
    stop = end
    while stop < len(tokens) and stop - end < MAX_NAME_WORDS:
        nxt = tokens[stop]
        if _name_word(nxt):
            stop += 1
        elif _lower(nxt) in _PARTICLES and stop + 1 < len(tokens) and _name_word(tokens[stop + 1]):
            stop += 1  # "Rue de la Paix"
        else:
            break
    return stop if stop > end else None


def _number_after(tokens: Sequence[Token], i: int, head: Head) -> int | None:
    """End of a numbered road ("Highway 19", "County Road 109 North")."""
    end = i + len(head.words)
    if end >= len(tokens) or not _ROUTE_NUMBER.match(tokens[end].text):
        return None
    end += 1
    if end < len(tokens) and _lower(tokens[end]) in _COMPASS and _capital(tokens[end]):
        end += 1
    return end


def _name_before(
    tokens: Sequence[Token],
    i: int,
    head: Head,
    last_end: int,
    resolver: Resolver,
) -> int | None:
    """Start of the name before a trailing head ending at token ``i`` ("Royal Street")."""
    first_head = i - len(head.words) + 1
    if first_head <= last_end or _INITIAL.match(tokens[first_head - 1].text):
        return None  # nothing before, or a person's name ("Marvin F. Lane")
    first = first_head
    while first > last_end and first_head - first < MAX_NAME_WORDS:
        prev = tokens[first - 1]
        if _name_word(prev):
            first -= 1
        elif (
            prev.text in _POSSESSIVE
            and first - 1 > last_end
            and _name_word(tokens[first - 2])
            and not _place_possessor(tokens, first - 1, resolver)
        ):
            first -= 1  # "St Patrick's Cathedral", not "Derry's Hospital"
        else:
            break
    return first if first < first_head else None


def _of_name(tokens: Sequence[Token], end: int) -> int | None:
    """End of an "of" name after a head ("[Museum] of Ice Cream"), if one follows."""
    if end + 1 >= len(tokens) or _lower(tokens[end]) != "of":
        return None
    start = stop = end + 1 + (_lower(tokens[end + 1]) == "the")
    while stop < len(tokens) and stop - start < MAX_NAME_WORDS and _name_word(tokens[stop]):
        stop += 1
    return stop if stop > start else None


def _road_number(tokens: Sequence[Token], i: int, roads: set[int]) -> bool:
    """A British or Irish road number ("the A417", "the A436, A40 and A429")."""
    if not _ROAD_NUMBER.match(tokens[i].text) or i == 0:
        return False
    prev = _lower(tokens[i - 1])
    return prev == "the" or (prev in (",", "and", "or") and i - 2 in roads)


def find_facilities(
    doc: Doc,
    resolver: Resolver,
    tables: FacilityTables | None = None,
    tokens: Sequence[Token] | None = None,
) -> list[Facility]:
    """Facility and street names in ``doc`` in text order, without overlaps.

    A name the gazetteer knows as a whole ("Menlo Park", "Pearl Harbor") is left to the
    toponym mentions. ``tokens``: ``list(doc)`` when the caller has it (Doc builds
    Token objects anew on each iteration).
    """
    tables = tables or facility_tables()
    is_known = resolver.is_known
    tokens = tokens if tokens is not None else list(doc)
    heads = _head_tokens(tokens, tables)
    if not heads:
        return []
    n = len(tokens)
    out: list[Facility] = []
    roads: set[int] = set()
    last_end = 0
    for i in heads:
        tok = tokens[i]
        if i < last_end or not _capital(tok):
            continue
        low = _lower(tok)
        found: tuple[int, int, Head] | None = None
        if _road_number(tokens, i, roads):
            roads.add(i)
            found = (i, i + 1, _ROAD_HEAD)
        for head in tables.before.get(low, ()) if found is None else ():
            if not _matches(tokens, i, head.words):
                continue
            if head.where == "number":
                stop = _number_after(tokens, i, head)
            else:
                stop = _name_after(tokens, i, head)
                name = tokens[i + len(head.words) : stop] if stop is not None else ()
                if not _named(name, tables.modifiers, head):
                    stop = None
            if stop is not None:
                found = (i, stop, head)
                break
        for head in tables.after.get(low, ()) if found is None else ():
            first_head = i - len(head.words) + 1
            if not _matches(tokens, first_head, head.words):
                continue
            if not all(_capital(t) for t in tokens[first_head : i + 1]):
                continue
            end = i + 1
            if end < n and _capital(tokens[end]) and _name_word(tokens[end]):
                if head.kind == "site" or _lower(tokens[end]) not in _COMPASS:
                    break  # the name goes on ("Church Street", "St. Helens")
                end += 1  # "Eglinton Avenue West"
            first = _name_before(tokens, i, head, last_end, resolver)
            of_end = _of_name(tokens, end) if head.kind == "site" else None
            if of_end is not None:  # "University of Perpetual Help", "Museum of Ice Cream"
                found = (first_head if first is None else first, of_end, head)
            elif first is not None and _named(tokens[first:first_head], tables.modifiers, head):
                found = (first, end, head)
            break
        if found is None:
            continue
        first, end, head = found
        span = doc[first:end]
        if is_known(name_key(span.text)):
            continue
        out.append(
            Facility(first, end, span.start_char, span.end_char, span.text, head.feature, head.kind)
        )
        last_end = end
    return _with_listed_ways(doc, tokens, tables, out, is_known, heads)


def _head_tokens(tokens: Sequence[Token], tables: FacilityTables) -> list[int]:
    """Indices of the tokens that may be head words or road numbers."""
    words = tables.words
    return [
        t.i
        for t in tokens
        if t.lower_ in words or t.text[:1] in "AM" and _ROAD_NUMBER.match(t.text)
    ]


def _with_listed_ways(
    doc: Doc,
    tokens: Sequence[Token],
    tables: FacilityTables,
    found: list[Facility],
    is_known: Callable[[str], bool],
    heads: Sequence[int],
) -> list[Facility]:
    """Add the streets listed before a plural head ("Bourbon and Dauphine streets",
    "at the corner of State and Hubbard streets"): each name is one."""
    held = bytearray(len(tokens))
    for f in found:
        held[f.first : f.end] = b"\x01" * (f.end - f.first)
    extra: list[Facility] = []
    for i in heads:
        tok = tokens[i]
        head = tables.plurals.get(tok.text)  # lower case only: "streets"
        if head is None:
            continue
        names: list[tuple[int, int]] = []
        end = tok.i
        while True:
            first = end
            while first > 0 and end - first < 3 and _name_word(tokens[first - 1]):
                first -= 1
            if first == end or any(held[first:end]):
                break
            names.append((first, end))
            joiners = first
            while joiners > 0 and _lower(tokens[joiners - 1]) in _LIST:
                joiners -= 1
            if joiners == first or joiners == 0:
                break
            end = joiners
        if len(names) < 2:
            continue
        for first, end in names:
            span = doc[first:end]
            if not is_known(name_key(f"{span.text} {tok.text[:-1]}")):  # "Menlo Park"
                # kind "listed": a place mention over the name stays ("Orange and White
                # streets" may still be read as a town by the mentions)
                facility = Facility(
                    first, end, span.start_char, span.end_char, span.text, head.feature, "listed"
                )
                extra.append(facility)
    return sorted([*found, *extra], key=lambda f: f.first) if extra else found


def reserved_tokens(doc: Doc, facilities: Sequence[Facility], resolver: Resolver) -> bytearray:
    """Tokens of facility names, not to be read as the places they are named after
    ("London Road", "Marjory Stoneman Douglas High School", "St. Peter's Basilica").

    A state's or a county's road runs in it ("Ohio Turnpike", "Douglas County Road"),
    and a site whose name opens with a place or a demonym, or ends with "of" a place,
    is mostly there ("Colchester Hospital", "Russian Museum", "Science Museum of
    Virginia"): those names stay the place's.
    """
    demonyms = resolver.lexicon.demonyms

    def is_place(key: str) -> bool:
        return key in demonyms or resolver.is_known(key)

    held = bytearray(len(doc))
    for f in facilities:
        if f.kind == "listed":
            continue
        if f.kind == "site":
            if _site_holds_place(doc, f, is_place, resolver):
                continue
        elif _holds_region(doc, f, resolver.is_region):
            continue
        held[f.first : f.end] = b"\x01" * (f.end - f.first)
    return held


def _site_holds_place(
    doc: Doc, f: Facility, is_place: Callable[[str], bool], resolver: Resolver
) -> bool:
    first = f.first
    modifiers = facility_tables().modifiers
    while first + 1 < f.end and _lower(doc[first]) in modifiers:
        first += 1  # "State Russian Museum"
    for n in (3, 2, 1):
        end = first + n
        if end >= f.end or doc[end - 1].text in _POSSESSIVE:
            continue
        if is_place(key := name_key(doc[first:end].text.rstrip("-"))):
            saint = _lower(doc[first]) in _SAINT and doc[end].text in _POSSESSIVE
            return not saint or _big_city(resolver, key)
    for tok in doc[f.first : f.end]:
        if _lower(tok) == "of":
            start = tok.i + 1 + (_lower(doc[tok.i + 1]) == "the")
            return any(
                is_place(name_key(doc[start : start + n].text))
                for n in (1, 2, 3)
                if start + n <= f.end
            )
    return False


def _holds_region(doc: Doc, f: Facility, is_region: Callable[[str], bool]) -> bool:
    if any(_lower(t) in _ADMIN for t in doc[f.first + 1 : f.end]):
        return True
    if f.kind != "route":
        return False
    return any(
        is_region(name_key(doc[f.first : f.first + n].text))
        for n in (1, 2, 3)
        if f.first + n < f.end
    )


def _paragraph_starts(text: str) -> list[int]:
    starts = [0]
    i = text.find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    return starts


def locate_facilities(
    doc: Doc,
    facilities: Sequence[Facility],
    mentions: Sequence[Mention],
    entries: Sequence[Entry | None],
    unknown: Sequence[Facility] = (),
    text: str | None = None,
) -> list[tuple[Facility, Entry]]:
    """Each facility not overlapping a reported place, with the locality it lies in;
    and each of the ``unknown`` toponyms (see :func:`unknown_toponyms`) with a locality
    named right after it or in its sentence or paragraph.

    Facilities without evidence of their locality are left out.
    """
    if not facilities and not unknown:
        return []
    pairs = list(zip(mentions, entries, strict=True))
    # The spans that become places (see find_places): a facility never overlaps one.
    ranges = sorted(
        (m.start, m.end) for m, e in pairs if e is not None or (m.required and m.kind == "entity")
    )
    named = sorted(
        (m.start, m.end, e, _confident(m))
        for m, e in pairs
        if e is not None and e.feature in LOCALITY_FEATURES and m.kind != "demonym"
    )
    localities = [(s, t, e) for s, t, e, sure in named if sure]
    dateline = next(
        (e for m, e in pairs if m.kind == "dateline" and e and e.feature in LOCALITY_FEATURES),
        None,
    )
    # A town in a first-level region the article names ("Louisiana") is the article's
    # locality before one elsewhere that it names as often.
    regions = {e.admin1 for e in entries if e is not None and e.feature == "ADM1" and e.admin1}
    main = (
        _main_locality([x for x in localities if x[2].admin1 in regions])
        or _main_locality(localities)
        or _main_locality([(s, t, e) for s, t, e, _ in named])
    )
    paragraphs = _paragraph_starts(doc.text if text is None else text)
    sentences = _Sentences(doc)
    by_start = {s: e for s, _, e, _ in named}
    by_end = {t: e for _, t, e, _ in named}
    out: list[tuple[Facility, Entry]] = []
    for fac in facilities:
        k = bisect.bisect_left(ranges, (fac.stop, -1))
        if any(s < fac.stop and fac.start < t for s, t in ranges[max(0, k - 3) : k + 1]):
            continue  # a place inside ("Colchester Hospital"): that place is reported
        entry = (
            _explicit(doc, fac, by_start, by_end)
            or _nearest(fac, localities, sentences.around(fac))
            or _nearest(fac, localities, _around(paragraphs, fac.start))
            or dateline
            or main
        )
        if entry is not None:
            out.append((fac, entry))
    for fac in unknown:  # a name, not a facility: only close evidence places it
        entry = (
            _explicit(doc, fac, by_start, by_end)
            or _nearest(fac, localities, sentences.around(fac))
            or _nearest(fac, localities, _around(paragraphs, fac.start))
        )
        if entry is not None:
            out.append((fac, entry))
    return out


def unknown_toponyms(
    doc: Doc, mentions: Sequence[Mention], entries: Sequence[Entry | None]
) -> list[Facility]:
    """The toponyms NER found that the gazetteer does not know ("Khayelitsha",
    "Portroe", "Naugatuck River"), as spans for :func:`locate_facilities`."""
    out = []
    for m, e in zip(mentions, entries, strict=True):
        if e is None and m.required and m.kind == "entity":
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                out.append(Facility(span.start, span.end, m.start, m.end, m.text, "", "unknown"))
    return out


def _main_locality(localities: Sequence[tuple[int, int, Entry]]) -> Entry | None:
    """The town or city the article names most often (the first of equals)."""
    counts = Counter(e.geonameid for _, _, e in localities)
    if not counts:
        return None
    top = max(counts.values())
    return next(e for _, _, e in localities if counts[e.geonameid] == top)


def _confident(m: Mention) -> bool:
    """A mention whose reading can place a facility: one NER or a dateline called a
    place, not a weak reading of a person's or an organisation's name."""
    return not m.weak and m.kind in _CONFIDENT_KINDS and m.label in _CONFIDENT_LABELS


def _explicit(
    doc: Doc, fac: Facility, by_start: dict[int, Entry], by_end: dict[int, Entry]
) -> Entry | None:
    """The locality named right after ("X Street in Y", "X Street, Y") or as possessor."""
    if fac.end + 1 < len(doc) and _lower(doc[fac.end]) in _IN:
        entry = by_start.get(doc[fac.end + 1].idx)
        if entry is not None:
            return entry
    if fac.first >= 2 and doc[fac.first - 1].text in _POSSESSIVE:
        prev = doc[fac.first - 2]
        return by_end.get(prev.idx + len(prev.text))
    return None


def _around(starts: Sequence[int], char: int) -> tuple[int, int]:
    """The bounds of the paragraph holding ``char``, from the paragraphs' starts."""
    k = bisect.bisect_right(starts, char) - 1
    return starts[k], starts[k + 1] if k + 1 < len(starts) else 1 << 60


class _Sentences:
    """Sentence bounds around a span, from the parser's sentence starts (``doc.sents``
    would build every sentence of the article)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.parsed = doc.has_annotation("SENT_START")

    def around(self, fac: Facility) -> tuple[int, int]:
        doc = self.doc
        if not self.parsed:
            return 0, 1 << 60
        first, end = fac.first, fac.end
        while first > 0 and not doc[first].is_sent_start:
            first -= 1
        while end < len(doc) and not doc[end].is_sent_start:
            end += 1
        return doc[first].idx, doc[end].idx if end < len(doc) else 1 << 60


def _nearest(
    fac: Facility, localities: Sequence[tuple[int, int, Entry]], bounds: tuple[int, int]
) -> Entry | None:
    """The locality mention closest to ``fac`` inside the same sentence or paragraph."""
    lo, hi = bounds
    best: tuple[int, Entry] | None = None
    for s, t, e in localities:
        if s < lo or t > hi:
            continue
        gap = fac.start - t if t <= fac.start else s - fac.stop
        if best is None or gap < best[0]:
            best = (gap, e)
    return best[1] if best else None
