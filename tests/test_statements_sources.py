"""Source spans of statements in the shapes news reports and encyclopaedia articles use: reference markers glued
to the words, speaker clauses that go on with a participle or a second verb, appositions and relative clauses
after the speaker, "according to" phrases, two speakers in one sentence. The sentences are written for these
tests (bench/attribution/GUIDELINE.md gives the span rules)."""

from __future__ import annotations

import pytest

from _statement_helpers import extract_checked

pytestmark = pytest.mark.model

# (text, cue, source, content); a source of None: the statement has none
CASES = [
    # reference markers ("said.[3]") are no part of any word
    ("The attack was the deadliest this year, a government spokesman said.[3]",
     "said", "a government spokesman", "The attack was the deadliest this year"),
    ("The gunmen fled towards the border, according to a police officer.[12] The toll rose to nine.",
     "according to", "a police officer", "The gunmen fled towards the border"),
    ("Nine soldiers were killed in the ambush, according to military sources.[4][5]",
     "according to", "military sources", "Nine soldiers were killed in the ambush"),
    # a hyphenated name is one word
    ("Three civilians were killed and seven others were injured, al-Rawi said.",
     "said", "al-Rawi", "Three civilians were killed and seven others were injured"),
    # "As X said, …" at the start of a sentence
    ("As the governor said, the roads will stay closed until the spring.",
     "said", "the governor", "the roads will stay closed until the spring"),
    # a second verb of saying joined to the reported clause: the same speaker, each its own content
    ("He said the attack was planned in Afghanistan and added that the group would be punished.",
     "said", "He", "the attack was planned in Afghanistan"),
    ("He said the attack was planned in Afghanistan and added that the group would be punished.",
     "added", "He", "the group would be punished"),
    ("The minister said the militants were trained abroad and warned that more attacks would follow.",
     "warned", "The minister", "more attacks would follow"),
    # "…, adding that …" hung on the reported clause by the parser
    ("Bajwa said the attackers were guided by handlers in Afghanistan, adding that three of them were caught.",
     "said", "Bajwa", "the attackers were guided by handlers in Afghanistan"),
    ("Bajwa said the attackers were guided by handlers in Afghanistan, adding that three of them were caught.",
     "adding", "Bajwa", "three of them were caught"),
    ("The officials said the gunmen attacked the post at night, adding that two soldiers were wounded.",
     "adding", "The officials", "two soldiers were wounded"),
    # two speakers in one sentence
    ("The governor said the attack had been planned for weeks; the police chief, however, said the bomber "
     "acted alone.", "said", "The governor", "the attack had been planned for weeks"),
    # "As <title>, <name>, said": the title parsed under "as" is the speaker's too
    ("The police will hold the towns. As the Commandant of the Police, General Aslam, said: \"We will stay.\"",
     "said", "the Commandant of the Police, General Aslam", "We will stay."),
    ("The navy will patrol the coast.\n\nAs the Chief of the Naval Staff, Admiral Reyes, said:\n\n   To have our "
     "ships standing in a harbour is not\n   nearly as useful as having them at sea.\n\nThe rest follows.",
     "said", "the Chief of the Naval Staff, Admiral Reyes",
     "To have our ships standing in a harbour is not\n   nearly as useful as having them at sea."),
    # a relative clause that is the speaker's next statement is not part of the speaker
    ('"The attack was carried out by three suicide bombers," said Bugti, who added that the death toll was 61.',
     "said", "Bugti", "The attack was carried out by three suicide bombers,"),
    ("The blast was caused by a roadside bomb, according to the district police chief, who said the inquiry "
     "was continuing.", "according to", "the district police chief", "The blast was caused by a roadside bomb"),
    # an apposition that describes the speaker is part of the speaker
    ("The attack killed twelve people, said Ahmed Khan, a spokesman for the provincial police, adding that the "
     "attackers had fled.", "said", "Ahmed Khan, a spokesman for the provincial police",
     "The attack killed twelve people"),
    ("According to Sarfraz Khan, the provincial home minister, the attackers came from Afghanistan.",
     "According to", "Sarfraz Khan, the provincial home minister", "the attackers came from Afghanistan"),
    # a fronted "according to" phrase not closed by a comma: its last apposition is the clause's subject
    ("According to company president David Lane, the speaking fee for the general would be $150,000.",
     "According to", "company president David Lane", "the speaking fee for the general would be $150,000"),
    # a participle of saying on a noun that can speak
    ("A blast hit the market, with several deaths reported and hospital sources saying 12 were wounded.",
     "saying", "hospital sources", "12 were wounded"),
    # ... but the object of a verb does not speak: its subject does
    ("Two months ago, I wrote a letter to the President saying that he should listen to his commanders.",
     "saying", "I", "he should listen to his commanders"),
    # a closing speaker clause the parser hangs on the noun before it as a relative clause
    ("Two days of fighting have left 16 people dead, while 9,000 have fled, the UN relief mission Unara has said.",
     "has said", "the UN relief mission Unara", "Two days of fighting have left 16 people dead, while 9,000 have fled"),
    # ... but a relative clause that reports something of its own is not a speaker clause
    ("This is another plan where the President has decided that the troops should stay.",
     "has decided", "the President", "the troops should stay"),
    # a relative clause of saying on the object of "of": the speaker is the whole phrase
    ("During the debate we heard from a lot of retired officers and even a lot of pundits who thought they knew "
     "better.", "thought", "a lot of retired officers and even a lot of pundits", "they knew better"),
    ("Several members of the panel who said the war was lost were wrong.",
     "said", "Several members of the panel", "the war was lost"),
    # a closing apposition that answers the report is the narrator's, and no speaker
    ("Lane said his captors had burned the village and killed the headman, a claim the militia denied.",
     "said", "Lane", "his captors had burned the village and killed the headman"),
    # claims in the passive with an agent: the act claimed is the content
    ("The attack was claimed by the Islamic State through its news agency.",
     "was claimed", "the Islamic State", "The attack"),
]


@pytest.mark.parametrize(("text", "cue", "source", "content"), CASES)
def test_source_cue_and_content(extractor, text: str, cue: str, source: str | None,  # type: ignore[no-untyped-def]
                                content: str) -> None:
    x = extract_checked(extractor, text)
    found = [(s.cue.text, None if s.source is None else s.source.text, s.content.text) for s in x.attributions]
    assert (cue, source, content) in found, found


def test_a_cue_inside_a_longer_cue_is_one_statement(extractor) -> None:  # type: ignore[no-untyped-def]
    x = extract_checked(extractor, "Khan was quoted as saying that the attackers had been trained abroad.")
    assert [(s.cue.text, s.source and s.source.text) for s in x.attributions] == [("was quoted as saying", "Khan")]


@pytest.mark.parametrize("text", [
    "There was no claim of responsibility for the attack.",
    "No group has claimed responsibility for the bombing.",
])
def test_no_statement_where_nothing_was_said(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not extract_checked(extractor, text).attributions
