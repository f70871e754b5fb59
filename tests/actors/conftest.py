"""Fixtures for the actors tests: one ActorFinder over the session's spaCy model."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.actors import ActorFinder
from newsevents.schema import Actor


@pytest.fixture(scope="session")
def actors_nlp():
    """The spaCy model with only the actors stage (later stages cannot break these tests)."""
    from newsevents.pipeline import build_nlp

    return build_nlp(stages=("newsevents_actors",))


@pytest.fixture(scope="session")
def actors_pipeline(actors_nlp):
    from newsevents import Pipeline

    return Pipeline(nlp=actors_nlp)


@pytest.fixture(scope="session")
def finder(actors_nlp) -> ActorFinder:
    return actors_nlp.get_pipe("newsevents_actors").finder


@pytest.fixture(scope="session")
def actors_of(actors_nlp, finder):
    """``actors_of(text, published=date)`` -> (actors, token map, doc)."""

    def run(text: str, published: dt.date | None = dt.date(2023, 3, 16)):
        doc = actors_nlp.make_doc(text)
        for name, proc in actors_nlp.pipeline:
            if name.startswith("newsevents_"):
                break
            doc = proc(doc)
        actors, token_actor = finder(doc, published=published)
        return actors, token_actor, doc

    return run


def by_mention(actors: list[Actor], text: str) -> Actor | None:
    """The actor one of whose mentions reads exactly ``text``."""
    for a in actors:
        if any(m.text == text for m in a.mentions):
            return a
    return None
