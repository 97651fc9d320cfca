"""Training and cross-validation of the attribution CRF (crf.py) on gold attributions.

    items [{"id", "text", "range", "attributions"}] ─parse the range─▶ Example (features, BIO tags)
    examples ─sklearn-crfsuite (L-BFGS, fixed settings: deterministic)─▶ model file
    model + example ─tag, group─▶ attribution dicts with offsets into the item's text

`scripts/train_attribution_crf.py` trains the packaged model on the attribution benchmark's tuning half, the seed
article left out; bench/attribution.py cross-validates it there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .crf import bio_labels, group, spans_of, tag, token_features

#: CRF settings (fixed; L-BFGS from a zero start is deterministic)
SETTINGS = {"algorithm": "lbfgs", "c1": 0.05, "c2": 0.05, "max_iterations": 150,
            "all_possible_transitions": True}
ROLE_ORDER = ("content", "cue", "source")  # later roles overwrite earlier ones where spans nest


@dataclass(frozen=True, slots=True)
class Example:
    id: str
    text: str
    offset: int
    doc: Doc
    rows: list[dict[str, Any]]
    tags: list[str]


def examples(items: Sequence[dict[str, Any]], nlp: Language) -> list[Example]:
    """One example per item: its annotated range parsed, with features and gold BIO tags."""
    texts = [i["text"][i["range"][0] : i["range"][1]] for i in items]
    out = []
    for item, doc in zip(items, nlp.pipe(texts), strict=True):
        start = item["range"][0]
        spans = [(role.upper(), a[role]["start"], a[role]["end"])
                 for role in ROLE_ORDER for a in item["attributions"] if a.get(role)]
        out.append(Example(item["id"], item["text"], start, doc, token_features(doc),
                           bio_labels(doc, spans, start)))
    return out


def train(train_on: Sequence[Example], model_path: Path) -> Path:
    import sklearn_crfsuite

    crf = sklearn_crfsuite.CRF(model_filename=str(model_path), **SETTINGS)
    crf.fit([e.rows for e in train_on], [e.tags for e in train_on])
    return model_path


def predict(model_path: Path, ex: Example) -> list[dict[str, Any]]:
    tags = tag(str(model_path), ex.rows)
    return group(spans_of(ex.doc, tags, ex.offset), ex.text)


def combine(rules: Sequence[dict[str, Any]], crf: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rules' attributions (their cues, kinds and nesting) with the CRF's source and content spans where
    the CRF tagged a cue overlapping the rules' cue and found that role."""
    out = []
    for a in rules:
        cue = a.get("cue") or {}
        match = next((c for c in crf if cue and c["cue"]["start"] < cue["end"] and cue["start"] < c["cue"]["end"]),
                     None)
        b = dict(a)
        if match is not None:
            for role in ("source", "content"):
                if match.get(role):
                    b[role] = match[role]
        out.append(b)
    return out
