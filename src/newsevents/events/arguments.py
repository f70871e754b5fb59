"""Arguments of a predicate from the dependency parse: who acts, on whom, and their actors.

Pure functions over spaCy tokens plus the actors stage's ``token index → actor id`` map.
"""

from __future__ import annotations

from spacy.tokens import Token

SUBJ = {"nsubj", "csubj", "expl"}
PASS_SUBJ = {"nsubjpass", "csubjpass"}
# Children that belong to a noun phrase's head level (conjuncts, appositions, parse quirks).
_CORE = {"conj", "appos", "nmod"}
# Modifiers that name who a phrase belongs to: "Syria's army" always; adjectives and
# compounds ("United Nations inspectors") only on nouns for people or bodies, so that
# "the Malaysia Airlines crash" does not make the airline an agent.
_MODIFIERS = {"compound", "amod", "nmod", "npadvmod"}
_AGENTIVE_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "ary")
_BODIES = frozenset(
    "group force army military government regime side team delegation militia police "
    "movement party administration leadership ministry council court parliament coalition "
    "alliance command agency authority authorities navy guard unit wing cabinet".split()
)


def _is_body(tok: Token) -> bool:
    """A noun for people or an organised body ("inspectors", "group"), not a thing."""
    lemma = tok.lemma_.lower()
    return (
        tok.tag_ in ("NNS", "NNPS")
        or lemma in _BODIES
        or lemma.endswith(_AGENTIVE_SUFFIXES)
        or tok.pos_ == "PROPN"
    )


OWNER_PREPS = frozenset({"of", "from"})
# A target may also be named by where it is ("the refineries in Iran") or who made it.
TARGET_OWNER_PREPS = frozenset({"of", "from", "in", "by"})
_RELATIVE = {"who", "which", "that", "whom", "whose"}


class ActorIndex(dict[int, str]):
    """Token index → actor id, knowing which actors are ``weak`` (found but not coded)."""

    def __init__(self, items: dict[int, str], weak: frozenset[str] = frozenset()) -> None:
        super().__init__(items)
        self.weak = weak


def core_tokens(tok: Token) -> list[Token]:
    """``tok`` and its conjuncts/appositions (``X, Y and Z``), in text order."""
    out: list[Token] = []
    stack = [tok]
    while stack:
        t = stack.pop()
        if t in out:
            continue
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ in _CORE)
    return sorted(out, key=lambda t: t.i)


def np_actors(
    tok: Token,
    token_actor: dict[int, str],
    *,
    depth: int = 0,
    owner_preps: frozenset[str] | None = None,
) -> list[str]:
    """Actor ids a noun phrase headed by ``tok`` refers to (one per conjunct), in text order.

    Looks first at the head level, then at modifiers ("Russian forces", "Syria's army"),
    then at "of"/"from" phrases ("officials from Russia").
    """
    if tok.lower_ in _RELATIVE and tok.dep_ in SUBJ | PASS_SUBJ and tok.head.dep_ == "relcl":
        tok = tok.head.head
    core = core_tokens(tok)
    # Conjuncts hanging off any token of the head's own mention ("Barack Obama and Putin"
    # parsed with the conjunct under "Obama"): widen to the mention, then take conjuncts.
    actor = token_actor.get(tok.i)
    if actor is not None:
        mention = _mention(tok, actor, token_actor)
        for t in mention:
            for extra in core_tokens(t):
                if extra not in core:
                    core.append(extra)
    found = _ids(sorted(core, key=lambda t: t.i), token_actor)
    weak = getattr(token_actor, "weak", frozenset())
    if found and not all(a in weak for a in found):
        return found
    head_found = found
    mods: list[Token] = []
    for t in core:
        for c in t.children:
            if c.dep_ == "poss" or (c.dep_ in _MODIFIERS and _is_body(t)):
                mods.extend(c.subtree)
    found = _ids(sorted(mods, key=lambda t: t.i), token_actor)
    if head_found:
        # An uncoded head ("exiled dissidents") yields to a coded owner ("from Myanmar").
        found = [a for a in found if a not in weak]
        if not found:
            found = _owners(core, token_actor, depth, owner_preps)
            found = [a for a in found if a not in weak]
        return found or head_found
    if found or depth >= 2:
        return found
    return _owners(core, token_actor, depth, owner_preps)


def _owners(
    core: list[Token], token_actor: dict[int, str], depth: int, owner_preps: frozenset[str] | None
) -> list[str]:
    """Actors of "of"/"from" phrases of the head ("officials from Russia")."""
    found: list[str] = []
    if depth >= 2:
        return found
    for t in core:
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in (owner_preps or OWNER_PREPS):
                for obj in c.children:
                    if obj.dep_ != "pobj":
                        continue
                    if c.lower_ == "in":
                        # "rioters in the Egyptian capital": whoever the place phrase names.
                        sub = _ids(list(obj.subtree), token_actor)
                    else:
                        sub = np_actors(obj, token_actor, depth=depth + 1, owner_preps=owner_preps)
                    found += [a for a in sub if a not in found]
    return found


def _mention(tok: Token, actor: str, token_actor: dict[int, str]) -> list[Token]:
    """The contiguous run of tokens around ``tok`` mapped to the same actor."""
    doc = tok.doc
    start = end = tok.i
    while start > tok.sent.start and token_actor.get(start - 1) == actor:
        start -= 1
    while end + 1 < tok.sent.end and token_actor.get(end + 1) == actor:
        end += 1
    return [doc[i] for i in range(start, end + 1)]


def _ids(tokens: list[Token], token_actor: dict[int, str]) -> list[str]:
    out: list[str] = []
    for t in tokens:
        actor = token_actor.get(t.i)
        if actor is not None and actor not in out:
            out.append(actor)
    return out


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def prep_objects(tok: Token, preps: frozenset[str] | set[str]) -> list[tuple[Token, Token]]:
    """``(prep, object)`` pairs of ``tok``'s prepositional children whose word is in ``preps``."""
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
            for obj in c.children:
                if obj.dep_ == "pobj":
                    out.append((c, obj))
    return out


def is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass", "csubjpass") for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ == "acl"


def agent(verb: Token) -> Token | None:
    """The object of "by" in a passive clause."""
    for c in verb.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            for obj in c.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def subject(
    verb: Token, object_control: frozenset[str], *, depth: int = 0
) -> tuple[Token | None, bool]:
    """The grammatical subject of ``verb`` and whether it was found on the verb itself.

    Follows control and coordination when the verb has none of its own: "agreed to
    resume" (the subject of agreed), "urged Iran to resume" (the object of urged), "met
    and discussed" (the first conjunct's subject), "troops attacking …" (the noun).
    """
    subjects = [c for c in verb.children if c.dep_ in SUBJ | PASS_SUBJ and c.dep_ != "expl"]
    if subjects:
        # Two subjects is a misparse, mostly of a dateline ("KABUL (AP) — Gunmen attacked"):
        # the one nearest before the verb is the real one.
        before = [c for c in subjects if c.i < verb.i]
        return (before[-1] if len(subjects) > 1 and before else subjects[0]), True
    if depth > 4:
        return None, False
    head = verb.head
    if head.i == verb.i:
        return None, False
    dep = verb.dep_
    if dep == "xcomp":
        if head.lemma_.lower() in object_control:
            objs = children(head, "dobj")
            if objs:
                return objs[0], False
        return subject(head, object_control, depth=depth + 1)[0], False
    if dep == "conj" and head.pos_ in ("VERB", "AUX"):
        return subject(head, object_control, depth=depth + 1)[0], False
    if dep == "advcl" and verb.tag_ in ("VBG", "VB", "VBN"):
        return subject(head, object_control, depth=depth + 1)[0], False
    if dep in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return head, False
    if dep == "pcomp" and head.lower_ == "by" and head.head.i != head.i:
        # "X responded by attacking Y": the subject of the main verb.
        return subject(head.head, object_control, depth=depth + 1)[0], False
    return None, False
