"""End-to-end behaviour of find_actors on short wire-style sentences written for the tests."""

from __future__ import annotations

import datetime as dt

import pytest

from .conftest import by_mention

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        # countries: names, capitals as metonyms, seats of power, demonyms
        ("Moscow said on Tuesday it would respond.", "Moscow", "RUS"),
        ("The Kremlin denied the report on Friday.", "The Kremlin", "RUSGOV"),
        ("Officials in Damascus rejected the plan.", "Officials", "SYRGOV"),
        ("Egypt and Jordan signed the accord.", "Jordan", "JOR"),
        ("The talks on Russian-Syrian trade ended.", "Russian", "RUS"),
        ("The talks on Russian-Syrian trade ended.", "Syrian", "SYR"),
        # sectors from agent words
        ("The Syrian Presidency issued a statement.", "The Syrian Presidency", "SYRGOV"),
        ("The Russian Armed Forces began a drill.", "The Russian Armed Forces", "RUSMIL"),
        ("Ukrainian troops shelled the village.", "Ukrainian troops", "UKRMIL"),
        ("Israeli police detained a man.", "Israeli police", "ISRCOP"),
        ("Kenyan protesters marched to the capital.", "Kenyan protesters", "KENOPP"),
        ("Syrian rebels seized the town.", "Syrian rebels", "SYRREB"),
        ("Turkish lawmakers approved the bill.", "Turkish lawmakers", "TURLEG"),
        ("Iranian state media reported the launch.", "Iranian state media", "IRNMED"),
        ("A court in Peru jailed the mayor.", "A court", "PERJUD"),
        ("Russia's UN ambassador walked out.", "Russia's UN ambassador", "RUSGOV"),
        ("UN troops withdrew from the buffer zone.", "UN troops", "IGOUNOMIL"),
        ("The pro-Russian separatists fired first.", "The pro-Russian separatists", "REB"),
        # organisations and groups
        ("The UN urged calm.", "The UN", "IGOUNO"),
        ("NATO and the EU met in Brussels.", "NATO", "IGOWSTNAT"),
        ("NATO and the EU met in Brussels.", "the EU", "IGOEUREEC"),
        ("The African Union sent observers.", "The African Union", "IGOAFRAFU"),
        ("The Arab League condemned the strike.", "The Arab League", "IGOMEAARL"),
        ("Hamas fired rockets at the city.", "Hamas", "PSEREBHMS"),
        ("Hezbollah denied any role.", "Hezbollah", "LBNREBHEZ"),
        ("Islamic State militants attacked a base.", "Islamic State militants", "IMGMUSISI"),
        ("Boko Haram kidnapped the students.", "Boko Haram", "NGAREBBKH"),
        ("Amnesty International called for an inquiry.", "Amnesty International", "NGOHRIAMN"),
        # media
        ("The report was carried by TASS.", "TASS", "RUSMED"),
        ("Reuters could not verify the claim.", "Reuters", "GBRMED"),
        ("He told the New York Post about the plan.", "the New York Post", "USAMED"),
        ("The Moscow Times reported the raid.", "The Moscow Times", "RUSMED"),
        # people by title, apposition and office-holder list
        (
            "Russian Presidential spokesman Dmitry Peskov spoke to reporters.",
            "Dmitry Peskov",
            "RUSGOV",
        ),
        ("Vladimir Putin arrived in the morning.", "Vladimir Putin", "RUSGOV"),
        ("President obama signed the order.", "obama", "USAELI"),
        ("A former Iraqi defence minister spoke.", "A former Iraqi defence minister", "IRQELI"),
        ("A Pentagon spokesman declined to comment.", "A Pentagon spokesman", "USAMIL"),
        ("A Labour MP asked the question.", "A Labour MP", "GBRLEG"),
        ("Figures for SYR and TUR were released.", "SYR", "SYR"),
        ("The Syrian government said its forces won.", "its forces", "SYRMIL"),
        ("US and British activists staged a protest.", "British activists", "GBROPP"),
        ("US and British activists staged a protest.", "US", "USAOPP"),
        ("A spokesman for the UN said aid would come.", "A spokesman", "IGOUNO"),
        ("Officials from the Russian Defence Ministry left.", "Officials", "RUSGOV"),
        ("The ministers of Iran and Iraq met.", "The ministers of Iran", "IRNGOV"),
        ("The ministers of Iran and Iraq met.", "Iraq", "IRQGOV"),
        ("The government of Syria protested.", "The government of Syria", "SYRGOV"),
        ("The Brazilian foreign minister, Ana Costa, left early.", "Ana Costa", "BRAGOV"),
    ],
)
def test_find_actors_codes(actors_of, text: str, mention: str, code: str | None) -> None:
    actors, _, _ = actors_of(text)
    actor = by_mention(actors, mention)
    assert actor is not None, [(a.name, [m.text for m in a.mentions]) for a in actors]
    assert actor.code == code


@pytest.mark.parametrize(
    ("text", "not_an_actor"),
    [
        ("Michael Jordan said he would retire.", "Jordan"),  # part of a personal name
        ("The governor of the state of Georgia signed it.", "Georgia"),  # a US state
        ("We ate turkey and rice.", "turkey"),  # lower-case common noun
        ("The general election was held in May.", "general"),  # adjective, not a title
        ("It is likely that talks resume.", "It"),  # expletive pronoun
        ("WE CAN WIN, ARE YOU READY?", "CAN"),  # ISO codes are words in a headline
        ("Boko Haram wants a strict Islamic state.", "Islamic state"),  # not the group's name
        ("Women in full-time work earn less.", "Women"),  # a generic group on its own
    ],
)
def test_find_actors_negative(actors_of, text: str, not_an_actor: str) -> None:
    actors, _, _ = actors_of(text)
    assert by_mention(actors, not_an_actor) is None


def test_find_actors_every_named_speaker_is_an_actor(actors_of) -> None:
    actors, _, _ = actors_of("John Smith, a farmer, said the harvest was poor.")
    smith = by_mention(actors, "John Smith")
    assert smith is not None and smith.kind == "person" and smith.code is None
    assert by_mention(actors, "a farmer") is smith


def test_find_actors_offsets_ids_and_token_map(actors_of) -> None:
    text = "Syrian President Bashar al-Assad met Putin. Assad later thanked Russia."
    actors, token_actor, doc = actors_of(text)
    assert [a.id for a in actors] == [f"A{n}" for n in range(1, len(actors) + 1)]
    firsts = [min(m.start for m in a.mentions) for a in actors]
    assert firsts == sorted(firsts)
    for a in actors:
        for m in a.mentions:
            assert text[m.start : m.end] == m.text
    assad = by_mention(actors, "Assad")
    assert assad is not None and assad.code == "SYRGOV" and assad.name == "Bashar al-Assad"
    # the title words before the name point at the person too
    assert token_actor[0] == assad.id and token_actor[1] == assad.id


def test_find_actors_office_holder_by_date(actors_of) -> None:
    text = "Obama met the prime minister."
    in_office, _, _ = actors_of(text, published=dt.date(2012, 5, 1))
    later, _, _ = actors_of(text, published=dt.date(2023, 5, 1))
    assert by_mention(in_office, "Obama").code == "USAGOV"
    assert by_mention(later, "Obama").code == "USAELI"


def test_find_actors_all_caps_headline(actors_of) -> None:
    actors, _, _ = actors_of("SYRIAN REBELS SEIZE TOWN AS US WARPLANES STRIKE")
    assert by_mention(actors, "SYRIAN REBELS").code == "SYRREB"
    assert by_mention(actors, "US WARPLANES").code == "USAMIL"


def test_find_actors_diacritics(actors_of) -> None:
    actors, _, _ = actors_of("President Erdoğan met the envoy. Erdogan later left Ankara.")
    erdogan = by_mention(actors, "Erdoğan")
    assert erdogan is not None and erdogan.code == "TURGOV"
    assert by_mention(actors, "Erdogan") is erdogan


def test_find_actors_empty_doc(actors_of) -> None:
    assert actors_of(" ")[:2] == ([], {})


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("The Bank of England cut its main rate.", "The Bank of England", "GBRGOV"),
        ("Analysts said the Bundesbank would wait.", "the Bundesbank", "DEUGOV"),
        ("UKIP accused the government of betrayal.", "UKIP", "GBRPTY"),
        ("A Lib Dem spokesman disagreed.", "A Lib Dem spokesman", "GBRPTY"),
        ("Spain's director general met the envoy.", "Spain's director general", "ESPGOV"),
        ("Britain's shadow chancellor disagreed.", "Britain's shadow chancellor", "GBROPP"),
        ("The Bank of America raised fees.", "The Bank of America", None),  # a company
    ],
)
def test_find_actors_central_banks_parties_and_officials(
    actors_of, text: str, mention: str, code: str | None
) -> None:
    actors, _, _ = actors_of(text)
    found = by_mention(actors, mention)
    if code is None:
        assert found is None or not (found.code or "").endswith("GOV")
    else:
        assert found is not None and found.code == code
