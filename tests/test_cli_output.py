"""Output people can use: piped tables are plain tab-separated lines, never wrapped at a terminal's width."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from _sample import make_sample_store
from claimgraph.cli import app


def test_piped_claims_are_one_unwrapped_tab_separated_row_each(tmp_path: Path) -> None:
    db = make_sample_store(tmp_path / "s.db")
    result = CliRunner().invoke(app, ["claims", "--db", str(db)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    header = lines[0].split("\t")
    assert header == ["subject", "predicate", "object", "source", "how", "time", "evidence"]
    rows = [line.split("\t") for line in lines[1:] if "\t" in line]
    assert len(rows) == 10 and all(len(r) == len(header) for r in rows)
    assert not any("[" in cell and "[/" in cell for r in rows for cell in r)  # no rich markup leaks


def test_claims_as_json_lines(tmp_path: Path) -> None:
    db = make_sample_store(tmp_path / "s.db")
    result = CliRunner().invoke(app, ["claims", "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert len([json.loads(line) for line in result.output.splitlines()]) == 10


def test_csv_export_to_a_name_ending_in_csv_makes_a_folder(tmp_path: Path) -> None:
    db = make_sample_store(tmp_path / "s.db")
    target = tmp_path / "x.csv"
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "csv", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in target.iterdir()) == ["actors.csv", "claims.csv", "documents.csv", "events.csv"]
