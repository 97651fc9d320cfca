"""Wording that names violence without telling one incident: a toll counted since a war began, a weapon spoken
of, an operation only planned; and beside each, the incident the same words do tell. Through the whole extractor.
The sentences are written for these tests in the style of wire reports; none comes from a benchmark."""

from __future__ import annotations

import pytest

from _extract_helpers import extract_text
from claimgraph.errors import ConfigError
from claimgraph.extract import event_lexicon
from claimgraph.ontology import load_ontology

pytestmark = pytest.mark.model


def _incidents(text: str) -> list[tuple[str, str]]:
    return [(e.type, e.mode) for e in extract_text(text).events]


@pytest.mark.parametrize(
    "text",
    [
        # a toll counted since a war or a feud began
        "More than 900 people have been killed in Sinaloa since the cartel's internal war began, officials said.",
        "Rights groups say hundreds of civilians have been killed in drone strikes in Amhara since the fighting"
        " began in 2023.",
        # a weapon spoken of, not striking
        "Ahmed Warsame, an analyst in Nairobi, said Turkish drones had become the decisive factor in the war.",
        "Commanders say the use of drones against aircraft marks a new phase of the conflict.",
        # an operation announced, planned or threatened, not done
        "The ministry warned that the army would launch a new military operation against the SDF if it did not"
        " disarm.",
        "The army will launch an operation against the Maoists in the forests next week, police said.",
        "Police said the cell planned to carry out attacks on churches in Kaduna.",
    ],
)
def test_no_incident_is_told(text: str) -> None:
    assert _incidents(text) == [], text


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("A drone hit a vehicle near Jilib on Monday, killing three al-Shabaab fighters, officials said.",
         "airstrike"),
        ("Three people were killed by a drone in Miranshah on Monday, residents said.", "airstrike"),
        ("Troops launched an operation against the Maoists in Bijapur on Monday, killing four, police said.",
         "operation"),
        ("ISWAP carried out an attack on a military base in Monguno on Sunday, killing five soldiers.", "attack"),
        ("Gunmen killed five people in Jos on Monday, since the police had left the village.", "shooting"),
    ],
)
def test_the_incident_the_same_words_tell(text: str, mode: str) -> None:
    assert [m for _, m in _incidents(text)] == [mode], text


def test_a_mode_list_naming_an_unknown_mode_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = dict(event_lexicon.events_yaml())
    raw["placed_modes"] = [*raw["placed_modes"], "demonstation"]
    monkeypatch.setattr(event_lexicon, "events_yaml", lambda: raw)
    with pytest.raises(ConfigError, match="placed_modes.*demonstation"):
        event_lexicon.load_event_lexicon(load_ontology())


@pytest.mark.parametrize(
    ("text", "records"),
    [
        # a raid and the arrests made in it: one arrest
        ("On Wednesday, Rangers and police raided hideouts in Lyari and arrested nine suspects, a statement said.",
         [("COERCE", "arrest")]),
        ("Police said they had detained 14 suspects in raids in two neighbourhoods of Baidoa on Tuesday.",
         [("COERCE", "detention")]),
        # a raid that killed: one fight
        ("In a raid on Thursday, intelligence forces killed three ISKP members and detained two others in Jalalabad.",
         [("FIGHT", "raid")]),
        ("Special forces raided a hideout in the Tirah valley on Monday, killing five militants and arresting two.",
         [("FIGHT", "raid")]),
        # two doers, two incidents
        ("Gunmen killed five villagers in Gwoza on Monday, and police arrested two suspects on Tuesday.",
         [("ASSAULT", "shooting"), ("COERCE", "arrest")]),
    ],
)
def test_a_raid_and_its_arrests_are_one_incident(text: str, records: list[tuple[str, str]]) -> None:
    assert _incidents(text) == records, text


def test_a_lead_told_this_week_is_the_incident_told_on_its_day() -> None:
    text = ("Gunmen killed at least nine villagers in an attack in northwestern Nigeria's Zamfara state, officials"
            " said on Friday, the third such raid in the area this week.\n\nThe attackers stormed Kadauri village in"
            " Maru local government area on Wednesday night, a local official said.")
    events = list(extract_text(text, published="2025-11-21").events)  # a Friday
    assert [(e.date.value if e.date else None) for e in events] == ["2025-11-19"], events


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # a year in a clause that describes the doers is not the incident's
        ("Gunmen killed three soldiers at a base in Cauca, the army said, the latest attack blamed on dissidents who"
         " rejected the 2016 peace deal.", None),
        # a clause on the act itself dates it
        ("The attack, which took place on 3 March 2021, killed nine soldiers in Kidal.", "2021-03-03"),
    ],
)
def test_a_date_describing_someone_else_does_not_date_the_incident(text: str, date: str | None) -> None:
    events = list(extract_text(text, published="2025-07-04").events)
    assert [e.date.value if e.date else None for e in events] == [date], events


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a place the index lacks, told by its distance from a town it knows: that place, not the town
        ("Late Wednesday, jihadists attacked an army position at Ngouboua, about 20 kilometers (12 miles) north of"
         " Bol, killing four soldiers.", "Ngouboua"),
        ("Gunmen killed five people in Kadauri, a village 30 km south of Gusau, on Monday.", "Kadauri"),
        ("Jihadists stormed a militia outpost in Baraboulé, a rural commune some 30 kilometres southwest of Djibo, "
         "on Monday, killing 12 volunteers.", "Baraboulé"),
        # a town the index knows, told by its distance from another, stays itself
        ("Gunmen killed five people in Gusau, about 30 km from Kaura Namoda, on Monday.", "Gusau"),
    ],
)
def test_a_place_told_by_its_distance_from_a_town_is_the_place(text: str, place: str) -> None:
    events = list(extract_text(text).events)
    assert [e.place.name if e.place else None for e in events] == [place], events


@pytest.mark.parametrize(
    ("text", "admin1", "country"),
    [
        # the name after a division's comma says where it lies: not a namesake abroad (Ruma in Serbia, Bil'in in
        # the West Bank)
        ("Soldiers clashed with KNF militants near a village in Ruma upazila, Bandarban, on Sunday, killing two.",
         "Chittagong", "Bangladesh"),
        ("Junta jets bombed a monastery in Bilin Township, Mon State, on Friday, killing four civilians.", "Mon",
         "Myanmar"),
    ],
)
def test_a_name_after_a_divisions_comma_says_where_it_lies(text: str, admin1: str, country: str) -> None:
    (event,) = [e for e in extract_text(text).events if e.type in ("ASSAULT", "FIGHT")]
    assert event.place is not None and (event.place.admin1, event.place.country) == (admin1, country)


@pytest.mark.parametrize("text", [
    "Police recovered bomb-making materials and jihadi books from a house in Shibganj on Monday.",
    "Army bomb-disposal experts and bomb-sniffing dogs searched the market in Quetta on Monday.",
])
def test_a_hyphened_modifier_of_making_or_handling_a_weapon_is_no_act(text: str) -> None:
    assert not [e for e in extract_text(text).events if e.type in ("ASSAULT", "FIGHT")]


def test_the_arrests_operation_told_again_is_no_fight() -> None:
    events = extract_text("Police arrested three suspected NLFT cadres from a hideout in Dhalai district on Monday. "
                          "No shots were fired during the operation.").events
    assert [(e.type, e.mode) for e in events] == [("COERCE", "arrest")]
