"""A coded predicate with its dyads, before ids and context are attached."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from .matching import Match


@dataclass(slots=True)
class Candidate:
    """A coded predicate with its dyads, before ids and context are attached."""

    match: Match
    code: str
    sources: list[str]
    targets: list[str]
    reciprocal: bool
    modality: str = "asserted"
    inherited: bool = False  # the source came through control/coordination
    governors: list[int] = field(default_factory=list)  # tokens whose own event this replaces
    anchor: Token | None = None  # token whose clause dates/places the event

    @property
    def token(self) -> Token:
        return self.match.token

    def dyads(self) -> list[tuple[str, str | None]]:
        """One (source, target) per pair; reciprocal predicates give both directions."""
        pairs: list[tuple[str, str | None]] = []
        if self.targets:
            for s in self.sources:
                for t in self.targets:
                    if s != t:
                        pairs.append((s, t))
                        if self.reciprocal:
                            pairs.append((t, s))
        elif self.reciprocal and len(self.sources) > 1:
            pairs = [(s, t) for s in self.sources for t in self.sources if s != t]
        else:
            pairs = [(s, None) for s in self.sources]
        seen: set[tuple[str, str | None]] = set()
        out = []
        for p in pairs:
            if p not in seen:
                seen.add(p)
                out.append(p)
        return out
