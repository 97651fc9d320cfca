"""Relations from declarative patterns: verb classes × syntactic frames, matched as spaCy DependencyMatcher patterns.

    patterns/relations.yaml + relation_frames.yaml ─load─▶ RelationPatterns (rules: frame + class + predicates)
    RelationPatterns.find(doc)  ─▶ RelationMatch list (pure: token positions by role, no entities)
    component `claimgraph_relations_v1` ─▶ writes the matches to `doc._.claimgraph_relations`

A frame is a DependencyMatcher pattern whose nodes are named by role (`trigger`, `subject`, `object`,
`place`; other names are scaffolding); a class is a list of lemmas or words. A rule puts a class into a
frame (`$class`, and `$preps` / `$nouns` / `$heads` for its other word lists) and names the predicates it
states. Turning matched tokens into entities, and deciding which candidates survive, is the claim
frames' job (`frames.relation_candidates`): this module only knows syntax.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from ..errors import ConfigError
from ..nlp.depmatch import DepMatcher, dependency_matcher

RELATIONS_FACTORY = "claimgraph_relations_v1"
RELATIONS_ATTR = "claimgraph_relations"
_ROLES = ("trigger", "subject", "object", "place")
_LISTS = ("class", "preps", "nouns", "heads")
#: frames whose trigger is a noun phrase or a modifier: intent words on the verb above are not theirs
NOMINAL_FRAMES = frozenset({"apposition_of", "body_apposition_of_in_order", "body_apposition_of_in_order_short",
                            "hyphen_backed", "adjective_to", "noun_by_on", "predicate_of",
                            "as_role_of", "possessive_noun", "members_are", "members_are_poss",
                            "noun_to_of_verb", "role_of_appos", "role_prep_appos", "appointed_role_of", "one_of_role",
                            "role_fragment", "role_fragment_mod", "members_bare", "pledge_fragment",
                            "role_appos", "appos_role", "role_modifier", "role_compound_poss", "role_compound_owner",
                            "office_appos", "office_modifier", "office_compound", "role_like", "titled_person_of",
                            "person_prep", "apposition_conj_of", "named_unit_of", "owned_named_body"})


@dataclass(frozen=True, slots=True)
class RelationRule:
    id: str
    frame: str
    predicates: tuple[str, ...]
    #: node names of the frame, in pattern order (the order of the DependencyMatcher's token ids)
    nodes: tuple[str, ...]
    pattern: tuple[Mapping[str, Any], ...]
    #: "subjects": the relation holds between conjoined subjects ("X and Y agreed to share camps")
    pairs: str | None = None
    #: the predicate stated instead when the claim is intended ("vowed to extend operations to Y": targets)
    intended: str | None = None
    #: the matched sides state the relation the other way round ("X acts as a proxy for Y": Y directs X)
    swap: bool = False
    #: "clause": the frame's subject node is the doer and the clause's subject the other side ("X receives
    #: weapons from Y": Y supports X)
    other: str | None = None
    #: taken only when no other rule stated the same predicate from the same trigger ("claimed the killing
    #: of X in Y": X is what was claimed; the place only when no target is named)
    fallback: bool = False
    #: "object": the frame has no object node, the document's topic is the other side when the sentence has
    #: no subject ("Founded by X." in a list entry on Y: X founded Y)
    topic: str | None = None
    #: the entity types whose relation the rule states, narrower than the ontology's (empty: the ontology's):
    #: "the Quetta-based X" says where a body has its base, of an analyst only where they work
    subjects: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RelationMatch:
    """One match: token indices (in the doc) by role. `subject` / `object` may be None: the frame has no
    such node (the clause subject is looked up; the relation has no object)."""

    rule: str
    frame: str
    predicates: tuple[str, ...]
    trigger: int
    subject: int | None = None
    object: int | None = None
    place: int | None = None
    #: the verb above a noun trigger ("claimed" in "claimed responsibility"): where a clause subject is sought
    head: int | None = None
    pairs: str | None = None
    intended: str | None = None
    swap: bool = False
    other: str | None = None
    fallback: bool = False
    topic: str | None = None
    subjects: tuple[str, ...] = ()

    @property
    def nominal(self) -> bool:
        return self.frame in NOMINAL_FRAMES


def _substitute(value: Any, lists: Mapping[str, list[str]]) -> Any:
    """`$name` strings in a frame replaced by the rule's word list of that name."""
    if isinstance(value, str) and value.startswith("$"):
        key = value[1:]
        if key not in lists:
            raise ConfigError(f"relation pattern needs a word list {key!r}")
        return lists[key]
    if isinstance(value, Mapping):
        return {k: _substitute(v, lists) for k, v in value.items()}
    if isinstance(value, list):
        return [_substitute(v, lists) for v in value]
    return value


def _words(value: Any, classes: Mapping[str, list[str]]) -> list[str]:
    """A rule's word list: the name of a class, an inline list, or `{of: class, without: class}` (a class less
    another's words: "attack nouns but not the campaign nouns")."""
    if isinstance(value, dict) and set(value) == {"of", "without"}:
        drop = set(_words(value["without"], classes))
        return [w for w in _words(value["of"], classes) if w not in drop]
    if isinstance(value, str):
        if value not in classes:
            raise ConfigError(f"unknown relation word class {value!r}")
        return list(classes[value])
    words = list(value or [])
    if not all(isinstance(w, str) for w in words):  # YAML reads a bare `on` or `no` as a boolean
        raise ConfigError(f"relation word list {words!r} holds a non-string: quote it")
    return [w.lower() for w in words]


@dataclass(frozen=True, slots=True)
class RelationPatterns:
    """The rules of one patterns file. `find` runs them all in one `AnchoredMatcher` (built per vocab on first
    use), which starts each rule's search at the tokens its word list accepts (spaCy's DependencyMatcher would run
    every node pattern of every rule over every token)."""

    version: int
    rules: tuple[RelationRule, ...]
    classes: Mapping[str, tuple[str, ...]]
    #: per rule the words of its `class` or of the list its `select` names (sentence selection)
    trigger_words: frozenset[str] = frozenset()
    #: trigger words of relations with one party ("X denied any involvement"): one name is enough
    solo_words: frozenset[str] = frozenset()
    #: per vocab (by id): the vocab and the matcher of all rules, built on first use
    _matchers: dict[int, tuple[Vocab, DepMatcher]] = field(
        default_factory=dict, compare=False, hash=False, repr=False)
    _by_id: dict[str, RelationRule] = field(default_factory=dict, compare=False, hash=False, repr=False)

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> RelationPatterns:
        classes = {str(k): _words(v, {}) for k, v in (data.get("classes") or {}).items()}
        frames = data.get("frames") or {}
        rules = []
        trigger_words: set[str] = set()
        solo_words: set[str] = set()
        for raw in data.get("rules") or []:
            frame = frames.get(raw["frame"])
            if frame is None:
                raise ConfigError(f"relation rule {raw.get('id')!r} names an unknown frame {raw['frame']!r}")
            lists = {k: _words(raw[k], classes) for k in _LISTS if k in raw}
            trigger_words.update(lists.get(str(raw.get("select", "class"))) or lists.get("class") or [])
            if "object" not in {n["RIGHT_ID"] for n in frame} and not raw.get("pairs") and not raw.get("other") \
                    and "heads" in lists:
                solo_words.update(lists["class"])
            pattern = tuple(_substitute(node, lists) for node in frame)
            rules.append(RelationRule(
                id=str(raw["id"]), frame=str(raw["frame"]), predicates=tuple(raw["predicates"]),
                nodes=tuple(n["RIGHT_ID"] for n in frame), pattern=pattern, pairs=raw.get("pairs"),
                intended=raw.get("intended"), swap=bool(raw.get("swap")),
                other=raw.get("other"), fallback=bool(raw.get("fallback")), topic=raw.get("topic"),
                subjects=tuple(str(t) for t in raw.get("subjects") or ())))
        return cls(int(data.get("version", 1)), tuple(rules), {k: tuple(v) for k, v in classes.items()},
                   trigger_words=frozenset(trigger_words), solo_words=frozenset(solo_words))

    @property
    def by_id(self) -> dict[str, RelationRule]:
        """Rules by id (a match names its rule by id), built on first use."""
        if not self._by_id:
            self._by_id.update((r.id, r) for r in self.rules)
        return self._by_id

    def words(self) -> set[str]:
        return {w for w in self.trigger_words if " " not in w}

    def matcher(self, vocab: Vocab) -> DepMatcher:
        """One matcher of all rules, keyed by rule id; built once per vocab."""
        held = self._matchers.get(id(vocab))
        if held is None or held[0] is not vocab:
            built = dependency_matcher(vocab, [(rule.id, [list(rule.pattern)]) for rule in self.rules])
            held = self._matchers[id(vocab)] = (vocab, built)
        return held[1]

    def find(self, doc: Doc | Span) -> list[RelationMatch]:
        """Matches in `doc`, at most one per rule and trigger-subject-object, in text order."""
        base = doc if isinstance(doc, Doc) else doc.doc
        if not base.has_annotation("DEP"):
            return []
        lo, hi = (0, len(base)) if isinstance(doc, Doc) else (doc.start, doc.end)
        by_id = self.by_id
        out: dict[tuple[str, int, int | None, int | None], RelationMatch] = {}
        for key, ids in self.matcher(base.vocab)(base):
            if not all(lo <= i < hi for i in ids):
                continue
            rule = by_id[key]
            m = _match_of(rule, ids)
            out.setdefault((rule.id, m.trigger, m.subject, m.object), m)
        return sorted(out.values(), key=lambda m: (m.trigger, m.rule))


def _match_of(rule: RelationRule, ids: Sequence[int]) -> RelationMatch:
    by_node = dict(zip(rule.nodes, ids, strict=True))
    return RelationMatch(rule.id, rule.frame, rule.predicates, by_node["trigger"], by_node.get("subject"),
                         by_node.get("object"), by_node.get("place"), by_node.get("verb"), rule.pairs,
                         rule.intended, rule.swap, rule.other, rule.fallback, rule.topic, rule.subjects)


class _UniqueKeys(yaml.SafeLoader):
    """YAML that refuses a key twice in one mapping: a second word class of one name would silently replace the
    first, and every rule that names it would match other words."""


def _unique_mapping(loader: _UniqueKeys, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    keys = [loader.construct_object(k, deep=deep) for k, _ in node.value]
    twice = sorted({str(k) for k in keys if keys.count(k) > 1})
    if twice:
        raise ConfigError(f"relation patterns: {', '.join(twice)} defined twice ({node.start_mark})")
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_UniqueKeys.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)


def read_patterns(text: str) -> Any:
    """The YAML of a patterns file, a key defined twice in one mapping refused."""
    return yaml.load(text, Loader=_UniqueKeys)  # noqa: S506 (a SafeLoader subclass)


@cache
def default_patterns() -> RelationPatterns:
    """The packaged patterns: rules and word classes (extract/patterns/relations.yaml) over the sentence shapes
    of extract/patterns/relation_frames.yaml."""
    folder = resources.files("claimgraph.extract").joinpath("patterns")
    data = read_patterns(folder.joinpath("relations.yaml").read_text("utf-8"))
    frames = read_patterns(folder.joinpath("relation_frames.yaml").read_text("utf-8"))
    return RelationPatterns.from_data({**data, "frames": {**(data.get("frames") or {}), **frames["frames"]}})


class RelationsComponent:
    """`claimgraph_relations_v1`: writes the relation matches of a parsed doc to `doc._.claimgraph_relations`."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.patterns = default_patterns()
        if not Doc.has_extension(RELATIONS_ATTR):
            Doc.set_extension(RELATIONS_ATTR, default=None)

    def __call__(self, doc: Doc) -> Doc:
        doc._.set(RELATIONS_ATTR, self.patterns.find(doc))
        return doc


@Language.factory(RELATIONS_FACTORY, requires=["token.dep", "token.lemma", "token.pos"],
                  assigns=[f"doc._.{RELATIONS_ATTR}"])
def make_relations(nlp: Language, name: str) -> RelationsComponent:
    return RelationsComponent(nlp, name)
