"""One incident, one event: the merge of an incident's mentions (pure, hand-built events) and on real parses."""

from __future__ import annotations

from dataclasses import replace

import pytest

from claimgraph.contract import event_from_json, event_to_json
from claimgraph.extract.event_merge import Candidate, dates_compatible, disputed, merge_events, places_compatible
from claimgraph.records import (
    CasualtyReport,
    EntityRef,
    Event,
    PartialDate,
    Place,
    Precision,
    Quantity,
    Responsibility,
    Source,
    SourceKind,
    Span,
)

TTP = EntityRef("curated:ttp", "Tehrik-i-Taliban Pakistan")
BLA = EntityRef("curated:bla", "Balochistan Liberation Army")
POLICE = EntityRef("desc:police", "police")
BANNU = Place("Bannu", "Khyber Pakhtunkhwa", "Pakistan", 1, precision="city")
KP = Place("Khyber Pakhtunkhwa", "Khyber Pakhtunkhwa", "Pakistan", 2, precision="province")
QUETTA = Place("Quetta", "Balochistan", "Pakistan", 3, precision="city")
PAKISTAN = Place("Pakistan", None, "Pakistan", 4, precision="country")


def _event(start: int, text: str, *, type_: str = "ASSAULT", mode: str = "bombing", perps=(), targets=(),
           place: Place | None = None, date: str | None = None, killed: int | None = None,
           responsibility: Responsibility = Responsibility.UNKNOWN) -> Event:
    span = Span(start, start + len(text), text)
    pd = None if date is None else PartialDate(date, {4: Precision.YEAR, 7: Precision.MONTH}.get(len(date),
                                                                                                 Precision.DAY))
    return Event(f"evt_{start}", "doc", type_, mode, span, tuple(perps), tuple(targets), place, pd,
                 None if killed is None else Quantity(killed, killed, False, str(killed)),
                 responsibility=responsibility, mentions=(span,))


def _cand(event: Event, *, refers_back: bool = False, another: bool = False, rank: int = 1,
          family: str = "violent", tolls: tuple[CasualtyReport, ...] = (), generic: bool = False,
          anchored: bool = True, named_place: bool = True) -> Candidate:
    return Candidate(event, family, rank, refers_back, another, tolls, generic, anchored, named_place)


def test_a_later_definite_mention_joins_with_its_participants_and_spans() -> None:
    first = _event(0, "A suicide bomber struck a police station in Bannu on Wednesday.", place=BANNU,
                   date="2024-05-15", killed=8)
    later = _event(200, "The Pakistani Taliban claimed the attack.", mode="attack", perps=[TTP],
                   responsibility=Responsibility.CLAIMED)
    (merged,), _ = merge_events([_cand(first, rank=0), _cand(later, refers_back=True, rank=5)])
    assert merged.id == first.id and merged.mode == "bombing"
    assert merged.perpetrators == (TTP,) and merged.responsibility is Responsibility.CLAIMED
    assert merged.place == BANNU and merged.date is not None and merged.date.value == "2024-05-15"
    assert merged.mentions == (first.evidence, later.evidence)


def test_a_claim_placed_only_by_its_paragraph_joins_the_attack_it_claims() -> None:
    """"… in Khyber Pakhtunkhwa. ¶ The TTP claimed responsibility for the attack. The TTP is an ally of the Afghan
    Taliban, who seized power in Kabul": Kabul is the paragraph's guess, not where the claimed attack was."""
    first = _event(0, "A suicide bomber struck a police convoy in Khyber Pakhtunkhwa.", place=KP, killed=12)
    kabul = Place("Kabul", "Kabul", "Afghanistan", 5, precision="city")
    later = _event(200, "The TTP claimed responsibility for the attack.", mode="attack", perps=[TTP], place=kabul,
                   responsibility=Responsibility.CLAIMED)
    (merged,), _ = merge_events([_cand(first, rank=0), _cand(later, refers_back=True, rank=5, named_place=False)])
    assert merged.place == KP and merged.perpetrators == (TTP,)
    # placed by its own sentence, the same claim is another incident
    events, _ = merge_events([_cand(first, rank=0), _cand(later, refers_back=True, rank=5)])
    assert len(events) == 2


def test_an_unanchored_mention_only_joins() -> None:
    lone = _event(0, "No group has claimed responsibility for the assault.", mode="attack")
    events, alone = merge_events([_cand(replace(lone), refers_back=True, anchored=False)])
    assert events == [] and [c.event for c in alone] == [lone]
    first = _event(0, "Militants attacked a police post in Bannu.", mode="attack", place=BANNU)
    later = _event(100, lone.evidence.text, mode="attack")
    (merged,), alone = merge_events([_cand(first), _cand(later, refers_back=True, anchored=False)])
    assert alone == [] and merged.mentions == (first.evidence, later.evidence)


def test_most_specific_place_and_date_win() -> None:
    a = _event(0, "An attack in Khyber Pakhtunkhwa in May.", place=KP, date="2024-05")
    b = _event(100, "The blast in Bannu on 14 May.", place=BANNU, date="2024-05-14")
    (merged,), _ = merge_events([_cand(a), _cand(b, refers_back=True)])
    assert merged.place == BANNU and merged.date is not None and merged.date.value == "2024-05-14"


@pytest.mark.parametrize(
    ("second", "kw"),
    [
        # another place in the same country
        (_event(100, "A bomb exploded in Quetta.", place=QUETTA), {"refers_back": True}),
        # another day
        (_event(100, "A bomb exploded on Tuesday.", date="2024-05-14"), {"refers_back": True}),
        # two different named sides
        (_event(100, "The BLA attacked.", perps=[BLA]), {"refers_back": True}),
        # said to be a further one
        (_event(100, "A second bomb exploded in Bannu.", place=BANNU), {"another": True}),
        # a new incident sharing nothing
        (_event(100, "Gunmen attacked a checkpoint."), {}),
        # another family
        (_event(100, "Police arrested two men in Bannu.", type_="COERCE", mode="arrest", place=BANNU),
         {"refers_back": True, "family": "COERCE"}),
    ],
)
def test_incompatible_mentions_stay_apart(second: Event, kw: dict) -> None:
    first = _event(0, "A bomb exploded in Bannu on Wednesday.", perps=[TTP], place=BANNU, date="2024-05-15")
    assert len(merge_events([_cand(first), _cand(second, **kw)])[0]) == 2


def test_victim_of_one_mention_is_not_the_attacker_of_the_other() -> None:
    a = _event(0, "Police killed 20 militants in Bannu.", perps=[POLICE], place=BANNU)
    b = _event(100, "Militants of the TTP attacked police in Bannu.", perps=[TTP], targets=[POLICE], place=BANNU)
    assert len(merge_events([_cand(a), _cand(b)])[0]) == 2


def test_a_new_mention_joins_on_the_same_place() -> None:
    a = _event(0, "Militants attacked a police post in Bannu.", mode="attack", place=BANNU, killed=8)
    b = _event(100, "A suicide bomber struck Bannu.", mode="suicide_bombing", place=BANNU)
    (merged,), _ = merge_events([_cand(a, rank=9, generic=True), _cand(b, rank=0)])
    assert merged.mode == "suicide_bombing"  # a generic opening mode gives way to the more specific one


def test_the_opening_mode_stays_unless_generic() -> None:
    a = _event(0, "Five police officers were killed in a standoff in Bannu.", type_="FIGHT", mode="siege",
               place=BANNU)
    b = _event(100, "Hours later a militant shot a policeman in Bannu.", mode="shooting", place=BANNU)
    (merged,), _ = merge_events([_cand(a, rank=8), _cand(b, rank=6)])
    assert (merged.type, merged.mode) == ("FIGHT", "siege")


def test_differing_tolls_stay_as_disputed_values_with_sources() -> None:
    s1 = Span(0, 30, "Officials said 9 were killed.")
    s2 = Span(100, 140, "Police said the death toll rose to 12.")
    officials = Source("Officials", SourceKind.ANONYMOUS, "said")
    police = Source("Police", SourceKind.ANONYMOUS, "said")
    t1 = CasualtyReport("killed", Quantity(9, 9, False, "9"), s1, officials)
    t2 = CasualtyReport("killed", Quantity(12, 12, False, "12"), s2, police, revised=True)
    a = _event(0, s1.text, place=BANNU, killed=9)
    b = _event(100, s2.text, mode="killing", killed=12)
    (merged,), _ = merge_events([_cand(a, tolls=(t1,)), _cand(b, refers_back=True, tolls=(t2,))])
    assert merged.killed is not None and merged.killed.min == 12  # the revision supersedes
    assert merged.tolls == (t1, t2)
    assert [t.source.name for t in merged.tolls if t.source] == ["Officials", "Police"]


def test_one_figure_stated_twice_is_no_dispute() -> None:
    span = Span(0, 5, "seven")
    same = [CasualtyReport("killed", Quantity(7, 7), span), CasualtyReport("killed", Quantity(7, 7), span)]
    assert disputed(same) == ()


def test_compatibility_of_places_and_dates() -> None:
    assert places_compatible(BANNU, KP) and places_compatible(BANNU, PAKISTAN) and places_compatible(None, BANNU)
    assert not places_compatible(BANNU, QUETTA)
    assert not places_compatible(QUETTA, KP)  # a city outside the province
    assert dates_compatible(PartialDate("2024-05", Precision.MONTH), PartialDate("2024-05-14", Precision.DAY))
    assert not dates_compatible(PartialDate("2024-05-13", Precision.DAY), PartialDate("2024-05-14", Precision.DAY))
    week = PartialDate("2024-05-13", Precision.DAY, "this week", "2024-05-15")
    assert dates_compatible(week, PartialDate("2024-05-14", Precision.DAY))  # "this week" holds Tuesday
    assert not dates_compatible(week, PartialDate("2024-05-10", Precision.DAY))
    assert dates_compatible(PartialDate("2024-05", Precision.MONTH), week)


def test_a_village_in_the_district_named_after_a_town_may_be_the_towns_incident() -> None:
    # "near Sangan area of Sibi district" and "the blast ... on the Sibi-Sangan road" (Sibi)
    sibi = Place("Sibi", "Balochistan", "Pakistan", 5, precision="city")
    sangan = Place("Sangan", "Balochistan", "Pakistan", None, precision="city", admin2="Sibi")
    assert places_compatible(sangan, sibi) and places_compatible(sibi, sangan)
    assert not places_compatible(sangan, QUETTA)
    first = _cand(_event(0, "Three soldiers were killed near Sangan area of Sibi district.", place=sangan))
    second = _cand(_event(60, "the blast took place on the Sibi road", place=sibi), refers_back=True)
    events, _ = merge_events([first, second])
    assert len(events) == 1 and events[0].place == sangan


def test_mentions_and_tolls_survive_json() -> None:
    span = Span(0, 10, "0123456789")
    toll = CasualtyReport("killed", Quantity(9, 9, False, "9"), span, Source("Police", SourceKind.ANONYMOUS, "said"),
                          revised=True)
    event = Event("evt_1", "doc", "ASSAULT", "bombing", span, mentions=(span, Span(20, 25, "abcde")), tolls=(toll,))
    assert event_from_json(event_to_json(event)) == event


# --------------------------------------------------------------------------- real parses


@pytest.mark.model
def test_a_report_told_over_paragraphs_is_one_event() -> None:
    from _events_helpers import events_in

    text = ("A suicide bomber attacked a police station in Bannu on Wednesday, killing 8 policemen.\n\n"
            "The Pakistani Taliban claimed responsibility for the attack in a statement.\n\n"
            "Hospital officials said the blast also wounded 15 people.\n\n"
            "In a separate attack, gunmen killed two soldiers in Lakki Marwat.")
    events = [e for e in events_in(text, "2024-05-15") if e.type in ("ASSAULT", "FIGHT")]
    assert len(events) == 2
    bannu = events[0]
    assert bannu.mode == "suicide_bombing" and bannu.place is not None and bannu.place.name == "Bannu"
    assert bannu.date is not None and bannu.date.value == "2024-05-15"  # published on that Wednesday
    assert bannu.killed is not None and bannu.killed.min == 8
    assert bannu.wounded is not None and bannu.wounded.min == 15
    assert len(bannu.mentions) == 3
    assert all(text[m.start : m.end] == m.text for m in bannu.mentions)
    assert events[1].killed is not None and events[1].killed.min == 2


@pytest.mark.model
def test_a_revised_toll_supersedes_and_both_figures_are_kept() -> None:
    from _events_helpers import events_in

    text = ("Militants stormed a hotel in Mogadishu on Tuesday. Officials said 9 people were killed. "
            "Later the death toll climbed to 15.")
    (event,) = events_in(text, "2024-05-15")
    assert event.killed is not None and (event.killed.min, event.killed.max) == (15, 15)
    assert sorted(t.value.min for t in event.tolls if t.kind == "killed") == [9, 15]
    assert all(text[t.evidence.start : t.evidence.end] == t.evidence.text for t in event.tolls)
    said = next(t for t in event.tolls if t.value.min == 9)
    assert said.source is not None and said.source.name == "Officials"


@pytest.mark.model
def test_a_report_with_a_trend_and_a_running_toll_has_one_incident() -> None:
    from _events_helpers import events_in

    text = ("Suspected militants attacked a police post in Bannu late on Tuesday, police said.\n\n"
            "Two policemen were killed in the attack, district police officer Ali Khan said.\n\n"
            "No group has claimed responsibility for the assault so far.\n\n"
            "Attacks on security forces have increased in the province. More than 400 policemen have been killed "
            "in the province since 2022.")
    violent = [e for e in events_in(text, "2024-05-15") if e.type in ("ASSAULT", "FIGHT")]
    assert len(violent) == 1
    event = violent[0]
    assert event.killed is not None and (event.killed.min, event.killed.max) == (2, 2)
    assert event.date is not None and event.date.value == "2024-05-14"
    assert len(event.mentions) == 3  # the attack, its dead, and the unclaimed assault


@pytest.mark.model
def test_a_roundup_keeps_its_incidents_apart() -> None:
    from _events_helpers import events_in

    text = ("A bomb killed 5 people in Kabul on Monday.\n\nIn Kandahar, gunmen killed 3 policemen on Monday.\n\n"
            "The Taliban claimed the attack in Kandahar.\n\nIn Herat, a roadside bomb wounded 4 soldiers.")
    events = events_in(text, "2024-05-15")
    assert [e.place.name if e.place else None for e in events] == ["Kabul", "Kandahār", "Herāt"]
    assert [p.name for p in events[1].perpetrators] and len(events[1].mentions) == 2
    assert not events[0].perpetrators


def test_a_list_entry_with_its_own_toll_and_place_is_its_own_incident() -> None:
    one = "- 20 JANUARY - A bomb exploded at a market in Bannu, killing 25 people."
    two = "- 15 FEBRUARY - At least two people were killed in a suicide blast in Quetta."
    three = "At least 12 people were killed, police said."
    text = f"{one}\n\n{two}\n\n{three}"
    toll = (CasualtyReport("killed", Quantity(2, None, False, "two"), Span(0, 1, "-"),
                           Source("the report", SourceKind.OUTLET)),)
    first = _event(0, one, place=None, killed=25)  # its place unresolved: nothing to compare
    second = _event(len(one) + 2, two, place=QUETTA, killed=2)
    third = _event(len(one) + len(two) + 4, three, mode="killing", killed=12)
    events, _ = merge_events([_cand(first), _cand(second, refers_back=True, tolls=toll),
                              _cand(third, refers_back=True, tolls=toll)], text)
    assert [len(e.mentions) for e in events] == [1, 2]  # the next paragraph's bare toll joins the Quetta entry


@pytest.mark.model
def test_an_act_timed_by_the_attack_already_told_is_another_incident(extractor) -> None:  # noqa: ANN001
    from claimgraph.records import Document, text_id

    text = ("On the night of 21 December, gunmen from the IPLO shot dead two Protestant civilians in a Belfast pub. "
            "A few hours after the attack, the UDA shot dead a Catholic civilian in north Belfast.")
    x = extractor.extract(Document(text_id(text), text))
    violent = [e for e in x.events if e.type in ("ASSAULT", "FIGHT")]
    assert len(violent) == 2


GUNMEN = EntityRef("dsc_0123456789abcdef", "unidentified armed group")


def test_a_group_claiming_an_attack_told_with_a_description_joins_it_and_leads() -> None:
    first = _event(0, "Gunmen stormed a police compound in Bannu, killing three officers.", perps=[GUNMEN],
                   place=BANNU, killed=3)
    claim = _event(300, "The TTP claimed responsibility for the attack.", mode="attack", perps=[TTP],
                   responsibility=Responsibility.CLAIMED)
    (merged,), _ = merge_events([_cand(first), _cand(claim, refers_back=True)])
    # the named group leads, and the unnamed armed group beside it (the same attackers) is left out
    assert merged.perpetrators == (TTP,) and merged.responsibility is Responsibility.CLAIMED
    # a named side that only did something else is not the description's group
    other = _event(300, "The TTP attacked an army post.", mode="attack", perps=[TTP])
    assert len(merge_events([_cand(first), _cand(other, refers_back=True)])[0]) == 2


def test_a_headline_and_the_story_that_repeats_its_toll_are_one_incident() -> None:
    head = _event(0, "Twelve dead in attack on military convoy", mode="attack", place=PAKISTAN, killed=12)
    story = _event(60, "Militants killed 12 soldiers in Bannu on Monday, officials said.", place=BANNU, killed=12,
                   perps=[TTP])
    text = head.evidence.text + "\n\n" + " " * 16 + story.evidence.text
    events, _ = merge_events([_cand(head), _cand(story, tolls=(CasualtyReport("killed", story.killed,
                                                                               story.evidence),))], text)
    assert len(events) == 1 and events[0].place == BANNU
    # the story's mode and evidence, not the headline's; a headline's "kills 14" rounds the story's "at least 14"
    assert events[0].mode == story.mode and events[0].evidence == story.evidence
    at_least = replace(story, killed=Quantity(12, None, False, "at least 12"))
    events, _ = merge_events([_cand(head), _cand(at_least, tolls=(CasualtyReport("killed", at_least.killed,
                                                                                 at_least.evidence),))], text)
    assert len(events) == 1
    # a lead sentence is no headline: a later incident with the same toll stays its own
    lead = _event(0, "A bomb killed 12 people in Quetta on Monday.", place=PAKISTAN, killed=12)
    other = _event(60, "Militants killed 12 soldiers in Bannu in March.", place=BANNU, killed=12, perps=[TTP])
    events, _ = merge_events([_cand(lead), _cand(other)], lead.evidence.text + "\n\n" + other.evidence.text)
    assert len(events) == 2


@pytest.mark.model
def test_the_story_of_an_assault_told_again_with_its_weapons_and_the_attackers_flight_is_one_event() -> None:
    from _events_helpers import events_in

    # the second paragraph tells the same assault: its attackers ("around 30 attackers" striking "the checkpost"),
    # what they carried (no bombing), when the officer spoke (not when it happened), where the rest fled to
    text = ("PESHAWAR: At least 10 policemen were martyred and six others injured when dozens of heavily armed "
            "militants stormed a police checkpost in the Chaudhwan area of Dera Ismail Khan district late on "
            "Tuesday night, officials said.\n\n"
            "District Police Officer Nasir Mehmood Satti told reporters on Wednesday that around 30 attackers, "
            "equipped with rocket-propelled grenades and night-vision goggles, struck the checkpost from three "
            "directions at about 11pm. The gunfight lasted nearly two hours, he said, and three of the attackers "
            "were killed in retaliatory fire before the rest escaped towards the mountains bordering South "
            "Waziristan.")
    events = [e for e in events_in(text, "2024-10-16") if e.type in ("ASSAULT", "FIGHT")]
    assert len(events) == 1, events
    assert events[0].place is not None and events[0].place.name == "Chaudhwan"
    assert events[0].mode != "bombing"
    assert events[0].killed is not None and events[0].killed.min == 13  # ten policemen and three attackers
