"""The public surface is deliberate: __all__ matches the module and is documented."""

from __future__ import annotations

import types
from pathlib import Path

import newsevents

README = Path(__file__).resolve().parents[1] / "README.md"


def test_public_api_all_lists_every_public_member():
    public = {
        name
        for name, value in vars(newsevents).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }
    assert sorted(newsevents.__all__, key=str.casefold) == newsevents.__all__
    assert public == set(newsevents.__all__)


def test_public_api_every_name_is_in_the_readme():
    readme = README.read_text("utf-8")
    missing = [name for name in newsevents.__all__ if f"`{name}`" not in readme]
    assert not missing, f"public names missing from README.md: {missing}"
