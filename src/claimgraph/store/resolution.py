"""Resolution tables: identity judgements (same / not same / unsure) and kinship between organisations.

Every change to `merges` goes through `apply_judgement`, which stores the judgement together with the
exact rows it changed (entity, actor before, actor after). Undoing a judgement writes the "before" values
back, and refuses when a later judgement has since changed one of those rows, so an undo restores the
graph exactly or does nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import NotFound, UsageError
from ..records import Place
from .db import Store, now_iso

DDL = """
CREATE TABLE IF NOT EXISTS judgements (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  verdict TEXT NOT NULL CHECK (verdict IN ('same', 'not_same', 'unsure')),
  action TEXT NOT NULL CHECK (action IN ('merge', 'split', 'record')),
  left_id TEXT NOT NULL,
  right_id TEXT,
  score REAL,
  reason TEXT NOT NULL,
  author TEXT NOT NULL,
  at TEXT NOT NULL,
  changes TEXT NOT NULL DEFAULT '[]',   -- [[entity_id, actor_before or null, actor_after or null], ...]
  undone_at TEXT
);
CREATE INDEX IF NOT EXISTS judgements_left ON judgements(left_id);
CREATE INDEX IF NOT EXISTS judgements_right ON judgements(right_id);

-- Kinds of kinship between organisations. Kin are never merged into one actor.
CREATE TABLE IF NOT EXISTS kinship (
  subject_id TEXT NOT NULL,
  relation TEXT NOT NULL,
  object_id TEXT NOT NULL,
  origin TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL,
  PRIMARY KEY (subject_id, relation, object_id)
);
CREATE INDEX IF NOT EXISTS kinship_object ON kinship(object_id);

-- Place entities resolved to GeoNames (or marked unresolved, with geonames_id and country NULL).
CREATE TABLE IF NOT EXISTS entity_places (
  entity_id TEXT PRIMARY KEY REFERENCES entities(id),
  name TEXT NOT NULL,
  admin1 TEXT, country TEXT, geonames_id INTEGER, precision TEXT, lat REAL, lon REAL,
  reason TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entity_places_geonames ON entity_places(geonames_id);
"""

Change = tuple[str, str | None, str | None]  # entity id, actor before, actor after (None = its own actor)


@dataclass(frozen=True, slots=True)
class Judgement:
    """One identity decision, by the resolver or a person, with the merge rows it changed."""

    id: str
    verdict: str  # same | not_same | unsure
    action: str  # merge | split | record
    left_id: str
    right_id: str | None
    score: float | None
    reason: str
    author: str
    at: str
    changes: tuple[Change, ...] = ()
    undone_at: str | None = None

    @property
    def active(self) -> bool:
        return self.undone_at is None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "verdict": self.verdict, "action": self.action, "left": self.left_id,
            "right": self.right_id, "score": self.score, "reason": self.reason, "author": self.author,
            "at": self.at, "changes": [list(c) for c in self.changes], "undone_at": self.undone_at,
        }


def _judgement(row: Any) -> Judgement:
    changes = tuple((c[0], c[1], c[2]) for c in json.loads(row["changes"]))
    return Judgement(row["id"], row["verdict"], row["action"], row["left_id"], row["right_id"], row["score"],
                     row["reason"], row["author"], row["at"], changes, row["undone_at"])


# -- merges -------------------------------------------------------------------------------------------
def merge_row(store: Store, entity_id: str) -> str | None:
    """The actor an entity is merged into, or None when it is its own actor."""
    row = store.conn.execute("SELECT actor_id FROM merges WHERE entity_id=?", (entity_id,)).fetchone()
    return None if row is None else str(row["actor_id"])


def actors_with_alias(store: Store, norm: str) -> list[str]:
    """Current actors (after merges) one of whose members has the alias key `norm` exactly."""
    rows = store.conn.execute(
        "SELECT DISTINCT COALESCE(m.actor_id, a.entity_id) AS actor_id FROM aliases a"
        " LEFT JOIN merges m ON m.entity_id = a.entity_id WHERE a.norm = ? ORDER BY actor_id",
        (norm,),
    )
    return [r["actor_id"] for r in rows]


def entity_exists(store: Store, entity_id: str) -> bool:
    return store.conn.execute("SELECT 1 FROM entities WHERE id=?", (entity_id,)).fetchone() is not None


def apply_judgement(store: Store, j: Judgement) -> Judgement:
    """Store a judgement and apply its merge-row changes in one transaction."""
    with store.conn:
        store.dialect.lock(store.conn, "judgements")  # concurrent writers: one judgement at a time
        for entity_id, before, _after in j.changes:
            if merge_row(store, entity_id) != before:
                raise UsageError(f"entity {entity_id} changed while judgement {j.id} was prepared; try again")
        seq = store.conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM judgements").fetchone()[0]
        store.conn.execute(
            "INSERT INTO judgements(id, seq, verdict, action, left_id, right_id, score, reason, author, at,"
            " changes) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (j.id, seq, j.verdict, j.action, j.left_id, j.right_id, j.score, j.reason, j.author, j.at,
             json.dumps([list(c) for c in j.changes])),
        )
        _write_rows(store, ((e, after) for e, _before, after in j.changes), j.id)
    return j


def _write_rows(store: Store, rows: Iterable[tuple[str, str | None]], judgement_id: str | None) -> None:
    for entity_id, actor in rows:
        if actor is None:
            store.conn.execute("DELETE FROM merges WHERE entity_id=?", (entity_id,))
        else:
            store.conn.execute(
                "INSERT INTO merges(entity_id, actor_id, judgement_id) VALUES (?,?,?)"
                " ON CONFLICT(entity_id) DO UPDATE SET actor_id=excluded.actor_id,"
                " judgement_id=excluded.judgement_id",
                (entity_id, actor, judgement_id),
            )


def undo_judgement(store: Store, judgement_id: str) -> Judgement:
    """Write back the rows a judgement changed. Refuses if a later judgement changed them since."""
    j = judgement(store, judgement_id)
    if not j.active:
        raise UsageError(f"judgement {judgement_id} was already undone at {j.undone_at}")
    with store.conn:
        store.dialect.lock(store.conn, "judgements")
        if judgement(store, judgement_id).undone_at is not None:  # another writer undid it meanwhile
            raise UsageError(f"judgement {judgement_id} was already undone")
        for entity_id, _before, after in j.changes:
            if merge_row(store, entity_id) != after:
                later = last_judgement_touching(store, entity_id)
                hint = f"; undo {later.id} first" if later is not None and later.id != j.id else ""
                raise UsageError(
                    f"judgement {judgement_id} cannot be undone exactly: {entity_id} was changed later{hint}"
                )
        # the merge rows as they were, judgement ids included
        restored = []
        for entity_id, before, _after in reversed(j.changes):
            restored.append((entity_id, before, _origin_of(store, entity_id, before, j.id)))
        for entity_id, before, origin in restored:
            _write_rows(store, [(entity_id, before)], origin)
        at = now_iso()
        store.conn.execute("UPDATE judgements SET undone_at=? WHERE id=?", (at, j.id))
    return judgement(store, judgement_id)


def _origin_of(store: Store, entity_id: str, actor: str | None, skip: str) -> str | None:
    """The judgement that had set `entity_id` → `actor`, so a restored row keeps its provenance."""
    if actor is None:
        return None
    for j in _judgements_touching(store, entity_id):
        if j.id != skip and j.active and any(e == entity_id and a == actor for e, _b, a in j.changes):
            return j.id
    return None


def _judgements_touching(store: Store, entity_id: str) -> list[Judgement]:
    # the JSON text holds the id as a quoted string: LIKE narrows the rows, the parsed changes decide
    needle = json.dumps(entity_id).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = store.conn.execute(
        "SELECT * FROM judgements WHERE changes LIKE ? ESCAPE '\\' ORDER BY seq DESC", (f"%{needle}%",)
    )
    found = [_judgement(r) for r in rows]
    return [j for j in found if any(c[0] == entity_id for c in j.changes)]


def last_judgement_touching(store: Store, entity_id: str) -> Judgement | None:
    for j in _judgements_touching(store, entity_id):
        if j.active:
            return j
    return None


def judgement(store: Store, judgement_id: str) -> Judgement:
    row = store.conn.execute("SELECT * FROM judgements WHERE id=?", (judgement_id,)).fetchone()
    if row is None:
        raise NotFound(f"no judgement with id {judgement_id!r}; `claimgraph judgements` lists them")
    return _judgement(row)


def judgements(
    store: Store, *, entity_ids: Sequence[str] | None = None, active_only: bool = False,
    limit: int | None = None,
) -> list[Judgement]:
    """Judgements, newest first; optionally only those naming one of `entity_ids`."""
    sql = "SELECT * FROM judgements"
    where: list[str] = []
    args: list[Any] = []
    if entity_ids is not None:
        marks = ",".join("?" * len(entity_ids))
        where.append(f"(left_id IN ({marks}) OR right_id IN ({marks}))")
        args += [*entity_ids, *entity_ids]
    if active_only:
        where.append("undone_at IS NULL")
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY seq DESC"
    if limit is not None:
        sql += " LIMIT ?"
        args.append(limit)
    return [_judgement(r) for r in store.conn.execute(sql, args)]


def judged_pairs(store: Store) -> dict[frozenset[str], str]:
    """Active verdicts by unordered entity pair (later judgements win), for the automatic resolver."""
    out: dict[frozenset[str], str] = {}
    rows = store.conn.execute(
        "SELECT verdict, left_id, right_id, changes FROM judgements WHERE undone_at IS NULL ORDER BY seq"
    )
    for r in rows:
        if r["right_id"] is not None:
            out[frozenset((r["left_id"], r["right_id"]))] = r["verdict"]
        if r["verdict"] == "not_same":  # a split separates each detached entity from its former actor
            for entity_id, before, _after in json.loads(r["changes"]):
                if before is not None:
                    out[frozenset((entity_id, before))] = "not_same"
    return out


def judged_entities(store: Store) -> set[str]:
    rows = store.conn.execute("SELECT left_id, right_id FROM judgements WHERE undone_at IS NULL")
    return {x for r in rows for x in (r["left_id"], r["right_id"]) if x is not None}


# -- candidates for the resolver -----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ActorNames:
    """A current actor (root entity) with its type, first sighting and every alias of every member."""

    id: str
    name: str
    type: str
    first_seen: str
    names: tuple[str, ...]
    refs: tuple[str, ...]


def actor_names(store: Store, *, types: Sequence[str] | None = None) -> list[ActorNames]:
    """Every current actor (entities not merged into another), oldest first, with all member aliases."""
    sql = (
        "SELECT e.id, e.name, e.type, e.first_seen, e.refs FROM entities e"
        " WHERE e.id NOT IN (SELECT entity_id FROM merges)"
    )
    args: list[Any] = []
    if types is not None:
        sql += f" AND e.type IN ({','.join('?' * len(types))})"
        args += list(types)
    sql += " ORDER BY e.first_seen, e.id"
    roots = store.conn.execute(sql, args).fetchall()
    alias_rows = store.conn.execute(
        "SELECT COALESCE(m.actor_id, a.entity_id) AS actor_id, a.alias FROM aliases a"
        " LEFT JOIN merges m ON m.entity_id = a.entity_id"
    )
    by_actor: dict[str, list[str]] = {}
    for r in alias_rows:
        by_actor.setdefault(r["actor_id"], []).append(r["alias"])
    out = []
    for r in roots:
        names = [r["name"], *sorted(set(by_actor.get(r["id"], ())) - {r["name"]})]
        out.append(ActorNames(r["id"], r["name"], r["type"], r["first_seen"], tuple(names),
                              tuple(json.loads(r["refs"]))))
    return out


def co_mentioned(store: Store, entity_ids: Sequence[str]) -> set[str]:
    """Actors named in the same documents as any of `entity_ids` (the context of a name)."""
    if not entity_ids:
        return set()
    marks = ",".join("?" * len(entity_ids))
    rows = store.conn.execute(
        f"SELECT DISTINCT COALESCE(g.actor_id, m2.entity_id) AS actor_id FROM mentions m1"
        f" JOIN mentions m2 ON m2.doc_id = m1.doc_id AND m2.entity_id NOT IN ({marks})"
        f" LEFT JOIN merges g ON g.entity_id = m2.entity_id"
        f" WHERE m1.entity_id IN ({marks})",
        [*entity_ids, *entity_ids],
    )
    return {r["actor_id"] for r in rows}


# -- kinship ------------------------------------------------------------------------------------------
def add_kinship(store: Store, subject_id: str, relation: str, object_id: str, origin: str) -> bool:
    with store.conn:
        cur = store.conn.execute(
            "INSERT INTO kinship(subject_id, relation, object_id, origin, at) VALUES (?,?,?,?,?)"
            " ON CONFLICT DO NOTHING",
            (subject_id, relation, object_id, origin, now_iso()),
        )
    return bool(cur.rowcount)


def remove_kinship(store: Store, subject_id: str, relation: str, object_id: str) -> bool:
    with store.conn:
        cur = store.conn.execute(
            "DELETE FROM kinship WHERE subject_id=? AND relation=? AND object_id=?",
            (subject_id, relation, object_id),
        )
    return bool(cur.rowcount)


def kinship(store: Store, entity_ids: Sequence[str] | None = None) -> list[dict[str, str]]:
    """Kinship rows touching any of `entity_ids` (all rows when None)."""
    sql = "SELECT subject_id, relation, object_id, origin, at FROM kinship"
    args: list[Any] = []
    if entity_ids is not None:
        marks = ",".join("?" * len(entity_ids))
        sql += f" WHERE subject_id IN ({marks}) OR object_id IN ({marks})"
        args += [*entity_ids, *entity_ids]
    sql += " ORDER BY subject_id, relation, object_id"
    return [dict(r) for r in store.conn.execute(sql, args)]


# -- places -------------------------------------------------------------------------------------------
def unplaced_entities(store: Store, types: Sequence[str]) -> list[dict[str, Any]]:
    """Entities of the given types that have no `entity_places` row yet, oldest first."""
    marks = ",".join("?" * len(types))
    rows = store.conn.execute(
        f"SELECT id, name, type FROM entities WHERE type IN ({marks})"
        " AND id NOT IN (SELECT entity_id FROM entity_places) ORDER BY first_seen, id",
        list(types),
    )
    return [dict(r) for r in rows]


def place_context(store: Store, entity_id: str, types: Sequence[str]) -> list[str]:
    """Names of the other places mentioned in the documents that mention `entity_id`."""
    marks = ",".join("?" * len(types))
    rows = store.conn.execute(
        f"SELECT DISTINCT e.name FROM mentions m1 JOIN mentions m2 ON m2.doc_id = m1.doc_id"
        f" JOIN entities e ON e.id = m2.entity_id WHERE m1.entity_id = ? AND m2.entity_id != ?"
        f" AND e.type IN ({marks}) ORDER BY e.name",
        [entity_id, entity_id, *types],
    )
    return [r["name"] for r in rows]


def save_place(store: Store, entity_id: str, name: str, place: Place | None, reason: str) -> None:
    """Store the GeoNames place of a place entity, or None: looked up, not found."""
    p = place or Place(name=name)
    with store.conn:
        store.conn.execute(
            "INSERT INTO entity_places(entity_id, name, admin1, country, geonames_id, precision,"
            " lat, lon, reason, at) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(entity_id) DO UPDATE SET"
            " name=excluded.name, admin1=excluded.admin1, country=excluded.country,"
            " geonames_id=excluded.geonames_id, precision=excluded.precision, lat=excluded.lat, lon=excluded.lon,"
            " reason=excluded.reason, at=excluded.at",
            (entity_id, p.name, p.admin1, p.country, p.geonames_id, p.precision, p.lat, p.lon, reason,
             now_iso()),
        )


def places_by_geonames(store: Store, geonames_id: int) -> list[str]:
    """Place entities resolved to one GeoNames id, oldest first."""
    rows = store.conn.execute(
        "SELECT p.entity_id FROM entity_places p JOIN entities e ON e.id = p.entity_id"
        " WHERE p.geonames_id = ? ORDER BY e.first_seen, e.id",
        (geonames_id,),
    )
    return [r["entity_id"] for r in rows]


def entity_place(store: Store, entity_id: str) -> dict[str, Any] | None:
    row = store.conn.execute("SELECT * FROM entity_places WHERE entity_id=?", (entity_id,)).fetchone()
    return None if row is None else dict(row)
