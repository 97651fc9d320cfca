"""`claimgraph score`: measure extraction against your own annotated reports."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.table import Table

if TYPE_CHECKING:
    from ..score import Score
from .common import err, out, print_table


class Task(StrEnum):
    ENTITIES = "entities"
    EVENTS = "events"
    CLAIMS = "claims"
    TEXT = "text"
    ATTRIBUTIONS = "attributions"


def register(app: typer.Typer) -> None:
    app.command("score")(score_cli)


def score_cli(
    task: Task = typer.Option(..., "--task", help="What to score: entities, events, claims, text or attributions."),
    gold: Path = typer.Option(..., "--gold", help="Gold JSON Lines (contract shape; for text: {id, text})."),
    pred: Path = typer.Option(..., "--pred", help="Predictions: `claimgraph extract` output (JSON Lines)."),
    as_json: bool = typer.Option(False, "--json", help="Print the score as one JSON object."),
    show: int = typer.Option(10, "--show", help="List at most this many missed and spurious items."),
) -> None:
    """Score predictions against gold data: precision, recall, F1 and attribute accuracy.
    Names match alias-aware (case, accents, punctuation, a leading "the", aliases, acronyms);
    see docs/benchmarks.md."""
    from ..score import TASKS, read_jsonl

    score = TASKS[task.value](read_jsonl(gold), read_jsonl(pred))
    if as_json:
        sys.stdout.write(json.dumps(score.to_dict(), ensure_ascii=False) + "\n")
        return
    _print(score, show)


def _print(score: Score, show: int) -> None:
    table = Table(title=f"{score.task}: {score.docs} gold documents")
    for col in ("precision", "recall", "F1", "found", "missed", "spurious"):
        table.add_column(col, justify="right")
    table.add_row(
        f"{score.precision:.3f}",
        f"{score.recall:.3f}",
        f"{score.f1:.3f}",
        str(score.tp),
        str(score.fn),
        str(score.fp),
    )
    print_table(table)
    if score.fields:
        fields = Table(title="attributes of found items (where the gold states them)")
        for col in ("attribute", "accuracy", "correct", "stated"):
            fields.add_column(col, justify="right" if col != "attribute" else "left")
        for name, f in score.fields.items():
            fields.add_row(name, f"{f.accuracy:.3f}", str(f.correct), str(f.total))
        print_table(fields)
    for name, value in score.extra.items():
        out.print(f"{name}: {value:.3f}")
    for title, items in (("missed", score.missed), ("spurious", score.spurious)):
        if items and show:
            out.print(f"[bold]{title}[/] ({len(items)}):", highlight=False)
            for item in items[:show]:
                out.print(f"  {item}", highlight=False, markup=False)
    if score.missing_docs:
        err.print(
            f"[yellow]{len(score.missing_docs)} gold document(s) have no prediction[/]: "
            + ", ".join(score.missing_docs[:5])
        )
