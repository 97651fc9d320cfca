"""A state's forces across one report, and the states behind armed groups: "the military" after "a Myanmar
military jet", an army's proper name ("Somali National Army", "Malian Armed Forces"), a junta, spokesmen whose
names the parser misreads, backers written "U.S.-backed" or "Turkish-backed", and the holder of "SDF-held"
towns. The sentences are written for these tests in the style of wire reports; none comes from a benchmark."""

from __future__ import annotations

import pytest

from _extract_helpers import claims_of
from _extract_helpers import extract_text as _extract

pytestmark = pytest.mark.model


def _entity_names(text: str) -> set[str]:
    return {e.name for e in _extract(text).entities}


def test_the_military_with_no_country_is_the_one_country_whose_forces_the_report_names() -> None:
    x = _extract("A Myanmar military jet bombed a market in Minbya, in Rakhine state, on Tuesday. Residents of"
                 " Minbya said the military had bombed the town twice before, and a spokesman in Sittwe said the"
                 " army would investigate.")
    forces = [e for e in x.entities if e.kind == "descriptive" and e.type == "agency"]
    assert [e.name for e in forces] == ["Military Forces of Myanmar"]
    assert {"military", "army"} <= {m.text for m in forces[0].mentions}


def test_the_military_stays_unplaced_when_the_report_names_forces_of_another_country_than_its_places() -> None:
    names = _entity_names("US troops trained soldiers in Mogadishu, Baidoa and Kismayo last year; the army has"
                          " since taken Jilib.")
    assert "Military Forces of United States" in names
    assert "military forces" in names


def test_the_military_is_the_reports_own_country_when_the_report_names_its_forces_beside_foreign_ones() -> None:
    x = _extract("Malian troops and Russian soldiers sent by Russia patrolled Ségou and San on Friday. Residents"
                 " said the army had burned two villages near Macina.")
    forces = {e.name: {m.text for m in e.mentions} for e in x.entities if e.kind == "descriptive"}
    assert "army" in forces.get("Military Forces of Mali", set())
    assert "military forces" not in forces


def test_a_state_force_is_known_by_its_common_names() -> None:
    x = _extract("Pakistani troops killed four militants in North Waziristan on Monday.")
    forces = next(e for e in x.entities if e.name == "Military Forces of Pakistan")
    assert {"Pakistan Army", "Pakistani military", "Pakistani troops"} <= set(forces.aliases)


@pytest.mark.parametrize(("text", "forces"), [
    ("At least 14 soldiers were killed when al-Shabaab fighters overran a Somali National Army outpost near Balcad.",
     "Military Forces of Somalia"),
    ("The Malian Armed Forces said they had killed 30 assailants near Léré on Monday.", "Military Forces of Mali"),
    ("Israel Defense Forces said they struck a Hezbollah depot in southern Lebanon.", "Military Forces of Israel"),
    ("The junta's troops shelled villages in Namhsan township, in Myanmar, on Monday.", "Military Forces of Myanmar"),
])
def test_an_armys_proper_name_or_a_junta_is_the_countrys_forces(text: str, forces: str) -> None:
    assert forces in _entity_names(text)


def test_a_group_named_national_army_that_is_no_state_army_stays_itself() -> None:
    names = _entity_names("The Syrian National Army, an umbrella of opposition factions, shelled Manbij.")
    assert "Syrian National Army" in names and "Military Forces of Syria" not in names


def test_a_spokesman_whose_name_the_parser_misreads_is_still_the_groups_member() -> None:
    x = _extract("Between 30 and 40 people were wounded, Khaing Thukha, a spokesman for the Arakan Army (AA),"
                 " told Reuters by phone on Wednesday.")
    assert claims_of(x, "member_of", "Khaing Thukha", "Arakan Army")


@pytest.mark.parametrize(("text", "backer", "backed"), [
    ("The U.S.-backed Syrian Democratic Forces said they had captured an IS official.", "U.S", "Syrian Democratic"),
    ("The US-backed Syrian Democratic Forces said they had captured an IS official.", "US", "Syrian Democratic"),
    ("The Iranian-backed Kataib Hezbollah militia fired rockets at a base in Erbil.", "Iran", "Kata'ib"),
])
def test_a_backer_before_a_hyphen_is_the_state_that_supports_the_group(text: str, backer: str, backed: str) -> None:
    assert claims_of(_extract(text), "supports", backer, backed)


def test_the_backer_of_the_factions_an_umbrella_is_made_of_supports_the_umbrella() -> None:
    x = _extract("Turkish troops and the Syrian National Army, an umbrella of Turkish-backed opposition factions,"
                 " frequently shell SDF-held towns in the north.")
    assert claims_of(x, "supports", "Turkey", "Syrian National Army")
    assert claims_of(x, "attacked", "Turkey", "SDF")


def test_rebels_a_country_backs_are_not_that_countrys_rebels() -> None:
    names = _entity_names("Turkish-backed rebels took the town of Afrin in Syria on Sunday.")
    assert not any("Turkey" in n and "Rebel" in n for n in names)


def test_the_holder_of_struck_places_is_what_was_attacked() -> None:
    x = _extract("Saudi-led coalition jets bombed Houthi-controlled areas of Saada on Monday.")
    assert claims_of(x, "attacked", "Saudi Arabia", "Houthis")


def _perpetrators(text: str) -> set[str]:
    return {p.name for e in _extract(text).events for p in e.perpetrators}


@pytest.mark.parametrize(("text", "forces"), [
    ("Rwandan and Mozambican troops clashed with insurgents on Wednesday near the village of Mbau.",
     {"Military Forces of Rwanda", "Military Forces of Mozambique"}),
    ("Nigerian and Chadian soldiers killed 30 ISWAP fighters near Baga on Monday.",
     {"Military Forces of Nigeria", "Military Forces of Chad"}),
])
def test_forces_of_two_countries_joined_before_one_noun_are_two_state_forces(text: str, forces: set[str]) -> None:
    assert forces <= _perpetrators(text)


@pytest.mark.parametrize("text", [
    "On Wednesday, the Niger Armed Forces said drones and aircraft had struck hideouts near Tingara in the"
    " Ouallam department, killing dozens of terrorists.",
    "The Niger Armed Forces said its jets struck a militant camp near Tingara on Wednesday, killing 12 fighters.",
])
def test_a_state_force_that_tells_of_a_strike_from_the_air_made_it(text: str) -> None:
    assert "Military Forces of Niger" in _perpetrators(text)


def test_air_power_a_witness_tells_of_is_nobodys_by_the_witness() -> None:
    assert not _perpetrators("Residents said drones had struck the market in Momauk, killing nine civilians.")


@pytest.mark.parametrize(("text", "forces"), [
    ("Ugandan troops attacked a rebel camp near the village of Akobo on Tuesday, killing three fighters.",
     "Military Forces of Uganda"),
    ("Burkinabe soldiers killed five JNIM fighters near Djibo on Monday.", "Military Forces of Burkina Faso"),
])
def test_a_demonym_the_ner_leaves_unmarked_still_gives_the_forces_country(text: str, forces: str) -> None:
    assert forces in _perpetrators(text)


def test_the_army_is_the_home_countrys_beside_forces_of_a_country_none_of_its_places_lies_in() -> None:
    x = _extract("Mozambican forces clashed with insurgents near Macomia, in Cabo Delgado province, on Monday. Rwandan"
                 " troops have been deployed to back them in Palma and Mocimboa da Praia since 2021. The army said on"
                 " Tuesday that it had retaken Quiterajo.")
    forces = {e.name: {m.text for m in e.mentions} for e in x.entities if e.kind == "descriptive"
              and e.type == "agency"}
    assert "army" in forces["Military Forces of Mozambique"]
    assert "military forces" not in forces


def test_the_army_stays_unplaced_beside_forces_of_two_countries_its_places_lie_in() -> None:
    names = _entity_names("Indian troops shelled posts in Kotli, Pakistan, on Monday, and Pakistani troops fired at"
                          " villages in Poonch and Rajouri. The army said two soldiers were wounded in Poonch.")
    assert "military forces" in names


def test_a_side_that_attacked_is_the_doer_though_its_own_men_died_when_no_one_else_is() -> None:
    text = "Two soldiers were killed on Wednesday after Malian troops attacked a hideout near Ansongo, officials said."
    assert _perpetrators(text) == {"Military Forces of Mali"}


def test_a_spokesman_who_tells_of_jets_his_words_give_an_owner_is_no_doer() -> None:
    text = ("Pakistani jets struck TTP hideouts in Paktika on Tuesday, killing 20 militants, said Major Ahmed Khan, a"
            " military spokesman.")
    assert _perpetrators(text) == {"Military Forces of Pakistan"}


@pytest.mark.parametrize(("text", "forces"), [
    ("A military air strike on a market in Sudan's North Kordofan state killed 20 people on Sunday, witnesses said.",
     "Military Forces of Sudan"),
    ("A military airstrike hit a school in Sagaing Region's Depayin township on Monday, killing 17 people.",
     "Military Forces of Myanmar"),
])
def test_the_adjective_of_a_strike_names_the_forces_that_struck(text: str, forces: str) -> None:
    assert _perpetrators(text) == {forces}


def test_the_adjective_of_anything_else_names_no_forces() -> None:
    assert "Military Forces of Myanmar" not in _entity_names("A military court in Yangon sentenced two journalists.")
