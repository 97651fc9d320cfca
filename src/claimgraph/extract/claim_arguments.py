"""Which actors a claim may name. A claim ties two identifiable actors; an actor the text only describes
without anyone to identify ("gunmen", "unidentified armed group", "military forces" of no stated country) fills
an event's perpetrator or target slot (extract/events.py) but is never a claim's subject or object: "Unidentified
Armed Group (Pakistan) targets Khyber Pakhtunkhwa" tells an analyst nothing a graph of actors can hold. State
forces of a named country ("Military Forces of India", "Pakistani security establishment") are identifiable
and stay."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from ..nlp.descriptive import Description, force_country
from ..ontology import Ontology
from ..records import Claim, Entity, EntityRef, Place, Span

_ATTACKED = "attacked"
#: Whether a place entity names a country, which may then act as a state ("Pakistan attacked …").
IsState = Callable[[Entity], bool]


def type_allowed(ontology: Ontology, entity: Entity, allowed: Sequence[str] | None, is_state: IsState) -> bool:
    """Whether an entity may fill a predicate's slot that allows `allowed` types. A country the text names as
    an actor ("Pakistan supports …", "Israel fought Hezbollah") acts as a state; a town or province never
    does."""
    if allowed is None:
        return True
    if any(ontology.is_a(entity.type, a) for a in allowed):
        return True
    return entity.type == "place" and "state" in allowed and is_state(entity)


def identified(e: Entity) -> bool:
    """A named entity, or a description whose own words name whose it is ("Israeli soldiers", "Afghan forces");
    "soldiers" made Malian only by the place of the incident names nobody."""
    return e.kind == "named" or any(len(words) > 1 and any(w[:1].isupper() for w in words)
                                    for words in (m.text.split() for m in e.mentions))


def unidentifiable(descriptions: Iterable[Description]) -> tuple[frozenset[str], tuple[str, ...]]:
    """Bare names (no country given: never identifiable) and name prefixes of the categories that are not a
    state's forces (an unnamed group stays unnamed with a country: "Unidentified Armed Group (Mali)")."""
    bare, prefixes = set(), []
    for d in descriptions:
        bare.add(d.bare_name.lower())
        if d.category != "State Forces":
            prefixes.append(d.name.split("{", 1)[0].lower())
    return frozenset(bare), tuple(p for p in prefixes if p)


def drop_unidentified(
    claims: Sequence[Claim], entities: Sequence[Entity], rule: tuple[frozenset[str], tuple[str, ...]]
) -> tuple[list[Claim], list[tuple[str, str]]]:
    """The claims whose subject and object are identifiable actors, and a dropped entry (what, why) for each
    other one."""
    bare, prefixes = rule
    unnamed = {e.id: e.name for e in entities
               if e.kind == "descriptive" and (e.name.lower() in bare or e.name.lower().startswith(prefixes))}
    kept, dropped = [], []
    for c in claims:
        who = next((r for r in (c.subject, c.object) if r is not None and r.id in unnamed), None)
        if who is None:
            kept.append(c)
        else:
            obj = c.object.name if c.object else "-"
            dropped.append((f"{c.predicate}({c.subject.name}, {obj}) at {c.evidence.start}",
                            f"{who.name!r} is described, not identified: it belongs in an event, not a claim"))
    return kept, dropped


def own_ground(claims: Sequence[Claim], entities: Sequence[Entity], resolve_place: Callable[[str], Place | None],
               country_code: Callable[[str], str | None]) -> tuple[list[Claim], list[tuple[str, str]]]:
    """A state's own forces are based across their country: "an army base in Bama" (Nigeria's) says where an
    incident was, not where the Nigerian army has its base. Such `based_in` claims of a described state force in a
    place of its own country go, each with a dropped entry (what, why); abroad they stay ("US forces based in
    Syria")."""
    home = {e.id: cc for e in entities if e.kind == "descriptive" and (c := force_country(e.name)) is not None
            and (cc := country_code(c)) is not None}
    kept, dropped = [], []
    for c in claims:
        place = resolve_place(c.object.name) if c.predicate == "based_in" and c.subject.id in home \
            and c.object is not None else None
        if place is not None and place.country_code == home[c.subject.id]:
            dropped.append((f"based_in({c.subject.name}, {c.object.name}) at {c.evidence.start}",
                            f"{c.object.name!r} lies in the country whose forces {c.subject.name!r} are"))
        else:
            kept.append(c)
    return kept, dropped


def whom_not_where(claims: Sequence[Claim], incidents: Sequence[Sequence[Span]], is_place: Callable[[EntityRef], bool],
                   is_body: Callable[[EntityRef], bool]) -> tuple[list[Claim], list[tuple[str, str]]]:
    """An attack whose incident (`incidents`: each one's text spans) says which body or person it hit ("X stormed
    an army post in Diffa, killing 12 soldiers"): X attacked them, and "X attacked Diffa", of the same incident and
    polarity, names only where. Such claims go, each with a dropped entry (what, why). A people named by an
    adjective ("the Indian embassy") is no such body: the place stays beside it."""
    def within(c: Claim, spans: Sequence[Span]) -> bool:
        return any(m.start <= c.evidence.start and c.evidence.end <= m.end for m in spans)

    whom = [c for c in claims if c.predicate == _ATTACKED and c.object is not None and is_body(c.object)]
    kept, dropped = [], []
    for c in claims:
        where = c.object if c.predicate == _ATTACKED and c.object is not None and is_place(c.object) else None
        told = next((w for w in whom if (w.subject.id, w.polarity) == (c.subject.id, c.polarity)
                     and any(within(c, spans) and within(w, spans) for spans in incidents)), None) if where else None
        if where is None or told is None or told.object is None:
            kept.append(c)
            continue
        dropped.append((f"{c.predicate}({c.subject.name}, {where.name}) at {c.evidence.start}",
                        f"the incident names whom it hit: {told.object.name}"))
    return kept, dropped
