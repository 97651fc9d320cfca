"""claimgraph's benchmarks: `make bench` (`python -m bench`) runs them and writes the scoreboard.

Each benchmark module exposes

    run(data_dir: Path, *, limit: int | None = None) -> list[Result]

where a Result is {"benchmark": name, "items": n, "metrics": {name: value}, "baselines": {baseline: {metric:
value}}, "notes": str}. A module may also accept `progress` (a rich `Progress`) to show a bar for a long part.

Every metric is known on the scoreboard as "<benchmark>.<metric>"; `floors.json` sets the worst accepted
value of the headline ones, and tests/test_floors.py holds the committed scoreboard to them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rich.progress import Progress

HERE = Path(__file__).resolve().parent
SCOREBOARD_JSON = HERE / "scoreboard.json"
SCOREBOARD_MD = HERE / "SCOREBOARD.md"
FLOORS = HERE / "floors.json"

Result = dict[str, Any]

__all__ = [
    "FLOORS",
    "SCOREBOARD_JSON",
    "SCOREBOARD_MD",
    "Progress",
    "Result",
    "check_floors",
    "load_floors",
    "raise_floors",
    "scores_of",
]


def scores_of(results: list[Result]) -> dict[str, float]:
    """Flatten results into {"<benchmark>.<metric>": value}, numbers only."""
    out: dict[str, float] = {}
    for r in results:
        for metric, value in (r.get("metrics") or {}).items():
            if isinstance(value, int | float) and not isinstance(value, bool):
                out[f"{r['benchmark']}.{metric}"] = value
    return out


def load_floors(path: Path = FLOORS) -> dict[str, dict[str, float]]:
    """{"<benchmark>.<metric>": {"min": v} or {"max": v}, optionally "slack": f}; keys starting with "_" are
    comments. `slack` is for figures that vary with the machine (times, throughput): the floor kept is the
    measured value times `slack` (below 1 for a "min", above 1 for a "max")."""
    raw = json.loads(path.read_text("utf-8"))
    return {k: v for k, v in raw.items() if not k.startswith("_")}


def check_floors(scores: dict[str, float], floors: dict[str, dict[str, float]]) -> list[str]:
    """Every way `scores` falls short of `floors`, as a sentence; empty when all hold."""
    problems = []
    for key, floor in sorted(floors.items()):
        if key not in scores:
            problems.append(f"{key}: has a floor but no score on the scoreboard")
            continue
        value = scores[key]
        if "min" in floor and value < floor["min"]:
            problems.append(f"{key} = {value} is below its floor {floor['min']}")
        if "max" in floor and value > floor["max"]:
            problems.append(f"{key} = {value} is above its ceiling {floor['max']}")
    return problems


def raise_floors(scores: dict[str, float], floors: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    """Floors moved up to what `scores` reach (times `slack` where given); never moved down."""
    out: dict[str, dict[str, float]] = {}
    for key, floor in floors.items():
        floor = dict(floor)
        if key in scores:
            target = round(scores[key] * floor.get("slack", 1.0), 4)
            if isinstance(scores[key], int) and "slack" not in floor:
                target = int(target)  # counts stay counts
            if "min" in floor and target > floor["min"]:
                floor["min"] = target
            if "max" in floor and target < floor["max"]:
                floor["max"] = target
        out[key] = floor
    return out
