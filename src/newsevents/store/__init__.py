"""The DuckDB event store and its exports (JSONL, CSV, Parquet, GDELT 2.0).

::

    from newsevents.store import Store
    with Store("events.duckdb") as store:
        store.write_batch(results, failures)   # one transaction; returns articles added
        store.connection.sql("SELECT cameo, count(*) FROM events GROUP BY ALL").show()

The tables and the ``event_groups`` view are documented in ``docs/store.md``.
"""

from __future__ import annotations

from ._schema import MIGRATIONS, SCHEMA_VERSION, TABLES
from ._store import Store, StoreError
from .export import FORMATS, export
from .gdelt import gdelt_columns

__all__ = [
    "FORMATS",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "TABLES",
    "Store",
    "StoreError",
    "export",
    "gdelt_columns",
]
