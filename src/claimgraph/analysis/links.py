"""Find the links between pairs of groups: which facts say two organisations are close, or hostile.

A `Link` says "groups a and b are tied by signal `kind` through `via`", and holds its evidence as `parts`:
each part is a set of facts that all support one step (e.g. "Mengal is in ISKP"), and the link holds only
as far as every part holds (strength = product of part strengths; see docs/convergence.md). Parts are
numbered and shared between links by number, so each part's strength is computed once per date.

A large store has millions of links: `LinkSet` keeps them as columns in the order built, with an index that
groups them by pair, and makes a `Link` only when one is read.
"""

from __future__ import annotations

import math
import operator
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import NamedTuple, overload

import numpy as np

from ..ontology import Ontology
from .facts import FactBase
from .types import Fact
from .weights import Weights

PartKey = tuple[str, ...]  # what a part says: ("member", person, group), ("at", actor, place), …
PartId = int  # a part's number: `LinkSet.parts[i]` are its facts, `LinkSet.part_keys[i]` its key
Route = tuple[PartId, ...]  # the parts that tie a group to an intermediary


class Link(NamedTuple):
    """A tuple rather than a frozen dataclass: a large store makes millions of links, and a tuple is built
    several times faster."""

    kind: str
    a: str  # actor ids, a < b
    b: str
    via: tuple[str, ...]
    parts: tuple[PartId, ...]
    factor: float = 1.0  # specificity of a shared intermediary, member presence


def _runs(keys: np.ndarray) -> np.ndarray:
    """Start offsets of runs of equal values in a sorted 1-d array."""
    if keys.size == 0:
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])


def _ranges_from(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The indices starts[0]…starts[0]+lengths[0]-1, then those of the second range, and so on."""
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    return np.repeat(starts - (np.cumsum(lengths) - lengths), lengths) + np.arange(total)


class Pairs(Sequence[tuple[str, str]]):
    """The linked pairs (a, b), in id order, read from their codes: rank(a) × len(actors) + rank(b)."""

    __slots__ = ("_actors", "_codes")

    def __init__(self, actors: tuple[str, ...], codes: np.ndarray) -> None:
        self._actors = actors
        self._codes = codes

    def __len__(self) -> int:
        return len(self._codes)

    def _decode(self, codes: np.ndarray) -> list[tuple[str, str]]:
        n, actors = max(len(self._actors), 1), self._actors
        return list(zip(map(actors.__getitem__, (codes // n).tolist()),
                        map(actors.__getitem__, (codes % n).tolist()), strict=True))

    @overload
    def __getitem__(self, i: int) -> tuple[str, str]: ...
    @overload
    def __getitem__(self, i: slice) -> list[tuple[str, str]]: ...
    def __getitem__(self, i: int | slice) -> tuple[str, str] | list[tuple[str, str]]:
        if isinstance(i, slice):
            return self._decode(self._codes[i])
        code, n = int(self._codes[i]), max(len(self._actors), 1)  # out of range: numpy raises IndexError
        return self._actors[code // n], self._actors[code % n]

    def __iter__(self) -> Iterator[tuple[str, str]]:
        for lo in range(0, len(self._codes), 65536):
            yield from self._decode(self._codes[lo : lo + 65536])

    def row(self, pair: tuple[str, str]) -> int | None:
        """The row of `pair`, or None when it is not linked."""
        actors = self._actors
        ra, rb = bisect_left(actors, pair[0]), bisect_left(actors, pair[1])
        if ra == len(actors) or rb == len(actors) or actors[ra] != pair[0] or actors[rb] != pair[1]:
            return None
        code = ra * len(actors) + rb
        row = int(np.searchsorted(self._codes, code))
        return row if row < len(self._codes) and self._codes[row] == code else None


class LinkRun(Sequence[Link]):
    """Links `order[i]` of `flat`: one pair's links, or every link grouped by pair."""

    __slots__ = ("_flat", "_order")

    def __init__(self, flat: Sequence[Link], order: np.ndarray) -> None:
        self._flat = flat
        self._order = order

    def __len__(self) -> int:
        return len(self._order)

    @overload
    def __getitem__(self, i: int) -> Link: ...
    @overload
    def __getitem__(self, i: slice) -> list[Link]: ...
    def __getitem__(self, i: int | slice) -> Link | list[Link]:
        if isinstance(i, slice):
            return [self._flat[j] for j in self._order[i].tolist()]
        return self._flat[int(self._order[i])]

    def __iter__(self) -> Iterator[Link]:
        return (self._flat[j] for j in self._order.tolist())


class LinkTable(Sequence[Link]):
    """Every link as columns, in the order built; a `Link` is made when one is read. Millions of links cost
    a few arrays, not millions of Python objects."""

    __slots__ = ("actors", "kind", "kinds", "a", "b", "via", "vias", "part_at", "parts", "factor")

    def __init__(
        self,
        *,
        kinds: list[str],
        kind: np.ndarray,
        actors: tuple[str, ...],
        a: np.ndarray,
        b: np.ndarray,
        vias: list[tuple[str, ...]],
        via: np.ndarray,
        part_at: np.ndarray,
        parts: np.ndarray,
        factor: np.ndarray,
    ) -> None:
        self.kinds, self.kind, self.actors, self.a, self.b = kinds, kind, actors, a, b
        self.vias, self.via, self.part_at, self.parts, self.factor = vias, via, part_at, parts, factor

    def __len__(self) -> int:
        return len(self.kind)

    @overload
    def __getitem__(self, i: int) -> Link: ...
    @overload
    def __getitem__(self, i: slice) -> list[Link]: ...
    def __getitem__(self, i: int | slice) -> Link | list[Link]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        i = range(len(self))[i]  # negative indices; IndexError when out of range
        lo, hi = int(self.part_at[i]), int(self.part_at[i + 1])
        return Link(
            self.kinds[self.kind[i]],
            self.actors[self.a[i]],
            self.actors[self.b[i]],
            self.vias[self.via[i]],
            tuple(self.parts[lo:hi].tolist()),
            float(self.factor[i]),
        )


class PartFacts(Sequence[tuple[Fact, ...]]):
    """Each part's facts, `parts[i]` made when read from the part index (a million claims have over a
    million parts; the analyses read the facts of a few: the top pairs' evidence, `changes`' alerts)."""

    __slots__ = ("_facts", "_at", "_pos")

    def __init__(self, facts: Sequence[Fact], part_facts: np.ndarray, part_offsets: np.ndarray) -> None:
        self._facts = facts
        self._pos = part_facts
        self._at = part_offsets

    def __len__(self) -> int:
        return len(self._at) - 1

    @overload
    def __getitem__(self, i: int) -> tuple[Fact, ...]: ...
    @overload
    def __getitem__(self, i: slice) -> list[tuple[Fact, ...]]: ...
    def __getitem__(self, i: int | slice) -> tuple[Fact, ...] | list[tuple[Fact, ...]]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        i = range(len(self))[i]  # negative indices; IndexError when out of range
        lo, hi = int(self._at[i]), int(self._at[i + 1])
        return tuple(map(self._facts.__getitem__, self._pos[lo:hi].tolist()))


class PairLinks(Mapping[tuple[str, str], list[Link]]):
    """(a, b) → the pair's links in the order they were built; pairs iterate in id order."""

    __slots__ = ("_set",)

    def __init__(self, link_set: LinkSet) -> None:
        self._set = link_set

    def __getitem__(self, pair: tuple[str, str]) -> list[Link]:
        row = self._set.pairs.row(pair)
        if row is None:
            raise KeyError(pair)
        return self._set.pair_links(row)

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self._set.pairs)

    def __len__(self) -> int:
        return len(self._set.pair_codes)

    def values(self) -> Iterator[list[Link]]:  # type: ignore[override]
        return (self._set.pair_links(row) for row in range(len(self)))


@dataclass(frozen=True, slots=True)
class LinkSet:
    """Every link, kept in the order built (`flat`) with an index that groups them by pair (pairs in id order):
    no dictionary of millions of pair keys, and no Python sort of them. Parts are numbered (`Link.parts` holds
    part ids); `parts[i]` are part i's facts in id order, `part_keys[i]` what it says."""

    flat: LinkTable
    order: np.ndarray  # indices into `flat`, grouped by pair; a pair's links in the order built
    offsets: np.ndarray  # pair row i's links are order[offsets[i]:offsets[i + 1]]
    pair_codes: np.ndarray  # sorted: rank(a) × len(actors) + rank(b)
    actors: tuple[str, ...]  # sorted actor ids: rank → id
    parts: PartFacts
    part_keys: tuple[PartKey, ...]
    part_facts: np.ndarray  # positions in `facts` of each part's facts, part after part
    part_offsets: np.ndarray  # part i's are part_facts[part_offsets[i]:part_offsets[i + 1]]
    facts: tuple[Fact, ...]
    notes: tuple[str, ...]  # what was left out, and why

    @property
    def pairs(self) -> Pairs:
        return Pairs(self.actors, self.pair_codes)

    @property
    def links(self) -> PairLinks:
        """(a, b) → links, a read-only mapping over the index (pairs in id order)."""
        return PairLinks(self)

    def pair_links(self, row: int) -> list[Link]:
        return LinkRun(self.flat, self.order)[int(self.offsets[row]) : int(self.offsets[row + 1])]


class _Known(dict[str, bool]):
    """actor id → `test(actor id)`, computed when first asked."""

    def __init__(self, test: Callable[[str], bool]) -> None:
        super().__init__()
        self._test = test

    def __missing__(self, actor_id: str) -> bool:
        value = self[actor_id] = self._test(actor_id)
        return value


class _Builder:
    def __init__(self, base: FactBase, ontology: Ontology, weights: Weights) -> None:
        self.base = base
        self.ontology = ontology
        self.weights = weights
        self.part_id: dict[PartKey, PartId] = {}
        self.part_keys: list[PartKey] = []
        self.members: list[list[int]] = []  # per part, positions of its facts
        self.kinds: list[str] = []  # link kinds, numbered in order of first use
        self.vias: dict[tuple[str, ...], int] = {}  # numbered in order of first use
        # links as column chunks in the order built: kind, a, b, via, factor, parts per link, parts
        self.chunks: list[tuple[np.ndarray, ...]] = []
        self.added: list[tuple[int, int, int, int, float, tuple[PartId, ...]]] = []  # `add`ed, not yet a chunk
        self.rank: dict[str, int] = {}
        self.notes: list[str] = []
        # per actor, asked once: the build asks for every fact (the tests refer to no `self`: no reference
        # cycle, which would keep the facts alive once `Analysis.load` has frozen them)
        actor, pair_types, is_a = base.actor, weights.pair_types, ontology.is_a
        self._group = _Known(lambda a: actor(a).type in pair_types)
        self._place = _Known(lambda a: is_a(actor(a).type, "place"))

    def type_of(self, actor_id: str) -> str:
        return self.base.actor(actor_id).type

    def is_group(self, actor_id: str) -> bool:
        return self._group[actor_id]

    def is_place(self, actor_id: str) -> bool:
        return self._place[actor_id]

    def put(self, key: PartKey, fact: int) -> PartId:
        """Add the fact at position `fact` to part `key`; the part's id."""
        pid = self.part_id.get(key)
        if pid is None:
            pid = self.part_id[key] = len(self.part_keys)
            self.part_keys.append(key)
            self.members.append([])
        self.members[pid].append(fact)
        return pid

    def kind_id(self, kind: str) -> int:
        if kind not in self.kinds:
            self.kinds.append(kind)
        return self.kinds.index(kind)

    def via_id(self, via: tuple[str, ...]) -> int:
        return self.vias.setdefault(via, len(self.vias))

    def add(
        self, kind: str, x: str, y: str, via: tuple[str, ...], parts: tuple[PartId, ...], factor: float = 1.0
    ):
        if x != y and factor > 0:
            a, b = (x, y) if x < y else (y, x)
            self.added.append((self.kind_id(kind), self.rank[a], self.rank[b], self.via_id(via), factor, parts))

    def flush(self) -> None:
        """The links `add`ed so far as one chunk of columns."""
        if not self.added:
            return
        k, a, b, v, f, parts = zip(*self.added, strict=True)
        sizes = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts))
        flat = np.fromiter(chain.from_iterable(parts), dtype=np.int64, count=int(sizes.sum()))
        self.chunks.append((np.array(k), np.array(a), np.array(b), np.array(v), np.array(f, dtype=np.float64),
                            sizes, flat))
        self.added = []

    def specificity(self, n: int) -> float:
        return 1.0 / (1.0 + math.log(max(n, 2) / 2.0))

    def shared(self, kind: str, table: dict[str, dict[str, list[Route]]]) -> None:
        """Links for groups that share an intermediary: table[via][group] = the routes tying group to via.
        For each intermediary (in id order), each pair of its groups g < h, each route of g and each route of
        h: one link through both routes. The routes are listed once (a row each); the pairs of rows are
        formed with numpy, in that same order."""
        self.flush()
        rank, member = self.rank, self.weights.member_presence
        via_of: list[int] = []
        group_of: list[int] = []
        first: list[int] = []
        second: list[int] = []  # -1: a route of one part
        spec_of: list[float] = []
        for via in sorted(table):
            groups = table[via]
            if len(groups) < 2:
                continue
            if len(groups) > self.weights.max_shared:
                self.notes.append(
                    f"{kind}: {self.base.actor(via).name} is shared by {len(groups)} groups "
                    f"(more than max_shared={self.weights.max_shared}); not counted"
                )
                continue
            spec = self.specificity(len(groups))
            vid = self.via_id((via,))
            for g in sorted(groups):
                r = rank[g]
                for route in groups[g]:
                    via_of.append(vid)
                    group_of.append(r)
                    first.append(route[0])
                    second.append(route[1] if len(route) > 1 else -1)
                    spec_of.append(spec)
        if not via_of:
            return
        via_a = np.array(via_of, dtype=np.int64)
        group_a = np.array(group_of, dtype=np.int64)
        parts_a = np.stack([np.array(first, dtype=np.int64), np.array(second, dtype=np.int64)], axis=1)
        # each row with every later row of its intermediary; rows of one group are together, groups in id order
        n_rows = len(via_a)
        starts = np.flatnonzero(np.r_[True, via_a[1:] != via_a[:-1]])
        ends = np.r_[starts[1:], n_rows]
        end_of = np.repeat(ends, np.diff(np.r_[starts, n_rows]))
        later = end_of - np.arange(n_rows) - 1
        i = np.repeat(np.arange(n_rows), later)
        j = _ranges_from(np.arange(n_rows) + 1, later)
        other = group_a[i] != group_a[j]
        i, j = i[other], j[other]
        order = np.lexsort((j, i, group_a[j], group_a[i], via_a[i]))  # g, h, then g's route, h's route
        i, j = i[order], j[order]
        spec_a = np.array(spec_of, dtype=np.float64)
        two_i, two_j = parts_a[i, 1] >= 0, parts_a[j, 1] >= 0
        f_g = np.where(two_i, spec_a[i] * member, spec_a[i] * 1.0)
        factor = np.where(two_j, f_g * member, f_g * 1.0)
        ok = factor > 0
        i, j, factor, two_i, two_j = i[ok], j[ok], factor[ok], two_i[ok], two_j[ok]
        parts = np.concatenate([parts_a[i], parts_a[j]], axis=1).reshape(-1)
        parts = parts[parts >= 0]
        sizes = 2 + two_i.astype(np.int64) + two_j.astype(np.int64)
        kind_col = np.full(len(i), self.kind_id(kind), dtype=np.int64)
        self.chunks.append((kind_col, group_a[i], group_a[j], via_a[i], factor, sizes, parts))

    def build(self, facts: Sequence[Fact]) -> LinkSet:
        preds = self.ontology.predicates
        # bound once: called per fact (the actor tests as dictionary lookups, with no Python call when known)
        put, is_group, is_place = self.put, self._group.__getitem__, self._place.__getitem__
        presence_predicates, link_predicates = self.weights.presence_predicates, self.weights.link_predicates
        ties: dict[str, dict[str, PartId]] = defaultdict(dict)  # person → groups (ordered) → member part
        sponsors: dict[str, dict[str, list[Route]]] = defaultdict(dict)
        people: dict[str, dict[str, list[Route]]] = defaultdict(dict)
        media: dict[str, dict[str, list[Route]]] = defaultdict(dict)
        targets: dict[str, dict[str, list[Route]]] = defaultdict(dict)
        presence: dict[str, dict[str, PartId]] = defaultdict(dict)  # actor → places → its presence part
        meetings: dict[tuple[str, str], PartId] = {}
        for i, f in enumerate(facts):
            pdef = preds.get(f.predicate)
            if pdef is None:
                continue
            s, o = f.subject, f.object
            if pdef.hostile and o is not None:
                if is_group(s) and is_group(o):
                    put(("hostile", s, o) if s <= o else ("hostile", o, s), i)
                if is_place(o):
                    presence[s][o] = put(("at", s, o), i)
                elif is_group(s):
                    pid = put(("target", s, o), i)
                    if is_group(o):  # a shared *organisation* target; not "Shia", "Afghans", "civilians"
                        targets[o].setdefault(s, [(pid,)])
                if f.place:
                    presence[s][f.place] = put(("at", s, f.place), i)
                continue
            if o is None:
                continue
            if f.predicate in presence_predicates and is_place(o):
                presence[s][o] = put(("at", s, o), i)
                continue
            if f.place:
                for who in (s, o):
                    presence[who][f.place] = put(("at", who, f.place), i)
            if is_group(s) and is_group(o):
                if pdef.signal == "direct_tie":
                    put(("tie", s, o) if s <= o else ("tie", o, s), i)
                if pdef.signal == "sponsor":
                    pid = put(("sponsor", s, o), i)
                    put(("patron", s, o) if s <= o else ("patron", o, s), i)
                    sponsors[s].setdefault(o, [(pid,)])
                continue
            if pdef.signal == "shared_media" and is_group(s):
                pid = put(("media", s, o), i)
                media[o].setdefault(s, [(pid,)])
                continue
            if f.predicate not in link_predicates:
                continue
            if is_group(s) != is_group(o):
                person, group = (o, s) if is_group(s) else (s, o)
                if is_place(person):
                    continue
                pid = put(("member", person, group), i)
                ties[person][group] = pid
                people[person].setdefault(group, [(pid,)])
            elif (
                not is_group(s)
                and not is_place(s)
                and not is_place(o)
                and pdef.signal == "direct_tie"
            ):
                p, q = (s, o) if s <= o else (o, s)
                meetings[(p, q)] = put(("meet", p, q), i)
        # a link joins two subjects or objects of facts: their ranks in id order code the pairs
        actors = {f.subject for f in facts}
        actors.update(f.object for f in facts if f.object is not None)
        self.rank = {a: r for r, a in enumerate(sorted(actors))}
        part_id = self.part_id
        for kind, tag in (("direct_tie", "tie"), ("sponsorship", "patron"), ("hostile", "hostile")):
            for key in sorted(k for k in self.part_keys if k[0] == tag):
                self.add(kind, key[1], key[2], (), (part_id[key],))
        for p, q in sorted(meetings):
            for g, member_g in ties.get(p, {}).items():
                for h, member_h in ties.get(q, {}).items():
                    if g != h:
                        self.add("member_tie", g, h, (p, q), (meetings[(p, q)], member_g, member_h))
        self.shared("shared_sponsor", sponsors)
        self.shared("shared_person", people)
        self.shared("shared_media", media)
        self.shared("shared_target", targets)
        # Presence: a group's own claims, or (at the member_presence factor) those of its members.
        places: dict[str, dict[str, list[Route]]] = defaultdict(dict)
        broad = self.base.broad_places  # a whole country says nothing about shared ground
        for actor in sorted(presence):
            if self.is_group(actor):
                at = presence[actor]
                for place in sorted(at.keys() - broad):
                    places[place][actor] = [(at[place],)]
        for actor in sorted(presence):
            if self.is_group(actor):
                continue
            at = presence[actor]
            for place in sorted(at.keys() - broad):
                for g, member in ties.get(actor, {}).items():
                    routes = places[place].setdefault(g, [])
                    if not (routes and len(routes[0]) == 1):  # a group's own presence claims take precedence
                        routes.append((at[place], member))
        self.shared("shared_place", places)
        return self.finish(facts)

    def finish(self, facts: Sequence[Fact]) -> LinkSet:
        self.flush()
        ids = [f.id for f in facts]
        if not all(map(operator.le, ids, ids[1:])):  # each part's facts in id order (a store's come sorted)
            for m in self.members:
                m.sort(key=ids.__getitem__)
        sizes = np.fromiter(map(len, self.members), dtype=np.int64, count=len(self.members))
        part_facts = np.fromiter(chain.from_iterable(self.members), dtype=np.int64, count=int(sizes.sum()))
        part_offsets = np.r_[0, np.cumsum(sizes)].astype(np.int64)
        facts = tuple(facts)
        empty = np.zeros(0, dtype=np.int64)
        chunks = self.chunks or [(empty, empty, empty, empty, np.zeros(0), empty, empty)]
        cols = [np.concatenate(c) for c in zip(*chunks, strict=True)]
        kind, a, b, via, factor, link_sizes, link_parts = cols
        actors = tuple(self.rank)
        table = LinkTable(
            kinds=self.kinds, kind=kind, actors=actors, a=a, b=b, vias=list(self.vias), via=via,
            part_at=np.r_[0, np.cumsum(link_sizes)].astype(np.int64), parts=link_parts, factor=factor,
        )
        codes = a * max(len(actors), 1) + b
        order = np.argsort(codes, kind="stable")  # grouped by pair; a pair's links stay in the order built
        starts = _runs(codes[order])
        return LinkSet(
            flat=table,
            order=order,
            offsets=np.r_[starts, len(codes)].astype(np.int64),
            pair_codes=codes[order][starts],
            actors=actors,
            parts=PartFacts(facts, part_facts, part_offsets),
            part_keys=tuple(self.part_keys),
            part_facts=part_facts,
            part_offsets=part_offsets,
            facts=facts,
            notes=tuple(self.notes),
        )


def build_links(base: FactBase, ontology: Ontology, weights: Weights) -> LinkSet:
    """Every link between two groups the facts support (positive, negated or hostile)."""
    return _Builder(base, ontology, weights).build(tuple(base.facts))
