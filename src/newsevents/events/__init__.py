"""The events stage: who did what to whom, coded in CAMEO and PLOVER.

``find_events(doc)`` reads the parse and what earlier stages wrote (actors, times, places,
quotes) and returns :class:`~newsevents.schema.Event` objects with ids ``E1…`` in text order.

- Predicates are verbs and event nouns matched against the pattern lexicon
  (``data/events/patterns.tsv``); an uncodable predicate gives no event.
- Arguments come from the dependency parse (active, passive, prepositional targets,
  control and coordination); compound actors give one event per source–target pair.
- Modality: asserted, intended ("agreed to", "will"), hypothetical ("could", "if"),
  negated ("did not"); governing verbs map codes ("threatened to strike" → 13x).
- Each quote with a known speaker and cue gives a statement event (01x) linked by
  ``quote``; events inside a quote's content are linked to it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .._doc import get_list
from ..codes import CodeTables
from ..quotes import CueLexicon, default_cue_lexicon
from ..schema import Actor, CharRange, Event, Quote, TextSpan
from .arguments import ActorIndex
from .candidate import Candidate
from .context import anchor_spans, event_date, event_place, quote_of
from .extract import candidates
from .lexicon import EventLexicon, default_lexicon

__all__ = ["find_events"]

# Auxiliaries of a statement still to come or only supposed ("will announce", "would
# say", "plans to restate"), which make no statement event.
_UNREALISED = frozenset({"will", "would", "could", "might", "may", "shall", "should", "'ll", "to"})


def find_events(doc: Doc, *, lexicon: EventLexicon | None = None) -> list[Event]:
    """Return the coded events of ``doc`` in text order (ids ``E1``…)."""
    lexicon = lexicon or default_lexicon()
    tables = lexicon.tables
    actors: list[Actor] = get_list(doc, "ne_actors")
    by_id = {a.id: a for a in actors}
    # Every actor the actors stage found may take part, coded or not (its code may be None).
    # Weak: uncoded, or coded only by a role noun ("gunmen", "the police").
    generic = get_list(doc, "ne_generic_actors")
    token_actor = ActorIndex(
        {i: a for i, a in (doc._.ne_token_actor or {}).items() if a in by_id},
        weak=frozenset(a.id for a in actors if not a.code or a.id in generic),
    )
    if not token_actor:
        return []
    quotes: list[Quote] = get_list(doc, "ne_quotes")
    times = anchor_spans(doc, get_list(doc, "ne_times"))
    places = anchor_spans(doc, get_list(doc, "ne_places"))
    published = doc._.ne_published.isoformat() if doc._.ne_published is not None else None

    rows: list[tuple[tuple[int, int, int, int], dict]] = []
    order = {a.id: n for n, a in enumerate(actors)}
    codes = {a.id: a.code for a in actors}
    countries = frozenset(a.id for a in actors if a.kind == "country")
    shared = _shared_mentions(actors)
    for cand in candidates(doc, lexicon, token_actor, countries, codes):
        if shared:
            cand.sources = _expand(cand.sources, shared)
            cand.targets = _expand(cand.targets, shared)
        rows.extend(
            _rows(doc, cand, tables, times, places, quotes, published, order, codes, shared)
        )
    # A cue the lexicon codes itself ("condemned", "dismissed … as") gives that event,
    # linked to its quote, instead of a plain statement.
    coded_cues: dict[int, str] = {}
    statements = []
    verb_triggers = {f["trigger"].start: n for n, (k, f) in enumerate(rows) if k[3] == 0}
    for key, fields in _statement_rows(doc, lexicon, quotes, times, published, order):
        start = fields["trigger"].start
        token = doc.char_span(start, fields["trigger"].end, alignment_mode="expand")
        starts = {t.idx for t in token} if token is not None else {start}
        hit = next((verb_triggers[s] for s in sorted(starts) if s in verb_triggers), None)
        if hit is None:
            statements.append((key, fields))
        else:
            coded_cues[hit] = fields["quote"]
    for n, quote_id in coded_cues.items():
        key, fields = rows[n]
        for m, (k2, f2) in enumerate(rows):
            if f2["trigger"].start == fields["trigger"].start and f2["quote"] is None:
                rows[m] = (k2, {**f2, "quote": quote_id})
    rows = _dedupe(rows + statements)
    rows.sort(key=lambda r: r[0])
    events = []
    for n, (_, fields) in enumerate(rows, start=1):
        src, tgt = fields["source"], fields["target"]
        events.append(
            Event(
                id=f"E{n}",
                source_code=by_id[src].code if src in by_id else None,
                target_code=by_id[tgt].code if tgt in by_id else None,
                **fields,
            )
        )
    return events


def _shared_mentions(actors: list[Actor]) -> dict[str, list[str]]:
    """Actor id → the other actors read from the very same mention span.

    The actors stage gives a group such as "ministers of both sides" one actor per side on
    one span; the token index can name only one of them, so events recover the others here.
    """
    by_span: dict[tuple[int, int], list[str]] = {}
    for actor in actors:
        for m in actor.mentions:
            ids = by_span.setdefault((m.start, m.end), [])
            if actor.id not in ids:
                ids.append(actor.id)
    out: dict[str, list[str]] = {}
    for ids in by_span.values():
        if len(ids) > 1:
            for a in ids:
                group = out.setdefault(a, [])
                group.extend(b for b in ids if b != a and b not in group)
    return out


def _expand(ids: list[str], shared: dict[str, list[str]]) -> list[str]:
    out: list[str] = []
    for a in ids:
        for b in (a, *shared.get(a, ())):
            if b not in out:
                out.append(b)
    return out


def _coding(code: str, tables: CodeTables) -> dict:
    entry = tables.get(code)
    return {
        "cameo": code,
        "cameo_root": entry.root,
        "cameo_name": entry.name,
        "plover": tables.plover_for(code),
        "goldstein": entry.goldstein,
        "quad_class": entry.quad_class,
    }


def _confidence(cand: Candidate, target: str | None) -> float:
    score = 0.55
    if target is not None:
        score += 0.15
    if cand.match.pattern.specificity > 1:
        score += 0.1
    if cand.match.pattern.noun:
        score -= 0.1
    if cand.inherited:
        score -= 0.1
    if cand.modality in ("hypothetical", "negated"):
        score -= 0.1
    return round(min(0.95, max(0.05, score)), 2)


def _rows(doc, cand, tables, times, places, quotes, published, order, codes, shared):
    tok = cand.token
    sent = tok.sent
    trigger = TextSpan(tok.idx, tok.idx + len(tok.text), tok.text)
    date, date_text = event_date(tok, cand.anchor, times, published)
    arg_tokens = set((doc._.ne_token_actor or {}).keys())
    place = event_place(tok, cand.anchor, places, arg_tokens)
    quote = quote_of(tok.idx, quotes)
    out = []
    coded_pairs: set[tuple[str | None, str | None]] = set()
    for source, target in cand.dyads():
        if source in shared or target in shared:
            # Groups read as one actor per side give one event per coded pair.
            pair = (codes.get(source), codes.get(target))
            if pair in coded_pairs:
                continue
            coded_pairs.add(pair)
        if (
            target is not None
            and codes.get(source) == codes.get(target)
            and (cand.reciprocal or source in shared or target in shared)
        ):
            # Two mentions coded alike ("ministers … of both sides" resolved to one side)
            # do not make a meeting between a party and itself.
            continue
        fields = {
            "source": source,
            "target": target,
            **_coding(cand.code, tables),
            "modality": cand.modality,
            "date": date,
            "date_text": date_text,
            "place": place,
            "trigger": trigger,
            "sentence": CharRange(sent.start_char, sent.end_char),
            "quote": quote,
            "confidence": _confidence(cand, target),
        }
        kind = 2 if cand.match.pattern.noun else 0
        key = (tok.idx, order.get(source, 0), order.get(target, -1) if target else -1, kind)
        out.append((key, fields))
    return out


def _statement_rows(doc, lexicon, quotes, times, published, order):
    """Statement events (01x) for quotes whose speaker is known and whose cue is marked."""
    speaking = default_cue_lexicon()
    out = []
    for q in quotes:
        if q.speaker is None or q.cue is None:
            continue
        span = doc.char_span(q.cue.start, q.cue.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        cue = span.root
        if any(c.dep_ == "xcomp" for c in cue.children):
            continue  # "agreed to lift …": the cue governs an event, it reports no statement
        lemma = cue.lemma_.lower()
        if lemma not in lexicon.modality.statement_cues and not _spoken(span, speaking):
            continue
        code = lexicon.modality.statement_cues.get(lemma, lexicon.modality.statement_default)
        target = q.addressee if q.addressee != q.speaker else None
        date, date_text = event_date(cue, cue, times, published)
        fields = {
            "source": q.speaker,
            "target": target,
            **_coding(code, lexicon.tables),
            "modality": "asserted",
            "date": date,
            "date_text": date_text,
            "place": None,
            "trigger": TextSpan(q.cue.start, q.cue.end, q.cue.text),
            "sentence": CharRange(cue.sent.start_char, cue.sent.end_char),
            "quote": q.id,
            "confidence": 0.7,
        }
        key = (q.cue.start, order.get(q.speaker, 0), order.get(target, -1) if target else -1, 1)
        out.append((key, fields))
    return out


def _spoken(cue: Span, words: CueLexicon) -> bool:
    """Whether a quote's cue reports something said, now or before.

    Attributions of belief or stance ("believes that", "is sure that"), cues the quotes
    stage found by syntax alone, and statements not (yet) made ("will announce", "did
    not say") are quotes without a statement event.
    """
    root = cue.root
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in _UNREALISED) for c in root.children):
        return False
    lemma = root.lemma_.lower()
    if root.pos_ == "NOUN":
        return lemma in words.nouns
    if lemma in words.speech or lemma in words.relay or lemma in words.support:
        return True
    text = tuple(t.lower_ for t in cue)
    return any(text[: len(p)] == p for p in words.phrases)


def _dedupe(rows):
    """One event per predicate and dyad; a nominal duplicate of another event yields.

    A noun event repeating a verb event of its sentence with the same root and dyad
    ("during the talks, X discussed with Y") is the same event; an undirected event
    yields to a directed one of the same source and root. Statements (kind 1) come first.
    """
    rows = sorted(
        rows, key=lambda r: (-r[0][3] if r[0][3] == 1 else r[0][3], -r[1]["confidence"], r[0])
    )
    directed = {
        (f["sentence"].start, f["cameo_root"], f["source"])
        for _, f in rows
        if f["target"] is not None
    }
    by_trigger: set[tuple] = set()
    by_sentence: set[tuple] = set()
    out = []
    for key, f in rows:
        dyad = (f["cameo_root"], f["source"], f["target"])
        kt = (f["trigger"].start, *dyad)
        ks = (f["sentence"].start, *dyad)
        if kt in by_trigger or (key[3] == 2 and ks in by_sentence):
            continue
        if f["target"] is None and (f["sentence"].start, f["cameo_root"], f["source"]) in directed:
            continue
        by_trigger.add(kt)
        by_sentence.add(ks)
        out.append((key, f))
    return out
