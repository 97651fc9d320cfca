"""The scorer: alias-aware name matching, and each task's counts on small hand-made gold/pred pairs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from _sample import sample_extraction
from claimgraph.contract import extraction_to_json
from claimgraph.errors import InputError
from claimgraph.score import (
    Names,
    Strength,
    acronyms,
    forbidden_hits,
    match,
    normalise,
    read_jsonl,
    score_claims,
    score_entities,
    score_events,
    score_text,
)


@pytest.mark.parametrize(
    ("a", "b", "strength"),
    [
        ("The Lashkar-e-Taiba", "lashkar e taiba", Strength.EXACT),
        ("ISKP’s", "ISKP", Strength.EXACT),
        ("Baloch Liberation Army", "Balóch Liberation Army", Strength.EXACT),
        ("ISKP", "Islamic State Khorasan Province", Strength.ACRONYM),
        ("LeT", "Lashkar-e-Taiba", Strength.ACRONYM),
        ("TTP", "Tehrik-i-Taliban Pakistan", Strength.ACRONYM),
        ("I.S.I.", "Inter-Services Intelligence", Strength.ACRONYM),
        ("Lashkar-e-Tayyaba", "Lashkar e Tayyiba", Strength.FUZZY),
        ("Islamic State", "ISKP", None),
        ("Jamaat-ul-Ahrar", "Jaish-ul-Adl", None),
        ("Google", "YouTube", None),
    ],
)
def test_name_matching(a: str, b: str, strength: Strength | None) -> None:
    assert match(Names.of([a]), Names.of([b])) == strength
    assert match(Names.of([b]), Names.of([a])) == strength


def test_surname_only_for_people() -> None:
    assert match(Names.of(["Mengal"], "person"), Names.of(["Mir Shafiq Mengal"])) == Strength.SURNAME
    assert match(Names.of(["Province"]), Names.of(["Khorasan Province"])) is None


def test_normalise_and_acronyms() -> None:
    assert normalise("The ISI’s") == "isi"
    assert normalise("  Théâtre--Group ") == "theatre group"
    assert acronyms("Lashkar-e-Taiba") == {"let", "lt"}
    assert acronyms("LeT") == {"let"}
    assert acronyms("Mastung") == frozenset()


def _doc(key: str, **parts: object) -> dict:
    return {"doc": {"id": key}, **parts}


def test_entities_alias_aware_with_counts() -> None:
    gold = [
        _doc(
            "r1",
            entities=[
                {"name": "Islamic State Khorasan Province", "type": "armed_group"},
                {"name": "Inter-Services Intelligence", "aliases": ["ISI"], "type": "agency"},
                {"name": "Mastung", "type": "place"},
            ],
        )
    ]
    pred = [
        _doc(
            "r1",
            entities=[
                {"id": "e1", "name": "ISKP", "type": "armed_group"},
                {"id": "e2", "name": "the ISI", "type": "armed_group"},
                {"id": "e3", "name": "Google", "type": "organisation"},
            ],
        )
    ]
    s = score_entities(gold, pred)
    assert (s.tp, s.fp, s.fn) == (2, 1, 1)
    assert s.precision == pytest.approx(2 / 3)
    assert s.recall == pytest.approx(2 / 3)
    assert s.fields["type"].correct == 1 and s.fields["type"].total == 2
    assert s.missed == ("r1: Mastung",)
    assert s.spurious == ("r1: Google",)


def test_mention_texts_count_as_aliases() -> None:
    gold = [_doc("r1", entities=["Lashkar-e-Taiba"])]
    pred = [
        _doc(
            "r1",
            entities=[
                {
                    "id": "e1",
                    "name": "Lashkar",
                    "type": "armed_group",
                    "mention_texts": ["Lashkar", "Lashkar-e-Taiba"],
                }
            ],
        )
    ]
    assert score_entities(gold, pred).recall == 1.0


def test_each_prediction_pairs_once() -> None:
    gold = [_doc("r1", entities=["ISKP", "Islamic State Khorasan Province"])]
    pred = [_doc("r1", entities=[{"id": "e1", "name": "ISKP", "type": "armed_group"}])]
    s = score_entities(gold, pred)
    assert (s.tp, s.fn) == (1, 1)


def test_documents_pair_by_raw_id_and_missing_ones_count() -> None:
    gold = [_doc("a", entities=["BLA"]), _doc("b", entities=["ISI", "LeT"])]
    pred = [
        {
            "doc": {"id": "doc_123", "raw_id": "a"},
            "entities": [{"id": "x", "name": "BLA", "type": "armed_group"}],
        }
    ]
    s = score_entities(gold, pred)
    assert (s.tp, s.fn, s.docs) == (1, 2, 2)
    assert s.missing_docs == ("b",)


def test_events_type_gates_and_attributes() -> None:
    gold = [
        _doc(
            "r1",
            events=[
                {
                    "type": "ASSAULT",
                    "perpetrators": ["BLA"],
                    "place": "Mastung",
                    "date": "2025-03",
                    "killed": 30,
                },
                {"type": "CONSULT", "perpetrators": ["Mengal"]},
            ],
        )
    ]
    pred = [
        _doc(
            "r1",
            events=[
                {
                    "type": "ASSAULT",
                    "mode": "attack",
                    "perpetrators": [{"id": "e", "name": "Baloch Liberation Army"}],
                    "place": {"name": "Mastung"},
                    "date": "2025-03-10",
                    "killed": {"min": 28, "max": 30},
                },
                {"type": "COERCE", "mode": "arrest", "perpetrators": [{"id": "p", "name": "police"}]},
            ],
        )
    ]
    s = score_events(gold, pred)
    assert (s.tp, s.fp, s.fn) == (1, 1, 1)
    assert {k: (f.correct, f.total) for k, f in s.fields.items()} == {
        "perpetrator": (1, 1),
        "place": (1, 1),
        "date": (1, 1),
        "killed": (1, 1),
    }


def test_event_date_less_precise_is_wrong() -> None:
    gold = [_doc("r1", events=[{"type": "ASSAULT", "date": "2025-03"}])]
    pred = [_doc("r1", events=[{"type": "ASSAULT", "date": "2025"}])]
    assert score_events(gold, pred).fields["date"].correct == 0


def test_claims_symmetric_alternatives_and_attributes() -> None:
    gold = [
        _doc(
            "r1",
            claims=[
                {
                    "subject": "LeT",
                    "predicate": ["cooperates_with", "associated_with"],
                    "object": "ISKP",
                    "source": {"kind": ["anonymous", "organisation"]},
                },
                {
                    "subject": "ISKP",
                    "predicate": "targets",
                    "object": "Kashmir",
                    "modality": ["intended", "hedged"],
                },
            ],
        )
    ]
    pred = [
        _doc(
            "r1",
            claims=[
                {
                    "subject": {"id": "a", "name": "Islamic State Khorasan Province"},
                    "predicate": "cooperates_with",
                    "object": {"id": "b", "name": "Lashkar-e-Taiba"},
                    "modality": "hedged",
                    "polarity": "affirmed",
                    "source": {"name": "a source", "kind": "outlet"},
                },
                {
                    "subject": {"id": "a", "name": "ISKP"},
                    "predicate": "targets",
                    "object": {"id": "c", "name": "Jammu and Kashmir"},
                    "modality": "asserted",
                    "source": {"name": "sources", "kind": "anonymous"},
                },
            ],
        )
    ]
    s = score_claims(gold, pred)
    assert (s.tp, s.fn, s.fp) == (1, 1, 1)  # "Jammu and Kashmir" is not "Kashmir" without an alias
    assert s.fields["source_kind"].correct == 0  # reported as the outlet's own fact
    gold[0]["entities"] = [{"name": "Kashmir", "aliases": ["Jammu and Kashmir"]}]
    s = score_claims(gold, pred)
    assert s.tp == 2
    assert s.fields["modality"].correct == 0


def test_directed_claim_reversed_is_missed() -> None:
    gold = [_doc("r1", claims=[{"subject": "ISI", "predicate": "supports", "object": "ISKP"}])]
    pred = [
        _doc(
            "r1",
            claims=[
                {
                    "subject": {"id": "1", "name": "ISKP"},
                    "predicate": "supports",
                    "object": {"id": "2", "name": "ISI"},
                }
            ],
        )
    ]
    assert score_claims(gold, pred).tp == 0


def test_a_relation_repeated_in_several_sentences_counts_once() -> None:
    def claim(s: str, o: str, polarity: str = "affirmed") -> dict:
        return {"subject": {"id": s, "name": s}, "predicate": "supports", "object": {"id": o, "name": o},
                "polarity": polarity}

    gold = [_doc("r1", claims=[{"subject": "ISI", "predicate": "supports", "object": "ISKP"}])]
    pred = [_doc("r1", claims=[claim("ISI", "ISKP"), claim("ISI", "ISKP"),  # found twice: one right claim
                               claim("ISI", "TTP"), claim("ISI", "TTP"),  # a wrong one twice: one error
                               claim("ISI", "ISKP", "negated")])]  # the denial is a relation of its own
    s = score_claims(gold, pred)
    assert (s.tp, s.fp, s.fn) == (1, 2, 0)


def test_text_token_scores() -> None:
    gold = [{"id": "p1", "text": "Militants attacked a camp in Mastung."}]
    pred = [{"doc": {"id": "x", "raw_id": "p1", "text": "Militants attacked a camp in Mastung. Subscribe now"}}]
    s = score_text(gold, pred)
    assert (s.tp, s.fp, s.fn) == (6, 2, 0)
    assert s.recall == 1.0 and s.precision == pytest.approx(0.75)
    assert s.extra["macro_f1"] == pytest.approx(2 * 0.75 / 1.75)
    assert score_text(gold + [{"id": "p2", "text": "nothing"}], pred).extra["macro_f1"] < s.extra["macro_f1"]


def test_forbidden_hits_exact_or_acronym_only() -> None:
    pred = [
        _doc(
            "r1",
            entities=[
                {"id": "1", "name": "YouTube", "type": "organisation"},
                {"id": "2", "name": "Malik", "type": "person"},
            ],
        )
    ]
    assert forbidden_hits(pred, ["Google", "YouTube", "Yasin Malik"]) == ["YouTube"]


def test_extraction_records_score_like_their_json() -> None:
    x = sample_extraction()
    as_json = extraction_to_json(x)
    gold = [{"doc": {"id": x.doc.id}, "entities": [e["name"] for e in as_json["entities"]]}]
    assert score_entities(gold, [x]).recall == 1.0
    assert score_entities(gold, [as_json]).to_dict() == score_entities(gold, [x]).to_dict()


def test_read_jsonl_names_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "x"}) + "\n\n{oops\n", "utf-8")
    with pytest.raises(InputError, match=r"gold.jsonl:3"):
        list(read_jsonl(path))


def test_gold_claim_without_predicate_is_an_input_error() -> None:
    with pytest.raises(InputError, match="subject and a predicate"):
        score_claims([_doc("r1", claims=[{"subject": "ISI"}])], [])


def test_equal_name_matches_prefer_the_prediction_with_the_gold_attributes() -> None:
    gold = [
        _doc(
            "r1",
            claims=[
                {"subject": "LeT", "predicate": "cooperates_with", "object": "ISKP", "source": {"kind": "anonymous"}}
            ],
        )
    ]
    claim = {
        "subject": {"id": "a", "name": "LeT"},
        "predicate": "cooperates_with",
        "object": {"id": "b", "name": "ISKP"},
    }
    pred = [
        _doc(
            "r1",
            claims=[
                {**claim, "source": {"name": "ThePrint", "kind": "outlet"}},
                {**claim, "source": {"name": "sources", "kind": "anonymous"}},
            ],
        )
    ]
    s = score_claims(gold, pred)
    # the outlet's copy of the same relation is neither a second hit nor an error (one relation, one count)
    assert (s.tp, s.fp) == (1, 0)
    assert s.fields["source_kind"].correct == 1
