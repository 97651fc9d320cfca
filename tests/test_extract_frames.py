"""Claim frames on hand-built sentences: the surface shapes that carry a relation (no model)."""

from __future__ import annotations

from _extract_helpers import make_doc
from claimgraph.extract.entities import cluster_mentions, find_mentions
from claimgraph.extract.frames import (
    FrameInput,
    between_frame,
    kind_frame,
    role_frame,
    under_frame,
)
from claimgraph.extract.triggers import Triggers
from claimgraph.extract.types import ParsedSentence
from claimgraph.ontology import load_ontology

TRIGGERS = Triggers.from_lexicon(load_ontology().lexicon)


def _frame_input(words: list[str], ents: list[str], **parse: list) -> FrameInput:  # type: ignore[type-arg]
    doc = make_doc(words, ents=ents, **parse)
    parsed = [ParsedSentence(0, doc)]
    mentions, _ = find_mentions(parsed, doc.text)
    _, index = cluster_mentions(mentions, parsed, doc.text, None)
    return FrameInput(doc, 0, 0, index, TRIGGERS)


def _triples(cands: list) -> set[tuple[str, str, str | None, str | None]]:  # type: ignore[type-arg]
    return {(c.predicate, c.subject.name, c.object.name if c.object else None, c.role) for c in cands}


def test_role_after_org_and_before_person() -> None:
    words = ["Months", "later", ",", "senior", "Lashkar", "deputy", "commander", "Saifullah", "Kasuri", "arrived", "."]
    ents = ["O", "O", "O", "O", "B-ORG", "O", "O", "B-PERSON", "I-PERSON", "O", "O"]
    fi = _frame_input(words, ents)
    assert _triples(role_frame(fi)) == {("member_of", "Saifullah Kasuri", "Lashkar", "deputy")}


def test_role_in_appositive_with_place() -> None:
    words = ["In", "the", "photo", ",", "ISKP", "’s", "coordinator", "in", "Balochistan", ",", "Mir", "Shafiq",
             "Mengal", ",", "is", "seen", "."]
    ents = ["O"] * 4 + ["B-ORG", "O", "O", "O", "B-GPE", "O", "B-PERSON", "I-PERSON", "I-PERSON", "O", "O", "O",
                        "O"]
    cands = role_frame(_frame_input(words, ents))
    assert _triples(cands) == {("member_of", "Mir Shafiq Mengal", "ISKP", "coordinator")}
    assert cands[0].place is not None and cands[0].place.name == "Balochistan"


def test_family_role() -> None:
    words = ["Ahmed", "Khan", ",", "son", "of", "former", "minister", "Nasir", "Khan", ",", "left", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O"]
    assert _triples(role_frame(_frame_input(words, ents))) == {("family_of", "Ahmed Khan", "Nasir Khan", "son")}


def test_plural_role_in_a_list_is_not_an_appositive() -> None:
    words = ["a", "meeting", "between", "leaders", "of", "Hamas", ",", "Abdullah", "Azzam", ",", "and", "others"]
    ents = ["O"] * 5 + ["B-ORG", "O", "B-PERSON", "I-PERSON", "O", "O", "O"]
    tags = ["DT", "NN", "IN", "NNS", "IN", "NNP", ",", "NNP", "NNP", ",", "CC", "NNS"]
    doc = make_doc(words, ents=ents)
    for t, tag in zip(doc, tags, strict=True):
        t.tag_ = tag
    parsed = [ParsedSentence(0, doc)]
    mentions, _ = find_mentions(parsed, doc.text)
    _, index = cluster_mentions(mentions, parsed, doc.text, None)
    assert role_frame(FrameInput(doc, 0, 0, index, TRIGGERS)) == []


def test_between_and_dash_compound() -> None:
    words = ["the", "collaboration", "between", "Hamas", "and", "Hezbollah", "grew", "."]
    ents = ["O", "O", "O", "B-ORG", "O", "B-ORG", "O", "O"]
    assert _triples(between_frame(_frame_input(words, ents))) == {("cooperates_with", "Hamas", "Hezbollah", None)}
    words = ["The", "LeT", "–", "ISKP", "collaboration", "marks", "a", "shift", "."]
    ents = ["O", "B-ORG", "O", "B-ORG", "O", "O", "O", "O", "O"]
    assert _triples(between_frame(_frame_input(words, ents))) == {("cooperates_with", "LeT", "ISKP", None)}


def test_under_supervision() -> None:
    words = ["The", "LeT", "–", "ISKP", "collaboration", "under", "ISI", "’s", "supervision", "marks", "a", "shift"]
    ents = ["O", "B-ORG", "O", "B-ORG", "O", "O", "B-ORG", "O", "O", "O", "O", "O"]
    assert _triples(under_frame(_frame_input(words, ents))) == {("directs", "ISI", "LeT", None),
                                                                ("directs", "ISI", "ISKP", None)}


def test_branch_appositive() -> None:
    words = ["ISKP", ",", "a", "sub", "-", "continental", "branch", "of", "the", "Islamic", "State", ",", "vowed"]
    ents = ["B-ORG", "O", "O", "O", "O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O"]
    assert _triples(kind_frame(_frame_input(words, ents))) == {("branch_of", "ISKP", "Islamic State", None)}
