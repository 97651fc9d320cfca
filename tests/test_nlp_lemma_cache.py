"""The cached lemmatizer gives the lemmas of the model's own rule lemmatizer, also for words seen again."""

from __future__ import annotations

import pytest
import spacy

from claimgraph.nlp.lemma_cache import CachedLemmatizer, use_cached_lemmatizer

pytestmark = pytest.mark.model

TEXT = ("Police said the gunmen, who're thought to be TTP fighters, didn't flee; it's gonna take days, an official "
        "told reporters in Peshawar on Tuesday. The militants were killed. Better days are coming, officials said: "
        "the killings continued and the attackers' children's toys were broken.  Nobody has claimed it.")


def test_same_lemmas_as_the_rule_lemmatizer(settings) -> None:  # type: ignore[no-untyped-def]
    try:
        plain = spacy.load(settings.nlp.model)
        cached = use_cached_lemmatizer(spacy.load(settings.nlp.model))
    except OSError:
        pytest.skip(f"spaCy model {settings.nlp.model} is not installed")
    assert isinstance(cached.get_pipe("lemmatizer"), CachedLemmatizer)
    assert cached.pipe_names == plain.pipe_names
    for _ in range(2):  # the second time every lemma comes from the cache
        a, b = plain(TEXT), cached(TEXT)
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
    assert use_cached_lemmatizer(cached) is cached  # a no-op the second time
    assert cached(" ").text == " " and len(cached("")) == 0
