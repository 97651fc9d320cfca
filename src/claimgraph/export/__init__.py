"""Exports: the store (filtered by `ExportOptions`) written as STIX 2.1, FollowTheMoney, GraphML, GEXF, CSV or
JSON Lines. Formats register in `registry`; `export()` is what the CLI and the API call."""

from __future__ import annotations

from dataclasses import replace

from ..store import Store
from .credibility import Grade, Grader
from .registry import EXPORTERS, Exporter, ExportResult, exporters, get_exporter, register
from .snapshot import ExportOptions, Snapshot, snapshot


def export(
    store: Store, fmt: str, target: str, options: ExportOptions | None = None, *, grader: Grader | None = None
) -> ExportResult:
    """Write the store in format `fmt` to `target` (a file, "-" for stdout, or a folder for csv)."""
    exporter = get_exporter(fmt)
    snap = snapshot(store, options, grader=grader)
    result = exporter.write(snap, target)
    return replace(result, skipped=tuple((cid, why) for _, cid, why in snap.dropped) + result.skipped)


__all__ = [
    "EXPORTERS",
    "ExportOptions",
    "ExportResult",
    "Exporter",
    "Grade",
    "Grader",
    "Snapshot",
    "export",
    "exporters",
    "get_exporter",
    "register",
    "snapshot",
]
