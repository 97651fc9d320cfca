"""The model's rule lemmatizer with every lemma it finds remembered.

spaCy's rule lemmatizer remembers a word's lemma only when it had to apply its rules: a base form (a singular
noun, an infinitive, a positive adjective: most words of a text) is worked out again at every occurrence, from
its morphology read into a dictionary, one `Token` at a time. `CachedLemmatizer` is the same lemmatizer (it is
one, with the same tables, mode and `overwrite`, and serialises as one) that looks every token up by what its
lemma depends on — the word, its part of speech and its morphology — and asks the rules only for a new
combination. The rules it asks are spaCy's own, run over a copy of the tables whose word index per part of
speech is a set (spaCy's holds lists, and tests every candidate form against the whole list). The lemmas are the
same.

`use_cached_lemmatizer(nlp)` swaps a pipeline's English rule `lemmatizer` for one with its tables.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.tokens import Doc

CACHED_LEMMATIZER_FACTORY = "claimgraph_cached_lemmatizer_v1"
_COLUMNS = [ORTH, POS, MORPH, LEMMA]


class CachedLemmatizer(EnglishLemmatizer):
    """An English rule lemmatizer that computes the lemma of each (word, part of speech, morphology) once."""

    _lemmas: dict[tuple[int, int, int], int] | None = None
    _rules: EnglishLemmatizer | None = None

    def _rule_lemmatizer(self) -> EnglishLemmatizer:
        """spaCy's rule lemmatizer over these tables, the word index as sets (built on first use)."""
        if self._rules is None:
            index = self.lookups.get_table("lemma_index", {})
            fast = Lookups()
            fast.add_table("lemma_index", {key: frozenset(words) for key, words in index.items()})
            for name in ("lemma_exc", "lemma_rules"):
                if self.lookups.has_table(name):
                    fast.set_table(name, self.lookups.get_table(name))
            self._rules = EnglishLemmatizer(self.vocab, None, self.name, mode="rule")
            self._rules.lookups = fast
            self._rules._validated = True
        return self._rules

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        if self._lemmas is None:
            self._lemmas = {}
        error_handler = self.get_error_handler()
        try:
            if not len(doc):
                return doc
            array = doc.to_array(_COLUMNS)
            lemmas = array[:, 3].copy()
            known, strings = self._lemmas, doc.vocab.strings
            rules = self._rule_lemmatizer()
            for i, (orth, pos, morph, lemma) in enumerate(array.tolist()):
                if lemma and not self.overwrite:
                    continue  # set before (the attribute ruler's exceptions)
                found = known.get((orth, pos, morph))
                if found is None:
                    found = known[orth, pos, morph] = strings.add(rules.rule_lemmatize(doc[i])[0])
                lemmas[i] = found
            doc.from_array([LEMMA], lemmas.reshape(-1, 1))
            return doc
        except Exception as e:  # noqa: BLE001 - spaCy's error handler decides, as in Lemmatizer.__call__
            error_handler(self.name, self, [doc], e)
            return doc


@Language.factory(CACHED_LEMMATIZER_FACTORY, assigns=["token.lemma"],
                  default_config={"mode": "rule", "overwrite": False})
def make_cached_lemmatizer(nlp: Language, name: str, mode: str, overwrite: bool) -> CachedLemmatizer:
    return CachedLemmatizer(nlp.vocab, None, name, mode=mode, overwrite=overwrite)


def use_cached_lemmatizer(nlp: Language) -> Language:
    """Replace the pipeline's `lemmatizer` (spaCy's English lemmatizer in rule mode) by a `CachedLemmatizer` with
    the same tables, at the same place and under the same name. Other pipelines are left as they are."""
    if "lemmatizer" not in nlp.pipe_names:
        return nlp
    old = nlp.get_pipe("lemmatizer")
    if type(old) is not EnglishLemmatizer or old.mode != "rule":
        return nlp
    new = nlp.replace_pipe("lemmatizer", CACHED_LEMMATIZER_FACTORY,
                           config={"mode": old.mode, "overwrite": old.overwrite})
    new.lookups = old.lookups
    new._validated = old._validated
    return nlp
