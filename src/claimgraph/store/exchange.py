"""Read-only queries for exports (STIX, FollowTheMoney, GraphML/GEXF, CSV, JSON Lines): whole tables in one
pass each, with actors already resolved through merges, so an exporter never issues a query per row."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..records import Document, Place
from .db import Store, _document_from_row


@dataclass(frozen=True, slots=True)
class ActorRecord:
    """One actor after merges: its own entity row, every alias of every member, and the member ids."""

    id: str
    name: str
    type: str
    refs: tuple[str, ...]
    first_seen: str
    aliases: tuple[str, ...]  # sorted, the name included
    members: tuple[str, ...]  # entity ids merged into this actor, itself first


@dataclass(frozen=True, slots=True)
class MentionRecord:
    doc_id: str
    entity_id: str
    start: int
    end: int
    text: str


def actor_of(store: Store) -> dict[str, str]:
    """entity id → actor id (itself unless merged)."""
    return {r[0]: r[1] for r in store.conn.execute("SELECT entity_id, actor_id FROM entity_actor")}


def actor_records(store: Store) -> dict[str, ActorRecord]:
    """actor id → the actor, with aliases gathered over its members. Ordered by actor id."""
    members: dict[str, list[str]] = defaultdict(list)
    for entity_id, actor_id in store.conn.execute("SELECT entity_id, actor_id FROM entity_actor ORDER BY entity_id"):
        members[actor_id].append(entity_id)
    aliases: dict[str, set[str]] = defaultdict(set)
    for entity_id, alias in store.conn.execute("SELECT entity_id, alias FROM aliases"):
        aliases[entity_id].add(alias)
    out: dict[str, ActorRecord] = {}
    rows = store.conn.execute(
        "SELECT id, name, type, refs, first_seen FROM entities"
        " WHERE id IN (SELECT actor_id FROM entity_actor) ORDER BY id"
    )
    for r in rows:
        ids = [r["id"], *[m for m in members[r["id"]] if m != r["id"]]]
        names = {r["name"]}.union(*(aliases[m] for m in ids))
        out[r["id"]] = ActorRecord(
            r["id"],
            r["name"],
            r["type"],
            tuple(json.loads(r["refs"])),
            r["first_seen"],
            tuple(sorted(names)),
            tuple(ids),
        )
    return out


def documents_since(store: Store, since: str | None = None) -> Iterator[tuple[Document, str]]:
    """Every document (with its ingestion time) ingested at or after `since`, oldest first."""
    sql = "SELECT * FROM documents"
    args: list[str] = []
    if since is not None:
        sql += " WHERE ingested_at >= ?"
        args.append(since)
    for row in store.conn.execute(sql + " ORDER BY ingested_at, id", args):
        yield _document_from_row(row), str(row["ingested_at"])


def all_mentions(store: Store) -> Iterator[MentionRecord]:
    """Every stored mention, by document and offset."""
    for r in store.conn.execute('SELECT doc_id, entity_id, start, "end", text FROM mentions'
                                   ' ORDER BY doc_id, start, "end", entity_id'):
        yield MentionRecord(r[0], r[1], r[2], r[3], r[4])


def resolved_places(store: Store) -> dict[str, Place]:
    """entity id → where place resolution put it (GeoNames), for places it could resolve."""
    if not store.has_table("entity_places"):  # a read-only database made before place resolution existed
        return {}
    rows = store.conn.execute(
        "SELECT entity_id, name, admin1, country, geonames_id, precision, lat, lon FROM entity_places"
        " WHERE geonames_id IS NOT NULL OR country IS NOT NULL ORDER BY entity_id"
    ).fetchall()
    return {r[0]: Place(r[1], r[2], r[3], r[4], r[0], r[5], r[6], r[7]) for r in rows}


def known_claims(store: Store, claim_ids: Iterable[str]) -> set[str]:
    """Which of `claim_ids` the store holds."""
    ids = sorted(set(claim_ids))
    found: set[str] = set()
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        found.update(r[0] for r in store.conn.execute(f"SELECT id FROM claims WHERE id IN ({marks})", chunk))  # noqa: S608
    return found
