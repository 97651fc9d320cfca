"""Count and casualty words, and number phrases read into ranges: the first half of `quantities`.

- `count_lexicon()`: the count words, bounding modifiers and casualty cue words of ontology/events.yaml.
- `parse_count(text)` reads one number phrase ("more than 20", "two dozen", "dozens") into a `Quantity`.
  Number words go through `text_to_num` (text2num); the words it does not know ("a", "dozens",
  "several") and the bounding modifiers ("at least", "over") come from ontology/events.yaml.
- `add`, `subtract`, `point`: arithmetic on counts whose bounds may be open.

The choices that change benchmark numbers are listed in `quantities`' docstring.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml
from text_to_num import text2num

from ..errors import ConfigError
from ..records import Quantity

KILLED = "killed"
WOUNDED = "wounded"


@dataclass(frozen=True, slots=True)
class CueSet:
    verbs: frozenset[str]
    adjectives: frozenset[str]
    nouns: frozenset[str]
    life_nouns: frozenset[str] = frozenset()  # "lives" ...
    life_verbs: frozenset[str] = frozenset()  # ... under "claimed", "took"
    phrasal_verbs: frozenset[str] = frozenset()  # "gun down": a verb and its particle


@dataclass(frozen=True, slots=True)
class CountLexicon:
    """The count and casualty words of ontology/events.yaml."""

    words: dict[str, tuple[int | None, int | None, bool]]
    modifiers: tuple[tuple[str, str], ...]  # (phrase, kind), longest phrase first
    cues: dict[str, CueSet]  # KILLED / WOUNDED
    attacker_nouns: frozenset[str]
    attacker_pronouns: frozenset[str]
    subset_preps: frozenset[str]
    addition_preps: tuple[str, ...]
    toll_nouns: frozenset[str] = frozenset()
    toll_verbs: frozenset[str] = frozenset()
    #: nouns of the dead whose count, standing alone as a sentence, is the total ("5 fatalities.")
    total_nouns: frozenset[str] = frozenset()
    #: verbs a passive casualty word may hang on ("11 soldiers were reported killed")
    report_verbs: frozenset[str] = frozenset()


def _load_events_yaml() -> dict[str, Any]:
    text = resources.files("claimgraph.ontology").joinpath("events.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ConfigError("ontology file events.yaml is not a mapping")
    return data


@cache
def events_yaml() -> dict[str, Any]:
    """The raw event lexicon (cached: package data never changes at run time)."""
    return _load_events_yaml()


@cache
def count_lexicon() -> CountLexicon:
    raw = events_yaml()
    cas = raw["casualties"]
    words = {k: (None if v[0] is None else int(v[0]), None if v[1] is None else int(v[1]), bool(v[2]))
             for k, v in raw["count_words"].items()}
    mods = [(p, kind) for kind, phrases in raw["count_modifiers"].items() for p in phrases]
    mods.sort(key=lambda m: -len(m[0]))
    cues = {
        kind: CueSet(frozenset(cas[kind]["verbs"]), frozenset(cas[kind]["adjectives"]), frozenset(cas[kind]["nouns"]),
                     frozenset(cas[kind].get("life_nouns") or ()), frozenset(cas[kind].get("life_verbs") or ()),
                     frozenset(cas[kind].get("phrasal_verbs") or ()))
        for kind in (KILLED, WOUNDED)
    }
    return CountLexicon(
        words=words,
        modifiers=tuple(mods),
        cues=cues,
        attacker_nouns=frozenset(cas["attacker_nouns"]),
        attacker_pronouns=frozenset(cas["attacker_pronouns"]),
        subset_preps=frozenset(cas["subset_preps"]),
        addition_preps=tuple(cas["addition_preps"]),
        toll_nouns=frozenset(cas.get("toll_nouns") or ()),
        toll_verbs=frozenset(cas.get("toll_verbs") or ()),
        total_nouns=frozenset(cas.get("total_nouns") or ()),
        report_verbs=frozenset(cas.get("report_verbs") or ()),
    )


# ------------------------------------------------------------------------------------------ numbers

_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_RANGE = re.compile(r"^(?:between\s+)?(.+?)\s*(?:-|–|to|and)\s*(.+)$")
_LEADING = ("the", "all", "other", "their", "its", "his", "her", "of", "those", "these", "another")


def _number(words: str, lex: CountLexicon) -> tuple[int, int | None, bool] | None:
    """A bare number phrase: "30", "1,844", "five", "twenty-four", "2 dozen", "a dozen", "dozens"."""
    w = words.strip().lower().replace(",", "") if re.search(r"\d,\d", words) else words.strip().lower()
    if not w:
        return None
    if w in lex.words:
        return lex.words[w]
    parts = w.split()
    if len(parts) == 2 and parts[1] == "dozen":
        first = _number(parts[0], lex)
        if first is not None and first[1] is not None:
            return first[0] * 12, first[1] * 12, first[2]
    if parts[0] in ("no",) and len(parts) == 2 and _number(parts[1], lex):
        return 0, 0, False
    if w.isdigit():
        return int(w), int(w), False
    if len(parts) > 1 and parts[0] in lex.words and parts[0] in ("a", "an", "another"):
        return _number(" ".join(parts[1:]), lex)
    try:
        n = text2num(w.replace("-", " "), "en")
    except ValueError:
        return None
    return int(n), int(n), False


def parse_count(text: str, lexicon: CountLexicon | None = None) -> Quantity | None:
    """One number phrase as a Quantity, or None when the text is not a count.

    >>> parse_count("at least five")
    Quantity(min=5, max=None, approximate=False, text='at least five')
    """
    lex = lexicon or count_lexicon()
    original = text.strip()
    t = re.sub(r"\s+", " ", original.lower())
    while t.split(" ", 1)[0] in _LEADING and " " in t:
        head, rest = t.split(" ", 1)
        if head == "another" and rest in ("one",):
            break
        t = rest
    kind = None
    for phrase, k in lex.modifiers:
        if t == phrase:
            return None
        if t.startswith(phrase + " "):
            kind, t = k, t[len(phrase) + 1 :]
            break
    value = _number(t, lex)
    if value is None:
        m = _RANGE.match(t)
        if m:
            lo, hi = _number(m.group(1), lex), _number(m.group(2), lex)
            if lo is not None and hi is not None and lo[1] is not None and hi[1] is not None and lo[0] <= hi[0]:
                return Quantity(lo[0], hi[1], kind == "approximate", original)
        return None
    lo_v, hi_v, approx = value
    if kind is None or hi_v is None:  # vague words keep their own range
        return Quantity(lo_v, hi_v, approx or kind == "approximate", original)
    n = lo_v
    if kind == "approximate":
        return Quantity(n, n, True, original)
    if kind == "at_least":
        return Quantity(n, None, False, original)
    if kind == "more_than":
        return Quantity(n + 1, None, False, original)
    if kind == "at_most":
        return Quantity(None, n, False, original)
    if kind == "less_than":
        return Quantity(None, max(n - 1, 0), False, original)
    raise ConfigError(f"unknown count modifier kind {kind!r} in events.yaml; known: approximate, at_least, "
                      "more_than, at_most, less_than")


def add(a: Quantity | None, b: Quantity | None) -> Quantity | None:
    """The sum of two counts; an open upper bound stays open, and a known lower bound stays known ("at least 30
    soldiers" and "dozens of insurgents" killed: at least 30)."""
    if a is None or b is None:
        return a or b
    lo = None if a.min is None and b.min is None else (a.min or 0) + (b.min or 0)
    hi = None if a.max is None or b.max is None else a.max + b.max
    text = f"{a.text} + {b.text}" if a.text and b.text else a.text or b.text
    return Quantity(lo, hi, a.approximate or b.approximate, text)


def subtract(a: Quantity, b: Quantity) -> Quantity:
    """`a` less an exactly known part `b` (only exact parts are taken out; otherwise `a` is kept)."""
    if b.min is None or b.min != b.max:
        return a
    lo = None if a.min is None else max(a.min - b.min, 0)
    hi = None if a.max is None else max(a.max - b.min, 0)
    return Quantity(lo, hi, a.approximate, a.text)


def point(q: Quantity | None) -> int | None:
    """A single number for scoring: the exact value, else the lower bound, else the upper bound."""
    if q is None:
        return None
    return q.min if q.min is not None else q.max
