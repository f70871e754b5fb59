"""Put quoted spans and parse cues together into :class:`Quote` objects.

Order of decisions for each quoted span (text order):

1. inside the content of an indirect cue with words of its own around it → part of a
   *mixed* quote ("He said the plan was “a disaster”");
2. a cue right after it ('"…," he said') or right before it ('He said: "…"') → *direct*;
3. no cue, and only its predecessor's attribution between them → *continuation*
   of the previous direct quote (same speaker, no cue);
4. no cue but sentence-like (long enough, with a verb) → direct with no speaker;
5. otherwise (scare quotes, titles, names) → not a quote.

Remaining cues with a speaker (or an unnamed source) and content give *indirect* (or
*mixed*) quotes; "She added:" before an unquoted paragraph gives a block quotation; a
headline "Name: words" or "Senator Vows To …" attributes its words to the name. As in
PolNeAR and most attribution schemes, only the outermost statement is kept: a cue inside
another statement's content ("He said the money he says he raised …") is part of that content.
Everything is a constant amount of work per quoted span and per token.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from spacy.attrs import IDX, IS_ALPHA, SENT_START
from spacy.tokens import Doc

from .._doc import get_list
from ..schema import Quote, TextSpan
from .attribution import Cue, TokRange, find_cues
from .headline import headline_cue
from .lexicon import CueLexicon, default_cue_lexicon
from .marks import QuotedSpan, find_quoted_spans

_MAX_REGION = 40  # tokens searched for a cue on each side of a quote
_MAX_BEFORE_GAP = 12  # tokens allowed between a cue and the quote it introduces
_AFTER_ENDINGS = frozenset(",?!—–-…:;")
_DASH_NAME = re.compile(
    r"[ \t\u00a0]*([―—–]|--)[ \t\u00a0]*([A-Z][^\n,;(]{0,60}?)[ \t\u00a0.]*(?:[,;(\n]|$)"
)
_NEWLINE = re.compile("\n")
_HEADLINE = re.compile(r"[ \t]*([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):[ \t]+(\S[^\n]*)")
_TRANSCRIPT = re.compile(r"([A-Z][A-Z.'’ -]{1,30}[A-Z.]):[ \t\u00a0]+")
_ADJUNCT_DEPS = frozenset({"prep", "npadvmod", "advmod", "agent", "dative", "punct", "mark"})
_SENT_END = frozenset({".", "!", "?"})
_MIN_STANDALONE_WORDS = 8
_MAX_HOSTS = 16  # cues of one sentence tried as hosts of a quoted fragment
_MIN_VERB_WORDS = 4
_MAX_NAME_WORDS = 6  # words of a speaker name the parse lost before a cue
_MAX_LEAD_IN = 25  # tokens of a sentence before a quote taken into it
_OPENING_QUOTES = frozenset("\"'“‘«")
_ARTICLES = frozenset({"the", "a", "an"})


@dataclass(slots=True)
class _Draft:
    content: tuple[int, int]  # characters
    kind: str
    cue: Cue | None = None
    cue_span: tuple[int, int] | None = None  # characters (":" cues have no Cue)
    speaker: int | None = None
    speaker_range: TokRange | None = None
    relays: list[int] = field(default_factory=list)
    addressee: int | None = None
    attribution_end: int = 0  # where this quote and its trailing attribution end
    from_marks: bool = False
    relay_cues: list[int] = field(default_factory=list)  # cue tokens that only relay this quote


def find_quotes(
    doc: Doc, *, lexicon: CueLexicon | None = None, include_cognition: bool = True
) -> list[Quote]:
    """Quotes of ``doc`` (ids Q1… in order of content start).

    Args:
        doc: a parsed doc; ``doc._.ne_token_actor`` (from the actors stage) maps speaker,
            addressee and relay tokens to actor ids.
        lexicon: cue lexicon (default: the packaged one).
        include_cognition: also report attributed beliefs and findings ("X believes that …",
            "the study found that …"), as PolNeAR and most attribution schemes do.
    """
    if lexicon is None:
        lexicon = default_cue_lexicon()
    text = doc.text
    if len(doc) == 0:
        return []
    starts: list[int] = doc.to_array([IDX]).tolist()
    sent_of = _sentence_starts(doc)
    alpha_before = [0]  # alphabetic tokens before each token index
    for flag in doc.to_array([IS_ALPHA]).tolist():
        alpha_before.append(alpha_before[-1] + flag)
    breaks = [m.start() for m in _NEWLINE.finditer(text)]

    def line_of(token: int) -> int:
        return bisect.bisect_right(breaks, starts[token])

    cues = find_cues(doc, lexicon, include_cognition=include_cognition)
    cue_at = {c.token: c for c in cues}
    cues_before = [0]  # statement cues before each token index
    for k in range(len(doc)):
        cue = cue_at.get(k)
        # A cue nested in another's content does not stop that content hosting a quote.
        statement = cue is not None and not cue.nested and (cue.speaker is not None or cue.unnamed)
        cues_before.append(cues_before[-1] + statement)
    by_sent: dict[int, list[Cue]] = {}
    for c in cues:
        if c.content and not c.outer and not c.nested:
            by_sent.setdefault(sent_of[c.token], []).append(c)
    reported = _reported_statements(doc, cues, sent_of)
    next_reported = 0
    drafts: list[_Draft] = []
    used: set[int] = set()
    mixed: dict[int, int] = {}  # host cue token → end of its last quoted fragment
    prev: _Draft | None = None
    for span in find_quoted_spans(text):
        # The latest indirect statement ending before this quote may be its predecessor.
        while next_reported < len(reported) and reported[next_reported].attribution_end <= (
            span.start
        ):
            if prev is None or reported[next_reported].attribution_end > prev.attribution_end:
                prev = reported[next_reported]
            next_reported += 1
        qs = bisect.bisect_left(starts, span.inner_start)
        qe = bisect.bisect_left(starts, span.inner_end)
        if qs >= len(doc) or qe <= qs:
            continue
        turn = _transcript_speaker(doc, text, span, starts)
        if turn is not None:
            drafts.append(turn)
            prev = turn
            continue
        host = _host_cue(doc, by_sent, sent_of, alpha_before, cues_before, line_of, qs, qe)
        if host is not None:
            mixed[host.token] = max(mixed.get(host.token, 0), span.end)
            continue
        draft = _direct(doc, text, span, qs, qe, starts, cue_at, lexicon)
        if draft is not None:
            if draft.cue is not None and draft.cue.token >= qe:
                _lead_in(doc, draft, qs, sent_of, cue_at)
            if draft.cue is not None:
                used.add(draft.cue.token)
            used.update(draft.relay_cues)
        elif prev is not None and prev.speaker_range is not None and _adjacent(text, prev, span):
            draft = _Draft(
                content=(span.inner_start, span.inner_end),
                kind="direct",
                speaker=prev.speaker,
                speaker_range=prev.speaker_range,
                relays=list(prev.relays),
                attribution_end=span.end,
                from_marks=True,
            )
        elif _sentence_like(doc, qs, qe) and not _is_title(doc, span, qs, qe, lexicon):
            draft = _Draft(
                content=(span.inner_start, span.inner_end),
                kind="direct",
                attribution_end=span.end,
                from_marks=True,
            )
        if draft is not None:
            drafts.append(draft)
            prev = draft
    direct_ranges = sorted(d.content for d in drafts)
    for cue in cues:
        if cue.outer or cue.nested or cue.token in used or not cue.content:
            continue
        if cue.speaker is None and not cue.unnamed:
            continue
        for piece, (cs, ce) in enumerate(cue.content):
            start = doc[cs].idx
            last = doc[ce - 1]
            end = last.idx + len(last.text)
            if piece == len(cue.content) - 1:
                end = max(end, mixed.get(cue.token, 0))
            if _mostly_inside(direct_ranges, start, end):
                continue
            drafts.append(
                _Draft(
                    content=(start, end),
                    kind="mixed" if cue.token in mixed else "indirect",
                    cue=cue,
                    speaker=cue.speaker,
                    speaker_range=cue.speaker_range,
                    relays=list(cue.relays),
                    addressee=cue.addressee,
                )
            )
    drafts.extend(_block_quotes(doc, text, cues, used, drafts))
    headline = _headline_colon(doc, text, starts, drafts)
    if headline is None:
        headline = _headline_verb(doc, text, starts, drafts, lexicon)
    if headline is not None:
        drafts.append(headline)
    drafts = _outermost(doc, drafts)
    drafts.sort(key=lambda d: (d.content[0], d.content[1]))
    return _to_quotes(doc, text, drafts)


def _block_quotes(
    doc: Doc, text: str, cues: list[Cue], used: set[int], drafts: list[_Draft]
) -> list[_Draft]:
    """'The governor added:' closing a paragraph, then a paragraph without quotation
    marks: that paragraph is what he said (a block quotation)."""
    out: list[_Draft] = []
    for cue in cues:
        end = cue.span[1]
        if (
            cue.speaker is None
            or cue.token in used
            or cue.outer
            or cue.nested
            or end + 1 >= len(doc)
            or doc[end].text != ":"
            or "\n" not in doc[end + 1].text
        ):
            continue
        if cue.content and cue.content[-1][1] > end:
            continue  # 'said: the plan failed' has its content on the same line
        c_start = doc[end + 1].idx + len(doc[end + 1].text)
        while c_start < len(text) and text[c_start].isspace():
            c_start += 1
        c_end = text.find("\n", c_start)
        c_end = len(text) if c_end < 0 else c_end
        while c_end > c_start and text[c_end - 1].isspace():
            c_end -= 1
        if c_end - c_start < 2 or text[c_start] in _OPENING_QUOTES:
            continue  # a quoted paragraph is the marks' business
        if any(d.content[0] < c_end and c_start < d.content[1] for d in drafts):
            continue
        out.append(
            _Draft(
                content=(c_start, c_end),
                kind="direct",
                cue=cue,
                speaker=cue.speaker,
                speaker_range=cue.speaker_range,
                relays=list(cue.relays),
                addressee=cue.addressee,
                attribution_end=c_end,
                from_marks=True,
            )
        )
    return out


def _headline_colon(doc: Doc, text: str, starts: list[int], drafts: list[_Draft]) -> _Draft | None:
    """'Poll: Voters Abandon the Party' — a headline (the first line, when more follow) that
    opens with a short name and a colon attributes the rest of the line to that name."""
    end = text.find("\n")
    if end < 0:
        return None
    m = _HEADLINE.match(text, 0, end)
    if m is None:
        return None
    c_start, c_end = m.start(2), m.end(2)
    while c_end > c_start and text[c_end - 1] in " .\t":
        c_end -= 1
    if len(text[c_start:c_end].split()) < 3 or any(
        d.from_marks and d.content[0] < c_end and c_start < d.content[1] for d in drafts
    ):
        return None  # 'Smith: "…"' is a direct quote already
    s = bisect.bisect_left(starts, m.start(1))
    e = bisect.bisect_left(starts, m.end(1))
    if e <= s or not all(t.is_title or t.is_upper for t in doc[s:e]):
        return None
    if doc[s].lower_ in _ARTICLES:
        return None  # 'The Latest: …', 'A Look Back: …' are section labels, not speakers
    quoted = any(ch in text[c_start:c_end] for ch in "\"“”‘’'")
    return _Draft(
        content=(c_start, c_end),
        kind="mixed" if quoted else "indirect",
        cue_span=(m.end(1), m.end(1) + 1),
        speaker=e - 1,
        speaker_range=(s, e),
        attribution_end=end,
    )


def _headline_verb(
    doc: Doc, text: str, starts: list[int], drafts: list[_Draft], lexicon: CueLexicon
) -> _Draft | None:
    """'Senator Vows To Block the Deal': a title-case headline with a cue verb."""
    found = headline_cue(doc, starts, lexicon)
    if found is None:
        return None
    c_start, c_end = found.content
    if any(d.content[0] < c_end and c_start < d.content[1] for d in drafts):
        return None  # the parse found a statement here already
    s, e = found.speaker
    quoted = any(ch in text[c_start:c_end] for ch in '"“”‘’')
    return _Draft(
        content=(c_start, c_end),
        kind="mixed" if quoted else "indirect",
        cue_span=(found.cue[0], found.cue[0] + len(doc[e].text)),
        speaker=e - 1,
        speaker_range=(s, e),
        attribution_end=c_end,
    )


def _outermost(doc: Doc, drafts: list[_Draft]) -> list[_Draft]:
    """Drop statements whose cue lies inside another statement's content: "He said the
    $18 million he says he raised …" reports one statement, with the other inside it."""
    spans = sorted(d.content for d in drafts)
    starts = [s for s, _ in spans]
    reach: list[int] = []  # furthest content end among spans starting at or before each
    for _, e in spans:
        reach.append(max(e, reach[-1]) if reach else e)
    out: list[_Draft] = []
    for d in drafts:
        if d.cue is not None and not d.from_marks:
            at = doc[d.cue.token].idx
            i = bisect.bisect_right(starts, at) - 1
            if i >= 0 and reach[i] > at:
                continue
        out.append(d)
    return out


def _reported_statements(doc: Doc, cues: list[Cue], sent_of: list[int]) -> list[_Draft]:
    """Indirect statements as possible predecessors of a cue-less quote, by sentence end."""
    out: list[_Draft] = []
    n = len(doc)
    for cue in cues:
        if cue.outer or cue.nested or not cue.content or cue.speaker is None:
            continue
        last = cue.content[-1][1] - 1
        k = last + 1
        while k < n and sent_of[k] == sent_of[last] and k - last < _MAX_REGION:
            k += 1
        end_tok = doc[k - 1]
        out.append(
            _Draft(
                content=(doc[cue.content[0][0]].idx, end_tok.idx + len(end_tok.text)),
                kind="indirect",
                speaker=cue.speaker,
                speaker_range=cue.speaker_range,
                relays=list(cue.relays),
                attribution_end=end_tok.idx + len(end_tok.text),
                from_marks=True,
            )
        )
    out.sort(key=lambda d: d.attribution_end)
    return out


def _sentence_starts(doc: Doc) -> list[int]:
    """Token index → index of its sentence's first token (one pass; ``.sent`` walks)."""
    out: list[int] = []
    current = 0
    for k, flag in enumerate(doc.to_array([SENT_START]).tolist()):
        if flag == 1:
            current = k
        out.append(current)
    return out


def _host_cue(
    doc: Doc,
    by_sent: dict[int, list[Cue]],
    sent_of: list[int],
    alpha_before: list[int],
    cues_before: list[int],
    line_of: Callable[[int], int],
    qs: int,
    qe: int,
) -> Cue | None:
    """An indirect cue whose content holds this quote plus words of its own (and no
    other statement's cue: '"A," he said, "B"' is not one statement inside another)."""
    while qe > qs + 1 and not doc[qe - 1].is_alpha and not doc[qe - 1].is_digit:
        qe -= 1  # closing punctuation may hang outside the parse's clause
    cues = by_sent.get(sent_of[qs], ())
    if len(cues) > _MAX_HOSTS:
        # A sentence with very many cues: look at the nearest ones only (bounded work).
        # The list is in text order: the nearest ones lie within _MAX_HOSTS either side.
        i = bisect.bisect_left(cues, qs, key=lambda c: c.token)
        near = cues[max(0, i - _MAX_HOSTS) : i + _MAX_HOSTS]
        cues = sorted(near, key=lambda c: abs(c.token - qs))[:_MAX_HOSTS]
    inside = alpha_before[min(qe + 1, len(doc))] - alpha_before[max(qs - 1, 0)]
    # The parser's sentences may join paragraphs; a quote never belongs to another's cue.
    line = line_of(qs)
    cues = [c for c in cues if line_of(c.token) == line]
    for cue in cues:
        if cue.speaker is None:
            continue
        for cs, ce in cue.content:
            if cs <= qs and qe <= ce and cues_before[ce] == cues_before[cs]:
                if alpha_before[ce] - alpha_before[cs] - inside >= 2:
                    return cue
            elif cs < qs and ce <= qs and cue.token < cs and _joins(doc, ce, qs):
                return cue  # "… was discussed, as well as “…”": the quote continues it
    for cue in cues:
        # The quote sits deeper in the cue's clause than the parse's content
        # ("said she wanted to talk and let them know that “…”").
        if cue.speaker is not None and cue.content and cue.token < qs:
            cs = cue.content[-1][0]
            if cs < qs and doc[cue.token].right_edge.i >= qe - 1 and cue.token < cs:
                if cues_before[qs] - cues_before[cue.token + 1] == 0:
                    return cue  # no other cue nearer the quote ("… and said he …")
    return None


def _joins(doc: Doc, end: int, qs: int) -> bool:
    """Only punctuation and a coordinator between a clause's end and a quote."""
    gap = doc[end:qs]
    return len(gap) <= 5 and all(t.is_punct or t.dep_ in ("cc", "advmod") for t in gap)


def _direct(
    doc: Doc,
    text: str,
    span: QuotedSpan,
    qs: int,
    qe: int,
    starts: list[int],
    cue_at: dict[int, Cue],
    lexicon: CueLexicon,
) -> _Draft | None:
    """A direct quote with the cue found after or before the marks, or None."""
    after = bisect.bisect_left(starts, span.end)
    inner_last = text[span.inner_start : span.end].rstrip(" \"'”’»\u00a0")[-1:]
    next_char = text[span.end : span.end + 2].lstrip()[:1]
    if _is_title(doc, span, qs, qe, lexicon) and doc[max(0, qs - 2)].text not in (":", ","):
        return None  # 'told “Morning Call”', 'said on “Face the Nation”': a title
    if span.closed and (inner_last in _AFTER_ENDINGS or next_char in (",", "")):
        draft = _cue_after(doc, span, after, cue_at)
        if draft is not None:
            return draft
    elif span.closed and next_char.islower() and _sentence_like(doc, qs, qe):
        draft = _cue_after(doc, span, after, cue_at)
        if draft is not None:
            return draft
    before = bisect.bisect_left(starts, span.start)
    introduced = before > 0 and doc[before - 1].text in (":", ",")
    if introduced or _sentence_like(doc, qs, qe):
        # A short fragment after a cue ('specified "Christian" as …', 'said on "Meet the
        # Press"') is a name or a partial quote, not a quotation the cue introduces.
        draft = _cue_before(doc, span, before, cue_at)
        if draft is not None:
            return draft
    if span.closed:
        return _dash_speaker(doc, text, span, starts)
    return None


def _lead_in(doc: Doc, draft: _Draft, qs: int, sent_of: list[int], cue_at: dict[int, Cue]) -> None:
    """'Not paying taxes "makes me smart," he said': words of the sentence before a quote
    whose cue follows it are part of what is attributed (a mixed quote)."""
    first = qs
    while first > 0 and doc[first - 1].is_quote:
        first -= 1
    start = max(sent_of[qs], first - _MAX_LEAD_IN - 1)
    words = 0
    k = first - 1
    while k >= start:
        tok = doc[k]
        if "\n" in tok.text or tok.text in _SENT_END:
            break
        if tok.is_quote or tok.text == ":" or (k in cue_at and tok.pos_ == "VERB"):
            return  # another statement of its own comes first
        words += tok.is_alpha
        k -= 1
    else:
        if start > sent_of[qs]:
            return  # too long a lead-in
    start = k + 1
    if words < 2 or doc[first - 1].text in (",", ";") or doc[start].is_punct:
        return
    draft.content = (doc[start].idx, draft.content[1])
    draft.kind = "mixed"


def _dash_speaker(doc: Doc, text: str, span: QuotedSpan, starts: list[int]) -> _Draft | None:
    """'“…” ― Maria Lopez' : a pull quote signed with a dash and a name."""
    m = _DASH_NAME.match(text, span.end)
    if m is None:
        return None
    s = bisect.bisect_left(starts, m.start(2))
    e = bisect.bisect_left(starts, m.end(2))
    if e <= s or not any(t.pos_ == "PROPN" for t in doc[s:e]):
        return None
    return _Draft(
        content=(span.inner_start, span.inner_end),
        kind="direct",
        cue_span=(m.start(1), m.end(1)),
        speaker=e - 1,
        speaker_range=(s, e),
        attribution_end=m.end(2),
        from_marks=True,
    )


def _transcript_speaker(doc: Doc, text: str, span: QuotedSpan, starts: list[int]) -> _Draft | None:
    """'"SMITH: We will …"' : a quoted transcript turn names its speaker in capitals."""
    m = _TRANSCRIPT.match(text, span.inner_start, span.inner_end)
    if m is None:
        return None
    s = bisect.bisect_left(starts, m.start(1))
    e = bisect.bisect_left(starts, m.end(1))
    content_start = m.end()
    if e <= s or content_start >= span.inner_end:
        return None
    return _Draft(
        content=(content_start, span.inner_end),
        kind="direct",
        cue_span=(m.end(1), m.end(1) + 1),
        speaker=e - 1,
        speaker_range=(s, e),
        attribution_end=span.end,
        from_marks=True,
    )


def _cue_after(doc: Doc, span: QuotedSpan, first: int, cue_at: dict[int, Cue]) -> _Draft | None:
    """The cue clause right after the quote ('"…," the minister, who …, said on Monday')."""
    found: list[Cue] = []
    end = first
    limit = min(len(doc), first + _MAX_REGION)
    for k in range(first, limit):
        tok = doc[k]
        if "\n" in tok.text or (tok.is_quote and k > first):
            break
        cue = cue_at.get(k)
        if cue is not None:
            found.append(cue)
        end = k + 1
        if tok.text in _SENT_END:
            break
    if not found:
        return None
    primary = found[0]
    named = _name_before_cue(doc, first, primary)
    if named is not None:
        primary = replace(primary, speaker=named[1] - 1, speaker_range=named, relays=[])
    if not _only_speaker_between(doc, first, primary) or _passive(doc, primary):
        return None
    relays = list(primary.relays)
    for cue in found[1:]:
        if cue.speaker is not None and cue.speaker not in relays:
            if cue.speaker != primary.speaker:
                relays.append(cue.speaker)
    last = doc[end - 1]
    draft = _draft_for(doc, span, primary, relays, attribution_end=last.idx + len(last.text))
    draft.relay_cues = _relaying(found, primary)
    return draft


def _name_before_cue(doc: Doc, first: int, cue: Cue) -> TokRange | None:
    """'"…," Police Chief Ann Lee said': a short run of capitalised words between the quote
    and a cue whose parsed subject is not there (the parse lost the name) is the speaker."""
    if cue.speaker is not None and cue.speaker >= first:
        return None
    start = first
    while start < cue.span[0] and doc[start].is_punct:
        start += 1
    words = doc[start : cue.span[0]]
    if not 1 <= len(words) <= _MAX_NAME_WORDS or not words[-1].is_title:
        return None
    if not all(t.is_alpha and (t.is_title or t.pos_ in ("NOUN", "PROPN")) for t in words):
        return None
    return start, cue.span[0]


def _relaying(found: list[Cue], primary: Cue) -> list[int]:
    """Cue tokens near a quote that relay it (another speaker), not new statements."""
    return [
        c.token
        for c in found
        if c is not primary
        and c.speaker is not None
        and c.speaker != primary.speaker
        and (not c.content or (c.token > primary.token and not _own_clause(c)))
    ]


def _own_clause(cue: Cue) -> bool:
    """A later cue with a that-clause of its own after it ('…," said X, though he added
    that …') makes a new statement rather than relaying the quote."""
    return cue.content[-1][0] > cue.span[1]


def _passive(doc: Doc, cue: Cue) -> bool:
    """A passive cue with no agent ("…" was published) names no speaker of the quote."""
    return cue.speaker is None and any(
        c.dep_ in ("auxpass", "nsubjpass") for c in doc[cue.token].children
    )


def _only_speaker_between(doc: Doc, first: int, cue: Cue) -> bool:
    """Between the quote and its cue: no verb except inside the speaker's phrase."""
    lo = hi = -1
    if cue.speaker is not None:
        head = doc[cue.speaker]
        lo, hi = head.left_edge.i, head.right_edge.i
        if cue.speaker_range is not None:
            lo, hi = min(lo, cue.speaker_range[0]), max(hi, cue.speaker_range[1] - 1)
    for k in range(first, cue.span[0]):
        if doc[k].pos_ in ("VERB", "AUX") and not lo <= k <= hi:
            return False  # another clause comes first
    return first <= cue.span[0]


def _cue_before(doc: Doc, span: QuotedSpan, first: int, cue_at: dict[int, Cue]) -> _Draft | None:
    """The nearest cue before the quote in the same sentence, with nothing between."""
    lo = max(0, first - _MAX_REGION)
    verbs_between = 0
    k = first - 1
    found: list[Cue] = []
    colon = first > 0 and doc[first - 1].text == ":"
    crossed = False
    while k >= lo:
        tok = doc[k]
        if "\n" in tok.text and not crossed and k == first - 1 and k and doc[k - 1].text == ":":
            # 'She wrote:' ending the paragraph before a quoted paragraph.
            crossed = True
            first = k
            colon = True
            k -= 1
            continue
        if "\n" in tok.text or tok.text in _SENT_END or (tok.is_quote and k < first - 1):
            break
        cue = cue_at.get(k)
        if cue is not None:
            if not found and (
                verbs_between
                or first - cue.span[1] > _MAX_BEFORE_GAP
                or not _introduces(doc, cue, first)
                or _passive(doc, cue)
            ):
                return None
            found.append(cue)
        elif tok.pos_ == "VERB" and not found:
            verbs_between += 1
        k -= 1
    if found:
        primary = found[0]
        relays = list(primary.relays)
        for cue in found[1:]:
            if cue.speaker is not None and cue.speaker not in relays:
                if cue.speaker != primary.speaker:
                    relays.append(cue.speaker)
        draft = _draft_for(doc, span, primary, relays, attribution_end=span.end)
        draft.relay_cues = _relaying(found, primary)
        return draft
    if colon and verbs_between == 0:
        return _colon_speaker(doc, span, k + 1, first - 1)
    return None


def _introduces(doc: Doc, cue: Cue, first: int) -> bool:
    """Only punctuation, "that" and the cue verb's adjuncts between the cue and the quote."""
    verb = doc[cue.token]
    for k in range(cue.span[1], first):
        tok = doc[k]
        if tok.is_punct or tok.is_space or tok.lower_ == "that":
            continue
        cur, steps = tok, 0
        while cur.head.i != verb.i and cur.head.i != cur.i and steps < 8:
            cur, steps = cur.head, steps + 1
        if cur.head.i != verb.i or cur.dep_ not in _ADJUNCT_DEPS and cur.i != cue.addressee:
            return False
    return True


def _colon_speaker(doc: Doc, span: QuotedSpan, start: int, colon: int) -> _Draft | None:
    """'Minister Smith: "…"' — a name and a colon as the cue (headline style)."""
    names = [t for t in doc[start:colon] if t.pos_ == "PROPN"]
    if not names or colon - start > 6:
        return None
    head = names[-1]
    rng = (start, colon)
    mark = doc[colon]
    return _Draft(
        content=(span.inner_start, span.inner_end),
        kind="direct",
        cue_span=(mark.idx, mark.idx + len(mark.text)),
        speaker=head.i,
        speaker_range=rng,
        attribution_end=span.end,
        from_marks=True,
    )


def _draft_for(
    doc: Doc, span: QuotedSpan, cue: Cue, relays: list[int], *, attribution_end: int
) -> _Draft:
    return _Draft(
        content=(span.inner_start, span.inner_end),
        kind="direct",
        cue=cue,
        speaker=cue.speaker,
        speaker_range=cue.speaker_range,
        relays=relays,
        addressee=cue.addressee,
        attribution_end=attribution_end,
        from_marks=True,
    )


def _adjacent(text: str, prev: _Draft, span: QuotedSpan) -> bool:
    """Nothing but spaces and punctuation between the previous quote's attribution and this."""
    if not prev.from_marks or span.start < prev.attribution_end:
        return False
    gap = text[prev.attribution_end : span.start]
    return len(gap) < 40 and not any(ch.isalnum() for ch in gap)


def _sentence_like(doc: Doc, qs: int, qe: int) -> bool:
    words = [t for t in doc[qs:qe] if t.is_alpha]
    if len(words) >= _MIN_STANDALONE_WORDS:
        return True
    return len(words) >= _MIN_VERB_WORDS and any(t.pos_ in ("VERB", "AUX") for t in words)


def _is_title(doc: Doc, span: QuotedSpan, qs: int, qe: int, lexicon: CueLexicon) -> bool:
    """A quoted title of a work: after a title noun, or every content word capitalised."""
    before = doc[qs - 2] if qs >= 2 else None
    if before is not None and before.lemma_.lower() in lexicon.titles:
        return True
    words = [t for t in doc[qs:qe] if t.is_alpha and len(t.text) > 3]
    return len(words) >= 2 and all(t.text[0].isupper() for t in words) and qe - qs <= 12


def _mostly_inside(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    """Is more than half of ``[start, end)`` covered by one of the sorted ``ranges``?"""
    i = bisect.bisect_right(ranges, (end, end))
    length = max(1, end - start)
    for k in range(i - 1, max(-1, i - 4), -1):
        s, e = ranges[k]
        if min(e, end) - max(s, start) > length / 2:
            return True
    return False


def _to_quotes(doc: Doc, text: str, drafts: list[_Draft]) -> list[Quote]:
    token_actor: dict[int, str] = doc._.ne_token_actor or {}
    known = {a.id for a in get_list(doc, "ne_actors")}
    quotes: list[Quote] = []
    for d in drafts:
        start, end = d.content
        cue_span: TextSpan | None = None
        if d.cue is not None:
            cs, ce = d.cue.span
            cue_span = _char_span(doc, text, cs, ce)
        elif d.cue_span is not None:
            cue_span = TextSpan(d.cue_span[0], d.cue_span[1], text[d.cue_span[0] : d.cue_span[1]])
        mention = _char_span(doc, text, *d.speaker_range) if d.speaker_range else None
        speaker = _actor(token_actor, known, d.speaker)
        via: list[str] = []
        for r in d.relays:
            actor = _actor(token_actor, known, r)
            if actor is not None and actor not in via and actor != speaker:
                via.append(actor)
        quotes.append(
            Quote(
                id=f"Q{len(quotes) + 1}",
                kind=d.kind,  # type: ignore[arg-type]
                content=TextSpan(start, end, text[start:end]),
                speaker=speaker,
                speaker_mention=mention,
                cue=cue_span,
                via=via,
                addressee=_actor(token_actor, known, d.addressee),
            )
        )
    return quotes


def _actor(token_actor: dict[int, str], known: set[str], token: int | None) -> str | None:
    if token is None:
        return None
    actor = token_actor.get(token)
    return actor if actor is not None and (not known or actor in known) else None


def _char_span(doc: Doc, text: str, start: int, end: int) -> TextSpan:
    s = doc[start].idx
    last = doc[end - 1]
    e = last.idx + len(last.text)
    return TextSpan(s, e, text[s:e])
