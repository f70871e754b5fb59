"""Folders as inputs: every article file below a folder, in a stable (sorted) order."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from pathlib import Path

ARTICLE_SUFFIXES: frozenset[str] = frozenset(
    {".txt", ".text", ".md", ".html", ".htm", ".jsonl", ".ndjson", ".json", ".csv"}
    | {".rss", ".atom", ".xml"}
)
"""File extensions ``iter_folder`` picks up by default (case-insensitive)."""


def iter_folder(
    path: str | Path, *, suffixes: Collection[str] | None = ARTICLE_SUFFIXES
) -> Iterator[str]:
    """Paths of the files below ``path`` (recursively), sorted by their relative path.

    Hidden files and folders (names starting with ``.``) are skipped, and so are files
    whose extension is not in ``suffixes`` (``None`` keeps every file), so a folder of
    articles with a stray ``.DS_Store`` or ``README.pdf`` reads cleanly.
    """
    root = Path(path)
    wanted = {s.lower() for s in suffixes} if suffixes is not None else None
    found: list[tuple[tuple[str, ...], Path]] = []
    for file in root.rglob("*"):
        relative = file.relative_to(root).parts
        if any(part.startswith(".") for part in relative) or not file.is_file():
            continue
        if wanted is not None and file.suffix.lower() not in wanted:
            continue
        found.append((relative, file))
    for _, file in sorted(found, key=lambda item: item[0]):
        yield str(file)


def expand_inputs(inputs: Sequence[str]) -> Iterator[str]:
    """The inputs with every folder replaced by the article files below it."""
    for name in inputs:
        if name != "-" and Path(name).is_dir():
            yield from iter_folder(name)
        else:
            yield name
