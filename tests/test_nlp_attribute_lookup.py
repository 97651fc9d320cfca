"""The lookup attribute ruler finds exactly the matches of spaCy's AttributeRuler, with the same patterns."""

from __future__ import annotations

import pytest
import spacy
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.vocab import Vocab

from claimgraph.nlp.attribute_lookup import LookupAttributeRuler, use_lookup_attribute_ruler

#: one of each kind a tag-map ruler holds: tag only, tag and word, word sets, several tokens, an operator,
#: a regex, a rule with two patterns, a space rule, one rule listed twice
PATTERNS = [
    {"patterns": [[{"TAG": "NNS"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Plur"}},
    {"patterns": [[{"TAG": "DT", "LOWER": "the"}]], "attrs": {"MORPH": "Definite=Def|PronType=Art"}},
    {"patterns": [[{"TAG": "VBZ", "LOWER": {"IN": ["is", "'s", "is"]}}]], "attrs": {"LEMMA": "be"}},
    {"patterns": [[{"LOWER": "it", "DEP": {"IN": ["dobj", "pobj"]}}]], "attrs": {"MORPH": "Case=Acc"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "going"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
    {"patterns": [[{"DEP": {"NOT_IN": ["det", ""]}, "TAG": {"IN": ["DT", "WDT"]}}]], "attrs": {"POS": "PRON"}},
    {"patterns": [[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], "attrs": {"LEMMA": "nothing"}},
    {"patterns": [[{"TAG": "VBZ", "LOWER": "gets"}], [{"TAG": "VBD", "LOWER": "got"}]], "attrs": {"LEMMA": "get"}},
    {"patterns": [[{"IS_SPACE": True, "TAG": "_SP"}]], "attrs": {"POS": "SPACE"}},
    {"patterns": [[{"TAG": "NNS"}]], "attrs": {"LEMMA": "-"}},
]

WORDS = ["The", "militants", "is", "gon", "na", "attack", "it", "and", "that", "got", "nothin'", " ", "the", "'s"]
TAGS = ["DT", "NNS", "VBZ", "VBG", "TO", "VB", "PRP", "CC", "DT", "VBD", "NN", "_SP", "DT", "VBZ"]
DEPS = ["det", "nsubj", "aux", "aux", "aux", "ROOT", "dobj", "cc", "nsubj", "conj", "dobj", "dep", "det", "dep"]


def _rulers() -> tuple[Vocab, AttributeRuler, LookupAttributeRuler]:
    vocab = spacy.blank("en").vocab  # a Vocab with English lexical attributes (lower case, is_space)
    plain, lookup = AttributeRuler(vocab), LookupAttributeRuler(vocab)
    plain.add_patterns(PATTERNS)
    lookup.add_patterns(plain.patterns)
    return vocab, plain, lookup


def test_same_matches_as_the_attribute_ruler() -> None:
    vocab, plain, lookup = _rulers()
    doc = Doc(vocab, words=WORDS, tags=TAGS, deps=DEPS, heads=[1, 5, 5, 5, 5, 5, 5, 5, 9, 5, 9, 9, 13, 9])
    assert lookup.match(doc) == plain.match(doc)
    assert len(plain.match(doc)) >= 12  # the doc exercises most rules, so the comparison means something
    assert lookup.match(Doc(vocab, words=[])) == []


def test_a_pattern_added_later_is_matched() -> None:
    vocab, plain, lookup = _rulers()
    doc = Doc(vocab, words=WORDS, tags=TAGS, deps=DEPS, heads=[1, 5, 5, 5, 5, 5, 5, 5, 9, 5, 9, 9, 13, 9])
    lookup.match(doc)  # builds the tables
    extra = {"patterns": [[{"TAG": "CC"}]], "attrs": {"POS": "CCONJ"}}
    plain.add_patterns([extra])
    lookup.add_patterns([extra])
    assert lookup.match(doc) == plain.match(doc)
    assert any(s == 7 for _, _, s, _ in lookup.match(doc))


def test_model_tokens_get_the_same_attributes(settings) -> None:  # type: ignore[no-untyped-def]
    try:
        plain = spacy.load(settings.nlp.model)
        fast = use_lookup_attribute_ruler(spacy.load(settings.nlp.model))
    except OSError:
        pytest.skip(f"spaCy model {settings.nlp.model} is not installed")
    assert isinstance(fast.get_pipe("attribute_ruler"), LookupAttributeRuler)
    assert fast.pipe_names == plain.pipe_names
    text = ("Police said the gunmen, who're thought to be TTP fighters, didn't flee; it's gonna take days, "
            "an official told reporters in Peshawar on Tuesday.  Nobody has claimed it.")
    a, b = plain(text), fast(text)
    assert [(t.pos_, str(t.morph), t.lemma_) for t in a] == [(t.pos_, str(t.morph), t.lemma_) for t in b]
