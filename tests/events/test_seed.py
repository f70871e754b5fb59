"""The seed article end to end: the events a careful analyst codes (../shared/seed/EXPECTED.md).

Reads the article from ../shared (skipped when absent); nothing of it is stored here.
"""

from __future__ import annotations

import pytest

# (row of EXPECTED.md, acceptable roots, source country, target country)
EXPECTED = [
    (1, {"04"}, "SYR", "RUS"),
    (2, {"04"}, "SYR", "RUS"),
    (3, {"04"}, "SYR", "RUS"),
    (4, {"04", "03"}, "RUS", "SYR"),
    (5, {"03", "05"}, "RUS", "SYR"),
    (7, {"07"}, "RUS", "SYR"),
    (8, {"05"}, "SYR", "RUS"),
    (9, {"05"}, "SYR", "RUS"),
    (10, {"05"}, "SYR", "RUS"),
]


@pytest.fixture(scope="module")
def seed_result(pipeline, shared_data):
    text = (shared_data.parent / "seed" / "article.txt").read_text(encoding="utf-8")
    return pipeline.extract(text, published="2023-03-16")


@pytest.mark.model
@pytest.mark.parametrize(("row", "roots", "source", "target"), EXPECTED)
def test_seed_expected_event(seed_result, row, roots, source, target):
    found = [
        e
        for e in seed_result.events
        if e.cameo_root in roots
        and (e.source_code or "")[:3] == source
        and (e.target_code or "")[:3] == target
    ]
    assert found, f"EXPECTED.md event {row} not found"


@pytest.mark.model
def test_seed_no_attack_on_ukraine_on_story_date(seed_result):
    ukraine = {a.id for a in seed_result.actors if a.code and a.code.startswith("UKR")}
    for e in seed_result.events:
        if e.cameo_root in ("18", "19", "20") and e.target in ukraine:
            assert not (e.modality == "asserted" and e.date == "2023-03-15")


@pytest.mark.model
def test_seed_statements_linked_to_quotes(seed_result):
    quote_ids = {q.id for q in seed_result.quotes}
    statements = [e for e in seed_result.events if e.cameo_root == "01"]
    assert statements and all(e.quote in quote_ids for e in statements)
