"""Find lexicon phrases in a Doc: a token trie over case- and accent-folded keys.

Built once per component (``PhraseTrie.build``) and reused for every doc. Hyphen tokens
are skipped on both sides, so "al-Qaeda", "al Qaeda" and "al - Qaeda" are one phrase.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from .lexicon import ANY, CODE, EXACT, PROPER, ActorLexicon, Entry
from .names import fold

_HYPHENS = frozenset({"-", "‐", "‑", "–"})
# Acronyms that are also English words: not trusted in an all-capital line ("WHO SAID").
_WORDLIKE = frozenset(
    "us it is who as at an am be do go he in me my no of on or so to up we and are can "
    "may nor per ton aid hit ran fed cia".split()
)


@dataclass(slots=True)
class Pattern:
    mode: str
    texts: tuple[str, ...]  # the pattern's own tokens (hyphens dropped), for EXACT checks
    entry: Entry


@dataclass(slots=True)
class Match:
    """Tokens ``start:end`` of the doc match lexicon phrase(s) with these entries."""

    start: int
    end: int
    entries: list[Entry]

    def first(self, *categories: str) -> Entry | None:
        for e in self.entries:
            if e.category in categories:
                return e
        return None

    def has(self, *categories: str) -> bool:
        return any(e.category in categories for e in self.entries)


@dataclass(slots=True)
class PhraseTrie:
    """All lexicon phrases keyed by their folded token tuples."""

    table: dict[tuple[str, ...], list[Pattern]] = field(default_factory=dict)
    prefixes: set[tuple[str, ...]] = field(default_factory=set)
    max_len: int = 1
    agent_words: frozenset[str] = frozenset()  # first words of agent phrases

    @classmethod
    def build(
        cls, lexicon: ActorLexicon, vocab: Vocab, tokenizer: Callable[[str], Doc] | None = None
    ) -> PhraseTrie:
        """Tokenise every phrase as the pipeline will (its own tokenizer when given)."""
        if tokenizer is None:
            import spacy

            tokenizer = spacy.blank("en", vocab=vocab).tokenizer
        trie = cls()
        phrases = list(lexicon.phrases.items())
        for (_, patterns), doc in zip(phrases, (tokenizer(p) for p, _ in phrases), strict=True):
            texts = tuple(t.text for t in doc if t.text not in _HYPHENS and not t.is_space)
            if not texts:
                continue
            key = tuple(fold(t) for t in texts)
            bucket = trie.table.setdefault(key, [])
            for mode, entry in patterns:
                bucket.append(Pattern(mode, texts, entry))
            for n in range(1, len(key) + 1):
                trie.prefixes.add(key[:n])
            trie.max_len = max(trie.max_len, len(key))
        trie.agent_words = frozenset(
            fold(p.split()[0])
            for p, pats in lexicon.phrases.items()
            if pats[0][1].category == "agent"
        )
        return trie

    def find(self, doc: Doc, caps_tokens: set[int]) -> list[Match]:
        """Non-overlapping matches, longest first; ``caps_tokens`` lie in all-capital lines."""
        positions = [t.i for t in doc if t.text not in _HYPHENS and not t.is_space]
        keys = [fold(doc[i].text) for i in positions]
        candidates: list[Match] = []
        n = len(positions)
        for a in range(n):
            if (keys[a],) not in self.prefixes:
                continue
            for b in range(a + 1, min(n, a + self.max_len) + 1):
                key = tuple(keys[a:b])
                if key not in self.prefixes:
                    break
                patterns = self.table.get(key)
                if not patterns:
                    continue
                start, end = positions[a], positions[b - 1] + 1
                if any(doc[i].is_sent_start for i in range(start + 1, end)):
                    break
                following = keys[b] if b < n else ""
                entries = [
                    p.entry
                    for p in patterns
                    if self._case_ok(doc, positions[a:b], p, caps_tokens, following)
                ]
                if entries:
                    candidates.append(Match(start, end, _dedupe(entries)))
        candidates.sort(key=lambda m: (-(m.end - m.start), m.start))
        taken: set[int] = set()
        chosen: list[Match] = []
        for m in candidates:
            if any(i in taken for i in range(m.start, m.end)):
                continue
            taken.update(range(m.start, m.end))
            chosen.append(m)
        chosen.sort(key=lambda m: m.start)
        return chosen

    def _case_ok(
        self, doc: Doc, idx: list[int], pattern: Pattern, caps: set[int], following: str
    ) -> bool:
        in_caps = idx[0] in caps
        if pattern.mode == CODE:
            # "SYR" in running text; in a headline "CAN", "ARE", "PER" are English words.
            return not in_caps and doc[idx[0]].text == pattern.texts[0]
        if pattern.mode == EXACT:
            if in_caps and fold("".join(pattern.texts)) in _WORDLIKE:
                return following in self.agent_words  # "US TROOPS", not "LET US"
            return all(doc[i].text == t for i, t in zip(idx, pattern.texts, strict=True))
        if pattern.mode == PROPER:
            if in_caps:
                return True
            # "Syria", "iSrael" (typed in haste) count; "turkey", "china" in lower case do not,
            # nor "a strict Islamic state" for "Islamic State": every capitalised word of the
            # name must be capitalised in the text.
            for i, want in zip(idx, pattern.texts, strict=True):
                got = doc[i].text
                if want[:1].isupper() and got[:1].isalpha() and got.islower():
                    return False
            return True
        return pattern.mode == ANY


def _dedupe(entries: list[Entry]) -> list[Entry]:
    out: list[Entry] = []
    for e in entries:
        if e not in out:
            out.append(e)
    return out


def sentence_spans(doc: Doc) -> list[Span]:
    """The doc's sentences; one sentence when nothing set boundaries (no parser)."""
    if doc.has_annotation("SENT_START"):
        return list(doc.sents)
    return [doc[:]] if len(doc) else []


def caps_tokens(doc: Doc, sents: list[Span] | None = None) -> set[int]:
    """Tokens of sentences written in capitals (headlines), where case says nothing."""
    out: set[int] = set()
    for sent in sents if sents is not None else sentence_spans(doc):
        words = [t for t in sent if t.is_alpha and len(t) > 1]
        upper = sum(1 for t in words if t.is_upper)
        if len(words) >= 2 and upper / len(words) >= 0.7:
            out.update(range(sent.start, sent.end))
    return out
