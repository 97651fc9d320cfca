"""The analyses at scale: the faster convergence and brokers give the results the previous implementation gave,
and the parts that replaced pairwise loops agree with the loops they replaced."""

from __future__ import annotations

import hashlib
import json
import random
import sys
from dataclasses import replace
from pathlib import Path

import pytest
import rustworkx as rx

from claimgraph.analysis import Analysis, brokers_of
from claimgraph.store import Store

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `bench` is a top-level folder beside src/, not an installed package
    sys.path.insert(0, str(ROOT))

broker_module = sys.modules["claimgraph.analysis.brokers"]

#: Digests of the results on the bench's synthetic store of 3,000 claims (seed 7), computed with the
#: implementation before the scaling work (pairwise bridging, a Python Brandes loop, the garbage collector on).
#: Every pair's explanation (signals, evidence, trend), every pair's score, and every broker must be unchanged.
PREVIOUS = {
    "pairs": "23ba3e67844ee010",
    "scores": "92e1363118aeffb4",
    "brokers": "a0cffbd003aebce2",
    "brokers_sampled": "27b27982e710116b",
}


def _digest(obj: object) -> str:
    return hashlib.sha256(json.dumps(obj, sort_keys=True, default=str).encode()).hexdigest()[:16]


@pytest.fixture(scope="module")
def synthetic_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from bench.analysis import build_store

    db = tmp_path_factory.mktemp("scale") / "synthetic.db"
    build_store(db, 3000)
    return db


def test_convergence_and_brokers_equal_the_previous_implementation(synthetic_db: Path) -> None:
    with Store(synthetic_db, readonly=True) as store:
        analysis = Analysis.load(store)
        pairs = analysis.pairs()
        assert len(pairs) > 5000  # every pair with its explanation, not a sample
        assert _digest([p.to_json() for p in pairs]) == PREVIOUS["pairs"]
        assert _digest([round(x, 9) for x in analysis.evaluate_all().tolist()]) == PREVIOUS["scores"]
        found = brokers_of(analysis)
        assert len(found) > 500
        assert _digest([b.to_json() for b in found]) == PREVIOUS["brokers"]
        # above max_exact_nodes betweenness is estimated from pivots: the same estimate as before
        sampled = Analysis.load(store, weights=replace(analysis.weights, broker_max_exact_nodes=10))
        assert _digest([b.to_json() for b in brokers_of(sampled)]) == PREVIOUS["brokers_sampled"]


def test_brokers_with_a_limit_are_the_head_of_the_full_list(synthetic_db: Path) -> None:
    with Store(synthetic_db, readonly=True) as store:
        analysis = Analysis.load(store)
        every = brokers_of(analysis)
        assert [b.to_json() for b in brokers_of(analysis, limit=25)] == [b.to_json() for b in every[:25]]


def test_pairs_with_a_limit_are_the_head_of_the_full_list(synthetic_db: Path) -> None:
    """Only the pairs scoring at least the limit-th best are sorted: the same head, ties in pair-id order."""
    with Store(synthetic_db, readonly=True) as store:
        analysis = Analysis.load(store)
        every = [p.to_json() for p in analysis.pairs()]
        scores = [round(p["score"], 9) for p in every]
        tied = next(k for k in range(1, len(scores)) if scores[k] == scores[k - 1])  # a limit that cuts a tie
        for limit in (1, 7, tied, 300):
            assert [p.to_json() for p in analysis.pairs(limit=limit)] == every[:limit]


def test_a_dropped_analysis_is_freed(synthetic_db: Path) -> None:
    """Analysis.load freezes what it built (kept out of the collector's passes): that is only safe while its
    records hold no reference cycle, which the collector would no longer break. Dropped, an analysis and
    everything asked of it is freed by reference counting."""
    import gc
    from datetime import timedelta

    from claimgraph.analysis import changes_of

    with Store(synthetic_db, readonly=True) as store:
        Analysis.load(store)  # the first load also freezes what the process held before (modules, ontology)
        before = gc.get_freeze_count()
        analysis = Analysis.load(store)
        assert gc.get_freeze_count() - before > 3000  # its facts and links
        analysis.pairs(limit=5)
        brokers_of(analysis, limit=5)
        changes_of(analysis, analysis.as_of() - timedelta(days=90))
        del analysis
        assert gc.get_freeze_count() - before < 500


def _random_graph(rng: random.Random, n: int, m: int) -> rx.PyGraph:
    graph = rx.PyGraph(multigraph=False)
    graph.add_nodes_from(range(n))
    edges = {tuple(sorted(rng.sample(range(n - 5), 2))) for _ in range(m)}  # the last 5 nodes stay apart
    graph.add_edges_from_no_data(sorted(edges))
    graph.add_edge(n - 2, n - 1, None)  # a separate component of two
    return graph


@pytest.mark.parametrize("batch", [1, 7, 64])
def test_sampled_betweenness_with_every_pivot_is_exact_in_any_batch(batch: int) -> None:
    graph = _random_graph(random.Random(batch), 120, 260)
    n = graph.num_nodes()
    adj = [list(graph.neighbors(i)) for i in range(n)]
    exact = rx.graph_betweenness_centrality(graph, normalized=True)
    got = broker_module.sampled_betweenness(n, adj, list(range(n)), batch=batch)
    assert got == pytest.approx([exact[i] for i in range(n)], abs=1e-12)


def test_sampled_betweenness_from_pivots_matches_brandes_from_those_sources() -> None:
    """The estimate from k pivots is each pivot's exact dependency, summed and scaled by n / k."""
    graph = _random_graph(random.Random(3), 80, 150)
    n = graph.num_nodes()
    adj = [list(graph.neighbors(i)) for i in range(n)]
    pivots = [0, 5, 17, 40, 79]
    expected = [0.0] * n
    for s in pivots:  # Brandes from one source, written out: counts of shortest paths, then dependencies
        dist, sigma, order, preds = {s: 0}, {s: 1}, [s], {s: []}
        for v in order:
            for w in adj[v]:
                if w not in dist:
                    dist[w], sigma[w], preds[w] = dist[v] + 1, 0, []
                    order.append(w)
                if dist[w] == dist[v] + 1:
                    sigma[w] += sigma[v]
                    preds[w].append(v)
        delta = dict.fromkeys(order, 0.0)
        for w in reversed(order):
            for v in preds[w]:
                delta[v] += sigma[v] / sigma[w] * (1 + delta[w])
            if w != s:
                expected[w] += delta[w]
    scale = (n / len(pivots)) / ((n - 1) * (n - 2))
    got = broker_module.sampled_betweenness(n, adj, pivots)
    assert got == pytest.approx([e * scale for e in expected], abs=1e-12)


def test_bridging_without_pairs_equals_the_sum_over_every_pair() -> None:
    rng = random.Random(11)
    groups = [f"g{i:02d}" for i in range(30)]
    adj: dict[str, dict[str, tuple[float, tuple]]] = {g: {} for g in groups}
    for _ in range(80):
        a, b = rng.sample(groups, 2)
        tie = (rng.choice([rng.random(), 1.0]), ())
        adj[a][b] = adj[b][a] = tie
    for trial in range(20):
        chosen = rng.sample(groups, rng.randint(2, 25))
        sides = {g: (rng.choice([0.3, 0.5, rng.random()]), None) for g in chosen}  # ties in strength too
        top = sorted(chosen)
        expected = 0.0
        for i, a in enumerate(top):
            for b in top[i + 1 :]:
                direct = adj[a].get(b, (0.0, ()))[0]
                expected += min(sides[a][0], sides[b][0]) * (1.0 - max(direct, 0.0))
        assert broker_module._bridging(sides, top, adj) == pytest.approx(expected, abs=1e-12), trial


def test_compiled_from_the_index_equals_compiled_from_the_mapping(synthetic_db: Path) -> None:
    """engine.compile_set (index arrays, numpy) scores exactly as engine.compile_links (a loop per link)."""
    from datetime import timedelta

    import numpy as np

    from claimgraph.analysis.engine import compile_links, compile_set, evaluate

    with Store(synthetic_db, readonly=True) as store:
        analysis = Analysis.load(store)
    at = analysis.as_of()
    dates = [at - timedelta(days=d) for d in (700, 365, 90, 0)]
    fast = evaluate(compile_set(analysis.links, analysis.weights), dates)
    slow = evaluate(compile_links(analysis.links.links, analysis.links, analysis.weights), dates)
    assert list(fast.pairs) == list(slow.pairs)
    assert np.array_equal(fast.matrix, slow.matrix)
    assert np.array_equal(fast.link_values, slow.link_values)
    assert list(fast.links) == list(slow.links)


def test_broker_graph_and_bridging_of_every_node_equal_the_per_node_functions(synthetic_db: Path) -> None:
    from claimgraph.analysis.facts import strength

    with Store(synthetic_db, readonly=True) as store:
        analysis = Analysis.load(store)
    at = analysis.as_of()
    graph = broker_module._Graph(analysis, at)
    for e in range(len(graph.ea)):
        assert graph.es[e] == strength(graph.facts_of(e), at, analysis.weights)  # the same floats
    adj = broker_module._LazyAdj(graph)
    groups = {v for v, g in zip(graph.nodes, graph.group.tolist(), strict=True) if g}
    every = broker_module._bridging_all(graph, analysis.weights.broker_max_sides, block=97)
    assert (every > 0).sum() > 400
    for i, v in enumerate(graph.nodes):
        sides = broker_module._sides(v, adj, groups)
        top = broker_module._top_sides(sides, analysis.weights.broker_max_sides)
        expected = broker_module._bridging(sides, top, adj) if len(sides) > 1 else 0.0
        assert every[i] == pytest.approx(expected, abs=1e-9), v


def test_whole_store_read_gives_the_rows_of_the_joined_query(tmp_path: Path) -> None:
    """store.graph.claim_rows_by_id (claims read alone, actors and documents looked up in memory) gives the
    rows of claim_rows (the joined query), as tuples: merges followed, corrections applied, rejected claims
    left out."""
    from _analysis_helpers import make_year_store
    from claimgraph.review import review
    from claimgraph.store.graph import ClaimRow, claim_rows, claim_rows_by_id

    db = make_year_store(tmp_path / "y.db")
    with Store(db) as store:
        rows = list(claim_rows(store))
        assert len(rows) > 3
        subject = rows[0].subject
        other = next(r.object for r in rows if r.object and r.object != subject)
        with store.conn:  # what a merge judgement writes
            store.conn.execute("INSERT INTO merges(entity_id, actor_id) VALUES (?, ?)", (other, subject))
        review(store, rows[1].id, "corrected", reviewer="ana", correction={"modality": "hedged"})
        review(store, rows[2].id, "rejected", reviewer="ana")
        joined = list(claim_rows(store))
        assert rows[2].id not in {r.id for r in joined}
        assert any(r.object == subject for r in joined) and any(r.modality == "hedged" for r in joined)
        assert [ClaimRow(*t) for t in claim_rows_by_id(store)] == joined
