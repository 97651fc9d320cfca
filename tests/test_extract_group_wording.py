"""How wire reports name groups and their parts, and tell one incident again as a claim: an acronym the tagger took
for a place, a name before a commander, a romanised name written without its apostrophe, a unit after its body's
name, "a front for", "claimed the raid" and the day of the claim, and the mentions of one attack that keep its
kind. The sentences are written for these tests in the style of wire reports; none comes from a benchmark."""

from __future__ import annotations

import pytest

from _extract_helpers import claims_of
from _extract_helpers import extract_text as _extract

pytestmark = pytest.mark.model


def _violent(text: str, published: str = "2025-02-21"):  # noqa: ANN202 - the violent events of one text
    return [e for e in _extract(text, published=published).events if e.type in ("ASSAULT", "FIGHT")]


def test_an_acronym_no_place_goes_by_is_an_organisation() -> None:
    x = _extract("The M23 controls much of North Kivu, officials said.")
    assert claims_of(x, "operates_in", "M23", "North Kivu")
    assert "M23" not in [e.name for e in x.entities if e.type == "place"]


def test_a_name_before_a_commander_is_his_group() -> None:
    x = _extract("Hussein Ali Nur, a Ma'awisley commander in the area, said they helped drive back the attackers.")
    assert claims_of(x, "member_of", "Hussein Ali Nur", "Ma'awisley")


def test_a_listed_name_matches_written_without_its_apostrophe() -> None:
    x = _extract("Abu Ali al-Askari, a senior commander of Kataib Hezbollah, said the group would respond.")
    found = claims_of(x, "member_of", "Abu Ali al-Askari")
    assert found and all("Kata" in c.object.name for c in found)


@pytest.mark.parametrize(("text", "unit", "body"), [
    ("According to the Inter-Services Public Relations (ISPR), the media wing of the Pakistan Army, four terrorists"
     " were killed.", "Inter-Services Public Relations", "Pakistan"),
    ("The group's spokesman said the raid had been carried out with the support of fighters from the Baloch"
     " Liberation Army's Fateh Squad.", "Fateh Squad", "Baloch"),
    ("The Indian Army's Srinagar-based Chinar Corps said two infiltrators were killed.", "Chinar Corps",
     "Indian Army"),
])
def test_a_unit_named_after_its_body_is_a_branch_of_it(text: str, unit: str, body: str) -> None:
    assert claims_of(_extract(text), "branch_of", unit, body)


@pytest.mark.parametrize(("text", "person", "unit"), [
    ("Eleven fighters surrendered to the 603rd Infantry Brigade on Wednesday. Brig. Gen. Arnel Sabado, the brigade"
     " commander, said the men had left their camps.", "Arnel Sabado", "603rd Infantry Brigade"),
    ("Fighters of Kyaukkyi Township PDF Battalion 2 attacked the outpost. Bo Nay Myo, the battalion's deputy"
     " commander, said three soldiers died.", "Bo Nay Myo", "Kyaukkyi Township PDF Battalion 2"),
])
def test_the_unit_told_before_owns_the_role_of_the_brigade_commander(text: str, person: str, unit: str) -> None:
    assert claims_of(_extract(text), "member_of", person, unit)


def test_the_battalion_with_no_battalion_told_before_is_nobody() -> None:
    x = _extract("Police said a battalion had been deployed. Lt. Col. Efren Macaraeg, the battalion commander, said"
                 " three soldiers died.")
    assert not claims_of(x, "member_of", "Efren Macaraeg")


def test_a_front_for_a_group_is_its_branch() -> None:
    x = _extract("That bombing was claimed by the little-known Tehreek-e-Jihad Pakistan (TJP), which security"
                 " officials believe is a front for the Tehrik-i-Taliban Pakistan.")
    assert claims_of(x, "branch_of", "Tehreek-e-Jihad", "Tehrik-i-Taliban")
    assert not claims_of(x, "directs", "Tehrik-i-Taliban", "Tehreek-e-Jihad")


def test_a_claim_of_the_raid_names_the_doer_and_its_day_is_not_the_incidents() -> None:
    text = ("Insurgents attacked the coastal village of Mucojo on Tuesday, killing at least six civilians.\n\n"
            "The Islamic State group claimed the raid on Wednesday through its Amaq propaganda agency.")
    events = _violent(text)
    assert len(events) == 1 and events[0].type == "ASSAULT"
    assert [p.name for p in events[0].perpetrators][:1] == ["Islamic State"]
    assert events[0].date is not None and events[0].date.value == "2025-02-18"
    x = _extract(text, published="2025-02-21")
    assert claims_of(x, "claimed_responsibility_for", "Islamic State", "Mucojo")


def test_a_claim_of_responsibility_is_for_the_incidents_place() -> None:
    x = _extract("At least seven paramilitary soldiers were killed when militants rammed an explosives-laden car into"
                 " a convoy near Mangochar in Kalat district on Tuesday.\n\nThe proscribed Baloch Liberation Army"
                 " (BLA) claimed responsibility for the attack.", published="2025-02-13")
    assert claims_of(x, "claimed_responsibility_for", "Baloch", "Mangochar")
    events = [e for e in x.events if e.type in ("ASSAULT", "FIGHT")]
    assert len(events) == 1 and "Baloch" in " ".join(p.name for p in events[0].perpetrators)


def test_an_ally_in_a_clause_about_the_target_stays_on_its_side() -> None:
    events = _violent("Hundreds of fighters stormed the post at Djibo, overrunning trenches held by members of the"
                      " Volunteers for the Defence of the Homeland (VDP), a civilian militia that fights alongside"
                      " the army.", "2024-06-12")
    assert events and not [p for p in events[0].perpetrators if "ilitary" in p.name or "VDP" in p.name]


def test_the_attack_retold_without_a_place_of_its_own_joins_the_incident() -> None:
    events = _violent(
        "Separatist militants attacked a paramilitary camp on the outskirts of Kalat town on Tuesday, killing at"
        " least seven soldiers, officials said.\n\nThe military's media wing said the attack had been repulsed."
        " Troops later launched a clearance operation in the nearby Mangochar area and killed three more militants,"
        " it said.", "2025-11-12")
    assert len([e for e in events if e.place is not None and e.place.name == "Kalat"]) == 1


@pytest.mark.parametrize("text", [
    "The TTP has carried out the bulk of recent attacks on the police in Bannu.",
    "The TTP has carried out most of the recent attacks on the police in Bannu.",
])
def test_a_share_of_attacks_carried_out_says_the_group_attacked(text: str) -> None:
    assert claims_of(_extract(text), "attacked", "Tehrik-i-Taliban")


@pytest.mark.parametrize(("text", "name"), [
    ("Assam Rifles troops arrested two men carrying grenades near the border town on Wednesday.", "Assam Rifles"),
    ("Frontier Corps soldiers killed four militants in a raid on a hideout, the military said.", "Frontier Corps"),
])
def test_a_force_named_before_its_members_goes_by_its_name(text: str, name: str) -> None:
    x = _extract(text)
    assert any(name in e.aliases for e in x.entities)
    # a nationality before "troops" names no body
    y = _extract("Pakistani troops killed four militants in a raid on a hideout, the military said.")
    assert not any("Pakistani" in e.aliases for e in y.entities)


def test_a_group_named_after_a_listed_place_is_the_group_not_the_place() -> None:
    x = _extract("Suspected militants shot dead a village guard near his home in Dudu village late on Wednesday.\n\n"
                 "The Kashmir Tigers, a little-known group, claimed responsibility for the killing in a statement. "
                 "The guards are trained by the Jammu and Kashmir Police.")
    assert "Kashmir Tigers" in [p.name for e in x.events for p in e.perpetrators]
    police = [e for e in x.entities if any("Jammu and Kashmir Police" in m.text for m in e.mentions)]
    assert police and all(e.name != "Kashmir Tigers" for e in police)


def test_what_a_group_said_it_would_do_is_an_aim_not_a_deed() -> None:
    x = _extract("The Balochistan Liberation Army said it would attack Frontier Corps posts along the highway.")
    assert claims_of(x, "targets", "Balochistan Liberation Army")
    assert all(c.modality.value == "intended" for c in claims_of(x, "targets", "Balochistan Liberation Army"))
    assert not claims_of(x, "attacked", "Balochistan Liberation Army")


@pytest.mark.parametrize("text", [
    "The Myanmar army said it would wipe out the Karen National Liberation Army in Bago Region.",
    "The Benin Armed Forces would hunt down JNIM wherever it hides, the defence minister said.",
])
def test_a_threat_to_undo_a_group_by_force_targets_it(text: str) -> None:
    found = [c for c in _extract(text).claims if c.predicate == "targets"]
    assert found and all(c.modality.value == "intended" for c in found)
