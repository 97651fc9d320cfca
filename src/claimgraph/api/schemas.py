"""Pydantic models at the HTTP edge: they document the API in its OpenAPI spec. Records stay dataclasses;
these only describe the JSON that `views` builds from them."""

from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class ErrorInfo(BaseModel):
    code: str = Field(
        description="Machine-readable kind: not_found, bad_input, bad_request, unauthorized, ..."
    )
    message: str = Field(description="What went wrong, naming the bad value and what would be valid.")
    detail: dict[str, Any] = Field(default_factory=dict)


class ErrorBody(BaseModel):
    """Every error the API answers has this one shape."""

    error: ErrorInfo


class Page(BaseModel, Generic[T]):
    """One page of a list: `items` are rows `offset` … `offset + limit - 1` of `total`."""

    total: int
    limit: int
    offset: int
    items: list[T]


class Ref(BaseModel):
    id: str
    name: str
    actor_id: str | None = Field(None, description="The actor this entity resolved to (itself if unmerged).")


class SpanOut(BaseModel):
    start: int
    end: int
    text: str


class SourceOut(BaseModel):
    name: str
    kind: str
    cue: str | None = None
    span: SpanOut | None = None


class Highlight(BaseModel):
    start: int = Field(description="Offset into `context.text`.")
    end: int
    kind: Literal["evidence", "subject", "object", "cue"]


class Context(BaseModel):
    """The document sentence around a span; `start`/`end` are offsets into the document text."""

    start: int
    end: int
    text: str
    highlights: list[Highlight]


class DocRef(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    source: str
    url: str | None
    opening: str = Field("", description="The first words of the text, to name an untitled document.")


class ClaimOut(BaseModel):
    id: str
    doc_id: str
    subject: Ref
    predicate: str
    predicate_label: str
    object: Ref | None
    role: str | None
    polarity: Literal["affirmed", "negated"]
    modality: Literal["asserted", "hedged", "intended"]
    source: SourceOut
    time: str | None
    time_text: str | None
    time_detail: dict[str, Any] | None
    place: Ref | None
    cues: list[str]
    evidence: SpanOut
    extractor: str
    document: DocRef
    context: Context
    credibility: float | None = Field(description="From the grading stage, 0–1; null when not graded.")
    grade: dict[str, Any] | None
    statement: str | None = Field(None, description="Id of the attributed statement whose content carries it.")
    review: dict[str, Any] | None = Field(None, description="The analyst's review in force, if any.")


class StatementOut(BaseModel):
    """An attribution: who (source) says or thinks (cue) what (content); offsets into the document text."""

    id: str
    doc_id: str
    source: SpanOut | None = Field(description="The source phrase; null when agentless (\"it is understood\").")
    cue: SpanOut
    content: SpanOut
    source_actor: Ref | None
    kind: Literal["named", "anonymous", "organisation", "document", "outlet", "none"]
    parent: str | None = Field(description="The statement this one is reported inside (a source quoting a source).")
    denies: str | None = Field(None, description="For a denial, the statement it answers.")
    opposed: list[str] = Field(default_factory=list, description="Statements on the other side of a denial; they "
                               "are always in the same answer.")
    extractor: str
    document: DocRef


class EventOut(BaseModel):
    id: str
    doc_id: str
    type: str
    mode: str | None
    perpetrators: list[Ref]
    targets: list[Ref]
    place: dict[str, Any] | None
    date: str | None
    date_detail: dict[str, Any] | None
    killed: dict[str, Any] | None
    wounded: dict[str, Any] | None
    attackers_killed: dict[str, Any] | None
    responsibility: str
    responsibility_source: SourceOut | None
    evidence: SpanOut
    extractor: str
    document: DocRef
    context: Context
    review: dict[str, Any] | None = Field(None, description="The analyst's review in force, if any.")


class ActorOut(BaseModel):
    id: str
    name: str
    type: str
    refs: list[str]
    first_seen: str | None


class PlaceOut(BaseModel):
    name: str
    admin1: str | None
    country: str | None
    geonames_id: int | None
    precision: str | None
    lat: float | None
    lon: float | None


class ActorDetail(ActorOut):
    aliases: list[str]
    place: PlaceOut | None = Field(None, description="Where a place actor lies (GeoNames), when resolved.")
    claims: Page[ClaimOut]
    events: Page[EventOut]


class DocumentSummary(BaseModel):
    id: str
    source: str
    url: str | None
    title: str | None
    outlet: str | None
    published: str | None
    ingested_at: str
    chars: int


class DocSpan(BaseModel):
    start: int
    end: int
    kind: Literal["mention", "claim", "event"]
    label: str
    ref: str = Field(description="The entity, claim or event id behind the span.")
    type: str | None = Field(None, description="Entity type for mentions, predicate for claims, event type.")


class DocumentDetail(BaseModel):
    id: str
    source: str
    url: str | None
    title: str | None
    outlet: str | None
    published: str | None
    text: str
    spans: list[DocSpan]
    claims: int
    events: int


class Node(BaseModel):
    id: str
    name: str
    type: str
    claims: int
    documents: int
    negated_only: bool
    credibility: float | None


class Edge(BaseModel):
    id: str
    source: str
    target: str
    predicate: str
    label: str
    polarity: Literal["affirmed", "negated"]
    claims: int
    documents: int
    sources: int
    hedged: bool = Field(description="Every claim behind the tie is hedged or only intended.")
    single_source: bool
    corroborated: bool = Field(description="Stated without hedging by ≥2 sources in ≥2 documents.")
    credibility: float | None
    grade: str | None = Field(None, description="The best Admiralty grade among its claims, e.g. 'F3'.")
    anonymous: bool = Field(False, description="Every claim behind the tie comes from an anonymous source.")
    claim_ids: list[str]


class Graph(BaseModel):
    """Edges are paged (`total`, `limit`, `offset`); `nodes` are the actors those edges touch."""

    nodes: list[Node]
    edges: list[Edge]
    total: int
    limit: int
    offset: int


class TimelineItem(BaseModel):
    kind: Literal["event", "claim", "document"]
    id: str
    doc_id: str
    date: str
    date_end: str
    label: str
    actors: list[Ref]


class Stats(BaseModel):
    documents: int
    entities: int
    claims: int
    events: int
    mentions: int
    failures: int
    graded: bool
    extractor_loaded: bool


class PasteIn(BaseModel):
    text: str = Field(min_length=1, max_length=2_000_000, description="The article: plain text or HTML.")
    format: Literal["text", "html"] = "text"
    name: str = Field("pasted", max_length=120, description="A name for the source, kept as its file name.")
    url: str | None = Field(None, max_length=2000, description="Where the article was published.")
    outlet: str | None = Field(None, max_length=200, description="Who published it.")
    published: str | None = Field(
        None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="Publication date: YYYY, YYYY-MM or YYYY-MM-DD."
    )


class FailureOut(BaseModel):
    source: str
    line: int | None = Field(description="Line number for JSON Lines input; null for a whole file.")
    stage: str
    reason: str


class IngestOut(BaseModel):
    stored: int
    duplicates: int
    failed: int
    claims: int
    events: int
    entities: int
    doc_ids: list[str]
    failures: list[FailureOut]
