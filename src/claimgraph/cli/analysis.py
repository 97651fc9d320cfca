"""Analysis commands: convergence, brokers, changes. Each parses options and calls one library function."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from ..errors import UsageError
from .common import DbOption, err, open_store, out

if TYPE_CHECKING:
    from ..analysis import Evidence, PairScore

_UNITS = {"d": 1, "w": 7, "m": 30, "y": 365}


def parse_window(text: str) -> timedelta:
    """'90d', '12w', '3m' (30-day months), '1y' or a bare number of days → a timedelta."""
    m = re.fullmatch(r"\s*(\d+)\s*([dwmy]?)\s*", text.lower())
    if not m or int(m.group(1)) <= 0:
        raise UsageError(f"window {text!r} is not a positive length; use e.g. 90d, 12w, 3m or 1y")
    return timedelta(days=int(m.group(1)) * _UNITS[m.group(2) or "d"])


def parse_date(text: str | None, option: str) -> date | None:
    """YYYY-MM-DD, YYYY-MM or YYYY (the first day of the month or year)."""
    if text is None:
        return None
    t = text.strip()
    try:
        if re.fullmatch(r"\d{4}", t):
            return date(int(t), 1, 1)
        if re.fullmatch(r"\d{4}-\d{2}", t):
            return date(int(t[:4]), int(t[5:]), 1)
        return date.fromisoformat(t)
    except ValueError:
        raise UsageError(f"{option} {text!r} is not a date; use YYYY-MM-DD, YYYY-MM or YYYY") from None


def say(text: str) -> None:
    """Plain text, never re-wrapped (lines are long; piping to a file or grep must keep them whole)."""
    out.print(text, markup=False, highlight=False, soft_wrap=True)


def _json_lines(items: Iterable[Any]) -> None:
    for item in items:
        sys.stdout.write(json.dumps(item.to_json(), ensure_ascii=False) + "\n")


def evidence_line(e: Evidence) -> str:
    """One piece of evidence: who says what, how firmly, quoted and cited."""
    obj = f" {e.object}" if e.object else ""
    flags = f" [{', '.join(e.flags)}]" if e.flags else ""
    quote = " ".join(e.text.split())
    quote = quote if len(quote) <= 160 else quote[:157] + "…"
    return (
        f"{e.subject} {e.predicate}{obj}{flags} — {e.source} ({e.source_kind.replace('_', ' ')}), "
        f"{e.date_text or e.date or 'undated'} ({e.date_basis}), credibility {e.credibility:.2f}, "
        f"weight {e.weight:+.2f}: “{quote}” "
        f"[{e.doc_id}:{e.start}-{e.end}]"
    )


def _print_pair(rank: int, p: PairScore, evidence_shown: int) -> None:
    single = " · single-source" if p.single_source else ""
    emerged = f", emerged {p.emerged}" if p.emerged else ""
    say(
        f"{rank}. {p.a.name} ↔ {p.b.name}  score {p.score:+.2f} ({p.direction}, first seen {p.first_seen or 'undated'}"
        f"{emerged}){single}"
    )
    shown = list(p.trend)
    while len(shown) > 1 and shown[0].score == 0 and shown[0].new_evidence == 0:
        shown.pop(0)  # quiet windows before anything was said about the pair
    lead = "… " if len(shown) < len(p.trend) else ""
    say("   trend: " + lead + "  ".join(f"{w.end}:{w.score:+.2f}" for w in shown))
    for s in p.signals:
        via = f" via {' & '.join(v.name for v in s.via)}" if s.via else ""
        say(f"   • {s.kind}{via}: {s.strength:+.2f} [{', '.join(s.flags)}]")
        for e in s.evidence[:evidence_shown]:
            say(f"       - {evidence_line(e)}")


def convergence_cli(
    since: str | None = typer.Option(None, "--since", help="Leave out evidence dated before this (YYYY-MM-DD)."),
    window: str = typer.Option("90d", "--window", help="Trend window length: 90d, 12w, 3m, 1y."),
    as_of: str | None = typer.Option(None, "--as-of", help="Score on this date (default: latest evidence)."),
    limit: int = typer.Option(10, "--limit", help="At most this many pairs."),
    evidence: int = typer.Option(5, "--evidence", help="Claims shown per signal."),
    show_all: bool = typer.Option(False, "--all", help="Also pairs that do not converge (score ≤ 0)."),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines, one pair per line."),
    db: Path | None = DbOption,
) -> None:
    """Rank pairs of groups by convergence score, with the trend and the claims behind each signal."""
    win = parse_window(window)
    start, end = parse_date(since, "--since"), parse_date(as_of, "--as-of")
    with open_store(db, readonly=True) as store:
        from ..analysis import Analysis

        analysis = Analysis.load(store, since=start, as_of=end)
    pairs = analysis.pairs(since=start, window=win, as_of=end, limit=None if show_all else limit)
    for note in analysis.links.notes:
        err.print(f"note: {note}", markup=False, highlight=False, soft_wrap=True)
    shown = [p for p in pairs if show_all or p.converging][:limit]
    if as_json:
        _json_lines(shown)
        return
    if not shown:
        say("no converging pairs")
        return
    for i, p in enumerate(shown, 1):
        _print_pair(i, p, evidence)


def brokers_cli(
    as_of: str | None = typer.Option(None, "--as-of", help="Ties as of this date (default: latest evidence)."),
    limit: int = typer.Option(10, "--limit", help="At most this many brokers."),
    evidence: int = typer.Option(6, "--evidence", help="Claims shown per broker."),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines, one broker per line."),
    db: Path | None = DbOption,
) -> None:
    """Rank the people and organisations that bridge otherwise separate groups."""
    with open_store(db, readonly=True) as store:
        from ..analysis import brokers

        found = brokers(store, as_of=parse_date(as_of, "--as-of"), limit=limit)
    if as_json:
        _json_lines(found)
        return
    if not found:
        say("no brokers")
        return
    for i, b in enumerate(found, 1):
        say(
            f"{i}. {b.actor.name} ({b.actor.type})  score {b.score:.2f} (betweenness {b.betweenness:.2f}, "
            f"bridging {b.bridging:.2f})"
        )
        for x in b.bridges[:5]:
            say(f"   bridges {x.a.name} ↔ {x.b.name} ({x.strength:.2f})")
        for e in b.evidence[:evidence]:
            say(f"       - {evidence_line(e)}")


def changes_cli(
    since: str = typer.Option(..., "--since", help="Report what is new from this date on (YYYY-MM-DD)."),
    as_of: str | None = typer.Option(None, "--as-of", help="Up to this date (default: latest evidence)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object."),
    db: Path | None = DbOption,
) -> None:
    """What is new since a date: actors, ties, emergence alerts, newly disputed claims."""
    start = parse_date(since, "--since")
    assert start is not None
    with open_store(db, readonly=True) as store:
        from ..analysis import changes

        ch = changes(store, start, as_of=parse_date(as_of, "--as-of"))
    if as_json:
        sys.stdout.write(json.dumps(ch.to_json(), ensure_ascii=False) + "\n")
        return

    say(f"changes from {ch.since} to {ch.as_of}")
    if ch.undated:
        say(f"({ch.undated} findings rest on documents that give no date: they are never reported as new)")
    say(f"\nemergence alerts ({len(ch.alerts)})")
    for a in ch.alerts:
        say(f"  ! {a.a.name} ↔ {a.b.name}: {a.before:+.2f} → {a.after:+.2f}, crossed on {a.crossed}")
    say(f"\nnew actors ({len(ch.new_actors)})")
    for n in ch.new_actors:
        say(f"  + {n.actor.name} ({n.actor.type}), first seen {n.first_seen}")
    say(f"\nnew ties ({len(ch.new_ties)})")
    for t in ch.new_ties:
        say(f"  + {t.a.name} {t.predicate} {t.b.name}, first seen {t.first_seen}")
        if t.evidence:
            say(f"      - {evidence_line(t.evidence[0])}")
    say(f"\nnewly disputed claims ({len(ch.disputed)})")
    for d in ch.disputed:
        obj = f" {d.object.name}" if d.object else ""
        say(
            f"  ? {d.subject.name} {d.predicate}{obj}: {len(d.affirmed)} affirm, {len(d.negated)} deny, "
            f"disputed since {d.disputed_since}"
        )


def register(app: typer.Typer) -> None:
    app.command("convergence")(convergence_cli)
    app.command("brokers")(brokers_cli)
    app.command("changes")(changes_cli)
