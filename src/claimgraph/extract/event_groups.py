"""The group behind a person who did the act: "TTP commander Mullah Hamza led the raid" names the TTP as a side too.

    Event (perpetrators: people only) + the document's claims (person member_of / directs group) ─▶ Event
                                                                                 (the group added after them)

A doer of a violent act (ASSAULT, FIGHT) who is a person and whom the same report states, as its own or a named
source's assertion (not hedged, not negated), to be a member or a leader of one group (an armed group, or an
organisation the lists do not type) is acting for that group: the group joins the perpetrators, after the person
(the person stays the first doer), also beside unnamed attackers ("militants led by TTP commander X"). A person
said to belong to several groups adds none; a meeting or a statement stays the person's own; an event with a
named doer that is no person, or a state's forces, is left as it is, and so is every other field (responsibility
stays what the text said of the act).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..records import Claim, Entity, EntityRef, Event, Modality, Polarity

#: predicates that make a person act for a group
_OF_GROUP = frozenset({"member_of", "directs"})
#: the acts a person does for a group (PLOVER's violent types; a meeting or a statement is the person's own)
_VIOLENT_TYPES = frozenset({"ASSAULT", "FIGHT"})
#: entity types a person acts for
_GROUP_TYPES = frozenset({"armed_group", "organisation"})


def _unnamed(ref: EntityRef) -> bool:
    """An unnamed armed group ("militants led by X": ACLED's "Unidentified Armed Group", a `dsc_` id)."""
    return ref.id.startswith("dsc_") and ref.name.lower().startswith("unidentified")


def groups_of_doers(events: Sequence[Event], claims: Sequence[Claim], entities: Sequence[Entity]) -> list[Event]:
    """The events, each whose doers are all people with one stated group given that group as a doer too."""
    types = {e.id: e.type for e in entities}
    groups: dict[str, dict[str, EntityRef]] = {}
    for c in claims:
        if c.predicate in _OF_GROUP and c.object is not None and c.polarity is Polarity.AFFIRMED \
                and c.modality is Modality.ASSERTED and types.get(c.subject.id) == "person" \
                and types.get(c.object.id) in _GROUP_TYPES:
            groups.setdefault(c.subject.id, {})[c.object.id] = c.object
    out = []
    for e in events:
        doers = e.perpetrators
        if e.type not in _VIOLENT_TYPES or not doers \
                or any(types.get(d.id) != "person" and not _unnamed(d) for d in doers):
            out.append(e)
            continue
        found = {g.id: g for d in doers if len(groups.get(d.id, {})) == 1 for g in groups[d.id].values()}
        added = tuple(g for g in found.values() if g.id not in {d.id for d in doers})
        out.append(replace(e, perpetrators=doers + added) if added else e)
    return out
