"""The quotes stage: quotations and reported statements with speaker, cue, addressee, relays.

``find_quotes(doc)`` reads the parse and the actors stage's ``doc._.ne_token_actor``;
the spaCy component ``newsevents_quotes`` (``component.py``) writes ``doc._.ne_quotes``.
"""

from __future__ import annotations

from .finder import find_quotes
from .lexicon import CueLexicon, default_cue_lexicon, load_cue_lexicon

__all__ = ["CueLexicon", "default_cue_lexicon", "find_quotes", "load_cue_lexicon"]
