"""The pattern lexicon loads, covers CAMEO, and rejects malformed lines by file and line."""

from __future__ import annotations

import pytest

from newsevents.codes import default_code_tables
from newsevents.errors import LexiconError
from newsevents.events.lexicon import (
    default_lexicon,
    parse_pattern,
    read_modality,
    read_patterns,
    read_synsets,
)


def test_lexicon_covers_all_roots_and_most_codes():
    lexicon = default_lexicon()
    codes = lexicon.codes()
    assert {c[:2] for c in codes} == {f"{n:02d}" for n in range(1, 21)}
    assert len(codes) >= 200
    tables = default_code_tables()
    assert all(tables.is_valid(c) for c in codes)


def test_lexicon_maps_use_known_codes():
    lexicon = default_lexicon()
    tables = default_code_tables()
    for table in lexicon.modality.maps.values():
        assert all(tables.is_valid(code) for code in table.values())
    assert lexicon.map_code("threat", "195") == "1384"
    assert lexicon.map_code("intent", "0841") == "0353"
    assert lexicon.map_code("appeal", "999") == "020"


def test_lexicon_parses_pattern_parts():
    synsets = {"$ARMS": frozenset({"weapon", "arm"})}
    pat = parse_pattern("072", "supply|ship +$ARMS @to|for", synsets, path="x", line=1)
    assert pat.lemmas == {"supply", "ship"}
    assert pat.objects == {"weapon", "arm"}
    assert pat.target_preps == {"to", "for"}
    cond = parse_pattern("026", "call @for:talk <>", synsets, path="x", line=2)
    assert cond.conditions == (("for", frozenset({"talk"})),)
    assert cond.reciprocal
    assert cond.specificity > pat.specificity - 3


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("code\tpattern\n999\tattack\n", "unknown CAMEO code '999'"),
        ("code\tpattern\n190\tattack +$NOPE\n", "unknown synset '$NOPE'"),
        ("code\tpattern\n190\tattack ?what\n", "bad pattern part '?what'"),
        ("code\tpattern\n190\tAttack!\n", "bad lemma 'Attack!'"),
        ("code\tpattern\n190\n", "expected 2 tab-separated fields"),
        ("wrong\theader\n190\tattack\n", "does not start with"),
    ],
)
def test_lexicon_rejects_malformed_pattern_line(text, fragment):
    with pytest.raises(LexiconError) as info:
        read_patterns("user.tsv", text, {}, default_code_tables())
    assert fragment in str(info.value)
    assert "user.tsv:" in str(info.value)


def test_lexicon_rejects_bad_synset_name():
    with pytest.raises(LexiconError, match="syn.tsv:2"):
        read_synsets("syn.tsv", "name\tmembers\nKILL\tkill|slay\n")


def test_lexicon_rejects_unknown_code_in_modality():
    text = (
        "governors: {intent: [plan]}\nhypothetical_aux: [could]\nfuture_aux: [will]\n"
        "conditional_marks: [if]\nccomp_governors: []\nmaps: {intent: {'04': '999'}}\n"
        "statement_cues: {}\n"
    )
    with pytest.raises(LexiconError, match="unknown CAMEO code '999'"):
        read_modality("mod.yaml", text, default_code_tables())
