"""The place names of an incident's sentences, to resolve: place entities, spaCy GPE/LOC/FAC spans, proper-noun runs
after a locative, demonyms, and the patterns of `resolve/places.yaml` ("Odisha's Malkangiri district", "the
Chitrkonda area of Malkangiri district", "village Koki Khel", "in Leigh on Sea, Essex"), each a `PlaceName` with
what the words around it say (a qualifier, where something came from, where a teller is). `event_place` chooses
among them. Kept apart from the choice to keep both small.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..records import Entity
from ..resolve.names import fold
from ..resolve.place_index import demonym_keys as demonyms
from ..resolve.place_index import load_index, read_data
from ..resolve.places import kind_words, relative_position_words
from . import unlisted_place as up
from .facility_names import FACILITY_WORDS, PLACE_STOPWORDS, facility_prefix, facility_suffix, is_facility_word
from .place_cues import (
    CAPITAL,
    DEMONYM_HEADS,
    INNER,
    OWNER,
    PLACE,
    STATE_FORCES,
    WEAK_DEMONYM,
    branch_country,
    demonym_kind,
    described,
    describing_a_group,
    describing_a_person,
    hyphen_qualified,
    route_ends,
    run_on,
    taken_from,
    teller_place,
)
from .place_cues import COMPASS as _COMPASS
from .place_cues import capital_of as _capital_of
from .place_cues import extended as _extended
from .place_cues import foreign as _foreign
from .place_cues import language as _language
from .place_cues import origin as _origin
from .place_cues import owner_of_actor as _owner_of_actor
from .types import ParsedSentence

LocalFn = Callable[[ParsedSentence, int], int]

_PLACE_LABELS = {"GPE", "LOC", "FAC", "PLACE", "FACILITY"}  # spaCy NER + gazetteer labels

_NOT_PLACES = {"DATE", "TIME", "ORDINAL", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "NORP"}
#: number labels the NER may give a name it does not know
_COUNTS = {"ORDINAL", "CARDINAL", "QUANTITY"}


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
    within: str | None = None  # the place a pattern says it lies in ("Odisha" of "Odisha's Malkangiri district")
    listed: bool = False  # `within` only follows it after a comma ("in Leigh on Sea, Essex"): maybe a list
    strict: bool = False  # no place entity or pattern backs it (a proper-noun run, a facility's first words)
    pattern: bool = False  # a `places.yaml` pattern found it: a place even where the index does not know it
    short: str | None = None  # the NER's name, where a longer run of names was tried first ("Dera" of "Dera Murad")
    direction: str | None = None  # a compass word before a country ("southern" of "in southern Israel")
    described: bool = False  # a phrase beside it gives its country ("Kaya, a South Sudanese town"): a town there
    at_place: bool = False  # a place to the NER, right after "in", "near", "at" ...: a town even where not indexed
    located: bool = False  # right after "in", "near", "at" ...: where, not whose ("the governor of Balkh ... at his
    # office in Mazar-i-Sharif")
    teller: bool = False  # where one who tells it is ("a security source in Niamey"): no sign of where it happened


def _inside_group_name(tok: Token) -> bool:
    """A place word that is part of a group's name ("Islamic State – Khorasan Province"); not a name followed by a
    lower-case kind word ("fighters of the Syrian Democratic Forces in Deir ez-Zor province": a place)."""
    after = next((t for t in tok.doc[tok.i : tok.i + 6] if not (t.is_title or t.pos_ == "PROPN" or t.text in "-–")),
                 None)
    if after is not None and after.is_lower and after.lower_ in kind_words():
        return False
    prev = tok.nbor(-1) if tok.i > 0 else None
    if prev is None or prev.lower_ not in ("–", "-", "of", "in"):
        return False
    before = prev.nbor(-1) if prev.i > 0 else None
    if before is None:
        return False
    if prev.lower_ in ("–", "-"):
        return before.pos_ == "PROPN"
    if before.lower_ in PLACE_STOPWORDS:
        return False  # "the University of Karachi": a facility in a place, not a group's name
    return before.ent_type_ in ("ORG",) and before.ent_iob_ != "O"


def _qualifies(tok: Token) -> bool:
    """True for "Lebanon" in "Tripoli, Lebanon": a name right after a comma that follows a proper noun."""
    if tok.i < 2:
        return False
    comma, before = tok.nbor(-1), tok.nbor(-2)
    return comma.text == "," and before.pos_ == "PROPN"


_LOCATIVE = {"in", "near", "at", "outside", "inside", "across", "around", "of", "from", "into", "to", "toward",
             "towards", "between", "off"}
_PLACE_FILLERS = {"the", "city", "town", "village", "province", "district", "capital", "region", "state", "of",
                  "area", "county", "governorate", ","}


# Words a DATE entity is made of; any other proper noun the NER put in a date is a name ("at Victoria
# Station in Manchester on New Year's Eve": "Manchester" tagged DATE)
_CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
             "sunday", "new", "year", "eve", "day", "christmas", "easter", "eid", "ramadan"}


# Prepositions that put what follows at a place ("in X", "near X"): a capitalised name after one is a
# pattern match; after "to", "from", "of" it may be anything ("Thanks to God").
_AT_PLACE = {"in", "near", "at", "outside", "inside", "around", "off"}  # "off Hodeidah": at sea near it


def _in_place(tok: Token) -> bool:
    """A name right after "in", "near", "at" ... (or "in the"), or after a position relative to it ("12 km
    southeast of Balcad", "on the outskirts of Balcad")."""
    if _relative(tok):
        return True
    i = tok.i - 1
    if i >= 0 and tok.doc[i].lower_ == "the":
        i -= 1
    return i >= 0 and tok.doc[i].lower_ in _AT_PLACE or tok.i > 0 and tok.doc[tok.i - 1].lower_ == "capital"


def _relative(tok: Token) -> bool:
    """A name after a position relative to it ("12 km southeast of Balcad")."""
    return tok.i > 1 and tok.doc[tok.i - 1].lower_ == "of" and tok.doc[tok.i - 2].lower_ in relative_position_words()


def _at_place(ent: SpacySpan) -> bool:
    """A name right after "in", "near", "at" ... that is not a compass word ("in the South"), the owner of the
    name after it ("in Shoket es Sufi's Shopian district") nor a word of a longer name ("near the Kawsar educational
    center")."""
    doc = ent.doc
    after = doc[ent.end : ent.end + 3]
    owner = next((t for t in after if t.is_punct or t.pos_ == "ADP" or t.lower_ in ("'s", "’s")), None)
    modifies = ent.end < len(doc) and doc[ent.end].is_lower and doc[ent.end].pos_ in ("NOUN", "ADJ")
    return _in_place(ent[0]) and not all(t.lower_ in _COMPASS for t in ent if t.is_alpha) and not modifies \
        and not (owner is not None and owner.lower_ in ("'s", "’s"))


def _names_site(run: Sequence[Token]) -> bool:
    """A name that modifies a place noun after "in a", "at the", "near a" ... ("in a Parachinar market", "at a
    Kabul hospital", "near the Quetta bypass"): the place the site is in. Not before other nouns ("in a Toyota
    pickup", "in a US drone strike")."""
    first, last = run[0], run[-1]
    doc = first.doc
    if first.i < 2 or last.i + 1 >= len(doc) or doc[first.i - 1].lower_ not in ("a", "an", "the"):
        return False
    after = doc[last.i + 1]
    return doc[first.i - 2].lower_ in _AT_PLACE and after.is_lower and (
        after.lower_ in FACILITY_WORDS or after.lemma_.lower() in FACILITY_WORDS | DEMONYM_HEADS)


def _after_locative(tok: Token) -> bool:
    """True when a proper-noun run starts after "in", "near", "the city of", "a village in" ..."""
    i = tok.i - 1
    if i >= 0 and tok.doc[i].lower_ == "capital":
        return True  # "the capital Colombo"
    if i > 0 and tok.doc[i].lower_ == "of" and tok.doc[i - 1].lower_ in PLACE_STOPWORDS:
        return True  # "the University of Karachi" (also "the Palace of Justice": Justice, Illinois)
    while i >= 0 and tok.doc[i].lower_ in _PLACE_FILLERS and tok.i - i <= 4:
        if tok.doc[i].lower_ == "of" and i > 0 and tok.doc[i - 1].lower_ in _PLACE_FILLERS:
            return True
        i -= 1
    return i >= 0 and tok.doc[i].lower_ in _LOCATIVE


def place_names(ps: ParsedSentence, entities: Sequence[Entity], local: LocalFn,
                skip: range = range(0)) -> list[PlaceName]:
    """Place names of a sentence to resolve, in text order. Sources: place entities, spaCy GPE/LOC/FAC
    (and gazetteer place) spans, proper-noun runs after a locative preposition whatever the NER called
    them (the small model tags "Herat" ORG and misses "Cameroon" in "the Far North Region of
    Cameroon"; these are `strict`), demonyms, and pattern matches (`places.yaml`), which replace what
    starts where they start. Names inside a known actor's mention (a gazetteer match) are skipped, and so
    are names at document offsets in `skip` (the dateline)."""
    found: dict[int, PlaceName] = {}
    actor_chars: set[int] = set()
    place_spans: list[tuple[int, int]] = []  # the NER's names inside a longer place mention are parts of it
    base = ps.sent.start_char if isinstance(ps.sent, SpacySpan) else 0
    doc = ps.sent.doc if isinstance(ps.sent, SpacySpan) else ps.sent
    for e in entities:
        for m in e.mentions:
            if ps.start <= m.start and m.end <= ps.end and m.start not in skip:
                if e.type in ("place", "facility"):
                    # where something came from or someone is, as for the NER's names below ("a local commander
                    # who has operated around Téra": the index knows Téra, the NER does not)
                    span = doc.char_span(m.start - ps.start + base, m.end - ps.start + base, alignment_mode="expand")
                    found.setdefault(m.start, PlaceName(m.text, origin=span is not None and _origin(span)))
                    place_spans.append((m.start, m.end))
                elif e.refs:  # a gazetteer actor; NER persons and orgs may be mis-tagged places
                    actor_chars.update(range(m.start, m.end))
    sent = ps.sent
    for ent in sent.ents:
        at = local(ps, ent.start_char)
        if ent.label_ in ("GPE", "NORP", "LOC", "PLACE") and (_foreign(ent) or branch_country(ent)) \
                or ent.label_ in ("ORG", "PERSON") and hyphen_qualified(ent):  # "at the Maputo-based institute"
            actor_chars.update(range(at, at + len(ent.text)))  # not a proper-noun run below either
            found.pop(at, None)  # nor the place entity it names
            continue
        if at in skip or any(a <= at and at + len(ent.text) <= b and b - a > len(ent.text) for a, b in place_spans):
            continue  # "DR" and "Congo" of the place "DR Congo"
        named = ent.label_ in _PLACE_LABELS and at not in actor_chars and not _inside_group_name(ent[0]) \
            and not (ent.label_ == "GPE" and (_owner_of_actor(ent) or _country_of_forces(ent))) and not _capital_of(ent)
        if named or ent.label_ in ("PERSON", "ORG") and not ent.kb_id_ and (
                _after_locative(ent[0]) and ent[0].nbor(-1).lower_ not in ("by", "from") or taken_from(ent.root)):
            longer = run_on(ent, is_facility_word) if ent.label_ == "GPE" else None
            before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
            found[at] = PlaceName(longer or _extended(ent), PLACE, _qualifies(ent[0]), _origin(ent),
                                  strict=not named and not _in_place(ent[0]) and not taken_from(ent.root),
                                  short=ent.text if longer else None,
                                  direction=before if before in _COMPASS else None, described=described(ent),
                                  at_place=_at_place(ent) and (ent.label_ == "GPE" or ent.label_ != "LOC" and any(
                                      a == at for a, _ in place_spans)),
                                  located=_in_place(ent[0]) and not teller_place(ent), teller=teller_place(ent))
        elif ent.label_ in _PLACE_LABELS and _capital_of(ent):
            found[at] = PlaceName(ent.text, CAPITAL)  # "Syria's capital"
        elif ent.label_ == "GPE" and (_owner_of_actor(ent) or _country_of_forces(ent)):
            for k in [k for k in found if at <= k < at + len(ent.text)]:
                del found[k]  # the place entity inside the name ("The United States" → "United States")
            found[at] = PlaceName(ent.text, OWNER)  # "Yemen's Houthis": whose, not where
        elif ent.label_ == "NORP" and ent.root.head.lemma_.lower() != "border" and not _language(ent):
            found.setdefault(at, PlaceName(ent.text, demonym_kind(ent)))
        elif ent.label_ == "ORG" and not ent.kb_id_ and at not in actor_chars:
            # "Medan Police's headquarters", "Pakistan Stock Exchange", "the Inter Continental Hotel Kabul"
            if facility_prefix(ent.text) or facility_suffix(ent.text):
                found.setdefault(at, PlaceName(ent.text, INNER, strict=True))
            elif fold(ent[0].text) in demonyms() and any(t.lower_ in STATE_FORCES for t in ent[1:]):
                found.setdefault(at, PlaceName(ent[0].text, WEAK_DEMONYM))  # "the Indian Army": whose forces
    run: list[Token] = []
    for tok in [*sent, None]:
        if tok is not None and tok.pos_ == "PROPN" and tok.is_title and (
                tok.ent_type_ not in _NOT_PLACES or tok.ent_type_ == "DATE" and tok.lower_ not in _CALENDAR
                or tok.ent_type_ in _COUNTS and not tok.like_num):  # "the post at Tongomayel" tagged CARDINAL
            run.append(tok)
            continue
        if run:
            at = local(ps, run[0].idx)
            nxt = run[-1].nbor(1) if run[-1].i + 1 < len(run[-1].doc) else None
            site = _names_site(run)
            if at not in actor_chars and at not in skip and (_after_locative(run[0]) or _qualifies(run[0]) or site) \
                    and not _inside_group_name(run[0]) \
                    and not (nxt is not None and nxt.lower_ == "of") \
                    and not (len(run) == 1 and run[0].lower_ in PLACE_STOPWORDS):
                found.setdefault(at, PlaceName(" ".join(t.text for t in run), PLACE, _qualifies(run[0]),
                                               strict=not (_in_place(run[0]) or site), located=_in_place(run[0])))
            run = []
    for at, pn in _pattern_names(ps, local, actor_chars).items():
        if at not in skip:
            found[at] = pn
    aside = _aside_words(ps, entities, local)
    # (a name that holds an aside word: "the Gwadar" of "the Gwadar-Hoshab section")
    return [found[k] for k in sorted(found) if not any(k <= a < k + len(found[k].name) for a in aside)]


def _aside_words(ps: ParsedSentence, entities: Sequence[Entity], local: LocalFn) -> set[int]:
    """Document offsets of the words that say where no act was: a listed group's apposition, a relative clause on a
    person and a route's ends (place_cues.describing_a_group, describing_a_person, route_ends)."""
    groups = {a for e in entities if e.type not in ("place", "facility", "person", "group_identity") and e.refs
              for m in e.mentions if ps.start <= m.start < ps.end for a in range(m.start, m.end)}
    words = route_ends(ps.sent) + describing_a_person(ps.sent)
    if groups:
        words += describing_a_group(ps.sent, lambda t: local(ps, t.idx) in groups)
    return {local(ps, t.idx) for t in words}


# ------------------------------------------------------------------------------------------ patterns


def load_tables() -> None:
    """Build the word tables of place patterns now (an Extractor does so when it is built), not inside the first
    document that needs them."""
    faiths(), demonyms(), _patterns(), up.load_tables()


@cache
def faiths() -> frozenset[str]:
    return frozenset(fold(str(d)) for d in read_data().get("faiths") or ())


def _country_of_forces(ent: SpacySpan) -> bool:
    """A country's name before a word for its forces ("the US military", "Somalia army troops"): whose forces,
    not where they acted (a town's is its own police's and may be where: "Kabul police")."""
    head = ent.root.head
    if not (ent.root.dep_ in ("compound", "det", "nmod", "amod") and head.i == ent.end and head.is_lower
            and head.lower_ in STATE_FORCES):
        return False
    name, keys = re.sub(r"^the\s+", "", ent.text, flags=re.IGNORECASE), load_index().country_keys
    return fold(name) in keys or name.isupper() and fold(".".join(name) + ".") in keys  # "US" as "U.S."


@cache
def _water_words() -> frozenset[str]:
    return frozenset(str(w) for w in read_data().get("water_words") or ())


def is_water(name: str) -> bool:
    """A water's name: "the Red Sea", "Gulf of Aden", "Bab el-Mandeb Strait"."""
    return any(w in _water_words() for w in fold(name).split())


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    data = read_data()
    kinds = "|".join(sorted((re.escape(k) for k in data.get("kind_words") or {}), key=len, reverse=True))
    kind = f"(?:{kinds}|{kinds.title()}|{kinds.upper()})".replace("||", "|")
    name = str(data["name_pattern"])
    qualifier = str(data["qualifier_pattern"])
    modifier = str(data.get("modifier_pattern") or "(?!)")
    position = "|".join(sorted(map(re.escape, relative_position_words()), key=len, reverse=True)) or "(?!)"
    out = []
    for p in data.get("patterns") or ():
        text = str(p).replace("{N}", name).replace("{Q}", qualifier).replace("{K}", kind).replace("{M}", modifier) \
            .replace("{R}", position)
        out.append(re.compile(text))
    return tuple(out)


#: a word of a division's name that news often writes in lower case ("middle Shabelle region", "lower Dir district",
#: "upper Nile state"), right before the capitalised rest
_PART_BEFORE = re.compile(r"(?<![\w-])(upper|lower|middle) $")

#: a possessive pronoun right before a name: what follows is a body's own ("its Shahada News Agency")
_OWNED = re.compile(r"\b(?:its|their|his|her)\s+$", re.IGNORECASE)
#: an indefinite article right before a name that a kind word follows: the name says what kind of place it is
#: ("a Meitei village", "a Kanuri village", "an Alawite town"), it is none's own name
_KIND_OF = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)


def _abbreviates(short: str, name: str) -> bool:
    """Whether `short` is written as the initials of `name` ("BGB" of "Border Guard Bangladesh"), or of a longer
    name that ends in it ("NISA" of "National Intelligence and Security Agency", the pattern's name being only
    "Security Agency")."""
    if not short.isupper() or len(short) < 2:
        return False
    words = re.split(r"[\s-]+", name.strip())
    run: list[str] = []
    for w in reversed(words):
        if not w or not (w[0].isupper() or w.lower() in _NAME_JOINERS):
            break
        run.insert(0, w)
        if short.replace("-", "") == "".join(x[0] for x in run if x[0].isupper()):
            return True
    return False


#: small words inside an organisation's name ("National Intelligence and Security Agency")
_NAME_JOINERS = frozenset({"and", "of", "for", "the", "al", "el"})


def _pattern_names(ps: ParsedSentence, local: LocalFn, actor_chars: set[int]) -> dict[int, PlaceName]:
    """Names the `places.yaml` patterns find in a sentence, by document offset; the first pattern that
    matches a span wins, and a match that touches a known actor's name is ignored ("Islamic State's
    Khorasan Province")."""
    sent = ps.sent
    text = sent.text
    base = sent.start_char if isinstance(sent, SpacySpan) else 0
    out: dict[int, PlaceName] = {}
    taken: list[tuple[int, int]] = []
    for pattern in _patterns():
        for m in pattern.finditer(text):
            start, end = m.span()
            spans = [m.span(g) for g in ("name", "kind") if m.groupdict().get(g)]  # free, unlike a qualifier
            named = (min(a for a, _ in spans), max(b for _, b in spans))
            if any(s < named[1] and named[0] < e for s, e in taken):
                continue
            at = local(ps, base + m.start("name"))
            span = range(local(ps, base + start), local(ps, base + end))
            if any(c in actor_chars for c in span):
                continue
            doc = sent.doc if isinstance(sent, SpacySpan) else sent
            first = doc.char_span(base + m.start("name"), base + m.end("name"), alignment_mode="expand")
            if first is not None and _inside_group_name(first[0]):
                continue
            groups = m.groupdict()
            name = groups["name"]
            if fold(name) in demonyms() or fold(name).split()[0] in faiths():
                continue  # "the northern Iraqi town of Al Shirqat", "the Christian area": no place's name
            if _OWNED.search(text, 0, start):
                continue  # "a statement carried by its Shahada News Agency": a body's own outlet or unit
            if groups.get("kind") and m.start("kind") > m.start("name") and _KIND_OF.search(text, 0, m.start("name")):
                continue  # "fired on a Meitei village in Bishnupur district": the people who live there
            if (part := _PART_BEFORE.search(text, 0, m.start("name"))) is not None:
                name = f"{part.group(1).title()} {name}"  # "from middle Shabelle region": the region's whole name
            if groups.get("kind"):
                name = f"{groups['kind']} {name}" if m.start("kind") < m.start("name") else f"{name} {groups['kind']}"
            within = groups.get("qualifier") or groups.get("listed")
            if within and _abbreviates(within, text[: named[1]]):
                continue  # "members of Border Guard Bangladesh (BGB)": the body's initials, no place it lies in
            out[at] = PlaceName(name, PLACE, within=within, listed=bool(groups.get("listed")), pattern=True,
                                origin=first is not None and _origin(first),  # "from the port city of Aden"
                                at_place=first is not None and _relative(first[0]),
                                located=first is not None and _in_place(first[0]) and not teller_place(first),
                                teller=first is not None and teller_place(first))
            taken.append(named)
    return out
