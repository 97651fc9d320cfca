"""Serialisation boundaries: record → JSON → record and record → row → record are lossless; ids are stable."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from _sample import sample_extraction
from claimgraph.contract import (
    claim_from_json,
    claim_to_json,
    event_from_json,
    event_to_json,
    extraction_from_json,
    extraction_to_json,
)
from claimgraph.records import (
    Claim,
    EntityRef,
    Modality,
    PartialDate,
    Polarity,
    Precision,
    Source,
    SourceKind,
    Span,
    make_id,
    text_id,
)
from claimgraph.store import Store

names = st.text(min_size=1, max_size=30)
refs = st.builds(EntityRef, id=st.from_regex(r"ent_[0-9a-f]{16}", fullmatch=True), name=names)
dates = st.builds(
    PartialDate,
    value=st.sampled_from(["2025", "2025-03", "2025-03-14", "1970"]),
    precision=st.sampled_from(list(Precision)),
    text=st.text(max_size=20),
    end=st.none() | st.just("1989"),
)
sources = st.builds(Source, name=names, kind=st.sampled_from(list(SourceKind)), cue=st.none() | names)


@st.composite
def claims(draw: st.DrawFn) -> Claim:
    text = draw(st.text(min_size=5, max_size=80))
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start, len(text)))
    return Claim(
        id=make_id("clm", draw(names)), doc_id=text_id(text), subject=draw(refs),
        predicate=draw(st.sampled_from(["cooperates_with", "supports", "member_of"])),
        object=draw(st.none() | refs), evidence=Span(start, end, text[start:end]), source=draw(sources),
        polarity=draw(st.sampled_from(list(Polarity))), modality=draw(st.sampled_from(list(Modality))),
        role=draw(st.none() | names), time=draw(st.none() | dates), place=draw(st.none() | refs),
        cues=tuple(draw(st.lists(names, max_size=3))),
    )


@given(claims())
def test_claim_json_round_trip(claim: Claim) -> None:
    assert claim_from_json(json.loads(json.dumps(claim_to_json(claim)))) == claim


def test_extraction_json_round_trip() -> None:
    x = sample_extraction()
    assert extraction_from_json(json.loads(json.dumps(extraction_to_json(x)))) == x
    for ev in x.events:
        assert event_from_json(event_to_json(ev)) == ev


def test_ids_are_stable_and_distinct() -> None:
    assert make_id("clm", "a", 1, None) == make_id("clm", "a", 1, None)
    assert make_id("clm", "a", 1) != make_id("clm", "a1")
    assert text_id("x") == text_id("x") != text_id("y")


def test_store_round_trip_keeps_every_record(tmp_path) -> None:
    x = sample_extraction()
    with Store(tmp_path / "s.db") as store:
        assert store.save(x)
        assert sorted(store.claims(), key=lambda c: c.id) == sorted(x.claims, key=lambda c: c.id)
        assert store.events() == list(x.events)
        assert store.document(x.doc.id) == x.doc
