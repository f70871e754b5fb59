"""Role nouns as actors: CAMEO's generic agent codes, the story's country, counted people."""

from __future__ import annotations

import pytest

from newsevents.actors.lexicon import load_lexicon
from newsevents.errors import LexiconError

from .conftest import by_mention

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        # no country anywhere: the bare agent code
        ("Gunmen stormed a hotel near the port.", "Gunmen", "UAF"),
        ("Rebels shelled a village at dawn.", "Rebels", "REB"),
        ("Police arrested three students after the match.", "Police", "COP"),
        ("Police arrested three students after the match.", "three students", "EDU"),
        ("A suicide bomber struck a crowded market.", "A suicide bomber", "UAF"),
        ("Kidnappers freed the engineer on Sunday.", "Kidnappers", "UAF"),
        ("Smugglers abandoned the boat off the coast.", "Smugglers", "CRM"),
        ("Rebel forces entered the town at night.", "Rebel forces", "REB"),
        # a country word codes the role noun itself
        ("Nigerian gunmen kidnapped a pastor.", "Nigerian gunmen", "NGAUAF"),
        ("Kenyan riot police fired tear gas.", "Kenyan riot police", "KENCOP"),
        # the dateline gives the story's country
        ("KABUL, Afghanistan (AP) — Gunmen attacked a checkpoint.", "Gunmen", "AFGUAF"),
        ("LIMA (Reuters) - The army sent troops to the border.", "The army", "PERMIL"),
        # the country the story names most, when it is named outside the role's sentence
        (
            "Floods hit Bolivia on Monday. Bolivia asked for help. The government sent soldiers.",
            "The government",
            "BOLGOV",
        ),
    ],
)
def test_role_actor_codes(actors_of, text: str, mention: str, code: str) -> None:
    actors, _, _ = actors_of(text)
    actor = by_mention(actors, mention)
    assert actor is not None, [(a.name, [m.text for m in a.mentions]) for a in actors]
    assert actor.code == code


def test_role_actor_dateline_yields_to_a_country_named_as_often(actors_of) -> None:
    # A Washington dateline over a story about Iraq: no country is sure, the bare code.
    text = "WASHINGTON (AP) — A report on Iraq was read to Iraqi officials. The rebels left."
    actors, _, _ = actors_of(text)
    rebels = by_mention(actors, "The rebels")
    assert rebels is not None and rebels.code == "REB"


def test_role_actor_country_from_its_own_sentence_is_not_borrowed(actors_of) -> None:
    # "The government" thanking Japan is not Japan's government.
    actors, _, _ = actors_of("The government thanked Japan for its aid.")
    gov = by_mention(actors, "The government")
    assert gov is not None and gov.code == "GOV" and gov.country is None


def test_role_actor_no_story_country_when_two_countries_tie(actors_of) -> None:
    text = "Chile and Peru held talks. Chile and Peru signed a deal. The police made arrests."
    actors, _, _ = actors_of(text)
    police = by_mention(actors, "The police")
    assert police is not None and police.code == "COP"


def test_role_actor_media_and_refugees_do_not_take_the_story_country(actors_of) -> None:
    text = "Syria's president spoke in Damascus. Syria will vote. Reporters met refugees."
    actors, _, _ = actors_of(text)
    reporters = by_mention(actors, "Reporters")
    refugees = by_mention(actors, "refugees")
    assert reporters is not None and reporters.code == "MED"
    assert refugees is not None and refugees.code == "REF"


def test_role_actor_someone_elses_office_stays_uncoded(actors_of) -> None:
    actors, _, _ = actors_of("Peru named a new minister. Peru's envoy met his counterpart.")
    counterpart = by_mention(actors, "his counterpart")
    assert counterpart is None or counterpart.code is None


def test_role_actor_owned_role_noun_is_not_the_state(actors_of) -> None:
    text = "The head of Acme Corp resigned. Acme works in Peru and Peru is its market."
    actors, _, _ = actors_of(text)
    head = by_mention(actors, "The head")
    assert head is None or head.code is None


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("Five people were hurt in the blast.", "Five people", "CVL"),
        ("The storm left dozens of villagers homeless.", "villagers", "CVL"),
        ("Soldiers shot a man at the checkpoint.", "a man", "CVL"),
    ],
)
def test_role_actor_counted_people(actors_of, text: str, mention: str, code: str) -> None:
    actors, _, _ = actors_of(text)
    actor = by_mention(actors, mention)
    assert actor is not None and actor.code == code


@pytest.mark.parametrize(
    "text",
    [
        "People like music.",
        "Men and women voted early.",
        "Every person counts.",
        "It costs ten dollars per person.",
    ],
)
def test_role_actor_people_in_general_are_not_actors(actors_of, text: str) -> None:
    actors, _, _ = actors_of(text)
    assert actors == []


def test_role_actor_generic_ids(actors_nlp, finder) -> None:
    doc = actors_nlp("Gunmen attacked Turkish soldiers near the border.")
    found = finder.find(doc)
    by_text = {m.text: a for a in found.actors for m in a.mentions}
    assert by_text["Gunmen"].id in found.generic
    assert by_text["Turkish soldiers"].id not in found.generic
    assert by_text["Turkish soldiers"].code == "TURMIL"


def test_role_actor_component_writes_generic_ids(actors_nlp) -> None:
    doc = actors_nlp("Police detained two Syrian activists.")
    ids = {m.text: a.id for a in doc._.ne_actors for m in a.mentions}
    assert doc._.ne_generic_actors == [ids["Police"]]


@pytest.mark.parametrize(
    "row", ["GOV\tsector\tmaybe\tgovernment", "IGO\tprefix\tyes\tintergovernmental"]
)
def test_sectors_local_flag_is_validated(row: str) -> None:
    from newsevents.actors.lexicon import ActorLexicon, _load_sectors

    with pytest.raises(LexiconError):
        _load_sectors(ActorLexicon(), "sectors.tsv", f"code\tuse\tlocal\tmeaning\n{row}\n")


def test_sectors_local_flags_loaded() -> None:
    lex = load_lexicon()
    assert {"GOV", "COP", "UAF", "CVL"} <= lex.local_sectors
    assert not {"MED", "REF", "NGO"} & lex.local_sectors
    assert lex.valid_code("UAF") and lex.valid_code("AFGUAF")
