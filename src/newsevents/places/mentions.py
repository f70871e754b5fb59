"""Find toponym mentions in a parsed Doc (which spans may name a place, not yet which one)."""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ._names import name_key
from .lexicon import PlaceLexicon

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_LEADING = frozenset({"the", "a", "an"})
# Prepositions that put a proper noun in a place role ("a meet in Delano", "heading on
# to Sherman"): a known place name after one counts even when NER called it a person.
_LOCATIVE = frozenset(
    {"in", "near", "outside", "around", "through", "into", "toward", "towards", "to", "at", "from"}
)
# Nouns whose "of" introduces a place: "the town of", "Governor of", "suburb of".
_PLACE_NOUNS = frozenset(
    {
        "town", "city", "village", "suburb", "suburbs", "outskirts", "state", "province",
        "county", "region", "district", "island", "islands", "capital", "municipality",
        "borough", "township", "parish", "port", "hamlet", "neighbourhood", "neighborhood",
        "mayor", "governor", "residents", "streets", "heart", "people", "citizens",
    }
)  # fmt: skip
_LIST = frozenset({"and", "or", ","})
_POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})  # words joining the items of a list
_FUSED = re.compile(r"^([A-Z][A-Za-z.]+)-[a-z]+$")  # "U.S.-led", "Iran-backed"
# Entity labels NER often gives a place name by mistake ("captured in Chattanooga" as a
# product, "2008 Walker County Fair" as an event, "in Manbij" as a date): proper nouns
# under them are looked up like untagged ones.
_LOOSE_LABELS = frozenset(
    {"", "PRODUCT", "EVENT", "WORK_OF_ART", "DATE", "TIME", "QUANTITY", "LAW", "CARDINAL"}
)
# ... but not a date's or time's own first word ("March 31", "Thursday").
_DATE_LABELS = frozenset({"DATE", "TIME"})
_ADMIN_TAILS = frozenset({"county", "parish", "township", "borough", "province", "state"})
_NAME_TAILS = _ADMIN_TAILS | {"city"}
_PLURAL_TAILS = {
    "counties": "County",
    "parishes": "Parish",
    "townships": "Township",
}  # may end a place name ("Boulder City", "Polk County")
# "BEIRUT, Lebanon —", "WASHINGTON (AP) —", "KYIV, Ukraine, March 3 (Reuters) -"
_DATELINE = re.compile(
    r"\A\s*(?P<x>[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3})"
    r"(?:, (?P<y>[A-Z][A-Za-z.'\-]+(?: [A-Z][A-Za-z.'\-]+){0,2}))?"
    r"(?=,? ?(?:\(|\u2014|\u2013|--? |:|,))"
)

# A dateline after a headline or at a later paragraph ("... budget. TORRINGTON — The
# council", "Title. COLUMBUS, Ohio (AP) -- ", "Albany — An Albany man", "BEIRUT: The"):
# upper-case or capitalised words opening a sentence, followed by a dash or a colon.
_LATER_DATELINE = re.compile(
    r"(?:(?<=[.!?])|(?<=[.!?][\"”’])|(?<=\n))[ \t\n]*"
    r"(?P<x>(?P<caps>(?:[A-Z][a-z]?[A-Z][A-Z.'\-]*)(?: [A-Z][A-Z.'\-]+){0,3})"
    r"|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})"
    r"(?:, (?P<y>[A-Z][A-Za-z.'\-]+(?: [A-Z][A-Za-z.'\-]+){0,2}))?"
    r"(?: ?\((?:AP|Reuters|AFP|UPI)\))?(?: ?[—–\x97:]| -{1,3}|-{2,3})(?=[ A-Z])"
)


@dataclass(slots=True)
class Mention:
    """A span that may name a place.

    ``kind``: entity (GPE/LOC/FAC), demonym, embedded (a place name inside an
    organisation's name), civic (a place name before a local institution's word: "Berea
    Police"), comma (the ``X`` of ``X, Y`` that NER missed) or dateline.
    ``target`` fixes the referent (demonyms, aliases). ``container`` is the index of the
    mention that follows as ``Y`` in ``X, Y`` (``Paris, Texas``).
    """

    start: int
    end: int
    text: str
    kind: str
    label: str = ""
    target: str | None = None
    container: int | None = None
    required: bool = True  # False: keep only when the gazetteer knows the name
    weak: bool = False  # NER did not call it a place: keep only a well-supported reading
    name: str | None = None  # the full name when the text is short ("Clay" of "Clay and
    # Becker counties" is "Clay County")
    listed: bool = False  # a region in a list of regions ("Washington, New York, Boston")

    @property
    def key(self) -> str:
        return name_key(self.name or self.text)


def _trim(span: Span) -> Span | None:
    """Drop leading articles and trailing possessives/punctuation from an entity span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in _LEADING or doc[start].is_punct):
        start += 1
    while end > start and (
        doc[end - 1].is_punct
        and doc[end - 1].text not in (".",)
        or doc[end - 1].text in ("'s", "\u2019s", "'")
    ):
        end -= 1
    return doc[start:end] if end > start else None


def _extend_tail(span: Span, is_known: Callable[[str], bool]) -> Span:
    """``Henderson`` + ``County`` when NER left the admin word outside the entity."""
    doc, end = span.doc, span.end
    if end < len(doc) and doc[end].lower_ in _ADMIN_TAILS and doc[end].text[:1].isupper():
        longer = doc[span.start : end + 1]
        if is_known(name_key(longer.text)):
            return longer
    return span


def _known_part(
    span: Span, is_known: Callable[[str], bool], is_major: Callable[[str], bool]
) -> Span | None:
    """The longest place name inside an unknown multi-word toponym, left first
    ("Henderson County Sheriff's Office" -> "Henderson County")."""
    doc = span.doc
    for n in range(len(span) - 1, 0, -1):
        for i in range(span.start, span.end - n + 1):
            part = doc[i : i + n]
            if not part[0].text[:1].isupper():
                continue
            key = name_key(part.text)
            if is_major(key) or (part[-1].lower_ in _ADMIN_TAILS and is_known(key)):
                return part
    return None


def _known_parts(
    span: Span, is_known: Callable[[str], bool], is_major: Callable[[str], bool], *, more: bool
) -> list[Span]:
    """The known place names inside an unknown toponym: the longest one, and with ``more``
    the next after it ("Greece Italy" for "Greece, Italy")."""
    first = _known_part(span, is_known, is_major)
    if first is None:
        return []
    parts = [first]
    rest = span.doc[first.end : span.end]
    while rest and rest[0].is_punct:
        rest = span.doc[rest.start + 1 : rest.end]
    if more and rest and rest[0].text[:1].isupper():
        if is_major(name_key(rest.text)):
            parts.append(rest)
        elif len(rest) > 1 and (second := _known_part(rest, is_known, is_major)) is not None:
            parts.append(second)
    return parts


def _name_word(tok: Token) -> bool:
    """A capitalised word that may be part of a place name."""
    return tok.text[:1].isupper() and tok.is_alpha and tok.lower_ not in _LEADING


def _after_locative(span: Span) -> bool:
    """Whether ``span`` follows a locative preposition or "<place noun> of" ("the town of
    Kasba Bonli", "Governor of Sokoto State") and is not a possessor."""
    doc, i = span.doc, span.start
    if i == 0:
        return False
    before = doc[i - 1].lower_
    if before not in _LOCATIVE and not (
        before == "of" and i >= 2 and doc[i - 2].lower_ in _PLACE_NOUNS
    ):
        return False
    return span.end >= len(doc) or doc[span.end].text not in _POSSESSIVE


def _acronym(text: str) -> bool:
    """A short word with two or more capitals ("AI", "MoD", "IoTX", "P.A.")."""
    return " " not in text and len(text) <= 5 and sum(c.isupper() for c in text) >= 2


def _widen_word(tok: Token) -> bool:
    """A word that may continue a place name across an entity's edge ("Belle" + "Plaine",
    "Sault Ste." + "Marie"): capitalised, alphabetic or an abbreviated head ("Ste.")."""
    text = tok.text
    return text[:1].isupper() and (tok.is_alpha or text[:-1].isalpha() and text[-1] == ".")


def _widen(
    tokens: list[Token],
    first: int,
    end: int,
    taken: bytearray,
    is_known: Callable[[str], bool],
    not_places: Collection[str],
) -> tuple[int, int] | None:
    """The longest known name of up to four words that holds tokens ``first:end`` and
    adds free name words of the same sentence on either side, or None."""
    lo = first
    while lo > 0 and first - lo < 2 and not taken[lo - 1] and _widen_word(tokens[lo - 1]):
        if tokens[lo].is_sent_start:
            break
        lo -= 1
    hi = end
    while hi < len(tokens) and hi - end < 2 and not taken[hi] and _widen_word(tokens[hi]):
        if tokens[hi].is_sent_start:
            break
        hi += 1
    if lo == first and hi == end:
        return None
    best = None
    for a in range(lo, first + 1):
        for b in range(hi, end - 1, -1):
            if (a, b) == (first, end) or b - a > 4:
                continue
            if best is not None and b - a <= best[1] - best[0]:
                continue
            if tokens[a].lower_ in _LEADING:
                continue
            key = name_key(" ".join(t.text for t in tokens[a:b]))
            if key not in not_places and is_known(key):
                best = (a, b)
    return best


def _split_commas(span: Span) -> list[Span]:
    """``Paris, Texas`` tagged as one entity becomes two parts."""
    parts, begin = [], span.start
    for tok in span:
        if tok.text == ",":
            if tok.i > begin:
                parts.append(span.doc[begin : tok.i])
            begin = tok.i + 1
    if span.end > begin:
        parts.append(span.doc[begin : span.end])
    return parts


def _coordinated(doc: Doc, found: list[tuple[Mention, int, int]]) -> None:
    """A name listed with a place the NER found is a place too ("Hilversum and Almelo",
    "Prešov and Košice"): such weak mentions become ordinary ones."""
    strong = [
        (first, end)
        for m, first, end in found
        if not m.weak and m.required and m.kind in ("entity", "dateline")
    ]
    strong_end = {end for _, end in strong}
    strong_first = {first for first, _ in strong}
    for m, first, end in found:
        if not m.weak or m.kind not in ("entity", "embedded") or m.label not in ("", "PERSON"):
            continue
        before = first >= 2 and doc[first - 1].lower_ in _LIST and first - 1 in strong_end
        after = end + 1 < len(doc) and doc[end].lower_ in _LIST and end + 1 in strong_first
        if before or after:
            m.weak = False


def _appositive(doc: Doc, found: list[tuple[Mention, int, int]], name_ends: set[int]) -> None:
    """A place name set off by a comma after an organisation's or a facility's name of
    several words is where that one is ("Federal University of Technology, Owerri
    (FUTO)", "Oulton Park, Cheshire."): such weak mentions become ordinary ones."""
    for m, first, end in found:
        if not m.weak or m.label == "ORG" or first < 2 or doc[first - 1].text != ",":
            continue
        if first - 1 in name_ends and (end == len(doc) or doc[end].is_punct):
            m.weak = False


def _peers(
    x: Mention,
    j: int,
    found: list[tuple[Mention, int, int]],
    tokens: list[Token],
    starts: dict[int, int],
    lexicon: PlaceLexicon,
    is_region: Callable[[str], bool] | None,
) -> bool:
    """Whether "X, Y" is the start of a list of peers ("Washington, New York and Boston"):
    ``X`` and ``Y`` are both state or country names (not "Washington, D.C.") and ``Y`` is
    followed by a further listed place."""
    y, _, end = found[j]
    if is_region is None or name_key(y.text) in lexicon.comma_aliases:
        return False
    if not is_region(x.key) or not is_region(y.key):
        return False
    k = end
    if k < len(tokens) and tokens[k].text == ",":
        k += 1
    if k < len(tokens) and tokens[k].lower_ in ("and", "or"):
        k += 1
    return k > end and k in starts


@functools.lru_cache(maxsize=4)
def _civic_phrases(words: frozenset[str]) -> dict[str, list[tuple[str, ...]]]:
    """Institution words and phrases ("police", "senior center") by their first word."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for entry in words:
        parts = tuple(entry.replace("\u2019", "'").split())
        out.setdefault(parts[0], []).append(parts)
    return out


def _starts(doc: Doc, i: int, phrase: tuple[str, ...]) -> bool:
    """Whether the words of ``phrase`` (lower case) begin at token ``i``."""
    if i + len(phrase) > len(doc):
        return False
    return all(doc[i + k].lower_.replace("\u2019", "'") == w for k, w in enumerate(phrase))


def _capital_word(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.is_alpha


def _proper(tok: Token) -> bool:
    """A capitalised proper noun, or a capitalised common noun inside a sentence (the
    tagger's guess for an unfamiliar name: "a defeat to Reading"; not an acronym)."""
    if not tok.text[:1].isupper():
        return False
    if tok.pos_ == "PROPN":
        return True
    return tok.pos_ == "NOUN" and not tok.is_sent_start and not tok.text.isupper()


def _loose(tok: Token) -> bool:
    """Whether NER's label of ``tok`` does not rule out a place name."""
    label = tok.ent_type_
    if label in _DATE_LABELS:
        return tok.ent_iob_ == "I"
    return label in _LOOSE_LABELS


def find_mentions(
    doc: Doc,
    lexicon: PlaceLexicon,
    *,
    is_known: Callable[[str], bool],
    is_major: Callable[[str], bool],
    is_region: Callable[[str], bool] | None = None,
    text: str | None = None,
    reserved: bytearray | None = None,
    facility_ends: Collection[int] = (),
    tokens: list[Token] | None = None,
) -> list[Mention]:
    """All candidate toponym mentions of ``doc`` in text order, without overlaps.

    Args:
        lexicon: demonyms, aliases and organisation head words.
        is_known: whether the gazetteer (or an alias) knows a name key.
        is_major: whether a name key is a country, first-level region or large city
            (the only names looked for inside organisation names).
        is_region: whether a name key is a country's or first-level region's main name
            (such an ``X`` in a list "X, Y, Z" is no town inside ``Y``).
        text: ``doc.text`` when the caller has it (Doc builds it anew on each access).
        reserved: tokens no mention may take (street names: "London Road" is no
            mention of London).
        facility_ends: token indices where a facility's name ends ("Oulton Park" of
            "Oulton Park, Cheshire").
        tokens: ``list(doc)`` when the caller has it.
    """
    major = is_major

    def is_major(key: str) -> bool:  # "Metro Vancouver": "Metro" is no place on its own
        return key not in lexicon.not_places and major(key)

    if text is None:
        text = doc.text
    if tokens is None:
        tokens = list(doc)  # one Token object each: Doc iteration builds them anew each time
    ents = doc.ents  # likewise the entity spans
    person = bytearray(len(doc))
    taken = bytearray(reserved) if reserved is not None else bytearray(len(doc))
    by_token: dict[int, Mention] = {}
    found: list[tuple[Mention, int, int]] = []  # mention, first token, end token

    def add(mention: Mention, first: int, end: int) -> None:
        if any(taken[first:end]):
            return
        if mention.name is None and mention.kind != "dateline":
            wide = _widen(tokens, first, end, taken, is_known, lexicon.not_places)
            if wide is not None:
                # A name the gazetteer knows whole wins over its part ("Kansas City
                # International", "in Belle Plaine", "Sault Ste. Marie", "Indian Orchard").
                first, end = wide
                span = doc[first:end]
                kind = "embedded" if mention.kind == "demonym" else mention.kind
                weak = mention.weak or mention.kind == "demonym"
                mention = dataclasses.replace(
                    mention,
                    start=span.start_char,
                    end=span.end_char,
                    text=span.text,
                    kind=kind,
                    target=None,
                    required=mention.required and kind != "embedded",
                    weak=weak,
                )
        for i in range(first, end):
            taken[i] = 1
        found.append((mention, first, end))
        by_token[first] = mention

    def add_weak(span: Span, kind: str) -> None:
        """An optional mention found by a cue other than NER: kept only when well supported,
        except after a local institution's word ("Berea police": the town, and the reading
        for its other mentions too)."""
        weak = kind != "civic"
        mention = Mention(
            span.start_char, span.end_char, span.text, kind, required=False, weak=weak
        )
        add(mention, span.start, span.end)

    def place_before(
        end: int,
        kind: str,
        word_ok: Callable[[Token], bool],
        *,
        skip_person: bool = False,
        inside_name_stops: bool = False,
    ) -> None:
        """The longest known place name of up to three words ``word_ok`` that ends before
        token ``end``, added as a weak mention of ``kind``."""
        for n in (3, 2, 1):
            first = end - n
            if first < 0 or any(taken[first:end]) or skip_person and any(person[first:end]):
                continue
            span = doc[first:end]
            if not all(word_ok(t) for t in span):
                continue
            if inside_name_stops and first and tokens[first - 1].pos_ == "PROPN":
                if not span[0].is_sent_start:
                    return  # part of a longer name ("London Guildhall School")
            key = name_key(span.text)
            if key not in lexicon.not_places and is_known(key):
                add_weak(span, kind)
                return

    person_words: set[str] = set()
    surnames: set[str] = set()  # last words of full names ("Ripley" of "Darren Ripley")
    for ent in ents:
        # A demonym tagged PERSON ("the Slovak architect", "Sri Lankan interests") is
        # still a demonym.
        if ent.label_ == "PERSON" and name_key(ent.text) not in lexicon.demonyms:
            for i in range(ent.start, ent.end):
                person[i] = 1
                if tokens[i].is_alpha:
                    person_words.add(tokens[i].lower_)
            last = tokens[ent.end - 1]
            if ent.end - ent.start > 1 and last.is_alpha and tokens[ent.start].is_alpha:
                surnames.add(last.lower_)
    if surnames:
        # A country, region or large city that NER gives another label more often than a
        # person's is no surname ("Rethinking Egypt" once, "Egypt" seven times); a small
        # town's name is, however often NER calls it a place ("Ripley").
        votes: dict[str, int] = dict.fromkeys(surnames, 0)
        for tok in tokens:
            if tok.ent_type_ and tok.lower_ in votes:
                if tok.ent_type_ == "PERSON":
                    votes[tok.lower_] += 1
                else:
                    votes[tok.lower_] -= 1
        surnames = {w for w, v in votes.items() if v >= 0 or not is_major(w)}

    def stray_acronym(span: Span) -> bool:
        """An acronym NER did not call a place that names no country, region or large
        city ("BA", "CIS", "OAS" as organisations): a namesake village is not meant."""
        key = name_key(span.text)
        if not _acronym(span.text) or key in lexicon.aliases or is_major(key):
            return False
        return is_region is None or not is_region(key)  # "DPRK"

    lower_words: set[str] | None = None

    def common_word(span: Span) -> bool:
        """Whether an untagged capitalised word is a common noun here: a numbered unit
        ("Section 2AA", "Region 1", "Pack 198") or a word the article also writes in lower
        case ("Man booked" beside "a Goose Creek man")."""
        nonlocal lower_words
        if span.end < len(tokens) and tokens[span.end].like_num:
            return True
        if len(span) != 1:
            return False
        if lower_words is None:
            lower_words = {t.text for t in tokens if t.is_lower}
        return span[0].lower_ in lower_words

    def surname(span: Span) -> bool:
        """Whether a one-word name is the surname of a person the article names in full
        ("coach Ripley" after "Darren Ripley") with no place cue of its own: a locative
        preposition or a following ", <state or region>" ("Ripley, Miss.")."""
        if len(span) != 1 or span[0].lower_ not in surnames or _after_locative(span):
            return False
        end = span.end
        if end + 1 < len(tokens) and tokens[end].text == ",":
            nxt = tokens[end + 1]
            key = nxt.lower_ if nxt.text[-1:] != "." else name_key(nxt.text)
            if key in lexicon.comma_aliases or is_region is not None and is_region(key):
                return False
        return True

    # Dateline: an upper-case place opening the article.
    match = _DATELINE.match(text)
    if match:
        x = doc.char_span(match.start("x"), match.end("x"), alignment_mode="contract")
        if x is not None and is_known(name_key(x.text)):
            add(Mention(x.start_char, x.end_char, x.text, "dateline"), x.start, x.end)
    for later in _LATER_DATELINE.finditer(text, match.end() if match else 0):
        x = doc.char_span(later.start("x"), later.end("x"), alignment_mode="contract")
        if x is not None and not any(taken[x.start : x.end]) and is_known(name_key(x.text)):
            add(Mention(x.start_char, x.end_char, x.text, "dateline"), x.start, x.end)

    for ent in ents:
        label = ent.label_
        if label in PLACE_LABELS or label == "NORP":
            span = _trim(ent)
            if span is None:
                continue
            if label == "NORP":
                # Demonyms are found below; a NORP that is a known place ("Rapides
                # Parish") still counts as a place.
                if name_key(span.text) in lexicon.demonyms or not is_known(name_key(span.text)):
                    continue
                if stray_acronym(span):
                    continue
            span = _extend_tail(span, is_known)
            spans = [span]
            if len(span) > 1 and "," not in span.text and not is_known(name_key(span.text)):
                spans = _known_parts(span, is_known, is_major, more=label != "FAC") or spans
            for part in (p for s in spans for p in _split_commas(s)):
                if name_key(part.text) in lexicon.not_places:
                    continue
                known = is_known(name_key(part.text))
                if label == "FAC" and not known:
                    continue  # left free for the place inside ("Cottonport Fire Station")
                if known and surname(part):
                    continue
                # An unknown name that is a person's elsewhere in the article ("Farrin",
                # "Saakashvili" tagged GPE) is kept only if the gazetteer knows it.
                named_person = not known and all(t.lower_ in person_words for t in part)
                # An unknown name in lower case ("veranda", "red states") or an unknown
                # acronym ("AI", "MoD", "UConn") is no toponym NER could vouch for.
                odd = not known and (not part.text[:1].isupper() or _acronym(part.text))
                optional = label == "FAC" or label == "NORP" or named_person or odd
                add(
                    Mention(
                        part.start_char,
                        part.end_char,
                        part.text,
                        "entity",
                        label,
                        required=not optional,
                    ),
                    part.start,
                    part.end,
                )

    # Demonyms and adjectives anywhere outside person names ("Syrian", "South Korean").
    n_max = lexicon.max_demonym_words
    i = 0
    while i < len(doc):
        tok = tokens[i]
        if person[i] or taken[i] or not tok.text[:1].isupper() or tok.lower_ in _LEADING:
            i += 1
            continue
        hit = False
        for n in range(min(n_max, len(doc) - i), 0, -1):
            span = doc[i : i + n]
            key = name_key(span.text)
            # Plural nouns name the place too ("Palestinians", "Iraqis").
            target = lexicon.demonyms.get(key) or (
                lexicon.demonyms.get(key[:-1]) if key.endswith("s") else None
            )
            if target and not any(taken[i : i + n]) and not any(person[i : i + n]):
                add(
                    Mention(span.start_char, span.end_char, span.text, "demonym", target=target),
                    i,
                    i + n,
                )
                i += n
                hit = True
                break
        if not hit:
            i += 1

    # A country's short name in a currency ("6.5 billion US dollars") or fused with a
    # participle into one token ("the U.S.-led coalition").
    for tok in tokens:
        word = tok.text
        money = tok.ent_type_ == "MONEY"
        if not (money or "-" in word) or taken[tok.i] or person[tok.i] or not word[:1].isupper():
            continue
        if not money:
            fused = _FUSED.match(word)
            if fused is None:
                continue
            word = fused.group(1)
        key = name_key(word)
        target = lexicon.demonyms.get(key) or lexicon.aliases.get(key)
        if target is not None and len(target) == 2:
            mention = Mention(tok.idx, tok.idx + len(word), word, "demonym", target=target)
            add(mention, tok.i, tok.i + 1)

    # Names listed before a plural admin word ("Becker, Clay and Otter Tail counties"):
    # each is "<name> County", whatever NER made of it.
    for tok in tokens:
        tail = _PLURAL_TAILS.get(tok.lower_)
        if tail is None or tok.i == 0:
            continue
        end = tok.i
        while end > 0:
            first = end
            while first > 0 and end - first < 3 and _name_word(tokens[first - 1]):
                first -= 1
            if first == end:
                break
            span = doc[first:end]
            full = f"{span.text} {tail}"
            if not any(taken[first:end]) and is_known(name_key(full)):
                add(
                    Mention(
                        span.start_char,
                        span.end_char,
                        span.text,
                        "entity",
                        "GPE",
                        required=False,
                        name=full,
                    ),
                    first,
                    end,
                )
            # Step over the list's joiners: ", ", " and ", ", and ".
            end = first
            while end > 0 and tokens[end - 1].lower_ in _LIST:
                end -= 1
            if end == first:
                break

    # A place name before a local institution's word ("Grand Ledge Police", "Litchfield
    # Fire Chief Jim Koser", "Roselle police"), whatever NER made of the whole.
    phrases = _civic_phrases(lexicon.civic_words)

    def civic_word(t: Token) -> bool:
        # "Toronto Transit Commission": "Transit" is no place
        return (
            t.text[:1].isupper()
            and t.lower_ not in _LEADING
            and (t.is_alpha or t.text[:-1].isalpha() and t.text[-1] == ".")
            and (t.lower_ not in lexicon.org_words or t.lower_ in _NAME_TAILS)
        )

    for tok in tokens:
        if tok.i == 0 or not any(_starts(doc, tok.i, p) for p in phrases.get(tok.lower_, ())):
            continue
        place_before(tok.i, "civic", civic_word, inside_name_stops=True)

    # Place names inside organisation and facility names ("University of Texas", "Texas
    # Rangers", "Bicester Village").
    for ent in ents:
        if ent.label_ not in ("ORG", "FAC"):
            continue
        whole = _trim(ent) if is_region is not None and len(ent) > 2 else None
        if whole is not None and not any(taken[whole.start : whole.end]):
            # A country's formal name tagged ORG ("the Republic of Korea"): the whole
            # name, not the short one inside it.
            if is_region(name_key(whole.text)):
                add(
                    Mention(whole.start_char, whole.end_char, whole.text, "entity"),
                    whole.start,
                    whole.end,
                )
                continue
        words = [t for t in ent if not taken[t.i]]
        has_head = any(t.lower_ in lexicon.org_words for t in ent)
        if not has_head:
            # "Air Zimbabwe", "Oman Film Society": a country, region or large city inside
            # the name still counts.
            if len(ent) > 1:
                part = _known_part(ent, is_known, is_major)
                if part is not None and not any(taken[part.start : part.end]):
                    add_weak(part, "embedded")
            continue
        for tok in words:
            if taken[tok.i] or not tok.text[:1].isupper() or tok.lower_ in lexicon.org_words:
                continue
            for n in (3, 2, 1):
                end = tok.i + n
                if end > ent.end:
                    continue
                span = doc[tok.i : end]
                # "Henderson County Sheriff's Office": the admin word may end the name.
                inner = span[:-1] if span[-1].lower_ in _ADMIN_TAILS else span
                if any(taken[tok.i : end]) or any(t.lower_ in lexicon.org_words for t in inner):
                    continue
                key = name_key(span.text)
                if is_major(key) or (n > 1 or tok.i > ent.start) and is_known(key):
                    add_weak(span, "embedded")
                    break

    # A possessor that is a place, inside an organisation's or a facility's name too
    # ("Derry's Altnagelvin Hospital", "Middletown's New Road").
    for tok in tokens:
        if tok.text in ("'s", "\u2019s") and tok.i > 0:
            place_before(tok.i, "embedded", _capital_word, skip_person=True)

    place_ends = {end for m, _, end in found if m.kind == "entity" and m.required}
    # Whole ORG entities and single-word PERSON entities that are place names ("Fargo"),
    # and proper nouns NER left untagged: kept only when well supported (see resolve).
    for ent in ents:
        if ent.label_ not in ("ORG", "PERSON"):
            continue
        span = _trim(ent)
        if span is None:
            continue
        locative = _after_locative(span)
        # Listed after a place NER found ("between Coggeshall and Marks Tey"): see
        # _coordinated.
        listed = span.start >= 2 and tokens[span.start - 1].lower_ in _LIST
        listed = listed and span.start - 1 in place_ends
        if (
            ent.label_ == "PERSON"
            and len(span) > 1
            and not locative
            and not listed
            and not is_major(name_key(span.text))
        ):
            continue  # "Jordan Smith"; but "Tamil Nadu" mistaken for a person is a place
        span = _extend_tail(span, is_known)
        if any(taken[span.start : span.end]) or surname(span) or stray_acronym(span):
            continue
        if not locative and common_word(span):
            continue
        if is_known(name_key(span.text)):
            add(
                Mention(
                    span.start_char,
                    span.end_char,
                    span.text,
                    "entity",
                    ent.label_,
                    required=False,
                    weak=not locative,
                ),
                span.start,
                span.end,
            )
    i = 0
    while i < len(doc):
        tok = tokens[i]
        if not _loose(tok) or taken[i] or not _proper(tok):
            i += 1
            continue
        j = i
        while j < len(doc) and j - i < 3 and _loose(tokens[j]) and not taken[j]:
            if not _proper(tokens[j]):
                break
            j += 1
        span = doc[i:j]
        if len(span) > 1 and not is_known(name_key(span.text)):
            span = _known_part(span, is_known, is_major) or span
        weak = not _after_locative(span)
        if weak and common_word(span):
            i = j
            continue
        if is_known(name_key(span.text)) and not surname(span) and not stray_acronym(span):
            add(
                Mention(
                    span.start_char,
                    span.end_char,
                    span.text,
                    "entity",
                    "",
                    required=False,
                    weak=weak,
                ),
                span.start,
                span.end,
            )
        i = j

    # "X, Y" where NER missed Y, an AP state abbreviation ("Fresno, Calif.", "Bismarck,
    # N.D."), and party-state labels of politicians ("D-S.C.", "R-Texas").
    ends = {end: first for _, first, end in found}
    for tok in tokens:
        if tok.text == "," and tok.i in ends and tok.i + 1 < len(doc):
            for n in (2, 1):
                span = doc[tok.i + 1 : tok.i + 1 + n]
                if len(span) == n and not any(taken[span.start : span.end]):
                    key = name_key(span.text)
                    # "Ames, IA" but not "Ames, in a ...": two-letter codes in capitals only
                    if key in lexicon.comma_aliases and (len(key) > 2 or span.text.isupper()):
                        add(
                            Mention(span.start_char, span.end_char, span.text, "entity", "GPE"),
                            span.start,
                            span.end,
                        )
                        break
        if (
            tok.text in ("D", "R", "I")
            and tok.i + 2 < len(doc)
            and tokens[tok.i + 1].text == "-"
            and not tok.whitespace_
            and not tokens[tok.i + 1].whitespace_
        ):
            for n in (2, 1):
                span = doc[tok.i + 2 : tok.i + 2 + n]
                key = name_key(span.text)
                if len(span) < n or any(taken[span.start : span.end]):
                    continue
                if key in lexicon.comma_aliases or key in lexicon.aliases or is_known(key):
                    mention = Mention(span.start_char, span.end_char, span.text, "entity", "GPE")
                    add(mention, span.start, span.end)
                    break

    # "X, Y" where NER missed X: a capitalised word before ", <known region>".
    for tok in tokens:
        if tok.text != "," or tok.i == 0 or tok.i + 1 >= len(doc):
            continue
        y = by_token.get(tok.i + 1)
        prev = tokens[tok.i - 1]
        if y is None or taken[prev.i] or person[prev.i] or not prev.text[:1].isupper():
            continue
        if prev.is_sent_start or not is_known(prev.lower_):
            continue
        add(Mention(prev.idx, prev.idx + len(prev.text), prev.text, "comma"), prev.i, prev.i + 1)

    found.sort(key=lambda item: item[0].start)
    _coordinated(doc, found)
    name_ends = {e.end for e in ents if e.label_ in ("ORG", "FAC") and len(e) > 1}
    _appositive(doc, found, name_ends.union(facility_ends))
    mentions = [m for m, _, _ in found]
    # Link "X, Y": Y directly after X and a comma.
    starts = {first: n for n, (_, first, _) in enumerate(found)}
    for mention, _, end in found:
        if end < len(doc) and tokens[end].text == ",":
            j = starts.get(end + 1)
            if j is not None and mentions[j].kind in ("entity", "comma", "dateline"):
                if _peers(mention, j, found, tokens, starts, lexicon, is_region):
                    mention.listed = mentions[j].listed = True
                else:
                    mention.container = j
    if match and match.group("y") and mentions and mentions[0].kind == "dateline":
        for j, other in enumerate(mentions[1:3], start=1):
            if other.start == match.start("y"):
                mentions[0].container = j
    return mentions
