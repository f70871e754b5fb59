"""The spaCy component: writes the Doc extensions; takes user lexicons from its config."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from newsevents.actors import component  # noqa: F401 - registers the factory
from newsevents.pipeline import DEFAULT_MODEL

pytestmark = pytest.mark.model


def test_component_writes_doc_extensions(actors_nlp) -> None:
    doc = actors_nlp("The Kremlin said Moscow would reply.")
    assert [a.code for a in doc._.ne_actors] == ["RUSGOV", "RUS"]
    assert set(doc._.ne_token_actor.values()) == {"A1", "A2"}


def test_component_extra_lexicons_config(tmp_path: Path) -> None:
    extra = tmp_path / "my_organizations.tsv"
    extra.write_text("name\taliases\tcode\tkind\nArctic Council\t\tIGOARC\torganization\n")
    nlp = spacy.load(DEFAULT_MODEL, exclude=["lemmatizer"])
    nlp.add_pipe("newsevents_actors", config={"extra_lexicons": [str(extra)]})
    doc = nlp("The Arctic Council met in Tromso.")
    assert [(a.name, a.code) for a in doc._.ne_actors] == [("Arctic Council", "IGOARC")]
