"""Read-only queries for the analyses: every claim as one flat row with its actors already resolved through
merges, and the actor table. Flat rows (not `Claim` records parsed from JSON) keep a whole-store scan fast:
the convergence score reads every claim on each run."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields, replace
from operator import itemgetter
from typing import Any

from .db import Store
from .reviews import current as reviews_in_force


@dataclass(frozen=True, slots=True)
class ActorRow:
    id: str  # the actor id after merges
    name: str
    type: str


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """One stored claim with subject, object and place mapped to their actor ids (after merges)."""

    id: str
    doc_id: str
    subject: str
    predicate: str
    object: str | None
    role: str | None
    polarity: str
    modality: str
    source_name: str
    source_kind: str
    source_cue: str | None
    time: str | None
    time_end: str | None
    place: str | None
    ev_start: int
    ev_end: int
    ev_text: str
    ingested_at: str
    published: str | None
    outlet: str | None


_CLAIMS_SQL = """
SELECT c.id, c.doc_id, sa.actor_id AS subject, c.predicate, oa.actor_id AS object, c.role, c.polarity,
       c.modality, c.source_name, c.source_kind, c.source_cue, c.time, c.time_end, pa.actor_id AS place,
       c.ev_start, c.ev_end, c.ev_text, c.ingested_at, d.published, d.outlet
FROM claims c
JOIN documents d ON d.id = c.doc_id
JOIN entity_actor sa ON sa.entity_id = c.subject_id
LEFT JOIN entity_actor oa ON oa.entity_id = c.object_id
LEFT JOIN entity_actor pa ON pa.entity_id = c.place_id
"""


#: Claim fields an analyst's correction replaces in the analyses.
_CORRECTABLE = ("predicate", "polarity", "modality", "role")
_FIELD_AT = {f.name: i for i, f in enumerate(fields(ClaimRow))}  # a field's position in a row tuple


def claim_rows(
    store: Store, *, as_of: str | None = None, by_ingestion: bool = False, ordered: bool = True
) -> Iterator[ClaimRow]:
    """Every claim (held on `as_of`, when given), subject, object and place mapped to their actors. Ordered by
    id, so analyses see the same order on every run, or by ingestion time, for the first-seen rules; with
    `ordered=False` in storage order, for a caller that sorts them itself (reading a million claims in id
    order visits the table at random and takes twice as long)."""
    from .reviews import review_condition

    sql, args = _CLAIMS_SQL + " WHERE " + review_condition("claim", None, alias="c"), []  # rejected: left out
    if as_of is not None:
        sql += " AND c.ingested_at <= ?"
        args.append(as_of + ("T23:59:59.999999Z" if len(as_of) == 10 else ""))
    if ordered or by_ingestion:
        sql += " ORDER BY c.ingested_at, c.id" if by_ingestion else " ORDER BY c.id"
    corrected = {k: r.correction for k, r in reviews_in_force(store, "claim").items()
                 if r.verdict == "corrected" and r.correction}
    cur = store.conn.cursor()
    cur.row_factory = None  # plain tuples: a whole-store scan, field order fixed by _CLAIMS_SQL
    for r in cur.execute(sql, args):
        row = ClaimRow(*r)
        fix = corrected.get(row.id)
        # an analyst's correction stands in the analyses; the machine's version stays in the store and the review
        yield replace(row, **{k: v for k, v in fix.items() if k in _CORRECTABLE}) if fix else row


_PLAIN_CLAIMS_SQL = """
SELECT c.id, c.doc_id, c.subject_id, c.predicate, c.object_id, c.role, c.polarity, c.modality, c.source_name,
       c.source_kind, c.source_cue, c.time, c.time_end, c.place_id, c.ev_start, c.ev_end, c.ev_text, c.ingested_at
FROM claims c
"""


def claim_rows_by_id(store: Store) -> list[tuple[Any, ...]]:
    """`claim_rows(store)` as plain tuples in `ClaimRow`'s field order (`ClaimRow(*t)` is the row): the same
    rows in the same order (by id), read for a whole-store scan.

    The claims table is read alone, in storage order, and each claim's actors and document are looked up in
    memory (one read of the actor map and of the documents, not three index lookups into the store per
    claim: those grew faster than the store). Rows are sorted by id in memory. Values that repeat across claims
    (actor and document ids, predicates, sources, dates) are one shared string each, not one per claim: less
    memory, and the analyses' passes over millions of facts touch fewer places in it."""
    from .reviews import review_condition

    seen: dict[str, str] = {}
    share = seen.setdefault  # one string per distinct value
    actor_of = {r[0]: share(r[1], r[1]) for r in store.conn.execute("SELECT entity_id, actor_id FROM entity_actor")}
    docs = {
        r[0]: (r[0], r[1] and share(r[1], r[1]), r[2] and share(r[2], r[2]))
        for r in store.conn.execute("SELECT id, published, outlet FROM documents")
    }
    corrected = {k: r.correction for k, r in reviews_in_force(store, "claim").items()
                 if r.verdict == "corrected" and r.correction}
    rows: list[tuple[Any, ...]] = []
    cur = store.conn.cursor()
    cur.row_factory = None  # plain tuples, field order fixed by _PLAIN_CLAIMS_SQL
    sql = _PLAIN_CLAIMS_SQL + " WHERE " + review_condition("claim", None, alias="c")  # rejected: left out
    for cid, doc_id, subj, pred, obj, role, pol, mod, sname, skind, cue, t, t_end, place, s, e, text, at in (
        cur.execute(sql)
    ):
        doc, subject = docs.get(doc_id), actor_of.get(subj)
        if doc is None or subject is None:  # as the inner joins of `claim_rows`
            continue
        row = (
            cid, doc[0], subject, share(pred, pred), actor_of.get(obj), role and share(role, role),
            share(pol, pol), share(mod, mod), share(sname, sname), share(skind, skind), cue and share(cue, cue),
            t and share(t, t), t_end and share(t_end, t_end), actor_of.get(place), s, e, text, share(at, at),
            doc[1], doc[2],
        )
        fix = corrected.get(cid)
        if fix:  # an analyst's correction stands in the analyses, as in `claim_rows`
            fixed = list(row)
            for k, v in fix.items():
                if k in _CORRECTABLE:
                    fixed[_FIELD_AT[k]] = v
            row = tuple(fixed)
        rows.append(row)
    rows.sort(key=itemgetter(0))
    return rows


def actor_rows(store: Store) -> dict[str, ActorRow]:
    """entity id → the actor it belongs to (itself unless merged), with the actor's name and type."""
    rows = store.conn.execute(
        "SELECT ea.entity_id, a.id, a.name, a.type FROM entity_actor ea JOIN entities a ON a.id = ea.actor_id"
    )
    return {r[0]: ActorRow(r[1], r[2], r[3]) for r in rows}


def country_level_places(store: Store) -> frozenset[str]:
    """Actor ids of places resolved to a whole country (or wider): too broad to say two groups share ground."""
    rows = store.conn.execute(
        "SELECT DISTINCT ea.actor_id FROM entity_places p JOIN entity_actor ea ON ea.entity_id = p.entity_id"
        " WHERE p.precision IN ('country', 'continent', 'world')"
    )
    return frozenset(r[0] for r in rows)


def document_dates(store: Store) -> dict[str, tuple[str | None, str, str | None]]:
    """doc id → (published date or None, ingestion time, outlet)."""
    rows = store.conn.execute("SELECT id, published, ingested_at, outlet FROM documents")
    return {r[0]: (r[1], r[2], r[3]) for r in rows}
