"""The offline GeoNames gazetteer: candidate entries for a place name.

The SQLite file written by :mod:`.build` lives in ``places/_cache/`` inside the package
(git-ignored), or in the user cache directory when the package directory is read-only
(``$NEWSEVENTS_CACHE_DIR`` overrides both). Opening it is instant; rows are read on
demand and memoised per process.
"""

from __future__ import annotations

import functools
import os

try:
    import fcntl
except ImportError:  # Windows: no lock, concurrent builds just repeat the work
    fcntl = None  # type: ignore[assignment]
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from .build import build_gazetteer, cache_key

_PACKAGE_CACHE = Path(__file__).resolve().parent / "_cache"


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entry (a GeoNames feature)."""

    geonameid: int
    name: str
    lat: float
    lon: float
    cc: str  # ISO 3166-1 alpha-2; "" for continents
    iso3: str | None
    feature: str  # CONT, PCLI, ADM1, ADM2, PPLC, PPL
    population: int
    admin1: str  # GeoNames admin1 code, e.g. "US.TX"; "" when not inside one
    admin2: str


@dataclass(frozen=True, slots=True)
class Candidate:
    """An entry found under a name key; ``main`` when the key is its main name."""

    entry: Entry
    main: bool


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK)


def _user_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsevents"


def gazetteer_path() -> Path:
    """Where the gazetteer file for the installed source packages lives (or will)."""
    name = f"gazetteer-{cache_key()}.sqlite"
    override = os.environ.get("NEWSEVENTS_CACHE_DIR")
    if override:
        return Path(override) / name
    if (_PACKAGE_CACHE / name).exists() or _writable(_PACKAGE_CACHE):
        return _PACKAGE_CACHE / name
    return _user_cache_dir() / name


def ensure_gazetteer(path: Path | None = None) -> Path:
    """Return the gazetteer file, building it first when it is missing."""
    path = path or gazetteer_path()
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    ignore = path.parent / ".gitignore"
    if path.parent == _PACKAGE_CACHE and not ignore.exists():
        ignore.write_text("# generated gazetteer cache\n*\n", encoding="utf-8")
    # One builder at a time; the others wait for its file (processes of one pipeline,
    # parallel test runs).
    with open(path.parent / "build.lock", "w") as lock:
        if fcntl is not None:
            fcntl.flock(lock, fcntl.LOCK_EX)
        if not path.exists():
            build_gazetteer(path)
            for old in path.parent.glob("gazetteer-*"):
                if old != path and not old.name.endswith(".tmp"):
                    old.unlink(missing_ok=True)  # a build for older packages or data
    return path


class Gazetteer:
    """Read-only access to the gazetteer file; safe to share between threads.

    Each process (and thread) opens its own connection, so a ``Gazetteer`` may be
    created before ``nlp.pipe(n_process=...)`` forks.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = ensure_gazetteer(path)
        self._local = threading.local()
        con = self._connect()
        self.countries: dict[str, tuple[str, int]] = {
            cc: (iso3, pid) for cc, iso3, pid in con.execute("SELECT cc, iso3, place FROM country")
        }
        self.admins: dict[str, int] = dict(con.execute("SELECT code, place FROM admin"))
        self._iso3 = {cc: iso3 for cc, (iso3, _) in self.countries.items()}
        self.lookup = functools.lru_cache(maxsize=50_000)(self._lookup)
        self.entry = functools.lru_cache(maxsize=10_000)(self._entry)

    def _connect(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None or getattr(self._local, "pid", None) != os.getpid():
            uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1"
            con = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._local.con = con
            self._local.pid = os.getpid()
        return con

    def _row_entry(self, row: tuple) -> Entry:
        gid, name, lat, lon, cc, feature, pop, admin1, admin2 = row
        return Entry(gid, name, lat, lon, cc, self._iso3.get(cc), feature, pop, admin1, admin2)

    def _lookup(self, key: str) -> tuple[Candidate, ...]:
        rows = (
            self._connect()
            .execute(
                "SELECT p.geonameid, p.name, p.lat, p.lon, p.cc, p.feature, p.population, "
                "p.admin1, p.admin2, n.main FROM name n JOIN place p ON p.id = n.place "
                "WHERE n.key = ? ORDER BY p.population DESC, p.id",
                (key,),
            )
            .fetchall()
        )
        return tuple(Candidate(self._row_entry(r[:9]), bool(r[9])) for r in rows)

    def _entry(self, place: int) -> Entry | None:
        row = (
            self._connect()
            .execute(
                "SELECT geonameid, name, lat, lon, cc, feature, population, admin1, admin2 "
                "FROM place WHERE id = ?",
                (place,),
            )
            .fetchone()
        )
        return self._row_entry(row) if row else None

    def country(self, cc: str) -> Entry | None:
        """The country entry of an ISO alpha-2 code."""
        found = self.countries.get(cc)
        return self.entry(found[1]) if found else None

    def admin(self, code: str) -> Entry | None:
        """The subdivision entry of a GeoNames admin code (``US.TX``, ``US.LA.079``)."""
        pid = self.admins.get(code)
        return self.entry(pid) if pid else None


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first use)."""
    return Gazetteer()
