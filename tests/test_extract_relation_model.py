"""The relation classifier (extract/learned/relation_*.py): actor pairs, their features, labels from claim gold,
a model fitted and read back as plain data, and its candidates beside the rules'.

Model-backed where a sentence is parsed: the real spaCy pipeline through `Extractor.analyses`."""

from __future__ import annotations

import math

import pytest

from claimgraph.extract.learned.relation_model import NONE, RelationModel
from claimgraph.records import Document


def _analysis(extractor, text: str):  # type: ignore[no-untyped-def]
    [a] = list(extractor.analyses([Document(id="d", text=text, source="-")]))
    return a


def test_a_model_is_plain_data_and_predicts_the_best_relation_other_than_none() -> None:
    model = RelationModel.from_data({"classes": ["attacked", "none"], "intercept": [0.0, 1.0],
                                     "weights": {"PW:attack": [3.0, 0.0]}, "dense": [[1.0, 0.0]],
                                     "threshold": 0.6})
    assert model.predict(["PW:attack"])[0] == "attacked"
    assert model.predict(["PW:attack"])[1] > 0.8
    assert model.predict(["B:and"])[1] < 0.3  # no evidence: none wins, attack is unlikely
    # the context-vector row counts only when the vector has the model's width
    assert model.predict(["B:and"], [2.0])[1] > model.predict(["B:and"])[1]
    assert model.predict(["B:and"], [2.0, 1.0]) == model.predict(["B:and"])
    assert model.threshold == 0.6 and model.predict([])[0] == "attacked"  # the best class other than none


@pytest.mark.model
def test_pairs_are_ordered_actor_first_and_described_by_wording_not_names(extractor) -> None:  # type: ignore[no-untyped-def]
    from claimgraph.extract.learned.relation_pairs import dense, features, pairs

    a = _analysis(extractor, "The Taliban attacked a police post in Kandahar on Tuesday.")
    [ps] = a.parsed
    found = {(p.subject.entity.name, p.object.entity.name): p for p in pairs(ps.sent, 0, a.index)}
    assert ("Taliban", "Kandahar") in found
    assert not any(obj == "Taliban" and subj.startswith("Kandah") for subj, obj in found)  # a place is no subject
    f = features(found[("Taliban", "Kandahar")], ps.sent)
    assert "PC:attack" in f or "LC:attack" in f  # the verb's word class from the relation patterns
    assert not any("taliban" in x.lower() or "kandahar" in x.lower() for x in f)
    assert len(dense(found[("Taliban", "Kandahar")])) == 4 * ps.sent.tensor.shape[1]


@pytest.mark.model
def test_gold_claims_label_the_pair_they_name_and_fit_learns_them(extractor) -> None:  # type: ignore[no-untyped-def]
    from claimgraph.extract.learned.relation_train import fit, label_pairs

    text = "Lashkar-e-Taiba fighters attacked the Indian Army in Kupwara."
    gold = {"doc": {"id": "d"}, "claims": [
        {"subject": "Lashkar-e-Taiba", "predicate": ["attacked", "targets"], "object": "Indian Army",
         "evidence": "Lashkar-e-Taiba fighters attacked the Indian Army"}]}
    examples = label_pairs(_analysis(extractor, text), gold)
    labels = {e.where.split(": ", 1)[1]: e.label for e in examples}
    # (the Indian Army is India's forces: the pair is labelled by the actor's name)
    assert [k for k, v in labels.items() if v == "attacked"] == ["Lashkar-e-Taiba -> Military Forces of India"]
    assert set(labels.values()) == {"attacked", NONE}
    model = RelationModel.from_data(fit(examples * 3))
    right = next(e for e in examples if e.label == "attacked")
    assert model.predict(right.features, right.dense)[0] == "attacked"


def test_many_pairs_score_as_each_alone() -> None:
    model = RelationModel.from_data({"classes": ["attacked", "member_of", "none"], "intercept": [0.0, 0.2, 1.0],
                                     "weights": {"PW:attack": [3.0, 0.0, 0.0], "PW:member": [0.0, 2.5, 0.0]},
                                     "dense": [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]})
    pairs = [(["PW:attack"], [0.5, 0.0]), (["PW:member", "PW:member"], [0.0, 2.0]), ([], []), (["x"], [1.0])]
    many = model.predict_many([f for f, _ in pairs], [v for _, v in pairs])
    assert many == [model.predict(f, v) for f, v in pairs]
    assert [p for p, _ in many] == ["attacked", "member_of", "member_of", "member_of"]
    # by hand: attacked 0 + 3 (PW:attack) + 0.5 × 1 (first dimension) = 3.5 against member_of 0.2 and none 1.0
    assert many[0][1] == pytest.approx(math.exp(3.5) / (math.exp(3.5) + math.exp(0.2) + math.exp(1.0)))
    # a feature named twice counts once: member_of 0.2 + 2.5 + 2 × 1 (second dimension) against none 1.0
    assert many[1][1] == pytest.approx(math.exp(4.7) / (math.exp(0.0) + math.exp(4.7) + math.exp(1.0)))
    # an unknown feature and a vector of another width add nothing: the intercepts alone
    assert many[3][1] == pytest.approx(math.exp(0.2) / (math.exp(0.0) + math.exp(0.2) + math.exp(1.0)))
    assert model.predict_many([], []) == []


def test_the_shipped_model_is_switched_on_by_a_setting_with_the_threshold_its_cross_validation_chose() -> None:
    import json
    from importlib import resources

    from claimgraph.config import load_settings
    from claimgraph.extract.claims import ClaimLexicons
    from claimgraph.extract.learned.relation_model import MODEL_FILE, packaged_model
    from claimgraph.extract.learned.relation_train import choose_threshold
    from claimgraph.ontology import load_ontology

    model = packaged_model()
    assert model is not None and NONE in model.classes and "attacked" in model.classes
    # off by default (rules alone), on with `nlp.relation_model` (config file or environment)
    assert load_settings(env={}).nlp.relation_model is False
    assert load_settings(env={"CLAIMGRAPH_NLP_RELATION_MODEL": "true"}).nlp.relation_model is True
    assert ClaimLexicons.from_ontology(load_ontology()).relation_model is None
    assert ClaimLexicons.from_ontology(load_ontology(), learned=True).relation_model is model
    about = json.loads(resources.files("claimgraph.extract.learned").joinpath(MODEL_FILE).read_text("utf-8"))["about"]
    cv = {float(k): tuple(v) for k, v in about["cross_validation"].items()}
    assert model.threshold == choose_threshold(cv)
    assert "bench/training" in about["data"] and "tuning halves" in about["data"]


@pytest.mark.model
def test_the_model_is_asked_only_about_pairs_no_rule_spoke_of(extractor) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    # a model that calls every pair an attack: its candidates pass the claim layer's checks like the rules'
    eager = RelationModel.from_data({"classes": ["attacked", "none"], "intercept": [5.0, 0.0], "weights": {},
                                     "threshold": 0.5})
    text = "Lashkar-e-Taiba fighters attacked the Indian Army in Kupwara while Jaish-e-Mohammed watched."
    before = extractor.lex
    try:
        extractor.lex = replace(before, relation_model=None)
        [rules] = list(extractor.extract_many([Document(id="d", text=text, source="-")]))
        extractor.lex = replace(before, relation_model=eager)
        [both] = list(extractor.extract_many([Document(id="d", text=text, source="-")]))
    finally:
        extractor.lex = before
    said = {(c.subject.name, c.predicate, c.object.name if c.object else None) for c in rules.claims}
    more = {(c.subject.name, c.predicate, c.object.name if c.object else None) for c in both.claims} - said
    assert ("Lashkar-e-Taiba", "attacked", "Military Forces of India") in said
    assert more and all(p == "attacked" for _, p, _ in more)
    # the pair the rules read is not asked again, either way round
    assert not {(s, o) for s, _, o in more} & ({(s, o) for s, _, o in said} | {(o, s) for s, _, o in said})
    assert any("Jaish-e-Mohammed" in (s, o) for s, _, o in more)

