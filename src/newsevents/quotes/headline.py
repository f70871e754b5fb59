"""A title-case headline whose verb is a cue: "Senator Vows To Block the Budget Deal".

The parser reads such lines badly (every word a proper noun), so the cue is found by its
written form instead: the first word of the line, after a short capitalised subject, that
is a lexicon verb (bare or with -s). Its subject is the speaker; the rest of the line is
what is attributed. Only a first line with more text after it counts as a headline.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from .lexicon import CueLexicon

_ARTICLES = frozenset({"a", "an", "the"})
_FINITE = frozenset({"VBZ", "VBP", "VBD", "MD"})
_MAX_SUBJECT = 6  # tokens of the speaker before the verb
_MIN_CONTENT_WORDS = 2
_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
_MINOR = frozenset(
    {
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "on",
        "in",
        "to",
        "for",
        "at",
        "by",
        "as",
        "with",
        "from",
        "over",
        "after",
        "vs",
        "is",
        "be",
        "it",
    }
)  # words a title-case headline may leave lowercase


@dataclass(frozen=True, slots=True)
class HeadlineCue:
    speaker: tuple[int, int]  # tokens
    cue: tuple[int, int]  # characters
    content: tuple[int, int]  # characters


@lru_cache(maxsize=4)
def _verb_forms(lexicon: CueLexicon) -> frozenset[str]:
    """Lowercase headline forms of the cue verbs: "vow", "vows", "urges", "worries"."""
    forms: set[str] = set()
    for verb in lexicon.speech | lexicon.cognition | lexicon.relay:
        forms.add(verb)
        if verb.endswith(("s", "sh", "ch", "x", "z")):
            forms.add(verb + "es")
        elif verb.endswith("y") and verb[-2:-1] not in "aeiou":
            forms.add(verb[:-1] + "ies")
        else:
            forms.add(verb + "s")
    return frozenset(forms)


def _verb_like(doc: Doc, k: int, last: int, lexicon: CueLexicon) -> bool:
    """Tagged as a verb, or an -s form whose stem is no topic or channel noun, not after an
    article, not before punctuation or another finite verb ("Senator Slams …", not "NY Post:",
    "New Parking Rules Take Effect")."""
    tok = doc[k]
    if tok.tag_.startswith("VB"):
        return True
    low = tok.lower_
    if not low.endswith("s"):
        return False
    stems = {low[:-1], low[:-2], low[:-3] + "y"}
    if stems & (lexicon.topic_nouns | lexicon.channel) or doc[k - 1].lower_ in _ARTICLES:
        return False
    if any(t.tag_ in _FINITE for t in doc[k + 1 : last]):
        return False  # "New Parking Rules Take Effect": the verb comes later
    return k + 1 < len(doc) and not doc[k + 1].is_punct


def title_case(line: str) -> bool:
    """Every word but short function words starts with a capital."""
    words = _WORD.findall(line)
    major = [w for w in words if w.lower() not in _MINOR]
    return len(major) >= 3 and all(w[0].isupper() for w in major)


def headline_cue(doc: Doc, starts: list[int], lexicon: CueLexicon) -> HeadlineCue | None:
    text = doc.text
    end = text.find("\n")
    if end <= 0 or not text[end:].strip() or not title_case(text[:end]):
        return None
    forms = _verb_forms(lexicon)
    last = bisect.bisect_left(starts, end)
    first = 0
    for k in range(min(last, len(doc))):
        tok = doc[k]
        if tok.text in (",", ":", ";", "—", "–"):
            first = k + 1  # "Railing Against Trump, Sanders Vows …": the subject follows
            continue
        if k == first or tok.lower_ not in forms or not tok.text[0].isupper():
            continue
        if not _verb_like(doc, k, last, lexicon):
            continue  # "Washington Post", "Power Plant Rules": a noun, not the verb
        if k - first > _MAX_SUBJECT or not all(
            t.is_alpha or t.text in ".'’-" for t in doc[first:k]
        ):
            return None
        c_start = tok.idx + len(tok.text)
        c_end = end
        while c_end > c_start and text[c_end - 1] in " .;\t":
            c_end -= 1
        while c_start < c_end and text[c_start] == " ":
            c_start += 1
        if len(_WORD.findall(text[c_start:c_end])) < _MIN_CONTENT_WORDS:
            return None
        return HeadlineCue(speaker=(first, k), cue=(tok.idx, c_start), content=(c_start, c_end))
    return None
