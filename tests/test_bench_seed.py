"""The seed golden file: well-formed, consistent with the ontology, and scored as documented."""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `bench` is a top-level folder beside src/, not an installed package
    sys.path.insert(0, str(ROOT))

from bench.seed import load_golden, score_seed  # noqa: E402

from claimgraph.ontology import load_ontology  # noqa: E402


def _as_prediction(gold: dict) -> dict:
    """The golden document written as `claimgraph extract` would write a perfect answer."""
    pred = copy.deepcopy(gold)
    pred["doc"] = {"id": "doc_x", "raw_id": "seed", "text": ""}
    for i, e in enumerate(pred["entities"]):
        e["id"] = f"e{i}"

    def first(v: object) -> object:
        return v[0] if isinstance(v, list) else v

    for c in pred["claims"]:
        c["predicate"] = first(c["predicate"])
        c["source"] = {"name": "sources", "kind": first((c.get("source") or {}).get("kind", "anonymous"))}
        c["modality"] = first(c.get("modality", "asserted"))
        c["role"] = first(c.get("role"))
    for e in pred["events"]:
        e["type"], e["mode"] = first(e["type"]), first(e.get("mode"))
        e["date"] = e.get("date")
        e["killed"] = {"min": e["killed"], "max": e["killed"]} if "killed" in e else None
    return pred


def test_golden_uses_the_ontology() -> None:
    golden = load_golden()
    ontology = load_ontology()
    assert golden["file"].endswith(".txt") and golden["must_not_find"]
    for c in golden["expect"]["claims"]:
        preds = c["predicate"] if isinstance(c["predicate"], list) else [c["predicate"]]
        assert all(p in ontology.predicates for p in preds), c
    for e in golden["expect"]["events"]:
        assert e["type"] in ontology.event_types, e
    for e in golden["expect"]["entities"]:
        assert e.get("type") is None or e["type"] in ontology.entity_types, e


def test_perfect_prediction_scores_full_marks() -> None:
    golden = load_golden()
    result = score_seed(golden, _as_prediction(golden["expect"]))
    m = result["metrics"]
    assert (m["entity_recall"], m["claim_recall"], m["event_recall"], m["attribute_accuracy"]) == (1, 1, 1, 1)
    assert m["forbidden_found"] == 0
    assert result["notes"] == "missed: nothing"


def test_page_furniture_and_lost_claims_are_counted() -> None:
    golden = load_golden()
    pred = _as_prediction(golden["expect"])
    pred["entities"].append({"id": "g", "name": "Google", "type": "organisation"})
    pred["claims"] = [c for c in pred["claims"] if c["predicate"] != "publishes"]
    pred["claims"][0]["source"]["kind"] = "outlet"
    m = score_seed(golden, pred)["metrics"]
    assert m["forbidden_found"] == 1
    assert m["claim_recall"] == round(6 / 7, 4)
    assert m["attribute_accuracy"] < 1
    assert m["claims_as_outlet_fact"] == 1


@pytest.mark.model
def test_seed_article_live_meets_its_floors(data_dir: Path) -> None:
    """The seed benchmark run now, not just as committed: a change that loses a golden claim fails here."""
    from bench import check_floors, load_floors, scores_of
    from bench.seed import run

    results = run(data_dir)
    if not results[0]["metrics"]:
        pytest.skip(results[0]["notes"])
    floors = {k: v for k, v in load_floors().items() if k.startswith("seed.")}
    assert floors
    assert check_floors(scores_of(results), floors) == [], results[0]["notes"]
