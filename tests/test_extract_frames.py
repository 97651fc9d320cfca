"""Claim frames on hand-built sentences: the surface shapes that carry a relation (no model; one real text)."""

from __future__ import annotations

import pytest

from _extract_helpers import make_doc
from claimgraph.extract.entities import cluster_mentions
from claimgraph.extract.entity_mentions import find_mentions
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
from claimgraph.records import Document, text_id

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


def test_place_closing_a_between_phrase_is_the_meeting_place() -> None:
    from claimgraph.extract.claim_place import place_of

    words = ["a", "meeting", "between", "the", "coordinator", "of", "ISKP", "and", "a", "Lashkar", "commander",
             "in", "Balochistan", "."]
    heads = [1, 1, 1, 4, 2, 4, 5, 4, 10, 10, 4, 10, 11, 1]
    deps = ["det", "ROOT", "prep", "det", "pobj", "prep", "pobj", "cc", "det", "compound", "conj", "prep", "pobj",
            "punct"]
    ents = ["O"] * 6 + ["B-ORG", "O", "O", "B-ORG", "O", "O", "B-GPE", "O"]
    fi = _frame_input(words, ents, heads=heads, deps=deps)
    cands = between_frame(fi)
    assert _triples(cands) == {("met_with", "ISKP", "Lashkar", None)}
    place = place_of(fi, cands[0])
    assert place is not None and place.name == "Balochistan"
    # the same place phrase on the first party does not close the phrase: no place
    words2 = ["a", "meeting", "between", "the", "coordinator", "in", "Balochistan", "of", "ISKP", "and", "Lashkar",
              "."]
    heads2 = [1, 1, 1, 4, 2, 4, 5, 4, 7, 4, 4, 1]
    deps2 = ["det", "ROOT", "prep", "det", "pobj", "prep", "pobj", "prep", "pobj", "cc", "conj", "punct"]
    ents2 = ["O"] * 6 + ["B-GPE", "O", "B-ORG", "O", "B-ORG", "O"]
    fi2 = _frame_input(words2, ents2, heads=heads2, deps=deps2)
    assert all(place_of(fi2, c) is None for c in between_frame(fi2))


def test_arrival_with_a_companion_places_both() -> None:
    from claimgraph.extract.claim_place import place_of
    from claimgraph.extract.frames import verb_frame

    words = ["Ashfaq", "arrived", "in", "Balochistan", ",", "followed", "by", "Saifullah", "Kasuri", "."]
    heads = [1, 1, 1, 2, 1, 1, 5, 8, 6, 1]
    deps = ["nsubj", "ROOT", "prep", "pobj", "punct", "advcl", "agent", "compound", "pobj", "punct"]
    pos = ["PROPN", "VERB", "ADP", "PROPN", "PUNCT", "VERB", "ADP", "PROPN", "PROPN", "PUNCT"]
    lemmas = ["Ashfaq", "arrive", "in", "Balochistan", ",", "follow", "by", "Saifullah", "Kasuri", "."]
    ents = ["B-PERSON", "O", "O", "B-GPE", "O", "O", "O", "B-PERSON", "I-PERSON", "O"]
    fi = _frame_input(words, ents, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    fi.sent[5].tag_ = "VBN"
    cands = verb_frame(fi)
    assert _triples(cands) == {("operates_in", "Ashfaq", "Balochistan", None),
                               ("operates_in", "Saifullah Kasuri", "Balochistan", None)}
    # the place is the claim's object, not a place to add to it
    assert all(place_of(fi, c) is None for c in cands)


@pytest.mark.model
def test_only_a_members_arrival_places_them(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Lashkar commander Zaki Rahman Lakhvi arrived in Muzaffarabad on Monday. "
            "President Asif Ali Zardari arrived in Quetta on Tuesday, officials said.")
    x = extractor.extract(Document(text_id(text), text, source="test"))
    assert x.error is None, x.error
    placed = {(c.subject.name, c.object.name if c.object else None) for c in x.claims if c.predicate == "operates_in"}
    assert ("Zaki Rahman Lakhvi", "Muzaffarabad") in placed
    assert not any(s == "Asif Ali Zardari" for s, _ in placed)
    assert any("arrival" in why for _, why in x.dropped)
