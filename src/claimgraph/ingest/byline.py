"""Bylines: who wrote or spoke a copied text ("By Jane Doe", "Mr. VAN HOLLEN — 17 March 2010").

A byline is a short line near the top of an article that names its author, sometimes with a date,
an agency or a role after a separator. Hand-written patterns, because the libraries that find
authors (trafilatura, newspaper) read them from HTML markup and metadata, which copied text lacks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import PartialDate
from .dates import find_date

# a name word: "Jane", "O'Neil", "Al-Amin", "McCONNELL", "J.", "VAN"; lower-case particles between them
_WORD = r"(?:[A-Z][\w'’.\-]*|(?:al|el|ad|ud)-[A-Z][\w'’\-]*)"
_PARTICLE = r"(?:de|da|del|der|van|von|bin|ibn|al|el|la|le|du|di|dos|ten|ter)"
_NAME = rf"{_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_WORD}){{0,4}}"
_NAMES = rf"{_NAME}(?:\s*(?:&|\band\b)\s*{_NAME}){{0,3}}"
_SEPARATOR = r"\s*(?:[,|•·/]|\s[-–—]\s?|\s(?:on|at)\s)\s*"
# "By Jane Doe", "Written by Jane Doe and John Roe, Reuters", "By Jane Doe - 11/18/19 11:04 PM EST"
_BY = re.compile(
    rf"^(?i:(?:(?:written|words|story|text|reporting|report|posted|published)\s+)?by)\s*:?\s+(?P<name>{_NAMES})"
    rf"(?:{_SEPARATOR}(?P<rest>.*))?$"
)
# "Mr. VAN HOLLEN — 17 March 2010", "Ms. ROS-LEHTINEN — 30 September 2009" (Congressional Record)
_SPEAKER = re.compile(
    r"^(?P<name>(?:Mr|Mrs|Ms|Miss|Dr)\.\s+[A-Z][A-Za-z'’\-]*[A-Z][A-Za-z'’\- ]*?"
    r"(?:\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?)"
    r"\s+[-–—]+\s+(?P<rest>.+)$"
)
_ALONE = re.compile(r"^by\s*:?$", re.IGNORECASE)
_NAME_LINE = re.compile(rf"^{_NAMES}$")
MAX_LENGTH = 120  # characters; a longer line is a sentence, not a byline
# words that make "By ..." a phrase ("By Any Means Necessary", "Letters To The Editor"), not a name
_NOT_NAMES = frozenset(
    "the a an this that these those our my your his her its their to for with in on at from into any all "
    "some no every each far then now way staff admin editor editors team".split()
)


@dataclass(frozen=True, slots=True)
class Byline:
    author: str
    published: PartialDate | None = None


def find_byline(line: str, following: str | None = None) -> Byline | None:
    """The author (and date, if any) that `line` gives, else None.

    A bare "By" takes its name from `following`, the next line (sites that set the name apart).
    """
    text = line.strip(" `*_>#\t")
    if not text or len(text) > MAX_LENGTH:
        return None
    if _ALONE.match(text):
        name = (following or "").strip(" `*_")
        if name and len(name) <= 60 and _NAME_LINE.match(name) and _plausible(name):
            return Byline(name)
        return None
    m = _SPEAKER.match(text)
    if m:
        date = find_date(m.group("rest"))
        return Byline(m.group("name").strip(), date) if date is not None else None
    m = _BY.match(text)
    if m is None:
        return None
    name = _trim(m.group("name"))
    if not _plausible(name) or len(name.split()) < 2:
        return None  # one word after "By" is as often a phrase ("By Invitation") as a name
    rest = m.group("rest") or ""
    return Byline(name, find_date(rest) if rest else None)


def _plausible(name: str) -> bool:
    words = re.findall(r"[\w'’\-]+", name)
    return bool(words) and not any(w.lower() in _NOT_NAMES for w in words) and len(words) <= 12


def _trim(name: str) -> str:
    """Separators and a sentence's full stop off the name; an initial's or "Jr." stays."""
    name = name.strip(" ,")
    if name.endswith(".") and len(name.rsplit(" ", 1)[-1]) > 4:
        name = name[:-1]
    return name
