"""FollowTheMoney entities (Aleph, OpenAleph, yente, nomenklatura), one JSON object per line.

Every value is added through followthemoney's own `EntityProxy.add`, which cleans and checks it against the
schema. Actors become Organization / PublicBody / Person / Address / LegalEntity; each document an Article
(with its text) and one Mention per actor it names; each claim a link — Membership or Family when asserted
and affirmed, otherwise UnknownLink whose `status` says how firmly ("hedged, affirmed", "asserted,
negated"), with `proof` pointing at the Article, `recordId` the claim id and the quoted evidence with its
offsets in `description`. Events become Event entities. followthemoney is the optional `ftm` extra; it is
imported here, lazily, so the rest of claimgraph runs without it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from ..records import Claim, Event, Modality, Polarity
from ..store.exchange import ActorRecord
from .registry import Exporter, ExportResult, open_text, register
from .snapshot import GradedClaim, Snapshot, casualty_phrases, date_bounds

if TYPE_CHECKING:
    from followthemoney.proxy import EntityProxy

# claimgraph entity type → FtM schema. Unlisted types are LegalEntity.
SCHEMATA: dict[str, str] = {
    "armed_group": "Organization",
    "organisation": "Organization",
    "party": "Organization",
    "agency": "PublicBody",
    "state": "PublicBody",
    "person": "Person",
    "place": "Address",
    "facility": "Address",
}
TYPE_KEYWORD = "claimgraph:type:"
REF_KEYWORD = "claimgraph:ref:"

LOSSY = (
    "modality and polarity are words in a link's `status` (FtM has no such notion); Family links carry "
    "neither, so only asserted, affirmed family_of claims become Family",
    "source (who asserts), cue and Admiralty grade are text in `summary`, not fields",
    "claim time is the link's startDate/endDate at day precision bounds",
    "mention offsets: a Mention names the document and surface forms, not character offsets (the evidence "
    "offsets of claims are in `description`)",
    "events: casualties and responsibility are text in `summary`; `claimgraph import` does not read Events",
)


def ftm_model() -> Any:
    try:
        from followthemoney import model
    except ImportError as exc:  # the optional extra is missing
        raise UsageError(
            "the ftm format needs followthemoney; install it with `pip install 'claimgraph[ftm]'`"
        ) from exc
    return model


def ftm_id(claimgraph_id: str) -> str:
    """FtM ids allow letters, digits, '.' and '-': act_1a2b → act-1a2b (reversed by `claimgraph_id`)."""
    return claimgraph_id.replace("_", "-", 1)


def claimgraph_id(ftm_entity_id: str) -> str:
    return ftm_entity_id.replace("-", "_", 1)


def schema_of(etype: str) -> str:
    return SCHEMATA.get(etype, "LegalEntity")


def text_chunks(text: str, limit: int) -> list[str]:
    """FtM caps a text value (65,000 characters): a longer document text goes in several `bodyText` values,
    in order, cut at paragraph breaks where possible, so joining them gives the text back."""
    chunks = []
    while len(text) > limit:
        cut = text.rfind("\n\n", 0, limit) + 2
        if cut < limit // 2:
            cut = limit
        chunks.append(text[:cut])
        text = text[cut:]
    return [*chunks, text]


def how(c: Claim) -> str:
    return f"{c.modality.value}, {c.polarity.value}"


class _Builder:
    def __init__(self, snap: Snapshot) -> None:
        self.model = ftm_model()
        self.snap = snap
        self.entities: list[EntityProxy] = []
        self.skipped: list[tuple[str, str]] = []
        self.text_limit = int(self.model.get("Article").properties["bodyText"].type.max_length)
        self.countries = {
            e.event.place.name: e.event.place.country
            for e in snap.events
            if e.event.place is not None and e.event.place.country
        }

    def make(self, schema: str, entity_id: str) -> EntityProxy:
        proxy = self.model.make_entity(schema)
        proxy.id = entity_id
        self.entities.append(proxy)
        return proxy

    def actor(self, a: ActorRecord) -> None:
        p = self.make(schema_of(a.type), ftm_id(a.id))
        p.add("name", a.name)
        p.add("alias", [n for n in a.aliases if n != a.name])
        p.add("keywords", [TYPE_KEYWORD + a.type, *(REF_KEYWORD + r for r in a.refs)])
        p.add("createdAt", a.first_seen[:10])
        if p.schema.name == "Address":
            p.add("full", a.name)
            place = self.snap.places.get(a.id)
            p.add("country", (place.country if place else None) or self.countries.get(a.name), fuzzy=True)
            if place is not None and place.lat is not None and place.lon is not None:
                p.add("latitude", place.lat)
                p.add("longitude", place.lon)

    def document(self, doc_id: str) -> None:
        d = self.snap.documents[doc_id]
        doc = d.doc
        p = self.make("Article", ftm_id(doc_id))
        p.add("title", doc.title or doc.source or doc_id)
        p.add("bodyText", text_chunks(doc.text, self.text_limit))
        p.add("publishedAt", doc.published.value if doc.published else None)
        p.add("publisher", doc.outlet)
        p.add("sourceUrl", doc.url)
        p.add("retrievedAt", d.ingested_at[:10])
        names: dict[str, set[str]] = {}
        for m in self.snap.mentions.get(doc_id, ()):
            names.setdefault(m.entity_id, set()).add(m.text)
        for entity_id, forms in sorted(names.items()):
            if entity_id not in self.snap.actors:
                continue
            men = self.make("Mention", f"men-{ftm_id(doc_id)}-{ftm_id(entity_id)}")
            men.add("document", ftm_id(doc_id))
            men.add("resolved", ftm_id(entity_id))
            men.add("name", sorted(forms))
            men.add("detectedSchema", schema_of(self.snap.actors[entity_id].type))

    def claim(self, g: GradedClaim) -> None:
        c = g.claim
        subj = self.snap.actors.get(c.subject.id)
        obj = self.snap.actors.get(c.object.id) if c.object else None
        if subj is None or (c.object is not None and obj is None):
            self.skipped.append((c.id, "subject or object is not an exported actor"))
            return
        plain = c.modality is Modality.ASSERTED and c.polarity is Polarity.AFFIRMED
        subj_schema = self.model.get(schema_of(subj.type))
        obj_schema = self.model.get(schema_of(obj.type)) if obj else None
        if obj is None:
            p = self.make("Note", ftm_id(c.id))
            p.add("entity", ftm_id(subj.id))
            p.add("name", f"{c.subject.name} {c.predicate.replace('_', ' ')}")
            p.add("keywords", [f"claimgraph:predicate:{c.predicate}", f"claimgraph:status:{how(c)}",
                               f"claimgraph:review:{g.review['verdict'] if g.review else 'unreviewed'}"])
        elif (
            c.predicate == "member_of"
            and c.polarity is Polarity.AFFIRMED
            and obj_schema is not None
            and obj_schema.is_a("Organization")
            and subj_schema.is_a("LegalEntity")
        ):
            p = self.make("Membership", ftm_id(c.id))
            p.add("member", ftm_id(subj.id))
            p.add("organization", ftm_id(obj.id))
            p.add("role", c.role)
            p.add("status", how(c))
        elif (
            c.predicate == "family_of"
            and plain
            and subj_schema.is_a("Person")
            and obj_schema is not None
            and obj_schema.is_a("Person")
        ):
            p = self.make("Family", ftm_id(c.id))
            p.add("person", ftm_id(subj.id))
            p.add("relative", ftm_id(obj.id))
            p.add("relationship", c.role)
        else:
            assert obj is not None
            p = self.make("UnknownLink", ftm_id(c.id))
            p.add("subject", ftm_id(subj.id))
            p.add("object", ftm_id(obj.id))
            p.add("role", c.predicate + (f" ({c.role})" if c.role else ""))
            p.add("status", how(c))
        doc = self.snap.documents[c.doc_id].doc
        p.add("proof", ftm_id(c.doc_id))
        p.add("sourceUrl", doc.url)
        if p.schema.is_a("Interval"):
            p.add("recordId", c.id)
            if c.time is not None:
                first, last = date_bounds(c.time)
                p.add("startDate", first.isoformat())
                p.add("endDate", last.isoformat())
        cue = f", cue “{c.source.cue}”" if c.source.cue else ""
        cues = f"; cues: {', '.join(c.cues)}" if c.cues else ""
        review = f"; analyst review: {g.review['verdict']} by {g.review['reviewer']}" if g.review else \
            "; not reviewed by an analyst"
        p.add(
            "summary",
            f"According to {c.source.name} ({c.source.kind.value}{cue}): {how(c)}{cues}; " + g.grade.describe + review,
        )
        p.add(
            "description",
            f"Evidence, document {c.doc_id}, characters {c.evidence.start}-{c.evidence.end}: “{c.evidence.text}”",
        )

    def event(self, ev: Event) -> None:
        p = self.make("Event", ftm_id(ev.id))
        where = f" in {ev.place.name}" if ev.place else ""
        p.add("name", f"{ev.mode or ev.type.lower()}{where}" + (f", {ev.date.value}" if ev.date else ""))
        p.add("date", ev.date.value if ev.date else None)
        if ev.place is not None:
            p.add("location", ev.place.name)
            p.add("country", ev.place.country, fuzzy=True)
        p.add("involved", [ftm_id(r.id) for r in (*ev.perpetrators, *ev.targets) if r.id in self.snap.actors])
        p.add("proof", ftm_id(ev.doc_id))
        p.add("recordId", ev.id)
        parts = [
            f"{ev.type}/{ev.mode or '-'}",
            "perpetrators ("
            + ev.responsibility.value
            + "): "
            + (", ".join(r.name for r in ev.perpetrators) or "none named"),
            "targets: " + (", ".join(r.name for r in ev.targets) or "none named"),
        ]
        parts += casualty_phrases(ev)
        p.add("summary", "; ".join(parts))
        p.add(
            "description",
            f"Evidence, document {ev.doc_id}, characters {ev.evidence.start}-{ev.evidence.end}: “{ev.evidence.text}”",
        )


def to_ftm(snap: Snapshot) -> tuple[list[dict[str, Any]], tuple[tuple[str, str], ...]]:
    """The snapshot as FtM entity dicts (`EntityProxy.to_dict()`), and what was skipped with why."""
    b = _Builder(snap)
    for a in snap.actors.values():
        b.actor(a)
    for doc_id in snap.documents:
        b.document(doc_id)
    for g in snap.claims:
        b.claim(g)
    for e in snap.events:
        b.event(e.event)
    return [p.to_dict() for p in b.entities], tuple(b.skipped)


def iter_lines(entities: list[dict[str, Any]]) -> Iterator[str]:
    for e in entities:
        yield json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n"


def write_ftm(snap: Snapshot, target: str) -> ExportResult:
    entities, skipped = to_ftm(snap)
    with open_text(target) as fh:
        fh.writelines(iter_lines(entities))
    counts: dict[str, int] = {}
    for e in entities:
        counts[e["schema"]] = counts.get(e["schema"], 0) + 1
    return ExportResult("ftm", (target,), dict(sorted(counts.items())), LOSSY, skipped)


register(Exporter("ftm", "FollowTheMoney entities, JSON Lines (Aleph, yente)", write_ftm))
