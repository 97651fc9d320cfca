"""`store.bulk.bulk_save` writes exactly the rows `Store.save` writes, on each engine."""

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
    "search": "SELECT entity_id, name, aliases FROM entity_search ORDER BY entity_id",
}


def _dump(path: Path | str) -> dict[str, list[tuple]]:
    with Store(path, readonly=True) as store:
        return {name: [tuple(r) for r in store.conn.execute(sql)] for name, sql in TABLES.items()}


def test_bulk_save_matches_save(new_db) -> None:
    x = sample_extraction()
    at = "2026-01-01T00:00:00.000000Z"
    one_db, bulk_db = new_db("one"), new_db("bulk")
    with Store(one_db) as store:
        assert store.save(x, at=at)
    with Store(bulk_db) as store:
        assert bulk_save(store, [x, x], at=at) == 1
        assert bulk_save(store, [x], at=at) == 0  # already stored
    one, bulk = _dump(one_db), _dump(bulk_db)
    assert one["claims"], "the sample has claims"
    assert one == bulk


def test_bulk_saved_aliases_are_searchable(new_db) -> None:
    x = sample_extraction()
    with Store(new_db("bulk")) as store:
        bulk_save(store, [x])
        some = next(e for e in x.entities if e.aliases)
        assert store.find_actors(some.aliases[0])[0]["id"] == some.id


def test_saved_aliases_are_searchable_new_and_known_entities(new_db) -> None:
    """`Store.save` writes a new entity's full-text row whole (name and aliases) and refreshes a known entity's
    row when a later document brings it a new alias: one row per entity either way."""
    import dataclasses

    x = sample_extraction()
    some = next(e for e in x.entities if e.aliases)
    with Store(new_db("one")) as store:
        assert store.save(x)
        assert store.find_actors(some.aliases[0])[0]["id"] == some.id
        renamed = [dataclasses.replace(e, aliases=(*e.aliases, "Zqxw Brigade")) if e.id == some.id else e
                   for e in x.entities]
        later = dataclasses.replace(x, doc=dataclasses.replace(x.doc, id=x.doc.id + "-later"), entities=renamed,
                                    claims=[], events=[], attributions=[])
        assert store.save(later)
        assert store.find_actors("Zqxw Brigade")[0]["id"] == some.id
        rows = store.conn.execute("SELECT entity_id, COUNT(*) FROM entity_search GROUP BY entity_id").fetchall()
        assert rows and all(r[1] == 1 for r in rows)
