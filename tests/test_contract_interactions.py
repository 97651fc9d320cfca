"""The contract lists a document's incidents as `events` and its other PLOVER records as `interactions`."""

from __future__ import annotations

import json

from _extract_helpers import extract_text
from claimgraph.contract import extraction_from_json, extraction_to_json
from claimgraph.ontology import load_ontology


def test_incidents_are_events_and_statements_are_interactions() -> None:
    text = ("Pakistan condemned the attack on Monday. Gunmen killed five police officers in Quetta on Monday, "
            "police said. Police arrested two suspects in Quetta on Tuesday.")
    x = extract_text(text)
    line = extraction_to_json(x)
    assert {e["type"] for e in line["events"]} <= {"ASSAULT", "COERCE"} and line["events"]
    assert [e["type"] for e in line["interactions"]] == ["DISAPPROVE"]
    # nothing lost: the two lists hold every record, and read back in the order they were extracted
    assert sorted(e["seq"] for e in line["events"] + line["interactions"]) == list(range(len(x.events)))
    assert extraction_from_json(json.loads(json.dumps(line))) == x


def test_bans_and_sanctions_are_no_incidents() -> None:
    ontology = load_ontology()
    assert ontology.is_incident("COERCE", "arrest") and ontology.is_incident("FIGHT", "clash")
    assert not ontology.is_incident("COERCE", "ban") and not ontology.is_incident("COERCE", "sanction")
    assert not ontology.is_incident("CONSULT", "meeting") and not ontology.is_incident("AGREE", "alliance")


def test_a_line_written_before_the_split_reads_back() -> None:
    x = extract_text("Gunmen killed five police officers in Quetta on Monday, police said.")
    line = extraction_to_json(x)
    for e in line["events"]:
        del e["seq"]
    del line["interactions"]
    incidents = tuple(e for e in x.events if load_ontology().is_incident(e.type, e.mode))
    assert incidents and extraction_from_json(line).events == incidents
