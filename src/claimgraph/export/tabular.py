"""CSV tables (spreadsheets, i2 Analyst's Notebook) and JSON Lines (the extract contract, a document a line).

CSV writes four files with a header row — `actors.csv`, `claims.csv`, `events.csv`, `documents.csv` — into the
folder `target`, created if missing (`-o x.csv` makes a folder `x.csv/`, never `x.csv-actors.csv`).
Lists inside a cell are joined with "; ". A text cell that a spreadsheet would run as a formula (starting with
=, +, @, tab or carriage return) is prefixed with an apostrophe.

JSON Lines writes one `claimgraph extract` object per document (docs/contract.md), holding only what passed
the export options, with two added fields: `grade` on every claim and `ingested_at` on every document.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..contract import claim_to_json, document_to_json, entity_to_json, event_to_json
from ..records import Entity, Quantity, Span
from .registry import Exporter, ExportResult, open_text, register
from .snapshot import Snapshot

ACTOR_COLUMNS = (
    "id",
    "name",
    "type",
    "aliases",
    "refs",
    "claim_count",
    "first_seen",
    "country",
    "admin1",
    "geonames_id",
    "lat",
    "lon",
)
CLAIM_COLUMNS = (
    "id",
    "doc_id",
    "subject_id",
    "subject",
    "predicate",
    "object_id",
    "object",
    "role",
    "modality",
    "polarity",
    "source",
    "source_kind",
    "source_cue",
    "cues",
    "time",
    "time_precision",
    "time_end",
    "place_id",
    "place",
    "evidence_start",
    "evidence_end",
    "evidence_text",
    "credibility",
    "reliability",
    "grade",
    "disputed",
    "grade_reason",
    "doc_title",
    "doc_outlet",
    "doc_published",
    "doc_url",
    "ingested_at",
    "extractor",
)
EVENT_COLUMNS = (
    "id",
    "doc_id",
    "type",
    "mode",
    "date",
    "date_precision",
    "place",
    "admin1",
    "country",
    "geonames_id",
    "lat",
    "lon",
    "perpetrator_ids",
    "perpetrators",
    "target_ids",
    "targets",
    "responsibility",
    "responsibility_source",
    "killed_min",
    "killed_max",
    "killed_text",
    "wounded_min",
    "wounded_max",
    "wounded_text",
    "attackers_killed_min",
    "attackers_killed_max",
    "attackers_killed_text",
    "evidence_start",
    "evidence_end",
    "evidence_text",
)
DOCUMENT_COLUMNS = ("id", "title", "outlet", "published", "url", "source", "raw_id", "ingested_at", "chars")

CSV_LOSSY = (
    "document text (documents.csv lists documents; evidence_text holds each claim's and event's quote)",
    "mention spans of actors",
    "source span of the attribution cue; claim place is an id and name only",
    "approximate flags of casualty counts (the original wording stays in *_text)",
)
JSONL_LOSSY = ("merges: actor ids are the merged actors, the original entity ids are not kept",)

_FORMULA = ("=", "+", "@", "\t", "\r")


def csv_paths(target: str) -> dict[str, Path]:
    """Where each table goes: one file per table inside the folder `target`."""
    names = ("actors", "claims", "events", "documents")
    path = Path(target)
    return {n: path / f"{n}.csv" for n in names}


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def _qty(q: Quantity | None) -> tuple[Any, Any, Any]:
    return (None, None, None) if q is None else (q.min, q.max, q.text)


def csv_rows(snap: Snapshot) -> dict[str, tuple[tuple[str, ...], list[tuple[Any, ...]]]]:
    """Each table as (columns, rows), rows in snapshot order."""
    counts: dict[str, int] = {}
    for g in snap.claims:
        for r in (g.claim.subject, g.claim.object):
            if r is not None:
                counts[r.id] = counts.get(r.id, 0) + 1
    actors = []
    for a in snap.actors.values():
        p = snap.places.get(a.id)
        geo = (p.country, p.admin1, p.geonames_id, p.lat, p.lon) if p else (None,) * 5
        actors.append(
            (
                a.id,
                a.name,
                a.type,
                "; ".join(a.aliases),
                "; ".join(a.refs),
                counts.get(a.id, 0),
                a.first_seen,
                *geo,
            )
        )
    claims = []
    for g in snap.claims:
        c, doc = g.claim, snap.documents[g.claim.doc_id].doc
        claims.append(
            (
                c.id,
                c.doc_id,
                c.subject.id,
                c.subject.name,
                c.predicate,
                c.object.id if c.object else None,
                c.object.name if c.object else None,
                c.role,
                c.modality.value,
                c.polarity.value,
                c.source.name,
                c.source.kind.value,
                c.source.cue,
                "; ".join(c.cues),
                c.time.value if c.time else None,
                c.time.precision.value if c.time else None,
                c.time.end if c.time else None,
                c.place.id if c.place else None,
                c.place.name if c.place else None,
                c.evidence.start,
                c.evidence.end,
                c.evidence.text,
                g.grade.credibility,
                g.grade.reliability,
                g.grade.code,
                g.grade.disputed,
                g.grade.reason,
                doc.title,
                doc.outlet,
                doc.published.value if doc.published else None,
                doc.url,
                g.ingested_at,
                c.extractor,
            )
        )
    events = []
    for rec in snap.events:
        ev, p = rec.event, rec.event.place
        rs = ev.responsibility_source
        events.append(
            (
                ev.id,
                ev.doc_id,
                ev.type,
                ev.mode,
                ev.date.value if ev.date else None,
                ev.date.precision.value if ev.date else None,
                p.name if p else None,
                p.admin1 if p else None,
                p.country if p else None,
                p.geonames_id if p else None,
                p.lat if p else None,
                p.lon if p else None,
                "; ".join(r.id for r in ev.perpetrators),
                "; ".join(r.name for r in ev.perpetrators),
                "; ".join(r.id for r in ev.targets),
                "; ".join(r.name for r in ev.targets),
                ev.responsibility.value,
                rs.name if rs else None,
                *_qty(ev.killed),
                *_qty(ev.wounded),
                *_qty(ev.attackers_killed),
                ev.evidence.start,
                ev.evidence.end,
                ev.evidence.text,
            )
        )
    documents = []
    for d in snap.documents.values():
        doc = d.doc
        documents.append(
            (
                doc.id,
                doc.title,
                doc.outlet,
                doc.published.value if doc.published else None,
                doc.url,
                doc.source,
                doc.raw_id,
                d.ingested_at,
                len(doc.text),
            )
        )
    return {
        "actors": (ACTOR_COLUMNS, actors),
        "claims": (CLAIM_COLUMNS, claims),
        "events": (EVENT_COLUMNS, events),
        "documents": (DOCUMENT_COLUMNS, documents),
    }


def write_csv(snap: Snapshot, target: str) -> ExportResult:
    if target == "-":
        from ..errors import UsageError

        raise UsageError("csv writes four files: give -o a folder, not -")
    paths = csv_paths(target)
    if Path(target).exists() and not Path(target).is_dir():
        from ..errors import UsageError

        raise UsageError(f"csv writes four files into a folder, and {target!r} is a file", detail={"target": target})
    Path(target).mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, (columns, rows) in csv_rows(snap).items():
        with open_text(str(paths[name])) as fh:
            w = csv.writer(fh)
            w.writerow(columns)
            w.writerows(tuple(_cell(v) for v in row) for row in rows)
        counts[name] = len(rows)
    return ExportResult("csv", tuple(str(p) for p in paths.values()), counts, CSV_LOSSY)


def extraction_lines(snap: Snapshot) -> Iterable[dict[str, Any]]:
    """One extract-contract object per document in the snapshot."""
    for doc_id, d in snap.documents.items():
        by_entity: dict[str, list[Span]] = {}
        for m in snap.mentions.get(doc_id, ()):
            by_entity.setdefault(m.entity_id, []).append(Span(m.start, m.end, m.text))
        claims = snap.claims_of(doc_id)
        for g in claims:
            for r in (g.claim.subject, g.claim.object, g.claim.place):
                if r is not None:
                    by_entity.setdefault(r.id, [])
        for e in snap.events_of(doc_id):
            for r in (*e.event.perpetrators, *e.event.targets):
                by_entity.setdefault(r.id, [])
        entities = []
        for eid, spans in by_entity.items():
            a = snap.actors.get(eid)
            if a is not None:
                entities.append(
                    entity_to_json(
                        Entity(
                            a.id,
                            a.name,
                            a.type,
                            tuple(n for n in a.aliases if n != a.name),
                            tuple(sorted(set(spans), key=lambda s: (s.start, s.end))),
                            a.refs,
                        )
                    )
                )
        yield {
            "doc": {**document_to_json(d.doc), "ingested_at": d.ingested_at},
            "entities": entities,
            "claims": [{**claim_to_json(g.claim), "grade": g.grade.to_json()} for g in claims],
            "events": [event_to_json(e.event) for e in snap.events_of(doc_id)],
            "error": None,
            "dropped": [{"what": cid, "why": why} for did, cid, why in snap.dropped if did == doc_id],
        }


def write_jsonl(snap: Snapshot, target: str) -> ExportResult:
    n = 0
    with open_text(target) as fh:
        for obj in extraction_lines(snap):
            fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
            n += 1
    return ExportResult(
        "jsonl",
        (target,),
        {"documents": n, "claims": len(snap.claims), "events": len(snap.events)},
        JSONL_LOSSY,
    )


register(
    Exporter("csv", "CSV tables: actors, claims, events, documents (spreadsheets, i2)", write_csv, multi_file=True)
)
register(Exporter("jsonl", "JSON Lines, the extract contract: one document per line", write_jsonl))
