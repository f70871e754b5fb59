"""The event pattern lexicon: predicate patterns → CAMEO codes, plus modality tables.

Data files (``newsevents/data/events/``), all written by the team and validated on load:

- ``synsets.tsv`` — ``name, members``: named sets of lemmas (``$KILL = kill|slay|…``).
- ``patterns.tsv`` — ``code, pattern``: one predicate pattern per row (code ``-`` is a stop
  pattern: a more specific reading that is no event, "met the deadline"). A pattern is
  space-separated parts::

      [N:]lemma|lemma|$SET   the predicate: a verb lemma (``carry_out`` = verb + particle),
                             or with ``N:`` an event noun
      +a|b                   verb: its object (passive: its subject) has one of these lemmas;
                             noun: it has an adjective/compound modifier with one of them
      @p|q                   the target may be introduced by preposition p or q
      @p:a|b                 a condition: a preposition p whose object is one of a|b
      @p:*                   a required preposition p whose object is the target
      <>                     reciprocal: "X and Y met" gives X→Y and Y→X
      ~                      converse: the subject is the target, the object of the target
                             preposition the source ("received weapons from X")
      !target                no event unless a target actor is found ("released" what?)
      !intrans               only when the verb has no direct object ("demonstrated")

- ``modality.yaml`` — governing-verb classes ("agreed to", "threatened to", "urged … to"),
  modal words, and the code maps that turn an embedded event into an intent, threat,
  refusal, appeal or demand code; statement cue codes for quotes.

A malformed line raises :class:`LexiconError` naming the file, line and value; every
code must exist in the CAMEO table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from ..codes import CodeTables, default_code_tables, read_tsv
from ..errors import LexiconError

STOP = "-"
"""Code of a stop pattern: the predicate is matched but is no event ("met the deadline")."""
_LEMMA = re.compile(r"^[a-z][a-z0-9'\-]*(_[a-z]+)?$")
_SETNAME = re.compile(r"^\$[A-Z][A-Z0-9_]*$")


@dataclass(frozen=True, slots=True)
class Pattern:
    """One predicate pattern; ``specificity`` ranks competing matches."""

    code: str
    noun: bool
    lemmas: frozenset[str]  # "carry_out" = lemma carry + particle out
    objects: frozenset[str] | None = None  # +a|b
    target_preps: frozenset[str] = frozenset()  # @p|q
    conditions: tuple[tuple[str, frozenset[str]], ...] = ()  # @p:a|b
    reciprocal: bool = False
    converse: bool = False  # ~ : the subject receives ("received weapons from X")
    needs_target: bool = False  # !target: no event without a target actor
    intransitive: bool = False  # !intrans: only without a direct object
    line: int = 0

    @property
    def specificity(self) -> int:
        return 1 + (3 if self.objects else 0) + 3 * len(self.conditions)


@dataclass(frozen=True, slots=True)
class Modality:
    """Governing-verb classes, modal words and code maps (from ``modality.yaml``)."""

    governors: dict[str, str]  # lemma -> class (intent, threat, refuse, appeal, demand, deny…)
    hypothetical_aux: frozenset[str]
    future_aux: frozenset[str]
    conditional_marks: frozenset[str]
    ccomp_governors: frozenset[str]  # "demanded that X withdraw": governs a that-clause
    maps: dict[str, dict[str, str]]  # class -> code prefix -> code
    map_defaults: dict[str, str | None]
    statement_cues: dict[str, str]  # cue lemma -> 01x code
    statement_default: str
    accusation_verbs: frozenset[str] = frozenset()
    accusation_roots: frozenset[str] = frozenset()
    accusation_code: str | None = None
    responsibility_code: str | None = None
    paired_codes: dict[str, str] = field(default_factory=dict)
    receiving_verbs: frozenset[str] = frozenset()  # "faces sanctions from X": subject is target
    appeal_if_object: frozenset[str] = frozenset()  # "wants Y to attack": an appeal to Y


@dataclass(frozen=True, slots=True)
class EventLexicon:
    """Patterns indexed by predicate lemma, plus the modality tables."""

    verbs: dict[str, list[tuple[str | None, Pattern]]]  # lemma -> (particle, pattern)
    nouns: dict[str, list[tuple[str | None, Pattern]]]
    modality: Modality
    tables: CodeTables = field(repr=False)

    def codes(self) -> set[str]:
        """Every CAMEO code some pattern produces (for coverage checks)."""
        return {
            p.code
            for group in (self.verbs, self.nouns)
            for ps in group.values()
            for _, p in ps
            if p.code != STOP
        }

    def map_code(self, kind: str, code: str) -> str | None:
        """Map ``code`` through the ``kind`` table by longest prefix, else the kind's default."""
        table = self.modality.maps.get(kind, {})
        for n in range(len(code), 1, -1):
            found = table.get(code[:n])
            if found is not None:
                return found
        return self.modality.map_defaults.get(kind)


def _data(name: str) -> tuple[str, str]:
    ref = resources.files("newsevents") / "data" / "events" / name
    return f"newsevents/data/events/{name}", ref.read_text(encoding="utf-8")


def _split_set(value: str, synsets: dict[str, frozenset[str]], path: str, line: int) -> set[str]:
    out: set[str] = set()
    for item in value.split("|"):
        item = item.strip()
        if item.startswith("$"):
            if item not in synsets:
                raise LexiconError(f"unknown synset {item!r}", path=path, line=line)
            out |= synsets[item]
        elif _LEMMA.match(item):
            out.add(item)
        else:
            raise LexiconError(f"bad lemma {item!r}", path=path, line=line)
    return out


def read_synsets(path: str, text: str) -> dict[str, frozenset[str]]:
    """Parse a synsets TSV (``name, members``); members may use earlier sets."""
    synsets: dict[str, frozenset[str]] = {}
    for line, row in read_tsv(path, text, ["name", "members"]):
        name = row["name"].strip()
        if not _SETNAME.match(name):
            raise LexiconError(f"bad synset name {name!r}", path=path, line=line)
        if name in synsets:
            raise LexiconError(f"duplicate synset {name!r}", path=path, line=line)
        synsets[name] = frozenset(_split_set(row["members"], synsets, path, line))
    return synsets


def parse_pattern(
    code: str, text: str, synsets: dict[str, frozenset[str]], *, path: str, line: int
) -> Pattern:
    """Parse one pattern string (grammar in the module docstring)."""
    parts = text.split()
    if not parts:
        raise LexiconError("empty pattern", path=path, line=line)
    head = parts[0]
    noun = head.startswith("N:")
    if noun:
        head = head[2:]
    lemmas = _split_set(head, synsets, path, line)
    objects: set[str] | None = None
    preps: set[str] = set()
    conditions: list[tuple[str, frozenset[str]]] = []
    reciprocal = False
    converse = False
    needs_target = intransitive = False
    for part in parts[1:]:
        if part == "<>":
            reciprocal = True
        elif part == "~":
            converse = True
        elif part == "!target":
            needs_target = True
        elif part == "!intrans":
            intransitive = True
        elif part.startswith("+"):
            objects = (objects or set()) | _split_set(part[1:], synsets, path, line)
        elif part.startswith("@") and ":" in part:
            prep, _, objs = part[1:].partition(":")
            if not _LEMMA.match(prep):
                raise LexiconError(f"bad preposition in {part!r}", path=path, line=line)
            if objs == "*":  # any object: a required preposition that also marks the target
                conditions.append((prep, frozenset({"*"})))
                preps.add(prep)
            else:
                conditions.append((prep, frozenset(_split_set(objs, synsets, path, line))))
        elif part.startswith("@"):
            preps |= _split_set(part[1:], {}, path, line)
        else:
            raise LexiconError(f"bad pattern part {part!r} in {text!r}", path=path, line=line)
    return Pattern(
        code=code,
        noun=noun,
        lemmas=frozenset(lemmas),
        objects=frozenset(objects) if objects is not None else None,
        target_preps=frozenset(preps),
        conditions=tuple(conditions),
        reciprocal=reciprocal,
        converse=converse,
        needs_target=needs_target,
        intransitive=intransitive,
        line=line,
    )


def read_patterns(
    path: str, text: str, synsets: dict[str, frozenset[str]], tables: CodeTables
) -> list[Pattern]:
    """Parse a patterns TSV (``code, pattern``), checking each code against CAMEO."""
    out = []
    for line, row in read_tsv(path, text, ["code", "pattern"]):
        code = row["code"].strip()
        if code != STOP and not tables.is_valid(code):
            raise LexiconError(f"unknown CAMEO code {code!r}", path=path, line=line)
        out.append(parse_pattern(code, row["pattern"], synsets, path=path, line=line))
    return out


def read_modality(path: str, text: str, tables: CodeTables) -> Modality:
    """Parse and validate ``modality.yaml``."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise LexiconError(f"invalid YAML: {exc}", path=path, line=line) from None
    if not isinstance(data, dict):
        raise LexiconError("expected a mapping at the top level", path=path)

    def need(key: str, kind: type) -> object:
        value = data.get(key)
        if not isinstance(value, kind):
            raise LexiconError(f"{key!r} must be a {kind.__name__}", path=path)
        return value

    def check(code: object, where: str) -> str:
        if not isinstance(code, str) or not tables.is_valid(code):
            raise LexiconError(f"unknown CAMEO code {code!r} in {where}", path=path)
        return code

    governors: dict[str, str] = {}
    for kind, lemmas in need("governors", dict).items():  # type: ignore[union-attr]
        for lemma in lemmas:
            if not isinstance(lemma, str) or not _LEMMA.match(lemma):
                raise LexiconError(f"bad governor lemma {lemma!r} in {kind}", path=path)
            governors[lemma] = str(kind)
    maps: dict[str, dict[str, str]] = {}
    defaults: dict[str, str | None] = {}
    for kind, table in need("maps", dict).items():  # type: ignore[union-attr]
        if not isinstance(table, dict):
            raise LexiconError(f"map {kind!r} must be a mapping", path=path)
        entries = {str(k): check(str(v), f"maps.{kind}") for k, v in table.items() if k != "*"}
        for prefix in entries:
            if not re.fullmatch(r"\d{2,4}", prefix):
                raise LexiconError(f"bad code prefix {prefix!r} in maps.{kind}", path=path)
        maps[str(kind)] = entries
        star = table.get("*")
        defaults[str(kind)] = check(str(star), f"maps.{kind}") if star is not None else None
    cues = {
        str(k): check(str(v), "statement_cues")
        for k, v in need("statement_cues", dict).items()  # type: ignore[union-attr]
    }
    return Modality(
        governors=governors,
        hypothetical_aux=frozenset(need("hypothetical_aux", list)),  # type: ignore[arg-type]
        future_aux=frozenset(need("future_aux", list)),  # type: ignore[arg-type]
        conditional_marks=frozenset(need("conditional_marks", list)),  # type: ignore[arg-type]
        ccomp_governors=frozenset(need("ccomp_governors", list)),  # type: ignore[arg-type]
        maps=maps,
        map_defaults=defaults,
        statement_cues=cues,
        statement_default=check(str(data.get("statement_default", "010")), "statement_default"),
        accusation_verbs=frozenset(data.get("accusation_verbs") or []),
        accusation_roots=frozenset(str(r) for r in data.get("accusation_roots") or []),
        accusation_code=check(str(data.get("accusation_code", "112")), "accusation_code"),
        responsibility_code=check(
            str(data.get("responsibility_code", "015")), "responsibility_code"
        ),
        receiving_verbs=frozenset(data.get("receiving_verbs") or []),
        appeal_if_object=frozenset(data.get("appeal_if_object") or []),
        paired_codes={
            check(str(k), "paired_codes"): check(str(v), "paired_codes")
            for k, v in (data.get("paired_codes") or {}).items()
        },
    )


def build_lexicon(
    *,
    tables: CodeTables | None = None,
    extra_patterns: Iterable[Path | str] = (),
) -> EventLexicon:
    """Load the packaged lexicon (plus user pattern files, same TSV format) and validate it."""
    tables = tables or default_code_tables()
    spath, stext = _data("synsets.tsv")
    synsets = read_synsets(spath, stext)
    ppath, ptext = _data("patterns.tsv")
    patterns = read_patterns(ppath, ptext, synsets, tables)
    for extra in extra_patterns:
        patterns += read_patterns(
            str(extra), Path(extra).read_text(encoding="utf-8"), synsets, tables
        )
    mpath, mtext = _data("modality.yaml")
    modality = read_modality(mpath, mtext, tables)
    verbs: dict[str, list[tuple[str | None, Pattern]]] = {}
    nouns: dict[str, list[tuple[str | None, Pattern]]] = {}
    for pat in patterns:
        index = nouns if pat.noun else verbs
        for key in sorted(pat.lemmas):
            lemma, _, particle = key.partition("_")
            index.setdefault(lemma, []).append((particle or None, pat))
    for index in (verbs, nouns):
        for lemma in index:
            # Most specific first (a particle counts); file order breaks ties (stable sort).
            index[lemma].sort(key=lambda e: -(e[1].specificity + (1 if e[0] else 0)))
    return EventLexicon(verbs=verbs, nouns=nouns, modality=modality, tables=tables)


@lru_cache(maxsize=4)
def default_lexicon(extra_patterns: tuple[str, ...] = ()) -> EventLexicon:
    """The packaged lexicon (plus optional user files), loaded once per process."""
    return build_lexicon(extra_patterns=extra_patterns)
