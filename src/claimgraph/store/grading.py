"""Independence and grading tables: near-duplicate document groups and per-claim grades.

Both are derived data: `resolve.dedup.refresh_groups` and `resolve.grading.refresh` rebuild them from
documents, claims and merges, so they can be dropped and recomputed at any time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from . import graph
from .db import Store, now_iso
from .graph import ClaimRow

DDL = """
-- Near-duplicate documents (wire copies, light rewrites) share a group; its id is the earliest member.
CREATE TABLE IF NOT EXISTS doc_groups (
  doc_id TEXT PRIMARY KEY REFERENCES documents(id),
  group_id TEXT NOT NULL,
  similarity REAL NOT NULL,          -- estimated Jaccard similarity of the doc to the group's first doc
  computed_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_groups_group ON doc_groups(group_id);

-- One row per claim: its independent corroboration, contradiction and credibility grade.
CREATE TABLE IF NOT EXISTS claim_grades (
  claim_id TEXT PRIMARY KEY REFERENCES claims(id),
  claim_key TEXT NOT NULL,
  credibility INTEGER NOT NULL CHECK (credibility BETWEEN 1 AND 6),
  reliability TEXT NOT NULL,
  corroboration INTEGER NOT NULL,
  sources TEXT NOT NULL DEFAULT '[]',        -- the independent origins behind the count
  supporting TEXT NOT NULL DEFAULT '[]',     -- claim ids saying the same
  contradicting TEXT NOT NULL DEFAULT '[]',  -- claim ids saying the opposite
  disputed INTEGER NOT NULL DEFAULT 0,
  reason TEXT NOT NULL,
  computed_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS claim_grades_key ON claim_grades(claim_key);
"""


@dataclass(frozen=True, slots=True)
class DocText:
    id: str
    text: str
    outlet: str | None
    published: str | None
    ingested_at: str


def as_of_bound(as_of: str | None) -> str | None:
    """A date ('2025-10-07') means the end of that day, as in `Store.claims(as_of=...)`."""
    if as_of is None:
        return None
    return as_of + ("T23:59:59.999999Z" if len(as_of) == 10 else "")


def document_texts(store: Store) -> Iterator[DocText]:
    rows = store.conn.execute(
        "SELECT id, text, outlet, published, ingested_at FROM documents ORDER BY ingested_at, id"
    )
    for r in rows:
        yield DocText(r["id"], r["text"], r["outlet"], r["published"], r["ingested_at"])


def replace_groups(store: Store, groups: Iterable[tuple[str, str, float]]) -> int:
    """Replace every doc group row with (doc_id, group_id, similarity) rows."""
    at = now_iso()
    rows = [(d, g, s, at) for d, g, s in groups]
    with store.conn:
        store.conn.execute("DELETE FROM doc_groups")
        store.conn.executemany(
            "INSERT INTO doc_groups(doc_id, group_id, similarity, computed_at) VALUES (?,?,?,?)", rows
        )
    return len(rows)


def doc_groups(store: Store) -> dict[str, str]:
    """doc id → group id (documents without a row are their own group)."""
    return {r["doc_id"]: r["group_id"] for r in store.conn.execute("SELECT doc_id, group_id FROM doc_groups")}


def group_members(store: Store, group_id: str) -> list[dict[str, Any]]:
    rows = store.conn.execute(
        "SELECT g.doc_id, g.similarity, d.outlet, d.title FROM doc_groups g"
        " JOIN documents d ON d.id = g.doc_id"
        " WHERE g.group_id=? ORDER BY d.ingested_at, g.doc_id",
        (group_id,),
    )
    return [dict(r) for r in rows]


def claim_rows(store: Store, *, as_of: str | None = None) -> list[ClaimRow]:
    """The claims grading reads, in the order they were first seen."""
    return list(graph.claim_rows(store, as_of=as_of, by_ingestion=True))


@dataclass(frozen=True, slots=True)
class GradeRow:
    claim_id: str
    claim_key: str
    credibility: int
    reliability: str
    corroboration: int
    sources: tuple[str, ...]
    supporting: tuple[str, ...]
    contradicting: tuple[str, ...]
    disputed: bool
    reason: str


def replace_grades(store: Store, grades: Iterable[GradeRow]) -> int:
    at = now_iso()
    rows = [
        (g.claim_id, g.claim_key, g.credibility, g.reliability, g.corroboration, json.dumps(list(g.sources)),
         json.dumps(list(g.supporting)), json.dumps(list(g.contradicting)), int(g.disputed), g.reason, at)
        for g in grades
    ]
    with store.conn:
        store.conn.execute("DELETE FROM claim_grades")
        store.conn.executemany(
            "INSERT INTO claim_grades(claim_id, claim_key, credibility, reliability, corroboration, sources,"
            " supporting, contradicting, disputed, reason, computed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
    return len(rows)


def stored_grades(store: Store, claim_ids: Sequence[str] | None = None) -> dict[str, GradeRow]:
    """Grades by claim id; none in a (read-only) database made before grading existed."""
    if not store.has_table("claim_grades"):
        return {}
    sql = "SELECT * FROM claim_grades"
    args: list[Any] = []
    if claim_ids is not None:
        sql += f" WHERE claim_id IN ({','.join('?' * len(claim_ids))})"
        args += list(claim_ids)
    out = {}
    for r in store.conn.execute(sql, args):
        out[r["claim_id"]] = GradeRow(
            r["claim_id"], r["claim_key"], r["credibility"], r["reliability"], r["corroboration"],
            tuple(json.loads(r["sources"])), tuple(json.loads(r["supporting"])),
            tuple(json.loads(r["contradicting"])), bool(r["disputed"]), r["reason"],
        )
    return out
