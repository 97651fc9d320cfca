"""`python -m bench [--only NAME] [--limit N] [--no-write] [--fast]`: run the benchmarks, print the scores as
they come, and write bench/scoreboard.json and bench/SCOREBOARD.md.

Every gold set is split into a tuning and a test half (bench/split.py); the headline numbers are the test half's,
with the tuning half's beside them. A benchmark module that does not exist yet is reported as "not available";
one that raises is reported as "failed" with its reason, and the others still run. A run with --limit is a quick
look and never writes the scoreboard (its numbers are not comparable); a run with --only replaces only that
benchmark's entry. `--fast` scores the fixed fast slice of every test half (the speed, store and analysis
benchmarks are left out: their committed numbers are checked), writes nothing, and fails when a score falls
below its `fast` floor; `--fast --raise-floors` raises those floors to the run.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import os
import platform
import sys
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from claimgraph.config import load_settings

from . import FLOORS, SCOREBOARD_JSON, SCOREBOARD_MD, Result, check_floors, load_floors, raise_floors, scores_of

#: Every benchmark, in the order it runs: (name, module under bench/).
BENCHMARKS: list[tuple[str, str]] = [
    ("seed", "seed"),
    ("text_extraction", "text_extraction"),
    ("events", "events"),
    ("conflict_notes", "conflict_notes"),
    ("devgold", "devgold"),
    ("claimgold", "claimgold"),
    ("attribution", "attribution"),
    ("resolution", "resolution"),
    ("analysis", "analysis"),
    ("speed", "speed"),
    ("store_speed", "store_speed"),
    ("reliability", "reliability"),
    ("batch_speed", "batch_speed"),
    ("brief_check", "brief_check"),
]

INTRO = (
    "These numbers measure claimgraph against public reference data, a hand-checked golden article and"
    " real documents annotated by hand before claimgraph ran on them (the dev gold), each scored on the half"
    " of its items that no rule was tuned on: how much of what a careful reader would extract it finds (recall),"
    " how much of what it reports is"
    " right (precision, false positives), and how fast it runs on the machine named below. They do not say"
    " whether any claim is true, they cover English news-style text about armed groups only (mostly South"
    " Asia), and your own reports may score differently: measure them with `claimgraph score`."
)

console = Console(stderr=True)


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--only",
        action="append",
        metavar="NAME",
        choices=[n for n, _ in BENCHMARKS],
        help="run only this benchmark (repeatable)",
    )
    parser.add_argument("--limit", type=int, metavar="N", help="at most N items per benchmark (implies --no-write)")
    parser.add_argument("--no-write", action="store_true", help="print only; leave the scoreboard as it is")
    parser.add_argument(
        "--fast",
        action="store_true",
        help="score the fast slice of every test half fresh, write nothing, check the `fast` floors",
    )
    parser.add_argument(
        "--raise-floors",
        action="store_true",
        help="raise bench/floors.json to the committed scoreboard's scores (with --fast: the fast floors to a"
        " fresh fast run); never lowers one",
    )
    return parser.parse_args(argv)


def _load(module: str) -> Any:
    """The benchmark module, or None when it does not exist (yet)."""
    try:
        return importlib.import_module(f"bench.{module}")
    except ModuleNotFoundError as exc:
        if exc.name == f"bench.{module}":
            return None
        raise


def run_one(
    name: str, module: str, data_dir: Path, limit: int | None, progress: Progress, *, fast: bool = False
) -> dict[str, Any]:
    """Run one benchmark; never raises. Returns its scoreboard entry."""
    started = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    t0 = time.perf_counter()
    spinner = progress.add_task(f"{name}", total=None)
    try:
        mod = _load(module)
        if mod is None:
            return {
                "status": "not available",
                "reason": f"bench/{module}.py does not exist yet",
                "ran": started,
            }
        kwargs: dict[str, Any] = {"limit": limit}
        params = inspect.signature(mod.run).parameters
        if fast:
            if "fast" not in params:
                return {"status": "skipped", "reason": "no fast slice: its committed numbers are checked",
                        "ran": started}
            kwargs["fast"] = True
        if "progress" in params:
            kwargs["progress"] = progress
        results = mod.run(data_dir, **kwargs)
        _check_shape(name, results)
        return {
            "status": "ok",
            "ran": started,
            "seconds": round(time.perf_counter() - t0, 1),
            "results": results,
        }
    except Exception as exc:  # a broken benchmark is a finding to report, not a reason to stop the others
        reason = f"{type(exc).__name__}: {exc}"
        console.print(f"[red]{name} failed[/]: {reason}")
        console.print(traceback.format_exc(limit=-3), markup=False, highlight=False)
        return {
            "status": "failed",
            "reason": reason,
            "ran": started,
            "seconds": round(time.perf_counter() - t0, 1),
        }
    finally:
        progress.remove_task(spinner)


def _check_shape(name: str, results: Any) -> None:
    if not isinstance(results, list) or not all(isinstance(r, dict) for r in results):
        raise TypeError(f"{name}.run returned {type(results).__name__}, expected a list of dicts")
    for r in results:
        missing = {"benchmark", "metrics"} - set(r)
        if missing:
            raise TypeError(f"{name}.run returned a result without {', '.join(sorted(missing))}")
        if not isinstance(r["metrics"], dict):
            raise TypeError(f"{name}.run: metrics must be a mapping metric → value")
        bad = [b for b, v in (r.get("baselines") or {}).items() if not isinstance(v, dict)]
        if bad:
            raise TypeError(f"{name}.run: baselines {bad} must each be a mapping metric → value")


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.3f}" if abs(value) < 100 else f"{value:,.1f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def _items(result: Result) -> str:
    items = f"{_fmt(result.get('items', 0))} test"
    return items + (f", {_fmt(result['tune_items'])} tuning items" if "tune_items" in result else " items")


def _bound(floor: dict[str, Any], *, fast: bool = False) -> str:
    if fast:
        if "fast" not in floor:
            return ""
        floor = {k: floor["fast"] for k in ("min", "max") if k in floor}
    return f"≥ {_fmt(floor['min'])}" if "min" in floor else f"≤ {_fmt(floor['max'])}" if "max" in floor else ""


def _table(result: Result, floors: dict[str, dict[str, float]], *, fast: bool = False) -> Table:
    baselines: dict[str, dict[str, Any]] = result.get("baselines") or {}
    tune: dict[str, Any] = result.get("tune") or {}
    table = Table(title=f"{result['benchmark']} ({_items(result)})", title_justify="left")
    table.add_column("metric")
    table.add_column("fast slice" if fast else "test", justify="right")
    table.add_column("floor", justify="right")
    if tune:
        table.add_column("tune", justify="right")
    for b in baselines:
        table.add_column(b, justify="right")
    for metric, value in (result.get("metrics") or {}).items():
        bound = _bound(floors.get(f"{result['benchmark']}.{metric}", {}), fast=fast)
        cells = [_fmt(tune.get(metric, ""))] if tune else []
        table.add_row(metric, _fmt(value), bound, *cells, *[_fmt(baselines[b].get(metric, "")) for b in baselines])
    return table


def _environment(data_dir: Path) -> dict[str, Any]:
    settings = load_settings()
    env: dict[str, Any] = {
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "model": settings.nlp.model,
        "data_dir_present": data_dir.is_dir(),
    }
    try:
        import spacy

        env["spacy"] = spacy.__version__
    except ImportError:  # pragma: no cover - spaCy is a dependency
        pass
    return env


def write_scoreboard(
    entries: dict[str, dict[str, Any]],
    env: dict[str, Any],
    only: list[str] | None,
    *,
    json_path: Path = SCOREBOARD_JSON,
    md_path: Path = SCOREBOARD_MD,
    floors_path: Path = FLOORS,
) -> dict:
    """Merge `entries` into the scoreboard (replacing all of it unless --only) and write both files."""
    board: dict[str, Any] = {"benchmarks": {}}
    if only and json_path.exists():
        board = json.loads(json_path.read_text("utf-8"))
    board["generated"] = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    board["environment"] = env
    merged = {name: board["benchmarks"].get(name) for name, _ in BENCHMARKS}
    merged.update(entries)
    board["benchmarks"] = {k: v for k, v in merged.items() if v is not None}
    results = [r for e in board["benchmarks"].values() for r in e.get("results", [])]
    board["scores"] = dict(sorted(scores_of(results).items()))
    board = {k: board[k] for k in ("generated", "environment", "scores", "benchmarks")}
    json_path.write_text(json.dumps(board, indent=1, ensure_ascii=False) + "\n", "utf-8")
    md_path.write_text(markdown(board, load_floors(floors_path)), "utf-8")
    return board


def _md_row(cells: list[str]) -> str:
    return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"


def markdown(board: dict[str, Any], floors: dict[str, dict[str, float]]) -> str:
    """SCOREBOARD.md: what the numbers mean, the headline numbers against their floors, then every result."""
    env = board["environment"]
    lines = [
        "# Scoreboard",
        "",
        INTRO,
        "",
        f"Generated {board['generated']} by `make bench` on {env.get('cpus')} CPU(s), {env.get('platform')},"
        f" Python {env.get('python')}, spaCy {env.get('spacy', '?')} with `{env.get('model')}`."
        " Definitions and data: [docs/benchmarks.md](../docs/benchmarks.md).",
        "",
        "## Headline numbers",
        "",
        "Every gold set is split once into a tuning half and a test half (`bench/split.py`); the headline is the"
        " test half's score, the tuning half's is beside it. Each has a floor in `bench/floors.json` (or a"
        " ceiling, for times and false positives); `tests/test_floors.py` fails when a committed score falls"
        " past it, or when a fresh run of the fast slice (`python -m bench --fast`) falls past its `fast` floor.",
        "",
        _md_row(["score", "test", "tune", "floor"]),
        _md_row(["---", "---:", "---:", "---:"]),
    ]
    scores = board["scores"]
    for key, floor in sorted(floors.items()):
        tune = scores.get(f"{key}.tune")
        lines.append(_md_row([f"`{key}`", _fmt(scores.get(key, "missing")), "" if tune is None else _fmt(tune),
                              _bound(floor)]))
    for name, entry in board["benchmarks"].items():
        lines += ["", f"## {name}", ""]
        if entry["status"] != "ok":
            lines.append(f"*{entry['status']}*: {entry.get('reason', '')}")
            continue
        lines.append(f"Ran {entry['ran']} in {entry.get('seconds', '?')} s.")
        for r in entry["results"]:
            baselines: dict[str, dict[str, Any]] = r.get("baselines") or {}
            tune: dict[str, Any] = r.get("tune") or {}
            head = ["metric", "test", *(["tune"] if tune else []), *baselines]
            lines += ["", f"### {r['benchmark']} ({_items(r)})", "", _md_row(head),
                      _md_row(["---", *["---:"] * (len(head) - 1)])]
            for metric, value in (r.get("metrics") or {}).items():
                cells = [_fmt(tune.get(metric, ""))] if tune else []
                lines.append(_md_row([metric, _fmt(value), *cells,
                                      *[_fmt(baselines[b].get(metric, "")) for b in baselines]]))
            if r.get("notes"):
                lines += ["", str(r["notes"])]
    return "\n".join(lines) + "\n"


def _raise_floors(fast_scores: dict[str, float] | None = None) -> int:
    raw = json.loads(FLOORS.read_text("utf-8"))
    floors = load_floors()
    if fast_scores is None:
        raised = raise_floors(json.loads(SCOREBOARD_JSON.read_text("utf-8"))["scores"], floors)
    else:
        raised = raise_floors(fast_scores, floors, fast=True)
    for key in floors:
        if raised[key] != floors[key]:
            console.print(f"{key}: {floors[key]} → {raised[key]}")
    raw.update(raised)
    lines = [f" {json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}" for k, v in raw.items()]
    FLOORS.write_text("{\n" + ",\n".join(lines) + "\n}\n", "utf-8")  # one floor a line: diffs stay readable
    board = json.loads(SCOREBOARD_JSON.read_text("utf-8"))
    SCOREBOARD_MD.write_text(markdown(board, load_floors()), "utf-8")  # its floor column follows
    return 0


def fast_problems(entries: dict[str, dict[str, Any]], floors: dict[str, dict[str, float]]) -> list[str]:
    """How a fast run falls short of the `fast` floors: a score below its floor, a benchmark that failed, or a
    floored score missing from a benchmark that ran. A benchmark skipped for want of its gold data is not held
    to its floors."""
    results = [r for e in entries.values() for r in e.get("results", [])]
    ran = {r["benchmark"] for r in results if r.get("metrics")}
    gone = {r["benchmark"] for r in results if not r.get("metrics")}
    gone |= {n for n, e in entries.items() if e["status"] == "skipped"}
    problems = [f"{n} failed: {e.get('reason')}" for n, e in entries.items() if e["status"] == "failed"]

    def held(key: str) -> bool:
        prefixes = [b for b in ran | gone if key.startswith(b + ".")]
        return bool(prefixes) and max(prefixes, key=len) in ran

    problems += check_floors(scores_of(results), {k: f for k, f in floors.items() if held(k)}, fast=True)
    return problems


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    if args.raise_floors and not args.fast:
        return _raise_floors()
    data_dir = load_settings().data.dir
    floors = load_floors()
    write = not args.no_write and args.limit is None and not args.fast
    selected = [(n, m) for n, m in BENCHMARKS if not args.only or n in args.only]
    console.print(
        f"data: {data_dir}{'' if data_dir.is_dir() else ' (missing)'}; "
        f"{len(selected)} benchmark(s){'; limit ' + str(args.limit) if args.limit else ''}"
    )
    entries: dict[str, dict[str, Any]] = {}
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        for name, module in selected:
            entry = run_one(name, module, data_dir, args.limit, progress, fast=args.fast)
            entries[name] = entry
            if entry["status"] != "ok":
                console.print(f"[yellow]{name}[/]: {entry['status']} — {entry.get('reason', '')}")
                continue
            for r in entry["results"]:
                console.print(_table(r, floors, fast=args.fast))
                if r.get("notes"):
                    console.print(f"[dim]{r['notes']}[/]", highlight=False)
            console.print(f"[dim]{name}: {entry['seconds']} s[/]")
    failed = [n for n, e in entries.items() if e["status"] == "failed"]
    if args.fast:
        if args.raise_floors:
            return _raise_floors(scores_of([r for e in entries.values() for r in e.get("results", [])]))
        problems = fast_problems(entries, floors)
        for p in problems:
            console.print(f"[red]fast floor[/] {p}")
        console.print(f"fast slice: {'all floors hold' if not problems else f'{len(problems)} problem(s)'}")
        return 1 if problems else 0
    if write:
        board = write_scoreboard(entries, _environment(data_dir), args.only)
        problems = check_floors(board["scores"], floors)
        console.print(f"wrote {SCOREBOARD_JSON.name} and {SCOREBOARD_MD.name}")
        for p in problems:
            console.print(f"[red]floor[/] {p}")
    else:
        console.print("[dim]scoreboard not written (--no-write or --limit)[/]")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
