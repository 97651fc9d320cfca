"""Where a wire report says something happened: a position given from a town ("12 km southeast of Balcad"), a
town the tagger did not know, the filing place of an opening dateline, a name in a body's name, and which of two
towns of one country is the incident's. The sentences are written for these tests in the style of wire reports;
none comes from a benchmark."""

from __future__ import annotations

import pytest

from _extract_helpers import claims_of
from _extract_helpers import extract_text as _extract

pytestmark = pytest.mark.model


def _violent(text: str, published: str = "2024-03-13"):  # noqa: ANN202 - the violent events of one text
    return [e for e in _extract(text, published=published).events if e.type in ("ASSAULT", "FIGHT")]


@pytest.mark.parametrize(("text", "town"), [
    ("The United States Africa Command said it had carried out an air strike about 10 km northeast of Awdheegle"
     " on Tuesday, killing three al-Shabaab fighters.", "Awdheegle"),
    ("The United States Africa Command (AFRICOM) said it conducted an air strike on Monday against al-Shabaab"
     " fighters about 12 km southeast of Balcad.", "Balcad"),
])
def test_a_position_given_from_a_town_places_the_incident_there_not_in_the_commands_country(
        text: str, town: str) -> None:
    events = _violent(text)
    assert [e.place.name for e in events if e.place is not None] == [town]
    assert [p.name for p in events[0].perpetrators] == ["United States Africa Command"]


def test_an_opening_place_and_country_before_a_dash_is_the_dateline() -> None:
    events = _violent("Kabul, Afghanistan – A suicide bomber killed at least nine labourers on a minibus in the"
                      " northern city of Mazar-i-Sharif on Wednesday, officials said.", "2023-06-22")
    assert [e.place.name for e in events if e.place is not None] == ["Mazar-i-Sharif"]


def test_a_town_named_where_it_happened_outranks_a_namesake_province_named_as_an_office() -> None:
    events = _violent("In March, a suicide bomber killed the governor of Balkh, Mohammad Dawood Muzammil, and two"
                      " other people at his office in Mazar-i-Sharif.", "2023-06-22")
    assert events[0].place is not None and events[0].place.name == "Mazar-i-Sharif"
    assert events[0].killed is not None and events[0].killed.min == 3


@pytest.mark.parametrize("text", [
    "Hundreds of fighters on motorbikes stormed the army post at Tongomayel, in Soum province, shortly after dawn.",
    "Insurgents attacked the coastal village of Tongomayel on Tuesday, killing at least six civilians.",
])
def test_a_town_the_tagger_does_not_know_is_the_place_its_context_says(text: str) -> None:
    events = _violent(text, "2024-06-12")
    assert [e.place.name for e in events if e.place is not None] == ["Tongomayel"]


def test_one_word_listed_with_places_is_a_place() -> None:
    x = _extract("The rebels of the M23 now control Rutshuru and Masisi.")
    assert claims_of(x, "operates_in", "M23", "Rutshuru") and claims_of(x, "operates_in", "M23", "Masisi")
    assert not claims_of(x, "directs", "M23", "Rutshuru")


@pytest.mark.parametrize("text", [
    "The ADF operates mainly in the Beni and Lubero areas of North Kivu.",
    "JNIM, whose fighters operate across Mali and Niger, has stepped up attacks.",
    "Islamic State Sahel Province is also active in the border area between Mali and Niger.",
])
def test_where_a_group_operates_in_a_list_an_area_or_through_its_fighters(text: str) -> None:
    x = _extract(text)
    subject = "ADF" if "ADF" in text else "Jama'at" if "JNIM" in text else "Islamic State Sahel"
    places = ("Beni", "Lubero") if "ADF" in text else ("Mali", "Niger")
    for place in places:
        assert claims_of(x, "operates_in", subject, place), place
