"""The bench harness: missing and broken benchmarks are reported, not fatal; the scoreboard files are written
and merged as documented; the synthetic store bench runs at a small size."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest
from rich.progress import Progress

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `bench` is a top-level folder beside src/, not an installed package
    sys.path.insert(0, str(ROOT))

from bench import scores_of  # noqa: E402
from bench.__main__ import BENCHMARKS, markdown, run_one, write_scoreboard  # noqa: E402


def _result(name: str = "fake", **metrics: float) -> dict:
    return {
        "benchmark": name,
        "items": 3,
        "metrics": metrics or {"f1": 0.5},
        "baselines": {"b": {"f1": 0.4}},
        "notes": "n",
    }


@pytest.fixture
def fake_module(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    mod = types.ModuleType("bench.fake")
    monkeypatch.setitem(sys.modules, "bench.fake", mod)
    return mod


def test_missing_benchmark_is_not_available(tmp_path: Path) -> None:
    with Progress(disable=True) as progress:
        entry = run_one("nothing", "no_such_benchmark", tmp_path, None, progress)
    assert entry["status"] == "not available"
    assert "no_such_benchmark.py" in entry["reason"]


def test_failing_benchmark_is_reported_with_its_reason(tmp_path: Path, fake_module: types.ModuleType) -> None:
    def run(data_dir: Path, *, limit: int | None = None) -> list[dict]:
        raise FileNotFoundError("incidents.json is missing")

    fake_module.run = run  # type: ignore[attr-defined]
    with Progress(disable=True) as progress:
        entry = run_one("fake", "fake", tmp_path, None, progress)
    assert entry["status"] == "failed"
    assert entry["reason"] == "FileNotFoundError: incidents.json is missing"


def test_results_of_the_wrong_shape_fail(tmp_path: Path, fake_module: types.ModuleType) -> None:
    fake_module.run = lambda data_dir, *, limit=None: [{"metrics": {}}]  # type: ignore[attr-defined]
    with Progress(disable=True) as progress:
        entry = run_one("fake", "fake", tmp_path, None, progress)
    assert entry["status"] == "failed" and "benchmark" in entry["reason"]


def test_limit_and_progress_are_passed_when_accepted(tmp_path: Path, fake_module: types.ModuleType) -> None:
    seen: dict = {}

    def run(data_dir: Path, *, limit: int | None = None, progress: Progress | None = None) -> list[dict]:
        seen.update(limit=limit, progress=progress)
        return [_result()]

    fake_module.run = run  # type: ignore[attr-defined]
    with Progress(disable=True) as progress:
        entry = run_one("fake", "fake", tmp_path, 7, progress)
    assert entry["status"] == "ok" and entry["results"] == [_result()]
    assert seen["limit"] == 7 and seen["progress"] is progress


def test_scores_flatten_numbers_only() -> None:
    results = [
        _result("a", f1=0.5, recall=1),
        {"benchmark": "b", "metrics": {"ok": True, "label": "x", "p": 2.5}},
    ]
    assert scores_of(results) == {"a.f1": 0.5, "a.recall": 1, "b.p": 2.5}


def test_write_scoreboard_merges_only_and_writes_markdown(tmp_path: Path) -> None:
    paths = {
        "json_path": tmp_path / "s.json",
        "md_path": tmp_path / "S.md",
        "floors_path": tmp_path / "f.json",
    }
    paths["floors_path"].write_text(json.dumps({"seed.f1": {"min": 0.4}, "store_speed.p95": {"max": 50}}))
    first = {
        "seed": {"status": "ok", "ran": "t", "seconds": 1, "results": [_result("seed")]},
        "events": {"status": "failed", "reason": "boom", "ran": "t"},
    }
    write_scoreboard(first, {"cpus": 2}, None, **paths)
    second = {
        "store_speed": {
            "status": "ok",
            "ran": "t",
            "seconds": 2,
            "results": [_result("store_speed", p95=3.0)],
        }
    }
    board = write_scoreboard(second, {"cpus": 2}, ["store_speed"], **paths)
    assert board["scores"] == {"seed.f1": 0.5, "store_speed.p95": 3.0}
    assert list(board["benchmarks"]) == [n for n, _ in BENCHMARKS if n in {"seed", "events", "store_speed"}]
    assert json.loads(paths["json_path"].read_text()) == board
    md = paths["md_path"].read_text()
    assert md.startswith("# Scoreboard\n\nThese numbers measure")
    assert "| `seed.f1` | 0.500 |  | ≥ 0.400 |" in md  # no tuning half given: its cell is empty
    assert "*failed*: boom" in md
    # a full run replaces everything: the earlier seed entry is gone
    board = write_scoreboard(second, {"cpus": 2}, None, **paths)
    assert board["scores"] == {"store_speed.p95": 3.0}


def test_markdown_marks_a_missing_headline_score() -> None:
    board = {"generated": "t", "environment": {}, "scores": {}, "benchmarks": {}}
    assert "| `seed.f1` | missing |  | ≥ 0.400 |" in markdown(board, {"seed.f1": {"min": 0.4}})


def test_committed_scoreboard_names_every_benchmark() -> None:
    board = json.loads((ROOT / "bench" / "scoreboard.json").read_text("utf-8"))
    assert set(board["benchmarks"]) == {n for n, _ in BENCHMARKS}
    assert (ROOT / "bench" / "SCOREBOARD.md").read_text("utf-8").startswith("# Scoreboard")


def test_store_speed_small(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bench import store_speed

    monkeypatch.setattr(store_speed, "CACHE", tmp_path)
    [r] = store_speed.run(tmp_path, n_claims=3000, n_actors=300, samples=20)
    assert r["metrics"]["claims"] == 3000
    assert r["items"] == 20
    assert r["metrics"]["actor_page_p50_ms"] > 0
    assert "SEARCH claims USING INDEX" in r["notes"]


def test_baselines_must_map_metrics(tmp_path: Path, fake_module: types.ModuleType) -> None:
    fake_module.run = lambda data_dir, *, limit=None: [  # type: ignore[attr-defined]
        {"benchmark": "fake", "metrics": {"s": 1.0}, "baselines": {"target_s": 2.0}}
    ]
    with Progress(disable=True) as progress:
        entry = run_one("fake", "fake", tmp_path, None, progress)
    assert entry["status"] == "failed" and "target_s" in entry["reason"]
