"""Pair quotation marks into quoted spans, in one linear pass over the text.

Handles straight and curly double quotes, ``''``/````` pairs, guillemets and single
quotes used as quotation marks outside double quotes. Apostrophes (``it's``,
``the 1990s'``) never open a quote. Quotes are paired within a paragraph (a line);
an opening mark left open at a paragraph's end continues when the next paragraph
opens with a mark (the news convention for multi-paragraph quotes), and is dropped
otherwise unless it opened the paragraph. A bad mark drops that quote only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARK = re.compile(r"''|``|[\"“”„‟«»‘’'‹›]")
_PARA = re.compile(r"[^\n]+")

_OPEN_D = frozenset({"“", "„", "‟", "«", "``"})
_CLOSE_D = frozenset({"”", "»"})
_AMBIG_D = frozenset({'"', "''"})
_OPEN_S = frozenset({"‘", "‹"})
_CLOSE_S = frozenset({"’", "›"})
_AMBIG_S = frozenset({"'"})

_LEFT_OPENERS = frozenset(" \t\r\f\v\u00a0([{—–-/")
_RIGHT_CLOSERS = frozenset(" \t\r\f\v\u00a0.,;:!?)]}—–-…")
_TRIM_INNER = " \t\r\f\v\u00a0,;:"
_MAX_SINGLE = 400  # single-quoted spans longer than this are apostrophe accidents


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """Text between a pair of quotation marks.

    ``start``/``end`` include the marks; ``inner_start``/``inner_end`` delimit the words
    inside them (outer spaces and a trailing comma trimmed). ``closed`` is False for a
    paragraph whose quote runs on into the next paragraph (or has lost its closing mark).
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool
    single: bool = False


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """All quoted spans of ``text`` in text order (linear in the text length)."""
    spans: list[QuotedSpan] = []
    paras = [(m.start(), m.end()) for m in _PARA.finditer(text)]
    for k, (p_start, p_end) in enumerate(paras):
        next_opens = k + 1 < len(paras) and _opens_paragraph(text, *paras[k + 1])
        _scan_paragraph(text, p_start, p_end, next_opens, spans)
    return spans


def _opens_paragraph(text: str, start: int, end: int) -> bool:
    """Does the paragraph start (after spaces) with an opening double mark?"""
    m = _MARK.search(text, start, min(end, start + 8))
    if m is None or text[start : m.start()].strip():
        return False
    mark = m.group()
    return mark in _OPEN_D or mark in _AMBIG_D


def _role(text: str, pos: int, end: int, p_start: int, p_end: int, default: str) -> str:
    """``open`` or ``close`` from the characters around a mark; ``default`` when unclear."""
    left_space = pos == p_start or text[pos - 1] in _LEFT_OPENERS
    right_space = end >= p_end or text[end] in _RIGHT_CLOSERS
    if left_space and not right_space:
        return "open"
    if right_space and not left_space:
        return "close"
    return default


def _scan_paragraph(
    text: str, p_start: int, p_end: int, next_opens: bool, out: list[QuotedSpan]
) -> None:
    open_d: int | None = None  # position of the open double mark
    open_d_len = 0
    open_s: int | None = None
    for m in _MARK.finditer(text, p_start, p_end):
        mark, pos, end = m.group(), m.start(), m.end()
        if mark in _OPEN_D or mark in _CLOSE_D or mark in _AMBIG_D:
            if mark in _AMBIG_D:
                role = _role(text, pos, end, p_start, p_end, "open" if open_d is None else "close")
            else:
                # Curly marks are trusted unless the context clearly says the opposite.
                natural = "open" if mark in _OPEN_D else "close"
                role = _role(text, pos, end, p_start, p_end, natural)
                left_space = pos == p_start or text[pos - 1] in _LEFT_OPENERS
                right_space = end >= p_end or text[end] in _RIGHT_CLOSERS
                if left_space == right_space:
                    role = natural
            if role == "open":
                open_d, open_d_len, open_s = pos, end - pos, None  # an unclosed one is dropped
            elif open_d is not None:
                _emit(text, open_d, open_d + open_d_len, pos, end, True, False, out)
                open_d = None
            continue
        if open_d is not None:
            continue  # single marks inside double quotes are nested quotes: part of the content
        left_space = pos == p_start or text[pos - 1] in _LEFT_OPENERS or text[pos - 1] in '“"'
        right_space = end >= p_end or text[end] in _RIGHT_CLOSERS
        if (mark in _OPEN_S or mark in _AMBIG_S) and left_space and not right_space:
            open_s = pos
        elif (mark in _CLOSE_S or mark in _AMBIG_S) and right_space and not left_space:
            if open_s is not None and pos - open_s <= _MAX_SINGLE:
                _emit(text, open_s, open_s + 1, pos, end, True, True, out)
            open_s = None
    if open_d is not None:
        at_para_start = not text[p_start:open_d].strip()
        if next_opens or at_para_start:
            _emit(text, open_d, open_d + open_d_len, p_end, p_end, False, False, out)


def _emit(
    text: str,
    start: int,
    inner_start: int,
    inner_end: int,
    end: int,
    closed: bool,
    single: bool,
    out: list[QuotedSpan],
) -> None:
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1
    while inner_end > inner_start and text[inner_end - 1] in _TRIM_INNER:
        inner_end -= 1
    if inner_end > inner_start:
        out.append(QuotedSpan(start, end, inner_start, inner_end, closed, single))
