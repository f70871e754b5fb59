"""``newsevents serve`` (cli/serve.py): options, key errors, and the app handed to uvicorn."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from newsevents.cli.serve import serve_command


@pytest.fixture
def fake_uvicorn(monkeypatch):
    calls: list[dict] = []

    def run(app, **kwargs):  # noqa: ANN001, ANN202
        calls.append({"app": app, **kwargs})

    import uvicorn

    monkeypatch.setattr(uvicorn, "run", run)
    return calls


def test_cli_serve_defaults_to_loopback_read_only(fresh_db, fake_uvicorn, monkeypatch):
    monkeypatch.delenv("NEWSEVENTS_API_KEY", raising=False)
    result = CliRunner().invoke(serve_command, ["--db", str(fresh_db)])
    assert result.exit_code == 0, result.output
    (call,) = fake_uvicorn
    assert (call["host"], call["port"]) == ("127.0.0.1", 8000)
    assert call["app"].state.newsevents.writable is False
    assert "read-only" in result.output
    call["app"].state.newsevents.close()


def test_cli_serve_reads_the_key_file(fresh_db, fake_uvicorn, tmp_path):
    key = tmp_path / "key"
    key.write_text("s" * 24 + "\n", encoding="utf-8")
    args = ["--db", str(fresh_db), "--port", "9123", "--api-key-file", str(key)]
    result = CliRunner().invoke(serve_command, args)
    assert result.exit_code == 0, result.output
    state = fake_uvicorn[0]["app"].state.newsevents
    assert state.writable and state.api_key == "s" * 24
    assert fake_uvicorn[0]["port"] == 9123
    state.close()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--api-key-file", "{tmp}/missing"], "cannot read API key file"),
        (["--api-key-file", "{tmp}/short"], "shorter than 16"),
        (["--port", "70000"], "70000"),
    ],
)
def test_cli_serve_usage_errors_exit_2(fresh_db, fake_uvicorn, tmp_path, args, message):
    (tmp_path / "short").write_text("abc", encoding="utf-8")
    argv = ["--db", str(fresh_db), *[a.format(tmp=tmp_path) for a in args]]
    result = CliRunner().invoke(serve_command, argv)
    assert result.exit_code == 2
    assert message in result.output
    assert not fake_uvicorn


def test_cli_serve_unusable_store_exits_2(tmp_path, fake_uvicorn):
    result = CliRunner().invoke(serve_command, ["--db", str(tmp_path / "no" / "dir.duckdb")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert not fake_uvicorn


def test_cli_serve_help_has_an_example():
    result = CliRunner().invoke(serve_command, ["--help"])
    assert "Example:" in result.output and "--api-key-file" in result.output
