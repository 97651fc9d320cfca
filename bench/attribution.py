"""The attribution benchmark: who said what, annotated by hand (bench/attribution/GUIDELINE.md, README.md).

    run(data_dir, *, limit=None, fast=False) -> [Result]

Each gold line names a document of the shared corpus (`data_dir.parent / "corpus"`) and the `range` of it that was
annotated exhaustively; offsets are into the file's raw text. The product reads that raw text verbatim (a Document
as a JSON Lines `text` line makes it, no cleaning) through the `Extractor` that `claimgraph extract` uses; the
attributions it finds inside the range are scored with `claimgraph score --task attributions`: source, cue and
content span F1, exact and overlap, whole attributions paired by cue, and kind accuracy.

Beside the rules (the product as configured) the result carries the learned tagger (claimgraph.extract.learned,
a CRF) and the combination of both, as `crf.<metric>` and `both.<metric>`: on the tuning half by leave-one-
document-out cross-validation (a model trained on the other tuning documents), on the test half by a model trained
on the whole tuning half. The seed article is never trained on (its text is under copyright). The product keeps
the rules: neither the CRF nor the combination measured better on both roles that carry a statement (see the
numbers on the scoreboard), so no model ships.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from claimgraph.contract import extraction_to_json
from claimgraph.records import Document
from claimgraph.score import score_attributions

from . import halved
from .product import extractor
from .split import select

NAME = "attribution"
GOLD = Path(__file__).resolve().parent / "attribution" / "gold.jsonl"
ROLES = ("source", "cue", "content")
#: the metrics given floors and shown first
HEADLINE = ("source_exact_f1", "cue_exact_f1", "content_exact_f1")


def corpus_dir(data_dir: Path) -> Path:
    return Path(data_dir).parent / "corpus"


def load(corpus: Path, gold: Path = GOLD) -> list[dict[str, Any]]:
    """Gold lines with their document's raw text: [{"id", "text", "range", "attributions"}]; span texts left
    out of the gold (`"text": null`, copyrighted documents) are read from the file by offset."""
    items = []
    for line in gold.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        g = json.loads(line)
        text = (corpus / g["doc"]).read_text("utf-8")
        attributions = []
        for a in g["attributions"]:
            a = dict(a)
            for role in ROLES:
                if a.get(role):
                    span = dict(a[role])
                    span["text"] = text[span["start"] : span["end"]]
                    a[role] = span
            attributions.append(a)
        items.append({"id": g["doc"], "text": text, "range": tuple(g["range"]), "attributions": attributions})
    return items


def within(attributions: list[dict[str, Any]], rng: tuple[int, int]) -> list[dict[str, Any]]:
    """The attributions whose cue (or, lacking one, content or source) lies inside the annotated range."""
    out = []
    for a in attributions:
        span = a.get("cue") or a.get("content") or a.get("source")
        if span and rng[0] <= span["start"] and span["end"] <= rng[1]:
            out.append(a)
    return out


def gold_line(item: dict[str, Any]) -> dict[str, Any]:
    return {"doc": {"id": item["id"]}, "attributions": item["attributions"]}


def predict_rules(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The product's attributions for each item's raw text, kept inside its range, as scorer lines."""
    docs = [Document(id=i["id"], text=i["text"], source=i["id"], raw_id=i["id"]) for i in items]
    out = []
    for item, x in zip(items, extractor().extract_many(docs), strict=True):
        line = extraction_to_json(x)
        out.append({"doc": {"id": item["id"]}, "attributions": within(line.get("attributions") or [], item["range"])})
    return out


def metrics_of(gold_lines: list[dict], pred_lines: list[dict], prefix: str = "") -> dict[str, float]:
    s = score_attributions(gold_lines, pred_lines)
    m: dict[str, float] = {}
    for role in ROLES:
        for how in ("exact", "overlap"):
            for what in ("f1", "precision", "recall"):
                key = f"{role}_{how}_{what}"
                m[prefix + key] = round(s.extra[key], 4)
    m[prefix + "attribution_f1"] = round(s.f1, 4)
    if "kind" in s.fields:
        m[prefix + "kind_accuracy"] = round(s.fields["kind"].accuracy, 4)
    return m


def _result(items: list[dict], metrics: dict[str, float], notes: str) -> dict[str, Any]:
    return {"benchmark": NAME, "items": len(items), "metrics": metrics, "baselines": {}, "notes": notes}


def run(data_dir: Path, *, limit: int | None = None, fast: bool = False, gold: Path = GOLD,
        learned: bool = True) -> list[dict]:
    corpus = corpus_dir(data_dir)
    if not gold.is_file() or not corpus.is_dir():
        return [_result([], {}, f"skipped: no gold ({gold.name}) or no corpus folder beside the data folder")]
    items = load(corpus, gold)
    parts = select(NAME, items, lambda i: i["id"], limit=limit, fast=fast)
    rules = {which: predict_rules(part) for which, part in parts.items() if part}
    results: dict[str, dict] = {}
    for which, part in parts.items():
        if not part:
            continue
        golds = [gold_line(i) for i in part]
        metrics = metrics_of(golds, rules[which])
        n = sum(len(i["attributions"]) for i in part)
        results[which] = _result(part, metrics, f"{n} gold attributions in {len(part)} documents")
    if "test" not in results:
        return [_result([], {}, "skipped: no document in the test half")]
    if learned and not fast:
        from .attribution_learned import compare

        tune_items = list(select(NAME, items, lambda i: i["id"])["tune"])
        for which, extra in compare(tune_items, parts, rules).items():
            if which in results:
                results[which]["metrics"].update(extra)
    return [halved(results["test"], results.get("tune"))]
