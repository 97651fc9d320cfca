"""Who asserts a claim: speech verbs in the sentence, quotations closed later, paragraph carry-over."""

from __future__ import annotations

from _extract_helpers import make_doc
from claimgraph.extract.attribution import AttributionLexicon, find_source, source_in_context
from claimgraph.ontology import load_ontology
from claimgraph.records import Entity, SourceKind, Span

LEX = AttributionLexicon.from_lexicon(load_ontology().lexicon)


def test_speaker_of_a_governing_speech_verb() -> None:
    # Officials pointed out that the groups cooperate .
    words = ["Officials", "pointed", "out", "that", "the", "groups", "cooperate", "."]
    doc = make_doc(words, heads=[1, 1, 1, 6, 5, 6, 1, 1],
                   deps=["nsubj", "ROOT", "prt", "mark", "det", "nsubj", "ccomp", "punct"],
                   pos=["NOUN", "VERB", "ADP", "SCONJ", "DET", "NOUN", "VERB", "PUNCT"],
                   lemmas=["official", "point", "out", "that", "the", "group", "cooperate", "."])
    text = doc.text
    src = find_source(doc, text, 0, [], lex=LEX, target=doc[6])
    assert (src.name, src.kind, src.cue) == ("Officials", SourceKind.ANONYMOUS, "pointed out")
    assert src.span is not None and src.span.check(text)


def test_named_person_source() -> None:
    words = ["Ahmed", "Khan", "said", "the", "ISI", "backs", "them", "."]
    doc = make_doc(words, heads=[1, 2, 2, 4, 5, 2, 5, 2],
                   deps=["compound", "nsubj", "ROOT", "det", "nsubj", "ccomp", "dobj", "punct"],
                   pos=["PROPN", "PROPN", "VERB", "DET", "PROPN", "VERB", "PRON", "PUNCT"],
                   lemmas=["Ahmed", "Khan", "say", "the", "ISI", "back", "they", "."])
    khan = Entity("ent_x", "Ahmed Khan", "person", mentions=(Span(0, 10, "Ahmed Khan"),))
    src = find_source(doc, doc.text, 0, [khan], lex=LEX, target=doc[5])
    assert (src.name, src.kind, src.cue) == ("Ahmed Khan", SourceKind.NAMED_PERSON, "said")


def test_quotation_closed_later_in_the_paragraph() -> None:
    text = ("“He had been presiding over a death squad. His role was also mentioned in a report,” "
            "another source told ThePrint.")
    first_end = text.index(".") + 1
    src = source_in_context(text, 0, first_end, (0, len(text)), [], LEX)
    assert src is not None
    assert (src.name, src.kind, src.cue) == ("another source", SourceKind.ANONYMOUS, "told")
    assert src.span is not None and src.span.check(text)


def test_paragraph_carry_over_before_and_after() -> None:
    text = ("The ISKP was revamped in Balochistan in 2021. Since then, the camp was tasked with attacks, "
            "the sources said, adding that another camp was set up.")
    first_end = text.index("2021.") + 5
    src = source_in_context(text, 0, first_end, (0, len(text)), [], LEX)
    assert src is not None and (src.name, src.kind) == ("the sources", SourceKind.ANONYMOUS)
    text2 = "Months later, the sources point out, Ashfaq arrived. He met Kasuri."
    second = text2.index("He met")
    src2 = source_in_context(text2, second, len(text2), (0, len(text2)), [], LEX)
    assert src2 is not None and (src2.name, src2.cue) == ("the sources", "point out")


def test_nobody_cited_is_the_outlet() -> None:
    doc = make_doc(["The", "group", "attacked", "a", "camp", "."], heads=[1, 2, 2, 4, 2, 2],
                   deps=["det", "nsubj", "ROOT", "det", "dobj", "punct"])
    src = find_source(doc, doc.text, 0, [], lex=LEX, target=doc[2], paragraph=(0, len(doc.text)),
                      outlet="ThePrint")
    assert (src.name, src.kind, src.cue) == ("ThePrint", SourceKind.OUTLET, None)
    assert find_source(doc, doc.text, 0, [], lex=LEX, target=doc[2]).name == "the outlet"


def test_document_source() -> None:
    text = "The camp trained fighters for the group, the report said."
    src = source_in_context(text, 0, text.index(","), (0, len(text)), [], LEX)
    assert src is not None and (src.name, src.kind) == ("the report", SourceKind.DOCUMENT)
