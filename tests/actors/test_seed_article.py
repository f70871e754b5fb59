"""The seed article (../shared/seed, read at test time, never copied): every actor row of
its EXPECTED.md table is coded as the analyst did."""

from __future__ import annotations

import datetime as dt

import pytest

from .conftest import by_mention

pytestmark = [pytest.mark.model, pytest.mark.gold]


@pytest.fixture(scope="module")
def seed(shared_data, actors_of):
    path = shared_data.parent / "seed" / "article.txt"
    if not path.is_file():
        pytest.skip("seed article not present")
    return actors_of(path.read_text(encoding="utf-8"), published=dt.date(2023, 3, 16))


@pytest.mark.parametrize(
    ("mentions", "name", "code"),
    [
        (["Bashar al Assad", "Bashar Assad", "Assad"], "Bashar al-Assad", "SYRGOV"),
        (["Vladimir Putin", "Putin", "his Russian counterpart"], "Vladimir Putin", "RUSGOV"),
        (["Dmitry Peskov"], "Dmitry Peskov", "RUSGOV"),
        (["the Syrian Presidency"], None, "SYRGOV"),
        (["TASS"], None, "RUSMED"),
        (["the Russian Armed Forces", "the Armed Forces"], None, "RUSMIL"),
        (["the Emergencies Ministry"], None, "RUSGOV"),
        (["Syria"], "Syria", "SYR"),
        (["Russia"], "Russia", "RUS"),
        (["Turkey"], "Turkey", "TUR"),
        (["Ukraine"], "Ukraine", "UKR"),
    ],
)
def test_seed_article_actor_rows(seed, mentions: list[str], name: str | None, code: str) -> None:
    actors, _, _ = seed
    actor = by_mention(actors, mentions[0])
    assert actor is not None and actor.code == code
    assert all(by_mention(actors, m) is actor for m in mentions)
    if name is not None:
        assert actor.name == name


def test_seed_article_pronouns(seed) -> None:
    actors, token_actor, doc = seed
    peskov = by_mention(actors, "Dmitry Peskov")
    assad = by_mention(actors, "Assad")
    he_added = next(t.i for t in doc if t.text == "He" and doc[t.i + 1].text == "added")
    he_said = next(t.i for t in doc if t.text == "he" and doc[t.i + 1].text == "said")
    assert token_actor[he_added] == peskov.id
    assert token_actor[he_said] == assad.id


def test_seed_article_both_sides(seed) -> None:
    actors, _, _ = seed
    ministers = {a.code for a in actors if a.mentions[0].text == "foreign ministers"}
    assert ministers == {"SYRGOV", "RUSGOV"}
