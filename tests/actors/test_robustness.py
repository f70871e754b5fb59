"""Any input: no crash, exact offsets, ids in text order, token map inside the doc."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.model

FRAGMENTS = [
    "Syrian President",
    "Bashar al-Assad",
    "said",
    "he",
    "his",
    "its",
    "their",
    "the Kremlin",
    "ISRAELI POLICE",
    "Erdoğan",
    "Zelenskyy",
    "Jordan",
    "Georgia",
    "of both sides",
    "(",
    ")",
    "UN",
    "the",
    "rebels",
    ",",
    ".",
    "\n\n",
    "“",
    "”",
    "-",
    "pro-",
    "Moscow-based",
    "Mr",
    "officials",
    "a",
    "in",
    "Damascus",
    "NATO",
    "'s",
    "they",
    "it",
    "Reuters",
    "Putin",
]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=0, max_size=30))
def test_robustness_any_fragment_sequence(actors_of, parts: list[str]) -> None:
    text = " ".join(parts)
    actors, token_actor, doc = actors_of(text)
    ids = [a.id for a in actors]
    assert ids == [f"A{n}" for n in range(1, len(actors) + 1)]
    for a in actors:
        assert a.mentions
        for m in a.mentions:
            assert 0 <= m.start < m.end <= len(text) and text[m.start : m.end] == m.text
    assert all(0 <= i < len(doc) and v in ids for i, v in token_actor.items())
