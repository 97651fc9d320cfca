"""Kin are separate actors: a front (JuD for LeT) keeps its own node even where a sanctions list files it
as an alias of the group."""

from __future__ import annotations

from claimgraph.nlp.gazetteer import build_gazetteer


def test_a_front_is_not_merged_into_its_group(data_dir) -> None:
    gazetteer = build_gazetteer(data_dir, cache_dir=None)
    let, jud = gazetteer.lookup("Lashkar-e-Tayyiba"), gazetteer.lookup("JuD")
    assert let is not None and jud is not None
    assert let.id != jud.id
    assert ("front_of", let.id) in jud.kin
    assert "un:QDe.118" in let.refs  # the UN record is still LeT's
    assert not any("dawa" in alias.lower() for alias in let.aliases)
