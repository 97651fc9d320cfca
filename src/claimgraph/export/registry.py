"""The exporter registry. Built-in formats register here exactly as a plugin would: a module calls
`register(Exporter(...))` when imported, and `DEFAULT_EXPORTERS` lists the built-in modules, imported on first
use (so listing formats costs nothing at start-up and heavy libraries such as stix2 load only when asked for).
A third-party package adds a format by calling `register` from a module listed under the
`claimgraph.exporters` entry-point group."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path
from typing import TextIO

from ..errors import UsageError
from .snapshot import Snapshot

DEFAULT_EXPORTERS = (
    "claimgraph.export.stix",
    "claimgraph.export.ftm",
    "claimgraph.export.graph",
    "claimgraph.export.tabular",
)


@dataclass(frozen=True, slots=True)
class ExportResult:
    format: str
    paths: tuple[str, ...]  # files written; "-" is stdout
    counts: dict[str, int]  # objects written, by kind
    lossy: tuple[str, ...] = ()  # what this format cannot carry (docs/exchange.md lists the same)
    skipped: tuple[tuple[str, str], ...] = field(default=())  # (what, why) for records not written


@dataclass(frozen=True, slots=True)
class Exporter:
    """A format: `write(snapshot, target)` writes to `target` (a file, "-" for stdout, or for multi-file
    formats a folder) and says what it wrote."""

    name: str
    description: str
    write: Callable[[Snapshot, str], ExportResult]
    multi_file: bool = False


EXPORTERS: dict[str, Exporter] = {}
_loaded = False


def register(exporter: Exporter) -> Exporter:
    EXPORTERS[exporter.name] = exporter
    return exporter


def _load() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    for module in DEFAULT_EXPORTERS:
        importlib.import_module(module)
    for ep in entry_points(group="claimgraph.exporters"):
        ep.load()


def exporters() -> dict[str, Exporter]:
    """Every registered format, built-in and plugin, by name."""
    _load()
    return dict(sorted(EXPORTERS.items()))


def get_exporter(name: str) -> Exporter:
    known = exporters()
    if name not in known:
        raise UsageError(f"unknown export format {name!r}; known: {', '.join(known)}")
    return known[name]


@contextmanager
def open_text(target: str) -> Iterator[TextIO]:
    """A text file to write, or stdout for "-". Parent folders are created."""
    if target == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        yield fh
