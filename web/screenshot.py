"""Take docs/screenshot.png: the explorer on a database, its busiest actor selected, and measure it.

    .venv/bin/python web/screenshot.py [--db FILE] [--actor NAME] [--out FILE] [--size 1440x900] [--map]

Without --db the seed article (corpus/000_*.txt beside the configured data dir) is ingested into a temporary
database through the real pipeline; for the bundled corpus build one first with
`claimgraph ingest examples/corpus --db corpus.db`. Prints the time to first paint and to a usable graph
(the page's `claimgraph-graph` mark: graph drawn and fitted; `claimgraph-usable`: every view and the
selection restored). Uses Debian's chromium
(/usr/bin/chromium); never downloads a browser.
"""

from __future__ import annotations

import argparse
import json
import socket
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from claimgraph import pipeline
from claimgraph.api import create_app
from claimgraph.config import load_settings
from claimgraph.extract import Extractor
from claimgraph.store import Store

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

TIMINGS = """() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    const graph = performance.getEntriesByName('claimgraph-graph')[0];
    const usable = performance.getEntriesByName('claimgraph-usable')[0];
    return {first_paint_ms: paint ? Math.round(paint.startTime) : null,
            graph_ms: graph ? Math.round(graph.startTime) : null,
            usable_ms: usable ? Math.round(usable.startTime) : null};
}"""


def seed_database(folder: Path) -> Path:
    settings = load_settings()
    seed = sorted((settings.data.dir.parent / "corpus").glob("000_*.txt"))[0]
    db = folder / "seed.db"
    with Store(db) as store:
        summary = pipeline.ingest([str(seed)], store, Extractor(settings))
    if summary.stored != 1:
        raise SystemExit(f"could not ingest {seed}: {summary.failures}")
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--actor", help="Select this actor (default: the one with the most claims).")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshot.png"))
    parser.add_argument("--size", default="1440x900", help="Window size, WIDTHxHEIGHT.")
    parser.add_argument("--map", action="store_true", help="Show the map instead of the graph.")
    parser.add_argument("--no-select", action="store_true", help="Select nothing: the whole graph.")
    args = parser.parse_args()
    width, height = (int(x) for x in args.size.split("x"))
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or seed_database(Path(tmp))
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = uvicorn.Server(uvicorn.Config(create_app(load_settings(), db), port=port, log_level="warning"))
        threading.Thread(target=server.run, daemon=True).start()
        while not server.started:
            time.sleep(0.05)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
                page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
                started = time.monotonic()
                page.goto(f"http://127.0.0.1:{port}/")
                page.wait_for_selector("body[data-usable=true]", state="attached", timeout=60000)
                wall = time.monotonic() - started
                timings = {**page.evaluate(TIMINGS), "wall_to_usable_ms": round(wall * 1000)}
                if not args.no_select:
                    name = page.evaluate(
                        """(name) => {
                            const cy = window.claimgraph.cy;
                            const nodes = cy.nodes().sort((a, b) => b.degree() - a.degree());
                            const node = name ? nodes.filter((n) => n.data('name').includes(name))[0] : nodes[0];
                            return node ? node.data('name') : null;
                        }""",
                        args.actor,
                    )
                    if name:
                        page.locator("#search").fill(name)
                        page.locator("#search-results [role=option]").first.click()
                        page.wait_for_selector("#panel details.claim-group", timeout=20000)
                if args.map:
                    page.get_by_role("button", name="Map").click()
                    page.wait_for_selector("#map[data-ready=true]")
                page.wait_for_timeout(600)
                args.out.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(args.out))
                timings["labelled_nodes"] = page.evaluate("() => window.claimgraph.cy.nodes('.lab, :selected').length")
                timings["nodes"] = page.evaluate("() => window.claimgraph.cy.nodes().length")
                timings["label_px"] = page.evaluate(
                    "() => { const cy = window.claimgraph.cy; const n = cy.nodes()[0];"
                    " return n ? Math.round(parseFloat(n.style('font-size')) * cy.zoom() * 10) / 10 : null; }"
                )
                browser.close()
        finally:
            server.should_exit = True
    print(json.dumps(timings))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
