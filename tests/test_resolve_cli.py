"""The resolution commands: merge, judgements, split, undo, kin, grades and place, end to end."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from _resolve_helpers import Said, entity_id, report
from claimgraph.cli import resolve as resolve_cli
from claimgraph.store import Store

ORG = "armed_group"
T1 = "Lashkar-e-Taiba fighters crossed into Kashmir, officials said."
T2 = "The Lashkar-e-Tayyiba denied sending fighters into Kashmir."


@pytest.fixture()
def app() -> typer.Typer:
    app = typer.Typer()
    resolve_cli.register(app)
    return app


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "cli.db"
    with Store(path) as store:
        store.save(report(T1, outlet="Dawn", names=[("Lashkar-e-Taiba", ORG)],
                          said=[Said("Lashkar-e-Taiba", "operates_in", None)]))
        store.save(report(T2, outlet="ThePrint", names=[("Lashkar-e-Tayyiba", ORG)]))
    return path


def _ids(db) -> tuple[str, str]:
    with Store(db) as store:
        docs = {store.document(d["id"]).text: d["id"] for d in store.documents()}
    return entity_id(docs[T1], "Lashkar-e-Taiba"), entity_id(docs[T2], "Lashkar-e-Tayyiba")


def test_merge_judgements_split_undo(app: typer.Typer, db) -> None:
    run = CliRunner().invoke
    a, b = _ids(db)
    r = run(app, ["merge", a, b, "--db", str(db), "--reason", "same group"])
    assert r.exit_code == 0, r.output
    r = run(app, ["judgements", "--db", str(db), "--json"])
    (merged,) = [json.loads(line) for line in r.output.splitlines()]
    assert merged["verdict"] == "same" and merged["reason"] == "same group"
    with Store(db) as store:
        assert store.actor_id(b) == a
    r = run(app, ["split", b, "--db", str(db)])
    assert r.exit_code == 0, r.output
    with Store(db) as store:
        assert store.actor_id(b) == b
    split_id = json.loads(run(app, ["judgements", "--db", str(db), "--json"]).output.splitlines()[0])["id"]
    assert run(app, ["undo", split_id, "--db", str(db)]).exit_code == 0
    with Store(db) as store:
        assert store.actor_id(b) == a
    r = run(app, ["judgements", "--db", str(db)])
    assert "undone" in r.output and "2 judgements" in r.output


def test_resolve_then_grades(app: typer.Typer, db) -> None:
    run = CliRunner().invoke
    r = run(app, ["resolve", "--no-lists", "--db", str(db)])
    assert r.exit_code == 0, r.output
    a, b = _ids(db)
    with Store(db) as store:
        assert store.actor_id(b) == a
    r = run(app, ["grades", "--db", str(db), "--json"])
    (g,) = [json.loads(line) for line in r.output.splitlines()]
    assert g["credibility"] == 3 and g["reason"].startswith("3: one outlet, anonymous source")


def test_kin_and_errors(app: typer.Typer, db) -> None:
    run = CliRunner().invoke
    a, b = _ids(db)
    assert run(app, ["kin", b, "front_of", a, "--db", str(db)]).exit_code == 0
    r = run(app, ["kin", a, "--db", str(db)])
    assert "front_of" in r.output
    r = run(app, ["kin", b, "sibling_of", a, "--db", str(db)])
    assert r.exit_code != 0 and "unknown kinship" in str(r.exception)


def test_place_command(app: typer.Typer) -> None:
    r = CliRunner().invoke(app, ["place", "Khuzdar"])
    assert r.exit_code == 0, r.output
    p = json.loads(r.output)
    assert (p["admin1"], p["country"]) == ("Balochistan", "Pakistan")
