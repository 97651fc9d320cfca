"""The resolution stage as one call, for the end of an ingest: kinship, actors, then grades."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..store import Store
from . import actors, grading
from .geo import PlaceSummary, resolve_place_entities
from .places import PlaceResolver

if TYPE_CHECKING:
    from ..nlp.gazetteer import Gazetteer


@dataclass(frozen=True, slots=True)
class StageReport:
    kin_added: int
    actors: actors.ResolutionSummary
    places: PlaceSummary | None
    graded: int
    disputed: int

    def to_json(self) -> dict[str, Any]:
        places = {} if self.places is None else {
            "places_resolved": self.places.resolved, "places_unresolved": len(self.places.unresolved),
            "places_merged": self.places.merged}
        return {"kin_added": self.kin_added, **self.actors.to_json(), **places, "graded": self.graded,
                "disputed": self.disputed}


def resolve_store(
    store: Store, *, gazetteer: Gazetteer | None = None, places: PlaceResolver | None = None,
    reliability: grading.Reliability | None = None,
) -> StageReport:
    """Resolve places (when given a resolver), seed kinship, resolve actors nobody has judged, regroup
    near-duplicate documents and regrade every claim.

    Idempotent: running it twice changes nothing the second time (judgements already made are kept).
    """
    with store.exclusive("resolution"):  # two ingests into one PostgreSQL database resolve in turn
        place_summary = resolve_place_entities(store, places) if places is not None else None
        kin = actors.seed_kinship(store, gazetteer)
        summary = actors.resolve_new_entities(store, gazetteer=gazetteer)
        grades = grading.refresh(store, reliability=reliability)
    return StageReport(kin, summary, place_summary, len(grades), sum(g.disputed for g in grades.values()))
