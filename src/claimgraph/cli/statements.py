"""`claimgraph statements`: who said what, by source, topic and date."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from .common import DbOption, open_store, out, print_table


def register(app: typer.Typer) -> None:
    app.command("statements")(statements_cli)


def statements_cli(
    source: str | None = typer.Option(None, "--source", "-s",
                                      help="Only statements by this source: an actor's name or id, or words of "
                                           "the source phrase (\"officials\")."),
    about: str | None = typer.Option(None, "--about", "-a", help="Only statements whose content names this actor."),
    since: str | None = typer.Option(None, "--since", help="Only documents published on or after this date "
                                                            "(YYYY-MM-DD)."),
    limit: int = typer.Option(200, "--limit", help="At most this many rows."),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines (the contract's attribution objects)."),
    db: Path | None = DbOption,
) -> None:
    """List attributed statements: source, cue and content, oldest document first. A denial and the allegation
    it answers are always listed together (⇄ #n points at the other)."""
    from .analysis import parse_date

    day = parse_date(since, "--since")
    since_day = None if day is None else day.isoformat()
    with open_store(db, readonly=True) as store:
        rows = store.statements(source=source, about=about, since=since_day)[:limit]
    if as_json:
        from ..contract import statement_to_json

        for r in rows:
            sys.stdout.write(json.dumps({**statement_to_json(r.statement), "published": r.published,
                                         "opposed": list(r.opposed)}, ensure_ascii=False) + "\n")
        return
    from rich.table import Table

    table = Table(show_lines=False)
    for col in ("date", "source", "kind", "cue", "content", "where"):
        table.add_column(col, overflow="fold")
    number = {r.statement.id: i for i, r in enumerate(rows, 1)}
    for r in rows:
        s = r.statement
        who = s.source.text if s.source is not None else "[dim](unnamed)[/]"
        if s.source_actor is not None and s.source is not None and s.source_actor.name not in s.source.text:
            who += f" [dim]→ {s.source_actor.name}[/]"
        content = s.content.text if len(s.content.text) <= 160 else s.content.text[:157] + "…"
        if r.opposed:  # a denial and the allegation it answers are listed together, each pointing at the other
            content += " [yellow](⇄ " + ", ".join(f"#{number[o]}" for o in r.opposed if o in number) + ")[/]"
        table.add_row(r.published or "", who, s.kind.value, s.cue.text, content,
                      f"{s.doc_id}:{s.content.start}-{s.content.end}")
    print_table(table)
    out.print(f"{len(rows)} statements")
