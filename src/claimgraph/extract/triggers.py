"""Trigger words per predicate (lexicon.yaml `predicate_triggers`) as lookup tables for the claim frames."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..ontology import phrase_words

#: lemma phrase → (predicate, prepositions that introduce the object)
VerbTable = Mapping[tuple[str, ...], tuple[str, tuple[str, ...]]]


@dataclass(frozen=True, slots=True)
class Triggers:
    """The `predicate_triggers` section of lexicon.yaml, as lookup tables."""

    between: Mapping[str, str]  # noun → predicate
    verbs: Mapping[tuple[str, ...], tuple[str, tuple[str, ...]]]  # lemma phrase → (predicate, preps)
    under: frozenset[str]
    asset_of: frozenset[str]
    roles: Mapping[tuple[str, ...], tuple[str, str]]  # words → (predicate, role)
    kinds: frozenset[tuple[str, ...]]
    bases: frozenset[str]
    places_of: Mapping[str, str]  # noun → predicate ("operations" → operates_in)
    noun_with: Mapping[str, str]  # noun → predicate ("ties" → associated_with)
    attack_nouns: frozenset[str]
    publications: frozenset[str]
    goods_verbs: frozenset[str] = frozenset()
    goods: frozenset[str] = frozenset()
    done_targets: frozenset[str] = frozenset()  # "targeted", "hit": a past form states the deed (attacked)

    @classmethod
    def from_lexicon(cls, lexicon: Mapping[str, object]) -> Triggers:
        pt: Mapping[str, Mapping[str, object]] = lexicon.get("predicate_triggers") or {}  # type: ignore[assignment]
        between: dict[str, str] = {}
        verbs: dict[tuple[str, ...], tuple[str, tuple[str, ...]]] = {}
        roles: dict[tuple[str, ...], tuple[str, str]] = {}
        places_of: dict[str, str] = {}
        noun_with: dict[str, str] = {}
        for pred, frames in pt.items():
            for noun in frames.get("between", []) or []:  # type: ignore[union-attr]
                between[str(noun).lower()] = pred
            for phrase, preps in (frames.get("verbs") or {}).items():  # type: ignore[union-attr]
                verbs[phrase_words(str(phrase))] = (pred, tuple(str(p) for p in preps or []))
            for word, role in (frames.get("roles") or {}).items():  # type: ignore[union-attr]
                roles[phrase_words(str(word))] = (pred, str(role))
            if pred == "operates_in":
                for noun in frames.get("nouns", []) or []:  # type: ignore[union-attr]
                    places_of[str(noun).lower()] = pred
            if pred == "associated_with":
                for noun in frames.get("nouns", []) or []:  # type: ignore[union-attr]
                    noun_with[str(noun).lower()] = pred

        def words(pred: str, key: str) -> frozenset[str]:
            return frozenset(str(w).lower() for w in (pt.get(pred, {}).get(key) or []))  # type: ignore[union-attr]

        return cls(
            between, verbs, words("directs", "under"), words("directs", "asset_of"), roles,
            frozenset(tuple(w.split()) for w in words("branch_of", "appos")),
            frozenset(w for w in words("based_in", "nouns")), places_of, noun_with,
            words("attacked", "nouns"), words("publishes", "nouns"), words("supports", "goods_verbs"),
            words("supports", "goods"), words("targets", "done_verbs"),
        )

    def words(self) -> set[str]:
        """One word per trigger phrase that must be present for a frame to fire (for sentence selection):
        the longest word of a phrase ("chief of operations" → operations), never a light verb."""
        out: set[str] = set()
        for group in (self.between, self.under, self.asset_of, self.bases, self.places_of, self.noun_with,
                      self.attack_nouns, self.publications, self.verbs, self.roles, self.kinds):
            for phrase in group:
                words = phrase if isinstance(phrase, tuple) else tuple(str(phrase).split())
                out.add(key_word(words))
        return out


LIGHT_WORDS = frozenset({"be", "have", "take", "share", "make", "get", "do", "of", "in", "the", "a", "to", "with"})


def key_word(words: Sequence[str]) -> str:
    """The word of a phrase that selects sentences for it: its longest non-light word."""
    content = [w for w in words if w not in LIGHT_WORDS] or list(words)
    return max(content, key=len)


_BY_FIRST: dict[int, tuple[Mapping[tuple[str, ...], object], dict[str, tuple[tuple[int, tuple[str, ...]], ...]]]] = {}


def phrases_starting(table: Mapping[tuple[str, ...], object], *words: str) -> list[tuple[str, ...]]:
    """The phrases of `table` whose first word is one of `words`, in the table's order (which decides ties
    between phrases of one length). The table is indexed by first word once, so a token looks up its own
    words instead of scanning every phrase."""
    held = _BY_FIRST.get(id(table))
    if held is None or held[0] is not table:
        index: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        for n, phrase in enumerate(table):
            if phrase:
                index.setdefault(phrase[0], []).append((n, phrase))
        if len(_BY_FIRST) > 32:
            _BY_FIRST.clear()
        held = _BY_FIRST[id(table)] = (table, {w: tuple(v) for w, v in index.items()})
    found = [p for w in dict.fromkeys(words) for p in held[1].get(w, ())]
    if len(found) > 1:
        found.sort()
    return [p for _, p in found]
