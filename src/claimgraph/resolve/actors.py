"""Actor resolution across documents: every decision is a stored judgement that can be undone exactly.

    new entity ─ candidates (alias, transliteration key, acronym, fuzzy name) ─ score + reason ─┐
        same (≥ 0.90)      → merge into the older actor         (judgement: same / merge)      │
        unsure (≥ 0.75)    → recorded, nothing merged           (judgement: unsure / record)  ◀┘
        kin of each other  → recorded as not the same           (judgement: not_same / record)

People decide with `merge`, `split` and `undo`; the resolver never overrides an active judgement a
person made (any judged pair is skipped). Kinship between organisations (front, successor, splinter,
affiliate, branch) lives in its own table and blocks merging: kin are never one node.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml
from rapidfuzz import fuzz, process

from ..errors import ConfigError, NotFound, UsageError
from ..ontology import load_ontology
from ..records import make_id
from ..store import Store, normalise_alias
from ..store import resolution as rs
from ..store.db import now_iso
from ..store.resolution import ActorNames, Judgement
from .names import acronym_forms, fold, looks_like_acronym, phonetic_key

if TYPE_CHECKING:
    from ..nlp.gazetteer import Actor, Gazetteer

RESOLVER = "resolver/1"
SAME_AT = 0.90
UNSURE_AT = 0.75
# An acronym alone is ambiguous (TAK, ADF, MAK): it reaches "same" only with shared context.
ACRONYM_SCORE = 0.85
#: Two actors whose own full names differ but share an acronym: below `unsure`, never merged on it.
AMBIGUOUS_ACRONYM_SCORE = 0.5
#: People with alike names but different family names: below `unsure`.
DIFFERENT_SURNAME_SCORE = 0.6
CONTEXT_BONUS = 0.1
KIN_RELATIONS = ("front_of", "successor_of", "splinter_of", "affiliate_of", "branch_of")
# Entity types the resolver compares. Places go through PlaceResolver; publications are not actors.
_SKIP_TYPES = ("place", "facility", "publication", "group_identity")

__all__ = [
    "Judgement", "Match", "ResolutionSummary", "merge", "split", "undo", "list_judgements",
    "resolve_new_entities", "score_pair", "add_kin", "kin_of", "seed_kinship", "KIN_RELATIONS",
    "GazetteerLinker", "expand_names",
]


@dataclass(frozen=True, slots=True)
class Match:
    """How well two sets of names denote one actor, and why."""

    score: float
    reason: str


@dataclass(slots=True)
class ResolutionSummary:
    examined: int = 0
    merged: list[Judgement] = field(default_factory=list)
    unsure: list[Judgement] = field(default_factory=list)
    not_same: list[Judgement] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"examined": self.examined, "merged": len(self.merged), "unsure": len(self.unsure),
                "not_same": len(self.not_same)}


# -- people's decisions ---------------------------------------------------------------------------------
def _root(store: Store, name_or_id: str) -> str:
    """The actor an id or an exact name names. No fuzzy search: merges and splits must not guess."""
    if rs.entity_exists(store, name_or_id):
        return store.actor_id(name_or_id)
    hits = rs.actors_with_alias(store, normalise_alias(name_or_id))
    if not hits:
        raise NotFound(f"no actor named exactly {name_or_id!r}; use an id from `claimgraph show` or `claims`")
    if len(hits) > 1:
        raise UsageError(f"{name_or_id!r} names {len(hits)} actors ({', '.join(hits)}); give an id instead")
    return hits[0]


def merge(store: Store, a: str, b: str, *, reason: str = "", author: str = "user",
          score: float | None = None) -> Judgement:
    """Merge actor `b` (and everything merged into it) into actor `a`. Names or ids are accepted."""
    target, source = _root(store, a), _root(store, b)
    if target == source:
        raise UsageError(f"{a!r} and {b!r} are already one actor ({target})")
    changes = [(m, rs.merge_row(store, m), target) for m in store.members(source)]
    j = Judgement(
        id=make_id("jdg", "same", target, source, now_iso()), verdict="same", action="merge",
        left_id=target, right_id=source, score=score, reason=reason or "merged by a person", author=author,
        at=now_iso(), changes=tuple(changes),
    )
    return rs.apply_judgement(store, j)


def split(store: Store, a: str, *, reason: str = "", author: str = "user") -> Judgement:
    """Detach an entity from the actor it was merged into; given an actor, detach all its members."""
    if rs.entity_exists(store, a) and rs.merge_row(store, a) is not None:
        detached = [a]
        left = rs.merge_row(store, a) or a
    else:
        left = _root(store, a)
        detached = [m for m in store.members(left) if m != left]
    if not detached:
        raise UsageError(f"{a!r} is not merged with anything; nothing to split")
    changes = [(m, rs.merge_row(store, m), None) for m in detached]
    j = Judgement(
        id=make_id("jdg", "not_same", left, ",".join(detached), now_iso()),
        verdict="not_same", action="split",
        left_id=left, right_id=detached[0] if len(detached) == 1 else None, score=None,
        reason=reason or f"split by a person: {', '.join(detached)} detached", author=author, at=now_iso(),
        changes=tuple(changes),
    )
    return rs.apply_judgement(store, j)


def undo(store: Store, judgement_id: str) -> Judgement:
    """Undo a judgement: the merge rows it changed get their earlier values back, exactly."""
    return rs.undo_judgement(store, judgement_id)


def list_judgements(store: Store, entity: str | None = None, *, active_only: bool = False) -> list[Judgement]:
    ids = None if entity is None else store.members(_root(store, entity))
    return rs.judgements(store, entity_ids=ids, active_only=active_only)


# -- scoring --------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Keys:
    folds: frozenset[str]
    phonetic: frozenset[str]
    acronyms: frozenset[str]  # initialisms of multi-word names
    short: frozenset[str]  # names that look like acronyms themselves, folded without spaces

    @classmethod
    def of(cls, names: Iterable[str]) -> _Keys:
        names = [n for n in expand_names(names) if fold(n)]
        return cls(
            frozenset(fold(n) for n in names),
            frozenset(phonetic_key(n) for n in names if len(phonetic_key(n)) >= 3),
            frozenset(a for n in names if len(fold(n).split()) >= 2 for a in acronym_forms(n)),
            frozenset(fold(n).replace(" ", "") for n in names if looks_like_acronym(n)),
        )


def expand_names(names: Iterable[str]) -> list[str]:
    """Split 'Abu Sayyaf Group (ASG)' into 'Abu Sayyaf Group' and 'ASG'; other names pass through."""
    out: list[str] = []
    for n in names:
        inner = re.findall(r"\(([^()]+)\)", n)
        outer = re.sub(r"\s*\([^()]*\)", " ", n).strip()
        for x in (outer, *inner):
            x = x.strip()
            if x and x not in out:
                out.append(x)
    return out


def score_pair(a_names: Sequence[str], b_names: Sequence[str], *, person: bool = False) -> Match:
    """Score two sets of names for one actor: exact alias, transliteration, acronym, then fuzzy.

    For people a one-word name ("Mengal") matching a longer one is at most `unsure`: many people share
    a family name.
    """
    a_names, b_names = expand_names(a_names), expand_names(b_names)
    ka, kb = _Keys.of(a_names), _Keys.of(b_names)
    shared = ka.folds & kb.folds
    if shared:
        return Match(1.0, f"same name {_show(shared, a_names)!r}")
    shared = ka.phonetic & kb.phonetic
    if shared:
        return Match(0.95, f"spelling variants {_pair(a_names, b_names, phonetic_key, shared)}")
    hit = (ka.short & kb.acronyms) or (kb.short & ka.acronyms)
    if hit and not person:
        short = next(iter(sorted(hit))).upper()
        clash = _different_expansions(a_names, b_names)
        if clash:  # "ANP": Afghan National Police and Awami National Party share initials, not identity
            return Match(AMBIGUOUS_ACRONYM_SCORE, f"acronym {short} shared by different full names {clash}")
        return Match(ACRONYM_SCORE, f"acronym {short} of {_expansion(a_names, b_names, hit)!r}")
    best = Match(0.0, "no similar name")
    for x in ka.phonetic:
        found = process.extractOne(x, list(kb.phonetic), scorer=fuzz.token_sort_ratio, score_cutoff=80)
        if found is not None and found[1] / 100 * 0.92 > best.score:
            reason = f"similar names {x!r} ~ {found[0]!r} ({found[1]:.0f}%)"
            score = round(found[1] / 100 * 0.92, 3)
            if person and x.split()[-1] != found[0].split()[-1]:
                # "Mohamed Atta" ~ "Mohammed Atef": alike, but another family name is another person
                score, reason = min(score, DIFFERENT_SURNAME_SCORE), reason + "; family names differ"
            best = Match(score, reason)
    if person:
        subset = _token_subset(a_names, b_names)
        if subset and best.score < UNSURE_AT + 0.05:
            best = Match(UNSURE_AT + 0.05, subset)
        best = Match(min(best.score, SAME_AT - 0.01), best.reason) if subset else best
    return best


def _different_expansions(a_names: Sequence[str], b_names: Sequence[str]) -> str:
    """When each side has a full (multi-word) name and none of them is like any on the other side, the two
    names, for the reason; else ""."""
    long_a = [n for n in a_names if len(fold(n).split()) >= 2]
    long_b = [n for n in b_names if len(fold(n).split()) >= 2]
    if not long_a or not long_b:
        return ""
    for x in long_a:
        for y in long_b:
            if fuzz.token_sort_ratio(phonetic_key(x), phonetic_key(y)) >= 80:
                return ""
    return f"{long_a[0]!r} / {long_b[0]!r}"


def _token_subset(a_names: Sequence[str], b_names: Sequence[str]) -> str:
    for x in a_names:
        for y in b_names:
            tx, ty = set(phonetic_key(x).split()), set(phonetic_key(y).split())
            if tx and ty and tx != ty and (tx <= ty or ty <= tx):
                return f"part of the name: {x!r} within {y!r}"
    return ""


def _show(keys: frozenset[str], names: Sequence[str]) -> str:
    for n in names:
        if fold(n) in keys:
            return n
    return next(iter(keys))


def _pair(a_names: Sequence[str], b_names: Sequence[str], key: Any, shared: frozenset[str]) -> str:
    a = next((n for n in a_names if key(n) in shared), "")
    b = next((n for n in b_names if key(n) in shared), "")
    return f"{a!r} ~ {b!r}"


def _expansion(a_names: Sequence[str], b_names: Sequence[str], hit: frozenset[str]) -> str:
    for n in (*a_names, *b_names):
        if len(fold(n).split()) >= 2 and acronym_forms(n) & hit:
            return n
    return ""


def _compatible(t1: str, t2: str) -> bool:
    if "unknown" in (t1, t2):
        return True
    onto = load_ontology()
    if onto.is_a(t1, "organisation") and onto.is_a(t2, "organisation"):
        return True
    return t1 == t2


def _skipped(etype: str) -> bool:
    onto = load_ontology()
    return any(onto.is_a(etype, t) for t in _SKIP_TYPES)


# -- the automatic resolver -----------------------------------------------------------------------------
def resolve_new_entities(store: Store, *, gazetteer: Gazetteer | None = None) -> ResolutionSummary:
    """Compare every actor nobody has judged yet with the older actors, and record what was decided.

    Merges come first, in passes, so that context found by one merge (two reports now share an actor)
    can settle an acronym or a short name in the next pass; what is still uncertain is then recorded as
    `unsure`. With a gazetteer, an actor matching a listed actor (UN/OFAC or curated) is merged into
    that actor's stored entity, created on demand. Call after each ingest (see `resolve.run`).
    """
    summary = ResolutionSummary()
    linker = GazetteerLinker(gazetteer) if gazetteer is not None else None
    examined: set[str] = set()
    while _pass(store, summary, linker, examined, record=False):
        pass
    _pass(store, summary, linker, examined, record=True)
    summary.examined = len(examined)
    return summary


def _pass(store: Store, summary: ResolutionSummary, linker: GazetteerLinker | None, examined: set[str], *,
          record: bool) -> bool:
    judged = rs.judged_entities(store)
    pairs = rs.judged_pairs(store)
    kin = _kin_pairs(store)
    seen = _Seen()
    merged_any = False
    for actor in rs.actor_names(store):
        if _skipped(actor.type) or actor.id.startswith("dsc_"):
            continue  # a description ("Military Forces of India", "gunmen") is one actor by its id alone
        keys = _Keys.of(actor.names)
        if actor.id in judged:
            seen.add(actor, keys)
            continue
        examined.add(actor.id)
        decided = _decide(store, actor, keys, seen, pairs, kin, summary, record=record)
        if decided is None and linker is not None:
            decided = _against_gazetteer(store, actor, linker, pairs, summary)
        if decided is not None and decided.verdict == "same":
            merged_any = True
            judged |= {decided.left_id, decided.right_id or ""}
        else:
            seen.add(actor, keys)
    return merged_any


class _Seen:
    """Actors already examined, indexed by name token, acronym and key so candidates are found without
    comparing every pair."""

    def __init__(self) -> None:
        self.items: list[tuple[ActorNames, _Keys]] = []
        self.index: dict[str, list[int]] = {}

    @staticmethod
    def _terms(keys: _Keys) -> set[str]:
        return {*_tokens(keys), *keys.folds, *keys.phonetic, *keys.short, *keys.acronyms}

    def add(self, actor: ActorNames, keys: _Keys) -> None:
        self.items.append((actor, keys))
        for term in self._terms(keys):
            self.index.setdefault(term, []).append(len(self.items) - 1)

    def candidates(self, keys: _Keys) -> list[tuple[ActorNames, _Keys]]:
        found: set[int] = set()
        for term in self._terms(keys):
            found.update(self.index.get(term, ()))
        return [self.items[i] for i in sorted(found)]


def _decide(
    store: Store, actor: ActorNames, keys: _Keys, seen: _Seen,
    pairs: dict[frozenset[str], str], kin: dict[frozenset[str], str], summary: ResolutionSummary, *,
    record: bool,
) -> Judgement | None:
    best: tuple[Match, ActorNames] | None = None
    for other, okeys in seen.candidates(keys):
        if not _compatible(actor.type, other.type) or frozenset((actor.id, other.id)) in pairs:
            continue
        if not (keys.folds & okeys.folds or keys.phonetic & okeys.phonetic or _maybe(keys, okeys)):
            continue
        m = _score_actors(store, actor, other)
        if m.score >= UNSURE_AT and (best is None or m.score > best[0].score):
            best = (m, other)
    if best is None:
        return None
    m, other = best
    relation = kin.get(frozenset((actor.id, other.id)))
    if relation is not None:
        if not record:
            return None
        j = _record(store, "not_same", other.id, actor.id, m.score, f"{relation}: kin, not the same actor")
        summary.not_same.append(j)
        return j
    if m.score >= SAME_AT:
        j = _auto_merge(store, other.id, actor.id, m.reason, m.score)
        if j is not None:
            summary.merged.append(j)
        return j
    if not record:
        return None
    j = _record(store, "unsure", other.id, actor.id, m.score, m.reason)
    summary.unsure.append(j)
    return j


def _maybe(a: _Keys, b: _Keys) -> bool:
    """A cheap pre-filter: shared acronym, or names sharing a token, before the fuzzy score runs."""
    if (a.short & b.acronyms) or (b.short & a.acronyms):
        return True
    return bool(_tokens(a) & _tokens(b))


def _tokens(k: _Keys) -> set[str]:
    return {t for x in k.phonetic for t in x.split() if len(t) >= 4}


def _score_actors(store: Store, actor: ActorNames, other: ActorNames) -> Match:
    shared_refs = set(actor.refs) & set(other.refs)
    if shared_refs:
        return Match(1.0, f"same listing reference {sorted(shared_refs)[0]}")
    if actor.refs and other.refs and _listed(actor.refs) and _listed(other.refs):
        return Match(0.0, "different listing references")
    person = "person" in (actor.type, other.type)
    m = score_pair(actor.names, other.names, person=person)
    if UNSURE_AT - CONTEXT_BONUS <= m.score < SAME_AT:
        context = rs.co_mentioned(store, store.members(actor.id))
        context &= rs.co_mentioned(store, store.members(other.id))
        context -= {actor.id, other.id}
        if context:
            names = sorted(store.entity(c)["name"] for c in sorted(context)[:3])
            cap = SAME_AT - 0.01 if person and "part of the name" in m.reason else 1.0
            reason = f"{m.reason}; both named with {', '.join(names)}"
            m = Match(round(min(m.score + CONTEXT_BONUS, cap), 3), reason)
    return m


def _listed(refs: Iterable[str]) -> bool:
    return any(r.startswith(("un:", "ofac:", "curated:")) for r in refs)


def _record(store: Store, verdict: str, left: str, right: str, score: float, reason: str) -> Judgement:
    j = Judgement(id=make_id("jdg", verdict, left, right, now_iso()), verdict=verdict, action="record",
                  left_id=left, right_id=right, score=score, reason=reason, author=RESOLVER, at=now_iso())
    return rs.apply_judgement(store, j)


class GazetteerLinker:
    """Link a name to the best listed actor (curated, UN, OFAC): candidates by shared name token or
    acronym from an index built once, then `score_pair`. The UN/OFAC parsing is the gazetteer's."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._keys: dict[str, _Keys] = {}
        self._index: dict[str, set[str]] = {}
        for actor in gazetteer.actors.values():
            keys = _Keys.of([actor.name, *actor.aliases])
            self._keys[actor.id] = keys
            for token in (*_tokens(keys), *keys.folds, *keys.short, *keys.acronyms):
                self._index.setdefault(token, set()).add(actor.id)

    def candidates(self, names: Sequence[str]) -> set[str]:
        keys = _Keys.of(names)
        found: set[str] = set()
        for token in (*_tokens(keys), *keys.folds, *keys.short, *keys.acronyms):
            found |= self._index.get(token, set())
        return found

    def link(self, names: Sequence[str], etype: str = "unknown") -> tuple[Actor, Match] | None:
        """The best-scoring compatible listed actor, with its match (which may be below `SAME_AT`)."""
        best: tuple[Actor, Match] | None = None
        for aid in sorted(self.candidates(names)):
            actor = self.gazetteer.actors[aid]
            if not _compatible(etype, actor.type):
                continue
            m = score_pair(names, [actor.name, *actor.aliases], person="person" in (etype, actor.type))
            if best is None or m.score > best[1].score:
                best = (actor, m)
        return best


def _against_gazetteer(
    store: Store, actor: ActorNames, linker: GazetteerLinker, pairs: dict[frozenset[str], str],
    summary: ResolutionSummary,
) -> Judgement | None:
    if actor.id in linker.gazetteer.actors:
        return None
    found = linker.link(actor.names, actor.type)
    if found is None or found[1].score < SAME_AT or frozenset((actor.id, found[0].id)) in pairs:
        return None
    listed, m = found
    with store.conn:
        store.ensure_entity(listed.id, listed.name, listed.type, listed.refs)
        for alias in (listed.name, *listed.aliases):
            store.add_alias(listed.id, alias, listed.refs[0] if listed.refs else "gazetteer")
    j = _auto_merge(store, listed.id, actor.id, f"{m.reason} (listed: {', '.join(listed.refs)})", m.score)
    if j is not None:
        summary.merged.append(j)
    return j


def _auto_merge(store: Store, a: str, b: str, reason: str, score: float) -> Judgement | None:
    """The resolver's merge; None when `a` and `b` are one actor already (another ingest writing into the same
    database merged them since this one read its candidates)."""
    if _root(store, a) == _root(store, b):
        return None
    return merge(store, a, b, reason=reason, author=RESOLVER, score=score)


# -- kinship --------------------------------------------------------------------------------------------
def add_kin(store: Store, a: str, relation: str, b: str, *, origin: str = "user") -> bool:
    """Record that actor `a` is `relation` of actor `b` (e.g. JuD front_of LeT). Kin stay two actors."""
    if relation not in KIN_RELATIONS:
        raise UsageError(f"unknown kinship {relation!r}; known: {', '.join(KIN_RELATIONS)}")
    sa, sb = _root(store, a), _root(store, b)
    if sa == sb:
        raise UsageError(f"{a!r} and {b!r} are one actor; split them before recording kinship")
    return rs.add_kinship(store, sa, relation, sb, origin)


def kin_of(store: Store, actor: str) -> list[dict[str, str]]:
    return rs.kinship(store, store.members(_root(store, actor)))


def _kin_pairs(store: Store) -> dict[frozenset[str], str]:
    out: dict[frozenset[str], str] = {}
    for row in rs.kinship(store):
        a, b = store.actor_id(row["subject_id"]), store.actor_id(row["object_id"])
        out[frozenset((a, b))] = row["relation"]
    return out


@cache
def _kinship_data() -> tuple[tuple[str, str, str], ...]:
    text = resources.files("claimgraph.resolve").joinpath("kinship.yaml").read_text("utf-8")
    data = yaml.safe_load(text) or {}
    out = []
    for row in data.get("kinship", []):
        if row.get("relation") not in KIN_RELATIONS:
            raise ConfigError(f"kinship.yaml: unknown relation {row.get('relation')!r} in {row}")
        out.append((str(row["subject"]), str(row["relation"]), str(row["object"])))
    return tuple(out)


def seed_kinship(store: Store, gazetteer: Gazetteer | None = None) -> int:
    """Add the kinship the data files know (kinship.yaml, the gazetteer's branch_of) for stored actors."""
    added = 0
    for subject, relation, obj in _kinship_data():
        a, b = _exact_actor(store, subject), _exact_actor(store, obj)
        if a and b and a != b:
            added += rs.add_kinship(store, a, relation, b, "kinship.yaml")
    if gazetteer is not None:
        for actor in gazetteer.actors.values():
            for relation, other in actor.kin:
                stored = rs.entity_exists(store, actor.id) and rs.entity_exists(store, other)
                if relation in KIN_RELATIONS and stored:
                    added += rs.add_kinship(store, store.actor_id(actor.id), relation, store.actor_id(other),
                                            "gazetteer")
    return added


def _exact_actor(store: Store, name: str) -> str | None:
    """An actor whose stored alias is exactly `name` (after normalisation), without full-text guessing."""
    norm = normalise_alias(name)
    for hit in store.find_actors(name, limit=5):
        if any(normalise_alias(x) == norm for x in [hit["name"], *store.aliases(hit["id"])]):
            return str(hit["id"])
    return None


def entity_or_actor(store: Store, name_or_id: str) -> str:
    """The id a CLI argument names: an entity id as given, else the actor a name resolves to."""
    if rs.entity_exists(store, name_or_id):
        return name_or_id
    try:
        return _root(store, name_or_id)
    except NotFound:
        raise NotFound(
            f"no actor or entity {name_or_id!r}; `claimgraph claims` lists what is stored"
        ) from None
