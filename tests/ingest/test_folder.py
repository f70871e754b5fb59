"""Folders as inputs: article files below a folder, sorted, hidden files skipped."""

from __future__ import annotations

from newsevents.ingest.folder import expand_inputs, iter_folder


def _tree(root):
    for name in ["b/2.txt", "b/10.html", "a.jsonl", ".hidden/x.txt", "b/.DS_Store", "notes.pdf"]:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")


def test_folder_lists_article_files_sorted(tmp_path):
    _tree(tmp_path)
    found = [p[len(str(tmp_path)) + 1 :] for p in iter_folder(tmp_path)]
    assert found == ["a.jsonl", "b/10.html", "b/2.txt"]


def test_folder_without_suffix_filter_keeps_every_visible_file(tmp_path):
    _tree(tmp_path)
    assert len(list(iter_folder(tmp_path, suffixes=None))) == 4


def test_folder_expand_inputs_keeps_files_and_stdin(tmp_path):
    _tree(tmp_path)
    single = str(tmp_path / "a.jsonl")
    expanded = list(expand_inputs(["-", single, str(tmp_path / "b")]))
    assert expanded[:2] == ["-", single] and len(expanded) == 4


def test_folder_empty(tmp_path):
    assert list(iter_folder(tmp_path)) == []
