"""Batch commands for large corpora: `batch` (extract to Parquet, locally or on Spark) and `load` (into a store)."""

from __future__ import annotations

from pathlib import Path

import typer

from .common import ConfigOption, DbOption, ExcludeOption, err, open_store, settings_for


def register(app: typer.Typer) -> None:
    app.command("batch")(batch_cli)
    app.command("load")(load_cli)


def batch_cli(
    inputs: list[str] = typer.Argument(..., help="JSON Lines files, folders of .txt/.md/.html, WARC files."),
    out: Path = typer.Option(..., "--out", help="Output folder (Parquet); re-running skips what it holds."),
    engine: str = typer.Option("local", "--engine", help="local (processes on this machine) or spark."),
    workers: int = typer.Option(1, "--workers", help="Worker processes (local) or local[N] cores (spark)."),
    partitions: int | None = typer.Option(None, "--partitions", help="Partitions (fixed by the first run)."),
    master: str | None = typer.Option(None, "--master", help="Spark master URL (spark-submit sets its own)."),
    config: Path | None = ConfigOption,
    exclude: list[str] = ExcludeOption,
) -> None:
    """Extract many documents into Parquet rows, one per document: the same objects `claimgraph extract` prints."""
    from ..batch import BatchOptions, batch

    settings = settings_for(None, config)
    options = BatchOptions(out=out, engine=engine, workers=workers, partitions=partitions, master=master,
                           config=config, exclude=tuple(exclude))
    s = batch(inputs, options, settings)
    err.print(
        f"{s.documents} documents read: {s.extracted} extracted, {s.failed_extraction} failed at extraction, "
        f"{s.already_done} already in {out}; {s.failed_inputs} inputs failed and {s.skipped_inputs} skipped; "
        f"{s.partitions_run} partitions in {s.seconds:.1f} s ({engine}, {workers} worker(s))"
    )
    raise typer.Exit(1 if s.failed_extraction or s.failed_inputs else 0)


def load_cli(
    out: Path = typer.Argument(..., help="A folder `claimgraph batch` wrote."),
    db: Path | None = DbOption,
    config: Path | None = ConfigOption,
) -> None:
    """Store a batch output folder, then resolve actors, places and grades across documents once."""
    from ..batch import load
    from ..extract import Extractor

    settings = settings_for(db, config)
    with open_store(db, config=config) as store:
        s = load(out, store, Extractor(settings))
    err.print(f"stored {s.stored} documents, {s.already_stored} already stored, {s.failed} failed at extraction")
