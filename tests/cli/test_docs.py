"""Docs are part of the contract: every command is in the README and has an example."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newsevents.cli import cli

README = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_cli_command_is_documented_in_readme(command):
    assert f"newsevents {command}" in README


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_cli_command_help_runs(command):
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output
