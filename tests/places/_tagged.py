"""Hand-made Docs for the places tests: words with the POS and NER tags a test fixes."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsevents.places import default_resolver
from newsevents.places.lexicon import default_place_lexicon
from newsevents.places.mentions import Mention, find_mentions

VOCAB = spacy.blank("en").vocab  # with the lexical attributes (is_alpha)

Tagged = list[tuple[str, str, str]]  # (word, POS, BIO entity tag)


def tagged_doc(tokens: Tagged, spaces: list[bool] | None = None) -> Doc:
    """A Doc from (word, POS, BIO entity tag) triples; ``spaces`` as spaCy takes them
    (default: a space after every word)."""
    return Doc(
        VOCAB,
        words=[w for w, _, _ in tokens],
        spaces=spaces,
        pos=[p for _, p, _ in tokens],
        ents=[e for _, _, e in tokens],
    )


def mentions_of(doc: Doc, *, regions: bool = False) -> list[Mention]:
    """The toponym mentions the default resolver's gazetteer gives; ``regions`` also
    passes its region test (as the pipeline does)."""
    resolver = default_resolver()
    return find_mentions(
        doc,
        default_place_lexicon(),
        is_known=resolver.is_known,
        is_major=resolver.is_major,
        is_region=resolver.is_region if regions else None,
    )
