"""The tense of the clause a temporal expression sits in, read from spaCy's tags and parse."""

from __future__ import annotations

from spacy.tokens import Token

from .anchor import FUTURE, NEAR, PAST, PRESENT

_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "going", "gon"})
_PAST_AUX = frozenset({"was", "were", "had", "did"})
_PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re"})
# Ways a time expression hangs off its verb (or off a preposition of its verb).
_CLIMB = frozenset({"npadvmod", "pobj", "prep", "tmod", "nummod", "compound", "advmod", "appos"})


def governing_verb(tok: Token) -> Token | None:
    """The verb the expression at ``tok`` modifies, following only adverbial links."""
    t = tok
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass"):
            return t
        if t.head is t or t.dep_ not in _CLIMB:
            return None
        t = t.head
    return None


def _aux_words(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def verb_tense(verb: Token, ahead: frozenset[str] = frozenset(), depth: int = 0) -> str:
    """PAST, FUTURE or PRESENT of one verb, from its tag and auxiliaries; ``ahead``: lemmas
    whose complement lies ahead of them ("plan", "schedule")."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in aux}
    if words & _FUTURE_AUX or any(
        a.tag_ == "MD" and a.lower_ not in ("could", "might") for a in aux
    ):
        return FUTURE
    if verb.tag_ == "VB" and any(a.tag_ == "TO" for a in aux):
        head = verb.head
        if head.lemma_ in ahead:
            # "had been scheduled to expire Friday": the plan itself lies in the past
            return PAST if "had" in _aux_words(head) else FUTURE
        if head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP") and head is not verb:
            return FUTURE  # "is to resume trading Tuesday"
        if head is not verb and head.pos_ in ("VERB", "AUX") and depth < 2:
            return verb_tense(head, ahead, depth + 1)
        return PRESENT
    if verb.tag_ == "VBD" or words & _PAST_AUX:
        return PAST
    if (
        verb.lemma_ in ahead
        and verb.tag_ in ("VBN", "VBZ", "VBP")
        and not (verb.lemma_ == "set" and not words)
    ):
        # "is scheduled for Friday", "expects ... Tuesday"; a bare "set" is "established"
        # ("the record set on Aug. 6"), only "is set for" looks ahead
        return FUTURE
    if verb.tag_ == "VBG" and words & _PRESENT_BE and depth == 0:
        # "is meeting on Tuesday"; but "is continuing to try to sell under a June accord":
        # the time hangs off the infinitive, not off the progressive
        return FUTURE
    return PRESENT


def scheduled_in_past(tok: Token, verb: Token, schedule: frozenset[str]) -> bool:
    """ "Protesters planned a rally for Saturday", "a service planned for Saturday was
    cancelled": a schedule told in the past, whose date may lie on either side of the
    publication (not "had planned": that plan was dropped before). A time before the verb
    ("On Friday, the government planned ...") dates the planning itself."""
    v = verb
    if v.tag_ == "VB" and v.head is not v and any(c.tag_ == "TO" for c in v.children):
        v = v.head  # "planned to rally on Saturday"
    if v.lemma_ not in schedule or tok.i < v.i:
        return False
    words = _aux_words(v)
    if "had" in words:
        return False
    if v.tag_ == "VBD":
        return True
    return v.tag_ == "VBN" and bool(words & _PAST_AUX or (not words and v.dep_ == "acl"))


def clause_tense(
    tok: Token, ahead: frozenset[str] = frozenset(), schedule: frozenset[str] = frozenset()
) -> str:
    """PAST, FUTURE or PRESENT for the clause governing ``tok`` (PRESENT when unclear), or
    NEAR for a schedule told in the past (``schedule``: lemmas such as "plan")."""
    verb = governing_verb(tok)
    if verb is None:
        return PRESENT
    if schedule and scheduled_in_past(tok, verb, schedule):
        return NEAR
    return verb_tense(verb, ahead)
