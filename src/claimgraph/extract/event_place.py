"""Where and when an incident happened: the place names and date phrases of its sentences.

The names go to the place resolver and the phrases to `timex.resolve_time`; choosing among them is
`events._place` / `events._date`. Kept apart from event_roles (who did what) to keep both small.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..records import Entity
from .types import ParsedSentence

LocalFn = Callable[[ParsedSentence, int], int]

_PLACE_LABELS = {"GPE", "LOC", "FAC", "PLACE", "FACILITY"}  # spaCy NER + gazetteer labels
_DATE_PREPS = {"in", "on", "since", "during", "from", "by", "until", "early", "late", "mid"}


PLACE, DEMONYM, WEAK_DEMONYM, PERSON_DEMONYM, INNER = "place", "demonym", "weak_demonym", "person_demonym", "inner"
_NOT_PLACES = {"DATE", "TIME", "ORDINAL", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "NORP"}


@dataclass(frozen=True, slots=True)
class PlaceName:
    """A name to resolve. `kind`: a place name, a demonym before a place noun ("the Afghan capital"),
    a weak demonym before anything else ("Yemeni soldiers"), a person's nationality ("an Afghan
    teenager", "Libyan born"), or a facility or organisation name whose words before or after its
    facility word may be a place ("Kabul University", "Hotel Kabul": `INNER`). `qualifier`: it follows another
    name after a comma ("Tripoli, Lebanon"), so it says where that name is."""

    name: str
    kind: str = PLACE
    qualifier: bool = False
    origin: bool = False  # where someone or something came from ("aid workers from France"), a weak hint


def _inside_group_name(tok: Token) -> bool:
    """A place word that is part of a group's name ("Islamic State – Khorasan Province")."""
    prev = tok.nbor(-1) if tok.i > 0 else None
    if prev is None or prev.lower_ not in ("–", "-", "of", "in"):
        return False
    before = prev.nbor(-1) if prev.i > 0 else None
    if before is None:
        return False
    if prev.lower_ in ("–", "-"):
        return before.pos_ == "PROPN"
    if before.lower_ in _PLACE_STOPWORDS:
        return False  # "the University of Karachi": a facility in a place, not a group's name
    return before.ent_type_ in ("ORG",) and before.ent_iob_ != "O"


def _qualifies(tok: Token) -> bool:
    """True for "Lebanon" in "Tripoli, Lebanon": a name right after a comma that follows a proper noun."""
    if tok.i < 2:
        return False
    comma, before = tok.nbor(-1), tok.nbor(-2)
    return comma.text == "," and before.pos_ == "PROPN"


_LOCATIVE = {"in", "near", "at", "outside", "inside", "across", "around", "of", "from", "into", "to", "toward",
             "towards", "between"}
# A demonym before one of these names the event's country ("the Afghan capital"); before people
# ("Yemeni soldiers") it is only a weak hint, and before "border" none at all.
_DEMONYM_HEADS = {"capital", "city", "town", "village", "province", "region", "district", "state", "port",
                  "coast", "countryside", "territory", "soil"}
# Capitalised words that begin facility names and also happen to be GeoNames towns ("University",
# Florida; "Paradise", Nevada): never a place on their own.
_PLACE_STOPWORDS = {"university", "institute", "hospital", "church", "mosque", "market", "police", "station",
                    "airport", "hotel", "school", "college", "street", "square", "bridge", "park", "centre",
                    "center", "temple", "paradise", "reserve", "plaza", "palace", "court", "hall", "club",
                    "museum", "embassy", "consulate", "camp", "base", "mall", "metro", "cathedral", "shrine"}
# Words that end the place part of a facility's name ("Amsterdam Central Station", "Pakistan Stock Exchange").
_FACILITY_WORDS = _PLACE_STOPWORDS | {
    "exchange", "stadium", "arena", "synagogue", "gurdwara", "headquarters", "office", "offices", "bazaar",
    "theatre", "theater", "bar", "restaurant", "cafe", "rail", "railway", "bus", "terminal", "wrestling",
    "international", "central", "light", "parliament", "assembly", "academy", "compound", "prison", "jail",
    "garden", "gardens", "gate", "port", "harbour", "harbor", "cinema", "nightclub", "supercenter", "stock",
    "checkpoint", "barracks", "garrison", "council", "ministry", "press", "cultural", "education", "training"}
# A country's facility abroad or a frontier: "the German consulate in Mazar", "near the border with Somalia".
_FOREIGN_HEADS = {"embassy", "consulate", "mission", "ambassador", "border", "frontier", "envoy"}


def _foreign(ent: SpacySpan) -> bool:
    """A name that says where the event is not: a demonym or country before "embassy"/"consulate"/
    "base", or after "border with"."""
    head = ent.root.head
    if head.lemma_.lower() in _FOREIGN_HEADS and head.i != ent.root.i:
        return True
    return head.dep_ == "prep" and head.head.lemma_.lower() in _FOREIGN_HEADS


def _origin(ent: SpacySpan) -> bool:
    """A name after "from" ("aid workers from France", "a jet that took off from Libya")."""
    head = ent.root.head
    return ent.root.dep_ == "pobj" and head.lower_ == "from"


# Head nouns that make a demonym a person's nationality, not the event's place.
_PERSON_HEADS = {"man", "woman", "men", "women", "teenager", "national", "nationals", "citizen", "citizens",
                 "refugee", "refugees", "tourist", "tourists", "student", "students", "worker", "workers",
                 "immigrant", "migrant", "seeker", "born", "origin", "descent", "youth", "boy", "girl",
                 "resident", "residents", "convert", "passport", "teen", "teenagers", "person",
                 "people", "nationality", "cyclist", "cyclists", "journalist", "journalists", "engineer",
                 "engineers", "couple", "family", "driver", "pilgrim", "pilgrims", "worshipper", "worshippers"}
_PLACE_FILLERS = {"the", "city", "town", "village", "province", "district", "capital", "region", "state", "of",
                  "area", "county", "governorate", ","}


def _is_facility_word(word: str) -> bool:
    return re.sub(r"['’]s?$", "", word.lower()) in _FACILITY_WORDS


def facility_prefix(name: str) -> str | None:
    """The words of a facility or organisation name before its first facility word ("Amsterdam
    Central Station" → "Amsterdam"), or None when it has no facility word or nothing before it."""
    words = name.split()
    for i, w in enumerate(words):
        if _is_facility_word(w):
            prefix = [x for x in words[:i] if x.lower() != "the"]
            return " ".join(prefix) if prefix and all(x[:1].isupper() for x in prefix) else None
    return None


def facility_suffix(name: str) -> str | None:
    """The capitalised words after a facility name's last facility word ("Inter Continental Hotel
    Kabul" → "Kabul"), or None."""
    words = name.split()
    last = max((i for i, w in enumerate(words) if _is_facility_word(w)), default=-1)
    rest = words[last + 1 :] if last >= 0 else []
    return " ".join(rest) if rest and all(x[:1].isupper() for x in rest) else None


_LINKERS = {"i", "e", "ul", "al", "el", "de", "du", "da", "di"}


def _extended(ent: SpacySpan) -> str:
    """A place name the NER cut at a lower-case linker: "Mazar" + "i Sharif"."""
    doc, end = ent.doc, ent.end
    if end + 1 < len(doc) and doc[end].lower_ in _LINKERS and doc[end + 1].is_title:
        stop = end + 2
        while stop < len(doc) and doc[stop].is_title and doc[stop].pos_ == "PROPN":
            stop += 1
        return doc[ent.start : stop].text
    return ent.text


def _demonym_kind(ent: SpacySpan) -> str:
    head = ent.root.head
    lemma = head.lemma_.lower()
    if lemma in _DEMONYM_HEADS:
        return DEMONYM
    if lemma in _PERSON_HEADS or head.lower_ in _PERSON_HEADS or ent.root.lower_ in _PERSON_HEADS \
            or head.ent_type_ == "PERSON":
        return PERSON_DEMONYM
    if ent.root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos") and ent.root.tag_ in ("NNPS", "NNS"):
        return PERSON_DEMONYM  # "injured 2 Americans": people, not a place
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if nxt is not None and (nxt.lower_ in _PERSON_HEADS or nxt.lemma_.lower() in _PERSON_HEADS):
        return PERSON_DEMONYM  # "a 27 year old Syrian refugee": the parser may hang it elsewhere
    return WEAK_DEMONYM


# Words a DATE entity is made of; any other proper noun the NER put in a date is a name ("at Victoria
# Station in Manchester on New Year's Eve": "Manchester" tagged DATE)
_CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
             "sunday", "new", "year", "eve", "day", "christmas", "easter", "eid", "ramadan"}


def _after_locative(tok: Token) -> bool:
    """True when a proper-noun run starts after "in", "near", "the city of", "a village in" ..."""
    i = tok.i - 1
    if i > 0 and tok.doc[i].lower_ == "of" and tok.doc[i - 1].lower_ in _PLACE_STOPWORDS:
        return True  # "the University of Karachi" (also "the Palace of Justice": Justice, Illinois)
    while i >= 0 and tok.doc[i].lower_ in _PLACE_FILLERS and tok.i - i <= 4:
        if tok.doc[i].lower_ == "of" and i > 0 and tok.doc[i - 1].lower_ in _PLACE_FILLERS:
            return True
        i -= 1
    return i >= 0 and tok.doc[i].lower_ in _LOCATIVE


def place_names(ps: ParsedSentence, entities: Sequence[Entity], local: LocalFn) -> list[PlaceName]:
    """Place names of a sentence to resolve, in text order. Sources: place entities, spaCy GPE/LOC/FAC
    (and gazetteer place) spans, proper-noun runs after a locative preposition whatever the NER called
    them (the small model tags "Herat" ORG and misses "Cameroon" in "the Far North Region of
    Cameroon"), and demonyms. Names inside a known actor's mention (a gazetteer match) are skipped."""
    found: dict[int, PlaceName] = {}
    actor_chars: set[int] = set()
    for e in entities:
        for m in e.mentions:
            if ps.start <= m.start and m.end <= ps.end:
                if e.type in ("place", "facility"):
                    found.setdefault(m.start, PlaceName(m.text))
                elif e.refs:  # a gazetteer actor; NER persons and orgs may be mis-tagged places
                    actor_chars.update(range(m.start, m.end))
    sent = ps.sent
    for ent in sent.ents:
        at = local(ps, ent.start_char)
        if ent.label_ in ("GPE", "NORP", "LOC") and _foreign(ent):
            actor_chars.update(range(at, at + len(ent.text)))  # not a proper-noun run below either
            continue
        if ent.label_ in _PLACE_LABELS and at not in actor_chars and not _inside_group_name(ent[0]) \
                or ent.label_ in ("PERSON", "ORG") and not ent.kb_id_ and _after_locative(ent[0]) \
                and ent[0].nbor(-1).lower_ not in ("by", "from"):
            found[at] = PlaceName(_extended(ent), PLACE, _qualifies(ent[0]), _origin(ent))
        elif ent.label_ == "NORP" and ent.root.head.lemma_.lower() != "border":
            found.setdefault(at, PlaceName(ent.text, _demonym_kind(ent)))
        elif ent.label_ == "ORG" and not ent.kb_id_ and at not in actor_chars:
            # "Medan Police's headquarters", "Pakistan Stock Exchange", "the Inter Continental Hotel Kabul"
            if facility_prefix(ent.text) or facility_suffix(ent.text):
                found.setdefault(at, PlaceName(ent.text, INNER))
    run: list[Token] = []
    for tok in [*sent, None]:
        if tok is not None and tok.pos_ == "PROPN" and tok.is_title and (
                tok.ent_type_ not in _NOT_PLACES or tok.ent_type_ == "DATE" and tok.lower_ not in _CALENDAR):
            run.append(tok)
            continue
        if run:
            at = local(ps, run[0].idx)
            nxt = run[-1].nbor(1) if run[-1].i + 1 < len(run[-1].doc) else None
            if at not in actor_chars and (_after_locative(run[0]) or _qualifies(run[0])) \
                    and not _inside_group_name(run[0]) \
                    and not (nxt is not None and nxt.lower_ == "of") \
                    and not (len(run) == 1 and run[0].lower_ in _PLACE_STOPWORDS):
                found.setdefault(at, PlaceName(" ".join(t.text for t in run), PLACE, _qualifies(run[0])))
            run = []
    return [found[k] for k in sorted(found)]


def date_phrases(sent: Doc | SpacySpan) -> list[str]:
    """DATE entities of a sentence with the preposition before them ("in March"), in text order."""
    out = []
    for ent in sent.ents:
        if ent.label_ != "DATE":
            continue
        prev = ent.doc[ent.start - 1] if ent.start > 0 else None
        text = ent.text
        if prev is not None and prev.lower_ in _DATE_PREPS and prev.i >= (sent.start if isinstance(sent, SpacySpan)
                                                                         else 0):
            text = f"{prev.text} {ent.text}"
        out.append(text)
    return out
