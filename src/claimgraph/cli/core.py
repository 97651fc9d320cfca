"""Core commands: ingest, extract, claims, show, report."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..records import Modality, Polarity
from .common import ConfigOption, DbOption, ExcludeOption, err, open_store, out, print_table, settings_for


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_cli)
    app.command("stats")(stats_cli)
    app.command("extract")(extract_cli)
    app.command("claims")(claims_cli)
    app.command("show")(show_cli)
    app.command("report")(report_cli)


def ingest_cli(
    paths: list[str] = typer.Argument(None, help="Files or folders (.txt .md .html .htm .jsonl), or - for stdin."),
    db: Path | None = DbOption,
    config: Path | None = ConfigOption,
    processes: int | None = typer.Option(None, "--processes", "-j", help="Parallel processes for the NLP."),
    exclude: list[str] = ExcludeOption,
    reextract: bool = typer.Option(
        False, "--reextract", help="Also extract again the stored documents an older extractor version produced."
    ),
    verbose: bool = typer.Option(
        False, "--verbose", "-v", help="List every candidate claim, event or mention not kept, with why."
    ),
) -> None:
    """Read, clean, extract and store documents. Re-running the same input adds nothing."""
    if not paths and not reextract:
        raise typer.BadParameter("give files or folders to ingest, or --reextract", param_hint="PATHS")
    from .. import pipeline
    from ..extract import Extractor

    settings = settings_for(db, config)
    extractor = Extractor(settings)
    n_process = processes or settings.nlp.processes
    with open_store(db, config=config) as store, Progress(
        TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, transient=True, disable=not err.is_terminal,
    ) as bar:
        task = bar.add_task("ingest", total=None)
        if reextract:
            again = pipeline.reextract(store, extractor, n_process=n_process, batch_size=settings.nlp.batch_size,
                                       progress=lambda n: bar.advance(task, n))
            err.print(f"re-extracted {again.stored} documents ({again.claims} claims, {again.events} events), "
                      f"{again.failed} failed (their earlier extraction is kept)")
            for f in again.failures:
                err.print(f"[red]failed[/] {f.source} ({f.stage}): {f.reason}", highlight=False)
        summary = pipeline.ingest(
            paths or [], store, extractor, n_process=n_process, batch_size=settings.nlp.batch_size,
            progress=lambda n: bar.advance(task, n), exclude=exclude, keep_dropped=verbose,
        )
    for f in summary.failures:
        where = f"{f.source}:{f.line}" if f.line else f.source
        err.print(f"[red]failed[/] {where} ({f.stage}): {f.reason}", highlight=False)
    for s in summary.skipped:
        err.print(f"[dim]skipped {s.source}: {s.reason}[/]", highlight=False)
    for d in summary.dropped_items:
        err.print(f"[dim]dropped[/] {d.source}: {d.what} — {d.why}", highlight=False)
    err.print(
        f"stored {summary.stored} documents ({summary.claims} claims, {summary.events} events; "
        f"{summary.dropped} candidates dropped{'' if verbose else ', --verbose lists them'}), "
        f"skipped {summary.duplicates} duplicates and {len(summary.skipped)} other files, {summary.failed} failed"
    )
    raise typer.Exit(summary.exit_code)


def stats_cli(db: Path | None = DbOption, config: Path | None = ConfigOption) -> None:
    """What the database holds, and which extractor version produced its documents."""
    from .. import EXTRACTOR_VERSION

    with open_store(db, config=config, readonly=True) as store:
        counts = store.counts()
        versions = store.extractor_versions()
    for table, n in counts.items():
        out.print(f"{table}: {n}", highlight=False)
    out.print(f"extractor: {EXTRACTOR_VERSION}", highlight=False)
    for version, n in versions.items():
        mark = "current" if version == EXTRACTOR_VERSION else "older: run `claimgraph ingest --reextract`"
        out.print(f"  {n} documents by {version or '(unrecorded version)'} ({mark})", highlight=False)


def extract_cli(
    paths: list[str] = typer.Argument(..., help="Files or folders, or - for JSON Lines documents on stdin."),
    config: Path | None = ConfigOption,
    processes: int | None = typer.Option(None, "--processes", "-j", help="Parallel processes for the NLP."),
    exclude: list[str] = ExcludeOption,
) -> None:
    """Extract without storing: one JSON object per document on stdout (JSON Lines, in input order)."""
    from .. import pipeline
    from ..contract import extraction_to_json
    from ..extract import Extractor

    settings = settings_for(None, config)
    extractor = Extractor(settings)
    failed = 0
    for x in pipeline.extract(
        paths, extractor, n_process=processes or settings.nlp.processes, batch_size=settings.nlp.batch_size,
        exclude=exclude,
    ):
        failed += x.error is not None
        sys.stdout.write(json.dumps(extraction_to_json(x), ensure_ascii=False) + "\n")
    sys.stdout.flush()
    if failed:
        err.print(f"{failed} input(s) failed; see their `error` field")
        raise typer.Exit(1)


def claims_cli(
    entity: str | None = typer.Option(None, "--entity", "-e", help="Only claims about this actor (name or alias)."),
    predicate: str | None = typer.Option(None, "--predicate", "-p", help="Only this predicate."),
    as_of: str | None = typer.Option(None, "--as-of", help="What the database held on this date (YYYY-MM-DD)."),
    limit: int = typer.Option(200, "--limit", help="At most this many rows."),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines instead of a table (same as --format jsonl)."),
    fmt: str = typer.Option("table", "--format", help="table (tab-separated when piped) or jsonl."),
    review: str | None = typer.Option(
        None, "--review", help="reviewed, unreviewed, rejected or all (default: all but rejected)."
    ),
    db: Path | None = DbOption,
) -> None:
    """List claims with their source and hedging."""
    if fmt not in ("table", "jsonl"):
        raise typer.BadParameter(f"{fmt!r}: use table or jsonl", param_hint="--format")
    with open_store(db, readonly=True) as store:
        rows = store.claims(entity=entity, predicate=predicate, as_of=as_of, limit=limit, review=review)
    if as_json or fmt == "jsonl":
        from ..contract import claim_to_json

        for c in rows:
            sys.stdout.write(json.dumps(claim_to_json(c), ensure_ascii=False) + "\n")
        return
    table = Table(show_lines=False)
    for col in ("subject", "predicate", "object", "source", "how", "time", "evidence"):
        table.add_column(col, overflow="fold")
    for c in rows:
        how = c.modality.value + (" · NEGATED" if c.polarity is Polarity.NEGATED else "")
        if c.modality is not Modality.ASSERTED or c.polarity is Polarity.NEGATED:
            how = f"[yellow]{how}[/]"
        table.add_row(
            c.subject.name, c.predicate + (f" ({c.role})" if c.role else ""), c.object.name if c.object else "",
            f"{c.source.name} [dim]({c.source.kind.value})[/]", how, c.time.value if c.time else "",
            f"{c.doc_id}:{c.evidence.start}-{c.evidence.end}",
        )
    print_table(table)
    out.print(f"{len(rows)} claims")


def show_cli(name: str = typer.Argument(..., help="Actor name, alias or id."), db: Path | None = DbOption) -> None:
    """Show an actor with aliases and every claim about it, each with its quoted evidence."""
    from ..report import claim_sentence
    from ..store.explore import actor_place, place_line

    with open_store(db, readonly=True) as store:
        actor = store.resolve_actor(name)
        aliases = store.aliases(actor["id"])
        claims = store.claims(entity=actor["id"])
        events = store.events(entity=actor["id"])
        place = actor_place(store, actor["id"])
    out.print(f"[bold]{actor['name']}[/] [dim]{actor['type']} · {actor['id']}[/]")
    if actor["refs"]:
        out.print(f"listed as: {', '.join(actor['refs'])}")
    if place is not None:
        out.print(f"place: {place_line(place)}", highlight=False)
    out.print(f"aliases: {', '.join(aliases) or '—'}")
    out.print(f"\n[bold]{len(claims)} claims[/]")
    for c in claims:
        out.print(f"• {claim_sentence(c)}", highlight=False, markup=False)
    if events:
        out.print(f"\n[bold]{len(events)} events[/]")
        for ev in events:
            out.print(f"• {ev.mode or ev.type} {ev.date.value if ev.date else ''}: “{ev.evidence.text}”",
                      highlight=False, markup=False)


def report_cli(
    db: Path | None = DbOption,
    output: Path | None = typer.Option(None, "-o", "--output", help="Write to this file instead of stdout."),
    fmt: str = typer.Option("md", "--format", help="md or html; figures are written next to -o."),
) -> None:
    """Write an analyst brief in which every sentence cites the document and span behind it."""
    from ..report import write_brief

    with open_store(db, readonly=True) as store:
        text = write_brief(store, fmt=fmt, figures_dir=output.parent if output is not None else None)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        err.print(f"brief written to {output}")
