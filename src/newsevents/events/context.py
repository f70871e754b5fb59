"""When, where and in whose words: dates, places and quotes attached to an event."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..schema import Place, Quote, Time

# Calendar values (1994, 2023-03, 2023-03-15T…, XXXX-02-06) and the vague past/future ones.
_DATE_VALUE = re.compile(r"^([\dX]{4}(-[\dWQ]{2,3}(-\d{2})?)?|PAST_REF|FUTURE_REF|PRESENT_REF)")
# Reported-speech and relative-clause boundaries: a time outside them does not date the event.
_BARRIERS = {"ccomp", "parataxis", "relcl"}
_LOCATIVE = {"in", "at", "near", "inside", "outside", "around"}


@dataclass(frozen=True, slots=True)
class Anchored:
    """A time or place with the token that heads it."""

    item: Time | Place
    root: Token


def anchor_spans(doc: Doc, items: list[Time] | list[Place]) -> list[Anchored]:
    """Head tokens of time/place spans (items whose offsets fall outside ``doc`` are skipped)."""
    out = []
    for item in items:
        span = doc.char_span(item.start, item.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        out.append(Anchored(item, span.root))
    return out


def _clause_path(tok: Token) -> list[Token]:
    """``tok`` and its heads up to a clause barrier (same sentence)."""
    path = [tok]
    t = tok
    for _ in range(30):
        if t.head.i == t.i or t.dep_ in _BARRIERS:
            break
        t = t.head
        path.append(t)
    return path


def event_date(
    trigger: Token, anchor: Token | None, times: list[Anchored], published: str | None
) -> tuple[str | None, str | None]:
    """(TIMEX3 value, text) of the time governing the event's clause, else the publication date."""
    dated = [
        a
        for a in times
        if isinstance(a.item, Time)
        and a.item.type in ("DATE", "TIME")
        and _DATE_VALUE.match(a.item.value)
        and a.root.sent.start == trigger.sent.start
    ]
    if dated:
        # A time inside the predicate's own phrase ("Friday's talks") comes first.
        for a in dated:
            if _attached_to(a.root, trigger) or a.root.i == trigger.i:
                return a.item.value, a.item.text  # type: ignore[union-attr]
        start = anchor if anchor is not None else trigger
        path = _clause_path(start)
        if trigger not in path:
            path = _clause_path(trigger) + path
        for node in path:
            for a in dated:
                if _attached_to(a.root, node):
                    return a.item.value, a.item.text  # type: ignore[union-attr]
    return published, None


def _attached_to(tok: Token, node: Token) -> bool:
    """Is ``tok`` a time/place modifier of ``node`` (directly or through one preposition)?"""
    head = tok.head
    if head.i == node.i:
        return True
    return head.dep_ in ("prep", "npadvmod") and head.head.i == node.i


def event_place(
    trigger: Token, anchor: Token | None, places: list[Anchored], argument_tokens: set[int]
) -> str | None:
    """Id of the place named in a locative phrase of the event's clause, if any."""
    if not places:
        return None
    path = _clause_path(anchor if anchor is not None else trigger)
    if trigger not in path:
        path = [trigger] + path
    for node in path:
        for a in places:
            root = a.root
            if root.i in argument_tokens or root.sent.start != trigger.sent.start:
                continue
            prep = root.head
            if root.dep_ == "pobj" and prep.lower_ in _LOCATIVE and prep.head.i == node.i:
                return a.item.id
    return None


def quote_of(char: int, quotes: list[Quote]) -> str | None:
    """Id of the quote whose content contains character offset ``char``."""
    for q in quotes:
        if q.content.start <= char < q.content.end:
            return q.id
    return None
