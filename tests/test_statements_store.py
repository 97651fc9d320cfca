"""Statements stored and queried: the store, `claimgraph statements` and `/api/statements` answer alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from claimgraph.api import create_app
from claimgraph.cli import app
from claimgraph.config import load_settings
from claimgraph.records import (
    Document,
    Entity,
    EntityRef,
    Extraction,
    PartialDate,
    Precision,
    Span,
    Statement,
    StatementKind,
    text_id,
)
from claimgraph.store import Store

TEXT_A = ("Interior Minister Mohsin Naqvi said the Pakistani Taliban carried out the attack. "
          "It is understood that the Pakistani Taliban regrouped in Kunar.")
TEXT_B = "Officials said the Baloch Liberation Army had planned the ambush for weeks."


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), part)


def _extractions() -> list[Extraction]:
    a = Document(text_id(TEXT_A), TEXT_A, outlet="Dawn", published=PartialDate("2024-03-02", Precision.DAY))
    b = Document(text_id(TEXT_B), TEXT_B, outlet="Dawn", published=PartialDate("2025-01-10", Precision.DAY))
    naqvi = Entity("ent_naqvi", "Mohsin Naqvi", "person", mentions=(_span(TEXT_A, "Mohsin Naqvi"),))
    ttp = Entity("ent_ttp", "Tehrik-i-Taliban Pakistan", "armed_group",
                 mentions=(_span(TEXT_A, "Pakistani Taliban"),
                           Span(TEXT_A.rindex("Pakistani Taliban"), TEXT_A.rindex("Pakistani Taliban") + 17,
                                "Pakistani Taliban")))
    bla = Entity("ent_bla", "Balochistan Liberation Army", "armed_group",
                 mentions=(_span(TEXT_B, "Baloch Liberation Army"),))
    said = Statement("st_a1", a.id, _span(TEXT_A, "said"),
                     _span(TEXT_A, "the Pakistani Taliban carried out the attack"), StatementKind.NAMED,
                     _span(TEXT_A, "Interior Minister Mohsin Naqvi"), EntityRef("ent_naqvi", "Mohsin Naqvi"))
    understood = Statement("st_a2", a.id, _span(TEXT_A, "is understood"),
                           _span(TEXT_A, "the Pakistani Taliban regrouped in Kunar"), StatementKind.NONE)
    officials = Statement("st_b1", b.id, _span(TEXT_B, "said"),
                          _span(TEXT_B, "the Baloch Liberation Army had planned the ambush for weeks"),
                          StatementKind.ANONYMOUS, _span(TEXT_B, "Officials"))
    return [Extraction(doc=a, entities=(naqvi, ttp), attributions=(said, understood)),
            Extraction(doc=b, entities=(bla,), attributions=(officials,))]


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "st.db"
    with Store(path) as store:
        for x in _extractions():
            store.save(x)
    return path


def test_the_store_answers_by_source_topic_and_date(db: Path) -> None:
    with Store(db, readonly=True) as store:
        assert [r.statement.id for r in store.statements()] == ["st_a1", "st_a2", "st_b1"]
        assert [r.statement.id for r in store.statements(source="Mohsin Naqvi")] == ["st_a1"]
        assert [r.statement.id for r in store.statements(source="officials")] == ["st_b1"]
        assert [r.statement.id for r in store.statements(about="Tehrik-i-Taliban Pakistan")] == ["st_a1", "st_a2"]
        assert [r.statement.id for r in store.statements(since="2025-01-01")] == ["st_b1"]
        round_trip = store.statements(source="Mohsin Naqvi")[0].statement
    assert round_trip == _extractions()[0].attributions[0]


def test_reextraction_replaces_a_documents_statements(db: Path) -> None:
    x = _extractions()[0]
    with Store(db) as store:
        store.replace_extraction(Extraction(doc=x.doc, entities=x.entities, attributions=x.attributions[:1]),
                                 extractor="test")
        assert [r.statement.id for r in store.statements(doc_id=x.doc.id)] == ["st_a1"]


def test_cli_lists_statements(db: Path) -> None:
    result = CliRunner().invoke(app, ["statements", "--db", str(db), "--about", "Tehrik-i-Taliban Pakistan"])
    assert result.exit_code == 0, result.output
    assert "Interior Minister Mohsin Naqvi" in result.output and "is understood" in result.output
    assert "2 statements" in result.output
    result = CliRunner().invoke(app, ["statements", "--db", str(db), "--since", "2025", "--json"])
    [line] = result.output.splitlines()
    assert json.loads(line)["source"]["text"] == "Officials"
    bad = CliRunner().invoke(app, ["statements", "--db", str(db), "--since", "last week"])
    assert bad.exit_code != 0


def test_api_pages_statements(db: Path) -> None:
    client = TestClient(create_app(load_settings(env={}), db), base_url="http://127.0.0.1")
    body = client.get("/api/statements", params={"limit": 2}).json()
    assert body["total"] == 3 and len(body["items"]) == 2
    first = body["items"][0]
    assert first["kind"] == "named" and first["source_actor"]["name"] == "Mohsin Naqvi"
    assert first["document"]["outlet"] == "Dawn" and first["document"]["published"] == "2024-03-02"
    only = client.get("/api/statements", params={"source": "officials"}).json()
    assert [i["id"] for i in only["items"]] == ["st_b1"]
    assert client.get("/api/statements", params={"since": "yesterday"}).status_code == 422


def test_bulk_loading_stores_statements_too(tmp_path: Path) -> None:
    from claimgraph.store.bulk import bulk_save

    with Store(tmp_path / "bulk.db") as store:
        assert bulk_save(store, _extractions()) == 2
        assert [r.statement.id for r in store.statements()] == ["st_a1", "st_a2", "st_b1"]


def test_a_denial_and_the_allegation_it_denies_appear_together(tmp_path: Path) -> None:
    text = ("Officials said the Baloch Liberation Army had planned the ambush. "
            "The Baloch Liberation Army denied any role in the ambush.")
    doc = Document(text_id(text), text, published=PartialDate("2025-02-01", Precision.DAY))
    alleged = Statement("st_x1", doc.id, _span(text, "said"),
                        _span(text, "the Baloch Liberation Army had planned the ambush"), StatementKind.ANONYMOUS,
                        _span(text, "Officials"))
    denied = Statement("st_x2", doc.id, _span(text, "denied"), _span(text, "any role in the ambush"),
                       StatementKind.ORGANISATION, Span(66, 93, text[66:93]), EntityRef("ent_bla", "BLA"),
                       denies="st_x1")
    with Store(tmp_path / "d.db") as store:
        bla = Entity("ent_bla", "Baloch Liberation Army", "armed_group", aliases=("BLA",),
                     mentions=(Span(66, 93, text[66:93]),))
        store.save(Extraction(doc=doc, entities=(bla,), attributions=(alleged, denied)))
        for query in ({"source": "officials"}, {"source": "BLA"}):
            rows = store.statements(**query)  # type: ignore[arg-type]
            assert [r.statement.id for r in rows] == ["st_x1", "st_x2"], query
            assert [r.opposed for r in rows] == [("st_x2",), ("st_x1",)]
