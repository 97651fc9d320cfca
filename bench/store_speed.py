"""Store speed: how fast an actor page comes back from a store of a million claims.

The store is synthetic but shaped like a real one: ~20k actors whose claim counts follow a power law
(a few hubs named in tens of thousands of claims, a long tail named once or twice), documents of 4–16
claims with real evidence spans, aliases, mentions and events, loaded through `claimgraph.store.bulk`.
It is built once and cached under .cache/bench/ keyed by its parameters and the store schema.

An actor page is what `claimgraph show` and the API's actor route fetch: the actor, its aliases, its
first 50 claims and first 50 events. Timed over 200 actors drawn uniformly (the headline, p50/p95)
and over the 20 biggest hubs (the worst case a user meets first).
"""

from __future__ import annotations

import hashlib
import random
import statistics
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from claimgraph.ontology import load_ontology
from claimgraph.records import (
    Claim,
    Document,
    Entity,
    Event,
    Extraction,
    Modality,
    PartialDate,
    Place,
    Polarity,
    Precision,
    Quantity,
    Source,
    SourceKind,
    Span,
    make_id,
    text_id,
)
from claimgraph.store import Store
from claimgraph.store.bulk import bulk_save

from . import Progress

NAME = "store_speed"
GENERATOR_VERSION = "1"
CACHE = Path(__file__).resolve().parent.parent / ".cache" / "bench"
TARGET_P95_MS = 50.0

_SYLLABLES = (
    "ba",
    "lo",
    "kar",
    "shi",
    "ta",
    "mir",
    "zan",
    "ud",
    "din",
    "ra",
    "ha",
    "qa",
    "sim",
    "na",
    "jab",
    "al",
    "far",
    "it",
    "hu",
    "sai",
    "nur",
    "gul",
    "wa",
    "zir",
    "tai",
    "bek",
    "sha",
    "um",
    "ar",
    "yo",
)
_GROUP_WORDS = (
    "Army",
    "Front",
    "Movement",
    "Brigade",
    "Council",
    "Network",
    "Jamaat",
    "Lashkar",
    "Tehrik",
    "Liberation",
    "Islamic",
    "National",
    "People's",
    "Mujahideen",
    "Defence",
    "Force",
)
_TYPES = (("person", 0.5), ("armed_group", 0.2), ("place", 0.2), ("agency", 0.05), ("organisation", 0.05))
_CUES = (
    ("a security official", SourceKind.ANONYMOUS, "told reporters"),
    ("police", SourceKind.ORGANISATION, "said"),
    ("the outlet", SourceKind.OUTLET, None),
    ("a spokesman", SourceKind.NAMED_PERSON, "said in a statement"),
)


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


def _actors(rng: random.Random, n: int) -> list[Entity]:
    out: list[Entity] = []
    names: set[str] = set()
    kinds, weights = zip(*_TYPES, strict=True)
    while len(out) < n:
        kind = rng.choices(kinds, weights)[0]
        if kind == "person":
            name = f"{_word(rng, 2)} {_word(rng, 3)}"
        elif kind == "place":
            name = _word(rng, 3)
        else:
            name = f"{_word(rng, 2)} {rng.choice(_GROUP_WORDS)} {rng.choice(_GROUP_WORDS)}"
        if name in names:
            continue
        names.add(name)
        aliases: tuple[str, ...] = ()
        if kind != "person" and " " in name:
            aliases = ("".join(w[0] for w in name.split()).upper(),)
        elif kind == "person":
            aliases = (name.split()[-1],)
        out.append(Entity(make_id("ent", "bench", name), name, kind, aliases))
    return out


def _documents(rng: random.Random, actors: list[Entity], n_claims: int) -> Iterator[Extraction]:
    """Documents of 4–16 claims until `n_claims`; actors drawn with weight 1/rank (a power law)."""
    cum: list[float] = []
    total = 0.0
    for rank in range(1, len(actors) + 1):
        total += 1.0 / rank
        cum.append(total)
    ontology = load_ontology()
    predicates = sorted(ontology.predicates)
    made = 0
    doc_no = 0
    while made < n_claims:
        doc_no += 1
        k = min(rng.randint(4, 16), n_claims - made)
        picks = rng.choices(actors, cum_weights=cum, k=2 * k)
        sentences: list[tuple[Entity, str, Entity, tuple[str, SourceKind, str | None], str]] = []
        text_parts: list[str] = []
        offset = 0
        spans: list[tuple[int, int, int, int, int, int]] = []
        for i in range(k):
            subj, obj = picks[2 * i], picks[2 * i + 1]
            pred = rng.choice(predicates)
            cue = rng.choice(_CUES)
            sentence = f"{subj.name} {pred.replace('_', ' ')} {obj.name} in {2000 + doc_no % 25}, {cue[0]} said."
            s0 = offset + 0
            o0 = offset + len(subj.name) + len(pred) + 2
            spans.append((offset, offset + len(sentence), s0, s0 + len(subj.name), o0, o0 + len(obj.name)))
            sentences.append((subj, pred, obj, cue, sentence))
            text_parts.append(sentence)
            offset += len(sentence) + 1
        text = " ".join(text_parts)
        doc = Document(
            text_id(f"{doc_no}\n{text}"),
            text,
            source=f"synthetic/{doc_no}",
            published=PartialDate(f"{2000 + doc_no % 25}", Precision.YEAR),
        )
        mentions: dict[str, list[Span]] = {}
        claims: list[Claim] = []
        for i, ((subj, pred, obj, cue, sentence), (a, b, s0, s1, o0, o1)) in enumerate(
            zip(sentences, spans, strict=True)
        ):
            mentions.setdefault(subj.id, []).append(Span(s0, s1, text[s0:s1]))
            mentions.setdefault(obj.id, []).append(Span(o0, o1, text[o0:o1]))
            claims.append(
                Claim(
                    id=make_id("clm", doc.id, i),
                    doc_id=doc.id,
                    subject=subj.ref(),
                    predicate=pred,
                    object=obj.ref(),
                    evidence=Span(a, b, sentence),
                    source=Source(cue[0], cue[1], cue[2]),
                    polarity=Polarity.NEGATED if rng.random() < 0.05 else Polarity.AFFIRMED,
                    modality=rng.choice(list(Modality)),
                    time=PartialDate(f"{2000 + doc_no % 25}", Precision.YEAR),
                    extractor="bench.synthetic",
                )
            )
        by_id = {a.id: a for a, *_ in sentences} | {o.id: o for _, _, o, *_ in sentences}
        entities = tuple(Entity(e.id, e.name, e.type, e.aliases, tuple(mentions[e.id]), e.refs) for e in by_id.values())
        events: tuple[Event, ...] = ()
        if doc_no % 3 == 0:
            subj, _, obj, _, sentence = sentences[0]
            events = (
                Event(
                    make_id("evt", doc.id, 0),
                    doc.id,
                    "ASSAULT",
                    "attack",
                    Span(0, len(sentence), sentence),
                    perpetrators=(subj.ref(),),
                    targets=(obj.ref(),),
                    place=Place(obj.name),
                    date=PartialDate(f"{2000 + doc_no % 25}", Precision.YEAR),
                    killed=Quantity(3, 3),
                    extractor="bench.synthetic",
                ),
            )
        made += k
        yield Extraction(doc, entities, tuple(claims), events)


def _schema_hash() -> str:
    schema = resources.files("claimgraph.store").joinpath("schema.sql").read_text("utf-8")
    from claimgraph.store import extensions

    ddl = "".join(d for _, d in extensions.EXTENSIONS)
    return hashlib.sha1((schema + ddl).encode()).hexdigest()[:10]


def build(path: Path, n_claims: int, n_actors: int, seed: int, progress: Progress | None = None) -> None:
    """Write the synthetic store to `path` (a fresh file), committing every 5,000 documents."""
    rng = random.Random(seed)
    actors = _actors(rng, n_actors)
    tmp = path.with_suffix(".part")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    task = progress.add_task("store_speed: building store", total=n_claims) if progress else None
    with Store(tmp) as store:
        store.conn.execute("PRAGMA synchronous = OFF")
        batch: list[Extraction] = []
        for x in _documents(rng, actors, n_claims):
            batch.append(x)
            if len(batch) >= 5000:
                bulk_save(store, batch)
                if progress and task is not None:
                    progress.advance(task, sum(len(b.claims) for b in batch))
                batch = []
        bulk_save(store, batch)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.conn.execute("ANALYZE")
    tmp.rename(path)
    if progress and task is not None:
        progress.remove_task(task)


def actor_page(store: Store, actor_id: str) -> dict[str, Any]:
    """What an actor page shows: the actor, its aliases, first page of claims and of events."""
    actor = store.resolve_actor(actor_id)
    return {
        "actor": actor,
        "aliases": store.aliases(actor["id"]),
        "claims": store.claims(entity=actor["id"], limit=50),
        "events": store.events(entity=actor["id"], limit=50),
    }


def _time_pages(store: Store, ids: list[str]) -> list[float]:
    out = []
    for eid in ids:
        t0 = time.perf_counter()
        actor_page(store, eid)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def _pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]


def query_plan(store: Store, actor_id: str) -> list[str]:
    """EXPLAIN QUERY PLAN of the claims query of an actor page (the part that grows with the actor)."""
    ids = store.members(actor_id)
    marks = ",".join("?" * len(ids))
    sql = (
        f"SELECT body FROM claims WHERE (subject_id IN ({marks}) OR object_id IN ({marks}))"
        " ORDER BY doc_id, ev_start, id LIMIT 50"
    )
    return [r["detail"] for r in store.conn.execute("EXPLAIN QUERY PLAN " + sql, ids + ids)]


def run(
    data_dir: Path,
    *,
    limit: int | None = None,
    progress: Progress | None = None,
    n_claims: int = 1_000_000,
    n_actors: int = 20_000,
    seed: int = 7,
    samples: int = 200,
) -> list[dict]:
    """`limit` scales the store down (claims = limit × 1,000) for a quick look; `data_dir` is not used."""
    if limit is not None:
        n_claims = max(10_000, limit * 1000)
        n_actors = min(n_actors, max(1000, n_claims // 50))
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"store_{n_claims}_{n_actors}_{seed}_g{GENERATOR_VERSION}_s{_schema_hash()}.db"
    built_s = None
    if not path.exists():
        for stale in CACHE.glob(f"store_{n_claims}_{n_actors}_{seed}_g*_s*.db*"):
            stale.unlink()  # the same store built by an older generator or for an older schema
        t0 = time.perf_counter()
        build(path, n_claims, n_actors, seed, progress)
        built_s = time.perf_counter() - t0
    with Store(path, readonly=True) as store:
        counts = store.counts()
        degree = store.conn.execute(
            "SELECT id, n FROM (SELECT subject_id AS id, COUNT(*) AS n FROM claims GROUP BY subject_id) ORDER BY n DESC"
        ).fetchall()
        rng = random.Random(seed + 1)
        all_ids = [r["id"] for r in degree]
        sample = rng.sample(all_ids, min(samples, len(all_ids)))
        hubs = all_ids[:20]
        _time_pages(store, sample[:10])  # warm the page cache the way a running server is warm
        uniform = _time_pages(store, sample)
        hub_times = _time_pages(store, hubs)
        plan = query_plan(store, hubs[0])
        top_claims = store.conn.execute(
            "SELECT COUNT(*) FROM claims WHERE subject_id=? OR object_id=?", (hubs[0], hubs[0])
        ).fetchone()[0]
    p95 = _pct(uniform, 95)
    notes = (
        f"{counts['claims']:,} claims, {counts['entities']:,} actors, {counts['documents']:,} documents; "
        f"biggest hub is named in {top_claims:,} claims. Hub plan: {' / '.join(plan)}."
    )
    if built_s is not None:
        notes += f" Store built in {built_s:.0f} s (cached under .cache/bench/)."
    if p95 >= TARGET_P95_MS:
        notes += f" p95 misses the {TARGET_P95_MS:.0f} ms target."
    return [
        {
            "benchmark": NAME,
            "items": len(uniform),
            "metrics": {
                "actor_page_p50_ms": round(statistics.median(uniform), 2),
                "actor_page_p95_ms": round(p95, 2),
                "hub_page_p50_ms": round(statistics.median(hub_times), 2),
                "hub_page_max_ms": round(max(hub_times), 2),
                "claims": counts["claims"],
                "db_mb": round(path.stat().st_size / 2**20, 1),
            },
            "baselines": {"target": {"actor_page_p95_ms": TARGET_P95_MS}},
            "notes": notes,
        }
    ]
