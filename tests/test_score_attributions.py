"""The attributions task: span F1 of source, cue and content, exact and overlap."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.score import TASKS, score_attributions

TEXT = "Officials said the group attacked the convoy. “We will respond,” the army told reporters."


def _span(part: str, cut: int = 0) -> dict[str, object]:
    start = TEXT.index(part)
    return {"start": start, "end": start + len(part) - cut, "text": part[: len(part) - cut or None]}


GOLD = {"doc": {"id": "d1"}, "attributions": [
    {"source": _span("Officials"), "cue": _span("said"), "content": _span("the group attacked the convoy"),
     "kind": "anonymous"},
    {"source": _span("the army"), "cue": _span("told"), "content": _span("We will respond"), "kind": "organisation"},
]}


def _pred(*attributions: dict[str, object]) -> dict[str, object]:
    return {"doc": {"id": "d1", "text": TEXT}, "attributions": list(attributions)}


def test_perfect_prediction_scores_one_everywhere() -> None:
    s = score_attributions([GOLD], [_pred(*GOLD["attributions"])])
    assert (s.tp, s.fp, s.fn) == (2, 0, 0)
    assert all(v == 1.0 for k, v in s.extra.items() if k.endswith("_f1"))
    assert s.fields["kind"].accuracy == 1.0


def test_a_content_one_word_short_counts_for_overlap_not_exact() -> None:
    short = {**GOLD["attributions"][0], "content": _span("the group attacked the convoy", cut=7), "kind": "named"}
    s = score_attributions([GOLD], [_pred(short)])
    assert s.extra["content_exact_f1"] == 0.0
    assert s.extra["content_overlap_recall"] == 0.5 and s.extra["content_overlap_precision"] == 1.0
    assert s.extra["cue_exact_f1"] == 2 * 1.0 * 0.5 / 1.5
    assert (s.tp, s.fn) == (1, 1) and s.fields["kind"].accuracy == 0.0
    assert s.missed and "told" in s.missed[0]


def test_agentless_gold_has_no_source_and_a_missing_document_is_reported() -> None:
    agentless = {"doc": {"id": "d2"}, "attributions": [{"source": None, "cue": {"start": 0, "end": 4, "text": "x"},
                                                       "content": {"start": 5, "end": 9, "text": "y"}}]}
    s = score_attributions([GOLD, agentless], [_pred(*GOLD["attributions"])])
    assert s.missing_docs == ("d2",)
    assert s.extra["source_exact_recall"] == 1.0 and s.extra["cue_exact_recall"] == 2 / 3


def test_cli_task(tmp_path: Path) -> None:
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text(json.dumps(GOLD) + "\n", "utf-8")
    pred.write_text(json.dumps(_pred(GOLD["attributions"][0])) + "\n", "utf-8")
    result = CliRunner().invoke(app, ["score", "--task", "attributions", "--gold", str(gold), "--pred", str(pred),
                                      "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["extra"]["source_exact_recall"] == 0.5
    assert TASKS["attributions"] is score_attributions
