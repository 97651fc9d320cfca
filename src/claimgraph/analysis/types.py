"""Records the analyses return: frozen, deterministic, and JSON-serialisable through `to_json()`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


def _round(x: float) -> float:
    return round(x, 4) + 0.0  # + 0.0 turns -0.0 into 0.0


#: The `when` of a fact whose document gives no date (never shown; `Fact.dated` is False).
UNDATED = date.min


@dataclass(frozen=True, slots=True)
class ActorRef:
    id: str
    name: str
    type: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "type": self.type}


@dataclass(frozen=True, slots=True)
class Fact:
    """One piece of evidence as the analyses see it: a stored claim (or one actor pair of a stored event)
    with actors resolved through merges, a date, a credibility and an independence key."""

    id: str  # claim id, or event id
    kind: str  # "claim" | "event"
    doc_id: str
    subject: str  # actor id
    predicate: str
    object: str | None  # actor id
    role: str | None
    polarity: str  # affirmed | negated
    modality: str  # asserted | hedged | intended
    source: str
    source_kind: str
    cue: str | None
    when: date  # UNDATED when `basis` is "undated"
    basis: str  # "stated" (the claim's own time), "published" (its document's date) or "undated"
    place: str | None  # actor id of a place the claim is located in
    start: int
    end: int
    text: str
    credibility: float
    independence: str  # facts sharing this key are one report, not corroboration
    when_text: str = ""  # the date at the precision it was given: "1809", "2025-03", "2025-03-14"

    @property
    def negated(self) -> bool:
        return self.polarity == "negated"

    @property
    def dated(self) -> bool:
        return self.basis != "undated"


@dataclass(frozen=True, slots=True)
class Evidence:
    """A fact as shown to an analyst: who says it, how firmly, where, and how much it counts now."""

    id: str
    kind: str
    doc_id: str
    start: int
    end: int
    text: str
    subject: str
    predicate: str
    object: str | None
    role: str | None
    source: str
    source_kind: str
    cue: str | None
    modality: str
    polarity: str
    date: date | None  # None: its document gives no date
    date_basis: str
    credibility: float
    weight: (
        float  # signed contribution at the score date (modality × credibility × decay, negative if negated)
    )
    date_text: str = ""  # the date at its precision ("1809", "2025-03"); "" when undated

    @property
    def flags(self) -> tuple[str, ...]:
        """Labels an analyst must see: hedged, intended, negated, anonymous."""
        out = []
        if self.modality != "asserted":
            out.append(self.modality)
        if self.polarity == "negated":
            out.append("negated")
        if self.source_kind == "anonymous":
            out.append("anonymous")
        return tuple(out)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "doc_id": self.doc_id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "subject": self.subject,
            "predicate": self.predicate,
            "object": self.object,
            "role": self.role,
            "source": self.source,
            "source_kind": self.source_kind,
            "cue": self.cue,
            "modality": self.modality,
            "polarity": self.polarity,
            "date": self.date.isoformat() if self.date else None,
            "date_text": self.date_text or None,
            "date_basis": self.date_basis,
            "credibility": _round(self.credibility),
            "weight": _round(self.weight),
            "flags": list(self.flags),
        }


@dataclass(frozen=True, slots=True)
class Signal:
    """One reason two groups look close (or hostile): kind, what it goes through, strength, evidence."""

    kind: str  # a key of weights.signals
    via: tuple[ActorRef, ...]  # the shared person/sponsor/place/target/medium, or the two members who met
    strength: float  # in [-1, 1] at the score date; negative when the evidence denies the tie
    evidence: tuple[Evidence, ...]

    @property
    def documents(self) -> tuple[str, ...]:
        return tuple(sorted({e.doc_id for e in self.evidence}))

    @property
    def single_source(self) -> bool:
        return len(self.documents) <= 1

    @property
    def flags(self) -> tuple[str, ...]:
        seen: list[str] = []
        for e in self.evidence:
            seen += [f for f in e.flags if f not in seen]
        if self.single_source:
            seen.append("single-source")
        return tuple(seen)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "via": [v.to_json() for v in self.via],
            "strength": _round(self.strength),
            "documents": list(self.documents),
            "flags": list(self.flags),
            "evidence": [e.to_json() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class WindowScore:
    start: date
    end: date
    score: float  # the pair's score as of `end`
    new_evidence: int  # facts dated inside (start, end]

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "score": _round(self.score),
            "new_evidence": self.new_evidence,
        }


@dataclass(frozen=True, slots=True)
class PairScore:
    a: ActorRef
    b: ActorRef
    score: float
    signals: tuple[Signal, ...]  # strongest first
    trend: tuple[WindowScore, ...]  # oldest first; the last window ends at the score date
    first_seen: date | None  # the earliest dated evidence behind the pair; None when none of it is dated
    emerged: date | None  # end of the first window whose score reached the emergence threshold
    direction: str  # rising | falling | steady (last window against the one before)

    @property
    def documents(self) -> tuple[str, ...]:
        return tuple(sorted({d for s in self.signals for d in s.documents}))

    @property
    def single_source(self) -> bool:
        return len(self.documents) <= 1

    @property
    def converging(self) -> bool:
        return self.score > 0

    def to_json(self) -> dict[str, Any]:
        return {
            "a": self.a.to_json(),
            "b": self.b.to_json(),
            "score": _round(self.score),
            "converging": self.converging,
            "direction": self.direction,
            "first_seen": self.first_seen.isoformat() if self.first_seen else None,
            "emerged": self.emerged.isoformat() if self.emerged else None,
            "documents": list(self.documents),
            "single_source": self.single_source,
            "signals": [s.to_json() for s in self.signals],
            "trend": [w.to_json() for w in self.trend],
        }


@dataclass(frozen=True, slots=True)
class Bridge:
    a: ActorRef
    b: ActorRef
    strength: float  # how much the broker's ties to both sides outweigh the direct tie between them

    def to_json(self) -> dict[str, Any]:
        return {"a": self.a.to_json(), "b": self.b.to_json(), "strength": _round(self.strength)}


@dataclass(frozen=True, slots=True)
class Broker:
    actor: ActorRef
    score: float
    betweenness: float  # normalised betweenness centrality on the tie graph
    bridging: float  # sum of bridge strengths
    bridges: tuple[Bridge, ...]
    evidence: tuple[Evidence, ...]  # the claims tying the broker to each bridged side

    def to_json(self) -> dict[str, Any]:
        return {
            "actor": self.actor.to_json(),
            "score": _round(self.score),
            "betweenness": _round(self.betweenness),
            "bridging": _round(self.bridging),
            "bridges": [b.to_json() for b in self.bridges],
            "evidence": [e.to_json() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class NewActor:
    actor: ActorRef
    first_seen: date
    evidence: tuple[Evidence, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "actor": self.actor.to_json(),
            "first_seen": self.first_seen.isoformat() if self.first_seen else None,
            "evidence": [e.to_json() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class NewTie:
    a: ActorRef
    b: ActorRef
    predicate: str
    first_seen: date
    evidence: tuple[Evidence, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "a": self.a.to_json(),
            "b": self.b.to_json(),
            "predicate": self.predicate,
            "first_seen": self.first_seen.isoformat() if self.first_seen else None,
            "evidence": [e.to_json() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class Alert:
    """A pair whose score crossed the emergence threshold after `since`."""

    a: ActorRef
    b: ActorRef
    before: float  # score as of `since`
    after: float  # score as of the analysis date
    crossed: date  # the date of the evidence that took the score past the threshold

    def to_json(self) -> dict[str, Any]:
        return {
            "a": self.a.to_json(),
            "b": self.b.to_json(),
            "before": _round(self.before),
            "after": _round(self.after),
            "crossed": self.crossed.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class Dispute:
    """A claim (subject, predicate, object) that sources both affirm and deny, disputed since `since`."""

    subject: ActorRef
    predicate: str
    object: ActorRef | None
    disputed_since: date
    affirmed: tuple[Evidence, ...]
    negated: tuple[Evidence, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "subject": self.subject.to_json(),
            "predicate": self.predicate,
            "object": self.object.to_json() if self.object else None,
            "disputed_since": self.disputed_since.isoformat(),
            "affirmed": [e.to_json() for e in self.affirmed],
            "negated": [e.to_json() for e in self.negated],
        }


@dataclass(frozen=True, slots=True)
class Changes:
    since: date
    as_of: date
    new_actors: tuple[NewActor, ...]
    new_ties: tuple[NewTie, ...]
    alerts: tuple[Alert, ...]
    disputed: tuple[Dispute, ...]
    undated: int = 0  # facts whose documents give no date: never counted as new, rising or newly disputed

    def to_json(self) -> dict[str, Any]:
        return {
            "since": self.since.isoformat(),
            "as_of": self.as_of.isoformat(),
            "new_actors": [x.to_json() for x in self.new_actors],
            "new_ties": [x.to_json() for x in self.new_ties],
            "alerts": [x.to_json() for x in self.alerts],
            "disputed": [x.to_json() for x in self.disputed],
            "undated": self.undated,
        }
