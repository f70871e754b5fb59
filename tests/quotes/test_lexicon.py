"""The cue lexicon loads, validates and accepts user files."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.errors import LexiconError
from newsevents.quotes.lexicon import default_cue_lexicon, load_cue_lexicon, parse_cue_lexicon


def test_lexicon_packaged_file_loads() -> None:
    lex = default_cue_lexicon()
    assert {"say", "tell", "warn", "deny"} <= lex.speech
    assert "report" in lex.relay
    assert ("according", "to") in lex.phrases
    assert "reporter" in lex.audience and "statement" in lex.channel
    assert "say" in lex.cue_verbs() and "believe" not in lex.cue_verbs()
    assert "believe" in lex.cue_verbs(include_cognition=True)


@pytest.mark.parametrize(
    ("body", "line", "fragment"),
    [
        ("word\tclass\nsay\tshouting\n", 2, "unknown class"),
        ("word\tclass\nSay\tspeech\n", 2, "bad word"),
        ("word\tclass\nsay it\tspeech\n", 2, "bad word"),
        ("word\tclass\nsay\tspeech\nsay\tspeech\n", 3, "repeated"),
        ("word\tclass\nsay\n", 2, "fields"),
        ("lemma\tclass\nsay\tspeech\n", 1, "header"),
    ],
)
def test_lexicon_rejects_malformed_lines(body: str, line: int, fragment: str) -> None:
    with pytest.raises(LexiconError) as err:
        parse_cue_lexicon([("user.tsv", body)])
    assert err.value.line == line
    assert fragment in str(err.value) and "user.tsv" in str(err.value)


def test_lexicon_rejects_nominal_entry_that_is_no_cue_verb() -> None:
    with pytest.raises(LexiconError, match="nominal"):
        parse_cue_lexicon([("user.tsv", "word\tclass\nsay\tspeech\nsing\tnominal\n")])


def test_lexicon_user_file_extends_packaged(tmp_path: Path) -> None:
    extra = tmp_path / "mine.tsv"
    extra.write_text("# my cues\nword\tclass\nharangue\tspeech\n", encoding="utf-8")
    lex = load_cue_lexicon([extra])
    assert "harangue" in lex.speech and "say" in lex.speech


def test_lexicon_packaged_noun_and_make_classes() -> None:
    lex = default_cue_lexicon()
    assert {"criticism", "attack"} <= lex.topic_nouns
    assert {"voice", "express", "issue"} <= lex.support
    assert {"clear", "case"} <= lex.make
    assert "embrace" not in lex.cue_verbs(include_cognition=True)  # a hug, more often
