"""spaCy component ``newsevents_events``: a thin wrapper around :func:`find_events`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .._doc import stage_guard
from . import find_events


class EventsComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        with stage_guard(doc, "events"):
            doc._.ne_events = find_events(doc)
        return doc


@Language.factory("newsevents_events")
def make_events_component(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent(nlp, name)
