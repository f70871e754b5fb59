"""``newsevents run`` and ``newsevents export`` end to end (real model, one worker)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsevents.cli import cli
from newsevents.store import Store

STORIES = [
    "The Chilean president met union leaders in Santiago on Monday to end a port strike.",
    "Soldiers in Mali detained a local mayor on Sunday, officials said.",
    "Canada's trade minister criticised new tariffs announced by Washington on Friday.",
]


def _inputs(tmp_path):
    lines = [
        json.dumps({"id": f"s{i}", "text": t, "published": "2024-05-08"})
        for i, t in enumerate(STORIES)
    ]
    lines.insert(1, '{"id": "broken"')
    (tmp_path / "news.jsonl").write_text("\n".join(lines) + "\n")
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "note.txt").write_text("Police in Oslo questioned two suspects on Tuesday.")
    return [str(tmp_path / "news.jsonl"), str(folder)]


@pytest.mark.model
def test_cli_run_stores_resumes_and_exports(tmp_path):
    db = tmp_path / "events.duckdb"
    args = ["run", *_inputs(tmp_path), "--db", str(db), "--workers", "1", "--batch-size", "2"]
    runner = CliRunner()
    first = runner.invoke(cli, args)
    assert first.exit_code == 1, first.output  # two inputs failed, the rest are stored
    assert "4 articles stored" in first.output and "2 failed" in first.output
    again = runner.invoke(cli, [*args, "--quiet"])
    assert again.exit_code == 1
    with Store(db, read_only=True) as store:
        counts = store.counts()
        assert counts["articles"] == 4 and counts["failures"] == 2
        assert store.get_article("s0").article.published == "2024-05-08"
    for fmt, name in (("jsonl", "a.jsonl"), ("csv", "e.csv"), ("parquet", "e.parquet")):
        out = tmp_path / name
        result = runner.invoke(cli, ["export", "--db", str(db), "--format", fmt, "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 0
    gdelt = runner.invoke(cli, ["export", "--db", str(db), "--format", "gdelt", "--out", "-"])
    assert gdelt.exit_code == 0
    assert all(len(line.split("\t")) == 61 for line in gdelt.output.splitlines())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run", "missing.jsonl", "--db", "{tmp}/e.duckdb"], "no such file"),
        (["run", "{tmp}/in.txt", "--db", "{tmp}/nofolder/e.duckdb"], "does not exist"),
        (["run", "{tmp}/in.txt", "--db", "{tmp}"], "is a directory"),
        (["run", "{tmp}/in.txt", "--db", "{tmp}/e.duckdb", "--published", "soon"], "YYYY-MM-DD"),
        (["export", "--db", "{tmp}/none.duckdb", "--format", "csv", "--out", "x"], "no such"),
    ],
)
def test_cli_run_and_export_usage_errors(tmp_path, args, message):
    (tmp_path / "in.txt").write_text("Ministers met in Oslo.")
    result = CliRunner().invoke(cli, [a.format(tmp=tmp_path) for a in args])
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
