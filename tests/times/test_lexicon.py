"""The word lists load, and a malformed line names its file and line."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from newsevents.errors import LexiconError
from newsevents.times.lexicon import default_time_lexicon, load_time_lexicon


def test_lexicon_packaged_lists_load() -> None:
    lex = default_time_lexicon()
    assert lex.months["feb."] == 2
    assert lex.weekdays["tuesday"] == 2
    assert "may" in lex.ambiguous_months
    assert lex.units["hours"] == ("H", "TH")


def _copy_lists(tmp_path: Path) -> Path:
    src = resources.files("newsevents") / "data" / "times"
    for entry in src.iterdir():
        if entry.name.endswith(".tsv"):
            (tmp_path / entry.name).write_text(entry.read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("name", "bad_line"),
    [
        ("months.tsv", "smarch\t13\tno"),
        ("vague.tsv", "lately\tDATE\tSOMETIME"),
        ("units.tsv", "fortnightly\tZZ\tD"),
        ("weekdays.tsv", "Funday\t8"),
        ("verbs.tsv", "plan\tsoon"),
    ],
)
def test_lexicon_malformed_line_raises_with_location(
    tmp_path: Path, name: str, bad_line: str
) -> None:
    d = _copy_lists(tmp_path)
    path = d / name
    path.write_text(path.read_text(encoding="utf-8") + bad_line + "\n", encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_time_lexicon(d)
    assert name in str(err.value)
    assert str(len(path.read_text(encoding="utf-8").splitlines())) in str(err.value)


def test_lexicon_component_reads_user_directory(tmp_path: Path) -> None:
    """The factory's ``lexicon_dir`` swaps the packaged lists for a user's copy."""
    import datetime as dt

    import spacy

    import newsevents.times.component  # noqa: F401 - registers the factory

    d = _copy_lists(tmp_path)
    vague = d / "vague.tsv"
    vague.write_text(vague.read_text(encoding="utf-8") + "of late\tDATE\tPAST_REF\n", "utf-8")
    nlp = spacy.blank("en")
    nlp.add_pipe("newsevents_times", config={"lexicon_dir": str(d)})
    doc = nlp.make_doc("Prices have risen of late.")
    doc._.ne_published = dt.date(2023, 3, 16)
    assert [(t.text, t.value) for t in nlp(doc)._.ne_times] == [("of late", "PAST_REF")]
