"""Acronyms the NER misses that name a group by its fighters (nlp/acronyms.py): the pipeline makes them
organisation entities."""

from __future__ import annotations

import pytest

from claimgraph.nlp.acronyms import FIGHTERS_ACRONYM


@pytest.mark.model
@pytest.mark.parametrize(("text", "found"), [
    ("Two NSCN-IM cadres were arrested.", ["NSCN-IM"]),
    ("On 10 November 2018, NSCN-IM militants abducted two workers from Tamenglong.", ["NSCN-IM"]),  # NER: NORP
    ("Maoists of the PLGA blew up a school building.", ["PLGA"]),
    ("The IED was planted near the CRPF camp.", []),  # a camp is no fighters noun
    ("The UN said the town was calm.", []),  # two letters: too short to tell from a word
])
def test_acronyms_naming_fighters(extractor, text: str, found: list[str]) -> None:  # type: ignore[no-untyped-def]
    doc = extractor.nlp(text)
    assert [e.text for e in doc.ents if e.id_ == FIGHTERS_ACRONYM] == found
    assert all(e.label_ == "ORG" for e in doc.ents if e.id_ == FIGHTERS_ACRONYM)
