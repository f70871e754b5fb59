"""The web server: a REST API over the store and an offline explorer page.

::

    from newsevents.server import create_app
    app = create_app("events.duckdb", api_key=None)   # read-only; uvicorn.run(app)

``newsevents serve --db events.duckdb`` does the same from the command line.
"""

from __future__ import annotations

from ._app import create_app
from ._auth import ApiKeyError, resolve_api_key
from ._state import Limits

__all__ = ["ApiKeyError", "Limits", "create_app", "resolve_api_key"]
