"""Brokers: the people and organisations that bridge otherwise separate groups.

The tie graph has one node per actor (places, publications and identity groups excluded) and one edge
per pair of actors with a positive, non-hostile tie (its strength as in convergence: independent reports
noisy-or'd, denials subtracted). Two measures, combined by the weights in weights.yaml:

- betweenness: normalised betweenness centrality of the node (rustworkx, unweighted shortest paths);
- bridging: for every pair of groups (A, B) the node reaches, directly or through one person tied to the
  group, min(tie to A, tie to B) × (1 − direct tie A–B). A facilitator tied to a state agency and to an
  armed group that have no tie of their own scores high; one between two allied groups scores little.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import rustworkx as rx

from ..store import Store
from .convergence import Analysis
from .facts import evidence, strength
from .types import Bridge, Broker, Fact
from .weights import Weights

Edge = tuple[str, str]


def _edges(analysis: Analysis, at: date) -> dict[Edge, tuple[float, tuple[Fact, ...]]]:
    preds = analysis.ontology.predicates
    excluded = analysis.weights.broker_exclude_types
    grouped: dict[Edge, list[Fact]] = defaultdict(list)
    for f in analysis.base.facts:
        pdef = preds.get(f.predicate)
        if f.object is None or f.subject == f.object or pdef is None or pdef.hostile:
            continue
        if analysis.base.actor(f.subject).type in excluded or analysis.base.actor(f.object).type in excluded:
            continue
        a, b = sorted((f.subject, f.object))
        grouped[(a, b)].append(f)
    out = {}
    for edge in sorted(grouped):
        s = strength(grouped[edge], at, analysis.weights)
        if s > 0:
            out[edge] = (s, tuple(grouped[edge]))
    return out


def _betweenness(nodes: list[str], edges: dict[Edge, tuple[float, tuple[Fact, ...]]]) -> dict[str, float]:
    graph = rx.PyGraph(multigraph=False)
    index = {n: graph.add_node(n) for n in nodes}
    graph.add_edges_from_no_data([(index[a], index[b]) for a, b in edges])
    central = rx.graph_betweenness_centrality(graph, normalized=True)
    return {n: float(central[index[n]]) for n in nodes}


def brokers_of(analysis: Analysis, *, as_of: date | None = None, limit: int | None = None) -> list[Broker]:
    """Brokers ranked by score (see the module docstring); only actors with a positive score."""
    at = analysis.as_of(as_of)
    w: Weights = analysis.weights
    edges = _edges(analysis, at)
    adj: dict[str, dict[str, tuple[float, tuple[Fact, ...]]]] = defaultdict(dict)
    for (a, b), value in edges.items():
        adj[a][b] = value
        adj[b][a] = value
    nodes = sorted(adj)
    central = _betweenness(nodes, edges)

    def is_group(x: str) -> bool:
        return analysis.base.actor(x).type in w.pair_types

    out = []
    for v in nodes:
        sides: dict[str, tuple[float, tuple[Fact, ...]]] = {}
        for u, (s_vu, f_vu) in sorted(adj[v].items()):
            reach = (
                [(u, s_vu, f_vu)]
                if is_group(u)
                else [
                    (g, s_vu * s_ug, f_vu + f_ug) for g, (s_ug, f_ug) in sorted(adj[u].items()) if is_group(g)
                ]
            )
            for g, s, facts in reach:
                if g != v and s > sides.get(g, (0.0, ()))[0]:
                    sides[g] = (s, facts)
        bridges = []
        used: list[Fact] = []
        groups = sorted(sides)
        for i, a in enumerate(groups):
            for b in groups[i + 1 :]:
                direct = adj[a].get(b, (0.0, ()))[0]
                s = min(sides[a][0], sides[b][0]) * (1.0 - max(direct, 0.0))
                if s > 0:
                    bridges.append(Bridge(analysis.base.actor(a), analysis.base.actor(b), s))
                    used += [*sides[a][1], *sides[b][1]]
        bridges.sort(key=lambda x: (-x.strength, x.a.name, x.b.name))
        bridging = sum(x.strength for x in bridges)
        score = w.betweenness_weight * central[v] + w.bridging_weight * bridging
        if score <= 0:
            continue
        out.append(
            Broker(
                actor=analysis.base.actor(v),
                score=score,
                betweenness=central[v],
                bridging=bridging,
                bridges=tuple(bridges),
                evidence=evidence(used, analysis.base, at, w),
            )
        )
    out.sort(key=lambda x: (-round(x.score, 9), x.actor.name, x.actor.id))
    return out[:limit] if limit is not None else out


def brokers(store: Store, *, as_of: date | None = None, limit: int | None = None) -> list[Broker]:
    """The people and organisations that bridge otherwise separate groups, with the claims that make them
    a bridge."""
    return brokers_of(Analysis.load(store, as_of=as_of), as_of=as_of, limit=limit)
