"""Place entities in the store → GeoNames: each gets its GeoNames place (or a recorded miss), and place
entities that resolve to one GeoNames id across documents become one actor through a judgement."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..store import Store
from ..store import resolution as rs
from .actors import RESOLVER, merge
from .places import PlaceResolver

PLACE_TYPES = ("place",)


@dataclass(slots=True)
class PlaceSummary:
    resolved: int = 0
    unresolved: list[str] = field(default_factory=list)  # names GeoNames did not know
    merged: int = 0


def resolve_place_entities(store: Store, resolver: PlaceResolver) -> PlaceSummary:
    """Resolve every place entity not resolved yet, using the other places of its documents as context."""
    summary = PlaceSummary()
    for row in rs.unplaced_entities(store, PLACE_TYPES):
        context = rs.place_context(store, row["id"], PLACE_TYPES)
        found = resolver.explain(row["name"], context)
        reason = found.reason if found else "not in GeoNames"
        rs.save_place(store, row["id"], row["name"], found.place if found else None, reason)
        if found is None or found.place.geonames_id is None:
            summary.unresolved.append(row["name"])
            continue
        summary.resolved += 1
        same = rs.places_by_geonames(store, found.place.geonames_id)
        first = store.actor_id(same[0])
        if store.actor_id(row["id"]) != first and rs.last_judgement_touching(store, row["id"]) is None:
            merge(store, first, row["id"], author=RESOLVER, score=1.0,
                  reason=f"same GeoNames place {found.place.geonames_id} ({found.place.name})")
            summary.merged += 1
    return summary
