"""One incident told again by the sources around it: a branch claiming what its parent's "affiliate" was said to
have done, a group's apposition that says where the group is, a statement's day, the two ends of a route, speakers
the parser listed among the dead, a toll stated with only a country, an incident named in passing in an arrest, a
record of regular raids, a governorate whose name has a lower-case article, a claim beside a suspicion, who died
in an assault, a town the index knows only abroad, a group written with "group" after its name, a trailing
attribution's day and a group a relative clause told of. The sentences are written for these tests in the style of
wire reports; none comes from a benchmark or a probe set."""

from __future__ import annotations

import pytest

from _extract_helpers import extract_text as _extract

pytestmark = pytest.mark.model


def _events(text: str, published: str = "2025-03-07"):  # noqa: ANN202 - the incident records of one text
    return _extract(text, published=published).events


def _violent(text: str, published: str = "2025-03-07"):  # noqa: ANN202
    return [e for e in _events(text, published) if e.type in ("ASSAULT", "FIGHT")]


def test_a_branch_and_its_parent_are_one_side_and_the_branch_names_it() -> None:
    [event] = _violent(
        "A suicide bomber killed 12 worshippers at a mosque in Mazar-i-Sharif on Friday, in an attack claimed by the "
        "Islamic State group's regional affiliate, officials said.\n\n"
        "Islamic State Khorasan Province said in a statement that one of its fighters had targeted a gathering of "
        "Shiites, killing or wounding around 50.")
    assert [p.name for p in event.perpetrators] == ["Islamic State Khorasan Province"]


def test_a_place_in_a_groups_apposition_is_where_the_group_is() -> None:
    [event] = _violent(
        "Militants ambushed an army convoy near Douentza in central Mali on Monday, killing 9 soldiers, officials "
        "said.\n\nJama'at Nusrat al-Islam wal-Muslimin (JNIM), al Qaeda's affiliate in the Sahel, claimed "
        "responsibility for the ambush on Tuesday.", published="2025-03-05")
    assert event.place is not None and event.place.name != "Sahel"
    assert event.date is not None and event.date.value == "2025-03-03"


def test_the_day_a_statement_came_out_late_is_not_the_day_of_the_act() -> None:
    [event] = _violent("The army said in a communique late on Tuesday that a convoy had been attacked by armed "
                       "men near Douentza, killing six soldiers.", published="2025-03-07")
    assert event.date is None or event.date.value != "2025-03-04"


def test_the_ends_of_a_route_are_not_where_it_happened() -> None:
    [event] = _violent("Gunmen attacked a convoy in central Mali on Monday. The convoy, which was escorting fuel "
                       "trucks from Mopti to Gao, lost six soldiers, the army said.", published="2025-03-05")
    assert event.place is None or event.place.name not in ("Gao", "Mopti")


def test_speakers_after_a_list_of_the_dead_are_not_among_them() -> None:
    [event] = _violent("Militants ambushed a patrol near Douentza on Monday, killing at least 11 soldiers, two "
                       "security sources and a local official said.", published="2025-03-05")
    assert event.killed is not None and event.killed.min == 11


def test_a_toll_stated_with_only_a_country_tells_the_attack_just_told() -> None:
    events = _violent(
        "Gunmen killed seven members of the Syrian Democratic Forces in an ambush on a checkpoint near the town of "
        "Hajin on Sunday, a war monitor said.\n\n"
        "In a statement, the group's media office in Syria said five of its members had been killed in the attack "
        "and blamed Islamic State cells.", published="2025-03-04")
    assert len(events) == 1


def test_an_incident_named_in_passing_in_an_arrest_is_no_new_incident() -> None:
    events = _events(
        "A bomb tore through a market in Quetta on Thursday, killing nine people, police said.\n\n"
        "Police said they had arrested four men on Saturday, including a suspected financier of the bombing, in a "
        "raid in the city's outskirts.", published="2025-03-09")
    violent = [e for e in events if e.type in ("ASSAULT", "FIGHT")]
    assert len(violent) == 1 and violent[0].date is not None and violent[0].date.value == "2025-03-06"
    assert [e.type for e in events if e.type == "COERCE"] == ["COERCE"]


def test_an_incident_first_named_in_passing_is_still_an_incident() -> None:
    events = _violent("Police arrested the man on Saturday for his part in the 2019 Kalat market bombing, which "
                      "killed 14 people.", published="2025-03-09")
    assert len(events) == 1


def test_regular_raids_a_force_has_carried_out_are_its_record_not_an_incident() -> None:
    assert _violent("Iraqi forces, backed by the US-led coalition, have since carried out regular air strikes and "
                    "raids in the Hamrin mountains.") == []


@pytest.mark.parametrize("text", [
    "Gunmen killed nine soldiers in an ambush in Deir ez-Zor province on Monday.",
    "Gunmen killed nine soldiers in an ambush in Syria's eastern Deir ez-Zor province on Monday.",
])
def test_a_governorate_named_with_a_lower_case_article_is_the_governorate(text: str) -> None:
    [event] = _violent(text)
    assert event.place is not None and event.place.precision == "province" and event.place.name == "Deir ez-Zor"


def test_a_claim_of_the_attack_that_names_its_village_joins_it_beside_the_suspicion() -> None:
    [event] = _violent(
        "At least nine farmers were killed when insurgents attacked Gwoza village in Borno State on Sunday, officials "
        "said.\n\nPolice said the attackers, suspected to be members of the Boko Haram group, arrived on "
        "motorcycles and opened fire on farmers on the outskirts of the village.\n\n"
        "Late on Monday, the Islamic State West Africa Province claimed the attack, saying its fighters had killed "
        "12 'apostates' in Gwoza.", published="2025-03-05")
    assert {p.name for p in event.perpetrators} == {"Boko Haram", "Islamic State West Africa Province"}


def test_who_died_in_an_assault_is_its_victim_whatever_the_apposition() -> None:
    [event] = _violent("The group's long-time leader, Abu Hamza, died in May 2021 during an assault by ISWAP "
                       "fighters on his hideout.")
    assert [p.name for p in event.perpetrators] == ["Islamic State West Africa Province"]
    assert "Abu Hamza" in [t.name for t in event.targets]


def test_a_town_the_index_knows_only_abroad_is_a_town_of_the_division_named() -> None:
    # "Boni" is an alternate name of Bonn in GeoNames; in Mali's Mopti region it is the village named
    [event] = _violent("Militants ambushed a convoy of Malian soldiers near Boni in Mali's central Mopti region on "
                       "Monday, killing at least 14 soldiers.", published="2025-03-05")
    assert event.place is not None and (event.place.name, event.place.admin1, event.place.country) == (
        "Boni", "Mopti", "Mali")


def test_a_group_written_with_group_after_it_keeps_that_form_among_its_aliases() -> None:
    x = _extract("Suspected Islamic State group militants killed four soldiers near Raqqa on Monday.",
                 published="2025-03-05")
    [isis] = [e for e in x.entities if e.name == "Islamic State"]
    assert "Islamic State group" in isis.aliases


def test_the_day_of_a_trailing_attribution_is_when_it_was_told() -> None:
    # the parser makes "attack" the subject of "said": the day still belongs to the saying
    [event] = _violent("A suspected al-Qaida attack using explosives-laden drones killed at least five fighters at a "
                       "camp in Abyan, officials said Wednesday.", published="2025-03-05")
    assert event.date is None or event.date.value != "2025-03-05"


def test_the_group_is_the_one_a_relative_clause_just_told_of() -> None:
    [event] = _violent(
        "There was no immediate claim of responsibility from AQAP, which has waged a years-long campaign against "
        "the separatists in Abyan. In August, the group claimed a suicide car bombing at a military checkpoint in "
        "Mudiyah that killed 16 separatist troops.", published="2025-03-05")
    assert [p.name for p in event.perpetrators] == ["Al-Qaida in the Arabian Peninsula"]


@pytest.mark.parametrize("text", [
    "Police arrested four men linked to the TTP during a raid in Peshawar on Monday. Hand grenades and letters "
    "were recovered; no shots were fired.",
    "Police defused a bomb planted near a mosque in Quetta on Monday.",
])
def test_weapons_found_and_shots_not_fired_are_no_attack(text: str) -> None:
    assert _violent(text, published="2025-03-05") == []


def test_a_toll_of_no_one_is_still_the_attack_told() -> None:
    [event] = _violent("Gunmen attacked a police post in Quetta on Monday. No one was killed.",
                       published="2025-03-05")
    assert event.place is not None and event.place.name == "Quetta"


@pytest.mark.parametrize("text", [
    "The cartel has been fighting local gangs in Michoacan for years.",
    "The attack took place near the town of El Aguaje, where the Jalisco New Generation Cartel has been fighting "
    "local gangs for control of drug production for years.",
])
def test_a_war_waged_for_years_is_no_clash(text: str) -> None:
    assert [e for e in _violent(text) if e.mode == "clash"] == []


def test_who_leads_a_force_is_no_actor_and_a_province_after_a_group_is_a_place() -> None:
    [event] = _violent("Suspected jihadists killed nine fighters of the Kurdish-led Syrian Democratic Forces in Deir "
                       "ez-Zor province on Monday.", published="2025-03-05")
    assert "Kurdish" not in [t.name for t in event.targets]
    assert event.place is not None and event.place.name == "Deir ez-Zor"


def test_a_country_leading_a_coalition_is_the_country() -> None:
    x = _extract("The Saudi-led coalition struck Houthi positions near Sanaa on Monday.", published="2025-03-05")
    assert any("Saudi Arabia" in e.name for e in x.entities)
