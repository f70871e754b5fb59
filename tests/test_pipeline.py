"""The pipeline: contract filled honestly, failures per article, order, chunking, processes."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents import Article, EmptyTextError, Failure, NotEnglishError
from newsevents.pipeline import STAGES, split_text

STORY = (
    "Foreign ministers of Norway and Finland met in Oslo on Tuesday to discuss Arctic fishing "
    "quotas, the Norwegian foreign ministry said.\n\n"
    '"We found more common ground than we expected," the Finnish minister told reporters.'
)


def test_pipeline_split_text_rejoins_exactly():
    text = ("One paragraph here.\n\n" * 30) + "x" * 500
    chunks = split_text(text, 200)
    assert "".join(c for _, c in chunks) == text
    assert all(text[o : o + len(c)] == c for o, c in chunks)
    assert all(len(c) <= 200 for _, c in chunks)


@given(st.text(max_size=400), st.integers(min_value=5, max_value=60))
def test_pipeline_split_text_any_text(text, size):
    chunks = split_text(text, size)
    assert "".join(c for _, c in chunks) == text


@pytest.mark.model
def test_pipeline_registers_stages_in_order(nlp):
    assert [n for n in nlp.pipe_names if n.startswith("newsevents_")] == list(STAGES)


@pytest.mark.model
def test_pipeline_extract_fills_article_info(pipeline):
    result = pipeline.extract(STORY, published="2024-03-05", id="n1", title="Arctic talks")
    art = result.article
    assert (art.id, art.title, art.published, art.chars) == (
        "n1",
        "Arctic talks",
        "2024-03-05",
        len(STORY),
    )
    assert art.text == STORY and art.language == "en"


@pytest.mark.model
@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_pipeline_empty_text_raises(pipeline, text):
    with pytest.raises(EmptyTextError):
        pipeline.extract(text)


@pytest.mark.model
def test_pipeline_not_english_raises(pipeline):
    german = (
        "Die Außenminister von Norwegen und Finnland haben sich am Dienstag in Oslo getroffen, "
        "um über Fangquoten in der Arktis zu sprechen, teilte das Ministerium mit."
    )
    with pytest.raises(NotEnglishError) as info:
        pipeline.extract(german)
    assert info.value.language == "de"


@pytest.mark.model
def test_pipeline_pipe_keeps_order_and_yields_failures_in_place(pipeline):
    articles = [
        Article(text=STORY, id="a"),
        Article(text="  ", id="b"),
        Article(text="Police arrested two men in Lagos on Friday.", id="c"),
    ]
    outcomes = list(pipeline.pipe(articles, failures="yield"))
    assert [type(o).__name__ for o in outcomes] == ["ArticleResult", "Failure", "ArticleResult"]
    assert outcomes[0].article.id == "a" and outcomes[2].article.id == "c"
    assert isinstance(outcomes[1], Failure) and outcomes[1].error == "EmptyTextError"


@pytest.mark.model
def test_pipeline_long_text_is_chunked_with_exact_offsets(pipeline):
    from newsevents.pipeline import Pipeline

    small = Pipeline(nlp=pipeline.nlp, max_chunk_chars=300)
    text = "\n\n".join([STORY] * 4)
    result = small.extract(text, published=dt.date(2024, 3, 5))
    for span in _spans(result):
        assert text[span.start : span.end] == span.text


@pytest.mark.model
def test_pipeline_two_processes_give_the_same_results(pipeline):
    articles = [Article(text=STORY, id=str(i), published=dt.date(2024, 3, 5)) for i in range(4)]
    one = [r.to_dict() for r in pipeline.pipe(articles, n_process=1)]
    two = [r.to_dict() for r in pipeline.pipe(articles, n_process=2, batch_size=2)]
    assert one == two


def _spans(result):
    for a in result.actors:
        yield from a.mentions
    for e in result.events:
        yield e.trigger
    for q in result.quotes:
        yield q.content
        yield from (s for s in (q.cue, q.speaker_mention) if s is not None)
    yield from result.times
    yield from result.places


@pytest.mark.model
@settings(max_examples=30, deadline=None)
@given(st.text(min_size=1, max_size=300))
def test_pipeline_any_text_no_crash_and_offsets_slice(pipeline, text):
    try:
        result = pipeline.extract(text)
    except (EmptyTextError, NotEnglishError):
        return
    for span in _spans(result):
        assert text[span.start : span.end] == span.text
