"""spaCy component ``newsevents_quotes``: a thin wrapper around :func:`find_quotes`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .._doc import stage_guard
from .finder import find_quotes
from .lexicon import default_cue_lexicon, load_cue_lexicon


class QuotesComponent:
    """Writes ``doc._.ne_quotes``; the lexicon is loaded once, when the pipe is built."""

    def __init__(
        self, nlp: Language, name: str, *, extra_lexicons: list[str], include_cognition: bool
    ) -> None:
        self.name = name
        self.lexicon = load_cue_lexicon(extra_lexicons) if extra_lexicons else default_cue_lexicon()
        self.include_cognition = include_cognition

    def __call__(self, doc: Doc) -> Doc:
        with stage_guard(doc, "quotes"):
            doc._.ne_quotes = find_quotes(
                doc, lexicon=self.lexicon, include_cognition=self.include_cognition
            )
        return doc


@Language.factory(
    "newsevents_quotes",
    default_config={"extra_lexicons": [], "include_cognition": True},
    requires=["token.dep", "token.pos", "token.lemma", "doc.sents"],
    assigns=["doc._.ne_quotes"],
)
def make_quotes_component(
    nlp: Language, name: str, extra_lexicons: list[str], include_cognition: bool
) -> QuotesComponent:
    return QuotesComponent(
        nlp, name, extra_lexicons=extra_lexicons, include_cognition=include_cognition
    )
