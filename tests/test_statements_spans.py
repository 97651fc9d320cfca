"""Statements on text shaped like real reports: hard-wrapped speeches, span boundaries of the annotation scheme
(bench/attribution/GUIDELINE.md). The sentences are written for these tests."""

from __future__ import annotations

import pytest

from _statement_helpers import by_cue, extract_checked
from claimgraph.nlp.segment import paragraphs

_extract, _by_cue = extract_checked, by_cue


# -- hard wraps ---------------------------------------------------------------------------------------------

WRAPPED = (
    "Mr. LANE. Madam Speaker, the reports from the border are \n\n\n troubling. The patrols go out only when \n\n\n"
    " the district officers decide that the roads are safe, a senior police official said, and they \n\n\n"
    " return before dark.\n\n\n\n The officers are allowed to carry arms and to return \n\n\n fire when attacked. "
    "But the official stressed that the patrols \n\n\n are not combat missions.\n\n\n\n"
    " The committee will meet again in the spring, and the \n\n\n members expect a new report by then.\n\n\n\n"
    " I yield back the balance of my time.")


def test_blank_lines_that_wrap_a_sentence_do_not_end_its_paragraph() -> None:
    paras = [WRAPPED[s:e] for s, e in paragraphs(WRAPPED)]
    assert len(paras) == 4
    assert paras[1].startswith("The officers") and paras[1].endswith("are not combat missions.")


def test_a_blank_line_before_a_line_in_lower_case_is_a_wrap() -> None:
    text = ("The envoy met the elders in the valley and\nspoke at length about the\n\nwithdrawal of the foreign\n"
            "forces. He left the next morning for\nthe capital, where he met the\nminister.\n\nThe talks ended\n"
            "in May.")
    paras = [text[s:e] for s, e in paragraphs(text)]
    assert len(paras) == 2 and paras[0].endswith("minister.") and paras[1].startswith("The talks")


def test_blank_lines_between_paragraphs_stay_paragraph_breaks() -> None:
    text = ("The first paragraph has a title line\nbefore it and\nends here.\n\n"
            "---\n\nThe second paragraph is a\nplain one that\nends here too.\n\nA third.")
    paras = [text[s:e] for s, e in paragraphs(text)]
    assert paras[1] == "---" and paras[2].startswith("The second")


@pytest.mark.model
def test_a_speaker_clause_in_a_sentence_wrapped_by_blank_lines(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _extract(extractor, WRAPPED)
    said = _by_cue(x, "said")
    assert said.source is not None and said.source.text == "a senior police official"
    stressed = _by_cue(x, "stressed")
    assert stressed.source is not None and stressed.source.text == "the official"
    assert stressed.content.text == "the patrols \n\n\n are not combat missions"


@pytest.mark.model
def test_a_verb_group_broken_by_a_wrap_keeps_its_negation(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Mr. LANE. The people of the valley do not \n\n\n believe that the new road will be finished this year, "
            "and \n\n\n the council has no money for it.\n\n\n\n The elders met the governor in \n\n\n the spring. "
            "They said that the \n\n\n school had been closed.\n\n\n\n The governor promised to look \n\n\n into it.")
    x = _extract(extractor, text)
    believe = next(s for s in x.attributions if s.cue.text.endswith("believe"))
    assert believe.cue.text == "do not \n\n\n believe"
    assert believe.source is not None and believe.source.text == "The people of the valley"


@pytest.mark.model
def test_labelling_and_evidence_verbs(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "\n\n".join([
        "The minister described the bombing of the market as an act of war against the whole country.",
        "A survey of the displaced families showed that most of them wanted to return before the winter.",
        "The inspectors found that the depot had been emptied weeks before the raid.",
        "The governor detailed the damage caused by the floods in the northern districts.",
    ])
    x = _extract(extractor, text)
    described = _by_cue(x, "described the bombing of the market as")
    assert described.content.text == "an act of war against the whole country"
    assert described.source is not None and described.source.text == "The minister"
    showed = _by_cue(x, "showed")
    assert showed.source is not None and showed.source.text == "A survey of the displaced families"
    assert showed.content.text == "most of them wanted to return before the winter"
    found = _by_cue(x, "found")
    assert found.content.text == "the depot had been emptied weeks before the raid"
    detailed = _by_cue(x, "detailed")
    assert detailed.content.text == "the damage caused by the floods in the northern districts"


@pytest.mark.model
def test_a_speaker_inside_a_relative_clause_reports_nothing(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "\n\n".join([
        "The ceasefire that the commander announced in March collapsed within a week.",
        "We must choose what I think is the only sensible course for the province.",
        "The police said that the ceasefire had collapsed.",
    ])
    x = _extract(extractor, text)
    assert [s.cue.text for s in x.attributions] == ["said"]


@pytest.mark.model
def test_according_to_attributes_the_rest_of_its_sentence(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "\n\n".join([
        "Today, the army has about a hundred trainers in the province, and the programme is set to grow again, "
        "according to officials familiar with the plan.",
        "According to the police, the attackers fled on foot, and according to witnesses, two of them were hurt.",
        "The camp was closed partly because, according to the governor, the funds ran out in May.",
    ])
    x = _extract(extractor, text)
    by_source = {s.source.text: s.content.text for s in x.attributions if s.source is not None}
    assert by_source["officials familiar with the plan"] == (
        "Today, the army has about a hundred trainers in the province, and the programme is set to grow again")
    assert by_source["the police"] == "the attackers fled on foot"
    assert by_source["witnesses"] == "two of them were hurt"
    assert by_source["the governor"] == "the funds ran out in May"


@pytest.mark.model
def test_content_boundaries_of_the_scheme(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "\n\n".join([
        "Since then, the depot was guarded by the militia, the residents said, adding that the road had been mined.",
        "The envoy promised to reopen the border crossing before the harvest.",
        "Diplomats asked whether the talks would resume after the election.",
        'The commander said the rebels were "tired" and "ready to talk."',
    ])
    x = _extract(extractor, text)
    said = _by_cue(x, "said")
    assert said.content.text == "Since then, the depot was guarded by the militia"  # not the added clause
    adding = _by_cue(x, "adding")
    assert adding.content.text == "the road had been mined"
    promised = _by_cue(x, "promised")
    assert promised.content.text == "to reopen the border crossing before the harvest"
    asked = _by_cue(x, "asked")
    assert asked.content.text == "the talks would resume after the election"
    commander = [s for s in x.attributions if s.source is not None and s.source.text == "The commander"]
    assert commander[0].content.text == 'the rebels were "tired" and "ready to talk."'


@pytest.mark.model
def test_stances_and_views_held_with_a_that_clause(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "\n\n".join([
        "The mayor was disappointed that the council did not act on the flood report.",
        "I have full confidence that the new commander will restore order in the district.",
        "My concern is that the debate will raise doubts about our resolve.",
        "The governor made it clear that the curfew would stay in place until Friday.",
        "There have been reports that the prisoners were moved to another camp.",
        "There were allegations of fraud in the count.",
    ])
    x = _extract(extractor, text)
    got = {s.cue.text: (s.source.text if s.source else None, s.content.text) for s in x.attributions}
    assert got["was disappointed"] == ("The mayor", "the council did not act on the flood report")
    assert got["have full confidence"] == ("I", "the new commander will restore order in the district")
    assert got["concern"] == ("My", "the debate will raise doubts about our resolve")
    assert got["made it clear"] == ("The governor", "the curfew would stay in place until Friday")
    assert got["There have been reports"] == (None, "the prisoners were moved to another camp")
    assert got["There were allegations of"][0] is None


@pytest.mark.model
def test_a_decision_or_an_agreement_to_act_is_no_statement(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "\n\n".join([
        "The two parties agreed to form a coalition government after the vote.",
        "Parliament decided to try the former president for treason.",
    ])
    x = _extract(extractor, text)
    assert not x.attributions, [(s.cue.text, s.content.text) for s in x.attributions]


@pytest.mark.model
def test_what_a_thinker_thinks_goes_on_past_a_comma_and(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "I believe the new road may be our only chance to reach the valley, and it will need more guards."
    x = _extract(extractor, text)
    believe = _by_cue(x, "believe")
    assert believe.content.text == (
        "the new road may be our only chance to reach the valley, and it will need more guards")


@pytest.mark.model
def test_speaker_clauses_that_report_no_clause_of_their_own(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "\n\n".join([
        "The brigade will get what the general has said is necessary for the winter.",
        "Recall that the envoy left the talks in March.",
        "The police said that the envoy left the talks in March.",
    ])
    x = _extract(extractor, text)
    assert [(s.cue.text, s.source.text if s.source else None) for s in x.attributions] == [("said", "The police")]


@pytest.mark.model
def test_content_stops_where_another_source_or_sentence_begins(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "\n\n".join([
        "The inquiry concluded that the convoy was ambushed near the bridge, and according to two drivers, the "
        "escort had left an hour earlier.",
        "The minister said that a new vote is needed in the assembly for a trial of the general.[12]\"We will not "
        "wait for ever,\" he added.",
        "The report showed how badly the school had been damaged.",
    ])
    x = _extract(extractor, text)
    concluded = _by_cue(x, "concluded")
    assert concluded.content.text == "the convoy was ambushed near the bridge"
    said = next(s for s in x.attributions if s.source is not None and s.source.text == "The minister")
    assert said.content.text == "a new vote is needed in the assembly for a trial of the general"
    showed = _by_cue(x, "showed")
    assert showed.content.text == "how badly the school had been damaged"


@pytest.mark.model
def test_as_clauses_facts_and_descriptions(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "\n\n".join([
        "The road to the valley is also under threat, as the governor recently pointed out.",
        'It was reported as "the worst flood in the district in forty years".[4] The army sent boats.',
        "The envoy stressed the fact that the talks had failed twice before.",
    ])
    x = _extract(extractor, text)
    pointed = _by_cue(x, "recently pointed out")
    assert pointed.content.text == "The road to the valley is also under threat"
    reported = _by_cue(x, "was reported as")
    assert reported.source is None and reported.content.text == "the worst flood in the district in forty years"
    stressed = _by_cue(x, "stressed the fact")
    assert stressed.content.text == "the talks had failed twice before"


@pytest.mark.model
def test_a_condemnation_reports_no_proposition(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "The prime minister condemned the bombing of the market and the foreign ministry condemned it too."
    x = _extract(extractor, text)
    assert not x.attributions, [(s.cue.text, s.content.text) for s in x.attributions]


@pytest.mark.model
def test_coordinated_speakers_and_a_channel_after_the_speaker(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "\n\n".join([
        "The defence minister and the army chief said that the border would stay closed.",
        "The Daily Star in an article on Monday reported that the dam had cracked.",
        "A lot of farmers and even a lot of traders believe that the harvest is lost.",
    ])
    x = _extract(extractor, text)
    sources = [s.source.text for s in x.attributions if s.source is not None]
    assert sources == ["The defence minister and the army chief", "The Daily Star",
                       "A lot of farmers and even a lot of traders"]


@pytest.mark.model
def test_a_pledge_or_a_speaker_introducing_a_quotation(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("The general spoke at the academy.\n\nAs the commander of the northern corps, General Ali, said:\n\n"
            "    The valley will be safe by the spring, and the roads will open again.\n\n"
            'The president made this pledge to the troops: "You will have what you need to finish the job."\n\n'
            "They made a pledge of support.")
    x = _extract(extractor, text)
    pledge = _by_cue(x, "made this pledge to the troops")
    assert pledge.source is not None and pledge.source.text == "The president"
    assert pledge.content.text == "You will have what you need to finish the job."
    said = _by_cue(x, "said")
    assert said.source is not None and said.source.text.endswith("General Ali")
    assert said.content.text.startswith("The valley will be safe")
    assert not [s for s in x.attributions if s.cue.text.startswith("made a pledge")]


@pytest.mark.model
def test_a_participle_framing_the_same_act_of_saying(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ('Testifying before the committee, the minister said: "The border will reopen on Monday." '
            'The police said the road was closed, adding that two bridges had been damaged.')
    x = _extract(extractor, text)
    cues = [s.cue.text for s in x.attributions]
    assert not [c for c in cues if c.startswith("Testifying")]
    assert "adding" in cues and cues.count("said") == 2


@pytest.mark.model
def test_italics_markup_round_a_source(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("The letter was judged authentic by the investigators, according to _The Daily Courier_.[12] "
            "The _Evening Star_ reported that the dam had cracked.")
    x = _extract(extractor, text)
    got = {s.cue.text: (s.source.text if s.source else None, s.content.text) for s in x.attributions}
    assert got["according to"] == ("_The Daily Courier_", "The letter was judged authentic by the investigators")
    assert got["reported"] == ("The _Evening Star_", "the dam had cracked")


@pytest.mark.model
def test_then_goes_with_a_former_title(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _extract(extractor, "In 2005, then President Ali Khan said that the army would leave the valley.")
    said = _by_cue(x, "said")
    assert said.source is not None and said.source.text == "then President Ali Khan"
