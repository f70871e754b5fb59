"""Tables of expressions in sentences written for these tests: text -> span and TIMEX3 value."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.times import find_times_in_text

PUB = dt.date(2023, 3, 16)  # a Thursday


def _times(text: str, published: dt.date | None = PUB) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in find_times_in_text(text, published)]


# Rows that need no parse (no tense): sentence, expected (span, type, value) list.
ABSOLUTE = [
    (
        "The accord was signed on 6 February 2023 in Ankara.",
        [("6 February 2023", "DATE", "2023-02-06")],
    ),
    ("Officials set a deadline of 2023-03-15 for replies.", [("2023-03-15", "DATE", "2023-03-15")]),
    ("Growth slowed sharply in mid-2021.", [("mid-2021", "DATE", "2021")]),
    ("Inflation was a worry in the 1990s.", [("the 1990s", "DATE", "199")]),
    ("The port dates from the 12th century.", [("the 12th century", "DATE", "11")]),
    ("Ballots were counted on March 15th, 2023.", [("March 15th, 2023", "DATE", "2023-03-15")]),
    (
        "Results for the third quarter of 2022 were weak.",
        [("the third quarter of 2022", "DATE", "2022-Q3")],
    ),
    ("Prices fell in February 2023.", [("February 2023", "DATE", "2023-02")]),
    ("The treaty dates from 3/4/2001.", [("3/4/2001", "DATE", "2001-03-04")]),
    ("Aid arrived after the Feb. 6 earthquake.", [("Feb. 6", "DATE", "2023-02-06")]),
    ("Shops closed on Christmas Day.", [("Christmas Day", "DATE", "2022-12-25")]),
    ("Parades were held last Thanksgiving.", [("last Thanksgiving", "DATE", "2022-11-24")]),
    # movable feasts count from Western Easter Sunday (April 9 in 2023)
    ("Pilgrims gather at Easter.", [("Easter", "DATE", "2023-04-09")]),
    ("Banks close on Good Friday.", [("Good Friday", "DATE", "2023-04-07")]),
    ("Crowds waved fronds on Palm Sunday.", [("Palm Sunday", "DATE", "2023-04-02")]),
    # "<holiday> week": the ISO week the holiday falls in
    ("Hotels fill up in Easter week.", [("Easter week", "DATE", "2023-W14")]),
    ("Traffic peaks during Christmas week.", [("Christmas week", "DATE", "2022-W51")]),
    # the Tuesday after the first Monday of November (Nov. 8 in 2022)
    ("Polls opened early on Election Day.", [("Election Day", "DATE", "2022-11-08")]),
    ("Divers explored Christmas Island.", []),  # a place named after the holiday
    # a year right after the holiday dates it; "<holiday> weekend" is that week's weekend
    ("The revolt began at Easter 1916.", [("Easter 1916", "DATE", "1916-04-23")]),
    ("Sales slumped after Christmas, 1998.", [("Christmas, 1998", "DATE", "1998-12-25")]),
    ("Roads were jammed on Easter weekend.", [("Easter weekend", "DATE", "2023-W14-WE")]),
    ("Children painted Easter eggs.", []),  # a thing named after the holiday
    ("Historians revisited the Easter Rising.", []),  # an event named after it
]

RELATIVE = [
    ("Troops withdrew yesterday.", [("yesterday", "DATE", "2023-03-15")]),
    ("Ministers met last week in Brussels.", [("last week", "DATE", "2023-W10")]),
    ("The envoy arrived this morning.", [("this morning", "TIME", "2023-03-16TMO")]),
    ("The militia seized the town three years ago.", [("three years ago", "DATE", "2020")]),
    ("Elections are due next month.", [("next month", "DATE", "2023-04")]),
    ("Turnout rose this year.", [("this year", "DATE", "2023")]),
    ("Shelling resumed last night near the border.", [("last night", "TIME", "2023-03-15TNI")]),
    ("Parliament sits again tomorrow.", [("tomorrow", "DATE", "2023-03-17")]),
    ("Two weeks ago the convoy was stopped.", [("Two weeks ago", "DATE", "2023-W09")]),
    (
        "He fled in June 2019 and returned later that year.",
        [("June 2019", "DATE", "2019-06"), ("later that year", "DATE", "2019")],
    ),
    (
        "Talks opened on March 3, 2019. The next day they collapsed.",
        [("March 3, 2019", "DATE", "2019-03-03"), ("The next day", "DATE", "2019-03-04")],
    ),
    (
        "Nobody slept that night or that day.",
        [("that night", "TIME", "XXXX-XX-XXTNI"), ("that day", "DATE", "XXXX-XX-XX")],
    ),
    ("It was the last day of the talks.", []),
    ("A hearing is set for the week of March 20.", [("the week of March 20", "DATE", "2023-W12")]),
    (
        "The blast came at 10:35 a.m. (0735 GMT) Tuesday.",
        [("10:35 a.m.", "TIME", "2023-03-14T10:35"), ("Tuesday", "DATE", "2023-03-14")],
    ),
    # a year named relatively ("last year", "two years ago") is a year to count from too
    (
        "Sales fell to $3 million last year, down from $4 million the year before.",
        [("last year", "DATE", "2022"), ("the year before", "DATE", "2021")],
    ),
    (
        "The firm was founded two years ago and listed the following year.",
        [("two years ago", "DATE", "2021"), ("the following year", "DATE", "2022")],
    ),
    # the quarter being reported, a year back
    (
        "Net fell from $2 million in the corresponding period last year.",
        [("the corresponding period last year", "DATE", "2021-Q4")],
    ),
    ("The period last year was calm.", [("last year", "DATE", "2022")]),
    # "the previous Friday" counts from the Friday named before, not from publication
    (
        "Shares ended on Friday, March 3, 2023, down 2% from the previous Friday.",
        [
            ("Friday, March 3, 2023", "DATE", "2023-03-03"),
            ("the previous Friday", "DATE", "2023-02-24"),
        ],
    ),
    (
        "The vote was on March 3, 2019. The following Monday the minister resigned.",
        [("March 3, 2019", "DATE", "2019-03-03"), ("The following Monday", "DATE", "2019-03-04")],
    ),
    # the same clock time restated in brackets with its day: that day for both
    (
        "The convoy left at 6 in the morning (6 a.m. GMT Saturday).",
        [
            ("6 in the morning", "TIME", "2023-03-11T06:00"),
            ("6 a.m. GMT Saturday", "TIME", "2023-03-11T06:00"),
        ],
    ),
    (
        "Leaders meet on April 24 and 25 in Rome.",
        [("April 24", "DATE", "2023-04-24"), ("25", "DATE", "2023-04-25")],
    ),
    ("Prices fell on March 3 and 4 people died.", [("March 3", "DATE", "2023-03-03")]),
    ("Prices fell on March 3 and 40 percent later.", [("March 3", "DATE", "2023-03-03")]),
    # a half year named with its year
    ("Sales slipped in the second half of 2021.", [("the second half of 2021", "DATE", "2021-H2")]),
    ("Exports grew in the first half of 2020.", [("the first half of 2020", "DATE", "2020-H1")]),
    # "next week" counts from the publication even after an earlier explicit date
    (
        "The plant closed on May 2, 2019. A new owner takes over next week.",
        [("May 2, 2019", "DATE", "2019-05-02"), ("next week", "DATE", "2023-W12")],
    ),
    # "the following month" counts from a month named just before
    (
        "Fighting stopped in October. The following month the talks began.",
        [("October", "DATE", "2022-10"), ("The following month", "DATE", "2022-11")],
    ),
    # "the day before <date>": that date, one day back
    (
        "They met the day before last Tuesday's vote.",
        [("the day before last Tuesday", "DATE", "2023-03-13")],
    ),
    ("Curbs imposed post-2008 remain.", [("post-2008", "DATE", "2008")]),
    ("Sales for last year's quarter were weak.", [("last year's quarter", "DATE", "2021-Q4")]),
    (
        "Profit for the quarter a year ago was small.",
        [("the quarter a year ago", "DATE", "2021-Q4")],
    ),
    ("Prices returned to pre-1990s levels.", [("1990s", "DATE", "199")]),
    # anaphoric references count from the date named before them
    (
        "Exports were $3 billion in 2019, down from $4 billion the year before.",
        [("2019", "DATE", "2019"), ("the year before", "DATE", "2018")],
    ),
    ("The talks ended the week before the vote.", [("the week before", "DATE", "XXXX-WXX")]),
    (
        "He was arrested on Feb. 3, 2020. The next morning he was freed.",
        [("Feb. 3, 2020", "DATE", "2020-02-03"), ("The next morning", "TIME", "2020-02-04TMO")],
    ),
    ("That night the rebels left.", [("That night", "TIME", "XXXX-XX-XXTNI")]),
    (
        "He was shot on Oct. 23, 1998. That same day the clinic closed.",
        [("Oct. 23, 1998", "DATE", "1998-10-23"), ("That same day", "DATE", "1998-10-23")],
    ),
    (
        "The mill shut in October 2019; that day the workers marched.",
        [("October 2019", "DATE", "2019-10"), ("that day", "DATE", "2019-10-XX")],
    ),
    ("Output rose in 2021 from 2019's low.", [("2021", "DATE", "2021"), ("2019", "DATE", "2019")]),
    (
        "On Monday the talks opened; the next day they broke down.",
        [("Monday", "DATE", "2023-03-13"), ("the next day", "DATE", "2023-03-14")],
    ),
    ("The ferry leaves at 4 in the morning.", [("4 in the morning", "TIME", "2023-03-16T04:00")]),
    ("The rally ended at 9 in the evening.", [("9 in the evening", "TIME", "2023-03-16T21:00")]),
]

DURATIONS_SETS_VAGUE = [
    ("The siege lasted three hours.", [("three hours", "DURATION", "PT3H")]),
    ("The rebuilding took a decade.", [("a decade", "DURATION", "P10Y")]),
    (
        "Fighting over the past three years killed thousands.",
        [("the past three years", "DURATION", "P3Y")],
    ),
    ("He served 2 1/2 years in prison.", [("2 1/2 years", "DURATION", "P2Y6M")]),
    ("Inspectors visit every week.", [("every week", "SET", "P1W")]),
    ("The paper is printed daily.", [("daily", "SET", "P1D")]),
    (
        "Talks may resume in the coming weeks or months.",
        [("the coming weeks or months", "DATE", "FUTURE_REF")],
    ),
    ("The general recently resigned.", [("recently", "DATE", "PAST_REF")]),
    ("Shares were sold at the then current price.", [("then current", "DATE", "PAST_REF")]),
    ("Now the army controls the city.", [("Now", "DATE", "PRESENT_REF")]),
    ("A five-year plan was adopted.", [("five-year", "DURATION", "P5Y")]),
    ("The families have not spoken for years.", [("years", "DURATION", "PXY")]),
    ("For weeks the border stayed shut.", [("weeks", "DURATION", "PXW")]),
    ("A day-long strike shut the port.", [("day-long", "DURATION", "P1D")]),
    ("The decades-long feud ended.", [("decades-long", "DURATION", "PXY")]),
    ("The temple stood for two thousand years.", [("two thousand years", "DURATION", "P2000Y")]),
    ("Shares fell for six trading days.", [("six trading days", "DURATION", "P6D")]),
    (
        "Prices may rise over the next couple of years.",
        [("the next couple of years", "DURATION", "P2Y")],
    ),
    ("The region will one day be free.", [("one day", "DATE", "FUTURE_REF")]),
    ("Over the years the town grew.", [("years", "DURATION", "PXY")]),
    ("Rates may stay low in the near term.", [("the near term", "DATE", "FUTURE_REF")]),
    ("The vote was put off to a later date.", [("a later date", "DATE", "FUTURE_REF")]),
    ("The short-term outlook is poor.", []),  # an adjective, not a time
    ("The strike lasted one day.", [("one day", "DURATION", "P1D")]),
    # counts too large for the calendar: no crash, no piece of the number on its own
    ("The walls rose 3,000 years ago.", [("3,000 years ago", "DATE", "PAST_REF")]),
    (
        "Stocks were 292,000 tonnes versus 310,000 week ago.",
        [("310,000 week ago", "DATE", "PAST_REF")],
    ),
]

NEGATIVE = [
    ("The minister may resign.", []),  # "may" the modal verb
    ("Supporters march through the capital.", []),  # "march" the verb, lower case
    ("A 52-year-old man was arrested.", []),  # an age
    ("He was 37 years old.", []),
    ("Turnout reached 45 percent.", []),
    ("Rebels took a second town.", []),  # "a second" is not a duration
    ("About three-quarters of the budget went to defence.", []),
    ("The fall of the city shocked the region.", []),  # "fall" not the season
    ("They will leave as soon as possible.", []),
    ("It was high noon for the rebels.", []),
    ("The party daily Granma printed the letter.", []),  # a newspaper, not a set
    (
        "Rebels attacked at 5:30 p.m. on Tuesday, March 14.",
        [
            ("5:30 p.m. on Tuesday", "TIME", "2023-03-14T17:30"),
            ("March 14", "DATE", "2023-03-14"),
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), ABSOLUTE + RELATIVE + DURATIONS_SETS_VAGUE + NEGATIVE
)
def test_rules_span_and_value(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _times(text) == expected


ACROSS_DATES = [
    # text, publication date, span, value: year and week boundaries
    ("The vote on Jan. 3 is close.", dt.date(2022, 12, 20), "Jan. 3", "2023-01-03"),
    ("Snow fell on Dec. 28 in the capital.", dt.date(2023, 1, 5), "Dec. 28", "2022-12-28"),
    ("Ministers met last week.", dt.date(2023, 1, 2), "last week", "2022-W52"),
    ("Turnout rose last month.", dt.date(2023, 1, 10), "last month", "2022-12"),
    ("Troops withdrew yesterday.", dt.date(2024, 3, 1), "yesterday", "2024-02-29"),
    ("Crops failed three years ago.", dt.date(1999, 6, 1), "three years ago", "1996"),
    ("He was born in '98.", dt.date(2023, 3, 16), "'98", "1998"),
    ("Churches were full on Easter Sunday.", dt.date(2000, 4, 25), "Easter Sunday", "2000-04-23"),
    ("Markets reopen on Easter Monday.", dt.date(2024, 3, 28), "Easter Monday", "2024-04-01"),
    ("Turnout on Election Day was high.", dt.date(1998, 11, 5), "Election Day", "1998-11-03"),
    ("The law took effect in '21.", dt.date(2023, 3, 16), "'21", "2021"),
]


@pytest.mark.parametrize(("text", "published", "span", "value"), ACROSS_DATES)
def test_rules_anchor_at_publication_date(
    text: str, published: dt.date, span: str, value: str
) -> None:
    assert [(t.text, t.value) for t in find_times_in_text(text, published)] == [(span, value)]


UNANCHORED = [
    ("Troops withdrew yesterday.", "XXXX-XX-XX"),
    ("Ministers met last week.", "XXXX-WXX"),
    ("The envoy arrived this morning.", "XXXX-XX-XXTMO"),
    ("Elections are due next month.", "XXXX-XX"),
    ("The accord was signed on Feb. 6.", "XXXX-02-06"),
    ("Churches were full on Easter Sunday.", "XXXX-XX-XX"),
    ("Hotels fill up in Easter week.", "XXXX-WXX"),
    ("Roads were jammed on Easter weekend.", "XXXX-WXX-WE"),
    ("The revolt began at Easter 1916.", "1916-04-23"),
    ("The militia seized the town three years ago.", "PAST_REF"),
    ("Turnout rose this year.", "XXXX"),
]


@pytest.mark.parametrize(("text", "value"), UNANCHORED)
def test_rules_without_publication_date_stay_unanchored(text: str, value: str) -> None:
    (found,) = find_times_in_text(text, None)
    assert found.value == value
    assert str(dt.date.today().year) not in found.value


@pytest.mark.parametrize(
    "text",
    [
        "Talks were held on February 30 in Geneva.",
        "Talks were held on February 30, 2023 in Geneva.",
        "The deadline is 2023-02-30.",
        "The deadline is 13/45/2020.",
    ],
)
def test_rules_impossible_dates_give_no_invalid_value(text: str) -> None:
    for t in find_times_in_text(text, PUB):
        if t.type == "DATE" and len(t.value) == 10 and t.value[4] == "-":
            dt.date.fromisoformat(t.value)  # any full date given must exist


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("He was born in '98 in Lagos.", "'98", "1998"),
        ("The law passed in '05.", "'05", "2005"),
        ("Prices peaked in the '80s.", "the '80s", "198"),
    ],
)
def test_rules_two_digit_years(text: str, span: str, value: str) -> None:
    assert [(t.text, t.value) for t in find_times_in_text(text, PUB)] == [(span, value)]


def test_rules_ids_in_text_order_and_offsets_exact() -> None:
    text = "On Feb. 6 troops left; yesterday they returned, and next month they leave again."
    found = find_times_in_text(text, PUB)
    assert [t.id for t in found] == [f"T{i}" for i in range(1, len(found) + 1)]
    assert [t.start for t in found] == sorted(t.start for t in found)
    for t in found:
        assert text[t.start : t.end] == t.text


_PIECES = st.sampled_from(
    [
        "May ",
        "March ",
        "Feb. ",
        "Sept. ",
        "Tuesday ",
        "last ",
        "next ",
        "week ",
        "years ",
        "ago ",
        "the ",
        "30 ",
        "1998 ",
        "5 p.m. ",
        "every ",
        "mid-",
        "'98 ",
        "early ",
        "quarter ",
        "third-",
        "a ",
        "half ",
        "2 1/2 ",
        "twenty-",
        "nineteen ",
        "ninety ",
        "Christmas ",
        "/",
        "-",
        ":",
    ]
)


@settings(max_examples=200, deadline=None)
@given(
    text=st.lists(_PIECES | st.text(max_size=3), max_size=25).map("".join),
    published=st.one_of(st.none(), st.dates()),
)
def test_rules_any_text_no_crash_offsets_exact(text: str, published: dt.date | None) -> None:
    found = find_times_in_text(text, published)
    assert [t.id for t in found] == [f"T{i}" for i in range(1, len(found) + 1)]
    previous_end = 0
    for t in found:
        assert text[t.start : t.end] == t.text
        assert t.start >= previous_end  # no overlaps, text order
        previous_end = t.end


def test_rules_month_without_year_does_not_reset_that_year() -> None:
    text = "The first ship sailed in April 2019; the others followed in June of that year."
    values = {t.text: t.value for t in find_times_in_text(text, PUB)}
    assert values["that year"] == "2019"
