"""Build parsed docs with hand-set actors, so the events stage is tested on its own."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from newsevents.schema import Actor, TextSpan


def parse(nlp: Language, text: str) -> Doc:
    """Run only spaCy's own components (no newsevents stage) on ``text``."""
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if not name.startswith("newsevents_"):
            doc = proc(doc)
    doc._.ne_published = dt.date(2024, 5, 14)
    return doc


def with_actors(doc: Doc, actors: dict[str, str]) -> Doc:
    """Mark every occurrence of each surface string as one actor with the given CAMEO code."""
    out: list[Actor] = []
    token_actor: dict[int, str] = {}
    for n, (surface, code) in enumerate(actors.items(), start=1):
        aid = f"A{n}"
        mentions = []
        start = doc.text.find(surface)
        while start != -1:
            span = doc.char_span(start, start + len(surface), alignment_mode="expand")
            assert span is not None, surface
            mentions.append(TextSpan(start, start + len(surface), surface))
            for tok in span:
                token_actor[tok.i] = aid
            start = doc.text.find(surface, start + len(surface))
        assert mentions, f"{surface!r} not in text"
        kind = "country" if len(code) == 3 else "group"
        # An empty code stands for an actor the actors stage found but could not code.
        out.append(Actor(aid, surface, kind, code or None, code[:3] or None, [], mentions))
    doc._.ne_actors = out
    doc._.ne_token_actor = token_actor
    return doc
