"""The explorer's HTTP API on the hand-built sample store: every route, paging, the one error shape, the
token rule and the OpenAPI spec."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from _sample import SEED_TEXT, actor_id, make_sample_store
from _web_helpers import free_port
from claimgraph.api import create_app
from claimgraph.api.security import CONTENT_SECURITY_POLICY
from claimgraph.config import load_settings
from claimgraph.errors import UsageError

LET, ISKP, ISI = actor_id("let"), actor_id("iskp"), actor_id("isi")


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return make_sample_store(tmp_path / "sample.db")


@pytest.fixture()
def client(db: Path) -> TestClient:
    return TestClient(create_app(load_settings(env={}), db), base_url="http://127.0.0.1")


def ok(client: TestClient, url: str, **params: Any) -> Any:
    r = client.get(url, params=params)
    assert r.status_code == 200, r.text
    return r.json()


def assert_error(r: Any, status: int, code: str) -> dict[str, Any]:
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "detail"}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    assert isinstance(body["error"]["detail"], dict)
    return body["error"]


# -- meta -----------------------------------------------------------------------------------------------


def test_stats_counts_the_store(client: TestClient) -> None:
    stats = ok(client, "/api/stats")
    assert stats["documents"] == 1 and stats["claims"] == 10 and stats["events"] == 1
    assert stats["graded"] is False and stats["extractor_loaded"] is False


def test_ontology_is_served_as_data(client: TestClient) -> None:
    onto = ok(client, "/api/ontology")
    assert onto["predicates"]["cooperates_with"]["direction"] == "symmetric"
    assert "armed_group" in onto["entity_types"]


# -- actors ---------------------------------------------------------------------------------------------


def test_actor_search_uses_aliases_and_full_text(client: TestClient) -> None:
    assert [a["id"] for a in ok(client, "/api/actors", q="LeT")["items"]] == [LET]
    prefix = ok(client, "/api/actors", q="Khorasan")
    assert [a["name"] for a in prefix["items"]] == ["Islamic State Khorasan Province"]
    assert ok(client, "/api/actors", q="nobody at all")["total"] == 0


def test_actor_list_filters_by_type_and_pages(client: TestClient) -> None:
    groups = ok(client, "/api/actors", type="armed_group")
    assert groups["total"] == 3
    assert {a["type"] for a in groups["items"]} == {"armed_group"}
    both = ok(client, "/api/actors", type=["person", "agency"])
    assert {a["type"] for a in both["items"]} == {"person", "agency"} and both["total"] == 3
    first = ok(client, "/api/actors", limit=3, offset=0)
    second = ok(client, "/api/actors", limit=3, offset=3)
    assert first["total"] == second["total"] == 8
    assert (first["limit"], first["offset"], second["offset"]) == (3, 0, 3)
    assert not {a["id"] for a in first["items"]} & {a["id"] for a in second["items"]}
    assert ok(client, "/api/actors", q="Lashkar", type="person")["total"] == 0


def test_one_actor_has_aliases_claims_and_events(client: TestClient) -> None:
    actor = ok(client, f"/api/actors/{ISKP}")
    assert actor["name"] == "Islamic State Khorasan Province"
    assert "ISKP" in actor["aliases"]
    assert actor["claims"]["total"] == 6
    assert actor["events"]["total"] == 1 and actor["events"]["items"][0]["mode"] == "attack"
    by_name = ok(client, "/api/actors/LeT", limit=1)
    assert by_name["id"] == LET and len(by_name["claims"]["items"]) == 1 and by_name["claims"]["total"] == 3


# -- claims ---------------------------------------------------------------------------------------------


def _cooperation(items: list[dict[str, Any]]) -> dict[str, Any]:
    return next(c for c in items if c["predicate"] == "cooperates_with")


def test_claims_carry_source_modality_and_the_highlighted_sentence(client: TestClient) -> None:
    c = _cooperation(ok(client, "/api/claims", actor="Lashkar-e-Taiba")["items"])
    assert c["modality"] == "hedged" and c["cues"] == ["signs indicating"]
    assert c["source"]["kind"] == "anonymous"
    assert c["document"]["outlet"] == "ThePrint" and c["document"]["published"] == "2025-10-07"
    ctx = c["context"]
    assert SEED_TEXT[ctx["start"] : ctx["end"]] == ctx["text"]
    kinds: dict[str, list[str]] = {}
    for h in ctx["highlights"]:
        kinds.setdefault(h["kind"], []).append(ctx["text"][h["start"] : h["end"]])
    assert len(kinds["evidence"]) == 1 and "facilitating collaboration" in kinds["evidence"][0]
    assert kinds["cue"] == ["signs indicating"]
    assert "Lashkar-e-Taiba" in kinds["subject"]
    assert "Islamic State Khorasan Province" in kinds["object"] and "ISKP" in kinds["object"]
    assert c["credibility"] is None and c["grade"] is None
    assert c["subject"]["actor_id"] == LET


def test_claim_filters(client: TestClient) -> None:
    assert ok(client, "/api/claims")["total"] == 10
    assert ok(client, "/api/claims", hide_hedged=True)["total"] == 8
    assert ok(client, "/api/claims", predicate=["supports", "directs"])["total"] == 4
    assert ok(client, "/api/claims", predicate="member_of")["total"] == 2
    march = ok(client, "/api/claims", since="2025-03", until="2025-03-31")
    assert [c["predicate"] for c in march["items"]] == ["attacked"]  # the only claim with its own time
    assert ok(client, "/api/claims", since="2025-10-01")["total"] == 9  # undated claims: the report date
    paged = ok(client, "/api/claims", limit=4, offset=8)
    assert paged["total"] == 10 and len(paged["items"]) == 2
    some = ok(client, "/api/claims")["items"][:2]
    picked = ok(client, "/api/claims", ids=[c["id"] for c in some])
    assert {c["id"] for c in picked["items"]} == {c["id"] for c in some}


def test_one_claim_and_a_missing_one(client: TestClient) -> None:
    first = ok(client, "/api/claims", limit=1)["items"][0]
    assert ok(client, f"/api/claims/{first['id']}")["id"] == first["id"]
    err = assert_error(client.get("/api/claims/clm_nope"), 404, "not_found")
    assert "clm_nope" in err["message"]


def test_negated_claims_stay_negated(client: TestClient) -> None:
    negated = [c for c in ok(client, "/api/claims", actor="Mengal")["items"] if c["polarity"] == "negated"]
    assert [c["predicate"] for c in negated] == ["directs"]


def test_stored_grades_give_credibility_and_its_filter(db: Path) -> None:
    from claimgraph.resolve.grading import refresh
    from claimgraph.store import Store

    with Store(db) as store:
        refresh(store)
    client = TestClient(create_app(load_settings(env={}), db), base_url="http://127.0.0.1")
    assert ok(client, "/api/stats")["graded"] is True
    c = _cooperation(ok(client, "/api/claims", actor=LET)["items"])
    assert c["grade"]["reliability"] in "ABCDEF" and 1 <= c["grade"]["credibility"] <= 6
    assert c["grade"]["label"] == f"{c['grade']['reliability']}{c['grade']['credibility']}"
    assert c["credibility"] == {1: 1.0, 2: 0.8, 3: 0.6, 4: 0.4, 5: 0.2, 6: None}[c["grade"]["credibility"]]
    everything = ok(client, "/api/graph")
    creds = {e["predicate"]: e["credibility"] for e in everything["edges"]}
    assert all(v is not None for v in creds.values())
    strict = ok(client, "/api/graph", min_credibility=creds["cooperates_with"] + 0.01)
    assert _edge(strict, "cooperates_with") is None  # the hedged claim grades lower than the asserted ones
    assert 0 < strict["total"] < everything["total"]


# -- events and documents -------------------------------------------------------------------------------


def test_events_with_dates_and_casualties(client: TestClient) -> None:
    events = ok(client, "/api/events")
    assert events["total"] == 1
    ev = events["items"][0]
    assert ev["killed"]["min"] == 30 and ev["place"]["name"] == "Mastung"
    assert "Mastung camp" in ev["context"]["text"]
    assert ok(client, "/api/events", since="2025-04")["total"] == 0
    assert ok(client, "/api/events", actor="BLA")["total"] == 1


def test_documents_list_and_spans(client: TestClient) -> None:
    docs = ok(client, "/api/documents")
    assert docs["total"] == 1 and docs["items"][0]["outlet"] == "ThePrint"
    doc = ok(client, f"/api/documents/{docs['items'][0]['id']}")
    assert doc["text"] == SEED_TEXT and doc["claims"] == 10 and doc["events"] == 1
    kinds = {s["kind"] for s in doc["spans"]}
    assert kinds == {"mention", "claim", "event"}
    for s in doc["spans"]:
        assert 0 <= s["start"] < s["end"] <= len(doc["text"])
        if s["kind"] == "mention":
            assert doc["text"][s["start"] : s["end"]] in {
                s["label"],
                "LeT",
                "Lashkar",
                "ISKP",
                "ISI",
                "BLA",
                "Mengal",
                "Ashfaq",
            }
    assert_error(client.get("/api/documents/doc_missing"), 404, "not_found")


# -- graph, time line, analyses -------------------------------------------------------------------------


def _edge(graph: dict[str, Any], predicate: str) -> dict[str, Any] | None:
    return next((e for e in graph["edges"] if e["predicate"] == predicate), None)


def test_graph_edges_are_typed_and_marked_hedged_or_single_source(client: TestClient) -> None:
    graph = ok(client, "/api/graph")
    assert graph["total"] == 10 and len(graph["nodes"]) == 7  # Balochistan is mentioned but has no tie
    coop = _edge(graph, "cooperates_with")
    assert coop is not None
    assert {coop["source"], coop["target"]} == {LET, ISKP}
    assert coop["hedged"] and coop["single_source"] and not coop["corroborated"]
    attacked = _edge(graph, "attacked")
    assert attacked is not None and not attacked["hedged"] and attacked["single_source"]
    negated = [e for e in graph["edges"] if e["polarity"] == "negated"]
    assert [e["predicate"] for e in negated] == ["directs"]


def test_graph_filters(client: TestClient) -> None:
    assert _edge(ok(client, "/api/graph", hide_hedged=True), "cooperates_with") is None
    only = ok(client, "/api/graph", predicate="attacked")
    assert [e["predicate"] for e in only["edges"]] == ["attacked"] and len(only["nodes"]) == 2
    groups = ok(client, "/api/graph", type="armed_group")
    assert {n["type"] for n in groups["nodes"]} == {"armed_group"}
    assert ok(client, "/api/graph", actor="BLA")["total"] == 1
    assert ok(client, "/api/graph", since="2026-01-01")["total"] == 0
    assert ok(client, "/api/graph", min_credibility=0.5)["total"] == 0  # nothing graded: nothing passes
    paged = ok(client, "/api/graph", limit=3, offset=0)
    assert paged["total"] == 10 and len(paged["edges"]) == 3


def test_timeline_orders_events_claims_and_reports(client: TestClient) -> None:
    tl = ok(client, "/api/timeline")
    assert [i["kind"] for i in tl["items"]] == ["claim", "event", "document"]
    assert tl["items"][0]["date"] == "2025-03-01" and tl["items"][0]["date_end"] == "2025-03-31"
    assert ok(client, "/api/timeline", since="2025-06")["total"] == 1


def test_convergence_pairs_come_with_signals(client: TestClient) -> None:
    pairs = ok(client, "/api/convergence", limit=2)
    assert pairs["total"] >= 2 and len(pairs["items"]) == 2
    top = pairs["items"][0]
    assert {top["a"]["id"], top["b"]["id"]} == {LET, ISKP}
    assert top["signals"] and top["signals"][0]["evidence"]


def test_brokers_and_changes(client: TestClient) -> None:
    brokers = ok(client, "/api/brokers")
    assert brokers["total"] >= 1 and all(b["score"] > 0 for b in brokers["items"])
    ch = ok(client, "/api/changes", since="2025-01-01", limit=2)
    assert ch["since"] == "2025-01-01"
    assert ch["totals"]["new_actors"] >= 2 and len(ch["new_actors"]) == 2
    assert_error(client.get("/api/changes"), 422, "bad_input")


# -- errors, security, spec -----------------------------------------------------------------------------


def test_errors_have_one_shape(client: TestClient) -> None:
    err = assert_error(client.get("/api/no/such/route"), 404, "not_found")
    assert "/api/no/such/route" in err["message"]
    assert_error(client.get("/no-page-here"), 404, "not_found")
    assert_error(client.get("/static/missing.js"), 404, "not_found")
    err = assert_error(client.get("/api/actors/nobody-at-all"), 404, "not_found")
    assert "nobody-at-all" in err["message"]
    err = assert_error(client.get("/api/claims", params={"limit": 0}), 422, "bad_input")
    assert err["detail"]["errors"][0]["where"] == "query.limit"
    assert_error(client.get("/api/claims", params={"since": "last week"}), 422, "bad_input")
    assert_error(client.delete("/api/actors"), 405, "method_not_allowed")
    assert_error(client.post("/api/documents", json={"text": ""}), 422, "bad_input")
    assert_error(client.post("/api/documents", json={"text": "   "}), 422, "bad_input")
    upload = client.post("/api/documents/upload", files={"file": ("notes.pdf", b"%PDF", "application/pdf")})
    assert "notes.pdf" in assert_error(upload, 422, "bad_input")["message"]


def test_security_headers_on_page_and_api(client: TestClient) -> None:
    for url in ("/", "/api/stats", "/static/js/main.js", "/api/nothing"):
        r = client.get(url)
        assert r.headers["content-security-policy"] == CONTENT_SECURITY_POLICY, url
        assert r.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'self'" in CONTENT_SECURITY_POLICY and "unsafe-inline" not in CONTENT_SECURITY_POLICY
    page = client.get("/").text
    assert '<script type="module" src="/static/js/main.js">' in page
    assert "<script>" not in page and " on" + "click=" not in page and "style=" not in page


def test_a_foreign_host_header_is_refused(client: TestClient) -> None:
    r = client.get("/api/stats", headers={"Host": "attacker.example"})
    assert "attacker.example" in assert_error(r, 400, "bad_request")["message"]
    assert client.get("/api/stats", headers={"Host": "localhost:8000"}).status_code == 200


def test_token_is_required_when_configured(db: Path) -> None:
    app = create_app(load_settings(env={}), db, token="s3cret")
    c = TestClient(app, base_url="http://127.0.0.1")
    err = assert_error(c.get("/api/stats"), 401, "unauthorized")
    assert err["detail"] == {"token": "missing"}
    wrong = c.get("/api/stats", headers={"Authorization": "Bearer nope"})
    assert assert_error(wrong, 401, "unauthorized")["detail"] == {"token": "wrong"}
    assert c.get("/api/stats", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    assert c.get("/api/stats", headers={"X-Claimgraph-Token": "s3cret"}).status_code == 200
    assert c.get("/").status_code == 200  # the page itself holds no data; it sends the token it is given
    assert c.get("/static/js/api.js").status_code == 200
    assert c.get("/api/openapi.json").status_code == 200


def test_token_from_settings_and_environment(db: Path) -> None:
    settings = load_settings(env={"CLAIMGRAPH_SERVER_TOKEN": "from-env"})
    c = TestClient(create_app(settings, db), base_url="http://127.0.0.1")
    assert c.get("/api/stats").status_code == 401
    assert c.get("/api/stats", headers={"X-Claimgraph-Token": "from-env"}).status_code == 200


def test_non_loopback_bind_needs_a_token(db: Path) -> None:
    settings = load_settings(env={})
    with pytest.raises(UsageError, match="without a token"):
        create_app(settings, db, bind_host="0.0.0.0")
    public = dataclasses.replace(settings, server=dataclasses.replace(settings.server, host="192.168.1.5"))
    with pytest.raises(UsageError):
        create_app(public, db)
    app = create_app(settings, db, bind_host="0.0.0.0", token="s3cret")
    c = TestClient(app, base_url="http://10.0.0.7")  # any Host is fine off loopback; the token guards it
    assert c.get("/api/stats", headers={"X-Claimgraph-Token": "s3cret"}).status_code == 200
    assert c.get("/api/stats").status_code == 401
    create_app(settings, db, bind_host="::1")  # loopback needs none


def test_serve_command_refuses_a_public_host_without_token(db: Path) -> None:
    import typer
    from typer.testing import CliRunner

    from claimgraph.cli import serve

    app = typer.Typer()
    serve.register(app)

    @app.callback()
    def _root() -> None:
        """Group callback so `serve` is invoked as a sub-command."""

    result = CliRunner().invoke(app, ["serve", "--db", str(db), "--host", "0.0.0.0"], env={})
    assert isinstance(result.exception, UsageError)
    assert "without a token" in result.exception.message


def test_serve_command_serves_the_page_and_api(db: Path) -> None:
    """`claimgraph serve` end to end, in a subprocess on a free loopback port."""
    port = free_port()
    cmd = [
        sys.executable,
        "-c",
        "from claimgraph.cli import main; main()",
        "serve",
        "--db",
        str(db),
        "--port",
        str(port),
    ]
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMGRAPH_SERVER")}
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.communicate()[1].decode()
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()["claims"] == 10
        page = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
        assert "claimgraph explorer" in page.text
        assert page.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_openapi_spec_validates_and_lists_every_route(client: TestClient) -> None:
    from openapi_spec_validator import validate

    spec = ok(client, "/api/openapi.json")
    validate(spec)
    expected = {
        "/api/stats",
        "/api/ontology",
        "/api/actors",
        "/api/actors/{actor_id}",
        "/api/claims",
        "/api/claims/{claim_id}",
        "/api/events",
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/documents/upload",
        "/api/graph",
        "/api/timeline",
        "/api/convergence",
        "/api/brokers",
        "/api/changes",
        "/api/explore/timeline",
        "/api/explore/documents",
        "/api/explore/map",
        "/api/explore/search",
        "/api/explore/meta",
        "/api/reviews",
        "/api/reviews/{review_id}/undo",
        "/api/statements",
    }
    assert expected <= set(spec["paths"])  # every route, new ones too, is held to docs/api.md by test_docs
    for path, item in spec["paths"].items():
        for method, op in item.items():
            schema = (
                op["responses"].get("404", {}).get("content", {}).get("application/json", {}).get("schema")
            )
            assert schema == {"$ref": "#/components/schemas/ErrorBody"}, (method, path)
    assert "post" in spec["paths"]["/api/documents"]
    for name in ("limit", "offset"):
        assert name in {p["name"] for p in spec["paths"]["/api/claims"]["get"]["parameters"]}


def test_untrusted_text_is_returned_as_data_not_markup(client: TestClient) -> None:
    doc_id = ok(client, "/api/documents")["items"][0]["id"]
    doc = client.get(f"/api/documents/{doc_id}")
    assert doc.headers["content-type"].startswith("application/json")
    assert "<script>alert('x')</script>" in doc.json()["text"]


@pytest.mark.model
def test_paste_and_upload_go_through_the_pipeline(tmp_path: Path, seed_path: Path, extractor: Any) -> None:
    db = tmp_path / "fresh.db"
    client = TestClient(
        create_app(load_settings(env={}), db, extractor=extractor), base_url="http://127.0.0.1"
    )
    assert ok(client, "/api/stats")["documents"] == 0
    text = seed_path.read_text("utf-8")
    r = client.post("/api/documents", json={"text": text, "name": "seed article.txt"})
    assert r.status_code == 200, r.text
    done = r.json()
    assert done["stored"] == 1 and done["claims"] > 0 and done["failed"] == 0
    assert ok(client, "/api/actors", q="Lashkar")["total"] >= 1
    doc = ok(client, f"/api/documents/{done['doc_ids'][0]}")
    assert "Lashkar-e-Taiba" in doc["text"] and any(s["kind"] == "claim" for s in doc["spans"])
    again = client.post("/api/documents", json={"text": text}).json()
    assert again["stored"] == 0 and again["duplicates"] == 1
    junk = client.post("/api/documents", json={"text": "Subscribe\nShare"}).json()
    assert junk["stored"] == 0 and junk["failed"] == 1  # not stored, and the answer says why
    assert junk["failures"][0]["source"] == "pasted.txt" and junk["failures"][0]["reason"]
    article = (
        "Peshawar: The Tehrik-i-Taliban Pakistan (TTP) has been receiving funds from the Islamic State "
        "Khorasan Province, a senior police official told Dawn on Monday.\n\nThe official said TTP commander "
        "Noor Wali Mehsud met ISKP leaders in Kunar province in January."
    )
    upload = client.post("/api/documents/upload", files={"file": ("dawn.txt", article.encode("utf-8"))})
    assert upload.status_code == 200, upload.text
    assert upload.json()["stored"] == 1, upload.json()
    assert ok(client, "/api/actors", q="Tehrik")["total"] >= 1
    assert ok(client, "/api/stats")["extractor_loaded"] is True
