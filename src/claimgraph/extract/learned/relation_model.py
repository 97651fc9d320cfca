"""The relation classifier: which relation, if any, a sentence states between two of its actors.

    Pair ─features (relation_pairs.py)─▶ linear scores per class ─softmax─▶ (predicate, probability)

A multinomial logistic regression trained by relation_train.py (scripts/train_relation_model.py) on the
tuning halves of the claim gold; the weights ship as plain JSON next to this module, so prediction needs no
scikit-learn. It proposes candidates the rule layer did not; the claim layer checks them like any other
candidate (argument types, modality, source).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

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
    #: the least probability at which a relation is proposed (chosen on the tuning half's cross-validation)
    threshold: float = 0.5

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> RelationModel:
        return cls(tuple(data["classes"]), tuple(data["intercept"]), data["weights"],
                   tuple(data.get("dense") or ()), float(data.get("threshold", 0.5)))

    def probabilities(self, features: Sequence[str], vector: Sequence[float] = ()) -> list[float]:
        scores = list(self.intercept)
        if self.dense and len(vector) == len(self.dense):
            for x, row in zip(vector, self.dense, strict=True):
                for k, v in enumerate(row):
                    scores[k] += x * v
        for f in set(features):
            w = self.weights.get(f)
            if w is not None:
                for k, v in enumerate(w):
                    scores[k] += v
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return [e / total for e in exp]

    def predict(self, features: Sequence[str], vector: Sequence[float] = ()) -> tuple[str, float]:
        """The most probable relation other than none, and its probability."""
        probs = self.probabilities(features, vector)
        best = max((k for k, c in enumerate(self.classes) if c != NONE), key=lambda k: probs[k])
        return self.classes[best], probs[best]


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
    out = []
    for p in pairs(fi.sent, fi.index, fi.mentions):
        key = (p.subject.entity.id, p.object.entity.id)
        if key in covered or key[::-1] in covered:
            continue
        predicate, prob = model.predict(features(p, fi.sent), dense(p))
        if prob >= model.threshold:
            out.append(Candidate(predicate, p.subject.entity, p.object.entity, p.trigger(), LEARNED_FRAME))
    return out
