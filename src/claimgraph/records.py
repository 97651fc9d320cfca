"""Typed, frozen records that flow one way through the pipeline.

    ingest → nlp → extract → resolve → store → analysis → export / api / web
    Document   Doc   Extraction          Actors   SQLite   scores

Every record that states something about the world carries a `Span` into `Document.text`, so
`doc.text[span.start:span.end] == span.text` always holds.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum


def make_id(prefix: str, *parts: object) -> str:
    """A stable id: a hash of what makes a record that record (same input, same id)."""
    key = "\x1f".join("" if p is None else str(p) for p in parts)
    return f"{prefix}_{hashlib.sha1(key.encode('utf-8')).hexdigest()[:16]}"


def text_id(text: str) -> str:
    """A document id: the hash of its cleaned text."""
    return "doc_" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


class Polarity(StrEnum):
    AFFIRMED = "affirmed"
    NEGATED = "negated"


class Modality(StrEnum):
    ASSERTED = "asserted"
    HEDGED = "hedged"
    INTENDED = "intended"


class Responsibility(StrEnum):
    CLAIMED = "claimed"
    ATTRIBUTED = "attributed"
    SUSPECTED = "suspected"
    UNKNOWN = "unknown"


class SourceKind(StrEnum):
    """Who asserts a claim."""

    NAMED_PERSON = "named_person"
    ORGANISATION = "organisation"
    ANONYMOUS = "anonymous"
    OUTLET = "outlet"  # the reporting outlet itself, when no one else is cited
    DOCUMENT = "document"  # a report, magazine, statement or video


class StatementKind(StrEnum):
    """Who makes a statement: a named person, unnamed people ("officials", "a source"), an institution,
    a document (a report, a statement, a magazine), the publication, or nobody said ("it is understood")."""

    NAMED = "named"
    ANONYMOUS = "anonymous"
    ORGANISATION = "organisation"
    DOCUMENT = "document"
    OUTLET = "outlet"
    NONE = "none"


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    DECADE = "decade"


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str

    def check(self, doc_text: str) -> bool:
        return doc_text[self.start : self.end] == self.text


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to some precision: '2025', '2025-03' or '2025-03-14', optionally a range.

    `value` is the start in ISO form truncated to its precision; `end` closes a period
    ("the 1970s and 1980s" → value '1970', end '1989', precision decade). `text` keeps the original.
    """

    value: str
    precision: Precision
    text: str = ""
    end: str | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A count stated in text. "around 30" → 30..30 approximate; "at least five" → 5..None."""

    min: int | None
    max: int | None
    approximate: bool = False
    text: str = ""


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    text: str
    source: str = ""  # path, URL or "-" for stdin
    title: str | None = None
    outlet: str | None = None
    published: PartialDate | None = None
    url: str | None = None
    raw_id: str | None = None  # the id a JSONL line gave, kept beside ours
    author: str | None = None  # the byline or speaker: who speaks when nobody else is cited


@dataclass(frozen=True, slots=True)
class EntityRef:
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Entity:
    """An actor, place or publication as one document names it."""

    id: str
    name: str
    type: str  # an ontology entity type: organisation, agency, armed_group, person, place, publication, ...
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    refs: tuple[str, ...] = ()  # gazetteer references, e.g. "un:QDe.118", "ofac:6965", "curated:isi"
    kind: str = "named"  # "named" (a name in the text) or "descriptive" ("Indian troops", "gunmen")

    def ref(self) -> EntityRef:
        return EntityRef(self.id, self.name)


@dataclass(frozen=True, slots=True)
class Source:
    """Who asserts a claim, and the words that say so ("told ThePrint", "according to")."""

    name: str
    kind: SourceKind
    cue: str | None = None
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    admin1: str | None = None
    country: str | None = None
    geonames_id: int | None = None
    entity_id: str | None = None
    precision: str | None = None  # city, district, province, country, region
    lat: float | None = None
    lon: float | None = None
    admin2: str | None = None  # the district (GeoNames admin2) a town lies in, where known
    country_code: str | None = None  # ISO 3166 alpha-2


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    doc_id: str
    subject: EntityRef
    predicate: str
    object: EntityRef | None
    evidence: Span
    source: Source
    polarity: Polarity = Polarity.AFFIRMED
    modality: Modality = Modality.ASSERTED
    role: str | None = None
    time: PartialDate | None = None
    place: EntityRef | None = None
    cues: tuple[str, ...] = ()  # the hedge / negation / intent words that set modality and polarity
    extractor: str = ""
    statement: str | None = None  # id of the Statement whose content carries the claim


@dataclass(frozen=True, slots=True)
class Statement:
    """An attribution: `source` (absent when agentless) says or thinks, by `cue`, what `content` spans.

    A statement made inside another's content ("officials said the report claimed …") has that one as
    `parent`. `source_actor` is the document entity the source names (or, for "he", refers to)."""

    id: str
    doc_id: str
    cue: Span
    content: Span
    kind: StatementKind
    source: Span | None = None
    source_actor: EntityRef | None = None
    parent: str | None = None
    extractor: str = ""
    denies: str | None = None  # id of the statement this denial answers ("the group denied …")


@dataclass(frozen=True, slots=True)
class CasualtyReport:
    """One statement of an incident's toll, kept beside the event's chosen figure when statements differ
    ("9 people were killed", officials said; "the death toll rose to 12", police said)."""

    kind: str  # killed | wounded | attackers_killed
    value: Quantity
    evidence: Span  # the sentence that states it, exactly as in `Document.text`
    source: Source | None = None  # who states it (the outlet when no one is cited)
    revised: bool = False  # a revision ("rose to", "climbed to") that supersedes the counts before it


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    doc_id: str
    type: str  # PLOVER event type, e.g. ASSAULT, CONSULT, COERCE
    mode: str | None  # finer kind: attack, bombing, meeting, arrest, killing, ...
    evidence: Span
    perpetrators: tuple[EntityRef, ...] = ()
    targets: tuple[EntityRef, ...] = ()
    place: Place | None = None
    date: PartialDate | None = None
    killed: Quantity | None = None
    wounded: Quantity | None = None
    attackers_killed: Quantity | None = None
    responsibility: Responsibility = Responsibility.UNKNOWN
    responsibility_source: Source | None = None
    extractor: str = ""
    # every mention of the incident in the document (`evidence` is the first); one event per incident
    mentions: tuple[Span, ...] = ()
    # the toll statements when they differ, each with its source and sentence (disputed values)
    tolls: tuple[CasualtyReport, ...] = ()


@dataclass(frozen=True, slots=True)
class ExtractionError:
    stage: str
    reason: str


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one document: the unit the store saves and `extract` prints."""

    doc: Document
    entities: tuple[Entity, ...] = ()
    claims: tuple[Claim, ...] = ()
    events: tuple[Event, ...] = ()
    error: ExtractionError | None = None
    dropped: tuple[tuple[str, str], ...] = field(default=())  # (what, why) for candidates not kept
    attributions: tuple[Statement, ...] = ()
