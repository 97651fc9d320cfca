"""Find the links between pairs of groups: which facts say two organisations are close, or hostile.

A `Link` says "groups a and b are tied by signal `kind` through `via`", and holds its evidence as `parts`:
each part is a set of facts that all support one step (e.g. "Mengal is in ISKP"), and the link holds only
as far as every part holds (strength = product of part strengths; see docs/convergence.md). Parts are
numbered and shared between links by number, so each part's strength is computed once per date.

A large store has millions of links: `LinkSet` keeps them as columns in the order built, with an index that
groups them by pair, and makes a `Link` only when one is read. `link_rules.build_links` builds them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple, TypeVar, overload

import numpy as np

from .facts import FactColumns
from .types import Fact

PartKey = tuple[str, ...]  # what a part says: ("member", person, group), ("at", actor, place), …
PartId = int  # a part's number: `LinkSet.parts[i]` are its facts, `LinkSet.part_keys[i]` its key


class Link(NamedTuple):
    """A tuple rather than a frozen dataclass: a large store makes millions of links, and a tuple is built
    several times faster."""

    kind: str
    a: str  # actor ids, a < b
    b: str
    via: tuple[str, ...]
    parts: tuple[PartId, ...]
    factor: float = 1.0  # specificity of a shared intermediary, member presence


def run_starts(keys: np.ndarray) -> np.ndarray:
    """Start offsets of runs of equal values in a sorted 1-d array."""
    if keys.size == 0:
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])


def ranges_from(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The indices starts[0]…starts[0]+lengths[0]-1, then those of the second range, and so on. Made in one array
    (a step of 1 within a range, a jump at each range's start, summed): at a million claims these run to tens of
    millions of indices, and every temporary of that size is fresh memory the system must hand over."""
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    keep = lengths > 0
    s, n = starts[keep].astype(np.int64), lengths[keep].astype(np.int64)
    out = np.ones(total, dtype=np.int64)
    at = np.cumsum(n) - n
    out[0] = s[0]
    out[at[1:]] = s[1:] - (s[:-1] + n[:-1] - 1)
    return np.cumsum(out, out=out)


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


T = TypeVar("T")


class LazyRows(Sequence[T]):
    """A sequence whose rows are made when read: a subclass gives `__len__` and `_row(i)` (0 <= i < len); indexing
    (negative indices, slices) and iteration are here."""

    __slots__ = ()

    def _row(self, i: int) -> T:
        raise NotImplementedError

    @overload
    def __getitem__(self, i: int) -> T: ...
    @overload
    def __getitem__(self, i: slice) -> list[T]: ...
    def __getitem__(self, i: int | slice) -> T | list[T]:
        if isinstance(i, slice):
            return [self._row(j) for j in range(*i.indices(len(self)))]
        return self._row(range(len(self))[i])  # negative indices; IndexError when out of range

    def __iter__(self) -> Iterator[T]:
        return map(self._row, range(len(self)))


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


class LinkTable(LazyRows[Link]):
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
        vias: Sequence[tuple[str, ...]],
        via: np.ndarray,
        part_at: np.ndarray,
        parts: np.ndarray,
        factor: np.ndarray,
    ) -> None:
        self.kinds, self.kind, self.actors, self.a, self.b = kinds, kind, actors, a, b
        self.vias, self.via, self.part_at, self.parts, self.factor = vias, via, part_at, parts, factor

    def __len__(self) -> int:
        return len(self.kind)

    def _row(self, i: int) -> Link:
        lo, hi = int(self.part_at[i]), int(self.part_at[i + 1])
        return Link(
            self.kinds[self.kind[i]],
            self.actors[self.a[i]],
            self.actors[self.b[i]],
            self.vias[self.via[i]],
            tuple(self.parts[lo:hi].tolist()),
            float(self.factor[i]),
        )


class PartFacts(LazyRows[tuple[Fact, ...]]):
    """Each part's facts, `parts[i]` made when read from the part index (a million claims have over a
    million parts; the analyses read the facts of a few: the top pairs' evidence, `changes`' alerts)."""

    __slots__ = ("_facts", "_at", "_pos")

    def __init__(self, facts: Sequence[Fact], part_facts: np.ndarray, part_offsets: np.ndarray) -> None:
        self._facts = facts
        self._pos = part_facts
        self._at = part_offsets

    def __len__(self) -> int:
        return len(self._at) - 1

    def _row(self, i: int) -> tuple[Fact, ...]:
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
    part_keys: Sequence[PartKey]
    part_facts: np.ndarray  # positions in `facts` of each part's facts, part after part
    part_offsets: np.ndarray  # part i's are part_facts[part_offsets[i]:part_offsets[i + 1]]
    facts: tuple[Fact, ...]
    notes: tuple[str, ...]  # what was left out, and why
    columns: FactColumns  # what the scores read of each fact, as arrays (row i is facts[i])

    @property
    def pairs(self) -> Pairs:
        return Pairs(self.actors, self.pair_codes)

    @property
    def links(self) -> PairLinks:
        """(a, b) → links, a read-only mapping over the index (pairs in id order)."""
        return PairLinks(self)

    def pair_links(self, row: int) -> list[Link]:
        return LinkRun(self.flat, self.order)[int(self.offsets[row]) : int(self.offsets[row + 1])]
