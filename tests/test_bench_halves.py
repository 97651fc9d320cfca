"""The honest-measurement parts of the bench: the tuning/test split and its fast slice, the bench's own actor and
place rules (independent of the product), the dev gold and conflict-note scorers, and fast floors."""

from __future__ import annotations

import ast
import json
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `bench` is a top-level folder beside src/, not an installed package
    sys.path.insert(0, str(ROOT))

from bench import check_floors, halved, raise_floors, scores_of  # noqa: E402
from bench.__main__ import fast_problems, markdown  # noqa: E402
from bench.split import fast_slice, half, select, text_key  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CASE = Path("case2021_task2_event_classification/task2/test_dataset/test_set_final_release_with_labels.tsv")


# -- the split ---------------------------------------------------------------------------------------------


def test_half_is_fixed_by_name_and_id() -> None:
    ids = [f"item-{i}" for i in range(400)]
    halves = [half("incidents", i) for i in ids]
    assert halves == [half("incidents", i) for i in ids]
    assert 150 < halves.count("test") < 250  # about half each
    assert [half("plover", i) for i in ids] != halves  # each benchmark splits its own way


def test_fast_slice_is_a_fixed_part_of_the_test_half_in_input_order() -> None:
    items = [{"id": f"x{i}"} for i in range(300)]
    key = lambda i: i["id"]  # noqa: E731
    chosen = fast_slice("incidents", items, key, n=40)
    assert len(chosen) == 40
    assert all(half("incidents", i["id"]) == "test" for i in chosen)
    assert [items.index(i) for i in chosen] == sorted(items.index(i) for i in chosen)
    assert fast_slice("incidents", list(reversed(items)), key, n=40) == list(reversed(chosen))
    assert [i["id"] for i in chosen[:5]] != [i["id"] for i in items if half("incidents", i["id"]) == "test"][:5]


def test_select_limits_each_half_and_fast_keeps_only_test() -> None:
    items = [f"x{i}" for i in range(100)]
    parts = select("zyte", items, str, limit=5)
    assert set(parts) == {"test", "tune"} and all(len(v) == 5 for v in parts.values())
    assert all(half("zyte", i) == w for w, v in parts.items() for i in v)
    assert set(select("zyte", items, str, fast=True)) == {"test"}


def test_text_key_ignores_surrounding_space() -> None:
    assert text_key(" A bomb exploded. ") == text_key("A bomb exploded.") and len(text_key("x")) == 16


def test_split_prints_only_a_tuning_half(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from bench.split import main

    folder = tmp_path / "wikipedia_major_terror_incidents_2016_2022"
    folder.mkdir()
    rows = [{"Description": f"Attack number {i}.", "Perpetrator": "X", "Dead": "1", "Injured": "0", "Country": "Mali"}
            for i in range(30)]
    (folder / "incidents.json").write_text(json.dumps(rows))
    main(["incidents", "--data", str(tmp_path)])
    printed = [json.loads(ln) for ln in capsys.readouterr().out.splitlines()]
    assert printed and all(half("incidents", p["id"]) == "tune" for p in printed)
    with pytest.raises(SystemExit):
        main(["incidents", "--half", "test", "--data", str(tmp_path)])


# -- results with two halves -------------------------------------------------------------------------------


def test_halved_results_flatten_to_test_and_tune_scores() -> None:
    test = {"benchmark": "b", "items": 3, "metrics": {"f1": 0.5}, "baselines": {"x": {"f1": 0.1}}, "notes": "n"}
    tune = {"benchmark": "b", "items": 4, "metrics": {"f1": 0.7}, "baselines": {}, "notes": "m"}
    r = halved(test, tune)
    assert r["tune"] == {"f1": 0.7} and r["tune_items"] == 4 and r["baselines"] == test["baselines"]
    assert scores_of([r]) == {"b.f1": 0.5, "b.f1.tune": 0.7}
    board = {"generated": "t", "environment": {}, "scores": scores_of([r]),
             "benchmarks": {"events": {"status": "ok", "ran": "t", "results": [r]}}}
    md = markdown(board, {"b.f1": {"min": 0.4}})
    assert "| `b.f1` | 0.500 | 0.700 | ≥ 0.400 |" in md
    assert "| metric | test | tune | x |" in md and "### b (3 test, 4 tuning items)" in md


# -- fast floors -------------------------------------------------------------------------------------------


def test_fast_floors_are_checked_and_raised_on_their_own() -> None:
    floors = {"a.f1": {"min": 0.8, "fast": 0.7}, "a.p95": {"max": 9.0, "fast": 12.0}, "b.f1": {"min": 0.5}}
    assert check_floors({"a.f1": 0.75, "a.p95": 11.0}, floors, fast=True) == []
    assert check_floors({"a.f1": 0.6, "a.p95": 13.0}, floors, fast=True) == [
        "a.f1 = 0.6 is below its fast-slice floor 0.7",
        "a.p95 = 13.0 is above its fast-slice ceiling 12.0",
    ]
    raised = raise_floors({"a.f1": 0.9, "a.p95": 10.0, "b.f1": 0.9}, floors, fast=True)
    assert raised == {"a.f1": {"min": 0.8, "fast": 0.9}, "a.p95": {"max": 9.0, "fast": 10.0}, "b.f1": {"min": 0.5}}
    assert raise_floors({"a.f1": 0.1}, floors, fast=True)["a.f1"]["fast"] == 0.7  # never lowered


def test_fast_run_excuses_only_benchmarks_without_their_gold() -> None:
    floors = {"devgold.claim_recall": {"min": 0.5, "fast": 0.5}, "events_incidents.city": {"min": 0.5, "fast": 0.5},
              "events_incidents.country": {"min": 0.5, "fast": 0.5}, "speed.words_per_s": {"min": 1.0}}
    entries = {
        "devgold": {"status": "ok", "results": [{"benchmark": "devgold", "metrics": {}, "notes": "skipped: none"}]},
        "events": {"status": "ok", "results": [{"benchmark": "events_incidents", "metrics": {"country": 0.9}}]},
        "speed": {"status": "skipped", "reason": "no fast slice"},
    }
    assert fast_problems(entries, floors) == ["events_incidents.city: has a floor but no score in the fast run"]
    entries["events"] = {"status": "failed", "reason": "boom"}
    assert fast_problems(entries, floors)[0] == "events failed: boom"


def test_harness_skips_a_benchmark_without_a_fast_slice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import types

    from bench.__main__ import run_one
    from rich.progress import Progress

    mod = types.ModuleType("bench.fake")
    mod.run = lambda data_dir, *, limit=None: [{"benchmark": "fake", "metrics": {"s": 1.0}}]  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "bench.fake", mod)
    with Progress(disable=True) as progress:
        assert run_one("fake", "fake", tmp_path, None, progress, fast=True)["status"] == "skipped"
        assert run_one("fake", "fake", tmp_path, None, progress)["status"] == "ok"


# -- the scorer is the bench's own -------------------------------------------------------------------------

SCORING = ["events.py", "names.py", "geo.py", "devgold.py", "claimgold.py", "conflict_notes.py", "split.py",
           "product.py", "attribution.py"]


@pytest.mark.parametrize("module", SCORING)
def test_scoring_code_imports_no_product_lexicon_gazetteer_or_resolver(module: str) -> None:
    tree = ast.parse((ROOT / "bench" / module).read_text("utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    banned = ("claimgraph.nlp", "claimgraph.ontology", "claimgraph.resolve", "claimgraph.extract.")
    assert not [m for m in imported if m.startswith(banned)], imported


def test_named_actors_by_table_acronym_and_plural() -> None:
    from bench.names import NONE, Aliases

    names = Aliases()  # the bench table only
    assert names.named_in("Baloch Liberation Army", "The BLA said it carried out the attack.")
    assert names.named_in("Tehreek-e-Labbaik Pakistan", "TLP workers blocked the road.")  # its acronym
    assert names.named_in("Houthis", "Houthi rebels fired a missile.")
    assert not names.named_in("Boko Haram", "Gunmen attacked a village.")
    assert names.same("ISIL", "Islamic State") and not names.same("ISKP", "Islamic State")
    assert names.same("ISKP", "Islamic State", lenient=True)
    assert names.same(NONE, NONE) and not names.same("Taliban", NONE)


def test_listings_are_read_from_the_data_folder(tmp_path: Path) -> None:
    from bench.names import OFAC_FTO, Aliases

    path = tmp_path / OFAC_FTO
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps([{"name": "JAYSH AL-FICTION (JAF)", "aliases": [{"name": "FICTION ARMY"}]}]))
    names = Aliases(tmp_path)
    assert names.named_in("Fiction Army", "JAF claimed it.")
    assert names.same("Jaysh al-Fiction", "Fiction Army")


def test_descriptive_actors_match_by_kind() -> None:
    from bench.names import descriptive_kind, same_actor

    assert descriptive_kind("unidentified gunmen") == "armed_unnamed"
    assert descriptive_kind("a US drone strike") == "state_force"
    assert descriptive_kind("Indian troops") == "state_force"
    assert descriptive_kind("Lashkar-e-Taiba") is None
    assert same_actor(["gunmen"], ["armed men"])
    assert same_actor(["security forces"], ["police"])
    assert not same_actor(["gunmen"], ["police"])
    assert not same_actor(["Islamic State"], ["militants"])


def test_countries_and_places_fold() -> None:
    from bench.geo import country_key, country_named, place_matches

    assert country_key("DR Congo") == country_key("Democratic Republic of the Congo") == "CD"
    assert country_key("Russia") == "RU" and country_key("In") != "IN"
    assert country_named("Afghanistan", "Afghan forces said.") and country_named("Pakistan", "A blast in Quetta.")
    assert not country_named("Nigeria", "A blast in Quetta.")
    assert place_matches("Khyber-Pakhtunkhwa", "Khyber Pakhtunkhwa") and place_matches("Peshawar", "X", ["peshawar"])
    assert not place_matches(None, "Quetta")


# -- incidents: city and province --------------------------------------------------------------------------


def test_incident_city_and_province_are_scored_against_their_gold() -> None:
    from bench.events import _score_incidents
    from bench.names import Aliases

    from claimgraph.records import Place

    rows = [{"id": "a", "Description": "Gunmen killed 3 in Quetta.", "Perpetrator": "Unknown", "Dead": "3",
             "Injured": "0", "Country": "Pakistan"},
            {"id": "b", "Description": "A bomb killed 2 in Peshawar.", "Perpetrator": "Unknown", "Dead": "2",
             "Injured": "0", "Country": "Pakistan"}]
    quetta = Place("Quetta", "Balochistan", "Pakistan", precision="city")
    kp = Place("Khyber Pakhtunkhwa", "Khyber Pakhtunkhwa", "Pakistan", precision="province")
    places = {"a": {"id": "a", "city": "Quetta", "admin1": "Baluchistan", "admin1_alt": ["Balochistan"]},
              "b": {"id": "b", "city": "Peshawar", "admin1": "Khyber-Pakhtunkhwa"}}
    score, denom = _score_incidents(rows, [("(none named)", 3, 0, "PK", quetta), ("(none named)", 2, 0, "PK", kp)],
                                    Aliases(), places)
    assert (score["city"], denom["city"], score["province"], denom["province"]) == (1, 2, 2, 2)
    assert score["perpetrator_strict"] == 2 and score["killed_exact"] == 2 and score["country"] == 2


# -- conflict notes ----------------------------------------------------------------------------------------


def _extraction(events: list[dict], entities: list[dict] | None = None):  # noqa: ANN202 - an Extraction
    from claimgraph.contract import extraction_from_json

    span = {"start": 0, "end": 1, "text": "x"}
    return extraction_from_json({
        "doc": {"id": "d", "text": "x", "source": "t"},
        "entities": entities or [],
        "events": [{"id": f"e{i}", "doc_id": "d", "type": "ASSAULT", "mode": "attack", "evidence": span,
                    "responsibility": "unknown", **e} for i, e in enumerate(events)],
    })


def test_conflict_notes_score_actor_place_and_fatalities(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bench import conflict_notes

    (tmp_path / CASE).parent.mkdir(parents=True)
    shutil.copy(FIXTURES / "case_fixture.tsv", tmp_path / CASE)
    police = {"id": "p", "name": "police", "type": "security_force", "mentions": [[0, 6]]}
    ttp = {"id": "t", "name": "Tehrik-i-Taliban Pakistan", "type": "armed_group", "aliases": ["TTP"]}
    preds = {
        "Police opened fire": _extraction(
            [{"perpetrators": [{"id": "p", "name": "police"}], "killed": {"min": 3, "max": 3},
              "place": {"name": "Mastung", "admin1": "Balochistan", "country": "Pakistan"}}], [police]),
        "TTP militants": _extraction(
            [{"perpetrators": [{"id": "t", "name": "TTP"}], "killed": {"min": 1, "max": 1},
              "place": {"name": "Bannu", "admin1": "Punjab", "country": "Pakistan"}}], [ttp]),
        "Unknown gunmen": _extraction([]),
    }
    monkeypatch.setattr(conflict_notes, "extract_texts",
                        lambda texts: [next(v for k, v in preds.items() if t.startswith(k)) for t in texts])
    [r] = conflict_notes.run(tmp_path, gold=FIXTURES / "gold" / "conflict_notes.jsonl")
    # ids 9004 and 9006 are in CASE's test half, 9001 in its tuning half
    assert r["items"] == 2 and r["tune_items"] == 1
    assert r["metrics"] == {"named_armed_actor": 1.0, "location": 1.0, "admin1": 0.5, "fatalities": 0.5}
    assert r["tune"] == {"location": 0.0, "admin1": 0.0, "fatalities": 1.0}
    [skipped] = conflict_notes.run(tmp_path, gold=tmp_path / "absent.jsonl")
    assert skipped["metrics"] == {} and skipped["notes"].startswith("skipped")


# -- dev gold ----------------------------------------------------------------------------------------------


def _pred_line(doc_id: str, events: list[dict], entities: list[dict], claims: list[dict] | None = None) -> dict:
    return {"doc": {"id": "h" + doc_id, "raw_id": doc_id}, "entities": entities, "claims": claims or [],
            "events": events, "error": None}


def test_devgold_scores_claims_events_and_descriptive_perpetrators() -> None:
    from bench.devgold import load, score

    gold = [i["gold"] for i in load(FIXTURES / "devgold")]
    isk = {"id": "k", "name": "ISKP", "type": "armed_group", "mention_texts": ["ISKP"]}
    troops = {"id": "s", "name": "troops", "type": "security_force", "mention_texts": ["troops"]}
    let = {"id": "l", "name": "Lashkar-e-Jhangvi", "type": "armed_group"}
    quetta = [
        {"type": "ASSAULT", "mode": "attack", "perpetrators": [{"id": "k", "name": "ISKP"}], "targets": [],
         "place": {"name": "Quetta"}, "killed": {"min": 61, "max": 61}},
        {"type": "ASSAULT", "mode": "attack", "perpetrators": [], "targets": [], "place": None, "killed": None},
    ]
    claims = [{"subject": {"id": "l", "name": "Lashkar-e-Jhangvi"}, "predicate": "cooperates_with",
               "object": {"id": "k", "name": "ISKP"}, "modality": "asserted", "polarity": "affirmed",
               "source": {"kind": "anonymous", "name": "a senior security official"}}]
    kurram = [{"type": "FIGHT", "mode": "clash", "perpetrators": [{"id": "s", "name": "troops"}], "targets": [],
               "place": {"name": "Kurram"}, "killed": {"min": 5, "max": 5}}]
    pred = [_pred_line("fx-quetta-college", quetta, [isk, let], claims),
            _pred_line("fx-kurram-clash", kurram, [troops])]
    m = score(gold, pred)["metrics"]
    assert (m["claim_precision"], m["claim_recall"], m["claim_source_kind"]) == (1.0, 0.5, 1.0)
    assert m["event_records_per_incident"] == 1.5  # three violent records for two incidents
    assert (m["event_recall"], m["perpetrator"], m["place"], m["killed"]) == (1.0, 1.0, 1.0, 0.5)
    kurram[0]["perpetrators"] = [{"id": "t", "name": "Taliban"}]  # a named guess for "security forces" is wrong
    pred[1] = _pred_line("fx-kurram-clash", kurram, [{"id": "t", "name": "Taliban", "type": "armed_group"}])
    assert score(gold, pred)["metrics"]["perpetrator"] == 0.5


def test_devgold_skips_without_files_and_splits_documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bench import devgold

    [r] = devgold.run(tmp_path, folder=tmp_path / "devgold")
    assert r["metrics"] == {} and r["notes"].startswith("skipped")
    seen: list[list[str]] = []

    def fake_extract(docs):  # noqa: ANN001, ANN202
        docs = list(docs)
        seen.append([d["id"] for d in docs])
        return [_pred_line(d["id"], [], []) for d in docs]

    monkeypatch.setattr(devgold, "extract_docs", fake_extract)
    [r] = devgold.run(tmp_path, folder=FIXTURES / "devgold")
    assert seen == [["fx-quetta-college"], ["fx-kurram-clash"]]  # test half, then tuning half
    assert r["items"] == 1 and r["tune_items"] == 1 and r["metrics"]["event_recall"] == 0.0
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "gold_x.jsonl").write_text('{"doc": {"id": "nope"}}\n')
    with pytest.raises(ValueError, match="no document 'nope'"):
        devgold.run(tmp_path, folder=tmp_path / "bad")


def test_devgold_tuning_errors_read_only_the_tuning_half(monkeypatch: pytest.MonkeyPatch) -> None:
    from bench import devgold

    seen: list[str] = []

    def fake_extract(docs):  # noqa: ANN001, ANN202
        docs = list(docs)
        seen.extend(d["id"] for d in docs)
        return [_pred_line(d["id"], [], []) for d in docs]

    monkeypatch.setattr(devgold, "extract_docs", fake_extract)
    errors = devgold.tuning_errors(FIXTURES / "devgold")
    assert seen == ["fx-kurram-clash"]  # the tuning half only
    assert errors and all(e.startswith("fx-kurram-clash: missed") for e in errors)


@pytest.mark.model
def test_devgold_fixture_runs_through_the_product(tmp_path: Path) -> None:
    """The dev gold runs the product as `claimgraph extract` does: ids come back as raw_id, dates parsed."""
    from bench import devgold

    lines = devgold.extract_docs(i["doc"] for i in devgold.load(FIXTURES / "devgold"))
    assert [ln["doc"]["raw_id"] for ln in lines] == ["fx-quetta-college", "fx-kurram-clash"]
    assert lines[0]["doc"]["published"] == "2016-10-25" and not any(ln["error"] for ln in lines)
    [r] = devgold.run(tmp_path, folder=FIXTURES / "devgold")
    assert r["items"] == 1 and r["tune_items"] == 1
    assert all(0.0 <= v <= 5.0 for v in [*r["metrics"].values(), *r["tune"].values()])


def test_conflict_note_fatalities_accept_their_alternatives() -> None:
    from bench.conflict_notes import score_notes
    from bench.names import Aliases

    note = {"id": "1", "actor1": None, "actor1_kind": None, "location": None, "admin1": None, "fatalities": 12,
            "fatalities_alt": [10]}
    x = _extraction([{"perpetrators": [], "killed": {"min": 10, "max": 10}}])
    assert score_notes([note], [x], Aliases())["metrics"] == {"fatalities": 1.0}
    assert score_notes([dict(note, fatalities_alt=[])], [x], Aliases())["metrics"] == {"fatalities": 0.0}


def test_claimgold_scores_claims_only_on_its_own_split(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bench import claimgold

    [r] = claimgold.run(tmp_path, folder=tmp_path / "claimgold")
    assert r["metrics"] == {} and r["notes"].startswith("skipped")
    seen: list[list[str]] = []

    def fake_extract(docs):  # noqa: ANN001, ANN202
        docs = list(docs)
        seen.append([d["id"] for d in docs])
        claims = [{"subject": {"id": "l", "name": "Lashkar-e-Jhangvi"}, "predicate": "cooperates_with",
                   "object": {"id": "k", "name": "Islamic State Khorasan Province"}, "modality": "asserted",
                   "polarity": "affirmed", "source": {"kind": "anonymous"}}]
        return [_pred_line(d["id"], [], [], claims if d["id"] == "fx-quetta-college" else []) for d in docs]

    monkeypatch.setattr(claimgold, "extract_docs", fake_extract)
    [r] = claimgold.run(tmp_path, folder=FIXTURES / "devgold", fast=True)  # the fast slice: no learned column
    assert seen == [["fx-quetta-college", "fx-kurram-clash"]] and r["baselines"] == {}
    assert (r["metrics"]["claim_precision"], r["metrics"]["claim_recall"]) == (1.0, 0.5)
    assert "event_recall" not in r["metrics"]
