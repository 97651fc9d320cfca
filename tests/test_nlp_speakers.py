"""The speaker a sentence ends with, set off by commas, is the subject of its verb of saying, not an apposition of
the noun before it. The sentences are written for these tests in the style of wire reports."""

from __future__ import annotations

import pytest

from _extract_helpers import extract_text

pytestmark = pytest.mark.model

_OPERATION = ("Paramilitary Frontier Corps (FC) troops launched an operation in the hills of Zehri tehsil in Khuzdar on"
              " Wednesday and killed five BLA militants believed to have taken part in the highway attack, the"
              " military's media wing, Inter-Services Public Relations (ISPR), said in a statement.")


def _parsed(text: str):  # noqa: ANN202 - a spaCy Doc
    from _extract_helpers import _extractor

    return _extractor().nlp(text)


def test_a_speaker_the_parser_hung_on_the_object_speaks_the_sentence() -> None:
    doc = _parsed(_OPERATION + " One FC soldier was killed.")
    said = next(t for t in doc if t.text == "said")
    assert said.dep_ == "ROOT" and [c.text for c in said.children if c.dep_ == "nsubj"] == ["wing"]
    assert next(t for t in doc if t.text == "launched").head == said  # what it says is its complement
    assert [s.text.split()[0] for s in doc.sents] == ["Paramilitary", "One"]  # the sentences stay as they were


def test_the_speaker_is_no_target_of_the_act_it_reports() -> None:
    x = extract_text(_OPERATION)
    targets = {t.name for e in x.events for t in e.targets}
    assert "Balochistan Liberation Army" in targets
    assert "Inter-Services Public Relations" not in targets


def test_a_speaker_with_its_own_subject_is_left_alone() -> None:
    doc = _parsed("Gunmen killed two policemen in Quetta on Monday, a police official said.")
    said = next(t for t in doc if t.text == "said")
    assert [c.text for c in said.children if c.dep_ == "nsubj"] == ["official"]


def test_a_title_and_name_before_as_x_said_stay_one_speaker() -> None:
    doc = _parsed('As the commander of the Marine Corps, General Smith, said: "We will not leave the city."')
    smith = next(t for t in doc if t.text == "Smith")
    assert smith.dep_ != "nsubj"  # the whole phrase speaks, not its last name alone
