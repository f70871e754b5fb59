"""spaCy component ``newsevents_times``: a thin wrapper around :func:`find_times`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .._doc import stage_guard
from . import find_times


class TimesComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        with stage_guard(doc, "times"):
            doc._.ne_times = find_times(doc)
        return doc


@Language.factory("newsevents_times")
def make_times_component(nlp: Language, name: str) -> TimesComponent:
    return TimesComponent(nlp, name)
