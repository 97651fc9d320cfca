"""From the store to `Fact`s: every claim, and every actor pair of every event, with actors resolved through
merges, a date, a credibility and an independence key. The analyses read only this."""

from __future__ import annotations

import gc
import operator
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import astuple, dataclass
from datetime import date
from typing import Any

import numpy as np

from ..records import Responsibility
from ..store import Store
from ..store.graph import ActorRow, ClaimRow, actor_rows, claim_rows_by_id, country_level_places, document_dates
from .credibility import Grading, grading_for
from .types import UNDATED, ActorRef, Evidence, Fact
from .weights import Weights

#: How an event's perpetrator → target pair reads as a claim, by PLOVER event type. Perpetrators of one
#: event are read as cooperating (a joint or co-claimed operation).
EVENT_PREDICATES = {
    "ASSAULT": "attacked",
    "FIGHT": "attacked",
    "THREATEN": "targets",
    "CONSULT": "met_with",
    "AID": "supports",
    "AGREE": "cooperates_with",
}
_EVENT_MODALITY = {
    Responsibility.CLAIMED: "asserted",
    Responsibility.ATTRIBUTED: "asserted",
    Responsibility.SUSPECTED: "hedged",
    Responsibility.UNKNOWN: "hedged",
}


def parse_day(value: str | None) -> date | None:
    """'2025', '2025-03', '2025-03-14' or an ISO timestamp → a date (the first day of a month or year)."""
    if not value:
        return None
    v = value[:10]
    try:
        if len(v) == 4:
            return date(int(v), 1, 1)
        if len(v) == 7:
            return date(int(v[:4]), int(v[5:7]), 1)
        return date.fromisoformat(v)
    except ValueError:
        return None


def _at_precision(value: str | None) -> str:
    """'2025', '2025-03', '2025-03-14' as given; a timestamp cut to its day."""
    return (value or "")[:10]


def fact_date_text(row: ClaimRow) -> str:
    """The date `fact_date` chose, written at the precision the text or the document gave it."""
    if row.time_end or row.time:
        return _at_precision(row.time_end if parse_day(row.time_end) else row.time)
    return _at_precision(row.published) if parse_day(row.published) else ""


def fact_date(row: ClaimRow) -> tuple[date, str]:
    """A claim's date: its stated time (the end of a stated period), else the document's publication date, else
    none: `(UNDATED, "undated")`. When a document was ingested says nothing about when its claims were made, so
    undated facts count toward scores at every date, without decay, and never make a trend rise or a finding
    new (see `Fact.dated`)."""
    stated = parse_day(row.time_end) or parse_day(row.time)
    if stated is not None:
        return stated, "stated"
    published = parse_day(row.published)
    if published is not None:
        return published, "published"
    return UNDATED, "undated"


@dataclass(frozen=True, slots=True)
class FactBase:
    """Everything the analyses need, loaded once."""

    facts: tuple[Fact, ...]
    actors: dict[str, ActorRef]  # actor id → ref
    hidden_undated: int = 0  # undated facts a date filter left out (they cannot be placed in a period)
    broad_places: frozenset[str] = frozenset()  # places resolved to a whole country or wider

    def actor(self, actor_id: str) -> ActorRef:
        return self.actors.get(actor_id) or ActorRef(actor_id, actor_id, "unknown")

    def latest(self) -> date | None:
        return max((f.when for f in self.facts if f.dated), default=None)

    def undated(self) -> int:
        """How many facts rest on documents that give no date."""
        return sum(not f.dated for f in self.facts)


def _event_rows(store: Store, actors: dict[str, ActorRow]) -> Iterator[ClaimRow]:
    events = store.events()
    dates = document_dates(store) if events else {}  # a read of every document: only when there are events
    for ev in events:
        published, ingested, outlet = dates.get(ev.doc_id, (None, "", None))
        src = ev.responsibility_source
        perps = sorted({actors[p.id].id if p.id in actors else p.id for p in ev.perpetrators})
        targets = sorted({actors[t.id].id if t.id in actors else t.id for t in ev.targets})
        place = ev.place.entity_id if ev.place else None
        pairs: list[tuple[str, str, str]] = [
            (a, "cooperates_with", b) for i, a in enumerate(perps) for b in perps[i + 1 :]
        ]
        pred = EVENT_PREDICATES.get(ev.type)
        if pred is not None:
            pairs += [(a, pred, b) for a in perps for b in targets if a != b]
        for a, p, b in pairs:
            yield ClaimRow(
                id=f"{ev.id}#{a}#{p}#{b}",
                doc_id=ev.doc_id,
                subject=a,
                predicate=p,
                object=b,
                role=ev.mode,
                polarity="affirmed",
                modality=_EVENT_MODALITY[ev.responsibility],
                source_name=src.name if src else "the report",
                source_kind=src.kind.value if src else "outlet",
                source_cue=src.cue if src else None,
                time=ev.date.value if ev.date else None,
                time_end=ev.date.end if ev.date else None,
                place=actors[place].id if place and place in actors else place,
                ev_start=ev.evidence.start,
                ev_end=ev.evidence.end,
                ev_text=ev.evidence.text,
                ingested_at=ingested,
                published=published,
                outlet=outlet,
            )


def _fact(
    row: tuple[Any, ...], kind: str, grading: Grading, dates: dict[tuple[str | None, ...], tuple[date, str, str]]
) -> Fact:
    """A claim row (a tuple in `ClaimRow`'s field order) as a fact; `dates` memoises the date read from a row's
    (time, time_end, published): there are few distinct ones."""
    (cid, doc_id, subject, predicate, obj, role, polarity, modality, source, source_kind, cue, time, time_end,
     place, start, end, text, _ingested, published, _outlet) = row
    dated = dates.get((time, time_end, published))
    if dated is None:
        r = ClaimRow(*row)
        dated = dates[(time, time_end, published)] = (*fact_date(r), fact_date_text(r))
    when, basis, when_text = dated
    return Fact(
        id=cid,
        kind=kind,
        doc_id=doc_id,
        subject=subject,
        predicate=predicate,
        object=obj,
        role=role,
        polarity=polarity,
        modality=modality,
        source=source,
        source_kind=source_kind,
        cue=cue,
        when=when,
        basis=basis,
        place=place,
        start=start,
        end=end,
        text=text,
        credibility=grading.credibility_of(cid),
        independence=grading.independence_of(doc_id),
        when_text=when_text,
    )


def identifiable(actor: ActorRef) -> bool:
    """An actor the analyses can tie to others: not a description with no one to identify. Descriptive actors
    (ids `dsc_…`, extract/claim_arguments.py) are identifiable only as a named state's forces ("Military Forces of
    India", "Pakistani security establishment"); a bare description ("police forces", "unidentified armed
    group", written in lower case) or an unnamed group of a country ("Unidentified Armed Group (Mali)") is not:
    two groups that both fought "police forces" have not converged."""
    if not actor.id.startswith("dsc_"):
        return True
    return actor.name != actor.name.lower() and not actor.name.startswith(_UNNAMED_PREFIXES)


#: Name prefixes of the descriptive categories that are not a state's forces (ontology/descriptive_actors.yaml).
_UNNAMED_PREFIXES = ("Unidentified ", "Smugglers (", "Rioters (", "Protesters (")


def load_facts(store: Store, weights: Weights, grading: Grading | None = None) -> FactBase:
    """Read every claim and event of the store as facts (sorted by id: the same store gives the same list)."""
    grading = grading or grading_for(store, weights)
    actor_table = actor_rows(store)
    dates: dict[tuple[str | None, ...], tuple[date, str, str]] = {}
    # claims come sorted by id, and their facts are made in that order: the passes over the facts that follow
    # read memory in order (made in storage order and then sorted, they were scattered: ×3 slower per pass
    # at a million claims)
    facts = [_fact(r, "claim", grading, dates) for r in claim_rows_by_id(store)]
    facts += [_fact(astuple(r), "event", grading, dates) for r in _event_rows(store, actor_table)]
    actors = {a.id: ActorRef(a.id, a.name, a.type) for a in actor_table.values()}
    unnamed = {a.id for a in actors.values() if not identifiable(a)}
    if unnamed:
        facts = [f for f in facts if f.subject not in unnamed and f.object not in unnamed]
    ids = [f.id for f in facts]
    if not all(map(operator.le, ids, ids[1:])):  # claims come sorted; events are added after them
        facts.sort(key=lambda f: f.id)
    return FactBase(tuple(facts), actors, broad_places=country_level_places(store))


@contextmanager
def gc_paused(*, keep: bool = False) -> Iterator[None]:
    """Pause the cyclic garbage collector while building the analyses' records. Facts, links and their
    indexes are millions of small objects with no reference cycles; each collector pass walks every one of
    them again (a third of the load time at 100k claims). Reference counting still frees what is dropped.

    With `keep`, what was built is kept out of later passes too (`gc.freeze`: moved to the collector's
    permanent generation, as the analyses' long-lived facts and links are): resumed, the collector would walk
    every one of them once per generation on its way to the oldest (a second per pass at a million claims).
    Frozen objects are still freed when dropped; only a reference cycle among them would stay."""
    was = gc.isenabled()
    if keep and was:
        gc.collect(1)  # the young generations' garbage first, so that no cycle of it is frozen (small: bounded)
    gc.disable()
    try:
        yield
    finally:
        if keep:
            gc.freeze()
        if was:
            gc.enable()


@dataclass(frozen=True, slots=True)
class FactColumns:
    """What the scores read of each fact, as arrays over a fact list (row i is fact i): built in one pass and
    gathered by index, where a pass over millions of `Fact`s per analysis would be."""

    when: np.ndarray  # the date's ordinal; 0 when undated
    dated: np.ndarray  # False: its document gives no date
    base: np.ndarray  # `Weights.fact_base` (credibility × modality × predicate), before decay
    negated: np.ndarray
    independence: np.ndarray  # a number per independence key: facts with one number are one report
    actors: tuple[str, ...]  # the subjects and objects, sorted: code → actor id (codes sort as the ids do)
    subject: np.ndarray  # actor code
    object: np.ndarray  # actor code; -1 when the fact has no object
    predicates: tuple[str, ...]  # code → predicate
    predicate: np.ndarray


class _BaseWeights(dict[tuple[float, str, str], float]):
    """(credibility, modality, predicate) → `Weights.fact_base`, computed on first use: there are few."""

    def __init__(self, weights: Weights) -> None:
        super().__init__()
        self._weights = weights

    def __missing__(self, key: tuple[float, str, str]) -> float:
        value = self[key] = self._weights.fact_base(*key)
        return value


def _numbered(values: Iterable[Any]) -> list[int]:
    """Each value's number, values numbered 0, 1, … as first met."""
    no: dict[Any, int] = {}
    return [no.setdefault(v, len(no)) for v in values]


def fact_columns(facts: Sequence[Fact], weights: Weights) -> FactColumns:
    """One list comprehension per column: a tight loop each, faster than one loop appending to all."""
    base = _BaseWeights(weights)
    dated = [f.basis != "undated" for f in facts]
    met: dict[str | None, int] = {None: -1}  # actors numbered as met, renumbered in id order below
    subject = [met.setdefault(f.subject, len(met) - 1) for f in facts]
    obj = [met.setdefault(f.object, len(met) - 1) for f in facts]
    del met[None]
    names = list(met)  # number → id, in order met
    rank = np.empty(len(names) + 1, dtype=np.int64)
    rank[np.array(sorted(range(len(names)), key=names.__getitem__), dtype=np.int64)] = np.arange(len(names))
    rank[-1] = -1  # no object
    pred_no: dict[str, int] = {}
    predicate = [pred_no.setdefault(f.predicate, len(pred_no)) for f in facts]
    return FactColumns(
        when=np.array([f.when.toordinal() if d else 0 for f, d in zip(facts, dated, strict=True)], dtype=np.int64),
        dated=np.array(dated, dtype=bool),
        base=np.array([base[f.credibility, f.modality, f.predicate] for f in facts], dtype=np.float64),
        negated=np.array([f.polarity == "negated" for f in facts], dtype=bool),
        independence=np.array(_numbered(f.independence for f in facts), dtype=np.int64),
        actors=tuple(sorted(names)),
        subject=rank[np.array(subject, dtype=np.int64)],
        object=rank[np.array(obj, dtype=np.int64)],
        predicates=tuple(pred_no),
        predicate=np.array(predicate, dtype=np.int64),
    )


def fact_weight(f: Fact, at: date, weights: Weights) -> float:
    """How much a fact counts on date `at`: credibility × modality × decay; negative when negated; 0 when
    the fact is dated after `at`."""
    if not f.dated:
        w = weights.fact_base(f.credibility, f.modality, f.predicate)
        return -w if f.negated else w
    if f.when > at:
        return 0.0
    age = (at - f.when).days
    w = weights.fact_base(f.credibility, f.modality, f.predicate) * 0.5 ** (age / weights.half_life_days)
    return -w if f.negated else w


def strength(facts: Iterable[Fact], at: date, weights: Weights) -> float:
    """How firmly a set of facts supports one statement on date `at`, in [-1, 1]: per independent report
    the strongest fact; reports combined by noisy-or; denials subtracted the same way."""
    pos: dict[str, float] = {}
    neg: dict[str, float] = {}
    for f in facts:
        w = fact_weight(f, at, weights)
        if w > 0:
            pos[f.independence] = max(pos.get(f.independence, 0.0), w)
        elif w < 0:
            neg[f.independence] = max(neg.get(f.independence, 0.0), -w)
    return noisy_or(pos.values()) - noisy_or(neg.values())


def noisy_or(values: Iterable[float]) -> float:
    """1 − Π(1 − v): independent pieces of evidence add up with diminishing returns, never above 1."""
    miss = 1.0
    for v in values:
        miss *= 1.0 - min(max(v, 0.0), 1.0)
    return 1.0 - miss


def evidence(
    facts: Iterable[Fact],
    base: FactBase,
    at: date,
    weights: Weights,
    *,
    cache: dict[str, Evidence] | None = None,
) -> tuple[Evidence, ...]:
    """Facts as analyst-facing evidence, oldest first, each with its weight on date `at`. Pass one `cache`
    to many calls with the same `at` to build each fact's Evidence once."""
    cache = {} if cache is None else cache
    out = []
    seen: set[str] = set()
    for f in facts:
        if f.id in seen:
            continue
        seen.add(f.id)
        e = cache.get(f.id)
        if e is None:
            e = cache[f.id] = Evidence(
                id=f.id,
                kind=f.kind,
                doc_id=f.doc_id,
                start=f.start,
                end=f.end,
                text=f.text,
                subject=base.actor(f.subject).name,
                predicate=f.predicate,
                object=base.actor(f.object).name if f.object else None,
                role=f.role,
                source=f.source,
                source_kind=f.source_kind,
                cue=f.cue,
                modality=f.modality,
                polarity=f.polarity,
                date=f.when if f.dated else None,
                date_basis=f.basis,
                credibility=f.credibility,
                weight=fact_weight(f, at, weights),
                date_text=f.when_text if f.dated else "",
            )
        out.append(e)
    out.sort(key=lambda e: (e.date or UNDATED, e.doc_id, e.start, e.id))
    return tuple(out)
