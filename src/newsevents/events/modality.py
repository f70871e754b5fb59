"""Modality of a coded predicate and the code maps of its governing verbs.

"agreed to resume talks" (intent → 03x), "vowed to retaliate" (threat → 13x), "refused to
release" (12x), "urged Y to withdraw" (an appeal from the speaker to Y), "did not attack"
(negated), "could attack" / "if … attacks" (hypothetical), "will meet" (intended).
"""

from __future__ import annotations

from spacy.tokens import Token

from .arguments import children, np_actors, prep_objects, subject
from .candidate import Candidate
from .lexicon import EventLexicon


def apply_modality(
    cand: Candidate,
    verb: Token,
    lexicon: EventLexicon,
    token_actor: dict[int, str],
    *,
    noun_governor: bool = False,
    clause_only: bool = False,
) -> bool:
    """Set modality and map the code through governing verbs; False drops the event."""
    mod = lexicon.modality
    code = cand.code
    modality = "asserted"
    negated = False
    future = False
    chain: list[Token] = [verb]
    t = verb
    while not clause_only and t.dep_ in ("xcomp", "ccomp") and t.head.i != t.i:
        if t.dep_ == "ccomp" and t.head.lemma_.lower() not in mod.ccomp_governors:
            break
        t = t.head
        chain.append(t)
    for tok in chain:
        for c in tok.children:
            if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in ("never",)):
                negated = True
            if c.dep_ == "aux" and c.lower_ in mod.hypothetical_aux:
                modality = "hypothetical"
            if c.dep_ == "aux" and c.lower_ in mod.future_aux:
                future = True
    # Conditional clauses ("if Russia attacks …").
    t = chain[-1]
    for _ in range(6):
        if t.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in mod.conditional_marks for c in t.children
        ):
            modality = "hypothetical"
            break
        if t.head.i == t.i:
            break
        t = t.head
    governors: list[Token] = chain[1:]
    if noun_governor and verb.lemma_.lower() in mod.governors:
        governors = [verb] + governors
    replaced: list[int] = []
    for g in governors:
        kind = mod.governors.get(g.lemma_.lower())
        if kind is None:
            continue
        embedded = next((t for t in chain if t.head.i == g.i and t.i != g.i), None)
        embedded_subj = (
            children(embedded, "nsubj") if embedded is not None and embedded.dep_ == "ccomp" else []
        )
        if g.lemma_.lower() in mod.appeal_if_object and (children(g, "dobj") or embedded_subj):
            kind = "appeal"  # "X wants Y to attack": X appeals to Y
        root = code[:2]
        conflict = int(root) >= 10
        if kind in ("intent", "vow") and not conflict:
            code = lexicon.map_code("intent", code) or code
            modality = "intended"
        elif kind == "vow":
            # "vowed to retaliate": announcing one's own violence is a threat.
            if root != "13":
                code = lexicon.map_code("threat", code) or code
        elif kind == "intent":
            # "pledged to expel": a commitment keeps its code, as an intended event.
            modality = "intended"
        elif kind == "threat":
            if conflict:
                code = lexicon.map_code("threat", code) or code
            else:
                modality = "intended"
        elif kind == "refuse":
            if conflict:
                negated = True
            else:
                code = lexicon.map_code("refuse", code) or code
        elif kind in ("appeal", "demand"):
            if any(c.dep_ in ("nsubjpass", "auxpass") for c in g.children) and not any(
                c.dep_ == "agent" for c in g.children
            ):
                continue  # "OPEC may be forced to meet": nobody named makes the demand
            mapped = lexicon.map_code(kind, code)
            if mapped is None:
                return False
            code = mapped
            # The appeal goes from the governor's subject to its object.
            subj, _ = subject(g, frozenset())
            objs = (
                children(g, "dobj")
                or [o for _, o in prep_objects(g, {"on", "upon"})]
                or embedded_subj
            )
            cand.sources = np_actors(subj, token_actor) if subj is not None else []
            cand.targets = [a for o in objs for a in np_actors(o, token_actor)]
            cand.targets = [a for a in cand.targets if a not in cand.sources]
            cand.reciprocal = False
            modality = "asserted"
        elif kind == "deny":
            negated = True
        elif kind == "topic":
            # "cooperation was discussed": the discussion is the event; the verb keeps its own.
            code = lexicon.map_code("topic", code) or code
            modality = "asserted"
            continue
        elif kind == "hypothetical":
            modality = "hypothetical"
        elif kind == "enable":
            modality = "intended"
        replaced.append(g.i)
    if negated:
        if future and int(code[:2]) < 10:
            code = lexicon.map_code("refuse", code) or code
            modality = "asserted"
        else:
            modality = "negated"
    elif future and modality == "asserted" and code[:2] not in ("13",):
        modality = "intended"
    cand.code = code
    cand.modality = modality
    cand.governors = replaced
    return True
