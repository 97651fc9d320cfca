"""Where a body has its base, and where it does not: "the Peshawar-based X" puts an organisation's base there, but
a person so described only works there; an attack on "an army base in Y" says where the incident was, not where
that country's army is based, while its forces abroad are ("US troops based in Syria"). The sentences are written
for these tests in the style of the invented wire reports of bench/training; none comes from a benchmark."""

from __future__ import annotations

import pytest

from _extract_helpers import claims_of
from _extract_helpers import extract_text as _extract

pytestmark = pytest.mark.model


def test_a_person_described_by_a_city_works_there_and_has_no_base() -> None:
    x = _extract("Imran Baig, a Peshawar-based security analyst, said the group had moved its fighters north.")
    assert not claims_of(x, "based_in", "Imran Baig")
    assert any("of organisation only, not of a person" in why for _, why in x.dropped)


def test_an_organisation_described_by_a_city_has_its_base_there() -> None:
    x = _extract("The Peshawar-based Khyber Research Forum said the group had moved its fighters north.")
    assert claims_of(x, "based_in", "Khyber Research Forum", "Peshawar")


def test_an_attack_on_an_army_base_at_home_puts_no_base_claim() -> None:
    x = _extract("Boko Haram fighters overran a Nigerian army base in Damboa, in Borno State, on Friday, killing"
                 " seven soldiers, residents said.")
    assert not claims_of(x, "based_in", "Military Forces of Nigeria")
    assert any("lies in the country whose forces" in why for _, why in x.dropped)


def test_a_states_forces_abroad_are_based_there() -> None:
    x = _extract("About 900 American troops are based in Syria, the Pentagon said on Monday.")
    assert claims_of(x, "based_in", "Military Forces of United States", "Syria")
