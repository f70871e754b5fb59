"""The spaCy component, the full pipeline, user pattern files and the gold scorer."""

from __future__ import annotations

import json

import pytest

from newsevents.evaluate.events import _majority_root, case_type_roots, evaluate_events
from newsevents.events.lexicon import build_lexicon


def test_component_extra_patterns_extend_lexicon(tmp_path):
    extra = tmp_path / "mine.tsv"
    extra.write_text("code\tpattern\n0233\tbeseech +relief\n", encoding="utf-8")
    lexicon = build_lexicon(extra_patterns=[extra])
    assert any(p.code == "0233" for _, p in lexicon.verbs["beseech"])


@pytest.mark.parametrize(
    ("label", "root"),
    [("4-18 Assualt", "18"), ("1-4 Consult", "04"), ("0-0 Irrelevant", None), (None, None)],
)
def test_component_majority_label_root(label, root):
    assert _majority_root(label) == root


def test_component_case_table_uses_cameo_roots():
    table = case_type_roots()
    assert table["AIR_STRIKE"] == {"19", "18"}
    assert table["NATURAL_DISASTER"] == set()


@pytest.mark.model
def test_component_pipeline_writes_events(pipeline):
    result = pipeline.extract(
        "Britain imposed sanctions on Iran on Monday.", published="2024-05-14"
    )
    for e in result.events:
        assert result.article.text[e.trigger.start : e.trigger.end] == e.trigger.text


@pytest.mark.model
def test_component_evaluate_petr_style_gold(pipeline, tmp_path):
    gold = tmp_path / "gold.jsonl"
    rows = [
        {
            "id": "a",
            "date": "20240514",
            "text": "Britain imposed sanctions on Iran.",
            "events": [{"source": "GBR", "target": "IRN", "code": "163"}],
        },
        {"id": "b", "date": "bad", "text": "The weather was fine in Leeds.", "events": []},
    ]
    gold.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    report = evaluate_events(gold, pipeline)
    assert report.documents == 2
    assert set(report.figures) >= {"root_recall", "dyad_recall", "precision"}
    assert 0.0 <= report.figures["root_recall"] <= 1.0


@pytest.mark.model
def test_component_evaluate_majority_and_case_formats(pipeline, tmp_path):
    majority = tmp_path / "majority.jsonl"
    majority.write_text(
        json.dumps({"text": "Britain imposed sanctions on Iran.", "majority": "3-16 Reduce"})
        + "\n"
        + json.dumps({"text": "It rained.", "majority": "0-0 Irrelevant"})
        + "\n",
        encoding="utf-8",
    )
    report = evaluate_events(majority, pipeline)
    assert report.documents == 1 and "root_recall" in report.figures
    case = tmp_path / "case.tsv"
    case.write_text(
        "id\tEventSnippet\tSubType\n1\tRussia shelled the town of Izium.\tART_MISS_ATTACK\n"
        "2\tA flood hit the valley.\tNATURAL_DISASTER\n",
        encoding="utf-8",
    )
    report = evaluate_events(case, pipeline, limit=5)
    assert report.documents == 1 and "type_recall" in report.figures
