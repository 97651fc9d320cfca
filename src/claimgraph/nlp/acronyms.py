"""Acronyms the NER leaves unlabelled where the sentence says they name an armed group: the group whose
fighters it speaks of ("ULFA-I cadres", "NSCN-IM militants", "Maoists of the PLGA", "cadres of the KYKL").

    fighters_acronyms(doc) -> [(start, end)]   token ranges, to become ORG entities

Written by hand: the statistical NER misses short all-capital names of little-known groups, and no
library tags them; the parse around them (a fighters noun they qualify or complement) says what they are.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

#: the entity id the acronyms found here carry (`Span.id_`), so later steps know how they were found
FIGHTERS_ACRONYM = "fighters_acronym"
#: nouns for an armed group's people: an acronym the NER missed that qualifies one names the group
_FIGHTER_NOUNS = frozenset({"militant", "cadre", "fighter", "rebel", "insurgent", "guerrilla", "guerilla",
                            "terrorist", "jihadist", "gunman", "operative", "commander", "member"})
_ACRONYM = re.compile(r"[A-Z]{3,8}(?:-[A-Z]{1,3})?")


def fighters_acronyms(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the acronyms the NER left unlabelled that name whose fighters the text speaks of."""
    out: list[tuple[int, int]] = []
    i, last = 0, len(doc)
    while i < last:
        t = doc[i]
        j = i + 1
        if t.is_upper and t.is_alpha and j + 1 < last and doc[j].text == "-" and not t.whitespace_ \
                and not doc[j].whitespace_ and doc[j + 1].is_upper and doc[j + 1].is_alpha:
            j += 2  # "ULFA-I", "NSCN-IM"
        text = doc[i:j].text
        # unlabelled, or taken for a people ("NSCN-IM" as NORP): no nationality is written so
        if _ACRONYM.fullmatch(text) and all(doc[k].ent_type_ in ("", "NORP") for k in range(i, j)):
            head = doc[j - 1].head if doc[j - 1].head.i >= j else doc[i].head
            while head.dep_ == "compound" and head.head.i > head.i:
                head = head.head
            if head.dep_ == "prep" and head.lower_ == "of" and doc[i].dep_ in ("pobj", "compound"):
                head = head.head  # "Maoists of the PLGA"
            if head.lemma_.lower() in _FIGHTER_NOUNS or head.lower_ in {"maoists", "naxals", "naxalites"}:
                out.append((i, j))
        i = j
    return out
