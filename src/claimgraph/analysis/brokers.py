"""Brokers: the people and organisations that bridge otherwise separate groups.

The tie graph has one node per actor (places, publications and identity groups excluded) and one edge
per pair of actors with a positive, non-hostile tie (its strength as in convergence: independent reports
noisy-or'd, denials subtracted). Two measures, combined by the weights in weights.yaml:

- betweenness: normalised betweenness centrality of the node (rustworkx, unweighted shortest paths;
  estimated from `pivots` sampled sources when the graph has more than `max_exact_nodes` nodes);
- bridging: for every pair of groups (A, B) the node reaches, directly or through one person tied to the
  group, min(tie to A, tie to B) × (1 − direct tie A–B). A facilitator tied to a state agency and to an
  armed group that have no tie of their own scores high; one between two allied groups scores little.
"""

from __future__ import annotations

import random
from collections import defaultdict, deque
from datetime import date

import rustworkx as rx

from ..store import Store
from .convergence import Analysis
from .facts import evidence, strength
from .types import Bridge, Broker, Evidence, Fact
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


def sampled_betweenness(n: int, adj: list[list[int]], pivots: list[int]) -> list[float]:
    """Brandes' betweenness from the given source nodes only, scaled to all n (normalised like rustworkx).

    Hand-written because rustworkx computes betweenness exactly from every node and has no sampled
    variant; on a store of 100k claims (14k actors) the exact run takes over a minute. With every node
    as a pivot this equals the exact value (a test holds it to rustworkx)."""
    bc = [0.0] * n
    for s in pivots:
        sigma = [0] * n
        dist = [-1] * n
        preds: list[list[int]] = [[] for _ in range(n)]
        sigma[s], dist[s] = 1, 0
        order = []
        queue = deque([s])
        while queue:
            v = queue.popleft()
            order.append(v)
            for w in adj[v]:
                if dist[w] < 0:
                    dist[w] = dist[v] + 1
                    queue.append(w)
                if dist[w] == dist[v] + 1:
                    sigma[w] += sigma[v]
                    preds[w].append(v)
        delta = [0.0] * n
        for w in reversed(order):
            for v in preds[w]:
                delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w])
            if w != s:
                bc[w] += delta[w]
    if n < 3 or not pivots:
        return [0.0] * n
    scale = (n / len(pivots)) / ((n - 1) * (n - 2))  # undirected pairs are seen from both ends
    return [b * scale for b in bc]


def _betweenness(
    nodes: list[str], edges: dict[Edge, tuple[float, tuple[Fact, ...]]], weights: Weights
) -> dict[str, float]:
    """Exact betweenness (rustworkx) up to `max_exact_nodes`; above, estimated from `pivots` sources."""
    index = {n: i for i, n in enumerate(nodes)}
    if len(nodes) <= weights.broker_max_exact_nodes:
        graph = rx.PyGraph(multigraph=False)
        graph.add_nodes_from(nodes)
        graph.add_edges_from_no_data([(index[a], index[b]) for a, b in edges])
        central = rx.graph_betweenness_centrality(graph, normalized=True)
        return {n: float(central[index[n]]) for n in nodes}
    adj: list[list[int]] = [[] for _ in nodes]
    for a, b in edges:
        adj[index[a]].append(index[b])
        adj[index[b]].append(index[a])
    pivots = sorted(random.Random(0).sample(range(len(nodes)), weights.broker_pivots))
    values = sampled_betweenness(len(nodes), adj, pivots)
    return {n: values[index[n]] for n in nodes}


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
    central = _betweenness(nodes, edges, w)

    groups_set = {a for a in nodes if analysis.base.actor(a).type in w.pair_types}
    ranked = []
    for v in nodes:
        sides: dict[str, tuple[float, tuple[Fact, ...]]] = {}
        for u, (s_vu, f_vu) in sorted(adj[v].items()):
            if u in groups_set:
                reach = [(u, s_vu, f_vu)]
            else:
                reach = [
                    (g, s_vu * s_ug, f_vu + f_ug) for g, (s_ug, f_ug) in adj[u].items() if g in groups_set
                ]
            for g, s, facts in reach:
                if g != v and s > sides.get(g, (0.0, ()))[0]:
                    sides[g] = (s, facts)
        pairs = []
        groups = sorted(sorted(sides, key=lambda g: (-sides[g][0], g))[: w.broker_max_sides])
        for i, a in enumerate(groups):
            for b in groups[i + 1 :]:
                direct = adj[a].get(b, (0.0, ()))[0]
                s = min(sides[a][0], sides[b][0]) * (1.0 - max(direct, 0.0))
                if s > 0:
                    pairs.append((a, b, s))
        bridging = sum(s for _, _, s in pairs)
        score = w.betweenness_weight * central[v] + w.bridging_weight * bridging
        if score > 0:
            ranked.append((score, v, bridging, pairs, sides))
    ranked.sort(key=lambda x: (-round(x[0], 9), analysis.base.actor(x[1]).name, x[1]))
    out = []
    cache: dict[str, Evidence] = {}
    for score, v, bridging, pairs, sides in ranked[:limit]:  # evidence only for what is returned
        actor = analysis.base.actor
        bridges = sorted(
            (Bridge(actor(a), actor(b), s) for a, b, s in pairs),
            key=lambda x: (-x.strength, x.a.name, x.b.name),
        )
        used = [f for a, b, _ in pairs for f in (*sides[a][1], *sides[b][1])]
        out.append(
            Broker(
                actor=actor(v),
                score=score,
                betweenness=central[v],
                bridging=bridging,
                bridges=tuple(bridges),
                evidence=evidence(used, analysis.base, at, w, cache=cache),
            )
        )
    return out


def brokers(store: Store, *, as_of: date | None = None, limit: int | None = None) -> list[Broker]:
    """The people and organisations that bridge otherwise separate groups, with the claims that make them
    a bridge."""
    return brokers_of(Analysis.load(store, as_of=as_of), as_of=as_of, limit=limit)
