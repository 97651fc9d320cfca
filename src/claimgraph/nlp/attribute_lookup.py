"""The model's attribute ruler with its one-token patterns looked up in tables instead of matched.

English pipelines map fine-grained tags to parts of speech and morphology with an `AttributeRuler` of a
few hundred patterns, nearly all of one token compared by equality: `[{"TAG": "NNS"}]`,
`[{"TAG": "DT", "LOWER": "the"}]`. spaCy's `Matcher` tries every pattern at every token, which costs as much
as the dependency parse. `LookupAttributeRuler` holds the same patterns (it is an `AttributeRuler`, and
serialises as one) but finds the matches of the one-token equality patterns with one table lookup per
token and kind of pattern; the rest (several tokens, operators, sets) still go through a `Matcher`. The
matches, and so the attributes it sets, are the same: `match` returns what `AttributeRuler.match` returns.

`use_lookup_attribute_ruler(nlp)` swaps a pipeline's `attribute_ruler` for one with its patterns.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import product
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

LOOKUP_FACTORY = "claimgraph_attribute_lookup_v1"
#: token attributes a table can compare, by their name in a Matcher pattern, most selective first; string
#: values are compared by their hash (what `Doc.to_array` gives), IS_SPACE as 0/1
_ATTRS = {"ORTH": ORTH, "LOWER": LOWER, "TAG": TAG, "POS": POS, "DEP": DEP, "IS_SPACE": IS_SPACE}
#: value of the lead column → (rule number, the other (column, value) pairs the rule asks for)
_Table = dict[int, list[tuple[int, tuple[tuple[int, int], ...]]]]
#: columns of `Doc.to_array`; (lead column, table) pairs; a Matcher for the rules no table can take
_Plan = tuple[tuple[int, ...], list[tuple[int, _Table]], Matcher]


class LookupAttributeRuler(AttributeRuler):
    """An `AttributeRuler` whose one-token equality patterns are found by table lookup (same matches)."""

    _plan: _Plan | None = None  # built on first use, dropped when a pattern is added

    def add(self, patterns: Iterable[Any], attrs: dict, index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._plan = None

    def clear(self) -> None:
        super().clear()
        self._plan = None

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        if self._plan is None:
            self._plan = self._compile()
        columns, tables, rest = self._plan
        strings = self.vocab.strings
        matches = [(int(strings[m_id]), m_id, s, e) for m_id, s, e in rest(doc, allow_missing=True)]
        if tables and len(doc):
            for i, row in enumerate(doc.to_array(list(columns)).tolist()):
                for column, table in tables:
                    for n, others in table.get(row[column], ()):
                        if all(row[c] == v for c, v in others):
                            matches.append((n, strings[str(n)], i, i + 1))
        matches.sort()
        return matches

    def _compile(self) -> _Plan:
        """The lookup tables, each under the most selective attribute its rules compare, and a Matcher with the
        patterns no table can take."""
        strings = self.vocab.strings
        keyed: list[tuple[int, dict[str, int]]] = []
        rest = Matcher(self.vocab, validate=self.validate)
        for n in range(len(self.attrs)):
            patterns = self.matcher.get(str(n))[1]
            key = _table_key(patterns)
            if key is None:
                rest.add(strings.add(str(n)), patterns)
            else:
                hashed = [[(a, v if a == "IS_SPACE" else strings.add(v)) for v in vs] for a, vs in key.items()]
                keyed.extend((n, dict(choice)) for choice in product(*hashed))
        used = [a for a in _ATTRS if any(a in k for _, k in keyed)]
        at = {a: i for i, a in enumerate(used)}
        by_lead: dict[str, _Table] = defaultdict(dict)
        for n, key in keyed:
            lead = next(a for a in _ATTRS if a in key)
            others = tuple((at[a], v) for a, v in key.items() if a != lead)
            by_lead[lead].setdefault(key[lead], []).append((n, others))
        columns = tuple(_ATTRS[a] for a in used)
        return columns, [(at[a], by_lead[a]) for a in _ATTRS if a in by_lead], rest


def _table_key(patterns: list[list[dict[Any, Any]]]) -> dict[str, tuple[Any, ...]] | None:
    """The values (one, or the alternatives of an `IN`) a rule's only pattern allows each attribute of its
    only token, when a table can take the rule."""
    if len(patterns) != 1 or len(patterns[0]) != 1:
        return None
    spec = patterns[0][0]
    if not spec or any(not isinstance(a, str) or a not in _ATTRS for a in spec):
        return None
    out: dict[str, tuple[Any, ...]] = {}
    for attr, value in spec.items():
        kind = bool if attr == "IS_SPACE" else str
        if isinstance(value, dict) and set(value) == {"IN"} and isinstance(value["IN"], list):
            values = value["IN"]
        else:
            values = [value]
        if not values or not all(type(v) is kind for v in values):
            return None  # an operator, a regex, NOT_IN: the Matcher decides
        out[attr] = tuple(dict.fromkeys(int(v) if kind is bool else v for v in values))
    return out


@Language.factory(LOOKUP_FACTORY, assigns=["token.pos", "token.morph", "token.lemma"], default_config={})
def make_lookup_attribute_ruler(nlp: Language, name: str) -> LookupAttributeRuler:
    return LookupAttributeRuler(nlp.vocab, name)


def use_lookup_attribute_ruler(nlp: Language) -> Language:
    """Replace the pipeline's `attribute_ruler` (a plain `AttributeRuler`) by a `LookupAttributeRuler` with the
    same patterns, at the same place and under the same name. Other pipelines are left as they are."""
    if "attribute_ruler" not in nlp.pipe_names:
        return nlp
    old = nlp.get_pipe("attribute_ruler")
    if type(old) is not AttributeRuler:
        return nlp
    patterns = old.patterns
    new = nlp.replace_pipe("attribute_ruler", LOOKUP_FACTORY)
    new.add_patterns(patterns)
    return nlp
