"""The quotes stage (placeholder until its issue lands: finds nothing, invents nothing)."""

from __future__ import annotations

from spacy.tokens import Doc

from ..schema import Quote


def find_quotes(doc: Doc) -> list[Quote]:
    """Return the quotes of ``doc``; this first version finds none."""
    return []
