"""Group mentions into actors: names, role nouns, appositions and pronouns.

- Names: same office holder, same name key, or the same surname with compatible first
  names ("Bashar al Assad" ... "Assad" ... "al-Assad"; "Zelensky" / "Zelenskyy").
- Countries, organisations and outlets: the same lexicon entry.
- Agent phrases: a definite description with the same agent word and a compatible code
  ("the Russian Armed Forces" ... "the Armed Forces"); role nouns ("the Russian leader",
  "his Russian counterpart", "the spokesman") go to the most recent person that fits,
  else to the office holder of that country and role on the publication date.
- Pronouns: the most plausible recent actor — kind, gender and number must fit; subjects,
  the same or previous sentence and closeness score higher; an object pronoun does not
  take its own clause's subject ("Putin welcomed him").
- Role nouns nothing else codes ("gunmen", "the police", "five people"): CAMEO's generic
  agent code ("UAF", "COP", "CVL"), with the story's country (its dateline, or the country
  it names most) when the sector is a domestic one (``sectors.tsv``, column ``local``).
Everything is linear in the number of mentions: indexes by key, bounded look-back.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from .lexicon import ActorLexicon
from .matching import sentence_spans
from .mentions import PRONOUNS, Mention
from .names import name_tokens
from .office_holders import OfficeHolder

_LOOKBACK_SENTENCES = 2
_LOOKBACK_ENTITIES = 40
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_OBJECT_DEPS = frozenset({"dobj", "pobj", "dative", "iobj"})
_GENERIC_ROLES = frozenset({"leader", "counterpart", "counterparts", "president", "head", "chief"})


@dataclass(slots=True, eq=False)
class Entity:
    """One real-world actor under construction."""

    kind: str
    mentions: list[int] = field(default_factory=list)
    code: str | None = None
    country: str | None = None
    sectors: tuple[str, ...] = ()
    holder: OfficeHolder | None = None
    gender: str = ""
    plural: bool = False
    names: list[str] = field(default_factory=list)
    canonical: str = ""
    heads: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    name_keys: set[tuple[str, ...]] = field(default_factory=set)
    last: int = -1  # token index of the latest mention
    generic: bool = False  # coded only as a role ("gunmen", "the police"), not by the text


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, a: int) -> int:
        while self.parent[a] != a:
            self.parent[a] = self.parent[self.parent[a]]
            a = self.parent[a]
        return a

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass(slots=True)
class _State:
    doc: Doc
    lexicon: ActorLexicon
    published: dt.date | None
    mentions: list[Mention]
    sent_of: list[int]
    entities: list[Entity] = field(default_factory=list)
    of_mention: dict[int, Entity] = field(default_factory=dict)
    by_key: dict[str, Entity] = field(default_factory=dict)
    by_surname: dict[str, list[Entity]] = field(default_factory=dict)
    by_holder: dict[int, Entity] = field(default_factory=dict)
    recent: list[Entity] = field(default_factory=list)  # most recent last, bounded
    countries: Counter[str] = field(default_factory=Counter)  # mentions per country so far
    named_holders: set[int] = field(default_factory=set)  # ids of holders named in the doc


def resolve(
    doc: Doc, mentions: list[Mention], lexicon: ActorLexicon, published: dt.date | None
) -> list[Entity]:
    """Cluster ``mentions`` into entities (mention indices point into ``mentions``)."""
    sent_of = [0] * len(doc)
    for n, sent in enumerate(sentence_spans(doc)):
        for i in range(sent.start, sent.end):
            sent_of[i] = n
    st = _State(doc, lexicon, published, mentions, sent_of)
    st.named_holders = {id(m.holder) for m in mentions if m.holder is not None}
    uf = _UnionFind(len(mentions))
    for k, m in enumerate(mentions):
        if m.link is not None and 0 <= m.link < len(mentions):
            uf.union(k, m.link)
    groups: dict[int, list[int]] = {}
    for k in range(len(mentions)):
        groups.setdefault(uf.find(k), []).append(k)
    group_entity: dict[int, Entity] = {}
    for k, m in enumerate(mentions):
        g = uf.find(k)
        entity = group_entity.get(g)
        if entity is None:
            members = groups[g]
            rep = _representative(mentions, members)
            entity = _resolve_one(st, rep, mentions[rep])
            if entity is None:
                continue  # an unresolved pronoun
            group_entity[g] = entity
            for other in members:
                if other != k:
                    _absorb(st, entity, mentions[other], info_only=True)
        sides = _both_sides_countries(st, m)
        if sides:
            _code_as(st, m, sides[0])
            entity.canonical = entity.canonical or _side_name(st, m, sides[0])
        _attach(st, entity, k, m)
        if sides:
            second = Entity(kind=m.kind, canonical=_side_name(st, m, sides[1]))
            st.entities.append(second)
            _code_as(st, m, sides[1])
            _absorb(st, second, m)
            second.mentions.append(k)
            second.last = m.start
    _share_conjunct_countries(st)
    _code_from_owner(st)
    _code_from_context(st)
    return [e for e in st.entities if e.mentions]


def _both_sides_countries(st: _State, m: Mention) -> list[str]:
    """The article's two most mentioned countries, for "officials of both sides"."""
    if m.category != "agent" or m.country is not None:
        return []
    if not (m.both or any(st.mentions[c].both for c in m.conj)):
        return []
    top = [c for c, _ in st.countries.most_common(2)]
    return top if len(top) == 2 else []


def _side_name(st: _State, m: Mention, country: str) -> str:
    return f"{m.name} ({st.lexicon.country_names.get(country, country)})"


def _code_as(st: _State, m: Mention, country: str) -> None:
    code = country + "".join(m.sectors)
    m.code = code if st.lexicon.valid_code(code) else country
    m.country = country


def _representative(mentions: list[Mention], members: list[int]) -> int:
    for k in members:
        if mentions[k].named:
            return k
    return members[0]


def _new(st: _State, m: Mention) -> Entity:
    entity = Entity(kind=m.kind if m.category != "pronoun" else "person")
    st.entities.append(entity)
    return entity


def _resolve_one(st: _State, k: int, m: Mention) -> Entity | None:
    if m.category == "pronoun":
        return _resolve_pronoun(st, m)
    if m.category == "name":
        return _resolve_name(st, m) or _new(st, m)
    if m.key:
        found = st.by_key.get(m.key)
        return found or _new(st, m)
    if m.category == "agent":
        _possessor_country(st, m)
        return _resolve_agent(st, m) or _new(st, m)
    return _new(st, m)


def _possessor_country(st: _State, m: Mention) -> None:
    """ "Putin said his troops…": a possessed agent takes its possessor's country."""
    info = PRONOUNS.get(m.pronoun)
    if info is None or m.country is not None or m.head.startswith("counterpart"):
        return  # "his counterpart" is someone else's office
    probe = Mention(m.start, m.start + 1, info[0], "pronoun", pronoun=m.pronoun, gender=info[1])
    owner = _resolve_pronoun(st, probe)
    if owner is not None and owner.country:
        _code_as(st, m, owner.country)


def _resolve_name(st: _State, m: Mention) -> Entity | None:
    if m.holder is not None:
        found = st.by_holder.get(id(m.holder))
        if found is not None:
            return found
    tokens = name_tokens(m.name)
    if not tokens:
        return None
    if len(tokens) == 1 and m.category == "name":
        # A surname alone is the person the article already named ("Tony Blair" ... "Blair"),
        # whoever of that name the office-holder list would pick for the date.
        named = [e for e in st.by_surname.get(tokens[0], []) if e.kind == "person"]
        if named:
            best = max(named, key=lambda e: e.last)
            if m.holder is not None and best.holder is not m.holder:
                _forget_holder(m)
            return best
    best: Entity | None = None
    for e in st.by_surname.get(tokens[-1], []):
        if m.holder is not None and e.holder is not None and e.holder is not m.holder:
            continue
        if not _first_names_fit(tokens, e):
            continue
        if best is None or e.last > best.last:
            best = e
    if best is None and len(tokens) == 1:
        # A one-word name may be a longer name's other part ("Bashar" ... rarely used alone).
        return None
    return best


def _forget_holder(m: Mention) -> None:
    """Drop what a surname-only list lookup said about ``m`` (the article knows better)."""
    m.holder = None
    m.former = False
    m.code = None
    m.country = None
    m.sectors = ()
    m.canonical = ""


def _first_names_fit(tokens: tuple[str, ...], e: Entity) -> bool:
    """ "Assad" fits anyone called Assad; "Anna Novak" does not fit "Boris Novak"."""
    if len(tokens) == 1:
        return True
    full = [k for k in e.name_keys if len(k) > 1]
    if not full:
        return True
    for known in full:
        if known == tokens or known[0] == tokens[0]:
            return True
        if known[0][:1] == tokens[0][:1] and (len(known[0]) == 1 or len(tokens[0]) == 1):
            return True  # an initial: "G. Bush"
    return False


def _resolve_agent(st: _State, m: Mention) -> Entity | None:
    if m.kind == "person":
        return _resolve_role(st, m)
    if m.indefinite:
        return None
    for e in reversed(st.recent):
        if e.kind != m.kind or m.head not in e.heads:
            continue
        if m.code is not None and e.code is not None and m.code != e.code:
            continue
        if m.definite:
            return e  # "the rebels" after "Syrian rebels"
        if e.code == m.code and m.name.lower() in (n.lower() for n in e.names):
            return e  # "Syrian rebels" ... "Syrian rebels"
    return None


def _resolve_role(st: _State, m: Mention) -> Entity | None:
    if m.indefinite:
        return None
    for e in reversed(st.recent):
        if e.kind != "person" or e.plural:
            continue
        if m.country is not None and e.country != m.country:
            continue
        if m.head in e.heads:
            return e
        if m.country is None:
            continue
        if m.role and (m.role in e.roles):
            return e
        if m.head in _GENERIC_ROLES and "GOV" in e.sectors:
            return e
    # "The minister told delegates…": a bare definite role noun is most often the person
    # the story is about, if one was named in the last few sentences.
    if m.country is None and m.definite and not m.pronoun:
        sent = st.sent_of[m.start]
        for e in reversed(st.recent):
            if e.kind != "person" or e.plural or not e.name_keys:
                continue
            last = _last_before(st, e, m.start)
            if last is None or sent - st.sent_of[st.mentions[last].start] > 3:
                continue
            if (not e.heads or m.head in e.heads) and (
                not e.gender or not m.gender or e.gender == m.gender
            ):
                return e
            break
    # No earlier person fits: the office holder of that country and role on that day.
    holder = None
    if m.country and m.role in (
        "head_of_state",
        "head_of_government",
        "foreign_minister",
        "defence_minister",
    ):
        holder = st.lexicon.holders.holder_of(m.country, m.role, st.published)
    elif m.country and m.role == "leader":
        # "the Russian leader": the head of state or of government, whichever the article
        # names somewhere (which of them leads depends on the country's system).
        for role in ("head_of_state", "head_of_government"):
            found = st.lexicon.holders.holder_of(m.country, role, st.published)
            if found is not None and id(found) in st.named_holders:
                holder = found
                break
    if holder is None:
        return None
    found_entity = st.by_holder.get(id(holder))
    if found_entity is not None:
        return found_entity
    entity = Entity(kind="person")
    st.entities.append(entity)
    entity.holder = holder
    entity.canonical = holder.name
    entity.code = holder.code
    entity.country = holder.country
    entity.sectors = st.lexicon.sectors_of(holder.code)
    st.by_holder[id(holder)] = entity
    for form in (holder.name, *holder.aliases):
        _index_name(st, entity, form)
    return entity


def _index_name(st: _State, entity: Entity, text: str) -> None:
    tokens = name_tokens(text)
    if not tokens:
        return
    entity.name_keys.add(tokens)
    bucket = st.by_surname.setdefault(tokens[-1], [])
    if entity not in bucket:
        bucket.append(entity)


def _resolve_pronoun(st: _State, m: Mention) -> Entity | None:
    doc = st.doc
    tok = doc[m.start]
    sent = st.sent_of[m.start]
    wanted = m.kind
    best: tuple[float, Entity] | None = None
    for e in reversed(st.recent):
        if not _pronoun_fits(wanted, m, e):
            continue
        last_mention = _last_before(st, e, m.start)
        if last_mention is None:
            continue
        prev = st.mentions[last_mention]
        distance_s = sent - st.sent_of[prev.start]
        if distance_s > _LOOKBACK_SENTENCES:
            continue
        if wanted == "plural" and not (e.plural or e.kind == "group") and distance_s > 0:
            continue  # "they" for a singular organisation only within its own sentence
        head = doc[prev.root]
        subject = head.dep_ in _SUBJECT_DEPS or (
            head.dep_ in ("conj", "appos") and head.head.dep_ in _SUBJECT_DEPS
        )
        score = {0: 2.0, 1: 1.0}.get(distance_s, 0.0)
        if wanted == "plural" and distance_s == 0:
            score += 1.5  # "thanked the government for their help": plural things stay local
        if wanted in ("person", "plural"):
            score += 2.5 if subject else 0.0
            score -= 0.02 * (m.start - prev.end)
        else:
            score += 0.5 if subject else 0.0
            score -= 0.1 * (m.start - prev.end)
        if (
            distance_s == 0
            and subject
            and tok.dep_ in _OBJECT_DEPS
            and m.pronoun
            not in ("his", "her", "its", "their", "himself", "herself", "itself", "themselves")
        ):
            score -= 5.0  # "Putin welcomed him": not Putin
        if best is None or score > best[0]:
            best = (score, e)
    return best[1] if best else None


def _pronoun_fits(wanted: str, m: Mention, e: Entity) -> bool:
    if wanted == "person":
        return e.kind == "person" and not e.plural and (not e.gender or e.gender == m.gender)
    if wanted == "thing":
        return e.kind in ("country", "organization") and not e.plural
    return e.plural or e.kind == "group" or (e.kind == "organization")


def _last_before(st: _State, e: Entity, token: int) -> int | None:
    for k in reversed(e.mentions):
        if st.mentions[k].start < token:
            return k
    return None


def _absorb(st: _State, e: Entity, m: Mention, *, info_only: bool = False) -> None:
    """Take what ``m`` says about the actor (code, names, gender) into ``e``."""
    if m.category == "pronoun":
        if m.gender and not e.gender and e.kind == "person":
            e.gender = m.gender
        return
    if m.code and (
        e.code is None
        or (len(m.code) > len(e.code) and m.code.startswith(e.code[:3]) and not m.former)
    ):
        e.code = m.code
        e.country = m.country or st.lexicon.country_of(m.code)
        e.sectors = st.lexicon.sectors_of(m.code)
    elif not e.code and m.sectors and not e.sectors:
        e.sectors = m.sectors
    if e.country is None and m.country:
        e.country = m.country
    if m.holder is not None and e.holder is None:
        e.holder = m.holder
        st.by_holder[id(m.holder)] = e
        for form in (m.holder.name, *m.holder.aliases):
            _index_name(st, e, form)
    if m.canonical and not e.canonical:
        e.canonical = m.canonical
    if m.gender and not e.gender:
        e.gender = m.gender
    if m.head:
        e.heads.add(m.head)
    if m.role:
        e.roles.add(m.role)
    if m.holder is not None:
        e.roles.add(m.holder.role)
    e.plural = e.plural or (m.plural and m.kind != "person")
    if m.named or m.category == "agent":
        e.names.append(m.name)
    if m.category == "name":
        _index_name(st, e, m.name)
    if m.key and m.key not in st.by_key:
        st.by_key[m.key] = e
    if e.kind != m.kind and m.category == "name":
        e.kind = m.kind


def _attach(st: _State, e: Entity, k: int, m: Mention) -> None:
    _absorb(st, e, m)
    if e.country and m.category != "pronoun":
        st.countries[e.country] += 1
    e.mentions.append(k)
    e.last = max(e.last, m.start)
    if st.recent and st.recent[-1] is e:
        return
    if e in st.recent:
        st.recent.remove(e)
    st.recent.append(e)
    if len(st.recent) > _LOOKBACK_ENTITIES:
        del st.recent[0]


def _share_conjunct_countries(st: _State) -> None:
    """ "the Emergencies Ministry and the Russian Armed Forces": coordinated agents share a
    country when only one of them names it."""
    owner = {k: e for e in st.entities for k in e.mentions}
    for e in st.entities:
        if e.country is not None or e.kind == "person":
            continue
        for k in e.mentions:
            m = st.mentions[k]
            if m.category != "agent":
                continue
            for other in m.conj:
                o = owner.get(other)
                if o is not None and o is not e and o.country and o.kind != "person":
                    e.country = o.country
                    code = o.country + "".join(e.sectors)
                    if st.lexicon.valid_code(code):
                        e.code = code
                    break
            if e.country:
                break


_OWNER_PREPS = frozenset({"of", "from", "for"})


def _code_from_owner(st: _State) -> None:
    """ "a spokesman for the UN", "representatives from the Emergencies Ministry": an uncoded
    weak agent takes the code of the organisation it speaks for."""
    doc = st.doc
    owner = {st.mentions[k].start: e for e in st.entities for k in e.mentions}
    for e in st.entities:
        if e.code is not None:
            continue
        for k in e.mentions:
            m = st.mentions[k]
            if m.category != "agent" or not m.weak or m.end >= len(doc):
                continue
            if doc[m.end].lower_ not in _OWNER_PREPS:
                continue
            nxt = m.end + 1
            if nxt < len(doc) and doc[nxt].lower_ == "both":
                nxt += 1
            o = owner.get(nxt)
            if o is None or o is e or o.code is None or o.kind == "person":
                continue
            e.code, e.country = o.code, o.country
            e.sectors = st.lexicon.sectors_of(o.code)
            break


# "BEIRUT, Lebanon (AP) —", "MINGORA, Pakistan -", "KABUL:" — a place opening the story.
_DATELINE = re.compile(
    r"\A\s*(?P<place>[A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){0,3})"
    r"(?P<rest>(?:, [^,\n()]{1,40}?){0,2}),?\s*(?:\([^()\n]{1,40}\)\s*)?(?:--?|\u2014|\u2013|:)\s"
)


def _dateline_country(st: _State) -> str | None:
    """The country of the story's dateline, when it opens with one."""
    doc = st.doc
    if not len(doc) or not doc[0].is_upper and not doc[0].is_title:
        return None
    match = _DATELINE.match(doc[: min(len(doc), 40)].text)  # (doc.text copies the whole text)
    if match is None:
        return None
    letters = [c for c in match["place"] if c.isalpha()]
    if not match["rest"] and not all(c.isupper() for c in letters):
        return None  # "Gaza: …" in a headline; a dateline is upper case or "Town, Country"
    for m in st.mentions:
        if doc[m.start].idx >= match.end():
            break
        if m.category == "country" and m.code:
            return m.code[:3]
    return None


def _country_sentences(st: _State) -> dict[str, tuple[int, set[int]]]:
    """Countries the article names: mentions and the sentences they are in.

    Countries, capitals and demonyms count, and actors coded with a country; news outlets
    do not (an agency's home is not the story's country).
    """
    out: dict[str, tuple[int, set[int]]] = {}
    for m in st.mentions:
        if m.category == "country" and m.code:
            country: str | None = m.code[:3]
        elif m.category in ("agent", "name") and m.country and "MED" not in m.sectors:
            country = m.country
        else:
            continue
        if country is None or country not in st.lexicon.country_names:
            continue
        count, sents = out.get(country, (0, set()))
        sents.add(st.sent_of[m.start])
        out[country] = (count + 1, sents)
    return out


def _code_from_context(st: _State) -> None:
    """Role nouns that name no country and no organisation ("gunmen", "the government",
    "police"): CAMEO's generic agent code ("UAF", "GOV", "COP"), with the country of the
    story when it has one (``_story_country``)."""
    lex = st.lexicon
    named: dict[str, tuple[int, set[int]]] | None = None
    dateline: str | None = None
    for e in st.entities:
        if e.code is not None or not e.sectors or e.kind == "country":
            continue
        own = [st.mentions[k] for k in e.mentions if st.mentions[k].category != "pronoun"]
        if not own or any(m.category not in ("agent", "org") or m.named and m.code for m in own):
            continue
        if any(m.category == "org" and not m.key.startswith("orgname:") for m in own):
            continue
        if any(m.head.startswith("counterpart") or m.both for m in own):
            continue  # someone else's office
        if any(m.weak and _owned(st.doc, m) for m in own):
            continue  # "the head of Acme Corp": whoever owns it, not the state
        country = e.country
        if country is None and set(e.sectors) <= lex.local_sectors:
            if named is None:
                named = _country_sentences(st)
                dateline = _dateline_country(st)
            country = _story_country(named, dateline, st.sent_of[own[0].start])
        code = (country or "") + "".join(e.sectors)
        if lex.valid_code(code):
            e.code = code
            e.country = country
            e.generic = True


def _owned(doc: Doc, m: Mention) -> bool:
    return m.end < len(doc) and doc[m.end].lower_ in _OWNER_PREPS


def _story_country(
    named: dict[str, tuple[int, set[int]]], dateline: str | None, sent: int
) -> str | None:
    """The country a story is about: the one it names most, alone at the top, with the
    dateline's country counting once more ("WASHINGTON — … Iraq … Iraqi" is a tie: no
    country). It must be named outside sentence ``sent`` or in the dateline: a lone
    sentence such as "The government thanked Japan" says nothing of whose government."""
    counts = {c: n + (c == dateline) for c, (n, _) in named.items()}
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    top, count = ranked[0]
    if len(ranked) > 1 and ranked[1][1] == count:
        return None
    return top if top == dateline or named[top][1] - {sent} else None
