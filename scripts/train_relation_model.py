"""Train the relation classifier (src/claimgraph/extract/learned/relation_model.json).

    python scripts/train_relation_model.py [--cv-only] [--out PATH]

Training data, all in the dev gold's format (bench/devgold/GUIDELINE.md), claims annotated exhaustively:
  * the TUNING halves of the dev gold (bench/devgold) and of the claim gold (bench/claimgold, claims only; its
    README gives sources and licences), split by `half(<set>, id)`: their test halves are never read here;
  * every document of bench/training: invented wire reports and UN sanctions-list narratives, annotated for
    this purpose (its README says how).

Prints a 5-fold cross-validation by document (pair-level precision and recall per probability threshold), picks
the least threshold whose cross-validated precision reaches relation_train.PRECISION_TARGET, then fits on
everything and writes the model with its threshold and the figures it was chosen by. Deterministic: fixed
folds, fixed solver.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.devgold import load  # noqa: E402
from bench.split import select  # noqa: E402

from claimgraph.config import load_settings  # noqa: E402
from claimgraph.extract import Extractor  # noqa: E402
from claimgraph.extract.learned.relation_model import MODEL_FILE  # noqa: E402
from claimgraph.extract.learned.relation_train import (  # noqa: E402
    NONE,
    choose_threshold,
    cross_validate,
    examples,
    fit,
    save,
)

CLAIMGOLD = ROOT / "bench" / "claimgold"
TRAINING = ROOT / "bench" / "training"


def items() -> list[dict]:
    """The tuning halves of the dev gold and of the claim gold, and every document of bench/training."""
    out = select("devgold", load(), lambda i: i["id"])["tune"]
    if CLAIMGOLD.is_dir():
        out += select("claimgold", load(CLAIMGOLD), lambda i: i["id"])["tune"]
    if TRAINING.is_dir():
        out += load(TRAINING)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cv-only", action="store_true")
    ap.add_argument("--out", type=Path, default=ROOT / "src/claimgraph/extract/learned" / MODEL_FILE)
    args = ap.parse_args()
    chosen = items()
    data = examples(Extractor(load_settings()), chosen)
    cv = cross_validate(data)
    threshold = choose_threshold(cv)
    for th, (tp, fp, pos) in cv.items():
        precision = tp / (tp + fp) if tp + fp else 0.0
        print(f"threshold {th:.2f}: {tp} right, {fp} wrong of {pos}: precision {precision:.3f}, "
              f"recall {tp / pos:.3f}")
    print(f"{len(chosen)} documents, {len(data)} pairs, threshold {threshold}")
    if args.cv_only:
        return
    model = fit(data)
    about = {"documents": len(chosen), "pairs": len(data), "positives": sum(e.label != NONE for e in data),
             "cross_validation": {str(th): list(v) for th, v in cv.items()},
             "data": "tuning halves of bench/devgold and bench/claimgold; bench/training",
             "script": "scripts/train_relation_model.py"}
    save({**model, "threshold": threshold}, args.out, about)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
