"""One incident, one event: mentions of the same incident in one document merge into one `Event`.

    candidates (one per incident the sentence grouping found, in text order)
      → each joins the latest earlier event it is compatible with, else opens its own
      → the merged Event keeps every mention's evidence span, the union of participants, the most
        specific place and date, the opening mention's mode (a generic one — "attack", "killing" — gives way
        to the most specific later one), the strongest responsibility, and the toll statements when they differ.

Compatible: the same event family (violent modes — ASSAULT and FIGHT — are one family; other types
merge only with their own type); places that do not contradict (one unknown, the same place, or one
containing the other); dates that do not contradict (one unknown, or one within the other); no side
conflict (two disjoint named perpetrator sets, or one's perpetrator the other's target). A mention
that refers back ("the attack", "the blast", "6 people were killed"), or goes on telling the incident just
told in the next paragraph with no day, place or named doer of its own, joins when compatible; a mention
that introduces an incident joins only when it shares a perpetrator, the place or the day, and never
when it says it is another one ("a second bomb", "another attack", "in a separate attack"); the toll the
headline states, stated again, also tells its incident, and so does the first incident told after a lead placed in
a province or region, in a place within it (`_details`).

Pure: events in, events out. Each event's `evidence` and `mentions` are spans of `Document.text`, so
provenance survives the merge (every mention still reproduces its text).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from ..records import CasualtyReport, EntityRef, Event, PartialDate, Place, Precision, Responsibility, Span
from ..resolve.names import fold
from .event_mentions import DEFINITE
from .quantities import add

_STRENGTH = {Responsibility.CLAIMED: 3, Responsibility.ATTRIBUTED: 2, Responsibility.SUSPECTED: 1,
             Responsibility.UNKNOWN: 0}
_PLACE_RANK = {"city": 0, "district": 1, "province": 2, "region": 3, "country": 4}
#: Modes of fighting between two sides (a clash, a security operation or "encounter"), whose sides are listed as
#: perpetrators and targets only in the order the text names them.
_SIDES_MODES = frozenset({"clash", "operation"})
_DATE_RANK = {Precision.DAY: 0, Precision.MONTH: 1, Precision.YEAR: 2, Precision.DECADE: 3}


@dataclass(frozen=True, slots=True)
class Candidate:
    """An event as built from one group of sentences, with what the merge needs to know about its wording."""

    event: Event
    family: str  # the merge family: "violent" for every violent mode, else the PLOVER type
    rank: int  # the trigger's rank in events.yaml (lower: the more specific mode)
    refers_back: bool  # opened by a definite or counting mention ("the attack", "6 people were killed")
    another: bool  # says it is a further incident ("another attack", "a second blast", "separately")
    tolls: tuple[CasualtyReport, ...] = ()  # every toll statement of its sentences
    generic: bool = False  # its mode says only that it happened ("attack", "killing"): a later mention may refine it
    anchored: bool = True  # it names an actor, casualties, a place or a date; else it can only join an incident
    #: its own sentences name a place (a mention that goes on telling the incident just told names none of its own)
    named_place: bool = True
    #: it only revises a toll ("The death toll rose to 84"): the toll of the report's lead incident
    revises: bool = False
    #: its generic mode still names the kind of act ("attack": an assault): a later mention refines it within its type
    typed: bool = False

    @property
    def placed(self) -> bool:
        """Its place is its own: it opens an incident, or its own sentences name the place (else the place is the one
        its paragraph names, a guess that gives way to the place of the incident it refers back to: "… in Khyber
        Pakhtunkhwa.¶ The TTP claimed the attack. … the Afghan Taliban, who seized power in Kabul")."""
        return not self.refers_back or self.named_place


@dataclass(slots=True)
class _Group:
    members: list[Candidate]

    @property
    def first(self) -> Candidate:
        return self.members[0]

    def perpetrators(self) -> set[str]:
        return {r.id for c in self.members for r in c.event.perpetrators}

    def targets(self) -> set[str]:
        return {r.id for c in self.members for r in c.event.targets}

    def told(self) -> list[Candidate]:
        """The mentions that tell the incident: where and when a revised toll was given or the wounded died is not
        where or when the incident was."""
        return [c for c in self.members if not c.revises] or self.members

    def place(self) -> Place | None:
        placed = [c.event.place for c in self.told() if c.placed and c.event.place is not None]
        return _most_specific_place(placed or [c.event.place for c in self.told()])

    def date(self) -> PartialDate | None:
        return _most_specific_date([c.event.date for c in self.told()])


def _place_key(p: Place) -> tuple[object, ...]:
    return (p.geonames_id,) if p.geonames_id is not None else (p.name.lower(), p.admin1, p.country)


def places_compatible(a: Place | None, b: Place | None) -> bool:
    """Unknown, the same place, or one within the other (a city in a province, anything in its country)."""
    if a is None or b is None:
        return True
    if _place_key(a) == _place_key(b) or a.name.lower() == b.name.lower():
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if any(_in_district_of(x, y) for x, y in ((a, b), (b, a))):
        return True
    coarse, fine = sorted((a, b), key=lambda p: -_PLACE_RANK.get(p.precision or "", 0))
    if coarse.precision == "country":
        return True
    if fine.precision == "city" and fine.geonames_id is None and fine.admin1 is None and coarse.precision != "city":
        return True  # a village the index does not know and the text puts in no division ("near Khudengthabi
        # village") may lie in the district or province told
    if coarse.precision in ("province", "region"):
        return fine.admin1 is not None and fine.admin1 == (coarse.admin1 or coarse.name)
    if coarse.precision == "district" and fine.admin1 is not None and fine.admin1 == coarse.admin1:
        # a town in the district GeoNames puts it in; one the index does not know ("Machil sector") may be in it
        if fine.admin2 is None:
            return fine.geonames_id is None
        return fine.admin2.lower() == (coarse.admin2 or coarse.name).lower()
    return False


def _in_district_of(fine: Place, town: Place) -> bool:
    """A place the index does not know, in the district the text names after the town it is named for: "near Sangan
    area of Sibi district" and "the blast ... on the Sibi-Sangan road" (Sibi) may tell one incident."""
    return fine.geonames_id is None and bool(fine.admin2) and town.precision in ("city", "district") \
        and re.sub(r" district$", "", fold(fine.admin2 or "")) == fold(town.name) \
        and (fine.admin1 is None or town.admin1 in (None, fine.admin1))


def dates_compatible(a: PartialDate | None, b: PartialDate | None) -> bool:
    """Unknown, or one date within the other ("2024-05" contains "2024-05-14"), or periods that overlap ("this
    week" and "on Thursday")."""
    if a is None or b is None:
        return True
    if not any(d.end is not None and d.precision == Precision.DAY for d in (a, b)):
        return a.value.startswith(b.value) or b.value.startswith(a.value)  # (a decade is a campaign's span)
    # ISO prefixes as closed intervals: "2024-05" runs to "2024-05~", after every day of May
    return a.value <= (b.end or b.value) + "~" and b.value <= (a.end or a.value) + "~"


def _later(a: PartialDate | None, b: PartialDate | None) -> bool:
    """Day `a` after day `b`: a revised toll told with the day it was given ("put the death toll at four, saying
    a constable who had been critically wounded died on Thursday morning") still revises the incident before it."""
    return a is not None and b is not None and a.precision == b.precision == "day" and a.value > b.value


LIST_ITEM = re.compile(r"[ \t]*(?:[-*•–]|\d{1,2}[.)])\s")


def _same_place(g: _Group, e: Event) -> bool:
    place = g.place()
    return place is not None and e.place is not None and (
        _place_key(place) == _place_key(e.place) or place.name.lower() == e.place.name.lower()) \
        and (place.precision or "") != "country"


def _same_day_or_place(g: _Group, e: Event) -> bool:
    date = g.date()
    same_place = _same_place(g, e)
    same_day = date is not None and e.date is not None and date.precision is Precision.DAY \
        and date.value == e.date.value and date.end is None and e.date.end is None  # (not "this week")
    return same_place or same_day


def _named(ids: set[str]) -> set[str]:
    """The ids of named actors: a description ("gunmen", "militants") has a `dsc_` id (extract/entities.py)."""
    return {i for i in ids if not i.startswith("dsc_")}


def _outranked(refs: Sequence[EntityRef]) -> tuple[EntityRef, ...]:
    """The doers with the named first and, when one is named, without the unnamed armed groups."""
    named = [r for r in refs if not r.id.startswith("dsc_")]
    return tuple(named + [r for r in refs if r.id.startswith("dsc_") and not (named and _unnamed_attackers([r]))])


def _branches_first(refs: tuple[EntityRef, ...], parents: Mapping[str, str] | None) -> tuple[EntityRef, ...]:
    """The doers without a group whose branch is among them: the branch is the more precise name of the side
    ("the Islamic State group's regional affiliate" and "Islamic State Khorasan Province": the latter)."""
    if not parents:
        return refs
    above = {parents[r.id] for r in refs if r.id in parents}
    return tuple(r for r in refs if r.id not in above)


def _unnamed_attackers(refs: Sequence[EntityRef]) -> bool:
    """Whether every doer is an unnamed armed group ("gunmen on motorcycles": ACLED's "Unidentified Armed Group",
    ontology/descriptive_actors.yaml), not a state's forces nor anyone named."""
    return bool(refs) and all(r.id.startswith("dsc_") and r.name.lower().startswith("unidentified") for r in refs)


def _claims_it(perps: set[str], mine: set[str], c: Candidate) -> bool:
    """ "Gunmen stormed the compound ... The TTP claimed responsibility for the attack": a named group claiming
    (or blamed for) an incident told so far only with a description of its attackers names the same side."""
    return c.refers_back and not _named(perps) and _named(mine) == mine \
        and (c.event.responsibility in (Responsibility.CLAIMED, Responsibility.ATTRIBUTED)
             # "the attackers, suspected to be members of Boko Haram": where the mention's place agrees
             or c.event.responsibility is Responsibility.SUSPECTED and c.event.place is not None)


def compatible(g: _Group, c: Candidate, follows: bool = False, latest: bool = False,
               parents: Mapping[str, str] | None = None, lead: bool = False) -> bool:
    """Whether candidate `c` tells the incident of group `g` (see the module docstring); `follows`: it goes on
    telling the incident the text has just told (`_follows`); `latest`: `g` is the incident of its family told
    last, within three paragraphs of the mention; `parents`: a listed group's parent group (a branch and its
    parent are one side); `lead`: `g` is the report's lead incident, the only one of its family told so far."""
    e = c.event
    if c.family != g.first.family or c.another:
        return False
    # a claim of the attack just told whose place is only its paragraph's guess ("… the Afghan Taliban, who seized
    # power in Kabul") is that attack, wherever the guess put it; so is "the attack" that names no doer, told after
    # the incident it follows ("ISPR said the attack had been repulsed … a clearance operation in the nearby
    # Mangochar area")
    owned = e.responsibility in (Responsibility.CLAIMED, Responsibility.ATTRIBUTED)
    mine = {r.id for r in e.perpetrators}
    # ... and so is "the attack" told again with a doer of its side ("the attack was led by X, a commander of ISSP")
    claimed = c.refers_back and (not c.placed and (owned or latest and (
        not _named(mine) or bool(_side(_named(mine), parents) & _side(g.perpetrators(), parents))))
        or owned and _names_place(c, g.place()))
    # a revised toll is told where it was given or the wounded died ("succumbed to his injuries at the hospital in
    # Imphal"): its place says nothing of where the incident was
    if not (places_compatible(g.place(), e.place) or claimed or c.revises or follows) or not (
            dates_compatible(g.date(), e.date) or c.revises and _later(e.date, g.date())):
        return False
    perps, targets = g.perpetrators(), g.targets()
    if g.first.event.mode in _SIDES_MODES or e.mode in _SIDES_MODES:
        # a clash has two sides, each one's attacker and the other's target: "militants were killed in clashes
        # with Afghan forces ... Taliban militants attacked security forces positions" is one battle
        sides, mine_sides = perps | targets, mine | {r.id for r in e.targets}
        if perps and mine and not sides & mine_sides and not _claims_it(perps, mine, c):
            return False
    elif perps and mine and not _side(perps, parents) & _side(mine, parents) and not _claims_it(perps, mine, c) \
            and not _claim_over_suspicion(g, c) \
            and not (latest and (c.placed and e.place is not None or _opens_definite(e.evidence.text)) and _named(perps)
                     and _unnamed_attackers(e.perpetrators)) \
            and not _said_after(g, c, latest, owned):
        # two different named sides doing it (not "gunmen" telling again, at its own place or as "the gunmen",
        # the attack just told: "Suspected Lakurawa terrorists have killed 14 villagers …¶ The gunmen … stormed
        # Kuka and Bagiza villages"; nor a group that says its fighters did the attack just told by a bomber no
        # one named: "ISKP said one of its fighters had targeted a gathering")
        return False
    elif (crossed := mine & targets | perps & {r.id for r in e.targets}) and (
            _named(crossed) or not (c.refers_back or follows)):
        return False  # one mention's attacker is the other's victim (the attackers told of again, some of them
        # killed, are still the attackers: "three of the attackers had also been killed")
    if c.refers_back or follows or _said_after(g, c, latest, owned):
        return True
    return bool(_side(perps, parents) & _side(mine, parents)) or _same_day_or_place(g, e) or _same_toll(g, c) \
        or lead and _details(g, c)


def _details(g: _Group, c: Candidate) -> bool:
    """The first incident told after a report's lead, in a place within the lead's province or region (or a village
    of its district: "a camp in Noshki district …¶ a truck rammed the camp near Kishingi village"), with no toll
    that contradicts it, is the lead told in detail: "Gunmen killed at least 31 people in an attack on a village in
    northern Nigeria's Zamfara state …¶ Dozens of gunmen on motorcycles stormed Kadadaba, in the Bukkuyum area, on
    Monday evening". (A lead placed only in a country says too little to tell.)"""
    place, mine = g.place(), c.event.place
    if mine is None or mine.precision in ("country", "province", "region") or place is None \
            or place.precision not in ("province", "region", "district") \
            or place.precision == "district" and mine.precision != "city":
        return False
    told, said = g.first.event.killed, c.event.killed
    return not (told is not None and said is not None and told.min is not None and told.min == told.max
                and (said.min, said.max) != (told.min, told.max))


def _said_after(g: _Group, c: Candidate, latest: bool, owned: bool) -> bool:
    """A named group saying its fighters did what was just told of unnamed attackers, with no day or place of its
    own but the country: "A suicide bomber blew himself up in Kabul … ISKP said one of its fighters had
    targeted a gathering of Shiites" (its claim of that attack)."""
    e = c.event
    mine = {r.id for r in e.perpetrators}
    return latest and owned and bool(mine) and _named(mine) == mine and e.date is None \
        and (e.place is None or e.place.precision == "country") \
        and _unnamed_attackers([r for m in g.members for r in m.event.perpetrators])


def _side(ids: set[str], parents: Mapping[str, str] | None) -> set[str]:
    """The groups with each branch as its parent ("Islamic State Khorasan Province" as the Islamic State)."""
    return {parents.get(i, i) for i in ids} if parents else ids


def _claim_over_suspicion(g: _Group, c: Candidate) -> bool:
    """A group claiming "the attack" whose doers were so far only suspected ("the attackers, suspected to be members
    of Boko Haram … ISWAP claimed the attack"): the same incident, with a claim beside the suspicion."""
    return c.refers_back and c.event.responsibility is Responsibility.CLAIMED and all(
        _STRENGTH[m.event.responsibility] <= _STRENGTH[Responsibility.SUSPECTED] for m in g.members
        if _named({r.id for r in m.event.perpetrators}))


def _names_place(c: Candidate, place: Place | None) -> bool:
    """The mention's own words name the incident's town or district ("ISWAP claimed the attack, saying its fighters
    had killed 21 'militiamen' in Kurmari"), whatever place its paragraph's other names made it."""
    if place is None or place.precision in ("country", "province", "region"):
        return False
    text = fold(c.event.evidence.text)
    names = [fold(place.name)] + ([fold(place.admin2)] if place.geonames_id is None and place.admin2 else [])
    return any(name and re.search(rf"\b{re.escape(name)}\b", text) for name in names)  # (or the district it lies in)


def _follows(g: _Group, c: Candidate, text: str | None) -> bool:
    """The mention goes on telling the incident just told, in its paragraph or the next, with no day, no place of
    its own but a country or one within the incident's ("… attacked a post in Kech district …¶ … tried to storm
    the post in the Buleda area of Kech. Troops responded, triggering an exchange of fire") and no named doer that
    could make it another: "Eight policemen were killed when militants stormed a checkpost in Jani Khel …¶
    Between 25 and 30 attackers targeted the checkpost from three sides …"."""
    e = c.event
    if text is None or c.another or e.date is not None or c.named_place and e.place is not None \
            and e.place.precision != "country" and not _inside(e.place, g.place()) \
            or _named({r.id for r in e.perpetrators}):
        return False
    breaks = _breaks(g, c, text)
    return breaks is not None and breaks <= 1


def _breaks(g: _Group, c: Candidate, text: str | None) -> int | None:
    """How many paragraph breaks stand between the incident's last mention and the mention after it (None: no text,
    or the mention is not after it)."""
    last = max(m.event.evidence.end for m in g.members)
    if text is None or last > c.event.evidence.start:
        return None
    return len(re.findall(r"\n+", text[last : c.event.evidence.start]))


def _adjacent(g: _Group, c: Candidate, text: str | None) -> bool:
    """The mention stands within three paragraphs of the incident's last mention."""
    breaks = _breaks(g, c, text)
    return breaks is not None and breaks <= 3


def _same_toll(g: _Group, c: Candidate) -> bool:
    """The same number killed, stated by the report's headline and a later mention ("Twelve dead in ELN
    attack" over "the ELN has killed 12 security forces members in Boyacá"): one incident told twice, as a
    headline and its story are."""
    mine = c.event.killed
    if mine is None or mine.min is None or mine.min <= 0:
        return False
    # only the report's headline (its opening line, with no full stop) and the story that tells it: two items
    # of a list, or a lead and a later incident, may share a toll
    # ("kills 14" over "At least 14 Somali soldiers were killed": the headline rounds the lead's "at least")
    return _headline(g.first.event.evidence) and any(
        m.event.killed is not None and m.event.killed.min == mine.min
        and (m.event.killed.max == mine.max or None in (m.event.killed.max, mine.max))
        for m in g.members)


def _headline(span: Span) -> bool:
    """The report's headline: its opening line, with no full stop."""
    return span.start == 0 and not span.text.rstrip().endswith((".", "!", "?", "]", ")"))


def _most_specific_place(places: Sequence[Place | None]) -> Place | None:
    """The finest place told; between two towns, one the index lacks in the district named after the other."""
    known = [p for p in places if p is not None]
    return min(known, key=lambda p: (_PLACE_RANK.get(p.precision or "", 2),
                                     not any(_in_district_of(p, q) for q in known))) if known else None


def _most_specific_date(dates: Sequence[PartialDate | None]) -> PartialDate | None:
    known = [d for d in dates if d is not None]
    return min(known, key=lambda d: (_DATE_RANK.get(d.precision, 3), d.end is not None)) if known else None


def _union(refs: Sequence[EntityRef]) -> tuple[EntityRef, ...]:
    seen: dict[str, EntityRef] = {}
    for r in refs:
        seen.setdefault(r.id, r)
    return tuple(seen.values())


def disputed(tolls: Sequence[CasualtyReport]) -> tuple[CasualtyReport, ...]:
    """The statements of each kind whose figures differ (a single figure, however often stated, is no dispute)."""
    out: list[CasualtyReport] = []
    for kind in dict.fromkeys(t.kind for t in tolls):
        of_kind = [t for t in tolls if t.kind == kind]
        if len({(t.value.min, t.value.max) for t in of_kind}) > 1:
            out.extend(of_kind)
    return tuple(out)


def _combine(g: _Group, parents: Mapping[str, str] | None = None) -> Event:
    members = g.members
    if len(members) > 1 and _headline(members[0].event.evidence):
        members = [*members[1:], members[0]]  # the story tells the act and its toll; the headline only names it
    first = members[0].event
    if len(members) == 1:
        return replace(first, mentions=first.mentions or (first.evidence,),
                       tolls=disputed(members[0].tolls))
    # the opening mention's mode, unless it is generic ("an attack" later told as "the bombing"); a claim or a
    # blame that names the act again tells nothing of how it was done ("attacked the village ... The Islamic State
    # group claimed the raid": an attack)
    told = members[:1] + [c for c in members[1:] if not (
        c.refers_back and c.event.responsibility in (Responsibility.CLAIMED, Responsibility.ATTRIBUTED))]
    if members[0].typed:
        told = [c for c in told if c.event.type == first.type]
    best = min(told, key=lambda c: c.rank).event if members[0].generic else first
    strongest = max(members, key=lambda c: _STRENGTH[c.event.responsibility]).event
    tolls = tuple(t for c in members for t in c.tolls)
    killed = next((c.event.killed for c in members if c.event.killed is not None), None)
    attackers = next((c.event.attackers_killed for c in members if c.event.attackers_killed is not None), None)
    counted = next((c.event for c in members if c.event.killed is not None), None)
    if counted is not None and counted.attackers_killed is None and attackers is not None:
        killed = add(killed, attackers)  # "Five people were killed ... The attacker was shot dead": everyone
    revisions = [t for t in tolls if t.revised and t.kind == "killed"]
    if revisions:
        killed = revisions[-1].value  # "the death toll rose to 12" supersedes what was said before
    mentions: list[Span] = []
    for c in members:
        for m in c.event.mentions or (c.event.evidence,):
            if m not in mentions:
                mentions.append(m)
    return replace(
        first,
        type=best.type,
        mode=best.mode,
        # a named group outranks a description of the same attackers ("gunmen" ... "TTP claimed the attack"): it
        # comes first, and an unnamed armed group beside it is those attackers, not a second group
        perpetrators=_branches_first(_outranked(_union([r for c in members for r in c.event.perpetrators])), parents),
        targets=_union([r for c in members for r in c.event.targets
                        if r.id not in {p.id for c2 in members for p in c2.event.perpetrators}]),
        place=g.place(),
        date=g.date(),
        killed=killed,
        wounded=next((c.event.wounded for c in members if c.event.wounded is not None), None),
        attackers_killed=attackers,
        responsibility=strongest.responsibility,
        responsibility_source=strongest.responsibility_source,
        mentions=tuple(sorted(mentions, key=lambda s: s.start)),
        tolls=disputed(tolls),
    )


def _new_item(g: _Group, c: Candidate, text: str | None, lead: bool = False) -> bool:
    """A mention in a later paragraph that states its own toll and names its own place is an item of its own
    (a list of incidents, a round-up), unless it shares the group's place or day, or refers back to an incident in
    a place within or around its own: "At least 12 people were killed, police said" in the next paragraph joins;
    "- 15 FEBRUARY - Two people killed in a blast in Peshawar" after an entry about Parachinar does not."""
    if text is None or not c.tolls or c.event.place is None or not c.placed or c.revises or lead and _details(g, c):
        return False  # the lead told in detail (`_details`); no place of its own: its paragraph's guess says
        # nothing of which incident it tells (nor where a revised toll was given or the wounded died)
    last = max(m.event.evidence.end for m in g.members)
    between = text[last : c.event.evidence.start]
    if "\n" not in between:
        return False
    if LIST_ITEM.match(text, text.rfind("\n", 0, c.event.evidence.start) + 1):
        # an entry of a list ("-   15 FEBRUARY - ... in Mohmand Agency") is its own item unless at the same place
        return not _same_place(g, c.event)
    if c.event.place.precision == "country" and places_compatible(g.place(), c.event.place):
        return False  # "dozens of heavily armed men stormed the Beninese position …", "its media office said six of
        # its members had been killed … in the attack": a country says no other place
    if c.refers_back and (_within(g.place(), c.event.place) or _names_place(c, g.place())):
        return False  # "… put the toll at six civilians and two soldiers": the incident told, in a place within
    return not (_same_day_or_place(g, c.event) or _same_toll(g, c))


def _opens_definite(text: str) -> bool:
    """A mention that opens on what was told before ("The gunmen, said to number over 100, stormed …")."""
    first = text.split(maxsplit=1)[:1]
    return bool(first) and first[0].lower() in DEFINITE


def _inside(fine: Place, coarse: Place | None) -> bool:
    """A place finer than a district-or-coarser place it lies in (a village of the district told)."""
    return coarse is not None and coarse.precision in ("district", "province") and fine.precision == "city" \
        and places_compatible(coarse, fine)


def _within(a: Place | None, b: Place | None) -> bool:
    """Two places finer than a country, one within the other."""
    return a is not None and b is not None and a.precision != "country" and b.precision != "country" \
        and places_compatible(a, b)


def _lead(groups: Sequence[_Group], c: Candidate, text: str | None) -> _Group | None:
    """The report's lead incident, while it is the only one of `c`'s family told: opened in the headline or the
    first paragraph."""
    mine = [g for g in groups if g.first.family == c.family]
    if text is None or len(mine) != 1:
        return None
    start = mine[0].first.event.evidence.start
    return mine[0] if len(re.findall(r"\n+", text[:start])) <= 1 else None


def merge_events(candidates: Sequence[Candidate], text: str | None = None, parents: Mapping[str, str] | None = None
                 ) -> tuple[list[Event], list[Candidate]]:
    """One event per incident: each candidate joins the latest compatible earlier group, else opens one. An
    unanchored candidate ("No group has claimed the assault") only joins; those that found no incident come
    back as the second list. With the document's `text`, paragraph breaks count (see `_new_item`)."""
    groups: list[_Group] = []
    alone: list[Candidate] = []
    for c in candidates:
        latest = next((g for g in reversed(groups) if g.first.family == c.family), None)
        lead = _lead(groups, c, text)
        for g in groups if c.revises else reversed(groups):
            if compatible(g, c, g is latest and _follows(g, c, text), g is latest and _adjacent(g, c, text),
                          parents, g is lead) \
                    and not _new_item(g, c, text, g is lead):
                g.members.append(c)
                break
        else:
            if c.anchored:
                groups.append(_Group([c]))
            else:
                alone.append(c)
    return [_combine(g, parents) for g in groups], alone
