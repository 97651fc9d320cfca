"""Where a claim happened: a place phrase on the claim's own words (see `place_of`).

The role and attack frames find their own place ("ISKP's coordinator in Balochistan", "an attack on its
Mastung camp"); this covers verb and tie claims, after the frames have run.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from ..records import Entity
from .frames import Candidate, FrameInput


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


_PLACE_PREPS = {"in", "at", "near", "inside", "within"}
_PLACE_FRAMES = {"verb", "between"}  # role and noun_with frames find their own place
_HOLD_VERBS = {"hold", "conduct", "organise", "organize", "arrange", "take"}  # "a meeting held in Quetta"


def _places_under(fi: FrameInput, t: Token, skip: Iterable[Entity]) -> list[Entity]:
    """Places in "in / at / near P" phrases attached directly to `t`."""
    out: list[Entity] = []
    for c in t.children:
        if c.dep_ != "prep" or c.lower_ not in _PLACE_PREPS:
            continue
        for p in c.children:
            if p.dep_ == "pobj":
                out += [e for e in fi.np_entities(p) if e.type == "place" and e not in skip and e not in out]
    return out


def _trailing_party(t: Token) -> Token | None:
    """The last party of "between X and Y" after tie noun `t`: a place phrase hanging off it closes the
    whole phrase ("a meeting between the coordinator of ISKP and a Lashkar commander in Balochistan")."""
    btw = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "between"), None)
    if btw is None:
        return None
    last = next((c for c in btw.children if c.dep_ == "pobj"), None)
    while last is not None:
        nxt = next((c for c in last.children if c.dep_ == "conj"), None)
        if nxt is None:
            return last
        last = nxt
    return None


def place_of(fi: FrameInput, c: Candidate) -> Entity | None:
    """Where a verb or tie claim happened, when the sentence says so on the claim's own words: a place
    phrase attached to the trigger ("met X in Quetta", "arrived in Balochistan" when the place is not the
    object), to a participle on a tie noun ("a meeting held in Quetta"), or closing a "between X and Y"
    phrase ("a meeting between X and Y in Balochistan"). A place attached anywhere else in the sentence
    ("insurgents in Balochistan province") describes something else and is left alone."""
    if c.frame not in _PLACE_FRAMES:
        return None
    skip = [e for e in (c.subject, c.object) if e is not None]
    if c.object is not None and c.object.type == "place":
        return None  # the place is the claim's object (operates_in, targets …)
    t = c.trigger
    found = _places_under(fi, t, skip)
    for ch in t.children:
        if ch.dep_ in {"acl", "amod", "relcl"} and _lemma(ch) in _HOLD_VERBS:
            found += _places_under(fi, ch, skip)
    if not found and c.frame == "between":
        last = _trailing_party(t)
        if last is not None:
            tail = [x for x in last.doc[last.i + 1 : last.sent.end] if not x.is_punct]
            found = [e for e in _places_under(fi, last, skip)
                     if tail and fi.entity(tail[-1]) is e]  # the place phrase ends the phrase
    return found[0] if found else None
