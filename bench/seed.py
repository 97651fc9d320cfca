"""The seed article: what must be found in it, and what must not.

Runs the product end to end, the way `claimgraph extract` does (`pipeline.extract`: ingest cleaning, then
the `Extractor`), on the seed article from the corpus folder beside the data folder, and scores it against
bench/seed_golden.yaml with `claimgraph.score`: recall of entities, claims and events, how often found items
carry the right attributes (source kind, modality, role, date, casualties), and how many must-not-find
names (page furniture) it reports anyway.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from claimgraph.config import load_settings
from claimgraph.contract import extraction_to_json
from claimgraph.score import Score, forbidden_hits, score_claims, score_entities, score_events

NAME = "seed"
GOLDEN = Path(__file__).resolve().parent / "seed_golden.yaml"


def load_golden(path: Path = GOLDEN) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text("utf-8"))
    if not isinstance(data, dict) or "expect" not in data:
        raise ValueError(f"{path} must be a mapping with `file`, `expect` and `must_not_find`")
    return data


def extract_seed(path: Path) -> dict[str, Any]:
    """The seed article through the same library path as `claimgraph extract`, as contract JSON."""
    from claimgraph import pipeline
    from claimgraph.extract import Extractor

    extractor = Extractor(load_settings())
    [x] = list(pipeline.extract([str(path)], extractor))
    if x.error is not None:
        raise RuntimeError(f"the seed article failed at {x.error.stage}: {x.error.reason}")
    line = extraction_to_json(x)
    line["doc"]["raw_id"] = "seed"  # pair with the golden document
    return line


def _attribute_accuracy(*scores: Score) -> float:
    correct = sum(f.correct for s in scores for f in s.fields.values())
    total = sum(f.total for s in scores for f in s.fields.values())
    return 1.0 if total == 0 else correct / total


def score_seed(golden: dict[str, Any], pred: dict[str, Any]) -> dict[str, Any]:
    """One scoreboard result from the golden file and the product's output for the seed article."""
    gold = golden["expect"]
    entities = score_entities([gold], [pred])
    claims = score_claims([gold], [pred])
    # the golden lists the seed's incident and its meeting; the product lists a meeting among its interactions
    events = score_events([gold], [{**pred, "events": [*pred.get("events", []), *pred.get("interactions", [])]}])
    forbidden = forbidden_hits([pred], golden.get("must_not_find") or [])
    outlet_facts = sum(1 for c in pred.get("claims", []) if c["source"]["kind"] == "outlet")
    missed = [*entities.missed, *claims.missed, *events.missed]
    notes = "missed: " + ("; ".join(m.split(": ", 1)[1] for m in missed) or "nothing")
    wrong = [
        f"{s.task} {k} {f.correct}/{f.total}"
        for s in (claims, events)
        for k, f in s.fields.items()
        if f.correct < f.total
    ]
    if wrong:
        notes += ". Attributes not right every time: " + ", ".join(wrong)
    if forbidden:
        notes += ". Reported though it must not: " + ", ".join(forbidden)
    return {
        "benchmark": NAME,
        "items": len(gold.get("entities", [])) + len(gold.get("claims", [])) + len(gold.get("events", [])),
        "metrics": {
            "entity_recall": round(entities.recall, 4),
            "claim_recall": round(claims.recall, 4),
            "event_recall": round(events.recall, 4),
            "attribute_accuracy": round(_attribute_accuracy(claims, events), 4),
            "forbidden_found": len(forbidden),
            "entities_reported": entities.tp + entities.fp,
            "claims_reported": claims.tp + claims.fp,
            "claims_as_outlet_fact": outlet_facts,
        },
        "baselines": {},
        "notes": notes,
    }


def run(data_dir: Path, *, limit: int | None = None, fast: bool = False) -> list[dict]:
    """The one seed article (no halves: it is reported as is, and its fast slice is the whole of it)."""
    golden = load_golden()
    path = data_dir.parent / "corpus" / golden["file"]
    if not path.is_file():
        return [
            {
                "benchmark": NAME,
                "items": 0,
                "metrics": {},
                "baselines": {},
                "notes": f"skipped: the seed article is not at {path}",
            }
        ]
    return [score_seed(golden, extract_seed(path))]
