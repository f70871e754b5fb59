"""The API key that guards writes (POST /articles); reads need none.

The key comes from ``--api-key-file`` (a file holding the key on its first line), else
the environment variable ``NEWSEVENTS_API_KEY``. Without a key the server is read-only.
Clients send it as ``X-API-Key: KEY`` or ``Authorization: Bearer KEY``.
"""

from __future__ import annotations

import hmac
import os
from collections.abc import Mapping
from pathlib import Path

ENV_VAR = "NEWSEVENTS_API_KEY"
MIN_KEY_CHARS = 16


class ApiKeyError(ValueError):
    """The configured key is unreadable or too short to be a secret."""


def resolve_api_key(
    key_file: str | Path | None = None, *, environ: Mapping[str, str] | None = None
) -> str | None:
    """The write key from ``key_file`` or ``$NEWSEVENTS_API_KEY``; None when neither is set.

    Raises:
        ApiKeyError: the file cannot be read, is empty, or the key is shorter than 16 chars.
    """
    env = os.environ if environ is None else environ
    if key_file is not None:
        try:
            lines = Path(key_file).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise ApiKeyError(f"cannot read API key file {str(key_file)!r}: {exc}") from None
        key = lines[0].strip() if lines else ""
        source = f"API key file {str(key_file)!r}"
    else:
        key = env.get(ENV_VAR, "").strip()
        if not key:
            return None
        source = f"${ENV_VAR}"
    if len(key) < MIN_KEY_CHARS:
        raise ApiKeyError(f"the key in {source} is shorter than {MIN_KEY_CHARS} characters")
    return key


def presented_key(headers: Mapping[str, str]) -> str | None:
    """The key a request presents, from ``X-API-Key`` or a bearer ``Authorization``."""
    key = headers.get("x-api-key")
    if key:
        return key.strip()
    auth = headers.get("authorization", "")
    scheme, _, value = auth.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return None


def key_matches(expected: str, presented: str | None) -> bool:
    """Constant-time comparison, so response times do not leak the key."""
    if presented is None:
        return False
    return hmac.compare_digest(expected.encode("utf-8"), presented.encode("utf-8"))
