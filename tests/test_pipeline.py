"""End to end through the library the CLI calls: ingest is idempotent, resumable and loses nothing."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from claimgraph import pipeline
from claimgraph.store import Store

pytestmark = pytest.mark.model


def _counts(db: Path) -> dict[str, int]:
    with Store(db, readonly=True) as store:
        return store.counts()


def test_ingesting_the_seed_twice_changes_nothing(tmp_path, seed_path, extractor) -> None:
    db = tmp_path / "c.db"
    with Store(db) as store:
        first = pipeline.ingest([str(seed_path)], store, extractor)
    assert first.stored == 1 and first.claims > 10 and first.events >= 1
    before = _counts(db)
    with Store(db) as store:
        again = pipeline.ingest([str(seed_path)], store, extractor)
    assert (again.stored, again.duplicates, again.failed) == (0, 1, 0)
    assert _counts(db) == before


def test_bad_inputs_are_reported_and_the_good_ones_stored(tmp_path, seed_path, extractor) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(seed_path, folder / "seed.txt")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "empty.txt").write_text("   \n")
    good = {"id": "r1", "text": "The Taliban claimed responsibility for an attack in Kabul that killed five people."}
    (folder / "lines.jsonl").write_text(json.dumps(good) + "\n{not json\n", encoding="utf-8")
    with Store(tmp_path / "c.db") as store:
        summary = pipeline.ingest([str(folder)], store, extractor)
        failures = store.failures()
    assert summary.stored == 2
    assert summary.failed == 3
    reasons = {Path(f.source).name: f for f in summary.failures}
    assert set(reasons) == {"binary.txt", "empty.txt", "lines.jsonl"}
    assert reasons["lines.jsonl"].line == 2
    assert len(failures) == 3


def test_an_interrupted_ingest_resumes_without_duplicates(tmp_path, seed_path, extractor) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    lines = [
        {"id": f"r{i}", "text": f"Report {i}: the Baloch Liberation Army attacked a convoy in Turbat, killing {i} men."}
        for i in range(2, 8)
    ]
    (folder / "a.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    db = tmp_path / "c.db"
    with Store(db) as store:  # the run is cut short after three documents
        partial = pipeline.ingest_items(
            (d for i, d in enumerate(pipeline.load_documents([str(folder)])) if i < 3), store, extractor
        )
    assert partial.stored == 3
    with Store(db) as store:
        resumed = pipeline.ingest([str(folder)], store, extractor)
    assert (resumed.stored, resumed.duplicates) == (3, 3)
    assert _counts(db)["documents"] == 6


def test_extract_cli_keeps_input_order_and_reports_bad_lines(tmp_path) -> None:
    src = tmp_path / "in.jsonl"
    docs = [
        {"id": "a", "text": "Lashkar-e-Taiba and Jaish-e-Mohammed cooperate in Kashmir, officials said."},
        "{broken",
        {"id": "b", "text": "Al Shabaab claimed responsibility for a bombing in Mogadishu that killed 12 people."},
    ]
    src.write_text("\n".join(d if isinstance(d, str) else json.dumps(d) for d in docs) + "\n")
    run = subprocess.run(
        [sys.executable, "-m", "claimgraph", "extract", str(src)], capture_output=True, text=True, check=False
    )
    out = [json.loads(line) for line in run.stdout.splitlines()]
    assert run.returncode == 1
    assert [o["doc"]["raw_id"] for o in out] == ["a", None, "b"]
    assert out[1]["error"]["stage"] == "parse"
    for o in out:
        for c in o["claims"]:
            assert o["doc"]["text"][c["evidence"]["start"] : c["evidence"]["end"]] == c["evidence"]["text"]
