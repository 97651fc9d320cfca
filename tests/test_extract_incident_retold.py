"""One incident told over several paragraphs of a wire report: the lead, a paragraph that goes on telling it, the
attackers killed, the group that claimed it and the one that denied it; and the words that keep another incident
apart or give the day. The reports are written for these tests in the style of wire reports; none comes from a
benchmark."""

from __future__ import annotations

import pytest

from _extract_helpers import claims_of
from _extract_helpers import extract_text as _extract
from claimgraph.records import Polarity

pytestmark = pytest.mark.model

_REPORT = (
    "BANNU: Eight policemen were killed and five others injured when a large group of militants stormed a police"
    " checkpost in the Jani Khel area of Bannu district late on Monday night, officials said.\n\n"
    "According to a police official, between 25 and 30 attackers targeted the checkpost from three sides shortly"
    " after 11pm, using rocket-propelled grenades.\n\n"
    "He said three of the attackers had also been killed.\n\n"
    "The Hafiz Gul Bahadur group, a militant outfit based in North Waziristan, claimed responsibility for the attack"
    " in a message sent to journalists. A senior police officer had earlier blamed the banned Tehreek-i-Taliban"
    " Pakistan (TTP) for the raid, but TTP spokesman Muhammad Khurasani denied the group's involvement.\n\n"
    "In a separate incident, two traffic policemen were shot dead near Serai Naurang in Lakki Marwat district on"
    " Sunday evening, a police spokesman said.\n"
)


def _violent(text: str):  # noqa: ANN202 - the violent events of one text
    return [e for e in _extract(text, published="2024-10-15").events if e.type in ("ASSAULT", "FIGHT")]


def test_an_incident_told_over_paragraphs_is_one_event_at_its_place_and_day() -> None:
    events = _violent(_REPORT)
    lead = [e for e in events if e.place is not None and e.place.name == "Jani Khel"]
    assert len(lead) == 1 and len(events) == 2
    assert lead[0].date is not None and lead[0].date.value == "2024-10-14"
    assert "Hafiz Gul Bahadur group" in [p.name for p in lead[0].perpetrators]


def test_the_claimed_and_the_denied_attack_are_the_incidents_place_not_the_groups_base() -> None:
    x = _extract(_REPORT, published="2024-10-15")
    assert claims_of(x, "claimed_responsibility_for", "Hafiz Gul Bahadur", "Jani Khel")
    denied = claims_of(x, "attacked", "Taliban Pakistan", "Jani Khel")
    assert denied and all(c.polarity is Polarity.NEGATED for c in denied)
    assert not claims_of(x, "attacked", None, "North Waziristan")


def test_a_separate_incident_stays_apart() -> None:
    events = _violent(_REPORT)
    assert any(e.place is not None and e.place.name == "Serai Naurang" for e in events)


def test_a_word_cut_at_a_list_entrys_date_reach_is_no_month() -> None:
    ev = _violent("Eight policemen were martyred when militants attacked a checkpost in Bannu, officials said.")[0]
    assert ev.date is None or not ev.date.value.endswith("-03")


def test_a_time_that_names_its_day_dates_the_incident() -> None:
    ev = _violent("Militants attacked a checkpost in Bannu late on Monday night, killing four policemen.")[0]
    assert ev.date is not None and ev.date.value == "2024-10-14"
