"""Coreference inside an article: names, variants, role nouns, pronouns."""

from __future__ import annotations

import pytest

from .conftest import by_mention

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "first", "later"),
    [
        ("Bashar al Assad met envoys. Assad then left.", "Bashar al Assad", "Assad"),
        ("Bashar al-Assad spoke first. Later al Assad spoke again.", "Bashar al-Assad", "al Assad"),
        (
            "Volodymyr Zelensky spoke. Zelenskyy thanked the donors.",
            "Volodymyr Zelensky",
            "Zelenskyy",
        ),
        (
            "Assad discussed trade with his Russian counterpart Vladimir Putin.",
            "Vladimir Putin",
            "his Russian counterpart",
        ),
        (
            "The Russian Armed Forces moved in. The Armed Forces stayed.",
            "The Russian Armed Forces",
            "The Armed Forces",
        ),
        (
            "Syrian rebels shelled the town. The rebels then withdrew.",
            "Syrian rebels",
            "The rebels",
        ),
        (
            "Vladimir Putin met the envoy. The Russian leader smiled.",
            "Vladimir Putin",
            "The Russian leader",
        ),
    ],
)
def test_coref_same_actor(actors_of, text: str, first: str, later: str) -> None:
    actors, _, _ = actors_of(text)
    a = by_mention(actors, first)
    assert a is not None and by_mention(actors, later) is a


@pytest.mark.parametrize(
    ("text", "one", "other"),
    [
        ("Anna Novak arrived. Boris Novak left.", "Anna Novak", "Boris Novak"),
        ("Syria accused Turkey of lying.", "Syria", "Turkey"),
        ("A Kenyan official said a Kenyan official lied.", "Kenyan official", None),
    ],
)
def test_coref_different_actors(actors_of, text: str, one: str, other: str | None) -> None:
    actors, _, _ = actors_of(text)
    if other is None:
        assert sum(1 for a in actors if a.code == "KENGOV") == 2
        return
    assert by_mention(actors, one) is not by_mention(actors, other)


@pytest.mark.parametrize(
    ("text", "pronoun_at", "antecedent"),
    [
        ("Dmitry Peskov spoke to reporters. He added that talks went well.", "He", "Dmitry Peskov"),
        ("Putin thanked Assad and welcomed him warmly.", "him", "Assad"),
        ("Assad thanked Russia for its support.", "its", "Russia"),
        ("Spokeswoman Maria Ivanova said she would travel.", "she", "Maria Ivanova"),
    ],
)
def test_coref_pronouns(actors_of, text: str, pronoun_at: str, antecedent: str) -> None:
    actors, token_actor, doc = actors_of(text)
    target = by_mention(actors, antecedent)
    assert target is not None
    idx = next(t.i for t in doc if t.text == pronoun_at)
    assert token_actor.get(idx) == target.id


def test_coref_both_sides_gives_one_actor_per_side(actors_of) -> None:
    actors, _, _ = actors_of("Syria and Russia met. Foreign ministers of both sides also met.")
    codes = sorted(a.code for a in actors if a.kind == "group")
    assert codes == ["RUSGOV", "SYRGOV"]


def test_coref_many_people_stay_apart(actors_of) -> None:
    firsts = ["Anna", "Boris", "Carla", "David", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas"]
    lasts = ["Abara", "Belkin", "Castell", "Dumont", "Eklund", "Ferraz", "Gundersen", "Halloran"]
    names = [f"{f} {last}" for last in lasts for f in firsts]
    text = " ".join(f"{n} met the mayor. {n.split()[1]} said he agreed." for n in names)
    actors, _, _ = actors_of(text)
    for a in actors:
        full = {m.text for m in a.mentions if m.text in names}
        assert len(full) <= 1, full  # two different people never become one actor
    found = {a.name for a in actors if a.name in names}
    assert len(found) >= 0.8 * len(names)  # the rest is up to the model's NER


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("The Syrian government said its forces repelled the attack.", "its forces", "SYRMIL"),
        ("Putin said his spokesman would explain.", "his spokesman", "RUSGOV"),
        ("Putin met his counterpart on Monday.", "his counterpart", None),
    ],
)
def test_coref_possessed_agent_takes_owner_country(
    actors_of, text: str, mention: str, code: str | None
) -> None:
    actors, _, _ = actors_of(text)
    actor = by_mention(actors, mention)
    assert actor is not None and actor.code == code


def test_coref_leader_before_the_name_is_the_named_head(actors_of) -> None:
    actors, _, _ = actors_of("The British leader arrived. Prime Minister Rishi Sunak spoke.")
    leader = by_mention(actors, "The British leader")
    assert leader is not None and leader is by_mention(actors, "Rishi Sunak")


@pytest.mark.parametrize(
    ("text", "published", "full", "surname", "code"),
    [
        # the surname alone is the person named before, not the list's latest holder of it
        (
            "Tony Blair spoke in London. Blair said he would stay.",
            None,
            "Tony Blair",
            "Blair",
            "GBRGOV",
        ),
        (
            "Michael Howard denied a split. Howard said the party was united.",
            None,
            "Michael Howard",
            "Howard",
            None,
        ),
        ("Bashar al-Assad spoke. Assad said no.", None, "Bashar al-Assad", "Assad", "SYRGOV"),
    ],
)
def test_coref_surname_follows_earlier_full_name(
    actors_of, text: str, published, full: str, surname: str, code: str | None
) -> None:
    actors, _, _ = actors_of(text, published)
    a = by_mention(actors, full)
    assert a is not None and by_mention(actors, surname) is a
    assert a.code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Britain wants the G8 to act. Blair said so.", "GBRGOV"),
        ("Blair spoke in Ottawa about Canada's army.", "CANGOV"),
    ],
)
def test_coref_bare_surname_prefers_a_country_the_article_names(
    actors_of, text: str, code: str
) -> None:
    actors, _, _ = actors_of(text, None)
    assert by_mention(actors, "Blair").code == code
