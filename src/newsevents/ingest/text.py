"""Read plain-text files and stdin as UTF-8, with a clear error for anything else."""

from __future__ import annotations

from pathlib import Path

from ..errors import DecodeError


def decode_text(data: bytes, *, source: str) -> str:
    """Decode UTF-8 bytes (a BOM is dropped); binary or other encodings raise DecodeError.

    Offsets in the output index the decoded string exactly as returned here.
    """
    if b"\x00" in data[:8192]:
        raise DecodeError(f"{source}: looks like a binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"{source}: not valid UTF-8 (byte {exc.start}); convert it to UTF-8 first"
        ) from None
    return text.removeprefix("\ufeff")


def read_text_file(path: str | Path) -> str:
    """The UTF-8 text of a file."""
    return decode_text(Path(path).read_bytes(), source=str(path))
