"""Role-noun actors ("gunmen", "police", "five people") as event arguments, end to end."""

from __future__ import annotations

import pytest

from newsevents.events.arguments import subject

from ._helpers import parse

pytestmark = pytest.mark.model


def _events(pipeline, text: str) -> set[tuple[str | None, str | None, str]]:
    result = pipeline.extract(text, published="2024-05-14")
    return {(e.source_code, e.target_code, e.cameo_root) for e in result.events}


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Gunmen killed two villagers near the border.", ("UAF", "CVL", "18")),
        ("Kidnappers seized four tourists on the road.", ("UAF", "CVL", "18")),
        ("Villagers clashed with police over the land.", ("CVL", "COP", "19")),
        ("Villagers clashed with police over the land.", ("COP", "CVL", "19")),
        (
            "KABUL, Afghanistan (AP) — Gunmen attacked a checkpoint on Monday.",
            ("AFGUAF", None, "19"),
        ),
    ],
)
def test_role_actors_feed_events(pipeline, text: str, event: tuple) -> None:
    assert event in _events(pipeline, text)


def test_role_actor_dateline_is_not_the_subject(pipeline) -> None:
    events = _events(pipeline, "KABUL, Afghanistan (AP) — Gunmen attacked a checkpoint on Monday.")
    assert not any(src in ("AFG", "USAMED") for src, _, root in events if root == "19")


def test_subject_nearest_of_two_is_taken(nlp) -> None:
    doc = parse(nlp, "KABUL, Afghanistan (AP) — Gunmen attacked a checkpoint on Monday.")
    verb = next(t for t in doc if t.lower_ == "attacked")
    subj, own = subject(verb, frozenset())
    assert own and subj is not None and subj.lower_ == "gunmen"


def test_unnamed_officials_do_not_accuse(pipeline) -> None:
    # "Officials" names no one: a report of an attack, not an accusation by someone.
    result = pipeline.extract("Officials said gunmen killed five people.", published="2024-05-14")
    codes = {(e.cameo, e.source_code, e.target_code) for e in result.events}
    assert not any(code in ("112", "015") for code, _, _ in codes), codes
    assert ("1823", "UAF", "CVL") in codes, codes


def test_named_speaker_accuses_a_role_attacker_not_itself(pipeline) -> None:
    # Sharing the story's country with "gunmen" does not make them the speaker's own side:
    # an accusation (112), not a claim of responsibility (015).
    text = "Syrian officials said gunmen killed five people. Syria will hold a vote."
    result = pipeline.extract(text, published="2024-05-14")
    codes = {(e.cameo, e.source_code, e.target_code) for e in result.events}
    assert not any(code == "015" for code, _, _ in codes), codes
    assert ("112", "SYRGOV", "SYRUAF") in codes, codes
