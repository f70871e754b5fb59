"""Language check before coding: a non-English article is reported, not coded into garbage."""

from __future__ import annotations

from functools import lru_cache

# Only a confident verdict on enough text rejects an article: short or all-caps
# snippets ("NATO UN EU") are often misjudged, and a false rejection loses an article.
_MIN_LETTERS = 40
_MIN_CONFIDENCE = 0.9
_SAMPLE_CHARS = 1200  # a confident verdict needs far less; classifying costs per character


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float] | None:
    """ISO 639-1 code and confidence of ``text``, or None when there is too little text."""
    sample = text[:_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < _MIN_LETTERS:
        return None
    lang, prob = _identifier().classify(sample)
    return str(lang), float(prob)


def is_confidently_not_english(text: str) -> str | None:
    """The detected language when it is confidently not English, else None."""
    found = detect_language(text)
    if found is None:
        return None
    lang, prob = found
    return lang if lang != "en" and prob >= _MIN_CONFIDENCE else None
