"""The team-written place tables load, and a malformed line names its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.errors import LexiconError
from newsevents.places.build import country_points
from newsevents.places.lexicon import default_place_lexicon, load_place_lexicon


def test_lexicon_packaged_tables_load() -> None:
    lex = default_place_lexicon()
    assert lex.demonyms["syrian"] == "SY"
    assert lex.demonyms["south korean"] == "KR"
    assert lex.aliases["u.s."] == "US"
    assert lex.comma_aliases["calif."] == "US.CA"
    assert "calif." not in lex.aliases  # AP abbreviations only after a comma
    assert lex.feature_priors["PCLI"] > lex.feature_priors["ADM1"] > lex.feature_priors["PPL"]
    assert lex.max_demonym_words >= 2
    assert lex.feature_priors["OCN"] > lex.feature_priors["PPL"]  # a feature-table code
    assert lex.demonyms["kurdish"] == "Kurdistan"
    assert "university" in lex.org_words and "west" in lex.not_places


@pytest.mark.parametrize(
    ("file", "content", "line"),
    [
        ("demonyms", "demonym\ttarget\nSyrian\tsyria\n", 2),
        ("demonyms", "word\ttarget\nSyrian\tSY\n", 1),
        ("aliases", "alias\ttarget\twhere\nU.S.\tUS\teverywhere\n", 2),
        ("aliases", "alias\ttarget\twhere\n# comment\nU.S.\tUS\n", 3),
        ("priors", "feature\tprior\nPCLI\thigh\n", 2),
    ],
)
def test_lexicon_malformed_line_raises(tmp_path: Path, file: str, content: str, line: int) -> None:
    path = tmp_path / f"{file}.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_place_lexicon(**{f"{file}_path": path})
    assert info.value.path == str(path)
    assert info.value.line == line


def test_lexicon_extra_aliases_add_names(tmp_path: Path) -> None:
    extra = tmp_path / "mine.tsv"
    extra.write_text("alias\ttarget\twhere\nDixie\tUS.GA\tany\n", encoding="utf-8")
    lex = load_place_lexicon(extra=[extra])
    assert lex.aliases["dixie"] == "US.GA"
    assert lex.aliases["u.s."] == "US"


@pytest.mark.parametrize(
    "content",
    [
        "iso\tlat\tlon\nRU\tnorth\t100\n",
        "iso\tlat\tlon\nRUS\t60\t100\n",
        "iso\tlat\tlon\nRU\t95\t100\n",
        "code\tlat\tlon\nRU\t60\t100\n",
    ],
)
def test_lexicon_country_points_malformed(content: str) -> None:
    with pytest.raises(LexiconError):
        country_points(content)


def test_lexicon_country_points_packaged() -> None:
    assert country_points()["RU"] == (60.0, 100.0)


def test_article_and_generic_words_are_never_places() -> None:
    # "Thames Valley": not the capital of Anguilla ("The Valley") inside it.
    not_places = default_place_lexicon().not_places
    assert {"the", "valley", "quarter", "islands"} <= not_places
