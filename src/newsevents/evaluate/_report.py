"""The common result of every scorer: named precision/recall/F1 rows plus extra figures."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class Metric:
    """Counts for one row of an evaluation table; P/R/F1 are derived."""

    name: str
    tp: int = 0  # predicted items that match a gold item
    fp: int = 0  # predicted items that match none
    fn: int = 0  # gold items nothing matched

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(slots=True)
class EvalReport:
    """What ``newsevents eval TASK`` prints: P/R/F1 rows and other named figures (ratios)."""

    task: str
    gold: str
    documents: int = 0
    metrics: list[Metric] = field(default_factory=list)
    figures: dict[str, float] = field(default_factory=dict)  # e.g. {"speaker_accuracy": 0.87}
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def metric(self, name: str) -> Metric:
        """The row called ``name``, created on first use."""
        for m in self.metrics:
            if m.name == name:
                return m
        m = Metric(name)
        self.metrics.append(m)
        return m

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["metrics"] = [m.to_dict() for m in self.metrics]
        d["figures"] = {k: round(v, 4) for k, v in self.figures.items()}
        return d


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0.0 where undefined)."""
    m = Metric("", tp, fp, fn)
    return m.precision, m.recall, m.f1
