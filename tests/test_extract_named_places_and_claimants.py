"""The place a report names most closely, and who a claim of responsibility names: a village inside a district's
subdivision ("in Barakzai village of Bannu's Domel tehsil"), a district of a province that shares its name with
its capital, a village "near X in Y's Z area", the place of the one who tells the story (no sign of where it
happened), a group whose name goes on after a listed short name ("Jaish al-Fursan" is not Jaish-e-Mohammed), the
allies a claimant's description names (no doers), and named victims in apposition to a count (the same people).
The sentences are written for these tests in the style of wire reports."""

from __future__ import annotations

import pytest

from _extract_helpers import extract_text as _extract

pytestmark = pytest.mark.model


def _violent(text: str, published: str = "2025-06-13"):  # noqa: ANN202 - the violent incident records of one text
    return [e for e in _extract(text, published=published).events if e.type in ("ASSAULT", "FIGHT")]


def _place(text: str) -> tuple[str | None, str | None]:
    [event, *_] = _violent(text)
    assert event.place is not None
    return event.place.name, event.place.admin1


def test_a_village_of_a_districts_subdivision_is_the_place() -> None:
    assert _place("Two policemen were killed when militants attacked a police post in Ghoriwala village of Bannu's "
                  "Domel tehsil on Monday, officials said.") == ("Ghoriwala", "Khyber Pakhtunkhwa")


@pytest.mark.parametrize(("text", "place"), [
    # a district of a province that shares its name with its capital lies in the province
    ("A roadside bomb killed two rangers in Narathiwat's Rangae district on Friday, police said.",
     ("Rangae", "Narathiwat")),
    # a village near which it happened, in a named area or local government area, is the place
    ("Three porters were killed when militants fired on an army vehicle near Dharamsal in Rajouri's Budhal area on "
     "Sunday, officials said.", ("Dharamsal", "Jammu and Kashmir")),
    ("Gunmen abducted nine farmers near Bulabulin in Konduga local government area on Monday, residents said.",
     ("Bulabulin", "Borno")),
], ids=["district-of-a-capital-named-province", "village-near-in-an-area", "village-near-in-an-lga"])
def test_the_named_place_lies_in_its_enclosing_division(text: str, place: tuple[str, str]) -> None:
    assert _place(text) == place


def test_where_a_source_is_is_no_sign_of_where_it_happened() -> None:
    name, _ = _place("Militants killed four gendarmes at a checkpoint in the town of Torodi on Sunday, according to "
                     "a security source in Niamey.")
    assert name == "Torodi"


def test_a_group_whose_name_goes_on_after_a_listed_short_name_is_its_own() -> None:
    [event] = _violent("A suicide attack on a police station in Lakki Marwat, claimed by Jaish al-Furqan, a little-"
                       "known faction, killed six officers on Monday.")
    assert [p.name for p in event.perpetrators] == ["Jaish al-Furqan"]


def test_the_allies_a_claimants_description_names_did_nothing_here() -> None:
    [event] = _violent(
        "A suicide bomber rammed a car into an army convoy in Mir Ali on Saturday, killing four soldiers. The attack "
        "was claimed by the Hafiz Gul Bahadur group, a faction that last year joined hands with Lashkar-e-Islam "
        "to form an alliance.")
    assert [p.name for p in event.perpetrators] == ["Hafiz Gul Bahadur group"]
    assert event.date is not None and event.date.value == "2025-06-07"  # not "last year", when the faction joined


def test_named_victims_in_apposition_to_a_count_are_the_people_counted() -> None:
    [event] = _violent("Two soldiers, Naik Abdul Rehman and Sepoy Imtiaz Ali, were martyred when militants attacked "
                       "a checkpoint in Tank district on Monday, the ISPR said.")
    assert event.killed is not None and (event.killed.min, event.killed.max) == (2, 2)


def test_a_report_told_on_over_its_paragraphs_is_one_incident() -> None:
    # a way between two towns names no place of the attack; a body's seat ("the embassy in Islamabad") neither;
    # a claim of "the attack" with no place of its own joins the incident told last, across a funding record
    events = _violent(
        "At least five people, including three paramilitary soldiers, were killed on Tuesday when militants ambushed "
        "a convoy near Turbat in Balochistan's Kech district, officials said.\n\n"
        "The convoy was escorting engineers working on the Turbat-Panjgur section of the highway, a project financed "
        "by China, when a roadside bomb struck the lead vehicle.\n\n"
        "The Chinese embassy in Islamabad urged Pakistan to investigate the attack.\n\n"
        "The banned Balochistan Liberation Army claimed responsibility, saying its fighters had killed \"at least 12 "
        "enemy personnel\".")
    assert len(events) == 1
    [event] = events
    assert event.place is not None and event.place.name == "Turbat"
    assert [p.name for p in event.perpetrators] == ["Balochistan Liberation Army"]


def test_evidence_pointing_to_a_group_makes_it_a_suspect() -> None:
    [event] = _violent("Three people were killed when a motorcycle bomb exploded outside a market in Sungai Kolok "
                       "district on Monday, police said. Investigators said initial evidence pointed to a cell of the "
                       "Barisan Revolusi Nasional.")
    assert [p.name for p in event.perpetrators] == ["Barisan Revolusi Nasional"]


def test_a_dateline_with_a_country_of_several_words_is_where_it_was_filed_and_when() -> None:
    extraction = _extract(
        "BENI, Democratic Republic of Congo, Nov 19 (Reuters) - Suspected ADF rebels killed at least 20 villagers "
        "in an overnight raid on a village in eastern Congo's North Kivu province, local authorities said.",
        published="2025-11-19")
    [event] = [e for e in extraction.events if e.type in ("ASSAULT", "FIGHT")]
    assert [p.name for p in event.perpetrators] == ["ADF"]  # not the town or agency of the dateline
    assert event.place is not None and event.place.country == "Democratic Republic of the Congo"
    assert event.date is not None and event.date.value == "2025-11"  # filed in November; the day is only when told


def test_a_rank_before_a_name_is_no_place() -> None:
    [event] = _violent("Houthi military spokesman Brig. Gen. Yahya Saree said the group had fired two missiles at "
                       "a cargo ship.")
    assert event.place is None or event.place.country != "Switzerland"


def test_a_long_name_whose_listed_short_form_follows_it_is_the_listed_group() -> None:
    [event] = _violent("The Allied Democratic Forces (ADF) killed 12 villagers in North Kivu on Monday.")
    assert [p.name for p in event.perpetrators] == ["ADF"]  # one group, not also "forces" of a state


def test_a_listed_name_inside_a_longer_name_with_an_apostrophe_is_not_the_listed_group() -> None:
    names = {e.name for e in _extract("The AA fights beside the Ta'ang National Liberation Army (TNLA) in northern "
                                      "Shan State.").entities}
    assert "National Liberation Army" not in names


def test_the_bare_military_is_the_one_named_when_nationalities_are_no_places() -> None:
    events = _violent(
        "A Myanmar military air strike on a village in Rakhine State killed 12 civilians on Sunday, rescue workers "
        "said. The strike hit a village near a Chinese-backed port and a Chinese-funded plant.\n\n"
        "On Monday, the military bombed a market in Sagaing Region, killing four people.")
    assert all([p.name for p in e.perpetrators] == ["Military Forces of Myanmar"] for e in events)


def test_a_groups_affiliate_is_not_the_group() -> None:
    extraction = _extract("A suicide bomber killed 11 worshippers at a mosque in Kabul on Monday. The Islamic State "
                          "group's regional affiliate claimed responsibility.")
    assert not any(c.subject.name == "Islamic State" for c in extraction.claims)
    [event] = [e for e in extraction.events if e.type == "ASSAULT"]
    assert "Islamic State" not in [p.name for p in event.perpetrators]


def test_a_group_is_no_branch_of_its_own_branch() -> None:
    claims = _extract("Islamic State Sahel Province, the regional branch of Islamic State, claimed responsibility for "
                      "the attack through its Amaq news agency.").claims
    branch = {(c.subject.name, c.object.name) for c in claims if c.predicate == "branch_of" and c.object is not None}
    assert ("Islamic State Sahel Province", "Islamic State") in branch
    assert ("Islamic State", "Islamic State Sahel Province") not in branch


def test_ranks_are_neither_names_nor_parts_of_them() -> None:
    extraction = _extract("Lt Gen Somchai Wongsa, commander of the Fourth Army Region, said the bomb was planted by "
                          "insurgents. Lt. Col. Abubakar Danjuma said troops had repelled the attack.")
    names = {e.name for e in extraction.entities}
    assert "Somchai Wongsa" in names and not names & {"Lt", "Lt.", "Lt Gen Somchai Wongsa"}


def test_a_barangay_is_a_village_named_after_its_kind_word() -> None:
    name, _ = _place("Gunmen killed three soldiers in Barangay Kanlagay in Talipao, Sulu, on Thursday.")
    assert name == "Kanlagay"


def test_a_police_station_or_forest_named_for_its_place_is_that_place() -> None:
    name, admin1 = _place("Three policemen were killed when militants attacked the Domel police station in Bannu "
                          "district late on Wednesday night, police said.")
    assert (name, admin1) == ("Domel", "Khyber Pakhtunkhwa")
    name, _ = _place("Police shot dead two suspected sandalwood smugglers in the Sathyamangalam forest of Erode "
                     "district on Thursday.")
    assert name == "Sathyamangalam"
    name, _ = _place("Militants opened fire on a Levies checkpost in the Mashkai area of Awaran district, killing "
                     "two personnel.")
    assert name != "Levies"  # a force's post is not named for a place


def test_a_name_placed_inside_a_town_does_not_choose_the_towns_country() -> None:
    [event] = _violent("A mob beat to death a man suspected of theft in Badda area of Dhaka on Saturday. Police "
                       "recovered the body.")
    assert event.place is not None and event.place.country == "Bangladesh"


@pytest.mark.parametrize(("text", "place"), [
    # a settlement noun in apposition that ends its phrase says what the name is, with no qualifier after it
    ("Gunmen on motorcycles attacked Ndaki, a village on the road to Gao, on Sunday, killing 12 people.",
     ("Ndaki", "Gao")),
    # the name after "in X," says where X is
    ("Militants stormed an army post in Tinzawaten, near Kidal, on Sunday, killing four soldiers.",
     ("Tinzawaten", "Kidal")),
    # Mali's second-level division, a circle
    ("A roadside bomb killed four soldiers in Niono circle of Ségou region on Monday.", ("Niono", "Segou")),
])
def test_a_name_a_settlement_noun_or_a_nearby_place_marks(text: str, place: tuple[str, str]) -> None:
    assert _place(text) == place


def test_a_village_elder_is_no_village() -> None:
    assert _place("Gunmen shot dead Ali Dogo, a village elder, in Mopti on Monday.")[0] == "Mopti"
