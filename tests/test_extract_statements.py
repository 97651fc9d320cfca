"""Statements: the cue/source/content finder, quotations, kinds, nesting and the claims they carry."""

from __future__ import annotations

import pytest

from _extract_helpers import VOCAB, make_doc
from _statement_helpers import by_cue, extract_checked
from claimgraph.contract import extraction_from_json, extraction_to_json
from claimgraph.extract.statement_assembly import link_claims
from claimgraph.extract.statements import StatementMatcher, load_rules, parse_rules, quote_spans
from claimgraph.records import (
    Claim,
    Document,
    EntityRef,
    Extraction,
    Source,
    SourceKind,
    Span,
    Statement,
    StatementKind,
    text_id,
)

# -- pure parts ----------------------------------------------------------------------------------------


def test_every_lexicon_class_names_its_source() -> None:
    rules = load_rules()
    assert {"speech", "cognition", "agentless", "anonymous", "documents"} <= set(rules.lexicon.classes)
    with pytest.raises(ValueError, match="names no source"):
        parse_rules({"lexicon": {"speech": {"lemmas": ["say"]}}, "patterns": []})
    with pytest.raises(ValueError, match="unknown class"):
        parse_rules({"lexicon": {}, "patterns": [
            {"id": "x", "pattern": [{"RIGHT_ID": "cue", "RIGHT_ATTRS": {"LEMMA": {"IN": "$nothing"}}}]}]})


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for para in text.split("\n\n"):
        out.append((pos, pos + len(para)))
        pos += len(para) + 2
    return out


def test_a_quotation_left_open_continues_into_a_paragraph_that_opens_with_a_quote_mark() -> None:
    text = ("The commander said: “We have rebuilt our networks in the camps.\n\n"
            "“We are recruiting again, and we will strike when we are ready.”\n\n"
            "Police did not comment.")
    [(s, e)] = quote_spans(text, _paragraphs(text))
    assert text[s:e].startswith("We have rebuilt") and text[s:e].endswith("when we are ready.")
    assert "“We are recruiting" in text[s:e]  # one quotation across both paragraphs, outer marks excluded


def test_an_unclosed_quotation_ends_with_its_paragraph_when_the_next_does_not_reopen() -> None:
    text = 'He wrote "the plan is ready.\n\nOfficials declined to comment on "the plan".'
    spans = [text[s:e] for s, e in quote_spans(text, _paragraphs(text))]
    assert spans == ["the plan is ready.", "the plan"]


def _tagged(doc, tags: str):  # type: ignore[no-untyped-def]
    """Penn tags onto a hand-built Doc (the matcher's patterns read TAG)."""
    for t, tag in zip(doc, tags.split(), strict=True):
        t.tag_ = tag
    return doc


def _said_doc():  # "Security officials said that the group attacked the convoy ."
    words = ["Security", "officials", "said", "that", "the", "group", "attacked", "the", "convoy", "."]
    doc = make_doc(words, heads=[1, 2, 2, 6, 5, 6, 2, 8, 6, 2],
                   deps=["compound", "nsubj", "ROOT", "mark", "det", "nsubj", "ccomp", "det", "dobj", "punct"],
                   pos=["NOUN", "NOUN", "VERB", "SCONJ", "DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT"],
                   lemmas=["security", "official", "say", "that", "the", "group", "attack", "the", "convoy", "."])
    return _tagged(doc, "NN NNS VBD IN DT NN VBD DT NN .")


def test_reported_clause_with_its_speaker() -> None:
    doc = _said_doc()
    [c] = StatementMatcher(VOCAB).find(doc)
    assert doc[slice(*c.cue)].text == "said"
    assert c.source is not None and doc[slice(*c.source)].text == "Security officials"
    assert c.content is not None and doc[slice(*c.content)].text == "the group attacked the convoy"  # no "that"


def test_according_to_names_the_source_and_the_clause_is_the_content() -> None:
    # According to police , the attackers fled .
    words = ["According", "to", "police", ",", "the", "attackers", "fled", "."]
    doc = make_doc(words, heads=[6, 0, 1, 6, 5, 6, 6, 6],
                   deps=["prep", "prep", "pobj", "punct", "det", "nsubj", "ROOT", "punct"],
                   pos=["VERB", "ADP", "NOUN", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"],
                   lemmas=["accord", "to", "police", ",", "the", "attacker", "flee", "."])
    _tagged(doc, "VBG IN NN , DT NNS VBD .")
    [c] = StatementMatcher(VOCAB).find(doc)
    assert doc[slice(*c.cue)].text == "According to"
    assert c.source is not None and doc[slice(*c.source)].text == "police"
    assert c.content is not None and doc[slice(*c.content)].text == "the attackers fled"


def test_a_verb_of_saying_without_content_is_no_statement() -> None:
    # The administration added the group to the list .  ("add" reports nothing without a clause)
    words = ["The", "administration", "added", "the", "group", "to", "the", "list", "."]
    doc = make_doc(words, heads=[1, 2, 2, 4, 2, 2, 7, 5, 2],
                   deps=["det", "nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj", "punct"],
                   pos=["DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT"],
                   lemmas=["the", "administration", "add", "the", "group", "to", "the", "list", "."])
    _tagged(doc, "DT NN VBD DT NN IN DT NN .")
    [c] = StatementMatcher(VOCAB).find(doc)  # a candidate cue whose content is missing ...
    assert c.content is None  # ... which the document pass drops unless a quotation gives it one


def _statement(sid: str, cue: tuple[int, int], content: tuple[int, int], source: tuple[int, int] | None,
               text: str, kind: StatementKind = StatementKind.ANONYMOUS) -> Statement:
    def span(r: tuple[int, int]) -> Span:
        return Span(r[0], r[1], text[r[0] : r[1]])

    return Statement(sid, "d", span(cue), span(content), kind, None if source is None else span(source))


def test_claims_link_to_the_statement_carrying_them_and_disagreements_are_reported() -> None:
    text = "Security officials said that the group attacked the convoy."
    st = _statement("st_1", (19, 23), (29, 59), (0, 18), text)
    ev = Span(0, len(text), text)
    agreeing = Claim("c1", "d", EntityRef("g", "the group"), "attacked", EntityRef("c", "convoy"), ev,
                     Source("Security officials", SourceKind.ANONYMOUS, "said", Span(0, 18, text[0:18])))
    outlet = Claim("c2", "d", EntityRef("g", "the group"), "attacked", EntityRef("c", "convoy"), ev,
                   Source("The Daily", SourceKind.OUTLET))
    elsewhere = Claim("c3", "d", EntityRef("g", "the group"), "attacked", None, Span(0, 8, "Security"),
                      Source("The Daily", SourceKind.OUTLET))
    linked, notes = link_claims([agreeing, outlet, elsewhere], [st])
    assert [c.statement for c in linked] == ["st_1", "st_1", None]
    assert len(notes) == 1 and "c2" in notes[0][0] and "'Security officials'" in notes[0][1]


def test_statements_round_trip_through_the_contract() -> None:
    text = "Security officials said that the group attacked the convoy."
    doc = Document(text_id(text), text)
    st = _statement("st_1", (19, 23), (29, 59), (0, 18), text)
    inner = Statement("st_2", "d", Span(33, 38, "group"), Span(39, 59, text[39:59]), StatementKind.NONE,
                      parent="st_1", source_actor=EntityRef("e1", "Group"))
    x = Extraction(doc=doc, attributions=(st, inner))
    assert extraction_from_json(extraction_to_json(x)) == x
    assert extraction_to_json(x)["attributions"][0]["source"] == {"start": 0, "end": 18, "text": "Security officials"}


# -- on the real pipeline ------------------------------------------------------------------------------------


_extract, _by_cue = extract_checked, by_cue


@pytest.mark.model
def test_news_sentences(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "\n\n".join([
        "“We will not negotiate with those who kill children,” Interior Minister Mohsin Naqvi told reporters in "
        "Islamabad on Tuesday.",
        "According to police, the attackers opened fire on a checkpoint near the border crossing.",
        "The Pakistani Taliban denied any involvement in the bombing.",
        "Security officials said the group had been planning the attack for months.",
        "The army said in a statement that five soldiers were killed in the ambush.",
        "It is understood that the talks collapsed after the second round.",
        "The militant commander is believed to have fled across the border.",
        "The administration added the group to its list of foreign terrorist organisations.",
    ])
    x = _extract(extractor, text)
    told = _by_cue(x, "told reporters")  # the addressee right after the verb belongs to the cue
    assert told.source is not None and told.source.text.endswith("Mohsin Naqvi")
    assert told.kind is StatementKind.NAMED
    assert told.content.text == "We will not negotiate with those who kill children,"  # inside the marks
    police = _by_cue(x, "According to")
    assert police.source is not None and police.source.text == "police"
    assert police.content.text == "the attackers opened fire on a checkpoint near the border crossing"
    denied = _by_cue(x, "denied")
    assert denied.kind is StatementKind.ORGANISATION and denied.content.text == "any involvement in the bombing"
    officials = _by_cue(x, "said")
    assert officials.kind is StatementKind.ANONYMOUS and officials.source is not None
    assert officials.source.text == "Security officials"
    army = [s for s in x.attributions if s.source is not None and s.source.text == "The army"]
    assert army and army[0].kind is StatementKind.ORGANISATION
    assert army[0].content.text == "five soldiers were killed in the ambush"
    understood = _by_cue(x, "It is understood")  # the expletive subject belongs to an agentless cue
    assert understood.source is None and understood.kind is StatementKind.NONE
    assert understood.content.text == "the talks collapsed after the second round"
    believed = _by_cue(x, "is believed")
    assert believed.source is None and believed.content.text.endswith("to have fled across the border")
    assert not [s for s in x.attributions if s.cue.text == "added"]


@pytest.mark.model
def test_colon_quote_paragraph_quote_nesting_and_pronoun(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "\n\n".join([
        "Ahmed Khan, the group's spokesman, spoke to journalists in Peshawar.",
        "He said: “We have rebuilt our networks in the tribal districts.",
        "“Our fighters are ready, and they will strike when the time comes.”",
        "Officials said the report claimed that the group had received funds from abroad.",
    ])
    x = _extract(extractor, text)
    he = _by_cue(x, "said")
    assert he.source is not None and he.source.text == "He"
    assert he.kind is StatementKind.NAMED and he.source_actor is not None and "Khan" in he.source_actor.name
    assert he.content.text.startswith("We have rebuilt") and he.content.text.endswith("when the time comes.")
    claimed = _by_cue(x, "claimed")
    officials = next(s for s in x.attributions if s.source is not None and s.source.text == "Officials")
    assert claimed.parent == officials.id and claimed.kind is StatementKind.DOCUMENT
    assert officials.parent is None


@pytest.mark.model
def test_a_denial_answers_the_allegation_before_it(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Pakistani officials said the Tehrik-i-Taliban Pakistan had carried out the attack on the checkpoint.\n\n"
            "The Tehrik-i-Taliban Pakistan denied any involvement in the attack.")
    x = _extract(extractor, text)
    said, denied = _by_cue(x, "said"), _by_cue(x, "denied")
    assert denied.denies == said.id and said.denies is None


def test_typewriter_quote_marks_and_a_quotation_broken_by_a_hard_wrap() -> None:
    text = ("He said, ''The camps are still open and the\n\n"
            "fighters come and go every week.'' Officials agreed.\n\n"
            "Nobody else spoke.")
    [(s, e)] = quote_spans(text, _paragraphs(text))
    assert text[s:e] == "The camps are still open and the\n\nfighters come and go every week."


@pytest.mark.model
def test_a_speaker_clause_ending_in_a_colon_introduces_a_block_quotation(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("The commander of the coalition forces briefed the committee. Here is what the general said about the "
            "timetable:\n\n"
            "    Time matters; we must act now to reverse the negative trends in the south.\n\n"
            "The committee adjourned.")
    x = _extract(extractor, text)
    said = _by_cue(x, "said")
    assert said.source is not None and said.source.text == "the general"
    assert said.content.text == "Time matters; we must act now to reverse the negative trends in the south."


@pytest.mark.model
def test_a_reported_clause_broken_by_a_hard_wrap_goes_on(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("U.S. military officials say the Pakistani army will look weak if it accepts help from foreign\n\n"
            "trainers in the tribal areas. The committee adjourned.")
    x = _extract(extractor, text)
    say = _by_cue(x, "say")
    assert say.content.text == ("the Pakistani army will look weak if it accepts help from foreign\n\n"
                                "trainers in the tribal areas")
