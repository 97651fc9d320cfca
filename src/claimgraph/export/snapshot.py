"""What an export contains: one read of the store, filtered by the export options, with every actor
reference resolved through merges and every claim graded. Each format writes a `Snapshot`; none reads the
store itself."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from ..errors import UsageError
from ..records import Claim, Document, EntityRef, Event, PartialDate, Place, Precision
from ..store import Store
from ..store.exchange import (
    ActorRecord,
    MentionRecord,
    actor_of,
    actor_records,
    all_mentions,
    documents_since,
    resolved_places,
)
from .credibility import Grade, Grader, check_min_credibility, load_grader, passes

_SINCE = re.compile(r"^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$")


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """`since`: only documents ingested at or after this date (YYYY-MM-DD) or time (ISO 8601, UTC).
    `min_credibility`: only claims graded at this Admiralty credibility or better (1 best, 6 unknown)."""

    since: str | None = None
    min_credibility: int | None = None

    def __post_init__(self) -> None:
        if self.since is not None and not _SINCE.match(self.since):
            raise UsageError(f"--since must be a date like 2025-10-07 or an ISO time, not {self.since!r}")
        check_min_credibility(self.min_credibility)


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    doc: Document
    ingested_at: str


@dataclass(frozen=True, slots=True)
class GradedClaim:
    """A claim whose subject, object and place are actor ids (after merges), with its grade."""

    claim: Claim
    grade: Grade
    ingested_at: str
    review: dict[str, Any] | None = None  # the analyst's review in force (store/reviews.py), if any


@dataclass(frozen=True, slots=True)
class EventRecord:
    event: Event  # perpetrators and targets are actor ids (after merges)
    ingested_at: str


@dataclass(frozen=True, slots=True)
class Snapshot:
    documents: dict[str, DocumentRecord]
    actors: dict[str, ActorRecord]
    claims: tuple[GradedClaim, ...]
    events: tuple[EventRecord, ...]
    mentions: dict[str, tuple[MentionRecord, ...]]  # doc id → mentions, entity ids mapped to actor ids
    places: dict[str, Place] = field(default_factory=dict)  # actor id → resolved place (GeoNames)
    options: ExportOptions = field(default_factory=ExportOptions)
    dropped: tuple[tuple[str, str, str], ...] = ()  # (document id, claim id, why) for claims left out

    def claims_of(self, doc_id: str) -> list[GradedClaim]:
        return [g for g in self.claims if g.claim.doc_id == doc_id]

    def events_of(self, doc_id: str) -> list[EventRecord]:
        return [e for e in self.events if e.event.doc_id == doc_id]

    def counts(self) -> dict[str, int]:
        return {
            "documents": len(self.documents),
            "actors": len(self.actors),
            "claims": len(self.claims),
            "events": len(self.events),
            "dropped_claims": len(self.dropped),
        }


def snapshot(store: Store, options: ExportOptions | None = None, *, grader: Grader | None = None) -> Snapshot:
    """Read everything an export needs from `store` in a few whole-table queries."""
    options = options or ExportOptions()
    grader = grader or load_grader(store)
    to_actor = actor_of(store)
    actors = actor_records(store)
    docs = {d.id: DocumentRecord(d, at) for d, at in documents_since(store, options.since)}

    def ref(r: EntityRef | None) -> EntityRef | None:
        if r is None:
            return None
        aid = to_actor.get(r.id, r.id)
        return EntityRef(aid, actors[aid].name if aid in actors else r.name)

    claims: list[GradedClaim] = []
    dropped: list[tuple[str, str, str]] = []
    from ..store.reviews import current

    reviewed = {k: r.to_json() for k, r in current(store, "claim").items()}
    for c in store.iter_claims():  # rejected claims are not exported
        if c.doc_id not in docs:
            continue
        grade = grader(c)
        if not passes(grade, options.min_credibility):
            dropped.append(
                (
                    c.doc_id,
                    c.id,
                    f"credibility {grade.credibility} is below --min-credibility {options.min_credibility}",
                )
            )
            continue
        subject = ref(c.subject)
        assert subject is not None
        mapped = replace(c, subject=subject, object=ref(c.object), place=ref(c.place))
        claims.append(GradedClaim(mapped, grade, docs[c.doc_id].ingested_at, reviewed.get(c.id)))

    events = []
    for ev in store.events():
        if ev.doc_id not in docs:
            continue
        mapped_ev = replace(
            ev,
            perpetrators=_refs(map(ref, ev.perpetrators)),
            targets=_refs(map(ref, ev.targets)),
            place=None
            if ev.place is None
            else replace(ev.place, entity_id=to_actor.get(ev.place.entity_id or "", ev.place.entity_id)),
        )
        events.append(EventRecord(mapped_ev, docs[ev.doc_id].ingested_at))

    mentions: dict[str, list[MentionRecord]] = defaultdict(list)
    for m in all_mentions(store):
        if m.doc_id in docs:
            mentions[m.doc_id].append(replace(m, entity_id=to_actor.get(m.entity_id, m.entity_id)))

    used: set[str] = {m.entity_id for ms in mentions.values() for m in ms}
    for g in claims:
        used.update(r.id for r in (g.claim.subject, g.claim.object, g.claim.place) if r is not None)
    for e in events:
        used.update(r.id for r in (*e.event.perpetrators, *e.event.targets))
    places: dict[str, Place] = {}
    for entity_id, place in resolved_places(store).items():  # an actor's own entity wins over its members'
        aid = to_actor.get(entity_id, entity_id)
        if aid in used and (aid not in places or entity_id == aid):
            places[aid] = replace(place, entity_id=aid)
    return Snapshot(
        documents=docs,
        actors={k: v for k, v in actors.items() if k in used},
        places=places,
        claims=tuple(claims),
        events=tuple(events),
        mentions={k: tuple(v) for k, v in mentions.items()},
        options=options,
        dropped=tuple(dropped),
    )


def _refs(refs: Iterable[EntityRef | None]) -> tuple[EntityRef, ...]:
    out: list[EntityRef] = []
    for r in refs:
        if r is not None and r not in out:
            out.append(r)
    return tuple(out)


def claim_when(g: GradedClaim, snap: Snapshot) -> PartialDate:
    """When a claim speaks of: its own time, else the document's publication date, else the ingestion day."""
    if g.claim.time is not None:
        return g.claim.time
    doc = snap.documents[g.claim.doc_id].doc
    if doc.published is not None:
        return doc.published
    return PartialDate(g.ingested_at[:10], Precision.DAY)


def date_bounds(d: PartialDate) -> tuple[date, date]:
    """The first and last day a partial date covers: '2025-03' → 2025-03-01..2025-03-31, a decade 10 years."""
    start = _first_day(d.value)
    last = _last_day(d.end or d.value)
    if d.precision is Precision.DECADE and d.end is None:
        last = date(start.year + 9, 12, 31)
    return start, max(start, last)


def _first_day(value: str) -> date:
    parts = [int(p) for p in value.split("-")[:3]]
    while len(parts) < 3:
        parts.append(1)
    return date(parts[0], parts[1], parts[2])


def _last_day(value: str) -> date:
    parts = [int(p) for p in value.split("-")[:3]]
    if len(parts) >= 3:
        return date(parts[0], parts[1], parts[2])
    if len(parts) == 2:
        nxt = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)
    return date(parts[0], 12, 31)


def casualty_phrases(ev: Event) -> list[str]:
    """"killed: around 30", "wounded: 5-None": an event's counts as every export words them."""
    counts = (("killed", ev.killed), ("wounded", ev.wounded), ("attackers killed", ev.attackers_killed))
    return [f"{label}: {q.text or f'{q.min}-{q.max}'}" for label, q in counts if q is not None]
