"""Match a predicate token against the pattern lexicon: which CAMEO code, if any."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .arguments import is_passive
from .lexicon import STOP, EventLexicon, Pattern

_MOD_DEPS = ("compound", "amod", "nmod", "npadvmod", "nummod")
_OBJ_DEPS = ("dobj", "attr", "oprd", "acomp", "dative")


@dataclass(frozen=True, slots=True)
class Match:
    """A predicate token coded by one pattern; ``consumed`` tokens are part of the predicate."""

    token: Token
    pattern: Pattern
    consumed: tuple[int, ...]  # token indices (objects, condition nouns, particles)
    obj: Token | None  # the object token matched by ``+…`` (verbs)


def keys(tok: Token) -> set[str]:
    """Lemma keys of a token: its lemma and surface, and ``modifier-lemma`` compounds."""
    lemma = tok.lemma_.lower()
    out = {lemma, tok.lower_}
    for c in tok.children:
        if c.dep_ in _MOD_DEPS:
            mod = c.lemma_.lower()
            out.add(f"{mod}-{lemma}")
            out.add(f"{mod}-{tok.lower_}")
            for cc in c.children:  # "special military operation", "state of emergency"
                if cc.dep_ in _MOD_DEPS:
                    out.add(f"{cc.lemma_.lower()}-{mod}-{lemma}")
        elif c.dep_ == "prep" and c.lower_ == "of":
            for obj in c.children:
                if obj.dep_ == "pobj":
                    out.add(f"{lemma}-of-{obj.lemma_.lower()}")
                    if lemma in _QUANTITIES or tok.pos_ == "NUM":
                        # "fired dozens of rockets": the rockets are the object.
                        out |= keys(obj)
    return out


_QUANTITIES = frozenset(
    "dozen hundred thousand million score number series wave barrage volley salvo lot batch "
    "pair couple group handful several many some more most cache stash shipment consignment".split()
)


def modifier_keys(tok: Token) -> set[str]:
    """Modifier lemmas of a noun ("humanitarian" aid, "air" strike) and compound keys."""
    out: set[str] = set()
    for c in tok.children:
        if c.dep_ in _MOD_DEPS:
            out.add(c.lemma_.lower())
            out.add(c.lower_)
            for cc in c.children:
                if cc.dep_ in _MOD_DEPS or cc.dep_ == "conj":
                    out.add(cc.lemma_.lower())
                    out.add(f"{cc.lemma_.lower()}-{c.lemma_.lower()}")
        elif c.dep_ == "prep" and c.lower_ in ("of", "with"):
            # "an exchange of prisoners", "an attack with poison gas"
            for obj in c.children:
                if obj.dep_ == "pobj":
                    out.add(obj.lemma_.lower())
                    out |= {m.lemma_.lower() for m in obj.children if m.dep_ in _MOD_DEPS}
    return out


def _with_conj(tokens: list[Token]) -> list[Token]:
    out = list(tokens)
    for t in tokens:
        out.extend(c for c in t.children if c.dep_ == "conj")
    return out


def _conditions_hold(pattern: Pattern, anchors: list[Token]) -> list[int] | None:
    consumed: list[int] = []
    for prep, objs in pattern.conditions:
        hit = False
        for anchor in anchors:
            for c in anchor.children:
                if c.dep_ not in ("prep", "agent", "dative", "prt") or c.lower_ != prep:
                    continue
                for obj in c.children:
                    if obj.dep_ not in ("pobj", "pcomp"):
                        continue
                    if "*" in objs or keys(obj) & objs:
                        hit = True
                        if "*" not in objs:
                            consumed.append(obj.i)
        if not hit:
            return None
    return consumed


def match_verb(tok: Token, lexicon: EventLexicon) -> Match | None:
    """The most specific verb pattern that ``tok`` satisfies, or None."""
    entries = lexicon.verbs.get(tok.lemma_.lower())
    if not entries:
        return None
    passive = is_passive(tok)
    if passive:
        objs = [c for c in tok.children if c.dep_ in ("nsubjpass", "csubjpass")]
        if tok.dep_ == "acl" and not objs:
            objs = [tok.head]
    else:
        objs = [c for c in tok.children if c.dep_ in _OBJ_DEPS]
    objs = _with_conj(objs)
    particles = {c.lower_ for c in tok.children if c.dep_ in ("prt", "prep", "advmod")}
    for particle, pattern in entries:
        if particle is not None and particle not in particles:
            continue
        if pattern.intransitive and not passive and any(c.dep_ == "dobj" for c in tok.children):
            continue
        consumed: list[int] = []
        obj: Token | None = None
        if pattern.objects is not None:
            obj = next((o for o in objs if keys(o) & pattern.objects), None)
            if obj is None:
                continue
            consumed.append(obj.i)
        anchors = [tok] + ([obj] if obj is not None else [])
        extra = _conditions_hold(pattern, anchors)
        if extra is None:
            continue
        if pattern.code == STOP:
            return None
        return Match(tok, pattern, tuple(consumed + extra), obj)
    return None


def match_noun(tok: Token, lexicon: EventLexicon) -> Match | None:
    """The most specific event-noun pattern that ``tok`` satisfies, or None."""
    entries = lexicon.nouns.get(tok.lemma_.lower()) or lexicon.nouns.get(tok.lower_)
    if not entries:
        return None
    mods: set[str] | None = None
    for _, pattern in entries:
        if pattern.objects is not None:
            if mods is None:
                mods = modifier_keys(tok)
            if not mods & pattern.objects:
                continue
        extra = _conditions_hold(pattern, [tok])
        if extra is None:
            continue
        if pattern.code == STOP:
            return None
        return Match(tok, pattern, tuple(extra), None)
    return None
