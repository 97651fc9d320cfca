"""Routes behind the explorer's linked views: one set of filters (the graph's: predicate, dates, credibility,
hedging, actor types) plus one selected actor drive the time line (newest first), the documents list and the
map; actor search by prefix. Every route reads the store only."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from ..records import Claim, Event
from ..store.explore import actor_place, actor_places, actors_by_prefix, document_list
from .graph import GraphFilter
from .routes import Limit, Offset, Since, StoreDep, Until, ViewsDep, _event_label
from .views import Views, overlaps, page, period

router = APIRouter(tags=["explorer"])


@dataclass(frozen=True, slots=True)
class Selection:
    """The page's filters and selected actor, resolved against one request's store."""

    flt: GraphFilter
    active: bool  # any filter or selection at all
    actor_geonames: int | None = None  # the selected actor's GeoNames id, when it is a resolved place

    def keeps_claim(self, c: Claim, views: Views, actor_of: dict[str, dict[str, Any]]) -> bool:
        if not self.flt.keeps(c, views):
            return False
        ends = [actor_of[c.subject.id], *([actor_of[c.object.id]] if c.object else [])]
        if self.flt.types and any(a["type"] not in self.flt.types for a in ends):
            return False
        return self.flt.actor is None or any(a["id"] == self.flt.actor for a in ends)

    def keeps_event(self, e: Event, actor_of: dict[str, dict[str, Any]]) -> bool:
        when = period(e.date.value, e.date.end) if e.date else None
        if not overlaps(when, self.flt.since, self.flt.until):
            return False
        who = [actor_of[r.id] for r in (*e.perpetrators, *e.targets)]
        if self.flt.types and who and not any(a["type"] in self.flt.types for a in who):
            return False
        if self.flt.actor is None:
            return True
        if any(a["id"] == self.flt.actor for a in who):
            return True
        if e.place is None:
            return False
        if self.actor_geonames is not None and e.place.geonames_id == self.actor_geonames:
            return True
        place = actor_of.get(e.place.entity_id) if e.place.entity_id else None
        return place is not None and place["id"] == self.flt.actor


class Actors(dict[str, dict[str, Any]]):
    """Entity id → its actor's row, read on first use."""

    def __init__(self, views: Views) -> None:
        super().__init__()
        self.views = views

    def __missing__(self, entity_id: str) -> dict[str, Any]:
        row = self.views.store.entity(self.views.actor_of(entity_id))
        self[entity_id] = row
        return row

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        try:
            return self[key]
        except Exception:  # noqa: BLE001 - an entity the store no longer holds
            return default


def selection(
    views: ViewsDep,
    predicate: Annotated[list[str] | None, Query(description="Only these predicates.")] = None,
    since: Since = None,
    until: Until = None,
    min_credibility: Annotated[float | None, Query(ge=0, le=1)] = None,
    hide_hedged: bool = False,
    type: Annotated[list[str] | None, Query(description="Only actors of these types.")] = None,  # noqa: A002
    actor: Annotated[str | None, Query(description="The selected actor (id, name or alias).")] = None,
) -> Selection:
    actor_id = views.store.resolve_actor(actor)["id"] if actor else None
    flt = GraphFilter(
        tuple(predicate or ()), since, until, min_credibility, hide_hedged, tuple(type or ()), actor_id
    )
    active = bool(predicate or since or until or min_credibility or hide_hedged or type or actor_id)
    place = actor_place(views.store, actor_id) if actor_id else None
    return Selection(flt, active, place["geonames_id"] if place else None)


SelectionDep = Annotated[Selection, Depends(selection)]


def _kept(views: Views, sel: Selection, actors: Actors) -> tuple[list[Claim], list[Event]]:
    claims = [c for c in views.store.iter_claims() if sel.keeps_claim(c, views, actors)]
    events = [e for e in views.store.events() if sel.keeps_event(e, actors)]
    return claims, events


def _refs(refs: Iterable[Any], actors: Actors) -> list[dict[str, str]]:
    return [{"id": actors[r.id]["id"], "name": r.name} for r in refs]


@router.get("/explore/timeline", summary="Events, dated claims and reports, newest first, filtered")
def timeline(views: ViewsDep, sel: SelectionDep, limit: Limit = 300, offset: Offset = 0) -> dict[str, Any]:
    actors = Actors(views)
    claims, events = _kept(views, sel, actors)
    items: list[dict[str, Any]] = []
    for e in events:
        if e.date is None:
            continue
        lo, hi = period(e.date.value, e.date.end)
        items.append({"kind": "event", "id": e.id, "doc_id": e.doc_id, "date": lo, "date_end": hi,
                      "label": _event_label(e), "actors": _refs([*e.perpetrators, *e.targets], actors)})
    doc_ids = {c.doc_id for c in claims} | {e.doc_id for e in events}
    for c in claims:
        if c.time is None:
            continue
        lo, hi = period(c.time.value, c.time.end)
        obj = c.object.name if c.object else ""
        label = " ".join([c.subject.name, views.predicate_label(c.predicate), obj]).strip()
        items.append({"kind": "claim", "id": c.id, "doc_id": c.doc_id, "date": lo, "date_end": hi,
                      "label": label, "actors": _refs([c.subject, *([c.object] if c.object else [])], actors)})
    for doc_id in sorted(doc_ids):
        info, _ = views.docs.get(doc_id)
        if info.published:
            lo, hi = period(info.published)
            items.append({"kind": "document", "id": doc_id, "doc_id": doc_id, "date": lo, "date_end": hi,
                          "label": f"reported: {info.title or info.outlet or info.source}", "actors": []})
    kept = [i for i in items if overlaps((i["date"], i["date_end"]), sel.flt.since, sel.flt.until)]
    kept.sort(key=lambda i: (i["date_end"], i["date"], i["kind"], i["label"]), reverse=True)
    return page(kept, limit, offset)


@router.get("/explore/documents", summary="Documents behind the filtered claims and events, newest first")
def documents(views: ViewsDep, sel: SelectionDep, limit: Limit = 300, offset: Offset = 0) -> dict[str, Any]:
    rows = document_list(views.store)
    counts: dict[str, list[int]] = {}
    if sel.active:
        claims, events = _kept(views, sel, Actors(views))
        for c in claims:
            counts.setdefault(c.doc_id, [0, 0])[0] += 1
        for e in events:
            counts.setdefault(e.doc_id, [0, 0])[1] += 1
        rows = [r for r in rows if r["id"] in counts]
    items = [
        {**r, "display_title": display_title(r), "matching_claims": counts.get(r["id"], [None, None])[0],
         "matching_events": counts.get(r["id"], [None, None])[1]}
        for r in rows
    ]
    return page(items, limit, offset)


def display_title(doc: dict[str, Any]) -> str:
    """A document's title, else its outlet and opening words; never a file path."""
    if doc.get("title"):
        return str(doc["title"])
    words = " ".join(str(doc.get("opening") or "").split()[:10])
    opening = f"“{words}…”" if words else "untitled"
    return f"{doc['outlet']}: {opening}" if doc.get("outlet") else opening


@router.get("/explore/map", summary="Located events and places, filtered")
def map_view(views: ViewsDep, sel: SelectionDep) -> dict[str, Any]:
    actors = Actors(views)
    claims, events = _kept(views, sel, actors)
    located = actor_places(views.store)
    places: dict[str, dict[str, Any]] = {}

    def place_of(actor_id: str) -> dict[str, Any] | None:
        if actor_id not in located:
            return None
        if actor_id not in places:
            info = views.store.entity(actor_id)
            places[actor_id] = {"actor_id": actor_id, "name": info["name"], "type": info["type"],
                                **located[actor_id], "claims": [], "events": []}
        return places[actor_id]

    for c in claims:
        for ref in (c.subject, *([c.object] if c.object else [])):
            p = place_of(actors[ref.id]["id"])
            if p is not None and c.id not in p["claims"]:
                p["claims"].append(c.id)
    by_geonames = {row["geonames_id"]: actor_id for actor_id, row in located.items() if row["geonames_id"]}
    out_events = []
    for e in events:
        lat, lon = (e.place.lat, e.place.lon) if e.place else (None, None)
        place_actor = None
        if e.place and e.place.entity_id:
            place_actor = actors[e.place.entity_id]["id"]
        elif e.place and e.place.geonames_id in by_geonames:  # the same GeoNames place as a place actor
            place_actor = by_geonames[e.place.geonames_id]
        p = place_of(place_actor) if place_actor else None
        if p is not None:
            p["events"].append(e.id)
            if lat is None or lon is None:
                lat, lon = p["lat"], p["lon"]
        if lat is None or lon is None:
            continue
        out_events.append({
            "id": e.id, "doc_id": e.doc_id, "label": _event_label(e), "type": e.type, "mode": e.mode,
            "date": e.date.value if e.date else None, "lat": lat, "lon": lon,
            "place": e.place.name if e.place else None, "place_actor": p["actor_id"] if p else None,
            "killed": e.killed.max if e.killed else None,
        })
    out_events.sort(key=lambda x: x["date"] or "", reverse=True)
    return {"events": out_events, "places": sorted(places.values(), key=lambda p: p["name"])}


@router.get("/explore/search", summary="Actors whose name, alias or a word of one starts with q")
def search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="The start of a name or alias.")],
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> dict[str, Any]:
    items = actors_by_prefix(store, q, limit=limit)
    return {"total": len(items), "limit": limit, "offset": 0, "items": items}


@router.get("/explore/meta", summary="Which database this server reads (a key, not its path)")
def meta(request: Request) -> dict[str, Any]:
    """A short key for the database file, so the page can remember its layout per database."""
    path = str(Path(request.app.state.db_path).resolve())
    return {"db": hashlib.sha256(path.encode("utf-8")).hexdigest()[:16]}
