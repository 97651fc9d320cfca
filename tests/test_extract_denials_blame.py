"""Allegations, blame and denials as wire reports word them: a denial in apposition to an allegation about
another group, a denial verb the parser reads as a noun, blame laid without a noun for the deed or on a leader's
fighters, "X was behind the raid", and a capital speaking for its state. The sentences are written for these
tests in the style of wire reports; none comes from a benchmark."""

from __future__ import annotations

import pytest

from _extract_helpers import claims_of
from _extract_helpers import extract_text as _extract
from claimgraph.records import Polarity

pytestmark = pytest.mark.model


def _polarities(claims) -> set[Polarity]:  # noqa: ANN001 - claims of one extraction
    return {c.polarity for c in claims}


@pytest.mark.parametrize(("text", "subject", "obj", "predicate"), [
    ("Pakistani officials say BLA leaders operate from sanctuaries in neighbouring Afghanistan, a claim the Taliban"
     " government denies.", "Balochistan Liberation Army", "Afghanistan", "operates_in"),
    ("Taliban officials have accused Pakistan's Inter-Services Intelligence (ISI) of sheltering ISKP fighters, an"
     " allegation Islamabad rejects.", "Inter-Services Intelligence", "Khorasan", "supports"),
    ("The SDF's backbone is the YPG, which Turkey says is a branch of the Kurdistan Workers' Party (PKK), a link the"
     " SDF denies.", "People's Protection Units", "Kurdistan Workers", "branch_of"),
])
def test_a_denial_beside_an_allegation_negates_it_whoever_it_is_about(
        text: str, subject: str, obj: str, predicate: str) -> None:
    found = claims_of(_extract(text), predicate, subject, obj)
    assert _polarities(found) == {Polarity.AFFIRMED, Polarity.NEGATED}


@pytest.mark.parametrize("text", [
    "Gunmen killed 12 people at a market in Chaudhwan on Monday. Police blamed the TTP, but the group denied"
    " involvement.",
    "Gunmen killed 12 people at a market in Chaudhwan on Monday. Police blamed the attack on fighters loyal to the"
    " TTP.",
    "Gunmen killed 12 people at a market in Chaudhwan on Monday. Police said the TTP was behind the raid.",
])
def test_blame_for_the_incident_just_told_is_an_allegation_of_it(text: str) -> None:
    found = claims_of(_extract(text), "attacked", "Taliban Pakistan", "Chaudhwan")
    assert Polarity.AFFIRMED in _polarities(found)


def test_a_denial_that_ones_fighters_were_behind_the_raid_negates_it() -> None:
    x = _extract("Gunmen killed 12 people at a market in Chaudhwan on Monday. The TTP denied that its fighters were"
                 " behind the raid.")
    assert _polarities(claims_of(x, "attacked", "Taliban Pakistan", "Chaudhwan")) == {Polarity.NEGATED}


def test_a_capital_accused_of_arming_a_group_is_its_state() -> None:
    x = _extract("Pakistan and India fought three wars. New Delhi has repeatedly accused Islamabad of arming"
                 " Lashkar-e-Taiba.")
    assert claims_of(x, "supports", "Pakistan", "Lashkar-e-Taiba")
