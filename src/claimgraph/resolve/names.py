"""Name keys shared by place and actor resolution: folding, transliteration variants and acronyms.

Hand-written on purpose: the variants are a handful of regular spelling alternations in romanised
Arabic, Urdu and Pashto names (Mohammad/Muhammad, Tayyiba/Taiba, -e-/-i-), which no library models;
fuzzy scoring itself is rapidfuzz's.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ARTICLES = re.compile(r"^(the|al|el)\s+")
_JOINERS = re.compile(r"\b(e|i|ul|ud|ut|us|ur|al|el)\b")

# Ordered spelling alternations applied to a folded name to build its phonetic key.
_TRANSLITERATION: tuple[tuple[str, str], ...] = (
    (r"\bmo?ha?m+[ae]d\b", "muhammad"),
    (r"\bmuhammed\b", "muhammad"),
    (r"\bmohd\b", "muhammad"),
    (r"\bmuhamad\b", "muhammad"),
    (r"(?<=[a-z])ayy?[ai]?ba\b", "iba"),
    (r"(?<=[a-z])(?:yy?i|oi)ba\b", "iba"),
    (r"ae", "ai"),
    (r"ou", "u"),
    (r"oo", "u"),
    (r"ee", "i"),
    (r"ph", "f"),
    (r"q", "k"),
    (r"dh", "d"),
    (r"(?<=[a-z])y(?=[a-z])", "i"),
    (r"([a-z])\1", r"\1"),
    (r"aa", "a"),
    (r"ai", "i"),
)


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key ('Lashkar-e-Taiba' → 'lashkar e taiba')."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    text = text.replace("&", " and ")
    text = re.sub(r"['’`ʿʾ‘]", "", text)
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


@lru_cache(maxsize=1 << 16)
def phonetic_key(name: str) -> str:
    """A looser key that equates common romanisation variants ('Tayyiba' ~ 'Taiba', 'Mohammad' ~ 'Muhammad').

    Articles and Arabic/Urdu joiners ('-e-', 'ul', 'al') are dropped; doubled letters collapse.
    """
    text = _ARTICLES.sub("", fold(name))
    text = _JOINERS.sub(" ", text)
    for pattern, repl in _TRANSLITERATION:
        text = re.sub(pattern, repl, text)
    return re.sub(r"\s+", " ", text).strip()


def acronym(name: str) -> str:
    """Initials of the significant words: 'Islamic State Khorasan Province' → 'iskp'.

    Joiners ('e' in Lashkar-e-Taiba) are dropped, so 'Lashkar-e-Taiba' → 'lt' and the common
    'LeT' folds to 'let'; callers compare both forms (see `acronym_forms`).
    """
    words = [w for w in fold(name).split() if w not in {"of", "the", "and", "for", "in", "al", "el"}]
    return "".join(w[0] for w in words if w)


def acronym_forms(name: str) -> set[str]:
    """Every initialism a name is commonly written as: with and without joiner letters."""
    words = [w for w in fold(name).split() if w not in {"of", "the", "and", "for", "in"}]
    full = "".join(w[0] for w in words)
    bare = "".join(w[0] for w in words if w not in {"e", "i", "ul", "ud", "al", "el"})
    return {f for f in (full, bare) if len(f) >= 2}


def looks_like_acronym(text: str) -> bool:
    """'ISKP', 'LeT', 'TTP', 'JuD' — short, mostly upper-case, no spaces."""
    stripped = text.strip().replace(".", "")
    if not 2 <= len(stripped) <= 8 or " " in stripped:
        return False
    upper = sum(1 for c in stripped if c.isupper())
    return upper >= 2 and upper >= len(stripped) - 2


#: Words that name a group's people or its form rather than the group ("Huthi militia", "Houthi rebels").
_GROUP_WORDS = {"militia", "militias", "movement", "rebels", "rebel", "fighters", "fighter", "militants",
                "militant", "group", "forces", "insurgents", "organisation", "organization"}


def stem_key(name: str) -> str:
    """The phonetic key of a group's name without group words and plural ending: "Houthis", "the Houthi
    movement", "Huthi militia" and "Houthi rebels" all give "huthi"."""
    words = [w for w in phonetic_key(name).split() if w not in _GROUP_WORDS]
    if not words:
        return ""
    last = words[-1]
    if len(last) > 4 and last.endswith("s") and not last.endswith("ss"):
        words[-1] = last[:-1]
    return "".join(words)
