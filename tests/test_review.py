"""Analyst review round trip: reject a claim → it leaves the convergence score and the brief → undo → both are
back exactly. Corrections keep the machine's values beside the analyst's; re-extraction never loses a review."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from _analysis_helpers import make_seed_store
from claimgraph.analysis import convergence
from claimgraph.api import create_app
from claimgraph.cli import app
from claimgraph.config import load_settings
from claimgraph.errors import UsageError
from claimgraph.report import write_brief
from claimgraph.review import review, undo
from claimgraph.store import Store


def _top(db: Path) -> tuple[str, float]:
    with Store(db, readonly=True) as store:
        p = convergence(store)[0]
    return f"{p.a.name}|{p.b.name}", p.score


def _brief(db: Path) -> str:
    with Store(db, readonly=True) as store:
        return write_brief(store)


def _cooperation_claim(db: Path) -> str:
    with Store(db, readonly=True) as store:
        return next(c.id for c in store.claims() if c.predicate == "cooperates_with")


def test_reject_then_undo_restores_scores_and_brief_exactly(tmp_path: Path) -> None:
    db = make_seed_store(tmp_path / "s.db")
    before_top, before_brief = _top(db), _brief(db)
    claim_id = _cooperation_claim(db)
    runner = CliRunner()
    r = runner.invoke(app, ["review", "reject", claim_id, "--db", str(db), "--reason", "misread", "--reviewer", "ana"])
    assert r.exit_code == 0, r.output
    review_id = r.output.split(":")[0].strip()
    after_top, after_brief = _top(db), _brief(db)
    assert after_top != before_top  # the pair lost its cooperation evidence
    assert after_brief != before_brief and "1 of 12 claims reviewed (1 rejected)" in after_brief
    listed = runner.invoke(app, ["claims", "--db", str(db), "--review", "rejected", "--format", "jsonl"])
    assert [json.loads(line)["id"] for line in listed.output.splitlines()] == [claim_id]  # still queryable
    r = runner.invoke(app, ["review", "undo", review_id, "--db", str(db)])
    assert r.exit_code == 0, r.output
    assert _top(db) == before_top
    assert _brief(db) == before_brief


def test_corrections_keep_the_machine_version_and_undo_in_order(tmp_path: Path) -> None:
    db = make_seed_store(tmp_path / "s.db")
    claim_id = _cooperation_claim(db)
    with Store(db) as store:
        first = review(store, claim_id, "accepted", reviewer="ana")
        fix = review(store, claim_id, "corrected", reviewer="ben", correction={"modality": "hedged"})
        assert fix.machine == {"modality": next(c for c in store.claims() if c.id == claim_id).modality.value}
        with pytest.raises(UsageError, match=fix.id):
            undo(store, first.id)  # a later review stands: undo it first
        with pytest.raises(UsageError, match="cannot correct"):
            review(store, claim_id, "corrected", reviewer="ben", correction={"subject": "x"})
        undo(store, fix.id)
        undo(store, first.id)


def test_review_from_the_api_and_the_review_in_every_claim(tmp_path: Path) -> None:
    db = make_seed_store(tmp_path / "s.db")
    claim_id = _cooperation_claim(db)
    client = TestClient(create_app(load_settings(env={}), db), base_url="http://127.0.0.1")
    r = client.post("/api/reviews", json={"item_id": claim_id, "verdict": "rejected", "reviewer": "ana"})
    assert r.status_code == 200, r.text
    assert claim_id not in {c["id"] for c in client.get("/api/claims", params={"limit": 1000}).json()["items"]}
    rejected = client.get("/api/claims", params={"review": "rejected"}).json()["items"]
    assert [c["id"] for c in rejected] == [claim_id] and rejected[0]["review"]["verdict"] == "rejected"
    assert client.post(f"/api/reviews/{r.json()['id']}/undo").status_code == 200
    assert client.get(f"/api/claims/{claim_id}").json()["review"] is None
    assert client.post("/api/reviews", json={"item_id": "clm_nope", "verdict": "accepted"}).status_code == 404
