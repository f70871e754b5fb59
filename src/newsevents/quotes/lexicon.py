"""The quote-attribution lexicon: cue verbs, audiences, channels, cue phrases, work titles.

Kept as data (``data/quotes/cues.tsv``), validated on load; users may add their own
files with the same columns. Loaded once per process by :func:`default_cue_lexicon`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..codes import read_tsv
from ..errors import LexiconError

CLASSES = (
    "speech",
    "relay",
    "cognition",
    "nominal",
    "xcomp",
    "direct_only",
    "noun",
    "topic_noun",
    "support",
    "make",
    "audience",
    "channel",
    "phrase",
    "title",
    "stance",
)
_WORD = re.compile(r"^[a-zé][a-zé' -]*[a-zé]$")


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Word sets by class; pass it to :func:`newsevents.quotes.find_quotes`."""

    speech: frozenset[str]
    relay: frozenset[str]
    cognition: frozenset[str]
    nominal: frozenset[str]  # cue verbs whose direct object is the content
    xcomp: frozenset[str]  # cue verbs whose to-infinitive is the content
    direct_only: frozenset[str]  # cue verbs only next to a quotation ('"…," he went on')
    nouns: frozenset[str]  # cue nouns with a that-clause or to-infinitive ("his claim that")
    topic_nouns: frozenset[
        str
    ]  # cue nouns whose of/for/on object is the content ("her support for")
    support: frozenset[str]  # verbs whose subject speaks a cue noun object ("voiced concern that")
    make: frozenset[str]  # words of "make clear that", "make the case that"
    audience: frozenset[str]
    channel: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]  # multiword cue prepositions, as word tuples
    titles: frozenset[str]
    stances: frozenset[str] = frozenset()  # adjectives of attitude ("is convinced that")

    def cue_verbs(self, *, include_cognition: bool = False) -> frozenset[str]:
        """Lemmas that make a verb a cue (speech and relay, optionally cognition)."""
        verbs = self.speech | self.relay
        return verbs | self.cognition if include_cognition else verbs


def parse_cue_lexicon(texts: Iterable[tuple[str, str]]) -> CueLexicon:
    """Build a lexicon from ``(path, text)`` pairs of TSV files (columns ``word``, ``class``).

    Raises:
        LexiconError: a bad header, class, word or a repeated row (names file and line).
    """
    sets: dict[str, set[str]] = {c: set() for c in CLASSES}
    texts_seen: list[str] = []
    for path, text in texts:
        texts_seen.append(path)
        for lineno, row in read_tsv(path, text, ["word", "class"]):
            word, cls = row["word"].strip(), row["class"].strip()
            if cls not in sets:
                raise LexiconError(
                    f"unknown class {cls!r} (expected one of {', '.join(CLASSES)})",
                    path=path,
                    line=lineno,
                )
            if not _WORD.match(word) or (cls != "phrase" and " " in word):
                raise LexiconError(f"bad word {word!r} for class {cls}", path=path, line=lineno)
            if word in sets[cls]:
                raise LexiconError(f"repeated entry {word!r} ({cls})", path=path, line=lineno)
            sets[cls].add(word)
    verbs = sets["speech"] | sets["relay"] | sets["cognition"]
    for cls in ("nominal", "xcomp", "direct_only"):
        stray = sorted(sets[cls] - verbs)
        if stray:
            raise LexiconError(
                f"{cls} entries {stray} are not speech, relay or cognition verbs",
                path=texts_seen[-1] if texts_seen else "?",
            )
    return CueLexicon(
        speech=frozenset(sets["speech"]),
        relay=frozenset(sets["relay"]),
        cognition=frozenset(sets["cognition"]),
        nominal=frozenset(sets["nominal"]),
        xcomp=frozenset(sets["xcomp"]),
        direct_only=frozenset(sets["direct_only"]),
        nouns=frozenset(sets["noun"]),
        topic_nouns=frozenset(sets["topic_noun"]),
        support=frozenset(sets["support"]),
        make=frozenset(sets["make"]),
        audience=frozenset(sets["audience"]),
        channel=frozenset(sets["channel"]),
        phrases=tuple(sorted(tuple(p.split()) for p in sets["phrase"])),
        titles=frozenset(sets["title"]),
        stances=frozenset(sets["stance"]),
    )


def load_cue_lexicon(extra: Iterable[str | Path] = ()) -> CueLexicon:
    """The packaged lexicon plus user files ``extra`` (same format)."""
    ref = resources.files("newsevents") / "data" / "quotes" / "cues.tsv"
    texts = [("newsevents/data/quotes/cues.tsv", ref.read_text(encoding="utf-8"))]
    texts += [(str(p), Path(p).read_text(encoding="utf-8")) for p in extra]
    return parse_cue_lexicon(texts)


@lru_cache(maxsize=1)
def default_cue_lexicon() -> CueLexicon:
    """The packaged lexicon, loaded once per process."""
    return load_cue_lexicon()
