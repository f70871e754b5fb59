"""Predicate–argument extraction: coded predicates, their dyads and modality, per sentence."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .arguments import (
    OWNER_PREPS,
    TARGET_OWNER_PREPS,
    agent,
    children,
    np_actors,
    prep_objects,
    subject,
)
from .candidate import Candidate
from .derived import derived
from .lexicon import EventLexicon
from .matching import Match, match_noun, match_verb
from .modality import apply_modality

# Default target prepositions when a pattern names none.
_VERB_TARGET_PREPS = frozenset({"against", "with", "toward", "towards", "on", "upon", "to"})
_NOUN_TARGET_PREPS = frozenset(
    {"with", "against", "on", "to", "toward", "towards", "at", "for", "upon", "into"}
)
# A nominal event is reported (not background) when it heads a clause argument or sits in
# a temporal/circumstantial phrase of a verb ("killed in an air strike", "after talks").
_NOUN_ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "ROOT", "oprd"}
_NOUN_PREPS = {
    "after",
    "following",
    "during",
    "before",
    "in",
    "at",
    "amid",
    "amidst",
    "since",
    "despite",
    "throughout",
    "ahead",
    "over",
}
_RECIPROCAL_NOUN_SOURCE_PREPS = frozenset({"of", "between", "among"})


def candidates(
    doc: Doc,
    lexicon: EventLexicon,
    token_actor: dict[int, str],
    places: frozenset[str] = frozenset(),
    codes: dict[str, str | None] | None = None,
) -> list[Candidate]:
    """Every coded predicate of ``doc`` with its actors and modality (no ids yet).

    ``places`` are the ids of country actors, which may stand as the target of an event
    located in them.
    """
    gov = lexicon.modality.governors
    object_control = frozenset(k for k, v in gov.items() if v in ("appeal", "demand", "enable"))
    verb_matches: list[Match] = []
    consumed: set[int] = set()
    for tok in doc:
        if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and tok.tag_ == "VBG"):
            m = match_verb(tok, lexicon)
            if m is not None:
                verb_matches.append(m)
                consumed.update(m.consumed)
    out: list[Candidate] = []
    for m in verb_matches:
        cand = _verb_candidate(m, lexicon, token_actor, object_control, places)
        if cand is not None:
            out.append(cand)
    coded_verbs = {c.token.i for c in out if c.token.lemma_.lower() not in gov}
    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.i in consumed:
            continue
        if not _reported_noun(tok) or _clause_of(tok).i in coded_verbs:
            # A noun argument of a coded verb is its topic ("discussed cooperation").
            continue
        m = match_noun(tok, lexicon)
        if m is None:
            continue
        cand = _noun_candidate(m, lexicon, token_actor, object_control, places)
        if cand is not None:
            out.append(cand)
    # A governor whose embedded event was coded gives no event of its own.
    replaced = {g for c in out for g in c.governors}
    out = [c for c in out if c.token.i not in replaced]
    return out + derived(out, lexicon, token_actor, codes or {})


def _actors(tokens: list[Token], token_actor: dict[int, str], *, target: bool = False) -> list[str]:
    out: list[str] = []
    preps = TARGET_OWNER_PREPS if target else OWNER_PREPS
    for t in tokens:
        for a in np_actors(t, token_actor, owner_preps=preps):
            if a not in out:
                out.append(a)
    return out


def _verb_candidate(
    m: Match,
    lexicon: EventLexicon,
    token_actor: dict[int, str],
    object_control: frozenset[str],
    places: frozenset[str],
) -> Candidate | None:
    verb = m.token
    subj, own = subject(verb, object_control)
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ == "acl"
    )
    pattern = m.pattern
    target_toks: list[Token] = []
    direct_toks: list[Token] = []  # direct objects: "the refineries in Iran" names Iran
    if passive:
        by = agent(verb)
        source_toks = [by] if by is not None else []
        if subj is not None and (m.obj is None or subj.i != m.obj.i):
            target_toks.append(subj)
    else:
        source_toks = [subj] if subj is not None else []
        for c in verb.children:
            if c.dep_ in ("dobj", "dative") and (m.obj is None or c.i != m.obj.i):
                direct_toks.append(c)
    doc = verb.doc
    anchors = [verb] + ([m.obj] if m.obj is not None else [])
    anchors += [doc[i] for i in m.consumed if m.obj is None or i != m.obj.i]
    preps = pattern.target_preps or _VERB_TARGET_PREPS
    for anchor in anchors:
        # Prepositions on a noun object ("imposed sanctions on X", "reiterated support for X").
        obj_preps = (
            preps | {"to", "for", "on", "against", "of", "from"} if anchor.i != verb.i else preps
        )
        for _, obj in prep_objects(anchor, obj_preps):
            if obj.i not in m.consumed:
                target_toks.append(obj)
    sources = _actors(source_toks, token_actor)
    found = _actors(direct_toks + target_toks, token_actor, target=True)
    targets = []
    for a in found:
        if a not in targets and (a not in sources or pattern.reciprocal):
            targets.append(a)
    if not targets and m.consumed:
        # The matched object is itself an actor ("released the mayor", "clashed with rioters").
        matched = [doc[i] for i in m.consumed]
        targets = [a for a in _actors(matched, token_actor, target=True) if a not in sources]
    if not targets and m.obj is None:
        # "endorsed an agreement with the EU", "condemned the attack on X".
        extra = [o for d in direct_toks for _, o in prep_objects(d, {"with", "on", "against"})]
        targets = [a for a in _actors(extra, token_actor, target=True) if a not in sources]
    if pattern.converse:
        sources, targets = targets, sources
    weak = getattr(token_actor, "weak", frozenset())
    if not targets or all(a in weak for a in targets):
        located = [a for a in _located(verb, token_actor, places) if a not in sources]
        targets = located or targets
    if not targets and pattern.code.startswith("07"):
        # Aid by people stationed in a country goes to it ("troops in Haiti are helping").
        targets = [a for a in _stationed_in(source_toks, token_actor, places) if a not in sources]
    if pattern.needs_target and not targets and not (pattern.reciprocal and len(sources) > 1):
        return None
    kind = lexicon.modality.governors.get(verb.lemma_.lower())
    if kind == "transparent" and children(verb, "xcomp"):
        # "helped to plan …": the verb governs another predicate; it is no event itself.
        return None
    cand = Candidate(m, pattern.code, sources, targets, pattern.reciprocal, anchor=verb)
    cand.inherited = not own
    if not apply_modality(cand, verb, lexicon, token_actor):
        return None
    return cand if cand.sources else None


def _clause_of(tok: Token) -> Token:
    """The verb whose argument (or prepositional phrase) the noun ``tok`` is."""
    head = tok
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    if head.dep_ == "pobj":
        return head.head.head
    return head.head


def _located(tok: Token, token_actor: dict[int, str], places: frozenset[str]) -> list[str]:
    """Country actors named where the event happens ("protested in Beijing"): the target
    of an event that names none, as event coders conventionally do."""
    out: list[str] = []
    for _, obj in prep_objects(tok, {"in", "at", "inside"}):
        # "in Beijing", "in the Egyptian capital": any country named in the phrase.
        for t in obj.subtree:
            a = token_actor.get(t.i)
            if a in places and a not in out:
                out.append(a)
    return out


def _stationed_in(
    tokens: list[Token], token_actor: dict[int, str], places: frozenset[str]
) -> list[str]:
    """Countries named as where a phrase's people are ("the forces located in Syria")."""
    out: list[str] = []
    for tok in tokens:
        for t in tok.subtree:
            actor = token_actor.get(t.i)
            if (
                actor in places
                and t.dep_ == "pobj"
                and t.head.lower_ in ("in", "inside")
                and actor not in out
            ):
                out.append(actor)
    return out


def _reported_noun(tok: Token) -> bool:
    """Is this noun an event the sentence reports (not a background mention)?"""
    t = tok
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ in _NOUN_ARG_DEPS:
        return True
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
        # "its special military operation": a known, earlier event mentioned in passing.
        return False
    if t.dep_ == "pobj":
        prep = t.head
        return (
            prep.dep_ in ("prep", "agent")
            and prep.lower_ in _NOUN_PREPS
            and prep.head.pos_ in ("VERB", "AUX")
        )
    return False


def _noun_candidate(
    m: Match,
    lexicon: EventLexicon,
    token_actor: dict[int, str],
    object_control: frozenset[str],
    places: frozenset[str],
) -> Candidate | None:
    noun = m.token
    pattern = m.pattern
    source_toks: list[Token] = []
    target_toks: list[Token] = []
    source_toks += children(noun, "poss")
    by = [obj for _, obj in prep_objects(noun, {"by", "from"})]
    source_toks += by
    mods = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod")]
    # Every actor inside the modifiers: "Russian-Syrian cooperation", "US and British strikes".
    mod_actors: list[str] = []
    for mod in mods:
        for t in mod.subtree:
            actor = token_actor.get(t.i)
            if actor is not None and actor not in mod_actors:
                mod_actors.append(actor)
    tpreps = pattern.target_preps or _NOUN_TARGET_PREPS
    if pattern.reciprocal:
        tpreps = tpreps - _RECIPROCAL_NOUN_SOURCE_PREPS
        source_toks += [o for _, o in prep_objects(noun, _RECIPROCAL_NOUN_SOURCE_PREPS)]
        # "the signing of a document on … between X and Y"
        source_toks += _nested_between(noun)
    target_toks += [o for _, o in prep_objects(noun, tpreps) if o.i not in m.consumed]
    sources = _actors(source_toks, token_actor)
    for a in mod_actors:
        if a not in sources:
            sources.append(a)
    inherited = False
    head = noun
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    clause = head.head if head.dep_ != "pobj" else head.head.head
    if not sources and clause.i != head.i and clause.pos_ in ("VERB", "AUX"):
        # "X held talks with Y", "Y was killed in an air strike by X": the clause's subject.
        # Only a meeting-like noun in a prepositional phrase shares the clause's subject
        # ("X and Y conferred after a meeting"), not "X advised … after the shooting".
        shares = head.dep_ in ("attr", "oprd") or (
            head.dep_ == "dobj" and clause.lemma_.lower() not in lexicon.modality.receiving_verbs
        )
        if shares or (head.dep_ == "pobj" and pattern.reciprocal):
            subj, _ = subject(clause, object_control)
            if (
                subj is not None
                and subj.i != noun.i
                and not (head.dep_ == "pobj" and any(c.dep_ == "auxpass" for c in clause.children))
            ):
                sources = _actors([subj], token_actor)
                inherited = True
    targets = [a for a in _actors(target_toks, token_actor, target=True) if a not in sources]
    receiving = lexicon.modality.receiving_verbs
    if not targets and head.dep_ == "dobj" and clause.lemma_.lower() in receiving and not inherited:
        # "Obama faces pressure from Congress": the subject of face/suffer is the target.
        subj, _ = subject(clause, object_control)
        if subj is not None:
            targets = [a for a in _actors([subj], token_actor) if a not in sources]
    if not targets:
        targets = [a for a in _located(noun, token_actor, places) if a not in sources]
    if not targets and head.dep_ == "dobj" and clause.pos_ in ("VERB", "AUX"):
        targets = [a for a in _located(clause, token_actor, places) if a not in sources]
    if not targets and inherited and head.dep_ == "pobj" and clause.pos_ in ("VERB", "AUX"):
        # "rebels engaged peacekeepers in a firefight": the clause's object.
        targets = [a for a in _actors(children(clause, "dobj"), token_actor) if a not in sources]
    if pattern.needs_target and not targets and not (pattern.reciprocal and len(sources) > 1):
        return None
    cand = Candidate(
        m, pattern.code, sources, targets, pattern.reciprocal, anchor=clause, inherited=inherited
    )
    if head.dep_ in ("dobj", "nsubjpass") and clause.pos_ in ("VERB", "AUX"):
        if not apply_modality(cand, clause, lexicon, token_actor, noun_governor=True):
            return None
    elif clause.pos_ in ("VERB", "AUX") and not apply_modality(
        cand, clause, lexicon, token_actor, clause_only=True
    ):
        return None
    return cand if cand.sources else None


def _nested_between(noun: Token) -> list[Token]:
    """Objects of "between" nested in the noun's own prepositional phrases (depth ≤ 3)."""
    out: list[Token] = []
    frontier = [noun]
    for _ in range(3):
        nxt = []
        for t in frontier:
            for prep, obj in prep_objects(t, {"of", "on", "for", "about", "between", "among"}):
                if prep.lower_ in ("between", "among"):
                    if t.i != noun.i:
                        out.append(obj)
                else:
                    nxt.append(obj)
        frontier = nxt
    return out
