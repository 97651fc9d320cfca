"""Review commands: an analyst accepts, rejects or corrects a claim, an event or an attribution; undo; list."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.table import Table

from .common import DbOption, open_store, out, print_table

review_app = typer.Typer(help="Accept, reject or correct extracted items; every review can be undone exactly.",
                         no_args_is_help=True)
ReasonOption = typer.Option("", "--reason", help="Why (kept with the review).")
ReviewerOption = typer.Option(None, "--reviewer", help="Who reviews (default: the login name).")


def register(app: typer.Typer) -> None:
    app.add_typer(review_app, name="review")


def _say(r) -> None:  # noqa: ANN001 - a Review
    extra = f" {json.dumps(r.correction, ensure_ascii=False)} (machine: {json.dumps(r.machine)})" \
        if r.correction else ""
    out.print(f"{r.id}: {r.item_kind} {r.item_id} {r.verdict}{extra} by {r.reviewer}", highlight=False)


@review_app.command("accept")
def accept_cli(item: str = typer.Argument(..., help="A claim (clm_…) or event (evt_…) id."),
               reason: str = ReasonOption, reviewer: str | None = ReviewerOption, db: Path | None = DbOption) -> None:
    """Mark an item checked and right."""
    from ..review import review

    with open_store(db) as store:
        _say(review(store, item, "accepted", reviewer=reviewer, reason=reason))


@review_app.command("reject")
def reject_cli(item: str = typer.Argument(..., help="A claim (clm_…) or event (evt_…) id."),
               reason: str = ReasonOption, reviewer: str | None = ReviewerOption, db: Path | None = DbOption) -> None:
    """Take an item out of the graph, the analyses and the brief (it stays queryable with --review rejected)."""
    from ..review import review

    with open_store(db) as store:
        _say(review(store, item, "rejected", reviewer=reviewer, reason=reason))


@review_app.command("correct")
def correct_cli(
    item: str = typer.Argument(..., help="A claim (clm_…) or event (evt_…) id."),
    sets: list[str] = typer.Option(..., "--set", help="field=value (JSON values allowed: killed=12, "
                                   'perpetrators=["TTP"]); repeatable.'),
    reason: str = ReasonOption, reviewer: str | None = ReviewerOption, db: Path | None = DbOption,
) -> None:
    """Correct fields of an item; the machine's values are kept beside the analyst's."""
    from ..errors import UsageError
    from ..review import review

    correction = {}
    for s in sets:
        field, sep, value = s.partition("=")
        if not sep or not field:
            raise UsageError(f"--set takes field=value, got {s!r}")
        try:
            correction[field.strip()] = json.loads(value)
        except json.JSONDecodeError:
            correction[field.strip()] = value
    with open_store(db) as store:
        _say(review(store, item, "corrected", reviewer=reviewer, reason=reason, correction=correction))


@review_app.command("undo")
def undo_cli(review_id: str = typer.Argument(..., help="A review id (rev_…)."), db: Path | None = DbOption) -> None:
    """Undo a review exactly (refused while a later review of the same item is in force)."""
    from ..review import undo

    with open_store(db) as store:
        _say(undo(store, review_id))


@review_app.command("list")
def list_cli(
    item: str | None = typer.Option(None, "--item", help="Only reviews of this item."),
    kind: str | None = typer.Option(None, "--kind", help="claim, event or attribution."),
    active: bool = typer.Option(False, "--active", help="Only reviews not undone."),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines instead of a table."),
    db: Path | None = DbOption,
) -> None:
    """Reviews, newest first."""
    from ..review import reviews

    with open_store(db, readonly=True) as store:
        rows = reviews(store, kind=kind, item_id=item, active_only=active, limit=10_000)
    if as_json:
        for r in rows:
            sys.stdout.write(json.dumps(r.to_json(), ensure_ascii=False) + "\n")
        return
    table = Table()
    for col in ("review", "item", "verdict", "by", "at", "reason", "undone"):
        table.add_column(col)
    for r in rows:
        table.add_row(r.id, r.item_id, r.verdict, r.reviewer, r.at[:19], r.reason, r.undone_at or "")
    print_table(table)
