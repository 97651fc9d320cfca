"""A named body another owns ("the Interior Ministry's Special Operations Command"), a name that a unit or faction
noun defines as a body's whatever the small model tagged it, a person given a role keeping theirs, and blame
that lays an act at a group's door with the day of the act between ("blamed X for the killing on Friday of Y"):
Y is the victim, X the suspected doer, never its target. The sentences are written for these tests in the style of
wire reports."""

from __future__ import annotations

import pytest

from _extract_helpers import claim_triples as _claims
from _extract_helpers import extract_text as _extract

pytestmark = pytest.mark.model


def test_a_named_body_owned_by_another_is_its_branch() -> None:
    claims = _claims("Officers of the Interior Ministry's Special Operations Command arrested two men in Herat on "
                     "Friday.")
    assert ("Special Operations Command", "branch_of", "Interior Ministry") in claims


def test_a_name_a_unit_noun_defines_is_a_bodys() -> None:
    # (the small model tags "Saraya Ansar" a person's name)
    claims = _claims("Saraya Ansar, the Hurras al-Din unit active near Idlib, said it had fired rockets at the base.")
    assert ("Saraya Ansar", "branch_of", "Hurras al-Din") in claims


def test_a_person_given_a_role_stays_a_person_beside_a_unit_noun() -> None:
    claims = _claims("Ahmed Karimi, commander of the 4th Brigade, the army unit that responded to the raid, was "
                     "removed from his post.")
    assert ("Ahmed Karimi", "member_of", "4th Brigade") in claims


def test_blame_with_the_day_between_makes_the_named_the_victim_not_a_doer() -> None:
    x = _extract("Officials blamed the rebels for the abduction on Saturday of Hamid Rasuli, a district official who "
                 "was seized from his home in the town of Halabja.")
    [event] = x.events
    assert "Hamid Rasuli" not in [p.name for p in event.perpetrators]
    assert [p.name for p in event.perpetrators] == ["Unidentified Rebel Group (Iraq)"]


def test_whom_an_act_is_blamed_on_is_no_target_of_it() -> None:
    # (the blamed group is typed so that the perpetrator rules skip it; the sides rule must not make it the target)
    x = _extract("Regional officials also blamed Kasembe for the abduction of Hamid Rasuli, who was seized from his "
                 "home in the town of Halabja.")
    [event] = x.events
    assert "Kasembe" not in [t.name for t in event.targets]


def test_kidnappers_believed_to_be_members_of_a_group_make_it_the_suspect() -> None:
    x = _extract("On Friday, gunmen abducted Idrissa Kone, the mayor of Tenenkou, relatives said. Witnesses said the "
                 "kidnappers were believed to be members of a Katiba Macina cell.")
    [event] = x.events
    assert [p.name for p in event.perpetrators] != [] and "Unidentified" not in event.perpetrators[0].name


@pytest.mark.parametrize("text, place", [
    ("Militants overran the Wajid garrison on Monday, killing six soldiers.", "Wajid"),
    ("Gunmen attacked the Tank checkpost on Monday.", "Tank"),
    # (the small model sees no name here at all)
    ("The rebels overran the Marka garrison in March, triggering months of air strikes.", "Marka"),
])
def test_a_towns_name_before_the_post_attacked_is_the_place_not_a_target(text: str, place: str) -> None:
    [event] = _extract(text).events
    assert event.place is not None and event.place.name == place
    assert place not in [t.name for t in event.targets]


def test_where_a_suspected_group_keeps_camps_is_not_a_second_incident() -> None:
    x = _extract("Two soldiers were killed on Sunday when their truck struck a roadside bomb near Tanguieta, the army "
                 "said.\n\nNo group has claimed the blast, but officials suspect Ansarul Islam fighters, who have set "
                 "up camps inside the Pendjari forest.")
    [event] = x.events
    assert event.place is not None and event.place.name != "Pendjari forest"


def test_a_claimed_incident_is_known_by_its_place_however_the_index_spells_it() -> None:
    # (the place index writes the town "Jalālābād"; the text "Jalalabad")
    claims = _claims("The Islamic State group claimed responsibility for a bombing that killed four people, "
                     "including two police officers, outside a mosque in Jalalabad.")
    assert ("Islamic State", "claimed_responsibility_for", "Jalalabad") in claims


def test_an_acronym_that_claims_an_act_is_a_groups_name() -> None:
    # (the small model sees no name in "NSCN-K")
    [event] = _extract("NSCN-K claimed responsibility for an ambush on an Assam Rifles patrol near Pangsha on "
                       "Monday.").events
    assert [p.name for p in event.perpetrators] == ["NSCN-K"]


def test_a_force_whose_own_man_died_after_its_act_is_still_the_doer() -> None:
    [event] = _extract("Frontier Corps personnel killed five militants in a raid near Mashkel (Balochistan); an FC "
                       "sepoy was also killed.").events
    assert [p.name for p in event.perpetrators] == ["Military Forces of Pakistan"]


def test_a_name_the_model_ran_into_a_bracket_is_two_places() -> None:
    # (the small model reads "Bijapur (Chhattisgarh" as one name; Bijapur alone is also a town in Karnataka)
    [event] = _extract("An IED planted by Maoists exploded near Gorla village in Pamed area of Bijapur "
                       "(Chhattisgarh), killing two DRG jawans.").events
    assert event.place is not None and (event.place.name, event.place.admin1) == ("Gorla", "Chhattisgarh")


def test_a_count_of_the_dead_standing_alone_is_the_total() -> None:
    [event] = _extract("Police killed three militants and lost two constables in a raid near Kulachi (Khyber "
                       "Pakhtunkhwa). 5 fatalities.").events
    assert event.killed is not None and (event.killed.min, event.killed.max) == (5, 5)


def test_where_people_were_taken_from_is_the_place_whatever_the_model_tagged_it() -> None:
    # (the small model tags "Panjgur" an organisation, and GeoNames gives the town no population)
    [event] = _extract("Unidentified armed men abducted a Levies official from Panjgur on Monday.").events
    assert event.place is not None and event.place.name == "Panjgur"
