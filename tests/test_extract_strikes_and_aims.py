"""Who struck, whom, and what is only aimed at: a country named as the doer of a strike is its armed forces, a
doer named through a raised subject ("was believed to have been carried out by X"), an attack told with whom it
hit says no more that it attacked the place, and a capture or attack still to come is aimed at, not done. Beside
them, who belongs to whom: a role hung on a rank ("spokesman Maj. Gen. X") or held at an institution, and the
"remnants of X", who stand for X; and where a group, not a victim, has its home. The sentences are written for
these tests in the style of the invented wire reports of bench/training (some close to one of theirs, which
found the case); none comes from a benchmark."""

from __future__ import annotations

import pytest

from _extract_helpers import claims_of
from _extract_helpers import extract_text as _extract
from claimgraph.records import Modality

pytestmark = pytest.mark.model


def _doers(text: str) -> list[list[str]]:
    return [[p.name for p in e.perpetrators] for e in _extract(text).events]


@pytest.mark.parametrize("text, force", [
    ("Pakistan carried out air strikes in Paktika on Tuesday, killing 14 people, Afghan officials said.",
     "Military Forces of Pakistan"),
    ("A drone strike killed five militants near Jilib on Thursday. The strike was carried out by the United"
     " States, officials said.", "Military Forces of United States"),
    ("Turkey bombed PKK positions near Sinjar on Monday, killing three fighters.", "Military Forces of Turkey"),
])
def test_a_country_that_strikes_is_its_armed_forces(text: str, force: str) -> None:
    assert [force] in _doers(text)
    forces = next(e for e in _extract(text).entities if e.name == force)
    assert forces.kind == "descriptive"


def test_a_country_striking_a_deal_strikes_no_one() -> None:
    x = _extract("Pakistan struck a deal with the IMF on Monday.")
    assert not [e for e in x.entities if e.kind == "descriptive"]


def test_a_doer_named_through_a_raised_subject_did_the_act() -> None:
    assert ["National Liberation Army"] in _doers(
        "A roadside bomb killed five soldiers near Kasama on Thursday. The attack was believed to have been carried"
        " out by the ELN, officials said.")


def test_an_attack_told_with_whom_it_hit_does_not_also_attack_its_place() -> None:
    x = _extract("Suspected jihadists from the Islamic State West Africa Province (ISWAP) killed at least 12 soldiers"
                 " in an attack on an army post in Niger's southeastern Diffa region, the defence ministry said.")
    assert claims_of(x, "attacked", "Islamic State West Africa Province", "Military Forces of Niger")
    assert not claims_of(x, "attacked", "Islamic State West Africa Province", "Diffa")


@pytest.mark.parametrize("text, subject, obj", [
    ("The RSF has vowed to take el-Obeid.", "RSF", "el-Obeid"),
    ("The TTP warned it would attack the Frontier Corps.", "Tehrik-i-Taliban Pakistan", "Military Forces of"),
    ("The 3R rebels warned that their fighters would strike the town of Bocaranga next.", "3R", "Bocaranga"),
])
def test_an_attack_or_capture_still_to_come_is_aimed_at(text: str, subject: str, obj: str) -> None:
    x = _extract(text)
    aimed = claims_of(x, "targets", subject, obj)
    assert aimed and all(c.modality is Modality.INTENDED for c in aimed)
    assert not claims_of(x, "attacked", subject, obj)


@pytest.mark.parametrize("text, person, body", [
    # the SSPDF is South Sudan's army (ontology/descriptive_actors.yaml)
    ("SSPDF spokesman Maj. Gen. Deng Makuei Aguer said troops had retaken the town.", "Deng Makuei Aguer",
     "Military Forces of South Sudan"),
    ("Tabi Ojong, a political scientist at the University of Buea, said the separatists were divided.", "Tabi Ojong",
     "University of Buea"),
])
def test_a_role_before_a_rank_or_at_an_institution_is_membership(text: str, person: str, body: str) -> None:
    assert claims_of(_extract(text), "member_of", person, body)


def test_the_remnants_of_a_group_stand_for_it() -> None:
    x = _extract("He said the ISKP cells in Kurram were believed to be working with remnants of Lashkar-e-Jhangvi.")
    assert claims_of(x, "cooperates_with", "Islamic State Khorasan Province", "Lashkar-e-Jhangvi")


def test_a_victims_home_is_no_base_but_a_groups_home_is() -> None:
    victim = _extract("Gunmen abducted a cleric, Mawlawi Gul Mohammad, from his home in Spin Boldak town on Sunday.")
    assert not claims_of(victim, "based_in", "Mawlawi Gul Mohammad")
    group = _extract("Officials in Kabul say Pakistan still hosts the home of the Afghan Taliban in Quetta, near the"
                     " Chaman crossing.")
    assert claims_of(group, "based_in", "Taliban", "Quetta")


@pytest.mark.parametrize("text, predicate, doer, hit, modality", [
    # a threat to a body's posts is a threat to the body
    ("The BLA warned that it would attack Frontier Corps checkpoints along the highway.", "targets",
     "Balochistan Liberation Army", "Military Forces of Pakistan", Modality.INTENDED),
    ("Militants of the BLA attacked Frontier Corps checkpoints along the highway on Monday.", "attacked",
     "Balochistan Liberation Army", "Military Forces of Pakistan", Modality.ASSERTED),
])
def test_a_body_s_posts_stand_for_the_body(text: str, predicate: str, doer: str, hit: str,
                                           modality: Modality) -> None:
    found = claims_of(_extract(text), predicate, doer, hit)
    assert found and all(c.modality is modality for c in found)


def test_the_place_of_a_body_s_posts_is_kept_beside_the_body() -> None:
    x = _extract("The BLA warned that it would attack Frontier Corps checkpoints in Turbat.")
    assert claims_of(x, "targets", "Balochistan Liberation Army", "Military Forces of Pakistan")
    assert claims_of(x, "targets", "Balochistan Liberation Army", "Turbat")
