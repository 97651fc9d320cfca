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
from collections import defaultdict
from datetime import date

import numpy as np
import rustworkx as rx
from scipy import sparse

from ..store import Store
from .convergence import Analysis
from .facts import evidence, gc_paused, strength
from .types import Bridge, Broker, Evidence, Fact
from .weights import Weights

Edge = tuple[str, str]


def _edges(analysis: Analysis, at: date) -> dict[Edge, tuple[float, tuple[Fact, ...]]]:
    preds = analysis.ontology.predicates
    excluded = analysis.weights.broker_exclude_types
    out_of_graph: dict[str, bool] = {}  # per actor, asked once
    grouped: dict[Edge, list[Fact]] = defaultdict(list)
    for f in analysis.base.facts:
        s, o = f.subject, f.object
        if o is None or s == o:
            continue
        pdef = preds.get(f.predicate)
        if pdef is None or pdef.hostile:
            continue
        for x in (s, o):
            if x not in out_of_graph:
                out_of_graph[x] = analysis.base.actor(x).type in excluded
        if out_of_graph[s] or out_of_graph[o]:
            continue
        grouped[(s, o) if s < o else (o, s)].append(f)
    out = {}
    for edge in sorted(grouped):
        s = strength(grouped[edge], at, analysis.weights)
        if s > 0:
            out[edge] = (s, tuple(grouped[edge]))
    return out


def sampled_betweenness(n: int, adj: list[list[int]], pivots: list[int], *, batch: int = 16) -> list[float]:
    """Brandes' betweenness from the given source nodes only, scaled to all n (normalised like rustworkx).

    rustworkx computes betweenness exactly from every node (O(nodes × edges)) and has no sampled variant;
    sampling a fixed number of pivots (Brandes & Pich 2007) makes the cost O(pivots × edges): linear in the
    graph. The breadth-first searches of `batch` pivots run at once as sparse-matrix products, level by
    level, touching only the edges of each level's nodes. With every node as a pivot this equals the exact
    value (a test holds it to rustworkx)."""
    if n < 3 or not pivots:
        return [0.0] * n
    rows = np.repeat(np.arange(n), [len(a) for a in adj])
    cols = np.fromiter((w for a in adj for w in a), dtype=np.int64, count=len(rows))
    graph = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    bc = np.zeros(n)
    for lo in range(0, len(pivots), batch):
        bc += _brandes_batch(graph, np.asarray(pivots[lo : lo + batch], dtype=np.int64))
    scale = (n / len(pivots)) / ((n - 1) * (n - 2))  # undirected pairs are seen from both ends
    return (bc * scale).tolist()


def _brandes_batch(graph: sparse.csr_matrix, sources: np.ndarray) -> np.ndarray:
    """Each node's summed dependency over shortest paths from `sources` (one column per source). Each level
    touches only its own nodes, their edges and the nodes they reach: O(edges) per source in all."""
    n, b = graph.shape[0], len(sources)
    col = np.arange(b)
    dist = np.full((n, b), -1, dtype=np.int32)
    sigma = np.zeros((n, b))  # shortest-path counts; floats, as rustworkx's
    dist[sources, col] = 0
    sigma[sources, col] = 1.0
    levels = [np.unique(sources)]  # nodes at each distance from any source of the batch
    while True:
        rows = levels[-1]
        d = len(levels) - 1
        out = graph[rows]
        reach = np.unique(out.indices)  # every neighbour of this level
        frontier = np.where(dist[rows] == d, sigma[rows], 0.0)
        reached = out[:, reach].T @ frontier  # paths into each neighbour from this level's nodes
        dist_r = dist[reach]
        new = (reached > 0) & (dist_r < 0)
        if not new.any():
            break
        dist_r[new] = d + 1
        dist[reach] = dist_r
        sigma_r = sigma[reach]
        sigma_r[new] = reached[new]
        sigma[reach] = sigma_r
        levels.append(reach[new.any(axis=1)])
    delta = np.zeros((n, b))
    for d in range(len(levels) - 2, -1, -1):
        rows, below = levels[d + 1], levels[d]
        safe = np.where(sigma[rows] > 0, sigma[rows], 1.0)
        share = np.where(dist[rows] == d + 1, (1.0 + delta[rows]) / safe, 0.0)
        back = graph[below][:, rows] @ share
        delta[below] += np.where(dist[below] == d, sigma[below] * back, 0.0)
    delta[sources, col] = 0.0  # a source is no intermediary of its own paths
    return delta.sum(axis=1)


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


Tie = tuple[float, tuple[Fact, ...]]
Side = tuple[float, str | None]  # strength of the best route to a group, and the person it runs through


def _sides(v: str, adj: dict[str, dict[str, Tie]], groups: set[str]) -> dict[str, Side]:
    """The groups `v` reaches, directly or through one person tied to the group, each by its strongest route
    (the first found, neighbours in id order, on a tie)."""
    best: dict[str, float] = {}
    via: dict[str, str | None] = {}
    for u, (s_vu, _) in sorted(adj[v].items()):
        if u in groups:
            if u != v and s_vu > best.get(u, 0.0):
                best[u], via[u] = s_vu, None
            continue
        for g, (s_ug, _) in adj[u].items():
            if g in groups and g != v:
                s = s_vu * s_ug
                if s > best.get(g, 0.0):
                    best[g], via[g] = s, u
    return {g: (s, via[g]) for g, s in best.items()}


def _top_sides(sides: dict[str, Side], max_sides: int) -> list[str]:
    return sorted(sorted(sides, key=lambda g: (-sides[g][0], g))[:max_sides])


def _bridging(sides: dict[str, Side], top: list[str], adj: dict[str, dict[str, Tie]]) -> float:
    """Σ over pairs of top sides of min(s_a, s_b) × (1 − direct tie a–b), without visiting every pair:
    Σ min(s_a, s_b) from the strengths sorted (the j-th strongest is the weaker of j pairs), less
    min(s_a, s_b) × tie for the pairs that have a direct tie (found by set intersection)."""
    strengths = sorted((sides[g][0] for g in top), reverse=True)
    total = sum(s * j for j, s in enumerate(strengths))
    chosen = set(top)
    for a in top:
        s_a = sides[a][0]
        for b in chosen.intersection(adj[a]):
            if a < b:
                total -= min(s_a, sides[b][0]) * adj[a][b][0]
    return total


def _route(v: str, g: str, side: Side, adj: dict[str, dict[str, Tie]]) -> tuple[Fact, ...]:
    """The facts of `v`'s strongest route to group `g`."""
    via = side[1]
    return adj[v][g][1] if via is None else adj[v][via][1] + adj[via][g][1]


def brokers_of(analysis: Analysis, *, as_of: date | None = None, limit: int | None = None) -> list[Broker]:
    """Brokers ranked by score (see the module docstring); only actors with a positive score. Every node is
    scored; bridges and evidence are assembled only for the `limit` returned."""
    with gc_paused():
        return _brokers(analysis, as_of, limit)


def _brokers(analysis: Analysis, as_of: date | None, limit: int | None) -> list[Broker]:
    at = analysis.as_of(as_of)
    w: Weights = analysis.weights
    edges = _edges(analysis, at)
    adj: dict[str, dict[str, Tie]] = defaultdict(dict)
    for (a, b), value in edges.items():
        adj[a][b] = value
        adj[b][a] = value
    nodes = sorted(adj)
    central = _betweenness(nodes, edges, w)

    groups_set = {a for a in nodes if analysis.base.actor(a).type in w.pair_types}
    ranked = []
    for v in nodes:
        sides = _sides(v, adj, groups_set)
        bridging = _bridging(sides, _top_sides(sides, w.broker_max_sides), adj) if len(sides) > 1 else 0.0
        score = w.betweenness_weight * central[v] + w.bridging_weight * bridging
        if score > 0:
            ranked.append((score, v, bridging))
    ranked.sort(key=lambda x: (-round(x[0], 9), analysis.base.actor(x[1]).name, x[1]))
    out = []
    cache: dict[str, Evidence] = {}
    actor = analysis.base.actor
    for score, v, bridging in ranked[:limit]:  # bridges and evidence only for what is returned
        sides = _sides(v, adj, groups_set)
        groups = _top_sides(sides, w.broker_max_sides)
        pairs = []
        for i, a in enumerate(groups):
            for b in groups[i + 1 :]:
                direct = adj[a].get(b, (0.0, ()))[0]
                s = min(sides[a][0], sides[b][0]) * (1.0 - max(direct, 0.0))
                if s > 0:
                    pairs.append((a, b, s))
        bridges = sorted(
            (Bridge(actor(a), actor(b), s) for a, b, s in pairs),
            key=lambda x: (-x.strength, x.a.name, x.b.name),
        )
        routes = {g: _route(v, g, sides[g], adj) for g in groups}
        used = [f for a, b, _ in pairs for f in (*routes[a], *routes[b])]
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
