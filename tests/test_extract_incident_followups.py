"""An incident told on over the paragraphs after its lead: a toll an official "put at" a figure on a later day, a
village within the district the lead named, "the gunmen" of an attack the lead gave to a suspected group, and a
group the parser saw only once, named again inside a description of its fighters. The sentences are written for
these tests in the style of wire reports; none comes from a benchmark or a probe set."""

from __future__ import annotations

import pytest

from _extract_helpers import claim_triples
from _extract_helpers import extract_text as _extract

pytestmark = pytest.mark.model


def _violent(text: str, published: str = "2025-06-13"):  # noqa: ANN202 - the violent incident records of one text
    return [e for e in _extract(text, published=published).events if e.type in ("ASSAULT", "FIGHT")]


def test_a_toll_put_at_a_figure_on_a_later_day_revises_the_incident() -> None:
    events = _violent(
        "Two soldiers were killed and six wounded when militants attacked a checkpoint in Dera Ismail Khan district "
        "on Tuesday night, officials said.\n\n"
        "A hospital official put the death toll at three on Wednesday, saying a soldier who had been badly wounded "
        "died during surgery.\n\n"
        "The Tehreek-e-Taliban Pakistan claimed responsibility for the attack in a message to reporters.",
        published="2025-06-12")
    assert len(events) == 1
    [event] = events
    assert [p.name for p in event.perpetrators] == ["Tehrik-i-Taliban Pakistan"]
    assert event.date is not None and event.date.value == "2025-06-10"


def test_a_village_within_the_district_told_goes_on_telling_the_incident() -> None:
    events = _violent(
        "Five policemen were killed when militants attacked a police post in Balochistan's Kech district late on "
        "Sunday, officials said.\n\n"
        "The attackers tried to overrun the post in the Hoshab area of Kech. Police returned fire, triggering a "
        "gunbattle that lasted two hours.", published="2025-06-10")
    assert len(events) == 1


def test_the_gunmen_of_an_attack_given_to_a_suspected_group_are_that_group() -> None:
    events = _violent(
        "Suspected Ansaru fighters have killed at least nine farmers in attacks on two villages in Kebbe Local "
        "Government Area of Sokoto State, residents said.\n\n"
        "The gunmen, riding on motorcycles, stormed the villages at about 5pm on Tuesday, shooting at anyone they "
        "saw.", published="2025-06-12")
    assert len(events) == 1
    assert [p.name for p in events[0].perpetrators][:1] == ["Ansaru"]


def test_a_group_named_elsewhere_is_named_inside_a_description_of_its_fighters() -> None:
    [event, *_] = _violent(
        "Suspected Dandawa gunmen have killed at least 11 farmers and two vigilantes in raids on two villages in "
        "Kebbe Local Government Area of Sokoto State, residents said.\n\n"
        "Troops later struck Dandawa hideouts near the border.", published="2025-06-12")
    assert [p.name for p in event.perpetrators][:1] == ["Dandawa"]


def test_a_place_name_the_parser_once_read_as_an_organisation_is_not_repeated_as_one() -> None:
    [event, *_] = _violent(
        "Gunmen attacked a church in Lamitan on Sunday, killing two worshippers.\n\n"
        "Residents said the Lamitan attackers had come from the hills.", published="2025-06-12")
    assert all(p.name != "Lamitan" for p in event.perpetrators)


def _claims(text: str) -> set[tuple[str, str, str]]:
    return claim_triples(text, published="2025-06-12")


def test_the_bodies_of_a_joint_team_work_together() -> None:
    claims = _claims("A joint team of the Frontier Corps and the Levies Force arrested three suspects near Turbat "
                     "on Monday, officials said.")
    # (the Frontier Corps is Pakistan's paramilitary: its military forces)
    assert any(p == "cooperates_with" and "Levies Force" in (s, o) for s, p, o in claims)


def test_a_role_between_its_body_and_the_name_makes_a_member() -> None:
    claims = _claims("The Tehreek-e-Taliban Pakistan said in a statement signed by TTP information secretary "
                     "Hamid Khan that its fighters were not involved.")
    assert ("Hamid Khan", "member_of", "Tehrik-i-Taliban Pakistan") in claims


def test_a_role_owned_by_a_name_in_apposition_to_a_person_makes_a_member() -> None:
    claims = _claims("Sirajuddin Haqqani, the Taliban's interior minister, said the attackers would be punished.")
    assert ("Sirajuddin Haqqani", "member_of", "Taliban") in claims


def test_a_landform_the_parser_did_not_name_is_a_place() -> None:
    x = _extract("Islamic State fighters have withdrawn to hideouts in the remote Hamrin mountains north of "
                 "Baghdad.", published="2025-06-12")
    assert ("Hamrin mountains", "place") in {(e.name, e.type) for e in x.entities}


def test_a_unit_owned_by_a_named_group_is_its_branch() -> None:
    claims = _claims("The ambush was carried out by the ELN's Northeastern War Front, the army said.")
    assert ("Northeastern War Front", "branch_of", "National Liberation Army") in claims


def test_a_group_that_expanded_into_a_region_operates_there() -> None:
    claims = _claims("The ISWAP has expanded into Kogi and Niger states since 2022.")
    assert ("Islamic State West Africa Province", "operates_in", "Kogi") in claims
    # the part of a place a compass point names is that place's
    claims = _claims("Al-Shabaab has pushed into the south of Bay region since 2024.")
    assert ("Al-Shabaab", "operates_in", "Bay region") in claims


def test_a_village_the_index_does_not_know_may_lie_in_the_district_told() -> None:
    events = _violent(
        "Two soldiers were killed when suspected militants ambushed a patrol in Manipur's Chandel district on "
        "Friday evening, officials said.\n\n"
        "The militants set off a roadside bomb and then opened fire from a ridge near Sajik Tampak village, a "
        "police officer said.", published="2025-06-14")
    assert len(events) == 1


def test_a_wounded_soldier_who_died_the_next_day_in_another_town_is_the_same_incident() -> None:
    events = _violent(
        "Three soldiers were killed when suspected militants ambushed an army convoy in Manipur's Chandel district "
        "on Friday evening, officials said.\n\n"
        "Army sources said a fourth soldier succumbed to his injuries at a hospital in Imphal early on Saturday.",
        published="2025-06-15")
    assert len(events) == 1
    assert events[0].date is not None and events[0].date.value == "2025-06-13"


def test_what_a_body_does_in_the_present_tense_is_no_incident() -> None:
    assert not _violent("The army's Eastern Command, which oversees counter-insurgency operations in the region, "
                        "said its troops remained on alert.", published="2025-06-15")
    assert not _violent("Its remnants hide in the desert, from where they launch attacks on the army.",
                        published="2025-06-15")


def test_a_pact_struck_is_no_attack() -> None:
    x = _extract("The ELN has since struck a non-aggression pact with the Segunda Marquetalia, officials said.",
                 published="2025-06-15")
    assert not [e for e in x.events if e.type in ("ASSAULT", "FIGHT")]
    assert not [c for c in x.claims if c.predicate == "attacked"]


def test_a_group_strongest_in_a_region_operates_there() -> None:
    claims = _claims("The Communist Party of India (Maoist) is strongest in Sukma and Bijapur districts.")
    assert ("Communist Party of India (Maoist)", "operates_in", "Sukma") in claims
    assert ("Al-Shabaab", "operates_in", "Middle Juba") in _claims("Al-Shabaab remains dominant in the Middle Juba "
                                                                  "region.")


def test_an_act_done_in_coordination_with_a_body_is_cooperation() -> None:
    claims = _claims("US forces conducted the raid in coordination with the Iraqi Counter-Terrorism Service.")
    assert any(p == "cooperates_with" and "Iraqi Counter-Terrorism Service" in (s, o) for s, p, o in claims)



def test_a_vow_to_eliminate_a_group_targets_it() -> None:
    claims = _claims("President Hassan Sheikh Mohamud has vowed to eliminate al-Shabaab within a year.")
    assert any(p == "targets" and o == "Al-Shabaab" for s, p, o in claims)


def test_acts_a_group_frequently_carries_out_are_no_incident() -> None:
    assert not _violent("The group was pushed out of the capital in 2011 but frequently carries out bombings in "
                        "Mogadishu.", published="2025-06-15")
