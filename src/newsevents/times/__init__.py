"""The times stage: temporal expressions normalised to TIMEX3 values.

``find_times(doc)`` scans the text with the patterns of ``grammar.py`` (built from the
word lists in ``data/times``), normalises each match (``rules.py``) against the
publication date ``doc._.ne_published`` — never the machine's clock — and keeps the
longest non-overlapping expressions, numbered T1… in text order.
"""

from .finder import find_times, find_times_in_text
from .lexicon import TimeLexicon, default_time_lexicon, load_time_lexicon

__all__ = [
    "TimeLexicon",
    "default_time_lexicon",
    "find_times",
    "find_times_in_text",
    "load_time_lexicon",
]
