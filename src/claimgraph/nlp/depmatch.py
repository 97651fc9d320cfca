"""A dependency matcher for anchored patterns: spaCy's `DependencyMatcher` pattern format and results, found
from the tokens the first node accepts.

spaCy's `DependencyMatcher` runs every node pattern of every rule over every token of a document (one token
`Matcher` for all of them), then joins the positions. The claim and statement patterns of this project have a
word list on their first node ("say", "attack", …) that few tokens of a sentence pass, so starting there and
following the relations from the tokens found costs a small part of that. The matches are the same, in the same
order: per key in the order keys were added, per pattern of a key in order, the token-id lists in ascending order
(as `DependencyMatcher` gives them for the trees of a parsed sentence).

Supported (the subset the patterns here use; anything else is refused when a pattern is added, so a new pattern
that needs more falls back to spaCy's matcher): node attributes `ORTH`, `LOWER`, `LEMMA`, `POS`, `TAG`, `DEP` as a
string or `{IN: [...]}` / `{NOT_IN: [...]}`, and `ENT_TYPE` likewise; relation operators `>`, `<`, `>>`, `<<`, and
the word-order operators `.` (the right node is the next token) and `;` (the right node is the token before).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from spacy.attrs import DEP, ENT_TYPE, HEAD, LEMMA, LOWER, ORTH, POS, TAG
from spacy.matcher import DependencyMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

#: node attribute → index in a token's row (see `_rows`)
_ATTRS = {"ORTH": 0, "LOWER": 1, "LEMMA": 2, "POS": 3, "TAG": 4, "DEP": 5, "ENT_TYPE": 6}
_COLUMNS = [ORTH, LOWER, LEMMA, POS, TAG, DEP, ENT_TYPE, HEAD]
_OPS = frozenset({">", "<", ">>", "<<", ".", ";"})
#: attributes a first node can be looked up by, most selective first
_KEYS = ("LEMMA", "LOWER", "ORTH", "TAG", "DEP", "POS")


class Unsupported(ValueError):
    """A pattern uses an attribute, predicate or operator `AnchoredMatcher` does not implement."""


def _test(attr: str, value: Any) -> tuple[int, bool, frozenset[int]]:
    """(row index, negated, value ids) for one node attribute."""
    if attr not in _ATTRS:
        raise Unsupported(f"attribute {attr!r}")
    if isinstance(value, str):
        return _ATTRS[attr], False, frozenset({get_string_id(value)})
    if isinstance(value, Mapping) and len(value) == 1:
        (op, words), = value.items()
        if op in ("IN", "NOT_IN") and isinstance(words, list) and all(isinstance(w, str) for w in words):
            return _ATTRS[attr], op == "NOT_IN", frozenset(get_string_id(w) for w in words)
    raise Unsupported(f"{attr}: {value!r}")


#: the same relation seen from its other end: "A > B" (B a child of A) is "B < A"
_INVERSE = {">": "<", "<": ">", ">>": "<<", "<<": ">>", ".": ";", ";": "."}
#: attributes whose word list makes a node a good place to start, most selective first
_WORD_KEYS = ("LEMMA", "LOWER", "ORTH")


class _Pattern:
    """One pattern: its node tests, and the search plan (start at the node with the most selective word test,
    then reach the other nodes along the pattern's relations, read backwards where needed)."""

    __slots__ = ("size", "start", "anchor", "steps")

    def __init__(self, pattern: Sequence[Mapping[str, Any]]) -> None:
        ids: dict[str, int] = {}
        tests: list[tuple[tuple[int, bool, frozenset[int]], ...]] = []
        edges: list[tuple[int, str, int]] = []  # (left, op, right)
        for j, node in enumerate(pattern):
            attrs = dict(node.get("RIGHT_ATTRS") or {})
            tests.append(tuple(_test(a, v) for a, v in attrs.items()))
            if j == 0:
                if "REL_OP" in node or "LEFT_ID" in node:
                    raise Unsupported("the first node is the anchor")
            else:
                op = node.get("REL_OP")
                if op not in _OPS:
                    raise Unsupported(f"operator {op!r}")
                if node.get("LEFT_ID") not in ids:
                    raise Unsupported(f"LEFT_ID {node.get('LEFT_ID')!r} is not an earlier node")
                edges.append((ids[node["LEFT_ID"]], op, j))
            ids[node["RIGHT_ID"]] = j
        self.size = len(tests)
        self.start, self.anchor = 0, None
        for attr in _WORD_KEYS + _KEYS:  # a word list anywhere first, then any positive test of the first node
            j = next((j for j, node in enumerate(pattern) if _positive(node, attr)), None)
            if j is not None and (attr in _WORD_KEYS or j == 0):
                index, _, values = _test(attr, pattern[j]["RIGHT_ATTRS"][attr])
                self.start, self.anchor = j, (index, values)
                break
        # (node, node it is reached from, operator from that node, tests), in an order where each is reachable
        self.steps: list[tuple[int, int, str, tuple[tuple[int, bool, frozenset[int]], ...]]] = []
        placed = {self.start}
        while len(placed) < self.size:
            for left, op, right in edges:
                if left in placed and right not in placed:
                    self.steps.append((right, left, op, tests[right]))
                    placed.add(right)
                elif right in placed and left not in placed:
                    self.steps.append((left, right, _INVERSE[op], tests[left]))
                    placed.add(left)
        self.steps.insert(0, (self.start, -1, "", tests[self.start]))


def _positive(node: Mapping[str, Any], attr: str) -> bool:
    value = (node.get("RIGHT_ATTRS") or {}).get(attr)
    return isinstance(value, str) or isinstance(value, Mapping) and "IN" in value


def _rows(doc: Doc) -> tuple[list[list[int]], list[int], list[list[int]]]:
    """Per token its attribute ids (orth, lower, lemma, pos, tag, dep, entity label: what spaCy's matcher
    compares), its head (itself for a root) and its children in order."""
    array = doc.to_array(_COLUMNS)
    rows = array[:, :7].tolist()
    # HEAD is an offset, negative for a head to the left: stored in the uint64 array, read back as int64
    heads = [i + d for i, d in enumerate(array[:, 7].astype("int64").tolist())]
    children: list[list[int]] = [[] for _ in rows]
    for i, h in enumerate(heads):
        if h != i:
            children[h].append(i)
    return rows, heads, children


def _passes(row: list[int], tests: Iterable[tuple[int, bool, frozenset[int]]]) -> bool:
    return all((row[i] in values) != negated for i, negated, values in tests)


class AnchoredMatcher:
    """Drop-in for `spacy.matcher.DependencyMatcher` (`add`, `__call__` on a Doc) over the supported subset.
    `__call__` returns (key, token ids) like spaCy's, the key as the string it was added with."""

    def __init__(self, vocab: Vocab, *, validate: bool = True) -> None:
        self.vocab = vocab
        self.validate = validate
        self._keys: dict[str, list[_Pattern]] = {}
        #: (row index, word) → patterns (key order, pattern order) whose first node accepts that word
        self._index: dict[tuple[int, int], list[tuple[int, str, _Pattern]]] = {}
        self._everywhere: list[tuple[int, str, _Pattern]] = []
        self._order = 0
        self._anchor_attrs: list[int] = []
        self._rank: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._keys)

    def add(self, key: str, patterns: Sequence[Sequence[Mapping[str, Any]]]) -> None:
        if self.validate:  # spaCy's own checks of the pattern format
            DependencyMatcher(self.vocab, validate=True).add(key, [list(p) for p in patterns])
        compiled = [_Pattern(p) for p in patterns]
        if key not in self._keys:
            self._keys[key] = []
            self._rank[key] = len(self._rank)
        self._keys[key].extend(compiled)
        for p in compiled:
            entry = (self._order, key, p)
            self._order += 1
            if p.anchor is None:
                self._everywhere.append(entry)
                continue
            index, values = p.anchor
            if index not in self._anchor_attrs:
                self._anchor_attrs.append(index)
            for v in values:
                self._index.setdefault((index, v), []).append(entry)

    def __call__(self, doc: Doc) -> list[tuple[str, list[int]]]:
        if not len(doc):
            return []
        rows, heads, children = _rows(doc)
        found: dict[int, tuple[str, list[tuple[int, ...]]]] = {}
        index = self._index
        for i, row in enumerate(rows):
            candidates = list(self._everywhere)
            for a in self._anchor_attrs:
                candidates += index.get((a, row[a]), ())
            for order, key, p in candidates:
                if not _passes(row, p.steps[0][3]):
                    continue
                assigned = [-1] * p.size
                assigned[p.start] = i
                _search(p, 1, assigned, rows, heads, children, found.setdefault(order, (key, []))[1])
        # per key in the order keys were first added, per pattern of a key in order, the token ids ascending
        result: list[tuple[str, list[int]]] = []
        for order in sorted(found):
            key, matches = found[order]
            result += [(key, list(m)) for m in sorted(matches)]
        rank = self._rank
        return sorted(result, key=lambda m: rank[m[0]])  # stable: pattern and id order stay within a key


def _search(p: _Pattern, k: int, assigned: list[int], rows: list[list[int]], heads: list[int],
            children: list[list[int]], out: list[tuple[int, ...]]) -> None:
    if k == len(p.steps):
        out.append(tuple(assigned))
        return
    node, frm, op, tests = p.steps[k]
    left = assigned[frm]
    if op == ">":
        nodes: Iterable[int] = children[left]
    elif op == "<":
        nodes = () if heads[left] == left else (heads[left],)
    elif op == ">>":
        nodes = _descendants(left, children)
    elif op == "<<":
        nodes = _ancestors(left, heads)
    elif op == ".":
        nodes = (left + 1,) if left + 1 < len(heads) else ()
    else:  # ";"
        nodes = (left - 1,) if left > 0 else ()
    for n in nodes:
        if _passes(rows[n], tests):
            assigned[node] = n
            _search(p, k + 1, assigned, rows, heads, children, out)
    assigned[node] = -1


def _descendants(i: int, children: list[list[int]]) -> list[int]:
    out: list[int] = []
    todo = list(children[i])
    while todo:
        n = todo.pop()
        out.append(n)
        todo += children[n]
    return out


def _ancestors(i: int, heads: list[int]) -> list[int]:
    out: list[int] = []
    seen = {i}
    while heads[i] != i and heads[i] not in seen:
        i = heads[i]
        seen.add(i)
        out.append(i)
    return out


class SpacyKeys:
    """spaCy's `DependencyMatcher` giving keys as strings, for patterns `AnchoredMatcher` does not support."""

    def __init__(self, vocab: Vocab, validate: bool) -> None:
        self.matcher = DependencyMatcher(vocab, validate=validate)
        self.strings = vocab.strings

    def add(self, key: str, patterns: Sequence[Sequence[Mapping[str, Any]]]) -> None:
        self.matcher.add(key, [list(p) for p in patterns])

    def __call__(self, doc: Doc) -> list[tuple[str, list[int]]]:
        return [(self.strings[k], list(ids)) for k, ids in self.matcher(doc)]


DepMatcher = AnchoredMatcher | SpacyKeys


def dependency_matcher(vocab: Vocab, rules: Iterable[tuple[str, Sequence[Sequence[Mapping[str, Any]]]]],
                       *, validate: bool = True) -> DepMatcher:
    """A matcher of (key, patterns) rules: an `AnchoredMatcher`, or spaCy's `DependencyMatcher` where a pattern
    needs what it does not support. Either returns (key, token ids) in spaCy's order."""
    rules = list(rules)
    try:
        matcher: DepMatcher = AnchoredMatcher(vocab, validate=validate)
        for key, patterns in rules:
            matcher.add(key, patterns)
    except Unsupported:
        matcher = SpacyKeys(vocab, validate)
        for key, patterns in rules:
            matcher.add(key, patterns)
    return matcher
