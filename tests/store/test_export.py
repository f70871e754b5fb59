"""Exports: JSONL documents, CSV/Parquet tables, and the GDELT 2.0 event table."""

from __future__ import annotations

import csv
import dataclasses
import json

import duckdb
import pytest

from newsevents.article import Article
from newsevents.schema import Place
from newsevents.store import Store, StoreError, export, gdelt_columns
from newsevents.store.gdelt import actor_fields, geo_type
from tests.engines._fake import fake_result


@pytest.fixture()
def store(tmp_path):
    results = []
    for aid, outlet in (("a1", "Wire"), ("a2", "AFP")):
        r = fake_result(Article(text=f"Paris\tsaid talks went well ({aid}).", id=aid))
        place = Place("P1", 0, 5, "Paris", "Paris", 2988507, 48.85, 2.35, "FRA", "PPLC")
        event = dataclasses.replace(
            r.events[0], date="2023-03-15", place="P1", target="A1", target_code="RUSGOV"
        )
        info = dataclasses.replace(r.article, source=outlet, url=f"http://w/{aid}")
        results.append(dataclasses.replace(r, article=info, events=[event], places=[place]))
    with Store(tmp_path / "e.duckdb") as s:
        s.write_batch(results)
        yield s


def test_export_jsonl_documents_round_trip(store, tmp_path):
    out = tmp_path / "out.jsonl"
    assert export(store, "jsonl", out) == 2
    docs = [json.loads(line) for line in out.read_text().splitlines()]
    assert [d["article"]["id"] for d in docs] == ["a1", "a2"]
    assert docs[0]["schema"] == "newsevents/1"


@pytest.mark.parametrize("table", ["articles", "actors", "events", "places", "event_groups"])
def test_export_csv_and_parquet_tables(store, tmp_path, table):
    expected = store.connection.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
    assert export(store, "csv", tmp_path / "t.csv", table=table) == expected
    with open(tmp_path / "t.csv", newline="") as handle:
        assert len(list(csv.reader(handle))) == expected + 1
    assert export(store, "parquet", tmp_path / "t.parquet", table=table) == expected
    con = duckdb.connect()
    got = con.execute(f"SELECT count(*) FROM '{tmp_path / 't.parquet'}'").fetchall()[0][0]
    assert got == expected


def test_export_rejects_unknown_table_and_parquet_to_stdout(store, tmp_path):
    with pytest.raises(StoreError, match="unknown table"):
        export(store, "csv", tmp_path / "x.csv", table="nope")
    with pytest.raises(StoreError, match="stdout"):
        export(store, "parquet", "-")


def test_export_gdelt_has_61_columns_filled_from_the_group(store, tmp_path):
    out = tmp_path / "events.tsv"
    assert export(store, "gdelt", out) == 1
    lines = out.read_text().splitlines()
    cells = lines[0].split("\t")
    assert len(cells) == 61
    row = dict(zip(gdelt_columns(), cells, strict=True))
    assert row["SQLDATE"] == "20230315" and row["MonthYear"] == "202303" and row["Year"] == "2023"
    assert row["Actor1Code"] == "FRAGOV" and row["Actor1CountryCode"] == "FRA"
    assert row["Actor1Type1Code"] == "GOV" and row["Actor2Code"] == "RUSGOV"
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("040", "040", "04")
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("2", "2", "2")
    assert row["QuadClass"] == "1" and row["GoldsteinScale"] == "1.0" and row["AvgTone"] == ""
    assert row["IsRootEvent"] == "1"
    assert row["ActionGeo_Type"] == "4" and row["ActionGeo_CountryCode"] == "FR"
    assert row["ActionGeo_FeatureID"] == "2988507" and row["ActionGeo_Lat"] == "48.85"
    assert row["SOURCEURL"] == "http://w/a1" and len(row["DATEADDED"]) == 14
    assert int(row["GLOBALEVENTID"]) > 0


def test_export_gdelt_columns_match_the_codebook(shared_data):
    path = shared_data / "ontology" / "GDELT_2.0_event_columns.tsv"
    names = [line.split("\t")[1] for line in path.read_text().splitlines()[1:] if line]
    assert list(gdelt_columns()) == names


@pytest.mark.parametrize(
    ("code", "country", "expected"),
    [
        ("SYRGOV", "SYR", {"CountryCode": "SYR", "Type1Code": "GOV"}),
        ("USAMILREB", "USA", {"Type1Code": "MIL", "Type2Code": "REB"}),
        ("IGOUNO", None, {"Type1Code": "IGO", "KnownGroupCode": "UNO", "CountryCode": None}),
        ("GOV", None, {"Type1Code": "GOV", "KnownGroupCode": None}),
        (None, None, {"Code": None, "Type1Code": None}),
        ("RUS", "RUS", {"Type1Code": None}),
    ],
)
def test_gdelt_actor_fields(code, country, expected):
    fields = actor_fields(code, country)
    for key, value in expected.items():
        assert fields[key] == value


@pytest.mark.parametrize(
    ("feature", "country", "expected"),
    [
        ("PCLI", "SYR", 1),
        ("ADM1", "USA", 2),
        ("PPL", "USA", 3),
        ("PPLC", "RUS", 4),
        ("ADM1", "FRA", 5),
        ("MT", "FRA", None),
        (None, None, None),
    ],
)
def test_gdelt_geo_type(feature, country, expected):
    assert geo_type(feature, country) == expected
