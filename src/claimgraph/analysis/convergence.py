"""Convergence: which groups are coming together, since when, and on what evidence.

The score of a pair on a date t (docs/convergence.md has the full formula):

    w(fact, t)   = credibility × modality × 0.5 ** (age_days / half_life_days)   (negative when negated)
    part(t)      = noisy_or(independent reports' positive weights) − noisy_or(their negative weights)
    link(t)      = factor × Π part(t)              (every step of the link must hold)
    signal_k(t)  = noisy_or(positive links of kind k) − noisy_or(negative links of kind k)
    score(t)     = Σ_k weight_k × signal_k(t)      (weights.yaml; `hostile` has a negative weight)

Facts from one independent report (`Grading.independence`) count once: the strongest of them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

import numpy as np

from ..errors import UsageError
from ..ontology import Ontology, load_ontology
from ..store import Store
from .engine import Compiled, compile_set, evaluate, evaluate_rows
from .facts import FactBase, FactColumns, evidence, gc_paused, load_facts, noisy_or, strength
from .link_rules import build_links
from .links import Link, LinkSet, PartId
from .types import Evidence, Fact, PairScore, Signal, WindowScore
from .weights import Weights, load_weights


def _combine(values: Iterable[float]) -> float:
    """Positive values noisy-or'd, minus negative values noisy-or'd: a strength in [-1, 1]."""
    vals = list(values)
    return noisy_or(v for v in vals if v > 0) - noisy_or(-v for v in vals if v < 0)


@dataclass(slots=True)
class Scorer:
    """Scores links on given dates, caching each part's strength per date (parts are shared by many links)."""

    links: LinkSet
    weights: Weights
    _cache: dict[tuple[PartId, date], float] = field(default_factory=dict)

    def part(self, key: PartId, at: date) -> float:
        hit = self._cache.get((key, at))
        if hit is not None:
            return hit
        value = strength(self.links.parts[key], at, self.weights)
        self._cache[(key, at)] = value
        return value

    def link(self, link: Link, at: date) -> float:
        if len(link.parts) == 1:
            return link.factor * self.part(link.parts[0], at)
        value = link.factor
        for key in link.parts:  # a chain holds only as far as each step does; a denied step breaks it
            value *= max(self.part(key, at), 0.0)
        return value

    def score(self, links: Sequence[Link], at: date) -> float:
        by_kind: dict[str, list[float]] = defaultdict(list)
        for lk in links:
            by_kind[lk.kind].append(self.link(lk, at))
        return sum(self.weights.signals[k] * _combine(v) for k, v in sorted(by_kind.items()))


def window_ends(start: date, as_of: date, window: timedelta, max_windows: int) -> list[date]:
    """Window end dates, oldest first: as_of, as_of − window, … back to the one covering `start`."""
    ends = [as_of]
    while ends[-1] - window >= start and len(ends) < max_windows:
        ends.append(ends[-1] - window)
    return ends[::-1]


def _signals(
    base: FactBase,
    parts: Sequence[tuple[Fact, ...]],
    links: Sequence[Link],
    values: Sequence[float],
    weights: Weights,
    shown: Callable[[Iterable[Fact]], tuple[Evidence, ...]],
) -> tuple[Signal, ...]:
    """A pair's links grouped into signals by (kind, via), each with its strength and evidence."""
    grouped: dict[tuple[str, tuple[str, ...]], list[int]] = defaultdict(list)
    for i, lk in enumerate(links):
        grouped[(lk.kind, lk.via)].append(i)
    out = []
    for (kind, via), idx in grouped.items():
        keys = dict.fromkeys(key for i in idx for key in links[i].parts)
        out.append(
            Signal(
                kind=kind,
                via=tuple(base.actor(v) for v in via),
                strength=_combine(values[i] for i in idx),
                evidence=shown(f for key in keys for f in parts[key]),
            )
        )
    w = weights.signals
    out.sort(key=lambda s: (-abs(w[s.kind] * s.strength), s.kind, [v.name for v in s.via]))
    return tuple(out)


@dataclass(frozen=True)
class Analysis:
    """Facts and links loaded once, for callers that ask several questions of one store state."""

    base: FactBase
    links: LinkSet
    weights: Weights
    ontology: Ontology

    @classmethod
    def load(
        cls,
        store: Store,
        *,
        weights: Weights | None = None,
        since: date | None = None,
        as_of: date | None = None,
    ) -> Analysis:
        weights = weights or load_weights()
        ontology = load_ontology()
        with gc_paused(keep=True):
            base = load_facts(store, weights)
            if since is not None or as_of is not None:
                lo, hi = since or date.min, as_of or date.max
                # a date filter keeps dated facts only; `hidden_undated` says how many it left out
                kept = tuple(f for f in base.facts if f.dated and lo <= f.when <= hi)
                hidden = sum(not f.dated for f in base.facts)
                base = FactBase(kept, base.actors, hidden_undated=hidden, broad_places=base.broad_places)
            return cls(base, build_links(base, ontology, weights), weights, ontology)

    @cached_property
    def dated_range(self) -> tuple[date, date] | None:
        """The earliest and latest evidence dates (None when no fact is dated), found once: each is a pass
        over every fact."""
        dates = [f.when for f in self.base.facts if f.dated]
        return (min(dates), max(dates)) if dates else None

    def as_of(self, as_of: date | None = None) -> date:
        """The score date: given, else the latest evidence date (not today: same store, same scores)."""
        return as_of or (self.dated_range[1] if self.dated_range else None) or date(1970, 1, 1)

    def scorer(self) -> Scorer:
        return Scorer(self.links, self.weights)

    @cached_property
    def compiled(self) -> Compiled:
        """Every link in index arrays, built on first use and shared by `pairs` and `changes`."""
        with gc_paused():
            return compile_set(self.links, self.weights, self.columns)

    @property
    def columns(self) -> FactColumns:
        """What the scores read of each fact (`links.facts`, the same list as `base.facts`), as arrays: those
        the links were built from."""
        return self.links.columns

    def evaluate_all(self, as_of: date | None = None) -> np.ndarray:
        """Every linked pair's score on `as_of` (pairs in `compiled.pairs` order), without evidence."""
        return evaluate(self.compiled, [self.as_of(as_of)]).matrix[:, 0]

    def pairs(
        self,
        *,
        since: date | None = None,
        window: timedelta = timedelta(days=90),
        as_of: date | None = None,
        limit: int | None = None,
    ) -> list[PairScore]:
        """Linked pairs, best first, scored on `as_of` and at the end of each window back to `since`; with
        `limit`, only the top `limit` pairs are returned (and only their evidence is assembled)."""
        if window <= timedelta(0):
            raise UsageError(f"window must be positive, got {window}")
        at = self.as_of(as_of)
        start = since or (self.dated_range[0] if self.dated_range else at)
        ends = window_ends(start, at, window, self.weights.max_windows)
        with gc_paused():
            return self._pairs(at, window, ends, limit)

    def _pairs(
        self, at: date, window: timedelta, ends: list[date], limit: int | None
    ) -> list[PairScore]:
        parts = self.links.parts
        compiled = self.compiled
        # with a limit, every pair is scored on `at` (the last window end) and only the pairs returned on every
        # window end: every pair on every window is a matrix of hundreds of megabytes at a million claims
        scores = evaluate(compiled, ends if limit is None else [at])
        cache: dict[str, Evidence] = {}

        def shown(facts: Iterable[Fact]) -> tuple[Evidence, ...]:
            return evidence(facts, self.base, at, self.weights, cache=cache)

        live = np.flatnonzero(compiled.pair_first <= at.toordinal())
        final = np.round(scores.matrix[live, -1], 9)
        if limit is not None and 0 < limit < len(live):
            # only pairs scoring at least the limit-th best can be in the top: sort those, not millions
            kth = np.partition(final, len(final) - limit)[len(final) - limit]
            near = final >= kth
            live, final = live[near], final[near]
        ranked = live[np.lexsort((live, -final))]  # best first; ties in pair-id order
        top = ranked[:limit]
        windows = scores.matrix[top] if limit is None else evaluate_rows(compiled, ends, top)
        out = []
        for k, row in enumerate(top.tolist()):
            pair = compiled.pairs[row]
            lo_i, hi_i = int(compiled.offsets[row]), int(compiled.offsets[row + 1])
            links = compiled.links[lo_i:hi_i]
            values = scores.link_values[lo_i:hi_i].tolist()
            keys = dict.fromkeys(k for lk in links for k in lk.parts)
            dates = sorted({f.when for k in keys for f in parts[k] if f.dated and f.when <= at})
            trend = []
            for j, end in enumerate(ends):
                lo = end - window
                new = bisect_right(dates, end) - bisect_right(dates, lo)
                trend.append(WindowScore(lo, end, float(windows[k, j]), new))
            score = trend[-1].score
            emerged = next((w.end for w in trend if w.score >= self.weights.emergence_score), None)
            delta = score - trend[-2].score if len(trend) > 1 else 0.0
            direction = (
                "rising"
                if delta > self.weights.rising_delta
                else "falling"
                if delta < -self.weights.rising_delta
                else "steady"
            )
            first = compiled.pair_first[row]  # -inf when undated evidence completes a link: no "first seen"
            first_seen = date.fromordinal(int(first)) if np.isfinite(first) else None
            if first_seen is None and direction == "rising":
                direction = "steady"  # a finding that rests on undated documents is never called rising
            out.append(
                PairScore(
                    a=self.base.actor(pair[0]),
                    b=self.base.actor(pair[1]),
                    score=score,
                    signals=_signals(self.base, parts, links, values, self.weights, shown),
                    trend=tuple(trend),
                    first_seen=first_seen,
                    emerged=emerged,
                    direction=direction,
                )
            )
        return out


def convergence(
    store: Store,
    *,
    since: date | None = None,
    window: timedelta = timedelta(days=90),
    as_of: date | None = None,
    weights: Weights | None = None,
    limit: int | None = None,
) -> list[PairScore]:
    """Pairs of groups ranked by convergence score on `as_of` (default: the latest evidence date), each with
    the signals and claims behind it and its score at the end of each `window` back to `since` (default:
    the earliest evidence). Evidence dated before `since` or after `as_of` is left out. Pairs with only
    hostile or denied ties are included with a score at or below zero (`converging` is False). `limit`
    returns only the top pairs (every pair is still scored)."""
    analysis = Analysis.load(store, weights=weights, since=since, as_of=as_of)
    return analysis.pairs(since=since, window=window, as_of=as_of, limit=limit)
