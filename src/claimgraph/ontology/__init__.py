"""The ontology as one model object, loaded once from YAML (data, not code) and exportable as JSON."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from ..errors import ConfigError


@dataclass(frozen=True, slots=True)
class PredicateDef:
    name: str
    label: str
    direction: str
    subject: tuple[str, ...]
    object: tuple[str, ...] | None
    roles: tuple[str, ...]
    signal: str | None
    hostile: bool
    object_optional: bool = False  # a claim of it may stand without an object

    @property
    def symmetric(self) -> bool:
        return self.direction == "symmetric"


@dataclass(frozen=True, slots=True)
class EventTypeDef:
    name: str
    label: str
    modes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Ontology:
    entity_types: dict[str, dict[str, Any]]
    predicates: dict[str, PredicateDef]
    event_types: dict[str, EventTypeDef]
    lexicon: dict[str, Any]
    #: the event types that are incidents, and the modes of those types that are not ("ban", "sanction")
    incident_types: frozenset[str] = frozenset()
    not_incident_modes: frozenset[str] = frozenset()

    def is_incident(self, etype: str, mode: str | None) -> bool:
        """Whether an event of this type and mode is an incident (an attack, a clash, an arrest, a protest), not
        an interaction between actors (an accusation, a meeting, a ban)."""
        return etype in self.incident_types and mode not in self.not_incident_modes

    def predicate(self, name: str) -> PredicateDef:
        try:
            return self.predicates[name]
        except KeyError:
            raise ConfigError(
                f"unknown predicate {name!r}; known: {', '.join(sorted(self.predicates))}"
            ) from None

    def is_a(self, etype: str, ancestor: str) -> bool:
        """True when entity type `etype` is `ancestor` or below it."""
        seen = etype
        while seen:
            if seen == ancestor:
                return True
            seen = self.entity_types.get(seen, {}).get("parent") or ""
        return False

    def event_type_of_mode(self, mode: str) -> str | None:
        for et in self.event_types.values():
            if mode in et.modes:
                return et.name
        return None

    def to_json(self) -> dict[str, Any]:
        return {
            "entity_types": self.entity_types,
            "predicates": {k: asdict(v) for k, v in self.predicates.items()},
            "event_types": {k: asdict(v) for k, v in self.event_types.items()},
        }


_INFIX_HYPHEN = re.compile(r"(?<=[^\W_])-(?=[^\W\d_])")


def phrase_words(phrase: str) -> tuple[str, ...]:
    """A lexicon phrase as the lower-case tokens spaCy's English tokenizer makes of it: words split at spaces,
    and at a hyphen between a letter or digit and a letter ("counter-terrorism operation" → counter, -,
    terrorism, operation), so hyphenated entries match the parsed text."""
    return tuple(_INFIX_HYPHEN.sub(" - ", phrase.lower()).split())


def _read_yaml(name: str) -> dict[str, Any]:
    text = resources.files("claimgraph.ontology").joinpath(name).read_text("utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ConfigError(f"ontology file {name} is not a mapping")
    return data


@cache
def load_ontology() -> Ontology:
    """Load ontology.yaml and lexicon.yaml (cached: the files are package data and never change at run time)."""
    raw = _read_yaml("ontology.yaml")
    lexicon = _read_yaml("lexicon.yaml")
    preds = {
        name: PredicateDef(
            name=name,
            label=p.get("label", name),
            direction=p.get("direction", "directed"),
            subject=tuple(p.get("subject") or ()),
            object=None if p.get("object") is None else tuple(p["object"]),
            roles=tuple(p.get("roles") or ()),
            signal=p.get("signal"),
            hostile=bool(p.get("hostile", False)),
            object_optional=bool(p.get("object_optional", False)),
        )
        for name, p in raw["predicates"].items()
    }
    events = {
        name: EventTypeDef(name, e.get("label", name), tuple(e.get("modes") or ()))
        for name, e in raw["event_types"].items()
    }
    incidents = raw.get("incidents") or {}
    unknown = set(incidents.get("types") or ()) - set(events)
    if unknown:
        raise ConfigError(f"ontology.yaml incidents: unknown event types {sorted(unknown)}")
    return Ontology(raw["entity_types"], preds, events, lexicon, frozenset(incidents.get("types") or ()),
                    frozenset(incidents.get("not_modes") or ()))


@cache
def lexicon_words(key: str) -> frozenset[str]:
    """The words of one list of lexicon.yaml, lower case, read once per process: the one reader of such a list for
    every stage."""
    return frozenset(str(w).lower() for w in load_ontology().lexicon.get(key) or ())
