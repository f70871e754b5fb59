"""Row helpers: full-day event dates and the lead paragraph (GDELT's IsRootEvent)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.store._rows import event_day, lead_end


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-03-15", dt.date(2023, 3, 15)),
        ("2023-03", None),
        ("2023-W11", None),
        ("XXXX-02-06", None),
        ("PRESENT_REF", None),
        ("2023-02-30", None),
        (None, None),
    ],
)
def test_rows_event_day(value, expected):
    assert event_day(value) == expected


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("Ministers met. They talked.", "Ministers met. They talked."),
        ("Ministers met.\n\nThey talked.", "Ministers met."),
        ("TALKS IN OSLO\n\nMinisters met.\n\nThey talked.", "TALKS IN OSLO\n\nMinisters met."),
        ("", ""),
    ],
)
def test_rows_lead_end(text, lead):
    assert text[: lead_end(text)] == lead
