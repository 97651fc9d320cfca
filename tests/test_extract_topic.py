"""A document about one actor (its title names it): the missing side of its sentences without a subject."""

from __future__ import annotations

import pytest

from _extract_helpers import claims_of
from claimgraph.extract import Extractor
from claimgraph.extract.topic import topic_names
from claimgraph.records import Document, text_id


def test_title_names_the_topic_without_reference_numbers_or_tail() -> None:
    assert topic_names("HAQQANI NETWORK (HQN) (TAe.012) — UN Security Council consolidated list") == (
        "HAQQANI NETWORK", ("HQN",))
    assert topic_names("Abu Sayyaf - Wikipedia") == ("Abu Sayyaf", ())
    assert topic_names("Pakistan says gunmen who stormed a police college in Quetta were sent from across the border"
                       ) is None
    assert topic_names(None) is None and topic_names("") is None


def _x(extractor: Extractor, title: str, text: str):  # noqa: ANN202
    return extractor.extract(Document(text_id(text), text, title=title))


@pytest.mark.model
def test_a_list_entry_on_a_group_names_its_founder_leader_and_members(extractor: Extractor) -> None:
    x = _x(extractor, "LASHKAR-E-TAYYIBA (LeT) (QDe.118) — UN Security Council consolidated list",
           "Founded by Hafiz Muhammad Saeed in 1987 and later led by Zafar Iqbal. Other listed members include "
           "Zaki-ur-Rehman Lakhvi and Haji Muhammad Ashraf. Active in Jammu and Kashmir.")
    assert claims_of(x, "member_of", "Hafiz Muhammad Saeed", "Lashkar")
    assert claims_of(x, "directs", "Zafar Iqbal", "Lashkar")
    assert claims_of(x, "member_of", "Lakhvi", "Lashkar") and claims_of(x, "member_of", "Ashraf", "Lashkar")
    assert claims_of(x, "operates_in", "Lashkar", "Kashmir")


@pytest.mark.model
def test_a_list_entry_on_a_person_names_the_groups_they_lead_or_pledged_to(extractor: Extractor) -> None:
    x = _x(extractor, "ABU MOHAMMED AL-JAWLANI (QDi.317) — UN Security Council consolidated list",
           "Leader of Al-Nusrah Front for the People of the Levant. Pledged allegiance to Al-Qaida in 2013.")
    assert claims_of(x, "member_of", "Jawlani", "Nusrah")
    assert claims_of(x, "member_of", "Jawlani", "Qaeda")


@pytest.mark.model
def test_a_headline_is_no_topic_and_a_sentence_with_a_subject_keeps_it(extractor: Extractor) -> None:
    x = _x(extractor, "Hamas leader killed in Beirut strike", "Founded by Ahmed Yassin. Other listed members include "
           "Ismail Haniyeh.")
    assert not x.claims
    x = _x(extractor, "LASHKAR-E-TAYYIBA (QDe.118) — UN Security Council consolidated list",
           "Jaish-e-Mohammed was founded by Masood Azhar. Its members include Abdul Rauf Asghar.")
    assert claims_of(x, "member_of", "Masood Azhar", "Jaish")
    assert not claims_of(x, "member_of", "Masood Azhar", "Lashkar")
    assert not claims_of(x, "member_of", "Asghar", "Lashkar")
