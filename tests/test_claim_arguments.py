"""A claim names identifiable actors: a described actor with no one to identify belongs in events only."""

from __future__ import annotations

from claimgraph.extract.claim_arguments import drop_unidentified, unidentifiable
from claimgraph.nlp.descriptive import load_descriptions
from claimgraph.records import Claim, Entity, EntityRef, Source, SourceKind, Span


def _claim(subject: EntityRef, obj: EntityRef) -> Claim:
    return Claim(id=f"clm_{subject.id}_{obj.id}", doc_id="d", subject=subject, predicate="supports", object=obj,
                 evidence=Span(0, 4, "text"), source=Source("the report", SourceKind.OUTLET))


def test_unidentified_and_countryless_descriptions_leave_claims_state_forces_stay() -> None:
    rule = unidentifiable(load_descriptions())
    aq = Entity("act_aq", "al-Qaeda", "armed_group", (), ())
    ents = [aq,
            Entity("dsc_1", "Unidentified Armed Group (Pakistan)", "armed_group", (), (), kind="descriptive"),
            Entity("dsc_2", "military forces", "agency", (), (), kind="descriptive"),
            Entity("dsc_3", "Pakistani security establishment", "state", (), (), kind="descriptive")]
    refs = {e.id: EntityRef(e.id, e.name) for e in ents}
    claims = [_claim(refs["dsc_1"], refs["act_aq"]), _claim(refs["dsc_2"], refs["act_aq"]),
              _claim(refs["dsc_3"], refs["act_aq"])]
    kept, dropped = drop_unidentified(claims, ents, rule)
    assert [c.subject.name for c in kept] == ["Pakistani security establishment"]
    assert len(dropped) == 2 and all("described, not identified" in why for _, why in dropped)


def test_the_analyses_leave_out_the_same_descriptions() -> None:
    from claimgraph.analysis.facts import _UNNAMED_PREFIXES, identifiable
    from claimgraph.analysis.types import ActorRef

    for d in load_descriptions():
        if d.category != "State Forces":
            assert d.name.split("{", 1)[0].startswith(_UNNAMED_PREFIXES), d.name
        assert not identifiable(ActorRef("dsc_x", d.bare_name, d.type))
    assert identifiable(ActorRef("dsc_x", "Military Forces of India", "agency"))
    assert not identifiable(ActorRef("dsc_x", "Unidentified Armed Group (Mali)", "armed_group"))
    assert identifiable(ActorRef("act_x", "al-Qaeda", "armed_group"))
