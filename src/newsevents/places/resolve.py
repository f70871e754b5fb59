"""Choose the GeoNames entry each toponym mention refers to.

Each candidate gets a score: a prior by feature type (a country name is nearly always
the country) plus log10(population) for towns, then context from the article:

- ``X, Y``: candidates of ``X`` inside ``Y`` win ("Paris, Texas");
- countries and first-level regions named elsewhere in the article (from a first,
  context-free pass, then again from the pass that used that context; a name never
  counts as its own context); a country through its regions or big cities only;
- a town and its county named in the same article support each other ("Palestine" and
  "Anderson County": the Texas town);
- the dateline's country ("BEIRUT, Lebanon —") and state ("CAMP MURRAY, Wash. —": a bare
  "Washington" is the state);
- spatial coherence: a town or county close to a place the article confidently named
  ("Jordan" near "Shakopee": the Minnesota town), and, more softly, close to plausible
  readings of the article's other names (a cluster of small towns in one area);
- guards on that lift: a country's, region's or major feature's name ("Lebanon",
  "Middle East") and a big city's name ("Atlanta") keep their reading unless a namesake
  town lies right next door to a named place (or, for a big city's namesake, a local
  institution of it is named; nor does a region only a big city of it put in context:
  "Boston" with "New York" is not the small town in New York state); a small town
  named like a first-level region of its own country ("Wales") gets no lift from a
  neighbouring region ("England").

A village only the postal list knows (no GeoNames id, no population) needs support from
the article: its state or county named, or another of its places nearby; in a name NER did
not call a place, a place named for sure right next door. A sizeable namesake city wins
over it unless its state itself is named.

A township the gazetteer lacks ("Jerome Township") is read as a town of its name, chosen
by the same context.

Every mention of a name takes one reading per article (the one most of its mentions
chose).

A country's own name is the country: other places' alternate names ("Mexico" for Mexico
City) do not compete with it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from ._geo import km as _km
from ._names import name_key
from .build import is_postal
from .gazetteer import Candidate, Entry, Gazetteer
from .lexicon import PlaceLexicon
from .mentions import Mention

_DIRECTION = re.compile(
    r"^(?:north|south|east|west|northern|southern|eastern|western|central|"
    r"north-?east(?:ern)?|north-?west(?:ern)?|south-?east(?:ern)?|south-?west(?:ern)?|"
    r"greater|downtown|rural|upstate|coastal) |^(?:[ns][ew]?|[ew])\. ?"
)
_COMPASS = re.compile(r"^([ns])\. ?")
_COMPASS_WORDS = {"n": "north ", "s": "south "}


def _spell_compass(match: re.Match[str]) -> str:
    return _COMPASS_WORDS[match.group(1)]


_ADMIN_WORD = re.compile(r" (?:County|Parish|Borough)$")
_TAIL = re.compile(r" (?:county|city|state|province|region|parish)$")
_TOWNSHIP = re.compile(r" (?:township|twp\.?)$")
_WATER = re.compile(r" (?:river|creek|lake|bay|sound)$")
_REGION_TAIL = re.compile(r" (?:state|province|region)$")

CONTAINER_BONUS = 9.0
COUNTRY_CONTEXT = 3.0
TOP_COUNTRY_CONTEXT = 1.5
ADMIN1_CONTEXT = 3.0
DATELINE_CONTEXT = 2.0
COUNTRY_WITNESS = 300_000  # a place this big (or a region) puts its country in context
ALIAS_PENALTY = 3.0
SOFT_ADMIN1 = 2.5
SOFT_COUNTRY = 1.0
CONTAINER_REGION = 2.0
PLAUSIBLE_WITHIN = 3.5
WEAK_MIN_POPULATION = 50_000
CONTEXT_WINDOW = 6.0  # article context can lift a reading at most this far below the best
CONTEXT_PASSES = 2  # passes with context after the context-free one
CONFIDENT_MARGIN = 3.0  # a town chosen this far ahead of the next reading is context
CONTEXT_FEATURES = frozenset({"PCLI", "ADM1", "ADM2", "CONT"})  # always context
COUNTY_PAIR = 4.0  # a town and its county both named ("Paris and Henry County")
SMALL_REGION = 200_000  # first-level regions below this population ...
SMALL_REGION_PENALTY = 4.0  # ... lose this much ("Saint George", a Caribbean parish)
BIG_CITY = 1_000_000
POP_WEIGHT = 1.0  # score per tenfold population
BIG_CITY_BONUS = 1.0
# "New York", "Gaza", "Washington": a sizeable city rather than a region of the same name
# in its country (a foreign namesake does not count: "Virginia" is not the South African
# town).
REGION_CITY_BONUS = 3.0
REGION_CITY_MIN = 100_000
FAMOUS_CITY = 500_000  # a city this big is its name's default reading (see _scores)
OPENING = 40  # an "X, Y" starting this close to the text's start is its dateline
COORDINATED_GAP = 6  # at most ", and " between two coordinated names
STRANGER_POPULATION = 10_000  # a village abroad, in a country never named (see _stranger)
WORLD_CAPITAL = 100_000  # a capital this big is a world city (see _scores)
FAMOUS_NEAR = 0.75  # closeness (about 50 km) that still lifts a big city's small namesake
# Spatial coherence: a town or county near another place the article confidently named
# ("Jordan" with "Shakopee": the Minnesota town, not the country). The bonus falls from
# PROXIMITY at NEAR_KM or closer to nothing at FAR_KM (log scale).
PROXIMITY = 8.0
NEAR_KM = 25.0
FAR_KM = 400.0
FAR_DEG = FAR_KM / 111.0  # latitude degrees: a cheap test before the distance
# Soft spatial support: each other name with a plausible reading near a candidate adds
# up to SOFT_NEAR (at most SOFT_NEAR_CAP names count), fading out at SOFT_FAR_KM.
SOFT_NEAR = 1.5
SOFT_NEAR_CAP = 3.0
SOFT_FAR_KM = 200.0
SOFT_FAR_DEG = SOFT_FAR_KM / 111.0
POINT_FEATURES = frozenset({"PPL", "PPLC", "ADM2"})  # features whose point is meaningful
# Readings a mention NER did not call a place may take, like a country or continent: a
# named region, sea or river of the team-written features table ("Black Sea Fleet",
# "Red River Authority"); not an ocean ("Florida Atlantic University").
WEAK_FEATURES = frozenset("PCLI CONT ADM1 SEA GULF STRT RGN PEN MTS DSRT ISLS STM LK".split())
# The features only the team-written features table brings (oceans, rivers, regions).
TABLE_FEATURES = WEAK_FEATURES - {"PCLI", "CONT", "ADM1"} | {"OCN", "CNL", "MT", "ISL", "VAL"}
# Major names (looked for inside organisation names): countries, continents, first-level
# regions and named regions ("Middle East").
MAJOR_FEATURES = frozenset({"PCLI", "CONT", "ADM1", "RGN"})


@dataclass(slots=True)
class _Context:
    countries: Counter[str] = field(default_factory=Counter)
    admin1s: Counter[str] = field(default_factory=Counter)
    # first-level regions named as such (not just through a town of theirs): key -> codes
    regions_named: dict[str, set[str]] = field(default_factory=dict)
    by_key: dict[str, tuple[Counter[str], Counter[str]]] = field(default_factory=dict)
    dateline_cc: str | None = None
    dateline_admin1: str | None = None  # the state of "CAMP MURRAY, Wash. —"
    soft: dict[str, Counter[str]] = field(default_factory=dict)  # key -> plausible regions
    soft_total: Counter[str] = field(default_factory=Counter)
    # county code -> names with a reading that is that county / a town in it
    counties: dict[str, set[str]] = field(default_factory=dict)
    towns: dict[str, set[str]] = field(default_factory=dict)
    anchors: list[tuple[str, Entry]] = field(default_factory=list)  # (key, point entry)
    civic: set[str] = field(default_factory=set)  # keys with a local institution's mention
    spots: dict[str, dict[int, Entry]] = field(default_factory=dict)  # key -> plausible points
    near_memo: dict[tuple[str, int], float] = field(default_factory=dict)
    anchor_memo: dict[tuple[str, int], float] = field(default_factory=dict)

    def near_support(self, key: str, e: Entry) -> float:
        """Sum over the article's other names of how near their nearest plausible reading
        lies to ``e`` (0..1 each): a cluster of names all readable in one area."""
        if e.feature not in POINT_FEATURES:
            return 0.0
        memo = (key, e.geonameid)
        found = self.near_memo.get(memo)
        if found is None:
            found = 0.0
            for other, points in self.spots.items():
                if other == key:
                    continue
                best = SOFT_FAR_KM
                for p in points.values():
                    if abs(p.lat - e.lat) < SOFT_FAR_DEG and p.geonameid != e.geonameid:
                        best = min(best, _km(e.lat, e.lon, p.lat, p.lon))
                found += _fade(best, SOFT_FAR_KM)
            self.near_memo[memo] = found
        return found

    def closeness(self, key: str, e: Entry) -> float:
        """0..1: how near ``e`` lies to a place the article named under another key."""
        if e.feature not in POINT_FEATURES or not self.anchors:
            return 0.0
        memo = (key, e.geonameid)
        found = self.anchor_memo.get(memo)
        if found is None:
            best = FAR_KM
            for other, a in self.anchors:
                if other != key and a.geonameid != e.geonameid and abs(a.lat - e.lat) < FAR_DEG:
                    best = min(best, _km(e.lat, e.lon, a.lat, a.lon))
            found = _fade(best, FAR_KM)
            self.anchor_memo[memo] = found
        return found

    def in_named_county(self, key: str, e: Entry) -> bool:
        """Whether another name of the article is ``e``'s county, or a town in county ``e``."""
        if not e.admin2:
            return False
        if e.feature == "ADM2":
            found = self.towns.get(e.admin2)
        elif e.feature in ("PPL", "PPLC"):
            found = self.counties.get(e.admin2)
        else:
            return False
        return bool(found) and (len(found) > 1 or key not in found)

    def add(self, key: str, entry: Entry, *, anchor: bool) -> None:
        own = self.by_key.setdefault(key, (Counter(), Counter()))
        # A small town or county does not put its whole country in context ("Hampton
        # Park", a Melbourne suburb's namesake, makes no Charleston Australian).
        witness = entry.feature in ("PCLI", "ADM1") or entry.population >= COUNTRY_WITNESS
        if entry.cc and witness:
            self.countries[entry.cc] += 1
            own[0][entry.cc] += 1
        if entry.admin1 and entry.feature != "PCLI":
            self.admin1s[entry.admin1] += 1
            if entry.feature in ("ADM1", "ADM2") or entry.population < BIG_CITY:
                self.regions_named.setdefault(entry.admin1, set()).add(key)
            own[1][entry.admin1] += 1
        # A national capital is no spatial anchor: "Washington" mostly means the
        # government, not the towns around it.
        if anchor and entry.feature in POINT_FEATURES and entry.feature != "PPLC":
            self.anchors.append((key, entry))

    def region_named(self, key: str, admin1: str) -> bool:
        """Whether a name other than ``key`` is region ``admin1`` or one of its counties."""
        found = self.regions_named.get(admin1)
        return bool(found) and (len(found) > 1 or key not in found)

    def soft_support(self, key: str, admin1: str) -> int:
        """How many other names have a plausible reading inside ``admin1``."""
        own = self.soft.get(key)
        return self.soft_total[admin1] - (own[admin1] if own else 0)

    def without(self, key: str) -> tuple[Counter[str], Counter[str]]:
        own = self.by_key.get(key)
        if own is None:
            return self.countries, self.admin1s
        return self.countries - own[0], self.admin1s - own[1]


class Resolver:
    """Scores gazetteer candidates of mentions; one per process, shared by all docs."""

    def __init__(self, gazetteer: Gazetteer, lexicon: PlaceLexicon) -> None:
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self._targets: dict[str, Entry | None] = {}
        self._priors: dict[tuple[int, bool], float] = {}

    def target(self, target: str) -> Entry | None:
        """The entry of a lexicon target (ISO alpha-2, admin1 code or a name)."""
        if target not in self._targets:
            if len(target) == 2 and target.isupper():
                entry = self.gazetteer.country(target)
            elif "." in target:
                entry = self.gazetteer.admin(target)
            else:
                found = self.gazetteer.lookup(target.casefold())
                # The likeliest reading: "Siberia" is the region, not a small town.
                ranked = sorted(found, key=lambda c: (c.entry.feature != "CONT", -self.prior(c)))
                entry = ranked[0].entry if ranked else None
            self._targets[target] = entry
        return self._targets[target]

    def is_known(self, key: str) -> bool:
        return key not in self.lexicon.not_places and bool(self.candidates_for_key(key))

    @staticmethod
    def _major(cand: Candidate) -> bool:
        e = cand.entry
        return cand.main and (e.feature in MAJOR_FEATURES or e.population >= 100_000)

    def is_major(self, key: str) -> bool:
        """A country, continent, first-level region or city of 100,000+ under its main name."""
        if key in self.lexicon.aliases:
            return True
        return any(self._major(c) for c in self.gazetteer.lookup(key))

    def is_region(self, key: str) -> bool:
        """Whether ``key`` names a country (any of its curated names) or is a first-level
        region's main name."""
        return any(
            c.entry.feature == "PCLI" or (c.main and c.entry.feature == "ADM1")
            for c in self.gazetteer.lookup(key)
        )

    def candidates_for_key(self, key: str, *, comma: bool = False) -> list[Candidate]:
        out: list[Candidate] = []
        if key in self.lexicon.not_places:
            return out
        for table in (self.lexicon.aliases, self.lexicon.comma_aliases if comma else {}):
            target = table.get(key) or table.get(key + ".")
            entry = self.target(target) if target else None
            if entry is not None:
                out.append(Candidate(entry, True))
        found = self.gazetteer.lookup(key)
        if all(is_postal(c.entry.geonameid) for c in found):
            # "East Texas" is the region even though a village is called so.
            postal, found = found, ()
        else:
            postal = ()
        if not found and not out and _COMPASS.match(key):
            # "S. Africa", "N. Korea": the abbreviated compass word is part of the name.
            found = self.gazetteer.lookup(_COMPASS.sub(_spell_compass, key, count=1))
        if not found and not out:
            for pattern in (_DIRECTION, _TAIL):
                shorter = pattern.sub("", key)
                if shorter != key and shorter:
                    found = tuple(c for c in self.gazetteer.lookup(shorter) if self._major(c))
                    if (
                        not found
                        and pattern is _DIRECTION
                        and key not in self.lexicon.comma_aliases
                    ):
                        # "Western Mass.", "N. Va.": the region under its abbreviation (but
                        # "W. Va." is an abbreviation of its own)
                        lex = self.lexicon
                        target = lex.aliases.get(shorter) or lex.comma_aliases.get(shorter)
                        entry = self.target(target) if target else None
                        found = (Candidate(entry, True),) if entry else ()
                    if found:
                        break
        found = (*found, *postal)
        if not found and not out and _TOWNSHIP.search(key):
            # "Jerome Township": the township around (or named after) a town Jerome; the
            # article's other places choose which one.
            found = tuple(
                c
                for c in self.gazetteer.lookup(_TOWNSHIP.sub("", key))
                if c.main and c.entry.feature in ("PPL", "ADM2")
            )
        if " " in key:
            # "North West" (province) is GeoNames' "North-West": a region's hyphenated
            # main name counts as well.
            ids = {c.entry.geonameid for c in found}
            found = (
                *found,
                *(
                    c
                    for c in self.gazetteer.lookup(key.replace(" ", "-"))
                    if c.main
                    and c.entry.feature in ("PCLI", "ADM1")
                    and c.entry.geonameid not in ids
                ),
            )
        if _WATER.search(key):
            # "Red River" is the river, not "Red River Parish" named after it.
            found = tuple(c for c in found if c.entry.feature != "ADM2")
        seen = {c.entry.geonameid for c in out}
        out.extend(c for c in found if c.entry.geonameid not in seen)
        return out

    def prior(self, cand: Candidate) -> float:
        memo = (cand.entry.geonameid, cand.main)
        found = self._priors.get(memo)
        if found is None:
            if len(self._priors) > 200_000:  # bounded like the gazetteer's lookup cache
                self._priors.clear()
            found = self._priors[memo] = self._prior(cand)
        return found

    def _prior(self, cand: Candidate) -> float:
        e = cand.entry
        score = self.lexicon.feature_priors.get(e.feature, 0.0)
        if e.feature in ("PPL", "PPLC"):
            score += POP_WEIGHT * math.log10(e.population + 1)
            if e.population >= BIG_CITY:  # "New York" is the city, not the state
                score += BIG_CITY_BONUS
        elif e.feature == "ADM1" and e.population < SMALL_REGION:
            score -= SMALL_REGION_PENALTY  # a parish of a small island state
        if not cand.main:
            score -= ALIAS_PENALTY  # alternate names are noisy ("Salisbury" for Harare)
        return score

    def resolve(self, mentions: list[Mention]) -> list[Entry | None]:
        """The chosen entry of each mention (``None``: unknown to the gazetteer)."""
        mentions = self._city_forms(mentions)
        cands: list[list[Candidate]] = []
        for m in mentions:
            if m.target is not None:
                entry = self.target(m.target)
                cands.append([Candidate(entry, True)] if entry else [])
            else:
                comma = m.label == "GPE" or self._is_container(m, mentions)
                comma = comma and (len(m.key) > 2 or m.text.isupper())  # "IN", not "in"
                found = self.candidates_for_key(m.key, comma=comma)
                if len(m.key) <= 3:
                    # Short alternate names are mostly codes ("THE", an airport): only
                    # in capitals, and only a country's or region's ("SA" is no Cypriot
                    # village).
                    upper = m.text.isupper()
                    found = [
                        c
                        for c in found
                        if c.main or (upper and c.entry.feature in ("PCLI", "ADM1"))
                    ]
                if not found and m.key in self.lexicon.demonyms:
                    entry = self.target(self.lexicon.demonyms[m.key])
                    found = [Candidate(entry, True)] if entry else []
                cands.append(found)

        ctx = _Context(civic={m.key for m in mentions if m.kind == "civic"})
        for m, c in zip(mentions, cands, strict=True):
            if not c:
                continue
            best = max(self.prior(x) for x in c)
            if m.weak:
                # "Winfield Police", "Mt. Pleasant schools": soft nearness evidence only
                # (a wrong weak name rarely has readings near the article's other names).
                spots = ctx.spots.setdefault(m.key, {})
                for x in c:
                    if x.main and x.entry.feature in POINT_FEATURES:
                        if self.prior(x) >= best - PLAUSIBLE_WITHIN:
                            spots[x.entry.geonameid] = x.entry
                continue
            own = ctx.soft.setdefault(m.key, Counter())
            for x in c:
                if x.main and x.entry.admin2:
                    table = ctx.counties if x.entry.feature == "ADM2" else ctx.towns
                    table.setdefault(x.entry.admin2, set()).add(m.key)
                if self.prior(x) >= best - PLAUSIBLE_WITHIN:
                    spots = ctx.spots.setdefault(m.key, {})
                    if x.main and x.entry.feature in POINT_FEATURES:
                        spots[x.entry.geonameid] = x.entry
                    for code in (x.entry.admin1, "cc:" + x.entry.cc):
                        if len(code) > 3 and not own[code]:
                            own[code] = 1
                            ctx.soft_total[code] += 1

        # Pass 1: containers and priors only; its confident choices become context for
        # pass 2, whose confident choices become the context of the next pass, and so on.
        held = {o.container for o in mentions if o.container is not None}
        held.update(self._region_lists(mentions))  # regions listed together
        held.update(self._beside_regions(mentions, cands, held))
        # The region of the opening "X, Y" (a dateline, even one NER split up).
        first = mentions[0] if mentions else None
        opening = first is not None and (first.kind == "dateline" or first.start < OPENING)
        dateline_region = first.container if opening and first else None
        memo: dict[tuple, tuple[Entry, float, float] | None] = {}
        picked = [
            self._best(m, c, mentions, cands, None, n in held, memo)
            for n, (m, c) in enumerate(zip(mentions, cands, strict=True))
        ]
        for _ in range(CONTEXT_PASSES):
            round_ctx = _Context(
                soft=ctx.soft,
                soft_total=ctx.soft_total,
                counties=ctx.counties,
                towns=ctx.towns,
                spots=ctx.spots,
                near_memo=ctx.near_memo,
                civic=ctx.civic,
            )
            for n, (m, c, pick) in enumerate(zip(mentions, cands, picked, strict=True)):
                if pick is None:
                    continue
                entry, margin, _ = pick
                if n == dateline_region and entry.feature == "ADM1":
                    round_ctx.dateline_admin1 = entry.admin1
                # Sure: far ahead of the other readings, the only one, or a city of a
                # million (Dallas is context even though Dallas, Oregon exists).
                sure = margin >= CONFIDENT_MARGIN or len(c) == 1 or entry.population >= BIG_CITY
                if entry.feature in CONTEXT_FEATURES or sure:
                    round_ctx.add(m.key, entry, anchor=sure)
                    if m.kind == "dateline" and round_ctx.dateline_cc is None:
                        round_ctx.dateline_cc = entry.cc
            memo = {}
            picked = [
                self._best(m, c, mentions, cands, round_ctx, n in held, memo)
                for n, (m, c) in enumerate(zip(mentions, cands, strict=True))
            ]
        # One sense per article: every mention of a name takes the reading most of its
        # mentions where NER called it a place chose; a tie goes to the best-supported one.
        strong = _vote(mentions, picked, weak=False)
        weak = _vote(mentions, picked, weak=True)  # names NER never called a place
        out: list[Entry | None] = []
        for m, pick in zip(mentions, picked, strict=True):
            if m.target is None and m.key in strong:
                out.append(strong[m.key])
            elif m.target is None and pick is not None and m.key in weak:
                out.append(weak[m.key])
            else:
                out.append(pick and pick[0])
        return out

    def _city_forms(self, mentions: list[Mention]) -> list[Mention]:
        """Read "Dublin City" as "Dublin" when the article also names Dublin, unless
        "X City" is a town's own main name ("Kansas City")."""
        keys = {m.key for m in mentions}
        out = mentions
        for n, m in enumerate(mentions):
            key = m.key
            if m.target is None and key.endswith(" city") and key[:-5] in keys:
                own = self.gazetteer.lookup(key)
                if not any(c.main and c.entry.feature in ("PPL", "PPLC") for c in own):
                    if out is mentions:
                        out = list(mentions)
                    out[n] = replace(m, text=m.text.rstrip()[:-4].rstrip())
        return out  # same order: containers still point at the right mentions

    def _region_lists(self, mentions: list[Mention]) -> set[int]:
        """The listed mentions of lists of regions: a run of listed names whose next
        name is a region too ("Ohio, Indiana and Michigan"), not a city ("Washington,
        New York and Boston": cities)."""
        out: set[int] = set()
        run: list[int] = []
        for n, m in enumerate([*mentions, None]):
            if m is not None and m.listed:
                run.append(n)
                continue
            if run and (m is None or self.is_region(m.key)):
                out.update(run)
            run = []
        return out

    def _beside_regions(
        self, mentions: list[Mention], cands: list[list[Candidate]], held: set[int]
    ) -> set[int]:
        """Names coordinated with a plain first-level region's name ("Oregon and
        Washington", "California or Washington"): read as regions too. A neighbour that is
        also a big city's name ("New York") says nothing."""

        def plain_region(n: int) -> bool:
            c = cands[n]
            return any(x.main and x.entry.feature == "ADM1" for x in c) and not any(
                x.entry.feature in ("PPL", "PPLC")
                and x.entry.population >= REGION_CITY_MIN
                and (x.main or x.entry.population >= BIG_CITY)
                for x in c
            )

        out: set[int] = set()
        for n, m in enumerate(mentions):
            if n in held or m.container is not None or m.target is not None:
                continue
            if not any(x.main and x.entry.feature == "ADM1" for x in cands[n]):
                continue
            for j in (n - 1, n + 1):
                if not 0 <= j < len(mentions) or mentions[j].key == m.key:
                    continue
                other = mentions[j]
                gap = other.start - m.end if j > n else m.start - other.end
                if 0 < gap <= COORDINATED_GAP and plain_region(j):
                    out.add(n)
        return out

    @staticmethod
    def _is_container(m: Mention, mentions: list[Mention]) -> bool:
        return any(
            other.container is not None and mentions[other.container] is m for other in mentions
        )

    def _best(
        self,
        m: Mention,
        cands: list[Candidate],
        mentions: list[Mention],
        all_cands: list[list[Candidate]],
        ctx: _Context | None,
        is_container: bool,
        memo: dict[tuple, tuple[Entry, float, float] | None],
    ) -> tuple[Entry, float, float] | None:
        # Repeated mentions of a name score alike: score each kind of mention once.
        signature = (m.key, m.text, m.kind, m.label, m.weak, m.target, m.container, is_container)
        if signature in memo:
            return memo[signature]
        scored = self._scores(m, cands, mentions, all_cands, ctx, is_container)
        best = None
        if scored:
            margin = scored[0][0] - scored[1][0] if len(scored) > 1 else 99.0
            best = scored[0][2], margin, scored[0][0]
        memo[signature] = best
        return best

    def _scores(
        self,
        m: Mention,
        cands: list[Candidate],
        mentions: list[Mention],
        all_cands: list[list[Candidate]],
        ctx: _Context | None,
        is_container: bool,
    ) -> list[tuple[float, int, Entry]]:
        """The readings of ``m`` that may be chosen, best first: (score, -index, entry)."""
        if not cands:
            return []
        container: list[Entry] = []
        if m.container is not None:
            container = [
                c.entry
                for c in all_cands[m.container]
                if c.entry.feature in ("PCLI", "ADM1", "ADM2")
            ]
        if container and any(_inside(c.entry, y) for c in cands for y in container):
            # "Jefferson County, Colo.": only the readings inside Colorado remain, however
            # many Kansas towns the article names.
            cands = [c for c in cands if any(_inside(c.entry, y) for y in container)]
        key = m.key  # computed on every access
        countries, admin1s = ctx.without(key) if ctx else (Counter(), Counter())
        top_cc = countries.most_common(1)[0][0] if countries else None
        best_prior = max(self.prior(c) for c in cands)
        # A country's own name: no other place's alternate name ("Mexico" for Mexico City)
        # and no region-named city ("New York") competes with it.
        country_name = any(c.main and c.entry.feature == "PCLI" for c in cands)
        # A name that is also a country's or region's main name needs a town right next
        # door ("Lebanon" with "Myerstown") and loses that lift when the article places
        # something inside that country or region ("Montana" with "Helena").
        regions = [c.entry for c in cands if c.main and c.entry.feature in ("PCLI", "ADM1")]
        region_named = any(
            countries[r.cc] if r.feature == "PCLI" else admin1s[r.admin1] for r in regions
        )
        # Likewise a major feature's main name ("Middle East", a sea, a river).
        guarded = bool(regions) or any(c.main and c.entry.feature in TABLE_FEATURES for c in cands)
        # A big city's name ("Atlanta", "Denver"): its small namesakes need a named region
        # or a town right next door, not just soft nearness to the article's other names.
        # A local institution ("Dublin City Schools") says the town is meant.
        famous = (ctx is None or key not in ctx.civic) and any(
            c.main and c.entry.feature in ("PPL", "PPLC") and c.entry.population >= FAMOUS_CITY
            for c in cands
        )
        # A world city: a capital or a city of a million under its main name.
        world = next(
            (
                c.entry
                for c in cands
                if c.main
                and (
                    (c.entry.feature == "PPLC" and c.entry.population >= WORLD_CAPITAL)
                    or (c.entry.feature in ("PPL", "PPLC") and c.entry.population >= BIG_CITY)
                )
            ),
            None,
        )
        # Countries with a sizeable reading of the name: their small namesakes keep the
        # country's context (the sizeable one competes with the world city on its own).
        big_ccs = {
            c.entry.cc
            for c in cands
            if c.entry.feature in ("PPL", "PPLC") and c.entry.population >= REGION_CITY_MIN
        }
        sizeable = any(
            c.main and c.entry.feature in ("PPL", "PPLC") and c.entry.population >= REGION_CITY_MIN
            for c in cands
        )
        scored: list[tuple[float, int, Entry]] = []
        for n, cand in enumerate(cands):
            if country_name and not cand.main:
                continue
            e = cand.entry
            score = self.prior(cand)
            if (
                not country_name
                and not is_container
                and e.population >= REGION_CITY_MIN
                and e.feature in ("PPL", "PPLC")
                and (cand.main or e.population >= BIG_CITY)
                and any(c.entry.feature == "ADM1" and c.main and c.entry.cc == e.cc for c in cands)
            ):
                score += REGION_CITY_BONUS
            if is_container and e.feature in ("PCLI", "ADM1"):
                score += CONTAINER_REGION
            if container and any(_inside(e, y) for y in container):
                score += CONTAINER_BONUS
            elif m.kind == "comma":
                continue  # an NER-missed "X, Y" counts only inside Y
            if m.weak and not _weak_ok(m, cand, countries, admin1s):
                # A village only the postal list knows, right next to a place the article
                # named for sure (its fire department, a few km from that town), is meant.
                near_sure = ctx is not None and ctx.closeness(key, e) >= 1.0
                if not (is_postal(e.geonameid) and near_sure):
                    continue
            if is_postal(e.geonameid) and not (container or _postal_support(ctx, key, e)):
                continue  # "Newfoundland" in a Canadian story is no Kentucky village
            if (
                ctx is not None
                and not container
                and _stranger(ctx, key, e, countries, admin1s, top_cc)
            ):
                continue  # "Bains" in a Bahamas story is no French village
            if ctx is not None and ctx.in_named_county(key, e):
                score += COUNTY_PAIR  # "Palestine" with "Anderson County": the Texas town
            spatial = cand.main or _county_short(key, e)
            if ctx is not None and spatial and not region_named:
                near = ctx.closeness(key, e)
                if guarded:
                    lift = near >= 1.0
                elif famous and e.population < FAMOUS_CITY:
                    lift = near >= FAMOUS_NEAR  # a suburb ("Dublin" by Columbus)
                else:
                    lift = True
                if lift:
                    score += PROXIMITY * near
            if ctx is not None and score >= best_prior - CONTEXT_WINDOW:
                # A world city's small namesakes ("Rome" in a story that also names the
                # United States: only small towns there) need their own region named or
                # a named place close by (or a local institution of theirs named): their
                # country alone is no evidence.
                abroad = (
                    world is not None
                    and key not in ctx.civic
                    and e.cc not in big_ccs
                    and not ctx.region_named(key, e.admin1)
                    and ctx.closeness(key, e) < FAMOUS_NEAR
                )
                if e.cc and countries[e.cc] and not abroad:
                    score += COUNTRY_CONTEXT + (TOP_COUNTRY_CONTEXT if e.cc == top_cc else 0.0)
                # A town named like a first-level region of its own country ("Wales",
                # England) gets no lift from the neighbouring region the article names
                # (a big city does: "New York").
                local = e.population >= REGION_CITY_MIN or not any(
                    r.cc == e.cc and r.feature == "ADM1" for r in regions
                )
                # A village known only from the postal list: a sizeable namesake city
                # wins unless the village's region itself is named ("Oakland" in a Texas
                # story is still California's).
                hidden = is_postal(e.geonameid) and sizeable
                # A big city's small namesake needs its region itself named ("Boston" with
                # "Buffalo" is still Massachusetts' Boston).
                named = admin1s[e.admin1] and (
                    not (famous or hidden)
                    or e.population >= FAMOUS_CITY
                    or ctx.region_named(key, e.admin1)
                )
                if e.admin1 and named and (local or e.feature == "ADM1"):
                    score += ADMIN1_CONTEXT
                if ctx.dateline_admin1 and e.admin1 == ctx.dateline_admin1 and e.feature == "ADM1":
                    score += DATELINE_CONTEXT  # "Washington" in a story from "X, Wash."
                if ctx.dateline_cc and e.cc == ctx.dateline_cc:
                    score += DATELINE_CONTEXT
                soft = not (famous or hidden) or e.population >= FAMOUS_CITY
                if e.admin1 and (local or e.feature == "ADM1") and soft:
                    score += SOFT_ADMIN1 * min(ctx.soft_support(key, e.admin1), 2)
                if e.cc and not abroad:
                    score += SOFT_COUNTRY * min(ctx.soft_support(key, "cc:" + e.cc), 3)
                if spatial and soft:
                    score += SOFT_NEAR * min(ctx.near_support(key, e), SOFT_NEAR_CAP)
            scored.append((score, -n, e))
        scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
        return scored


def _stranger(
    ctx: _Context,
    key: str,
    e: Entry,
    countries: Counter[str],
    admin1s: Counter[str],
    top_cc: str | None,
) -> bool:
    """Whether ``e`` is a village outside the country the article names most, with no
    named region or place of its own nearby: a local name the gazetteer lacks (its
    town's point is then used), not a village abroad ("Heathrow" in a story about
    Britain that also names the United States is no Florida village)."""
    return (
        e.feature == "PPL"
        and e.population < STRANGER_POPULATION
        and bool(countries)
        and e.cc != top_cc
        and not admin1s[e.admin1]
        and ctx.closeness(key, e) == 0.0
        and ctx.near_support(key, e) == 0.0
    )


def _postal_support(ctx: _Context | None, key: str, e: Entry) -> bool:
    """Whether the article supports a village only the postal list knows: its state
    or county named, or another place of the article nearby."""
    if ctx is None:
        return True  # the context-free pass only seeds the context
    _, admin1s = ctx.without(key)
    return bool(
        admin1s[e.admin1]
        or ctx.in_named_county(key, e)
        or ctx.closeness(key, e) > 0
        or ctx.near_support(key, e) > 0
    )


def _weak_ok(m: Mention, cand: Candidate, countries: Counter[str], admin1s: Counter[str]) -> bool:
    """Whether a reading of a mention NER did not call a place is supported enough."""
    e = cand.entry
    if m.kind == "civic":
        return True  # "Grand Ledge Police": the town, however small
    if is_postal(e.geonameid):
        return False  # a village known only from the postal list: "Wilson said" is no place
    if not cand.main and e.feature != "PCLI" and not _region_form(m.key, e, countries):
        return False  # a country's other names are curated ("DPRK", "Holy See")
    if admin1s[e.admin1] and e.feature != "PCLI":
        return True  # a town of the region the article is about
    if e.feature == "ADM2" and _ADMIN_WORD.search(e.name):
        return True  # "Rapides Parish" inside an organisation's name
    if m.label == "PERSON":
        # "Tamil Nadu" tagged as a person; a lone "Jordan" only when its country is
        # named elsewhere in the article.
        if " " in m.text.strip():
            return e.feature in WEAK_FEATURES
        return e.feature in ("PCLI", "ADM1") and bool(countries[e.cc])
    return e.feature in WEAK_FEATURES or e.population >= WEAK_MIN_POPULATION


def _region_form(key: str, e: Entry, countries: Counter[str]) -> bool:
    """Whether ``key`` is first-level region ``e``'s name plus its type word ("Benue
    State", "Gauteng Province") in an article that names the region's country."""
    if e.feature != "ADM1" or not countries[e.cc]:
        return False
    short = _REGION_TAIL.sub("", key)
    return short != key and short == name_key(e.name)


def _vote(
    mentions: list[Mention], picked: list[tuple[Entry, float, float] | None], *, weak: bool
) -> dict[str, Entry]:
    """Per name, the reading most of its (weak or strong) mentions chose; a tie goes to
    the best-scored one."""
    votes: dict[str, dict[int, list]] = {}
    for m, pick in zip(mentions, picked, strict=True):
        if pick is not None and m.weak == weak and m.target is None:
            tally = votes.setdefault(m.key, {}).setdefault(pick[0].geonameid, [0, 0.0, pick[0]])
            tally[0] += 1
            tally[1] = max(tally[1], pick[2])
    return {k: max(v.values(), key=lambda t: (t[0], t[1]))[2] for k, v in votes.items()}


_COUNTY_TAILS = (" county", " parish", " borough")


def _county_short(key: str, e: Entry) -> bool:
    """Whether ``key`` is county ``e``'s name without "County" ("Clay and Becker counties")."""
    name = e.name.casefold()
    return e.feature == "ADM2" and name.startswith(key) and name[len(key) :] in _COUNTY_TAILS


def _fade(km: float, far: float) -> float:
    """1 at NEAR_KM or closer, falling on a log scale to 0 at ``far``."""
    if km >= far:
        return 0.0
    return min(1.0, math.log(far / max(km, NEAR_KM)) / math.log(far / NEAR_KM))


def _inside(e: Entry, container: Entry) -> bool:
    if e.geonameid == container.geonameid:
        return False
    if container.feature == "PCLI":
        return e.cc == container.cc
    if container.feature == "ADM1":
        return e.admin1 == container.admin1
    return bool(e.admin2) and e.admin2 == container.admin2
