"""Figures for the analyst brief: the network of converging and hostile pairs, and scores over time.

Drawn with matplotlib's object API on the Agg canvas (no pyplot, no global backend switch); the network
uses a circular layout (readable for the dozen actors shown, and the same every run) and files carry no
timestamp, so the same store draws the same figures."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import rustworkx as rx
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import DateFormatter, date2num
from matplotlib.figure import Figure

from ..analysis import Broker, PairScore

_FORMATS = ("png", "svg")
_META = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None}}


def _save(fig: Figure, out_dir: Path, stem: str) -> list[Path]:
    FigureCanvasAgg(fig)
    paths = []
    for fmt in _FORMATS:
        path = out_dir / f"{stem}.{fmt}"
        fig.savefig(path, format=fmt, metadata=_META[fmt], dpi=120, bbox_inches="tight")
        paths.append(path)
    return paths


def network_figure(
    pairs: Sequence[PairScore], brokers: Sequence[Broker], out_dir: Path, stem: str = "network"
) -> list[Path]:
    """Groups as nodes; converging pairs as green edges (width by score), hostile pairs as red dashed
    edges; brokers in orange, dotted to the groups they bridge. Returns the PNG and SVG paths."""
    graph = rx.PyGraph()
    index: dict[str, int] = {}
    names: dict[str, str] = {}
    for p in pairs:
        for actor in (p.a, p.b):
            if actor.id not in index:
                index[actor.id] = graph.add_node(actor.id)
                names[actor.id] = actor.name
    for p in pairs:
        graph.add_edge(index[p.a.id], index[p.b.id], p.score)
    broker_links: list[tuple[str, str]] = []
    for b in brokers:
        if b.actor.id not in index:
            index[b.actor.id] = graph.add_node(b.actor.id)
            names[b.actor.id] = b.actor.name
        for bridge in b.bridges:
            for side in (bridge.a, bridge.b):
                if side.id in index and (b.actor.id, side.id) not in broker_links:
                    broker_links.append((b.actor.id, side.id))
                    graph.add_edge(index[b.actor.id], index[side.id], 0.0)
    broker_ids = {b.actor.id for b in brokers}
    fig = Figure(figsize=(8, 6))
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_title("Converging (green) and hostile (red) pairs; brokers in orange")
    if len(index) == 0:
        ax.text(0.5, 0.5, "no pairs", ha="center")
        return _save(fig, out_dir, stem)
    pos = rx.circular_layout(graph) if len(index) > 1 else {0: (0.0, 0.0)}
    for p in pairs:
        (x1, y1), (x2, y2) = pos[index[p.a.id]], pos[index[p.b.id]]
        if p.score > 0:
            ax.plot([x1, x2], [y1, y2], color="#2a9d47", linewidth=0.8 + 3 * min(p.score, 2.0), zorder=1)
        else:
            ax.plot([x1, x2], [y1, y2], color="#c0392b", linestyle="--", linewidth=1.2, zorder=1)
    for u, v in broker_links:
        (x1, y1), (x2, y2) = pos[index[u]], pos[index[v]]
        ax.plot([x1, x2], [y1, y2], color="#999999", linestyle=":", linewidth=1.0, zorder=0)
    for actor_id, i in sorted(index.items()):
        x, y = pos[i]
        big = actor_id in broker_ids
        ax.scatter([x], [y], s=260 if big else 120, color="#f4a261" if big else "#457b9d", zorder=2)
        ax.annotate(
            names[actor_id], (x, y), textcoords="offset points", xytext=(0, 10), ha="center", fontsize=8
        )
    return _save(fig, out_dir, stem)


def trend_figure(pairs: Sequence[PairScore], out_dir: Path, stem: str = "scores") -> list[Path]:
    """Each pair's score at the end of every window. Returns the PNG and SVG paths."""
    fig = Figure(figsize=(8, 4))
    ax = fig.add_subplot()
    for p in pairs:
        ax.plot(
            [date2num(w.end) for w in p.trend],
            [w.score for w in p.trend],
            marker="o",
            markersize=3,
            label=f"{p.a.name} – {p.b.name}",
        )
    ax.axhline(0, color="#888888", linewidth=0.6)
    ax.xaxis.set_major_formatter(DateFormatter("%Y-%m"))
    ax.set_ylabel("convergence score")
    ax.set_title("Convergence score over time")
    if pairs:
        ax.legend(fontsize=7, loc="upper left")
    fig.autofmt_xdate()
    return _save(fig, out_dir, stem)
