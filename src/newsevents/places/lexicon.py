"""The team-written place data: demonyms, aliases and feature priors (``data/places/``)."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..codes import read_tsv
from ..errors import LexiconError
from ._names import name_key

_TARGET = re.compile(r"^(?:[A-Z]{2}|[A-Z]{2}\.[A-Z0-9]{1,3}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)$")
_WHERE = ("any", "after_comma")


@dataclass(frozen=True, slots=True)
class PlaceLexicon:
    """Name → target tables; a target is an ISO alpha-2 code, an admin1 code or a name.

    Keys are :func:`name_key` forms. ``comma_aliases`` hold names valid only as the
    ``Y`` of ``X, Y`` (AP state abbreviations).
    """

    demonyms: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    comma_aliases: dict[str, str] = field(default_factory=dict)
    feature_priors: dict[str, float] = field(default_factory=dict)
    org_words: frozenset[str] = frozenset()
    civic_words: frozenset[str] = frozenset()
    not_places: frozenset[str] = frozenset()
    max_demonym_words: int = 1


def _read(name: str, override: Path | None) -> tuple[str, str]:
    if override is not None:
        return str(override), override.read_text(encoding="utf-8")
    ref = resources.files("newsevents") / "data" / "places" / name
    return f"newsevents/data/places/{name}", ref.read_text(encoding="utf-8")


def _target(path: str, line: int, value: str) -> str:
    if not _TARGET.match(value):
        raise LexiconError(f"bad place target {value!r}", path=path, line=line)
    return value


def load_place_lexicon(
    demonyms_path: Path | None = None,
    aliases_path: Path | None = None,
    priors_path: Path | None = None,
    *,
    extra: Sequence[Path] = (),
) -> PlaceLexicon:
    """Read and validate the place tables (the packaged ones unless paths are given).

    ``extra`` files use the aliases layout (``alias``, ``target``, ``where``) and add to it.

    Raises:
        LexiconError: a malformed line; the message names the file, line and value.
    """
    lex = PlaceLexicon()
    path, text = _read("demonyms.tsv", demonyms_path)
    for line, row in read_tsv(path, text, ["demonym", "target"]):
        key = name_key(row["demonym"])
        if not key:
            raise LexiconError(f"empty demonym {row['demonym']!r}", path=path, line=line)
        lex.demonyms[key] = _target(path, line, row["target"])
    words = max((k.count(" ") + 1 for k in lex.demonyms), default=1)
    path, text = _read("org_words.tsv", None)
    org_words = frozenset(row["word"].casefold() for _, row in read_tsv(path, text, ["word"]))
    path, text = _read("civic_words.tsv", None)
    civic_words = frozenset(row["word"].casefold() for _, row in read_tsv(path, text, ["word"]))
    path, text = _read("not_places.tsv", None)
    not_places = frozenset(name_key(row["word"]) for _, row in read_tsv(path, text, ["word"]))
    lex = PlaceLexicon(
        lex.demonyms,
        org_words=org_words,
        civic_words=civic_words,
        not_places=not_places,
        max_demonym_words=words,
    )

    sources = [_read("aliases.tsv", aliases_path), *((str(p), p.read_text("utf-8")) for p in extra)]
    for path, text in sources:
        for line, row in read_tsv(path, text, ["alias", "target", "where"]):
            if row["where"] not in _WHERE:
                raise LexiconError(
                    f"'where' must be one of {_WHERE}, got {row['where']!r}", path=path, line=line
                )
            table = lex.aliases if row["where"] == "any" else lex.comma_aliases
            table[name_key(row["alias"])] = _target(path, line, row["target"])

    path, text = _read("feature_priors.tsv", priors_path)
    for line, row in read_tsv(path, text, ["feature", "prior"]):
        try:
            lex.feature_priors[row["feature"]] = float(row["prior"])
        except ValueError:
            raise LexiconError(
                f"prior {row['prior']!r} is not a number", path=path, line=line
            ) from None
    return lex


@functools.lru_cache(maxsize=1)
def default_place_lexicon() -> PlaceLexicon:
    """The packaged place tables, read once per process."""
    return load_place_lexicon()
