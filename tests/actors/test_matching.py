"""The phrase trie on a Doc without any model (tokenizer only): case rules and spans."""

from __future__ import annotations

import pytest
import spacy

from newsevents.actors import ActorFinder, find_actors
from newsevents.actors.matching import caps_tokens, sentence_spans


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    return nlp, ActorFinder(nlp.vocab, tokenizer=nlp.tokenizer)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The Kremlin denied it.", [("The Kremlin", "RUSGOV")]),
        ("al-Qaeda and al Qaeda", [("al-Qaeda", "IMGMUSALQ"), ("al Qaeda", "IMGMUSALQ")]),
        ("turkey and china", []),  # lower-case common nouns are not countries
        ("The UN met.", [("The UN", "IGOUNO")]),
        ("the un met", []),  # acronyms only as written
        ("Talks in Élysée Palace", [("Élysée Palace", "FRAGOV")]),
    ],
)
def test_matching_lexicon_phrases(blank, text: str, found: list[tuple[str, str]]) -> None:
    nlp, finder = blank
    actors, _ = finder(nlp(text))
    got = [(m.text, a.code) for a in actors for m in a.mentions]
    assert got == found


def test_matching_caps_lines(blank) -> None:
    nlp, _ = blank
    doc = nlp("SYRIAN REBELS SEIZE TOWN")
    assert caps_tokens(doc, sentence_spans(doc)) == set(range(len(doc)))
    assert caps_tokens(nlp("Syrian rebels seize the town")) == set()


def test_matching_find_actors_without_a_parser(blank) -> None:
    nlp, _ = blank
    actors, token_actor = find_actors(nlp("Moscow said. He denied it."))
    assert [a.code for a in actors] == ["RUS"] and token_actor == {0: "A1"}
