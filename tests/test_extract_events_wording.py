"""Wording that is no event, and casualty arithmetic, on real parses (sentences from issue 10 and like them)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _events(text: str, published: str | None = "2024-05-15"):  # noqa: ANN202 - list[Event]
    from _events_helpers import events_in

    return events_in(text, published)


@pytest.mark.parametrize(
    "text",
    [
        # attribution, not an accord
        "The TTP, according to the report, is based in Afghanistan.",
        "According to police, the Lashkar-e-Taiba operates training camps in the region.",
        # designations and standing status
        "The government proscribed the Baloch Liberation Army in 2006.",
        "The interior ministry outlawed the Tehreek-e-Labbaik Pakistan last year.",
        "Jamaat-ul-Ahrar is a banned outfit operating from Afghanistan.",
        "The United States sanctioned three leaders of Lashkar-e-Taiba.",
        "The government banned the Tehrik-i-Taliban Pakistan in 2008.",
        # aggregate tolls
        "More than 40,000 people have died in the conflict since 2001.",
        "Over 3,000 people have been killed in the insurgency since 2004.",
        "More than 1,800 people have been killed and hundreds more reported missing in Sinaloa since the infighting"
        " began, according to official figures.",
        "The war has killed more than 300,000 people.",
        "The violence threatens a 2018 peace deal that ended a five-year civil war in which about 400,000 people"
        " were killed.",
        "About 400,000 people were killed in the civil war.",
        # any act of a kind, not one
        "\"Neither side has the capacity to win militarily, and each new air strike hardens support for the rebels,\""
        " said an analyst in Juba.",
        "Iran is believed to be helping the Houthis rebuild their missile stocks after each round of strikes.",
        # hypotheticals and conditionals
        "The group could attack the city again.",
        "If the talks fail, the militants would attack government buildings.",
        "Officials fear the militants may bomb the bridge.",
        # an act the sentence says there is none of
        "No attack on the police will go unpunished, the governor said.",
        "There was no attack on the convoy, the army said.",
    ],
)
def test_no_event_from_non_event_wording(text: str) -> None:
    assert [(e.type, e.mode) for e in _events(text)] == []


def test_allies_take_ground_together() -> None:
    # allies fighting together: no clash between them; taking the town is their act, on one side
    events = _events("Russian forces fighting at the side of troops loyal to Assad have retaken the town.")
    assert [(e.type, e.mode) for e in events] == [("FIGHT", "capture")]
    assert events[0].targets == ()


def test_sanctions_on_a_state_stay_an_event() -> None:
    events = _events("The European Union imposed sanctions on Iran over its nuclear programme.")
    assert [(e.type, e.mode) for e in events] == [("COERCE", "sanction")]


def test_according_to_leaves_the_attack() -> None:
    events = _events("According to police, gunmen attacked a checkpoint in Quetta on Monday, killing 3 soldiers.")
    assert [(e.type, e.mode) for e in events] == [("ASSAULT", "shooting")]


def test_banned_group_still_attacks() -> None:
    (event,) = _events("The banned Tehrik-i-Taliban Pakistan attacked a police post in Bannu, killing 4 policemen.")
    assert event.type == "ASSAULT" and event.killed is not None and event.killed.min == 4


def test_soldiers_killed_in_the_fighting_are_one_clashs_dead() -> None:
    events = _events("Two soldiers were killed in the fighting near Nasir, in Upper Nile state, on Monday.")
    assert len(events) == 1 and events[0].killed is not None and events[0].killed.min == 2


def test_an_incident_inside_a_conflict_is_still_an_event() -> None:
    events = _events("At least 20 people have been killed in a bombing at a market in Kabul.")
    assert [e.mode for e in events] == ["bombing"]
    assert events[0].killed is not None and events[0].killed.min == 20


@pytest.mark.parametrize(
    ("text", "killed", "wounded", "attackers"),
    [
        # in a fight (a security operation, a clash) the dead of both sides count; the attackers' side apart too
        ("Four militants and an army commando were killed in the operation in North Waziristan.", (5, 5), None,
         (4, 4)),
        ("Two soldiers and three insurgents were killed in a clash in Kunar.", (5, 5), None, (3, 3)),
        # in a one-sided assault too, killed counts everyone who died; attackers_killed says how many of them
        # were the attackers (the victims are the difference)
        ("Gunmen stormed a hotel in Kabul, killing 12 people; all 4 attackers were killed.", (16, 16), None,
         (4, 4)),
        ("Gunmen attacked a checkpoint in Quetta, killing 20 and injuring 35.", (20, 20), (35, 35), None),
        ("A roadside bomb killed two soldiers and three civilians in Kandahar.", (5, 5), None, None),
        ("15 police personnel and a driver were killed when Naxalites triggered an explosive device.", (16, 16),
         None, None),
        ("A bomb exploded in a van and killed a suspected bomber, a soldier, 4 paramilitaries and 4 civilians.",
         (10, 10), None, (1, 1)),
        ("Police killed 20 suspected sandalwood smugglers in Andhra Pradesh.", (20, 20), None, None),
        # a revised toll supersedes the first count of the same incident
        ("A bomb exploded at a market in Peshawar on Tuesday, killing 9 people. Police said the death toll rose "
         "to 12.", (12, 12), None, None),
        ("Six to Nine Frontier Corps personnel were killed in a shooting attack in Turbat.", (6, 9), None, None),
        # a later count said to be more adds to the first
        ("Militants attacked an air base in Pathankot, killing 7 soldiers. A civilian was also killed in the attack.",
         (8, 8), None, None),
        # "and later died": the shared subject died
        ("A police officer was stabbed and later died at a police post in Medan.", (1, 1), None, None),

    ],
)
def test_casualty_arithmetic(text: str, killed: tuple, wounded: tuple | None, attackers: tuple | None) -> None:
    events = [e for e in _events(text) if e.type in ("ASSAULT", "FIGHT")]
    assert len(events) == 1, events
    e = events[0]

    def pair(q):  # noqa: ANN001, ANN202
        return None if q is None else (q.min, q.max)

    assert (pair(e.killed), pair(e.wounded), pair(e.attackers_killed)) == (killed, wounded, attackers)


def test_a_gapped_clause_counts_no_more_dead() -> None:
    # "2 others and a woman" were injured, not killed
    (event,) = _events("One police officer was killed, 2 others and a woman injured in a shooting in Paris.")
    assert event.killed is not None and (event.killed.min, event.killed.max) == (1, 1)


def test_a_security_operation_claimed_by_the_ctd() -> None:
    text = "The Counter-Terrorism Department claim to have killed five suspected members of Al Qaeda in Punjab."
    (event,) = _events(text)
    assert event.type in ("ASSAULT", "FIGHT")
    assert event.killed is not None and (event.killed.min, event.killed.max) == (5, 5)
    assert event.perpetrators and "Counter" in event.perpetrators[0].name


def test_the_operations_of_a_group_are_no_incident() -> None:
    events = _events("The operations of the Lashkar-e-Taiba in Kashmir were funded from abroad.")
    assert [e for e in events if e.type in ("ASSAULT", "FIGHT")] == []


def test_intended_acts_stay_out() -> None:
    assert _events("The Counter-Terrorism Department plans to raid the hideout of the militants.") == []
