"""The tokenizer splits small words that copied web text runs into the name after them ("atKabul"), and keeps
every character's offset."""

from __future__ import annotations

import pytest
import spacy

from claimgraph.nlp.pipeline import split_glued_words


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return split_glued_words(spacy.blank("en"))


@pytest.mark.parametrize(("text", "words"), [
    ("Militants opened fire atKabul University", ["Militants", "opened", "fire", "at", "Kabul", "University"]),
    ("TheIslamic State claimed it", ["The", "Islamic", "State", "claimed", "it"]),
    ("a man in a park inVillejuif, France", ["a", "man", "in", "a", "park", "in", "Villejuif", ",", "France"]),
    ("bombs nearKano and fromMaiduguri", ["bombs", "near", "Kano", "and", "from", "Maiduguri"]),
])
def test_glued_small_words_are_split(nlp: spacy.language.Language, text: str, words: list[str]) -> None:
    doc = nlp(text)
    assert [t.text for t in doc] == words
    assert all(text[t.idx : t.idx + len(t)] == t.text for t in doc)  # offsets into the text are kept


@pytest.mark.parametrize("word", ["iPhone", "McDonald", "OnePlus", "Theodore", "inside", "TheatreX", "atoms"])
def test_other_words_stay_whole(nlp: spacy.language.Language, word: str) -> None:
    assert [t.text for t in nlp(f"the {word} here")] == ["the", word, "here"]
