"""Convergence and brokers on the NLP stage's real extraction of the seed article (model-backed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph import pipeline
from claimgraph.analysis import brokers, convergence
from claimgraph.store import Store

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory, seed_path: Path, extractor) -> Path:  # type: ignore[no-untyped-def]
    db = tmp_path_factory.mktemp("seed") / "seed.db"
    with Store(db) as store:
        summary = pipeline.ingest([str(seed_path)], store, extractor)
    assert summary.stored == 1, summary.failures
    return db


def _is(actor_name: str, *needles: str) -> bool:
    return any(n.lower() in actor_name.lower() for n in needles)


LET = ("Lashkar", "LeT")
ISKP = ("Khorasan", "ISKP")


def test_real_seed_top_pair_is_let_iskp(seed_db: Path) -> None:
    with Store(seed_db, readonly=True) as store:
        pairs = convergence(store)
    assert pairs, "no pair found in the extracted seed article"
    top = pairs[0]
    assert {
        _is(top.a.name, *LET) or _is(top.b.name, *LET),
        _is(top.a.name, *ISKP) or _is(top.b.name, *ISKP),
    } == {True}, f"top pair is {top.a.name} – {top.b.name}"
    kinds = {s.kind for s in top.signals}
    direct = [e for s in top.signals if s.kind == "direct_tie" for e in s.evidence]
    assert any("collaboration" in e.text or "coalition" in e.text for e in direct), kinds
    assert any(
        _is(v.name, "Inter-Services", "ISI") for s in top.signals if s.kind == "shared_sponsor" for v in s.via
    ), kinds
    meetings = [s for s in top.signals if s.kind == "member_tie"]
    assert any(
        any(_is(v.name, "Mengal") for v in s.via) and any(_is(v.name, "Ashfaq") for v in s.via) for s in meetings
    ), kinds
    assert any(e.predicate == "met_with" for s in meetings for e in s.evidence)
    flags = {f for s in top.signals for f in s.flags}
    assert {"hedged", "anonymous"} <= flags


def test_real_seed_top_pair_shares_an_area(seed_db: Path) -> None:
    # LeT is placed in Balochistan by the meeting "in Balochistan" and by its commanders' arrival there
    with Store(seed_db, readonly=True) as store:
        top = convergence(store, limit=1)[0]
    shared = [s for s in top.signals if s.kind == "shared_place"]
    assert shared, {s.kind for s in top.signals}
    assert any(_is(v.name, "Balochistan") for s in shared for v in s.via), [v.name for s in shared for v in s.via]


def test_real_seed_brokers_include_mengal_and_isi(seed_db: Path) -> None:
    with Store(seed_db, readonly=True) as store:
        found = brokers(store, limit=8)
    names = [b.actor.name for b in found]
    assert any(_is(n, "Mengal") for n in names), names
    assert any(_is(n, "Inter-Services", "ISI") for n in names), names
