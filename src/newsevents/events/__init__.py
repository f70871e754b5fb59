"""The events stage (placeholder until its issue lands: finds nothing, invents nothing)."""

from __future__ import annotations

from spacy.tokens import Doc

from ..schema import Event


def find_events(doc: Doc) -> list[Event]:
    """Return the events of ``doc``; this first version finds none."""
    return []
