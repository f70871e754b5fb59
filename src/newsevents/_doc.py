"""Doc extension attributes through which the stages pass their annotations.

Each stage reads what earlier stages wrote and adds its own list of contract
objects (``schema.py``); ``assemble`` reads them all. Registered once, on import.

- ``doc._.ne_published``: ``datetime.date | None`` — the publication date (set before the
  pipeline runs; stages anchor relative dates to it, never to the machine's clock).
- ``doc._.ne_actors``: ``list[Actor]`` (ids A1… in order of first mention).
- ``doc._.ne_token_actor``: ``dict[int, str]`` token index → actor id, for every token
  inside an actor mention (how events and quotes find the actor of a token).
- ``doc._.ne_generic_actors``: ``list[str]`` — ids of actors named only by a role noun
  ("gunmen", "the police"); events rank them below actors the text names.
- ``doc._.ne_errors``: ``list[str]`` — a stage that failed on this doc says why here;
  the pipeline then reports the article as failed instead of returning a silent partial result.
- ``doc._.ne_times``: ``list[Time]``; ``doc._.ne_places``: ``list[Place]``;
  ``doc._.ne_quotes``: ``list[Quote]``; ``doc._.ne_events``: ``list[Event]``.

The values live in ``doc.user_data``. So that ``nlp.pipe(..., n_process=N)`` can ship
docs between processes, the contract dataclasses are registered with srsly's msgpack
encoder/decoder registry.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from collections.abc import Iterator
from typing import Any

import srsly
from spacy.tokens import Doc

from . import schema

_EXTENSIONS: dict[str, Any] = {
    "ne_published": None,
    "ne_actors": None,
    "ne_token_actor": None,
    "ne_generic_actors": None,
    "ne_times": None,
    "ne_places": None,
    "ne_quotes": None,
    "ne_events": None,
    "ne_errors": None,
}

for _name, _default in _EXTENSIONS.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def get_list(doc: Doc, name: str) -> list[Any]:
    """The list an earlier stage wrote, or an empty list when that stage did not run."""
    value = getattr(doc._, name)
    return value if value is not None else []


@contextlib.contextmanager
def stage_guard(doc: Doc, stage: str) -> Iterator[None]:
    """Run one stage on one doc; an unexpected error fails this article, not the batch."""
    try:
        yield
    except Exception as exc:  # noqa: BLE001 - recorded per article, reported by the pipeline
        if doc._.ne_errors is None:
            doc._.ne_errors = []
        doc._.ne_errors.append(f"{stage}: {type(exc).__name__}: {exc}")


_CLASSES = {
    cls.__name__: cls
    for cls in (
        schema.TextSpan,
        schema.CharRange,
        schema.Actor,
        schema.Plover,
        schema.Event,
        schema.Quote,
        schema.Time,
        schema.Place,
    )
}
_TAG = "__newsevents__"


def _encode(obj: Any, chain: Any = None) -> Any:
    if dataclasses.is_dataclass(obj) and type(obj).__name__ in _CLASSES:
        data = {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}
        return {_TAG: type(obj).__name__, **data}
    if isinstance(obj, dt.date):
        return {_TAG: "date", "iso": obj.isoformat()}
    return obj if chain is None else chain(obj)


def _decode(obj: Any, chain: Any = None) -> Any:
    if isinstance(obj, dict) and _TAG in obj:
        tag = obj.pop(_TAG)
        if tag == "date":
            return dt.date.fromisoformat(obj["iso"])
        return _CLASSES[tag](**obj)
    return obj if chain is None else chain(obj)


srsly.msgpack_encoders.register("newsevents", func=_encode)
srsly.msgpack_decoders.register("newsevents", func=_decode)
