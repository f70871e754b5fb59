"""The output contract (``"schema": "newsevents/1"``) as frozen dataclasses.

Every stage produces these objects, ``assemble`` gathers them into one
:class:`ArticleResult`, and sinks, engines, the CLI and the server only see them.
``to_dict()`` / ``from_dict()`` give the JSON form; ``json_schema()`` gives its JSON
Schema (shipped as ``newsevents/schema.json``).

Conventions: character offsets index ``Article.text`` exactly (end exclusive);
missing values are ``None`` (never absent keys); ids are local to the article
(``A1``, ``E1``, ``Q1``, ``T1``, ``P1`` in text order).
"""

from __future__ import annotations

import dataclasses
import functools
import json
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

SCHEMA_VERSION = "newsevents/1"

ActorKind = Literal["person", "organization", "country", "group"]
Modality = Literal["asserted", "intended", "hypothetical", "negated"]
QuoteKind = Literal["direct", "indirect", "mixed"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(frozen=True, slots=True)
class TextSpan:
    """Characters ``text[start:end]`` of the article text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class CharRange:
    """A character range without its text (used for sentences)."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """Metadata of the article and the exact text all offsets index."""

    id: str
    title: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD
    source: str | None = None
    url: str | None = None
    language: str = "en"
    chars: int = 0
    text: str = ""


@dataclass(frozen=True, slots=True)
class Actor:
    """One real-world actor with every mention of it in the article."""

    id: str
    name: str
    kind: ActorKind
    code: str | None  # CAMEO actor code, e.g. SYRGOV, IGOUNO; None when unknown
    country: str | None  # ISO 3166-1 alpha-3
    sectors: list[str] = field(default_factory=list)  # e.g. ["GOV"]
    mentions: list[TextSpan] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Plover:
    """PLOVER coding of an event (type, mode, contexts)."""

    type: str
    mode: str | None = None
    context: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event: one source–target dyad and one CAMEO code."""

    id: str
    source: str | None  # actor id
    target: str | None  # actor id
    source_code: str | None
    target_code: str | None
    cameo: str
    cameo_root: str
    cameo_name: str
    plover: Plover | None
    goldstein: float
    quad_class: int
    modality: Modality
    date: str | None  # TIMEX3 value
    date_text: str | None
    place: str | None  # place id
    trigger: TextSpan
    sentence: CharRange
    quote: str | None  # quote id when the event is a statement or inside one
    confidence: float


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation or reported statement and who made it."""

    id: str
    kind: QuoteKind
    content: TextSpan
    speaker: str | None  # actor id; None when the text names no speaker
    speaker_mention: TextSpan | None
    cue: TextSpan | None
    via: list[str] = field(default_factory=list)  # relaying actor ids, outermost last
    addressee: str | None = None  # actor id


@dataclass(frozen=True, slots=True)
class Time:
    """A temporal expression normalised to a TIMEX3 value."""

    id: str
    start: int
    end: int
    text: str
    type: TimeType
    value: str


@dataclass(frozen=True, slots=True)
class Place:
    """A toponym resolved (where possible) to a GeoNames entry."""

    id: str
    start: int
    end: int
    text: str
    name: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    country: str | None  # ISO 3166-1 alpha-3
    feature: str | None  # GeoNames feature code, e.g. PCLI, PPLC


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """Everything newsevents found in one article."""

    article: ArticleInfo
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    schema: str = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form, ``schema`` first as in the contract."""
        # pydantic-core walks the nested dataclasses about twice as fast as
        # dataclasses.asdict, which matters when every stored article is serialised.
        d = _adapter().dump_python(self, mode="json")
        return {"schema": d.pop("schema"), **d}

    def to_json(self, *, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleResult:
        """Rebuild a result from :meth:`to_dict` output (e.g. read back from JSONL)."""
        return _build(cls, data)


_T = TypeVar("_T")

# Nested dataclass fields, resolved once so from_dict needs no type introspection.
_NESTED: dict[type, dict[str, type]] = {
    ArticleResult: {"article": ArticleInfo},
    Actor: {"mentions": TextSpan},
    Event: {"plover": Plover, "trigger": TextSpan, "sentence": CharRange},
    Quote: {"content": TextSpan, "speaker_mention": TextSpan, "cue": TextSpan},
}
_LISTS: dict[type, dict[str, type]] = {
    ArticleResult: {
        "actors": Actor,
        "events": Event,
        "quotes": Quote,
        "times": Time,
        "places": Place,
    },
    Actor: {"mentions": TextSpan},
}


def _build(cls: type[_T], data: dict[str, Any]) -> _T:
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        if key not in names:
            continue
        if key in _LISTS.get(cls, {}):
            item_cls = _LISTS[cls][key]
            value = [_build(item_cls, v) if isinstance(v, dict) else v for v in value]
        elif key in _NESTED.get(cls, {}) and isinstance(value, dict):
            value = _build(_NESTED[cls][key], value)
        kwargs[key] = value
    return cls(**kwargs)


def write_json_schema(path: str) -> None:
    """Regenerate the shipped ``schema.json`` (run after changing these classes)."""
    with open(path, "w", encoding="utf-8") as f:
        json.dump(json_schema(), f, indent=2, ensure_ascii=False)
        f.write("\n")


@functools.cache
def _adapter() -> Any:
    """pydantic's view of :class:`ArticleResult` (built once, on first use)."""
    from pydantic import TypeAdapter

    return TypeAdapter(ArticleResult)


def json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of :class:`ArticleResult`, generated by pydantic."""
    schema = _adapter().json_schema(mode="serialization")
    # to_dict() always writes every key (None for missing values), so all are required.
    for definition in [schema, *schema.get("$defs", {}).values()]:
        if "properties" in definition:
            definition["required"] = list(definition["properties"])
    schema["properties"]["schema"]["const"] = SCHEMA_VERSION
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://newsevents.invalid/schema/newsevents-1.json"
    return schema
