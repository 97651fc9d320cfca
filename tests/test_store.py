"""The store, on SQLite and on PostgreSQL (`new_db` and `sample_target` give each engine): idempotent saves,
provenance, alias search, as-of queries, clear errors."""

from __future__ import annotations

import sqlite3

import pytest

from _sample import SEED_TEXT, sample_extraction
from claimgraph.errors import NotFound, StoreError
from claimgraph.store import Store, normalise_alias


def test_saving_twice_changes_nothing(new_db) -> None:
    x = sample_extraction()
    with Store(new_db()) as store:
        assert store.save(x) is True
        before = store.counts()
        assert store.save(x) is False
        assert store.counts() == before


def test_every_span_reproduces_its_text(sample_target) -> None:
    with Store(sample_target, readonly=True) as store:
        doc = store.document(sample_extraction().doc.id)
        for c in store.claims():
            assert doc.text[c.evidence.start : c.evidence.end] == c.evidence.text
        for m in store.mentions(doc.id):
            assert doc.text[m["start"] : m["end"]] == m["text"]
        for ev in store.events():
            assert doc.text[ev.evidence.start : ev.evidence.end] == ev.evidence.text


def test_aliases_find_the_same_actor(sample_target) -> None:
    with Store(sample_target, readonly=True) as store:
        ids = {store.resolve_actor(n)["id"] for n in ("LeT", "Lashkar", "lashkar-e-taiba", "The Lashkar-e-Taiba")}
        assert len(ids) == 1
        assert "LeT" in store.aliases(ids.pop())


def test_hedged_and_negated_survive_storage(sample_target) -> None:
    with Store(sample_target, readonly=True) as store:
        coop = store.claims(predicate="cooperates_with")[0]
        assert coop.modality.value == "hedged"
        assert any(c.polarity.value == "negated" for c in store.claims(entity="ISI"))


def test_as_of_answers_what_was_held_then(new_db) -> None:
    with Store(new_db()) as store:
        store.save(sample_extraction(), at="2025-10-08T10:00:00.000000Z")
        store.save(sample_extraction(SEED_TEXT + " Later."), at="2025-11-01T10:00:00.000000Z")
        assert len(store.claims(as_of="2025-10-31")) == len(sample_extraction().claims)
        assert len(store.claims(as_of="2025-11-01")) == 2 * len(sample_extraction().claims)
        assert store.claims(as_of="2025-01-01") == []


def test_unknown_actor_is_a_clear_error(sample_target) -> None:
    with Store(sample_target, readonly=True) as store, pytest.raises(NotFound, match="no actor named"):
        store.resolve_actor("Nobody Anywhere")


def test_not_a_database_is_a_clear_error(tmp_path) -> None:  # SQLite; test_store_backends has PostgreSQL's
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        Store(bad)
    other = tmp_path / "other.db"
    sqlite3.connect(other).close()
    with pytest.raises(StoreError, match="not a claimgraph database"):
        Store(other, readonly=True)


def test_normalise_alias() -> None:
    assert normalise_alias("The Lashkar-e-Taiba") == normalise_alias("lashkar e taiba")
    assert normalise_alias("Islāmic  State") == "islamic state"


def test_actor_pages_are_slices_of_the_whole_list(new_db) -> None:
    with Store(new_db()) as store:
        store.save(sample_extraction())
        store.save(sample_extraction(SEED_TEXT + " Again."))
        for actor in ("ISKP", "ISI", "Mengal"):
            everything = store.claims(entity=actor)
            assert len(everything) >= 4
            pages = [store.claims(entity=actor, limit=3, offset=o) for o in range(0, len(everything), 3)]
            assert [c for p in pages for c in p] == everything
            assert store.claims(entity=actor, predicate="supports") == [
                c for c in everything if c.predicate == "supports"
            ]
