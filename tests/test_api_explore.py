"""The routes behind the explorer's linked views (/api/explore/...): one set of filters plus the selected actor
scope the time line (newest first), documents (titled, never by path) and map (located events and places);
actor search by prefix; place coordinates on actors; the grade and anonymity of a tie; paste metadata."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from _sample import actor_id, make_sample_store
from claimgraph.api import create_app
from claimgraph.api.explore import display_title
from claimgraph.api.ingest import _with_meta
from claimgraph.config import load_settings
from claimgraph.records import Document, Entity, Extraction, Place, Span, text_id
from claimgraph.store import Store
from claimgraph.store.resolution import save_place

MENGAL, BLA, MASTUNG = actor_id("mengal"), actor_id("bla"), actor_id("mastung")

NAMES_TEXT = "Al Jazeera reported that al-Qaeda and Jaish al-Adl issued statements. Kalat was quiet."


def mentions(text: str, form: str) -> tuple[Span, ...]:
    i = text.index(form)
    return (Span(i, i + len(form), form),)


@pytest.fixture()
def client(tmp_path: Path) -> TestClient:
    db = make_sample_store(tmp_path / "sample.db")
    untitled = Document(id=text_id(NAMES_TEXT), text=NAMES_TEXT, source="/data/inbox/names.txt", outlet="Dawn")
    entities = tuple(
        Entity(f"act_{key}", name, etype, (), mentions(NAMES_TEXT, name))
        for key, name, etype in (
            ("aj", "Al Jazeera", "publication"),
            ("aq", "al-Qaeda", "armed_group"),
            ("ja", "Jaish al-Adl", "armed_group"),
        )
    )
    with Store(db) as store:
        store.save(Extraction(doc=untitled, entities=entities))
        # Mastung as the place resolver stores it: GeoNames 1170395, the sample event's place.
        place = Place("Mastung", "Balochistan", "Pakistan", 1170395, precision="district", lat=29.79966, lon=66.84549)
        save_place(store, MASTUNG, "Mastung", place, "test fixture: GeoNames 1170395")
    return TestClient(create_app(load_settings(env={}), db), base_url="http://127.0.0.1")


def ok(client: TestClient, url: str, **params: Any) -> Any:
    r = client.get(url, params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_search_finds_a_word_start_inside_a_name(client: TestClient) -> None:
    names = [a["name"] for a in ok(client, "/api/explore/search", q="Al")["items"]]
    assert {"Al Jazeera", "al-Qaeda", "Jaish al-Adl"} <= set(names)
    assert names.index("Jaish al-Adl") > max(names.index("Al Jazeera"), names.index("al-Qaeda"))
    assert [a["name"] for a in ok(client, "/api/explore/search", q="qae")["items"]] == ["al-Qaeda"]
    assert ok(client, "/api/explore/search", q="%")["items"] == []  # LIKE wildcards are literal


def test_timeline_is_newest_first_and_scoped_by_actor_and_filters(client: TestClient) -> None:
    items = ok(client, "/api/explore/timeline")["items"]
    ends = [i["date_end"] for i in items]
    assert ends == sorted(ends, reverse=True) and len(items) == 3
    mengal = ok(client, "/api/explore/timeline", actor=MENGAL)["items"]
    assert [i["kind"] for i in mengal] == ["document"]  # Mengal's claims carry no date; the BLA attack is not his
    bla = ok(client, "/api/explore/timeline", actor=BLA, predicate=["member_of"])["items"]
    assert [i["kind"] for i in bla] == ["document", "event"]  # the attacked claim is filtered out; the event stays
    assert ok(client, "/api/explore/timeline", until="2024")["total"] == 0


def test_documents_are_scoped_and_titled_never_by_path(client: TestClient) -> None:
    everything = ok(client, "/api/explore/documents")["items"]
    titles = [d["display_title"] for d in everything]
    assert "ISKP & Lashkar converging" in titles
    assert "Dawn: “Al Jazeera reported that al-Qaeda and Jaish al-Adl issued statements.…”" in titles
    assert not any("/data/" in t for t in titles)
    scoped = ok(client, "/api/explore/documents", actor=MENGAL)
    assert [d["display_title"] for d in scoped["items"]] == ["ISKP & Lashkar converging"]
    assert scoped["items"][0]["matching_claims"] == 3
    assert display_title({"title": None, "outlet": None, "opening": ""}) == "untitled"


def test_map_places_events_with_coordinates(client: TestClient) -> None:
    data = ok(client, "/api/explore/map")
    [event] = data["events"]
    assert (event["lat"], event["lon"], event["place_actor"]) == (29.79966, 66.84549, MASTUNG)
    [place] = data["places"]
    assert place["name"] == "Mastung" and place["geonames_id"] == 1170395 and place["events"] == [event["id"]]
    assert len(place["claims"]) == 1  # ISKP based in Mastung
    assert ok(client, "/api/explore/map", actor=MENGAL) == {"events": [], "places": []}
    at_mastung = ok(client, "/api/explore/map", actor=MASTUNG)  # the event at the selected place stays
    assert [e["id"] for e in at_mastung["events"]] == [event["id"]]


def test_actor_carries_its_place(client: TestClient) -> None:
    place = ok(client, f"/api/actors/{MASTUNG}")["place"]
    assert place == {"name": "Mastung", "admin1": "Balochistan", "country": "Pakistan", "geonames_id": 1170395,
                     "precision": "district", "lat": 29.79966, "lon": 66.84549}
    assert ok(client, f"/api/actors/{MENGAL}")["place"] is None


def test_ties_carry_anonymity(client: TestClient) -> None:
    edges = ok(client, "/api/graph")["edges"]
    assert all(e["anonymous"] for e in edges)  # every sample claim is from an unnamed source
    assert all(e["grade"] is None for e in edges)  # nothing graded yet: no grade is invented


def test_paste_metadata_overrides_and_keeps_the_dateline() -> None:
    doc = Document(id="doc_1", text="QUETTA, March 3, 2025: ...", source="paste:pasted.txt")
    given = _with_meta(doc, {"url": "https://example.org/a", "outlet": "Dawn", "published": "2025-03-04"})
    assert isinstance(given, Document)
    assert (given.url, given.outlet, given.published.value if given.published else None) == (
        "https://example.org/a", "Dawn", "2025-03-04")
    assert given.id == doc.id  # metadata never changes the document's identity
    assert _with_meta(doc, {"url": None, "outlet": None, "published": None}) == doc


def test_paste_rejects_a_malformed_date(client: TestClient) -> None:
    r = client.post("/api/documents", json={"text": "x", "published": "March 2025"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "bad_input"


def test_place_line_for_the_cli() -> None:
    from claimgraph.store.explore import place_line

    row = {"name": "Mastung", "admin1": "Balochistan", "country": "Pakistan", "geonames_id": 1170395,
           "precision": "district", "lat": 29.79966, "lon": 66.84549}
    assert place_line(row) == "Mastung, Balochistan, Pakistan · GeoNames 1170395 · 29.7997, 66.8455 (district)"
    bare = {**row, "admin1": None, "geonames_id": None, "lat": None, "lon": None, "precision": None}
    assert place_line(bare) == "Mastung, Pakistan · not found in GeoNames · no coordinates"
