"""How short conflict-event notes word an incident: a district named for its seat beside another country, the
town the wounded were flown to, tolls "reported killed" and listed one by one, the two sides of a clash, and a
command's syllabic short form. The sentences are written for these tests in the style of conflict-event notes;
none comes from a benchmark."""

from __future__ import annotations

import pytest

from _extract_helpers import claims_of
from _extract_helpers import extract_text as _extract

pytestmark = pytest.mark.model


def _violent(text: str):  # noqa: ANN202 - the violent events of one text
    return [e for e in _extract(text, published="2025-01-20").events if e.type in ("ASSAULT", "FIGHT")]


def test_a_district_named_for_its_seat_is_found_beside_another_country() -> None:
    [event] = _violent("Security forces killed two militants trying to infiltrate from Afghanistan in Qamar Din "
                       "Karez area of Zhob district on 12 January 2025, the military said.")
    assert event.place is not None and event.place.country == "Pakistan" and event.place.admin1 == "Balochistan"


@pytest.mark.parametrize(("text", "place"), [
    ("On 3 January 2025, police commandos killed four Maoists in a gunfight in the forests near Kotmi. One commando "
     "was injured and airlifted to Raipur.", "Kotmi"),
    ("On 3 January 2025, C-60 commandos killed five Maoists in a gunfight in the forests near Etapalli. Two "
     "commandos were injured and rushed to Nagpur.", "Etapalli"),
])
def test_where_the_wounded_were_taken_is_not_where_it_happened(text: str, place: str) -> None:
    [event] = _violent(text)
    assert event.place is not None and event.place.name == place


@pytest.mark.parametrize(("text", "killed"), [
    ("KIA fighters overran a junta outpost near Myitkyina on 2 January 2025; nine soldiers were reported killed.",
     9),
    ("A suicide bomber blew himself up near the car of a local leader in Khar on 4 January 2025, killing himself, "
     "the leader and his driver.", 3),
])
def test_tolls_reported_killed_and_listed_one_by_one(text: str, killed: int) -> None:
    [event] = _violent(text)
    assert event.killed is not None and event.killed.min == killed


def test_the_sides_of_a_clash_are_its_doers_whoever_died() -> None:
    [event] = _violent("PDF fighters and junta troops clashed near Kalay town in Sagaing Region on 5 January 2025; "
                       "four soldiers and one PDF fighter were killed, local sources said.")
    assert {p.name for p in event.perpetrators} >= {"PDF", "Military Forces of Myanmar"}


def test_a_syllabic_short_form_in_brackets_is_the_same_body() -> None:
    x = _extract("Troops of the Western Mindanao Command (Westmincom) overran an Abu Sayyaf camp in Sulu on Monday. "
                 "Westmincom said five militants were killed.")
    assert len([e for e in x.entities if "Westmincom" in (e.name, *e.aliases)]) == 1
    assert not claims_of(x, "attacked", "Westmincom")


def test_a_chain_of_acts_has_its_first_verbs_doers() -> None:
    [event] = _violent("On 12 January 2025, BLA fighters blocked a highway in Musakhel district, offloaded passengers "
                       "from buses and shot dead at least 11 of them.")
    assert [p.name for p in event.perpetrators][:1] == ["Balochistan Liberation Army"]


def test_a_separate_statement_is_no_separate_incident() -> None:
    text = ("Gunmen on motorbikes killed 12 villagers in Tidermène, Mali, on 10 January 2025, a local official said."
            "\n\nIn a separate statement, JNIM said it had nothing to do with the killings in Tidermène.")
    assert len(_violent(text)) == 1


def test_a_date_after_since_that_a_when_clause_tells_is_that_acts_day() -> None:
    from _extract_helpers import _extractor
    from claimgraph.extract.dateline import date_phrases

    nlp = _extractor().nlp
    told = nlp("It was the deadliest attack in the city since August 2021, when a bomber killed 170 people.")
    began = nlp("The group has fought the government since 2006.")
    assert any("2021" in d for d in date_phrases(told)) and not date_phrases(began)
