"""spaCy component ``newsevents_places``: a thin wrapper around :func:`find_places`."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .._doc import stage_guard
from . import Resolver, default_resolver, find_places
from .lexicon import default_place_lexicon, load_place_lexicon


class PlacesComponent:
    """Writes ``doc._.ne_places``; the gazetteer opens lazily on the first document."""

    def __init__(self, nlp: Language, name: str, extra_aliases: list[str]) -> None:
        self.name = name
        self.extra_aliases = [Path(p) for p in extra_aliases]
        # Validate user files now, so a bad file fails at build time, not per article.
        self.lexicon = (
            load_place_lexicon(extra=self.extra_aliases)
            if self.extra_aliases
            else default_place_lexicon()
        )
        self._resolver: Resolver | None = None

    @property
    def resolver(self) -> Resolver:
        if self._resolver is None:
            if self.extra_aliases:
                self._resolver = Resolver(default_resolver().gazetteer, self.lexicon)
            else:
                self._resolver = default_resolver()
        return self._resolver

    def __call__(self, doc: Doc) -> Doc:
        with stage_guard(doc, "places"):
            doc._.ne_places = find_places(doc, resolver=self.resolver)
        return doc


@Language.factory("newsevents_places", default_config={"extra_aliases": []})
def make_places_component(nlp: Language, name: str, extra_aliases: list[str]) -> PlacesComponent:
    return PlacesComponent(nlp, name, extra_aliases)
