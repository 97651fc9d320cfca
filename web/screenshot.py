"""Take docs/screenshot.png: the explorer on the seed article, one tie of an actor selected, its evidence open.

    .venv/bin/python web/screenshot.py [--db FILE] [--actor NAME] [--predicate NAME] [--out FILE]

Without --db the seed article (corpus/000_*.txt beside the configured data dir) is ingested into a temporary
database through the real pipeline. Uses Debian's chromium (/usr/bin/chromium); never downloads a browser.
"""

from __future__ import annotations

import argparse
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
    parser.add_argument("--actor", default="Lashkar-e-Taiba")
    parser.add_argument("--predicate", default="cooperates_with", help="Open this tie of the actor.")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshot.png"))
    args = parser.parse_args()
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
                page = browser.new_page(viewport={"width": 1600, "height": 960}, device_scale_factor=1)
                page.goto(f"http://127.0.0.1:{port}/")
                page.wait_for_selector("body[data-ready=true]")
                point = page.evaluate(
                    """([name, predicate]) => {
                        const cy = window.claimgraph.cy;
                        const node = cy.nodes().filter((n) => n.data('name').includes(name))[0];
                        const edge = node.connectedEdges().filter((e) => e.data('predicate') === predicate)[0];
                        const p = edge ? edge.renderedMidpoint() : node.renderedPosition();
                        const box = cy.container().getBoundingClientRect();
                        return {x: box.left + p.x, y: box.top + p.y};
                    }""",
                    [args.actor, args.predicate],
                )
                page.mouse.click(point["x"], point["y"])
                page.wait_for_selector("#panel article.claim")
                page.get_by_role("tab", name="Convergence").click()
                page.wait_for_selector("table.pairs")
                page.wait_for_timeout(400)
                args.out.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(args.out))
                browser.close()
        finally:
            server.should_exit = True
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
