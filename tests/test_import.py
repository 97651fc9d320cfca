"""`claimgraph import`: STIX bundles and FtM entities as prior knowledge, with provenance, and round trips
export → import → export that keep actors, aliases and ties."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from followthemoney import model
from typer.testing import CliRunner

from _sample import ACTORS, actor_id
from claimgraph.cli import app
from claimgraph.errors import InputError
from claimgraph.export import export
from claimgraph.export.stix import read_ext
from claimgraph.importers import import_file, read_prior
from claimgraph.records import Modality, Polarity, SourceKind, make_id
from claimgraph.store import Store

Tie = tuple[str, str, str | None, str | None, str, str]


def _export(db: Path, fmt: str, target: Path) -> Path:
    with Store(db, readonly=True) as store:
        export(store, fmt, str(target))
    return target


def _import(path: Path, db: Path) -> Any:
    with Store(db) as store:
        return import_file(path, store)


# What a file says, read independently of claimgraph's importers.
def stix_profile(path: Path) -> tuple[dict[str, tuple[str, str, frozenset[str]]], Counter[Tie]]:
    objects = json.loads(path.read_text("utf-8"))["objects"]
    actors = {}
    for o in objects:
        ext = read_ext(o)
        if o["type"] in ("threat-actor", "identity", "location") and "id" in ext:
            names = {o["name"], *o.get("aliases", []), *o.get("x_opencti_aliases", [])}
            actors[ext["id"]] = (o["name"], ext["type"], frozenset(names))
    ties: Counter[Tie] = Counter()
    for o in objects:
        claim = read_ext(o).get("claim")
        if o["type"] == "note" and claim:
            ties[
                (
                    claim["subject"]["id"],
                    claim["predicate"],
                    (claim.get("object") or {}).get("id"),
                    claim.get("role"),
                    claim["modality"],
                    claim["polarity"],
                )
            ] += 1
    return actors, ties


def ftm_profile(path: Path) -> tuple[dict[str, tuple[str, str, frozenset[str]]], Counter[tuple[str, ...]]]:
    entities = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    actors = {}
    links: Counter[tuple[str, ...]] = Counter()
    for e in entities:
        schema, props = model.get(e["schema"]), e["properties"]
        if schema.is_a("LegalEntity") or schema.is_a("Address"):
            actors[e["id"]] = (
                props["name"][0],
                props["keywords"][0],
                frozenset(props["name"] + props.get("alias", [])),
            )
        elif schema.edge:
            ends = (props[schema.edge_source][0], props[schema.edge_target][0])
            links[(e["schema"], *ends, *props.get("role", []), *props.get("status", []))] += 1
    return actors, links


def test_stix_round_trip_keeps_actors_aliases_and_ties(sample_db: Path, tmp_path: Path) -> None:
    first = _export(sample_db, "stix", tmp_path / "first.json")
    summary = _import(first, tmp_path / "b.db")
    assert (summary.format, summary.actors, summary.aliases, summary.ties) == ("stix", 8, 7, 10)
    second = _export(tmp_path / "b.db", "stix", tmp_path / "second.json")
    a_actors, a_ties = stix_profile(first)
    b_actors, b_ties = stix_profile(second)
    assert a_actors == b_actors and len(a_actors) == len(ACTORS)
    assert a_ties == b_ties and sum(a_ties.values()) == 10
    assert any(t[4] == "hedged" for t in b_ties) and any(t[5] == "negated" for t in b_ties)


def test_ftm_round_trip_keeps_actors_aliases_and_ties(sample_db: Path, tmp_path: Path) -> None:
    first = _export(sample_db, "ftm", tmp_path / "first.ftm.jsonl")
    summary = _import(first, tmp_path / "b.db")
    assert (summary.format, summary.actors, summary.ties) == ("ftm", 8, 10)
    second = _export(tmp_path / "b.db", "ftm", tmp_path / "second.ftm.jsonl")
    a_actors, a_links = ftm_profile(first)
    b_actors, b_links = ftm_profile(second)
    assert a_actors == b_actors and len(a_actors) == len(ACTORS)
    assert a_links == b_links and sum(a_links.values()) == 10


def test_cross_format_round_trip(sample_db: Path, tmp_path: Path) -> None:
    """STIX in, FtM out: the same ties as FtM straight from the sample."""
    _import(_export(sample_db, "stix", tmp_path / "s.json"), tmp_path / "b.db")
    _, direct = ftm_profile(_export(sample_db, "ftm", tmp_path / "a.jsonl"))
    _, via_stix = ftm_profile(_export(tmp_path / "b.db", "ftm", tmp_path / "b.jsonl"))
    assert direct == via_stix


def test_imported_claims_keep_provenance(sample_db: Path, tmp_path: Path) -> None:
    bundle = _export(sample_db, "stix", tmp_path / "s.json")
    summary = _import(bundle, tmp_path / "b.db")
    with Store(tmp_path / "b.db", readonly=True) as store:
        doc = store.document(summary.doc_id)
        claims = store.claims()
        assert doc.title == "Imported: s.json" and "what the file says" in doc.text
        for c in claims:
            assert c.doc_id == doc.id and c.evidence.check(doc.text)
            assert c.source.kind is SourceKind.DOCUMENT and c.source.name == "s.json"
            assert c.subject.name in c.evidence.text
        for m in store.mentions(doc.id):
            assert doc.text[m["start"] : m["end"]] == m["text"]
        assert set(store.aliases(actor_id("let"))) == {"Lashkar-e-Taiba", "LeT", "Lashkar"}
    denied = next(c for c in claims if c.polarity is Polarity.NEGATED)
    assert "[denied]" in denied.evidence.text and "key asset of the ISI" in denied.evidence.text
    hedged = [c for c in claims if c.modality is Modality.HEDGED]
    assert len(hedged) == 2 and all("[hedged]" in c.evidence.text for c in hedged)


def test_importing_twice_adds_nothing(sample_db: Path, tmp_path: Path) -> None:
    bundle = _export(sample_db, "stix", tmp_path / "s.json")
    assert _import(bundle, tmp_path / "b.db").stored
    again = _import(bundle, tmp_path / "b.db")
    assert not again.stored
    with Store(tmp_path / "b.db", readonly=True) as store:
        assert store.counts()["documents"] == 1 and store.counts()["claims"] == 10


def test_import_into_a_store_that_knows_the_actors(sample_db: Path, tmp_path: Path) -> None:
    bundle = _export(sample_db, "stix", tmp_path / "s.json")
    summary = _import(bundle, sample_db)
    assert summary.ties == 0  # its own claims read back would count one source twice
    assert summary.skipped[-1][0] == "10 tie(s)" and "count one source twice" in summary.skipped[-1][1]
    with Store(sample_db, readonly=True) as store:
        assert store.counts()["entities"] == len(ACTORS)  # same ids: no duplicate actors
        assert store.counts()["claims"] == 10
    ftm_file = _export(sample_db, "ftm", tmp_path / "s.ftm.jsonl")
    assert _import(ftm_file, sample_db).ties == 0


OPENCTI = {
    "type": "bundle",
    "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d",
    "objects": [
        {
            "type": "identity",
            "spec_version": "2.1",
            "id": "identity--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
            "created": "2024-01-01T00:00:00.000Z",
            "modified": "2024-01-01T00:00:00.000Z",
            "name": "Analyst Desk",
            "identity_class": "organization",
        },
        {
            "type": "intrusion-set",
            "spec_version": "2.1",
            "id": "intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29",
            "created": "2024-01-01T00:00:00.000Z",
            "modified": "2024-01-01T00:00:00.000Z",
            "name": "Tehrik-i-Taliban Pakistan",
            "aliases": ["TTP", "Pakistani Taliban"],
        },
        {
            "type": "threat-actor",
            "spec_version": "2.1",
            "id": "threat-actor--9a8f3c5e-3a4b-4b8e-9c9d-1f2e3d4c5b6a",
            "created": "2024-01-01T00:00:00.000Z",
            "modified": "2024-01-01T00:00:00.000Z",
            "name": "Islamic State Khorasan Province",
            "aliases": ["ISKP", "IS-K"],
        },
        {
            "type": "identity",
            "spec_version": "2.1",
            "id": "identity--0c7b5b88-8ff7-4a4d-aa9c-feb398cd0061",
            "created": "2024-01-01T00:00:00.000Z",
            "modified": "2024-01-01T00:00:00.000Z",
            "name": "Noor Wali Mehsud",
            "identity_class": "individual",
            "x_opencti_aliases": ["Mufti Noor Wali"],
        },
        {
            "type": "malware",
            "spec_version": "2.1",
            "id": "malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b",
            "created": "2024-01-01T00:00:00.000Z",
            "modified": "2024-01-01T00:00:00.000Z",
            "name": "Example dropper",
            "is_family": False,
        },
        {
            "type": "relationship",
            "spec_version": "2.1",
            "id": "relationship--2f6e0c1e-8b6a-4d8e-9f0f-0d1c2b3a4f5e",
            "created": "2024-01-01T00:00:00.000Z",
            "modified": "2024-01-01T00:00:00.000Z",
            "created_by_ref": "identity--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
            "relationship_type": "part-of",
            "source_ref": "identity--0c7b5b88-8ff7-4a4d-aa9c-feb398cd0061",
            "target_ref": "intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29",
            "description": "Mehsud leads the TTP.",
            "start_time": "2018-06-01T00:00:00Z",
        },
        {
            "type": "relationship",
            "spec_version": "2.1",
            "id": "relationship--7d3e9a4b-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
            "created": "2024-01-01T00:00:00.000Z",
            "modified": "2024-01-01T00:00:00.000Z",
            "relationship_type": "cooperates-with",
            "source_ref": "intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29",
            "target_ref": "threat-actor--9a8f3c5e-3a4b-4b8e-9c9d-1f2e3d4c5b6a",
        },
        {
            "type": "relationship",
            "spec_version": "2.1",
            "id": "relationship--6b4c2a1e-3d5f-4a7b-9c8d-2e1f0a9b8c7d",
            "created": "2024-01-01T00:00:00.000Z",
            "modified": "2024-01-01T00:00:00.000Z",
            "relationship_type": "uses",
            "source_ref": "intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29",
            "target_ref": "malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b",
        },
    ],
}


def test_foreign_stix_bundle(tmp_path: Path) -> None:
    path = tmp_path / "opencti.json"
    path.write_text(json.dumps(OPENCTI), encoding="utf-8")
    fmt, prior = read_prior(path)
    assert fmt == "stix"
    by_name = {a.name: a for a in prior.actors}
    assert set(by_name) == {
        "Analyst Desk",
        "Tehrik-i-Taliban Pakistan",
        "Islamic State Khorasan Province",
        "Noor Wali Mehsud",
    }
    ttp = by_name["Tehrik-i-Taliban Pakistan"]
    assert ttp.type == "armed_group" and set(ttp.aliases) == {
        "Tehrik-i-Taliban Pakistan",
        "TTP",
        "Pakistani Taliban",
    }
    assert ttp.refs == ("stix:intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29",)
    assert by_name["Noor Wali Mehsud"].type == "person" and "Mufti Noor Wali" in by_name["Noor Wali Mehsud"].aliases
    ties = {(t.subject, t.predicate, t.object) for t in prior.ties}
    assert ties == {
        (by_name["Noor Wali Mehsud"].id, "member_of", ttp.id),
        (ttp.id, "cooperates_with", by_name["Islamic State Khorasan Province"].id),
    }
    member = next(t for t in prior.ties if t.predicate == "member_of")
    assert member.said_by.startswith("Analyst Desk") and member.time and member.time.value == "2018-06-01"
    assert dict(prior.skipped) == {
        "1 malware object(s)": "not an actor or a tie; not imported",
        "1 relationship object(s)": "an end is not an actor (incident, malware, ...): not a tie",
    }
    summary = _import(path, tmp_path / "b.db")
    with Store(tmp_path / "b.db", readonly=True) as store:
        assert store.resolve_actor("TTP")["name"] == "Tehrik-i-Taliban Pakistan"
        assert len(store.claims(entity="IS-K")) == 1
        assert summary.ties == 2


def test_foreign_actor_gets_the_id_extraction_would_give(tmp_path: Path) -> None:
    from claimgraph.nlp.gazetteer import normalise

    path = tmp_path / "o.json"
    path.write_text(json.dumps(OPENCTI), encoding="utf-8")
    _, prior = read_prior(path)
    ttp = next(a for a in prior.actors if a.name == "Tehrik-i-Taliban Pakistan")
    assert ttp.id == make_id("ent", "armed_group", normalise("Tehrik-i-Taliban Pakistan"))


def test_foreign_ftm_entities(tmp_path: Path) -> None:
    def entity(schema: str, eid: str, **props: list[str]) -> dict[str, Any]:
        proxy = model.make_entity(schema)
        proxy.id = eid
        for k, v in props.items():
            proxy.add(k, v)
        return proxy.to_dict()

    rows = [
        entity("Organization", "ttp", name=["Tehrik-i-Taliban Pakistan"], alias=["TTP"]),
        entity("Person", "nwm", name=["Noor Wali Mehsud"], weakAlias=["Mufti"]),
        entity("Directorship", "d1", director=["nwm"], organization=["ttp"]),
        entity("UnknownLink", "u1", subject=["ttp"], object=["nwm"], role=["shelters"]),
        entity("Sanction", "s1", entity=["ttp"], program=["UN 1267"]),
    ]
    path = tmp_path / "aleph.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    fmt, prior = read_prior(path)
    assert fmt == "ftm"
    ttp = next(a for a in prior.actors if a.name == "Tehrik-i-Taliban Pakistan")
    assert ttp.type == "organisation" and "TTP" in ttp.aliases and "ftm:ttp" in ttp.refs
    ties = {(t.predicate, t.role) for t in prior.ties}
    assert ties == {("member_of", "director"), ("associated_with", "shelters")}
    assert dict(prior.skipped) == {"1 Sanction entit(y/ies)": "not an actor or a tie; not imported"}


@pytest.mark.parametrize(
    "content, message",
    [
        ("", "is empty"),
        ("not json at all", "neither a STIX 2.1 bundle nor FollowTheMoney"),
        (
            '{"type": "bundle", "id": "bundle--x", "objects": [{"type": "threat-actor"}]}',
            "not a valid STIX 2.1",
        ),
        ('{"id": "x"}\n', 'needs a "schema" field'),
        ('{"id": "x", "schema": "NoSuchSchema", "properties": {}}\n', "not a FollowTheMoney entity"),
    ],
)
def test_bad_files_say_why(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_prior(path)


def test_cli_export_and_import(sample_db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "s.json"
    res = runner.invoke(app, ["export", "--db", str(sample_db), "--format", "stix", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "10 note" in res.output
    res = runner.invoke(app, ["import", "--db", str(tmp_path / "b.db"), str(out)])
    assert res.exit_code == 0, res.output
    assert "8 actors, 7 aliases, 10 ties" in res.output
    res = runner.invoke(
        app,
        [
            "export",
            "--db",
            str(sample_db),
            "-f",
            "csv",
            "-o",
            str(tmp_path / "t") + "/",
            "--min-credibility",
            "4",
        ],
    )
    assert res.exit_code == 0 and "left out 10" in res.output


@pytest.mark.model
@pytest.mark.parametrize("fmt, profile", [("stix", stix_profile), ("ftm", ftm_profile)])
def test_round_trip_of_the_extracted_seed_article(
    extractor: Any, seed_path: Path, tmp_path: Path, fmt: str, profile: Any
) -> None:
    from stix2validator import ValidationOptions, validate_string

    from claimgraph import pipeline

    db = tmp_path / "seed.db"
    with Store(db) as store:
        for x in pipeline.extract([str(seed_path)], extractor, n_process=1, batch_size=4):
            assert x.error is None and store.save(x)
        n_claims = store.counts()["claims"]
    first = _export(db, fmt, tmp_path / f"first.{fmt}")
    if fmt == "stix":
        assert validate_string(first.read_text("utf-8"), ValidationOptions(version="2.1")).is_valid
    summary = _import(first, tmp_path / "b.db")
    assert summary.ties == n_claims > 0
    second = _export(tmp_path / "b.db", fmt, tmp_path / f"second.{fmt}")
    assert profile(first) == profile(second)
