"""People's roles in groups as wire reports write them: a name the NER cut short, an office held for a group in
a place, and a commander's group active where he is. The sentences are written for these tests in the style of
wire reports; none comes from a benchmark."""

from __future__ import annotations

import pytest

from _extract_helpers import claims_of
from _extract_helpers import extract_text as _extract

pytestmark = pytest.mark.model


def test_a_persons_first_name_the_ner_left_out_is_part_of_the_name() -> None:
    x = _extract("The BLF, led by Allah Nazar Baloch, is mainly active in the Makran region.")
    assert claims_of(x, "directs", "Allah Nazar Baloch", "Liberation Front")


@pytest.mark.parametrize("text", [
    "The KIO is chaired by General N'Ban La, residents said.",
    "Mr Turji denied that his men were behind the raid.",
])
def test_a_rank_or_title_before_a_name_is_not_part_of_it(text: str) -> None:
    names = {e.name for e in _extract(text).entities if e.type == "person"}
    assert not any(n.split()[0] in ("General", "Mr") for n in names)


def test_the_holder_of_a_groups_office_in_a_place_is_its_member() -> None:
    x = _extract("The Taliban's governor of Balkh, Mohammad Dawood Muzammil, was killed in a bombing in March.")
    assert claims_of(x, "member_of", "Mohammad Dawood Muzammil", "Taliban")


def test_a_group_whose_commander_is_in_a_place_is_active_there() -> None:
    x = _extract("Mahad Karate, a senior commander of al-Shabaab in Middle Shabelle, was killed on Monday.")
    assert claims_of(x, "operates_in", "Shabaab", "Middle Shabelle")
    assert claims_of(x, "member_of", "Mahad Karate", "Shabaab")


@pytest.mark.parametrize(("text", "group", "place", "predicate"), [
    ("The Nigerian Air Force said its jets struck ISWAP hideouts at Tumbun Rego on Monday.", "West Africa",
     "Tumbun Rego", "based_in"),
    ("ISKP emerged in eastern Nangarhar province in 2015.", "Khorasan", "Nangarhar", "operates_in"),
    ("The KIA now controls Lweje, a trade town on the Chinese border.", "KIA", "Lweje", "operates_in"),
])
def test_where_a_group_keeps_its_hideouts_emerged_or_holds_a_town(
        text: str, group: str, place: str, predicate: str) -> None:
    assert claims_of(_extract(text), predicate, group, place)


def test_a_town_held_is_not_directed() -> None:
    x = _extract("The KIA now controls Lweje, a trade town on the Chinese border.")
    assert not claims_of(x, "directs", "KIA", "Lweje")


def test_a_listed_groups_bracketed_short_form_is_the_group_later_on() -> None:
    x = _extract("Fighters of the rival Jama'atu Ahlis Sunna Lidda'awati wal-Jihad (JAS) faction stormed ISWAP camps"
                 " near Baga on Friday. JAS fighters killed 20 ISWAP members.")
    assert "JAS" not in {e.name for e in x.entities}


def test_a_name_the_ner_cut_in_two_is_one_person() -> None:
    x = _extract("The attack is a setback for President Hassan Sheikh Mohamud's offensive against al-Shabaab.")
    assert claims_of(x, "attacked", "Hassan Sheikh Mohamud", "Shabaab")


@pytest.mark.parametrize(("text", "person", "body"), [
    ("DSS spokesperson Halima Ocheja said the suspects were held in Yola.", "Halima Ocheja", "DSS"),
    ("Boubacar Dicko, a local commander of the Islamic State, was killed near Djibo.", "Boubacar Dicko",
     "Islamic State"),
])
def test_a_name_the_ner_took_for_a_place_is_a_person_where_it_holds_a_role(text: str, person: str, body: str) -> None:
    x = _extract(text)
    assert {e.type for e in x.entities if e.name == person} == {"person"}
    assert claims_of(x, "member_of", person, body)


@pytest.mark.parametrize(("text", "government"), [
    ("The Puntland government launched an offensive against the Islamic State in Somalia in 2024.",
     "Puntland government"),
    ("The Borno State Government funds the Civilian Joint Task Force.", "Borno State Government"),
])
def test_a_regions_government_is_its_own_not_the_countrys(text: str, government: str) -> None:
    names = {e.name for e in _extract(text).entities}
    assert government in names and not any(n.startswith("Government of") for n in names)
