"""Cleaning a name as the NER found it: the determiners and titles that lead it, a possessive ending, a
reference marker, an unclosed bracket and quotes go; "General" stays when it begins a body's name."""

from __future__ import annotations

import re
from functools import cache

from ..nlp.unlisted_names import organisation_heads
from ..ontology import lexicon_words

#: words that lead a name and are not part of it; a title "Dr", never the "DR" of "DR Congo"
_STRIP_LEFT = re.compile(r"^(?!(?-i:DR)\s)(?:the|a|an|suspected|alleged|purported|former|late|senior|president|"
                         r"gen\.?|general|mr\.?|ms\.?|dr\.?)\s+", re.I)
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


def _names_a_body(word: str, rest: str) -> bool:
    """Whether "General" begins a body's name rather than a rank before a person's: the word after it is one of
    a body ("the General Security Service", "the General Directorate of Intelligence", "the General Staff")."""
    first = rest.split(maxsplit=1)[0].lower() if rest.strip() else ""
    return word.strip().lower() == "general" and (first in organisation_heads() or first in _general_body_words())


@cache
def _general_body_words() -> frozenset[str]:
    return lexicon_words("general_body_words")


def trim_name(text: str, start: int) -> tuple[str, int, int]:
    """Strip determiners, titles, possessive endings and quotes; return (text, start, end)."""
    t, s = text, start
    while True:
        m = _STRIP_LEFT.match(t)
        if not m or _names_a_body(m.group(0), t[m.end():]):
            break
        t, s = t[m.end():], s + m.end()
    t = re.split(r"\[\d*", t, maxsplit=1)[0]  # "al-Qaeda.[60" → "al-Qaeda" (reference markers)
    if "(" in t and ")" not in t:
        t = t.split("(", 1)[0]  # "International Islamic Relief Organization (IIRO"
    t2 = t.rstrip(" ,.;:")
    m = _POSSESSIVE.search(t2)
    if m and len(t2) > 3:
        t2 = t2[: m.start()]
    lead = len(t2) - len(t2.lstrip("“”‘’\"'( _*"))
    t3 = t2.strip("“”‘’\"'() _*")
    return t3, s + lead, s + lead + len(t3)
