"""Rules beside the learned attribution tagger (claimgraph.extract.learned) on the attribution benchmark.

    compare(tune_items, parts, rules) -> {"tune": {"crf.<metric>", "both.<metric>"}, "test": {...}}

Tuning half: leave-one-document-out cross-validation (each document tagged by a CRF trained on the other tuning
documents). Test half: one CRF trained on the whole tuning half. The seed article (copyrighted) is never trained
on. "both" is `combine`: the rules, a CRF source where they have none, and the CRF's cues they missed.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from claimgraph.extract.learned.train import combine, examples, predict, train

from .attribution import gold_line, metrics_of, within
from .product import bare_nlp

#: the corpus file of the seed article, never trained on
SEED = "000_3b3b6094a9ba5941.txt"


def _lines(items: list[dict], preds: list[list[dict]]) -> list[dict]:
    return [{"doc": {"id": i["id"]}, "attributions": within(p, i["range"])} for i, p in zip(items, preds,
                                                                                              strict=True)]


def _scores(items: list[dict], crf: list[list[dict]], rules: list[dict]) -> dict[str, float]:
    golds = [gold_line(i) for i in items]
    both = [combine(r["attributions"], c) for r, c in zip(rules, crf, strict=True)]
    crf_only = {k: v for k, v in metrics_of(golds, _lines(items, crf), "crf.").items()
                if k != "crf.kind_accuracy"}  # the CRF tags spans only: it gives no kind
    return {**crf_only, **metrics_of(golds, _lines(items, both), "both.")}


def compare(tune_items: list[dict], parts: dict[str, list[dict]], rules: dict[str, list[dict]]
            ) -> dict[str, dict[str, Any]]:
    nlp = bare_nlp()
    wanted = {i["id"] for p in parts.values() for i in p}
    pool = {e.id: e for e in examples([i for i in tune_items if i["id"] != SEED or i["id"] in wanted], nlp)}
    trainable = [e for e in pool.values() if e.id != SEED]
    out: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        if parts.get("tune"):
            crf = []
            for item in parts["tune"]:
                model = train([e for e in trainable if e.id != item["id"]], Path(tmp) / f"cv{len(crf)}.crfsuite")
                crf.append(predict(model, pool[item["id"]]))
            out["tune"] = _scores(parts["tune"], crf, rules["tune"])
        if parts.get("test"):
            model = train(trainable, Path(tmp) / "all.crfsuite")
            test = examples(parts["test"], nlp)
            out["test"] = _scores(parts["test"], [predict(model, e) for e in test], rules["test"])
    return out
