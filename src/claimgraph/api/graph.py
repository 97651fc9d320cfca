"""The actor graph the page draws: one edge per (subject, predicate, object, polarity), backed by its claims.

An edge is *corroborated* when at least two different sources in at least two documents state it without
hedging; otherwise it is drawn dashed, as a hedged or single-source tie. Symmetric predicates (met with,
cooperates with) fold both directions into one edge."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..records import Claim, Polarity, SourceKind
from .views import Views, claim_when, is_hedged, overlaps


@dataclass(frozen=True, slots=True)
class GraphFilter:
    """What the page's filter bar asks for. Empty tuples and None mean "no filter"."""

    predicates: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    min_credibility: float | None = None
    hide_hedged: bool = False
    types: tuple[str, ...] = ()
    actor: str | None = None  # an actor id: only claims with this actor as subject or object

    def keeps(self, c: Claim, views: Views) -> bool:
        if self.predicates and c.predicate not in self.predicates:
            return False
        if self.hide_hedged and is_hedged(c):
            return False
        if self.min_credibility is not None:
            cred = views.grades.credibility(c)
            if cred is None or cred < self.min_credibility:
                return False
        return overlaps(claim_when(c, views.docs), self.since, self.until)


@dataclass(slots=True)
class _Edge:
    source: str
    target: str
    predicate: str
    polarity: str
    claims: list[Claim] = field(default_factory=list)


def _edge_json(e: _Edge, views: Views) -> dict[str, Any]:
    docs = {c.doc_id for c in e.claims}
    sources = {c.source.name.lower() for c in e.claims}
    asserted = [c for c in e.claims if not is_hedged(c)]
    asserted_sources = {c.source.name.lower() for c in asserted}
    asserted_docs = {c.doc_id for c in asserted}
    creds = [x for x in (views.grades.credibility(c) for c in e.claims) if x is not None]
    grades = [g for g in (views.grades.rows.get(c.id) for c in e.claims) if g is not None]
    best = min(grades, key=lambda g: (g.credibility, g.reliability), default=None)
    return {
        "id": f"{e.source}|{e.predicate}|{e.target}|{e.polarity}",
        "source": e.source,
        "target": e.target,
        "predicate": e.predicate,
        "label": views.predicate_label(e.predicate),
        "polarity": e.polarity,
        "claims": len(e.claims),
        "documents": len(docs),
        "sources": len(sources),
        "hedged": not asserted,
        "single_source": len(sources) < 2 or len(docs) < 2,
        "corroborated": len(asserted_sources) >= 2 and len(asserted_docs) >= 2,
        "credibility": max(creds) if creds else None,
        "grade": f"{best.reliability}{best.credibility}" if best else None,
        "anonymous": all(c.source.kind is SourceKind.ANONYMOUS for c in e.claims),
        "claim_ids": [c.id for c in e.claims],
    }


def build_graph(
    claims: Iterable[Claim], views: Views, flt: GraphFilter, *, limit: int, offset: int
) -> dict[str, Any]:
    """Nodes and edges for the kept claims. Edges are ranked by how many claims back them, then paged."""
    edges: dict[tuple[str, str, str, str], _Edge] = {}
    nodes: dict[str, dict[str, Any]] = {}
    actor_cache: dict[str, dict[str, Any]] = {}

    def actor(entity_id: str) -> dict[str, Any]:
        if entity_id not in actor_cache:
            actor_cache[entity_id] = views.store.entity(views.actor_of(entity_id))
        return actor_cache[entity_id]

    for c in claims:
        if c.object is None or not flt.keeps(c, views):
            continue
        s, o = actor(c.subject.id), actor(c.object.id)
        if flt.types and (s["type"] not in flt.types or o["type"] not in flt.types):
            continue
        if flt.actor is not None and flt.actor not in (s["id"], o["id"]):
            continue
        a, b = s["id"], o["id"]
        pdef = views.ontology.predicates.get(c.predicate)
        if pdef is not None and pdef.symmetric and b < a:
            a, b = b, a
        key = (a, c.predicate, b, c.polarity.value)
        edges.setdefault(key, _Edge(a, b, c.predicate, c.polarity.value)).claims.append(c)
    ranked = sorted(edges.values(), key=lambda e: (-len(e.claims), e.source, e.predicate, e.target))
    shown = [_edge_json(e, views) for e in ranked[offset : offset + limit]]
    counts: dict[str, list[Claim]] = {}
    for e in ranked[offset : offset + limit]:
        for end in (e.source, e.target):
            counts.setdefault(end, []).extend(e.claims)
    for actor_id, backing in counts.items():
        info = views.store.entity(actor_id)
        creds = [x for x in (views.grades.credibility(c) for c in backing) if x is not None]
        nodes[actor_id] = {
            "id": actor_id,
            "name": info["name"],
            "type": info["type"],
            "claims": len({c.id for c in backing}),
            "documents": len({c.doc_id for c in backing}),
            "negated_only": all(c.polarity is Polarity.NEGATED for c in backing),
            "credibility": max(creds) if creds else None,
        }
    return {
        "nodes": sorted(nodes.values(), key=lambda n: n["name"]),
        "edges": shown,
        "total": len(ranked),
        "limit": limit,
        "offset": offset,
    }
