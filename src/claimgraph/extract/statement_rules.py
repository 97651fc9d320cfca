"""The statement finder's rules: the word classes and dependency patterns of statements.yaml, validated.

    statements.yaml ─parse_rules─▶ StatementRules (Lexicon: class name → lemmas; PatternSpec per pattern)

`load_rules` reads the packaged file once. Every lexicon class names its source; every pattern has a `cue` node;
a `$class` in a pattern is replaced by that class's words.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from ..nlp.segment import verb_forms


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The word classes of statements.yaml: class name → lower-case lemmas (or words)."""

    classes: Mapping[str, frozenset[str]]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    first_pronouns: frozenset[str]

    def __getitem__(self, name: str) -> frozenset[str]:
        return self.classes[name]


@dataclass(frozen=True, slots=True)
class PatternSpec:
    id: str
    build: str | None  # how the content span is made; None: the pattern finds only a source
    agentless: bool
    nodes: tuple[str, ...]  # RIGHT_IDs in pattern order (the order of a match's token ids)
    pattern: tuple[dict[str, Any], ...]


@dataclass(frozen=True, slots=True)
class StatementRules:
    lexicon: Lexicon
    patterns: tuple[PatternSpec, ...]

    def cue_words(self) -> frozenset[str]:
        """Lower-case surface words any of whose presence makes a sentence worth parsing for statements."""
        lemmas = set().union(*(self.lexicon[c] for c in ("speech", "cognition", "agentless", "labelling", "directive",
                                                         "calling", "naming")))
        words = verb_forms(lemmas) | set(self.lexicon["adverbs"]) | {"according", "per", "quoted", "cited"}
        words |= {w for n in self.lexicon["noun_cues"] for w in (n, n + "s")}
        return frozenset(words | _IRREGULAR_SAY)

    def viewing_words(self) -> frozenset[str]:
        """Lower-case forms of the verbs of seeing something as something: they count only with the "as" they
        take ("saw the country as …")."""
        return frozenset(verb_forms(self.lexicon["viewing"]) | {"saw", "seen"})

    def held_words(self) -> frozenset[str]:
        """Lower-case words of stances and held views that make a sentence worth parsing when a that-clause or
        an of-phrase follows them ("confident that", "reports of", "made it clear that")."""
        nouns = self.lexicon["held_nouns"] | self.lexicon["report_nouns"]
        return frozenset({w for n in nouns for w in (n, n + "s")} | self.lexicon["stance"]
                         | {"clear", "plain", "known", "obvious"})


# past forms of the commonest cue verbs, which `verb_forms` (regular endings only) cannot make
_IRREGULAR_SAY = frozenset({"said", "told", "thought", "wrote", "written", "knew", "known", "understood", "felt",
                            "saw", "seen", "foretold"})


def _expand(value: Any, lexicon: Mapping[str, frozenset[str]]) -> Any:
    """Replace "$class" strings by that class's words, flattening lists."""
    if isinstance(value, dict):
        return {k: _expand(v, lexicon) for k, v in value.items()}
    if isinstance(value, str) and value.startswith("$"):
        return sorted(lexicon[value[1:]])
    if isinstance(value, list):
        out: list[Any] = []
        for v in value:
            e = _expand(v, lexicon)
            out.extend(e if isinstance(v, str) and v.startswith("$") else [e])
        return out
    return value


def parse_rules(raw: Mapping[str, Any]) -> StatementRules:
    """Validate statements.yaml into rules. Every pattern needs a `cue` node; `$class` names must exist."""
    classes: dict[str, frozenset[str]] = {}
    pronouns: Mapping[str, Any] = {}
    for name, entry in (raw.get("lexicon") or {}).items():
        if not entry.get("source"):
            raise ValueError(f"statements.yaml lexicon class {name!r} names no source")
        if name == "pronouns":
            pronouns = entry
            continue
        words = entry.get("lemmas") or entry.get("words") or entry.get("phrases") or []
        classes[name] = frozenset(str(w).lower() for w in words)
    specs = []
    for p in raw.get("patterns") or []:
        try:
            pattern = tuple(_expand(p["pattern"], classes))
        except KeyError as exc:
            raise ValueError(f"statements.yaml pattern {p.get('id')!r} uses unknown class {exc}") from exc
        nodes = tuple(n["RIGHT_ID"] for n in pattern)
        if "cue" not in nodes:
            raise ValueError(f"statements.yaml pattern {p['id']!r} has no `cue` node")
        specs.append(PatternSpec(p["id"], p.get("build"), bool(p.get("agentless")), nodes, pattern))
    lex = Lexicon(classes, frozenset(pronouns.get("person", [])), frozenset(pronouns.get("group", [])),
                  frozenset(pronouns.get("first", [])))
    return StatementRules(lex, tuple(specs))


@cache
def load_rules() -> StatementRules:
    """The packaged statements.yaml (read on first use)."""
    text = resources.files("claimgraph.extract").joinpath("statements.yaml").read_text("utf-8")
    return parse_rules(yaml.safe_load(text))
