"""Rank and title abbreviations stay one token and end no sentence ("Iraqi Lt. Hatim al-Jabouri told …")."""

from __future__ import annotations

import spacy
from spacy.pipeline import Sentencizer

from claimgraph.nlp.pipeline import keep_title_abbreviations


def test_a_rank_before_a_name_is_one_token_and_no_sentence_end() -> None:
    nlp = keep_title_abbreviations(spacy.blank("en"))
    doc = Sentencizer()(nlp("Iraqi Lt. Hatim al-Jabouri told Brig. Ahmed Khan the news. Then he left."))
    assert "Lt." in [t.text for t in doc] and "Brig." in [t.text for t in doc]
    assert [s.text for s in doc.sents] == ["Iraqi Lt. Hatim al-Jabouri told Brig. Ahmed Khan the news.",
                                           "Then he left."]
    assert "".join(t.text_with_ws for t in doc) == doc.text  # offsets kept
