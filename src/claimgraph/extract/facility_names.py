"""Facility names ("Amsterdam Central Station", "Hotel Kabul", "Pakistan Stock Exchange"): the words that make a
name a facility's, and the place part of such a name (`extract/event_place.py` resolves it)."""

from __future__ import annotations

import re

# Capitalised words that begin facility names and also happen to be GeoNames towns ("University",
# Florida; "Paradise", Nevada): never a place on their own.
PLACE_STOPWORDS = {"university", "institute", "hospital", "church", "mosque", "market", "police", "station",
                    "airport", "hotel", "school", "college", "street", "square", "bridge", "park", "centre",
                    "center", "temple", "paradise", "reserve", "plaza", "palace", "court", "hall", "club",
                    "museum", "embassy", "consulate", "camp", "base", "mall", "metro", "cathedral", "shrine"}
# Words that end the place part of a facility's name ("Amsterdam Central Station", "Pakistan Stock Exchange").
FACILITY_WORDS = PLACE_STOPWORDS | {
    "exchange", "stadium", "arena", "synagogue", "gurdwara", "headquarters", "office", "offices", "bazaar",
    "theatre", "theater", "bar", "restaurant", "cafe", "rail", "railway", "bus", "terminal", "wrestling",
    "international", "central", "light", "parliament", "assembly", "academy", "compound", "prison", "jail",
    "garden", "gardens", "gate", "port", "harbour", "harbor", "cinema", "nightclub", "supercenter", "stock",
    "checkpoint", "barracks", "garrison", "council", "ministry", "press", "cultural", "education", "training"}


def is_facility_word(word: str) -> bool:
    return re.sub(r"['’]s?$", "", word.lower()) in FACILITY_WORDS


def facility_prefix(name: str) -> str | None:
    """The words of a facility or organisation name before its first facility word ("Amsterdam
    Central Station" → "Amsterdam"), or None when it has no facility word or nothing before it."""
    words = name.split()
    for i, w in enumerate(words):
        if is_facility_word(w):
            prefix = [x for x in words[:i] if x.lower() != "the"]
            return " ".join(prefix) if prefix and all(x[:1].isupper() for x in prefix) else None
    return None


def facility_suffix(name: str) -> str | None:
    """The capitalised words after a facility name's last facility word ("Inter Continental Hotel
    Kabul" → "Kabul"), or None. A leading "Central" is a direction ("Central Israel")."""
    words = name.split()
    last = max((i for i, w in enumerate(words) if is_facility_word(w) and (i or w.lower() != "central")), default=-1)
    rest = words[last + 1 :] if last >= 0 else []
    return " ".join(rest) if rest and all(x[:1].isupper() for x in rest) else None
