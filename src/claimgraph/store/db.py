"""SQLite store: saving extractions idempotently and answering the questions the CLI, API and analyses ask."""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from ..contract import claim_from_json, claim_to_json, event_from_json, event_to_json
from ..errors import NotFound, StoreError
from ..records import Claim, Document, Entity, Event, Extraction, PartialDate, Precision

SCHEMA_VERSION = "1"
#: How long a connection waits for another writer's transaction before giving up.
BUSY_TIMEOUT_S = 120.0


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def normalise_alias(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key for alias matching."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    folded = re.sub(r"^(the)\s+", "", folded)
    return re.sub(r"[^a-z0-9]+", " ", folded).strip()


class Store:
    """A claimgraph database. Use as a context manager: `with Store(path) as store: ...`."""

    def __init__(self, path: Path | str, *, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        try:
            if readonly:
                if not self.path.exists():
                    raise StoreError(f"database {self.path} does not exist; run `claimgraph ingest` first")
                uri = f"file:{self.path}?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=BUSY_TIMEOUT_S)
            else:
                # another writer (a second ingest, the page's paste) holds the lock for one document or one
                # resolution at a time: wait for it rather than fail
                self.conn = sqlite3.connect(self.path, check_same_thread=False, timeout=BUSY_TIMEOUT_S)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from exc
        self.conn.row_factory = sqlite3.Row
        try:
            self.conn.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
                self._migrate()
            else:
                self._check_schema()
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise StoreError(f"{self.path} is not a claimgraph database: {exc}") from exc

    # -- lifecycle -------------------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def _migrate(self) -> None:
        schema = resources.files("claimgraph.store").joinpath("schema.sql").read_text("utf-8")
        with self.conn:
            self.conn.executescript(schema)
            self.conn.execute(
                "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)", (SCHEMA_VERSION,)
            )
        from . import extensions  # tables added by later stages (resolution, grading)

        extensions.migrate(self.conn)

    def _check_schema(self) -> None:
        row = self.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        if row is None:
            raise StoreError(f"{self.path} is not a claimgraph database (no schema version)")
        from . import extensions

        schema = resources.files("claimgraph.store").joinpath("schema.sql").read_text("utf-8")
        present = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
        missing = sorted(extensions.expected_tables(schema) - present)
        if missing:
            raise StoreError(
                f"{self.path} was made by an older claimgraph (it lacks {', '.join(missing)}); it is migrated in "
                f"place the next time it is opened for writing, e.g. by `claimgraph resolve --db {self.path}`",
                detail={"missing_tables": missing},
            )

    # -- writing ---------------------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE id=?", (doc_id,)).fetchone() is not None

    def save(self, x: Extraction, *, at: str | None = None, extractor: str = "") -> bool:
        """Store one extraction in one transaction. Returns False (and changes nothing) if the document exists.
        `extractor` is the version of the extractor that produced it (see `stale_documents`)."""
        at = at or now_iso()
        with self.conn:
            if self.has_document(x.doc.id):
                return False
            self._insert_document(x.doc, at, extractor)
            self._insert_extraction(x, at)
            self._set_meta("resolution_pending", "1")
        return True

    def replace_extraction(self, x: Extraction, *, extractor: str, at: str | None = None) -> None:
        """Swap a stored document's claims, events and mentions for a new extraction of it, in one transaction.
        The document, its entities (they may carry judgements) and every judgement stay; grades of the old claims
        go (the next resolution recomputes them)."""
        at = at or now_iso()
        doc_id = x.doc.id
        with self.conn:
            if not self.has_document(doc_id):
                raise NotFound(f"no document with id {doc_id!r}")
            self.conn.execute(
                "DELETE FROM claim_grades WHERE claim_id IN (SELECT id FROM claims WHERE doc_id=?)", (doc_id,)
            )
            self.conn.execute(
                "DELETE FROM event_actors WHERE event_id IN (SELECT id FROM events WHERE doc_id=?)", (doc_id,)
            )
            for table in ("events", "claims", "mentions"):
                self.conn.execute(f"DELETE FROM {table} WHERE doc_id=?", (doc_id,))  # noqa: S608 - fixed names
            self.conn.execute("UPDATE documents SET extractor=? WHERE id=?", (extractor, doc_id))
            self._insert_extraction(x, at)
            self._set_meta("resolution_pending", "1")

    def _insert_extraction(self, x: Extraction, at: str) -> None:
        for e in x.entities:
            self._upsert_entity(e, x.doc.id, at)
        for c in x.claims:
            self._insert_claim(c, at)
        for ev in x.events:
            self._insert_event(ev, at)

    def stale_documents(self, extractor: str) -> Iterator[Document]:
        """Documents stored by another extractor version than `extractor`, oldest first."""
        ids = [r["id"] for r in self.conn.execute(
            "SELECT id FROM documents WHERE extractor != ? ORDER BY ingested_at, id", (extractor,))]
        for doc_id in ids:
            yield self.document(doc_id)

    def extractor_versions(self) -> dict[str, int]:
        """How many documents each extractor version produced ('' for documents stored before versions were kept)."""
        rows = self.conn.execute("SELECT extractor, COUNT(*) AS n FROM documents GROUP BY extractor ORDER BY extractor")
        return {r["extractor"]: r["n"] for r in rows}

    def resolution_pending(self) -> bool:
        """True when documents were stored or re-extracted after the last completed cross-document resolution
        (an interrupted run leaves it set, so the next run finishes the job)."""
        return self._meta("resolution_pending") == "1"

    def resolution_done(self) -> None:
        with self.conn:
            self._set_meta("resolution_pending", "0")

    def _meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return None if row is None else row["value"]

    def _set_meta(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
            (key, value),
        )

    def _insert_document(self, d: Document, at: str, extractor: str = "") -> None:
        pub = d.published
        self.conn.execute(
            "INSERT INTO documents(id, source, url, title, outlet, published, published_precision, published_text,"
            " raw_id, author, text, ingested_at, extractor) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (d.id, d.source, d.url, d.title, d.outlet, pub.value if pub else None,
             pub.precision.value if pub else None, pub.text if pub else None, d.raw_id, d.author, d.text, at,
             extractor),
        )

    def ensure_entity(self, entity_id: str, name: str, etype: str, refs: Iterable[str] = (), at: str = "") -> None:
        row = self.conn.execute("SELECT refs FROM entities WHERE id=?", (entity_id,)).fetchone()
        if row is None:
            self.conn.execute(
                "INSERT INTO entities(id, name, type, refs, first_seen) VALUES (?,?,?,?,?)",
                (entity_id, name, etype, json.dumps(sorted(set(refs))), at or now_iso()),
            )
            self.conn.execute(
                "INSERT INTO entity_search(entity_id, name, aliases) VALUES (?,?,?)", (entity_id, name, "")
            )
        elif refs:
            merged = sorted(set(json.loads(row["refs"])) | set(refs))
            self.conn.execute("UPDATE entities SET refs=? WHERE id=?", (json.dumps(merged), entity_id))

    def add_alias(self, entity_id: str, alias: str, origin: str) -> bool:
        norm = normalise_alias(alias)
        if not norm:
            return False
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO aliases(entity_id, alias, norm, origin) VALUES (?,?,?,?)",
            (entity_id, alias, norm, origin),
        )
        if cur.rowcount:
            names = [r["alias"] for r in self.conn.execute("SELECT alias FROM aliases WHERE entity_id=?", (entity_id,))]
            self.conn.execute("UPDATE entity_search SET aliases=? WHERE entity_id=?", (" | ".join(names), entity_id))
        return bool(cur.rowcount)

    def _upsert_entity(self, e: Entity, doc_id: str, at: str) -> None:
        self.ensure_entity(e.id, e.name, e.type, e.refs, at)
        for alias in {e.name, *e.aliases}:
            self.add_alias(e.id, alias, doc_id)
        self.conn.executemany(
            "INSERT OR IGNORE INTO mentions(doc_id, entity_id, start, end, text) VALUES (?,?,?,?,?)",
            [(doc_id, e.id, m.start, m.end, m.text) for m in e.mentions],
        )

    def _ref_entity(self, ref_id: str | None, name: str | None, at: str, etype: str = "unknown") -> None:
        if ref_id is not None and name is not None:
            self.ensure_entity(ref_id, name, etype, (), at)

    def _insert_claim(self, c: Claim, at: str) -> None:
        self._ref_entity(c.subject.id, c.subject.name, at)
        if c.object:
            self._ref_entity(c.object.id, c.object.name, at)
        if c.place:
            self._ref_entity(c.place.id, c.place.name, at, "place")
        t = c.time
        self.conn.execute(
            "INSERT OR IGNORE INTO claims(id, doc_id, subject_id, predicate, object_id, role, polarity, modality,"
            " source_name, source_kind, source_cue, time, time_precision, time_end, time_text, place_id,"
            " ev_start, ev_end, ev_text, cues, extractor, ingested_at, body)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (c.id, c.doc_id, c.subject.id, c.predicate, c.object.id if c.object else None, c.role,
             c.polarity.value, c.modality.value, c.source.name, c.source.kind.value, c.source.cue,
             t.value if t else None, t.precision.value if t else None, t.end if t else None,
             t.text if t else None, c.place.id if c.place else None, c.evidence.start, c.evidence.end,
             c.evidence.text, json.dumps(list(c.cues)), c.extractor, at, json.dumps(claim_to_json(c))),
        )

    def _insert_event(self, ev: Event, at: str) -> None:
        p = ev.place
        self.conn.execute(
            "INSERT OR IGNORE INTO events(id, doc_id, type, mode, place_name, admin1, country, geonames_id, date,"
            " date_precision, killed_min, killed_max, wounded_min, wounded_max, responsibility, ev_start, ev_end,"
            " ev_text, extractor, ingested_at, body) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (ev.id, ev.doc_id, ev.type, ev.mode, p.name if p else None, p.admin1 if p else None,
             p.country if p else None, p.geonames_id if p else None, ev.date.value if ev.date else None,
             ev.date.precision.value if ev.date else None, ev.killed.min if ev.killed else None,
             ev.killed.max if ev.killed else None, ev.wounded.min if ev.wounded else None,
             ev.wounded.max if ev.wounded else None, ev.responsibility.value, ev.evidence.start,
             ev.evidence.end, ev.evidence.text, ev.extractor, at, json.dumps(event_to_json(ev))),
        )
        for role, refs in (("perpetrator", ev.perpetrators), ("target", ev.targets)):
            for r in refs:
                self._ref_entity(r.id, r.name, at)
                self.conn.execute(
                    "INSERT OR IGNORE INTO event_actors(event_id, entity_id, role) VALUES (?,?,?)",
                    (ev.id, r.id, role),
                )

    def record_failure(self, source: str, line: int, stage: str, reason: str) -> None:
        with self.conn:
            self.conn.execute(
                "INSERT INTO failures(source, line, stage, reason, at) VALUES (?,?,?,?,?)"
                " ON CONFLICT(source, line, stage) DO UPDATE SET reason=excluded.reason, at=excluded.at",
                (source, line, stage, reason, now_iso()),
            )

    # -- reading ---------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("documents", "entities", "claims", "events", "mentions", "failures"):
            out[table] = self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: S608
        return out

    def document(self, doc_id: str) -> Document:
        row = self.conn.execute("SELECT * FROM documents WHERE id=?", (doc_id,)).fetchone()
        if row is None:
            raise NotFound(f"no document with id {doc_id!r}")
        return _document_from_row(row)

    def documents(self, *, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT id, source, url, title, outlet, published, ingested_at, length(text) AS chars FROM documents"
            " ORDER BY ingested_at, id LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [dict(r) for r in rows]

    def actor_id(self, entity_id: str) -> str:
        row = self.conn.execute("SELECT actor_id FROM merges WHERE entity_id=?", (entity_id,)).fetchone()
        return entity_id if row is None else str(row["actor_id"])

    def members(self, actor_id: str) -> list[str]:
        """Entity ids that make up one actor (itself and everything merged into it)."""
        rows = self.conn.execute("SELECT entity_id FROM merges WHERE actor_id=?", (actor_id,)).fetchall()
        return [actor_id, *[r["entity_id"] for r in rows]]

    def entity(self, entity_id: str) -> dict[str, Any]:
        row = self.conn.execute("SELECT * FROM entities WHERE id=?", (entity_id,)).fetchone()
        if row is None:
            raise NotFound(f"no actor with id {entity_id!r}")
        return {"id": row["id"], "name": row["name"], "type": row["type"], "refs": json.loads(row["refs"]),
                "first_seen": row["first_seen"]}

    def aliases(self, actor_id: str) -> list[str]:
        ids = self.members(actor_id)
        q = f"SELECT DISTINCT alias FROM aliases WHERE entity_id IN ({','.join('?' * len(ids))}) ORDER BY alias"
        return [r["alias"] for r in self.conn.execute(q, ids)]

    def find_actors(self, name: str, *, limit: int = 20) -> list[dict[str, Any]]:
        """Actors whose name or alias matches `name`: exact alias first, then full-text search."""
        norm = normalise_alias(name)
        exact = [
            r["entity_id"]
            for r in self.conn.execute("SELECT DISTINCT entity_id FROM aliases WHERE norm=? LIMIT ?", (norm, limit))
        ]
        found: list[str] = []
        for eid in exact:
            aid = self.actor_id(eid)
            if aid not in found:
                found.append(aid)
        if len(found) < limit and norm:
            query = " ".join(f'"{tok}"*' for tok in norm.split())
            for r in self.conn.execute(
                "SELECT entity_id FROM entity_search WHERE entity_search MATCH ? ORDER BY rank LIMIT ?",
                (query, limit * 2),
            ):
                aid = self.actor_id(r["entity_id"])
                if aid not in found:
                    found.append(aid)
        return [self.entity(a) for a in found[:limit]]

    def resolve_actor(self, name_or_id: str) -> dict[str, Any]:
        row = self.conn.execute("SELECT id FROM entities WHERE id=?", (name_or_id,)).fetchone()
        if row is not None:
            return self.entity(self.actor_id(row["id"]))
        hits = self.find_actors(name_or_id, limit=1)
        if not hits:
            raise NotFound(f"no actor named {name_or_id!r}; try `claimgraph claims` to list what is stored")
        return hits[0]

    def claims(
        self,
        *,
        entity: str | None = None,
        predicate: str | None = None,
        doc_id: str | None = None,
        as_of: str | None = None,
        since: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        review: str | None = None,
    ) -> list[Claim]:
        """Claims in document order, filtered. With `entity`, the claims whose subject or object is that actor
        (after merges): each side is read through its own sorted index and only the page asked for is merged,
        so an actor named in a hundred thousand claims answers as fast as one named in ten. `review`: None hides
        claims an analyst rejected; "reviewed", "unreviewed", "rejected" or "all" (see store/reviews.py)."""
        from .reviews import review_condition

        where: list[str] = [review_condition("claim", review, alias="claims")]
        args: list[Any] = []
        if predicate is not None:
            where.append("predicate = ?")
            args.append(predicate)
        if doc_id is not None:
            where.append("doc_id = ?")
            args.append(doc_id)
        if as_of is not None:
            where.append("ingested_at <= ?")
            args.append(as_of + ("T23:59:59.999999Z" if len(as_of) == 10 else ""))
        if since is not None:
            where.append("ingested_at >= ?")
            args.append(since)
        order = " ORDER BY doc_id, ev_start, id"
        page = " LIMIT ? OFFSET ?" if limit is not None else ""
        page_args = [limit, offset] if limit is not None else []
        if entity is None:
            sql = "SELECT body FROM claims" + (" WHERE " + " AND ".join(where) if where else "") + order + page
            rows = self.conn.execute(sql, args + page_args)
        else:
            ids = self.members(self.resolve_actor(entity)["id"])
            marks = ",".join("?" * len(ids))
            side_limit = " LIMIT ?" if limit is not None else ""
            side_args = [limit + offset] if limit is not None else []
            sides = []
            union_args: list[Any] = []
            for column in ("subject_id", "object_id"):
                cond = " AND ".join([f"{column} IN ({marks})", *where])
                sides.append(
                    f"SELECT * FROM (SELECT body, doc_id, ev_start, id FROM claims WHERE {cond}{order}{side_limit})"
                )
                union_args += [*ids, *args, *side_args]
            sql = f"SELECT body FROM ({' UNION '.join(sides)}){order}{page}"
            rows = self.conn.execute(sql, union_args + page_args)
        return [claim_from_json(json.loads(r["body"])) for r in rows]

    def iter_claims(self, *, review: str | None = None) -> Iterator[Claim]:
        """Every claim in document order; rejected ones left out unless `review` asks for them."""
        from .reviews import review_condition

        cond = review_condition("claim", review, alias="claims")
        for r in self.conn.execute(f"SELECT body FROM claims WHERE {cond} ORDER BY doc_id, ev_start, id"):  # noqa: S608
            yield claim_from_json(json.loads(r["body"]))

    def events(
        self, *, entity: str | None = None, limit: int | None = None, offset: int = 0, review: str | None = None
    ) -> list[Event]:
        """Events by date; `review` as for `claims` (rejected events are hidden by default)."""
        from .reviews import review_condition

        args: list[Any] = []
        sql = "SELECT body FROM events WHERE " + review_condition("event", review, alias="events")
        if entity is not None:
            ids = self.members(self.resolve_actor(entity)["id"])
            sql += f" AND id IN (SELECT event_id FROM event_actors WHERE entity_id IN ({','.join('?' * len(ids))}))"
            args += ids
        sql += " ORDER BY COALESCE(date, ''), doc_id, ev_start"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            args += [limit, offset]
        return [event_from_json(json.loads(r["body"])) for r in self.conn.execute(sql, args)]

    def mentions(self, doc_id: str) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT m.entity_id, m.start, m.end, m.text, e.type, e.name FROM mentions m"
            " JOIN entities e ON e.id = m.entity_id WHERE m.doc_id=? ORDER BY m.start",
            (doc_id,),
        )
        return [dict(r) for r in rows]

    def failures(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute("SELECT * FROM failures ORDER BY at")]

    def entities(self, *, etype: str | None = None, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        args: list[Any] = []
        sql = "SELECT e.id FROM entities e WHERE e.id NOT IN (SELECT entity_id FROM merges)"
        if etype:
            sql += " AND e.type = ?"
            args.append(etype)
        sql += " ORDER BY e.name LIMIT ? OFFSET ?"
        args += [limit, offset]
        return [self.entity(r["id"]) for r in self.conn.execute(sql, args)]


def _document_from_row(row: sqlite3.Row) -> Document:
    published = None
    if row["published"]:
        published = PartialDate(row["published"], Precision(row["published_precision"]), row["published_text"] or "")
    return Document(
        id=row["id"], text=row["text"], source=row["source"], title=row["title"], outlet=row["outlet"],
        published=published, url=row["url"], raw_id=row["raw_id"], author=row["author"],
    )

