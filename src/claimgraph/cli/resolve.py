"""Resolution commands: merge, split, undo and list identity judgements; kinship; grades; places."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.table import Table

from .common import DbOption, err, open_store, out, print_table, settings_for

#: resolve.actors.KIN_RELATIONS, written out so that `--help` need not import resolution (a test keeps them equal)
KIN_RELATIONS = ("front_of", "successor_of", "splinter_of", "affiliate_of", "branch_of")

ReasonOption = typer.Option("", "--reason", help="Why (kept with the judgement).")
JsonOption = typer.Option(False, "--json", help="JSON Lines instead of a table.")


def register(app: typer.Typer) -> None:
    app.command("merge")(merge_cli)
    app.command("split")(split_cli)
    app.command("undo")(undo_cli)
    app.command("judgements")(judgements_cli)
    app.command("kin")(kin_cli)
    app.command("resolve")(resolve_cli)
    app.command("grades")(grades_cli)
    app.command("place")(place_cli)


def merge_cli(
    a: str = typer.Argument(..., help="The actor to keep (name, alias or id)."),
    b: str = typer.Argument(..., help="The actor merged into it."),
    reason: str = ReasonOption,
    db: Path | None = DbOption,
) -> None:
    """Merge actor B into actor A. Recorded as a judgement; `claimgraph undo ID` reverses it exactly."""
    from ..resolve import actors

    with open_store(db) as store:
        j = actors.merge(store, a, b, reason=reason)
    out.print(f"merged {j.right_id} into {j.left_id} ({len(j.changes)} entities) — judgement {j.id}")


def split_cli(
    a: str = typer.Argument(..., help="An entity id to detach, or an actor to break into its members."),
    reason: str = ReasonOption,
    db: Path | None = DbOption,
) -> None:
    """Split an actor: detach one merged entity, or every member of an actor. Undo with `claimgraph undo`."""
    from ..resolve import actors

    with open_store(db) as store:
        j = actors.split(store, actors.entity_or_actor(store, a), reason=reason)
    out.print(f"detached {', '.join(c[0] for c in j.changes)} from {j.left_id} — judgement {j.id}")


def undo_cli(judgement_id: str = typer.Argument(..., help="A judgement id from `claimgraph judgements`."),
             db: Path | None = DbOption) -> None:
    """Undo a merge, split or recorded judgement, restoring the merges exactly as they were."""
    from ..resolve import actors

    with open_store(db) as store:
        j = actors.undo(store, judgement_id)
    out.print(f"undid {j.verdict} judgement {j.id} ({len(j.changes)} entities restored)")


def judgements_cli(
    actor: str | None = typer.Option(None, "--actor", "-a", help="Only judgements about this actor."),
    active: bool = typer.Option(False, "--active", help="Leave out undone judgements."),
    as_json: bool = JsonOption,
    db: Path | None = DbOption,
) -> None:
    """List identity judgements (same / not same / unsure), newest first, with score and reason."""
    from ..resolve import actors

    with open_store(db, readonly=True) as store:
        rows = actors.list_judgements(store, actor, active_only=active)
        names = {i: store.entity(i)["name"] for j in rows for i in (j.left_id, j.right_id) if i}
    if as_json:
        for j in rows:
            sys.stdout.write(json.dumps(j.to_json(), ensure_ascii=False) + "\n")
        return
    table = Table()
    for col in ("id", "verdict", "left", "right", "score", "by", "reason", "state"):
        table.add_column(col, overflow="fold")
    for j in rows:
        table.add_row(j.id, j.verdict, names.get(j.left_id, j.left_id), names.get(j.right_id or "", ""),
                      "" if j.score is None else f"{j.score:.2f}", j.author, j.reason,
                      "undone" if j.undone_at else "active")
    print_table(table)
    out.print(f"{len(rows)} judgements")


def kin_cli(
    a: str = typer.Argument(..., help="An organisation (name, alias or id)."),
    relation: str | None = typer.Argument(None, help=f"One of: {', '.join(KIN_RELATIONS)}."),
    b: str | None = typer.Argument(None, help="The organisation it is kin of."),
    db: Path | None = DbOption,
) -> None:
    """Record kinship (e.g. `kin JuD front_of LeT`), or list an actor's kin when given only its name."""
    from ..resolve import actors

    with open_store(db, readonly=relation is None) as store:
        if relation is None:
            for row in actors.kin_of(store, a):
                out.print(f"{store.entity(row['subject_id'])['name']} {row['relation']} "
                          f"{store.entity(row['object_id'])['name']} [dim]({row['origin']})[/]")
            return
        if b is None:
            raise typer.BadParameter("give the other organisation after the relation")
        added = actors.add_kin(store, a, relation, b)
    out.print("recorded" if added else "already recorded")


def resolve_cli(
    lists: bool = typer.Option(True, "--lists/--no-lists", help="Match actors against the UN/OFAC lists."),
    places: bool = typer.Option(True, "--places/--no-places", help="Resolve place entities to GeoNames."),
    db: Path | None = DbOption,
) -> None:
    """Resolve places and actors nobody has judged, seed kinship, group near-duplicates, regrade claims."""
    from ..resolve.places import PlaceResolver
    from ..resolve.run import resolve_store

    settings = settings_for(db)
    gazetteer = None
    if lists:
        from ..nlp.gazetteer import build_gazetteer

        gazetteer = build_gazetteer(settings.data.dir if settings.data.dir.is_dir() else None)
    with open_store(db) as store:
        report = resolve_store(store, gazetteer=gazetteer, places=PlaceResolver() if places else None)
    err.print(", ".join(f"{k} {v}" for k, v in report.to_json().items()))


def grades_cli(
    actor: str | None = typer.Option(None, "--actor", "-a", help="Only claims about this actor."),
    as_of: str | None = typer.Option(None, "--as-of", help="Grade what the database held on this date."),
    reliability: Path | None = typer.Option(None, "--reliability", help="Your reliability grades (YAML)."),
    as_json: bool = JsonOption,
    db: Path | None = DbOption,
) -> None:
    """Show each claim's credibility (1–6), its source's reliability (A–F) and the reason."""
    from ..resolve import grading

    with open_store(db, readonly=True) as store:
        grades = grading.grade_claims(store, reliability=grading.load_reliability(reliability), as_of=as_of)
        claims = store.claims(entity=actor, as_of=as_of)
    if as_json:
        for c in claims:
            sys.stdout.write(json.dumps({"claim": c.id, **grades[c.id].to_json()}, ensure_ascii=False) + "\n")
        return
    table = Table()
    for col in ("claim", "grade", "reason"):
        table.add_column(col, overflow="fold")
    for c in claims:
        g = grades[c.id]
        obj = f" {c.object.name}" if c.object else ""
        mark = " [red]disputed[/]" if g.disputed else ""
        claim = f"{c.subject.name} {c.predicate}{obj}"
        table.add_row(claim, f"{g.reliability}{g.credibility}{mark}", g.reason)
    print_table(table)


def place_cli(
    name: str = typer.Argument(..., help="A place name as written."),
    context: list[str] = typer.Option([], "--context", "-c", help="Other places the document names."),
) -> None:
    """Resolve a place name offline to GeoNames (id, admin1, country, precision, coordinates)."""
    from ..resolve.places import PlaceResolver

    found = PlaceResolver().explain(name, context)
    if found is None:
        err.print(f"no place known as {name!r}")
        raise typer.Exit(1)
    p = found.place
    sys.stdout.write(json.dumps({
        "name": p.name, "admin1": p.admin1, "country": p.country, "geonames_id": p.geonames_id,
        "precision": p.precision, "lat": p.lat, "lon": p.lon, "reason": found.reason,
    }, ensure_ascii=False) + "\n")
