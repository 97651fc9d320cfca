"""Regression tests for the reliability and security drills: hostile or broken input is reported with its reason
and never takes the rest of a run, the store, or the server down with it."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from _sample import make_sample_store
from claimgraph.api import create_app
from claimgraph.config import load_settings
from claimgraph.ingest import readers
from claimgraph.ingest.documents import load_documents
from claimgraph.ingest.types import InputFailure, InputSkipped
from claimgraph.records import Document

TEXT = "The Taliban claimed responsibility for an attack in Kabul that killed five policemen on Monday."


def _sources(items: list) -> list[tuple[str, str | int | None]]:  # type: ignore[type-arg]
    out = []
    for item in items:
        if isinstance(item, Document):
            out.append((Path(item.source).name, "doc"))
        else:
            out.append((Path(item.source.split(":")[-1]).name, item.line))
    return out


# -- drill 1: a poisoned JSON Lines line fails alone ----------------------------------------------------------


def test_a_lone_surrogate_or_deep_nesting_fails_its_line_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    lines = ['{"text": "x \\ud800"}', "[" * 50_000 + "]" * 50_000, json.dumps({"id": "ok", "text": TEXT + " Two."})]
    (tmp_path / "m.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "z1.txt").write_text(TEXT + " One.", encoding="utf-8")
    (tmp_path / "z2.txt").write_text(TEXT + " Three.", encoding="utf-8")
    items = list(load_documents([str(tmp_path)]))
    assert _sources(items) == [("a.txt", "doc"), ("m.jsonl", 1), ("m.jsonl", 2), ("m.jsonl", "doc"),
                               ("z1.txt", "doc"), ("z2.txt", "doc")]
    surrogate, nested = items[1], items[2]
    assert isinstance(surrogate, InputFailure) and "surrogate U+D800" in surrogate.reason
    assert isinstance(nested, InputFailure) and "nested" in nested.reason


def test_a_nul_byte_fails_only_its_own_line(tmp_path: Path) -> None:
    good = json.dumps({"text": TEXT})
    (tmp_path / "n.jsonl").write_bytes(b'{"text": "bad\x00line"}\n' + good.encode() + b"\n")
    items = list(load_documents([str(tmp_path / "n.jsonl")]))
    assert isinstance(items[0], InputFailure) and items[0].line == 1
    assert isinstance(items[1], Document)


def test_an_object_id_is_refused_not_stored_as_a_python_repr(tmp_path: Path) -> None:
    (tmp_path / "i.jsonl").write_text(json.dumps({"id": {"a": 1}, "text": TEXT}) + "\n", encoding="utf-8")
    (item,) = load_documents([str(tmp_path / "i.jsonl")])
    assert isinstance(item, InputFailure) and "'id' must be a string or an integer" in item.reason


def test_a_whitespace_only_jsonl_is_reported(tmp_path: Path) -> None:
    (tmp_path / "w.jsonl").write_text("  \n\n \n", encoding="utf-8")
    (item,) = load_documents([str(tmp_path / "w.jsonl")])
    assert isinstance(item, InputFailure) and "empty" in item.reason


# -- drill 2: a file name that is not UTF-8 ----------------------------------------------------------------


def test_a_non_utf8_file_name_becomes_a_storable_source(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / name).write_text(TEXT, encoding="utf-8")
    (doc,) = load_documents([str(tmp_path)])
    assert isinstance(doc, Document)
    doc.source.encode("utf-8")  # would raise UnicodeEncodeError in the store
    assert doc.source.endswith("caf\\xe9.txt")


# -- drill 7 and 8: bombs, links, FIFOs -------------------------------------------------------------------


def test_a_gzip_bomb_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 100_000)
    (tmp_path / "bomb.html.gz").write_bytes(gzip.compress(b"<p>" + b"a" * 1_000_000 + b"</p>"))
    (item,) = load_documents([str(tmp_path / "bomb.html.gz")])
    assert isinstance(item, InputFailure) and "inflates past" in item.reason


def test_links_loops_and_fifos_are_reported_never_followed(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "good.txt").write_text(TEXT, encoding="utf-8")
    outside = tmp_path / "secret.txt"
    outside.write_text("outside the folder " + TEXT, encoding="utf-8")
    (root / "out.txt").symlink_to(outside)
    (root / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    (root / "loop").symlink_to(root)
    os.mkfifo(root / "pipe.txt")
    skipped: list[InputSkipped] = []
    items = list(load_documents([str(root)], skipped=skipped))
    docs = [i for i in items if isinstance(i, Document)]
    failures = {Path(i.source).name: i.reason for i in items if isinstance(i, InputFailure)}
    skips = {Path(s.source).name: s.reason for s in skipped}
    assert [Path(d.source).name for d in docs] == ["good.txt"]
    assert "broken symbolic link" in failures["dangling.txt"]
    assert "outside the folder" in skips["out.txt"]
    assert "not followed" in skips["loop"]
    assert "not a regular file" in skips["pipe.txt"]


# -- drills 3, 7, 8: the server ------------------------------------------------------------------------------


@pytest.fixture()
def client(tmp_path: Path) -> TestClient:
    db = make_sample_store(tmp_path / "sample.db")
    return TestClient(create_app(load_settings(env={}), db), base_url="http://127.0.0.1:8000")


def test_a_cross_origin_post_is_refused(client: TestClient) -> None:
    files = {"file": ("a.txt", TEXT.encode(), "text/plain")}
    r = client.post("/api/documents/upload", files=files, headers={"Origin": "http://evil.example"})
    assert r.status_code == 403 and r.json()["error"]["detail"] == {"origin": "http://evil.example"}
    r = client.post("/api/documents", json={"text": TEXT}, headers={"Referer": "http://evil.example/page"})
    assert r.status_code == 403
    r = client.post("/api/documents", json={"text": ""}, headers={"Origin": "http://127.0.0.1:8000"})
    assert r.status_code == 422  # same origin: passes the check, then fails on its (empty) content


def test_a_huge_body_is_refused_before_it_is_read_and_never_echoed(client: TestClient) -> None:
    r = client.post("/api/documents", content=b"x" * 7_000_000, headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and len(r.content) < 1_000
    r = client.post("/api/documents", json={"text": 12, "name": "n" * 50_000})
    assert r.status_code == 422 and len(r.content) < 5_000


def test_an_absurd_offset_is_a_bad_request_not_a_crash(client: TestClient) -> None:
    r = client.get("/api/documents", params={"offset": "99999999999999999999"})
    assert r.status_code == 422


def test_an_older_database_opened_read_only_says_how_to_migrate(tmp_path: Path) -> None:
    import sqlite3

    from claimgraph.errors import StoreError
    from claimgraph.store import Store

    db = make_sample_store(tmp_path / "old.db")
    with sqlite3.connect(db) as conn:  # a database from before grading existed
        conn.execute("DROP TABLE claim_grades")
    with pytest.raises(StoreError, match="older claimgraph.*claim_grades.*opened for writing"):
        Store(db, readonly=True)
    with Store(db):  # opening it for writing migrates it
        pass
    with Store(db, readonly=True) as store:
        assert store.counts()["claims"] == 10


def test_analyses_are_cached_until_the_database_changes(tmp_path: Path) -> None:
    from claimgraph.api.analysis import AnalysisCache

    db = make_sample_store(tmp_path / "c.db")
    cache = AnalysisCache(db)
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    assert cache.get(("x",), compute) == 1
    assert cache.get(("x",), compute) == 1  # same state: served from the cache
    from claimgraph.store import Store

    with Store(db) as store:
        store.record_failure("y.txt", 0, "read", "changed")  # any commit
    assert cache.get(("x",), compute) == 2
