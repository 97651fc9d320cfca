"""The rules that tie groups, applied to every fact at once: from the facts to a `LinkSet`.

Which facts say two groups are close (docs/convergence.md): a direct tie or sponsorship between two groups, a
hostility, two members who met, and an intermediary two groups share (a sponsor, a member, a publication, an
organisation they both attacked, a place where both are present). The rules are masks over integer codes, with
no dictionary keyed by actor ids: at a million claims such dictionaries outgrow the processor's caches, and
every lookup in them costs several times more than at a hundred thousand.

Data layout:

- Actors. Every actor the facts name (subject, object or place) has a code: its position in id order, so codes
  sort as the ids do and "in id order" is "in code order". A fact is a row of codes: subject, object (-1: none),
  place (-1: none) and predicate.
- Parts. A part is one step of evidence, keyed by (tag, x, y), e.g. ("member", person, group), and coded
  (tag × n + x) × n + y for n actors. Each rule that puts a fact into a part is a *put* (fact, step, part code);
  one fact's puts are numbered by step in the order the rules read it. Parts are numbered in order of first put
  (puts in fact order, then step order), and a part's facts are its puts' facts in that order (id order when the
  facts come sorted by id, as a store's do).
- Vias. A link's intermediaries are coded: () as 0, (p,) as 1 + p and (p, q) as 1 + n + p × n + q; numbered in
  order of first use, as the link kinds are.
- Links, as columns in the order built: direct ties, sponsorships and hostilities (each by pair), member ties
  (meetings by pair, then each person's groups in order of first claim), then the groups that share an
  intermediary (`_shared`: sponsor, person, media, target, place).
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Iterator, Sequence

import numpy as np

from ..ontology import Ontology, PredicateDef
from .facts import FactBase, FactColumns, fact_columns
from .links import LazyRows, LinkSet, LinkTable, PartFacts, PartKey, ranges_from, run_starts
from .types import Fact
from .weights import Weights

TAGS = ("hostile", "at", "target", "tie", "sponsor", "patron", "media", "member", "meet")
HOSTILE, AT, TARGET, TIE, SPONSOR, PATRON, MEDIA, MEMBER, MEET = range(len(TAGS))
_STEPS = 8  # at most this many puts per fact (five are used): a put's order is fact × _STEPS + step
_LINK_BLOCK = 1 << 17  # shared-intermediary links made per block (whole intermediaries: a block may hold more)

#: The shared-intermediary link kinds, built in this order.
SHARED_KINDS = ("shared_sponsor", "shared_person", "shared_media", "shared_target", "shared_place")


class PartKeys(LazyRows[PartKey]):
    """Each part's key, ("member", person id, group id) …, made when read from the parts' codes."""

    __slots__ = ("_actors", "_tag", "_x", "_y")

    def __init__(self, actors: Sequence[str], tag: np.ndarray, x: np.ndarray, y: np.ndarray) -> None:
        self._actors, self._tag, self._x, self._y = actors, tag, x, y

    def __len__(self) -> int:
        return len(self._tag)

    def _row(self, i: int) -> PartKey:
        return TAGS[self._tag[i]], self._actors[self._x[i]], self._actors[self._y[i]]


class Vias(LazyRows[tuple[str, ...]]):
    """Each via number's intermediaries, made when read from the via codes (see the module docstring)."""

    __slots__ = ("_actors", "_codes")

    def __init__(self, actors: Sequence[str], codes: np.ndarray) -> None:
        self._actors, self._codes = actors, codes

    def __len__(self) -> int:
        return len(self._codes)

    def _row(self, i: int) -> tuple[str, ...]:
        code, n = int(self._codes[i]), len(self._actors)
        if code == 0:
            return ()
        if code <= n:
            return (self._actors[code - 1],)
        p, q = divmod(code - 1 - n, n)
        return self._actors[p], self._actors[q]


def specificity(n: int) -> float:
    """How much an intermediary shared by n groups says: 1 for two groups, less the more groups share it."""
    return 1.0 / (1.0 + math.log(max(n, 2) / 2.0))


def _first_use(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each key's number, distinct keys numbered 0, 1, … in order of first occurrence; and the keys by number."""
    uniq, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    by_first = np.argsort(first)
    number = np.empty(len(uniq), dtype=np.int64)
    number[by_first] = np.arange(len(uniq), dtype=np.int64)
    return number[inverse.reshape(-1)], uniq[by_first]


def _csr(keys: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """For keys sorted ascending in 0 … n-1: each key's first row and its number of rows."""
    ptr = np.searchsorted(keys, np.arange(n + 1))
    return ptr[:-1], np.diff(ptr)


class _Columns:
    """Links as column chunks in the order built: kind name, pair ranks, via code, factor, parts."""

    def __init__(self) -> None:
        self.kinds: list[str] = []  # in order of first use
        self.chunks: list[tuple[np.ndarray, ...]] = []
        self.via_uses: list[np.ndarray] = []  # via codes in order of use, for their numbering

    def add(self, kind: str, a: np.ndarray, b: np.ndarray, via: np.ndarray, factor: np.ndarray,
            sizes: np.ndarray, parts: np.ndarray) -> None:
        if kind not in self.kinds:
            self.kinds.append(kind)
        kind_col = np.full(len(a), self.kinds.index(kind), dtype=np.int64)
        self.chunks.append((kind_col, a, b, via, factor, sizes, parts))


class _Rules:
    """The facts as codes, the actor tests per code, and the puts (see the module docstring)."""

    def __init__(self, base: FactBase, facts: Sequence[Fact], columns: FactColumns, ontology: Ontology,
                 weights: Weights) -> None:
        self.weights = weights
        self.notes: list[str] = []
        self.base = base
        # actors: the columns' (subjects and objects) and any place named only as a fact's place
        places = [f.place for f in facts]
        placed = [i for i, p in enumerate(places) if p]
        place_ids = [p for p in places if p]
        extra = set(place_ids).difference(columns.actors)
        actors = tuple(sorted(extra.union(columns.actors))) if extra else columns.actors
        index = {a: i for i, a in enumerate(actors)} if placed else {}
        remap = np.r_[np.array([index[a] for a in columns.actors], dtype=np.int64) if extra
                      else np.arange(len(actors), dtype=np.int64), -1]  # [-1]: no object stays -1
        self.actors = actors
        self.n = n = len(actors)
        self.s, self.o = remap[columns.subject], remap[columns.object]
        self.place = np.full(len(facts), -1, dtype=np.int64)
        self.place[placed] = np.array([index[p] for p in place_ids], dtype=np.int64)
        # a code's rank among the subjects and objects (the links' pair ranks); -1 for a place named only so
        self.rank = np.full(n, -1, dtype=np.int64)
        self.rank[remap[:-1]] = np.arange(len(columns.actors), dtype=np.int64)
        types = [base.actor(a).type for a in actors]
        place_type = {t: ontology.is_a(t, "place") for t in set(types)}
        self.group = np.array([t in weights.pair_types for t in types], dtype=bool)
        self.is_place = np.array([place_type[t] for t in types], dtype=bool)
        self.broad = np.array([a in base.broad_places for a in actors], dtype=bool)
        self.puts(columns, ontology)

    def puts(self, columns: FactColumns, ontology: Ontology) -> None:
        """Every put of every fact (`put_fact`, `put_part`: in put order), and the parts' keys by part number
        (`part_tag`, `part_x`, `part_y`). The masks follow the rules in the order one fact is read: a hostile act
        (step 0: a hostile tie between groups; 1: presence at an attacked place, else the target; 2: presence at
        the fact's place), else a stated presence, else presence at the fact's place (0, 1) and then one of: a
        tie or a sponsorship between groups (2; 3 and 4), a group's publication, a membership, a meeting (2)."""
        w, preds = self.weights, ontology.predicates
        defs = [preds.get(p) for p in columns.predicates]

        def per_predicate(test: Callable[[str, PredicateDef], bool]) -> np.ndarray:
            """Per fact: its predicate is in the ontology and passes `test`."""
            flags = [d is not None and bool(test(name, d)) for name, d in zip(columns.predicates, defs, strict=True)]
            return np.array(flags, dtype=bool)[columns.predicate]

        hostile = per_predicate(lambda _, d: d.hostile)
        known = per_predicate(lambda _, d: True)
        tie = per_predicate(lambda _, d: d.signal == "direct_tie")
        sponsor = per_predicate(lambda _, d: d.signal == "sponsor")
        media = per_predicate(lambda _, d: d.signal == "shared_media")
        presence = per_predicate(lambda name, _: name in w.presence_predicates)
        linking = per_predicate(lambda name, _: name in w.link_predicates)
        s, o, place = self.s, self.o, self.place
        has_o, has_place = o >= 0, place >= 0
        o_ = np.where(has_o, o, 0)
        gs, go = self.group[s], self.group[o_] & has_o
        ps, po = self.is_place[s], self.is_place[o_] & has_o
        lo, hi = np.minimum(s, o_), np.maximum(s, o_)
        rows: list[tuple[np.ndarray, int, int, np.ndarray, np.ndarray]] = []  # (facts, step, tag, x, y)

        def put(mask: np.ndarray, step: int, tag: int, x: np.ndarray, y: np.ndarray) -> None:
            at = np.flatnonzero(mask)
            rows.append((at, step, tag, x[at], y[at]))

        # a hostile act: a hostile tie between groups; the actor's presence at a place it attacked, or its target
        fight = known & hostile & has_o
        put(fight & gs & go, 0, HOSTILE, lo, hi)
        put(fight & po, 1, AT, s, o_)
        put(fight & ~po & gs, 1, TARGET, s, o_)
        put(fight & has_place, 2, AT, s, place)
        other = known & ~hostile & has_o
        stated = other & presence & po  # "operates in", "based in": presence, and nothing else
        put(stated, 0, AT, s, o_)
        other &= ~stated
        put(other & has_place, 0, AT, s, place)
        put(other & has_place, 1, AT, o_, place)
        groups = other & gs & go
        put(groups & tie, 2, TIE, lo, hi)
        put(groups & sponsor, 3, SPONSOR, s, o_)
        put(groups & sponsor, 4, PATRON, lo, hi)
        other &= ~groups
        shared_media = other & media & gs
        put(shared_media, 2, MEDIA, s, o_)
        other &= ~shared_media & linking
        person, group = np.where(gs, o_, s), np.where(gs, s, o_)
        put(other & (gs != go) & ~self.is_place[person], 2, MEMBER, person, group)
        put(other & (gs == go) & ~gs & ~ps & ~po & tie, 2, MEET, lo, hi)

        fact = np.concatenate([r[0] for r in rows])
        step = np.concatenate([np.full(len(r[0]), r[1], dtype=np.int64) for r in rows])
        tag = np.concatenate([np.full(len(r[0]), r[2], dtype=np.int64) for r in rows])
        x, y = np.concatenate([r[3] for r in rows]), np.concatenate([r[4] for r in rows])
        order = np.argsort(fact * _STEPS + step, kind="stable")
        fact, tag, x, y = fact[order], tag[order], x[order], y[order]
        n = max(self.n, 1)
        part_of, keys = _first_use((tag * n + x) * n + y)
        self.part_tag, self.part_x, self.part_y = keys // (n * n), keys // n % n, keys % n
        self.put_fact, self.put_part = fact, part_of

    def part_members(self, ids: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Each part's facts (positions), part after part, in put order (in id order when `ids` are sorted);
        and the offsets: part i's are at [offsets[i]:offsets[i + 1]]."""
        if all(map(operator.le, ids, ids[1:])):  # a store's facts come sorted by id
            by_part = np.argsort(self.put_part, kind="stable")
        else:
            id_rank = np.empty(len(ids), dtype=np.int64)
            id_rank[np.array(sorted(range(len(ids)), key=ids.__getitem__), dtype=np.int64)] = np.arange(len(ids))
            by_part = np.lexsort((id_rank[self.put_fact], self.put_part))
        sizes = np.bincount(self.put_part, minlength=len(self.part_tag))
        return self.put_fact[by_part], np.r_[0, np.cumsum(sizes)].astype(np.int64)

    def parts_of(self, tag: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The parts with `tag`: their numbers, x and y, sorted by (x, y)."""
        pid = np.flatnonzero(self.part_tag == tag)
        pid = pid[np.lexsort((self.part_y[pid], self.part_x[pid]))]
        return pid, self.part_x[pid], self.part_y[pid]

    def direct(self, out: _Columns) -> None:
        """A link per direct tie, sponsorship and hostility between two distinct groups, by pair."""
        for kind, tag in (("direct_tie", TIE), ("sponsorship", PATRON), ("hostile", HOSTILE)):
            pid, x, y = self.parts_of(tag)
            keep = x != y
            pid, x, y = pid[keep], x[keep], y[keep]
            if len(pid):
                one = np.ones(len(pid), dtype=np.int64)
                out.add(kind, self.rank[x], self.rank[y], np.zeros(len(pid), dtype=np.int64),
                        np.ones(len(pid)), one, pid)
                out.via_uses.append(np.zeros(1, dtype=np.int64))

    def ties(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Member parts by person, each person's groups in order of first claim (part number): person, group,
        part; and per actor code its first row and count."""
        pid = np.flatnonzero(self.part_tag == MEMBER)
        pid = pid[np.argsort(self.part_x[pid], kind="stable")]  # part numbers ascend within a person
        person, group = self.part_x[pid], self.part_y[pid]
        start, count = _csr(person, self.n)
        return person, group, pid, start, count

    def member_ties(self, out: _Columns) -> None:
        """For each meeting of two people (by pair), a link between each group of the one and each other group
        of the other, through the meeting and both memberships."""
        meet, p, q = self.parts_of(MEET)
        _, t_group, t_part, start, count = self.ties()
        n_pairs = count[p] * count[q]
        m = np.repeat(np.arange(len(meet)), n_pairs)
        k = np.arange(int(n_pairs.sum())) - np.repeat(np.cumsum(n_pairs) - n_pairs, n_pairs)
        gi = start[p[m]] + k // count[q[m]]
        hi = start[q[m]] + k % count[q[m]]
        g, h = t_group[gi], t_group[hi]
        keep = g != h
        m, gi, hi, g, h = m[keep], gi[keep], hi[keep], g[keep], h[keep]
        if not len(m):
            return
        via = 1 + self.n + p[m] * self.n + q[m]
        parts = np.stack([meet[m], t_part[gi], t_part[hi]], axis=1).reshape(-1)
        out.add("member_tie", self.rank[np.minimum(g, h)], self.rank[np.maximum(g, h)], via,
                np.ones(len(m)), np.full(len(m), 3, dtype=np.int64), parts)
        out.via_uses.append(via[run_starts(via)])

    def shared_tables(self) -> Iterator[tuple[str, tuple[np.ndarray, ...]]]:
        """Each shared kind's routes as (via, group, first part, second part or -1), sorted by via, group and
        route: a sponsor's groups, a person's groups, a publication's groups, an attacked group's attackers,
        and a place's groups: its own presence claims, else (two-part routes) those of its members, by member."""
        pid, x, y = self.parts_of(SPONSOR)
        yield "shared_sponsor", (x, y, pid, np.full(len(pid), -1))
        person, group, part, start, count = self.ties()
        order = np.lexsort((group, person))
        yield "shared_person", (person[order], group[order], part[order], np.full(len(part), -1))
        for kind, tag in (("shared_media", MEDIA), ("shared_target", TARGET)):
            pid, x, y = self.parts_of(tag)
            if tag == TARGET:
                keep = self.group[y]  # a shared *organisation* target; not "Shia", "Afghans", "civilians"
                pid, x, y = pid[keep], x[keep], y[keep]
            order = np.lexsort((x, y))
            yield kind, (y[order], x[order], pid[order], np.full(len(pid), -1))
        pid, who, at = self.parts_of(AT)
        keep = ~self.broad[at]  # a whole country says nothing about shared ground
        pid, who, at = pid[keep], who[keep], at[keep]
        own = self.group[who]
        n = max(self.n, 1)
        own_codes = at[own] * n + who[own]
        # a member's presence counts for each of its groups that makes no presence claim of its own there
        mem = ~own
        m_pid, m_who, m_at = pid[mem], who[mem], at[mem]
        rep = np.repeat(np.arange(len(m_pid)), count[m_who])
        row = ranges_from(start[m_who], count[m_who])
        g = group[row]
        codes = m_at[rep] * n + g
        keep = ~np.isin(codes, own_codes)
        via = np.r_[at[own], m_at[rep][keep]]
        grp = np.r_[who[own], g[keep]]
        by = np.r_[np.full(int(own.sum()), -1), m_who[rep][keep]]
        first = np.r_[pid[own], m_pid[rep][keep]]
        second = np.r_[np.full(int(own.sum()), -1), part[row][keep]]
        order = np.lexsort((by, grp, via))
        yield "shared_place", (via[order], grp[order], first[order], second[order])

    def shared(self, kind: str, table: tuple[np.ndarray, ...], out: _Columns) -> None:
        """Links for groups that share an intermediary. `table`: routes (via, group, first part, second part or
        -1), sorted by via, group and route. For each intermediary shared by 2 … max_shared groups (in id
        order), each pair of its groups g < h, each route of g and each route of h: one link through both
        routes, at the intermediary's specificity (× member_presence per two-part route)."""
        via_a, group_a, first, second = table
        if not len(via_a):
            return
        max_shared = self.weights.max_shared
        at = run_starts(via_a)
        new_group = np.r_[True, (group_a[1:] != group_a[:-1]) | (via_a[1:] != via_a[:-1])]
        n_groups = np.add.reduceat(new_group.astype(np.int64), at)
        for v, k in zip(via_a[at[n_groups > max_shared]].tolist(), n_groups[n_groups > max_shared].tolist(),
                        strict=True):
            self.notes.append(f"{kind}: {self.base.actor(self.actors[v]).name} is shared by {k} groups "
                              f"(more than max_shared={max_shared}); not counted")
        counted = (n_groups >= 2) & (n_groups <= max_shared)
        if not counted.any():
            return
        row_ok = np.repeat(counted, np.diff(np.r_[at, len(via_a)]))
        spec_of = np.array([specificity(k) for k in range(max(int(n_groups.max()), 2) + 1)])
        spec_a = np.repeat(spec_of[n_groups], np.diff(np.r_[at, len(via_a)]))[row_ok]
        via_code = 1 + via_a[row_ok]
        starts = run_starts(via_code)
        # the intermediaries are numbered (in id order) before their links are made, and the links come in
        # that numbering's order: one numbered by an earlier kind comes first
        out.via_uses.append(via_code[starts])
        numbers, _ = _first_use(np.concatenate(out.via_uses))
        via_no = np.repeat(numbers[len(numbers) - len(starts):], np.diff(np.r_[starts, len(via_code)]))
        group_a, first, second = group_a[row_ok], first[row_ok], second[row_ok]
        if np.any(via_no[1:] < via_no[:-1]):
            by_no = np.argsort(via_no, kind="stable")
            via_code, group_a, first, second, spec_a = (x[by_no] for x in (via_code, group_a, first, second, spec_a))
        group_a = self.rank[group_a]
        # the groups: runs of one group's routes within one intermediary (in id order)
        g_at = np.flatnonzero(np.r_[True, (group_a[1:] != group_a[:-1]) | (via_code[1:] != via_code[:-1])])
        g_len = np.diff(np.r_[g_at, len(via_code)])
        # links per intermediary: Σ over its pairs of groups g < h of routes(g) × routes(h)
        v_at = run_starts(via_code[g_at])
        total = np.add.reduceat(g_len, v_at)
        squares = np.add.reduceat(g_len * g_len, v_at)
        per_via = (total * total - squares) // 2
        # made a block of intermediaries at a time: each block's temporaries stay small (a million claims make
        # millions of these links, and whole-kind temporaries of that size cost more per link)
        ends = np.cumsum(per_via)
        cuts = np.unique(np.r_[0, np.searchsorted(ends, np.arange(_LINK_BLOCK, int(ends[-1]), _LINK_BLOCK),
                                                  side="right"), len(v_at)])
        g_end = np.r_[v_at, len(g_at)]
        for v0, v1 in zip(cuts[:-1].tolist(), cuts[1:].tolist(), strict=True):
            ga, gb = int(g_end[v0]), int(g_end[v1])
            r0, r1 = int(g_at[ga]), int(g_at[gb]) if gb < len(g_at) else len(via_code)
            self._pairs(kind, (via_code[r0:r1], group_a[r0:r1], first[r0:r1], second[r0:r1], spec_a[r0:r1]),
                        g_at[ga:gb] - r0, v_at[v0:v1] - ga, out)

    def _pairs(self, kind: str, rows: tuple[np.ndarray, ...], g_at: np.ndarray, v_at: np.ndarray,
               out: _Columns) -> None:
        """The links of a block of intermediaries: `rows` (via code, group rank, first part, second part or -1,
        specificity) sorted by via number, group and route; `g_at` the first row of each group's run, `v_at` the
        first group of each intermediary. Each pair of groups g < h of one intermediary, then each route of g
        with each route of h: the order the links are made in."""
        via_code, group_a, first, second, spec_a = rows
        member = self.weights.member_presence
        n_g = len(g_at)
        g_len = np.diff(np.r_[g_at, len(via_code)])
        later = np.repeat(np.r_[v_at[1:], n_g], np.diff(np.r_[v_at, n_g])) - np.arange(n_g) - 1
        g = np.repeat(np.arange(n_g), later)
        h = ranges_from(np.arange(n_g) + 1, later)
        n_pairs = g_len[g] * g_len[h]
        k = np.arange(int(n_pairs.sum())) - np.repeat(np.cumsum(n_pairs) - n_pairs, n_pairs)
        h_len = np.repeat(g_len[h], n_pairs)
        i = np.repeat(g_at[g], n_pairs) + k // h_len
        j = np.repeat(g_at[h], n_pairs) + k % h_len
        two_i, two_j = second[i] >= 0, second[j] >= 0
        f_g = np.where(two_i, spec_a[i] * member, spec_a[i] * 1.0)
        factor = np.where(two_j, f_g * member, f_g * 1.0)
        ok = factor > 0
        i, j, factor, two_i, two_j = i[ok], j[ok], factor[ok], two_i[ok], two_j[ok]
        parts = np.stack([first[i], second[i], first[j], second[j]], axis=1).reshape(-1)
        parts = parts[parts >= 0]
        sizes = 2 + two_i.astype(np.int64) + two_j.astype(np.int64)
        out.add(kind, group_a[i], group_a[j], via_code[i], factor, sizes, parts)


def build_links(
    base: FactBase, ontology: Ontology, weights: Weights, columns: FactColumns | None = None
) -> LinkSet:
    """Every link between two groups the facts support (positive, negated or hostile). `columns` are
    `fact_columns(base.facts, weights)`, when the caller has them; the link set keeps them."""
    facts = tuple(base.facts)
    cols = columns if columns is not None else fact_columns(facts, weights)
    rules = _Rules(base, facts, cols, ontology, weights)
    out = _Columns()
    rules.direct(out)
    rules.member_ties(out)
    for shared_kind, routes in rules.shared_tables():
        rules.shared(shared_kind, routes, out)
    part_facts, part_offsets = rules.part_members([f.id for f in facts])
    _, via_codes = _first_use(np.concatenate(out.via_uses)) if out.via_uses else (None, np.zeros(0, dtype=np.int64))
    by_code = np.argsort(via_codes)
    by_code_sorted = via_codes[by_code]
    empty = np.zeros(0, dtype=np.int64)
    chunks = [(k, a, b, by_code[np.searchsorted(by_code_sorted, v)], f, n, p) for k, a, b, v, f, n, p in out.chunks]
    out.chunks = []
    columns_of = list(zip(*chunks, strict=True)) or [(empty,)] * 4 + [(np.zeros(0),)] + [(empty,)] * 2
    del chunks
    kind, a, b, via, factor, link_sizes, link_parts = (np.concatenate(c) for c in columns_of)
    del columns_of
    part_at = np.zeros(len(link_sizes) + 1, dtype=np.int64)
    np.cumsum(link_sizes, out=part_at[1:])
    actors = cols.actors
    table = LinkTable(
        kinds=out.kinds, kind=kind, actors=actors, a=a, b=b, vias=Vias(rules.actors, via_codes), via=via,
        part_at=part_at, parts=link_parts, factor=factor.astype(np.float64, copy=False),
    )
    codes = np.multiply(a, max(len(actors), 1))
    codes += b
    order = np.argsort(codes, kind="stable")  # grouped by pair; a pair's links stay in the order built
    codes = codes[order]
    starts = run_starts(codes)
    offsets = np.empty(len(starts) + 1, dtype=np.int64)
    offsets[:-1], offsets[-1] = starts, len(codes)
    return LinkSet(
        flat=table,
        order=order,
        offsets=offsets,
        pair_codes=codes[starts],
        actors=actors,
        parts=PartFacts(facts, part_facts, part_offsets),
        part_keys=PartKeys(rules.actors, rules.part_tag, rules.part_x, rules.part_y),
        part_facts=part_facts,
        part_offsets=part_offsets,
        facts=facts,
        notes=tuple(rules.notes),
        columns=cols,
    )
