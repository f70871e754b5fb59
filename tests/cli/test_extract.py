"""``newsevents extract`` end to end through click: outputs, order, ids and exit statuses."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsevents.cli import cli

pytestmark = pytest.mark.model

STORY = (
    "Police in Nairobi arrested 12 protesters on Tuesday, a police spokesman said. "
    '"They blocked the highway for hours," he told reporters.'
)


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(cli, list(args), input=stdin)


def test_cli_extract_json_from_file(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    result = run("extract", str(path), "--published", "2024-06-25")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "newsevents/1"
    assert data["article"]["published"] == "2024-06-25"
    assert data["article"]["text"] == STORY


def test_cli_extract_jsonl_keeps_order_ids_and_reports_bad_line(tmp_path):
    lines = [
        json.dumps({"id": "z9", "text": STORY}),
        "{broken",
        json.dumps({"id": "a1", "text": "Ministers met in Accra on Monday."}),
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("extract", str(path), "--format", "jsonl", "--quiet")
    assert result.exit_code == 1
    ids = [json.loads(line)["article"]["id"] for line in result.stdout.splitlines()]
    assert ids == ["z9", "a1"]
    assert f"{path}:2" in result.stderr


def test_cli_extract_stdin_table():
    result = run("extract", "-", "--format", "table", "--published", "2024-06-25", stdin=STORY)
    assert result.exit_code == 0
    assert "Actors" in result.stdout and "Events" in result.stdout


@pytest.mark.parametrize(
    ("args", "stdin", "status", "message"),
    [
        (["extract", "-", "--published", "25/06/2024"], STORY, 2, "YYYY-MM-DD"),
        (["extract", "no-such-file.txt"], None, 2, "no such file"),
        (["extract", "-"], "   ", 3, "empty"),
        (
            ["extract", "-"],
            "El gobierno de Chile anunció hoy nuevas medidas económicas para las familias.",
            3,
            "not English",
        ),
    ],
)
def test_cli_extract_bad_input_exit_status(args, stdin, status, message):
    result = run(*args, stdin=stdin)
    assert result.exit_code == status
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_extract_binary_file(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes(b"\x00\x01\x02binary")
    result = run("extract", str(path))
    assert result.exit_code == 3 and "binary" in result.stderr
