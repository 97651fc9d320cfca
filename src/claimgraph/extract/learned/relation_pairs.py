"""Actor pairs of a parsed sentence and what a relation classifier reads about each (relation_model.py).

    parsed sentence + mention index ─mention runs─▶ Mention (entity, head token)
    two mentions ─(dependency path, words between, types, order, prepositions)─▶ feature strings

A pair is an ordered (subject, object): the subject an actor (not a place), the object any other entity of
the sentence, at most `MAX_GAP` tokens apart. The features are the ones relation extraction has long used on
small data (dependency path between the two heads with its inner lemmas, the words between, the entity
types, the lowest common ancestor and the prepositions on the object): they describe the wording, never
the names, so the model learns how news states a relation rather than which groups a gold set mentions.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import cast

import numpy as np
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...records import Entity
from ..entities import MentionIndex
from ..relations import default_patterns
from ..syntax import common_ancestor

MAX_GAP = 40  # tokens between the two heads
MAX_PATH = 7  # dependency edges; a longer path is one feature, "long"
_PLACE = "place"
_ACTOR_GROUPS = {"person": "person", "place": "place", "group_identity": "people", "publication": "publication"}
_SKIP_POS = {"DET", "PUNCT", "SPACE"}


@dataclass(frozen=True, slots=True)
class MentionRun:
    entity: Entity
    start: int  # token index in the sentence's doc
    end: int
    head: Token


@dataclass(frozen=True, slots=True)
class Pair:
    subject: MentionRun
    object: MentionRun

    def trigger(self) -> Token:
        """The token the pair's relation hangs on: the lowest common ancestor of the two heads, else the
        subject's head (what modality and attribution read)."""
        lca = common_ancestor(self.subject.head, self.object.head)
        return lca if lca is not None else self.subject.head


def kind_of(e: Entity) -> str:
    """A coarse type for features: person, place, people, publication or org (every organisation type)."""
    return _ACTOR_GROUPS.get(e.type, "org") + ("/desc" if e.kind == "descriptive" else "")


def mention_runs(sent: Doc | SpacySpan, si: int, index: MentionIndex) -> list[MentionRun]:
    """The entity mentions of sentence `si`: runs of tokens with one entity, each with its syntactic head."""
    runs: list[MentionRun] = []
    tokens = list(sent)
    i = 0
    while i < len(tokens):
        e = index.at(si, tokens[i].i)
        if e is None:
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and index.by_token.get((si, tokens[j + 1].i)) == e.id:
            j += 1
        span = tokens[i : j + 1]
        inside = {t.i for t in span}
        head = next((t for t in span if t.head.i not in inside or t.head.i == t.i), span[-1])
        runs.append(MentionRun(e, tokens[i].i, tokens[j].i + 1, head))
        i = j + 1
    return runs


def pairs(sent: Doc | SpacySpan, si: int, index: MentionIndex) -> Iterator[Pair]:
    """Ordered pairs of mentions of two different entities, the subject not a place, at most MAX_GAP apart."""
    runs = mention_runs(sent, si, index)
    for a in runs:
        if a.entity.type == _PLACE:
            continue
        for b in runs:
            if a.entity.id == b.entity.id or abs(a.head.i - b.head.i) > MAX_GAP:
                continue
            yield Pair(a, b)


@cache
def word_classes() -> dict[str, tuple[str, ...]]:
    """word → the relation patterns' word classes it belongs to (extract/patterns/relations.yaml): a feature
    that carries what the model learns about "attack" over to "ambush", which the gold may never show."""
    out: dict[str, list[str]] = {}
    for name, words in default_patterns().classes.items():
        for w in words:
            out.setdefault(str(w).lower(), []).append(name)
    return {w: tuple(c) for w, c in out.items()}


def _classes(t: Token) -> list[str]:
    table = word_classes()
    return [*table.get(_lemma(t), ()), *table.get(t.lower_, ())]


def _path(a: Token, b: Token) -> tuple[list[Token], Token | None, list[Token]] | None:
    """The tokens from `a` up to the lowest common ancestor and from it down to `b` (ends excluded)."""
    lca = common_ancestor(a, b)
    if lca is None:
        return None
    up = [t for t in (a, *a.ancestors)]
    down = [t for t in (b, *b.ancestors)]
    up = up[: next(i for i, t in enumerate(up) if t.i == lca.i) + 1]
    down = down[: next(i for i, t in enumerate(down) if t.i == lca.i) + 1]
    return up, lca, down


def _lemma(t: Token) -> str:
    return (t.lemma_ or t.text).lower()


def features(p: Pair, sent: Doc | SpacySpan) -> list[str]:
    """The feature strings of one pair (see the module docstring)."""
    s, o = p.subject, p.object
    doc = s.head.doc
    f = [f"T:{kind_of(s.entity)}>{kind_of(o.entity)}", "O:" + ("so" if s.start < o.start else "os")]
    path = _path(s.head, o.head)
    if path is None:
        f.append("P:none")
    else:
        up, lca, down = path
        edges = len(up) + len(down) - 2
        inner = [t for t in (*up[1:], *reversed(down[1:-1])) if t.i not in (s.head.i, o.head.i)]
        deps = "^".join(t.dep_ for t in up[:-1]) + "|" + "v".join(t.dep_ for t in reversed(down[:-1]))
        if edges > MAX_PATH:
            f.append("P:long")
        else:
            words = "-".join(_lemma(t) for t in inner if t.pos_ not in _SKIP_POS)
            f += [f"PD:{deps}", f"P:{deps}:{words}"]
        f += [f"PW:{_lemma(t)}" for t in inner if t.pos_ in {"VERB", "NOUN", "ADP", "ADJ", "PART", "AUX"}]
        f += [f"PC:{c}" for t in inner for c in _classes(t)]
        assert lca is not None
        f += [f"LC:{c}" for c in _classes(lca)]
        f += [f"L:{_lemma(lca)}", f"LD:{_lemma(lca)}:{up[-2].dep_ if len(up) > 1 else '-'}:"
              f"{down[-2].dep_ if len(down) > 1 else '-'}", f"LP:{lca.pos_}"]
        if lca.pos_ in {"NOUN", "PROPN"} and lca.head.pos_ in {"VERB", "AUX"}:
            f.append(f"LV:{_lemma(lca.head)}")
        neg = any(c.dep_ == "neg" for c in lca.children)
        if neg:
            f.append("NEG")
    lo, hi = (s, o) if s.start < o.start else (o, s)
    between = [t for t in doc[lo.end : hi.start] if t.pos_ not in _SKIP_POS]
    if len(between) <= 10:
        f += [f"B:{_lemma(t)}" for t in between]
        f += [f"BC:{c}" for t in between for c in _classes(t)]
        f.append(f"BN:{min(len(between), 6)}")
    else:
        f.append("B:far")
    if o.head.dep_ == "pobj":
        prep = o.head.head
        f += [f"OP:{prep.lower_}", f"OPH:{_lemma(prep.head)}:{prep.lower_}"]
    f += [f"SD:{s.head.dep_}", f"OD:{o.head.dep_}"]
    first = sent[0].i if len(sent) else 0
    if s.start > first:
        f.append(f"S-1:{_lemma(doc[s.start - 1])}")
    if o.end < len(doc):
        f.append(f"O+1:{_lemma(doc[o.end])}")
    if o.start > first:
        f.append(f"O-1:{_lemma(doc[o.start - 1])}")
    return f


def dense(p: Pair) -> Sequence[float]:
    """The pipeline's own context vectors (spaCy's `doc.tensor`, which tok2vec fills for the tagger and parser)
    of the subject's head, the object's head, their common ancestor and the mean of the words between: what the
    words around the pair mean beyond their lemmas. Empty when the pipeline keeps no tensor."""
    doc = p.subject.head.doc
    tensor = doc.tensor
    if tensor is None or len(tensor.shape) != 2 or tensor.shape[0] != len(doc):
        return ()
    lca = common_ancestor(p.subject.head, p.object.head) or p.subject.head
    lo, hi = (p.subject, p.object) if p.subject.start < p.object.start else (p.object, p.subject)
    between = tensor[lo.end : hi.start]
    mid = between.mean(axis=0) if len(between) else tensor[lca.i] * 0
    parts = [tensor[p.subject.head.i], tensor[p.object.head.i], tensor[lca.i], mid]
    return cast(Sequence[float], np.concatenate(parts))
