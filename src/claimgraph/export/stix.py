"""STIX 2.1 bundles, built and checked with the `stix2` library.

Actors become threat-actor (armed groups), identity (organisations, agencies, people, publications) or
location (places) objects; each affirmed claim with an object becomes a relationship; every claim gets a
note that says who asserts it, with which cue, how firmly, and quotes the evidence with its offsets; hedged
claims get an opinion too. Events become incidents. Each document becomes a report whose object_refs are
everything drawn from it. Ids are uuid5 over claimgraph ids and timestamps are ingestion times, so the same
store always gives the same bundle. claimgraph's own fields travel in a STIX property extension (`ext()`,
defined by an extension-definition object in the bundle), which is what lets `claimgraph import` read a
bundle back without loss; aliases of identities and locations also go in OpenCTI's `x_opencti_aliases`.
docs/exchange.md has the tables.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from ..contract import claim_to_json, event_to_json
from ..records import Claim, Event, Modality, Place, Polarity
from ..report import claim_sentence
from ..store.exchange import ActorRecord
from .registry import Exporter, ExportResult, open_text, register
from .snapshot import DocumentRecord, EventRecord, GradedClaim, Snapshot, casualty_phrases, date_bounds

NAMESPACE = uuid.UUID("6f1c3c4e-6b0e-5d0c-9a51-0c1a1d9e2b7f")  # claimgraph's uuid5 namespace; never change it
PRODUCER_KEY = "claimgraph"
EPOCH = "2020-01-01T00:00:00.000Z"
# claimgraph's fields ride in a STIX 2.1 property extension, defined in every bundle by this object.
EXTENSION_ID = f"extension-definition--{uuid.uuid5(NAMESPACE, 'claimgraph property extension v1')}"
EXTENSION_SCHEMA = (
    "claimgraph property extension v1 (plain-text definition; the project's docs/exchange.md has the table). "
    "Actors: id, type, refs, aliases. Relationships and notes from claims: claim (the claim as claimgraph's "
    "extract-contract JSON: subject, predicate, object, role, polarity, modality, source, cues, time, place, "
    "evidence span and text, document id), grade (Admiralty code such as B2; F6 when ungraded). Incidents: "
    "event (the event as contract JSON). Reports: doc_id."
)

# claimgraph entity type → (STIX object type, fixed properties); unlisted types: identity of class "unknown".
ACTOR_OBJECTS: dict[str, tuple[str, dict[str, Any]]] = {
    "armed_group": ("threat-actor", {}),
    "organisation": ("identity", {"identity_class": "organization"}),
    "agency": ("identity", {"identity_class": "organization"}),
    "state": ("identity", {"identity_class": "organization"}),
    "party": ("identity", {"identity_class": "organization"}),
    "person": ("identity", {"identity_class": "individual"}),
    "group_identity": ("identity", {"identity_class": "class"}),
    "publication": ("identity", {"identity_class": "unknown"}),
    "place": ("location", {}),
    "facility": ("location", {}),
}

# predicate → (relationship type, reversed). Reversed types point object → subject ("ISI directs ISKP" is
# "ISKP attributed-to ISI"). Types outside the STIX 2.1 list are OpenCTI's vocabulary.
RELATIONSHIPS: dict[str, tuple[str, bool]] = {
    "cooperates_with": ("cooperates-with", False),
    "supports": ("related-to", False),
    "directs": ("attributed-to", True),
    "member_of": ("part-of", False),
    "met_with": ("related-to", False),
    "attacked": ("targets", False),
    "targets": ("targets", False),
    "operates_in": ("located-at", False),
    "based_in": ("located-at", False),
    "family_of": ("related-to", False),
    "publishes": ("related-to", False),
    "associated_with": ("related-to", False),
    "branch_of": ("part-of", False),
}

OPINIONS = {Modality.HEDGED: "neutral"}

LOSSY = (
    "document text: only the quoted evidence and its offsets travel (notes), not the article",
    "entity mentions: which spans name an actor are not carried (reports list the actors a document names)",
    "negated claims and claims without an object become notes only, never relationships",
    "events: incidents keep type, mode, date, place, casualties and responsibility in the extension; "
    "`claimgraph import` does not read incidents back",
    "places without a known country are locations with region 'unknown'",
)


def ext(**fields: Any) -> dict[str, Any]:
    """claimgraph's own fields as a STIX 2.1 property extension."""
    return {"extensions": {EXTENSION_ID: {"extension_type": "property-extension", **_prune(fields)}}}


def _prune(value: Any) -> Any:
    """STIX forbids empty lists (and null values); contract JSON reads absent keys as their defaults."""
    if isinstance(value, dict):
        return {k: _prune(v) for k, v in value.items() if v is not None and v != [] and v != {}}
    if isinstance(value, list):
        return [_prune(v) for v in value]
    return value


def read_ext(obj: dict[str, Any]) -> dict[str, Any]:
    """The claimgraph extension of a STIX object as a dict ({} when absent)."""
    return dict(obj.get("extensions", {}).get(EXTENSION_ID, {}))


def stix_id(kind: str, key: str) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, key)}"


def actor_object_type(etype: str) -> str:
    return ACTOR_OBJECTS.get(etype, ("identity", {}))[0]


def _doc_ref(d: DocumentRecord, claim_span: tuple[int, int] | None = None) -> dict[str, Any]:
    doc = d.doc
    text = doc.title or doc.source or doc.id
    if claim_span is not None:
        text += f"; evidence at characters {claim_span[0]}-{claim_span[1]}"
    ref: dict[str, Any] = {
        "source_name": doc.outlet or "claimgraph document",
        "external_id": doc.id,
        "description": text,
    }
    if doc.url:
        ref["url"] = doc.url
    return ref


def _timestamp(day: str) -> str:
    return day + "T00:00:00.000Z" if len(day) == 10 else day


class _Builder:
    """Collects STIX objects as plain dicts; `bundle()` parses them with stix2, checking every property."""

    def __init__(self, snap: Snapshot) -> None:
        self.snap = snap
        times = [d.ingested_at for d in snap.documents.values()]
        self.producer = stix_id("identity", PRODUCER_KEY)
        self.producer_time = min(times) if times else EPOCH
        self.objects: dict[str, dict[str, Any]] = {}
        self.by_doc: dict[str, set[str]] = {d: set() for d in snap.documents}
        self.places = {
            e.event.place.entity_id: e.event.place
            for e in snap.events
            if e.event.place is not None and e.event.place.entity_id
        } | dict(snap.places)  # place resolution wins over what an event said
        self.places_by_name = {e.event.place.name: e.event.place for e in snap.events if e.event.place is not None}
        self.place_actors = {a.name: a.id for a in snap.actors.values() if actor_object_type(a.type) == "location"}
        self.skipped: list[tuple[str, str]] = []

    def add(self, obj: dict[str, Any], doc_id: str | None = None) -> str:
        obj.setdefault("spec_version", "2.1")
        obj.setdefault("created_by_ref", self.producer)
        self.objects[obj["id"]] = obj
        if doc_id is not None:
            self.by_doc[doc_id].add(obj["id"])
        return str(obj["id"])

    def common(self, at: str) -> dict[str, Any]:
        return {"created": at, "modified": at}

    # -- actors --------------------------------------------------------------------------------------
    def actor(self, a: ActorRecord) -> str:
        kind, fixed = ACTOR_OBJECTS.get(a.type, ("identity", {"identity_class": "unknown"}))
        others = [n for n in a.aliases if n != a.name]
        obj: dict[str, Any] = {
            "type": kind,
            "id": stix_id(kind, a.id),
            "name": a.name,
            **fixed,
            **self.common(a.first_seen),
            **ext(id=a.id, type=a.type, refs=list(a.refs), aliases=list(a.aliases)),
        }
        if others:
            obj["aliases" if kind == "threat-actor" else "x_opencti_aliases"] = others
        if kind == "location":
            obj.update(self._where(self.places.get(a.id) or self.places_by_name.get(a.name)))
        return self.add(obj)

    @staticmethod
    def _where(place: Place | None) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if place is not None and place.lat is not None and place.lon is not None:
            out.update(latitude=place.lat, longitude=place.lon)
        if place is not None and place.country:
            code = _country_code(place.country)
            if code:
                out["country"] = code
            if place.admin1:
                out["administrative_area"] = place.admin1
        if not out:
            out["region"] = "unknown"
        return out

    def ref(self, actor_id: str) -> str | None:
        a = self.snap.actors.get(actor_id)
        return None if a is None else stix_id(actor_object_type(a.type), a.id)

    # -- claims ----------------------------------------------------------------------------------------
    def claim(self, g: GradedClaim) -> None:
        c = g.claim
        doc = self.snap.documents[c.doc_id]
        span = (c.evidence.start, c.evidence.end)
        base = {**self.common(g.ingested_at), "external_references": [_doc_ref(doc, span)]}
        if g.grade.stix_confidence is not None:
            base["confidence"] = g.grade.stix_confidence
        if g.review is not None and g.review["verdict"] in ("accepted", "corrected"):
            base["confidence"] = REVIEWED_CONFIDENCE  # an analyst checked it against its source
        subject, obj = self.ref(c.subject.id), self.ref(c.object.id) if c.object else None
        if subject is None or (c.object is not None and obj is None):
            self.skipped.append((c.id, "subject or object is not an exported actor"))
            return
        rel_id = None
        if obj is not None and c.polarity is Polarity.AFFIRMED:
            rtype, reverse = RELATIONSHIPS.get(c.predicate, ("related-to", False))
            src, dst = (obj, subject) if reverse else (subject, obj)
            rel: dict[str, Any] = {
                "type": "relationship",
                "id": stix_id("relationship", c.id),
                "relationship_type": rtype,
                "source_ref": src,
                "target_ref": dst,
                "description": claim_sentence(c),
                **base,
                **ext(claim=claim_to_json(c), grade=g.grade.code, review=g.review),
            }
            if c.time is not None:
                first, last = date_bounds(c.time)
                rel["start_time"] = f"{first.isoformat()}T00:00:00.000Z"
                rel["stop_time"] = f"{last.isoformat()}T23:59:59.999Z"
            rel_id = self.add(rel, c.doc_id)
        note = {
            "type": "note",
            "id": stix_id("note", c.id),
            "abstract": _abstract(c),
            "content": _content(c, g),
            "authors": [c.source.name],
            "object_refs": [rel_id] if rel_id else [r for r in (subject, obj) if r],
            **base,
            **ext(claim=claim_to_json(c), grade=g.grade.code, review=g.review),
        }
        self.add(note, c.doc_id)
        opinion = OPINIONS.get(c.modality)
        if opinion is not None:
            self.add(
                {
                    "type": "opinion",
                    "id": stix_id("opinion", c.id),
                    "opinion": opinion,
                    "authors": [c.source.name],
                    "explanation": f"the source hedges this claim ({', '.join(c.cues) or 'hedging cue'}): "
                    f"“{c.evidence.text.strip()}”",
                    "object_refs": [rel_id or note["id"]],
                    **base,
                },
                c.doc_id,
            )

    # -- events ----------------------------------------------------------------------------------------
    def event(self, ev_rec: EventRecord) -> None:
        ev = ev_rec.event
        doc = self.snap.documents[ev.doc_id]
        base = {
            **self.common(ev_rec.ingested_at),
            "external_references": [_doc_ref(doc, (ev.evidence.start, ev.evidence.end))],
        }
        where = f" in {ev.place.name}" if ev.place else ""
        when = f", {ev.date.value}" if ev.date else ""
        inc_id = self.add(
            {
                "type": "incident",
                "id": stix_id("incident", ev.id),
                "name": f"{ev.mode or ev.type.lower()}{where}{when}",
                "description": _event_description(ev),
                **base,
                **ext(event=event_to_json(ev)),
            },
            ev.doc_id,
        )
        for role, refs, rtype in (
            ("perpetrator", ev.perpetrators, "attributed-to"),
            ("target", ev.targets, "targets"),
        ):
            for r in refs:
                target = self.ref(r.id)
                if target is None:
                    continue
                self.add(
                    {
                        "type": "relationship",
                        "id": stix_id("relationship", f"{ev.id}|{role}|{r.id}"),
                        "relationship_type": rtype,
                        "source_ref": inc_id,
                        "target_ref": target,
                        **base,
                        "description": f"{role} ({ev.responsibility.value}) of this {ev.mode or ev.type}",
                    },
                    ev.doc_id,
                )
        if ev.place is not None:
            loc = self.ref(ev.place.entity_id or self.place_actors.get(ev.place.name, ""))
            if loc is None:
                key = f"place|{ev.place.name}|{ev.place.geonames_id}"
                loc = self.add(
                    {
                        "type": "location",
                        "id": stix_id("location", key),
                        "name": ev.place.name,
                        **self.common(ev_rec.ingested_at),
                        **self._where(ev.place),
                    },
                    ev.doc_id,
                )
            self.add(
                {
                    "type": "relationship",
                    "id": stix_id("relationship", f"{ev.id}|place"),
                    "relationship_type": "located-at",
                    "source_ref": inc_id,
                    "target_ref": loc,
                    **base,
                },
                ev.doc_id,
            )

    # -- documents -------------------------------------------------------------------------------------
    def reports(self) -> None:
        for doc_id, d in self.snap.documents.items():
            refs = set(self.by_doc[doc_id])
            refs.update(r for m in self.snap.mentions.get(doc_id, ()) if (r := self.ref(m.entity_id)))
            if not refs:
                self.skipped.append((doc_id, "document has no exported actors, claims or events: no report"))
                continue
            doc = d.doc
            published = (
                _timestamp(doc.published.value) if doc.published and len(doc.published.value) == 10 else d.ingested_at
            )
            self.add(
                {
                    "type": "report",
                    "id": stix_id("report", doc_id),
                    "name": doc.title or doc.source or doc_id,
                    "published": published,
                    "object_refs": sorted(refs),
                    **self.common(d.ingested_at),
                    "description": f"{doc.outlet or 'unknown outlet'}; claimgraph document {doc_id}",
                    "external_references": [_doc_ref(d)],
                    **ext(doc_id=doc_id),
                }
            )

    def bundle(self) -> dict[str, Any]:
        import stix2

        self.add(
            {
                "type": "identity",
                "id": self.producer,
                "name": "claimgraph",
                "identity_class": "system",
                "created": self.producer_time,
                "modified": self.producer_time,
                "description": "claimgraph: attributed claims extracted from news reports. It reports what "
                "sources say; it does not establish facts.",
            }
        )
        self.objects[self.producer].pop("created_by_ref")
        self.add(
            {
                "type": "extension-definition",
                "id": EXTENSION_ID,
                "name": "claimgraph",
                "description": "claimgraph's claim, grade and actor fields",
                "schema": EXTENSION_SCHEMA,
                "version": "1.0.0",
                "extension_types": ["property-extension"],
                "created": EPOCH,
                "modified": EPOCH,
            }
        )
        ordered = sorted(self.objects.values(), key=lambda o: (_ORDER.get(o["type"], 9), o["id"]))
        parsed = [stix2.parse(o, allow_custom=True, version="2.1") for o in ordered]
        bundle_id = stix_id("bundle", "|".join(o["id"] for o in ordered))
        bundle = stix2.Bundle(objects=parsed, id=bundle_id, allow_custom=True)
        return dict(json.loads(bundle.serialize()))


_ORDER = {
    "extension-definition": 0,
    "identity": 0,
    "threat-actor": 1,
    "intrusion-set": 1,
    "location": 2,
    "report": 3,
    "incident": 4,
    "relationship": 5,
    "note": 6,
    "opinion": 7,
}


def _abstract(c: Claim) -> str:
    how = []
    if c.polarity is Polarity.NEGATED:
        how.append("denied")
    if c.modality is not Modality.ASSERTED:
        how.append(c.modality.value)
    obj = f" {c.object.name}" if c.object else ""
    tail = f" [{', '.join(how)}]" if how else ""
    return f"{c.source.name}: {c.subject.name} {c.predicate.replace('_', ' ')}{obj}{tail}"[:250]


#: STIX confidence of a claim an analyst accepted or corrected ("high" on the STIX 0–100 scale).
REVIEWED_CONFIDENCE = 85


def _review_text(review: dict[str, Any] | None) -> str:
    if review is None:
        return " Not reviewed by an analyst."
    why = f": {review['reason']}" if review.get("reason") else ""
    return f" Reviewed: {review['verdict']} by {review['reviewer']} on {review['at'][:10]}{why}."


def _content(c: Claim, g: GradedClaim) -> str:
    cue = f" (cue: “{c.source.cue}”)" if c.source.cue else ""
    cues = f"; cues: {', '.join(c.cues)}" if c.cues else ""
    return (
        f"Asserted by {c.source.name} ({c.source.kind.value}){cue}. Modality: {c.modality.value}; polarity: "
        f"{c.polarity.value}{cues}. {g.grade.describe}.{_review_text(g.review)}\n"
        f"Evidence, document {c.doc_id}, characters {c.evidence.start}-{c.evidence.end}:\n"
        f"“{c.evidence.text}”"
    )


def _event_description(ev: Event) -> str:
    parts = [f"{ev.type} / {ev.mode or '-'}; responsibility {ev.responsibility.value}"]
    parts += casualty_phrases(ev)
    parts.append(
        f"evidence, document {ev.doc_id}, characters {ev.evidence.start}-{ev.evidence.end}: “{ev.evidence.text}”"
    )
    return "; ".join(parts)


def _country_code(country: str) -> str | None:
    import pycountry

    if len(country) == 2:
        return country.upper()
    try:
        return str(pycountry.countries.lookup(country).alpha_2)
    except LookupError:
        return None


def to_stix(snap: Snapshot) -> tuple[dict[str, Any], tuple[tuple[str, str], ...]]:
    """The snapshot as a STIX 2.1 bundle (a JSON-ready dict), and what was skipped with why."""
    b = _Builder(snap)
    for a in snap.actors.values():
        b.actor(a)
    for g in snap.claims:
        b.claim(g)
    for e in snap.events:
        b.event(e)
    b.reports()
    return b.bundle(), tuple(b.skipped)


def write_stix(snap: Snapshot, target: str) -> ExportResult:
    bundle, skipped = to_stix(snap)
    with open_text(target) as fh:
        json.dump(bundle, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    counts: dict[str, int] = {}
    for o in bundle["objects"]:
        counts[o["type"]] = counts.get(o["type"], 0) + 1
    return ExportResult("stix", (target,), dict(sorted(counts.items())), LOSSY, skipped)


register(Exporter("stix", "STIX 2.1 bundle (OpenCTI, MISP, any TIP)", write_stix))
