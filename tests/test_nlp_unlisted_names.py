"""Names the NER misses that no list holds (nlp/unlisted_names.py): acronyms that name a group by its fighters,
names the NER split at their hyphens, and names a bracketed short form defines. The pipeline makes them
organisation entities."""

from __future__ import annotations

import pytest

from claimgraph.nlp.unlisted_names import (
    DEFINED_NAME,
    FACILITY_NAME,
    FIGHTERS_ACRONYM,
    HYPHENED_PLACE,
    JOINED_NAME,
    NAMED_UNIT,
    NUMBERED_UNIT,
    TITLED_NAME,
)


@pytest.mark.model
@pytest.mark.parametrize(("text", "found"), [
    ("Two NSCN-IM cadres were arrested.", ["NSCN-IM"]),
    ("On 10 November 2018, NSCN-IM militants abducted two workers from Tamenglong.", ["NSCN-IM"]),  # NER: NORP
    ("Maoists of the PLGA blew up a school building.", ["PLGA"]),
    ("The IED was planted near the CRPF camp.", []),  # a camp is no fighters noun
    ("The UN said the town was calm.", []),  # two letters: too short to tell from a word
    # a number and a letter, which the NER takes for a product, before a noun for an armed body
    ("Fighters of the 3R armed group killed four soldiers near Koui.", ["3R"]),
    ("Soldiers seized AK47 rifles in Koui.", []),  # rifles are no fighters
    ("State authorities blamed the CJNG for the drone strikes.", ["CJNG"]),  # the one blamed for an act
    # the body whose team or men a text speaks of ("of the"), never a word before a team's noun ("IED team")
    ("On Tuesday, a joint team of the CIDG and our intelligence unit arrested a woman in Midsayap.", ["CIDG"]),
    ("An IED team defused the bomb in Quetta.", []),
    ("Police blamed the bombing on the CJNG.", ["CJNG"]),
    ("Police blamed the NHS for the delays.", []),  # NER: an organisation already, none of this finder's
])
def test_acronyms_naming_fighters(extractor, text: str, found: list[str]) -> None:  # type: ignore[no-untyped-def]
    doc = extractor.nlp(text)
    assert [e.text for e in doc.ents if e.id_ == FIGHTERS_ACRONYM] == found
    assert all(e.label_ == "ORG" for e in doc.ents if e.id_ == FIGHTERS_ACRONYM)


@pytest.mark.model
@pytest.mark.parametrize(("text", "found"), [
    ("ISKP said it was behind an attack on a Jamiat Ulema-e-Islam rally in Bajaur.", ["Jamiat Ulema-e-Islam"]),
    ("Activists of the Tehreek-e-Labbaik Pakistan blocked roads in Lahore.", ["Tehreek-e-Labbaik Pakistan"]),
    ("Sipah-e-Sahaba Pakistan workers attacked a mosque in Karachi.", ["Sipah-e-Sahaba Pakistan"]),
    ("General Zia-ul-Haq ruled Pakistan for eleven years.", []),  # no organisation word: a person's name
])
def test_names_joined_at_their_hyphens(extractor, text: str, found: list[str]) -> None:  # type: ignore[no-untyped-def]
    doc = extractor.nlp(text)
    assert [e.text for e in doc.ents if e.id_ == JOINED_NAME] == found
    assert all(e.label_ == "ORG" for e in doc.ents if e.id_ == JOINED_NAME)


@pytest.mark.model
@pytest.mark.parametrize(("text", "found"), [
    # the list's "Baloch" (a people) took the start of the NER's whole name
    ("The victims were later released. Baloch Republican Army (BRA) claimed responsibility.",
     ["Baloch Republican Army"]),
    # the NER found it whole, and no list word is inside: nothing to mend
    ("The attackers were members of the Irish National Liberation Army (INLA).", []),
    ("The report was issued by the Human Rights Commission (HRCP).", []),  # the initials do not spell it
])
def test_names_a_short_form_defines(extractor, text: str, found: list[str]) -> None:  # type: ignore[no-untyped-def]
    doc = extractor.nlp(text)
    assert [e.text for e in doc.ents if e.id_ == DEFINED_NAME] == found


@pytest.mark.model
@pytest.mark.parametrize(("text", "found"), [
    ("The Ulster Volunteer Force killed six Catholic civilians in Belfast.", ["Ulster Volunteer Force"]),
    # the NER found it whole: nothing to mend
    ("A caller said the attack was the work of the Irish People's Liberation Organisation.", []),
    # a state's forces described: the descriptive stage gives their country
    ("The Afghan Special Forces destroyed weapons during an operation in Ghazni.", []),
    # capitals only because a sentence starts there
    ("Security Forces killed two militants in Kupwara.", []),
    # a country's possessive is no part of the name
    ("Clashes broke out in Pakistan's Kurram Agency on Monday.", []),
    # a unit's ordinal is part of its name
    ("Fighters of the 10th Front attacked a camp in Tame.", []),  # a unit named by its number: test below
    # a count is not: "two Army" is no name
    ("The 2 Army trucks were hit.", []),
    # a band of men named by a plural noun for people, after other capitalised words or before "of" and a name
    ("Militiamen of the Arrow Boys attacked Mupoi on Wednesday.", ["Arrow Boys"]),
    ("Fighters of the Men of Dignity attacked a checkpoint near Suwayda.", ["Men of Dignity"]),
    # at a sentence's start the capital says nothing; an animal is no band of men ("Eagles of Death Metal" played)
    ("Men of the village fled to Suwayda.", []),
    ("Gunmen stormed a concert by the Eagles of Death Metal in Paris.", []),
])
def test_capitalised_names_ending_in_a_body_noun(extractor, text: str, found: list[str]) -> None:  # type: ignore[no-untyped-def]
    doc = extractor.nlp(text)
    assert [e.text for e in doc.ents if e.id_ == TITLED_NAME] == found
    assert all(e.label_ == "ORG" for e in doc.ents if e.id_ == TITLED_NAME)


@pytest.mark.parametrize(("text", "found"), [
    ("Gunmen attacked the Etoile du Sud hotel in Grand-Bassam.", ["Etoile du Sud hotel"]),
    # the NER took the capitalised words for a person's name
    ("ISIS claimed the bombing of the Lal Shahbaz Qalandar shrine in Sehwan.", ["Lal Shahbaz Qalandar shrine"]),
    # a town's name says where the building is, not what it is called
    ("A bomb exploded outside the Kabul airport on Thursday.", []),
    # a listed group's name says whose it is
    ("Troops raided the Taliban camp near Kandahar.", []),
    # an indefinite building is no named one
    ("A bomb killed nine at a Methodist church in Quetta.", []),
])
def test_capitalised_words_before_a_noun_for_a_building(extractor, text: str, found: list[str]) -> None:  # type: ignore[no-untyped-def]
    doc = extractor.nlp(text)
    assert [e.text for e in doc.ents if e.id_ == FACILITY_NAME] == found
    assert all(e.label_ == "FAC" for e in doc.ents if e.id_ == FACILITY_NAME)


@pytest.mark.model
@pytest.mark.parametrize(("text", "found"), [
    ("The army blamed the Jaime Martínez front, which denied it.", ["Jaime Martínez front"]),  # NER: a person
    ("Fighters of the Carlos Patiño front attacked a police station.", ["Carlos Patiño front"]),  # NER: nothing
    ("A commander of the TTP's Gandapur faction was killed.", ["Gandapur faction"]),  # after an owner
    ("Troops fought on the Eastern front for a month.", []),  # common words: no name
    ("Jaime Martínez front pages carried the story.", []),  # no article or owner before the name
    ("The Adani group denied the report.", []),  # "group" names businesses too: not a unit's noun
])
def test_units_named_after_someone(extractor, text: str, found: list[str]) -> None:  # type: ignore[no-untyped-def]
    doc = extractor.nlp(text)
    assert [e.text for e in doc.ents if e.id_ == NAMED_UNIT] == found
    assert all(e.label_ == "ARMED_GROUP" for e in doc.ents if e.id_ == NAMED_UNIT)


@pytest.mark.model
@pytest.mark.parametrize(("text", "found", "also"), [
    ("Troops of the Tenth Armoured Brigade raided a rebel camp on Friday.", ["Tenth Armoured Brigade"], []),
    ("The outpost was held by soldiers of Light Infantry Battalion 351, the statement said.",
     ["Light Infantry Battalion 351"], []),
    ("The 23 Brigade said its troops had repelled the attack.", ["23 Brigade"], []),
    ("Marine Battalion Landing Team 11 engaged the gunmen near the village.", ["Marine Battalion Landing Team 11"], []),
    ("Fighters of Kyaukkyi Township PDF Battalion 2 attacked the outpost at dawn.",
     ["Kyaukkyi Township PDF Battalion 2"], []),  # over the listed short form inside it
    ("The 10th Front of the FARC dissidents attacked a police station.", ["10th Front"], ["FARC"]),  # its owner stays
    ("MNJTF Sector 2 troops killed 20 fighters.", ["MNJTF Sector 2"], []),
    ("Hezbollah Unit 4400 smuggled the rockets.", ["Unit 4400"], ["Hezbollah"]),  # a listed name it begins with stays
    ("Members of Company No. 10 were questioned.", ["Company No. 10"], []),
    ("The Group 20 years ago was a small one.", [], []),  # a number counting something after it
    ("The Defence Force 2030 plan was approved.", [], []),  # a year
    ("The second battalion moved north.", [], []),  # no capitals: no name
])
def test_units_named_by_a_number(extractor, text: str, found: list[str], also: list[str]) -> None:  # type: ignore[no-untyped-def]
    doc = extractor.nlp(text)
    assert [e.text for e in doc.ents if e.id_ == NUMBERED_UNIT] == found
    assert all(any(e.text == name for e in doc.ents) for name in also)


@pytest.mark.model
@pytest.mark.parametrize(("text", "found"), [
    # the tokenizer splits the name at its hyphens and the NER takes "Croix" for a person
    ("Gunmen kidnapped seven people in Croix-des-Bouquets on Sunday.", ["Croix-des-Bouquets"]),
    ("Police said gunmen opened fire in Saint-Louis-du-Nord.", ["Saint-Louis-du-Nord"]),
    # a name joined by an Urdu joiner is an organisation's (joined_names), and one with no small word no place's
    ("Fighters of Tehreek-e-Labbaik Pakistan blocked the road.", []),
    ("Jean-Pierre Bemba said the M23 attacked Goma.", []),
])
def test_place_names_joined_by_hyphens_and_small_words(extractor, text: str, found: list[str]) -> None:  # type: ignore[no-untyped-def]
    doc = extractor.nlp(text)
    assert [e.text for e in doc.ents if e.id_ == HYPHENED_PLACE] == found
    assert all(e.label_ == "GPE" for e in doc.ents if e.id_ == HYPHENED_PLACE)
