"""Statements of requests, names and views, and cue boundaries of the annotation scheme
(bench/attribution/GUIDELINE.md). The sentences are written for these tests."""

from __future__ import annotations

import pytest

from _statement_helpers import by_cue, extract_checked

_extract, _by_cue = extract_checked, by_cue


def _spans(x, cue: str) -> tuple[str | None, str]:  # type: ignore[no-untyped-def]
    s = _by_cue(x, cue)
    return (s.source.text if s.source else None, s.content.text)


@pytest.mark.model
def test_a_reported_request_with_its_addressee(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("The United States urged Pakistan to act against the militants. The minister called on the rebels to "
            "lay down their arms. The council has appealed to the United Nations to investigate the killings.")
    x = _extract(extractor, text)
    assert _spans(x, "urged Pakistan") == ("The United States", "to act against the militants")
    assert _spans(x, "called on the rebels") == ("The minister", "to lay down their arms")
    assert _spans(x, "has appealed to the United Nations") == ("The council", "to investigate the killings")


@pytest.mark.model
def test_a_request_the_speaker_makes_here_reports_nothing(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Mr. LANE. I urge my colleagues to support this bill. I report with sadness the death of another "
            "soldier. The people of the valley must understand that the road will stay closed.")
    x = _extract(extractor, text)
    assert not [s.cue.text for s in x.attributions]


@pytest.mark.model
def test_naming_and_viewing_as(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("The governor called the bombing a cowardly act. The elders saw the dam as a threat to the valley. "
            "He has called the war a ''war of necessity.''")
    x = _extract(extractor, text)
    assert _spans(x, "called the bombing") == ("The governor", "a cowardly act")
    assert _spans(x, "saw") == ("The elders", "the dam as a threat to the valley")
    assert _spans(x, "has called the war") == ("He", "war of necessity.")


@pytest.mark.model
def test_describing_as_keeps_as_in_the_cue(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("The general described the situation as serious. He describes this step as necessary to restore the "
            "trust of the people. He described the enemy as follows:\n\nThe insurgents hold the hills and the "
            "roads to the south.")
    x = _extract(extractor, text)
    assert _spans(x, "described the situation as")[1] == "serious"
    assert _spans(x, "describes this step as")[1] == "necessary to restore the trust of the people"
    assert _spans(x, "described the enemy as follows")[1] == "The insurgents hold the hills and the roads to the south."


@pytest.mark.model
def test_an_infinitive_cue_takes_its_to_and_the_verb_it_hangs_on(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("The minister said he expects to announce that the bridge will reopen in May. These reports lead me "
            "to believe the talks have failed. His answer was to warn that the roads were closed.")
    x = _extract(extractor, text)
    cues = [s.cue.text for s in x.attributions]
    assert "expects to announce" in cues and "expects" not in cues
    assert _spans(x, "to believe") == ("me", "the talks have failed")
    assert "warn" in cues


@pytest.mark.model
def test_cue_boundaries_of_clitics_asides_and_possessive_views(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("But they're saying, the troops need help. The mayor made a vague promise--which I believe to be a "
            "ruse--that the market will reopen. It is my understanding that the bridge was closed in May. "
            "The paper repeated the claim.")
    x = _extract(extractor, text)
    assert _spans(x, "saying") == ("they", "the troops need help")
    assert _spans(x, "made a vague promise")[1] == "the market will reopen"
    assert not [s for s in x.attributions if s.cue.text == "believe"]
    understanding = _by_cue(x, "understanding")
    assert understanding.source is not None and understanding.source.text == "my"
    assert understanding.kind.value == "named"
    assert _spans(x, "repeated")[1] == "the claim"


@pytest.mark.model
def test_questions_impersonal_infinitives_and_the_nearer_of_two_cues(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("If the prisoners were released and went back to the fight, what does that say about the others? "
            "It is foolish to think that the valley is safe.\n\n"
            "He warned of the cost of delay, and here is what he said:\n\n"
            "The roads will close before the snow comes and the villages will be cut off for the winter.\n\n"
            "The council will meet again in the spring.")
    x = _extract(extractor, text)
    cues = [s.cue.text for s in x.attributions]
    assert "say" not in cues and "think" not in cues and "warned" not in cues
    assert _spans(x, "said") == ("he", "The roads will close before the snow comes and the villages will be cut "
                                       "off for the winter.")


@pytest.mark.model
def test_a_claim_of_responsibility_for_a_deed_named_by_a_gerund(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _extract(extractor, "The Taliban claimed responsibility for killing two soldiers near the border.")
    assert _spans(x, "claimed responsibility for") == ("The Taliban", "killing two soldiers near the border")


@pytest.mark.model
def test_believing_an_object_to_be_and_no_addressee_after_a_thinking_verb(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _extract(extractor, "The elders also believed the new dam to be a serious threat to the valley.")
    assert _spans(x, "also believed") == ("The elders", "the new dam to be a serious threat to the valley")


@pytest.mark.model
def test_a_second_speaker_after_a_semicolon_and_a_quote_the_narrator_goes_on_with(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ('One teacher described him as "hard working"; another said he left school in his third year. '
            'He often warned of the dangers: "The river will rise." The village was listed with "the lost places" '
            'in the survey.\n\n'
            '"The roads are closed," the governor told the radio on Sunday morning. "We have sent more troops."')
    x = _extract(extractor, text)
    assert _spans(x, "said") == ("another", "he left school in his third year")
    contents = [s.content.text for s in x.attributions]
    assert "the lost places" not in contents
    assert "We have sent more troops." in contents
    assert "The roads are closed," in contents


@pytest.mark.model
def test_a_clause_a_speaker_reports_is_not_a_speaker_clause_inside_it(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _extract(extractor, 'He later told a journalist: "I felt outraged that the valley had been abandoned."')
    told = _by_cue(x, "later told a journalist")
    assert told.content.text == "I felt outraged that the valley had been abandoned."
    assert not [s for s in x.attributions if s.content.text.startswith("He later")]


@pytest.mark.model
def test_the_day_after_an_inverted_speaker(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _extract(extractor, '"We will not negotiate," said Ahmad Khan, the governor of the province, on Monday.')
    assert _spans(x, "said")[0] == "Ahmad Khan, the governor of the province"


@pytest.mark.model
def test_a_reduced_relative_of_belief_is_agentless(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("A suicide bomber believed to be from the province blew himself up. Three men, believed to be linked "
            "to the group, were arrested in the capital. They believed it to be a trap.")
    x = _extract(extractor, text)
    believed = [s for s in x.attributions if s.cue.text == "believed"]
    agentless = {s.content.text for s in believed if s.source is None}
    assert "A suicide bomber believed to be from the province" in agentless
    assert "Three men, believed to be linked to the group" in agentless
    assert [s.source.text for s in believed if s.source is not None] == ["They"]


@pytest.mark.model
def test_a_date_or_a_channel_hung_on_the_speaker_is_not_the_speaker(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _extract(extractor, "A former State Department official in October 2001 described the valley as a haven "
                            "for smugglers.")
    assert _spans(x, "described the valley as")[0] == "A former State Department official"


@pytest.mark.model
def test_a_closing_speaker_clause_written_without_its_comma(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("A relief worker was killed in an ambush along the river road a local official said.[10] "
            "He denied the things the minister said.")
    x = _extract(extractor, text)
    said = [s for s in x.attributions if s.cue.text == "said"]
    assert [(s.source.text if s.source else None, s.content.text) for s in said] == [
        ("a local official", "A relief worker was killed in an ambush along the river road")]


@pytest.mark.model
def test_a_closing_speaker_relative_clause_before_a_reference_marker(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Fighting in the north has left 16 people dead, while 10,000 have fled their homes, the UN mission "
            "Minusca has said.[142]")
    x = _extract(extractor, text)
    assert _spans(x, "has said") == ("the UN mission Minusca", "Fighting in the north has left 16 people dead, "
                                                                 "while 10,000 have fled their homes")


@pytest.mark.model
def test_a_passive_naming_that_describes_is_agentless_and_a_name_is_not(extractor) -> None:  # type: ignore[no-untyped-def]
    text = 'The valley has been called a "forgotten province". The group is called Lashkar-e-Taiba.'
    x = _extract(extractor, text)
    called = [s for s in x.attributions if "called" in s.cue.text]
    assert [(s.source, s.cue.text, s.content.text) for s in called] == [
        (None, "has been called", "forgotten province")]


@pytest.mark.model
def test_the_subject_of_an_adjective_speaks_its_infinitive(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _extract(extractor, "The minister was quick to deny that the army had been involved.")
    assert _spans(x, "deny") == ("The minister", "the army had been involved")
