"""Find the links between pairs of groups: which facts say two organisations are close, or hostile.

A `Link` says "groups a and b are tied by signal `kind` through `via`", and holds its evidence as `parts`:
each part is a set of facts that all support one step (e.g. "Mengal is in ISKP"), and the link holds only
as far as every part holds (strength = product of part strengths; see docs/convergence.md). Parts are
shared between links by key, so each part's strength is computed once per date.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from ..ontology import Ontology
from .facts import FactBase
from .types import Fact
from .weights import Weights

PartKey = tuple[str, ...]
Route = tuple[PartKey, ...]  # the parts that tie a group to an intermediary


class Link(NamedTuple):
    """A tuple rather than a frozen dataclass: a large store makes hundreds of thousands of links, and a
    tuple is built several times faster."""

    kind: str
    a: str  # actor ids, a < b
    b: str
    via: tuple[str, ...]
    parts: tuple[PartKey, ...]
    factor: float = 1.0  # specificity of a shared intermediary, member presence


@dataclass(frozen=True, slots=True)
class LinkSet:
    links: dict[tuple[str, str], list[Link]]  # (a, b) → links, in a deterministic order
    parts: dict[PartKey, tuple[Fact, ...]]
    notes: tuple[str, ...]  # what was left out, and why


class _Builder:
    def __init__(self, base: FactBase, ontology: Ontology, weights: Weights) -> None:
        self.base = base
        self.ontology = ontology
        self.weights = weights
        self.parts: dict[PartKey, list[Fact]] = defaultdict(list)
        self.links: dict[tuple[str, str], list[Link]] = defaultdict(list)
        self.notes: list[str] = []
        self._group: dict[str, bool] = {}  # per actor, asked once: the build asks for every fact
        self._place: dict[str, bool] = {}

    def type_of(self, actor_id: str) -> str:
        return self.base.actor(actor_id).type

    def is_group(self, actor_id: str) -> bool:
        known = self._group.get(actor_id)
        if known is None:
            known = self._group[actor_id] = self.type_of(actor_id) in self.weights.pair_types
        return known

    def is_place(self, actor_id: str) -> bool:
        known = self._place.get(actor_id)
        if known is None:
            known = self._place[actor_id] = self.ontology.is_a(self.type_of(actor_id), "place")
        return known

    def add(
        self, kind: str, x: str, y: str, via: tuple[str, ...], parts: tuple[PartKey, ...], factor: float = 1.0
    ):
        if x != y and factor > 0:
            a, b = (x, y) if x < y else (y, x)
            self.links[(a, b)].append(Link(kind, a, b, via, parts, factor))

    def specificity(self, n: int) -> float:
        return 1.0 / (1.0 + math.log(max(n, 2) / 2.0))

    def shared(self, kind: str, table: dict[str, dict[str, list[Route]]]) -> None:
        """Links for groups that share an intermediary: table[via][group] = the routes tying group to via."""
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
            member = self.weights.member_presence
            names = sorted(groups)
            vias = (via,)
            links = self.links
            for i, g in enumerate(names):
                for h in names[i + 1 :]:  # g < h: the pair's key as `add` would order it
                    out = []
                    for route_g in groups[g]:
                        f_g = spec * member if len(route_g) > 1 else spec * 1.0
                        for route_h in groups[h]:
                            factor = f_g * member if len(route_h) > 1 else f_g * 1.0
                            if factor > 0:
                                out.append(Link(kind, g, h, vias, (*route_g, *route_h), factor))
                    if out:
                        links[(g, h)].extend(out)

    def build(self, facts: Iterable[Fact]) -> LinkSet:
        preds = self.ontology.predicates
        ties: dict[str, dict[str, None]] = defaultdict(dict)  # person → groups (ordered set)
        sponsors: dict[str, dict[str, list[Route]]] = defaultdict(dict)
        people: dict[str, dict[str, list[Route]]] = defaultdict(dict)
        media: dict[str, dict[str, list[Route]]] = defaultdict(dict)
        targets: dict[str, dict[str, list[Route]]] = defaultdict(dict)
        presence: dict[str, set[str]] = defaultdict(set)  # actor → places
        meetings: list[tuple[str, str]] = []
        for f in facts:
            pdef = preds.get(f.predicate)
            if pdef is None:
                continue
            s, o = f.subject, f.object
            if pdef.hostile and o is not None:
                if self.is_group(s) and self.is_group(o):
                    self.parts[("hostile", *sorted((s, o)))].append(f)
                if self.is_place(o):
                    self.parts[("at", s, o)].append(f)
                    presence[s].add(o)
                elif self.is_group(s):
                    self.parts[("target", s, o)].append(f)
                    if self.is_group(o):  # a shared *organisation* target; not "Shia", "Afghans", "civilians"
                        targets[o].setdefault(s, [(("target", s, o),)])
                if f.place:
                    self.parts[("at", s, f.place)].append(f)
                    presence[s].add(f.place)
                continue
            if o is None:
                continue
            if f.predicate in self.weights.presence_predicates and self.is_place(o):
                self.parts[("at", s, o)].append(f)
                presence[s].add(o)
                continue
            if f.place:
                for who in (s, o):
                    self.parts[("at", who, f.place)].append(f)
                    presence[who].add(f.place)
            if self.is_group(s) and self.is_group(o):
                if pdef.signal == "direct_tie":
                    self.parts[("tie", *sorted((s, o)))].append(f)
                if pdef.signal == "sponsor":
                    self.parts[("sponsor", s, o)].append(f)
                    self.parts[("patron", *sorted((s, o)))].append(f)
                    sponsors[s].setdefault(o, [(("sponsor", s, o),)])
                continue
            if pdef.signal == "shared_media" and self.is_group(s):
                self.parts[("media", s, o)].append(f)
                media[o].setdefault(s, [(("media", s, o),)])
                continue
            if f.predicate not in self.weights.link_predicates:
                continue
            if self.is_group(s) != self.is_group(o):
                person, group = (o, s) if self.is_group(s) else (s, o)
                if self.is_place(person):
                    continue
                self.parts[("member", person, group)].append(f)
                ties[person][group] = None
                people[person].setdefault(group, [(("member", person, group),)])
            elif (
                not self.is_group(s)
                and not self.is_place(s)
                and not self.is_place(o)
                and pdef.signal == "direct_tie"
            ):
                self.parts[("meet", *sorted((s, o)))].append(f)
                meetings.append(tuple(sorted((s, o))))  # type: ignore[arg-type]
        for key in sorted(k for k in self.parts if k[0] == "tie"):
            self.add("direct_tie", key[1], key[2], (), (key,))
        for key in sorted(k for k in self.parts if k[0] == "patron"):
            self.add("sponsorship", key[1], key[2], (), (key,))
        for key in sorted(k for k in self.parts if k[0] == "hostile"):
            self.add("hostile", key[1], key[2], (), (key,))
        for p, q in sorted(set(meetings)):
            for g in ties.get(p, {}):
                for h in ties.get(q, {}):
                    if g != h:
                        self.add(
                            "member_tie", g, h, (p, q), (("meet", p, q), ("member", p, g), ("member", q, h))
                        )
        self.shared("shared_sponsor", sponsors)
        self.shared("shared_person", people)
        self.shared("shared_media", media)
        self.shared("shared_target", targets)
        # Presence: a group's own claims, or (at the member_presence factor) those of its members.
        places: dict[str, dict[str, list[Route]]] = defaultdict(dict)
        broad = self.base.broad_places  # a whole country says nothing about shared ground
        for actor in sorted(presence):
            for place in sorted(presence[actor] - broad):
                if self.is_group(actor):
                    places[place][actor] = [(("at", actor, place),)]
        for actor in sorted(presence):
            if self.is_group(actor):
                continue
            for place in sorted(presence[actor] - broad):
                for g in ties.get(actor, {}):
                    routes = places[place].setdefault(g, [])
                    if not (routes and len(routes[0]) == 1):  # a group's own presence claims take precedence
                        routes.append((("at", actor, place), ("member", actor, g)))
        self.shared("shared_place", places)
        parts = {k: tuple(sorted(v, key=lambda f: f.id)) for k, v in self.parts.items()}
        return LinkSet(dict(self.links), parts, tuple(self.notes))


def build_links(base: FactBase, ontology: Ontology, weights: Weights) -> LinkSet:
    """Every link between two groups the facts support (positive, negated or hostile)."""
    return _Builder(base, ontology, weights).build(base.facts)
