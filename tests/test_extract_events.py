"""Event finder: triggers, incidents, perpetrators, responsibility, place, date — on the seed article and on
real incident descriptions (wikipedia_major_terror_incidents_2016_2022), asserted exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph.config import load_settings
from claimgraph.extract.event_lexicon import load_event_lexicon
from claimgraph.ontology import load_ontology
from claimgraph.records import Document, Event, Precision, Quantity, Responsibility, text_id


def _seed() -> Path:
    """The seed article: in the shared corpus beside the data dir (../shared/corpus, ../shared/data)."""
    path = load_settings().data.dir.parent / "corpus" / "000_3b3b6094a9ba5941.txt"
    if not path.is_file():
        pytest.skip("seed article not present")
    return path


def test_every_trigger_mode_is_a_plover_mode() -> None:
    lex = load_event_lexicon(load_ontology())
    ontology = load_ontology()
    for trig in lex.triggers:
        assert trig.mode in ontology.event_types[trig.type].modes
    words = lex.trigger_words()
    # what the sentence prefilter must keep: triggers, casualty words and responsibility verbs
    assert {"attack", "bombing", "suicide", "meet", "arrest", "kill", "injured", "claim", "blame"} <= words


def _canonical(name: str) -> str:
    """The gazetteer's display name for a name (events name actors as the gazetteer does)."""
    from _events_helpers import pipeline
    from claimgraph.nlp.pipeline import gazetteer_of

    actor = gazetteer_of(pipeline()).gazetteer.lookup(name)
    return actor.name if actor is not None else name


def _one(events: list[Event], etype: str) -> Event:
    found = [e for e in events if e.type == etype]
    assert len(found) == 1, found
    return found[0]


@pytest.fixture(scope="module")
def seed_events() -> tuple[str, list[Event]]:
    from _events_helpers import events_in

    text = _seed().read_text("utf-8")
    return text, events_in(text, "2025-10-07")


@pytest.mark.model
def test_seed_attack(seed_events: tuple[str, list[Event]]) -> None:
    text, events = seed_events
    attack = _one(events, "ASSAULT")
    assert attack.mode == "attack"
    assert [p.name for p in attack.perpetrators] == [_canonical("Baloch Liberation Army")]
    assert [t.name for t in attack.targets] == [_canonical("ISKP")]
    assert attack.killed == Quantity(30, 30, True, "around 30")
    assert attack.wounded is None and attack.attackers_killed is None
    assert attack.date is not None and (attack.date.value, attack.date.precision) == ("2025-03", Precision.MONTH)
    assert attack.place is not None
    assert (attack.place.name, attack.place.admin1, attack.place.country) == ("Mastung", "Balochistan", "Pakistan")
    assert attack.responsibility is Responsibility.ATTRIBUTED  # the outlet's sources say so; nobody claimed it
    assert attack.responsibility_source is not None
    assert attack.responsibility_source.name == "the sources"  # "Months later, the sources point out, ..."
    assert text[attack.evidence.start : attack.evidence.end] == attack.evidence.text
    assert "an attack by the Baloch Liberation Army on ISKP’s Mastung camp in March" in attack.evidence.text


@pytest.mark.model
def test_seed_meeting(seed_events: tuple[str, list[Event]]) -> None:
    text, events = seed_events
    meeting = _one(events, "CONSULT")
    assert meeting.mode == "meeting"
    assert {r.name for r in meeting.perpetrators + meeting.targets} == {"Mir Shafiq Mengal", "Rana Mohammad Ashfaq"}
    assert meeting.place is not None and (meeting.place.name, meeting.place.country) == ("Balochistan", "Pakistan")
    assert meeting.killed is None and meeting.responsibility is Responsibility.UNKNOWN
    assert text[meeting.evidence.start : meeting.evidence.end] == meeting.evidence.text
    assert meeting.evidence.text.startswith("The entire coalition was well-established")


@pytest.mark.model
def test_seed_gift_and_nothing_else(seed_events: tuple[str, list[Event]]) -> None:
    """The pistol handed over as a gift is an AID event; nothing comes from page furniture, intentions
    ("to target Baloch activists") or habits ("a death squad targeting Baloch nationalists")."""
    _, events = seed_events
    assert sorted(e.type for e in events) == ["AID", "ASSAULT", "CONSULT"]
    gift = _one(events, "AID")
    assert (gift.mode, [p.name for p in gift.perpetrators], [t.name for t in gift.targets]) == (
        "gift", ["Mir Shafiq Mengal"], ["Rana Mohammad Ashfaq"])


# --------------------------------------------------------------------------- real incident descriptions


@pytest.fixture(scope="module")
def incidents(data_dir: Path) -> list[dict[str, str]]:
    path = data_dir / "wikipedia_major_terror_incidents_2016_2022" / "incidents.json"
    if not path.is_file():
        pytest.skip("incident descriptions not present")
    return json.loads(path.read_text("utf-8"))


def _first_violent(text: str) -> Event:
    from _events_helpers import events_in

    events = [e for e in events_in(text) if e.type in ("ASSAULT", "FIGHT")]
    assert events, text
    return events[0]


@pytest.mark.model
@pytest.mark.parametrize(
    ("index", "mode", "perpetrator", "responsibility", "killed", "wounded", "attackers", "country"),
    [
        # "... killing three Chinese citizens and their Pakistani driver. The Balochistan Liberation Army
        # claimed responsibility for the attack."
        (3, "suicide_bombing", "Balochistan Liberation Army", "claimed", (4, 4), None, None, "Pakistan"),
        # "6 people were killed ... No group has claimed responsibility yet, but the Islamic State is suspected."
        (6, "bombing", "Islamic State", "suspected", (6, 6), (25, 25), None, "Afghanistan"),
        # "The clash ... killed 10 security personnel and injured three others. One militant was killed ..."
        # a fight (raid, clash) counts the dead of both sides in killed; attackers_killed says how many
        (13, "raid", "Balochistan Liberation Front", "claimed", (11, 11), (3, 3), (1, 1), "Pakistan"),
        # "... attacked the Pakistan Stock Exchange building. Three security guards and a police sub
        # inspector were killed ... All 4 attackers were killed": the place a facility's name begins with;
        # killed counts everyone who died (4 victims + 4 attackers), attackers_killed the attackers
        (44, "bombing", "Balochistan Liberation Army", "claimed", (8, 8), (7, 7), (4, 4), "Pakistan"),
        # "The Turkish government blamed YPG for the attack."
        (48, "bombing", "YPG", "attributed", (53, None), None, None, "Syria"),
    ],
)
def test_incident_descriptions(incidents: list[dict[str, str]], index: int, mode: str, perpetrator: str,
                               responsibility: str, killed: tuple | None, wounded: tuple | None,
                               attackers: tuple | None, country: str | None) -> None:
    event = _first_violent(incidents[index]["Description"].strip())

    def pair(q: Quantity | None) -> tuple | None:
        return None if q is None else (q.min, q.max)

    assert event.mode == mode
    assert event.perpetrators and event.perpetrators[0].name == _canonical(perpetrator)
    assert event.responsibility.value == responsibility
    assert (pair(event.killed), pair(event.wounded), pair(event.attackers_killed)) == (killed, wounded, attackers)
    assert (event.place.country if event.place else None) == country


@pytest.mark.model
def test_blame_names_who_blames(incidents: list[dict[str, str]]) -> None:
    event = _first_violent(incidents[48]["Description"].strip())
    assert event.responsibility_source is not None
    assert event.responsibility_source.name == "The Turkish government"
    assert event.responsibility_source.cue == "blamed"


# --------------------------------------------------------------------------- responsibility, hand-written


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "perpetrators", "responsibility"),
    [
        ("A bomb exploded in a market in Kabul, killing 6 people. No group has claimed responsibility.",
         [], "unknown"),
        ("A bomb exploded in a market in Kabul, killing 6 people. No group has claimed responsibility yet, "
         "but the Islamic State is suspected.", ["Islamic State"], "suspected"),
        ("A bomb exploded in a market in Kabul, killing 6 people. The Taliban claimed responsibility for the "
         "attack.", ["Taliban"], "claimed"),
        ("A bomb exploded in a market in Kabul, killing 6 people. The Taliban denied involvement.", [], "unknown"),
        ("Gunmen attacked a police post in Quetta, killing 4 officers. Officials blamed the Balochistan "
         "Liberation Army for the attack.", ["Balochistan Liberation Army"], "attributed"),
    ],
)
def test_responsibility(text: str, perpetrators: list[str], responsibility: str) -> None:
    event = _first_violent(text)
    assert [p.name for p in event.perpetrators] == [_canonical(p) for p in perpetrators]
    assert event.responsibility.value == responsibility
    assert event.killed is not None and event.place is not None and event.place.country in (
        "Afghanistan", "Pakistan")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The group vowed to attack government offices in the province.",
        "The camp was tasked with attacking Baloch insurgents.",
        "Officials did not arrest anyone.",
    ],
)
def test_no_event_for_intentions_and_negations(text: str) -> None:
    from _events_helpers import events_in

    assert events_in(text) == []


@pytest.mark.model
def test_seed_through_the_extractor() -> None:
    """The product path: the Extractor's segmenter, entities and place resolver feed the event finder."""
    from _events_helpers import places
    from claimgraph.config import load_settings
    from claimgraph.extract import Extractor
    from claimgraph.records import Document, PartialDate, text_id

    text = _seed().read_text("utf-8")
    doc = Document(text_id(text), text, published=PartialDate("2025-10-07", Precision.DAY))
    extraction = Extractor(load_settings(), place_resolver=places().resolve).extract(doc)
    attack = _one(list(extraction.events), "ASSAULT")
    assert [p.name for p in attack.perpetrators] == [_canonical("Baloch Liberation Army")]
    assert attack.killed == Quantity(30, 30, True, "around 30")
    assert attack.date is not None and attack.date.value == "2025-03"
    assert attack.place is not None and (attack.place.name, attack.place.country) == ("Mastung", "Pakistan")
    entity_ids = {e.id for e in extraction.entities}
    assert {r.id for e in extraction.events for r in e.perpetrators + e.targets} <= entity_ids
    meeting = _one(list(extraction.events), "CONSULT")
    assert {r.name for r in meeting.perpetrators + meeting.targets} == {"Mir Shafiq Mengal", "Rana Mohammad Ashfaq"}


# --------------------------------------------------------------------------- hand-built parses (no model)


def _hand_parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str], lemmas: list[str]):  # noqa: ANN202
    import spacy
    from spacy.tokens import Doc

    from claimgraph.extract.types import ParsedSentence

    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas,
              sent_starts=[True] + [False] * (len(words) - 1))
    return doc, [ParsedSentence(0, doc[:], 0)]


def _roles(words: list[str], heads: list[int], deps: list[str], pos: list[str], lemmas: list[str],
           actors: dict[str, str]):  # noqa: ANN202
    from claimgraph.extract import event_roles
    from claimgraph.extract.events import _local, find_triggers
    from claimgraph.extract.types import ExtractContext
    from claimgraph.records import Document, Entity, Span

    doc, parsed = _hand_parsed(words, heads, deps, pos, lemmas)
    entities = []
    for name, etype in actors.items():
        start = doc.text.index(name)
        entities.append(Entity(f"ent_{len(entities)}", name, etype, (), (Span(start, start + len(name), name),)))
    ctx = ExtractContext(Document("d", doc.text), load_ontology())
    lex = load_event_lexicon(ctx.ontology)
    hits = [(0, h.start, h.end) for h in find_triggers(doc[:], lex)]
    return event_roles.find_roles(ctx.doc, parsed, entities, ctx, [0], hits, lex, _local)


def test_claim_makes_the_claimant_perpetrator_hand_built() -> None:
    # "Taliban claimed responsibility for the attack ."
    roles = _roles(
        ["Taliban", "claimed", "responsibility", "for", "the", "attack", "."],
        [1, 1, 1, 2, 5, 3, 1],
        ["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "punct"],
        ["PROPN", "VERB", "NOUN", "ADP", "DET", "NOUN", "PUNCT"],
        ["Taliban", "claim", "responsibility", "for", "the", "attack", "."],
        {"Taliban": "armed_group"},
    )
    assert [p.name for p in roles.perpetrators] == ["Taliban"]
    assert roles.responsibility is Responsibility.CLAIMED


def test_denial_is_no_perpetrator_hand_built() -> None:
    # "Taliban denied the attack ."
    roles = _roles(
        ["Taliban", "denied", "the", "attack", "."],
        [1, 1, 3, 1, 1],
        ["nsubj", "ROOT", "det", "dobj", "punct"],
        ["PROPN", "VERB", "DET", "NOUN", "PUNCT"],
        ["Taliban", "deny", "the", "attack", "."],
        {"Taliban": "armed_group"},
    )
    assert roles.perpetrators == [] and roles.responsibility is Responsibility.UNKNOWN


def test_suspected_group_hand_built() -> None:
    # "YPG is suspected ."
    roles = _roles(
        ["YPG", "is", "suspected", "."],
        [2, 2, 2, 2],
        ["nsubjpass", "auxpass", "ROOT", "punct"],
        ["PROPN", "AUX", "VERB", "PUNCT"],
        ["YPG", "be", "suspect", "."],
        {"YPG": "armed_group"},
    )
    assert [p.name for p in roles.perpetrators] == ["YPG"]
    assert roles.responsibility is Responsibility.SUSPECTED


@pytest.mark.model
@pytest.mark.parametrize(
    ("index", "perpetrator", "killed", "country"),
    [
        # "... the village of Nogolait, Highland Papua. ... The West Papua National Liberation Army is
        # suspected to be behind the attack.": a place named after a comma; a curated group
        (0, "West Papua National Liberation Army", (10, 10), "Indonesia"),
        # "It was claimed by Islamist group Tehrik i Taliban Pakistan": a spelling variant; the name the
        # parser hung outside the agent phrase
        (26, "Tehrik-i-Taliban Pakistan", None, "Pakistan"),
        # "The perpetrator was killed by police, while wearing a fake suicide vest. The attacker was
        # identified as Kujtim Fejzullai": a vest worn is no new incident; the named attacker joins
        (32, "Kujtim Fejzullai", (5, 5), "Austria"),  # 4 victims and the attacker
        # "A group named BRAS claimed responsibility.": no listing names BRAS, so the name stays as written
        (95, "BRAS", (6, 9), "Pakistan"),  # "Six to Nine Frontier Corps personnel"
        # "An Afghan teenager stabbed and injured 2 Americans in Amsterdam Central Station.": nationalities
        # of people are weak hints; the place a station's name begins with wins
        (121, None, None, "Netherlands"),
        # "Two Americans, a Swiss and a Dutch national were killed"
        (125, None, (4, 4), "Tajikistan"),
        # "The Austin serial bombings occurred ... In total, 5 package bombs exploded, killing 2 people ...
        # The suspect, 23 year old Mark Anthony Conditt ...": a series and its parts are one incident
        (147, "Mark Anthony Conditt", (3, 3), "United States"),  # 2 victims and the bomber himself
        # "... claimed 7 civilians lives"
        (218, None, (7, 7), "Afghanistan"),
        # "Two bombings occurred in ... Homs. The first blast ... 57 people were killed ..."
        (306, "Islamic State", (57, 57), "Syria"),
    ],
)
def test_incident_rules(incidents: list[dict[str, str]], index: int, perpetrator: str | None,
                        killed: tuple | None, country: str) -> None:
    from claimgraph.resolve.places import PlaceResolver

    event = _first_violent(incidents[index]["Description"].strip())
    first = event.perpetrators[0].name if event.perpetrators else None
    assert first == (_canonical(perpetrator) if perpetrator else None)
    assert (None if event.killed is None else (event.killed.min, event.killed.max)) == killed
    resolver = PlaceResolver()
    assert event.place is not None
    assert resolver.country_code(event.place.country or "") == resolver.country_code(country)


@pytest.mark.model
def test_extractor_resolves_places_by_default() -> None:
    """With no resolver given, the Extractor builds one: product events carry places."""
    from claimgraph.config import load_settings
    from claimgraph.extract import Extractor

    text = ("Militants with grenades and automatic rifles attacked the Pakistan Stock Exchange building. "
            "Three security guards and a police sub inspector were killed.")
    out = Extractor(load_settings()).extract(Document(text_id(text), text, source="test"))
    violent = [e for e in out.events if e.type in ("ASSAULT", "FIGHT")]
    assert violent and violent[0].place is not None and violent[0].place.country == "Pakistan"
    assert violent[0].killed is not None and (violent[0].killed.min, violent[0].killed.max) == (4, 4)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Maoists set ablaze three vehicles at a road construction site in Gadchiroli district.",
    "Unknown persons set fire to a government school in Kupwara district.",
    "Militants torched two mobile phone towers in Kech district overnight.",
])
def test_setting_property_on_fire_is_an_arson(text: str) -> None:
    from _events_helpers import events_in

    (event,) = [e for e in events_in(text) if e.type == "ASSAULT"]
    assert event.mode == "arson" and event.place is not None


@pytest.mark.model
def test_a_claim_not_made_credits_no_one() -> None:
    from _events_helpers import events_in

    text = ("Militants killed 30 people in an attack on a village in Borno state on Saturday. Islamic State West "
            "Africa Province did not immediately claim responsibility.")
    assert all(e.responsibility.value != "claimed" for e in events_in(text))
