"""What is new since a date: actors first seen, ties first stated, pairs whose convergence score rose past the
emergence threshold, and claims that sources now both affirm and deny. Dates are evidence dates (a claim's
stated time, else its document's publication date, else its ingestion time), as in convergence."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from ..store import Store
from .convergence import Analysis
from .engine import evaluate
from .facts import evidence
from .types import Alert, Changes, Dispute, Fact, NewActor, NewTie

_EVIDENCE_SHOWN = 5


def _new_actors(analysis: Analysis, since: date, at: date) -> list[NewActor]:
    seen: dict[str, list[Fact]] = defaultdict(list)
    for f in analysis.base.facts:
        for actor in (f.subject, f.object, f.place):
            if actor is not None:
                seen[actor].append(f)
    out = []
    for actor, facts in seen.items():
        dated = [f.when for f in facts if f.dated]
        first = min(dated, default=None)
        if first is not None and first >= since and len(dated) == len(facts):
            ev = evidence(facts, analysis.base, at, analysis.weights)[:_EVIDENCE_SHOWN]
            out.append(NewActor(analysis.base.actor(actor), first, ev))
    out.sort(key=lambda x: (x.first_seen, x.actor.name, x.actor.id))
    return out


def _key(analysis: Analysis, f: Fact) -> tuple[str, str, str | None]:
    pdef = analysis.ontology.predicates.get(f.predicate)
    if f.object is not None and pdef is not None and pdef.symmetric and f.object < f.subject:
        return (f.object, f.predicate, f.subject)
    return (f.subject, f.predicate, f.object)


def _new_ties(analysis: Analysis, since: date, at: date) -> list[NewTie]:
    ties: dict[tuple[str, str, str | None], list[Fact]] = defaultdict(list)
    for f in analysis.base.facts:
        if f.object is not None and not f.negated:
            ties[_key(analysis, f)].append(f)
    out = []
    for (s, p, o), facts in ties.items():
        dated = [f.when for f in facts if f.dated]
        first = min(dated, default=None)
        # a tie an undated document already states is not new, whatever the dated evidence says
        if first is not None and first >= since and o is not None and len(dated) == len(facts):
            ev = evidence(facts, analysis.base, at, analysis.weights)[:_EVIDENCE_SHOWN]
            out.append(NewTie(analysis.base.actor(s), analysis.base.actor(o), p, first, ev))
    out.sort(key=lambda x: (x.first_seen, x.a.name, x.predicate, x.b.name))
    return out


def _alerts(analysis: Analysis, since: date, at: date) -> list[Alert]:
    threshold = analysis.weights.emergence_score
    before_day = since - timedelta(days=1)
    scores = evaluate(analysis.compiled, [before_day, at])
    scorer = analysis.scorer()
    out = []
    for row, (a, b) in enumerate(scores.pairs):
        before, after = (float(x) for x in scores.matrix[row])
        if not before < threshold <= after:
            continue
        links = analysis.links.links[(a, b)]
        days = sorted(
            {
                f.when
                for lk in links
                for key in lk.parts
                for f in analysis.links.parts[key]
                if f.dated and since <= f.when <= at
            }
        )
        crossed = next((d for d in days if scorer.score(links, d) >= threshold), at)
        out.append(Alert(analysis.base.actor(a), analysis.base.actor(b), before, after, crossed))
    out.sort(key=lambda x: (x.crossed, -x.after, x.a.name, x.b.name))
    return out


def _disputed(analysis: Analysis, since: date, at: date) -> list[Dispute]:
    groups: dict[tuple[str, str, str | None], list[Fact]] = defaultdict(list)
    for f in analysis.base.facts:
        groups[_key(analysis, f)].append(f)
    out = []
    for (s, p, o), facts in groups.items():
        yes = [f for f in facts if not f.negated and f.dated]
        no = [f for f in facts if f.negated and f.dated]
        if not yes or not no:
            continue
        disputed_since = max(min(f.when for f in yes), min(f.when for f in no))
        if disputed_since < since:
            continue
        out.append(
            Dispute(
                analysis.base.actor(s),
                p,
                analysis.base.actor(o) if o else None,
                disputed_since,
                evidence(yes, analysis.base, at, analysis.weights),
                evidence(no, analysis.base, at, analysis.weights),
            )
        )
    out.sort(key=lambda x: (x.disputed_since, x.subject.name, x.predicate))
    return out


def changes_of(analysis: Analysis, since: date, *, as_of: date | None = None) -> Changes:
    at = analysis.as_of(as_of)
    return Changes(
        since=since,
        as_of=at,
        new_actors=tuple(_new_actors(analysis, since, at)),
        new_ties=tuple(_new_ties(analysis, since, at)),
        alerts=tuple(_alerts(analysis, since, at)),
        disputed=tuple(_disputed(analysis, since, at)),
        undated=analysis.base.undated(),
    )


def changes(store: Store, since: date, *, as_of: date | None = None) -> Changes:
    """What is new since `since` (inclusive) up to `as_of` (default: the latest evidence)."""
    return changes_of(Analysis.load(store, as_of=as_of), since, as_of=as_of)
