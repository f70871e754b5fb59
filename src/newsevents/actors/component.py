"""spaCy component ``newsevents_actors``: a thin wrapper around :class:`ActorFinder`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .._doc import stage_guard
from . import ActorFinder
from .lexicon import cached_lexicon


class ActorsComponent:
    """Writes ``doc._.ne_actors``, ``doc._.ne_token_actor`` and ``doc._.ne_generic_actors``.

    The lexicons and the phrase trie are built once, here, and reused for every doc.
    """

    def __init__(self, nlp: Language, name: str, extra_lexicons: list[str]) -> None:
        self.name = name
        lexicon = cached_lexicon(tuple(extra_lexicons))
        self.finder = ActorFinder(nlp.vocab, lexicon, tokenizer=nlp.tokenizer)

    def __call__(self, doc: Doc) -> Doc:
        with stage_guard(doc, "actors"):
            found = self.finder.find(doc)
            doc._.ne_actors, doc._.ne_token_actor = found.actors, found.token_actor
            doc._.ne_generic_actors = found.generic
        return doc


@Language.factory("newsevents_actors", default_config={"extra_lexicons": []})
def make_actors_component(nlp: Language, name: str, extra_lexicons: list[str]) -> ActorsComponent:
    """The actors stage. ``extra_lexicons``: paths of your own TSV lexicon files.

    The file name says which table a file extends (``*countries*``, ``*metonyms*``,
    ``*agents*``, ``*media*``, ``*office_holders*``; anything else is an organisations
    table with the columns ``name, aliases, code, kind``). Example::

        # my_organizations.tsv  (TAB-separated)
        name	aliases	code	kind
        Arctic Council		IGOARC	organization

        nlp.add_pipe("newsevents_actors",
                     config={"extra_lexicons": ["my_organizations.tsv"]})
        # or: Pipeline(stage_config={"newsevents_actors":
        #                            {"extra_lexicons": ["my_organizations.tsv"]}})
    """
    return ActorsComponent(nlp, name, list(extra_lexicons))
