"""The dev gold: real documents annotated by hand before claimgraph ran on them (bench/devgold/GUIDELINE.md).

    run(data_dir, *, limit=None, fast=False) -> [Result]

Reads bench/devgold/docs_*.jsonl (the documents) and gold_*.jsonl (the annotations, in the gold format of
`claimgraph score`), runs the product exactly as `claimgraph extract docs.jsonl` does (`pipeline.extract` with
one `Extractor`: ingest cleaning, `raw_id` = the document id, `published` parsed) and scores it with
`claimgraph.score`:

* claims: `claim_precision`, `claim_recall`, `claim_f1` (a gold claim may list acceptable predicates), and over
  the claims found how often modality, polarity and source kind are right (`claim_modality`, ...);
* events: `event_records_per_incident` — the predicted incident records (the `events` of the contract: attacks,
  clashes, arrests, protests; not its `interactions`) over the gold incidents, summed over documents (1.0 = one
  record per incident; more = duplicates or spurious events); `event_recall`
  (a gold incident paired with a predicted event of its type); over the incidents found, `perpetrator` (a named
  gold perpetrator by name; a descriptive one — "gunmen", "security forces" — also by any predicted descriptive
  actor of the same kind, bench/names.py), `place` and `killed` (ranges overlap).

Documents are split by id (`half("devgold", id)`); skipped, with a note, when the files are absent.
`python -m bench.devgold --errors` prints the tuning half's event errors (the only half whose errors are looked at).
"""

from __future__ import annotations

import copy
import json
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from claimgraph.contract import extraction_to_json
from claimgraph.score import Score, normalise, score_claims, score_events

from . import halved
from .names import descriptive_kind, kind_marker
from .product import extractor
from .split import DEVGOLD, select

NAME = "devgold"


def load(folder: Path = DEVGOLD) -> list[dict]:
    """Gold lines paired with their documents: [{"id", "doc", "gold"}]; a gold line without a document is an
    error (it cannot be run)."""
    docs: dict[str, dict] = {}
    for path in sorted(folder.glob("docs_*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                docs[str(d["id"])] = d
    items = []
    for path in sorted(folder.glob("gold_*.jsonl")):
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if not line.strip():
                continue
            gold = json.loads(line)
            doc_id = str(gold["doc"]["id"])
            if doc_id not in docs:
                raise ValueError(f"{path.name}:{n}: no document {doc_id!r} in {folder.name}/docs_*.jsonl")
            items.append({"id": doc_id, "doc": docs[doc_id], "gold": gold})
    return items


def extract_docs(docs: Iterable[dict]) -> list[dict]:
    """`claimgraph extract` over the documents (written as one JSON Lines input), as contract JSON lines."""
    from claimgraph import pipeline

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "docs.jsonl"
        path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), "utf-8")
        return [extraction_to_json(x) for x in pipeline.extract([str(path)], extractor())]


def _mark(line: dict, perpetrators: Iterable[tuple[dict, list[str]]]) -> None:
    """Give each descriptive perpetrator its kind's marker form (on its entity when it names one)."""
    entities = [e for e in line.get("entities") or () if isinstance(e, dict)]
    for ref, forms in perpetrators:
        kinds = sorted({k for k in map(descriptive_kind, forms) if k is not None})
        if not kinds:
            continue
        markers = [kind_marker(k) for k in kinds]
        # the scorer widens a reference to the entity with its id, or (gold) its name: mark that entity too
        for e in entities:
            if (ref.get("id") and e.get("id") == ref["id"]) or normalise(str(e.get("name") or "")) == normalise(
                    str(ref.get("name") or "")):
                e["aliases"] = [*(e.get("aliases") or []), *markers]
        ref["aliases"] = [*(ref.get("aliases") or []), *markers]


def mark_gold(gold: dict) -> dict:
    """A gold line whose descriptive event perpetrators carry their kind's marker; named ones are left as they
    are (`perpetrator_kind: named` is never matched by kind)."""
    gold = copy.deepcopy(gold)
    refs = []
    for ev in gold.get("events") or ():
        ev["perpetrators"] = [{"name": p} if isinstance(p, str) else dict(p) for p in ev.get("perpetrators") or ()]
        if ev.get("perpetrator_kind") != "named":
            refs += [(p, [p["name"]]) for p in ev["perpetrators"]]
    _mark(gold, refs)
    return gold


def mark_pred(line: dict) -> dict:
    """A predicted line whose descriptive event perpetrators carry their kind's marker, judged by the name and
    mention texts of the entity each names."""
    line = copy.deepcopy(line)
    entities = {e["id"]: e for e in line.get("entities") or ()}
    refs = []
    for ev in line.get("events") or ():
        for p in ev.get("perpetrators") or ():
            e = entities.get(p.get("id")) or {}
            refs.append((p, [p.get("name") or "", e.get("name") or "", *(e.get("mention_texts") or ())]))
    _mark(line, refs)
    return line


def claim_metrics(claims: Score) -> dict[str, float]:
    """Claim precision, recall and F1, and over the claims found how often modality, polarity and source kind
    are right."""
    metrics = {"claim_precision": round(claims.precision, 4), "claim_recall": round(claims.recall, 4),
               "claim_f1": round(claims.f1, 4)}
    for field in ("modality", "polarity", "source_kind"):
        if field in claims.fields:
            metrics[f"claim_{field}"] = round(claims.fields[field].accuracy, 4)
    return metrics


def score(gold_lines: list[dict], pred_lines: list[dict]) -> dict[str, Any]:
    """One result: gold lines against `claimgraph extract` lines for the same documents."""
    claims = score_claims(gold_lines, pred_lines)
    events = score_events([mark_gold(g) for g in gold_lines], [mark_pred(p) for p in pred_lines])
    incidents = sum(len(g.get("events") or ()) for g in gold_lines)
    keys = {str(g["doc"]["id"]) for g in gold_lines}
    records = sum(len(p.get("events") or ()) for p in pred_lines if (p["doc"].get("raw_id") or p["doc"]["id"]) in keys)
    metrics = claim_metrics(claims)
    metrics["event_records_per_incident"] = round(records / incidents, 4) if incidents else 0.0
    metrics["event_recall"] = round(events.recall, 4)
    for field in ("perpetrator", "place", "killed"):
        if field in events.fields:
            metrics[field] = round(events.fields[field].accuracy, 4)
    failed = [p["doc"].get("raw_id") for p in pred_lines if p.get("error")]
    return {
        "benchmark": NAME,
        "items": len(gold_lines),
        "metrics": metrics,
        "baselines": {},
        "notes": (f"{claims.tp + claims.fn} gold claims, {claims.tp + claims.fp} predicted; {incidents} gold"
                  f" incidents, {records} incident records predicted"
                  + (f"; failed to extract: {', '.join(map(str, failed))}" if failed else "") + "."),
    }


def run(data_dir: Path, *, limit: int | None = None, fast: bool = False, folder: Path = DEVGOLD) -> list[dict]:
    items = load(folder) if folder.is_dir() else []
    if not items:
        return [{"benchmark": NAME, "items": 0, "metrics": {}, "baselines": {},
                 "notes": f"skipped: no annotated documents (docs_*.jsonl with gold_*.jsonl) in bench/{folder.name}"}]
    results: dict[str, dict] = {}
    for which, part in select(NAME, items, lambda i: i["id"], limit=limit, fast=fast).items():
        if part:
            results[which] = score([i["gold"] for i in part], extract_docs(i["doc"] for i in part))
    if "test" not in results:
        return [{"benchmark": NAME, "items": 0, "metrics": {}, "baselines": {},
                 "notes": "skipped: no annotated document falls in the test half yet"}]
    return [halved(results["test"], results.get("tune"))]


def tuning_errors(folder: Path = DEVGOLD) -> list[str]:
    """The tuning half's event errors, one a line: each gold incident paired with a predicted event (as the scorer
    pairs them) whose perpetrator, place or killed is wrong, with both evidence texts; then missed incidents."""
    from claimgraph.score.tasks import _assign, _event_checks, _event_strength
    from claimgraph.score.views import doc_view

    items = select(NAME, load(folder), lambda i: i["id"])["tune"]
    preds = {p["doc"].get("raw_id") or p["doc"]["id"]: p for p in extract_docs(i["doc"] for i in items)}
    out: list[str] = []
    for item in items:
        gold, pred = mark_gold(item["gold"]), mark_pred(preds[item["id"]])
        g, p = doc_view(gold), doc_view(pred)
        g_at = {id(e): k for k, e in enumerate(g.events)}
        p_at = {id(e): k for k, e in enumerate(p.events)}
        pairs, missed, _ = _assign(g.events, p.events, _event_strength)
        for ge, pe in pairs:
            wrong = [k for k, ok in _event_checks(ge, pe).items() if k in ("perpetrator", "place", "killed") and not ok]
            if wrong:
                out.append(f"{item['id']}: {'/'.join(wrong)} wrong | gold {ge.label} | predicted {pe.label}"
                           f" | gold evidence: {gold['events'][g_at[id(ge)]].get('evidence', '')}"
                           f" | predicted evidence: {pred['events'][p_at[id(pe)]]['evidence']['text'][:300]}")
        out += [f"{item['id']}: missed | gold {e.label}"
                f" | gold evidence: {gold['events'][g_at[id(e)]].get('evidence', '')}" for e in missed]
    return out


if __name__ == "__main__":  # python -m bench.devgold --errors
    import sys

    if "--errors" in sys.argv[1:]:
        print("\n".join(tuning_errors()))
