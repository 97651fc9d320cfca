"""Bulk loading: many extractions in one transaction, for building large stores (benchmarks, imports).

`bulk_save` writes the same rows `Store.save` writes, one `executemany` per table instead of a round of
look-ups per row. Documents already stored are skipped, as `save` does.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from ..contract import claim_to_json, event_to_json
from ..records import Extraction, Statement
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
    seen_docs: set[str] = set()
    for x in extractions:
        d = x.doc
        if x.error is not None or d.id in seen_docs or store.has_document(d.id):
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
            for alias in {e.name, *e.aliases}:
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
    with conn:
        conn.executemany(
            "INSERT INTO documents(id, source, url, title, outlet, published, published_precision,"
            " published_text, raw_id, text, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            docs,
        )
        before = {r[0] for r in conn.execute("SELECT id FROM entities")} if entities else set()
        conn.executemany(
            "INSERT OR IGNORE INTO entities(id, name, type, refs, first_seen) VALUES (?,?,?,?,?)", entities
        )
        for eid, new in refs.items():
            row = conn.execute("SELECT refs FROM entities WHERE id=?", (eid,)).fetchone()
            merged = sorted(set(json.loads(row[0])) | new)
            conn.execute("UPDATE entities SET refs=? WHERE id=?", (json.dumps(merged), eid))
        conn.executemany("INSERT OR IGNORE INTO aliases(entity_id, alias, norm, origin) VALUES (?,?,?,?)", aliases)
        conn.executemany(
            "INSERT OR IGNORE INTO mentions(doc_id, entity_id, start, end, text) VALUES (?,?,?,?,?)", mentions
        )
        conn.executemany(
            "INSERT OR IGNORE INTO claims(id, doc_id, subject_id, predicate, object_id, role, polarity,"
            " modality, source_name, source_kind, source_cue, time, time_precision, time_end, time_text,"
            " place_id,"
            " ev_start, ev_end, ev_text, cues, extractor, ingested_at, body)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            claims,
        )
        conn.executemany(
            "INSERT OR IGNORE INTO events(id, doc_id, type, mode, place_name, admin1, country, geonames_id,"
            " date, date_precision, killed_min, killed_max, wounded_min, wounded_max, responsibility,"
            " ev_start, ev_end, ev_text, extractor, ingested_at, body)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            events,
        )
        conn.executemany("INSERT OR IGNORE INTO event_actors(event_id, entity_id, role) VALUES (?,?,?)", event_actors)
        save_statements(conn, attributions, at)
        touched = sorted({e[0] for e in entities} | {a[0] for a in aliases})
        _refresh_search(store, touched, before)
    return len(docs)


def _refresh_search(store: Store, entity_ids: list[str], existed: set[str]) -> None:
    """Keep the full-text index as `Store.add_alias` leaves it: name, and every alias joined by " | "."""
    conn = store.conn
    for i in range(0, len(entity_ids), 500):
        chunk = entity_ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        old = [e for e in chunk if e in existed]
        if old:
            conn.execute(f"DELETE FROM entity_search WHERE entity_id IN ({','.join('?' * len(old))})", old)  # noqa: S608
        conn.execute(
            "INSERT INTO entity_search(entity_id, name, aliases)"
            " SELECT e.id, e.name, COALESCE((SELECT group_concat(alias, ' | ') FROM aliases a"
            f" WHERE a.entity_id = e.id), '') FROM entities e WHERE e.id IN ({marks})",  # noqa: S608
            chunk,
        )
