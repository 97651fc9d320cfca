"""Exchange commands: `export` (STIX 2.1, FollowTheMoney, GraphML, GEXF, CSV, JSON Lines) and `import`
(a STIX bundle or FtM entities as prior knowledge). Formats and their limits: docs/exchange.md."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import typer

from .common import DbOption, err, open_store


def register(app: typer.Typer) -> None:
    app.command("export")(export_cli)
    app.command("import")(import_cli)


def export_cli(
    fmt: str = typer.Option(..., "--format", "-f", help="stix, ftm, graphml, gexf, csv or jsonl."),
    output: str = typer.Option(
        ...,
        "-o",
        "--output",
        help="File to write, - for stdout. For csv: a folder (created if missing), one file per table.",
    ),
    since: str | None = typer.Option(
        None, "--since", help="Only documents ingested on or after this date (YYYY-MM-DD) or ISO time."
    ),
    min_credibility: int | None = typer.Option(
        None,
        "--min-credibility",
        help="Only claims of this Admiralty credibility or better: 1 confirmed … 6 cannot be judged.",
    ),
    db: Path | None = DbOption,
) -> None:
    """Export actors, claims (with their sources, hedging and evidence spans) and events."""
    from ..export import ExportOptions, export

    options = ExportOptions(since=since, min_credibility=min_credibility)
    with open_store(db, readonly=True) as store:
        result = export(store, fmt, output, options)
    where = ", ".join(result.paths)
    what = ", ".join(f"{n} {k}" for k, n in result.counts.items())
    err.print(f"{fmt}: wrote {what} to {where}", highlight=False)
    for why, n in sorted(Counter(why for _, why in result.skipped).items()):
        err.print(f"[yellow]left out {n}[/]: {why}", highlight=False)
    if result.lossy:
        err.print(f"[dim]{fmt} does not carry everything; see docs/exchange.md ({len(result.lossy)} limits)[/]")


def import_cli(
    path: Path = typer.Argument(..., help="A STIX 2.1 bundle (.json) or FollowTheMoney entities (.json/.jsonl)."),
    fmt: str | None = typer.Option(None, "--format", "-f", help="stix or ftm (default: detected)."),
    db: Path | None = DbOption,
) -> None:
    """Import known actors, aliases and ties as prior knowledge, sourced to the file. Twice adds nothing."""
    from ..importers import import_file

    with open_store(db) as store:
        s = import_file(path, store, fmt=fmt)
    if not s.stored:
        err.print(f"{path} was imported before (document {s.doc_id}); nothing added")
        return
    err.print(
        f"imported {s.format} from {path} as document {s.doc_id}: {s.actors} actors, {s.aliases} aliases, "
        f"{s.ties} ties",
        highlight=False,
    )
    for what, why in s.skipped:
        err.print(f"[yellow]skipped {what}[/]: {why}", highlight=False)
