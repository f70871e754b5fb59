"""The times stage (placeholder until its issue lands: finds nothing, invents nothing)."""

from __future__ import annotations

from spacy.tokens import Doc

from ..schema import Time


def find_times(doc: Doc) -> list[Time]:
    """Return the times of ``doc``; this first version finds none."""
    return []
