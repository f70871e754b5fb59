"""Turn lexicon matches, named entities and pronouns into actor mentions.

A mention is one stretch of text that names (or refers to) an actor, with what the text
itself says about it: country, sectors, kind, a title or role noun. Coreference
(``coref.py``) later groups mentions into actors.

Rules, in order:
1. Agent phrases: an agent word ("police", "spokesman") with the modifiers before it
   ("the Syrian", "Russia's", "UN") and an "of/in COUNTRY" after it gives country + sector.
2. People: PERSON entities and office-holder names; a title phrase right before a name
   ("Russian President Vladimir Putin") or in apposition codes the person.
3. Countries, capitals, seats of power, organisations and outlets not used inside 1-2.
4. Other ORG entities (uncoded organisations) and pronouns.
People words ("people", "men", "a man") are actors only when counted ("five people",
"dozens of villagers") or, singular, as a clause argument ("a man was shot").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .lexicon import ActorLexicon, Entry
from .matching import Match, sentence_spans
from .names import name_tokens, surname_key
from .office_holders import OfficeHolder

PRONOUNS: dict[str, tuple[str, str, bool]] = {
    # word: (kind wanted, gender, plural)
    "he": ("person", "m", False),
    "him": ("person", "m", False),
    "his": ("person", "m", False),
    "himself": ("person", "m", False),
    "she": ("person", "f", False),
    "her": ("person", "f", False),
    "hers": ("person", "f", False),
    "herself": ("person", "f", False),
    "it": ("thing", "", False),
    "its": ("thing", "", False),
    "itself": ("thing", "", False),
    "they": ("plural", "", True),
    "them": ("plural", "", True),
    "their": ("plural", "", True),
    "themselves": ("plural", "", True),
}
_HONORIFICS = frozenset(
    {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "lady", "sheikh"}
)
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_POSS_PRONOUNS = frozenset({"his", "her", "its", "their", "our"})
_MODIFIER_POS = frozenset({"ADJ", "NOUN", "PROPN", "NUM"})
_EXPLETIVE_HEADS = frozenset(
    {"be", "seem", "appear", "take", "rain", "matter", "remain", "become", "happen", "look"}
)


@dataclass(slots=True, eq=False)
class Mention:
    """One reference to an actor, in token offsets ``start:end`` of the doc."""

    start: int
    end: int
    kind: str  # person | organization | country | group
    category: str  # name | agent | country | org | pronoun
    name: str = ""
    code: str | None = None
    country: str | None = None
    sectors: tuple[str, ...] = ()
    extra: list[int] = field(default_factory=list)  # title tokens also mapped to the actor
    holder: OfficeHolder | None = None
    former: bool = False
    head: str = ""  # agent phrase ("spokesman") for same-head coreference
    role: str = ""  # office-holder role a role noun stands for
    definite: bool = False
    indefinite: bool = False
    gender: str = ""
    plural: bool = False
    pronoun: str = ""
    named: bool = False  # a proper name (person, organisation, country)
    link: int | None = None  # index of a mention this one is in apposition with
    conj: list[int] = field(default_factory=list)  # coordinated mentions (share a country)
    canonical: str = ""  # lexicon's canonical name when known
    key: str = ""  # identity key for lexicon entities (code or name)
    both: bool = False  # "officials of both sides": one actor per side
    root: int = -1  # token index of the syntactic head of the mention
    weak: bool = False  # a weak agent word ("officials", "spokesman") that others code

    def tokens(self) -> range:
        return range(self.start, self.end)


@dataclass(slots=True)
class _Ctx:
    doc: Doc
    lexicon: ActorLexicon
    published: dt.date | None
    by_token: dict[int, Match]
    used: set[int] = field(default_factory=set)
    ents: list[Span] = field(default_factory=list)
    ent_of: dict[int, Span] = field(default_factory=dict)
    countries: frozenset[str] = frozenset()  # countries the article names (ISO alpha-3)
    sent_start: dict[int, int] = field(default_factory=dict)  # token -> its sentence's start


def build_mentions(
    doc: Doc, matches: list[Match], lexicon: ActorLexicon, published: dt.date | None
) -> list[Mention]:
    """All mentions of ``doc`` in text order (see the module docstring for the rules)."""
    by_token = {i: m for m in matches for i in range(m.start, m.end)}
    ctx = _Ctx(doc, lexicon, published, by_token)
    ctx.ents = list(doc.ents)  # doc.ents builds a new tuple on every access
    for sent in sentence_spans(doc):
        for i in range(sent.start, sent.end):
            ctx.sent_start[i] = sent.start
    ctx.ent_of = {i: e for e in ctx.ents for i in range(e.start, e.end)}
    ctx.countries = frozenset(
        e.country or (e.code or "")[:3]
        for m in matches
        for e in m.entries
        if e.category in ("country", "demonym", "capital")
    )
    mentions: list[Mention] = []
    names = _person_names(ctx, matches)
    name_starts = {s.start: s for s in names}
    agent_mentions = _agent_phrases(ctx, matches, name_starts)
    people = _people(ctx, names, agent_mentions)  # drops titles it folds into names
    mentions.extend(agent_mentions)
    mentions.extend(people)
    mentions.extend(_lexicon_names(ctx, matches))
    mentions.extend(_org_entities(ctx))
    mentions.extend(_pronouns(ctx))
    mentions.sort(key=lambda m: (m.start, m.end))
    for m in mentions:
        m.root = m.start if m.end - m.start == 1 else doc[m.start : m.end].root.i
    _acronyms(doc, mentions)
    _link_appositions(doc, mentions)
    _link_conjuncts(doc, mentions)
    return mentions


# --- people ---------------------------------------------------------------------------


def _person_names(ctx: _Ctx, matches: list[Match]) -> list[Span]:
    """Spans naming people: PERSON entities (trimmed of titles) and office-holder names."""
    doc = ctx.doc
    spans: list[Span] = []
    covered: set[int] = set()
    # Full names from the office-holder list first: they are the surest.
    for m in matches:
        if m.end - m.start > 1 and m.has("holder"):
            spans.append(doc[m.start : m.end])
            covered.update(range(m.start, m.end))
    for ent in ctx.ents:
        if ent.label_ != "PERSON" or any(i in covered for i in range(ent.start, ent.end)):
            continue
        start, end = ent.start, ent.end
        # "Dmitry Peskov" where NER marked only "Peskov": take the given names in front.
        while start > 0 and _name_part(ctx, start - 1) and doc[start - 1].dep_ == "compound":
            start -= 1
        # Titles and demonyms inside the entity ("President Obama") are not the name.
        while start < end and _is_title_or_place(ctx, start):
            start += 1
        while end > start and doc[end - 1].tag_ == "POS":
            end -= 1
        if start >= end:
            continue
        if end - start == 1 and _is_country_word(ctx, start) and not _after_title(ctx, start):
            continue  # "Jordan said": a one-word PERSON that is a country name is the country
        m = ctx.by_token.get(start)
        if m and m.start == start and m.end >= end and m.has("org", "media", "seat"):
            continue
        spans.append(doc[start:end])
        covered.update(range(start, end))
    surnames = {surname_key(s.text) for s in spans if len(s) > 1}
    for m in matches:
        if not m.has("holder") or any(i in covered for i in range(m.start, m.end)):
            continue
        tok = doc[m.start]
        titled = _after_title(ctx, m.start)
        if tok.ent_type_ not in ("", "PERSON", "ORG", "NORP", "GPE") and not titled:
            continue  # "in May": a date, not Theresa May
        if m.has("country", "demonym", "capital", "org", "media", "seat"):
            continue
        known = tok.is_title and surname_key(tok.text) in surnames
        if tok.pos_ != "PROPN" and not titled and not known:
            continue
        spans.append(doc[m.start : m.end])
        covered.update(range(m.start, m.end))
    # A surname the NER took for an organisation or place ("Castell said"), once the
    # article has named that person in full.
    # (or "Hugo Castell" taken for a work of art, once "Castell" is a PERSON elsewhere).
    surnames = {surname_key(s.text) for s in spans}
    for ent in ctx.ents:
        if ent.label_ in ("PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"):
            continue
        if any(i in covered or i in ctx.by_token for i in range(ent.start, ent.end)):
            continue
        if all(t.pos_ == "PROPN" for t in ent) and surname_key(ent.text) in surnames:
            spans.append(ent)
            covered.update(range(ent.start, ent.end))
    # "Zelenskyy thanked…" with no entity at all: a capitalised word that is the surname of
    # someone the article has already named.
    if surnames:
        for tok in doc:
            if tok.i in covered or tok.i in ctx.by_token or tok.ent_type_:
                continue
            if tok.pos_ in ("PROPN", "NOUN") and tok.is_title and surname_key(tok.text) in surnames:
                spans.append(doc[tok.i : tok.i + 1])
                covered.add(tok.i)
    # "the Brazilian foreign minister, Ana Costa,": a proper name in apposition to a title.
    for m in matches:
        entry = m.first("agent")
        if entry is None or entry.kind != "person":
            continue
        head = doc[m.end - 1]
        for tok in (*[c for c in head.children if c.dep_ == "appos"], head):
            if tok is head and head.dep_ != "appos":
                continue
            cand = tok if tok is not head else head.head
            if cand.pos_ != "PROPN" or cand.i in covered:
                continue
            a = cand.i
            while a > 0 and _name_part(ctx, a - 1) and doc[a - 1].dep_ == "compound":
                a -= 1
            if not all(_name_part(ctx, i) or i == cand.i for i in range(a, cand.i + 1)):
                continue
            if cand.i in ctx.by_token and not _after_title(ctx, a):
                continue
            spans.append(doc[a : cand.i + 1])
            covered.update(range(a, cand.i + 1))
    # A capitalised word right after a title is a name even when NER missed it.
    for m in matches:
        entry = m.first("agent")
        if entry is None or entry.kind != "person" or m.end >= len(doc):
            continue
        i = m.end
        if i in covered or i in ctx.by_token:
            continue
        j = i
        while j < len(doc) and j - i < 4 and doc[j].pos_ == "PROPN" and j not in ctx.by_token:
            j += 1
        if j == i and doc[i].is_alpha and doc[i].text[:1].isupper() and doc[i].pos_ != "VERB":
            j = i + 1
        if j > i and ctx.sent_start.get(i) == ctx.sent_start.get(m.start):
            spans.append(doc[i:j])
            covered.update(range(i, j))
    spans.sort(key=lambda s: s.start)
    return spans


def _name_part(ctx: _Ctx, i: int) -> bool:
    tok = ctx.doc[i]
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and i not in ctx.by_token


def _is_title_or_place(ctx: _Ctx, i: int) -> bool:
    m = ctx.by_token.get(i)
    if m is None:
        return ctx.doc[i].lower_ in ("the", "a", "an")
    return m.has("agent", "demonym", "country", "capital", "seat", "org", "media") and not m.has(
        "holder"
    )


def _is_country_word(ctx: _Ctx, i: int) -> bool:
    m = ctx.by_token.get(i)
    return bool(m and m.has("country", "capital", "demonym"))


def _after_title(ctx: _Ctx, i: int) -> bool:
    m = ctx.by_token.get(i - 1) if i > 0 else None
    entry = m.first("agent") if m else None
    return bool(entry and entry.kind == "person")


def _people(ctx: _Ctx, names: list[Span], agents: list[Mention]) -> list[Mention]:
    lex = ctx.lexicon
    titles_by_end = {a.end: a for a in agents if a.kind == "person"}
    out: list[Mention] = []
    for span in names:
        if any(i in ctx.used for i in range(span.start, span.end)):
            continue
        text = span.text
        mention = Mention(span.start, span.end, "person", "name", name=text, named=True)
        lookup = lex.holders.lookup(text, ctx.published, countries=ctx.countries)
        if lookup is None and len(span) > 1:
            # "Bashar Assad" where the list says "Bashar al-Assad": the surname, if unique today.
            lookup = lex.holders.lookup(
                text, ctx.published, surname_only=True, countries=ctx.countries
            )
            if lookup is not None and not _first_names_agree(text, lookup.holder):
                lookup = None
        if lookup is not None:
            mention.holder = lookup.holder
            mention.former = lookup.former
            mention.code = lookup.code
            mention.country = lookup.holder.country
            mention.sectors = lex.sectors_of(mention.code)
            mention.canonical = lookup.holder.name
        title = titles_by_end.get(span.start)
        if title is not None and title.link is None and not title.key:
            _apply_title(mention, title)
            if title.definite or title.pronoun:
                # "his Russian counterpart Vladimir Putin": both are mentions of one actor.
                title.key = f"title:{span.start}"
            else:
                # "Russian President Vladimir Putin": the title is part of the name's mention.
                mention.extra = list(range(title.start, title.end))
                title.start = title.end = -1
        ctx.used.update(range(span.start, span.end))
        out.append(mention)
    agents[:] = [a for a in agents if a.start >= 0]
    return out


def _first_names_agree(text: str, holder: OfficeHolder) -> bool:
    given = name_tokens(text)
    for form in (holder.name, *holder.aliases):
        known = name_tokens(form)
        if known and given and _same_given_name(given[0], known[0]):
            return True
    return False


def _same_given_name(a: str, b: str) -> bool:
    """ "Bashar" / "Bashar", an initial "G." / "George", or a short form "Vlad" / "Vladimir"."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[:1] == b[:1]
    short, full = sorted((a, b), key=len)
    return len(short) >= 3 and full.startswith(short)


def _apply_title(person: Mention, title: Mention) -> None:
    """A title phrase before or beside a name codes the person (unless the list is surer)."""
    if title.code and (person.code is None or not person.former):
        if person.code is None or len(title.code) >= len(person.code) or title.country:
            person.code = title.code
            person.country = title.country or person.country
            person.sectors = title.sectors or person.sectors
    elif title.sectors and not person.sectors:
        person.sectors = title.sectors
    person.gender = person.gender or title.gender
    if title.head not in _HONORIFICS:
        person.head = title.head
        person.role = title.role


# --- agent phrases ----------------------------------------------------------------------


def _agent_phrases(ctx: _Ctx, matches: list[Match], name_starts: dict[int, Span]) -> list[Mention]:
    doc, lex = ctx.doc, ctx.lexicon
    out: list[Mention] = []
    for m in matches:
        entry = m.first("agent")
        if entry is None or m.has("org", "media", "seat", "holder", "country"):
            continue
        if entry.strength == "name":
            continue  # only codes the organisation whose name it is part of
        head_tok = doc[m.end - 1]
        if head_tok.pos_ not in ("NOUN", "PROPN") and not (entry.strength == "title"):
            continue
        if entry.strength == "title" and m.end not in name_starts:
            continue
        # Skip agent words used inside a longer agent phrase ("government forces").
        nxt = ctx.by_token.get(m.end)
        if nxt is not None and nxt.first("agent") is not None and head_tok.dep_ == "compound":
            continue
        start, spans, org, seat, premod_sectors, det, poss = _left_modifiers(ctx, m)
        countries = [code for code, _, _ in spans]
        end = m.end
        post = False  # countries after the agent word ("of Iran and Iraq")
        if not countries and org is None and seat is None:
            found = _of_country(ctx, m.end)
            if found is not None:
                owners, consume = found
                countries = [code for code, _, _ in owners]
                if consume:
                    # first owner: "the ministers of Iran"; the others keep their own words
                    end = owners[0][2]
                    spans = [(owners[0][0], start, end), *owners[1:]]
                    post = True
                else:
                    spans = [(code, m.start, m.end) for code, _, _ in owners[:1]]
                    countries = countries[:1]
        sectors = _sectors(entry, premod_sectors)
        former = entry.kind == "person" and any(
            doc[i].lower_ in _FORMER for i in range(start, m.start)
        )
        if former:
            sectors = ("ELI",)  # "a former defence minister": an elite, no longer in office
        if (
            entry.strength == "weak"
            and entry.sectors == ("CVL",)
            and not (countries or org or seat or premod_sectors)
            and not _counted_people(doc, m, start, det)
        ):
            continue  # "women", "people", "children" on their own are not actors
        base_codes: list[str | None]
        if countries:
            base_codes = list(countries)
        elif org is not None:
            base_codes = [org.code]
        elif seat is not None:
            base_codes = [seat.code]
        else:
            base_codes = [None]
        # One mention per coordinated country ("US and British activists").
        for k, base in enumerate(base_codes):
            by_org = (org is not None or seat is not None) and not countries
            code = _compose(lex, base, sectors, entry, by_org)
            country = lex.country_of(code) if code else None
            if post:
                mention = Mention(spans[k][1], spans[k][2], entry.kind, "agent")
                if k:
                    owner = lex.country_names.get(spans[k][0], spans[k][0])
                    mention.canonical = f"{doc[m.start : m.end].text} of {owner}"
            elif k < len(base_codes) - 1:
                mention = Mention(spans[k][1], spans[k][2], entry.kind, "agent")
            else:
                mention = Mention(start, end, entry.kind, "agent")
                if len(base_codes) > 1:
                    mention.start = spans[k][1]
            mention.code = code
            mention.country = country
            mention.sectors = lex.sectors_of(code) if code else sectors
            mention.head = entry.name.lower()
            mention.role = "" if former else entry.role
            mention.weak = entry.strength == "weak"
            mention.gender = entry.gender
            mention.plural = entry.plural
            mention.definite = det in ("the", "this", "that", "these", "those") or bool(poss)
            mention.indefinite = det in ("a", "an")
            mention.pronoun = poss
            mention.name = doc[mention.start : mention.end].text
            mention.both = not countries and org is None and _both_sides(doc, end)
            out.append(mention)
        ctx.used.update(range(start, spans[-1][2] if post else end))
    return out


_Modifiers = tuple[int, list[tuple[str, int, int]], Entry | None, Entry | None, list[str], str, str]
_FORMER = frozenset({"former", "ex", "then", "retired"})


def _left_modifiers(ctx: _Ctx, m: Match) -> _Modifiers:
    """Walk left over the noun phrase before an agent word; collect what codes it.

    Returns (start token, countries as (code, start, end), organisation, seat of power,
    sectors of other agent words, determiner, possessive pronoun).
    """
    doc = ctx.doc
    sent_start = ctx.sent_start.get(m.start, 0)
    countries: list[tuple[str, int, int]] = []  # (code, start, end) in text order
    org: Entry | None = None
    seat: Entry | None = None
    sectors: list[str] = []
    det = ""
    poss = ""
    start = m.start
    i = m.start - 1
    while i >= sent_start:
        tok = doc[i]
        mt = ctx.by_token.get(i)
        if mt is not None and i not in ctx.used:
            country = mt.first("country", "demonym", "capital")
            holder = mt.first("holder")
            if _pro_anti(doc, mt.start):
                pass  # "pro-Russia rebels" are not Russian
            elif country is not None and country.code:
                countries.insert(0, (country.code, mt.start, mt.end))
            elif mt.first("org", "media") is not None:
                org = org or mt.first("org", "media")
            elif mt.first("seat") is not None:
                seat = seat or mt.first("seat")
            elif holder is not None and holder.country:
                countries.insert(0, (holder.country, mt.start, mt.end))
            elif mt.first("agent") is not None:
                agent = mt.first("agent")
                if agent is not None and agent.strength != "title":
                    sectors = list(agent.sectors) + sectors
            else:
                break
            start = mt.start
            i = mt.start - 1
            continue
        low = tok.lower_
        if tok.tag_ == "POS" or tok.text in ("-", "‐", "–"):
            i -= 1
            continue
        if (
            low in ("and", "or", ",")
            and i - 1 >= sent_start
            and countries
            and (_is_country_word(ctx, i - 1))
        ):
            i -= 1
            continue
        if low in _DETERMINERS:
            det = low
            start = i
            break
        if low in _POSS_PRONOUNS and tok.pos_ == "PRON":
            poss = low
            start = i
            break
        if tok.pos_ in _MODIFIER_POS and tok.ent_type_ not in (
            "PERSON",
            "DATE",
            "TIME",
            "CARDINAL",
        ):
            if tok.pos_ == "PROPN" and tok.ent_type_ == "GPE":
                break  # a city or state we do not code
            start = i
            i -= 1
            continue
        if tok.pos_ == "NUM" or (tok.pos_ == "ADV" and low in ("former", "then")):
            start = i
            i -= 1
            continue
        break
    # Trailing plain modifiers before a determiner stay; leading loose words are trimmed.
    while (
        start < m.start
        and doc[start].pos_ in ("ADP", "CCONJ", "PUNCT")
        and doc[start].tag_ != "POS"
    ):
        start += 1
    return start, countries, org, seat, sectors, det, poss


_SIDES = frozenset({"sides", "countries", "nations", "governments", "parties", "states"})


def _both_sides(doc: Doc, i: int) -> bool:
    """ "officials of both sides", "ministers from the two countries"."""
    if i + 2 >= len(doc) or doc[i].lower_ not in ("of", "from"):
        return False
    a, b = doc[i + 1].lower_, doc[i + 2].lower_
    if a == "both" and b in _SIDES:
        return True
    return a == "the" and b == "two" and i + 3 < len(doc) and doc[i + 3].lower_ in _SIDES


def _pro_anti(doc: Doc, i: int) -> bool:
    """ "pro-Russia", "anti-American": an attitude, not a nationality."""
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in ("pro", "anti")


def _of_country(ctx: _Ctx, i: int) -> tuple[list[tuple[str, int, int]], bool] | None:
    """Countries in "of/in/from [the] [modifiers] COUNTRY [and COUNTRY]" after an agent word.

    Returns the countries as (code, start, end) and whether the phrase owns them ("of").
    """
    doc = ctx.doc
    if i >= len(doc) or doc[i].lower_ not in ("of", "in", "from"):
        return None
    j = i + 1
    if j < len(doc) and doc[j].lower_ == "the":
        j += 1
    # "dissidents from military-ruled Myanmar": skip a few modifiers before the country.
    k = j
    while (
        k < len(doc)
        and k - j < 4
        and k not in ctx.by_token
        and (doc[k].pos_ in ("ADJ", "ADV", "VERB") or doc[k].text == "-")
    ):
        k += 1
    if k in ctx.by_token:
        j = k
    found: list[tuple[str, int, int]] = []
    while True:
        m = ctx.by_token.get(j)
        if m is None or m.start != j:
            break
        entry = m.first("country", "capital")
        if entry is None or not entry.code:
            break
        found.append((entry.code[:3], m.start, m.end))
        # "the ministers of Iran and Iraq": coordinated countries are owners too.
        if m.end + 1 < len(doc) and doc[m.end].lower_ in ("and", ","):
            j = m.end + 1
            continue
        break
    if not found:
        return None
    return found, doc[i].lower_ == "of"


_QUANTITY_WORDS = frozenset(
    "several many dozens hundreds thousands scores tens millions number handful".split()
)
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"})


def _counted_people(doc: Doc, m: Match, start: int, det: str) -> bool:
    """ "five people", "dozens of villagers", "a man" as a clause argument: people an
    event happens to (or who act), not "people" in general."""
    head = doc[m.end - 1]
    if any(c.dep_ == "nummod" or c.lower_ in _QUANTITY_WORDS for c in head.children):
        return True
    if any(doc[i].like_num or doc[i].lower_ in _QUANTITY_WORDS for i in range(start, m.start)):
        return True
    if head.dep_ == "pobj" and head.head.lower_ == "of":
        owner = head.head.head
        if owner.like_num or owner.lower_ in _QUANTITY_WORDS:
            return True  # "dozens of people", "hundreds of men"
    # One person an event happens to: "a man was shot", "mob lynches Muslim man" (not
    # "every person", "the man").
    if det == "" and (head.dep_ == "pobj" or start > 0 and doc[start - 1].pos_ in ("DET", "PRON")):
        return False  # "in person", "every man"
    return det in ("", "a", "an") and head.tag_ in ("NN", "NNP") and head.dep_ in _ARGUMENT_DEPS


# Non-state armed roles before a state force word: "rebel forces" are rebels, not an army.
_NON_STATE = ("REB", "UAF")


def _sectors(entry: Entry, premod: list[str]) -> tuple[str, ...]:
    if entry.strength == "weak" and premod:
        return tuple(dict.fromkeys(premod))
    if set(entry.sectors) <= {"MIL", "COP"} and any(s in _NON_STATE for s in premod):
        return tuple(s for s in dict.fromkeys(premod) if s in _NON_STATE)
    return entry.sectors


def _compose(
    lex: ActorLexicon, base: str | None, sectors: tuple[str, ...], entry: Entry, org_base: bool
) -> str | None:
    if base is None:
        return None
    if org_base and entry.strength == "weak":
        return base  # "the UN chief", "a Hamas spokesman": the organisation's own code
    if org_base and base.endswith("PTY") and lex.country_of(base) and entry.kind == "person":
        base = base[:3]  # "a Labour MP" is coded by the office: GBRLEG
    if (
        org_base
        and (base.startswith("IMG") or "REB" in base[3:])
        and set(sectors)
        <= {
            "REB",
            "MIL",
        }
    ):
        return base  # "Islamic State militants", "Hamas fighters": the group itself
    code = base
    for s in sectors:
        if not code.endswith(s):
            code += s
    return code if lex.valid_code(code) else base


# --- countries, organisations, outlets, pronouns ------------------------------------


def _lexicon_names(ctx: _Ctx, matches: list[Match]) -> list[Mention]:
    doc = ctx.doc
    out: list[Mention] = []
    for m in matches:
        if any(i in ctx.used for i in range(m.start, m.end)):
            continue
        entry = m.first("org", "media", "seat", "country", "capital", "demonym")
        if entry is None:
            continue
        if entry.category in ("country", "capital", "demonym") and _is_person_part(ctx, m):
            continue
        if entry.category == "capital" and _modifies_noun(doc, m):
            continue  # "the Moscow-based bank", "the Beijing Olympics"
        if entry.category == "country" and _us_state(doc, m):
            continue
        kind = entry.kind
        if entry.category == "demonym" and not entry.plural:
            kind = "country"
        mention = Mention(
            m.start, m.end, kind, "org" if entry.category in ("org", "media", "seat") else "country"
        )
        mention.code = entry.code
        mention.country = entry.country
        mention.sectors = entry.sectors
        mention.named = True
        mention.canonical = entry.name
        mention.plural = entry.plural
        mention.key = f"{entry.category}:{entry.name}:{entry.code}"
        if entry.category in ("country", "capital", "demonym"):
            mention.key = f"country:{entry.code}" if not entry.plural else f"people:{entry.code}"
            if entry.code and len(entry.code) > 3:
                mention.key = f"place:{entry.code}"
        start = m.start
        if (
            start > 0
            and doc[start - 1].lower_ == "the"
            and entry.category in ("org", "media", "seat")
        ):
            start -= 1
        mention.start = start
        mention.name = doc[start : m.end].text
        ctx.used.update(range(m.start, m.end))
        out.append(mention)
    return out


def _is_person_part(ctx: _Ctx, m: Match) -> bool:
    """A country word inside a longer personal name ("Jordan Henderson", "Chad Smith")."""
    doc = ctx.doc
    span = ctx.ent_of.get(m.start)
    if span is not None and span.label_ == "PERSON":
        return len(span) > m.end - m.start
    nxt = doc[m.end] if m.end < len(doc) else None
    return bool(
        nxt is not None
        and nxt.pos_ == "PROPN"
        and nxt.ent_type_ == "PERSON"
        and nxt.text[:1].isupper()
    )


def _modifies_noun(doc: Doc, m: Match) -> bool:
    last = doc[m.end - 1]
    if m.end + 1 < len(doc) and doc[m.end].text == "-" and doc[m.end + 1].lower_ == "based":
        return True
    return last.dep_ == "compound" and last.head.i >= m.end and last.head.pos_ in ("NOUN", "PROPN")


def _us_state(doc: Doc, m: Match) -> bool:
    """ "the state of Georgia", "Atlanta, Georgia": a US state, not the country."""
    if m.start >= 2 and doc[m.start - 1].lower_ == "of" and doc[m.start - 2].lower_ == "state":
        return True
    return m.end < len(doc) and doc[m.end].lower_ == "state" and doc[m.end].pos_ == "NOUN"


def _org_entities(ctx: _Ctx) -> list[Mention]:
    """ORG entities the lexicon does not know: uncoded organisations (maybe coded by parts)."""
    lex = ctx.lexicon
    out: list[Mention] = []
    for ent in ctx.ents:
        if ent.label_ != "ORG" or any(i in ctx.used for i in range(ent.start, ent.end)):
            continue
        if all(not t.is_alpha for t in ent):
            continue
        country = None
        sectors: tuple[str, ...] = ()
        for i in range(ent.start, ent.end):
            m = ctx.by_token.get(i)
            if m is None:
                continue
            c = m.first("country", "demonym", "capital")
            a = m.first("agent")
            if c is not None and country is None and c.code:
                country = c.code[:3]
            if a is not None and a.sectors:
                sectors = a.sectors
        mention = Mention(ent.start, ent.end, "organization", "org", name=ent.text, named=True)
        if country:
            code = country + "".join(sectors)
            mention.code = code if lex.valid_code(code) else country
            mention.country = country
        mention.sectors = sectors
        mention.key = f"orgname:{ent.text.lower().removeprefix('the ')}"
        ctx.used.update(range(ent.start, ent.end))
        out.append(mention)
    return out


def _pronouns(ctx: _Ctx) -> list[Mention]:
    out: list[Mention] = []
    for tok in ctx.doc:
        info = PRONOUNS.get(tok.lower_)
        if info is None or tok.pos_ != "PRON" or tok.i in ctx.used:
            continue
        if tok.lower_ == "it" and (
            tok.dep_ == "expl" or tok.head.pos_ != "VERB" or tok.head.lemma_ in _EXPLETIVE_HEADS
        ):
            continue  # "it is likely that…", "making it possible": no actor
        wanted, gender, plural = info
        mention = Mention(tok.i, tok.i + 1, wanted, "pronoun", name=tok.text)
        mention.pronoun = tok.lower_
        mention.gender = gender
        mention.plural = plural
        out.append(mention)
    return out


# --- links between mentions -----------------------------------------------------------


def _root(doc: Doc, m: Mention) -> Token:
    return doc[m.root]


def _link_appositions(doc: Doc, mentions: list[Mention]) -> None:
    """ "John Smith, a farmer," / "the US commander, General David Petraeus": one actor."""
    by_root: dict[int, int] = {}
    for k, m in enumerate(mentions):
        if m.category != "pronoun" and m.start >= 0:
            by_root[_root(doc, m).i] = k
    starts = {m.start: k for k, m in enumerate(mentions)}
    for k, m in enumerate(mentions):
        if m.key.startswith("title:"):
            person = starts.get(int(m.key.removeprefix("title:")))
            m.key = ""
            if person is not None:
                m.link = person
            continue
        if m.category == "pronoun":
            continue
        root = _root(doc, m)
        if root.dep_ != "appos":
            continue
        other = by_root.get(root.head.i)
        if other is None or other == k:
            continue
        a, b = mentions[other], m
        people = {a.kind, b.kind} == {"person"}
        if people and (a.category == "name") != (b.category == "name"):
            (name, name_k), title = ((a, other), b) if a.category == "name" else ((b, k), a)
            _apply_title(name, title)
            title.link = name_k
        elif (
            a.kind == b.kind
            and a.kind != "person"
            and (a.category == "agent") != (b.category == "agent")
        ):
            b.link = other


def _acronyms(doc: Doc, mentions: list[Mention]) -> None:
    """ "the Equal Opportunities Commission (EOC)": the acronym names the same organisation."""
    starts = {m.start: k for k, m in enumerate(mentions)}
    alias: dict[str, str] = {}
    for m in mentions:
        if m.key in alias:
            m.key = alias[m.key]
            continue
        if m.kind not in ("organization", "group") or m.end + 2 >= len(doc) or not m.key:
            continue
        if doc[m.end].text != "(" or doc[m.end + 2].text != ")":
            continue
        k = starts.get(m.end + 1)
        if k is None or not doc[m.end + 1].is_upper:
            continue
        short = mentions[k]
        if short.code is None or short.code == m.code:
            alias[short.key] = m.key
            short.key = m.key
            short.code = short.code or m.code


def _link_conjuncts(doc: Doc, mentions: list[Mention]) -> None:
    by_root = {}
    for k, m in enumerate(mentions):
        if m.category != "pronoun":
            by_root[_root(doc, m).i] = k
    for k, m in enumerate(mentions):
        if m.category == "pronoun":
            continue
        root = _root(doc, m)
        if root.dep_ == "conj":
            other = by_root.get(root.head.i)
            if other is not None and other != k:
                m.conj.append(other)
                mentions[other].conj.append(k)
    # "ministers, officials and envoys of both sides": the whole coordination has two sides.
    todo = [k for k, m in enumerate(mentions) if m.both]
    while todo:
        k = todo.pop()
        for other in mentions[k].conj:
            o = mentions[other]
            if not o.both and o.category == "agent" and o.country is None:
                o.both = True
                todo.append(other)
