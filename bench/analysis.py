"""Benchmark: convergence, brokers and changes on synthetic stores of 10k, 100k and 1M claims.

Synthetic, not real: a seeded random world of groups, agencies, people, places and media, with claims
spread over three years (co-operation, membership, sponsorship, presence, attacks; some hedged, some
denied). It measures speed and determinism, not accuracy. `data_dir` is accepted for the common bench
interface and not read.

    python -m bench.analysis            # every size (the 1M store takes minutes to build the first time)
    python -m bench.analysis 100000     # sizes up to 100k
"""

from __future__ import annotations

import json
import os
import random
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from claimgraph.analysis import Analysis, brokers_of, changes_of, load_weights
from claimgraph.ontology import load_ontology
from claimgraph.records import (
    Claim,
    Document,
    Entity,
    EntityRef,
    Extraction,
    Modality,
    PartialDate,
    Polarity,
    Precision,
    Source,
    SourceKind,
    Span,
    make_id,
)
from claimgraph.store import Store
from claimgraph.store.bulk import bulk_save

from .store_speed import _schema_hash

SIZES = (10_000, 100_000, 1_000_000)
CLAIMS_PER_DOC = 20
BATCH_DOCS = 2_000  # documents per bulk_save transaction while building a store
GENERATOR_VERSION = "1"  # raise when `_extractions` changes: cached stores are rebuilt
CACHE = Path(__file__).resolve().parent.parent / ".cache" / "bench"
TOP = 50  # pairs returned with their evidence, as `claimgraph convergence --limit 50`
TARGET_10K_S = 1.0  # the bar: "well under a second for 10k claims"
FULL_DETAIL_UP_TO = 10_000  # evidence for every pair and broker takes a minute at 100k: small store only
DETERMINISM_UP_TO = 100_000


def _world(n_claims: int, rng: random.Random) -> dict[str, list[tuple[str, str]]]:
    scale = max(1, n_claims // 10_000)
    kinds = {
        "armed_group": 250 * scale,
        "agency": 12 * scale,
        "person": 1200 * scale,
        "place": 150 * scale,
        "publication": 25 * scale,
    }
    world = {k: [(make_id("act", k, i), f"{k} {i}") for i in range(n)] for k, n in kinds.items()}
    world["attack_target"] = world["armed_group"] + world["place"]  # built once: a copy per claim is quadratic
    return world


def _claim_spec(world: dict[str, list[tuple[str, str]]], rng: random.Random) -> tuple[str, str, str]:
    g, p, pl = world["armed_group"], world["person"], world["place"]
    r = rng.random()
    if r < 0.20:
        return rng.choice(g)[0], "cooperates_with", rng.choice(g)[0]
    if r < 0.40:
        return rng.choice(p)[0], "member_of", rng.choice(g)[0]
    if r < 0.50:
        return rng.choice(world["agency"])[0], rng.choice(("supports", "directs")), rng.choice(g)[0]
    if r < 0.70:
        return rng.choice(g)[0], rng.choice(("operates_in", "based_in")), rng.choice(pl)[0]
    if r < 0.82:
        return rng.choice(g)[0], "attacked", rng.choice(world["attack_target"])[0]
    if r < 0.92:
        return rng.choice(p)[0], "met_with", rng.choice(p)[0]
    return rng.choice(g)[0], "publishes", rng.choice(world["publication"])[0]


def _extractions(n_claims: int, seed: int) -> Iterator[Extraction]:
    rng = random.Random(seed)
    world = _world(n_claims, rng)
    types = {aid: (name, kind) for kind, items in world.items() if kind != "attack_target" for aid, name in items}
    start = date(2023, 1, 1)
    for d in range((n_claims + CLAIMS_PER_DOC - 1) // CLAIMS_PER_DOC):
        n = min(CLAIMS_PER_DOC, n_claims - d * CLAIMS_PER_DOC)
        specs = [_claim_spec(world, rng) for _ in range(n)]
        sentences = [
            f"Report {d} sentence {i}: {types[s][0]} {p} {types[o][0]}." for i, (s, p, o) in enumerate(specs)
        ]
        text = "\n".join(sentences)
        published = (start + timedelta(days=rng.randrange(1095))).isoformat()
        doc = Document(
            id=f"doc_{d:08d}",
            text=text,
            outlet=f"outlet {d % 17}",
            published=PartialDate(published, Precision.DAY),
        )
        used = sorted({a for s, _, o in specs for a in (s, o)})
        entities = tuple(Entity(a, types[a][0], types[a][1]) for a in used)
        claims = []
        offset = 0
        for i, ((s, p, o), sent) in enumerate(zip(specs, sentences, strict=True)):
            r = rng.random()
            claims.append(
                Claim(
                    id=make_id("clm", doc.id, i),
                    doc_id=doc.id,
                    subject=EntityRef(s, types[s][0]),
                    predicate=p,
                    object=EntityRef(o, types[o][0]),
                    evidence=Span(offset, offset + len(sent), sent),
                    source=Source("a source", SourceKind.ANONYMOUS if r < 0.5 else SourceKind.NAMED_PERSON),
                    modality=Modality.HEDGED if r < 0.2 else Modality.ASSERTED,
                    polarity=Polarity.NEGATED if r > 0.97 else Polarity.AFFIRMED,
                )
            )
            offset += len(sent) + 1
        yield Extraction(doc=doc, entities=entities, claims=tuple(claims))


def build_store(path: Path, n_claims: int, seed: int = 7) -> None:
    """A store of `n_claims` synthetic claims in documents of CLAIMS_PER_DOC claims each, bulk-loaded in
    batches of BATCH_DOCS documents (one list of a million claims' records would hold gigabytes)."""
    with Store(path) as store:
        store.conn.execute("PRAGMA synchronous = OFF")  # a throw-away file: no need to survive a power cut
        store.conn.execute("PRAGMA cache_size = -262144")  # 256 MB: index pages stay in memory while inserting
        batch: list[Extraction] = []
        for x in _extractions(n_claims, seed):
            batch.append(x)
            if len(batch) >= BATCH_DOCS:
                bulk_save(store, batch, at="2026-01-01T00:00:00Z")
                batch = []
        bulk_save(store, batch, at="2026-01-01T00:00:00Z")
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def cached_store(n_claims: int, seed: int = 7) -> tuple[Path, float | None]:
    """The synthetic store of `n_claims`, built once and kept under .cache/bench/ (keyed by size, seed,
    generator version and store schema, as store_speed's); the build time when it was built now."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"analysis_{n_claims}_{seed}_g{GENERATOR_VERSION}_s{_schema_hash()}.db"
    if path.exists():
        return path, None
    for stale in CACHE.glob(f"analysis_{n_claims}_{seed}_g*_s*.db*"):
        stale.unlink()  # built by an older generator or for an older schema
    tmp = path.with_suffix(".part")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    _, built_s, _ = _timed(lambda: build_store(tmp, n_claims, seed))
    tmp.rename(path)
    return path, built_s


def _timed(fn: Any) -> tuple[Any, float, float]:
    """The result, wall seconds, and CPU seconds of this process (less sensitive to a busy machine)."""
    t, c = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - t, time.process_time() - c


def measure(n_claims: int) -> dict[str, Any]:
    if n_claims in SIZES:
        db, built_s = cached_store(n_claims)
        return _measure(db, n_claims, built_s)
    with tempfile.TemporaryDirectory() as tmp:  # a quick look at another size: built fresh, not kept
        db = Path(tmp) / "bench.db"
        _, built_s, _ = _timed(lambda: build_store(db, n_claims))
        return _measure(db, n_claims, built_s)


def _measure(db: Path, n_claims: int, built_s: float | None) -> dict[str, Any]:
    load_ontology()
    load_weights()  # package data, parsed once per process: not part of an analysis
    with Store(db, readonly=True) as store:
        analysis, load_s, load_c = _timed(lambda: Analysis.load(store))
        top, top_s, top_c = _timed(lambda: analysis.pairs(limit=TOP))
        every = analysis.evaluate_all()
        full = _timed(lambda: analysis.pairs()) if n_claims <= FULL_DETAIL_UP_TO else None
        found, brokers_s, brokers_c = _timed(lambda: brokers_of(analysis, limit=TOP))
        full_brokers = _timed(lambda: brokers_of(analysis)) if n_claims <= FULL_DETAIL_UP_TO else None
        since = analysis.as_of() - timedelta(days=90)
        ch, changes_s, changes_c = _timed(lambda: changes_of(analysis, since))
        # the same store analysed again gives the same answer (skipped at 1M: a second load of a million claims)
        again = Analysis.load(store).pairs(limit=TOP) if n_claims <= DETERMINISM_UP_TO else None
    metrics: dict[str, Any] = {
        "claims": n_claims,
        "facts": len(analysis.base.facts),
        "pairs": len(every),
        "converging": int((every > 0).sum()),
        "alerts": len(ch.alerts),
        "links": sum(len(v) for v in analysis.links.links.values()),
        "load_s": round(load_s, 3),
        "convergence_s": round(load_s + top_s, 3),
        "convergence_cpu_s": round(load_c + top_c, 3),
        "brokers_s": round(brokers_s, 3),
        "brokers_cpu_s": round(brokers_c, 3),
        "changes_s": round(changes_s, 3),
        "changes_cpu_s": round(changes_c, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "load_average_1m": round(os.getloadavg()[0], 2),
    }
    if built_s is not None:
        metrics["build_store_s"] = round(built_s, 2)
    if again is not None:
        metrics["deterministic"] = [p.to_json() for p in top] == [p.to_json() for p in again]
    if full is not None:
        metrics["convergence_all_s"] = round(load_s + full[1], 3)
        metrics["convergence_all_cpu_s"] = round(load_c + full[2], 3)
    if full_brokers is not None:
        metrics["brokers"] = len(full_brokers[0])
        metrics["brokers_all_s"] = round(full_brokers[1], 3)
        metrics["brokers_all_cpu_s"] = round(full_brokers[2], 3)
    label = f"{n_claims // 1_000_000}M" if n_claims % 1_000_000 == 0 else (
        f"{n_claims // 1000}k" if n_claims % 1000 == 0 else str(n_claims)
    )
    return {
        "benchmark": f"analysis.synthetic_{label}",
        "items": n_claims,
        "metrics": metrics,
        "baselines": {"target": {"convergence_s": TARGET_10K_S}} if n_claims <= 10_000 else {},
        "notes": (
            "synthetic seeded store (built once, cached under .cache/bench/); convergence_s = load facts + build "
            "links + score every pair on each 90-day trend window + evidence for the top 50 (as `claimgraph "
            "convergence --limit 50`); brokers_s = every node scored (betweenness, bridging) + bridges and "
            "evidence for the top 50 (as `claimgraph brokers --limit 50`); *_all_s assemble evidence for every "
            "pair and every broker (10k only); *_cpu_s is this process's CPU time (steadier than wall time on a "
            "shared machine); *_growth is the CPU time's ratio to the store ten times smaller (linear = 10); "
            "peak_rss_mb is this process's peak so far; build_store_s (when built now) is not part of the analysis"
        ),
    }


def run(data_dir: Path | str | None = None, *, limit: int | None = None) -> list[dict[str, Any]]:
    """One result per store size; `limit` keeps only sizes up to that many claims (at least the smallest).
    Each size's entry gives its CPU times' growth over the size ten times smaller, when both ran."""
    sizes = [s for s in SIZES if limit is None or s <= limit] or [min(SIZES[0], limit or SIZES[0])]
    rows = [measure(n) for n in sizes]
    by_size = {r["items"]: r["metrics"] for r in rows}
    for n, m in by_size.items():
        smaller = by_size.get(n // 10)
        if smaller is None:
            continue
        for key in ("convergence_cpu_s", "brokers_cpu_s", "changes_cpu_s"):
            m[key.replace("_cpu_s", "_growth")] = round(m[key] / max(smaller[key], 1e-3), 2)
    return rows


if __name__ == "__main__":
    lim = int(sys.argv[1]) if len(sys.argv) > 1 else None
    for row in run(None, limit=lim):
        print(json.dumps(row))
