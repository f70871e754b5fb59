"""spaCy component ``newsevents_events``: a thin wrapper around :func:`find_events`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .._doc import stage_guard
from . import find_events
from .lexicon import EventLexicon, default_lexicon


class EventsComponent:
    """Codes the events of each doc into ``doc._.ne_events``.

    Args:
        extra_patterns: paths of user pattern files (same TSV format as the packaged
            ``data/events/patterns.tsv``), added to the packaged lexicon.
    """

    def __init__(self, nlp: Language, name: str, extra_patterns: list[str] | None = None) -> None:
        self.name = name
        self.lexicon: EventLexicon = default_lexicon(tuple(extra_patterns or ()))

    def __call__(self, doc: Doc) -> Doc:
        with stage_guard(doc, "events"):
            doc._.ne_events = find_events(doc, lexicon=self.lexicon)
        return doc


@Language.factory("newsevents_events", default_config={"extra_patterns": []})
def make_events_component(nlp: Language, name: str, extra_patterns: list[str]) -> EventsComponent:
    return EventsComponent(nlp, name, extra_patterns)
