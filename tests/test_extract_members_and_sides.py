"""Who belongs to whom, and which side of an act a name is on: a person "at" or "from" a body, a second role joined
to the first, an adjective before a name ("paramilitary RSF") that is no description, a name inside the doer's own
phrase that is no target, the place two sides clashed near (not attacked), a name that has a "group" after it, the
country most of a report's places lie in for its forces, a place's name without its division word, an unlisted
Islamic State province that claims an attack, and the named group a description's proper word points to. The
sentences are written for these tests in the style of wire reports."""

from __future__ import annotations

import pytest

from _extract_helpers import claim_triples as _claims
from _extract_helpers import extract_text as _extract

pytestmark = pytest.mark.model


def _violent(text: str, published: str = "2025-06-13"):  # noqa: ANN202 - the violent incident records of one text
    return [e for e in _extract(text, published=published).events if e.type in ("ASSAULT", "FIGHT")]


def test_a_person_at_a_body_is_its_member() -> None:
    claims = _claims('"The pattern is clear," said Anna Keller, a senior researcher at Amnesty International.')
    assert ("Anna Keller", "member_of", "Amnesty International") in claims


def test_people_from_a_group_are_its_members() -> None:
    claims = _claims("Ahmed Yusuf and Bashir Omar from the Ogaden National Liberation Front were arrested in Jigjiga "
                     "on Monday, police said.")
    assert {("Ahmed Yusuf", "member_of", "Ogaden National Liberation Front"),
            ("Bashir Omar", "member_of", "Ogaden National Liberation Front")} <= claims


def test_a_second_role_joined_to_the_first_is_a_membership_too() -> None:
    claims = _claims("Musa Kamara, a nephew of the former president and a commander of the Civil Defence Forces, was "
                     "arrested in Bo on Friday.")
    assert ("Musa Kamara", "member_of", "Civil Defence Forces") in claims


def test_an_adjective_before_a_name_is_no_description_and_the_doers_phrase_is_no_target() -> None:
    text = "Sudan's paramilitary Rapid Support Forces shelled a market in Omdurman on Sunday, killing 20 people."
    [event] = _violent(text)
    assert [p.name for p in event.perpetrators] == ["Rapid Support Forces"]
    assert not any(obj == "Sudan" for _, _, obj in _claims(text))


def test_where_two_sides_clashed_is_not_what_they_attacked() -> None:
    claims = _claims("Soldiers of the Philippine Army's 6th Infantry Division clashed with fighters of the Ansar "
                     "Khalifa group near the town of Datu Hoffer on Sunday, the army said.")
    assert not any(obj == "Datu Hoffer" for _, _, obj in claims)


def test_a_name_with_group_after_it_is_an_organisation() -> None:
    # (the small model tags "the Dawlah Islamiyah-Hassan" a facility)
    [event] = _violent("Troops clashed with about 15 gunmen of the Dawlah Islamiyah-Hassan group near the town of "
                       "Butig on Sunday, the army said.")
    assert "Dawlah Islamiyah-Hassan group" in [p.name for p in event.perpetrators]


def test_a_reports_forces_are_of_the_country_most_of_its_places_lie_in() -> None:
    text = ("Heavy fighting was reported in El Obeid and Kadugli in Sudan on Monday. Refugees fleeing to Chad said "
            "the army had shelled several villages near Dilling.")
    names = {e.name for e in _extract(text).entities}
    assert "Military Forces of Sudan" in names


def test_a_place_goes_by_its_name_without_the_division_word() -> None:
    ext = _extract("Jihadists killed 12 soldiers in an attack on an army post in Oudalan province on Monday, "
                   "officials said.")
    [place] = [e for e in ext.entities if e.name == "Oudalan province"]
    assert "Oudalan" in place.aliases


def test_an_unlisted_islamic_state_province_claims_its_attack() -> None:
    [event] = _violent("Islamic State Central Africa Province claimed the attack on Friday, saying its fighters had "
                       "killed eight soldiers near Eringeti.")
    assert [p.name for p in event.perpetrators] == ["Islamic State Central Africa Province"]


def test_a_description_by_a_groups_own_word_is_the_group() -> None:
    events = _violent("The Communist Party of India (Maoist) called a strike in Gadchiroli on Monday. On Tuesday, "
                      "Maoist rebels ambushed a police patrol near Bhamragad, killing two constables, police said.")
    [event] = [e for e in events if e.killed is not None]
    assert [p.name for p in event.perpetrators] == ["Communist Party of India (Maoist)"]


def test_a_division_named_in_lower_case_is_no_actor() -> None:
    from claimgraph.extract.event_mentions import names_a_place
    from claimgraph.extract.types import ExtractContext
    from claimgraph.ontology import load_ontology
    from claimgraph.records import Document, Entity

    ctx = ExtractContext(Document("d", "gangs control the area up to the Centre department"), load_ontology())
    # (the NER took "the Centre department" for an organisation; no place index knows the phrase)
    assert names_a_place(Entity("e1", "Centre department", "organisation"), ctx)
    assert not names_a_place(Entity("e2", "State Department", "organisation"), ctx)


def test_a_named_faction_of_a_group_is_its_branch_and_goes_by_its_name() -> None:
    ext = _extract("Clashes broke out in Culiacan between the Los Chapitos faction of the Sinaloa Cartel and its "
                   "rivals, officials said.")
    claims = {(c.subject.name, c.predicate, c.object.name if c.object else "") for c in ext.claims}
    assert ("Los Chapitos faction", "branch_of", "Sinaloa Cartel") in claims
    [faction] = [e for e in ext.entities if e.name == "Los Chapitos faction"]
    assert "Los Chapitos" in faction.aliases


def test_its_fighters_are_the_group_told_of_just_before() -> None:
    [event] = _violent("The Allied Democratic Forces have carried out dozens of attacks in Ituri. In January, its "
                       "suicide bombers killed a local chief, Jean Mbusa, inside a church in Komanda.")
    assert [p.name for p in event.perpetrators] == ["Allied Democratic Forces"]
    # (their convoy is the soldiers', not the group's: a thing owned is no doer)
    [event] = _violent("Five soldiers were killed when a roadside bomb struck their convoy near Mukondi on Monday, in "
                       "an attack the army blamed on the Allied Democratic Forces.")
    assert [p.name for p in event.perpetrators] == ["Allied Democratic Forces"]


def test_a_group_saying_its_fighters_did_it_claims_the_attack_just_told() -> None:
    # (the group its fighters stand for is a doer: the claim is the attack just told, not a second one)
    events = _violent("A suicide bomber blew himself up near a crowded bus stop in western Kabul on Monday, killing "
                      "at least 10 people, police said.\n\nIslamic State Khorasan Province said in a statement late "
                      "Monday that one of its fighters had targeted a gathering of Shiites.", published="2025-03-04")
    assert len(events) == 1
    assert [p.name for p in events[0].perpetrators] == ["Islamic State Khorasan Province"]


def test_a_person_the_ner_did_not_see_is_named_by_the_role_beside_the_name() -> None:
    """A foreign name the NER left unlabelled (the tagger took its first word for a verb) is a person's when a
    role stands in apposition to it."""
    claims = _claims('"Our fighters did not shell any village near Paletwa," Khaing Myo Kha, a spokesman for the '
                     'Arakan Army, said in a statement.')
    assert ("Khaing Myo Kha", "member_of", "Arakan Army") in claims


def test_a_body_someone_is_a_researcher_at_is_an_organisation() -> None:
    """The NER took the institute for a building; a researcher "at" it makes it a body."""
    claims = _claims("Mariana Ochoa, a security researcher at the Centro de Estudios del Bajío in Querétaro, said "
                     "the cartel was expanding.")
    assert ("Mariana Ochoa", "member_of", "Centro de Estudios del Bajío") in claims


def test_the_named_groups_affiliate_is_its_branch() -> None:
    """"the Islamic State group's affiliate": the owner is the name the group noun is a compound of."""
    claims = _claims("ISWAP, the Islamic State group's affiliate in the Lake Chad region, claimed the raid on Monday.")
    assert ("Islamic State West Africa Province", "branch_of", "Islamic State") in claims
    claims = _claims("Abu Musab al-Barnawi, the Islamic State group's commander in the region, was killed.")
    assert ("Abu Musab al-Barnawi", "member_of", "Islamic State") in claims
