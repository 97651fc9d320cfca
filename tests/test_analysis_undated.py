"""A document that gives no date is undated: its claims count toward scores, but never make a trend rise, a
finding new or a dispute recent; date filters leave them out and say how many."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from _analysis_helpers import _report, make_year_store
from claimgraph.analysis import Analysis, changes, convergence
from claimgraph.store import Store


def _undated_report():  # noqa: ANN202 - an Extraction
    x = _report(12, [("gamma", "cooperates_with", "agency",
                      "Gamma Legion has agreed to share training camps with Directorate Nine.", {})])
    return replace(x, doc=replace(x.doc, published=None, source="undated.txt"))


def _store(tmp_path: Path) -> Path:
    db = make_year_store(tmp_path / "y.db")
    with Store(db) as store:
        store.save(_undated_report(), at="2026-12-01T00:00:00+00:00")  # ingested long after the year
    return db


def test_an_undated_tie_is_never_new_nor_rising(tmp_path: Path) -> None:
    db = _store(tmp_path)
    with Store(db, readonly=True) as store:
        ch = changes(store, date(2024, 7, 1))
        pairs = convergence(store, window=timedelta(days=30))
    assert ch.undated == 1
    assert "Directorate Nine" not in {n.actor.name for n in ch.new_actors}
    assert not [t for t in ch.new_ties if {t.a.name, t.b.name} == {"Gamma Legion", "Directorate Nine"}]
    pair = next(p for p in pairs if {p.a.name, p.b.name} == {"Gamma Legion", "Directorate Nine"})
    assert pair.first_seen is None and pair.direction != "rising"
    assert pair.score > 0  # it still counts
    assert all(w.new_evidence == 0 for w in pair.trend)
    assert max(e.date for e in _evidence(pairs) if e.date) <= date(2024, 12, 15)  # never dated by ingestion


def test_a_date_filter_says_how_many_undated_findings_it_hides(tmp_path: Path) -> None:
    db = _store(tmp_path)
    with Store(db, readonly=True) as store:
        analysis = Analysis.load(store, since=date(2024, 1, 1))
    assert analysis.base.hidden_undated == 1
    assert all(f.dated for f in analysis.base.facts)


def _evidence(pairs):  # noqa: ANN001, ANN202
    return [e for p in pairs for s in p.signals for e in s.evidence]
