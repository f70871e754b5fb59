"""CAMEO event codes, Goldstein scores, quad classes and the CAMEO→PLOVER crosswalk.

Loaded once from the package's data files (``data/cameo_codes.tsv``,
``data/cameo_plover.tsv``) and validated: a malformed line raises
:class:`LexiconError` naming the file, line and value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import LexiconError
from .schema import Plover

_CODE = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code with its root, quad class and Goldstein score."""

    code: str
    root: str
    quad_class: int
    goldstein: float
    name: str


@dataclass(frozen=True, slots=True)
class CodeTables:
    """The CAMEO table and PLOVER crosswalk; pass it around, never a module global."""

    cameo: dict[str, CameoCode]
    plover: dict[str, Plover] = field(default_factory=dict)

    def get(self, code: str) -> CameoCode:
        """The entry for ``code``; raises KeyError for an unknown code."""
        return self.cameo[code]

    def is_valid(self, code: str) -> bool:
        return code in self.cameo

    def plover_for(self, code: str) -> Plover | None:
        """PLOVER coding of a CAMEO code: its own row, else its nearest coded parent."""
        for n in range(len(code), 1, -1):
            found = self.plover.get(code[:n])
            if found is not None:
                return found
        return None


def read_tsv(path: Path | str, text: str, columns: list[str]) -> list[tuple[int, dict[str, str]]]:
    """Rows of a team TSV file: ``#`` comments, one header naming ``columns``, then rows.

    Returns ``(line_number, row)`` pairs. Raises LexiconError on a wrong header or row width.
    """
    rows: list[tuple[int, dict[str, str]]] = []
    header: list[str] | None = None
    for lineno, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if header is None:
            header = cells
            if header[: len(columns)] != columns:
                raise LexiconError(
                    f"header {raw!r} does not start with {columns}", path=str(path), line=lineno
                )
            continue
        if len(cells) != len(header):
            raise LexiconError(
                f"expected {len(header)} tab-separated fields, got {len(cells)}: {raw!r}",
                path=str(path),
                line=lineno,
            )
        rows.append((lineno, dict(zip(header, cells, strict=True))))
    return rows


def load_code_tables(
    cameo_path: Path | str | None = None, plover_path: Path | str | None = None
) -> CodeTables:
    """Read and validate the code tables (the packaged ones unless paths are given)."""
    cameo: dict[str, CameoCode] = {}
    path, text = _read("cameo_codes.tsv", cameo_path)
    for lineno, row in read_tsv(path, text, ["code", "root", "quad_class", "goldstein", "name"]):
        code = row["code"]
        if not _CODE.match(code) or not code.startswith(row["root"]):
            raise LexiconError(f"bad CAMEO code {code!r}", path=str(path), line=lineno)
        try:
            quad = int(row["quad_class"])
            goldstein = float(row["goldstein"])
        except ValueError:
            raise LexiconError(f"bad number in {row!r}", path=str(path), line=lineno) from None
        if quad not in (1, 2, 3, 4) or not -10.0 <= goldstein <= 10.0:
            raise LexiconError(
                f"quad class or Goldstein out of range in {row!r}", path=str(path), line=lineno
            )
        cameo[code] = CameoCode(code, row["root"], quad, goldstein, row["name"])
    plover: dict[str, Plover] = {}
    path, text = _read("cameo_plover.tsv", plover_path)
    for lineno, row in read_tsv(path, text, ["code", "type", "mode", "context"]):
        code = row["code"]
        if code not in cameo:
            raise LexiconError(f"unknown CAMEO code {code!r}", path=str(path), line=lineno)
        contexts = [c for c in row["context"].split(";") if c]
        plover[code] = Plover(type=row["type"], mode=row["mode"] or None, context=contexts)
    return CodeTables(cameo=cameo, plover=plover)


@lru_cache(maxsize=1)
def default_code_tables() -> CodeTables:
    """The packaged tables, loaded once per process."""
    return load_code_tables()


def _read(name: str, override: Path | str | None) -> tuple[Path | str, str]:
    if override is not None:
        return override, Path(override).read_text(encoding="utf-8")
    ref = resources.files("newsevents") / "data" / name
    return f"newsevents/data/{name}", ref.read_text(encoding="utf-8")
