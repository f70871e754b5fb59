"""The actors stage: find every political actor, give it a CAMEO actor code, resolve
coreference inside the article.

Entry point :func:`find_actors`; the spaCy component ``newsevents_actors`` (``component.py``)
wraps it. Modules: ``lexicon`` (data files, validated), ``office_holders`` (dated holders),
``matching`` (phrase trie), ``mentions`` (what each stretch of text says), ``coref``
(mentions -> actors), ``names`` (name keys).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..schema import Actor, TextSpan
from .coref import Entity, resolve
from .lexicon import ActorLexicon, cached_lexicon, load_lexicon
from .matching import PhraseTrie, caps_tokens, sentence_spans
from .mentions import Mention, build_mentions

__all__ = ["ActorFinder", "ActorLexicon", "FoundActors", "find_actors", "load_lexicon"]


class ActorFinder:
    """A lexicon plus its phrase trie for one vocabulary; build once, call per doc."""

    def __init__(
        self,
        vocab: Vocab,
        lexicon: ActorLexicon | None = None,
        *,
        tokenizer: Callable[[str], Doc] | None = None,
    ) -> None:
        self.lexicon = lexicon if lexicon is not None else cached_lexicon()
        self.trie = PhraseTrie.build(self.lexicon, vocab, tokenizer)

    def __call__(
        self, doc: Doc, *, published: dt.date | None = None
    ) -> tuple[list[Actor], dict[int, str]]:
        found = self.find(doc, published=published)
        return found.actors, found.token_actor

    def find(self, doc: Doc, *, published: dt.date | None = None) -> FoundActors:
        """The actors of ``doc``, the token map and the ids of generic role actors."""
        if published is None:
            published = getattr(doc._, "ne_published", None)
        if not len(doc):
            return FoundActors([], {}, [])
        matches = self.trie.find(doc, caps_tokens(doc, sentence_spans(doc)))
        mentions = build_mentions(doc, matches, self.lexicon, published)
        entities = resolve(doc, mentions, self.lexicon, published)
        return _to_actors(doc, mentions, entities, self.lexicon)


@dataclass(frozen=True, slots=True)
class FoundActors:
    """What the actors stage finds in one doc.

    ``generic``: ids of actors that only a role noun names ("gunmen", "the police"): their
    code is CAMEO's generic agent code, with the story's country when it has one, not a
    country or organisation the text names for them. Events treat them as weak arguments.
    """

    actors: list[Actor]
    token_actor: dict[int, str]
    generic: list[str] = field(default_factory=list)


@lru_cache(maxsize=4)
def _default_finder(vocab: Vocab) -> ActorFinder:
    return ActorFinder(vocab)


def find_actors(
    doc: Doc, *, finder: ActorFinder | None = None, published: dt.date | None = None
) -> tuple[list[Actor], dict[int, str]]:
    """The actors of ``doc`` (ids A1… by first mention) and token index -> actor id.

    Args:
        doc: a parsed Doc (tagger, parser and NER have run).
        finder: a prebuilt :class:`ActorFinder` (the component passes its own); by default
            one built from the packaged lexicons for ``doc.vocab``.
        published: the publication date (default ``doc._.ne_published``); office holders
            are chosen by it, the latest when it is None.
    """
    finder = finder if finder is not None else _default_finder(doc.vocab)
    return finder(doc, published=published)


def _span(doc: Doc, text: str, start: int, end: int) -> TextSpan:
    a = doc[start].idx
    b = doc[end - 1].idx + len(doc[end - 1].text)
    return TextSpan(a, b, text[a:b])


_LEADING = ("the ", "a ", "an ", "his ", "her ", "its ", "their ", "our ")


def _display_name(doc: Doc, e: Entity, mentions: list[Mention], lexicon: ActorLexicon) -> str:
    if e.canonical:
        return e.canonical
    if e.kind == "country" and e.code and e.code[:3] in lexicon.country_names:
        return lexicon.country_names[e.code[:3]]
    named = [mentions[k] for k in e.mentions if mentions[k].named]
    pool = named or [mentions[k] for k in e.mentions if mentions[k].category != "pronoun"]
    if not pool:
        return doc[mentions[e.mentions[0]].start : mentions[e.mentions[0]].end].text
    best = max(pool, key=lambda m: (m.end - m.start, -m.start))
    text = doc[best.start : best.end].text
    if text.endswith(("'s", "’s")):
        text = text[:-2]
    low = text.lower()
    for lead in _LEADING:
        if low.startswith(lead) and len(text) > len(lead):
            return text[len(lead) :]
    return text


def _to_actors(
    doc: Doc, mentions: list[Mention], entities: list[Entity], lexicon: ActorLexicon
) -> FoundActors:
    entities = [e for e in entities if any(mentions[k].category != "pronoun" for k in e.mentions)]
    entities.sort(key=lambda e: min(mentions[k].start for k in e.mentions))
    text = doc.text  # built on each access: fetch once
    actors: list[Actor] = []
    token_actor: dict[int, str] = {}
    generic: list[str] = []
    for n, e in enumerate(entities, start=1):
        actor_id = f"A{n}"
        ordered = sorted(set(e.mentions), key=lambda k: (mentions[k].start, mentions[k].end))
        spans: list[TextSpan] = []
        for k in ordered:
            m = mentions[k]
            spans.append(_span(doc, text, m.start, m.end))
            for i in (*m.tokens(), *m.extra):
                token_actor.setdefault(i, actor_id)
        code = e.code
        if e.generic:
            generic.append(actor_id)
        sectors = list(lexicon.sectors_of(code)) if code else list(e.sectors)
        actors.append(
            Actor(
                id=actor_id,
                name=_display_name(doc, e, mentions, lexicon),
                kind=e.kind,  # type: ignore[arg-type]
                code=code,
                country=e.country or lexicon.country_of(code),
                sectors=sectors,
                mentions=spans,
            )
        )
    return FoundActors(actors, dict(sorted(token_actor.items())), generic)
