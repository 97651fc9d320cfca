"""Which kind of violence an incident is once its sides are known (a state's forces against armed groups fight), what
looks like an act and is none (an alliance struck, an arrest made without a shot, a bomb-maker, missile parts
received, an attack someone is suspected of planning), and a report's lead told again in detail further down
(one incident, one event). The sentences are written for these tests in the style of wire reports."""

from __future__ import annotations

import pytest

from _extract_helpers import extract_text as _extract

pytestmark = pytest.mark.model


def _violent(text: str, published: str = "2025-05-16") -> list:
    return [e for e in _extract(text, published=published).events if e.type in ("ASSAULT", "FIGHT")]


def test_forces_killing_militants_fight() -> None:
    [event] = _violent("An army spokesman said troops had shot dead five al-Shabaab militants near Jilib on "
                       "Thursday.")
    assert (event.type, event.mode) == ("FIGHT", "operation")


def test_forces_striking_a_groups_hideouts_from_the_air_is_an_airstrike() -> None:
    [event] = _violent("The air force said its jets struck Boko Haram hideouts near Gwoza on Monday, killing dozens "
                       "of fighters.")
    assert (event.type, event.mode) == ("FIGHT", "airstrike")


def test_forces_killing_protesters_stay_an_assault() -> None:
    [event] = _violent("Soldiers shot dead six protesters in the town of Kano on Monday, witnesses said.")
    assert event.type == "ASSAULT"


def test_an_alliance_struck_is_no_attack() -> None:
    assert _violent("The Gulf Clan has reportedly struck a tactical alliance with a faction of the ELN.") == []


def test_an_arrest_without_a_shot_fired_is_no_shooting() -> None:
    events = _extract("Police detained the cartel's accountant without a shot being fired at a farm outside "
                      "Culiacán on Friday.").events
    assert [e.type for e in events] == ["COERCE"]


def test_an_attack_suspected_of_being_planned_is_no_incident() -> None:
    events = _extract("Police in Baidoa on Sunday arrested two men suspected of planning a bomb attack on the "
                      "livestock market.").events
    assert [e.type for e in events] == ["COERCE"]


def test_a_bomb_maker_and_missile_parts_are_no_incident() -> None:
    events = _extract("Troops arrested a suspected bomb-maker of the group in a raid on a house in Marawi on "
                      "Tuesday.").events
    assert [e.type for e in events] == ["COERCE"]
    assert _violent("Officials said the rebels were believed to receive missile components and drone engines from "
                    "abroad.") == []


def test_a_raid_named_as_when_a_suspect_did_something_is_the_arrests_manner() -> None:
    events = _extract("Police in Beni said they had arrested three men suspected of selling fuel to the ADF during "
                      "a raid on a house in the city on Wednesday.").events
    assert [e.type for e in events] == ["COERCE"]


LEAD = (
    "Gunmen killed at least 31 people in an attack on a village in northern Nigeria's Zamfara state, local officials "
    "said on Wednesday.\n\n"
    "Dozens of gunmen on motorcycles stormed Kadadaba, in the Bukkuyum area, on Monday evening, shooting residents "
    "and burning houses, said Musa Garba, a local councillor. He said 18 bodies had been recovered by Tuesday.\n\n"
    "No group has claimed the attack."
)


def test_a_lead_told_again_in_detail_further_down_is_one_incident() -> None:
    events = _violent(LEAD, published="2025-06-11")
    assert len(events) == 1
    assert events[0].place is not None and events[0].place.name != "Zamfara"


def test_a_second_incident_after_the_lead_stays_its_own() -> None:
    text = LEAD.replace("Dozens of gunmen on motorcycles stormed Kadadaba", "In a separate attack, dozens of gunmen "
                        "on motorcycles stormed Kadadaba")
    assert len(_violent(text, published="2025-06-11")) == 2


def test_a_retelling_placed_only_in_the_country_is_the_incident_told() -> None:
    text = ("At least nine soldiers were killed on Wednesday when jihadists attacked an army position near Porga, "
            "security sources said.\n\n"
            "A military source said dozens of heavily armed men stormed the Beninese position at dawn and fought "
            "soldiers for two hours. Six attackers were killed, he said.")
    assert len(_violent(text, published="2026-01-16")) == 1


def test_most_attacks_are_attacks_in_general() -> None:
    assert _violent("A researcher said most attacks on army posts in the north were believed to be the work of "
                    "Katiba Hanifa.") == []
    assert len(_violent("Gunmen attacked an army post near Karimama on Monday.")) == 1



DISTRICT_LEAD = (
    "Armed men stormed a police camp in Maharashtra's Gadchiroli district late on Sunday, killing at least "
    "six policemen, officials said.\n\n"
    "The Communist Party of India (Maoist) said the attack was carried out by its guerrillas, and that its fighters "
    "had targeted the police for guarding a mine. Its spokesman said the party would attack every camp in "
    "Gadchiroli.\n\n"
    "A truck packed with explosives rammed the gate of a camp near Allapalli, after which three gunmen tried to "
    "enter the compound, two officials said. All four attackers were killed in a gunfight, they said."
)


def test_a_lead_in_a_district_told_again_at_a_town_of_it_is_one_incident() -> None:
    events = _violent(DISTRICT_LEAD, published="2026-03-03")
    assert len(events) == 1
    assert events[0].place is not None and events[0].place.precision == "city"  # Allapalli, not the district


def test_a_group_saying_its_fighters_had_done_the_attack_told_claims_it() -> None:
    events = _violent(DISTRICT_LEAD.split("\n\nA truck")[0], published="2026-03-03")
    assert len(events) == 1
    assert [p.name for p in events[0].perpetrators] == ["Communist Party of India (Maoist)"]


# the first paragraphs of an invented wire report (bench/training, syn-e46-1)
ATTACKERS_AGAIN = "\n\n".join((
    'DERA GHAZI KHAN, Pakistan, Sept 18 (Wirepoint) - Militants attacked two police check posts in '
    "the Koh-e-Suleman mountains of Pakistan's Punjab province late on Wednesday, killing at least "
    'five policemen, officials said, as fighters linked to the Pakistani Taliban push into a region '
    'long regarded as relatively calm.',
    'The attackers, armed with rifles and rocket-propelled grenades, struck the Vehowa and Sokar '
    "posts in Taunsa district near the boundary with Balochistan's Musakhel district, said Kamran "
    'Haider, a spokesman for the Dera Ghazi Khan regional police. Three attackers were killed in the '
    'return fire and at least four policemen were wounded, he said.',
    '"They came down from the Balochistan side after dark and tried to overrun the posts, but they '
    'were pushed back," Haider told Wirepoint by telephone.',
    'Two of the dead belonged to the Border Military Police, a tribal force that guards the passes of'
    ' the Dera Ghazi Khan tribal area alongside the regular police, a second police official said on '
    'condition of anonymity.',
    'The Tehrik-e-Taliban Pakistan (TTP) claimed responsibility for the attack in a statement posted '
    'on Telegram by its spokesman, Sarbaz Khan Mehsud, saying fighters of the group\'s "Dera Ghazi '
    'Khan wilayat" had carried it out. The statement warned that the TTP would strike police "in '
    'every district of Punjab" in the coming weeks.',
))


def test_the_attackers_striking_in_the_next_paragraph_tell_the_lead_again() -> None:
    [event] = _violent(ATTACKERS_AGAIN, published="2025-09-18")
    assert [p.name for p in event.perpetrators] == ["Tehrik-i-Taliban Pakistan"]


def test_attackers_striking_elsewhere_in_a_separate_attack_stay_their_own() -> None:
    text = ATTACKERS_AGAIN.replace("The attackers, armed", "In a separate attack, the attackers, armed")
    assert len(_violent(text, published="2025-09-18")) == 2
