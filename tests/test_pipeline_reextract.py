"""Documents stored by an older extractor are re-extracted in place; an interrupted run finishes resolution."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from claimgraph import EXTRACTOR_VERSION, pipeline
from claimgraph.cli import app
from claimgraph.store import Store

pytestmark = pytest.mark.model

REPORTS = [
    {"id": "r1", "text": "The Taliban claimed responsibility for an attack in Kabul that killed five policemen."},
    {"id": "r2", "text": "Officials said Lashkar-e-Taiba had agreed to share training camps with Jaish-e-Mohammed."},
]


def _write(tmp_path):  # noqa: ANN001, ANN202
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in REPORTS), encoding="utf-8")
    return path


def _rows(store: Store, table: str) -> int:
    return store.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: S608


def test_documents_record_the_extractor_that_made_them(tmp_path, extractor) -> None:
    with Store(tmp_path / "c.db") as store:
        pipeline.ingest([str(_write(tmp_path))], store, extractor)
        assert store.extractor_versions() == {EXTRACTOR_VERSION: 2}
        assert list(store.stale_documents(EXTRACTOR_VERSION)) == []


def test_reextract_replaces_an_older_extraction_without_duplicates(tmp_path, extractor) -> None:
    with Store(tmp_path / "c.db") as store:
        pipeline.ingest([str(_write(tmp_path))], store, extractor)
        before = {t: _rows(store, t) for t in ("claims", "events", "mentions", "documents")}
        # a stale claim only the old extractor produced, and the version that says so
        store.conn.execute("UPDATE documents SET extractor='claimgraph-extract/0.0'")
        store.conn.commit()
        assert len(list(store.stale_documents(EXTRACTOR_VERSION))) == 2
        summary = pipeline.reextract(store, extractor)
        assert summary.stored == 2 and summary.failed == 0
        assert {t: _rows(store, t) for t in before} == before
        assert store.extractor_versions() == {EXTRACTOR_VERSION: 2}
        assert not store.resolution_pending()
        again = pipeline.reextract(store, extractor)
        assert again.stored == 0


def test_an_interrupted_resolution_is_finished_by_the_next_run(tmp_path, extractor) -> None:
    path = _write(tmp_path)
    with Store(tmp_path / "c.db") as store:
        # documents stored, then the run died before the cross-document steps
        for x in extractor.extract_many(pipeline.load_documents([str(path)])):
            store.save(x, extractor=EXTRACTOR_VERSION)
        assert store.resolution_pending()
        summary = pipeline.ingest([str(path)], store, extractor)
        assert summary.stored == 0 and summary.duplicates == 2
        assert summary.resolution, "resolution ran although nothing new was stored"
        assert not store.resolution_pending()


def test_stats_names_older_documents_and_the_command_that_updates_them(tmp_path, extractor) -> None:
    db = tmp_path / "c.db"
    with Store(db) as store:
        pipeline.ingest([str(_write(tmp_path))], store, extractor)
        store.conn.execute("UPDATE documents SET extractor='claimgraph-extract/0.0' WHERE raw_id='r1'")
        store.conn.commit()
    result = CliRunner().invoke(app, ["stats", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "1 documents by claimgraph-extract/0.0" in result.output
    assert "--reextract" in result.output


def test_ingest_verbose_lists_dropped_candidates_with_reasons(tmp_path) -> None:
    text = ("The spokesman said the army was ready. Officials in Kabul said Lashkar-e-Taiba and the Taliban "
            "were not present. The government of Pakistan was said to be concerned about it.")
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(path), "--db", str(tmp_path / "c.db"), "--verbose"])
    assert result.exit_code == 0, result.output
    assert "candidates dropped" in result.output
    dropped = [line for line in result.output.splitlines() if line.startswith("dropped ")]
    assert dropped and all(" — " in line for line in dropped)
