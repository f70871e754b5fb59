"""The actors scorer: code matching rules, and a small run on the shared gold file."""

from __future__ import annotations

import pytest

from newsevents.evaluate.actors import code_found, country_found, evaluate_actors

ACTORS = [("SYRGOV", ("GOV",)), (None, ("REB",)), ("IGOUNO", ())]


@pytest.mark.parametrize(
    ("gold", "code", "country"),
    [
        ("SYRGOV", True, True),
        ("SYRMIL", False, True),
        ("---REB", True, False),
        ("---MIL", False, False),
        ("IGOUNO", True, True),
        ("TUR", False, False),
    ],
)
def test_evaluate_actors_matching_rules(gold: str, code: bool, country: bool) -> None:
    assert code_found(gold, ACTORS) is code
    assert country_found(gold, ACTORS) is country


@pytest.mark.model
@pytest.mark.gold
def test_evaluate_actors_runs_on_gold(shared_data, actors_pipeline) -> None:
    path = shared_data / "events/petr2_gsr_validation.jsonl"
    report = evaluate_actors(path, actors_pipeline, limit=5)
    assert report.documents == 5
    assert 0.0 <= report.figures["country_recall"] <= 1.0
    assert 0.0 <= report.figures["code_recall"] <= 1.0
