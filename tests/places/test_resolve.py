"""Ranking of gazetteer readings from the article's own evidence (no spaCy needed)."""

from __future__ import annotations

from newsevents.places import default_resolver
from newsevents.places.mentions import Mention


def _mentions(*names: str) -> list[Mention]:
    """Entity mentions of ``names`` laid out one after another in a fake text."""
    out, pos = [], 0
    for name in names:
        out.append(Mention(pos, pos + len(name), name, "entity", "GPE"))
        pos += len(name) + 2
    return out


def _resolve(*names: str):
    return default_resolver().resolve(_mentions(*names))


def test_country_name_is_the_country_without_local_evidence() -> None:
    lebanon = _resolve("Lebanon")[0]
    assert lebanon is not None and lebanon.feature == "PCLI" and lebanon.cc == "LB"


def test_town_next_to_a_named_town_beats_the_country() -> None:
    # Jordan, Minnesota lies a few km from Shakopee.
    shakopee, jordan = _resolve("Shakopee", "Jordan")
    assert shakopee is not None and shakopee.admin1 == "US.MN"
    assert jordan is not None and (jordan.feature, jordan.admin1) == ("PPL", "US.MN")


def test_region_named_in_the_article_keeps_its_own_name() -> None:
    # Helena is inside Montana: "Montana" stays the state, not the small town near Helena.
    _, montana = _resolve("Helena", "Montana")
    assert montana is not None and montana.feature == "ADM1"


def test_one_reading_per_name_in_an_article() -> None:
    ms = _mentions("Paris", "Texas", "Paris")
    ms[0].container = 1
    first, _, again = default_resolver().resolve(ms)
    assert first is not None and first.admin1 == "US.TX"
    assert again == first


def test_county_named_without_county_joins_a_cluster() -> None:
    # "Butler" and "Warren" next to Hamilton and Dayton: Ohio counties count as nearby.
    picks = _resolve("Hamilton", "Dayton", "Middletown", "Butler", "Warren")
    butler = picks[3]
    assert butler is not None and (butler.feature, butler.admin1) == ("ADM2", "US.OH")


def test_x_city_is_x_when_the_article_also_says_x() -> None:
    ms = [
        Mention(0, 8, "Columbus", "entity", "GPE"),
        Mention(10, 21, "Dublin City", "civic", weak=True),
        Mention(30, 36, "Dublin", "entity", "GPE"),
    ]
    _, city, town = default_resolver().resolve(ms)
    assert town is not None and town.admin1 == "US.OH"
    assert city == town


def test_x_city_that_is_a_town_of_its_own_stays_itself() -> None:
    kansas_city, kansas = _resolve("Kansas City", "Kansas")
    assert kansas_city is not None and kansas_city.name == "Kansas City"
    assert kansas is not None and kansas.feature == "ADM1"


def test_a_name_only_found_outside_ner_still_gets_one_reading() -> None:
    ms = [
        Mention(0, 13, "Walker County", "entity", "GPE"),
        Mention(20, 30, "Huntsville", "civic", weak=True),
        Mention(40, 50, "Huntsville", "entity", "ORG", weak=True),
        Mention(60, 70, "Huntsville", "civic", weak=True),
    ]
    county, *towns = default_resolver().resolve(ms)
    assert county is not None and county.admin1 == "US.TX"
    picked = {t.geonameid for t in towns if t is not None}
    assert len(picked) == 1


def test_short_alternate_name_counts_only_in_capitals() -> None:
    # "THE" is an airport code among a city's alternate names; "The" is a word.
    word = Mention(0, 3, "The", "civic", weak=True)
    assert default_resolver().resolve([word]) == [None]


def test_names_ner_missed_still_count_as_nearness_evidence() -> None:
    # Three small Iowa towns; only "New London" was an entity.
    ms = [
        Mention(0, 10, "New London", "entity", "GPE"),
        Mention(20, 32, "Mt. Pleasant", "embedded", weak=True),
        Mention(40, 48, "Winfield", "civic", weak=True),
    ]
    new_london = default_resolver().resolve(ms)[0]
    assert new_london is not None and new_london.admin1 == "US.IA"


def test_named_target_takes_the_likeliest_reading() -> None:
    # "Siberian" names the region, not a small town called Siberia.
    r = default_resolver()
    siberia = r.target(r.lexicon.demonyms["siberian"])
    assert siberia is not None and siberia.feature == "RGN" and siberia.cc == "RU"


def test_weak_mention_may_name_a_river() -> None:
    # A river inside an organisation's name ("Thames Water") is kept, as a country is.
    m = Mention(0, 6, "Thames", "embedded", "ORG", weak=True)
    (thames,) = default_resolver().resolve([m])
    assert thames is not None and thames.feature == "STM"


def test_region_name_with_state_word_in_its_country() -> None:
    # "Benue State Commissioner" (not tagged a place) in an article about Nigeria.
    nigeria = Mention(0, 7, "Nigeria", "entity", "GPE")
    state = Mention(9, 20, "Benue State", "embedded", "ORG", weak=True)
    out = default_resolver().resolve([nigeria, state])
    assert out[1] is not None and (out[1].feature, out[1].cc) == ("ADM1", "NG")


def test_region_beats_small_namesake_town_in_a_named_neighbouring_region() -> None:
    # "England and Wales": Wales the country of the UK, not the small English town.
    *_, wales = _resolve("London", "Leeds", "England", "Wales")
    assert wales is not None and wales.feature == "ADM1" and wales.admin1 == "GB.WLS"


def test_island_and_english_region_beat_namesake_towns() -> None:
    trinidad, yorkshire = _resolve("Trinidad", "Yorkshire")
    assert trinidad is not None and (trinidad.feature, trinidad.cc) == ("ISL", "TT")
    assert yorkshire is not None and (yorkshire.feature, yorkshire.cc) == ("RGN", "GB")


def test_big_city_name_beats_small_namesake_near_other_names() -> None:
    # Flights from Chicago, Springfield and Peoria to Atlanta: the Georgia city, not the
    # Illinois village near the other names.
    *_, atlanta = _resolve("Chicago", "Springfield", "Peoria", "Atlanta")
    assert atlanta is not None and atlanta.admin1 == "US.GA"


def test_short_capitals_are_no_village_alternate_names() -> None:
    # "SA" in capitals is an abbreviation, not a village listing "SA" among its names.
    (sa,) = _resolve("SA")
    assert sa is None or sa.feature in ("PCLI", "ADM1")


def test_big_city_of_a_region_does_not_lift_a_famous_names_namesake() -> None:
    # A story from Chicago and New York that mentions Boston: New York City puts New York
    # state in context, but that alone does not make "Boston" the small town near Buffalo.
    *_, boston = _resolve("Chicago", "New York", "Boston")
    assert boston is not None and boston.admin1 == "US.MA"


def test_job_titles_are_no_places() -> None:
    # "Vice Mayor Jones", "Officer Smith": titles, though small towns abroad are so named.
    resolver = default_resolver()
    assert not resolver.is_known("vice") and not resolver.is_known("officer")
    assert not resolver.is_known("prince") and not resolver.is_known("queen")


def test_a_river_name_is_no_county_named_after_the_river() -> None:
    # "the Red River will crest": not Red River Parish, Louisiana.
    cands = default_resolver().candidates_for_key("red river")
    assert all(c.entry.feature != "ADM2" for c in cands)


def test_direction_before_a_state_abbreviation() -> None:
    # "Western Mass." and "N. Va." are the states; "W. Va." stays West Virginia.
    resolver = default_resolver()
    (mass,) = resolver.candidates_for_key("western mass.")
    assert (mass.entry.feature, mass.entry.admin1) == ("ADM1", "US.MA")
    (va,) = resolver.candidates_for_key("n. va.")
    assert va.entry.admin1 == "US.VA"
    assert all(c.entry.admin1 != "US.VA" for c in resolver.candidates_for_key("w. va."))


def test_abbreviated_compass_word_belongs_to_the_name() -> None:
    # "S. Africa" is South Africa, not the continent with a direction stripped off.
    resolver = default_resolver()
    assert [c.entry.feature for c in resolver.candidates_for_key("s. africa")][:1] == ["PCLI"]
    korea = resolver.candidates_for_key("n. korea")
    assert korea and korea[0].entry.iso3 == "PRK"


def test_x_comma_y_keeps_x_inside_y_whatever_else_the_article_names() -> None:
    # Alabama's Jefferson County holds Birmingham and Bessemer; "Jefferson County, Ky." is
    # still Kentucky's.
    text = "Birmingham, Bessemer and Jefferson County, Ky."
    mentions = [
        Mention(0, 10, "Birmingham", "entity", "GPE"),
        Mention(12, 20, "Bessemer", "entity", "GPE"),
        Mention(25, 41, "Jefferson County", "entity", "GPE", container=3),
        Mention(43, 46, "Ky.", "entity", "GPE"),
    ]
    assert [text[m.start : m.end] for m in mentions] == [m.text for m in mentions]
    entries = default_resolver().resolve(mentions)
    county = entries[2]
    assert county is not None and (county.feature, county.admin1) == ("ADM2", "US.KY")


def test_a_small_foreign_town_does_not_pull_a_city_into_its_country() -> None:
    # Kalgoorlie (30,000 people) is Australian, but Charleston stays South Carolina's city
    # rather than a South Australian village of 500.
    _, charleston = _resolve("Kalgoorlie", "Charleston")
    assert charleston is not None and charleston.admin1 == "US.SC"


def test_a_township_is_read_as_its_namesake_town_near_the_other_places() -> None:
    # No "Bristol Township" in the gazetteer: Pennsylvania's Bristol, next to Philadelphia,
    # stands for it (not England's Bristol).
    _, township = _resolve("Philadelphia", "Bristol Township")
    assert township is not None and (township.feature, township.admin1) == ("PPL", "US.PA")


def test_a_list_of_cities_is_no_list_of_regions() -> None:
    # "stops in Washington, New York and Boston": Boston is no region, so the list is of
    # cities and New York is the city.
    ms = _mentions("Washington", "New York", "Boston")
    ms[0].listed = ms[1].listed = True
    _, new_york, _ = default_resolver().resolve(ms)
    assert new_york is not None and new_york.feature == "PPL" and new_york.admin1 == "US.NY"


def test_a_list_of_regions_keeps_its_regions() -> None:
    ms = _mentions("Ohio", "New York", "Michigan")
    ms[0].listed = ms[1].listed = True
    _, new_york, _ = default_resolver().resolve(ms)
    assert new_york is not None and new_york.feature == "ADM1"


def test_a_world_capital_beats_small_namesakes_of_a_named_country() -> None:
    # A story naming the United States and Texas that mentions Rome: the Italian capital,
    # not a Georgia or New York town (their own states are not named).
    *_, rome = _resolve("United States", "Texas", "Rome")
    assert rome is not None and rome.cc == "IT"


def test_a_world_capitals_namesake_with_its_region_named() -> None:
    *_, rome = _resolve("Georgia", "Atlanta", "Rome")
    assert rome is not None and rome.admin1 == "US.GA"


def test_a_village_of_a_country_the_article_never_names_is_no_reading() -> None:
    # "the Guildhall in London": no Vermont village in a story about Britain.
    *_, guildhall = _resolve("Britain", "London", "Guildhall")
    assert guildhall is None


def test_a_village_whose_region_is_named_keeps_its_reading() -> None:
    *_, guildhall = _resolve("Vermont", "Guildhall")
    assert guildhall is not None and guildhall.admin1 == "US.VT"


def test_a_name_coordinated_with_a_state_is_the_state() -> None:
    # "laws of Oregon and Washington": the state, not the capital.
    _, washington = _resolve("Oregon", "Washington")
    assert washington is not None and washington.feature == "ADM1"


def test_a_name_beside_a_country_keeps_its_city_reading() -> None:
    # "... Syria and Iran. Washington seems prepared ...": the capital.
    _, washington = _resolve("Iran", "Washington")
    assert washington is not None and washington.admin1 == "US.DC"


def test_the_datelines_state_lifts_a_bare_name_of_it() -> None:
    # "FORT LEWIS, Wash. - ... teams across Washington ...": the state gains over the
    # capital by the dateline's state.
    from newsevents.places.resolve import DATELINE_CONTEXT, _Context

    resolver = default_resolver()
    (m,) = _mentions("Washington")
    cands = resolver.candidates_for_key(m.key)

    def state_lead(ctx: _Context) -> float:
        scores = {e.feature: s for s, _, e in resolver._scores(m, cands, [m], [cands], ctx, False)}
        return scores["ADM1"] - scores["PPLC"]

    plain = state_lead(_Context())
    dated = state_lead(_Context(dateline_admin1="US.WA"))
    assert dated - plain == DATELINE_CONTEXT


def test_a_village_outside_the_articles_main_country_is_no_reading() -> None:
    # A story about Britain that also names the United States once: "Guildhall" is no
    # Vermont village.
    *_, guildhall = _resolve("Britain", "London", "Britain", "United States", "Guildhall")
    assert guildhall is None


def test_a_capital_is_no_spatial_anchor() -> None:
    # "Washington" in a story about regulators is the government: it does not make
    # "Cambridge" the small Maryland town 100 km from it.
    _, cambridge = _resolve("Washington", "Cambridge")
    assert cambridge is not None and cambridge.admin1 != "US.MD"


def test_canadian_province_abbreviation_after_a_comma() -> None:
    # "Estey's Bridge, N.B.": New Brunswick, but only as the Y of "X, Y".
    resolver = default_resolver()
    (nb, *_) = resolver.candidates_for_key("n.b.", comma=True)
    assert nb.entry.feature == "ADM1" and nb.entry.admin1 == "CA.04"
    assert not resolver.candidates_for_key("n.b.")


def test_a_spaced_region_name_finds_its_hyphenated_main_name() -> None:
    # "the North West and Limpopo provinces": South Africa's North-West.
    north_west, _ = _resolve("North West", "Limpopo")
    assert north_west is not None and north_west.admin1 == "ZA.10"
