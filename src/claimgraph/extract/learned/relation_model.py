"""The relation classifier: which relation, if any, a sentence states between two of its actors.

    Pair ─features (relation_pairs.py)─▶ linear scores per class ─softmax─▶ (predicate, probability)

A multinomial logistic regression trained by relation_train.py (scripts/train_relation_model.py) on the
tuning halves of the dev gold and the claim gold and on bench/training; the weights ship as plain JSON next to
this module, so prediction needs no scikit-learn. With the setting `nlp.relation_model` on, it is asked about
the pairs of a sentence no rule spoke of, and the claim layer checks what it proposes like any other candidate
(argument types, modality, source).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from ..frame_input import Candidate, FrameInput
from .relation_pairs import dense, features, pairs

MODEL_FILE = "relation_model.json"
NONE = "none"
LEARNED_FRAME = "learned"


@dataclass(frozen=True, slots=True)
class RelationModel:
    classes: tuple[str, ...]
    intercept: tuple[float, ...]
    weights: dict[str, Sequence[float]]
    #: weights of the context-vector features (relation_pairs.dense), one row per dimension
    dense: tuple[Sequence[float], ...] = ()
    #: the least probability at which a relation is proposed (relation_train.choose_threshold)
    threshold: float = 0.5

    #: the same weights as arrays, derived from the two above: `dense` (dimensions × classes), every feature's row
    #: of `weights` (features × classes) and each feature's row number, so that a pair is scored with array sums
    matrix: Any = field(init=False, compare=False, repr=False)
    rows: Any = field(init=False, compare=False, repr=False)
    row_of: dict[str, int] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        width = len(self.classes)
        object.__setattr__(self, "matrix", np.array(self.dense, dtype=np.float64) if self.dense else None)
        object.__setattr__(self, "rows", np.array(list(self.weights.values()), dtype=np.float64)
                           .reshape(len(self.weights), width))
        object.__setattr__(self, "row_of", {f: k for k, f in enumerate(self.weights)})

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> RelationModel:
        return cls(tuple(data["classes"]), tuple(data["intercept"]), data["weights"],
                   tuple(data.get("dense") or ()), float(data.get("threshold", 0.5)))

    def probabilities(self, features: Sequence[Sequence[str]], vectors: Sequence[Sequence[float]]) -> Any:  # noqa: ANN401
        """One row of class probabilities per pair (numpy: the pairs of a sentence scored at once)."""
        scores = np.tile(np.array(self.intercept, dtype=np.float64), (len(features), 1))
        if self.matrix is not None:
            wide = [k for k, v in enumerate(vectors) if len(v) == len(self.dense)]
            if wide:
                scores[wide] += np.asarray([vectors[k] for k in wide], dtype=np.float64) @ self.matrix
        for k, fs in enumerate(features):
            found = [self.row_of[f] for f in set(fs) if f in self.row_of]
            if found:
                scores[k] += self.rows[found].sum(axis=0)
        exp = np.exp(scores - scores.max(axis=1, keepdims=True))
        return exp / exp.sum(axis=1, keepdims=True)

    def predict(self, features: Sequence[str], vector: Sequence[float] = ()) -> tuple[str, float]:
        """The most probable relation other than none, and its probability."""
        return self.predict_many([features], [vector])[0]

    def predict_many(self, features: Sequence[Sequence[str]],
                     vectors: Sequence[Sequence[float]]) -> list[tuple[str, float]]:
        """`predict` for many pairs at once."""
        if not features:
            return []
        probs = self.probabilities(features, vectors)
        some = [k for k, c in enumerate(self.classes) if c != NONE]
        best = probs[:, some].argmax(axis=1)
        return [(self.classes[some[b]], float(probs[k, some[b]])) for k, b in enumerate(best)]


@cache
def packaged_model() -> RelationModel | None:
    """The model shipped with the package, or None when it has not been trained."""
    ref = resources.files(__package__).joinpath(MODEL_FILE)
    if not ref.is_file():
        return None
    return RelationModel.from_data(json.loads(ref.read_text("utf-8")))


def model_candidates(fi: FrameInput, model: RelationModel, covered: set[tuple[str, str]]) -> list[Candidate]:
    """Candidates the model proposes for the sentence's actor pairs that no rule spoke about (`covered`: the
    (subject id, object id) pairs of the rules' candidates, either way round)."""
    asked = [p for p in pairs(fi.sent, fi.index, fi.mentions)
             if (p.subject.entity.id, p.object.entity.id) not in covered
             and (p.object.entity.id, p.subject.entity.id) not in covered]
    found = model.predict_many([features(p, fi.sent) for p in asked], [dense(p) for p in asked])
    return [Candidate(predicate, p.subject.entity, p.object.entity, p.trigger(), LEARNED_FRAME)
            for p, (predicate, prob) in zip(asked, found, strict=True) if prob >= model.threshold]
