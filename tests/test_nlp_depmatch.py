"""The anchored dependency matcher gives spaCy's DependencyMatcher's matches, in the same order, on hand-built
parses (no model needed), for the packaged relation and statement patterns and for patterns whose word list is
not on the first node, that go up the tree, or that can put one token in two nodes."""

from __future__ import annotations

import pytest
import spacy
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc

from claimgraph.extract.relations import default_patterns
from claimgraph.extract.statement_rules import load_rules
from claimgraph.nlp.depmatch import AnchoredMatcher, SpacyKeys, Unsupported, dependency_matcher

VOCAB = spacy.blank("en").vocab  # with the English lexical attributes (LOWER)


def _doc(words: list[str], heads: list[int], deps: list[str], pos: list[str], lemmas: list[str] | None = None
         ) -> Doc:
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos,
               lemmas=lemmas or [w.lower() for w in words], tags=["XX"] * len(words))


DOCS = [
    # Officials said the group attacked the police station in Bannu and claimed responsibility for it.
    _doc(["Officials", "said", "the", "group", "attacked", "the", "police", "station", "in", "Bannu", "and",
          "claimed", "responsibility", "for", "it", "."],
         [1, 1, 3, 4, 1, 7, 7, 4, 7, 8, 4, 4, 11, 12, 13, 1],
         ["nsubj", "ROOT", "det", "nsubj", "ccomp", "det", "compound", "dobj", "prep", "pobj", "cc", "conj",
          "dobj", "prep", "pobj", "punct"],
         ["NOUN", "VERB", "DET", "NOUN", "VERB", "DET", "NOUN", "NOUN", "ADP", "PROPN", "CCONJ", "VERB", "NOUN",
          "ADP", "PRON", "PUNCT"],
         ["official", "say", "the", "group", "attack", "the", "police", "station", "in", "Bannu", "and", "claim",
          "responsibility", "for", "it", "."]),
    # The attack was claimed by the Islamic State. Hezbollah receives weapons from Iran.  (two trees)
    _doc(["The", "attack", "was", "claimed", "by", "Islamic", "State", ".", "Hezbollah", "receives", "weapons",
          "from", "Iran", "."],
         [1, 3, 3, 3, 3, 6, 4, 3, 9, 9, 9, 9, 11, 9],
         ["det", "nsubjpass", "auxpass", "ROOT", "agent", "compound", "pobj", "punct", "nsubj", "ROOT", "dobj",
          "prep", "pobj", "punct"],
         ["DET", "NOUN", "AUX", "VERB", "ADP", "PROPN", "PROPN", "PUNCT", "PROPN", "VERB", "NOUN", "ADP", "PROPN",
          "PUNCT"],
         ["the", "attack", "be", "claim", "by", "Islamic", "State", ".", "Hezbollah", "receive", "weapon", "from",
          "Iran", "."]),
]

EXTRA = [
    ("word_below", [  # the word list is on a child: the search starts there and goes up
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"POS": "VERB"}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "obj", "RIGHT_ATTRS": {"LEMMA": {"IN": ["responsibility"]}}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "any", "RIGHT_ATTRS": {"DEP": {"NOT_IN": ["punct"]}}}]),
    ("up_and_down", [
        {"RIGHT_ID": "x", "RIGHT_ATTRS": {"LOWER": {"IN": ["bannu", "iran", "it"]}}},
        {"LEFT_ID": "x", "REL_OP": "<<", "RIGHT_ID": "top", "RIGHT_ATTRS": {"POS": "VERB"}},
        {"LEFT_ID": "top", "REL_OP": ">>", "RIGHT_ID": "noun", "RIGHT_ATTRS": {"POS": {"IN": ["NOUN", "PROPN"]}}},
        {"LEFT_ID": "x", "REL_OP": "<", "RIGHT_ID": "prep", "RIGHT_ATTRS": {"DEP": "prep"}}]),
]


def _rules() -> list[tuple[str, list[list[dict]]]]:
    rules = [(r.id, [list(r.pattern)]) for r in default_patterns().rules]
    rules += [(s.id, [list(s.pattern)]) for s in load_rules().patterns]
    return rules + [(key, [pattern]) for key, pattern in EXTRA]


@pytest.mark.parametrize("doc", DOCS)
def test_same_matches_as_spacy(doc: Doc) -> None:
    rules = _rules()
    spacy_matcher, anchored = DependencyMatcher(VOCAB), AnchoredMatcher(VOCAB)
    for key, patterns in rules:
        spacy_matcher.add(key, patterns)
        anchored.add(key, patterns)
    expected = [(VOCAB.strings[k], list(ids)) for k, ids in spacy_matcher(doc)]
    assert expected  # the sentences match some patterns
    assert anchored(doc) == expected


def test_unsupported_patterns_fall_back_to_spacy() -> None:
    pattern = [{"RIGHT_ID": "a", "RIGHT_ATTRS": {"LOWER": "said"}},
               {"LEFT_ID": "a", "REL_OP": "$+", "RIGHT_ID": "b", "RIGHT_ATTRS": {}}]
    with pytest.raises(Unsupported):
        AnchoredMatcher(VOCAB).add("sibling", [pattern])
    matcher = dependency_matcher(VOCAB, [("sibling", [pattern])])
    assert isinstance(matcher, SpacyKeys)
    spacy_matcher = DependencyMatcher(VOCAB)
    spacy_matcher.add("sibling", [pattern])
    assert matcher(DOCS[0]) == [(VOCAB.strings[k], ids) for k, ids in spacy_matcher(DOCS[0])]


def test_word_order_operators_match_as_spacys() -> None:
    pattern = [{"RIGHT_ID": "a", "RIGHT_ATTRS": {"LOWER": "said"}},
               {"LEFT_ID": "a", "REL_OP": ".", "RIGHT_ID": "b", "RIGHT_ATTRS": {}},
               {"LEFT_ID": "a", "REL_OP": ";", "RIGHT_ID": "c", "RIGHT_ATTRS": {}}]
    anchored = AnchoredMatcher(VOCAB)
    anchored.add("order", [pattern])
    assert anchored(DOCS[0]) == [("order", [1, 2, 0])]
