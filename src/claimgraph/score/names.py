"""Alias-aware name matching for scoring: does a predicted name refer to the same actor as a gold name?

Each side of a comparison is a `Names`: every surface form known for one actor (its name, its aliases and,
for predictions, the texts of its mentions). Two `Names` match at the strongest of these levels:

    EXACT    some pair of forms is equal after `normalise` (case, accents, punctuation, possessive 's,
             a leading "the")
    ACRONYM  an acronym of one equals the other: "ISKP" ~ "Islamic State Khorasan Province",
             "LeT" ~ "Lashkar-e-Taiba", "TTP" ~ "Tehrik-i-Taliban Pakistan"
    FUZZY    normalised forms of 6+ characters at least 90% similar (rapidfuzz ratio): transliteration
             variants such as "Lashkar-e-Tayyaba" ~ "Lashkar-e-Tayyiba"
    SURNAME  a one-word form equals the last word of a multi-word form of a person ("Mengal" ~
             "Mir Shafiq Mengal"); only when one side is typed `person`

The rules are written out here rather than taken from a name-matching library because they must be exactly
what docs/benchmarks.md documents, so that a user can predict how their gold file will be scored.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum

from rapidfuzz import fuzz

#: Words that acronyms commonly skip: "Tehrik-i-Taliban Pakistan" is TTP, "Lashkar-e-Taiba" is LeT or LT.
_CONNECTORS = frozenset({"e", "i", "ul", "al", "el", "of", "the", "and", "for", "de", "wal", "o"})
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_DOTTED = re.compile(r"\b(?:[a-z]\.){2,}[a-z]?\b\.?")
_FUZZY_MIN_RATIO = 90.0
_FUZZY_MIN_LEN = 6


class Strength(IntEnum):
    """How two names matched; higher is stronger. Greedy matching pairs the strongest first."""

    SURNAME = 1
    FUZZY = 2
    ACRONYM = 3
    EXACT = 4


def normalise(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form: "The Lashkar-e-Taiba’s" → "lashkar e taiba"."""
    text = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    text = text.encode("ascii", "ignore").decode("ascii").casefold()
    text = re.sub(r"'s\b", "", text)
    text = _DOTTED.sub(lambda m: m.group().replace(".", ""), text)  # "i.s.i." → "isi"
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return _LEADING.sub("", text) or text


#: an article or a count before a description names no other actor: "an unknown group", "Three suicide bombers"
_LEADING = re.compile(r"^(?:(?:the|an?)\s+)?(?:(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+)?")


def acronyms(name: str) -> frozenset[str]:
    """Acronym forms of a name (lower case): its own compact form when it looks like one ("LeT", "ISI",
    "I.S.I."), else its initials with and without connector words ("Inter-Services Intelligence" → "isi")."""
    compact = re.sub(r"[^A-Za-z0-9]", "", name)
    if 2 <= len(compact) <= 8 and sum(c.isupper() for c in compact) >= 2 and " " not in name.strip():
        return frozenset({compact.lower()})
    words = [w for w in re.split(r"[\s\-–—/]+", normalise_words(name)) if w]
    if len(words) < 2:
        return frozenset()
    out = {"".join(w[0] for w in words)}
    content = [w for w in words if w not in _CONNECTORS]
    if len(content) >= 2:
        out.add("".join(w[0] for w in content))
    return frozenset(a for a in out if len(a) >= 2)


def normalise_words(name: str) -> str:
    """Like `normalise` but keeps hyphens, so "Lashkar-e-Taiba" still splits into its three words."""
    text = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    text = text.encode("ascii", "ignore").decode("ascii").casefold()
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^a-z0-9\-]+", " ", text).strip()
    return re.sub(r"^the\s+", "", text)


@dataclass(frozen=True, slots=True)
class Names:
    """Every surface form of one actor, with the display name first, ready to compare."""

    display: str
    forms: frozenset[str]  # normalised
    acronyms: frozenset[str]
    type: str | None = None

    @classmethod
    def of(cls, forms: Iterable[str], type: str | None = None) -> Names:
        raw = [f for f in forms if f and f.strip()]
        display = raw[0] if raw else ""
        norms = frozenset(n for n in map(normalise, raw) if n)
        acros = frozenset(a for f in raw for a in acronyms(f))
        return cls(display, norms, acros, type)

    def __bool__(self) -> bool:
        return bool(self.forms)


def match(a: Names, b: Names) -> Strength | None:
    """The strongest way `a` and `b` name the same actor, or None."""
    if not a or not b:
        return None
    if a.forms & b.forms:
        return Strength.EXACT
    # One side's acronym must be the other's very name: two long names sharing initials ("Jamaat-ul-Ahrar",
    # "Jaish-ul-Adl") are not the same group.
    if (a.acronyms & b.forms) or (b.acronyms & a.forms):
        return Strength.ACRONYM
    for x in a.forms:
        if len(x) < _FUZZY_MIN_LEN:
            continue
        for y in b.forms:
            if len(y) >= _FUZZY_MIN_LEN and fuzz.ratio(x, y) >= _FUZZY_MIN_RATIO:
                return Strength.FUZZY
    if "person" in (a.type, b.type) and (_surname(a, b) or _surname(b, a)):
        return Strength.SURNAME
    return None


def _surname(short: Names, long: Names) -> bool:
    singles = {f for f in short.forms if " " not in f and len(f) >= 4}
    lasts = {f.rsplit(" ", 1)[1] for f in long.forms if " " in f}
    return bool(singles & lasts)
