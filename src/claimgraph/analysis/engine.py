"""The convergence formula computed for every pair on many dates at once, with numpy.

Same formula as `convergence.Scorer` (the readable reference, which tests hold this to): facts weighted
and decayed per date; per part the strongest fact of each independent report, reports noisy-or'd,
denials subtracted; links as products of parts; signals as noisy-or of links; the score as the weighted
sum of signals. Written with numpy segment reductions because the per-link Python loop took ~10 s on
10k synthetic claims, and the issue asks for well under a second.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

import numpy as np

from .facts import FactColumns, fact_columns
from .links import Link, LinkRun, LinkSet, PartId, ranges_from
from .types import Fact
from .weights import Weights


def _segments(keys: np.ndarray) -> np.ndarray:
    """Start offsets of runs of equal values in a sorted 1-d array (for ufunc.reduceat)."""
    if keys.size == 0:
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])


@dataclass(frozen=True, slots=True)
class Compiled:
    """Links flattened into index arrays once; `evaluate` then scores them on any dates with numpy only."""

    pairs: Sequence[tuple[str, str]]  # sorted
    links: Sequence[Link]  # grouped by pair, in `pairs` order
    offsets: np.ndarray  # links of pairs[i] are links[offsets[i]:offsets[i + 1]]
    fact_when: np.ndarray  # ordinal date per fact; -inf for an undated fact (in force at every date)
    fact_timeless: np.ndarray  # True for undated facts: full weight at every date, no decay
    fact_base: np.ndarray  # credibility × modality per fact
    part_groups: tuple[tuple[int, np.ndarray, np.ndarray, np.ndarray, np.ndarray], ...]
    n_parts: int
    l_parts: np.ndarray
    link_at: np.ndarray  # link i's parts are l_parts[link_at[i]:link_at[i + 1]]
    factor: np.ndarray
    sig_order: np.ndarray
    sig_starts: np.ndarray
    sig_weight: np.ndarray
    sig_pair: np.ndarray
    pair_first: np.ndarray  # ordinal of the first date each pair had a complete link
    half_life: float


@dataclass(frozen=True, slots=True)
class Scores:
    pairs: Sequence[tuple[str, str]]
    dates: list[date]
    matrix: np.ndarray  # len(pairs) × len(dates)
    link_values: np.ndarray  # one value per link (in `links` order) on `dates[-1]`
    links: Sequence[Link]


def _first_use(raw: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`raw` (numbers 0 … n-1) renumbered 0, 1, … in order of first occurrence; and the raw value of each new
    number. Each value's first position is found by addressing, not by sorting `raw` (tens of millions of
    part references at a million claims): linear, and only the distinct values are sorted."""
    n = int(raw.max()) + 1 if raw.size else 0
    first = np.full(n, raw.size, dtype=np.int64)
    np.minimum.at(first, raw, np.arange(raw.size, dtype=np.int64))
    present = np.flatnonzero(first < raw.size)
    by_first = present[np.argsort(first[present])]  # first positions are distinct: no ties
    new = np.empty(n, dtype=np.int64)
    new[by_first] = np.arange(len(by_first), dtype=np.int64)
    return new[raw], by_first


def _distinct(values: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """`np.unique(values, return_inverse=True)` for numbers 0 … n-1, by marking instead of sorting."""
    seen = np.zeros(n, dtype=bool)
    seen[values] = True
    rank = np.cumsum(seen) - 1
    return np.flatnonzero(seen), rank[values]


def _add_fact(f: Fact, weights: Weights, fact_base: dict[tuple[float, str, str], float], when: list,
              base: list[float], sign: list[int]) -> None:
    """One fact's date (ordinal, -inf when undated), base weight (memoised per credibility, modality and
    predicate: there are few) and sign (-1 for a denial)."""
    when.append(f.when.toordinal() if f.dated else -np.inf)
    bkey = (f.credibility, f.modality, f.predicate)
    b = fact_base.get(bkey)
    if b is None:
        b = fact_base[bkey] = weights.fact_base(*bkey)
    base.append(b)
    sign.append(-1 if f.negated else 1)


def compile_set(link_set: LinkSet, weights: Weights, columns: FactColumns | None = None) -> Compiled:
    """`compile_links` of every link in `link_set`, from its index arrays: the same arrays, numbered the same
    way (parts in order of first use, reports in order of first use within the parts), built with numpy
    instead of a dictionary lookup per link and per fact: one pass over the links in the order they were
    built, then gathers. Linear in links and facts; tests hold it equal to `compile_links`. `columns` are
    `fact_columns(link_set.facts, weights)`, when the caller has them."""
    table, order = link_set.flat, link_set.order
    kinds = sorted(weights.signals)
    kind_id = {k: i for i, k in enumerate(kinds)}
    kind_built = np.array([kind_id[k] for k in table.kinds], dtype=np.int64)[table.kind]
    factor_built = table.factor
    n_of_built = np.diff(table.part_at)
    flat_parts = table.parts
    n_of = n_of_built[order]
    raw_parts = flat_parts[ranges_from((np.cumsum(n_of_built) - n_of_built)[order], n_of)]
    l_parts, part_raw = _first_use(raw_parts)  # parts numbered in order of first use
    n_parts = len(part_raw)
    # each part's facts, part after part: positions in link_set.facts
    sizes = link_set.part_offsets[part_raw + 1] - link_set.part_offsets[part_raw]
    rows_pos = link_set.part_facts[ranges_from(link_set.part_offsets[part_raw], sizes)]
    rp = np.repeat(np.arange(n_parts), sizes)
    used, rf = _distinct(rows_pos, len(link_set.facts))
    cols = columns if columns is not None else fact_columns(link_set.facts, weights)
    when = np.where(cols.dated[used], cols.when[used].astype(np.float64), -np.inf)
    sign = np.where(cols.negated[used], -1, 1).astype(np.int64)
    ri, _ = _first_use(cols.independence[used][rf]) if rf.size else (rf, None)
    n_indep = int(ri.max()) + 1 if ri.size else 0
    return _assemble(
        pairs=link_set.pairs,
        links=LinkRun(table, order),
        offsets=link_set.offsets,
        rows=(rp, rf, ri, n_indep),
        fact=(when, cols.base[used], sign),
        link=(n_of, l_parts, kind_built[order], factor_built[order]),
        kinds=kinds,
        weights=weights,
    )


def compile_links(
    links_by_pair: Mapping[tuple[str, str], Sequence[Link]],
    link_set: LinkSet,
    weights: Weights,
) -> Compiled:
    pairs = sorted(links_by_pair)
    links = [lk for p in pairs for lk in links_by_pair[p]]
    offsets = np.cumsum([0, *(len(links_by_pair[p]) for p in pairs)])
    kinds = sorted(weights.signals)
    kind_id = {k: i for i, k in enumerate(kinds)}
    # one pass over the links: parts numbered in order of first use, each link's parts, count, kind, factor
    part_index: dict[PartId, int] = {}
    l_parts_list: list[int] = []
    n_of_list: list[int] = []
    kind_list: list[int] = []
    factor_list: list[float] = []
    for lk in links:
        for key in lk.parts:
            l_parts_list.append(part_index.setdefault(key, len(part_index)))
        n_of_list.append(len(lk.parts))
        kind_list.append(kind_id[lk.kind])
        factor_list.append(lk.factor)
    fact_index: dict[str, int] = {}
    rows_part: list[int] = []
    rows_fact: list[int] = []
    rows_indep: list[int] = []
    indep_ids: dict[str, int] = {}
    when: list[int] = []
    base: list[float] = []
    sign: list[int] = []
    fact_base: dict[tuple[float, str, str], float] = {}  # few distinct (credibility, modality, predicate)
    for key, p in part_index.items():
        for f in link_set.parts[key]:
            fi = fact_index.get(f.id)
            if fi is None:
                fi = fact_index[f.id] = len(when)
                _add_fact(f, weights, fact_base, when, base, sign)
            rows_part.append(p)
            rows_fact.append(fi)
            rows_indep.append(indep_ids.setdefault(f.independence, len(indep_ids)))
    rp, rf, ri = (np.array(x, dtype=np.int64) for x in (rows_part, rows_fact, rows_indep))
    return _assemble(
        pairs=pairs,
        links=links,
        offsets=offsets,
        rows=(rp, rf, ri, len(indep_ids)),
        fact=(np.array(when, dtype=np.float64), np.array(base, dtype=np.float64), np.array(sign, dtype=np.int64)),
        link=(
            np.array(n_of_list, dtype=np.int64),
            np.array(l_parts_list, dtype=np.int64),
            np.array(kind_list, dtype=np.int64),
            np.array(factor_list, dtype=np.float64),
        ),
        kinds=kinds,
        weights=weights,
    )


def _assemble(
    *,
    pairs: Sequence[tuple[str, str]],
    links: Sequence[Link],
    offsets: np.ndarray,
    rows: tuple[np.ndarray, np.ndarray, np.ndarray, int],
    fact: tuple[np.ndarray, np.ndarray, np.ndarray],
    link: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
    kinds: list[str],
    weights: Weights,
) -> Compiled:
    """The index arrays from (part, fact, report) rows, per-fact arrays and per-link arrays (links grouped by
    pair in `pairs` order; parts numbered in order of first use)."""
    rp, rf, ri, n_indep = rows
    when_a, base_a, sign_a = fact
    n_of, l_parts, kind_of_link, factor = link
    timeless = np.isneginf(when_a)
    rs = sign_a[rf] if rf.size else rf
    groups = []
    for s in (1, -1):
        m = rs == s
        if not m.any():
            continue
        p_, i_, f_ = rp[m], ri[m], rf[m]
        order = np.lexsort((i_, p_))
        p_, i_, f_ = p_[order], i_[order], f_[order]
        starts = _segments(p_ * (n_indep + 1) + i_)  # one run per (part, independent report)
        group_part = p_[starts]
        pstarts = _segments(group_part)
        groups.append((s, f_, starts, pstarts, group_part[pstarts]))
    n_parts = int(l_parts.max()) + 1 if l_parts.size else 0
    part_first = np.full(n_parts, np.inf)
    np.minimum.at(part_first, rp, when_a[rf])

    n_links = len(n_of)
    link_at = np.zeros(n_links + 1, dtype=np.int64)
    np.cumsum(n_of, out=link_at[1:])  # every link has a part: its parts start at link_at[i]
    link_first = np.maximum.reduceat(part_first[l_parts], link_at[:-1]) if n_links else np.zeros(0)
    pair_first = np.minimum.reduceat(link_first, offsets[:-1]) if n_links else np.zeros(0)

    # signals: the links of one pair and kind; links are grouped by pair already, so a stable sort by
    # (pair, kind) code orders them as a sort by pair, then kind, then position would
    signal = np.repeat(np.arange(len(pairs)), np.diff(offsets)) * len(kinds) + kind_of_link
    order = np.argsort(signal, kind="stable")
    signal = signal[order]
    sig_starts = _segments(signal)
    sig_weight = np.array([weights.signals[k] for k in kinds])[signal[sig_starts] % max(len(kinds), 1)]
    return Compiled(
        pairs=pairs, links=links, offsets=offsets, fact_when=when_a, fact_timeless=timeless, fact_base=base_a,
        part_groups=tuple(groups), n_parts=n_parts, l_parts=l_parts, link_at=link_at, factor=factor,
        sig_order=order, sig_starts=sig_starts, sig_weight=sig_weight,
        sig_pair=signal[sig_starts] // max(len(kinds), 1), pair_first=pair_first,
        half_life=weights.half_life_days,
    )


def evaluate(c: Compiled, dates: Sequence[date]) -> Scores:
    """Every compiled pair's score on every date in `dates`."""
    t = np.array([d.toordinal() for d in dates], dtype=np.float64)
    if not c.links:
        return Scores(c.pairs, list(dates), np.zeros((len(c.pairs), len(t))), np.zeros(0), c.links)
    part_val = _part_values(c, t)
    matrix = np.zeros((len(c.pairs), len(t)))
    link_last = np.empty(len(c.factor))
    for lo, hi in _blocks(c.offsets, _BLOCK):
        link_last[lo:hi] = _score_block(c, part_val, matrix, lo, hi)
    return Scores(c.pairs, list(dates), matrix, link_last, c.links)


def evaluate_rows(c: Compiled, dates: Sequence[date], rows: np.ndarray | Sequence[int]) -> np.ndarray:
    """`evaluate(c, dates).matrix[rows]`, computed for those pairs only: their links, and only the parts those
    links use (the same arithmetic in the same order, so the same numbers). For the few pairs a caller shows
    with their trend: every pair on every window date is a matrix of hundreds of megabytes at a million claims."""
    t = np.array([d.toordinal() for d in dates], dtype=np.float64)
    rows_a = np.asarray(rows, dtype=np.int64)
    out = np.zeros((len(rows_a), len(t)))
    if not len(rows_a) or not c.links:
        return out
    links = ranges_from(c.offsets[rows_a], c.offsets[rows_a + 1] - c.offsets[rows_a])
    used = np.unique(c.l_parts[ranges_from(c.link_at[links], c.link_at[links + 1] - c.link_at[links])])
    part_val = _part_values(replace(c, part_groups=_only_parts(c.part_groups, used), n_parts=len(used)), t)
    for k, row in enumerate(rows_a.tolist()):
        lo, hi = int(c.offsets[row]), int(c.offsets[row + 1])
        _score_block(c, part_val, out[k : k + 1], lo, hi, parts=used, first_pair=row)
    return out


def _only_parts(groups: tuple[tuple[int, np.ndarray, np.ndarray, np.ndarray, np.ndarray], ...],
                used: np.ndarray) -> tuple[tuple[int, np.ndarray, np.ndarray, np.ndarray, np.ndarray], ...]:
    """`Compiled.part_groups` cut to the parts in `used` (sorted), renumbered by their position in `used`: each
    kept part's rows and report runs as they were, in the same order."""
    out = []
    for s, f_, starts, pstarts, parts in groups:
        q = np.flatnonzero(np.isin(parts, used))  # `parts` ascend: kept parts stay in order
        g_end = np.r_[pstarts, len(starts)]
        g0, g1 = g_end[q], g_end[q + 1]  # each kept part's report runs
        r_end = np.r_[starts, len(f_)]
        r0, r1 = r_end[g0], r_end[g1]  # and its rows
        n_rows, n_runs = r1 - r0, g1 - g0
        new_r0 = np.cumsum(n_rows) - n_rows
        runs = ranges_from(g0, n_runs)
        new_starts = starts[runs] - np.repeat(r0 - new_r0, n_runs)
        out.append((s, f_[ranges_from(r0, n_rows)], new_starts, np.cumsum(n_runs) - n_runs,
                    np.searchsorted(used, parts[q])))
    return tuple(out)


#: Links scored per block. Each block's temporaries (links × dates) stay small enough for the processor's
#: caches; one pass over millions of links at once made every step stream gigabytes through memory.
_BLOCK = 1 << 14


def _blocks(offsets: np.ndarray, size: int) -> list[tuple[int, int]]:
    """Ranges of about `size` links that start and end at a pair's first link (a pair is never split)."""
    n = int(offsets[-1])
    cuts = np.unique(np.r_[0, offsets[np.searchsorted(offsets, np.arange(size, n, size))], n])
    return list(zip(cuts[:-1].tolist(), cuts[1:].tolist(), strict=True))


def _part_values(c: Compiled, t: np.ndarray) -> np.ndarray:
    """Every part's strength on every date in `t`, computed a block of about _BLOCK (part, fact) rows at a time
    (whole parts): each fact's weight per date, the strongest fact per report, reports noisy-or'd, denials
    subtracted. Done for every fact at once, the temporaries (facts × dates) outgrew the caches at a
    million claims and cost more per fact than at 100k."""
    part_val = np.zeros((c.n_parts, len(t)))
    for s, f_, starts, pstarts, parts in c.part_groups:
        part_at = np.r_[starts[pstarts], len(f_)]  # part q's rows are f_[part_at[q]:part_at[q + 1]]
        for lo, hi in _blocks(part_at, _BLOCK):
            q0, q1 = (int(q) for q in np.searchsorted(part_at, [lo, hi]))
            g0, g1 = int(pstarts[q0]), int(pstarts[q1]) if q1 < len(pstarts) else len(starts)
            f = f_[lo:hi]
            age = np.where(c.fact_timeless[f, None], 0.0, t[None, :] - c.fact_when[f, None])
            fact_w = np.where(age >= 0, c.fact_base[f, None] * 0.5 ** (np.maximum(age, 0) / c.half_life), 0.0)
            group_max = np.maximum.reduceat(fact_w, starts[g0:g1] - lo, axis=0)  # strongest fact per report
            miss = np.multiply.reduceat(1.0 - np.clip(group_max, 0.0, 1.0), pstarts[q0:q1] - g0, axis=0)
            part_val[parts[q0:q1]] += s * (1.0 - miss)
    return part_val


def _score_block(c: Compiled, part_val: np.ndarray, matrix: np.ndarray, lo: int, hi: int, *,
                 parts: np.ndarray | None = None, first_pair: int = 0) -> np.ndarray:
    """Score links lo…hi-1 (whole pairs) and add their signals to their pairs' rows of `matrix` (pair p at row
    p - first_pair); the links' values on the last date. `part_val` has a row per part, or with `parts` (sorted)
    a row per part in `parts`."""
    s0, s1 = int(c.link_at[lo]), int(c.link_at[hi])
    link_parts = c.l_parts[s0:s1]
    vals = part_val[link_parts if parts is None else np.searchsorted(parts, link_parts)]
    n_of = np.diff(c.link_at[lo : hi + 1])
    multi = np.repeat(n_of > 1, n_of)
    vals = np.where(multi[:, None], np.maximum(vals, 0.0), vals)  # a denied step breaks a chain
    link_val = np.multiply.reduceat(vals, c.link_at[lo:hi] - s0, axis=0) * c.factor[lo:hi, None]
    q0, q1 = np.searchsorted(c.sig_starts, [lo, hi])
    lv = link_val[c.sig_order[lo:hi] - lo]
    starts = c.sig_starts[q0:q1] - lo
    pos = 1.0 - np.multiply.reduceat(1.0 - np.clip(lv, 0.0, 1.0), starts, axis=0)
    neg = 1.0 - np.multiply.reduceat(1.0 - np.clip(-lv, 0.0, 1.0), starts, axis=0)
    np.add.at(matrix, c.sig_pair[q0:q1] - first_pair, c.sig_weight[q0:q1, None] * (pos - neg))
    return link_val[:, -1]


def score_matrix(
    links_by_pair: Mapping[tuple[str, str], Sequence[Link]],
    link_set: LinkSet,
    dates: Sequence[date],
    weights: Weights,
) -> Scores:
    """Scores of every pair in `links_by_pair` on every date in `dates`."""
    return evaluate(compile_links(links_by_pair, link_set, weights), dates)
