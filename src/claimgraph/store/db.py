"""The store: saving extractions idempotently and answering the questions the CLI, API and analyses ask.

One SQLite file (the embedded default) or one PostgreSQL database (`postgresql://...`); `dialect` holds what
differs between the two, so the SQL here is written once."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from ..contract import claim_from_json, claim_to_json, event_from_json, event_to_json
from ..errors import NotFound, StoreError
from ..records import Claim, Document, EntityRef, Event, Extraction, PartialDate, Precision
from . import dialect as dialects
from . import statements

SCHEMA_VERSION = "1"
#: The base schema (the extensions' DDL is added by `Store.schema`).
_BASE_SCHEMA = resources.files("claimgraph.store").joinpath("schema.sql").read_text("utf-8")
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
    """A claimgraph database. Use as a context manager: `with Store(path_or_url) as store: ...`.

    `path` is a SQLite file or a `postgresql://user@host:port/dbname` URL."""

    def __init__(self, path: Path | str, *, readonly: bool = False) -> None:
        url = dialects.is_url(path)
        #: where the data lives, as given (a URL keeps its password); `path` is what messages show
        self.target: Path | str = str(path) if url else Path(path)
        self.path: Path | str = dialects.redact(str(path)) if url else Path(path)
        self.readonly = readonly
        if readonly and not url and not Path(path).exists():
            raise StoreError(f"database {self.path} does not exist; run `claimgraph ingest` first")
        try:
            self.conn, self.dialect = dialects.connect(self.target, readonly=readonly, busy_timeout_s=BUSY_TIMEOUT_S)
        except dialects.driver_errors() as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from exc
        try:
            if not readonly:
                self._migrate()
            else:
                self._check_schema()
        except self.dialect.errors as exc:
            self.conn.close()
            raise StoreError(f"{self.path} is not a claimgraph database: {exc}") from exc

    # -- lifecycle -------------------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    @staticmethod
    def schema() -> str:
        """The base schema and every extension's DDL, in the order they are created."""
        from . import extensions  # tables added by later stages (resolution, grading)

        return "\n".join([_BASE_SCHEMA, *(ddl for _name, ddl in extensions.EXTENSIONS)])

    def _migrate(self) -> None:
        from . import extensions

        if self.dialect.name != "sqlite" and self._current():
            return  # nothing to create: take no lock a concurrent writer could be waiting on
        schema = _BASE_SCHEMA
        with self.conn:
            self.dialect.lock(self.conn, "migration")  # two processes opening a new database at once
            self.conn.executescript(schema)
            self.conn.execute(
                "INSERT INTO meta(key, value) VALUES ('schema_version', ?) ON CONFLICT DO NOTHING", (SCHEMA_VERSION,)
            )
            extensions.migrate(self.conn)

    def _current(self) -> bool:
        """True when every table, view and index of the schema exists and its version is recorded."""
        if dialects.object_names(self.schema()) - self.dialect.names(self.conn):
            return False
        return self._meta("schema_version") is not None

    def exclusive(self, name: str) -> AbstractContextManager[None]:
        """A block that one connection at a time runs, across processes, e.g. the cross-document resolution
        (which rebuilds whole tables). SQLite runs it as is: its writers already take turns per transaction."""
        return self.dialect.exclusive(self.conn, name)

    def has_table(self, name: str) -> bool:
        return name in self.dialect.tables(self.conn)

    def _check_schema(self) -> None:
        from . import extensions

        row = self.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        if row is None:
            raise StoreError(f"{self.path} is not a claimgraph database (no schema version)")
        missing = sorted(extensions.expected_tables(_BASE_SCHEMA) - self.dialect.tables(self.conn))
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
        `extractor` is the version of the extractor that produced it (see `stale_documents`). Writers saving at
        once (PostgreSQL) each store what the others have not: the document row decides who stores a document
        both have, and a transaction chosen as a deadlock victim is run again."""
        at = at or now_iso()
        if self.has_document(x.doc.id):
            return False
        for attempt in dialects.retrying(self.dialect):
            try:
                with self.conn:
                    if not self._insert_document(x.doc, at, extractor):
                        return False
                    self._insert_extraction(x, at)
                    self._set_meta("resolution_pending", "1")
                return True
            except self.dialect.retryable:
                if attempt == dialects.ATTEMPTS - 1:
                    raise
        return False  # pragma: no cover - the loop returns or raises

    def replace_extraction(self, x: Extraction, *, extractor: str, at: str | None = None) -> None:
        """Swap a stored document's claims, events and mentions for a new extraction of it, in one transaction.
        The document, its entities (they may carry judgements) and every judgement stay; grades of the old claims
        go (the next resolution recomputes them)."""
        at = at or now_iso()
        doc_id = x.doc.id
        with self.conn:
            held = self.conn.execute(f"SELECT 1 FROM documents WHERE id=?{self.dialect.for_update}", (doc_id,))
            if held.fetchone() is None:
                raise NotFound(f"no document with id {doc_id!r}")
            self.conn.execute(
                "DELETE FROM claim_grades WHERE claim_id IN (SELECT id FROM claims WHERE doc_id=?)", (doc_id,)
            )
            self.conn.execute(
                "DELETE FROM event_actors WHERE event_id IN (SELECT id FROM events WHERE doc_id=?)", (doc_id,)
            )
            statements.delete_statements(self.conn, doc_id)
            for table in ("events", "claims", "mentions"):
                self.conn.execute(f"DELETE FROM {table} WHERE doc_id=?", (doc_id,))  # noqa: S608 - fixed names
            self.conn.execute("UPDATE documents SET extractor=? WHERE id=?", (extractor, doc_id))
            self._insert_extraction(x, at)
            self._set_meta("resolution_pending", "1")

    def _insert_extraction(self, x: Extraction, at: str) -> None:
        # Rows shared with other documents (entities, their aliases and search rows) are written in id order,
        # so concurrent writers take their row locks in one order. The first sighting of an id in the document
        # decides its name and type, as when rows were written in document order.
        first: dict[str, tuple[str, str, set[str]]] = {}
        for e in x.entities:
            first.setdefault(e.id, (e.name, e.type, set()))[2].update(e.refs)
        for eid, name, etype in _references(x):
            first.setdefault(eid, (name, etype, set()))
        created = set()
        for eid in sorted(first):
            name, etype, refs = first[eid]
            if self.ensure_entity(eid, name, etype, refs, at, search=False):
                created.add(eid)
        gained = set(self._insert_aliases(x))
        # a new entity's full-text row is written whole, once its aliases are in: an UPDATE ... WHERE entity_id=?
        # scans the whole SQLite full-text table (entity_id is not indexed there), which made ingest quadratic
        for eid in sorted(created):
            self._write_search(eid, first[eid][0])
        for eid in sorted(gained - created):
            self._refresh_search(eid)
        self.conn.executemany(
            'INSERT INTO mentions(doc_id, entity_id, start, "end", text) VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING',
            [(x.doc.id, e.id, m.start, m.end, m.text) for e in x.entities for m in e.mentions],
        )
        self._insert_claims(x.claims, at)
        self._insert_events(x.events, at)
        statements.save_statements(self.conn, x.attributions, at)

    def _insert_aliases(self, x: Extraction) -> list[str]:
        """Store the aliases of `x`'s entities the store lacks (one query to find them, one batch to write them);
        returns the entities that gained one, in id order. Of two spellings with one key, the first in sorted
        order is kept."""
        first: dict[tuple[str, str], str] = {}
        spellings = {(e.id, normalise_alias(a), a) for e in x.entities for a in {e.name, *e.aliases}}
        for eid, norm, alias in sorted(spellings):
            if norm:
                first.setdefault((eid, norm), alias)
        ids = sorted({eid for eid, _norm in first})
        if not ids:
            return []
        known = {(r[0], r[1]) for r in self.conn.execute(
            f"SELECT entity_id, norm FROM aliases WHERE entity_id IN ({','.join('?' * len(ids))})", ids)}  # noqa: S608
        new = [(eid, alias, norm, x.doc.id) for (eid, norm), alias in sorted(first.items()) if (eid, norm) not in known]
        self.conn.executemany(
            "INSERT INTO aliases(entity_id, alias, norm, origin) VALUES (?,?,?,?) ON CONFLICT DO NOTHING", new
        )
        return sorted({n[0] for n in new})

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

    def _insert_document(self, d: Document, at: str, extractor: str = "") -> bool:
        """Insert a document row; False when it is already stored (or being stored by another writer: this
        then waits for that writer's transaction)."""
        pub = d.published
        cur = self.conn.execute(
            "INSERT INTO documents(id, source, url, title, outlet, published, published_precision, published_text,"
            " raw_id, author, text, ingested_at, extractor) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
            (d.id, d.source, d.url, d.title, d.outlet, pub.value if pub else None,
             pub.precision.value if pub else None, pub.text if pub else None, d.raw_id, d.author, d.text, at,
             extractor),
        )
        return bool(cur.rowcount)

    def ensure_entity(
        self, entity_id: str, name: str, etype: str, refs: Iterable[str] = (), at: str = "", *, search: bool = True
    ) -> bool:
        """Store the entity unless it is known (then add `refs` to its own); True when it was new. A new entity gets
        its full-text row unless `search` is False (the caller writes it whole with `_write_search`)."""
        refs = set(refs)
        cur = self.conn.execute(
            "INSERT INTO entities(id, name, type, refs, first_seen) VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING",
            (entity_id, name, etype, json.dumps(sorted(refs)), at or now_iso()),
        )
        if cur.rowcount:
            if search:
                self.conn.execute(
                    "INSERT INTO entity_search(entity_id, name, aliases) VALUES (?,?,?)",
                    (entity_id, self.dialect.search_text(name), ""),
                )
            return True
        if refs:
            row = self.conn.execute(
                f"SELECT refs FROM entities WHERE id=?{self.dialect.for_update}", (entity_id,)
            ).fetchone()
            merged = sorted(set(json.loads(row["refs"])) | refs)
            if merged != json.loads(row["refs"]):
                self.conn.execute("UPDATE entities SET refs=? WHERE id=?", (json.dumps(merged), entity_id))
        return False

    def add_alias(self, entity_id: str, alias: str, origin: str) -> bool:
        norm = normalise_alias(alias)
        if not norm or not self._insert_alias(entity_id, alias, norm, origin):
            return False
        self._refresh_search(entity_id)
        return True

    def _insert_alias(self, entity_id: str, alias: str, norm: str, origin: str) -> bool:
        cur = self.conn.execute(
            "INSERT INTO aliases(entity_id, alias, norm, origin) VALUES (?,?,?,?) ON CONFLICT DO NOTHING",
            (entity_id, alias, norm, origin),
        )
        return bool(cur.rowcount)

    def _alias_text(self, entity_id: str) -> str:
        names = [r["alias"] for r in self.conn.execute(
            "SELECT alias FROM aliases WHERE entity_id=? ORDER BY norm", (entity_id,))]
        return self.dialect.search_text(" | ".join(names))

    def _write_search(self, entity_id: str, name: str) -> None:
        """A new entity's full-text row: its name and every alias, joined by " | "."""
        self.conn.execute(
            "INSERT INTO entity_search(entity_id, name, aliases) VALUES (?,?,?)",
            (entity_id, self.dialect.search_text(name), self._alias_text(entity_id)),
        )

    def _refresh_search(self, entity_id: str) -> None:
        """An entity's full-text row holds its name and every alias, joined by " | "."""
        if self.dialect.for_update:  # hold the row first, then read the aliases other writers committed meanwhile
            self.conn.execute(f"SELECT 1 FROM entity_search WHERE entity_id=?{self.dialect.for_update}", (entity_id,))
        text = self._alias_text(entity_id)
        self.conn.execute("UPDATE entity_search SET aliases=? WHERE entity_id=?", (text, entity_id))

    def _insert_claims(self, claims: Iterable[Claim], at: str) -> None:
        rows = []
        for c in claims:
            t = c.time
            rows.append((
                c.id, c.doc_id, c.subject.id, c.predicate, c.object.id if c.object else None, c.role,
                c.polarity.value, c.modality.value, c.source.name, c.source.kind.value, c.source.cue,
                t.value if t else None, t.precision.value if t else None, t.end if t else None,
                t.text if t else None, c.place.id if c.place else None, c.evidence.start, c.evidence.end,
                c.evidence.text, json.dumps(list(c.cues)), c.extractor, at, json.dumps(claim_to_json(c)),
            ))
        self.conn.executemany(
            "INSERT INTO claims(id, doc_id, subject_id, predicate, object_id, role, polarity, modality,"
            " source_name, source_kind, source_cue, time, time_precision, time_end, time_text, place_id,"
            " ev_start, ev_end, ev_text, cues, extractor, ingested_at, body)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
            rows,
        )

    def _insert_events(self, events: Iterable[Event], at: str) -> None:
        rows, actors = [], []
        for ev in events:
            p = ev.place
            rows.append((
                ev.id, ev.doc_id, ev.type, ev.mode, p.name if p else None, p.admin1 if p else None,
                p.country if p else None, p.geonames_id if p else None, ev.date.value if ev.date else None,
                ev.date.precision.value if ev.date else None, ev.killed.min if ev.killed else None,
                ev.killed.max if ev.killed else None, ev.wounded.min if ev.wounded else None,
                ev.wounded.max if ev.wounded else None, ev.responsibility.value, ev.evidence.start,
                ev.evidence.end, ev.evidence.text, ev.extractor, at, json.dumps(event_to_json(ev)),
            ))
            actors += [(ev.id, r.id, role) for role, refs in (("perpetrator", ev.perpetrators), ("target", ev.targets))
                       for r in refs]
        self.conn.executemany(
            "INSERT INTO events(id, doc_id, type, mode, place_name, admin1, country, geonames_id, date,"
            " date_precision, killed_min, killed_max, wounded_min, wounded_max, responsibility, ev_start, ev_end,"
            " ev_text, extractor, ingested_at, body) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT DO NOTHING",
            rows,
        )
        self.conn.executemany(
            "INSERT INTO event_actors(event_id, entity_id, role) VALUES (?,?,?) ON CONFLICT DO NOTHING", actors
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
            query = self.dialect.search_query(norm.split())
            sql = self.dialect.search_sql("entity_search", _BASE_SCHEMA)
            for r in self.conn.execute(sql, (query, limit * 2)):
                aid = self.actor_id(r["entity_id"])
                if aid not in found:
                    found.append(aid)
        return [self.entity(a) for a in found[:limit]]

    def resolve_actor(self, name_or_id: str) -> dict[str, Any]:
        # an id: its actor in one query (a page asks this three times; a server answers each in a round trip)
        row = self.conn.execute(
            "SELECT a.id, a.name, a.type, a.refs, a.first_seen FROM entities e LEFT JOIN merges m ON m.entity_id = e.id"
            " JOIN entities a ON a.id = COALESCE(m.actor_id, e.id) WHERE e.id = ?",
            (name_or_id,),
        ).fetchone()
        if row is not None:
            return {"id": row["id"], "name": row["name"], "type": row["type"], "refs": json.loads(row["refs"]),
                    "first_seen": row["first_seen"]}
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
                    f" AS by_{column}"
                )
                union_args += [*ids, *args, *side_args]
            sql = f"SELECT body FROM ({' UNION '.join(sides)}) AS either_side{order}{page}"
            rows = self.conn.execute(sql, union_args + page_args)
        return [claim_from_json(json.loads(r["body"])) for r in rows]

    def iter_claims(self, *, review: str | None = None) -> Iterator[Claim]:
        """Every claim in document order; rejected ones left out unless `review` asks for them."""
        from .reviews import review_condition

        cond = review_condition("claim", review, alias="claims")
        for r in self.conn.execute(f"SELECT body FROM claims WHERE {cond} ORDER BY doc_id, ev_start, id"):  # noqa: S608
            yield claim_from_json(json.loads(r["body"]))

    def statements(self, *, source: str | None = None, about: str | None = None, since: str | None = None,
                   doc_id: str | None = None) -> list[statements.StatementRow]:
        """Statements in date order: by a source (an actor's name or id, else words of the source phrase), about
        an actor (named in the content), published on or after `since` (YYYY-MM-DD)."""
        ids = text = None
        if source is not None:
            try:
                ids = self.members(self.resolve_actor(source)["id"])
            except NotFound:
                ids = []
            text = source
        mentions = None
        if about is not None:
            members = self.members(self.resolve_actor(about)["id"])
            marks = ",".join("?" * len(members))
            mentions = [(r["start"], r["end"], r["doc_id"]) for r in self.conn.execute(
                f'SELECT start, "end", doc_id FROM mentions WHERE entity_id IN ({marks})', members)]  # noqa: S608
        return statements.query_statements(self.conn, source_ids=ids, source_text=text, about=mentions,
                                           since=since, doc_id=doc_id)

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
            'SELECT m.entity_id, m.start, m."end", m.text, e.type, e.name FROM mentions m'
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


def _references(x: Extraction) -> Iterator[tuple[str, str, str]]:
    """(id, name, type) of every entity a claim or event of `x` points to, in document order."""
    for c in x.claims:
        refs: list[tuple[EntityRef | None, str]] = [(c.subject, "unknown"), (c.object, "unknown"), (c.place, "place")]
        for ref, etype in refs:
            if ref is not None and ref.id is not None and ref.name is not None:
                yield ref.id, ref.name, etype
    for ev in x.events:
        for r in (*ev.perpetrators, *ev.targets):
            if r.id is not None and r.name is not None:
                yield r.id, r.name, "unknown"


def _document_from_row(row: Any) -> Document:
    published = None
    if row["published"]:
        published = PartialDate(row["published"], Precision(row["published_precision"]), row["published_text"] or "")
    return Document(
        id=row["id"], text=row["text"], source=row["source"], title=row["title"], outlet=row["outlet"],
        published=published, url=row["url"], raw_id=row["raw_id"], author=row["author"],
    )

