"""Sides named by nationality (extract/event_actors.py) and the PLOVER verbs of events.yaml: real
sentences of the PLOVER kind through the real spaCy pipeline and the event finder."""

from __future__ import annotations

import pytest

from claimgraph.extract.event_lexicon import load_event_lexicon
from claimgraph.ontology import load_ontology
from claimgraph.records import Document, Event, Responsibility


def _events(text: str) -> list[Event]:
    from _events_helpers import events_in

    return events_in(text)


def _sides(ev: Event) -> tuple[list[str], list[str]]:
    return [p.name for p in ev.perpetrators], [t.name for t in ev.targets]


@pytest.mark.parametrize("word, etype", [("expel", "COERCE"), ("warn", "THREATEN"), ("urge", "DEMAND"),
                                         ("offer", "AGREE"), ("curfew", "COERCE"), ("riot", "PROTEST")])
def test_plover_verbs_are_lexicon_data(word: str, etype: str) -> None:
    lex = load_event_lexicon(load_ontology())
    assert {t.type for t in lex.triggers if word in t.lemmas} == {etype}


@pytest.mark.model
@pytest.mark.parametrize("text, mode, perpetrator, target", [
    ("Burmese troops attacked a Karen guerrilla stronghold on the Thai border on Monday.",
     "attack", "Burmese", "Karen"),
    ("Serb forces killed three ethnic Albanians in a gunbattle in southeastern Serbia on Friday.",
     "clash", "Serb", "Albanians"),
    ("A temporary camp for Congolese refugees was attacked by Burundian militiamen, killing at least 156 people.",
     "attack", "Burundian", "Congolese"),
])
def test_force_named_by_demonym_is_the_perpetrator(text: str, mode: str, perpetrator: str, target: str) -> None:
    (ev,) = _events(text)
    assert ev.mode == mode
    perpetrators, targets = _sides(ev)
    assert perpetrators == [perpetrator]
    assert targets[0] == target
    assert ev.responsibility is Responsibility.ATTRIBUTED  # the subject of the act, as the text states it


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Unknown gunmen attacked a checkpoint in Kandahar, killing four policemen.",
    "The Somali gunmen attacked a hotel in Mogadishu.",
])
def test_attackers_by_nationality_are_not_named(text: str) -> None:
    """A lone attacker's nationality is no perpetrator: only forces and officials act for a state."""
    (ev,) = _events(text)
    assert ev.perpetrators == ()
    assert ev.responsibility is Responsibility.UNKNOWN


@pytest.mark.model
def test_place_of_the_casualties_is_no_target() -> None:
    (ev,) = _events("Two bombs killed 44 people in Istanbul.")
    assert ev.targets == ()
    assert ev.place is not None and ev.place.name == "Istanbul"


@pytest.mark.model
@pytest.mark.parametrize("text, etype, source, target", [
    ("Switzerland expelled two Russian diplomats for spying.", "COERCE", "Switzerland", "Russian"),
    ("Israeli police arrested three Palestinians in Hebron.", "COERCE", "Israeli", "Palestinians"),
    ("Cairo's security chief warned the Kifaya group against holding rallies.", "THREATEN", "Cairo", "Kifaya"),
    # the body that says "it" did it, not the country its name is owned by
    ("Nigeria's Department of State Services said it arrested a senior Ansaru commander in Kaduna on Monday.",
     "COERCE", "Department of State Services", "Ansaru"),
])
def test_plover_sides(text: str, etype: str, source: str, target: str) -> None:
    ev = _events(text)[0]
    assert ev.type == etype
    assert _sides(ev) == ([source], [target])



@pytest.mark.model
@pytest.mark.parametrize("text, place", [
    ("Federal police detained more than 60 young men in house-to-house searches in the city of Gondar on Monday.",
     "Gondar"),
    ("General Security forces raided several neighbourhoods of Qardaha on Monday and arrested 14 men.", "Qardaha"),
])
def test_a_town_an_operation_was_done_in_is_no_side(extractor, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    """An arrest or raid "in Gondar" is done there, to people, not to the town (the whole extractor: the town is a
    place entity once entities are merged); a country would stay a side."""
    x = extractor.extract(Document(id="d", source="-", text=text))
    (ev,) = [e for e in x.events if e.type == "COERCE"]
    assert place not in [r.name for r in (*ev.perpetrators, *ev.targets)]
    assert ev.place is not None and ev.place.name == place


@pytest.mark.model
@pytest.mark.parametrize("text, doers", [
    ("Police said a large cache of weapons and ammunition was seized from two hostels in Imphal on Tuesday.",
     ["Police Forces of India"]),
    # relatives arrest no one
    ("Relatives said two Hizbul Mujahideen militants were arrested in Sopore on Tuesday.", []),
])
def test_an_agency_telling_of_a_find_no_one_is_named_for_made_it(extractor, text: str,  # type: ignore[no-untyped-def]
                                                                  doers: list[str]) -> None:
    x = extractor.extract(Document(id="d", source="-", text=text))
    (ev,) = [e for e in x.events if e.type == "COERCE"]
    assert [r.name for r in ev.perpetrators] == doers
