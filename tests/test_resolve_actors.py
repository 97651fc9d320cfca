"""Actor resolution: spelling variants become one actor, kin stay apart, every judgement undoes exactly."""

from __future__ import annotations

import pytest

from _resolve_helpers import Said, entity_id, report
from claimgraph.errors import UsageError
from claimgraph.records import SourceKind
from claimgraph.resolve import actors
from claimgraph.resolve.actors import score_pair
from claimgraph.store import Store
from claimgraph.store import resolution as rs

DOC1 = ("Lashkar-e-Taiba commander Rana Mohammad Ashfaq met the Islamic State Khorasan Province coordinator "
        "in Quetta last month, officials said.")
DOC2 = ("Rana Muhammad Ashfaq of the Lashkar-e-Tayyiba travelled to Balochistan, where ISKP runs two camps, "
        "according to sources.")
DOC3 = "Police in Lahore said the Lashkar-e-Toiba cell had been dismantled, and that ISKP recruiters fled."

ORG, PERSON = "armed_group", "person"


def _reports():
    return [
        report(DOC1, outlet="ThePrint", names=[("Lashkar-e-Taiba", ORG), ("Rana Mohammad Ashfaq", PERSON),
                                               ("Islamic State Khorasan Province", ORG)],
               said=[Said("Rana Mohammad Ashfaq", "member_of", "Lashkar-e-Taiba"),
                     Said("Lashkar-e-Taiba", "cooperates_with", "Islamic State Khorasan Province")]),
        report(DOC2, outlet="Dawn", names=[("Rana Muhammad Ashfaq", PERSON), ("Lashkar-e-Tayyiba", ORG),
                                           ("ISKP", ORG)],
               said=[Said("Rana Muhammad Ashfaq", "member_of", "Lashkar-e-Tayyiba"),
                     Said("ISKP", "cooperates_with", "Lashkar-e-Tayyiba")]),
        report(DOC3, outlet="Dawn", names=[("Lashkar-e-Toiba", ORG), ("ISKP", ORG)],
               said=[Said("Lashkar-e-Toiba", "operates_in", None, source="Police",
                          kind=SourceKind.ORGANISATION)]),
    ]


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "r.db") as s:
        for x in _reports():
            assert s.save(x)
        yield s


def _links(store: Store) -> dict[str, tuple[str, str | None]]:
    """Every claim's subject and object as actors (after merges): the graph the user sees."""
    out = {}
    for c in store.iter_claims():
        out[c.id] = (store.actor_id(c.subject.id), store.actor_id(c.object.id) if c.object else None)
    return out


def _doc(store: Store, text: str) -> str:
    return next(d["id"] for d in store.documents(limit=10) if store.document(d["id"]).text == text)


def test_scores_name_variants_with_reasons() -> None:
    m = score_pair(["Lashkar-e-Tayyiba"], ["Lashkar-e-Taiba", "LeT"])
    assert m.score >= actors.SAME_AT and "spelling variants" in m.reason
    # an acronym alone is ambiguous: unsure until context (a shared actor) settles it
    m = score_pair(["ISKP"], ["Islamic State Khorasan Province"])
    assert actors.UNSURE_AT <= m.score < actors.SAME_AT and "acronym ISKP" in m.reason
    m = score_pair(["Abu Sayyaf Group (ASG)"], ["Abu Sayyaf Group"])
    assert m.score == 1.0
    m = score_pair(["Rana Muhammad Ashfaq"], ["Rana Mohammad Ashfaq"], person=True)
    assert m.score >= actors.SAME_AT
    # a family name alone is never enough for a person
    m = score_pair(["Mengal"], ["Mir Shafiq Mengal"], person=True)
    assert actors.UNSURE_AT <= m.score < actors.SAME_AT
    assert score_pair(["Jaish-e-Mohammed"], ["Lashkar-e-Taiba"]).score < actors.UNSURE_AT


def test_same_actors_in_different_spellings_become_one_actor_each(store: Store) -> None:
    summary = actors.resolve_new_entities(store)
    d1, d2, d3 = (_doc(store, t) for t in (DOC1, DOC2, DOC3))
    let = store.actor_id(entity_id(d1, "Lashkar-e-Taiba"))
    assert store.actor_id(entity_id(d2, "Lashkar-e-Tayyiba")) == let
    assert store.actor_id(entity_id(d3, "Lashkar-e-Toiba")) == let
    iskp = store.actor_id(entity_id(d1, "Islamic State Khorasan Province"))
    assert store.actor_id(entity_id(d2, "ISKP")) == iskp == store.actor_id(entity_id(d3, "ISKP"))
    assert store.actor_id(entity_id(d2, "Rana Muhammad Ashfaq")) == store.actor_id(
        entity_id(d1, "Rana Mohammad Ashfaq"))
    assert len({let, iskp}) == 2
    assert len(summary.merged) == 5
    # "ISKP" alone is only an acronym; the shared context (Lashkar, once merged) made it "same"
    acronym_merges = [j for j in summary.merged if "acronym ISKP" in j.reason]
    assert acronym_merges and all("both named with" in j.reason for j in acronym_merges)
    # every decision is a judgement with a score and a reason
    js = actors.list_judgements(store, "Lashkar-e-Taiba")
    assert js and all(j.verdict == "same" and j.reason and j.score for j in js)
    # the actor's claims come from all three reports
    assert {c.doc_id for c in store.claims(entity="Lashkar-e-Taiba")} == {d1, d2, d3}
    # running again decides nothing new
    again = actors.resolve_new_entities(store)
    assert not again.merged and not again.unsure


def test_merge_then_split_restores_every_claim_link(store: Store) -> None:
    before = _links(store)
    d1, d2 = _doc(store, DOC1), _doc(store, DOC2)
    a, b = entity_id(d1, "Lashkar-e-Taiba"), entity_id(d2, "Lashkar-e-Tayyiba")
    j = actors.merge(store, a, b)
    assert j.verdict == "same" and store.actor_id(b) == a
    merged = _links(store)
    assert merged != before
    assert {c.doc_id for c in store.claims(entity=a)} == {d1, d2}
    s = actors.split(store, b)
    assert s.verdict == "not_same" and s.action == "split"
    assert _links(store) == before
    # undoing the split brings the merge back, undoing that restores the start again
    actors.undo(store, s.id)
    assert _links(store) == merged
    actors.undo(store, j.id)
    assert _links(store) == before
    assert rs.judgement(store, j.id).undone_at is not None


def test_undo_refuses_when_a_later_judgement_changed_the_rows(store: Store) -> None:
    d1, d2, d3 = (_doc(store, t) for t in (DOC1, DOC2, DOC3))
    a, b, c = (entity_id(d1, "Lashkar-e-Taiba"), entity_id(d2, "Lashkar-e-Tayyiba"),
               entity_id(d3, "Lashkar-e-Toiba"))
    first = actors.merge(store, b, c)  # c → b
    second = actors.merge(store, a, b)  # b and c → a
    assert store.actor_id(c) == a
    with pytest.raises(UsageError, match=f"undo {second.id} first"):
        actors.undo(store, first.id)
    actors.undo(store, second.id)
    assert store.actor_id(c) == b and store.actor_id(b) == b
    actors.undo(store, first.id)
    assert store.actor_id(c) == c
    with pytest.raises(UsageError, match="already undone"):
        actors.undo(store, first.id)


def test_a_split_is_respected_by_the_resolver(store: Store) -> None:
    actors.resolve_new_entities(store)
    d2 = _doc(store, DOC2)
    b = entity_id(d2, "Lashkar-e-Tayyiba")
    actors.split(store, b)
    actors.resolve_new_entities(store)
    assert store.actor_id(b) == b


def test_kin_are_never_merged(store: Store) -> None:
    d1, d2 = _doc(store, DOC1), _doc(store, DOC2)
    a, b = entity_id(d1, "Lashkar-e-Taiba"), entity_id(d2, "Lashkar-e-Tayyiba")
    # suppose an analyst records the second as a front of the first: they must stay two actors
    assert actors.add_kin(store, b, "front_of", a)
    summary = actors.resolve_new_entities(store)
    assert store.actor_id(b) != store.actor_id(a)
    assert any(j.verdict == "not_same" and "front_of" in j.reason for j in summary.not_same)
    assert actors.kin_of(store, a)[0]["relation"] == "front_of"
    with pytest.raises(UsageError, match="unknown kinship"):
        actors.add_kin(store, a, "same_as", b)


def test_kinship_file_seeds_stored_actors(tmp_path) -> None:
    text = "Jamaat-ud-Dawa, seen as a front of Lashkar-e-Taiba, held a rally in Lahore."
    with Store(tmp_path / "k.db") as store:
        store.save(report(text, outlet="Dawn", names=[("Jamaat-ud-Dawa", ORG), ("Lashkar-e-Taiba", ORG)]))
        assert actors.seed_kinship(store) == 1
        rows = rs.kinship(store)
        assert [r["relation"] for r in rows] == ["front_of"]
        assert store.entity(rows[0]["subject_id"])["name"] == "Jamaat-ud-Dawa"


def test_merge_of_one_actor_with_itself_is_refused(store: Store) -> None:
    d1 = _doc(store, DOC1)
    a = entity_id(d1, "Lashkar-e-Taiba")
    with pytest.raises(UsageError, match="already one actor"):
        actors.merge(store, a, a)
    with pytest.raises(UsageError, match="nothing to split"):
        actors.split(store, a)


def test_listed_actors_are_seeded_from_the_sanctions_lists(tmp_path, data_dir) -> None:
    from claimgraph.nlp.gazetteer import build_gazetteer

    gazetteer = build_gazetteer(data_dir)
    linker = actors.GazetteerLinker(gazetteer)
    found = linker.link(["Jaish-e-Mohammad (JeM)"])
    assert found is not None and found[1].score >= actors.SAME_AT
    assert "un:QDe.019" in found[0].refs
    text = "Police said the Lashkar-e-Tayyaba cell in Lahore had been dismantled."
    with Store(tmp_path / "lists.db") as store:
        x = report(text, outlet="Dawn", names=[("Lashkar-e-Tayyaba", ORG)])
        store.save(x)
        summary = actors.resolve_new_entities(store, gazetteer=gazetteer)
        (j,) = summary.merged
        listed = store.entity(store.actor_id(entity_id(x.doc.id, "Lashkar-e-Tayyaba")))
        assert "un:QDe.118" in listed["refs"] and "listed:" in j.reason
        assert "Army of the Pure" in store.aliases(listed["id"])  # the list's aliases come along


def test_merge_by_name_needs_an_exact_unambiguous_name(store: Store) -> None:
    from claimgraph.errors import NotFound

    with pytest.raises(NotFound, match="no actor named exactly"):
        actors.merge(store, "Lashkar", "Lashkar-e-Tayyiba")
    with pytest.raises(UsageError, match="names 2 actors"):
        actors.merge(store, "ISKP", "Lashkar-e-Taiba")  # two reports' ISKP, not yet resolved
    j = actors.merge(store, "Lashkar-e-Taiba", "Lashkar-e-Tayyiba")
    assert j.verdict == "same"


def test_a_shared_acronym_of_different_full_names_is_not_identity() -> None:
    from claimgraph.resolve.actors import UNSURE_AT, score_pair

    assert score_pair(["Afghan National Police", "ANP"], ["Awami National Party"]).score < UNSURE_AT
    assert score_pair(["Lashkar-e-Taiba"], ["LeT"]).score >= UNSURE_AT  # an acronym of the one full name


def test_alike_people_with_other_family_names_are_not_one_person() -> None:
    from claimgraph.resolve.actors import UNSURE_AT, score_pair

    assert score_pair(["Mohamed Atta"], ["Mohammed Atef"], person=True).score < UNSURE_AT
    assert score_pair(["Mohamed Atta"], ["Mohammed Ata"], person=True).score >= UNSURE_AT


def test_the_resolver_skips_a_merge_another_writer_already_made(store: Store) -> None:
    """Two ingests into one database resolve at once: the later one finds the pair merged, and goes on."""
    d1 = _doc(store, DOC1)
    a = entity_id(d1, "Lashkar-e-Taiba")
    assert actors._auto_merge(store, a, a, "same name", 1.0) is None  # no UsageError, no judgement
