"""claimgraph's benchmarks: `make bench` (`python -m bench`) runs them and writes the scoreboard.

Each benchmark module exposes

    run(data_dir: Path, *, limit: int | None = None, fast: bool = False) -> list[Result]

where a Result is {"benchmark": name, "items": n, "metrics": {name: value}, "tune_items": n, "tune": {name:
value}, "baselines": {baseline: {metric: value}}, "notes": str}. `metrics` are the scores on the gold set's
test half (bench/split.py), `tune` the same scores on its tuning half, `baselines` the test half's.
`limit` keeps the first N items of each half (a quick look); `fast` scores only the fixed fast slice of the
test half (`split.fast_slice`) and skips baselines. A module may also accept `progress` (a rich `Progress`) to
show a bar for a long part. A module without `fast` is skipped by `python -m bench --fast`.

Every metric is known on the scoreboard as "<benchmark>.<metric>" (test half) and "<benchmark>.<metric>.tune"
(tuning half); `floors.json` sets the worst accepted value of the headline ones (test half), and
tests/test_floors.py holds the committed scoreboard, and a fresh run of the fast slice, to them.
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
    "halved",
    "load_floors",
    "raise_floors",
    "scores_of",
]


def scores_of(results: list[Result]) -> dict[str, float]:
    """Flatten results into {"<benchmark>.<metric>": value} (test half) and {"<benchmark>.<metric>.tune":
    value} (tuning half), numbers only."""
    out: dict[str, float] = {}
    for r in results:
        for key, suffix in (("metrics", ""), ("tune", ".tune")):
            for metric, value in (r.get(key) or {}).items():
                if isinstance(value, int | float) and not isinstance(value, bool):
                    out[f"{r['benchmark']}.{metric}{suffix}"] = value
    return out


def halved(test: Result, tune: Result | None) -> Result:
    """One result from the same benchmark scored on its test half and (unless None) its tuning half: the test
    half's metrics, baselines and notes, with the tuning half's metrics beside them."""
    out = dict(test)
    if tune is not None:
        out["tune_items"] = tune.get("items", 0)
        out["tune"] = dict(tune.get("metrics") or {})
    return out


def load_floors(path: Path = FLOORS) -> dict[str, dict[str, float]]:
    """{"<benchmark>.<metric>": {"min": v} or {"max": v}, optionally "slack": f, "fast": v, "why": text}; keys
    starting with "_" are comments. `slack` is for figures that vary with the machine (times, throughput): the
    floor kept is the measured value times `slack` (below 1 for a "min", above 1 for a "max"). `fast` is the
    floor (or ceiling, in the same direction) of the same score on the fast slice (`python -m bench --fast`)."""
    raw = json.loads(path.read_text("utf-8"))
    return {k: v for k, v in raw.items() if not k.startswith("_")}


def check_floors(
    scores: dict[str, float], floors: dict[str, dict[str, float]], *, fast: bool = False
) -> list[str]:
    """Every way `scores` falls short of `floors`, as a sentence; empty when all hold. With `fast`, the scores
    are a fast-slice run's and only floors with a `fast` value are checked, against that value."""
    problems = []
    for key, floor in sorted(floors.items()):
        if fast:
            if "fast" not in floor:
                continue
            floor = {k: floor["fast"] for k in ("min", "max") if k in floor}
        if key not in scores:
            problems.append(f"{key}: has a floor but no score {'in the fast run' if fast else 'on the scoreboard'}")
            continue
        value = scores[key]
        if "min" in floor and value < floor["min"]:
            problems.append(f"{key} = {value} is below its {'fast-slice ' if fast else ''}floor {floor['min']}")
        if "max" in floor and value > floor["max"]:
            problems.append(f"{key} = {value} is above its {'fast-slice ' if fast else ''}ceiling {floor['max']}")
    return problems


def raise_floors(
    scores: dict[str, float], floors: dict[str, dict[str, float]], *, fast: bool = False
) -> dict[str, dict[str, float]]:
    """Floors moved up to what `scores` reach (times `slack` where given); never moved down. With `fast`, the
    scores are a fast-slice run's and only the `fast` values of floors that have one move."""
    out: dict[str, dict[str, float]] = {}
    for key, floor in floors.items():
        floor = dict(floor)
        if fast:
            if "fast" in floor and key in scores:
                better = max if "min" in floor else min
                floor["fast"] = better(floor["fast"], round(scores[key], 4))
        elif key in scores:
            target = round(scores[key] * floor.get("slack", 1.0), 4)
            if isinstance(scores[key], int) and "slack" not in floor:
                target = int(target)  # counts stay counts
            if "min" in floor and target > floor["min"]:
                floor["min"] = target
            if "max" in floor and target < floor["max"]:
                floor["max"] = target
        out[key] = floor
    return out
