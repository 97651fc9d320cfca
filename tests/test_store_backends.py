"""SQLite and PostgreSQL give the same answers: resolution's judgements and undo, grades, analyses, exports,
full-text search; DDL added by a later stage exists on both; and two processes writing one PostgreSQL
database at once end with exactly the union of what they wrote."""

from __future__ import annotations

import dataclasses
import multiprocessing
import re
from pathlib import Path

import pytest

from _resolve_helpers import Said, report
from _sample import SEED_TEXT, make_sample_store, sample_extraction
from claimgraph.analysis.brokers import brokers
from claimgraph.analysis.convergence import convergence
from claimgraph.errors import StoreError, UsageError
from claimgraph.records import Entity, Extraction
from claimgraph.resolve import actors
from claimgraph.resolve.dedup import refresh_groups
from claimgraph.resolve.run import resolve_store
from claimgraph.store import Store, exchange, extensions, graph, revision
from claimgraph.store import grading as sg
from claimgraph.store import resolution as rs
from claimgraph.store import reviews as rv
from claimgraph.store.bulk import bulk_save
from claimgraph.store.dialect import object_names, pg_ddl, pg_query

ORG, PERSON = "armed_group", "person"


def _corpus() -> list[Extraction]:
    """The sample article, a near copy of it (a wire rewrite) and reports that name actors in variant spellings."""
    return [
        sample_extraction(),
        sample_extraction(SEED_TEXT + " Officials declined to comment.", outlet="Dawn", published="2025-10-09"),
        report("Lashkar-e-Tayyiba commander Rana Muhammad Ashfaq met ISKP officials in Quetta, police said.",
               outlet="Dawn", names=[("Lashkar-e-Tayyiba", ORG), ("Rana Muhammad Ashfaq", PERSON), ("ISKP", ORG)],
               said=[Said("Rana Muhammad Ashfaq", "member_of", "Lashkar-e-Tayyiba"),
                     Said("Lashkar-e-Tayyiba", "cooperates_with", "ISKP")]),
        report("The Baloch Liberation Army attacked an ISKP camp, the group said.", outlet="Reuters",
               names=[("Baloch Liberation Army", ORG), ("ISKP", ORG)],
               said=[Said("Baloch Liberation Army", "attacked", "ISKP", source="the group")],
               published="2025-11-02"),
    ]


def _judged(store: Store) -> list[tuple]:  # type: ignore[type-arg]
    return [(j.verdict, j.action, j.left_id, j.right_id, j.score, j.reason, j.author, j.changes, j.active)
            for j in rs.judgements(store)]


def _answers(target: Path | str) -> dict[str, object]:
    """Everything the CLI, API, analyses and exports read, with clock times left out."""
    with Store(target, readonly=True) as store:
        let = store.resolve_actor("LeT")["id"]
        grades = {k: dataclasses.replace(v) for k, v in sg.stored_grades(store).items()}
        return {
            "counts": store.counts(),
            "judgements": _judged(store),
            "actor_of": exchange.actor_of(store),
            "actors": {k: dataclasses.replace(v, first_seen="") for k, v in exchange.actor_records(store).items()},
            "claims": store.claims(),
            "all_claims": store.claims(review="all"),
            "reviews": [(r.item_id, r.verdict, r.correction, r.active) for r in rv.reviews(store)],
            "review_counts": rv.review_counts(store, "claim"),
            "let_page": store.claims(entity=let, limit=4, offset=1),
            "events": store.events(entity="ISKP"),
            "claim_rows": [dataclasses.replace(r, ingested_at="") for r in graph.claim_rows(store)],
            "grades": grades,
            "groups": sg.doc_groups(store),
            "kinship": [{k: v for k, v in r.items() if k != "at"} for r in rs.kinship(store)],
            "search": [a["id"] for a in store.find_actors("lashkar")],
            "mentions": list(exchange.all_mentions(store)),
            "entities": [{k: v for k, v in e.items() if k != "first_seen"} for e in store.entities(limit=50)],
            "convergence": [(p.a, p.b, round(p.score, 9)) for p in convergence(store)],
            "brokers": [(b.actor, round(b.score, 9)) for b in brokers(store)],
        }


def _build(target: Path | str) -> None:
    with Store(target) as store:
        for x in _corpus():
            assert store.save(x, at="2026-01-01T00:00:00.000000Z")
        resolve_store(store)
        refresh_groups(store)
        resolve_store(store)
        ids = {e["name"]: e["id"] for e in store.entities(limit=100)}
        j = actors.merge(store, ids["Mir Shafiq Mengal"], ids["Rana Mohammad Ashfaq"], reason="test merge")
        actors.undo(store, j.id)
        actors.add_kin(store, "ISKP", "front_of", "Baloch Liberation Army")
        claims = store.claims()
        rv.add_review(store, "claim", claims[0].id, "rejected", reviewer="analyst", reason="misread")
        rv.add_review(store, "claim", claims[1].id, "corrected", reviewer="analyst",
                      correction={"modality": "hedged"}, machine={"modality": claims[1].modality.value})
        undone = rv.add_review(store, "claim", claims[2].id, "accepted", reviewer="analyst")
        rv.undo_review(store, undone.id)


def test_both_engines_give_the_same_answers(tmp_path: Path, pg_cluster) -> None:  # type: ignore[no-untyped-def]
    lite, pg = tmp_path / "same.db", pg_cluster.create_database("same_answers")
    _build(lite)
    _build(pg)
    a, b = _answers(lite), _answers(pg)
    assert a["judgements"], "resolution decided something"
    assert a["grades"], "claims were graded"
    for key in a:
        assert a[key] == b[key], key


def test_judgements_undo_exactly(new_db) -> None:  # type: ignore[no-untyped-def]
    with Store(new_db()) as store:
        for x in _corpus():
            store.save(x)
        let, tayyiba = store.resolve_actor("Lashkar-e-Taiba")["id"], store.resolve_actor("Lashkar-e-Tayyiba")["id"]
        first = actors.merge(store, let, tayyiba, reason="same group")
        assert store.actor_id(tayyiba) == let
        second = actors.split(store, tayyiba, reason="not sure after all")
        with pytest.raises(UsageError, match="cannot be undone exactly"):
            actors.undo(store, first.id)
        actors.undo(store, second.id)
        actors.undo(store, first.id)
        assert store.actor_id(tayyiba) == tayyiba
        assert [j.id for j in rs.judgements(store, entity_ids=[tayyiba])] == [second.id, first.id]
        assert rs.last_judgement_touching(store, tayyiba) is None


def test_places_and_kinship_upsert(new_db) -> None:  # type: ignore[no-untyped-def]
    from claimgraph.records import Place

    with Store(new_db()) as store:
        store.save(sample_extraction())
        mastung = store.resolve_actor("Mastung")["id"]
        rs.save_place(store, mastung, "Mastung", None, "not found")
        rs.save_place(store, mastung, "Mastung", Place("Mastung", "Balochistan", "Pakistan", 1170395, mastung,
                                                       "district", 29.8, 66.85), "geonames")
        row = rs.entity_place(store, mastung)
        assert row is not None and row["geonames_id"] == 1170395 and row["lat"] == 29.8
        assert rs.places_by_geonames(store, 1170395) == [mastung]
        assert rs.add_kinship(store, "a", "front_of", "b", "test") is True
        assert rs.add_kinship(store, "a", "front_of", "b", "test") is False
        assert rs.remove_kinship(store, "a", "front_of", "b") is True


def test_search_ignores_case_accents_and_word_order(new_db) -> None:  # type: ignore[no-untyped-def]
    x = sample_extraction()
    accented = Entity("act_accented", "Jamāʿat Nuṣrat al-Islām", ORG, ("JNIM",), ())
    x = dataclasses.replace(x, entities=(*x.entities, accented))
    with Store(new_db()) as store:
        store.save(x)
        assert [a["id"] for a in store.find_actors("nusrat jamaat")] == ["act_accented"]
        assert [a["id"] for a in store.find_actors("Jama")] == ["act_accented"]  # a prefix of a word
        assert store.find_actors("khorasan province")[0]["name"] == "Islamic State Khorasan Province"
        assert store.find_actors("nowhere at all") == []


def test_a_later_stage_table_exists_on_both(new_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ddl = """
    CREATE TABLE IF NOT EXISTS later_notes (
      id TEXT PRIMARY KEY,
      doc_id TEXT NOT NULL REFERENCES documents(id),
      confidence REAL, n INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX IF NOT EXISTS later_notes_doc ON later_notes(doc_id);
    """
    target = new_db()
    with Store(target) as store:
        store.save(sample_extraction())
    monkeypatch.setattr(extensions, "EXTENSIONS", [*extensions.EXTENSIONS, ("later_notes", ddl)])
    with Store(target) as store:  # an existing database gains the table when opened for writing
        doc = sample_extraction().doc.id
        with store.conn:
            store.conn.execute("INSERT INTO later_notes(id, doc_id, confidence, n) VALUES (?,?,?,?)",
                               ("s1", doc, 0.1 + 0.2, 3))
        assert tuple(store.conn.execute("SELECT confidence, n FROM later_notes").fetchone()) == (0.1 + 0.2, 3)
    with Store(target, readonly=True) as store:
        assert store.has_table("later_notes")


def test_ddl_translation() -> None:
    out = pg_ddl(
        "PRAGMA foreign_keys = ON;\nCREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, text TEXT NOT NULL,"
        " w REAL) WITHOUT ROWID; -- INTEGER in a comment\n"
        "CREATE VIEW IF NOT EXISTS v AS SELECT id FROM t;\n"
        "CREATE VIRTUAL TABLE IF NOT EXISTS s USING fts5(k UNINDEXED, a, b);"
    )
    assert "PRAGMA" not in out and "comment" not in out and "ROWID" not in out
    assert "id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY" in out
    assert 'text TEXT COLLATE "C" NOT NULL' in out and "w DOUBLE PRECISION" in out
    assert "CREATE OR REPLACE VIEW v" in out
    assert "USING GIN (to_tsvector('simple', coalesce(a, '') || ' ' || coalesce(b, '')))" in out
    assert object_names("CREATE VIRTUAL TABLE IF NOT EXISTS s USING fts5(k UNINDEXED, a);") == {"s", "s_fts"}
    assert pg_query("SELECT * FROM t WHERE a LIKE ? AND b = '?%'") == "SELECT * FROM t WHERE a LIKE %s AND b = '?%'"


def test_postgres_errors_are_clear(pg_cluster) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(StoreError, match="cannot open database"):
        Store(pg_cluster.url("no_such_database"))
    empty = pg_cluster.create_database("empty")
    with pytest.raises(StoreError, match="not a claimgraph database"):
        Store(empty, readonly=True)
    with pytest.raises(StoreError, match="not a claimgraph database"):
        Store(empty.replace("claimgraph@", "claimgraph:secret@"), readonly=True)
    with Store(empty) as store:
        assert "secret" not in str(store.path)
    with Store(empty, readonly=True) as store:
        assert store.counts()["documents"] == 0


def test_revision_moves_with_each_commit(new_db) -> None:  # type: ignore[no-untyped-def]
    target = new_db()
    with Store(target) as store:
        store.save(sample_extraction())
        before = revision(target)
        assert revision(target) == before
        store.record_failure("x.jsonl", 3, "read", "bad line")
        assert revision(target) != before


# -- two writers at once -------------------------------------------------------------------------------------
def _extraction(i: int) -> Extraction:
    """Document i: the sample article with its own last sentence, and an alias of its own for Lashkar, so
    writers of different documents update the same actors' aliases and search rows."""
    x = sample_extraction(SEED_TEXT + f" Report number {i}.")
    ents = tuple(
        dataclasses.replace(e, aliases=(*e.aliases, f"Lashkar unit {i % 7}")) if e.name == "Lashkar-e-Taiba" else e
        for e in x.entities
    )
    return dataclasses.replace(x, entities=ents)


def _writer(target: str, ids: list[int], bulk: bool, start: multiprocessing.synchronize.Barrier) -> None:
    with Store(target) as store:
        start.wait(timeout=60)
        if bulk:
            for k in range(0, len(ids), 5):
                bulk_save(store, [_extraction(i) for i in ids[k : k + 5]])
        else:
            for i in ids:
                store.save(_extraction(i))
        resolve_store(store)  # as `ingest` does after storing: the two runs take turns


def _contents(target: str) -> dict[str, object]:
    with Store(target, readonly=True) as store:
        q = store.conn.execute
        return {
            "documents": sorted(r[0] for r in q("SELECT id FROM documents")),
            "claims": sorted(r[0] for r in q("SELECT id FROM claims")),
            "events": sorted(r[0] for r in q("SELECT id FROM events")),
            "event_actors": sorted(tuple(r) for r in q("SELECT * FROM event_actors")),
            "mentions": sorted(tuple(r) for r in q("SELECT * FROM mentions")),
            "entities": sorted(tuple(r) for r in q("SELECT id, name, type, refs FROM entities")),
            "aliases": sorted(tuple(r) for r in q("SELECT entity_id, alias, norm FROM aliases")),
            "search": sorted(tuple(r) for r in q("SELECT * FROM entity_search")),
            "pending": store.resolution_pending(),
        }


def test_two_writers_end_with_exactly_the_union(pg_cluster) -> None:  # type: ignore[no-untyped-def]
    shared, reference = pg_cluster.create_database("two_writers"), pg_cluster.create_database("one_writer")
    first, second = list(range(0, 40)), list(reversed(range(20, 60)))  # 20 documents both write
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Barrier(2)
    procs = [ctx.Process(target=_writer, args=(shared, first, False, start)),
             ctx.Process(target=_writer, args=(shared, second, True, start))]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=300)
    assert [p.exitcode for p in procs] == [0, 0]
    with Store(reference) as store:
        for i in range(60):
            store.save(_extraction(i))
    got, want = _contents(shared), _contents(reference)
    assert len(got["documents"]) == 60 and len(got["claims"]) == 60 * len(sample_extraction().claims)
    for key in want:
        assert got[key] == want[key], key
    with Store(shared, readonly=True) as store:
        assert len(sg.stored_grades(store)) == len(got["claims"])  # the later resolution graded everything
        decided = [(j.verdict, j.left_id, j.right_id) for j in rs.judgements(store, active_only=True)]
        assert len(decided) == len(set(decided))


# -- the explorer and the command line over PostgreSQL ----------------------------------------------------------
def test_explorer_answers_the_same_on_both(tmp_path: Path, pg_cluster) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from claimgraph.api import create_app
    from claimgraph.config import load_settings

    lite, pg = tmp_path / "api.db", pg_cluster.create_database("api")
    bodies = []
    for target in (lite, pg):
        _build(target)
        client = TestClient(create_app(load_settings(env={}), target), base_url="http://127.0.0.1")
        got = {}
        for url in ("/api/stats", "/api/actors", "/api/claims", "/api/events", "/api/convergence", "/api/brokers"):
            r = client.get(url)
            assert r.status_code == 200, (target, url, r.text)
            got[url] = r.json()
        let = client.get("/api/actors", params={"q": "lashkar"}).json()
        got["search"] = let
        got["actor"] = client.get(f"/api/actors/{let['items'][0]['id']}").json()
        bodies.append(got)
    a, b = _stable(bodies[0]), _stable(bodies[1])
    for url in a:
        assert a[url] == b[url], url


def _stable(value: object) -> object:
    """An answer without what differs on every run: clock times and the ids made from them."""
    if isinstance(value, dict):
        return {k: _stable(v) for k, v in value.items() if k not in {"at", "undone_at", "first_seen", "ingested_at"}}
    if isinstance(value, list):
        return [_stable(v) for v in value]
    if isinstance(value, str) and re.fullmatch(r"(rev|jdg)_[0-9a-f]+", value):
        return value[:4]
    return value


def test_settings_take_a_postgres_url() -> None:
    from claimgraph.config import load_settings

    s = load_settings(env={})
    assert s.store.target == Path("claimgraph.db")
    url = "postgresql://analyst@db.example:5432/claims"
    assert s.with_db(url).store.target == url
    assert s.with_db(Path(url)).store.target == url  # a --db option typed as a Path keeps its URL
    assert s.with_db(url).with_db("local.db").store.target == Path("local.db")
    assert load_settings(env={"CLAIMGRAPH_STORE_URL": url}).store.target == url
    assert load_settings(env={"CLAIMGRAPH_STORE_DB": url}).store.target == url


def test_a_dropped_connection_is_replaced(pg_cluster) -> None:  # type: ignore[no-untyped-def]
    import psycopg

    target = make_sample_store(pg_cluster.create_database("dropped"))
    with Store(target, readonly=True) as store:
        pid = store.conn.raw.info.backend_pid
    with Store(target, readonly=True) as store:
        assert store.conn.raw.info.backend_pid == pid  # the idle connection was used again
    with psycopg.connect(pg_cluster.url(), autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    with Store(target, readonly=True) as store:
        assert store.conn.raw.info.backend_pid != pid
        assert store.counts()["documents"] == 1


def test_statements_answer_alike(new_db) -> None:  # type: ignore[no-untyped-def]
    from test_statements_store import _extractions as attributed

    one, bulk = new_db("one"), new_db("bulk")
    with Store(one) as store:
        for x in attributed():
            store.save(x)
    with Store(bulk) as store:
        assert bulk_save(store, attributed()) == 2
    for target in (one, bulk):
        with Store(target, readonly=True) as store:
            assert [r.statement.id for r in store.statements()] == ["st_a1", "st_a2", "st_b1"]
            assert [r.statement.id for r in store.statements(source="OFFICIALS")] == ["st_b1"]  # any case
            assert [r.statement.id for r in store.statements(source="Mohsin Naqvi")] == ["st_a1"]
            assert [r.statement.id for r in store.statements(about="Tehrik-i-Taliban Pakistan")] == ["st_a1", "st_a2"]
            assert [r.statement.id for r in store.statements(since="2025-01-01")] == ["st_b1"]
            assert [r.statement.id for r in store.statements(source="nobody at all")] == []
