"""Name normalisation shared by the lexicon and coreference.

Keys fold case and diacritics and iron out the transliteration variants news use for the
same person ("al-Assad" / "al Assad" / "Assad", "Zelensky" / "Zelenskyy", "Erdoğan" /
"Erdogan"), so that two spellings of one name give the same key.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Name particles that news drop or keep at will ("Bashar al-Assad" / "Bashar Assad").
_PARTICLES = frozenset(
    "al el ad as ash an ar az at ibn bin ben bint abu de da di du del della der van von la le "
    "mr mrs ms dr sir".split()
)
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_REPEATS = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without diacritics: ``"Erdoğan"`` -> ``"erdogan"``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _canon_token(token: str) -> str:
    token = _NON_ALNUM.sub("", token)
    token = _REPEATS.sub(r"\1", token)  # Zelenskyy -> zelensky, Gaddafi/Gadafi
    token = token.replace("dh", "d").replace("kh", "k").replace("ou", "u")
    if token.endswith(("iy", "yi", "ij")):
        token = token[:-2] + "i"
    if token.endswith("y"):
        token = token[:-1] + "i"
    return token


@lru_cache(maxsize=65536)
def name_tokens(text: str) -> tuple[str, ...]:
    """Canonical tokens of a personal name, particles and punctuation removed."""
    parts = re.split(r"[\s\-‐‑–'’]+", fold(text))
    out = [_canon_token(p) for p in parts]
    kept = tuple(p for p in out if p and p not in _PARTICLES)
    return kept or tuple(p for p in out if p)


def name_key(text: str) -> str:
    """One string key for a full name (see :func:`name_tokens`)."""
    return " ".join(name_tokens(text))


def surname_key(text: str) -> str:
    """Key of the last name part (``"Bashar al-Assad"`` -> ``"asad"``)."""
    tokens = name_tokens(text)
    return tokens[-1] if tokens else ""
