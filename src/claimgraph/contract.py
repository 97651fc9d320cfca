"""The `claimgraph extract` JSON Lines contract: one object per document.

This is what benchmarks, the scorer and other tools read. Fields may be added; the documented
ones (docs/contract.md) are never renamed. `to_json` and `from_json` are inverse on every record.
"""

from __future__ import annotations

from typing import Any

from .ontology import load_ontology
from .records import (
    CasualtyReport,
    Claim,
    Document,
    Entity,
    EntityRef,
    Event,
    Extraction,
    ExtractionError,
    Modality,
    PartialDate,
    Place,
    Polarity,
    Precision,
    Quantity,
    Responsibility,
    Source,
    SourceKind,
    Span,
    Statement,
    StatementKind,
)

Json = dict[str, Any]


def _span(s: Span) -> Json:
    return {"start": s.start, "end": s.end, "text": s.text}


def _span_in(d: Json) -> Span:
    return Span(int(d["start"]), int(d["end"]), str(d["text"]))


def _ref(r: EntityRef | None) -> Json | None:
    return None if r is None else {"id": r.id, "name": r.name}


def _ref_in(d: Json | None) -> EntityRef | None:
    return None if d is None else EntityRef(str(d["id"]), str(d["name"]))


def _date(d: PartialDate | None) -> str | None:
    return None if d is None else d.value


def _date_detail(d: PartialDate | None) -> Json | None:
    if d is None:
        return None
    return {"value": d.value, "precision": d.precision.value, "end": d.end, "text": d.text}


def _date_in(value: str | None, detail: Json | None) -> PartialDate | None:
    if value is None:
        return None
    if detail:
        return PartialDate(detail["value"], Precision(detail["precision"]), detail.get("text", ""), detail.get("end"))
    precision = {4: Precision.YEAR, 7: Precision.MONTH}.get(len(value), Precision.DAY)
    return PartialDate(value, precision)


def _qty(q: Quantity | None) -> Json | None:
    if q is None:
        return None
    return {"min": q.min, "max": q.max, "approximate": q.approximate, "text": q.text}


def _qty_in(d: Json | None) -> Quantity | None:
    if d is None:
        return None
    return Quantity(d.get("min"), d.get("max"), bool(d.get("approximate", False)), d.get("text", ""))


def _source(s: Source) -> Json:
    return {"name": s.name, "kind": s.kind.value, "cue": s.cue, "span": None if s.span is None else _span(s.span)}


def _source_in(d: Json) -> Source:
    span = d.get("span")
    return Source(d["name"], SourceKind(d["kind"]), d.get("cue"), None if span is None else _span_in(span))


def _place(p: Place | None) -> Json | None:
    if p is None:
        return None
    return {
        "name": p.name,
        "admin1": p.admin1,
        "country": p.country,
        "geonames_id": p.geonames_id,
        "entity_id": p.entity_id,
        "precision": p.precision,
        "lat": p.lat,
        "lon": p.lon,
        "admin2": p.admin2,
        "country_code": p.country_code,
    }


def _place_in(d: Json | None) -> Place | None:
    if d is None:
        return None
    return Place(
        d["name"], d.get("admin1"), d.get("country"), d.get("geonames_id"), d.get("entity_id"),
        d.get("precision"), d.get("lat"), d.get("lon"), d.get("admin2"), d.get("country_code"),
    )


def document_to_json(doc: Document) -> Json:
    return {
        "id": doc.id,
        "source": doc.source,
        "title": doc.title,
        "outlet": doc.outlet,
        "published": _date(doc.published),
        "published_detail": _date_detail(doc.published),
        "url": doc.url,
        "raw_id": doc.raw_id,
        "author": doc.author,
        "text": doc.text,
    }


def document_from_json(d: Json) -> Document:
    return Document(
        id=d["id"], text=d["text"], source=d.get("source", ""), title=d.get("title"), outlet=d.get("outlet"),
        published=_date_in(d.get("published"), d.get("published_detail")), url=d.get("url"),
        raw_id=d.get("raw_id"), author=d.get("author"),
    )


def entity_to_json(e: Entity) -> Json:
    return {
        "id": e.id,
        "name": e.name,
        "type": e.type,
        "aliases": list(e.aliases),
        "mentions": [[m.start, m.end] for m in e.mentions],
        "mention_texts": [m.text for m in e.mentions],
        "refs": list(e.refs),
        "kind": e.kind,
    }


def entity_from_json(d: Json, text: str) -> Entity:
    mentions = tuple(Span(s, e, text[s:e]) for s, e in d.get("mentions", []))
    return Entity(d["id"], d["name"], d["type"], tuple(d.get("aliases", [])), mentions, tuple(d.get("refs", [])),
                  str(d.get("kind", "named")))


def claim_to_json(c: Claim) -> Json:
    return {
        "id": c.id,
        "doc_id": c.doc_id,
        "subject": _ref(c.subject),
        "predicate": c.predicate,
        "object": _ref(c.object),
        "role": c.role,
        "polarity": c.polarity.value,
        "modality": c.modality.value,
        "source": _source(c.source),
        "time": _date(c.time),
        "time_detail": _date_detail(c.time),
        "place": _ref(c.place),
        "cues": list(c.cues),
        "evidence": _span(c.evidence),
        "extractor": c.extractor,
        "statement": c.statement,
    }


def claim_from_json(d: Json) -> Claim:
    subject = _ref_in(d["subject"])
    assert subject is not None
    return Claim(
        id=d["id"], doc_id=d["doc_id"], subject=subject, predicate=d["predicate"], object=_ref_in(d.get("object")),
        evidence=_span_in(d["evidence"]), source=_source_in(d["source"]), polarity=Polarity(d["polarity"]),
        modality=Modality(d["modality"]), role=d.get("role"),
        time=_date_in(d.get("time"), d.get("time_detail")), place=_ref_in(d.get("place")),
        cues=tuple(d.get("cues", [])), extractor=d.get("extractor", ""), statement=d.get("statement"),
    )


def event_to_json(e: Event) -> Json:
    return {
        "id": e.id,
        "doc_id": e.doc_id,
        "type": e.type,
        "mode": e.mode,
        "perpetrators": [_ref(r) for r in e.perpetrators],
        "targets": [_ref(r) for r in e.targets],
        "place": _place(e.place),
        "date": _date(e.date),
        "date_detail": _date_detail(e.date),
        "killed": _qty(e.killed),
        "wounded": _qty(e.wounded),
        "attackers_killed": _qty(e.attackers_killed),
        "responsibility": e.responsibility.value,
        "responsibility_source": None if e.responsibility_source is None else _source(e.responsibility_source),
        "evidence": _span(e.evidence),
        "mentions": [_span(m) for m in e.mentions],
        "tolls": [_toll(t) for t in e.tolls],
        "extractor": e.extractor,
    }


def _toll(t: CasualtyReport) -> Json:
    return {"kind": t.kind, "value": _qty(t.value), "evidence": _span(t.evidence),
            "source": None if t.source is None else _source(t.source), "revised": t.revised}


def _toll_in(d: Json) -> CasualtyReport:
    value = _qty_in(d["value"])
    assert value is not None
    src = d.get("source")
    return CasualtyReport(d["kind"], value, _span_in(d["evidence"]), None if src is None else _source_in(src),
                          bool(d.get("revised", False)))


def event_from_json(d: Json) -> Event:
    rs = d.get("responsibility_source")
    return Event(
        id=d["id"], doc_id=d["doc_id"], type=d["type"], mode=d.get("mode"), evidence=_span_in(d["evidence"]),
        perpetrators=tuple(r for r in map(_ref_in, d.get("perpetrators", [])) if r is not None),
        targets=tuple(r for r in map(_ref_in, d.get("targets", [])) if r is not None),
        place=_place_in(d.get("place")), date=_date_in(d.get("date"), d.get("date_detail")),
        killed=_qty_in(d.get("killed")), wounded=_qty_in(d.get("wounded")),
        attackers_killed=_qty_in(d.get("attackers_killed")),
        responsibility=Responsibility(d.get("responsibility", "unknown")),
        responsibility_source=None if rs is None else _source_in(rs), extractor=d.get("extractor", ""),
        mentions=tuple(_span_in(m) for m in d.get("mentions", [])),
        tolls=tuple(_toll_in(t) for t in d.get("tolls", [])),
    )


def statement_to_json(s: Statement) -> Json:
    return {
        "id": s.id,
        "doc_id": s.doc_id,
        "source": None if s.source is None else _span(s.source),
        "cue": _span(s.cue),
        "content": _span(s.content),
        "source_actor": _ref(s.source_actor),
        "kind": s.kind.value,
        "parent": s.parent,
        "denies": s.denies,
        "extractor": s.extractor,
    }


def statement_from_json(d: Json) -> Statement:
    source = d.get("source")
    return Statement(
        id=d["id"], doc_id=d["doc_id"], cue=_span_in(d["cue"]), content=_span_in(d["content"]),
        kind=StatementKind(d["kind"]), source=None if source is None else _span_in(source),
        source_actor=_ref_in(d.get("source_actor")), parent=d.get("parent"), extractor=d.get("extractor", ""),
        denies=d.get("denies"),
    )


def extraction_to_json(x: Extraction) -> Json:
    """One document's line. Its event records are split: `events` holds the incidents (attacks, clashes, arrests,
    protests), `interactions` the other PLOVER records (accusations, meetings, agreements, threats, bans:
    ontology.yaml `incidents`); `seq` is a record's place among all of them, as extracted."""
    ontology = load_ontology()
    records = [{**event_to_json(e), "seq": k} for k, e in enumerate(x.events)]
    incident = [ontology.is_incident(e.type, e.mode) for e in x.events]
    return {
        "doc": document_to_json(x.doc),
        "entities": [entity_to_json(e) for e in x.entities],
        "claims": [claim_to_json(c) for c in x.claims],
        "events": [r for r, yes in zip(records, incident, strict=True) if yes],
        "interactions": [r for r, yes in zip(records, incident, strict=True) if not yes],
        "attributions": [statement_to_json(s) for s in x.attributions],
        "error": None if x.error is None else {"stage": x.error.stage, "reason": x.error.reason},
        "dropped": [{"what": w, "why": y} for w, y in x.dropped],
    }


def _in_order(records: list[Json]) -> list[Json]:
    """Event records in the order they were extracted (by `seq`; a line written without it keeps its order)."""
    return sorted(records, key=lambda r: r.get("seq", 0))


def extraction_from_json(d: Json) -> Extraction:
    doc = document_from_json(d["doc"])
    err = d.get("error")
    return Extraction(
        doc=doc,
        entities=tuple(entity_from_json(e, doc.text) for e in d.get("entities", [])),
        claims=tuple(claim_from_json(c) for c in d.get("claims", [])),
        events=tuple(event_from_json(e) for e in _in_order([*d.get("events", []), *d.get("interactions", [])])),
        error=None if err is None else ExtractionError(err["stage"], err["reason"]),
        dropped=tuple((x["what"], x["why"]) for x in d.get("dropped", [])),
        attributions=tuple(statement_from_json(s) for s in d.get("attributions", [])),
    )
