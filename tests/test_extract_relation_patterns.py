"""The relation patterns as data (no model): loading, validation, the registered component, sentence selection."""

from __future__ import annotations

import pytest
import spacy

from _extract_helpers import make_doc
from claimgraph.errors import ConfigError
from claimgraph.extract.relations import RELATIONS_FACTORY, RelationPatterns, default_patterns, read_patterns
from claimgraph.nlp.gazetteer import build_gazetteer
from claimgraph.nlp.pipeline import GazetteerMatcher
from claimgraph.nlp.segment import Segmenter
from claimgraph.ontology import load_ontology

# "The Taliban attacked the convoy ." / "The convoy was attacked by the Taliban ."
ACTIVE = dict(words=["The", "Taliban", "attacked", "the", "convoy", "."], heads=[1, 2, 2, 4, 2, 2],
              deps=["det", "nsubj", "ROOT", "det", "dobj", "punct"],
              pos=["DET", "PROPN", "VERB", "DET", "NOUN", "PUNCT"],
              lemmas=["the", "Taliban", "attack", "the", "convoy", "."])
PASSIVE = dict(words=["The", "convoy", "was", "attacked", "by", "the", "Taliban", "."], heads=[1, 3, 3, 3, 3, 6, 4, 3],
               deps=["det", "nsubjpass", "auxpass", "ROOT", "agent", "det", "pobj", "punct"],
               pos=["DET", "NOUN", "AUX", "VERB", "ADP", "DET", "PROPN", "PUNCT"],
               lemmas=["the", "convoy", "be", "attack", "by", "the", "Taliban", "."])


def _rules(doc_kw: dict) -> set[tuple[str, str | None, str | None]]:  # type: ignore[type-arg]
    doc = make_doc(doc_kw["words"], heads=doc_kw["heads"], deps=doc_kw["deps"], pos=doc_kw["pos"],
                   lemmas=doc_kw["lemmas"])
    return {(m.rule, doc[m.subject].text if m.subject is not None else None,
             doc[m.object].text if m.object is not None else None) for m in default_patterns().find(doc)}


def test_active_and_passive_frames_give_the_same_sides() -> None:
    assert ("attack_active", None, "convoy") in _rules(ACTIVE)  # the subject is the clause's, found later
    assert ("attack_passive", "Taliban", "convoy") in _rules(PASSIVE)


def test_every_rule_states_known_predicates_with_role_nodes() -> None:
    ontology = load_ontology()
    patterns = default_patterns()
    assert patterns.version >= 1 and len(patterns.rules) >= 30
    for rule in patterns.rules:
        assert "trigger" in rule.nodes, rule.id
        assert all(p in ontology.predicates for p in rule.predicates), rule.id
        assert rule.intended is None or rule.intended in ontology.predicates
        assert all(t in ontology.entity_types for t in rule.subjects), rule.id
    covered = {p for r in patterns.rules for p in r.predicates}
    assert {"attacked", "claimed_responsibility_for", "operates_in", "based_in", "member_of", "branch_of",
            "targets", "supports", "directs", "cooperates_with", "met_with"} <= covered


def test_no_hostile_rule_is_triggered_by_a_word_of_alliance() -> None:
    patterns = default_patterns()
    allied = {"alongside", "beside", "ally", "allied", "side", "support"}
    for rule in patterns.rules:
        if set(rule.predicates) & {"attacked", "targets"}:
            words = {str(w) for node in rule.pattern for v in node.get("RIGHT_ATTRS", {}).values()
                     if isinstance(v, dict) for w in v.get("IN", [])}
            assert not words & allied, rule.id


def test_a_bare_yaml_boolean_is_refused() -> None:
    data = {"frames": {"f": [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LOWER": {"IN": "$preps"}}}]},
            "rules": [{"id": "r", "frame": "f", "preps": [True, "against"], "predicates": ["attacked"]}]}
    with pytest.raises(ConfigError, match="quote"):
        RelationPatterns.from_data(data)
    with pytest.raises(ConfigError, match="unknown frame"):
        RelationPatterns.from_data({"frames": {}, "rules": [{"id": "r", "frame": "g", "predicates": []}]})


def test_a_word_class_defined_twice_is_refused() -> None:
    # YAML would keep the second silently, and the rules of the first would match the other words
    with pytest.raises(ConfigError, match="people defined twice"):
        read_patterns("classes:\n  people: [fighter]\n  people: [tactic]\n")
    assert read_patterns("classes:\n  people: [fighter]\n") == {"classes": {"people": ["fighter"]}}


def test_component_is_registered_and_writes_matches() -> None:
    nlp = spacy.blank("en")
    component = nlp.add_pipe(RELATIONS_FACTORY)
    doc = make_doc(PASSIVE["words"], heads=PASSIVE["heads"], deps=PASSIVE["deps"], pos=PASSIVE["pos"],
                   lemmas=PASSIVE["lemmas"])
    doc = component(doc)
    assert [m.rule for m in doc._.claimgraph_relations] == ["attack_passive"]
    assert component(make_doc(["No", "parse", "here"]))._.claimgraph_relations == []


def test_one_name_is_enough_with_a_word_for_the_other_side() -> None:
    nlp = spacy.blank("en")
    matcher = GazetteerMatcher(nlp.vocab, build_gazetteer(None, frozenset()), nlp.make_doc)
    seg = Segmenter(nlp, matcher, {"attacked", "met"}, solo_words={"involvement"})
    text = ("Its fighters attacked Tripoli. The weather attacked nobody. "
            "Hezbollah denied any involvement. Someone met nobody.")
    _, sents = seg.segment(text)
    kept = [text[s.start : s.end] for s in sents if s.keep]
    assert kept == ["Its fighters attacked Tripoli.", "Hezbollah denied any involvement."]


def test_rules_that_turn_or_complete_a_relation_load_from_the_data() -> None:
    rules = {r.id: r for r in default_patterns().rules}
    assert rules["proxy_as"].swap and rules["proxy_as"].predicates[0] == "directs"
    assert rules["support_received"].other == "clause"
    assert rules["responsibility_place"].fallback and not rules["responsibility_target"].fallback
    # frames come from relation_frames.yaml: every rule's frame was found and built
    assert {"possessive_noun", "members_are", "passive_agent_conj", "where_clause"} <= {r.frame for r in rules.values()}
