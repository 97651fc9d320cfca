"""Reliability drills, run as a user would run claimgraph: the `claimgraph` command in child processes and the
explorer over HTTP on 127.0.0.1.

    run(data_dir, *, limit=None) -> [Result, ...]

1. `bad_inputs`: a folder of 20 good reports mixed with 300+ broken inputs (binary files, empty files, text that
   is not UTF-8, pages with no text, JSON Lines with bad lines — not JSON, lone surrogates, deep nesting, NUL
   bytes, object ids — gzip bombs, broken and looping links, FIFOs, file names that are not UTF-8) is ingested
   twice. `lost`: good reports not stored; `unexplained`: broken inputs neither stored, listed as failed nor
   listed as skipped; `duplicated`: rows the second run added; wall time and the child's peak memory.
2. `crash`: an ingest of 300 reports is killed with SIGKILL twice (after about a third and two thirds are
   stored) and then run to the end: `lost`, `duplicated`, SQLite's integrity check and whether the cross-document
   resolution finished.
3. `concurrency`: two ingests of overlapping halves (200 reports each, 100 shared) run at once into one database:
   the result must be exactly the union; both runs must succeed.
4. `load`: 8 clients send 2,000 requests in all to a running explorer (stats, actors, graph, claims,
   convergence); p50/p95/p99 latency and failures. Bounded in count and time, loopback only.
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from .split import text_key

GOOD = 20


def _cli() -> list[str]:
    return [sys.executable, "-m", "claimgraph"]


def _env(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["CLAIMGRAPH_DATA_DIR"] = str(data_dir)
    return env


def _reports(data_dir: Path, n: int) -> list[dict[str, str]]:
    """`n` distinct short reports made from the incident descriptions (numbered when more are needed)."""
    path = data_dir / "wikipedia_major_terror_incidents_2016_2022" / "incidents.json"
    texts = [i["Description"] for i in json.loads(path.read_text("utf-8"))]
    out = []
    for k in range(n):
        text = texts[k % len(texts)]
        if k >= len(texts):
            text = f"Report {k}. {text}"
        out.append({"id": f"r{k}-{text_key(text)[:8]}", "text": text})
    return out


def _peak_rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _run_cli(args: list[str], env: dict[str, str], timeout: float = 900) -> tuple[int, str, float, float]:
    """Exit status, stderr, seconds and peak resident memory (MB) of one `claimgraph` run."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([*_cli(), *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0.0
    stderr_parts: list[str] = []

    def drain() -> None:
        assert proc.stderr is not None
        stderr_parts.append(proc.stderr.read())

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    while proc.poll() is None:
        peak = max(peak, _peak_rss_mb(proc.pid))
        time.sleep(0.2)
        if time.perf_counter() - t0 > timeout:
            proc.kill()
    reader.join(timeout=10)
    if proc.stdout is not None:
        proc.stdout.read()
    return proc.returncode, "".join(stderr_parts), time.perf_counter() - t0, peak


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: S608 - fixed names


def _totals(db: Path) -> dict[str, int]:
    return {t: _count(db, t) for t in ("documents", "claims", "events", "mentions")}


# ------------------------------------------------------------------------------------------ 1. bad inputs


def _bad_folder(root: Path, good: list[dict[str, str]]) -> tuple[int, set[str]]:
    """Writes the drill folder; returns the number of broken inputs and the names of the good files."""
    root.mkdir()
    names = set()
    for k, r in enumerate(good):
        name = f"good-{k:02d}.txt"
        (root / name).write_text(r["text"], encoding="utf-8")
        names.add(name)
    bad = 0

    def write(name: str, data: bytes) -> None:
        nonlocal bad
        (root / name).write_bytes(data)
        bad += 1

    for k in range(60):
        write(f"binary-{k:02d}.txt", bytes(range(256)) * (k + 1))
        write(f"empty-{k:02d}.txt", b" \n\t " * k)
        write(f"latin1-{k:02d}.txt", f"Caf\xe9 r\xe9port {k}: militants attacked".encode("latin-1"))
        write(f"nopage-{k:02d}.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>")
    jsonl_lines = [
        b"{not json",
        b'{"text": "x \\ud800"}',
        b"[" * 10_000 + b"]" * 10_000,
        b'{"text": "bad\x00line"}',
        b'{"id": {"a": 1}, "text": "an object id"}',
        b'{"html": ""}',
        b"[1, 2, 3]",
    ]
    for k in range(40):
        write(f"lines-{k:02d}.jsonl", jsonl_lines[k % len(jsonl_lines)] + b"\n")
    for k in range(5):
        write(f"bomb-{k}.html.gz", gzip.compress(b"<p>" + b"a" * 80_000_000 + b"</p>", compresslevel=1))
    for k in range(10):
        os.symlink(root / f"missing-{k}.txt", root / f"dangling-{k}.txt")
        bad += 1
    os.symlink(root, root / "loop")
    bad += 1
    for k in range(4):
        os.mkfifo(root / f"fifo-{k}.txt")
        bad += 1
    return bad, names


def _bad_inputs(data_dir: Path, work: Path) -> dict[str, Any]:
    env = _env(data_dir)
    good = _reports(data_dir, GOOD)
    folder = work / "mixed"
    bad, good_names = _bad_folder(folder, good)
    db = work / "bad.db"
    code, stderr, seconds, peak = _run_cli(["ingest", str(folder), "--db", str(db)], env)
    with sqlite3.connect(db) as conn:
        stored = {Path(r[0]).name for r in conn.execute("SELECT source FROM documents")}
        failed = {Path(r[0].split(" [")[0]).name for r in conn.execute("SELECT source FROM failures")}
    skipped = {Path(line.split("skipped ", 1)[1].split(":", 1)[0]).name
               for line in stderr.splitlines() if line.startswith("skipped ")}
    explained = stored | failed | skipped
    every = {p.name for p in folder.iterdir()}
    unexplained = sorted(every - explained)
    before = _totals(db)
    code2, _stderr2, _s2, _p2 = _run_cli(["ingest", str(folder), "--db", str(db)], env)
    after = _totals(db)
    return {
        "benchmark": "reliability_bad_inputs",
        "items": bad + GOOD,
        "metrics": {
            "lost": len(good_names - stored),
            "unexplained": len(unexplained),
            "duplicated": sum(after.values()) - sum(before.values()),
            "seconds": round(seconds, 1),
            "peak_rss_mb": round(peak, 1),
        },
        "notes": f"{bad} broken inputs and {GOOD} good reports in one folder; exit {code} then {code2} (1: some "
        f"inputs failed, the rest stored). Unexplained: {unexplained[:5] or 'none'}",
    }


# ------------------------------------------------------------------------------------------ 2. crash


def _wait_for(db: Path, n: int, proc: subprocess.Popen[bytes], timeout: float = 600) -> None:
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < timeout and proc.poll() is None:
        try:
            if _count(db, "documents") >= n:
                return
        except sqlite3.Error:
            pass
        time.sleep(0.1)


def _crash(data_dir: Path, work: Path, n: int) -> dict[str, Any]:
    env = _env(data_dir)
    path = work / "crash.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in _reports(data_dir, n)), encoding="utf-8")
    db = work / "crash.db"
    args = [*_cli(), "ingest", str(path), "--db", str(db)]
    kills = 0
    for fraction in (3, 1.5):
        proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _wait_for(db, int(n / fraction), proc)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
    code, _stderr, _seconds, _peak = _run_cli(["ingest", str(path), "--db", str(db)], env)
    with sqlite3.connect(db) as conn:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        pending = conn.execute("SELECT value FROM meta WHERE key='resolution_pending'").fetchone()
        docs = conn.execute("SELECT COUNT(*), COUNT(DISTINCT raw_id) FROM documents").fetchone()
    return {
        "benchmark": "reliability_crash",
        "items": n,
        "metrics": {
            "lost": n - docs[1],
            "duplicated": docs[0] - docs[1],
            "integrity_ok": int(integrity == "ok"),
            "resolution_finished": int(pending is not None and pending[0] == "0"),
        },
        "notes": f"{kills} SIGKILLs during an ingest of {n} reports, then a resumed run (exit {code})",
    }


# ------------------------------------------------------------------------------------------ 3. concurrency


def _concurrency(data_dir: Path, work: Path, n: int) -> dict[str, Any]:
    env = _env(data_dir)
    reports = _reports(data_dir, n)
    half, quarter = n * 2 // 3, n // 3
    a, b = work / "a.jsonl", work / "b.jsonl"
    a.write_text("".join(json.dumps(r) + "\n" for r in reports[:half]), encoding="utf-8")
    b.write_text("".join(json.dumps(r) + "\n" for r in reports[quarter:]), encoding="utf-8")
    db = work / "two.db"
    procs = [subprocess.Popen([*_cli(), "ingest", str(p), "--db", str(db)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for p in (a, b)]
    codes = [p.wait(timeout=1200) for p in procs]
    with sqlite3.connect(db) as conn:
        docs = conn.execute("SELECT COUNT(*), COUNT(DISTINCT raw_id) FROM documents").fetchone()
    return {
        "benchmark": "reliability_concurrency",
        "items": n,
        "metrics": {
            "lost": n - docs[1],
            "duplicated": docs[0] - docs[1],
            "failed_runs": sum(c not in (0,) for c in codes),
        },
        "notes": f"two ingests at once into one database ({half} and {n - quarter} reports, "
        f"{half - quarter} shared); exit statuses {codes}",
    }


# ------------------------------------------------------------------------------------------ 4. load


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _load(data_dir: Path, db: Path, clients: int = 8, requests: int = 2000) -> dict[str, Any]:
    import httpx

    env = _env(data_dir)
    port = _free_port()
    server = subprocess.Popen([*_cli(), "serve", "--db", str(db), "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.perf_counter() + 60
        while time.perf_counter() < deadline:
            try:
                if httpx.get(f"{base}/api/stats", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        paths = ["/api/stats", "/api/actors?limit=20", "/api/graph?limit=100", "/api/claims?limit=20",
                 "/api/convergence?limit=5"]
        times: list[float] = []
        failures = 0
        lock = threading.Lock()

        def client(k: int) -> None:
            nonlocal failures
            with httpx.Client(base_url=base, timeout=30) as c:
                for i in range(requests // clients):
                    t0 = time.perf_counter()
                    try:
                        ok = c.get(paths[(i + k) % len(paths)]).status_code == 200
                    except httpx.HTTPError:
                        ok = False
                    with lock:
                        times.append((time.perf_counter() - t0) * 1000)
                        failures += not ok

        threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=600)
        wall = time.perf_counter() - t0
    finally:
        server.terminate()
        server.wait(timeout=30)
    q = statistics.quantiles(times, n=100) if len(times) >= 2 else [0.0] * 99
    return {
        "benchmark": "reliability_load",
        "items": len(times),
        "metrics": {
            "p50_ms": round(q[49], 1),
            "p95_ms": round(q[94], 1),
            "p99_ms": round(q[98], 1),
            "failed": failures,
            "requests_per_s": round(len(times) / wall, 1),
        },
        "notes": f"{clients} clients, {len(times)} requests over {', '.join(paths)} against `claimgraph serve` "
        "on 127.0.0.1 (the crash drill's database)",
    }


def run(data_dir: Path, *, limit: int | None = None) -> list[dict[str, Any]]:
    n = 60 if limit else 300
    with tempfile.TemporaryDirectory(prefix="claimgraph-reliability-") as tmp:
        work = Path(tmp)
        results = [_bad_inputs(data_dir, work), _crash(data_dir, work, n), _concurrency(data_dir, work, n)]
        results.append(_load(data_dir, work / "crash.db", requests=400 if limit else 2000))
    return results
