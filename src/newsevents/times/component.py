"""spaCy component ``newsevents_times``: a thin wrapper around :func:`find_times`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .._doc import stage_guard
from . import find_times
from .lexicon import TimeLexicon, default_time_lexicon, load_time_lexicon


class TimesComponent:
    """Writes ``doc._.ne_times``; the word lists are loaded once, in ``__init__``."""

    def __init__(self, nlp: Language, name: str, lexicon: TimeLexicon | None = None) -> None:
        self.name = name
        self.lexicon = lexicon if lexicon is not None else default_time_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        with stage_guard(doc, "times"):
            doc._.ne_times = find_times(doc, lexicon=self.lexicon)
        return doc


@Language.factory("newsevents_times", default_config={"lexicon_dir": None})
def make_times_component(nlp: Language, name: str, lexicon_dir: str | None) -> TimesComponent:
    """``lexicon_dir``: a directory holding the ``data/times`` files to use instead."""
    lexicon = load_time_lexicon(lexicon_dir) if lexicon_dir else None
    return TimesComponent(nlp, name, lexicon)
