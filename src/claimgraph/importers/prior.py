"""Prior knowledge (actors, aliases, ties read from a STIX bundle or FtM entities) as an `Extraction` of a
generated "imported" document, so it is stored like any report and the provenance invariant holds: every
claim points to a document and a span reproducing its text.

The generated text restates each record of the file in one line — an actor line with its aliases, a tie line
with who the file says asserted it, how firmly, where, and the original quote when the file carries one. The
claims' source is the file itself (`SourceKind.DOCUMENT`, named after the file), cue "imported from"; the
line is the evidence. Hedged, intended and negated ties stay so.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..records import (
    Claim,
    Document,
    Entity,
    EntityRef,
    Extraction,
    Modality,
    PartialDate,
    Polarity,
    Source,
    SourceKind,
    Span,
    make_id,
    text_id,
)

EXTRACTOR = "claimgraph.import.v1"


@dataclass(frozen=True, slots=True)
class PriorActor:
    id: str  # a claimgraph actor id (kept from a claimgraph export, else made from type and name)
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    refs: tuple[str, ...] = ()
    origin: str = ""  # the record it came from, e.g. "threat-actor--…" or an FtM id

    def absorb(self, other: PriorActor) -> PriorActor:
        """Two records of one actor: this one's name, type and origin, with both sets of names and references."""
        return replace(
            self, aliases=tuple(sorted({*self.aliases, *other.aliases})), refs=tuple(sorted({*self.refs, *other.refs}))
        )


@dataclass(frozen=True, slots=True)
class PriorTie:
    subject: str  # actor ids
    predicate: str
    object: str | None
    role: str | None = None
    modality: Modality = Modality.ASSERTED
    polarity: Polarity = Polarity.AFFIRMED
    time: PartialDate | None = None
    said_by: str = ""  # who the file says asserted it: "sources in … (anonymous, cue “said”)"
    cited: str = ""  # where the file says it was reported: "ThePrint, 'ISKP & Lashkar converging', chars 0-305"
    quote: str = ""  # the original evidence text, when the file carries it
    cues: tuple[str, ...] = ()
    origin: str = ""
    claim_id: str | None = None  # the claimgraph claim it restates, when the file came from claimgraph


@dataclass(frozen=True, slots=True)
class Prior:
    name: str  # the file name: the claims' source
    label: str  # what it is: "STIX 2.1 bundle bundle--…", "FollowTheMoney entities"
    actors: tuple[PriorActor, ...]
    ties: tuple[PriorTie, ...]
    skipped: tuple[tuple[str, str], ...] = field(default=())  # (record, why) for what could not be read


class _Text:
    """The generated document, written line by line, remembering where each name and line landed."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.mentions: dict[str, list[tuple[int, int]]] = {}

    def put(self, text: str, entity_id: str | None = None) -> tuple[int, int]:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        if entity_id is not None:
            self.mentions.setdefault(entity_id, []).append((start, self.length))
        return start, self.length

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _how(t: PriorTie) -> str:
    marks = []
    if t.polarity is Polarity.NEGATED:
        marks.append("denied")
    if t.modality is not Modality.ASSERTED:
        marks.append(t.modality.value)
    return f" [{', '.join(marks)}]" if marks else ""


def to_extraction(prior: Prior) -> Extraction:
    """The generated document, its entities (with mention spans) and one claim per tie."""
    actors = {a.id: a for a in prior.actors}
    w = _Text()
    w.put(
        f"Prior knowledge imported from {prior.name} ({prior.label}). Each line restates one record of that "
        "file: it is what the file says, not what claimgraph read in a report.\n\nActors:\n"
    )
    for a in prior.actors:
        w.put(a.name, a.id)
        w.put(f" ({a.type})")
        others = [n for n in a.aliases if n != a.name]
        if others:
            w.put(", also named ")
            for i, alias in enumerate(others):
                w.put("; " if i else "")
                w.put(alias, a.id)
        w.put(f". [{a.origin}]\n" if a.origin else ".\n")
    lines: list[tuple[PriorTie, tuple[int, int]]] = []
    if prior.ties:
        w.put("\nTies:\n")
    for t in prior.ties:
        start = w.length
        w.put(actors[t.subject].name, t.subject)
        w.put(f" {t.predicate.replace('_', ' ')}")
        if t.object is not None:
            w.put(" ")
            w.put(actors[t.object].name, t.object)
        if t.role:
            w.put(f" (as {t.role})")
        if t.time is not None:
            w.put(f", {t.time.value}" + (f" to {t.time.end}" if t.time.end else ""))
        w.put(_how(t))
        if t.said_by:
            w.put(f"; according to {t.said_by}")
        if t.cited:
            w.put(f", in {t.cited}")
        if t.quote:
            w.put(": “" + " ".join(t.quote.split()) + "”")
        end = w.length
        w.put(f" [{t.origin}]\n" if t.origin else "\n")
        lines.append((t, (start, end)))
    text = w.text
    doc = Document(
        id=text_id(text),
        text=text,
        source=prior.name,
        title=f"Imported: {prior.name}",
        outlet=None,
        raw_id=prior.label,
    )
    entities = tuple(
        Entity(
            a.id,
            a.name,
            a.type,
            tuple(n for n in a.aliases if n != a.name),
            tuple(Span(s, e, text[s:e]) for s, e in w.mentions.get(a.id, [])),
            a.refs,
        )
        for a in prior.actors
    )
    source = Source(prior.name, SourceKind.DOCUMENT, "imported from")
    claims = []
    for t, (s, e) in lines:
        obj = EntityRef(t.object, actors[t.object].name) if t.object else None
        claims.append(
            Claim(
                id=make_id("clm", doc.id, t.subject, t.predicate, t.object, s, e),
                doc_id=doc.id,
                subject=EntityRef(t.subject, actors[t.subject].name),
                predicate=t.predicate,
                object=obj,
                evidence=Span(s, e, text[s:e]),
                source=source,
                polarity=t.polarity,
                modality=t.modality,
                role=t.role,
                time=t.time,
                cues=t.cues,
                extractor=EXTRACTOR,
            )
        )
    return Extraction(
        doc=doc,
        entities=entities,
        claims=tuple(claims),
        dropped=tuple((what, why) for what, why in prior.skipped),
    )
