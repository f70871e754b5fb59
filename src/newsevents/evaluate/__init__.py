"""Scorers and gold-file readers for ``newsevents eval``.

Each task has one module (``evaluate/events.py`` …) with one entry function
``evaluate_<task>(gold_path, pipeline, *, limit=None) -> EvalReport``. Gold files are
read from the path given; nothing from them is stored in the project.
"""

from ._report import EvalReport, Metric, prf

__all__ = ["EvalReport", "Metric", "prf"]
