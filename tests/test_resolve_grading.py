"""Independence and grading: wire copies count once, denials are kept side by side, time travels."""

from __future__ import annotations

import pytest

from _resolve_helpers import Said, entity_id, report
from claimgraph.errors import ConfigError
from claimgraph.records import Modality, Polarity, SourceKind
from claimgraph.resolve import actors, dedup, grading
from claimgraph.store import Store

WIRE = (
    "QUETTA, Pakistan — Lashkar-e-Taiba has been working with the Islamic State Khorasan Province against "
    "Baloch insurgents in Balochistan, two security officials said on Tuesday. The officials, who spoke on "
    "condition of anonymity because they were not authorised to talk to reporters, said the two groups had "
    "shared safe houses in Mastung and Khuzdar districts since the spring. A spokesman for the provincial "
    "government did not respond to a request for comment. The province has seen a surge in attacks on "
    "security forces this year, with dozens of soldiers and police killed in ambushes on highways."
)
WIRE_COPY = WIRE.replace("on Tuesday", "on Tuesday, October 7").replace(
    "did not respond to a request for comment", "could not immediately be reached for comment"
) + " Reporting by a staff correspondent; editing by the desk."
INDEPENDENT = (
    "Indian intelligence agencies have picked up signs that the Lashkar-e-Tayyiba and ISKP are collaborating "
    "to target Baloch activists, sources in the Indian defence establishment told ThePrint. A picture of a "
    "recent meeting between the groups' commanders emerged last week."
)
DENIAL = (
    "A spokesman for Lashkar-e-Taiba's political front denied on Wednesday that the group had any link with "
    "Islamic State Khorasan Province, calling the reports propaganda."
)
LET, ISKP = "Lashkar-e-Taiba", "Islamic State Khorasan Province"
ORG = "armed_group"


def _wire(text: str, outlet: str):
    return report(text, outlet=outlet, names=[(LET, ORG), (ISKP, ORG)],
                  said=[Said(LET, "cooperates_with", ISKP, source="two security officials")])


def _independent():
    # the object first: cooperates_with is symmetric, so the order must not matter
    return report(INDEPENDENT, outlet="ThePrint", names=[("Lashkar-e-Tayyiba", ORG), ("ISKP", ORG)],
                  said=[Said("ISKP", "cooperates_with", "Lashkar-e-Tayyiba", source="sources",
                             cue="told ThePrint", modality=Modality.HEDGED)])


def _denial():
    return report(DENIAL, outlet="Dawn", names=[(LET, ORG), (ISKP, ORG)],
                  said=[Said(LET, "cooperates_with", ISKP, source="a spokesman for Lashkar-e-Taiba's front",
                             kind=SourceKind.NAMED_PERSON, cue="denied", polarity=Polarity.NEGATED)])


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "g.db") as s:
        s.save(_wire(WIRE, "Associated Press"), at="2025-10-07T10:00:00.000000Z")
        s.save(_wire(WIRE_COPY, "Daily Times"), at="2025-10-07T12:00:00.000000Z")
        s.save(_independent(), at="2025-10-08T09:00:00.000000Z")
        actors.resolve_new_entities(s)
        yield s


def test_wire_copies_are_one_group_and_the_independent_report_another() -> None:
    groups = dedup.group_documents([("a", WIRE), ("b", WIRE_COPY), ("c", INDEPENDENT), ("d", DENIAL)])
    by_doc = {d: g.id for g in groups for d in g.members}
    assert by_doc["a"] == by_doc["b"] == "a"
    assert by_doc["c"] == "c" and by_doc["d"] == "d"
    assert next(g for g in groups if g.id == "a").similarity["b"] > 0.5


def test_two_wire_copies_and_one_independent_report_corroborate_twice(store: Store) -> None:
    grades = grading.refresh(store)
    assert len(grades) == 3
    for g in grades.values():
        assert g.corroboration == 2, g
        assert len(g.independent_sources) == 2
        assert not g.disputed
    wire_claim = next(c for c in store.iter_claims() if c.source.name == "two security officials")
    g = grades[wire_claim.id]
    assert g.credibility == 2
    assert g.reason == "2: 2 independent sources (3 reports), anonymous source, not contradicted"
    assert len(g.supporting) == 2
    # the stored table answers the same
    assert grading.stored_grades(store)[wire_claim.id].corroboration == 2


def test_one_outlet_anonymous_source(tmp_path) -> None:
    with Store(tmp_path / "one.db") as store:
        store.save(_wire(WIRE, "Associated Press"))
        (g,) = grading.refresh(store).values()
    # the anonymous source is graded as such (F: cannot be judged), whatever the outlet's grade
    assert (g.credibility, g.reliability, g.corroboration) == (3, "F", 1)
    assert g.reason == "3: one outlet, anonymous source, not contradicted"


def test_a_denial_is_kept_beside_the_claim_and_both_are_disputed(store: Store) -> None:
    store.save(_denial(), at="2025-10-09T09:00:00.000000Z")
    actors.resolve_new_entities(store)
    grades = grading.refresh(store)
    claims = list(store.iter_claims())
    assert len(claims) == 4  # nothing overwritten
    denial = next(c for c in claims if c.polarity is Polarity.NEGATED)
    assert grades[denial.id].disputed and grades[denial.id].credibility == 5
    assert "disputed: affirmed by 2 sources" in grades[denial.id].reason
    for c in claims:
        if c.id != denial.id:
            g = grades[c.id]
            assert g.disputed and denial.id in g.contradicting
            assert g.credibility == 4 and g.corroboration == 2


def test_anonymous_source_quoted_via_the_outlet_it_spoke_to_counts_once(tmp_path) -> None:
    relay = ("Citing a report in ThePrint, a Pakistani daily wrote that sources in the Indian defence "
             "establishment believe Lashkar-e-Taiba is working with ISKP against Baloch fighters.")
    with Store(tmp_path / "relay.db") as store:
        store.save(_independent())
        store.save(report(relay, outlet="Daily Times", names=[(LET, ORG), ("ISKP", ORG)],
                          said=[Said(LET, "cooperates_with", "ISKP", source="sources", cue="told ThePrint")]))
        actors.resolve_new_entities(store)
        grades = grading.refresh(store)
    assert {g.corroboration for g in grades.values()} == {1}


def test_grades_as_of_a_date_and_claims_as_of(store: Store) -> None:
    early = grading.grade_claims(store, as_of="2025-10-07")
    assert len(early) == 2 and {g.corroboration for g in early.values()} == {1}
    assert len(store.claims(as_of="2025-10-07")) == 2  # a date includes that whole day
    assert len(store.claims(as_of="2025-10-06")) == 0
    assert len(store.claims(as_of="2025-10-08")) == 3
    assert len(store.claims(as_of="2025-10-07T11:00:00")) == 1


def test_claim_key_orders_symmetric_predicates_only() -> None:
    assert grading.claim_key("a", "cooperates_with", "b", "asserted") == grading.claim_key(
        "b", "cooperates_with", "a", "hedged")
    key = grading.claim_key
    assert key("a", "supports", "b", "asserted") != key("b", "supports", "a", "asserted")
    assert key("a", "attacked", "b", "intended") != key("a", "attacked", "b", "asserted")


def test_reliability_file_is_validated(tmp_path) -> None:
    bad = tmp_path / "rel.yaml"
    bad.write_text("outlets:\n  Reuters: Z\n", "utf-8")
    with pytest.raises(ConfigError, match="not one of A, B, C, D, E, F"):
        grading.load_reliability(bad)
    rel = grading.load_reliability()
    assert rel.of_source("anonymous", "sources", "Reuters") == "F"
    assert rel.of_source("outlet", "Reuters", "Reuters") == "B"
    assert rel.of_source("outlet", "x", "Unknown Gazette") == "F"


def test_merges_change_what_counts_as_the_same_claim(tmp_path) -> None:
    with Store(tmp_path / "m.db") as store:
        a, b = _wire(WIRE, "Associated Press"), _independent()
        store.save(a)
        store.save(b)
        before = grading.grade_claims(store)
        assert {g.corroboration for g in before.values()} == {1}  # nothing resolved yet: different actors
        actors.resolve_new_entities(store)
        after = grading.grade_claims(store)
        assert {g.corroboration for g in after.values()} == {2}
        j = actors.list_judgements(store, LET)[0]
        actors.undo(store, j.id)
        assert {g.corroboration for g in grading.grade_claims(store).values()} == {1}
        assert entity_id(a.doc.id, LET) != entity_id(b.doc.id, "Lashkar-e-Tayyiba")
