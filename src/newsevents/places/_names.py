"""Name keys: how a toponym and a gazetteer name are made comparable."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# Abbreviated name heads that GeoNames spells out ("St. Louis" -> "saint louis").
_HEADS = re.compile(r"(?:^|(?<= ))(st|ste|ft|mt)\.? ")
_HEAD_WORDS = {"st": "saint ", "ste": "sainte ", "ft": "fort ", "mt": "mount "}


def _expand_head(match: re.Match[str]) -> str:
    return _HEAD_WORDS[match.group(1)]


def name_key(text: str) -> str:
    """Case-, accent- and spacing-insensitive key of a place name.

    >>> name_key("  São  Paulo ")
    'sao paulo'
    >>> name_key("St. Louis")
    'saint louis'
    """
    if text.isascii():
        stripped = text
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    key = _SPACES.sub(" ", stripped.replace("\u2019", "'").replace("\u2018", "'")).strip()
    key = key.casefold()
    if key.startswith("the "):
        key = key[4:]
    if "t" in key:  # every abbreviated head has a "t"
        key = _HEADS.sub(_expand_head, key)
    return key


_NON_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2018\u2019]")


def is_latin(text: str) -> bool:
    """True when ``text`` is written in Latin script (keeps the name index small)."""
    return text.isascii() or _NON_LATIN.search(text) is None
