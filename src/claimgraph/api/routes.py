"""Read-only routes: actors, claims, events, documents, the graph and the time line.

Lists are filtered in Python over the store's read methods and then paged, so every list answers its
`total`; the explorer's databases (thousands of claims) make that cheap, and it keeps SQL in `store`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request

from ..errors import NotFound
from ..ontology import load_ontology
from ..records import Claim, Event
from ..store import Store
from ..store.explore import actor_place
from .credibility import Grades
from .graph import GraphFilter, build_graph
from .schemas import (
    ActorDetail,
    ActorOut,
    ClaimOut,
    DocumentDetail,
    DocumentSummary,
    EventOut,
    Graph,
    Page,
    Stats,
    TimelineItem,
)
from .views import Views, overlaps, page, period

router = APIRouter()

#: Upper bound of one page; larger asks are refused by validation with a clear message.
MAX_LIMIT = 1000
EVERYTHING = 1_000_000


def open_store(request: Request) -> Iterator[Store]:
    """A read-only connection for one request; writers (ingestion) open their own."""
    with Store(request.app.state.db_path, readonly=True) as store:
        yield store


StoreDep = Annotated[Store, Depends(open_store)]


def views_for(store: StoreDep) -> Views:
    return Views(store, load_ontology(), Grades(store))


ViewsDep = Annotated[Views, Depends(views_for)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Rows per page.")]
Offset = Annotated[int, Query(ge=0, le=2**31 - 1, description="Rows to skip.")]
DateQ = Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="YYYY, YYYY-MM or YYYY-MM-DD.")
Since = Annotated[str | None, DateQ]
Until = Annotated[str | None, DateQ]


@router.get("/stats", response_model=Stats, tags=["meta"], summary="What the database holds")
def stats(store: StoreDep, request: Request) -> dict[str, Any]:
    state = request.app.state
    return {**store.counts(), "graded": Grades(store).available, "extractor_loaded": state.extractor.loaded}


@router.get("/ontology", tags=["meta"], summary="Entity types, predicates and event types")
def ontology() -> dict[str, Any]:
    return load_ontology().to_json()


# -- actors ------------------------------------------------------------------------------------------------


@router.get("/actors", response_model=Page[ActorOut], tags=["actors"], summary="Search or list actors")
def actors(
    store: StoreDep,
    limit: Limit = 50,
    offset: Offset = 0,
    q: Annotated[str | None, Query(max_length=200, description="Name or alias (full-text search).")] = None,
    type: Annotated[list[str] | None, Query(description="Only these entity types.")] = None,  # noqa: A002
) -> dict[str, Any]:
    types = set(type or ())
    if q and q.strip():
        found = [a for a in store.find_actors(q, limit=EVERYTHING) if not types or a["type"] in types]
    else:
        found = (
            [a for t in sorted(types) for a in store.entities(etype=t, limit=EVERYTHING)]
            if types
            else (store.entities(limit=EVERYTHING))
        )
    return page(found, limit, offset)


@router.get(
    "/actors/{actor_id}",
    response_model=ActorDetail,
    tags=["actors"],
    summary="One actor with aliases, claims and events",
)
def actor(actor_id: str, views: ViewsDep, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """`actor_id` is an id, or a name or alias when no id matches. Claims and events are paged together
    by `limit` and `offset`."""
    store = views.store
    found = store.resolve_actor(actor_id)
    claims = store.claims(entity=found["id"])
    events = store.events(entity=found["id"])
    return {
        **found,
        "aliases": store.aliases(found["id"]),
        "place": actor_place(store, found["id"]),
        "claims": page(claims, limit, offset, views.claim),
        "events": page(events, limit, offset, views.event),
    }


# -- claims and events -------------------------------------------------------------------------------------


ReviewQ = Annotated[
    Literal["reviewed", "unreviewed", "rejected", "all"] | None,
    Query(description="By analyst review: reviewed, unreviewed, rejected or all (default: all but rejected)."),
]


def _claims(views: Views, actor: str | None, predicate: list[str] | None, doc_id: str | None,
            review: str | None = None) -> list[Claim]:
    store = views.store
    if actor is not None:
        actor = store.resolve_actor(actor)["id"]
    if doc_id is not None:
        store.document(doc_id)  # raises NotFound with the id
    if predicate and len(predicate) == 1:
        return store.claims(entity=actor, predicate=predicate[0], doc_id=doc_id, review=review)
    rows = store.claims(entity=actor, doc_id=doc_id, review=review)
    return [c for c in rows if not predicate or c.predicate in predicate]


@router.get("/claims", response_model=Page[ClaimOut], tags=["claims"], summary="Claims with their evidence")
def claims(
    views: ViewsDep,
    limit: Limit = 50,
    offset: Offset = 0,
    actor: Annotated[str | None, Query(description="Actor id, name or alias (subject or object).")] = None,
    predicate: Annotated[list[str] | None, Query(description="Only these predicates.")] = None,
    doc_id: str | None = None,
    since: Since = None,
    until: Until = None,
    min_credibility: Annotated[float | None, Query(ge=0, le=1)] = None,
    hide_hedged: bool = False,
    ids: Annotated[list[str] | None, Query(description="Only these claim ids (an edge's claims).")] = None,
    review: ReviewQ = None,
) -> dict[str, Any]:
    flt = GraphFilter(since=since, until=until, min_credibility=min_credibility, hide_hedged=hide_hedged)
    rows = [c for c in _claims(views, actor, predicate, doc_id, review) if flt.keeps(c, views)]
    if ids:
        wanted = set(ids)
        rows = [c for c in rows if c.id in wanted]
    return page(rows, limit, offset, views.claim)


@router.get("/claims/{claim_id}", response_model=ClaimOut, tags=["claims"], summary="One claim")
def claim(claim_id: str, views: ViewsDep) -> dict[str, Any]:
    for c in views.store.iter_claims(review="all"):  # a rejected claim stays readable by its id
        if c.id == claim_id:
            return views.claim(c)
    raise NotFound(f"no claim with id {claim_id!r}", detail={"id": claim_id})


@router.get("/events", response_model=Page[EventOut], tags=["events"], summary="Events with their evidence")
def events(
    views: ViewsDep,
    limit: Limit = 50,
    offset: Offset = 0,
    actor: Annotated[
        str | None, Query(description="Actor id, name or alias (perpetrator or target).")
    ] = None,
    since: Since = None,
    until: Until = None,
    review: ReviewQ = None,
) -> dict[str, Any]:
    rows = views.store.events(entity=actor, review=review)
    rows = [e for e in rows if overlaps(period(e.date.value, e.date.end) if e.date else None, since, until)]
    return page(rows, limit, offset, views.event)


# -- documents ---------------------------------------------------------------------------------------------


@router.get(
    "/documents", response_model=Page[DocumentSummary], tags=["documents"], summary="Stored documents"
)
def documents(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    total = store.counts()["documents"]
    return {
        "total": total,
        "limit": limit,
        "offset": offset,
        "items": store.documents(limit=limit, offset=offset),
    }


@router.get(
    "/documents/{doc_id}",
    response_model=DocumentDetail,
    tags=["documents"],
    summary="A document's text with its mention, claim and event spans",
)
def document(doc_id: str, views: ViewsDep) -> dict[str, Any]:
    store = views.store
    doc = store.document(doc_id)
    spans: list[dict[str, Any]] = [
        {
            "start": m["start"],
            "end": m["end"],
            "kind": "mention",
            "label": m["name"],
            "ref": m["entity_id"],
            "type": m["type"],
        }
        for m in store.mentions(doc_id)
    ]
    doc_claims = store.claims(doc_id=doc_id)
    for c in doc_claims:
        obj = f" {c.object.name}" if c.object else ""
        spans.append(
            {
                "start": c.evidence.start,
                "end": c.evidence.end,
                "kind": "claim",
                "ref": c.id,
                "label": f"{c.subject.name} {views.predicate_label(c.predicate)}{obj}",
                "type": c.predicate,
            }
        )
    doc_events = [e for e in store.events() if e.doc_id == doc_id]
    for e in doc_events:
        spans.append(
            {
                "start": e.evidence.start,
                "end": e.evidence.end,
                "kind": "event",
                "ref": e.id,
                "label": e.mode or e.type,
                "type": e.type,
            }
        )
    spans.sort(key=lambda s: (s["start"], -s["end"]))
    return {
        "id": doc.id,
        "source": doc.source,
        "url": doc.url,
        "title": doc.title,
        "outlet": doc.outlet,
        "published": doc.published.value if doc.published else None,
        "text": doc.text,
        "spans": spans,
        "claims": len(doc_claims),
        "events": len(doc_events),
    }


# -- graph and time line ---------------------------------------------------------------------------------


@router.get("/graph", response_model=Graph, tags=["graph"], summary="The actor graph, filtered")
def graph(
    views: ViewsDep,
    limit: Annotated[int, Query(ge=1, le=5000, description="Edges per page.")] = 500,
    offset: Offset = 0,
    predicate: Annotated[list[str] | None, Query(description="Only these predicates.")] = None,
    since: Since = None,
    until: Until = None,
    min_credibility: Annotated[float | None, Query(ge=0, le=1)] = None,
    hide_hedged: bool = False,
    type: Annotated[list[str] | None, Query(description="Only ties between actors of these types.")] = None,  # noqa: A002
    actor: Annotated[str | None, Query(description="Only ties of this actor (id, name or alias).")] = None,
) -> dict[str, Any]:
    actor_id = views.store.resolve_actor(actor)["id"] if actor else None
    flt = GraphFilter(
        tuple(predicate or ()), since, until, min_credibility, hide_hedged, tuple(type or ()), actor_id
    )
    return build_graph(views.store.iter_claims(), views, flt, limit=limit, offset=offset)


@router.get(
    "/timeline",
    response_model=Page[TimelineItem],
    tags=["graph"],
    summary="Events, dated claims and reports in date order",
)
def timeline(
    views: ViewsDep,
    limit: Limit = 200,
    offset: Offset = 0,
    actor: Annotated[str | None, Query(description="Actor id, name or alias.")] = None,
    since: Since = None,
    until: Until = None,
    hide_hedged: bool = False,
) -> dict[str, Any]:
    store = views.store
    actor_id = store.resolve_actor(actor)["id"] if actor else None
    items: list[dict[str, Any]] = []
    for e in store.events(entity=actor_id):
        if e.date is None:
            continue
        lo, hi = period(e.date.value, e.date.end)
        who = [*e.perpetrators, *e.targets]
        items.append(
            {
                "kind": "event",
                "id": e.id,
                "doc_id": e.doc_id,
                "date": lo,
                "date_end": hi,
                "label": _event_label(e),
                "actors": [{"id": r.id, "name": r.name} for r in who],
            }
        )
    doc_ids: set[str] = set()
    for c in store.claims(entity=actor_id):
        if hide_hedged and c.modality.value != "asserted":
            continue
        doc_ids.add(c.doc_id)
        if c.time is None:
            continue
        lo, hi = period(c.time.value, c.time.end)
        who = [c.subject, *([c.object] if c.object else [])]
        items.append(
            {
                "kind": "claim",
                "id": c.id,
                "doc_id": c.doc_id,
                "date": lo,
                "date_end": hi,
                "label": " ".join(
                    [c.subject.name, views.predicate_label(c.predicate), c.object.name if c.object else ""]
                ).strip(),
                "actors": [{"id": r.id, "name": r.name} for r in who],
            }
        )
    for doc_id in sorted(doc_ids):
        info, _ = views.docs.get(doc_id)
        if info.published:
            lo, hi = period(info.published)
            items.append(
                {
                    "kind": "document",
                    "id": doc_id,
                    "doc_id": doc_id,
                    "date": lo,
                    "date_end": hi,
                    "label": f"reported: {info.title or info.outlet or info.source}",
                    "actors": [],
                }
            )
    kept = [i for i in items if overlaps((i["date"], i["date_end"]), since, until)]
    kept.sort(key=lambda i: (i["date"], i["kind"], i["label"]))
    return page(kept, limit, offset)


def _event_label(e: Event) -> str:
    """'attack by Baloch Liberation Army on Islamic State Khorasan Province (Mastung)'."""
    label = e.mode or e.type.lower()
    if e.perpetrators:
        label += " by " + ", ".join(r.name for r in e.perpetrators)
    if e.targets:
        label += " on " + ", ".join(r.name for r in e.targets)
    if e.place is not None:
        label += f" ({e.place.name})"
    return label
