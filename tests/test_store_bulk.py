"""`store.bulk.bulk_save` writes exactly the rows `Store.save` writes."""

from __future__ import annotations

from pathlib import Path

from _sample import sample_extraction
from claimgraph.store import Store
from claimgraph.store.bulk import bulk_save

TABLES = {
    "documents": "SELECT * FROM documents ORDER BY id",
    "entities": "SELECT * FROM entities ORDER BY id",
    "aliases": "SELECT entity_id, alias, norm, origin FROM aliases ORDER BY entity_id, norm",
    "mentions": "SELECT * FROM mentions ORDER BY doc_id, entity_id, start",
    "claims": "SELECT * FROM claims ORDER BY id",
    "events": "SELECT * FROM events ORDER BY id",
    "event_actors": "SELECT * FROM event_actors ORDER BY event_id, entity_id, role",
    "search": "SELECT entity_id, name FROM entity_search ORDER BY entity_id",
}


def _dump(path: Path) -> dict[str, list[tuple]]:
    with Store(path, readonly=True) as store:
        return {name: [tuple(r) for r in store.conn.execute(sql)] for name, sql in TABLES.items()}


def test_bulk_save_matches_save(tmp_path: Path) -> None:
    x = sample_extraction()
    at = "2026-01-01T00:00:00.000000Z"
    with Store(tmp_path / "one.db") as store:
        assert store.save(x, at=at)
    with Store(tmp_path / "bulk.db") as store:
        assert bulk_save(store, [x, x], at=at) == 1
        assert bulk_save(store, [x], at=at) == 0  # already stored
    one, bulk = _dump(tmp_path / "one.db"), _dump(tmp_path / "bulk.db")
    assert one["claims"], "the sample has claims"
    assert one == bulk


def test_bulk_saved_aliases_are_searchable(tmp_path: Path) -> None:
    x = sample_extraction()
    with Store(tmp_path / "bulk.db") as store:
        bulk_save(store, [x])
        some = next(e for e in x.entities if e.aliases)
        assert store.find_actors(some.aliases[0])[0]["id"] == some.id
