"""The committed scoreboard must meet every floor in bench/floors.json: a change that lowers a headline score
fails here until its floor is lowered too — visibly, in the same diff, with a reason."""

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
        assert set(floor) <= {"min", "max", "why"} and ({"min", "max"} & set(floor)), f"{key}: {floor}"


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
        check_floors(
            {"seed.claim_recall": 0.6, "store_speed.actor_page_p95_ms": 12.0, "events.f1": 0.3}, floors
        )
        == []
    )
    problems = check_floors({"seed.claim_recall": 0.4, "store_speed.actor_page_p95_ms": 80.0}, floors)
    assert problems == [
        "events.f1: has a floor but no score on the scoreboard",
        "seed.claim_recall = 0.4 is below its floor 0.5",
        "store_speed.actor_page_p95_ms = 80.0 is above its ceiling 50.0",
    ]
