"""Who did what in an incident as wire reports tell it: the force that fought back, an act its accusers name, a
group's own statement through a pronoun, and the words that tell a war or an outlet rather than an incident. The
sentences are written for these tests in the style of wire reports; none comes from a benchmark."""

from __future__ import annotations

import pytest

from _extract_helpers import claims_of
from _extract_helpers import extract_text as _extract

pytestmark = pytest.mark.model


def _violent(text: str, published: str = "2025-02-18"):  # noqa: ANN202 - the violent events of one text
    return [e for e in _extract(text, published=published).events if e.type in ("ASSAULT", "FIGHT")]


@pytest.mark.parametrize(("text", "force", "group"), [
    ("ISWAP fighters attacked a military base in Dikwa on Sunday. The Nigerian Army said troops repelled the"
     " attack, neutralising 17 terrorists.", "Nigeria", "Islamic State West Africa"),
    ("Al-Shabaab fighters overran an army outpost near Balcad on Sunday, killing 14 soldiers. The information"
     " minister said Somali forces had recaptured the outpost and killed dozens of militants.", "Somalia",
     "Al-Shabaab"),
])
def test_the_force_that_fought_back_attacked_the_incidents_doers(text: str, force: str, group: str) -> None:
    assert claims_of(_extract(text, published="2025-02-18"), "attacked", force, group)


def test_a_force_killing_attackers_of_no_named_group_makes_no_claim() -> None:
    x = _extract("Gunmen attacked a police post in Bannu on Sunday. Police said they killed two of the attackers.",
                 published="2025-02-18")
    assert not claims_of(x, "attacked", "Police")


@pytest.mark.parametrize(("text", "doer"), [
    ("Residents accused the Pyusawhti, a pro-junta militia, of torching around 50 houses in Ywar Thit on Saturday.",
     "Pyusawhti"),
    ("Rights groups accused Myanmar junta troops of shelling villages in Namhsan Township on Monday.", "Myanmar"),
])
def test_an_act_named_by_its_accusers_is_an_incident(text: str, doer: str) -> None:
    events = _violent(text, "2024-06-11")
    assert events and doer in " ".join(p.name for p in events[0].perpetrators)


def test_an_accusation_of_old_deeds_through_a_pronoun_is_no_incident() -> None:
    assert not _violent("The group named a new leader in place of its founder, whom it accused of killing Muslims.")


def test_a_war_fought_since_a_year_is_no_incident_and_no_date() -> None:
    text = ("At least 14 soldiers were killed when al-Shabaab fighters overran an army outpost near Balcad on Sunday."
            "\n\nAl-Shabaab, the al Qaeda-linked group that has been fighting Somalia's federal government since"
            " 2006, said in a statement carried by its Shahada News Agency that its fighters had killed 53 soldiers.")
    events = _violent(text)
    assert len(events) == 1 and events[0].date is not None and events[0].date.value == "2025-02-16"
    assert all(e.place is None or "Shahada" not in e.place.name for e in events)


def test_a_group_saying_one_of_its_fighters_did_it_names_itself() -> None:
    text = ("A suicide bomber killed at least nine labourers on a minibus in Mazar-i-Sharif on Wednesday.\n\n"
            "Islamic State Khorasan Province (ISKP) claimed responsibility late on Wednesday. It said one of its"
            " fighters had detonated an explosive vest among the passengers.")
    events = _violent(text, "2023-06-22")
    assert len(events) == 1
    assert "Islamic State Khorasan Province" in [p.name for p in events[0].perpetrators]


def test_a_hyphenated_word_stays_in_a_groups_name() -> None:
    x = _extract("The People's Anti-Fascist Front (PAFF) claimed responsibility for the ambush in Kathua on Monday.")
    assert "People's Anti-Fascist Front" in [e.name for e in x.entities]
