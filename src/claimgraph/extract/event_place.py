"""Where and when an incident happened: the choice of the incident's place (`incident_place`) among the place
names of its sentences (`place_names`), and their date phrases.

A vote on the country among everything the text names, then the most specific place named in that country; a
pattern's qualifier picks the namesake. A dateline ("DUBAI (Reuters) -", "QUETTA, Pakistan:", "Srinagar, Oct 7:")
is where the story was filed: its names are context for the resolver and, when the incident's paragraph names no
place at all, a last-resort country. A pattern's name the index lacks ("Hudur town, Bakool region") is kept as
written inside the division that encloses it (`unlisted_place`). Date phrases (`dateline.date_phrases`,
re-exported here) go to `timex.resolve_time` (`events._date`). Kept apart from event_roles (who did what) to keep
both small.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..nlp.descriptive import forces_countries
from ..records import Entity, EntityRef, Place
from ..resolve.names import fold
from . import unlisted_place as up
from .countries import countries_from, document_country
from .dateline import Dateline, date_phrases, dateline_of, find_dateline  # noqa: F401 - re-exported
from .facility_names import facility_prefix, facility_suffix
from .name_context import DISTANCE_AFTER
from .place_cues import (
    APPOS_DEMONYM,
    CAPITAL,
    DEMONYM,
    INNER,
    OWNER,
    PERSON_DEMONYM,
    PLACE,
    WEAK_DEMONYM,
    by_direction,
    group_home,
    named_of,
)
from .place_cues import COMPASS as _COMPASS
from .place_names import PlaceName, demonyms, faiths, is_water, load_tables, place_names  # noqa: F401 - re-exported
from .types import ExtractContext, ParsedSentence

LocalFn = Callable[[ParsedSentence, int], int]

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
#: kind words of a settlement smaller than any town the index lists by name (`places.yaml` kind words)
_VILLAGE_WORDS = frozenset({"village", "hamlet", "settlement"})

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
    dateline = dateline_of(ctx)
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
        return _town_in(own, found, resolve) or _by_distance(own, [parsed[si].sent.text for si in sentences], found,
                                                             resolve) or found
    # the other sentences of the paragraph: not where someone came from or went ("He was born in Paris")
    found = _vote([pn for pn in rest if not _weak(pn)], resolve, country_of, capital_of)
    if found is not None:
        return found
    lone = [(pn, precision) for si in [*sentences, *para] for pn in names_by_sent[si]
            if (precision := _unlisted_precision(pn) or ("city" if pn.at_place and not pn.origin else None))]
    if lone:  # "in Dimla upazila", and nothing else says where: the name, in no known country but that of the
        # state forces that acted there ("The Myanmar military bombed a market in Minbya")
        # (or else the one country every place the report names lies in: "Somalia's intelligence agency ...
        # a house in Heliwaa district")
        forces = forces_countries(entities, country_of) or _one_country(entities, ctx)
        return up.unlisted(lone[0][0].name, lone[0][1], None, forces[0] if forces else None)
    water = [pn for si in [*sentences, *para] for pn in names_by_sent[si]
             if pn.kind == PLACE and not pn.origin and is_water(pn.name)]
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


#: a position right after a name, told from another place: ", west of the provincial capital", ", on the southern edge
#: of Peshawar"
_POSITION_AFTER = (r",\s+(?:(?:just|about|some|slightly)\s+)?(?:(?:north|south)(?:-?(?:east|west))?|east|west)\s+of\b"
                   r"|,\s+on\s+the\s+(?:[a-z-]+\s+)?(?:edge|edges|outskirts|fringe|fringes)\s+of\b")


#: a distance or position right after a name (one pattern, compiled once: a pattern per name would fill re's cache)
_TOLD = re.compile(f"(?:{DISTANCE_AFTER.pattern}|{_POSITION_AFTER})", re.I)


def _told_from(name: str, text: str) -> bool:
    """Whether `text` has `name` (a whole word, any case) right before a distance or position ("Ngouboua, about 20
    kilometers north of Bol")."""
    low, key = text.lower(), name.lower()
    if len(low) != len(text) or len(key) != len(name):  # a letter whose lower case is longer: the plain way
        return re.search(rf"\b{re.escape(name)}{_TOLD.pattern}", text, re.I) is not None
    i = low.find(key)
    while i >= 0:
        if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")) and _TOLD.match(text, i + len(name)):
            return True
        i = low.find(key, i + 1)
    return False


def _by_distance(names: Sequence[PlaceName], texts: Sequence[str], town: Place, resolve: Resolve) -> Place | None:
    """A place the index lacks, told by its distance or position from the town the vote chose ("attacked an army
    position at Ngouboua, about 20 kilometers north of Bol", "a checkpoint in Chahar Bolak district, west of the
    provincial capital Mazar-i-Sharif"): the place itself, in the town's division."""
    if town.precision != "city" or town.country is None:
        return None
    for pn in names:
        if pn.kind != PLACE or pn.origin or pn.within or fold(pn.name) == fold(town.name) \
                or re.search(r"\s(?:in|at|near|on)\s", pn.name) or not any(  # ("Kohat Road in Badaber": the NER's)
                _told_from(pn.name, t) for t in texts):
            continue
        place = resolve(pn, pn.name)
        if place is None or place.country != town.country:
            return up.unlisted(pn.name, _unlisted_precision(pn) or "city", town)
    return None


def names_a_place(sentences: Sequence[int], parsed: Sequence[ParsedSentence], entities: Sequence[Entity],
                  ctx: ExtractContext, local: LocalFn, own: bool = False) -> bool:
    """Whether the incident's paragraph (`own`: its own sentences) names a place, known to the index or not ("in
    the Red Sea"); the dateline does not count, nor where someone went or came from."""
    para_no = parsed[sentences[0]].paragraph
    dateline = dateline_of(ctx)
    skip = dateline.span if dateline else range(0)
    kept = [ps for si, ps in enumerate(parsed) if si in sentences or not own and ps.paragraph == para_no]
    return any(pn.kind == PLACE and not pn.origin and not pn.teller for ps in kept
               for pn in _place_names_once(ctx, ps, entities, local, skip))


def home_country(perpetrators: Sequence[EntityRef], entities: Sequence[Entity], ctx: ExtractContext,
                 sentences: Sequence[int], parsed: Sequence[ParsedSentence], local: LocalFn,
                 country_of: Callable[[str], str | None] | None) -> Place | None:
    """Where an incident no place is named for happened, when its named doer's name holds the name of the one
    country it fights in ("Naxalites" → Communist Party of India (Maoist): India; "Tehrik-i-Taliban Pakistan"):
    that country. Not a name of several lands ("Islamic State of Iraq and the Levant"), nor a people's or a
    region's ("Irish Republican Army", "Ulster Volunteer Force": Northern Ireland is not Ireland). Else the one
    country a group's attacks happen in, by its names (`place_cues.group_home`: "Al-Shabaab" → Somalia), when
    the paragraph names no place at all."""
    if country_of is None:
        return None
    for ref in perpetrators:
        words = re.findall(r"[A-Z][\w-]+", ref.name)
        if not words or " and " in ref.name:
            continue
        # a country's own name, not a people or a region ("Irish Republican Army", "Ulster Volunteer Force")
        spans = [*words, *(" ".join(p) for p in zip(words, words[1:], strict=False))]
        found = {c for w in spans if (c := country_of(w)) and c.casefold() == w.casefold()}
        if len(found) == 1:
            country = found.pop()
            return Place(country, None, country, precision="country")
    if not perpetrators or names_a_place(sentences, parsed, entities, ctx, local):
        return None  # a group's home is weaker than any place named ("Yemen's Houthis ... in the Red Sea")
    aliases = {e.id: e.aliases for e in entities}
    for ref in perpetrators:  # else the one country the group's attacks happen in ("Al-Shabaab": Somalia)
        country = group_home([ref.name, *aliases.get(ref.id, ())])
        if country is not None:
            return Place(country, None, country, precision="country")
    return None


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


def _one_country(entities: Sequence[Entity], ctx: ExtractContext) -> list[str]:
    """`countries.document_country` of the document's towns and divisions (a country named alone may be an actor,
    not a place: "accused India of sponsoring the group")."""
    countries = countries_from(getattr(ctx.place_resolver, "__self__", None))
    if countries is None:
        return []
    found = document_country([e.name for e in entities if e.type == "place" and not countries.is_country_word(e.name)],
                             countries)
    return [found] if found else []


def _unlisted_precision(pn: PlaceName) -> str | None:
    return up.pattern_precision(pn.name, pn.within is not None, _DIRECTIONS, demonyms()) if pn.pattern else None


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
                country = next((c for w in (pn.name, pn.name.split()[-1]) if fold(w) not in faiths()
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
    # the settlements the text calls villages or hamlets, by name
    villages = {fold(up.split_kind(pn.name)[0]) for pn, _, _ in pending
                if not pn.origin and up.split_kind(pn.name)[1] in _VILLAGE_WORDS}
    if not in_winner:  # a region across borders the text names beats a country from nationalities alone
        return regions[0] if regions else Place(winner, None, winner, precision="country")
    # the most specific place among the well-supported ones; a place something came from only if alone
    strong = up.in_named_provinces([x for x in in_winner if x[1] >= _W_LOOSE] or in_winner, found)
    # ties: the place said to be where ("at his office in Mazar-i-Sharif"), then the first named
    # ("near the village of Albu Khudair in Daquq district, south of Kirkuk": the village, not the city it is
    # told by, however well the index knows the city)
    best = min(strong, key=lambda x: (_SPECIFIC.get(x[0].precision or "", 5), fold(x[0].name) not in villages, -x[1],
                                      x[2] not in located, x[2]))[0]
    return up.named_admin1(best, found)
