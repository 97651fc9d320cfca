"""Paragraphs, sentences and which sentences are parsed (tokenizer only, no model)."""

from __future__ import annotations

import spacy

from claimgraph.nlp.gazetteer import build_gazetteer
from claimgraph.nlp.pipeline import GazetteerMatcher, split_reference_markers
from claimgraph.nlp.segment import Segmenter, paragraphs, verb_forms


def test_paragraphs_line_mode_and_tables() -> None:
    text = "Title line\n\nFirst paragraph. Two sentences.\n| 1 | Bombing | Quetta |\n+---+---+\nLast."
    paras = [text[s:e] for s, e in paragraphs(text)]
    assert paras == ["Title line", "First paragraph. Two sentences.", "1", "Bombing", "Quetta", "Last."]


def test_paragraphs_hard_wrapped() -> None:
    text = ("Mr. SMITH. Madam Speaker, I rise in opposition to this\nresolution. The withdrawal of our\n"
            "forces would put us at risk of an attack\nfrom al Qaeda.\n\nSecond paragraph here, with\n"
            "wrapped lines that\ngo on.\n\nThird one with a few words\nmore.")
    paras = [text[s:e] for s, e in paragraphs(text)]
    assert len(paras) == 3 and paras[0].endswith("al Qaeda.") and "\n" in paras[0]


def test_verb_forms() -> None:
    forms = verb_forms(["say", "fund", "meet", "plan"], {"said": ["say"], "met": ["meet"]})
    assert {"says", "said", "saying", "funded", "funding", "met", "meets", "planned", "planning"} <= forms


def test_segmenter_keeps_sentences_with_names_and_a_trigger() -> None:
    nlp = spacy.blank("en")
    matcher = GazetteerMatcher(nlp.vocab, build_gazetteer(None, frozenset()), nlp.make_doc)
    seg = Segmenter(nlp, matcher, {"attacked", "met", "support"})
    text = ("The weather was fine. The BLA attacked an ISKP camp in Mastung. Ahmed Khan met Rana Ashfaq.\n"
            "It rained a lot in the valley after the attack on the town.[12] The ISI and the LeT met.")
    paras, sents = seg.segment(text)
    assert len(paras) == 2
    kept = [text[s.start : s.end] for s in sents if s.keep]
    assert kept == ["The BLA attacked an ISKP camp in Mastung.", "Ahmed Khan met Rana Ashfaq.",
                    "The ISI and the LeT met."]
    skipped = [text[s.start : s.end] for s in sents if not s.keep]
    assert "The weather was fine." in skipped
    bla = next(s for s in sents if s.keep)
    assert [h.text for h in bla.hits] == ["BLA", "ISKP", "Mastung"]


def test_segmenter_keeps_event_sentences_without_names_and_what_follows_them() -> None:
    """A violent-event word keeps a sentence whatever its names; a casualty or responsibility sentence
    is kept right after one (incident descriptions from the Wikipedia list)."""
    nlp = spacy.blank("en")
    matcher = GazetteerMatcher(nlp.vocab, build_gazetteer(None, frozenset()), nlp.make_doc)
    seg = Segmenter(nlp, matcher, {"met"}, event_words={"exploded", "bomb", "ran"},
                    follow_words={"killed", "injured", "claimed", "responsibility"}, follow_gap=1)
    text = ("Three bombs exploded in a school. 6 people were killed and 25 others injured. "
            "The weather was fine. Two men were killed in a crash.\n"
            "A van ran over multiple pedestrians on the London Bridge. The Islamic State claimed responsibility.")
    _, sents = seg.segment(text)
    kept = [text[s.start : s.end] for s in sents if s.keep]
    assert kept == ["Three bombs exploded in a school.", "6 people were killed and 25 others injured.",
                    "A van ran over multiple pedestrians on the London Bridge.",
                    "The Islamic State claimed responsibility."]


def test_a_paragraph_over_a_million_characters_is_cut_at_sentence_ends() -> None:
    from claimgraph.nlp.segment import MAX_PARAGRAPH, paragraphs

    text = "Militants attacked a police post in Bannu. " * 30_000  # 1.29M characters, no line break
    spans = paragraphs(text)
    assert len(spans) > 1 and all(e - s <= MAX_PARAGRAPH for s, e in spans)
    assert all(text[e - 1] == "." for s, e in spans[:-1])
    assert spans[0][0] == 0 and spans[-1][1] == len(text.rstrip())


def test_reference_markers_are_cut_off_the_name_and_stay_with_their_sentence() -> None:
    """"of ISIL.[24]" names ISIL: the marker is its own token, and closes the sentence it follows."""
    nlp = split_reference_markers(split_reference_markers(spacy.blank("en")))
    words = [t.text for t in nlp.make_doc("the leader of ISIL.[24] and the Jihad Council,[5][6] which")]
    assert words == ["the", "leader", "of", "ISIL", ".", "[24", "]", "and", "the", "Jihad", "Council", ",", "[5", "]",
                     "[6", "]", "which"]
    assert [t.text for t in nlp.make_doc("in 1990 [a] and U.S. troops")] == ["in", "1990", "[", "a", "]", "and",
                                                                             "U.S.", "troops"]
    matcher = GazetteerMatcher(nlp.vocab, build_gazetteer(None, frozenset()), nlp.make_doc)
    text = "Ahmed Khan met the leader of ISIL.[24][25] Rana Ashfaq met him too. [1][2] Then he left."
    _, sents = Segmenter(nlp, matcher, {"met"}).segment(text)
    assert [text[s.start : s.end] for s in sents] == ["Ahmed Khan met the leader of ISIL.[24][25]",
                                                       "Rana Ashfaq met him too. [1][2]", "Then he left."]


def test_a_state_force_named_in_several_words_makes_a_pair_with_one_name() -> None:
    nlp = spacy.blank("en")
    matcher = GazetteerMatcher(nlp.vocab, build_gazetteer(None, frozenset()), nlp.make_doc)
    seg = Segmenter(nlp, matcher, {"discovered"}, actor_words={"police", "security forces"})
    text = ("In Trabzon, security forces discovered a large cache of ammunition. In Trabzon, the forces discovered"
            " a cache. In Trabzon, police discovered a cache.")
    _, sents = seg.segment(text)
    assert [s.keep for s in sents] == [True, False, True]
