"""A pipeline with the times stage only, so these tests do not depend on other stages."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def times_pipeline():
    """spaCy model + ``newsevents_times`` (no other newsevents stage)."""
    from newsevents import Pipeline

    return Pipeline(stages=("newsevents_times",))
