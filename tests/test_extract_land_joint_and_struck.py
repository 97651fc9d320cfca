"""Relations that ordinary reports state in passing: the land a group holds named through a part of it ('much of
the countryside around Y', 'most of the roads around Y', 'nine of Y's 13 districts'), bodies named as one subject
of an operation (they work together), an organisation that is a member of a coalition or one of its members (a
part of it, its branch), an ally or a backer owned by a name ('Y's closest ally', 'Y's main backer'), and what a
claimed attack struck when the weapon is the subject ('a roadside bomb hit a vehicle of the X'). The sentences are
written for these tests in the style of wire reports."""

from __future__ import annotations

import pytest

from _extract_helpers import claim_triples

pytestmark = pytest.mark.model


def test_land_held_through_a_noun_of_ground() -> None:
    assert ("Al-Shabaab", "operates_in", "Jowhar") in claim_triples(
        "Al-Shabaab still controls much of the countryside around Jowhar.")
    assert ("Al-Shabaab", "operates_in", "Jowhar") in claim_triples(
        "Al-Shabaab still controls most of the roads around Jowhar.")


def test_land_held_through_a_count_of_its_parts() -> None:
    assert ("Taliban", "operates_in", "Helmand") in claim_triples(
        "The Taliban now control nine of Helmand's 13 districts.")


def test_a_count_without_a_place_names_no_land() -> None:
    assert not any(p == "operates_in" for _s, p, _o in claim_triples(
        "The Taliban now control nine of the 13 districts."))


def test_bodies_named_as_one_subject_of_an_operation_work_together() -> None:
    triples = claim_triples("UPDF troops and FARDC soldiers stormed an ADF camp near Beni on Sunday.")
    assert any(p == "cooperates_with" and {s, o} == {"Military Forces of Uganda",
                                                      "Military Forces of Democratic Republic of the Congo"}
               for s, p, o in triples)


def test_sides_that_clash_do_not_work_together() -> None:
    triples = claim_triples("UPDF troops and ADF fighters clashed near Beni on Sunday.")
    assert not any(p == "cooperates_with" for _s, p, _o in triples)


def test_an_organisation_member_of_a_coalition_is_a_part_of_it() -> None:
    triples = claim_triples("The MNLA is a member of the Coordination of Azawad Movements.")
    assert ("MNLA", "branch_of", "Coordination of Azawad Movements") in triples


def test_what_the_weapon_of_a_claimed_attack_hit_was_attacked() -> None:
    triples = claim_triples("The TTP claimed the attack, in which a roadside bomb hit a vehicle of the Khyber "
                            "Pakhtunkhwa Police near Tank on Monday.", published="2025-06-04")
    assert ("Tehrik-i-Taliban Pakistan", "attacked", "Police Forces of Pakistan") in triples


def test_an_organisation_one_of_the_members_of_another_is_its_branch() -> None:
    triples = claim_triples("The UPC is one of the members of the Coalition of Patriots for Change.")
    assert ("UPC", "branch_of", "Coalition of Patriots for Change") in triples


def test_an_ally_owned_by_a_name_in_apposition() -> None:
    triples = claim_triples("The MNDAA, the TNLA's closest ally, denied the report.")
    assert any(p == "cooperates_with" and {s, o} == {"MNDAA", "TNLA"} for s, p, o in triples)


def test_a_backer_owned_by_a_name_supports_it() -> None:
    assert ("Iran", "supports", "Houthis") in claim_triples("Iran, the Houthis' main backer, denied the report.")
    triples = claim_triples("The UAE, the RSF's chief financier, rejected the report.")
    assert ("UAE", "supports", "RSF") in triples
    assert not any(p == "branch_of" for _s, p, _o in triples)  # a financier of a body is no branch of it
