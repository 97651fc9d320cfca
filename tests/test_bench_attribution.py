"""The attribution benchmark (bench/attribution.py) and the learned attribution tagger it compares with the rules
(claimgraph.extract.learned), on a two-document fixture: one in the test half, one in the tuning half."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `bench` is a top-level folder beside src/, not an installed package
    sys.path.insert(0, str(ROOT))

from bench import attribution  # noqa: E402
from bench.split import half  # noqa: E402

from claimgraph.extract.learned.crf import bio_labels, group, spans_of  # noqa: E402

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "attribution"
GOLD = FIXTURE / "gold.jsonl"


def test_fixture_documents_fall_in_both_halves() -> None:
    assert half("attribution", "report.txt") == "test" and half("attribution", "statement.txt") == "tune"


def test_load_reads_texts_left_out_of_the_gold_from_the_file() -> None:
    items = {i["id"]: i for i in attribution.load(FIXTURE / "corpus", GOLD)}
    said = items["report.txt"]["attributions"][0]
    assert said["content"]["text"] == "the attack was planned in advance"  # null in the gold line
    assert items["report.txt"]["range"][0] == items["report.txt"]["text"].index("Police")


def test_within_keeps_only_attributions_whose_cue_is_in_the_range() -> None:
    inside = {"cue": {"start": 40, "end": 44}, "content": {"start": 0, "end": 30}}
    outside = {"cue": {"start": 5, "end": 9}, "content": {"start": 50, "end": 60}}
    agentless_content_only = {"cue": None, "content": {"start": 50, "end": 60}}
    assert attribution.within([inside, outside, agentless_content_only], (35, 100)) == [
        inside, agentless_content_only]


def test_perfect_prediction_scores_one_and_a_miss_lowers_recall() -> None:
    items = attribution.load(FIXTURE / "corpus", GOLD)
    golds = [attribution.gold_line(i) for i in items]
    assert attribution.metrics_of(golds, golds)["content_exact_f1"] == 1.0
    half_found = [{"doc": g["doc"], "attributions": g["attributions"][:1]} for g in golds]
    m = attribution.metrics_of(golds, half_found)
    assert m["cue_exact_precision"] == 1.0 and m["cue_exact_recall"] == 0.5


@pytest.mark.usefixtures("extractor")
def test_run_scores_the_product_on_the_raw_text_of_each_half(tmp_path: Path) -> None:
    [result] = attribution.run(FIXTURE / "data", gold=GOLD, learned=False)
    assert result["benchmark"] == "attribution" and result["items"] == 1 and result["tune_items"] == 1
    for key in attribution.HEADLINE:
        assert 0.0 <= result["metrics"][key] <= 1.0 and key in result["tune"]
    # "Police officials said the attack was planned in advance." is the plainest reported speech there is
    assert result["metrics"]["cue_exact_recall"] >= 0.5
    assert attribution.run(tmp_path / "data", gold=GOLD)[0]["notes"].startswith("skipped")


def test_bio_labels_round_trip_through_spans_and_grouping() -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    text = "Officials said the road was closed."
    doc = nlp(text)
    spans = [("CONTENT", 15, 34), ("SOURCE", 0, 9), ("CUE", 10, 14)]
    tags = bio_labels(doc, spans)
    assert tags == ["B-SOURCE", "B-CUE", "B-CONTENT", "I-CONTENT", "I-CONTENT", "I-CONTENT", "O"]
    [a] = group(spans_of(doc, tags), text)
    assert (a["source"]["text"], a["cue"]["text"], a["content"]["text"]) == ("Officials", "said",
                                                                              "the road was closed")


def test_crf_training_is_deterministic_and_learns_its_examples(tmp_path: Path) -> None:
    from bench.product import bare_nlp

    from claimgraph.extract.learned.train import examples, predict, train

    items = attribution.load(FIXTURE / "corpus", GOLD)
    ex = examples(items, bare_nlp())
    a, b = train(ex, tmp_path / "a.crfsuite"), train(ex, tmp_path / "b.crfsuite")
    assert a.read_bytes() == b.read_bytes()
    cues = {x["cue"]["text"] for e in ex for x in predict(a, e)}
    assert {"said", "According to"} <= cues
