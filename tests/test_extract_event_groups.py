"""The group behind a person who did the act (extract/event_groups.py): a commander's group is a side of the act
he led, when the report states he belongs to it; not when it only hedges that he does. The sentences are written
for these tests in the style of wire reports; none comes from a benchmark."""

from __future__ import annotations

import pytest

from _extract_helpers import extract_text as _extract

pytestmark = pytest.mark.model


def _doers(text: str) -> list[str]:
    events = [e for e in _extract(text).events if e.type in ("ASSAULT", "FIGHT")]
    assert events, text
    return [p.name for p in events[0].perpetrators]


@pytest.mark.parametrize("text", [
    "Mullah Hamza, a commander of the Tehrik-i-Taliban Pakistan, shot dead two policemen in Swat on Monday.",
    "Militants led by TTP commander Mullah Hamza attacked a police post in Swat on Monday, killing two policemen.",
])
def test_a_commanders_stated_group_is_a_side_of_the_act_he_did(text: str) -> None:
    doers = _doers(text)
    assert doers[0] == "Mullah Hamza" and "Tehrik-i-Taliban Pakistan" in doers


def test_a_group_he_is_only_said_to_belong_to_is_no_side() -> None:
    doers = _doers("Mullah Hamza, who police said was allegedly a commander of the Tehrik-i-Taliban Pakistan, shot "
                   "dead two policemen in Swat on Monday.")
    assert doers == ["Mullah Hamza"]


def test_a_meeting_of_a_commander_stays_his_own() -> None:
    x = _extract("Mullah Hamza, a commander of the Tehrik-i-Taliban Pakistan, met tribal elders in Swat on Monday.")
    assert all("Tehrik-i-Taliban Pakistan" not in {p.name for p in e.perpetrators + e.targets}
               for e in x.events if e.type not in ("ASSAULT", "FIGHT"))
