"""spaCy component ``newsevents_quotes``: a thin wrapper around :func:`find_quotes`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .._doc import stage_guard
from . import find_quotes


class QuotesComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        with stage_guard(doc, "quotes"):
            doc._.ne_quotes = find_quotes(doc)
        return doc


@Language.factory("newsevents_quotes")
def make_quotes_component(nlp: Language, name: str) -> QuotesComponent:
    return QuotesComponent(nlp, name)
