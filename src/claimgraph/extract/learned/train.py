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


def _overlaps(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    return bool(a and b and a["start"] < b["end"] and b["start"] < a["end"])


def combine(rules: Sequence[dict[str, Any]], crf: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rules' attributions (their spans, kinds and nesting), a source from the CRF where the rules found
    none and the CRF tagged one for the same cue, and the CRF's attributions for cues the rules missed, with
    their source and cue but no content (the CRF's content boundaries measure far below the rules')."""
    out = []
    for a in rules:
        b = dict(a)
        match = next((c for c in crf if _overlaps(c["cue"], a.get("cue"))), None)
        if match is not None and not a.get("source") and match.get("source"):
            b["source"] = match["source"]
        out.append(b)
    out += [dict(c, content=None) for c in crf if not any(_overlaps(c["cue"], a.get("cue")) for a in rules)]
    return out
