"""Actors beyond the gazetteer (issue 10): descriptive actors, named-over-described perpetrators, places that
are never sides, whole-name aliases and host-country variants — real sentences through the real Extractor."""

from __future__ import annotations

import pytest

from claimgraph.contract import entity_from_json, entity_to_json
from claimgraph.errors import ConfigError
from claimgraph.extract.countries import Countries, document_country, host_country
from claimgraph.nlp.descriptive import CATEGORIES, load_descriptions
from claimgraph.records import Document, Entity, Extraction, Span, text_id


def _extract(extractor, text: str) -> Extraction:  # type: ignore[no-untyped-def]
    x = extractor.extract(Document(text_id(text), text, source="test"))
    assert x.error is None, x.error
    return x


def _named(x: Extraction) -> dict[str, Entity]:
    return {e.name: e for e in x.entities}


def _violent(x: Extraction):  # type: ignore[no-untyped-def]
    return [ev for ev in x.events if ev.type in ("ASSAULT", "FIGHT")]


# ------------------------------------------------------------------------------------------ data


def test_every_description_names_its_source_and_category() -> None:
    descriptions = load_descriptions()
    assert {"military", "police", "unidentified-armed-group"} <= {d.key for d in descriptions}
    for d in descriptions:
        assert d.source and d.category in CATEGORIES


def test_a_description_without_source_is_refused() -> None:
    bad = "actors:\n  - {key: x, category: State Forces, type: agency, name: 'X of {country}', terms: [x]}\n"
    with pytest.raises(ConfigError, match="source"):
        load_descriptions(bad)


def test_a_description_of_an_unknown_category_is_refused() -> None:
    bad = ("actors:\n  - {key: x, category: Bystanders, type: agency, name: 'X of {country}', terms: [x],"
           " source: s}\n")
    with pytest.raises(ConfigError, match="category"):
        load_descriptions(bad)


def test_a_stated_only_word_that_is_no_term_is_refused() -> None:
    bad = ("actors:\n  - {key: x, category: State Forces, type: agency, name: 'X of {country}', terms: [x],"
           " stated_only: [y], source: s}\n")
    with pytest.raises(ConfigError, match="stated_only"):
        load_descriptions(bad)


def test_a_named_in_word_that_is_no_term_is_refused() -> None:
    bad = ("actors:\n  - {key: x, category: Rebel Groups, type: armed_group, name: 'X ({country})', terms: [x],"
           " named_in: [{country: India, terms: [y], actor: a, source: s}], source: s}\n")
    with pytest.raises(ConfigError, match="named_in"):
        load_descriptions(bad)


def test_every_named_in_actor_is_a_curated_actor() -> None:
    from importlib import resources

    import yaml

    curated = yaml.safe_load(resources.files("claimgraph.ontology").joinpath("actors.yaml").read_text("utf-8"))
    keys = {a["key"] for a in curated["actors"]}
    named = [(d.key, key) for d in load_descriptions() for _, _, key in d.named_in]
    assert named and all(key in keys for _, key in named), named


def test_display_names_follow_the_country_the_text_gives() -> None:
    (military,) = [d for d in load_descriptions() if d.key == "military"]
    assert military.display("India", "Indian") == "Military Forces of India"
    assert military.display(None, None) == "military forces"


def _countries() -> Countries:
    table = {"pakistan": "Pakistan", "pakistani": "Pakistan", "india": "India", "indian": "India",
             "bajaur": "Pakistan", "dubai": "United Arab Emirates", "sanaa": "Yemen"}
    return Countries(lambda t: table.get(t.lower()), {"Pakistan": "Pakistani", "India": "Indian"},
                     frozenset({"pakistan", "pakistani", "india", "indian"}))


def test_document_country_reads_namesakes_beside_the_other_places() -> None:
    # "Uri" alone is a town in Italy too; beside "Baramula" and "India" it is India's
    table = {"uri": "Italy", "baramula": "India", "india": "India"}
    beside = {("Uri", ("Baramula", "India")): "India"}
    c = Countries(lambda t: table.get(t.lower()), {}, frozenset({"india", "italy"}),
                  country_beside=lambda n, ctx: beside.get((n, tuple(x for x in ctx if x != n))))
    assert document_country(["Uri", "Baramula", "India"], c) == "India"
    assert document_country(["Uri", "Baramula"], c) is None  # nothing settles the namesake


def test_document_country_only_when_every_place_agrees() -> None:
    c = _countries()
    assert document_country(["Bajaur", "Pakistan"], c) == "Pakistan"
    assert document_country(["DUBAI", "Sanaa"], c) is None  # a dateline elsewhere: no country
    assert document_country(["Atlantis"], c) is None


@pytest.mark.parametrize("before, country", [
    ("Officials said the nation's homegrown ", "Pakistan"),
    ("a checkpoint attacked by Pakistan's own ", "Pakistan"),
    ("India's ", "India"),
    ("a statement by the ", None),
    ("Bajaur's ", None),  # a district's possessive is no host country
])
def test_host_country_words(before: str, country: str | None) -> None:
    assert host_country(before, "Pakistan", _countries()) == country


def test_kind_is_in_the_contract_and_old_output_reads_as_named() -> None:
    e = Entity("ent_1", "Military Forces of India", "agency", ("Indian troops",), (Span(0, 13, "Indian troops"),),
               (), "descriptive")
    data = entity_to_json(e)
    assert data["kind"] == "descriptive"
    assert entity_from_json(data, "Indian troops").kind == "descriptive"
    del data["kind"]
    assert entity_from_json(data, "Indian troops").kind == "named"


# ------------------------------------------------------------------------------------------ model


@pytest.mark.model
@pytest.mark.parametrize("text, perpetrator, target", [
    ("Indian troops killed three militants in Kupwara district on Sunday.",
     "Military Forces of India", "Unidentified Armed Group (India)"),
    ("Unknown assailants shot dead a police officer in Peshawar.",
     "Unidentified Armed Group (Pakistan)", "Police Forces of Pakistan"),
    ("A US drone strike killed four militants in North Waziristan.", "Military Forces of United States", None),
    ("Police killed 20 suspected sandalwood smugglers in the forest.", "police forces", "smugglers"),
    ("Maoist rebels triggered an IED blast that killed five police personnel in Rolpa district of Nepal.",
     "Unidentified Rebel Group (Nepal)", "Police Forces of Nepal"),
    ("Rangers killed three terrorists in an operation in Karachi.",
     "Military Forces of Pakistan", "Unidentified Armed Group (Pakistan)"),
    # a national army by its own abbreviation
    ("The FARDC shelled rebel positions near Walikale on Friday, killing six fighters.",
     "Military Forces of Democratic Republic of the Congo", None),
    ("The SSPDF shelled rebel positions near Yei on Friday, killing six fighters.",
     "Military Forces of South Sudan", None),
    # a coalition a country leads is that country's forces; a coalition with no country is none
    ("Four civilians were killed in an airstrike by the Saudi-led coalition in Saada province.",
     "Military Forces of Saudi Arabia", None),
    # warplanes are a state's, but not the state the places lie in unless the text says so
    ("Warplanes bombed rebel-held towns east of Damascus on Wednesday, killing six people.", "military forces",
     None),
    ("Turkish warplanes struck hideouts of the PKK in northern Iraq, killing four fighters.",
     "Military Forces of Turkey", "Kurdistan Workers' Party"),
])
def test_descriptions_fill_perpetrator_and_target(extractor, text: str, perpetrator: str,  # type: ignore[no-untyped-def]
                                                  target: str | None) -> None:
    x = _extract(extractor, text)
    (ev,) = _violent(x)
    assert [p.name for p in ev.perpetrators][:1] == [perpetrator]
    if target is not None:
        assert target in [t.name for t in ev.targets]
    assert _named(x)[perpetrator].kind == "descriptive"


@pytest.mark.model
def test_a_demonym_names_the_country_of_the_forces(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _extract(extractor, "Pakistani police said the Counter-Terrorism Department raided a house in Lahore.")
    names = _named(x)
    assert "Police Forces of Pakistan" in names
    assert "Counter-Terrorism Department" not in names  # the CTD is Pakistan's police, not an unknown group


@pytest.mark.model
@pytest.mark.parametrize(("text", "forces"), [
    # the NER takes "Sri Lankan" for a person's name
    ("Sri Lankan troops killed two LTTE cadres in Mullaitivu.", "Military Forces of Sri Lanka"),
    ("Sri Lankan police arrested three suspects in Batticaloa.", "Police Forces of Sri Lanka"),
])
def test_a_demonym_of_two_words_names_the_country_of_the_forces(extractor, text: str,  # type: ignore[no-untyped-def]
                                                                 forces: str) -> None:
    assert forces in _named(_extract(extractor, text))


@pytest.mark.model
@pytest.mark.parametrize(("text", "forces"), [
    ("The Sudanese security service detained 12 people who organised demonstrations in Khartoum on Monday.",
     "Military Forces of Sudan"),
    ("Indian security agencies arrested three suspected Lashkar-e-Taiba operatives in Baramulla.",
     "Military Forces of India"),
])
def test_a_states_security_service_is_its_forces(extractor, text: str, forces: str) -> None:  # type: ignore[no-untyped-def]
    (ev,) = [e for e in _extract(extractor, text).events if e.type == "COERCE"]
    assert [p.name for p in ev.perpetrators] == [forces]


@pytest.mark.model
@pytest.mark.parametrize(("text", "doer"), [
    ("Maoists blew up a mobile tower in Latehar district of Jharkhand.", "Communist Party of India (Maoist)"),
    ("The Maoists ambushed a CRPF patrol in Sukma, killing three jawans.", "Communist Party of India (Maoist)"),
    # elsewhere the description stays one
    ("Maoist rebels attacked a police post in Rolpa, Nepal.", "Unidentified Rebel Group (Nepal)"),
])
def test_a_description_that_means_one_group_in_its_country(extractor, text: str,  # type: ignore[no-untyped-def]
                                                            doer: str) -> None:
    assert doer in _named(_extract(extractor, text))


@pytest.mark.model
def test_a_named_group_outranks_a_description(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _extract(extractor, "Gunmen stormed a checkpoint in Bajaur, killing six soldiers. ISKP has claimed "
                            "responsibility for the attack.")
    (ev,) = _violent(x)
    names = [p.name for p in ev.perpetrators]
    assert names[0] == "Islamic State Khorasan Province"
    assert "Bajaur" not in names and "Bajaur" not in [t.name for t in ev.targets]


@pytest.mark.model
def test_a_claim_for_an_attack_on_a_group_makes_it_the_target(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _extract(extractor, "JNIM claimed responsibility for an attack on fighters from the MSA near Menaka.")
    (ev,) = _violent(x)
    assert "MSA" not in [p.name for p in ev.perpetrators]
    assert "MSA" in [t.name for t in ev.targets]


@pytest.mark.model
def test_members_of_a_named_group_are_no_description(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _extract(extractor, "TTP militants attacked a police station in Bannu, killing two policemen.")
    assert not any(e.kind == "descriptive" and e.type == "armed_group" for e in x.entities)


@pytest.mark.model
def test_a_pasted_unknown_name_stays_one_organisation(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _extract(extractor, "A pasted report says Lashkar-e-Islam fighters attacked a checkpoint in Khyber.")
    names = _named(x)
    assert "Lashkar-e-Taiba" not in names and "Islam" not in names
    assert names["Lashkar-e-Islam"].type == "organisation"


@pytest.mark.model
def test_spellings_of_the_houthis_are_one_actor(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _extract(extractor, "The Houthis fired missiles at a ship. The Huthi militia said it targeted the vessel. "
                            "Ansar Allah warned of more attacks.")
    groups = [e for e in x.entities if e.type in ("armed_group", "organisation")]
    assert [e.name for e in groups] == ["Houthis"]


@pytest.mark.model
def test_the_host_country_picks_the_taliban(extractor) -> None:  # type: ignore[no-untyped-def]
    pakistan = _extract(extractor, "Pakistan's security forces said the nation's homegrown Taliban attacked a "
                                   "checkpoint in Bajaur, killing two soldiers.")
    assert "Tehrik-i-Taliban Pakistan" in _named(pakistan) and "Taliban" not in _named(pakistan)
    afghan = _extract(extractor, "The Taliban attacked a checkpoint in Kandahar, killing two soldiers.")
    assert "Taliban" in _named(afghan)


@pytest.mark.model
def test_forces_as_an_adjective_or_owned_by_a_named_actor_are_no_description(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _extract(extractor, "The United States suspended part of a military aid program for Bosnia.")
    assert not any(e.kind == "descriptive" for e in x.entities)
    x = _extract(extractor, "Syria has again offered its troops to Lebanon's new president.")
    assert not any(e.kind == "descriptive" for e in x.entities)
    x = _extract(extractor, "Militants attacked a police station in Bannu, killing two policemen.")
    assert "Police Forces of Pakistan" in _named(x)


@pytest.mark.model
def test_a_named_groups_fighters_are_the_group(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _extract(extractor, "DUBAI: Houthi rebels attacked a cargo ship in the Red Sea, the US military said.")
    (ev,) = _violent(x)
    assert [p.name for p in ev.perpetrators] == ["Houthis"]


@pytest.mark.model
@pytest.mark.parametrize(("text", "doer"), [
    # a name joined to a participle names a kin of the insurgents: unnamed fighters, not its members (nor no one)
    ("Islamic State-linked insurgents killed three farmers near Macomia on Thursday.", "unidentified armed group"),
    # fighters come from an organisation, whatever label the NER gave its name (a product's)
    ("Fighters from 3R-Renouveau stormed an army position in the village of Koui before dawn on Monday, killing"
     " three soldiers.", "3R-Renouveau"),
])
def test_who_the_fighters_are(extractor, text: str, doer: str) -> None:  # type: ignore[no-untyped-def]
    (ev,) = _violent(_extract(extractor, text))
    assert [p.name for p in ev.perpetrators] == [doer]


@pytest.mark.model
def test_who_dies_is_no_perpetrator_and_a_village_no_target(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _extract(extractor, "Al-Shabaab fighters attacked an African Union base in Lower Shabelle; Somali officials "
                            "said 10 soldiers died.")
    (ev,) = _violent(x)
    assert [p.name for p in ev.perpetrators] == ["Al-Shabaab"]
    x = _extract(extractor, "Security forces targeted militants in Tirah Valley's village Koki Khel, killing four.")
    (ev,) = _violent(x)
    assert "Koki Khel" not in [t.name for t in ev.targets]
    assert _named(x)["Koki Khel"].type == "place"


@pytest.mark.model
@pytest.mark.parametrize("second, first", [
    ("The TTP denied involvement.", "Unidentified Armed Group (Pakistan)"),  # a denial names no perpetrator
    ("Police blamed the TTP for the attack.", "Tehrik-i-Taliban Pakistan"),  # a named group outranks gunmen
])
def test_denied_or_blamed_group_beside_a_description(extractor, second: str, first: str) -> None:  # type: ignore[no-untyped-def]
    x = _extract(extractor, f"Gunmen attacked a police post in Bannu, killing three policemen. {second}")
    (ev,) = _violent(x)
    assert ev.perpetrators[0].name == first
    assert [t.name for t in ev.targets] == ["Police Forces of Pakistan"]


@pytest.mark.model
def test_a_coalition_with_no_country_is_no_force(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _extract(extractor, "The ruling coalition lost its majority after two parties walked out in Rome.")
    assert not [e for e in x.entities if e.kind == "descriptive"]


@pytest.mark.model
@pytest.mark.parametrize(("text", "group"), [
    ("Suspected ULFA-I militants hurled a grenade at a police station in Tinsukia.", "ULFA-I"),
    ("Two NSCN-IM cadres shot dead a trader in Dimapur.", "NSCN-IM"),
    # a listed group's fighters after its bracketed short form
    ("Baloch Liberation Army (BLA) militants ambushed a convoy near Turbat.", "Balochistan Liberation Army"),
])
def test_the_named_owner_of_the_fighters_is_the_doer(extractor, text: str, group: str) -> None:  # type: ignore[no-untyped-def]
    """An unlisted acronym that qualifies a fighters noun is the group the attackers belong to, not a
    description beside it."""
    x = _extract(extractor, text)
    (ev,) = _violent(x)
    assert [p.name for p in ev.perpetrators] == [group]


@pytest.mark.model
def test_a_listed_name_inside_a_longer_unlisted_one_is_not_the_listed_group(extractor) -> None:  # type: ignore[no-untyped-def]
    """"Garo National Liberation Army" is a group of its own, not Colombia's National Liberation Army; an English
    word before a listed name ("Armed al-Shabab fighters") only describes it."""
    x = _extract(extractor, "Police said the Garo National Liberation Army killed a villager in Meghalaya.")
    assert "Garo National Liberation Army" in _named(x) and "National Liberation Army" not in _named(x)
    x = _extract(extractor, "Armed al-Shabab fighters have attacked Kenyan troops near the border.")
    assert any(e.name == "Al-Shabaab" for e in x.entities)


@pytest.mark.model
@pytest.mark.parametrize(("text", "place"), [
    # whom an act took from a place, it took there
    ("NSCN-IM militants abducted two construction workers from Tamenglong district, Manipur.", "Tamenglong"),
    # unless the act says where it was done
    ("Gunmen kidnapped five aid workers from France in Niamey.", "Niamey"),
    # a division after the place is where it lies, not where the act was done
    ("Suspected militants of the banned Tehreek-i-Taliban Pakistan (TTP) abducted two government officials from Shawar"
     " village in Matta tehsil of Swat district on Tuesday evening, police said, in the latest sign that the group is"
     " trying to re-establish itself in the Malakand division.", "Shawar"),
])
def test_taken_from_a_place_is_taken_there(extractor, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    (ev,) = _violent(_extract(extractor, text))
    assert ev.place is not None and ev.place.name == place


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The Somali militant group al-Shabaab attacked a hotel in Mogadishu.",
    "He plotted with the Pakistani terrorist organization Lashkar-e-Taiba to attack Mumbai.",
])
def test_a_description_beside_the_name_it_describes_is_no_second_actor(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    x = _extract(extractor, text)
    assert not [e for e in x.entities if e.kind == "descriptive"], [e.name for e in x.entities]
