"""Where and when an incident happened: the place names and date phrases of its sentences, and the choice
of the incident's place (`incident_place`).

Place names come from place entities, spaCy GPE/LOC/FAC spans, proper-noun runs after a locative, demonyms,
and the patterns of `resolve/places.yaml` ("Odisha's Malkangiri district", "the Chitrkonda area of
Malkangiri district", "village Koki Khel", "in Leigh on Sea, Essex"), whose qualifier picks the namesake.
A dateline ("DUBAI (Reuters) -", "QUETTA, Pakistan:", "Srinagar, Oct 7:") is where the story was filed: its
names are context for the resolver and, when the incident's paragraph names no place at all, a last-resort
country. A pattern's name the index lacks ("Hudur town, Bakool region") is kept as written inside the
division that encloses it (`unlisted_place`). Date phrases (`dateline.date_phrases`, re-exported here) go to
`timex.resolve_time` (`events._date`). Kept apart from event_roles (who did what) to keep both small.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..nlp.descriptive import forces_countries
from ..records import Entity, Place
from ..resolve.names import fold
from ..resolve.place_index import load_index, read_data
from ..resolve.places import kind_words, relative_position_words
from . import unlisted_place as up
from .dateline import Dateline, date_phrases, find_dateline  # noqa: F401 - re-exported
from .facility_names import FACILITY_WORDS, PLACE_STOPWORDS, facility_prefix, facility_suffix, is_facility_word
from .name_context import titles
from .place_cues import (
    APPOS_DEMONYM,
    CAPITAL,
    DEMONYM,
    DEMONYM_HEADS,
    INNER,
    OWNER,
    PERSON_DEMONYM,
    PLACE,
    STATE_FORCES,
    WEAK_DEMONYM,
    branch_country,
    by_direction,
    demonym_kind,
    described,
    describing_a_group,
    named_of,
    route_ends,
    run_on,
    teller_place,
)
from .place_cues import COMPASS as _COMPASS
from .place_cues import capital_of as _capital_of
from .place_cues import extended as _extended
from .place_cues import foreign as _foreign
from .place_cues import language as _language
from .place_cues import origin as _origin
from .place_cues import owner_of_actor as _owner_of_actor
from .types import ExtractContext, ParsedSentence

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
             "towards", "between"}
_PLACE_FILLERS = {"the", "city", "town", "village", "province", "district", "capital", "region", "state", "of",
                  "area", "county", "governorate", ","}


# Words a DATE entity is made of; any other proper noun the NER put in a date is a name ("at Victoria
# Station in Manchester on New Year's Eve": "Manchester" tagged DATE)
_CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
             "sunday", "new", "year", "eve", "day", "christmas", "easter", "eid", "ramadan"}


# Prepositions that put what follows at a place ("in X", "near X"): a capitalised name after one is a
# pattern match; after "to", "from", "of" it may be anything ("Thanks to God").
_AT_PLACE = {"in", "near", "at", "outside", "inside", "around"}


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
    for e in entities:
        for m in e.mentions:
            if ps.start <= m.start and m.end <= ps.end and m.start not in skip:
                if e.type in ("place", "facility"):
                    found.setdefault(m.start, PlaceName(m.text))
                    place_spans.append((m.start, m.end))
                elif e.refs:  # a gazetteer actor; NER persons and orgs may be mis-tagged places
                    actor_chars.update(range(m.start, m.end))
    sent = ps.sent
    for ent in sent.ents:
        at = local(ps, ent.start_char)
        if ent.label_ in ("GPE", "LOC") and len(ent) == 1 and ent[0].lower_.rstrip(".") in titles():
            continue  # "Brig. Gen. Yahya Saree": a rank before a name (the NER took "Brig." for a town)
        if ent.label_ in ("GPE", "NORP", "LOC", "PLACE") and (_foreign(ent) or branch_country(ent)):
            actor_chars.update(range(at, at + len(ent.text)))  # not a proper-noun run below either
            found.pop(at, None)  # nor the place entity it names
            continue
        if at in skip or any(a <= at and at + len(ent.text) <= b and b - a > len(ent.text) for a, b in place_spans):
            continue  # "DR" and "Congo" of the place "DR Congo"
        named = ent.label_ in _PLACE_LABELS and at not in actor_chars and not _inside_group_name(ent[0]) \
            and not (ent.label_ == "GPE" and (_owner_of_actor(ent) or _country_of_forces(ent))) and not _capital_of(ent)
        if named or ent.label_ in ("PERSON", "ORG") and not ent.kb_id_ and _after_locative(ent[0]) \
                and ent[0].nbor(-1).lower_ not in ("by", "from"):
            longer = run_on(ent, is_facility_word) if ent.label_ == "GPE" else None
            before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
            found[at] = PlaceName(longer or _extended(ent), PLACE, _qualifies(ent[0]), _origin(ent),
                                  strict=not named and not _in_place(ent[0]), short=ent.text if longer else None,
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
            elif fold(ent[0].text) in _demonyms() and any(t.lower_ in STATE_FORCES for t in ent[1:]):
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
    """Document offsets of the words that say where no act was: a listed group's apposition and a route's ends
    (place_cues.describing_a_group, route_ends)."""
    groups = {a for e in entities if e.type not in ("place", "facility", "person", "group_identity") and e.refs
              for m in e.mentions if ps.start <= m.start < ps.end for a in range(m.start, m.end)}
    words = route_ends(ps.sent)
    if groups:
        words += describing_a_group(ps.sent, lambda t: local(ps, t.idx) in groups)
    return {local(ps, t.idx) for t in words}


# ------------------------------------------------------------------------------------------ patterns


def load_tables() -> None:
    """Build the word tables of place patterns now (an Extractor does so when it is built), not inside the first
    document that needs them."""
    _faiths(), _demonyms(), _patterns(), up.load_tables()


@cache
def _faiths() -> frozenset[str]:
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


def _water(name: str) -> bool:
    """A water's name: "the Red Sea", "Gulf of Aden", "Bab el-Mandeb Strait"."""
    return any(w in _water_words() for w in fold(name).split())


@cache
def _demonyms() -> frozenset[str]:
    """The place index's demonyms (folded)."""
    return frozenset(load_index().demonyms)


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


#: a possessive pronoun right before a name: what follows is a body's own ("its Shahada News Agency")
_OWNED = re.compile(r"\b(?:its|their|his|her)\s+$", re.IGNORECASE)


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
            if fold(name) in _demonyms() or fold(name).split()[0] in _faiths():
                continue  # "the northern Iraqi town of Al Shirqat", "the Christian area": no place's name
            if _OWNED.search(text, 0, start):
                continue  # "a statement carried by its Shahada News Agency": a body's own outlet or unit
            if groups.get("kind"):
                name = f"{groups['kind']} {name}" if m.start("kind") < m.start("name") else f"{name} {groups['kind']}"
            within = groups.get("qualifier") or groups.get("listed")
            out[at] = PlaceName(name, PLACE, within=within, listed=bool(groups.get("listed")), pattern=True,
                                origin=first is not None and _origin(first),  # "from the port city of Aden"
                                at_place=first is not None and _relative(first[0]),
                                located=first is not None and _in_place(first[0]) and not teller_place(first),
                                teller=first is not None and teller_place(first))
            taken.append(named)
    return out


# ------------------------------------------------------------------------------------------ choosing

_DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
               "northwest", "northeast", "southwest", "southeast", "north-west", "north-east", "south-west",
               "south-east", "upper", "lower", "the"}
# weights of the place vote (see `incident_place`)
_W_PLACE, _W_LOOSE, _W_QUALIFIER, _W_DEMONYM, _W_WEAK, _W_PERSON, _W_INNER = 1.0, 0.5, 3.0, 1.0, 0.5, 0.25, 0.75
_W_ORIGIN = 0.25  # factor for a place something came from
_W_HINTS = 0.75  # the most that nationalities before forces, people or things give one country: less than
# one place named outright
_SPECIFIC = {"city": 0, "district": 1, "province": 2, "region": 3, "country": 4}

Resolve = Callable[[PlaceName, str], "Place | None"]


def _resolver(ctx: ExtractContext, context: Sequence[str]) -> Resolve:
    """`(place name, text) → Place`: with the document's other place names as context, the name's
    qualifier and strictness when the context's resolver is a PlaceResolver method (it ranks "Hyderabad"
    next to "Sindh" as the Pakistani city); else the context's plain resolver."""
    owner = getattr(ctx.place_resolver, "__self__", None)
    resolve = getattr(owner, "resolve", None)
    if resolve is None:
        return lambda pn, text: ctx.resolve_place(text)
    return lambda pn, text: resolve(text, context, pn.within, strict=pn.strict, listed=pn.listed)


def _by_direction(resolve: Resolve, direction: str, country: Place | None) -> Place | None:
    return by_direction(lambda text, within: resolve(PlaceName(text, within=within), text), direction, country)


def _resolve_loosely(resolve: Resolve, pn: PlaceName) -> tuple[Place | None, bool]:
    """The name as written (exact: True); else without leading direction words ("north west Pakistan",
    "Southern Philippines"; exact: False)."""
    place = resolve(pn, pn.name)
    if place is not None:
        first = pn.name.split()[0].lower()  # "Central Israel" as one name
        direction = pn.direction or (first if first in _COMPASS and " " in pn.name else None)
        return (direction and _by_direction(resolve, direction, place)) or place, True
    if pn.short and (place := resolve(pn, pn.short)) is not None:
        return place, True
    words = pn.name.split()
    while words and words[0].lower() in _DIRECTIONS:
        words = words[1:]
    if words and len(words) < len(pn.name.split()):
        place = resolve(pn, " ".join(words))
        direction = pn.name.split()[0].lower()
        finer = _by_direction(resolve, direction, place) if direction in _COMPASS else None
        return (finer, True) if finer is not None else (place, False)
    return None, False


def _resolve_inner(resolve: Resolve, pn: PlaceName, name: str, suffix: str | None = None) -> Place | None:
    """The place a facility's name starts with ("Kabul University" → Kabul, "Amsterdam Central
    Station" → Amsterdam): its leading words, longest first; else the words after its facility
    word (`suffix`: "Inter Continental Hotel Kabul" → Kabul)."""
    strict = PlaceName(pn.name, pn.kind, pn.qualifier, pn.origin, pn.within, strict=True, listed=pn.listed,
                       pattern=pn.pattern)
    words = name.split()
    for k in range(len(words), 0, -1):
        place = resolve(strict, " ".join(words[:k]))
        if place is not None and (k == len(words) or place.precision != "city"):
            return place  # a shorter prefix only for a country or region ("Marshal" of "Marshal Fahim ...": no)
    return resolve(strict, suffix) if suffix else None


def incident_place(sentences: Sequence[int], parsed: Sequence[ParsedSentence], entities: Sequence[Entity],
                   ctx: ExtractContext, local: LocalFn, country_of: Callable[[str], str | None] | None
                   ) -> Place | None:
    """The incident's place, by a vote on its country among everything the text names, then the most
    specific place named in that country (village or town > district > province > region > country).

    Votes: a place that resolves as written 1, one found only without its direction words 0.5, a
    country named outright 1 (3 when it qualifies a name: "Tripoli, Lebanon"), a demonym before a
    place noun 1 ("the Afghan capital"), a demonym before forces or things 0.5 ("Yemeni soldiers"),
    before a person 0.25 ("an Afghan teenager ... in Amsterdam": a nationality, not a place), the
    place a facility's name begins with 0.75 ("Kabul University"), a country's capital 1 ("the Afghan
    capital" → Kabul). Ties: the first named. Names resolve with the paragraph's other place names, the
    document's place entities, the countries its state forces' own words give and the dateline as context. When
    the incident's own sentences name nothing, the other sentences of its paragraph vote ("... outside the
    Paradise Food Plaza. ... a branch of the Development Bank of the Philippines"). The dateline's names never
    vote; when the paragraph names no place at all, the dateline's country is the answer (precision country)."""
    para_no = parsed[sentences[0]].paragraph
    para = [i for i, ps in enumerate(parsed) if ps.paragraph == para_no]
    dateline = find_dateline(ctx.doc.text, ctx.paragraphs)
    skip = dateline.span if dateline else range(0)
    names_by_sent = {si: _place_names_once(ctx, parsed[si], entities, local, skip) for si in {*para, *sentences}}
    # a name placed by its qualifier is context through the qualifier: alone, "Zahraa neighbourhood" (in Homs)
    # is a Libyan town, and would make "Homs" Libya's Al Khums
    context = [pn.name for si in para for pn in names_by_sent[si] if pn.kind == PLACE and not pn.within]
    context += [pn.within for si in para for pn in names_by_sent[si] if pn.within]
    context += list(dateline.names) if dateline else []
    placed = {n for si in para for pn in names_by_sent[si] if pn.within
              for n in (pn.name, up.split_kind(pn.name)[0])}  # "Badda area" of Dhaka, and its entity "Badda"
    context += [e.name for e in entities if e.type == "place" and e.name not in placed]  # the other places
    context += forces_countries(entities, country_of)  # "BSF troops ... in Samba sector": India's, not Angola's
    resolve = _resolver(ctx, context)
    capital_of = getattr(getattr(ctx.place_resolver, "__self__", None), "capital_of", None)
    rest = [pn for si in para if si not in sentences for pn in names_by_sent[si]]
    own = [pn for si in sentences for pn in names_by_sent[si]]
    if own and all(_weak(pn) for pn in own) and any(not _weak(pn) for pn in rest):
        # "A jet that took off from Libya was hijacked. ... It landed in Malta.": where things came from or
        # went and whose nationals they were say less than a place the paragraph names outright
        found = _vote([pn for pn in rest if not _weak(pn)], resolve, country_of, capital_of)
        if found is not None:
            return found
    found = _vote(own, resolve, country_of, capital_of)
    if found is not None:
        # "a battle erupted in Hiraan Region. ... attacked troops in El Adde village": the paragraph's
        # finer place inside the one the incident's sentences name
        finer = _vote(rest, resolve, country_of, capital_of, container=found) if rest else None
        if finer is not None and up.refines(finer, found):
            return finer
        return _town_in(own, found, resolve) or found
    # the other sentences of the paragraph: not where someone came from or went ("He was born in Paris")
    found = _vote([pn for pn in rest if not _weak(pn)], resolve, country_of, capital_of)
    if found is not None:
        return found
    lone = [(pn, precision) for si in [*sentences, *para] for pn in names_by_sent[si]
            if (precision := _unlisted_precision(pn) or ("city" if pn.at_place and not pn.origin else None))]
    if lone:  # "in Dimla upazila", and nothing else says where: the name, in no known country but that of the
        # state forces that acted there ("The Myanmar military bombed a market in Minbya")
        forces = forces_countries(entities, country_of)
        return up.unlisted(lone[0][0].name, lone[0][1], None, forces[0] if forces else None)
    water = [pn for si in [*sentences, *para] for pn in names_by_sent[si]
             if pn.kind == PLACE and not pn.origin and _water(pn.name)]
    if water:  # "hit a bulk carrier in the Red Sea": at sea, in no country
        return Place(re.sub(r"^the\s+", "", water[0].name, flags=re.IGNORECASE), None, None, precision="region")
    if dateline is None or any(pn.kind == PLACE for si in para for pn in names_by_sent[si]):
        return None  # the event is somewhere the text names but the index does not know
    for name in reversed(dateline.names):
        place = resolve(PlaceName(name), name)
        if place is not None and place.country:
            return Place(place.country, None, place.country, precision="country", country_code=place.country_code)
    return None


def _town_in(names: Sequence[PlaceName], division: Place, resolve: Resolve) -> Place | None:
    """A town named right after "in", "near" or "at" in a division the vote chose, that the index knows only as a
    namesake abroad or not at all: "near Boni in Mali's central Mopti region" (Boni is an alternate name of Bonn)
    is a town in Mopti."""
    if division.precision not in ("province", "region", "district") or division.country is None:
        return None
    for pn in names:
        if pn.kind != PLACE or not pn.at_place or pn.origin or pn.within or " " in pn.name.strip():
            continue
        place = resolve(pn, pn.name)
        if place is None or place.precision == "city" and place.country != division.country:
            return up.unlisted(pn.name, "city", division)
    return None


def names_a_place(sentences: Sequence[int], parsed: Sequence[ParsedSentence], entities: Sequence[Entity],
                  ctx: ExtractContext, local: LocalFn, own: bool = False) -> bool:
    """Whether the incident's paragraph (`own`: its own sentences) names a place, known to the index or not ("in
    the Red Sea"); the dateline does not count, nor where someone went or came from."""
    para_no = parsed[sentences[0]].paragraph
    dateline = find_dateline(ctx.doc.text, ctx.paragraphs)
    skip = dateline.span if dateline else range(0)
    kept = [ps for si, ps in enumerate(parsed) if si in sentences or not own and ps.paragraph == para_no]
    return any(pn.kind == PLACE and not pn.origin and not pn.teller for ps in kept
               for pn in _place_names_once(ctx, ps, entities, local, skip))


def _place_names_once(ctx: ExtractContext, ps: ParsedSentence, entities: Sequence[Entity], local: LocalFn,
                      skip: range) -> list[PlaceName]:
    """`place_names` of a sentence, worked out once per document (every incident of a paragraph reads them)."""
    key = ("place_names", ps.start, ps.end, skip.start, skip.stop, len(entities))
    if key not in ctx.memo:
        ctx.memo[key] = place_names(ps, entities, local, skip)
    return ctx.memo[key]


def _weak(pn: PlaceName) -> bool:
    """A name that only hints at the place: where something came from or went, a person's nationality, whose
    forces or which government ("accused India of sponsoring the group")."""
    return pn.origin or pn.kind in (PERSON_DEMONYM, OWNER)


def _unlisted_precision(pn: PlaceName) -> str | None:
    return up.pattern_precision(pn.name, pn.within is not None, _DIRECTIONS, _demonyms()) if pn.pattern else None


def _vote(names: Sequence[PlaceName], resolve: Resolve, country_of: Callable[[str], str | None] | None,
          capital_of: Callable[[str], Place | None] | None = None, container: Place | None = None
          ) -> Place | None:
    """The most voted country's most specific place (`incident_place`); `container`: where unknown names lie."""
    votes: dict[str, float] = {}
    order: dict[str, int] = {}
    candidates: list[tuple[str, Place, float, int]] = []
    pending: list[tuple[PlaceName, str, Place | None]] = []  # pattern names, with the place they resolve to
    enclosures: set[str] = set()  # qualifiers that placed a pattern's name
    named: dict[int, str] = {}  # candidate number → the name it was found by
    located: set[int] = set()  # candidate numbers of names right after "in", "at", "near" ...
    regions: list[Place] = []  # regions of several countries ("Kashmir"): they vote for none

    def vote(country: str | None, weight: float) -> None:
        if country:
            votes[country] = votes.get(country, 0.0) + weight
            order.setdefault(country, len(order))

    hinted: dict[str, float] = {}  # country → the votes its nationality hints gave
    demonym_weight = {DEMONYM: _W_DEMONYM, WEAK_DEMONYM: _W_WEAK, PERSON_DEMONYM: _W_PERSON, OWNER: _W_WEAK,
                      APPOS_DEMONYM: _W_QUALIFIER}
    memo: dict[tuple[PlaceName, str], Place | None] = {}
    plain = resolve

    def resolve(pn: PlaceName, text: str) -> Place | None:  # each name once per vote
        if (pn, text) not in memo:
            memo[(pn, text)] = plain(pn, text)
        return memo[(pn, text)]

    unknown = any(pn.kind == PLACE and not pn.strict and not pn.origin and resolve(pn, pn.name) is None
                  and _resolve_loosely(resolve, pn)[0] is None and facility_prefix(pn.name) is None
                  and facility_suffix(pn.name) is None for pn in names)
    for pn in names:
        if pn.kind == OWNER and unknown:
            continue  # "Yemen's Houthis attacked a ship in the Red Sea": not in Yemen
        if pn.kind == CAPITAL:
            capital = capital_of(pn.name) if capital_of is not None else None
            if capital is not None and capital.country:
                vote(capital.country, _W_DEMONYM)
                candidates.append((capital.country, capital, _W_DEMONYM, len(candidates)))
                continue
            # no capital known: the province itself ("Balochistan's capital"), else the demonym's country
            pn = PlaceName(pn.name, PLACE if resolve(pn, pn.name) is not None else DEMONYM)  # noqa: PLW2901
        if pn.kind in demonym_weight:
            country = None
            if country_of is not None:  # "Arab Israeli": the last word is the nationality
                country = next((c for w in (pn.name, pn.name.split()[-1]) if fold(w) not in _faiths()
                                and (c := country_of(w))), None)  # a faith is no nationality ("Christian")
            if pn.kind in (DEMONYM, APPOS_DEMONYM):
                vote(country, demonym_weight[pn.kind])
            elif country:  # hints of one country add up to less than a place named outright ("Turkish jets ... a
                # Turkish statement ... in northern Iraq"): the same nationality said again is no new evidence
                weight = min(demonym_weight[pn.kind], _W_HINTS - hinted.get(country, 0.0))
                hinted[country] = hinted.get(country, 0.0) + weight
                vote(country, weight)
            continue
        if pn.kind == INNER:
            place = _resolve_inner(resolve, pn, facility_prefix(pn.name) or "", facility_suffix(pn.name))
            weight = _W_INNER
        elif (prefix := facility_prefix(pn.name)) is not None \
                or facility_suffix(pn.name) is not None:  # "Victoria Station", "Hotel Kabul"
            place = _resolve_inner(resolve, pn, prefix or "", facility_suffix(pn.name))
            weight = _W_INNER
        else:
            place, exact = _resolve_loosely(resolve, pn)
            if place is None and (tail := named_of(pn.name)) is not None:
                place = _resolve_inner(resolve, pn, tail)  # "the Hippodrome of Constantinople": Istanbul
            weight = (_W_QUALIFIER if pn.qualifier else _W_PLACE) if place is not None \
                and place.precision == "country" else (_W_PLACE if exact else _W_LOOSE)
            precision = _unlisted_precision(pn)
            if precision is None and (pn.described or pn.at_place and place is None):
                # a town of the country its description names, if not known; a place the NER saw where a place
                # goes ("bombed a market in Minbya"), unknown to the index: a town of the country the text is in
                pending.append((pn, "city", place if place is not None and place.precision != "country" else None))
            elif precision is not None:
                place = up.qualified(pn.name, pn.within, place, precision, lambda t: resolve(PlaceName(t), t))
                pending.append((pn, precision, place))
                if pn.within and (place is None or place.precision in ("city", "district")):
                    # unknown too ("near Kalaban in Poonch's Surankote area"): the name lies inside the qualifier
                    enclosures |= {fold(pn.within), fold(up.split_kind(pn.within)[0])} \
                        - ({fold(place.name)} if place is not None else set())
            place = up.as_written(pn.name, place) if exact and pn.kind == PLACE else place
        if pn.origin:
            weight *= _W_ORIGIN
        if place is None or not place.country:
            regions += [place] if place is not None and place.precision == "region" and not pn.origin else []
            continue
        vote(place.country, weight)
        candidates.append((place.country, place, weight, len(candidates)))
        named[len(candidates) - 1] = fold(pn.name)
        if pn.located:
            located.add(len(candidates) - 1)
    # a qualifier that placed a pattern's name votes but is not the place ("Essex" of "Leigh on Sea, Essex")
    found = [c[1] for c in candidates]
    candidates = [c for c in candidates if named.get(c[3]) not in enclosures or c[1].precision == "country"]
    unknown_names = [(pn, precision) for pn, precision, place in pending if place is None]
    if not votes:
        return up.unlisted(unknown_names[0][0].name, unknown_names[0][1], container,
                           within=unknown_names[0][0].within) \
            if unknown_names and container else None
    winner = max(votes, key=lambda c: (votes[c], -order[c]))
    in_winner = [(p, w, i) for c, p, w, i in candidates if c == winner]
    # the qualifiers that placed a name are where an unknown one lies too
    box = up.enclosing([p for p, _, _ in in_winner] + [p for p in found if p.country == winner
                                                         and fold(p.name) in enclosures]) \
        or (container if container and container.country == winner else None)
    for pn, precision, place in pending:  # "Golweyn village" in Lower Shabelle region: unknown, or known abroad
        if place is None or place.country != winner:
            in_winner.append((up.unlisted(pn.name, precision, box, winner, pn.within), _W_LOOSE, len(candidates)))
    if not in_winner:  # a region across borders the text names beats a country from nationalities alone
        return regions[0] if regions else Place(winner, None, winner, precision="country")
    # the most specific place among the well-supported ones; a place something came from only if alone
    strong = up.in_named_provinces([x for x in in_winner if x[1] >= _W_LOOSE] or in_winner, found)
    # ties: the place said to be where ("at his office in Mazar-i-Sharif"), then the first named
    best = min(strong, key=lambda x: (_SPECIFIC.get(x[0].precision or "", 5), -x[1], x[2] not in located, x[2]))[0]
    return up.named_admin1(best, found)
