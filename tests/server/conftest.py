"""Server fixtures: hand-built article results in a real DuckDB store, and the app over it.

The stages are built in parallel, so results are made by hand here (texts written for
these tests) to give the API events, quotes, times and places to serve.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pytest

from newsevents.schema import (
    Actor,
    ArticleInfo,
    ArticleResult,
    CharRange,
    Event,
    Place,
    Plover,
    Quote,
    TextSpan,
    Time,
)

API_KEY = "test-key-0123456789abcdef"

WATER_TEXT = (
    "Portuguese and Spanish ministers met in Lisbon on Monday to discuss water sharing.\n\n"
    'Prime Minister Ana Ramos praised the Spanish government for its help, saying "the rivers '
    'belong to both of us," her office said.\n\n'
    "Spain's foreign minister criticised the delay in the joint report."
)

HOSTILE_TEXT = (
    '<script>window.__xss = 1</script> Mayor O\'Hara "<b>Boss</b>" accused '
    '<img src=x onerror="window.__xss=2"> Council of fraud on Friday.'
)


def span(text: str, needle: str, nth: int = 0) -> TextSpan:
    """The span of the ``nth`` occurrence of ``needle`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return TextSpan(start, start + len(needle), needle)


def sentence_of(text: str, pos: int) -> CharRange:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return CharRange(start, len(text) if end == -1 else end)


def event(
    text: str,
    eid: str,
    trigger: str,
    *,
    source: Actor | None,
    target: Actor | None,
    cameo: str,
    name: str,
    quad: int,
    goldstein: float,
    plover: str | None,
    date: str | None = None,
    place: Place | None = None,
    quote: str | None = None,
) -> Event:
    trig = span(text, trigger)
    return Event(
        id=eid,
        source=source.id if source else None,
        target=target.id if target else None,
        source_code=source.code if source else None,
        target_code=target.code if target else None,
        cameo=cameo,
        cameo_root=cameo[:2],
        cameo_name=name,
        plover=Plover(plover) if plover else None,
        goldstein=goldstein,
        quad_class=quad,
        modality="asserted",
        date=date,
        date_text="Monday" if date else None,
        place=place.id if place else None,
        trigger=trig,
        sentence=sentence_of(text, trig.start),
        quote=quote,
        confidence=0.8,
    )


def water_result(article_id: str = "water-1", published: str = "2024-05-08") -> ArticleResult:
    """A result with every kind of annotation, on :data:`WATER_TEXT`."""
    t = WATER_TEXT
    prt = Actor("A1", "Portugal", "country", "PRTGOV", "PRT", ["GOV"], [span(t, "Portuguese")])
    esp = Actor(
        "A2",
        "Spain",
        "country",
        "ESPGOV",
        "ESP",
        ["GOV"],
        [span(t, "Spanish"), span(t, "the Spanish government"), span(t, "Spain")],
    )
    ramos = Actor(
        "A3", "Ana Ramos", "person", "PRTGOV", "PRT", ["GOV"], [span(t, "Prime Minister Ana Ramos")]
    )
    lisbon = Place("P1", *_se(t, "Lisbon"), "Lisbon", 2267057, 38.72, -9.14, "PRT", "PPLC")
    monday = Time("T1", *_se(t, "Monday"), "DATE", "2024-05-06")
    quote = Quote(
        "Q1",
        "direct",
        span(t, "the rivers belong to both of us,"),
        "A3",
        span(t, "her office"),
        span(t, "said"),
        [],
        None,
    )
    events = [
        event(
            t,
            "E1",
            "met",
            source=prt,
            target=esp,
            cameo="040",
            name="Consult",
            quad=1,
            goldstein=1.0,
            plover="CONSULT",
            date="2024-05-06",
            place=lisbon,
        ),
        event(
            t,
            "E2",
            "praised",
            source=ramos,
            target=esp,
            cameo="051",
            name="Praise or endorse",
            quad=1,
            goldstein=3.4,
            plover="SUPPORT",
            date="2024-05-06",
        ),
        event(
            t,
            "E3",
            "criticised",
            source=esp,
            target=prt,
            cameo="111",
            name="Criticize or denounce",
            quad=3,
            goldstein=-2.0,
            plover="ACCUSE",
        ),
    ]
    return ArticleResult(
        article=ArticleInfo(
            id=article_id,
            title="Iberian water talks",
            published=published,
            source="Test Wire",
            url="https://example.invalid/water",
            chars=len(t),
            text=t,
        ),
        actors=[prt, esp, ramos],
        events=events,
        quotes=[quote],
        times=[monday],
        places=[lisbon],
    )


def hostile_result(article_id: str = "hostile-<1>") -> ArticleResult:
    """Markup, event handlers and quote marks in the text, names, title and id."""
    t = HOSTILE_TEXT
    mayor = Actor(
        "A1",
        'O\'Hara "<b>Boss</b>"',
        "person",
        "USAGOV",
        "USA",
        ["GOV"],
        [span(t, 'Mayor O\'Hara "<b>Boss</b>"')],
    )
    council = Actor(
        "A2",
        '<img src=x onerror="window.__xss=3">',
        "organization",
        "USALEG",
        "USA",
        ["LEG"],
        [span(t, "Council")],
    )
    return ArticleResult(
        article=ArticleInfo(
            id=article_id,
            title="<script>window.__xss=4</script>\"'><img src=x onerror=alert(1)>",
            published="2024-05-10",
            source="<b>Wire</b>",
            chars=len(t),
            text=t,
        ),
        actors=[mayor, council],
        events=[
            event(
                t,
                "E1",
                "accused",
                source=mayor,
                target=council,
                cameo="112",
                name="<i>Accuse</i>",
                quad=3,
                goldstein=-2.0,
                plover="ACCUSE",
            ),
        ],
        times=[Time("T1", *_se(t, "Friday"), "DATE", "2024-05-10")],
    )


def _se(text: str, needle: str) -> tuple[int, int, str]:
    s = span(text, needle)
    return s.start, s.end, s.text


def many_results(n: int) -> list[ArticleResult]:
    """``n`` copies of the water article on successive days (for paging and sorting)."""
    base = dt.date(2024, 1, 1)
    return [
        water_result(f"bulk-{i:03d}", (base + dt.timedelta(days=i)).isoformat()) for i in range(n)
    ]


@pytest.fixture(scope="session")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the water article, the hostile one and 30 bulk copies (read it only)."""
    from newsevents.store import Store

    path = tmp_path_factory.mktemp("store") / "events.duckdb"
    with Store(path) as store:
        store.write_batch([water_result(), hostile_result(), *many_results(30)])
    return path


@pytest.fixture
def fresh_db(db_path: Path, tmp_path: Path) -> Path:
    """A private copy of :func:`db_path` for tests that write."""
    copy = tmp_path / "events.duckdb"
    shutil.copyfile(db_path, copy)
    return copy


@pytest.fixture(scope="session")
def client(db_path: Path):
    """A TestClient over a read-only app (no API key), shared by the read tests."""
    from fastapi.testclient import TestClient

    from newsevents.server import create_app

    with TestClient(create_app(db_path)) as c:
        yield c


@pytest.fixture
def write_client(fresh_db: Path, fake_pipeline):
    """A TestClient over a writable app with :data:`API_KEY` and a fake pipeline."""
    from fastapi.testclient import TestClient

    from newsevents.server import create_app

    with TestClient(create_app(fresh_db, api_key=API_KEY, pipeline=fake_pipeline)) as c:
        yield c


class FakePipeline:
    """Stands in for :class:`newsevents.Pipeline`: returns the water result for any text."""

    def __init__(self) -> None:
        self.calls = 0

    def extract(self, text: str, *, published: str | None = None) -> ArticleResult:
        from newsevents.article import Article, parse_published

        return self.process(Article(text=text, published=parse_published(published)))

    def process(self, article):  # noqa: ANN001 - mirrors Pipeline.process
        from newsevents.errors import EmptyTextError

        self.calls += 1
        if not article.text.strip():
            raise EmptyTextError("the article text is empty")
        info = ArticleInfo(
            id=article.key,
            title=article.title,
            published=article.published.isoformat() if article.published else None,
            source=article.source,
            url=article.url,
            chars=len(article.text),
            text=article.text,
        )
        if article.text == WATER_TEXT:
            return dataclasses.replace(water_result(), article=info)
        return ArticleResult(article=info)


@pytest.fixture
def fake_pipeline() -> FakePipeline:
    return FakePipeline()
