"""The committed scoreboard must meet every floor in bench/floors.json: a change that lowers a headline score
fails here until its floor is lowered too — visibly, in the same diff, with a reason. And the fast slice of
every benchmark (`python -m bench --fast`: a fixed part of each test half) is run fresh, not read from the
committed JSON, and held to its own `fast` floors."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `bench` is a top-level folder beside src/, not an installed package
    sys.path.insert(0, str(ROOT))

from bench import FLOORS, SCOREBOARD_JSON, check_floors, load_floors  # noqa: E402


def _scores() -> dict[str, float]:
    return json.loads(SCOREBOARD_JSON.read_text("utf-8"))["scores"]


def test_floors_file_is_well_formed() -> None:
    floors = load_floors()
    assert floors, f"{FLOORS} sets no floors"
    for key, floor in floors.items():
        assert "." in key, f"{key}: floors are named <benchmark>.<metric>"
        assert set(floor) <= {"min", "max", "slack", "why", "fast"} and ({"min", "max"} & set(floor)), f"{key}: {floor}"
        assert not key.endswith(".tune"), f"{key}: floors hold test-half scores, not tuning-half ones"


@pytest.mark.parametrize("key", sorted(load_floors()))
def test_committed_score_meets_its_floor(key: str) -> None:
    problems = check_floors(_scores(), {key: load_floors()[key]})
    assert not problems, problems[0]


def test_check_floors_catches_a_drop_a_rise_and_a_missing_score() -> None:
    floors = {
        "seed.claim_recall": {"min": 0.5},
        "store_speed.actor_page_p95_ms": {"max": 50.0},
        "events.f1": {"min": 0.3},
    }
    assert (
        check_floors({"seed.claim_recall": 0.6, "store_speed.actor_page_p95_ms": 12.0, "events.f1": 0.3}, floors) == []
    )
    problems = check_floors({"seed.claim_recall": 0.4, "store_speed.actor_page_p95_ms": 80.0}, floors)
    assert problems == [
        "events.f1: has a floor but no score on the scoreboard",
        "seed.claim_recall = 0.4 is below its floor 0.5",
        "store_speed.actor_page_p95_ms = 80.0 is above its ceiling 50.0",
    ]


def test_raise_floors_only_raises_and_applies_slack() -> None:
    from bench import raise_floors

    floors = {
        "a.recall": {"min": 0.5},
        "a.p95_ms": {"max": 50.0, "slack": 2.0},
        "a.words_per_s": {"min": 100.0, "slack": 0.5},
        "a.f1": {"min": 0.9},
        "a.gone": {"min": 0.1},
    }
    scores = {"a.recall": 0.75, "a.p95_ms": 10.0, "a.words_per_s": 150.0, "a.f1": 0.8}
    assert raise_floors(scores, floors) == {
        "a.recall": {"min": 0.75},
        "a.p95_ms": {"max": 20.0, "slack": 2.0},
        "a.words_per_s": {"min": 100.0, "slack": 0.5},  # 150 × 0.5 = 75 would lower it: kept
        "a.f1": {"min": 0.9},  # a drop never lowers a floor
        "a.gone": {"min": 0.1},
    }


def test_every_quality_floor_has_a_fast_floor() -> None:
    """A headline quality score that the fast slice can measure is checked fresh in CI, not only as committed."""
    from bench.__main__ import BENCHMARKS

    # no fast slice: their committed numbers are checked
    fast_less = ("speed.", "store_speed.", "analysis.", "reliability_", "batch_speed.", "brief_check.")
    assert {n for n, _ in BENCHMARKS} >= {"seed", "events", "devgold", "conflict_notes"}
    missing = [k for k, f in load_floors().items() if not k.startswith(fast_less) and "fast" not in f]
    assert not missing, f"floors without a fast-slice value: {missing}"


@pytest.mark.model
def test_fast_slice_run_now_meets_its_floors(data_dir: Path) -> None:
    """Every benchmark's fast slice, run fresh (as `python -m bench --fast` does): a change that lowers a score
    fails here even before anyone re-runs `make bench`."""
    from bench.__main__ import BENCHMARKS, fast_problems, run_one
    from rich.progress import Progress

    with Progress(disable=True) as progress:
        entries = {name: run_one(name, module, data_dir, None, progress, fast=True) for name, module in BENCHMARKS}
    assert not fast_problems(entries, load_floors()), fast_problems(entries, load_floors())
