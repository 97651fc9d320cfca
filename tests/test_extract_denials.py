"""Denials beside the allegations they answer (extract/denials.py): real sentences through the real Extractor.
The accuser's claim stays affirmed; the denier's own word is the same claim negated, sourced to the denier."""

from __future__ import annotations

import pytest

from claimgraph.extract.denials import DENIALS
from claimgraph.records import Claim, Document, Polarity, text_id

pytestmark = pytest.mark.model


def _claims(extractor, text: str, predicate: str) -> list[Claim]:  # type: ignore[no-untyped-def]
    x = extractor.extract(Document(text_id(text), text, source="test"))
    assert x.error is None, x.error
    return [c for c in x.claims if c.predicate == predicate]


def test_the_version_names_the_step() -> None:
    assert DENIALS.startswith("claimgraph.denials.v")


@pytest.mark.parametrize(("text", "accuser", "denier"), [
    # in the allegation's own sentence; a capital speaks for its state
    ("Pakistan has repeatedly accused Afghanistan of harbouring TTP militants, a charge Kabul denies.",
     "Pakistan", "Kabul"),
    ("India accused Pakistan of supporting Lashkar-e-Taiba, which Islamabad denied.", "India", "Islamabad"),
    # a sentence on, naming the allegation
    ("Pakistan accuses Afghanistan of harbouring TTP militants. Kabul denies the charge.", "Pakistan", "Kabul"),
])
def test_a_denial_stands_beside_the_allegation(extractor, text: str, accuser: str,  # type: ignore[no-untyped-def]
                                               denier: str) -> None:
    found = _claims(extractor, text, "supports")
    by_source = {c.source.name: c for c in found}
    assert by_source[accuser].polarity is Polarity.AFFIRMED
    assert by_source[denier].polarity is Polarity.NEGATED
    assert by_source[denier].subject == by_source[accuser].subject
    for c in found:
        assert c.evidence.check(text)


def test_the_accused_group_denies_the_allegation(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Officials blamed the Haqqani network for the attack on the embassy in Kabul. The Haqqani network denied "
            "the allegation.")
    found = _claims(extractor, text, "attacked")
    assert {c.polarity for c in found} == {Polarity.AFFIRMED, Polarity.NEGATED}
    denial = next(c for c in found if c.polarity is Polarity.NEGATED)
    assert denial.source.name == "The Haqqani network" and denial.cues == ("denied",)


def test_no_denial_without_an_allegation_named(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "India accused Pakistan of supporting Lashkar-e-Taiba. Islamabad denied entry to the delegation."
    assert {c.polarity for c in _claims(extractor, text, "supports")} == {Polarity.AFFIRMED}



def test_a_denier_the_parser_made_a_compound_of_the_verb(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Security officials believe the BLA receives support from the Taliban government in Kabul, a charge the"
            " Taliban deny.")
    denial = [c for c in _claims(extractor, text, "supports") if c.polarity is Polarity.NEGATED]
    assert denial and denial[0].source.name == "Taliban" and denial[0].subject.name == "Taliban"
