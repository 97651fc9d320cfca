"""Forms of a listed name that the lists do not write, derived from the names they do (for the gazetteer):

    initialisms(names) -> {"ira", ...}        the initials of every run of 2–5 words of a record's names
    spelled_out(name, names, particles)      whether a three-letter acronym spells another of the names
    spells_out(name, names, particles)       whether a name is what an acronym among the others stands for
    branch_forms(actors) -> [(text, id)]     a regional branch named the other way round ("Khorasan Chapter of
                                             the Islamic State" for "Islamic State Khorasan Province") or with
                                             its parent's possessive ("the Islamic State's Khorasan Province")

Written by hand: no library derives these; each form comes from names a list or the curated file gives.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol


class _Named(Protocol):
    id: str
    name: str
    type: str
    aliases: tuple[str, ...]


def _words(name: str) -> list[str]:
    """A name's words as its initials read them: split at spaces, hyphens and slashes, each starting with a letter."""
    return [w for w in re.split(r"[\s\-/]+", name) if w[:1].isalpha()]


def initialisms(names: Iterable[str]) -> frozenset[str]:
    """Initials of every run of 2–5 words in a record's names: "CONTINUITY IRISH REPUBLICAN ARMY" gives
    "ira" (among others), so the "IRA" in "CONTINUITY IRA" is known to be an acronym."""
    out: set[str] = set()
    for n in names:
        words = _words(n)
        for i in range(len(words)):
            for j in range(i + 2, min(i + 5, len(words)) + 1):
                out.add("".join(w[0] for w in words[i:j]).lower())
    return frozenset(out)


def spelled_out(name: str, names: Iterable[str], particles: Iterable[str]) -> bool:
    """Whether a three-letter upper-case name is the initials of another of the same record's names, read
    with or without its particles ("LRA": "Lord's Resistance Army"; "HTS": "Hay'at Tahrir al-Sham")."""
    if not (len(name) == 3 and name.isalpha() and name.isupper()):
        return False
    skip = frozenset(particles)
    others = [n for n in names if n != name]
    content = [" ".join(w for w in _words(n) if w.lower() not in skip) for n in others]
    return name.lower() in initialisms([*others, *content])


def spells_out(name: str, names: Iterable[str], particles: Iterable[str]) -> bool:
    """Whether a name of several capitalised words is what an upper-case acronym among the record's other names
    stands for, read with or without its particles ("Allied Democratic Forces": "ADF")."""
    skip = frozenset(particles)
    words = _words(name)
    content = [w for w in words if w.lower() not in skip]
    if len(content) < 2 or not all(w[:1].isupper() for w in content):
        return False
    forms = {"".join(w[0] for w in words).upper(), "".join(w[0] for w in content).upper()}
    return any(n != name and n.isalpha() and n.isupper() and 2 <= len(n) <= 6 and n in forms for n in names)


#: how a branch's region comes after its parent group's name ("Islamic State Khorasan Province", "Islamic State
#: in the Greater Sahara", "al-Qaeda in the Arabian Peninsula", "Islamic State - Libya")
_BRANCH_JOIN = re.compile(r"^(?:(?:in|of) (?:the )?|[-–] )(?P<region>(?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+)(?: Province)?$"
                          r"|^(?P<named>(?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+) Province$")
#: the nouns a report turns a branch's name round with ("the Khorasan Chapter of the Islamic State")
_BRANCH_NOUNS = ("Province", "Chapter", "Branch", "Wing")
_GROUP_TYPES = ("armed_group", "organisation")


def branch_forms(actors: Sequence[_Named]) -> Iterator[tuple[str, str]]:
    """(form, actor id) for a regional branch named the other way round ("Khorasan Chapter of the Islamic State",
    "Arabian Peninsula Branch of al-Qaeda") or with its parent's possessive ("Islamic State's Khorasan Province"),
    for an actor named "<group> <region> Province", "<group> in the <region>" or "<group> - <region>", where
    <group> is another actor's name of two words or more (as incident databases name a branch)."""
    groups: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for a in actors:
        if a.type in _GROUP_TYPES:
            for n in (a.name, *a.aliases):
                if len(n.split()) >= 2:
                    groups[n.split()[0].lower()].append((n, a.id))
    for a in actors:
        if a.type not in _GROUP_TYPES:
            continue
        for n in (a.name, *a.aliases):
            for g, owner in groups.get(n.split()[0].lower(), ()):
                if owner == a.id or not n.startswith(g + " ") or (m := _BRANCH_JOIN.match(n[len(g) + 1:])) is None:
                    continue
                region = m.group("region") or m.group("named")
                for noun in _BRANCH_NOUNS:
                    for the in ("the ", ""):
                        yield f"{region} {noun} of {the}{g}", a.id
                    for mark in ("'s", "’s"):  # "the Islamic State's West Africa Province"
                        yield f"{g}{mark} {region} {noun}", a.id
