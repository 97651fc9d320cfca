"""Brokers: the people and organisations that bridge otherwise separate groups.

The tie graph has one node per actor (places, publications and identity groups excluded) and one edge
per pair of actors with a positive, non-hostile tie (its strength as in convergence: independent reports
noisy-or'd, denials subtracted). Two measures, combined by the weights in weights.yaml:

- betweenness: normalised betweenness centrality of the node (rustworkx, unweighted shortest paths;
  estimated from `pivots` sampled sources when the graph has more than `max_exact_nodes` nodes);
- bridging: for every pair of groups (A, B) the node reaches, directly or through one person tied to the
  group, min(tie to A, tie to B) × (1 − direct tie A–B). A facilitator tied to a state agency and to an
  armed group that have no tie of their own scores high; one between two allied groups scores little.

Every node is scored from index arrays (`_Graph`, `_bridging_all`): no dictionary per node, no Python loop
per route, so the cost grows with the ties. Bridges and evidence for the brokers returned are assembled by
the per-node functions (`_sides`, `_bridging`, `_route`), which tests hold the arrays to.
"""

from __future__ import annotations

import random
from datetime import date

import numpy as np
import rustworkx as rx
from scipy import sparse

from ..store import Store
from .convergence import Analysis
from .facts import FactColumns, evidence, gc_paused
from .types import Bridge, Broker, Evidence, Fact
from .weights import Weights

Tie = tuple[float, tuple[Fact, ...]]
Side = tuple[float, str | None]  # strength of the best route to a group, and the person it runs through


def _ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The indices starts[0]…starts[0]+lengths[0]-1, then those of the second range, and so on."""
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    return np.repeat(starts - (np.cumsum(lengths) - lengths), lengths) + np.arange(total)


def _noisy_or_by(groups: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    """Per group 0…n-1, 1 − Π(1 − v) over its values (clipped to [0, 1]), multiplied in the given order."""
    out = np.zeros(n)
    if values.size == 0:
        return out
    order = np.argsort(groups, kind="stable")
    g = groups[order]
    starts = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
    out[g[starts]] = 1.0 - np.multiply.reduceat(1.0 - np.clip(values[order], 0.0, 1.0), starts)
    return out


class _Graph:
    """The tie graph as index arrays: nodes in id order, edges (a < b) in (a, b) order with their strength,
    each edge's facts (positions in the fact list, id order), and both directions of every edge sorted by
    (from, to) for the neighbour lists. `adj` gives a node's neighbours as a dict, built on first use (only
    the brokers returned need theirs)."""

    def __init__(self, analysis: Analysis, at: date) -> None:
        w = analysis.weights
        preds = analysis.ontology.predicates
        excluded = w.broker_exclude_types
        facts = analysis.base.facts
        cols = analysis.columns
        # the facts that tie two actors of the graph: an object other than the subject, a known predicate that
        # is not hostile, neither actor of an excluded type (places, publications, identity groups)
        tying = np.array([(p := preds.get(name)) is not None and not p.hostile for name in cols.predicates],
                         dtype=bool)
        out = np.array([analysis.base.actor(v).type in excluded for v in cols.actors], dtype=bool)
        s_, o_ = cols.subject, cols.object
        keep = (o_ >= 0) & (s_ != o_) & tying[cols.predicate]
        keep[keep] &= ~out[s_[keep]] & ~out[o_[keep]]
        pos = np.flatnonzero(keep)
        a, b = s_[pos], o_[pos]  # actor codes: they sort as the ids do
        names = cols.actors
        lo, hi = np.minimum(a, b), np.maximum(a, b)
        code = lo * max(len(names), 1) + hi
        by_edge = np.argsort(code, kind="stable")  # facts grouped by edge, in id order within each
        fpos = pos[by_edge]
        codes, edge_of = np.unique(code[by_edge], return_inverse=True)
        edge_of = edge_of.reshape(-1)
        strength = self._strength(cols, fpos, edge_of, len(codes), at, w)
        keep = strength > 0
        starts = np.r_[0, np.cumsum(np.bincount(edge_of, minlength=len(codes)))]
        kept = np.flatnonzero(keep)
        self.edge_facts_at = np.r_[0, np.cumsum(starts[kept + 1] - starts[kept])].astype(np.int64)
        self.edge_facts = fpos[_ranges(starts[kept], starts[kept + 1] - starts[kept])]
        n_names = max(len(names), 1)
        ends, node_of = np.unique(np.r_[codes[kept] // n_names, codes[kept] % n_names], return_inverse=True)
        self.nodes: list[str] = [names[r] for r in ends.tolist()]
        n_edges = len(kept)
        self.ea, self.eb = node_of[:n_edges], node_of[n_edges:]
        self.es = strength[kept]
        self.group = np.array([analysis.base.actor(v).type in w.pair_types for v in self.nodes], dtype=bool)
        src = np.r_[self.ea, self.eb]
        dst = np.r_[self.eb, self.ea]
        order = np.lexsort((dst, src))
        self.src, self.dst, self.edge = src[order], dst[order], np.r_[np.arange(n_edges), np.arange(n_edges)][order]
        self.ptr = np.searchsorted(self.src, np.arange(len(self.nodes) + 1))
        self._facts = facts
        self._adj: dict[str, dict[str, Tie]] = {}
        self._node_index = {v: i for i, v in enumerate(self.nodes)}

    @staticmethod
    def _strength(
        cols: FactColumns, fpos: np.ndarray, edge_of: np.ndarray, n: int, at: date, w: Weights
    ) -> np.ndarray:
        """`facts.strength` of every edge's facts on `at`, with numpy."""
        # `facts.fact_weight` of each fact: the same float operations, so the same strengths (the decay
        # 0.5 ** (age / half_life) in Python floats, once per distinct age; the product with numpy)
        b = cols.base[fpos]
        dated = cols.dated[fpos]
        age = at.toordinal() - cols.when[fpos]
        ages, age_at = np.unique(np.where(dated, age, 0), return_inverse=True)
        half_life = w.half_life_days
        decay = np.array([0.5 ** (a / half_life) for a in ages.tolist()], dtype=np.float64)
        b = np.where(dated, np.where(age < 0, 0.0, b * decay[age_at.reshape(-1)]), b)
        weight = np.where(cols.negated[fpos], -b, b)
        indep = cols.independence[fpos]
        n_keys = int(indep.max()) + 1 if indep.size else 0
        # per edge and independent report the strongest fact; reports in order of first appearance
        out = np.zeros(n)
        for sign in (1.0, -1.0):
            m = weight * sign > 0
            key = edge_of[m] * (n_keys + 1) + indep[m]
            groups, first, inverse = np.unique(key, return_index=True, return_inverse=True)
            best = np.zeros(len(groups))
            np.maximum.at(best, inverse.reshape(-1), weight[m] * sign)
            order = np.argsort(first, kind="stable")
            out += sign * _noisy_or_by(groups[order] // (n_keys + 1), best[order], n)
        return out

    def facts_of(self, e: int) -> tuple[Fact, ...]:
        lo, hi = int(self.edge_facts_at[e]), int(self.edge_facts_at[e + 1])
        return tuple(map(self._facts.__getitem__, self.edge_facts[lo:hi].tolist()))

    def adj(self, v: str) -> dict[str, Tie]:
        """Neighbour → (tie strength, facts), neighbours in id order."""
        hit = self._adj.get(v)
        if hit is None:
            i = self._node_index[v]
            lo, hi = int(self.ptr[i]), int(self.ptr[i + 1])
            hit = self._adj[v] = {
                self.nodes[u]: (float(self.es[e]), self.facts_of(e))
                for u, e in zip(self.dst[lo:hi].tolist(), self.edge[lo:hi].tolist(), strict=True)
            }
        return hit


class _LazyAdj(dict[str, dict[str, "Tie"]]):
    """`adj[v]` for the Python helpers below, each node's neighbours built when first asked."""

    def __init__(self, graph: _Graph) -> None:
        super().__init__()
        self._graph = graph

    def __missing__(self, v: str) -> dict[str, Tie]:
        out = self[v] = self._graph.adj(v)
        return out


def sampled_betweenness(n: int, adj: list[list[int]], pivots: list[int], *, batch: int = 16) -> list[float]:
    """Brandes' betweenness from the given source nodes only, scaled to all n (normalised like rustworkx).

    rustworkx computes betweenness exactly from every node (O(nodes × edges)) and has no sampled variant;
    sampling a fixed number of pivots (Brandes & Pich 2007) makes the cost O(pivots × edges): linear in the
    graph. The breadth-first searches of `batch` pivots run at once as sparse-matrix products, level by
    level, touching only the edges of each level's nodes. With every node as a pivot this equals the exact
    value (a test holds it to rustworkx)."""
    rows = np.repeat(np.arange(n), [len(a) for a in adj])
    cols = np.fromiter((w for a in adj for w in a), dtype=np.int64, count=len(rows))
    return _sampled(n, rows, cols, pivots, batch=batch).tolist()


def _sampled(n: int, rows: np.ndarray, cols: np.ndarray, pivots: list[int], *, batch: int = 16) -> np.ndarray:
    """`sampled_betweenness` of the graph whose directed edges (both ways) are rows[i] → cols[i]."""
    if n < 3 or not pivots:
        return np.zeros(n)
    graph = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    bc = np.zeros(n)
    for lo in range(0, len(pivots), batch):
        bc += _brandes_batch(graph, np.asarray(pivots[lo : lo + batch], dtype=np.int64))
    scale = (n / len(pivots)) / ((n - 1) * (n - 2))  # undirected pairs are seen from both ends
    return bc * scale


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


def _betweenness(graph: _Graph, weights: Weights) -> np.ndarray:
    """Exact betweenness (rustworkx) up to `max_exact_nodes`; above, estimated from `pivots` sources."""
    n = len(graph.nodes)
    if n <= weights.broker_max_exact_nodes:
        g = rx.PyGraph(multigraph=False)
        g.add_nodes_from(graph.nodes)
        g.add_edges_from_no_data(list(zip(graph.ea.tolist(), graph.eb.tolist(), strict=True)))
        central = rx.graph_betweenness_centrality(g, normalized=True)
        return np.array([float(central[i]) for i in range(n)])
    pivots = sorted(random.Random(0).sample(range(n), weights.broker_pivots))
    return _sampled(n, graph.src, graph.dst, pivots)


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


def _bridging_all(graph: _Graph, max_sides: int, block: int = 1 << 20) -> np.ndarray:
    """`_bridging` of every node at once, with numpy: each node's sides (the groups it reaches directly or
    through one non-group neighbour, by the strongest route), its `max_sides` strongest (ties in id order),
    Σ min(s_a, s_b) from the sorted strengths, less min(s_a, s_b) × tie for the pairs of sides with a direct
    tie. Linear in the routes of length two; tests hold it to the per-node functions."""
    n = len(graph.nodes)
    src, dst, es, group = graph.src, graph.dst, graph.es[graph.edge], graph.group
    to_group = group[dst]
    # group neighbours of every node, as a CSR of (from, to, strength)
    g_src, g_dst, g_s = src[to_group], dst[to_group], es[to_group]
    g_ptr = np.searchsorted(g_src, np.arange(n + 1))
    g_deg = np.diff(g_ptr)
    # routes: direct ties to a group, and ties to a non-group neighbour continued to its groups
    via = np.flatnonzero(~to_group)
    hop = _ranges(g_ptr[dst[via]], g_deg[dst[via]])
    first = np.repeat(via, g_deg[dst[via]])
    v = np.r_[g_src, src[first]]
    g = np.r_[g_dst, g_dst[hop]]
    strength = np.r_[g_s, es[first] * g_s[hop]]
    ok = g != v
    v, g, strength = v[ok], g[ok], strength[ok]
    # each (node, group) by its strongest route
    code = v * n + g
    order = np.argsort(code, kind="stable")
    code, strength = code[order], strength[order]
    starts = np.flatnonzero(np.r_[True, code[1:] != code[:-1]]) if code.size else np.zeros(0, dtype=np.int64)
    best = np.maximum.reduceat(strength, starts) if code.size else strength
    side_v, side_g = code[starts] // n, code[starts] % n
    n_sides = np.bincount(side_v, minlength=n)
    # the strongest max_sides of each node (ties in id order); rank j within its node, strongest first
    order = np.lexsort((side_g, -best, side_v))
    side_v, side_g, best = side_v[order], side_g[order], best[order]
    node_at = np.searchsorted(side_v, np.arange(n + 1))
    rank = np.arange(len(side_v)) - node_at[side_v]
    top = (rank < max_sides) & (n_sides[side_v] > 1)
    side_v, side_g, best, rank = side_v[top], side_g[top], best[top], rank[top]
    total = np.bincount(side_v, weights=best * rank, minlength=n)  # the j-th strongest is the weaker of j pairs
    # less min(s_a, s_b) × tie for the chosen pairs a < b that have a direct tie
    chosen = side_v * n + side_g
    resort = np.argsort(chosen)
    chosen_sorted, best_sorted = chosen[resort], best[resort]
    csr = (g_ptr, g_deg, g_dst, g_s)
    for lo in range(0, len(side_v), block):
        cv, ca, cs = side_v[lo : lo + block], side_g[lo : lo + block], best[lo : lo + block]
        # each chosen side's group neighbours, a range of sides holding about `block` of them at a time: a
        # block of sides has tens of millions at a million claims (most of a gigabyte of temporaries, fresh
        # memory each run). The ties found are few; they are summed per block of sides in the order found, so
        # the totals are the same floats as when the block was done at once.
        cuts = np.r_[0, np.cumsum(g_deg[ca])]
        at_sides = np.unique(np.r_[0, np.searchsorted(cuts, np.arange(block, int(cuts[-1]), block)), len(ca)])
        found = [_tied(cv[i:j], ca[i:j], cs[i:j], csr, (chosen_sorted, best_sorted), n)
                 for i, j in zip(at_sides[:-1].tolist(), at_sides[1:].tolist(), strict=True)]
        nodes = np.concatenate([f[0] for f in found]) if found else np.zeros(0, dtype=np.int64)
        s_ab = np.concatenate([f[1] for f in found]) if found else np.zeros(0)
        total -= np.bincount(nodes, weights=s_ab, minlength=n)
    return total


def _tied(cv: np.ndarray, ca: np.ndarray, cs: np.ndarray, csr: tuple[np.ndarray, ...],
          chosen: tuple[np.ndarray, np.ndarray], n: int) -> tuple[np.ndarray, np.ndarray]:
    """Of chosen sides (node cv, group ca, strength cs), the pairs of sides a < b of one node with a direct tie:
    the node and min(s_a, s_b) × tie of each, in side order, then neighbour order."""
    g_ptr, g_deg, g_dst, g_s = csr
    chosen_sorted, best_sorted = chosen
    nb = _ranges(g_ptr[ca], g_deg[ca])
    row = np.repeat(np.arange(len(ca)), g_deg[ca])
    b = g_dst[nb]
    later = b > ca[row]
    nb, row, b = nb[later], row[later], b[later]
    at = np.searchsorted(chosen_sorted, cv[row] * n + b)
    at = np.minimum(at, max(len(chosen_sorted) - 1, 0))
    found = chosen_sorted[at] == cv[row] * n + b if chosen_sorted.size else np.zeros(0, dtype=bool)
    return cv[row[found]], np.minimum(cs[row[found]], best_sorted[at[found]]) * g_s[nb[found]]


def _brokers(analysis: Analysis, as_of: date | None, limit: int | None) -> list[Broker]:
    at = analysis.as_of(as_of)
    w: Weights = analysis.weights
    graph = _Graph(analysis, at)
    nodes = graph.nodes
    central = _betweenness(graph, w)
    bridging = _bridging_all(graph, w.broker_max_sides)
    score = w.betweenness_weight * central + w.bridging_weight * bridging
    actor = analysis.base.actor
    positive = score > 0
    ranked = list(
        zip(score[positive].tolist(), [nodes[i] for i in np.flatnonzero(positive).tolist()],
            bridging[positive].tolist(), strict=True)
    )
    ranked.sort(key=lambda x: (-round(x[0], 9), actor(x[1]).name, x[1]))
    index = {v: i for i, v in enumerate(nodes)}
    adj = _LazyAdj(graph)
    groups_set = {nodes[i] for i in np.flatnonzero(graph.group).tolist()}
    out = []
    cache: dict[str, Evidence] = {}
    for score_v, v, bridging_v in ranked[:limit]:  # bridges and evidence only for what is returned
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
                score=score_v,
                betweenness=float(central[index[v]]),
                bridging=bridging_v,
                bridges=tuple(bridges),
                evidence=evidence(used, analysis.base, at, w, cache=cache),
            )
        )
    return out


def brokers(store: Store, *, as_of: date | None = None, limit: int | None = None) -> list[Broker]:
    """The people and organisations that bridge otherwise separate groups, with the claims that make them
    a bridge."""
    return brokers_of(Analysis.load(store, as_of=as_of), as_of=as_of, limit=limit)
