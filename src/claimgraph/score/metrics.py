"""The result of scoring: counts, precision / recall / F1, attribute accuracy, and what was missed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def ratio(num: float, den: float) -> float:
    """num / den, and 1.0 for 0 / 0 (nothing expected and nothing found is a perfect score)."""
    return 1.0 if den == 0 else num / den


@dataclass(frozen=True, slots=True)
class FieldScore:
    """How often a matched prediction got one attribute right, counted where the gold states it."""

    correct: int
    total: int

    @property
    def accuracy(self) -> float:
        return ratio(self.correct, self.total)


@dataclass(frozen=True, slots=True)
class Score:
    """Micro-averaged over documents: `tp` gold items found, `fp` predicted items not in the gold,
    `fn` gold items not found. For the text task the items are word tokens."""

    task: str
    tp: int
    fp: int
    fn: int
    docs: int
    fields: dict[str, FieldScore] = field(default_factory=dict)
    missed: tuple[str, ...] = ()  # gold items not found, as "doc: label"
    spurious: tuple[str, ...] = ()  # predicted items with no gold partner
    missing_docs: tuple[str, ...] = ()  # gold documents the prediction does not contain
    extra: dict[str, float] = field(default_factory=dict)  # task-specific figures (e.g. macro F1)

    @property
    def precision(self) -> float:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def to_dict(self) -> dict[str, Any]:
        return {
            "task": self.task,
            "docs": self.docs,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "fields": {
                k: {"correct": v.correct, "total": v.total, "accuracy": round(v.accuracy, 4)}
                for k, v in self.fields.items()
            },
            "extra": {k: round(v, 4) for k, v in self.extra.items()},
            "missed": list(self.missed),
            "spurious": list(self.spurious),
            "missing_docs": list(self.missing_docs),
        }


class Tally:
    """Accumulates counts while a task walks its documents, then freezes into a `Score`."""

    def __init__(self, task: str) -> None:
        self.task = task
        self.tp = self.fp = self.fn = self.docs = 0
        self.fields: dict[str, list[int]] = {}
        self.missed: list[str] = []
        self.spurious: list[str] = []
        self.missing_docs: list[str] = []
        self.extra: dict[str, float] = {}

    def check(self, name: str, ok: bool) -> None:
        counts = self.fields.setdefault(name, [0, 0])
        counts[0] += ok
        counts[1] += 1

    def score(self) -> Score:
        return Score(
            self.task,
            self.tp,
            self.fp,
            self.fn,
            self.docs,
            {k: FieldScore(c, t) for k, (c, t) in self.fields.items()},
            tuple(self.missed),
            tuple(self.spurious),
            tuple(self.missing_docs),
            dict(self.extra),
        )
