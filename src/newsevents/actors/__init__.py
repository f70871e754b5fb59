"""The actors stage (placeholder until its issue lands: finds nothing, invents nothing)."""

from __future__ import annotations

from spacy.tokens import Doc

from ..schema import Actor


def find_actors(doc: Doc) -> tuple[list[Actor], dict[int, str]]:
    """Return the actors of ``doc``; this first version finds none."""
    return [], {}
