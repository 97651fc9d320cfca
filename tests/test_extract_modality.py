"""Modality and polarity from cue words that govern a claim's trigger (hand-built parses)."""

from __future__ import annotations

from _extract_helpers import make_doc
from claimgraph.extract.modality import CueLexicon, find_modality
from claimgraph.ontology import load_ontology
from claimgraph.records import Modality, Polarity

CUES = CueLexicon.from_lexicon(load_ontology().lexicon)


def _vowed() -> object:
    # ISKP is said to have vowed to extend operations in Kashmir .
    words = ["ISKP", "is", "said", "to", "have", "vowed", "to", "extend", "operations", "in", "Kashmir", "."]
    heads = [2, 2, 2, 5, 5, 2, 7, 5, 7, 7, 9, 2]
    deps = ["nsubjpass", "auxpass", "ROOT", "aux", "aux", "xcomp", "aux", "xcomp", "dobj", "prep", "pobj", "punct"]
    lemmas = ["ISKP", "be", "say", "to", "have", "vow", "to", "extend", "operation", "in", "Kashmir", "."]
    return make_doc(words, heads=heads, deps=deps, lemmas=lemmas)


def test_intended_and_hedged_cues_are_both_kept() -> None:
    doc = _vowed()
    modality, polarity, cues = find_modality(doc, doc[7], CUES)  # trigger: "extend"
    assert modality == Modality.INTENDED
    assert polarity == Polarity.AFFIRMED
    assert cues == ("is said to have", "vowed to")


def test_nominal_claims_ignore_intent_above_them() -> None:
    doc = _vowed()
    modality, _, cues = find_modality(doc, doc[8], CUES, nominal=True)  # "operations" as a noun phrase
    assert modality == Modality.HEDGED and "vowed to" not in cues


def test_negation_and_not_only() -> None:
    # The ISI did not support the group .
    doc = make_doc(["The", "ISI", "did", "not", "support", "the", "group", "."], heads=[1, 4, 4, 4, 4, 6, 4, 4],
                   deps=["det", "nsubj", "aux", "neg", "ROOT", "det", "dobj", "punct"])
    assert find_modality(doc, doc[4], CUES)[1] == Polarity.NEGATED
    # This not only intensifies the threat .
    doc = make_doc(["This", "not", "only", "intensifies", "the", "threat", "."], heads=[3, 3, 1, 3, 5, 3, 3],
                   deps=["nsubj", "preconj", "advmod", "ROOT", "det", "dobj", "punct"],
                   lemmas=["this", "not", "only", "intensify", "the", "threat", "."])
    assert find_modality(doc, doc[3], CUES)[1] == Polarity.AFFIRMED


def test_cue_in_another_clause_does_not_count() -> None:
    # Officials said the group attacked the camp , but it could be wrong .
    words = ["Officials", "said", "the", "group", "attacked", "the", "camp", ",", "but", "it", "could", "be",
             "wrong", "."]
    heads = [1, 1, 3, 4, 1, 6, 4, 1, 1, 11, 11, 1, 11, 1]
    deps = ["nsubj", "ROOT", "det", "nsubj", "ccomp", "det", "dobj", "punct", "cc", "nsubj", "aux", "conj",
            "acomp", "punct"]
    doc = make_doc(words, heads=heads, deps=deps)
    assert find_modality(doc, doc[4], CUES) == (Modality.ASSERTED, Polarity.AFFIRMED, ())


def test_a_coordinated_clause_with_its_own_subject_keeps_its_own_modality() -> None:
    # The army tried to retake Goma and the rebels attacked Bunia .   ("attacked": conj of "tried")
    words = ["The", "army", "tried", "to", "retake", "Goma", "and", "the", "rebels", "attacked", "Bunia", "."]
    heads = [1, 2, 2, 4, 2, 4, 2, 8, 9, 2, 9, 2]
    deps = ["det", "nsubj", "ROOT", "aux", "xcomp", "dobj", "cc", "det", "nsubj", "conj", "dobj", "punct"]
    pos = ["DET", "NOUN", "VERB", "PART", "VERB", "PROPN", "CCONJ", "DET", "NOUN", "VERB", "PROPN", "PUNCT"]
    lemmas = ["the", "army", "try", "to", "retake", "Goma", "and", "the", "rebel", "attack", "Bunia", "."]
    doc = make_doc(words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    assert find_modality(doc, doc[4], CUES)[0] == Modality.INTENDED  # "retake": what was tried
    assert find_modality(doc, doc[9], CUES)[0] == Modality.ASSERTED  # "attacked": done, by others


def test_a_clause_before_a_semicolon_keeps_its_own_modality() -> None:
    # Rebels overran a post ; seven rebels were reportedly killed .   ("overran": ccomp of "killed" across ";")
    words = ["Rebels", "overran", "a", "post", ";", "seven", "rebels", "were", "reportedly", "killed", "."]
    heads = [1, 9, 3, 1, 9, 6, 9, 9, 9, 9, 9]
    deps = ["nsubj", "ccomp", "det", "dobj", "punct", "nummod", "nsubjpass", "auxpass", "advmod", "ROOT", "punct"]
    pos = ["NOUN", "VERB", "DET", "NOUN", "PUNCT", "NUM", "NOUN", "AUX", "ADV", "VERB", "PUNCT"]
    lemmas = ["rebel", "overrun", "a", "post", ";", "seven", "rebel", "be", "reportedly", "kill", "."]
    doc = make_doc(words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    assert find_modality(doc, doc[1], CUES)[0] == Modality.ASSERTED  # "overran": stated outright
    assert find_modality(doc, doc[9], CUES)[0] == Modality.HEDGED  # "killed": reportedly


def test_a_participle_on_the_subject_is_not_under_the_main_verbs_denial() -> None:
    # The brigade , led by the army , denied it .
    words = ["The", "brigade", ",", "led", "by", "the", "army", ",", "denied", "it", "."]
    heads = [1, 8, 1, 1, 3, 6, 4, 1, 8, 8, 8]
    deps = ["det", "nsubj", "punct", "acl", "agent", "det", "pobj", "punct", "ROOT", "dobj", "punct"]
    lemmas = ["the", "brigade", ",", "lead", "by", "the", "army", ",", "deny", "it", "."]
    doc = make_doc(words, heads=heads, deps=deps, lemmas=lemmas)
    assert find_modality(doc, doc[3], CUES)[1] == Polarity.AFFIRMED  # trigger: "led"
    assert find_modality(doc, doc[9], CUES)[1] == Polarity.NEGATED  # what was denied stays denied
