"""A name that is what an assault takes or strikes: "the M23 attacked Goma", "gangs stormed Pont-Sondé", "the fall
of Goma". The NER often takes a town's name there for a person's; with a verb or noun that takes ground
(`places.yaml` `ground_taking_verbs`, `ground_taking_nouns`) and a place index that knows the name as a town, it
is the town."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span as SpacySpan

from ..resolve.place_index import data_words


@cache
def _verbs() -> frozenset[str]:
    return data_words("ground_taking_verbs")


@cache
def _nouns() -> frozenset[str]:
    return data_words("ground_taking_nouns")


def taken_by_assault(ent: SpacySpan) -> bool:
    """Whether a one-word name (hyphens allowed: "Pont-Sondé") is the direct object of a verb that takes ground
    ("attacked Goma", "overran Mupoi"), or follows "of" or "on" after a noun for taking it ("the fall of Goma",
    "the assault on Mupoi")."""
    if " " in ent.text:
        return False
    t = ent.root
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head  # "attacked Mupoi and Nzara"
    head = t.head
    if t.dep_ == "dobj":
        return head.lemma_.lower() in _verbs() and head.pos_ == "VERB"
    if t.dep_ == "pobj" and head.lower_ in ("of", "on") and head.head.i != head.i:
        return head.head.lemma_.lower() in _nouns() and head.head.pos_ == "NOUN"
    return False
