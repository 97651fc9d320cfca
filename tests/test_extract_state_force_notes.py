"""Conflict-event notes about state forces and clashes (South Asian press wording): the side a clash was "with",
one battle told twice, the country whose forces act choosing among namesakes, a listed word that begins a place
name, ceasefire violations and lynchings as violent acts, and towns GeoNames renamed. The sentences are written
for these tests in the style of such notes; none comes from a benchmark."""

from __future__ import annotations

import pytest

from _extract_helpers import extract_text as _extract
from claimgraph.records import Event

pytestmark = pytest.mark.model


def _violent(text: str) -> list[Event]:
    return [e for e in _extract(text).events if e.type in ("ASSAULT", "FIGHT")]


def _perps(ev: Event) -> list[str]:
    return [p.name for p in ev.perpetrators]


@pytest.mark.parametrize(("text", "side"), [
    ("Two militants were killed in an encounter with security forces in Kulgam district.", "Military Forces of India"),
    ("Three Maoists were killed in an exchange of fire with the police in Sukma district.", "Police Forces of India"),
    ("A soldier was killed in a gunfight with militants in Baramulla.", "Unidentified Armed Group (India)"),
])
def test_the_side_a_clash_was_with_fought_it(text: str, side: str) -> None:
    events = _violent(text)
    assert events and side in _perps(events[0])


def test_the_subject_of_a_clause_a_clash_hangs_from_is_the_other_side() -> None:
    ev = _violent("The Syrian forces took full control of the town of Rabi'a in Latakia province in fierce clashes"
                  " with the militants.")[0]
    assert _perps(ev)[0] == "Military Forces of Syria"
    assert "Unidentified Armed Group (Syria)" in _perps(ev)


def test_a_clash_and_the_attack_of_one_of_its_sides_are_one_battle() -> None:
    events = _violent("Multiple militants were killed after fierce clashes with Afghan security forces in Farah city"
                      " on Friday, local police confirmed. The attack occurred after midnight when dozens of Taliban"
                      " militants attacked security forces positions from three directions.")
    assert len(events) == 1
    assert {"Taliban", "Military Forces of Afghanistan"} <= set(_perps(events[0]))


def test_two_attacks_by_different_groups_stay_two() -> None:
    events = _violent("TTP militants attacked a police station in Bannu, killing two policemen. In a separate"
                      " incident, BLA militants attacked an army post in Kech district.")
    assert len(events) == 2


@pytest.mark.parametrize("text", [
    "BSF troops shot dead an intruder along the border in Samba sector.",
    "Indian troops shot dead an intruder along the border in Samba.",
])
def test_the_country_whose_forces_act_picks_the_namesake(text: str) -> None:
    ev = _violent(text)[0]
    assert ev.place is not None and ev.place.country == "India"


def test_a_force_whose_country_only_the_document_suggests_picks_no_namesake() -> None:
    ev = _violent("An Afghan teenager stabbed and injured 2 Americans in Amsterdam Central Station. Police said"
                  " that the attacker had terrorist motives.")[0]
    assert ev.place is not None and ev.place.country == "The Netherlands"


def test_a_listed_word_that_begins_a_place_name_is_the_place() -> None:
    x = _extract("Taliban fighters attacked a checkpoint in Lashkar Gah, killing four soldiers.")
    assert all(e.name != "Lashkar-e-Taiba" for e in x.entities)
    ev = [e for e in x.events if e.type == "ASSAULT"][0]
    assert ev.place is not None and ev.place.admin1 == "Helmand"
    x = _extract("Lashkar militants attacked a police post in Kupwara.")
    assert any(e.name == "Lashkar-e-Taiba" for e in x.entities)


def test_a_ceasefire_violation_is_an_armed_act_not_an_agreement() -> None:
    x = _extract("Pakistani troops violated the ceasefire and shelled villages in Poonch district, injuring a woman.")
    assert all(e.type != "AGREE" for e in x.events)
    ev = _violent(x.doc.text)[0]
    assert _perps(ev) == ["Military Forces of Pakistan"]


def test_a_lynching_is_a_killing() -> None:
    ev = _violent("A mob lynched a man suspected of cattle theft in Alwar district (Rajasthan).")[0]
    assert ev.killed is not None and (ev.killed.min, ev.killed.max) == (1, 1)
    assert ev.place is not None and ev.place.admin1 == "Rajasthan"


@pytest.mark.parametrize(("text", "mode"), [
    # (a state's forces shooting an armed group's men fight: an operation, extract/event_kind.py)
    ("Security personnel gunned down two terrorists in Kupwara.", "operation"),
    ("Pakistani troops resorted to unprovoked firing along the LoC in Poonch district.", "shooting")])
def test_firing_wording_of_the_region_is_a_shooting(text: str, mode: str) -> None:
    ev = _violent(text)[0]
    assert ev.mode == mode and ev.perpetrators


def test_a_town_under_the_name_geonames_gave_it_before() -> None:
    from claimgraph.resolve.places import PlaceResolver

    place = PlaceResolver().resolve("Chittagong")
    assert place is not None and place.country == "Bangladesh" and place.precision == "city"


def test_regional_words_for_the_killed_and_for_unknown_attackers() -> None:
    ev = _violent("A policeman guarding a polio team was martyred when terrorists opened fire in Bajaur.")[0]
    assert ev.killed is not None and (ev.killed.min, ev.killed.max) == (1, 1)
    ev = _violent("Unidentified miscreants set ablaze the house of a party worker in Cooch Behar district.")[0]
    assert _perps(ev) == ["Unidentified Armed Group (India)"]



def test_the_place_of_the_event_is_neither_its_doer_nor_its_target() -> None:
    ev = _violent("Assailants ambushed a convoy of party leaders in Darbha area, Bastar district, Chhattisgarh state,"
                  " India. At least 27 people were killed.")[0]
    assert ev.place is not None and ev.place.name == "Darbha"
    assert all(r.name != "Darbha" for r in (*ev.perpetrators, *ev.targets))


def _claims(text: str) -> set[tuple[str, str, str | None]]:
    return {(c.subject.name, c.predicate, c.object.name if c.object else None) for c in _extract(text).claims}


@pytest.mark.parametrize("linked", ["al Qaeda-linked", "al-Qaeda-linked"])
def test_the_group_a_name_only_relates_to_is_the_group_told_before(linked: str) -> None:
    claims = _claims(f"Al Shabaab militants stormed a hotel in Mogadishu on Friday, killing 21 people. The {linked}"
                     " group claimed responsibility for the attack on the Hayat Hotel.")
    assert ("Al-Shabaab", "claimed_responsibility_for", "Hayat Hotel") in claims
    assert all(s != "al-Qaeda" or p == "associated_with" for s, p, _ in claims)


@pytest.mark.parametrize("dateline", ["ADEN, Yemen (AP) - ", "ADEN, 5 March 2020: "])
def test_a_dateline_is_never_the_subject_of_the_first_sentence(dateline: str) -> None:
    claims = _claims(f"{dateline}Yemen's Houthi rebels fired a ballistic missile at a military parade in Aden,"
                     " killing at least 40 soldiers, security officials said.")
    assert ("Houthis", "attacked", "Military Forces of Yemen") in claims
    assert all(s not in ("Yemen", "Aden", "Quetta") for s, _, _ in claims)


def test_a_denial_does_not_undo_what_the_report_itself_says_was_done() -> None:
    ev = _violent("Myanmar's military carried out airstrikes on a village in the Sagaing region on Tuesday, killing at"
                  " least 20 civilians. The military has denied targeting civilians and says it is fighting"
                  " terrorists.")[0]
    assert _perps(ev) == ["Military Forces of Myanmar"]


def test_it_in_what_a_speaker_says_is_the_speaker_not_the_last_group_named() -> None:
    ev = _violent("Myanmar's military carried out airstrikes on a village in the Sagaing region, killing at least 20"
                  " civilians. The People's Defence Force, an armed group opposed to the military, said the jets"
                  " bombed the village. The military has denied targeting civilians and says it is fighting"
                  " terrorists.")[0]
    assert "People's Defence Force" not in _perps(ev)


def test_a_denial_in_the_main_clause_does_not_deny_a_relative_clause() -> None:
    x = _extract("Russian warplanes struck rebel-held areas in Idlib province on Wednesday, killing nine civilians."
                 " Russia, which backs President Bashar al-Assad, denies targeting civilians.")
    backs = [c for c in x.claims if c.predicate == "supports" and c.subject.name == "Russia"]
    assert backs and all(c.polarity.name == "AFFIRMED" for c in backs)


def test_ties_of_people_who_did_nothing_here_credit_no_one() -> None:
    ev = _violent("Suspected jihadists killed 14 civilians in an attack on a village in central Mali's Mopti region."
                  " No group has claimed responsibility, but militants linked to al Qaeda and Islamic State operate"
                  " in the area.")[0]
    assert not {"al-Qaeda", "Islamic State"} & set(_perps(ev))
    ev = _violent("A bomb exploded in a market in Peshawar, killing five people. Police linked the bombing to the"
                  " TTP.")[0]
    assert _perps(ev) == ["Tehrik-i-Taliban Pakistan"]


def test_attacks_planned_or_done_again_and_again_are_no_incident() -> None:
    x = _extract("The Taliban government said on Sunday it had arrested six members of the ISKP who were planning"
                 " attacks on Shia mosques in Kabul.")
    assert not _violent(x.doc.text)
    assert [e.mode for e in x.events] == ["arrest"]
    assert not _violent("ISKP has repeatedly targeted the Hazara community.")
    assert _violent("Police said the man had planned the attack for months. The attack killed 12 people in Kabul.")


def test_an_encounter_told_again_with_its_operation_is_one_event() -> None:
    events = _violent("Two terrorists were killed and an Army jawan was injured in an encounter in Jammu and Kashmir's"
                      " Kupwara district on Wednesday, officials said. The encounter broke out after security forces"
                      " launched a cordon and search operation in the Machil sector following inputs about the"
                      " presence of terrorists.")
    assert len(events) == 1
    assert "Military Forces of India" in _perps(events[0])


def test_the_forces_who_killed_the_attackers_did_not_do_the_attack() -> None:
    ev = _violent("Al Shabaab militants stormed a hotel in Mogadishu on Friday night, killing at least 21 people."
                  " Security forces killed the attackers on Saturday, police said.")[0]
    assert _perps(ev) == ["Al-Shabaab"]


def test_the_subject_two_verbs_share_did_the_second() -> None:
    ev = _violent("Security forces foiled an infiltration bid along the LoC in Keran sector and killed two"
                  " intruders.")[0]
    assert ev.perpetrators


def test_suspects_an_act_was_done_to_did_not_do_it() -> None:
    # (a raid that harmed no one and the arrests made in it are one arrest)
    events = list(_extract("Police raided a hideout in Karachi and arrested two suspected members of the Baloch"
                           " Liberation Army.").events)
    assert [(e.type, _perps(e)) for e in events] == [("COERCE", ["Police Forces of Pakistan"])]


def test_a_province_named_with_its_kind_word_is_the_place() -> None:
    claims = _claims("The TTP is believed to be sheltering in Afghanistan's Kunar province, Pakistani officials say.")
    assert ("Tehrik-i-Taliban Pakistan", "based_in", "Kunar") in claims


def test_a_country_the_ner_took_for_a_person_is_a_place() -> None:
    claims = _claims("Russia's Wagner Group has deployed fighters to Mali to support the military junta.")
    assert ("Wagner Group", "operates_in", "Mali") in claims


def test_a_list_entry_is_dated_by_its_own_date() -> None:
    x = _extract("Terrorist incidents in Pakistan in 2017\n\n-   15 FEBRUARY - 5 People including 3 Levies personnel"
                 " killed in a suicide attack in Mohmand Agency.\n")
    ev = _violent(x.doc.text)[0]
    assert ev.date is not None and ev.date.value == "2017-02-15"


def test_a_casualty_word_hung_on_the_part_counts_the_whole() -> None:
    ev = _violent("5 People including 3 Levies personnel killed in a suicide attack in Mohmand Agency.")[0]
    assert ev.killed is not None and (ev.killed.min, ev.killed.max) == (5, 5)


def test_security_forces_wording_of_killing_counts_the_dead() -> None:
    ev = _violent("Security forces neutralised three terrorists in an operation in Pulwama.")[0]
    assert ev.killed is not None and ev.killed.min == 3


def test_a_trigger_with_one_name_and_a_described_force_is_read() -> None:
    x = _extract("Police dispersed the protesters using tear gas in Karachi.")
    assert [e.mode for e in x.events] == ["demonstration"]


def test_a_place_the_ner_cut_into_a_persons_name_is_whole_again() -> None:
    ev = _violent("The CTD gunned down four terrorists of the banned TTP in Dera Ismail Khan.")[0]
    assert ev.place is not None and ev.place.name == "Dera Ismail Khan"


def test_a_weapon_the_ner_took_for_a_name_is_no_target_and_a_raid_no_charge() -> None:
    ev = _violent("Al Shabaab detonated a VBIED at a checkpoint in Afgooye, killing 4 soldiers.")[0]
    assert all(t.name != "VBIED" for t in ev.targets)
    # the raid is how the arrest was made: one record, the arrest, by its doer
    events = _extract("SDF forces arrested 15 suspected ISIS members in a raid in Al-Busayrah.",
                      published="2025-01-20").events
    assert [(e.type, _perps(e)) for e in events] == [("COERCE", ["SDF"])]



def test_a_revised_toll_paragraphs_later_is_the_lead_incidents() -> None:
    events = _violent(
        "A suicide bomber struck a mosque inside a police compound in Peshawar on Monday, killing at least 59 people."
        "\n\nSarbakaf Mohmand, a commander of the Pakistani Taliban, claimed responsibility for the attack.\n\n"
        "Peshawar has been the scene of frequent militant attacks. In March last year, an Islamic State suicide"
        " bomber killed 63 people at a Shiite mosque in the city.\n\nPrime Minister Shehbaz Sharif condemned the"
        " attack. The death toll rose to 84 on Tuesday as rescuers pulled more bodies from the rubble, police said.")
    assert [(e.killed.min if e.killed else None) for e in events] == [84, 63]


def test_the_forces_who_ended_a_siege_did_not_do_the_attack() -> None:
    events = _violent("Gunmen stormed a maternity hospital in Kabul on Tuesday, killing 24 people.\n\nNo group claimed"
                      " responsibility for the hospital attack in Kabul, which lasted several hours before security"
                      " forces killed the three attackers. The Taliban denied involvement.")
    assert len(events) == 1 and "Military Forces of Afghanistan" not in _perps(events[0])


def test_a_province_in_brackets_places_an_unknown_village() -> None:
    ev = _violent("On 3 April 2021, 22 security personnel were killed in an ambush by Maoists near Tekalguda village"
                  " (Chhattisgarh).")[0]
    assert ev.place is not None and (ev.place.name, ev.place.admin1, ev.place.country) == \
        ("Tekalguda", "Chhattisgarh", "India")
