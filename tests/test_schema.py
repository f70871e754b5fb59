"""The output contract: round trips, the shipped JSON Schema, and real outputs against it."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from newsevents.schema import (
    Actor,
    ArticleInfo,
    ArticleResult,
    CharRange,
    Event,
    Place,
    Plover,
    Quote,
    TextSpan,
    Time,
    json_schema,
)

DOCS = Path(__file__).resolve().parents[1] / "docs" / "output.md"


def _sample() -> ArticleResult:
    text = "Chile recalled its envoy on Tuesday, officials said."
    return ArticleResult(
        article=ArticleInfo(id="x1", published="2024-07-30", chars=len(text), text=text),
        actors=[Actor("A1", "Chile", "country", "CHL", "CHL", [], [TextSpan(0, 5, "Chile")])],
        events=[
            Event(
                id="E1",
                source="A1",
                target=None,
                source_code="CHL",
                target_code=None,
                cameo="161",
                cameo_root="16",
                cameo_name="Reduce or break diplomatic relations",
                plover=Plover("SANCTION", "withdraw", ["diplomatic"]),
                goldstein=-4.0,
                quad_class=4,
                modality="asserted",
                date="2024-07-30",
                date_text="Tuesday",
                place=None,
                trigger=TextSpan(6, 14, "recalled"),
                sentence=CharRange(0, len(text)),
                quote=None,
                confidence=0.7,
            )
        ],
        quotes=[Quote("Q1", "indirect", TextSpan(0, 35, text[:35]), None, None, None, [], None)],
        times=[Time("T1", 28, 35, "Tuesday", "DATE", "2024-07-30")],
        places=[Place("P1", 0, 5, "Chile", "Chile", 3895114, -30.0, -71.0, "CHL", "PCLI")],
    )


def test_schema_round_trip_through_json():
    result = _sample()
    again = ArticleResult.from_dict(json.loads(result.to_json()))
    assert again == result


def test_schema_to_dict_starts_with_version_and_keeps_null_keys():
    d = _sample().to_dict()
    assert list(d)[0] == "schema" and d["schema"] == "newsevents/1"
    assert "target" in d["events"][0] and d["events"][0]["target"] is None


def test_schema_shipped_json_schema_is_up_to_date():
    shipped = json.loads((resources.files("newsevents") / "schema.json").read_text("utf-8"))
    assert shipped == json_schema(), "run newsevents.schema.write_json_schema to regenerate"


def test_schema_validates_sample_and_rejects_missing_key():
    schema = json_schema()
    d = _sample().to_dict()
    jsonschema.validate(d, schema)
    del d["events"][0]["modality"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(d, schema)


@pytest.mark.model
def test_schema_real_output_validates(pipeline):
    text = (
        "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi "
        'on Monday. "We agreed to open the roads," Ruto told reporters.'
    )
    result = pipeline.extract(text, published="2024-05-14")
    jsonschema.validate(result.to_dict(), json_schema())


def test_schema_every_field_is_documented():
    documented = set(re.findall(r"`([a-z_]+)`", DOCS.read_text("utf-8")))
    fields = set()
    for definition in json_schema()["$defs"].values():
        fields |= set(definition.get("properties", {}))
    missing = sorted(fields - documented)
    assert not missing, f"fields missing from docs/output.md: {missing}"
