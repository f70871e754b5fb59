"""Cues of reported speech in the dependency parse: cue span, speaker, addressee, content.

A cue is a verb of the lexicon ("said", "told reporters", "warned"), a cue phrase
("according to") or a cue noun with a clause ("the ministry's claim that …"). For each
one this module finds, from the parse alone:

- the speaker: the subject (through relative pronouns, conjoined verbs, inversion
  "…, said Smith", passive agents); "quoted X as saying" gives X and relays the subject;
- the cue span: the verb with its auxiliaries, particle, an audience object
  ("told reporters") and a channel phrase ("said in a statement");
- the addressee: the object of "tell"-type verbs or the object of "to" ("said to Y");
- the content of indirect speech: a clausal complement (either side of the verb), an
  infinitive or an object, or the clause a parenthetical cue interrupts ("The plan, he
  said, would fail"); content after the cue runs on to the end of its sentence, whatever
  the parse hung on the verb, up to the next statement (", he added", ", saying …") or a
  narrator's clause (", which …");
- relays: a cue whose clause is another cue ("X reported that Y said …", "…, Y said,
  reported X") only relays it; a non-relay cue nested in another speaker's content
  ("He noted that the board announced …") is part of that content.

Token ranges are ``(start, end)`` token indices, end exclusive.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.attrs import IDX, LEMMA, LOWER, POS, SENT_START
from spacy.tokens import Doc, Span, Token

from .lexicon import CueLexicon

TokRange = tuple[int, int]

_NEWLINE = re.compile("\n")
_REL_PRONOUNS = frozenset({"who", "which", "that"})
_WH_WORDS = frozenset({"that", "which", "who", "whom", "what"})
_STAND_INS = frozenset({"what", "which"})  # relative words that stand for the content
_COMPLETERS = frozenset({"ccomp", "oprd", "attr", "acomp", "xcomp"})  # "what he called X"
_ADDRESS_OBJECT = frozenset(
    {"tell", "inform", "assure", "reassure", "warn", "urge", "ask", "remind", "advise", "brief"}
)
_TOPIC_PREPS = frozenset({"about", "for", "against", "of", "on", "over"})
# "responded to the charges", "replied with an attack", "pointed to the poll": the object
# of these verbs' preposition is what the reply or reference was about (other verbs:
# _TOPIC_PREPS).
_REPLY_VERBS = {
    "respond": ("to", "with", "by"),
    "reply": ("to", "with", "by"),
    "react": ("to", "with", "by"),
    "point": ("to",),
    # "spoke for five minutes", "spoke over the noise": only these name a talk's topic
    "speak": ("about", "of", "on", "against"),
    "talk": ("about", "of", "on", "against"),
}
_SEEM = frozenset({"seem", "appear"})  # impressions with no one named as holding them
_STANCE_PREPS = frozenset({"about", "of", "on", "over", "against", "in", "with", "that"})
_NOUN_TOPIC_PREPS = frozenset({"about", "for", "against", "of", "on"})  # not "over the week"
_CUE_LEFT_DEPS = frozenset({"aux", "auxpass", "neg"})
_CUE_ADVERBS = frozenset({"also", "again", "later", "previously", "repeatedly", "then"})
_SPEAKER_CUT_DEPS = frozenset({"relcl", "acl", "appos", "advcl", "punct", "cc", "conj", "case"})
_SUBJECT_DEPS = frozenset({"nsubj"})
_INVERTED_DEPS = frozenset({"nsubj", "dobj", "attr", "npadvmod", "appos", "dative"})
_NOMINAL_POS = frozenset({"PROPN", "NOUN", "PRON"})
_HARD_STOPS = frozenset({";"})
_SOFT_STOPS = frozenset({",", ":", "--", "—", "–", "―"})
_PREP_VBG = frozenset({"including", "regarding", "concerning", "excluding", "following"})
_SENT_END_MARKS = frozenset({".", "!", "?"})
# Words after a comma that open a clause of the narrator's, not more of the content.
_CLAUSE_STOPS = frozenset(
    {"while", "though", "although", "whereas", "which", "who", "whom", "whose", "according"}
)
_MAX_RUN_ON = 120  # tokens scanned to find where reported content ends
_MAX_INNER = 16  # cues inside one content looked at for a coordinated statement
_OWN_OBJECT_DEPS = frozenset({"dobj", "dative", "xcomp", "attr", "oprd"})
_MAX_THAT_GAP = 10  # tokens between a cue verb and a that-clause the parse lost
_MAX_SPEAKER_TOKENS = 14
_MAX_RELAYS = 4  # nesting depth followed for relays


@dataclass(slots=True)
class Cue:
    """One cue of reported speech found in the parse."""

    token: int  # the cue word (verb, or "according" of "according to")
    span: TokRange  # the cue as written ("has said", "told reporters")
    speaker: int | None = None  # head token of the speaker mention
    speaker_range: TokRange | None = None
    addressee: int | None = None  # head token of the addressee
    content: list[TokRange] = field(default_factory=list)  # indirect content: 0, 1 or 2 pieces
    relays: list[int] = field(default_factory=list)  # heads of relaying sources, outermost last
    outer: bool = False  # only relays a nested cue; not a statement of its own
    nested: bool = False  # inside another speaker's reported content
    unnamed: bool = False  # no speaker named or found ("it was reported that …"), still a quote


def find_cues(doc: Doc, lexicon: CueLexicon, *, include_cognition: bool = True) -> list[Cue]:
    """Every cue of ``doc`` in text order, nested cues linked to their relays."""
    verbs = lexicon.cue_verbs(include_cognition=include_cognition)
    phrases = lexicon.phrases
    cues: list[Cue] = []
    by_token: dict[int, Cue] = {}
    n = len(doc)
    if n == 0:
        return cues
    # Candidate tokens from the attribute arrays: much faster than touching every Token.
    strings = doc.vocab.strings
    verb_ids = {strings[v] for v in verbs if v in strings}
    verb_ids |= {strings[v.capitalize()] for v in verbs if v.capitalize() in strings}
    # Regular forms of the cue verbs, for the lemmatizer's slips ("rated" → "rat").
    form_ids = {strings[f] for f in _regular_forms(verbs) if f in strings}
    seem_ids = {strings[w] for w in _SEEM if w in strings}
    see_ids = {strings["see"]} if "see" in strings else set()
    first_words = {strings[p[0]] for p in phrases if p[0] in strings}
    arr = doc.to_array([POS, LEMMA, LOWER])
    paras = _Paragraphs(doc)
    verb_pos = doc.vocab.strings["VERB"]
    noun_pos = doc.vocab.strings["NOUN"]
    noun_ids = {strings[w] for w in lexicon.nouns | lexicon.topic_nouns if w in strings}
    make_id = strings["make"] if "make" in strings else -1
    adj_pos = doc.vocab.strings["ADJ"]
    stance_ids = {strings[w] for w in lexicon.stances if w in strings}
    for i, (pos, lemma, lower) in enumerate(arr.tolist()):
        if lower in first_words:
            low = doc[i].lower_
            for p in phrases:
                if (
                    p[0] == low
                    and i + len(p) <= n
                    and all(doc[i + k].lower_ == p[k] for k in range(1, len(p)))
                ):
                    cue = _phrase_cue(doc, doc[i], len(p))
                    if cue is not None:
                        cues.append(cue)
                        by_token[cue.token] = cue
                    break
        elif pos == verb_pos and (lemma in verb_ids or lower in form_ids) and _is_predicate(doc[i]):
            cue = _verb_cue(doc, doc[i], lexicon, paras)
            cues.append(cue)
            by_token[cue.token] = cue
        elif pos == verb_pos and lemma in see_ids and _sees_as(doc[i]) and _is_predicate(doc[i]):
            cue = _verb_cue(doc, doc[i], lexicon, paras)
            cues.append(cue)
            by_token[cue.token] = cue
        elif pos == verb_pos and lemma in seem_ids:
            seem_cue = _seem_cue(doc, doc[i], lexicon)
            if seem_cue is not None:
                cues.append(seem_cue)
                by_token[seem_cue.token] = seem_cue
        elif pos == verb_pos and _that_clause_verb(doc[i]):
            cue = _verb_cue(doc, doc[i], lexicon, paras)
            if cue.speaker is not None and cue.content:
                cues.append(cue)
                by_token[cue.token] = cue
        elif pos == noun_pos and lemma in noun_ids:
            noun_cue = _noun_cue(doc, doc[i], lexicon)
            if noun_cue is not None:
                cues.append(noun_cue)
                by_token[noun_cue.token] = noun_cue
        elif pos == adj_pos and lemma in stance_ids:
            stance_cue = _stance_cue(doc, doc[i])
            if stance_cue is not None:
                cues.append(stance_cue)
                by_token[stance_cue.token] = stance_cue
        elif pos == verb_pos and lemma == make_id:
            make_cue = _make_cue(doc, doc[i], lexicon)
            if make_cue is not None:
                cues.append(make_cue)
                by_token[make_cue.token] = make_cue
    _extend_contents(doc, cues, by_token)
    _in_source_phrases(doc, cues, by_token, lexicon.channel)
    for cue in cues:
        cue.content = paras.clip(cue.token, cue.content)
    _link_relays(doc, cues, by_token, lexicon.relay, paras)
    for cue in cues:
        verb = doc[cue.token]
        if cue.relays and verb.tag_ == "VBG" and verb.head.lower_ == "as":
            frame = by_token.get(verb.head.head.i)
            if frame is not None:
                frame.outer = True  # "quoted the minister as saying …" only relays it
    _cut_siblings(doc, cues)
    _keep_speakerless(doc, cues)
    return cues


@lru_cache(maxsize=4)
def _regular_forms(verbs: frozenset[str]) -> frozenset[str]:
    """-s, -ed and -ing forms of regular verbs ("rate": "rates", "rated", "rating")."""
    forms: set[str] = set()
    for v in verbs:
        stem = v[:-1] if v.endswith("e") else v
        forms.update((v + "s", stem + "ed", stem + "ing"))
    return frozenset(forms)


def _keep_speakerless(doc: Doc, cues: list[Cue]) -> None:
    """A cue verb whose speaker the parse lost ("…, emphasizing the threat") still reports
    its content: the statement is kept with no speaker rather than dropped. Not for
    imperatives and bare infinitives (no statement), passives (handled in _verb_cue:
    their subject is the addressee) or a cue inside another speaker's content."""
    spans = sorted(p for c in cues if c.speaker is not None for p in c.content)
    starts = [s for s, _ in spans]
    reach: list[int] = []
    for _, e in spans:
        reach.append(max(e, reach[-1]) if reach else e)
    for cue in cues:
        verb = doc[cue.token]
        if cue.speaker is not None or not cue.content or verb.pos_ != "VERB" or verb.tag_ == "VB":
            continue
        if any(c.dep_ == "auxpass" for c in verb.lefts):
            continue
        i = bisect.bisect_right(starts, cue.token) - 1
        if i >= 0 and reach[i] > cue.token:
            continue  # "Peskov said cooperation was discussed": part of his statement
        cue.unnamed = True


def _cut_siblings(doc: Doc, cues: list[Cue]) -> None:
    """A statement the parse hung inside another's content as a coordinated or participial
    verb of the same speaker ("said he would act and warned …", "…, saying …") is a
    statement of its own: the other content ends before it."""
    by_token = {c.token: c for c in cues if not c.outer}
    tokens = sorted(by_token)
    for cue in cues:
        if not cue.content or cue.speaker is None:
            continue
        pieces: list[TokRange] = []
        for cs, ce in cue.content:
            i = bisect.bisect_left(tokens, cs)
            stop = min(len(tokens), i + _MAX_INNER)  # bounded work in a run of cues
            while i < stop and tokens[i] < ce:
                verb = doc[tokens[i]]
                participle = (
                    verb.dep_ == "advcl"
                    and verb.tag_ == "VBG"
                    and verb.i > 0
                    and doc[verb.i - 1].text == ","
                )
                if participle or (verb.dep_ == "conj" and by_token[verb.i].speaker == cue.speaker):
                    cut = verb.left_edge.i
                    while cut > cs and (doc[cut - 1].is_punct or doc[cut - 1].dep_ == "cc"):
                        cut -= 1
                    ce = cut
                    break
                i += 1
            piece = _trim(doc, cs, ce) if ce > cs else None
            if piece is not None:
                pieces.append(piece)
        cue.content = pieces


def _sentence_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """Token index → its sentence's first token, and the index just past its end."""
    flags = doc.to_array([SENT_START]).tolist()
    n = len(doc)
    starts = [0] * n
    ends = [n] * n
    current = 0
    for k in range(n):
        if flags[k] == 1:
            current = k
        starts[k] = current
    end = n
    for k in range(n - 1, -1, -1):
        ends[k] = end
        if flags[k] == 1:
            end = k
    return starts, ends


def _extend_contents(doc: Doc, cues: list[Cue], by_token: dict[int, Cue]) -> None:
    """Reported content runs to the end of its sentence, whatever part of it the parse
    hung on the cue verb ("said the claim smacked of hypocrisy, because …"); it stops
    before another attribution (", he added", ", saying …"), a narrator's contrast
    (", while …") or a non-restrictive clause (", which …"). A parenthetical cue
    ("A, he said, B") also speaks the rest of its sentence."""
    if not cues:
        return
    sent_start, sent_end = _sentence_bounds(doc)
    for cue in cues:
        if cue.token >= len(doc):
            continue
        limit = sent_end[cue.token]
        if doc[cue.token].pos_ == "VERB" and (not cue.content or cue.content[-1][1] <= cue.span[0]):
            _parenthetical(doc, cue, sent_start[cue.token], limit, by_token)
        if not cue.content and cue.speaker is not None and doc[cue.token].pos_ == "VERB":
            _misparsed_that(doc, cue, limit)
        if not cue.content:
            continue
        cs, ce = cue.content[-1]
        if cs >= cue.span[1] and doc[cs].dep_ != "prep":  # not "criticism of X"'s object
            end = _run_on(doc, ce, limit, by_token, cue)
            if end > ce:
                cue.content[-1] = (cs, end)
        elif ce <= cue.span[0] and doc[cue.token].pos_ == "VERB":
            right = _after_parenthetical(doc, cue, limit)
            if right is not None:
                end = _run_on(doc, right, limit, by_token, cue)
                piece = _trim(doc, right, end)
                if piece is not None and sum(t.is_alpha for t in doc[piece[0] : piece[1]]) >= 3:
                    cue.content.append(piece)


def _in_source_phrases(
    doc: Doc, cues: list[Cue], by_token: dict[int, Cue], channels: frozenset[str]
) -> None:
    """ "In the latest poll, the senator led by five points": a sentence that opens with
    "In <a poll, report, statement …>," and has no cue of its own is sourced to it."""
    in_id = doc.vocab.strings["in"] if "in" in doc.vocab.strings else -1
    sent_start, sent_end = _sentence_bounds(doc)
    cue_tokens = sorted(c.token for c in cues if c.speaker is not None or c.unnamed)
    lowers = doc.to_array([LOWER]).tolist()
    for sent in sorted({sent_start[k] for k, low in enumerate(lowers) if low == in_id}):
        tok = doc[sent]
        if tok.lower_ != "in" or tok.dep_ != "prep":
            continue
        objs = [c for c in tok.children if c.dep_ == "pobj"]
        if not objs or objs[0].lemma_.lower() not in channels:
            continue
        end = sent_end[sent]
        comma = objs[0].right_edge.i + 1
        if comma >= end or doc[comma].text != "," or end - sent > _MAX_RUN_ON:
            continue
        i = bisect.bisect_left(cue_tokens, sent)
        if i < len(cue_tokens) and cue_tokens[i] < end:
            continue  # "In a statement, the ministry said …": the verb is the cue
        piece = _trim(doc, comma + 1, end)
        if piece is None or piece[1] - piece[0] < 3:
            continue
        source = objs[0]
        cue = Cue(token=tok.i, span=(tok.i, tok.i + 1), content=[piece])
        cue.speaker, cue.speaker_range = source.i, speaker_range(doc, source)
        cues.append(cue)
        by_token[cue.token] = cue
    cues.sort(key=lambda c: c.token)


def _misparsed_that(doc: Doc, cue: Cue, limit: int) -> None:
    """ "joked that, among voters, he ranks fourth", "told a meeting of leaders that few
    understood …", "reported at the time that …": a that-clause the parse did not hang on
    the cue verb is still what was said."""
    verb = doc[cue.token]
    stop = min(limit, cue.span[1] + _MAX_THAT_GAP)
    for k in range(cue.span[1], stop):
        tok = doc[k]
        if tok.lower_ == "that" and tok.dep_ != "det" and k + 1 < limit:
            # A statement inside the clause is part of it: only punctuation ends it.
            piece = _trim(doc, k + 1, _run_on(doc, k + 1, limit, {}, cue))
            if piece is not None and any(t.pos_ in ("VERB", "AUX") for t in doc[slice(*piece)]):
                cue.content = [piece]
            return
        if tok.pos_ in ("VERB", "AUX") or tok.text in _SENT_END_MARKS or "\n" in tok.text:
            return
        if tok.is_punct and tok.text != ",":
            return
        # Still inside the verb's phrase (the parse is projective: subtrees are spans).
        in_verb = verb.left_edge.i <= k <= verb.right_edge.i
        if not in_verb and not tok.left_edge.i <= verb.i <= tok.right_edge.i:
            return


def _run_on(doc: Doc, start: int, limit: int, by_token: dict[int, Cue], cue: Cue) -> int:
    """Where content whose parse ends at ``start`` really ends: at ``limit`` (the sentence
    end) or before the first clause boundary that opens another statement."""
    if limit - start > _MAX_RUN_ON:
        return start  # a runaway "sentence" (a list, a parse gone wrong): keep the parse's
    boundary = start  # content end so far
    before_clause = start  # content end before the current comma-delimited clause
    for k in range(start, limit):
        tok = doc[k]
        if "\n" in tok.text or tok.text in _HARD_STOPS:
            return boundary
        other = by_token.get(k)
        if other is not None and other is not cue and other.speaker is not None:
            if before_clause <= other.speaker < k:
                return before_clause  # '…, Smith added': the clause is the next attribution
            if other.speaker == cue.speaker:
                while boundary > start and doc[boundary - 1].dep_ == "cc":
                    boundary -= 1
                return boundary  # '… and said …': the same speaker's next statement
        if tok.text in _SOFT_STOPS or tok.is_quote or tok.is_bracket:
            nxt = doc[k + 1] if k + 1 < limit else None
            if nxt is not None and (
                nxt.lower_ in _CLAUSE_STOPS or (nxt.tag_ == "VBG" and nxt.lower_ not in _PREP_VBG)
            ):
                return boundary
            if not tok.is_quote:
                before_clause = boundary
        elif not tok.is_punct and not tok.is_space:
            boundary = k + 1
    return boundary


def _parenthetical(doc: Doc, cue: Cue, start: int, limit: int, by_token: dict[int, Cue]) -> None:
    """ "The plan, the minister said, would fail", "Prices, as the report noted, rose",
    "People like him, she said.": a cue set off by commas inside the sentence it reports
    speaks the rest of that sentence, whatever the parse made of it."""
    k = cue.span[0] - 1
    lo = max(start, cue.span[0] - _MAX_SPEAKER_TOKENS)
    while k > lo and doc[k].text != ",":
        if doc[k].pos_ in ("VERB", "AUX") or doc[k].is_punct or "\n" in doc[k].text:
            return
        k -= 1
    if doc[k].text != "," or k - start < 2:
        return
    subjects = [
        c for c in doc[cue.token].children if c.dep_ in _SUBJECT_DEPS and k < c.i < cue.span[0]
    ]
    if not subjects:
        return  # "…, officials said" names its speaker between the comma and the verb
    left = _trim(doc, start, k)
    if left is None or sum(t.is_alpha for t in doc[left[0] : left[1]]) < 2:
        return
    if any(t.i in by_token or t.is_quote or "\n" in t.text for t in doc[left[0] : left[1]]):
        return  # another statement, or a direct quote, comes first
    pieces = [left]
    right = _after_parenthetical(doc, cue, limit)
    if right is not None:
        piece = _trim(doc, right, _run_on(doc, right, limit, by_token, cue))
        if piece is not None and sum(t.is_alpha for t in doc[piece[0] : piece[1]]) >= 2:
            pieces.append(piece)
    elif cue.span[1] < limit and doc[cue.span[1]].text not in _SENT_END_MARKS:
        return  # the sentence goes on after the cue in a way not understood
    speaker = subjects[0]
    cue.content = pieces
    cue.speaker, cue.speaker_range = speaker.i, speaker_range(doc, speaker)


def _after_parenthetical(doc: Doc, cue: Cue, limit: int) -> int | None:
    """First token after "…, he said[ in a statement]," when the sentence goes on."""
    k = cue.span[1]
    if cue.speaker is not None and cue.speaker >= k:
        k = max(k, (cue.speaker_range or (0, cue.speaker + 1))[1])
    stop = min(limit, k + 8)
    while k < stop and doc[k].text != ",":
        if doc[k].pos_ in ("VERB", "AUX") or doc[k].is_punct or "\n" in doc[k].text:
            return None
        k += 1
    if k >= stop or k + 1 >= limit:
        return None
    nxt = doc[k + 1]
    if nxt.lower_ in _CLAUSE_STOPS or nxt.tag_ == "VBG" or nxt.is_punct:
        return None
    return k + 1


def _doc_range(first: Token, last: Token) -> Span:
    """Tokens from ``first`` to ``last`` inclusive."""
    return first.doc[first.i : last.i + 1]


def _noun_cue(doc: Doc, noun: Token, lexicon: CueLexicon) -> Cue | None:
    """ "Smith's claim that …", "warnings from the agency that …", "his pledge to …",
    "her support for the bill", "voiced concern that …" (the support verb's subject)."""
    content: TokRange | None = None
    lemma = noun.lemma_.lower()
    if lemma in lexicon.nouns:
        for child in noun.rights:
            if child.dep_ in ("acl", "relcl", "ccomp") and any(
                c.dep_ in ("mark", "aux") and c.lower_ in ("that", "to") for c in child.lefts
            ):
                content = _trim(doc, child.left_edge.i, child.right_edge.i + 1)
                break
    if content is None and lemma in lexicon.topic_nouns:
        for child in noun.rights:
            if child.dep_ == "prep" and child.lower_ in _NOUN_TOPIC_PREPS:
                if any(c.dep_ in ("pobj", "pcomp") for c in child.children):
                    content = _trim(doc, child.i, child.right_edge.i + 1)
                break
    if content is None:
        return None
    speaker: Token | None = None
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ in _NOMINAL_POS:
            speaker = child
        elif child.dep_ == "prep" and child.lower_ in ("from", "by") and child.i < content[0]:
            objs = [c for c in child.children if c.dep_ == "pobj"]
            speaker = objs[0] if objs else speaker
    span = (noun.i, noun.i + 1)
    head = noun.head
    if (
        speaker is None
        and noun.dep_ == "dobj"
        and head.pos_ == "VERB"
        and head.lemma_.lower() in lexicon.support
        and _is_predicate(head)
    ):
        # "The minister voiced concern that …": the support verb's subject speaks.
        speaker = _subject(head)
        span = (head.i, noun.i + 1) if head.i < noun.i else span
    if (
        speaker is None
        and noun.dep_ == "pobj"
        and head.lower_ in ("in", "with")
        and head.head.pos_ == "VERB"
        and head.head.i < noun.i
        and _is_predicate(head.head)
    ):
        # "Democrats persisted in arguments that …", "she met him with warnings that …".
        speaker = _subject(head.head)
    if speaker is not None and speaker.lower_ in _REL_PRONOUNS:
        return None
    if speaker is None:
        # "amid allegations that …", "calls for an inquiry": a claim whose source is not named.
        return Cue(token=noun.i, span=span, content=[content], unnamed=True)
    cue = Cue(token=noun.i, span=span, content=[content])
    cue.speaker, cue.speaker_range = speaker.i, speaker_range(doc, speaker)
    return cue


def _sees_as(verb: Token) -> bool:
    """ "Critics see the program as a loophole", "she saw that …": seeing as judging."""
    rights = list(verb.rights)
    if any(c.dep_ == "ccomp" for c in rights):
        return True
    return any(c.dep_ == "dobj" for c in rights) and any(
        c.dep_ == "prep" and c.lower_ == "as" for c in rights
    )


def _seem_cue(doc: Doc, verb: Token, lexicon: CueLexicon) -> Cue | None:
    """ "The plan seems to be failing", "it appears that …": an impression with no one
    named as holding it (PolNeAR counts it, with no source). An experiencer ("seems to
    me") is the source."""
    subj = _subject(verb)
    pieces: list[TokRange] = []
    for child in verb.rights:
        if child.dep_ == "ccomp" and subj is not None and subj.lower_ == "it":
            pieces = _some(_trim(doc, child.left_edge.i, child.right_edge.i + 1))
            break
        if child.dep_ == "xcomp" and subj is not None and subj.lower_ not in ("it", "there"):
            head = _trim(doc, subj.left_edge.i, subj.right_edge.i + 1)
            rest = _trim(doc, child.left_edge.i, child.right_edge.i + 1)
            if head is not None and rest is not None and head[1] <= verb.i:
                pieces = [head, rest]
            break
    if not pieces:
        return None
    cue = Cue(token=verb.i, span=cue_range(doc, verb, lexicon), content=pieces)
    for child in verb.rights:
        if child.dep_ == "prep" and child.lower_ == "to":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                cue.speaker, cue.speaker_range = objs[0].i, speaker_range(doc, objs[0])
                return cue
    cue.unnamed = True
    return cue


def _stance_cue(doc: Doc, adj: Token) -> Cue | None:
    """ "She is convinced that …", "he was critical of the plan", "they are willing to
    talk": an adjective of attitude after "be" attributes its complement to the subject."""
    head = adj.head
    if adj.dep_ != "acomp" or head.lemma_ != "be" or not _is_predicate(head):
        return None
    content: TokRange | None = None
    for child in adj.rights:
        if child.dep_ in ("ccomp", "xcomp"):
            content = _trim(doc, child.left_edge.i, child.right_edge.i + 1)
        elif child.dep_ == "prep" and child.lower_ in _STANCE_PREPS:
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objs:
                content = _trim(doc, objs[0].left_edge.i, objs[0].right_edge.i + 1)
        if content is not None:
            break
    speaker = _subject(head)
    if content is None or speaker is None or speaker.lower_ in ("it", "there", "this", "that"):
        return None
    if speaker.lower_ in _REL_PRONOUNS and head.dep_ == "relcl":
        speaker = head.head
    start = min(head.i, adj.i)
    cue = Cue(token=adj.i, span=(start, adj.i + 1), content=[content])
    cue.speaker, cue.speaker_range = speaker.i, speaker_range(doc, speaker)
    return cue


def _make_cue(doc: Doc, verb: Token, lexicon: CueLexicon) -> Cue | None:
    """ "made clear that …", "will make the case to voters that …"."""
    if not _is_predicate(verb):
        return None
    word = clause = None
    for child in verb.rights:
        if child.lemma_.lower() in lexicon.make and child.dep_ in (
            "dobj",
            "oprd",
            "acomp",
            "amod",
            "advmod",
            "ccomp",
            "xcomp",
        ):
            word = word or child
        elif child.dep_ == "ccomp" and word is not None:
            clause = child
    if word is None or clause is None:
        return None
    content = _trim(doc, clause.left_edge.i, clause.right_edge.i + 1)
    if content is None:
        return None
    cue = Cue(token=verb.i, span=(verb.i, word.i + 1), content=[content])
    speaker, _ = _speaker(doc, verb, lexicon)
    if speaker is None:
        return None
    cue.speaker, cue.speaker_range = speaker.i, speaker_range(doc, speaker)
    return cue


_THAT_SUBJECT_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_THAT_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})


def _that_clause_verb(verb: Token) -> bool:
    """ "The senator charges that …", "the study showed that …": a verb outside the
    lexicon with a that-clause after it and a named or personal subject attributes the
    clause to that subject (PolNeAR counts such attributions)."""
    subj = None
    clause = None
    for child in verb.children:
        if child.dep_ == "nsubj":
            subj = child
        elif child.dep_ == "ccomp" and child.i > verb.i:
            clause = child
    if subj is None or clause is None:
        return False
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.lefts):
        return False
    if subj.pos_ == "PRON":
        return subj.lower_ in _THAT_SUBJECT_PRONOUNS and _is_predicate(verb)
    named = subj.ent_type_ in _THAT_SUBJECT_ENTS or subj.pos_ == "PROPN"
    return named and _is_predicate(verb)


def _is_predicate(tok: Token) -> bool:
    """Skip participles used as modifiers ("the report published Monday", "so-called").
    Statements not (yet) made ("it would say", "they may claim", "met to discuss") and
    stances in relative clauses ("cities that support the rule") are attributions all the
    same, as in PolNeAR: the speaker's stance towards the content is reported."""
    if tok.dep_ in ("amod", "compound"):
        return False
    if tok.dep_ == "relcl" and not any(
        c.dep_ == "nsubj" and c.lower_ in _REL_PRONOUNS for c in tok.children
    ):
        # "everything he says", "the plan that he claims will work": the relative pronoun
        # is what is said. "an interview in which he said that …" reports a statement.
        clauses = [c for c in tok.children if c.dep_ == "ccomp"]
        if not clauses:
            return False
        clause = clauses[0]
        if _wh_stand_in(tok) is not None:
            return True  # "donations, which he said were returned": the rest is said
        return not any(
            t.lower_ in _WH_WORDS and t.dep_ != "mark"
            for t in _doc_range(clause.left_edge, clause.right_edge)
        )
    return not (tok.tag_ == "VBN" and tok.dep_ == "acl")


def _phrase_cue(doc: Doc, tok: Token, length: int) -> Cue | None:
    last = doc[tok.i + length - 1]
    objs = [c for c in last.children if c.dep_ == "pobj"]
    if not objs:
        return None
    speaker = objs[0]
    cue = Cue(token=tok.i, span=(tok.i, last.i + 1))
    cue.speaker, cue.speaker_range = speaker.i, speaker_range(doc, speaker)
    head = tok.head
    after = speaker.right_edge.i + 1
    sent = tok.sent
    if (
        tok.i - 1 > sent.start + 2
        and doc[tok.i - 1].text == ","
        and (after >= sent.end or doc[after].text in (".", "!", "?", "\n", "\n\n"))
    ):
        # "…, while Y rose, according to the poll.": the whole sentence before it, however
        # the parser attached the phrase.
        cue.content = _some(_trim(doc, sent.start, tok.i - 1))
    elif head.i != tok.i:
        cue.content = _clause_minus(head, tok)
    return cue


def _verb_cue(doc: Doc, verb: Token, lexicon: CueLexicon, paras: _Paragraphs) -> Cue:
    cue = Cue(token=verb.i, span=cue_range(doc, verb, lexicon))
    speaker, relays = _speaker(doc, verb, lexicon)
    own = _paragraph_subject(doc, verb, speaker, paras)
    if own is not None:
        cue.speaker, cue.speaker_range = own[1] - 1, own
    elif speaker is not None:
        rel = _relative_pronoun(verb, speaker)
        # The speaker is the antecedent; the words naming it at this cue are the relative
        # pronoun ("officials, who said …"), as "he" is for a pronoun subject.
        rng = (rel.i, rel.i + 1) if rel is not None else speaker_range(doc, speaker)
        cue.speaker, cue.speaker_range = speaker.i, rng
        cue.relays = [r.i for r in relays]
    cue.addressee = _addressee(verb, lexicon)
    if verb.lemma_.lower() not in lexicon.direct_only:
        cue.content = _content(doc, verb, lexicon, paras, speaker=cue.speaker)
    else:
        # '"…," he concluded' is direct only, but "concluded that …" reports speech.
        for child in verb.rights:
            if child.dep_ == "ccomp" and any(c.dep_ == "mark" for c in child.lefts):
                cue.content = _some(_trim(doc, child.left_edge.i, child.right_edge.i + 1))
                break
    if (
        speaker is None
        and cue.content
        and any(c.dep_ == "auxpass" for c in verb.lefts)
        and not any(c.dep_ == "agent" for c in verb.children)
        and any(
            c.dep_ in ("ccomp", "xcomp")
            or (c.dep_ == "prep" and any(g.dep_ == "pcomp" for g in c.children))
            for c in verb.rights
        )
    ):
        cue.unnamed = True  # "it was reported that …", "the vote is expected to …"
        _raised_subject(doc, verb, cue)
    return cue


def _raised_subject(doc: Doc, verb: Token, cue: Cue) -> None:
    """ "The vote is expected to pass": the passive's subject belongs to what is expected."""
    if len(cue.content) != 1 or not any(c.dep_ == "xcomp" for c in verb.rights):
        return
    for child in verb.lefts:
        if child.dep_ == "nsubjpass" and child.pos_ != "PRON":
            piece = _trim(doc, child.left_edge.i, child.right_edge.i + 1)
            if piece is not None and piece[1] <= cue.span[0]:
                cue.content.insert(0, piece)
            return


def _speaker(doc: Doc, verb: Token, lexicon: CueLexicon) -> tuple[Token | None, list[Token]]:
    """The speaker head of ``verb`` and the relays of a "quoted X as saying" frame."""
    # "state media quoted the minister as saying ..."
    head = verb.head
    if verb.tag_ == "VBG" and head.lower_ == "as" and head.head.lemma_.lower() in lexicon.relay:
        frame = head.head
        objs = [c for c in frame.children if c.dep_ in ("dobj", "nsubjpass")]
        subjs = [c for c in frame.children if c.dep_ == "nsubj"]
        if objs:
            return objs[0], subjs[:1]
    subj = _subject(verb)
    if subj is None and verb.i > 0 and doc[verb.i - 1].is_punct:
        # Inversion after a quote or comma: '"…," said Smith', '…, reported TASS'.
        for child in verb.rights:
            if child.dep_ in _INVERTED_DEPS and child.pos_ in _NOMINAL_POS:
                if child.lemma_.lower() not in lexicon.audience and child.i == verb.i + 1:
                    return child, []
                if child.pos_ == "PROPN" and child.left_edge.i == verb.i + 1:
                    return child, []
            break
    if subj is None and verb.tag_ == "VBG":
        if verb.dep_ == "advcl":
            subj = _subject(head)  # "He left, saying ..."
            if (
                head.dep_ == "ccomp"
                and verb.lemma_.lower() in lexicon.speech
                and head.head.lemma_.lower() in lexicon.speech
            ):
                # "She said the plan would fail, saying …": the parse hung the participle
                # on the reported clause; it is the reporter's.
                subj = _subject(head.head) or subj
        elif verb.dep_ == "pcomp" and head.dep_ == "prep":
            subj = _subject(head.head)  # "She sang before asking ..."
    if subj is None:
        # Conjoined verbs share the subject: "She smiled and said ..."; so do controlled
        # infinitives and gerunds: "took to Twitter to accuse ...", "began by saying ...".
        cur, steps = verb, 0
        while subj is None and steps < 4 and cur.head.i != cur.i:
            if cur.dep_ in ("conj", "xcomp"):
                nxt = cur.head
            elif cur.dep_ == "advcl" and any(a.lower_ == "to" for a in cur.lefts):
                nxt = cur.head
            elif cur.dep_ == "pcomp" and cur.head.dep_ == "prep":
                nxt = cur.head.head
            else:
                break
            if cur.dep_ == "xcomp":
                objs = [c for c in nxt.children if c.dep_ in ("dobj", "dative")]
                if objs:
                    subj = objs[0]  # object control: "urged the envoy to say ..."
                    break
            cur, steps = nxt, steps + 1
            subj = _subject(cur)
    if subj is None:
        for child in verb.children:
            if child.dep_ == "agent":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0], []
    if subj is not None and subj.lower_ in _REL_PRONOUNS and subj.head.dep_ == "relcl":
        subj = subj.head.head  # "officials, who said ...", "Smith, who left, saying ..."
    return subj, []


def _paragraph_subject(
    doc: Doc, verb: Token, speaker: Token | None, paras: _Paragraphs
) -> TokRange | None:
    """A subject the parse took from the paragraph before ("12:15 p.m.\n\nSmith says …",
    after a dateline or a time stamp): the noun phrase opening the cue's own paragraph."""
    if speaker is None or speaker.i > verb.i or paras.of(speaker.i) == paras.of(verb.i):
        return None
    start = verb.i
    while start > 0 and paras.of(start - 1) == paras.of(verb.i):
        start -= 1
    while start < verb.i and (doc[start].is_space or doc[start].is_punct):
        start += 1
    if doc[start].pos_ in ("ADP", "SCONJ"):
        # "With 50 days to go, Smith said …": the subject follows the lead-in's comma.
        comma = next((k for k in range(start, verb.i) if doc[k].text == ","), None)
        if comma is None:
            return None
        start = comma + 1
    head = None
    for k in range(start, verb.i):
        if doc[k].pos_ in ("VERB", "AUX") or doc[k].text == ",":
            break
        if doc[k].pos_ in ("NOUN", "PROPN", "PRON"):
            head = k
    return (start, head + 1) if head is not None else None


def _relative_pronoun(verb: Token, speaker: Token) -> Token | None:
    """The relative pronoun subject through which ``verb`` reaches ``speaker``, if any."""
    for clause in speaker.children:
        if clause.dep_ != "relcl" or not clause.left_edge.i <= verb.i <= clause.right_edge.i:
            continue
        for child in clause.lefts:
            if child.dep_ in _SUBJECT_DEPS and child.lower_ in _REL_PRONOUNS:
                return child
    return None


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS and child.pos_ != "SPACE":
            return child
    return None


def speaker_range(doc: Doc, head: Token) -> TokRange:
    """Tokens of the noun phrase headed by ``head``, without appositions and clauses."""
    if head.pos_ == "PRON":
        return head.i, head.i + 1
    start = head.left_edge.i
    for k in range(head.i - 1, start - 1, -1):
        t = doc[k]
        if t.is_punct or t.is_quote or t.is_space or head.i - k > _MAX_SPEAKER_TOKENS:
            start = k + 1
            break
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in _SPEAKER_CUT_DEPS or child.is_punct:
            break
        end = child.right_edge.i + 1
    for k in range(head.i + 1, end):
        if doc[k].is_punct and doc[k].text not in ".-&'’":
            end = k
            break
    return start, end


def cue_range(doc: Doc, verb: Token, lexicon: CueLexicon) -> TokRange:
    """The cue as written: auxiliaries + verb + particle + audience + channel phrase."""
    start = verb.i
    left = {c.i: c for c in verb.lefts}
    while start - 1 in left and (
        left[start - 1].dep_ in _CUE_LEFT_DEPS
        or (left[start - 1].dep_ == "advmod" and left[start - 1].lower_ in _CUE_ADVERBS)
    ):
        start -= 1
    end = verb.i + 1
    for child in verb.rights:
        if child.i != end:
            if child.is_punct:
                break
            continue
        if child.dep_ == "prt":
            end = child.i + 1
        elif child.dep_ in ("dobj", "dative") and child.lemma_.lower() in lexicon.audience:
            end = child.i + 1
        elif child.dep_ == "prep":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs and objs[0].lemma_.lower() in lexicon.channel:
                end = objs[0].i + 1
            else:
                break
        else:
            break
    # "told reporters": the object may start with a determiner ("told the reporters").
    if end == verb.i + 1:
        for child in verb.rights:
            if (
                child.dep_ in ("dobj", "dative")
                and child.lemma_.lower() in lexicon.audience
                and child.left_edge.i == end
                and child.i - end <= 2
            ):
                end = child.i + 1
            break
    return start, end


def _addressee(verb: Token, lexicon: CueLexicon) -> int | None:
    lemma = verb.lemma_.lower()
    for child in verb.rights:
        if child.lemma_.lower() in lexicon.audience:
            continue  # "told reporters" is part of the cue, not an addressee
        if lemma in _ADDRESS_OBJECT and child.dep_ in ("dobj", "dative"):
            return child.i
        if child.dep_ in ("prep", "dative") and child.lower_ == "to":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0].i
    return None


def _content(
    doc: Doc,
    verb: Token,
    lexicon: CueLexicon,
    paras: _Paragraphs,
    *,
    speaker: int | None = None,
    generic_objects: bool = True,
) -> list[TokRange]:
    lemma = verb.lemma_.lower()
    wh = _wh_stand_in(verb) if speaker is not None and speaker < verb.i else None
    if wh is not None:
        # "what she called a “rant”", "which he said were returned": the words after the
        # cue complete what the wh-word stands for.
        for child in verb.rights:
            if child.dep_ in _COMPLETERS or (child.dep_ == "prep" and child.lower_ == "as"):
                start = max(child.left_edge.i, verb.i + 1) + (child.dep_ == "prep")
                rest = _trim(doc, start, child.right_edge.i + 1)
                if rest is not None and any(t.is_alpha for t in doc[rest[0] : rest[1]]):
                    return [rest]
        return []
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if clauses:
        # "It pays off: he said he raised …": the clause after the verb is what was said.
        right = [c for c in clauses if c.i > verb.i and paras.of(c.i) == paras.of(verb.i)]
        child = right[0] if right else clauses[0]
        end = child.right_edge.i + 1
        start = child.left_edge.i
        marks = [c.i for c in child.lefts if c.dep_ == "mark" and c.lower_ == "that"]
        if marks and child.i > verb.i:
            start = marks[0]  # "said, in a statement, that …": the adjunct is the cue's
        elif child.i > verb.i and doc[start].lower_ == "that" and doc[start].dep_ != "nsubj":
            start += 1  # a complementizer the parser took for a pronoun
        if child.i > verb.i:
            # "said the budget was balanced, and that no jobs would be cut": the parse
            # hangs the second that-clause on the verb; it is said all the same.
            for conj in verb.rights:
                if (
                    conj.dep_ == "conj"
                    and conj.i > end
                    and any(c.dep_ == "mark" and c.lower_ == "that" for c in conj.lefts)
                ):
                    end = conj.right_edge.i + 1
        return _some(_trim(doc, start, end))
    rights = [c for c in verb.rights if not c.is_punct]
    if lemma in lexicon.nominal:
        for child in rights:
            if child.dep_ == "xcomp" and child.tag_ == "VBG":
                return _some(_trim(doc, child.left_edge.i, child.right_edge.i + 1))
    if speaker is not None and any(c.dep_ == "agent" for c in verb.children):
        # "calls for an inquiry were rejected by the council": the passive subject is said.
        for child in verb.lefts:
            if child.dep_ == "nsubjpass":
                return _some(_trim(doc, child.left_edge.i, child.right_edge.i + 1))
    if lemma in lexicon.xcomp:
        for child in rights:
            if child.tag_ == "VB" and (
                child.dep_ == "xcomp"
                or (child.dep_ == "advcl" and any(a.lower_ == "to" for a in child.lefts))
            ):
                return _some(_trim(doc, rights[0].left_edge.i, child.right_edge.i + 1))
    if (
        verb.dep_ == "parataxis"
        and verb.head.i != verb.i
        and lemma in lexicon.speech
        and not any(c.dep_ in _OWN_OBJECT_DEPS for c in rights)
    ):
        # "The plan, he said, would fail" — but "…: Smith declared war on them" has
        # content of its own after the verb.
        return _clause_minus(verb.head, verb)
    if (
        verb.dep_ == "advcl"
        and verb.head.i != verb.i
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.lefts)
        and not any(c.dep_ in _OWN_OBJECT_DEPS for c in rights)
    ):
        # "As experts have pointed out, the law is clear", "…, as police have said":
        # the clause the as-clause hangs on is what they said.
        return _clause_minus(verb.head, verb)
    addressed = lemma in _ADDRESS_OBJECT
    for child in rights:
        if child.dep_ == "dobj" and not addressed and child.lemma_.lower() not in lexicon.audience:
            if child.i == speaker:
                continue  # "…, reported TASS": the inverted speaker
            if lemma in lexicon.speech and _clause_object(doc, child):
                # "Stone says the increase in polarization also makes …": a misparsed clause.
                return _some(_trim(doc, child.left_edge.i, child.right_edge.i + 1))
            if lemma not in lexicon.nominal and (
                child.pos_ not in _NOMINAL_POS or not generic_objects or _quoted_term(doc, child)
            ):
                continue
            end = child.right_edge.i + 1
            for sib in rights:
                if sib.i > child.i and sib.dep_ in ("oprd", "xcomp", "advcl", "prep"):
                    if sib.dep_ != "prep" or sib.lower_ in _TOPIC_PREPS or sib.lower_ == "as":
                        end = max(end, sib.right_edge.i + 1)
            if child.pos_ == "PRON" and end == child.right_edge.i + 1:
                continue  # "denied it", "welcoming him": no content of its own
            return _some(_trim(doc, child.left_edge.i, end))
    oprds = [c for c in rights if c.dep_ == "oprd"]
    if oprds and lemma in lexicon.nominal:
        # 'called Trump a "liar"' parsed with no object: the predicates are what was said.
        return _some(_trim(doc, oprds[0].left_edge.i, oprds[-1].right_edge.i + 1))
    for child in rights:
        if child.dep_ == "prep" and child.lower_ in _REPLY_VERBS.get(lemma, _TOPIC_PREPS):
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objs:
                return _some(_trim(doc, objs[0].left_edge.i, objs[0].right_edge.i + 1))
    if lemma in lexicon.speech:
        found = _some(_separated_clause(doc, verb, lexicon)) or _some(
            _clause_before(doc, verb, speaker)
        )
        if found:
            return found
    if speaker is not None:
        # Last resort: what the verb governs on its right ("denied it", "vowed revenge
        # while …"), as PolNeAR marks a content for every attribution it finds.
        kids = [
            c
            for c in rights
            if c.dep_ in _FALLBACK_DEPS
            and not _quoted_term(doc, c)
            and c.lower_ not in _PERSONAL_OBJECTS
        ]
        if kids:
            return _some(_trim(doc, kids[0].left_edge.i, kids[-1].right_edge.i + 1))
    return []


def _wh_stand_in(verb: Token) -> Token | None:
    """The "what"/"which" before a cue verb that stands for what was said: the verb's
    object ("what she called …") or its clause's subject ("which he said were …")."""
    for child in verb.lefts:
        if child.dep_ == "dobj" and child.lower_ in _STAND_INS:
            return child
    for child in verb.rights:
        if child.dep_ == "ccomp":
            for sub in child.lefts:
                if (
                    sub.dep_ in ("nsubj", "nsubjpass")
                    and sub.lower_ in _STAND_INS
                    and sub.i < verb.i
                ):
                    return sub
    return None


_FALLBACK_DEPS = frozenset({"dobj", "xcomp", "advcl"})
# "welcoming him": a person as the object is whom the act is about, not what was said
_PERSONAL_OBJECTS = frozenset(
    {"him", "her", "them", "me", "us", "you", "himself", "herself", "themselves"}
)
_FINITE_TAGS = frozenset({"VBZ", "VBD", "VBP", "MD"})
_TRAILING_DEPS = frozenset({"npadvmod", "prep", "advmod", "agent", "punct"})


def _quoted_term(doc: Doc, obj: Token) -> bool:
    """A name in quotation marks as the object ('specified "Christian" as …'): a term
    being mentioned, not something said."""
    first = obj.left_edge.i
    if doc[first].is_quote:
        first += 1
    return first > 0 and doc[first - 1].is_quote and obj.right_edge.i - first < 4


def _clause_object(doc: Doc, obj: Token) -> bool:
    """An object noun carrying a finite verb of its own that is no relative clause:
    the parser took a clause's subject for the object."""
    if obj.pos_ != "NOUN":
        return False
    for tok in doc[obj.i + 1 : obj.right_edge.i + 1]:
        if tok.tag_ in _FINITE_TAGS and tok.dep_ in ("conj", "ccomp", "advcl", "ROOT"):
            return not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    return False


def _separated_clause(doc: Doc, verb: Token, lexicon: CueLexicon) -> TokRange | None:
    """ "said before attending the meeting that …": the that-clause hangs on the adverbial."""
    for child in verb.rights:
        if child.dep_ not in ("prep", "advcl", "npadvmod"):
            continue
        if child.right_edge.i - child.i > 30:
            continue  # bounded work
        for tok in doc[child.i + 1 : child.right_edge.i + 1]:
            if (
                tok.dep_ == "ccomp"
                and tok.head.lemma_.lower() not in lexicon.cue_verbs(include_cognition=True)
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.lefts)
            ):
                start = tok.left_edge.i
                start += doc[start].lower_ == "that"
                return _trim(doc, start, tok.right_edge.i + 1)
    return None


def _clause_before(doc: Doc, verb: Token, speaker: int | None) -> TokRange | None:
    """ "A girl was hurt in the crowd, police said.": a cue closing its sentence after a
    comma speaks the words before the comma, however the parser attached them."""
    if speaker is None or speaker >= verb.i or verb.dep_ != "ROOT":
        return None
    left = doc[speaker].left_edge.i
    if left == 0 or doc[left - 1].text != ",":
        return None
    if any(c.dep_ not in _TRAILING_DEPS for c in verb.rights):
        return None
    start = verb.sent.start
    if left - 1 - start < 3:
        return None
    return _trim(doc, start, left - 1)


def _clause_minus(head: Token, inner: Token) -> list[TokRange]:
    """The pieces of ``head``'s clause on either side of ``inner``'s subtree.

    "The plan, he said, would fail" gives both pieces (the quote is split at its cue,
    as direct quotes are).
    """
    doc = head.doc
    left = _trim(doc, head.left_edge.i, inner.left_edge.i)
    right = _trim(doc, inner.right_edge.i + 1, head.right_edge.i + 1)
    pieces = [r for r in (left, right) if r is not None]
    return pieces


def _some(rng: TokRange | None) -> list[TokRange]:
    return [rng] if rng is not None else []


def _trim(doc: Doc, start: int, end: int) -> TokRange | None:
    """Drop outer punctuation (except quote marks), spaces and a leading "that"."""
    while start < end and (
        (doc[start].is_punct and not doc[start].is_quote)
        or doc[start].is_space
        or (doc[start].lower_ == "that" and doc[start].dep_ == "mark")
    ):
        start += 1
    while end > start and (
        (doc[end - 1].is_punct and not doc[end - 1].is_quote) or doc[end - 1].is_space
    ):
        end -= 1
    if end - start < 1:
        return None
    return start, end


class _Paragraphs:
    """Paragraph of a token (by the newlines before it): a statement never crosses one,
    although the parser's sentences sometimes do (after '' marks, headlines)."""

    def __init__(self, doc: Doc) -> None:
        text = doc.text
        self.doc = doc
        self.breaks = [m.start() for m in _NEWLINE.finditer(text)]
        self.starts: list[int] = doc.to_array([IDX]).tolist() if self.breaks else []

    def of(self, token: int) -> int:
        return bisect.bisect_right(self.breaks, self.starts[token]) if self.breaks else 0

    def clip(self, token: int, pieces: list[TokRange]) -> list[TokRange]:
        """The parts of ``pieces`` inside the paragraph of ``token``."""
        if not self.breaks or not pieces:
            return pieces
        p = self.of(token)
        lo_char = self.breaks[p - 1] + 1 if p > 0 else 0
        hi_char = self.breaks[p] if p < len(self.breaks) else len(self.doc.text) + 1
        lo = bisect.bisect_left(self.starts, lo_char)
        hi = bisect.bisect_left(self.starts, hi_char)
        out: list[TokRange] = []
        for cs, ce in pieces:
            if cs >= lo and ce <= hi:
                out.append((cs, ce))
                continue
            piece = _trim(self.doc, max(cs, lo), min(ce, hi)) if max(cs, lo) < min(ce, hi) else None
            if piece is not None and any(t.is_alpha for t in self.doc[piece[0] : piece[1]]):
                out.append(piece)
        return out


def _link_relays(
    doc: Doc,
    cues: list[Cue],
    by_token: dict[int, Cue],
    relay_verbs: frozenset[str],
    paras: _Paragraphs,
) -> None:
    """A cue whose content is another cue's clause only relays it ("X reported Y said …")."""
    for cue in cues:
        if cue.speaker is None:
            continue
        verb = doc[cue.token]
        outer_chain: list[int] = []
        cur = verb
        while (
            cur.dep_ in ("ccomp", "parataxis")
            and cur.head.i != cur.i
            and len(outer_chain) < 2 * _MAX_RELAYS
        ):
            outer = by_token.get(cur.head.i)
            if outer is None or outer.speaker is None:
                break
            if paras.of(cur.i) != paras.of(cur.head.i):
                break  # the parse joined two paragraphs: separate statements
            relayed = doc[outer.token].lemma_.lower() in relay_verbs
            if not relayed or not _reports_past(cur) or outer.speaker == cue.speaker:
                # "He notes that the board announced …", "he says he is asking …": the
                # inner report is part of what he said, not a statement of its own.
                cue.nested = cur is verb
                break
            if not cue.content and cur is verb:
                break  # "X reported that Trump tells lies": no report nested in it
            outer.outer = True
            outer_chain.append(outer.speaker)
            outer_chain.extend(outer.relays)
            cur = cur.head
        # "According to TASS, Peskov said …"
        for child in verb.children:
            phrase = by_token.get(child.i)
            if phrase is not None and phrase is not cue and phrase.speaker is not None:
                if doc[phrase.token].dep_ == "prep":
                    phrase.outer = True
                    outer_chain.append(phrase.speaker)
        cue.relays.extend(r for r in outer_chain if r not in cue.relays and r != cue.speaker)


def _reports_past(verb: Token) -> bool:
    """A finite verb without a modal: "Y said" can be relayed, "Y would ask" cannot."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
        return False
    return not any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)
