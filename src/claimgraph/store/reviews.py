"""Analyst reviews: accept, reject or correct a claim, an event or an attribution. Each review is a judgement
that can be undone exactly; an item's standing review is its latest one not undone (`current_reviews`).

Reviews are keyed by item id, and item ids are hashes of what makes the item (document, span, arguments), so a
re-extraction that finds the same item finds its review again, and never overwrites it.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from ..errors import NotFound, UsageError
from .db import Store, now_iso

KINDS = ("claim", "event", "attribution")
VERDICTS = ("accepted", "rejected", "corrected")

DDL = """
CREATE TABLE IF NOT EXISTS reviews (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  item_kind TEXT NOT NULL CHECK (item_kind IN ('claim', 'event', 'attribution')),
  item_id TEXT NOT NULL,
  verdict TEXT NOT NULL CHECK (verdict IN ('accepted', 'rejected', 'corrected')),
  correction TEXT,                  -- JSON: the analyst's values of the corrected fields
  machine TEXT,                     -- JSON: the machine's values of those fields, kept beside them
  reviewer TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL,
  undone_at TEXT
);
CREATE INDEX IF NOT EXISTS reviews_item ON reviews(item_kind, item_id, seq);

-- The review in force for each item: its latest one not undone.
CREATE VIEW IF NOT EXISTS current_reviews AS
  SELECT r.* FROM reviews r
  WHERE r.undone_at IS NULL AND r.seq = (
    SELECT MAX(r2.seq) FROM reviews r2
    WHERE r2.item_kind = r.item_kind AND r2.item_id = r.item_id AND r2.undone_at IS NULL);
"""

#: SQL conditions on a claims (or events) table aliased `t`, by review filter.
REVIEW_FILTERS = {
    "default": "t.id NOT IN (SELECT item_id FROM current_reviews WHERE item_kind = '{kind}' AND verdict = 'rejected')",
    "reviewed": "t.id IN (SELECT item_id FROM current_reviews WHERE item_kind = '{kind}')",
    "unreviewed": "t.id NOT IN (SELECT item_id FROM current_reviews WHERE item_kind = '{kind}')",
    "rejected": "t.id IN (SELECT item_id FROM current_reviews WHERE item_kind = '{kind}' AND verdict = 'rejected')",
    "all": "1 = 1",
}


def review_condition(kind: str, which: str | None, alias: str = "t") -> str:
    """The WHERE condition selecting items of `kind` by review state: `default` hides rejected items."""
    which = which or "default"
    if which not in REVIEW_FILTERS:
        raise UsageError(f"unknown review filter {which!r}; use one of: {', '.join(REVIEW_FILTERS)}")
    return REVIEW_FILTERS[which].format(kind=kind).replace("t.id", f"{alias}.id")


@dataclass(frozen=True, slots=True)
class Review:
    id: str
    item_kind: str
    item_id: str
    verdict: str
    correction: dict[str, Any] | None
    machine: dict[str, Any] | None
    reviewer: str
    reason: str
    at: str
    undone_at: str | None = None

    @property
    def active(self) -> bool:
        return self.undone_at is None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "item_kind": self.item_kind, "item_id": self.item_id, "verdict": self.verdict,
            "correction": self.correction, "machine": self.machine, "reviewer": self.reviewer,
            "reason": self.reason, "at": self.at, "undone_at": self.undone_at,
        }


def _review(row: Any) -> Review:
    return Review(
        row["id"], row["item_kind"], row["item_id"], row["verdict"],
        json.loads(row["correction"]) if row["correction"] else None,
        json.loads(row["machine"]) if row["machine"] else None,
        row["reviewer"], row["reason"], row["at"], row["undone_at"],
    )


def item_body(store: Store, kind: str, item_id: str) -> dict[str, Any]:
    """The stored item as contract JSON (claims and events); raises NotFound."""
    if kind not in KINDS:
        raise UsageError(f"unknown item kind {kind!r}; use one of: {', '.join(KINDS)}")
    table = {"claim": "claims", "event": "events", "attribution": "statements"}[kind]
    if not store.has_table(table):
        raise NotFound(f"this database holds no {kind}s (no table {table})")
    row = store.conn.execute(f"SELECT body FROM {table} WHERE id = ?", (item_id,)).fetchone()  # noqa: S608
    if row is None:
        raise NotFound(f"no {kind} with id {item_id!r}")
    return json.loads(row["body"]) if "body" in row.keys() else dict(row)


def add_review(
    store: Store, kind: str, item_id: str, verdict: str, *, reviewer: str, reason: str = "",
    correction: dict[str, Any] | None = None, machine: dict[str, Any] | None = None,
) -> Review:
    if verdict not in VERDICTS:
        raise UsageError(f"unknown verdict {verdict!r}; use one of: {', '.join(VERDICTS)}")
    with store.conn:
        store.dialect.lock(store.conn, "reviews")  # concurrent writers: one review at a time
        seq = store.conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM reviews").fetchone()[0]
        rid = "rev_" + uuid.uuid4().hex[:16]
        store.conn.execute(
            "INSERT INTO reviews(id, seq, item_kind, item_id, verdict, correction, machine, reviewer, reason, at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?)",
            (rid, seq, kind, item_id, verdict, json.dumps(correction) if correction else None,
             json.dumps(machine) if machine else None, reviewer, reason, now_iso()),
        )
    return get_review(store, rid)


def get_review(store: Store, review_id: str) -> Review:
    row = store.conn.execute("SELECT * FROM reviews WHERE id = ?", (review_id,)).fetchone()
    if row is None:
        raise NotFound(f"no review with id {review_id!r}")
    return _review(row)


def undo_review(store: Store, review_id: str) -> Review:
    """Undo a review exactly: the item's previous review (or none) is in force again. Refuses while a later
    review of the same item is in force, naming it (undo that one first)."""
    r = get_review(store, review_id)
    if not r.active:
        raise UsageError(f"review {review_id} was already undone at {r.undone_at}")
    later = store.conn.execute(
        "SELECT id FROM reviews WHERE item_kind = ? AND item_id = ? AND undone_at IS NULL AND seq > "
        "(SELECT seq FROM reviews WHERE id = ?) ORDER BY seq DESC LIMIT 1",
        (r.item_kind, r.item_id, review_id),
    ).fetchone()
    if later is not None:
        raise UsageError(f"review {later['id']} of the same {r.item_kind} came later; undo it first",
                         detail={"later": later["id"]})
    with store.conn:
        store.conn.execute("UPDATE reviews SET undone_at = ? WHERE id = ?", (now_iso(), review_id))
    return get_review(store, review_id)


def reviews(store: Store, *, kind: str | None = None, item_id: str | None = None, active_only: bool = False,
            limit: int = 100, offset: int = 0) -> list[Review]:
    where, args = [], []
    if kind is not None:
        where.append("item_kind = ?")
        args.append(kind)
    if item_id is not None:
        where.append("item_id = ?")
        args.append(item_id)
    if active_only:
        where.append("undone_at IS NULL")
    sql = "SELECT * FROM reviews" + (" WHERE " + " AND ".join(where) if where else "")
    rows = store.conn.execute(sql + " ORDER BY seq DESC LIMIT ? OFFSET ?", (*args, limit, offset))
    return [_review(r) for r in rows]


def current(store: Store, kind: str, item_ids: list[str] | None = None) -> dict[str, Review]:
    """The review in force for each reviewed item of `kind` (all, or those in `item_ids`)."""
    sql, args = "SELECT * FROM current_reviews WHERE item_kind = ?", [kind]
    if item_ids is not None:
        if not item_ids:
            return {}
        sql += f" AND item_id IN ({','.join('?' * len(item_ids))})"
        args += item_ids
    return {r["item_id"]: _review(r) for r in store.conn.execute(sql, args)}


def review_counts(store: Store, kind: str) -> dict[str, int]:
    """How many items of `kind` stand accepted, rejected, corrected."""
    rows = store.conn.execute(
        "SELECT verdict, COUNT(*) AS n FROM current_reviews WHERE item_kind = ? GROUP BY verdict", (kind,)
    )
    return {r["verdict"]: r["n"] for r in rows}
