"""Exports of the sample store: each file checked by its format's own library (stix2-validator, the
followthemoney model, networkx readers, the csv module), hedging and provenance kept in every format."""

from __future__ import annotations

import csv
import json
import re
import shutil
import sys
from datetime import datetime
from pathlib import Path

import networkx as nx
import pytest
from followthemoney import model
from stix2validator import ValidationOptions, validate_string

from _sample import ACTORS, actor_id, sample_extraction
from claimgraph.errors import UsageError
from claimgraph.export import (
    Exporter,
    ExportOptions,
    ExportResult,
    export,
    exporters,
    ftm,
    graph,
    register,
    snapshot,
    stix,
    tabular,
)
from claimgraph.export.credibility import STIX_CONFIDENCE, Grade
from claimgraph.export.registry import EXPORTERS
from claimgraph.export.snapshot import date_bounds
from claimgraph.export.stix import EXTENSION_ID, RELATIONSHIPS, read_ext
from claimgraph.export.tabular import csv_paths
from claimgraph.records import Document, Extraction, Modality, PartialDate, Polarity, Precision, text_id
from claimgraph.store import Store

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = sample_extraction()
HEDGED = {c.id for c in SAMPLE.claims if c.modality is Modality.HEDGED}
NEGATED = {c.id for c in SAMPLE.claims if c.polarity is Polarity.NEGATED}


def run(db: Path, fmt: str, target: Path | str, options: ExportOptions | None = None, **kw: object) -> ExportResult:
    with Store(db, readonly=True) as store:
        return export(store, fmt, str(target), options, **kw)  # type: ignore[arg-type]


# -- STIX ------------------------------------------------------------------------------------------------
def test_stix_bundle_is_valid_and_counts(sample_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "sample.stix.json"
    result = run(sample_db, "stix", out)
    text = out.read_text("utf-8")
    validation = validate_string(text, ValidationOptions(version="2.1"))
    assert validation.is_valid, [str(e) for e in validation.errors]
    assert result.counts == {
        "extension-definition": 1,
        "identity": 4,
        "incident": 1,
        "location": 2,
        "note": 10,
        "opinion": 2,
        "relationship": 12,
        "report": 1,
        "threat-actor": 3,
    }
    bundle = json.loads(text)
    ids = {o["id"] for o in bundle["objects"]}
    for o in bundle["objects"]:  # every reference resolves inside the bundle
        for ref in [o.get("source_ref"), o.get("target_ref"), *o.get("object_refs", [])]:
            assert ref is None or ref in ids


def test_stix_is_deterministic(sample_db: Path, tmp_path: Path) -> None:
    run(sample_db, "stix", tmp_path / "a.json")
    run(sample_db, "stix", tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    bundle = json.loads((tmp_path / "a.json").read_text("utf-8"))
    with Store(sample_db, readonly=True) as store:
        ingested = store.documents()[0]["ingested_at"]
    notes = [o for o in bundle["objects"] if o["type"] == "note"]
    # the same instant; STIX writes fractions without trailing zeros ("54.5411Z" for "54.541100Z")
    assert {datetime.fromisoformat(o["created"]) for o in notes} == {datetime.fromisoformat(ingested)}


def test_stix_keeps_attribution_hedging_and_evidence(sample_db: Path, tmp_path: Path) -> None:
    run(sample_db, "stix", tmp_path / "s.json")
    objects = json.loads((tmp_path / "s.json").read_text("utf-8"))["objects"]
    notes = {read_ext(o)["claim"]["id"]: o for o in objects if o["type"] == "note"}
    assert set(notes) == {c.id for c in SAMPLE.claims}
    for c in SAMPLE.claims:
        note = notes[c.id]
        claim = read_ext(note)["claim"]
        assert note["authors"] == [c.source.name]
        assert claim["modality"] == c.modality.value and claim["polarity"] == c.polarity.value
        assert f"characters {c.evidence.start}-{c.evidence.end}" in note["content"]
        assert c.evidence.text in note["content"]
        assert SAMPLE.doc.text[c.evidence.start : c.evidence.end] == claim["evidence"]["text"]
        assert note["external_references"][0]["external_id"] == SAMPLE.doc.id
    rels = {read_ext(o)["claim"]["id"]: o for o in objects if o["type"] == "relationship" and read_ext(o)}
    assert NEGATED and not NEGATED & set(rels), "a denied tie must never be a STIX relationship"
    opinions = [o for o in objects if o["type"] == "opinion"]
    assert {o["opinion"] for o in opinions} == {"neutral"}
    assert {o["object_refs"][0] for o in opinions} == {rels[c]["id"] for c in HEDGED}
    directs = next(o for o in rels.values() if read_ext(o)["claim"]["predicate"] == "directs")
    assert directs["relationship_type"] == "attributed-to"  # reversed: the directed attributed-to the director
    by_id = {o["id"]: o for o in objects}
    assert read_ext(by_id[directs["target_ref"]])["id"] == actor_id("isi")
    attacked = next(o for o in rels.values() if read_ext(o)["claim"]["predicate"] == "attacked")
    assert attacked["start_time"].startswith("2025-03-01") and attacked["stop_time"].startswith("2025-03-31")
    report = next(o for o in objects if o["type"] == "report")
    assert set(report["object_refs"]) >= {n["id"] for n in notes.values()}
    assert EXTENSION_ID in by_id


def test_stix_confidence_follows_admiralty_table(sample_db: Path, tmp_path: Path) -> None:
    grades = {c.id: Grade(i % 6 + 1, "B", True) for i, c in enumerate(SAMPLE.claims)}
    run(sample_db, "stix", tmp_path / "g.json", grader=lambda c: grades[c.id])
    objects = json.loads((tmp_path / "g.json").read_text("utf-8"))["objects"]
    for o in objects:
        if o["type"] == "note":
            expected = STIX_CONFIDENCE[grades[read_ext(o)["claim"]["id"]].credibility]
            assert o.get("confidence") == expected


# -- FollowTheMoney --------------------------------------------------------------------------------------
def test_ftm_entities_follow_the_model(sample_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "sample.ftm.jsonl"
    result = run(sample_db, "ftm", out)
    entities = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert result.counts == {
        "Address": 2,
        "Article": 1,
        "Event": 1,
        "Membership": 2,
        "Mention": 8,
        "Organization": 3,
        "Person": 2,
        "PublicBody": 1,
        "UnknownLink": 8,
    }
    ids = {e["id"] for e in entities}
    for e in entities:
        schema = model.get(e["schema"])
        assert schema is not None and not schema.abstract
        schema.validate(e)
        assert set(schema.required) <= set(e["properties"]), e
        proxy = model.get_proxy(e, cleaned=False)  # cleaning again changes nothing: values were valid
        assert proxy.to_dict()["properties"] == e["properties"]
        for prop, values in e["properties"].items():
            if schema.properties[prop].type.name == "entity":
                assert set(values) <= ids, (e["id"], prop)
    links = {e["properties"]["recordId"][0]: e for e in entities if "recordId" in e["properties"]}
    for c in SAMPLE.claims:
        link = links[c.id]
        assert link["properties"]["proof"] == [SAMPLE.doc.id.replace("_", "-", 1)]
        assert f"characters {c.evidence.start}-{c.evidence.end}" in link["properties"]["description"][0]
        if c.polarity is Polarity.NEGATED or c.modality is not Modality.ASSERTED:
            assert link["schema"] == "UnknownLink"
            assert link["properties"]["status"] == [f"{c.modality.value}, {c.polarity.value}"]
    article = next(e for e in entities if e["schema"] == "Article")
    assert article["properties"]["bodyText"] == [SAMPLE.doc.text]


def test_ftm_missing_gives_a_clear_error(sample_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "followthemoney", None)
    with pytest.raises(UsageError, match=r"claimgraph\[ftm\]"):
        run(sample_db, "ftm", tmp_path / "x.jsonl")


# -- GraphML / GEXF --------------------------------------------------------------------------------------
def _ties(g: nx.MultiDiGraph) -> set[tuple[str, str, str, str, str]]:
    return {(u, v, d["predicate"], d["modality"], d["polarity"]) for u, v, d in g.edges(data=True)}


def test_gexf_is_dynamic_and_loads_in_networkx(sample_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "sample.gexf"
    assert run(sample_db, "gexf", out).counts == {"nodes": 9, "edges": 12}
    g = nx.read_gexf(out, version="1.3")
    assert g.graph["mode"] == "dynamic"
    assert g.number_of_nodes() == 9 and g.number_of_edges() == 12
    edges = [d for _, _, d in g.edges(data=True)]
    assert all(d["spells"] for d in edges)
    attacked = next(d for d in edges if d["predicate"] == "attacked")
    assert attacked["spells"] == [("2025-03-01", "2025-03-31")]
    assert attacked["claim_count"] == 1 and attacked["credibility"] == 6 and attacked["grade"] == "F6"
    assert {d["modality"] for d in edges if d["predicate"] == "cooperates_with"} == {"hedged"}
    assert {d["polarity"] for d in edges if d["predicate"] == "directs"} == {"affirmed", "negated"}
    let = g.nodes[actor_id("let")]
    assert let["label"] == "Lashkar-e-Taiba" and "LeT" in let["aliases"] and let["claim_count"] == 3
    for u, v, d in g.edges(data=True):  # a node's time span covers every spell of its edges
        for s, e in d["spells"]:
            for n in (g.nodes[u], g.nodes[v]):
                assert n["start"] <= s <= e <= n["end"]


def test_graphml_loads_in_networkx_with_the_same_ties(sample_db: Path, tmp_path: Path) -> None:
    run(sample_db, "graphml", tmp_path / "s.graphml")
    run(sample_db, "gexf", tmp_path / "s.gexf")
    g = nx.read_graphml(tmp_path / "s.graphml")
    assert isinstance(g, nx.MultiDiGraph)
    assert _ties(g) == _ties(nx.read_gexf(tmp_path / "s.gexf", version="1.3"))
    edge = next(d for _, _, d in g.edges(data=True) if d["predicate"] == "member_of")
    assert edge["evidence"].startswith(SAMPLE.doc.id) and isinstance(edge["claim_count"], int)


# -- CSV / JSON Lines ------------------------------------------------------------------------------------
def test_csv_tables_read_back(sample_db: Path, tmp_path: Path) -> None:
    result = run(sample_db, "csv", tmp_path / "out" / "sample")
    assert result.counts == {"actors": 8, "claims": 10, "events": 1, "documents": 1}
    paths = csv_paths(str(tmp_path / "out" / "sample"))
    assert paths["claims"] == tmp_path / "out" / "sample" / "claims.csv"
    with paths["claims"].open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 10
    by_id = {r["id"]: r for r in rows}
    for c in SAMPLE.claims:
        r = by_id[c.id]
        assert (r["modality"], r["polarity"]) == (c.modality.value, c.polarity.value)
        start, end = int(r["evidence_start"]), int(r["evidence_end"])
        text = r["evidence_text"]
        assert SAMPLE.doc.text[start:end] == text and r["doc_id"] == SAMPLE.doc.id
    with paths["actors"].open(newline="", encoding="utf-8") as fh:
        actors = list(csv.DictReader(fh))
    assert {a["name"] for a in actors} == {a[0] for a in ACTORS.values()}


def test_csv_folder_target_and_formula_cells(tmp_path: Path) -> None:
    assert csv_paths(str(tmp_path) + "/")["events"] == tmp_path / "events.csv"
    assert csv_paths(str(tmp_path / "x.csv"))["actors"] == tmp_path / "x.csv" / "actors.csv"
    text = "Lashkar-e-Taiba met ISI officials, a source said."
    title = '=HYPERLINK("http://example.org","click")'
    db = tmp_path / "f.db"
    with Store(db) as store:
        store.save(Extraction(doc=Document(id=text_id(text), text=text, source="f.txt", title=title)))
    run(db, "csv", str(tmp_path / "tables") + "/")
    with (tmp_path / "tables" / "documents.csv").open(newline="", encoding="utf-8") as fh:
        row = list(csv.DictReader(fh))[0]
    assert row["chars"] == str(len(text))
    assert row["title"] == "'" + title  # a spreadsheet shows it, does not run it


def test_csv_refuses_stdout(sample_db: Path) -> None:
    with pytest.raises(UsageError, match="folder"):
        run(sample_db, "csv", "-")


def test_jsonl_is_the_extract_contract(sample_db: Path, tmp_path: Path) -> None:
    from claimgraph.contract import extraction_from_json

    run(sample_db, "jsonl", tmp_path / "s.jsonl")
    lines = (tmp_path / "s.jsonl").read_text("utf-8").splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    x = extraction_from_json(data)
    assert x.doc == SAMPLE.doc
    assert {c.id: (c.modality, c.polarity, c.evidence) for c in x.claims} == {
        c.id: (c.modality, c.polarity, c.evidence) for c in SAMPLE.claims
    }
    for e in x.entities:
        assert all(m.check(x.doc.text) for m in e.mentions) and e.mentions
    assert all(c["grade"]["code"] == "F6" and not c["grade"]["graded"] for c in data["claims"])


# -- options -----------------------------------------------------------------------------------------------
def test_min_credibility_filters_and_says_why(sample_db: Path, tmp_path: Path) -> None:
    grades = {c.id: Grade(2 if c.modality is Modality.ASSERTED else 4, "C", True) for c in SAMPLE.claims}
    result = run(sample_db, "csv", str(tmp_path) + "/", ExportOptions(min_credibility=3), grader=lambda c: grades[c.id])
    assert result.counts["claims"] == len(SAMPLE.claims) - len(HEDGED)
    assert {cid for cid, _ in result.skipped} == HEDGED
    assert all("below --min-credibility 3" in why for _, why in result.skipped)
    ungraded = run(sample_db, "jsonl", tmp_path / "u.jsonl", ExportOptions(min_credibility=5))
    assert ungraded.counts["claims"] == 0 and len(ungraded.skipped) == len(SAMPLE.claims)
    dropped = json.loads((tmp_path / "u.jsonl").read_text("utf-8"))["dropped"]
    assert len(dropped) == len(SAMPLE.claims)


def test_real_grades_are_used_when_stored(sample_db: Path, tmp_path: Path) -> None:
    from claimgraph.resolve import grading

    with Store(sample_db) as store:
        stored = grading.refresh(store)
    run(sample_db, "csv", str(tmp_path) + "/")
    with (tmp_path / "claims.csv").open(newline="", encoding="utf-8") as fh:
        rows = {r["id"]: r for r in csv.DictReader(fh)}
    for cid, g in stored.items():
        assert rows[cid]["credibility"] == str(g.credibility) and rows[cid]["grade_reason"] == g.reason


def test_since_keeps_later_documents_only(sample_db: Path, tmp_path: Path) -> None:
    assert run(sample_db, "gexf", tmp_path / "a.gexf", ExportOptions(since="2000-01-01")).counts["edges"] == 12
    assert run(sample_db, "gexf", tmp_path / "b.gexf", ExportOptions(since="2999-01-01")).counts["nodes"] == 0


@pytest.mark.parametrize("bad", [{"since": "last week"}, {"min_credibility": 0}, {"min_credibility": 7}])
def test_bad_options_are_usage_errors(bad: dict[str, object]) -> None:
    with pytest.raises(UsageError):
        ExportOptions(**bad)  # type: ignore[arg-type]


def test_partial_dates_cover_their_period() -> None:
    assert [d.isoformat() for d in date_bounds(PartialDate("2024-02", Precision.MONTH))] == [
        "2024-02-01",
        "2024-02-29",
    ]
    assert [d.isoformat() for d in date_bounds(PartialDate("1970", Precision.DECADE, end="1989"))] == [
        "1970-01-01",
        "1989-12-31",
    ]


def test_merged_actors_export_as_one(sample_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "m.db"
    shutil.copy(sample_db, copy)
    with Store(copy) as store, store.conn:
        store.conn.execute(
            "INSERT INTO merges(entity_id, actor_id) VALUES (?, ?)", (actor_id("ashfaq"), actor_id("let"))
        )
    with Store(copy, readonly=True) as store:
        snap = snapshot(store)
    assert actor_id("ashfaq") not in snap.actors
    assert "Ashfaq" in snap.actors[actor_id("let")].aliases
    assert all(g.claim.subject.id != actor_id("ashfaq") for g in snap.claims)


# -- registry and docs -------------------------------------------------------------------------------------
def test_registry_lists_builtins_and_takes_plugins(sample_db: Path, tmp_path: Path) -> None:
    assert set(exporters()) >= {"stix", "ftm", "graphml", "gexf", "csv", "jsonl"}
    with pytest.raises(UsageError, match="known: csv"):
        run(sample_db, "nope", tmp_path / "x")

    def write(snap, target):  # type: ignore[no-untyped-def]
        Path(target).write_text(str(len(snap.claims)), encoding="utf-8")
        return ExportResult("count", (target,), {"claims": len(snap.claims)})

    register(Exporter("count", "claims counted", write))
    try:
        assert run(sample_db, "count", tmp_path / "n.txt").counts == {"claims": 10}
    finally:
        EXPORTERS.pop("count")


def test_docs_cover_every_format_and_table() -> None:
    doc = (ROOT / "docs" / "exchange.md").read_text("utf-8")
    for name in exporters():
        assert f"`{name}`" in doc, name
    for cred, conf in STIX_CONFIDENCE.items():
        assert re.search(rf"\| {cred} \|[^|\n]*\| {conf if conf is not None else 'not set'} \|", doc), cred
    for predicate, (rtype, reverse) in RELATIONSHIPS.items():
        suffix = " (reversed)" if reverse else ""
        assert f"| `{predicate}` | `{rtype}`{suffix} |" in doc, predicate
    flat = " ".join(doc.split())
    for module in (stix, ftm, graph, tabular):
        for name in ("LOSSY", "CSV_LOSSY", "JSONL_LOSSY"):
            for limit in getattr(module, name, ()):
                assert limit in flat, f"docs/exchange.md does not list: {limit}"


def test_resolved_places_reach_every_format(sample_db: Path, tmp_path: Path) -> None:
    from claimgraph.records import Place
    from claimgraph.store.resolution import save_place

    balochistan = actor_id("balochistan")
    with Store(sample_db) as store, store.conn:
        save_place(
            store,
            balochistan,
            "Balochistan",
            Place("Balochistan", None, "Pakistan", 1183606, precision="province", lat=28.5, lon=65.0),
            "test",
        )
    run(sample_db, "stix", tmp_path / "s.json")
    loc = next(
        o
        for o in json.loads((tmp_path / "s.json").read_text("utf-8"))["objects"]
        if o["type"] == "location" and o["name"] == "Balochistan"
    )
    assert (loc["country"], loc["latitude"], loc["longitude"]) == ("PK", 28.5, 65.0) and "region" not in loc
    run(sample_db, "ftm", tmp_path / "f.jsonl")
    address = next(
        e
        for e in map(json.loads, (tmp_path / "f.jsonl").read_text("utf-8").splitlines())
        if e["id"] == balochistan.replace("_", "-", 1)
    )
    assert address["properties"]["country"] == ["pk"] and float(address["properties"]["latitude"][0]) == 28.5
    run(sample_db, "gexf", tmp_path / "g.gexf")
    node = nx.read_gexf(tmp_path / "g.gexf", version="1.3").nodes[balochistan]
    assert (node["country"], node["latitude"]) == ("Pakistan", 28.5)
    run(sample_db, "csv", str(tmp_path) + "/")
    with (tmp_path / "actors.csv").open(newline="", encoding="utf-8") as fh:
        row = next(r for r in csv.DictReader(fh) if r["id"] == balochistan)
    assert row["geonames_id"] == "1183606"


def test_long_texts_split_over_ftm_values() -> None:
    from claimgraph.export.ftm import text_chunks

    text = ("A paragraph about Lashkar-e-Taiba. " * 40 + "\n\n") * 60
    chunks = text_chunks(text, 5000)
    assert "".join(chunks) == text and all(len(c) <= 5000 for c in chunks) and len(chunks) > 1
    assert all(c.endswith("\n\n") for c in chunks[:-1])
    proxy = model.make_entity("Article")
    proxy.id = "doc-x"
    proxy.add("bodyText", text_chunks(text * 3, 65000))
    model.get("Article").validate(proxy.to_dict())


def test_intended_hedged_and_denied_stay_so_in_every_format(tmp_path: Path) -> None:
    from dataclasses import replace

    claims = list(SAMPLE.claims)
    intended = replace(claims[6], modality=Modality.INTENDED, cues=("vowed to",))  # BLA attacked ISKP
    claims[6] = intended
    db = tmp_path / "i.db"
    with Store(db) as store:
        store.save(replace(SAMPLE, claims=tuple(claims)))
    want = {c.id: (c.modality.value, c.polarity.value) for c in claims}
    run(db, "stix", tmp_path / "s.json")
    notes = [
        read_ext(o)["claim"]
        for o in json.loads((tmp_path / "s.json").read_text("utf-8"))["objects"]
        if o["type"] == "note"
    ]
    assert {n["id"]: (n["modality"], n["polarity"]) for n in notes} == want
    run(db, "ftm", tmp_path / "f.jsonl")
    links = [json.loads(line)["properties"] for line in (tmp_path / "f.jsonl").read_text("utf-8").splitlines()]
    status = {
        p["recordId"][0]: p.get("status", ["asserted, affirmed"])[0]
        for p in links
        if "recordId" in p and p["recordId"][0].startswith("clm_")
    }
    assert {k: tuple(v.split(", ")) for k, v in status.items()} == want
    run(db, "csv", str(tmp_path) + "/")
    with (tmp_path / "claims.csv").open(newline="", encoding="utf-8") as fh:
        assert {r["id"]: (r["modality"], r["polarity"]) for r in csv.DictReader(fh)} == want
    run(db, "gexf", tmp_path / "g.gexf")
    edges = nx.read_gexf(tmp_path / "g.gexf", version="1.3").edges(data=True)
    got = {
        cid: (d["modality"], d["polarity"]) for _, _, d in edges if d.get("claims") for cid in d["claims"].split("; ")
    }
    assert got == want
