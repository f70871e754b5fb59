"""Turn annotated Docs into :class:`ArticleResult` dataclasses; nothing after this touches spaCy."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

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


@dataclass(frozen=True, slots=True)
class Chunk:
    """The annotations of one processed piece of an article, without its Doc.

    Keeping these instead of Docs is what bounds memory for very long articles.
    """

    offset: int  # where the piece starts in the article text
    actors: list[Actor]
    times: list[Time]
    places: list[Place]
    quotes: list[Quote]
    events: list[Event]
    errors: list[str]


def chunk_from_doc(doc: Doc, offset: int = 0) -> Chunk:
    """Take the stages' annotations off a processed doc."""
    return Chunk(
        offset=offset,
        actors=get_list(doc, "ne_actors"),
        times=get_list(doc, "ne_times"),
        places=get_list(doc, "ne_places"),
        quotes=get_list(doc, "ne_quotes"),
        events=get_list(doc, "ne_events"),
        errors=get_list(doc, "ne_errors"),
    )


def assemble(doc: Doc, article: Article, *, language: str = "en") -> ArticleResult:
    """Gather the stages' annotations of one whole-article doc."""
    return merge_chunks([chunk_from_doc(doc)], article, language=language)


def merge_chunks(
    chunks: Sequence[Chunk], article: Article, *, language: str = "en"
) -> ArticleResult:
    """Gather annotations of an article processed as several chunks, in text order.

    Offsets are shifted to index the whole text and ids renumbered in text order;
    actors with the same name, code and kind in different chunks become one actor.
    """
    actors: list[Actor] = []
    actor_index: dict[tuple[str, str | None, str], int] = {}
    events: list[Event] = []
    quotes: list[Quote] = []
    times: list[Time] = []
    places: list[Place] = []
    for chunk in chunks:
        offset = chunk.offset
        actor_ids: dict[str, str] = {}
        for actor in chunk.actors:
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
        time_ids = _renumber(chunk.times, "T", len(times))
        times += [
            dataclasses.replace(t, id=time_ids[t.id], start=t.start + offset, end=t.end + offset)
            for t in chunk.times
        ]
        place_ids = _renumber(chunk.places, "P", len(places))
        places += [
            dataclasses.replace(p, id=place_ids[p.id], start=p.start + offset, end=p.end + offset)
            for p in chunk.places
        ]
        quote_ids = _renumber(chunk.quotes, "Q", len(quotes))
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
            for q in chunk.quotes
        ]
        event_ids = _renumber(chunk.events, "E", len(events))
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
            for e in chunk.events
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
