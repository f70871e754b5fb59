"""spaCy component ``newsevents_places``: a thin wrapper around :func:`find_places`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .._doc import stage_guard
from . import find_places


class PlacesComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        with stage_guard(doc, "places"):
            doc._.ne_places = find_places(doc)
        return doc


@Language.factory("newsevents_places")
def make_places_component(nlp: Language, name: str) -> PlacesComponent:
    return PlacesComponent(nlp, name)
