"""Events implied by other events (a CAMEO coding convention, driven by modality.yaml).

- A reported attack is an accusation by its named speaker ("Georgia said Russian jets
  bombed the town" → GEO accuses RUSMIL, 112), or a claim of responsibility when the
  speaker is the attacker (015). Unnamed speakers and news media do not accuse.
- Hosting implies a visit the other way (043 → 042).
"""

from __future__ import annotations

from .arguments import np_actors, subject
from .candidate import Candidate
from .lexicon import EventLexicon, Pattern
from .matching import Match


def derived(
    cands: list[Candidate],
    lexicon: EventLexicon,
    token_actor: dict[int, str],
    codes: dict[str, str | None],
) -> list[Candidate]:
    """Events implied by others: accusations in reports of attacks, visits implied by hosting."""
    mod = lexicon.modality
    out: list[Candidate] = []
    for cand in cands:
        paired = mod.paired_codes.get(cand.code)
        if paired is not None and cand.targets and cand.modality == "asserted":
            twin = Candidate(cand.match, paired, list(cand.targets), list(cand.sources), False)
            twin.anchor, twin.modality, twin.inherited = cand.anchor, cand.modality, True
            out.append(twin)
        if cand.code[:2] not in mod.accusation_roots or cand.modality != "asserted":
            continue
        clause = cand.token if cand.token.pos_ in ("VERB", "AUX") else cand.anchor
        while clause is not None and clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head
        if clause is None or clause.dep_ != "ccomp":
            continue
        speech = clause.head
        if speech.lemma_.lower() not in mod.accusation_verbs:
            continue
        subj, _ = subject(speech, frozenset())
        speakers = [
            a
            for a in (np_actors(subj, token_actor) if subj is not None else [])
            # Unnamed speakers and news media report; they do not accuse.
            if codes.get(a)
            and "MED" not in (codes.get(a) or "")[3:]
            and a not in getattr(token_actor, "weak", ())
        ]
        if not speakers:
            continue
        # A speaker of the attacker's own country claims it ("US Central Command said …").
        # (A role the story's country was lent to, "gunmen", says nothing of whose side.)
        weak = getattr(token_actor, "weak", ())
        countries = {(codes.get(a) or "")[:3] for a in cand.sources if a not in weak} - {""}
        own = any(a in cand.sources or (codes.get(a) or "")[:3] in countries for a in speakers)
        code = mod.responsibility_code if own else mod.accusation_code
        if code is None:
            continue
        targets = list(cand.targets) if own else list(cand.sources)
        claim = Candidate(
            Match(speech, Pattern(code=code, noun=False, lemmas=frozenset()), (), None),
            code,
            speakers,
            [t for t in targets if t not in speakers],
            False,
            anchor=speech,
        )
        claim.inherited = True
        out.append(claim)
    return out
