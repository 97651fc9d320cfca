"""Bulk loading: many extractions in one transaction, for building large stores (benchmarks, imports).

`bulk_save` writes the same rows `Store.save` writes, one `executemany` per table instead of a round of
look-ups per row. Documents already stored are skipped, as `save` does; a document another writer stores
meanwhile (PostgreSQL) is skipped too, whole: its document row is inserted first and decides.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from ..contract import claim_to_json, event_to_json
from ..records import Extraction, Statement
from . import dialect as dialects
from .db import Store, normalise_alias, now_iso
from .statements import save_statements


def bulk_save(store: Store, extractions: Iterable[Extraction], *, at: str | None = None) -> int:
    """Store every extraction not already present, in one transaction. Returns how many were stored.
    Extractions with an `error` are not stored (record them with `Store.record_failure`)."""
    at = at or now_iso()
    conn = store.conn
    docs, entities, aliases, mentions, claims, events, event_actors = [], [], [], [], [], [], []
    attributions: list[Statement] = []
    refs: dict[str, set[str]] = {}
    todo = [x for x in extractions if x.error is None]
    seen_docs = _stored(store, [x.doc.id for x in todo])  # one query per 500 documents, not one each
    for x in todo:
        d = x.doc
        if d.id in seen_docs:
            continue
        seen_docs.add(d.id)
        pub = d.published
        docs.append(
            (
                d.id,
                d.source,
                d.url,
                d.title,
                d.outlet,
                pub.value if pub else None,
                pub.precision.value if pub else None,
                pub.text if pub else None,
                d.raw_id,
                d.text,
                at,
            )
        )
        for e in x.entities:
            entities.append((e.id, e.name, e.type, "[]", at))
            if e.refs:
                refs.setdefault(e.id, set()).update(e.refs)
            for alias in sorted({e.name, *e.aliases}):
                if norm := normalise_alias(alias):
                    aliases.append((e.id, alias, norm, d.id))
            mentions += [(d.id, e.id, m.start, m.end, m.text) for m in e.mentions]
        attributions += x.attributions
        for c in x.claims:
            for ref, etype in ((c.subject, "unknown"), (c.object, "unknown"), (c.place, "place")):
                if ref is not None:
                    entities.append((ref.id, ref.name, etype, "[]", at))
            t = c.time
            claims.append(
                (
                    c.id,
                    c.doc_id,
                    c.subject.id,
                    c.predicate,
                    c.object.id if c.object else None,
                    c.role,
                    c.polarity.value,
                    c.modality.value,
                    c.source.name,
                    c.source.kind.value,
                    c.source.cue,
                    t.value if t else None,
                    t.precision.value if t else None,
                    t.end if t else None,
                    t.text if t else None,
                    c.place.id if c.place else None,
                    c.evidence.start,
                    c.evidence.end,
                    c.evidence.text,
                    json.dumps(list(c.cues)),
                    c.extractor,
                    at,
                    json.dumps(claim_to_json(c)),
                )
            )
        for ev in x.events:
            p = ev.place
            events.append(
                (
                    ev.id,
                    ev.doc_id,
                    ev.type,
                    ev.mode,
                    p.name if p else None,
                    p.admin1 if p else None,
                    p.country if p else None,
                    p.geonames_id if p else None,
                    ev.date.value if ev.date else None,
                    ev.date.precision.value if ev.date else None,
                    ev.killed.min if ev.killed else None,
                    ev.killed.max if ev.killed else None,
                    ev.wounded.min if ev.wounded else None,
                    ev.wounded.max if ev.wounded else None,
                    ev.responsibility.value,
                    ev.evidence.start,
                    ev.evidence.end,
                    ev.evidence.text,
                    ev.extractor,
                    at,
                    json.dumps(event_to_json(ev)),
                )
            )
            for role, group in (("perpetrator", ev.perpetrators), ("target", ev.targets)):
                for r in group:
                    entities.append((r.id, r.name, "unknown", "[]", at))
                    event_actors.append((ev.id, r.id, role))
    if not docs:
        return 0
    rows = _Rows(docs, entities, refs, aliases, mentions, claims, events, event_actors, attributions, at)
    for attempt in dialects.retrying(store.dialect):
        try:
            with conn:
                return _write(store, rows)
        except store.dialect.retryable:
            if attempt == dialects.ATTEMPTS - 1:
                raise
    return 0  # pragma: no cover - the loop returns or raises


def _stored(store: Store, doc_ids: list[str]) -> set[str]:
    """Which of `doc_ids` the store holds."""
    found: set[str] = set()
    for i in range(0, len(doc_ids), 500):
        chunk = doc_ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        found.update(r[0] for r in store.conn.execute(f"SELECT id FROM documents WHERE id IN ({marks})", chunk))  # noqa: S608
    return found


@dataclass(frozen=True, slots=True)
class _Rows:
    docs: list[tuple]  # type: ignore[type-arg]
    entities: list[tuple]  # type: ignore[type-arg]
    refs: dict[str, set[str]]
    aliases: list[tuple]  # type: ignore[type-arg]
    mentions: list[tuple]  # type: ignore[type-arg]
    claims: list[tuple]  # type: ignore[type-arg]
    events: list[tuple]  # type: ignore[type-arg]
    event_actors: list[tuple]  # type: ignore[type-arg]
    attributions: list[Statement]
    at: str


def _write(store: Store, rows: _Rows) -> int:
    conn = store.conn
    stored = set()
    for d in rows.docs:  # one by one: a document another writer holds is left to it, whole
        cur = conn.execute(
            "INSERT INTO documents(id, source, url, title, outlet, published, published_precision,"
            " published_text, raw_id, text, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
            d,
        )
        if cur.rowcount:
            stored.add(d[0])
    if not stored:
        return 0
    docs_of = {c[0]: c[1] for c in rows.claims} | {e[0]: e[1] for e in rows.events}
    mine = stored.__contains__
    entities = sorted({e[0]: e for e in reversed(rows.entities)}.values())  # the first sighting of an id wins
    new = set()
    for e in entities:  # in id order, as `Store.save`, so concurrent writers lock rows in one order
        if conn.execute(
            "INSERT INTO entities(id, name, type, refs, first_seen) VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING", e
        ).rowcount:
            new.add(e[0])
    for eid in sorted(rows.refs):
        row = conn.execute(f"SELECT refs FROM entities WHERE id=?{store.dialect.for_update}", (eid,)).fetchone()
        merged = sorted(set(json.loads(row[0])) | rows.refs[eid])
        conn.execute("UPDATE entities SET refs=? WHERE id=?", (json.dumps(merged), eid))
    added = set()
    for a in sorted({(a[0], a[2]): a for a in reversed([a for a in rows.aliases if mine(a[3])])}.values()):
        if conn.execute(
            "INSERT INTO aliases(entity_id, alias, norm, origin) VALUES (?,?,?,?) ON CONFLICT DO NOTHING", a
        ).rowcount:
            added.add(a[0])
    _refresh_search(store, sorted(new | added), new)
    conn.executemany(
        'INSERT INTO mentions(doc_id, entity_id, start, "end", text) VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING',
        [m for m in rows.mentions if mine(m[0])],
    )
    conn.executemany(
        "INSERT INTO claims(id, doc_id, subject_id, predicate, object_id, role, polarity,"
            " modality, source_name, source_kind, source_cue, time, time_precision, time_end, time_text,"
            " place_id,"
            " ev_start, ev_end, ev_text, cues, extractor, ingested_at, body)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
        [c for c in rows.claims if mine(c[1])],
    )
    conn.executemany(
        "INSERT INTO events(id, doc_id, type, mode, place_name, admin1, country, geonames_id,"
        " date, date_precision, killed_min, killed_max, wounded_min, wounded_max, responsibility,"
        " ev_start, ev_end, ev_text, extractor, ingested_at, body)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
        [e for e in rows.events if mine(e[1])],
    )
    conn.executemany(
        "INSERT INTO event_actors(event_id, entity_id, role) VALUES (?,?,?) ON CONFLICT DO NOTHING",
        [a for a in rows.event_actors if mine(docs_of.get(a[0], ""))],
    )
    save_statements(conn, [s for s in rows.attributions if mine(s.doc_id)], rows.at)
    return len(stored)


def _refresh_search(store: Store, entity_ids: list[str], new: set[str]) -> None:
    """Keep the full-text rows as `Store.save` leaves them: the name, and every alias joined by " | "."""
    conn, text = store.conn, store.dialect.search_text
    for i in range(0, len(entity_ids), 500):
        chunk = entity_ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        names = {r[0]: r[1] for r in conn.execute(f"SELECT id, name FROM entities WHERE id IN ({marks})", chunk)}  # noqa: S608
        aliases: dict[str, list[str]] = {}
        for r in conn.execute(
            f"SELECT entity_id, alias FROM aliases WHERE entity_id IN ({marks}) ORDER BY entity_id, norm",  # noqa: S608
            chunk,
        ):
            aliases.setdefault(r[0], []).append(r[1])
        # a new entity's row is written whole: an UPDATE ... WHERE entity_id=? scans the whole SQLite full-text
        # table (entity_id is not indexed there), which made building a store quadratic in its entities
        conn.executemany(
            "INSERT INTO entity_search(entity_id, name, aliases) VALUES (?,?,?)",
            [(e, text(names[e]), text(" | ".join(aliases[e])) if e in aliases else "") for e in chunk if e in new],
        )
        old = [e for e in chunk if e not in new]
        if store.dialect.for_update and old:  # hold the rows, then read aliases other writers committed meanwhile
            marks = ",".join("?" * len(old))
            lock = f"SELECT 1 FROM entity_search WHERE entity_id IN ({marks}) ORDER BY entity_id"  # noqa: S608
            conn.execute(lock + store.dialect.for_update, old)
        conn.executemany(
            "UPDATE entity_search SET aliases=? WHERE entity_id=?",
            [(text(" | ".join(aliases[e])), e) for e in old if e in aliases],
        )
