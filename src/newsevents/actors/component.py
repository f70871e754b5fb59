"""spaCy component ``newsevents_actors``: a thin wrapper around :func:`find_actors`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .._doc import stage_guard
from . import find_actors


class ActorsComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        with stage_guard(doc, "actors"):
            doc._.ne_actors, doc._.ne_token_actor = find_actors(doc)
        return doc


@Language.factory("newsevents_actors")
def make_actors_component(nlp: Language, name: str) -> ActorsComponent:
    return ActorsComponent(nlp, name)
