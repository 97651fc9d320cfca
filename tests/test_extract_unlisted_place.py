"""Places the text names that the offline index lacks (extract/unlisted_place.py): kind words, the name to
report, which enclosure holds it, and when one place refines another. Pure functions over Place records."""

from __future__ import annotations

import pytest

from claimgraph.extract.unlisted_place import (
    as_written,
    enclosing,
    pattern_precision,
    qualified,
    refines,
    split_kind,
    unlisted,
    unlisted_precision,
    written_name,
)
from claimgraph.records import Place

BAKOOL = Place("Bakool", "Bakool", "Somalia", precision="province", country_code="SO", lat=4.1, lon=43.7)
SOMALIA = Place("Somalia", None, "Somalia", precision="country", country_code="SO")
BIJAPUR = Place("Bijapur", "Chhattisgarh", "India", precision="district", admin2="Bijapur", country_code="IN")
RAIPUR = Place("Raipur", "Chhattisgarh", "India", geonames_id=1258980, precision="city", admin2="Raipur")


@pytest.mark.parametrize(("name", "bare", "kind"), [
    ("Hudur town", "Hudur", "town"),
    ("village of Asdira", "Asdira", "village"),
    ("village Koki Khel", "Koki Khel", "village"),
    ("Dimla upazila", "Dimla", "upazila"),
    ("Konduga Local Government Area", "Konduga", "district"),
    ("Quetta", "Quetta", None),
])
def test_split_kind(name: str, bare: str, kind: str | None) -> None:
    assert split_kind(name) == (bare, kind)


def test_written_name_keeps_a_landform_word() -> None:
    assert written_name("Mazar Valley") == "Mazar Valley"
    assert written_name("Afmadow District") == "Afmadow"


@pytest.mark.parametrize(("kind", "qualified_", "precision"), [
    ("village", False, "city"), ("town", False, "city"), ("district", False, "district"),
    ("tehsil", False, "city"), ("area", False, "city"), ("valley", False, "district"),
    ("province", False, None), ("region", False, None), ("state", False, None),
    (None, True, "city"), (None, False, None),
])
def test_unlisted_precision(kind: str | None, qualified_: bool, precision: str | None) -> None:
    assert unlisted_precision(kind, qualified_) == precision


def test_directions_and_nationalities_are_no_names() -> None:
    directions, demonyms = {"eastern", "southern"}, {"israeli", "afghan"}
    assert pattern_precision("Eastern areas", False, directions, demonyms) is None
    assert pattern_precision("Southern Israeli city", False, directions, demonyms) is None
    assert pattern_precision("Golweyn village", False, directions, demonyms) == "city"
    # an office "of" a province is a person's title: "the Governor of Kandahar Province"
    assert pattern_precision("Governor", True, directions, demonyms) is None
    assert pattern_precision("Deputy Commissioner", True, directions, demonyms) is None


def test_unlisted_takes_province_and_country_from_its_enclosure() -> None:
    place = unlisted("Hudur town", "city", BAKOOL)
    assert (place.name, place.admin1, place.country, place.precision, place.geonames_id) == (
        "Hudur", "Bakool", "Somalia", "city", None)
    alone = unlisted("Dimla upazila", "district", None)
    assert (alone.name, alone.admin1, alone.country, alone.precision) == ("Dimla", None, None, "district")


def test_enclosing_prefers_the_finest_division() -> None:
    assert enclosing([SOMALIA, BAKOOL]) == BAKOOL
    assert enclosing([SOMALIA]) is None
    assert enclosing([RAIPUR, BIJAPUR]) == BIJAPUR


def test_refines() -> None:
    hudur = unlisted("Hudur town", "city", BAKOOL)
    assert refines(hudur, BAKOOL) and refines(hudur, SOMALIA)
    assert not refines(BAKOOL, hudur)
    # a town elsewhere in the province is not inside its district
    assert not refines(RAIPUR, BIJAPUR)
    assert not refines(Place("Garissa", "Garissa", "Kenya", precision="city"), SOMALIA)


def test_qualified_places_the_name_in_its_qualifier_or_trusts_the_name() -> None:
    found = {"Bakool region": BAKOOL, "Hudur town": None}
    assert qualified("Hudur town", "Bakool region", BAKOOL, "city", found.get) == unlisted("Hudur town", "city",
                                                                                           BAKOOL)
    # a qualifier the document rules out (it does not resolve alone) is no enclosure: the name's own place
    plantation = Place("Plantation", "Florida", "United States", precision="city")
    pulwama = Place("Pulwama", "Jammu and Kashmir", "India", precision="district")
    lookup = {"Plantation": None, "Pulwama districts": pulwama}.get
    assert qualified("Pulwama districts", "Plantation", plantation, "district", lookup) == pulwama
    # the name itself found inside the qualifier: unchanged
    assert qualified("Raipur", "Chhattisgarh", RAIPUR, "city", {"Chhattisgarh": None}.get) == RAIPUR
    # the qualifier found alone under another spelling of the same GeoNames place is still the enclosure
    handwara = Place("Handwāra", "Jammu and Kashmir", "India", geonames_id=1270439, precision="city")
    written = Place("Handwara", "Jammu and Kashmir", "India", geonames_id=1270439, precision="city")
    found = qualified("Kralgund village", "Handwara", handwara, "city", {"Handwara": written}.get)
    assert found is not None and found.name == "Kralgund" and found.admin1 == "Jammu and Kashmir"


def test_a_count_before_a_kind_word_names_no_place() -> None:
    # "Two village volunteers were killed …": a count of people, not a village called "Two"
    assert pattern_precision("Two village", False, frozenset(), frozenset()) is None
    assert pattern_precision("Kralgund village", False, frozenset(), frozenset()) == "city"


def test_as_written() -> None:
    miran = Place("Miran Shah", "Khyber Pakhtunkhwa", "Pakistan", geonames_id=1170425, precision="city")
    assert as_written("Miranshah", miran).name == "Miranshah"
    assert as_written("Miranshah", miran).geonames_id == 1170425
    assert as_written("Sadr City", Place("Sadr City", "Baghdad", "Iraq", precision="city")).name == "Sadr City"
    # another name altogether is not a spelling
    assert as_written("Leigh on Sea", Place("Essex", "England", "United Kingdom", precision="district")).name \
        == "Essex"
    district = as_written("Lakki Marwat district", Place("Lakki Marwat", "Khyber Pakhtunkhwa", "Pakistan",
                                                         geonames_id=1, precision="city"))
    assert district is not None and district.precision == "district"
    assert as_written("Balochistan", BAKOOL) == BAKOOL  # provinces keep their own name


def test_a_former_division_the_text_names_is_the_province() -> None:
    from claimgraph.extract.unlisted_place import named_admin1

    town = Place("Miranshah", "Khyber Pakhtunkhwa", "Pakistan", precision="city")
    fata = Place("Federally Administered Tribal Areas", "Khyber Pakhtunkhwa", "Pakistan", precision="district")
    assert named_admin1(town, [town, fata]).admin1 == "Federally Administered Tribal Areas"
    assert named_admin1(town, [town]).admin1 == "Khyber Pakhtunkhwa"  # not named: today's province
    punjab_town = Place("Lahore", "Punjab", "Pakistan", precision="city")
    assert named_admin1(punjab_town, [punjab_town, fata]).admin1 == "Punjab"


QUETTA = Place("Quetta", "Balochistan", "Pakistan", geonames_id=1167528, precision="city", admin2="Quetta",
               country_code="PK")


@pytest.mark.parametrize(("name", "within", "expected"), [
    # a neighbourhood the index lacks inside a town it knows: the town ("the Sariab Mill area of Quetta")
    ("Sariab Mill area", "Quetta", QUETTA),
    ("Mission Mor", "Quetta", None),  # "near Mission Mor, Quetta": no "area" word, maybe a village
    # a village the qualifier puts in a district stays as written ("the Jani Khel area of Quetta district")
    ("Jani Khel area", "Quetta district", None),
    ("Koki Khel village", "Quetta", None),  # a village is no part of a town
])
def test_a_part_of_a_town_is_the_town(name: str, within: str, expected: Place | None) -> None:
    place = unlisted(name, "city", QUETTA, within=within)
    if expected is None:
        assert place.name == written_name(name) and place.admin2 == "Quetta"
    else:
        assert place == expected
