"""Helpers for the explorer's tests: a real uvicorn server on a free loopback port, run in a thread, and
headless Debian Chromium driven by Playwright (never a downloaded browser build)."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running(app: FastAPI) -> Iterator[str]:
    """Serve `app` with uvicorn on 127.0.0.1 in a background thread; yields its base URL."""
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, name=f"uvicorn-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"uvicorn did not start on port {port}")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium browser (Playwright's sync API). A missing browser fails the test rather than
    skipping it: run `apt-get install -y chromium`, or deselect with `-m "not browser"`."""
    path = CHROMIUM if CHROMIUM.exists() else Path(shutil.which("chromium") or "/nonexistent")
    if not path.exists():
        pytest.fail("Debian chromium is not installed: apt-get install -y chromium (or -m 'not browser')")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(path), args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def node_point(page: Any, name: str) -> dict[str, float]:
    """Where the graph draws the node of the actor called `name`, in page coordinates (for a real click)."""
    point = page.evaluate(
        """(name) => {
            const cy = window.claimgraph.cy;
            const node = cy.nodes().filter((n) => n.data('name') === name)[0];
            if (!node) return null;
            const p = node.renderedPosition();
            const box = cy.container().getBoundingClientRect();
            return {x: box.left + p.x, y: box.top + p.y};
        }""",
        name,
    )
    assert point is not None, f"no node named {name!r} in the graph"
    return point


def edges(page: Any) -> list[dict[str, Any]]:
    """The edges the graph currently draws, as their data (predicate, hedged, single_source, …)."""
    return page.evaluate(
        "() => window.claimgraph.cy.edges().map((e) => ({...e.data(), style: e.style('line-style')}))"
    )


def rendered_box(page: Any, name: str) -> dict[str, Any]:
    """The on-screen box of an actor's node with its neighbours: its width and whether all of it is in view."""
    return page.evaluate(
        """(name) => {
            const cy = window.claimgraph.cy;
            const node = cy.nodes().filter((n) => n.data('name') === name)[0];
            const bb = node.closedNeighborhood().nodes().renderedBoundingBox({includeLabels: false});
            return {w: bb.w, h: bb.h,
                    inside: bb.x1 >= -1 && bb.y1 >= -1 && bb.x2 <= cy.width() + 1 && bb.y2 <= cy.height() + 1};
        }""",
        name,
    )
