"""API key resolution and checking (server/_auth.py)."""

from __future__ import annotations

import pytest

from newsevents.server import ApiKeyError, resolve_api_key
from newsevents.server._auth import key_matches, presented_key

KEY = "k" * 20


def test_auth_key_from_file_wins_over_env(tmp_path):
    path = tmp_path / "key"
    path.write_text(f"{KEY}\nignored second line\n", encoding="utf-8")
    assert resolve_api_key(path, environ={"NEWSEVENTS_API_KEY": "e" * 20}) == KEY


@pytest.mark.parametrize(
    ("environ", "expected"),
    [({"NEWSEVENTS_API_KEY": f"  {KEY} "}, KEY), ({}, None), ({"NEWSEVENTS_API_KEY": " "}, None)],
)
def test_auth_key_from_env(environ, expected):
    assert resolve_api_key(None, environ=environ) == expected


@pytest.mark.parametrize("content", ["", "short\n", "\n" + KEY])
def test_auth_rejects_empty_or_short_key_file(tmp_path, content):
    path = tmp_path / "key"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ApiKeyError, match="shorter than 16"):
        resolve_api_key(path, environ={})


def test_auth_rejects_short_env_key():
    with pytest.raises(ApiKeyError, match="NEWSEVENTS_API_KEY"):
        resolve_api_key(None, environ={"NEWSEVENTS_API_KEY": "abc"})


def test_auth_missing_key_file_names_it(tmp_path):
    with pytest.raises(ApiKeyError, match="nope.txt"):
        resolve_api_key(tmp_path / "nope.txt", environ={})


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"x-api-key": KEY}, KEY),
        ({"authorization": f"Bearer {KEY}"}, KEY),
        ({"authorization": f"bearer  {KEY} "}, KEY),
        ({"authorization": f"Basic {KEY}"}, None),
        ({"authorization": "Bearer "}, None),
        ({}, None),
    ],
)
def test_auth_presented_key(headers, expected):
    assert presented_key(headers) == expected


@pytest.mark.parametrize(
    ("presented", "ok"),
    [(KEY, True), (KEY + "x", False), ("", False), (None, False), ("ключ", False)],
)
def test_auth_key_matches(presented, ok):
    assert key_matches(KEY, presented) is ok
