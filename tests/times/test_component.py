"""The stage inside the spaCy pipeline: tense from the parse, names vs months, no crash."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.times import find_times

PUB = dt.date(2023, 3, 16)  # a Thursday


@pytest.fixture(scope="module")
def nlp(times_pipeline):
    return times_pipeline.nlp


def _parse(nlp, text: str, published: dt.date | None = PUB):
    doc = nlp.make_doc(text)
    doc._.ne_published = published
    return nlp(doc)


def _run(nlp, text: str, published: dt.date | None = PUB):
    return _parse(nlp, text, published)._.ne_times


TENSE = [
    ("The minister visited Ankara on Tuesday.", "Tuesday", "2023-03-14"),
    ("The minister will visit Ankara on Tuesday.", "Tuesday", "2023-03-21"),
    ("The minister plans to visit Ankara on Tuesday.", "Tuesday", "2023-03-21"),
    ("Rebels attacked the base on Feb. 6.", "Feb. 6", "2023-02-06"),
    ("Rebels attacked the base on Dec. 6.", "Dec. 6", "2022-12-06"),
    ("The summit will open on Jan. 10.", "Jan. 10", "2024-01-10"),
    ("Voters went to the polls in November.", "November", "2022-11"),
    ("Voters will go to the polls in April.", "April", "2023-04"),
    # "is to": a plan, ahead
    ("The exchange is to reopen on Monday.", "Monday", "2023-03-20"),
    # the plan itself lies in the past
    ("The offer had been scheduled to expire on Monday.", "Monday", "2023-03-13"),
    # moved to a later time, although told in the past tense
    ("The court postponed the hearing until Monday.", "Monday", "2023-03-20"),
    ("The court heard the case until Monday.", "Monday", "2023-03-13"),
    # a schedule told in the past: the nearest such day, on either side of publication
    ("Farmers planned a march through the capital on Saturday.", "Saturday", "2023-03-18"),
    ("A vigil planned for Monday was called off.", "Monday", "2023-03-13"),
    # a time before the verb dates the planning itself
    ("On Friday, the council planned to cut fares.", "Friday", "2023-03-10"),
    # the month hangs off an infinitive, not off the progressive ("is meeting Tuesday")
    ("The firm is continuing to sell assets under a January accord.", "January", "2023-01"),
    # a bare "set" is "established", not "scheduled"
    ("The index is near the record set on Feb. 6.", "Feb. 6", "2023-02-06"),
    ("The index is near the record set on Aug. 6.", "Aug. 6", "2022-08-06"),
]


def test_component_one_weekday_is_one_day(nlp) -> None:
    # The past tense puts "Tuesday" before the publication (a Thursday), the schedule puts
    # "Tuesday morning" after it; in one news text both are the same day, the nearer one.
    text = (
        "The envoy flew Tuesday to Nairobi. "
        "She is scheduled to meet the president there Tuesday morning."
    )
    found = [(t.text, t.value) for t in _run(nlp, text)]
    assert found == [("Tuesday", "2023-03-14"), ("Tuesday morning", "2023-03-14TMO")]


def test_component_early_weekday_is_that_weekday(nlp) -> None:
    # "early Tuesday", "late Tuesday" name the same day as "Tuesday": two past readings
    # outvote the one future reading
    text = (
        "Police said early Tuesday that the suspect fled. Officers searched the woods "
        "late Tuesday. A hearing is set for Tuesday."
    )
    found = [(t.text, t.value) for t in _run(nlp, text)]
    assert found == [
        ("early Tuesday", "2023-03-14"),
        ("late Tuesday", "2023-03-14"),
        ("Tuesday", "2023-03-14"),
    ]


def test_component_other_weekdays_keep_their_own_day(nlp) -> None:
    # "next Tuesday" is another day than a bare "Tuesday"; it neither moves nor is moved
    text = "Talks ended Tuesday. They resume next Tuesday."
    found = [(t.text, t.value) for t in _run(nlp, text)]
    assert found == [("Tuesday", "2023-03-14"), ("next Tuesday", "2023-03-21")]


SOON = [
    ("Prices will soon rise again.", [("soon", "FUTURE_REF")]),
    ("The ministry may soon name a new envoy.", [("soon", "FUTURE_REF")]),
    # "in a week or two": some time ahead; "lasted a month or two": the unit named
    ("Talks may resume in a week or two.", [("a week or two", "FUTURE_REF")]),
    ("The siege lasted a month or two.", [("a month", "P1M")]),
    # told in the past, "soon" counts from another event, not from publication
    ("The hostage was soon released.", []),
    # a conjunction
    ("Aid flows as soon as the road opens.", []),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), SOON)
def test_component_soon_only_ahead_of_publication(nlp, text: str, expected: list) -> None:
    assert [(t.text, t.value) for t in _run(nlp, text)] == expected


@pytest.mark.model
@pytest.mark.parametrize(("text", "span", "value"), TENSE)
def test_component_tense_picks_the_date(nlp, text: str, span: str, value: str) -> None:
    assert [(t.text, t.value) for t in _run(nlp, text)] == [(span, value)]


NAMES = [
    ("Theresa May said the vote would go ahead.", []),
    ("Protesters will March on the capital.", []),
    ("Elections were held in May.", [("May", "2022-05")]),
    ("The ceasefire began in March.", [("March", "2023-03")]),
    # a capitalised month between a determiner and a common noun modifies the noun
    ("The March accord was signed in Ankara.", [("March", "2023-03")]),
    ("Voters backed the March referendum.", [("March", "2023-03")]),
    ("Talks resumed in 2014.", [("2014", "2014")]),
    ("The 1996 bombing killed dozens.", [("1996", "1996")]),
    ("The army sent 2000 soldiers.", []),
    # a determiner, possessive or name before the noun make the number a year
    ("Analysts cut their 2024 earnings forecasts.", [("2024", "2024")]),
    ("The firm's 2021 results were weak.", [("2021", "2021")]),
    ("Analysts expect 2024 Siemens earnings to rise.", [("2024", "2024")]),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), NAMES)
def test_component_months_names_and_years(nlp, text: str, expected: list) -> None:
    assert [(t.text, t.value) for t in _run(nlp, text)] == expected


@pytest.mark.model
def test_component_writes_extension_and_matches_entry_function(nlp) -> None:
    doc = _parse(nlp, "Talks collapsed yesterday after three hours.")
    assert doc._.ne_times == find_times(doc)
    assert [t.value for t in doc._.ne_times] == ["2023-03-15", "PT3H"]


@pytest.mark.model
@settings(max_examples=40, deadline=None)
@given(
    text=st.lists(
        st.sampled_from(list("abcdeMTFJ 0123456789'’-/.,:İ"))
        | st.sampled_from(
            [
                "May ",
                "March ",
                "Feb. ",
                "Tuesday ",
                "last ",
                "week ",
                "years ",
                "ago ",
                "the ",
                "30 ",
                "1998 ",
                "a.m. ",
                "every ",
                "recent ",
                "mid-",
                "'98 ",
                "early ",
                "quarter ",
            ]
        ),
        max_size=30,
    ).map("".join),
    published=st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))),
)
def test_component_any_text_no_crash_offsets_exact(nlp, text: str, published) -> None:
    times = _run(nlp, text, published)
    assert [t.id for t in times] == [f"T{i}" for i in range(1, len(times) + 1)]
    for t in times:
        assert text[t.start : t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
