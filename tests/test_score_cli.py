"""`claimgraph score` on files: the thin shell over `claimgraph.score`."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from claimgraph.cli import score as score_cmd

runner = CliRunner()


def _app() -> typer.Typer:
    app = typer.Typer()
    score_cmd.register(app)

    @app.callback()
    def _root() -> None:  # keeps `score` a named sub-command, as in the real app
        pass

    return app


def _write(path: Path, lines: list[dict]) -> Path:
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), "utf-8")
    return path


def test_score_entities_json(tmp_path: Path) -> None:
    gold = _write(tmp_path / "gold.jsonl", [{"doc": {"id": "r1"}, "entities": ["ISKP", "Mastung"]}])
    pred = _write(
        tmp_path / "pred.jsonl",
        [
            {
                "doc": {"id": "doc_1", "raw_id": "r1", "text": ""},
                "entities": [
                    {"id": "e1", "name": "Islamic State Khorasan Province", "type": "armed_group"},
                    {"id": "e2", "name": "Google", "type": "organisation"},
                ],
            }
        ],
    )
    result = runner.invoke(_app(), ["score", "--task", "entities", "--gold", str(gold), "--pred", str(pred), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert (out["tp"], out["fp"], out["fn"]) == (1, 1, 1)
    assert out["missed"] == ["r1: Mastung"]


def test_score_text_table(tmp_path: Path) -> None:
    gold = _write(tmp_path / "gold.jsonl", [{"id": "p1", "text": "Militants attacked a camp."}])
    pred = _write(tmp_path / "pred.jsonl", [{"id": "p1", "text": "Militants attacked a camp. Subscribe"}])
    result = runner.invoke(_app(), ["score", "--task", "text", "--gold", str(gold), "--pred", str(pred)])
    assert result.exit_code == 0, result.output
    assert "0.800" in result.stdout and "macro_f1" in result.stdout


def test_unknown_task_is_a_usage_error(tmp_path: Path) -> None:
    gold = _write(tmp_path / "gold.jsonl", [])
    result = runner.invoke(_app(), ["score", "--task", "relations", "--gold", str(gold), "--pred", str(gold)])
    assert result.exit_code == 2
    assert "relations" in result.output
