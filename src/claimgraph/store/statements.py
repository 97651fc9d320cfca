"""The statements table: every attribution of every stored document, and the queries on it.

Rows are written with their document's extraction (`save_statements`, called by `Store`) and read back as
`Statement` records. `about` matches an actor named in the content; `source` the source phrase or the actor it
resolves to; `since` the document's publication date (else its ingest time)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..contract import statement_from_json, statement_to_json
from ..records import Statement

DDL = """
-- One row per attribution: who (source) says or thinks (cue) what (content), with offsets into the document.
CREATE TABLE IF NOT EXISTS statements (
  id TEXT PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents(id),
  kind TEXT NOT NULL,                 -- named | anonymous | organisation | document | outlet | none
  source_text TEXT,                   -- null when agentless
  source_actor_id TEXT,               -- the entity the source names, when resolved
  cue_text TEXT NOT NULL,
  content_start INTEGER NOT NULL, content_end INTEGER NOT NULL,
  parent_id TEXT,
  denies_id TEXT,                     -- the statement this denial answers
  ingested_at TEXT NOT NULL,
  body TEXT NOT NULL                  -- the statement as contract JSON
);
CREATE INDEX IF NOT EXISTS statements_doc ON statements(doc_id, content_start);
CREATE INDEX IF NOT EXISTS statements_actor ON statements(source_actor_id);
CREATE INDEX IF NOT EXISTS statements_denies ON statements(denies_id);
"""


@dataclass(frozen=True, slots=True)
class StatementRow:
    """A stored statement with the document facts a query answers with."""

    statement: Statement
    published: str | None
    outlet: str | None
    title: str | None
    source: str
    url: str | None
    #: ids of statements on the other side of a denial: the allegation it denies, or the denials of this one
    opposed: tuple[str, ...] = ()


def save_statements(conn: Any, statements: Iterable[Statement], at: str) -> None:
    conn.executemany(
        "INSERT INTO statements(id, doc_id, kind, source_text, source_actor_id, cue_text, content_start,"
        " content_end, parent_id, denies_id, ingested_at, body) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
        " ON CONFLICT DO NOTHING",
        [(s.id, s.doc_id, s.kind.value, None if s.source is None else s.source.text,
          None if s.source_actor is None else s.source_actor.id, s.cue.text, s.content.start, s.content.end,
          s.parent, s.denies, at, json.dumps(statement_to_json(s))) for s in statements],
    )


def delete_statements(conn: Any, doc_id: str) -> None:
    conn.execute("DELETE FROM statements WHERE doc_id=?", (doc_id,))


def query_statements(
    conn: Any, *, source_ids: list[str] | None = None, source_text: str | None = None,
    about: list[tuple[int, int, str]] | None = None, since: str | None = None, doc_id: str | None = None,
) -> list[StatementRow]:
    """Statements in date order. `source_ids` (actor ids) or `source_text` (a phrase, case-insensitive) select
    by source; `about` is a list of (start, end, doc_id) mentions of an actor, a statement is about it when
    its content holds one."""
    where: list[str] = []
    args: list[Any] = []
    if source_ids is not None or source_text is not None:
        parts = []
        if source_ids:
            parts.append(f"s.source_actor_id IN ({','.join('?' * len(source_ids))})")
            args += source_ids
        if source_text:
            parts.append("lower(s.source_text) LIKE lower(?)")  # case-insensitive on both engines
            args.append(f"%{source_text}%")
        where.append("(" + " OR ".join(parts or ["1 = 0"]) + ")")
    if since is not None:
        where.append("COALESCE(d.published, substr(d.ingested_at, 1, 10)) >= ?")
        args.append(since)
    if doc_id is not None:
        where.append("s.doc_id = ?")
        args.append(doc_id)
    rows = conn.execute(_SELECT + (" WHERE " + " AND ".join(where) if where else "") + _ORDER, args).fetchall()
    if about is not None:
        by_doc: dict[str, list[tuple[int, int]]] = {}
        for start, end, d in about:
            by_doc.setdefault(d, []).append((start, end))
        rows = [r for r in rows if any(r["content_start"] <= s and e <= r["content_end"]
                                        for s, e in by_doc.get(r["doc_id"], []))]
    return _with_opponents(conn, rows)


_SELECT = ("SELECT s.id, s.denies_id, s.body, s.doc_id, s.content_start, s.content_end, d.published, d.outlet,"
           " d.title, d.source, d.url, d.ingested_at FROM statements s JOIN documents d ON d.id = s.doc_id")
_ORDER = " ORDER BY COALESCE(d.published, d.ingested_at), s.doc_id, s.content_start, s.id"


def _with_opponents(conn: Any, rows: list[Any]) -> list[StatementRow]:
    """The rows, each with the statements on the other side of a denial; those are added to the answer when the
    filters left them out, so a denial and the allegation it denies always appear together."""
    ids = [r["id"] for r in rows]
    opposed: dict[str, set[str]] = {i: set() for i in ids}
    for r in rows:
        if r["denies_id"]:
            opposed[r["id"]].add(r["denies_id"])
    for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
        marks = ",".join("?" * len(chunk))
        for d in conn.execute(f"SELECT id, denies_id FROM statements WHERE denies_id IN ({marks})", chunk):  # noqa: S608
            opposed[d["denies_id"]].add(d["id"])
    missing = sorted({o for os in opposed.values() for o in os} - set(ids))
    extra: list[Any] = []
    for chunk in (missing[i : i + 500] for i in range(0, len(missing), 500)):
        marks = ",".join("?" * len(chunk))
        extra += conn.execute(_SELECT + f" WHERE s.id IN ({marks})", chunk).fetchall()  # noqa: S608
    for r in extra:
        opposed[r["id"]] = ({r["denies_id"]} if r["denies_id"] else set()) | {i for i, os in opposed.items()
                                                                               if r["id"] in os}
    every = sorted([*rows, *extra], key=lambda r: (r["published"] or r["ingested_at"], r["doc_id"],
                                                    r["content_start"], r["id"]))
    return [StatementRow(statement_from_json(json.loads(r["body"])), r["published"], r["outlet"], r["title"],
                         r["source"], r["url"], tuple(sorted(opposed[r["id"]]))) for r in every]
