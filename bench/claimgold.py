"""The claim gold: real documents annotated by hand for claims only, before claimgraph ran on them.

    run(data_dir, *, limit=None, fast=False) -> [Result]

bench/claimgold/ holds documents in the dev gold's format (bench/devgold/GUIDELINE.md, "Claims"; README.md
there says where the texts come from and the conventions beyond the guideline), every relation between two
actors annotated, no events. Split by document id (`half("claimgold", id)`) and scored like the dev gold's
claims (`claimgraph.score`): `claim_precision`, `claim_recall`, `claim_f1`, and over the claims found how often
modality, polarity and source kind are right.

Rules and learned side by side (not on the fast slice): the product's claims come from the rules; the
`rules_and_learned` column adds the relation classifier the package ships (claimgraph/extract/learned/
relation_model.py, trained by scripts/train_relation_model.py on the tuning halves of this set and of the dev
gold and on bench/training; setting `nlp.relation_model` switches it on), and the notes give the dev gold's
test half so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from claimgraph.score import score_claims

from . import halved
from .devgold import claim_metrics, extract_docs, load
from .split import CLAIMGOLD, DEVGOLD, select

NAME = "claimgold"


def metrics_of(part: list[dict]) -> tuple[dict[str, float], str]:
    """Claim metrics of the product on gold items, and a note of the counts."""
    s = score_claims([i["gold"] for i in part], extract_docs(i["doc"] for i in part))
    return claim_metrics(s), f"{s.tp + s.fn} gold claims, {s.tp + s.fp} predicted."


def _result(part: list[dict]) -> dict[str, Any]:
    metrics, notes = metrics_of(part)
    return {"benchmark": NAME, "items": len(part), "metrics": metrics, "baselines": {}, "notes": notes}


def run(data_dir: Path, *, limit: int | None = None, fast: bool = False, folder: Path = CLAIMGOLD) -> list[dict]:
    items = load(folder) if folder.is_dir() else []
    if not items:
        return [{"benchmark": NAME, "items": 0, "metrics": {}, "baselines": {},
                 "notes": f"skipped: no annotated documents in bench/{folder.name}"}]
    halves = select(NAME, items, lambda i: i["id"], limit=limit, fast=fast)
    results = {which: _result(part) for which, part in halves.items() if part}
    if "test" not in results:
        return [{"benchmark": NAME, "items": 0, "metrics": {}, "baselines": {},
                 "notes": "skipped: no annotated document falls in the test half"}]
    out = halved(results["test"], results.get("tune"))
    if not fast and halves.get("tune") and DEVGOLD.is_dir():
        dev = select("devgold", load(DEVGOLD), lambda i: i["id"], limit=limit)
        from .relation_learned import with_learned

        learned = with_learned({"claimgold": halves["test"], "devgold": dev["test"]})
        if learned:
            out["baselines"] = {"rules_and_learned": learned["claimgold"]}
            d = learned["devgold"]
            out["notes"] += (f" With the shipped relation classifier switched on, the dev gold's test half scores"
                             f" claim precision {d['claim_precision']:.3f}, recall {d['claim_recall']:.3f},"
                             f" F1 {d['claim_f1']:.3f} (rules alone: the devgold benchmark).")
    return [out]
