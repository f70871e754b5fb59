"""The places stage (placeholder until its issue lands: finds nothing, invents nothing)."""

from __future__ import annotations

from spacy.tokens import Doc

from ..schema import Place


def find_places(doc: Doc) -> list[Place]:
    """Return the places of ``doc``; this first version finds none."""
    return []
