"""Turn annotated Docs into :class:`ArticleResult` dataclasses; nothing after this touches spaCy."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.tokens import Doc

from ._doc import get_list
from .article import Article
from .schema import (
    Actor,
    ArticleInfo,
    ArticleResult,
    CharRange,
    Event,
    Place,
    Quote,
    TextSpan,
    Time,
)


def assemble(doc: Doc, article: Article, *, language: str = "en") -> ArticleResult:
    """Gather the stages' annotations of one whole-article doc."""
    return merge_chunks([(0, doc)], article, language=language)


def merge_chunks(
    chunks: Sequence[tuple[int, Doc]], article: Article, *, language: str = "en"
) -> ArticleResult:
    """Gather annotations of an article processed as several chunks.

    ``chunks`` are ``(offset, doc)`` pairs in text order, ``offset`` being where the
    chunk's text starts in ``article.text``. Offsets are shifted to index the whole
    text and ids renumbered in text order; actors with the same name, code and kind in
    different chunks become one actor.
    """
    actors: list[Actor] = []
    actor_index: dict[tuple[str, str | None, str], int] = {}
    events: list[Event] = []
    quotes: list[Quote] = []
    times: list[Time] = []
    places: list[Place] = []
    for offset, doc in chunks:
        actor_ids: dict[str, str] = {}
        for actor in get_list(doc, "ne_actors"):
            mentions = [_shift(m, offset) for m in actor.mentions]
            key = (actor.name, actor.code, actor.kind)
            if key in actor_index:
                i = actor_index[key]
                merged = actors[i]
                actors[i] = dataclasses.replace(merged, mentions=merged.mentions + mentions)
                actor_ids[actor.id] = merged.id
            else:
                new_id = f"A{len(actors) + 1}"
                actor_index[key] = len(actors)
                actors.append(dataclasses.replace(actor, id=new_id, mentions=mentions))
                actor_ids[actor.id] = new_id
        time_ids = _renumber(get_list(doc, "ne_times"), "T", len(times))
        times += [
            dataclasses.replace(t, id=time_ids[t.id], start=t.start + offset, end=t.end + offset)
            for t in get_list(doc, "ne_times")
        ]
        place_ids = _renumber(get_list(doc, "ne_places"), "P", len(places))
        places += [
            dataclasses.replace(p, id=place_ids[p.id], start=p.start + offset, end=p.end + offset)
            for p in get_list(doc, "ne_places")
        ]
        quote_ids = _renumber(get_list(doc, "ne_quotes"), "Q", len(quotes))
        quotes += [
            dataclasses.replace(
                q,
                id=quote_ids[q.id],
                content=_shift(q.content, offset),
                speaker=actor_ids.get(q.speaker) if q.speaker else None,
                speaker_mention=_shift(q.speaker_mention, offset) if q.speaker_mention else None,
                cue=_shift(q.cue, offset) if q.cue else None,
                via=[actor_ids[v] for v in q.via if v in actor_ids],
                addressee=actor_ids.get(q.addressee) if q.addressee else None,
            )
            for q in get_list(doc, "ne_quotes")
        ]
        event_ids = _renumber(get_list(doc, "ne_events"), "E", len(events))
        events += [
            dataclasses.replace(
                e,
                id=event_ids[e.id],
                source=actor_ids.get(e.source) if e.source else None,
                target=actor_ids.get(e.target) if e.target else None,
                place=place_ids.get(e.place) if e.place else None,
                quote=quote_ids.get(e.quote) if e.quote else None,
                trigger=_shift(e.trigger, offset),
                sentence=CharRange(e.sentence.start + offset, e.sentence.end + offset),
            )
            for e in get_list(doc, "ne_events")
        ]
    info = ArticleInfo(
        id=article.key,
        title=article.title,
        published=article.published.isoformat() if article.published else None,
        source=article.source,
        url=article.url,
        language=language,
        chars=len(article.text),
        text=article.text,
    )
    return ArticleResult(
        article=info, actors=actors, events=events, quotes=quotes, times=times, places=places
    )


def _shift(span: TextSpan, offset: int) -> TextSpan:
    if not offset:
        return span
    return TextSpan(span.start + offset, span.end + offset, span.text)


def _renumber(items: list, prefix: str, start: int) -> dict[str, str]:
    return {item.id: f"{prefix}{start + i + 1}" for i, item in enumerate(items)}
