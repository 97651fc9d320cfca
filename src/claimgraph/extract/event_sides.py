"""Sides of a non-violent event: PLOVER's source and target ("Police arrested X", "X demanded that Y ..."),
and the sides of a meeting ("a meeting between X and Y", "X met Y"). A state acting is named by its place or
people ("Syria says it is willing", "Israeli troops"), so places and identity groups count as sides here.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from ..records import Entity
from .event_doers import CLAIMANT_VERBS
from .event_roles import (
    LocalFn,
    Roles,
    _agent,
    _children,
    _Mentions,
    _phrase_head,
    _pobj,
    _subject,
)
from .types import ExtractContext, ParsedSentence

_SIDE_TYPES_EXCLUDED = {"publication"}
#: prepositions whose object is where things are, not who acts ("in Garmsir", "cities such as Lahore")
_WHERE_PREPS = frozenset({"in", "at", "near", "across", "throughout", "inside", "outside", "around", "as"})


def sides_of(parsed: Sequence[ParsedSentence], entities: Sequence[Entity], ctx: ExtractContext,
             sentences: Sequence[int], hits: Sequence[tuple[int, int, int]], local: LocalFn) -> Roles:
    """The sides of a non-violent incident: a meeting's participants, else source and target."""
    if hits and _is_meeting(parsed, hits):
        return _participants(parsed, entities, ctx, sentences, hits, local)
    return _sides(parsed, entities, hits, local, ctx)


def _is_meeting(parsed: Sequence[ParsedSentence], hits: Sequence[tuple[int, int, int]]) -> bool:
    return any(parsed[si].tokens()[e - 1].lemma_.lower() in ("meet", "meeting", "talks", "talk", "summit",
                                                                 "negotiation", "negotiate", "confer")
               for si, _, e in hits)


def _side(mentions: _Mentions, np: Token, ctx: ExtractContext) -> list[Entity]:
    """The entity a noun phrase names: its apposition first ("ISKP's coordinator, Mir Shafiq Mengal"),
    else the entity at or nearest its head. A place may speak for its state ("Washington demanded", "an
    admission by Moscow"), but not where the phrase says where things are ("other cities such as Lahore ...
    attended rallies", "protests in Garmsir"), unless it is a country."""
    def sides(head: Token) -> list[Entity]:
        where = [mentions.char_range(t.left_edge, t.right_edge) for t in head.subtree
                 if t.i != head.i and t.dep_ == "pobj" and t.head.lower_ in _WHERE_PREPS]
        placed = {e.id for s0, _, e in mentions.items if any(a <= s0 < b for a, b in where)}
        return [e for e in mentions.in_phrase(head) if e.type not in _SIDE_TYPES_EXCLUDED
                and not (e.id in placed and e.type == "place" and not ctx.is_state(e))]

    for app in _children(np, "appos"):
        named = sides(app)
        if named:
            return named[:1]
    return sides(np)[:1]


def _sides(parsed: Sequence[ParsedSentence], entities: Sequence[Entity],
           hits: Sequence[tuple[int, int, int]], local: LocalFn, ctx: ExtractContext) -> Roles:
    """Source and target of a non-violent event (PLOVER's two sides): "Police arrested X", "X demanded
    that Y ...", "protests against Y", "sanctions on Y". A state acting is named by its place or people
    ("Syria says it is willing", "Israeli troops"), so places and identity groups count as sides here."""
    source: list[Entity] = []
    target: list[Entity] = []
    for si, start, end in hits:
        ps = parsed[si]
        mentions = _Mentions(ps, entities, local)
        head = _phrase_head(ps.tokens(), start, end)
        verbal = head.pos_ in ("VERB", "AUX") or head.tag_.startswith("VB")
        passive = bool(_children(head, "auxpass", "nsubjpass"))
        subj = _subject(head)
        if not subj and verbal and head.dep_ in ("xcomp", "conj", "advcl", "ccomp", "oprd"):
            subj = _subject(head.head)  # "X agreed to meet", "X arrived and met"
        objs = _children(head, "dobj", "dative") + _pobj(head, "with", "to", "on", "against", "from", "for", "of")
        hit_source: list[Entity] = []
        if verbal and passive:
            hit_source += [e for a in _agent(head) for e in _side(mentions, a, ctx)]
            if not hit_source and head.dep_ == "ccomp" and head.head.lemma_.lower() in CLAIMANT_VERBS:
                # a state's agency telling of what was done by no one named did it: "Police said a cache of
                # weapons was seized from two hostels" (not a person or a group telling of it)
                hit_source += [e for s in _subject(head.head) for e in _side(mentions, s, ctx) if e.type == "agency"]
            target += [e for s in subj for e in _side(mentions, s, ctx)]
        elif verbal:
            hit_source += [e for s in subj for e in _side(mentions, s, ctx)]
            target += [e for o in objs for e in _side(mentions, o, ctx)]
        else:
            hit_source += [e for c in head.children if c.dep_ in ("compound", "amod", "poss", "nmod")
                           for e in _side(mentions, c, ctx)]
            hit_source += [e for a in _agent(head) for e in _side(mentions, a, ctx)]
            if head.dep_ in ("nsubj", "dobj", "pobj") and not hit_source:
                verb = head.head if head.dep_ != "pobj" else head.head.head
                hit_source += [e for s in _subject(verb) if s.i != head.i for e in _side(mentions, s, ctx)]
            target += [e for o in objs for e in _side(mentions, o, ctx)]
        if not hit_source and verbal and not passive and subj and all(t.pos_ == "PRON" for t in subj) \
                and head.dep_ == "ccomp" and head.head.lemma_.lower() in CLAIMANT_VERBS:
            # "Iraq's Counter-Terrorism Service said it arrested ...": the one who says it did it
            hit_source += [e for s in _subject(head.head) for e in _side(mentions, s, ctx)]
        if not hit_source and not passive and (verbal or head.dep_ in ("ROOT", "nsubj", "dobj")):
            # the subject the parser lost ("Syria says ...", "Israel and Lebanon renewed negotiations"):
            # the first name before the trigger; not for a trigger inside a phrase ("providing them
            # with safe houses, funding ...")
            # (a country for its state; a town before the trigger is where it happened: "In Islamabad, ...")
            hs = local(ps, head.idx)
            hit_source += [e for s0, _, e in mentions.items if s0 < hs and e.type not in _SIDE_TYPES_EXCLUDED
                           and (e.type != "place" or ctx.is_state(e))][:1]
        source += hit_source
    roles = Roles()
    seen: set[str] = set()
    for e in source:
        if e.id not in seen:
            seen.add(e.id)
            roles.perpetrators.append(e.ref())
    for e in target:
        if e.id not in seen:
            seen.add(e.id)
            roles.targets.append(e.ref())
    return roles


def _participants(parsed: Sequence[ParsedSentence], entities: Sequence[Entity], ctx: ExtractContext,
                  sentences: Sequence[int], hits: Sequence[tuple[int, int, int]], local: LocalFn) -> Roles:
    """Sides of a meeting: "a meeting between X and Y", "X met (with) Y", "talks with Y".

    The first side goes to `perpetrators` (PLOVER's source actor), the others to `targets`. When the
    sides are roles ("the coordinator of ISKP") and a following sentence of the incident names people
    ("In the photo, Mir Shafiq Mengal is seen ... to Rana Mohammad Ashfaq"), those people are the sides.
    """
    sides: list[list[Entity]] = []
    unnamed = False
    first = hits[0][0] if hits else sentences[0]
    for si, start, end in hits:
        ps = parsed[si]
        mentions = _Mentions(ps, entities, local)
        toks = ps.tokens()
        head = _phrase_head(toks, start, end)
        nps = _subject(head) if head.pos_ == "VERB" else []
        if head.pos_ != "VERB" and head.dep_ in ("dobj", "nsubj", "nsubjpass"):
            nps += [s for s in _subject(head.head) if s.i != head.i]  # "Israel and Lebanon renewed talks"
        nps += _children(head, "dobj") + _pobj(head, "between", "with", "among")
        for np in nps:
            for part in [np, *[c for c in np.children if c.dep_ == "conj"]]:
                ents = [e for e in mentions.in_phrase(part) if e.type not in _SIDE_TYPES_EXCLUDED]
                if ents:
                    sides.append(ents[:1])
                    unnamed = unnamed or ents[0].type != "person"
    people: list[Entity] = []
    for si in sentences:
        if si == first:
            continue
        mentions = _Mentions(parsed[si], entities, local)
        for _, _, e in mentions.items:
            if e.type == "person" and all(p.id != e.id for p in people):
                people.append(e)
    if (unnamed or not sides) and len(people) >= 2:
        sides = [[p] for p in people]
    roles = Roles()
    flat = [s[0] for s in sides]
    seen: list[str] = []
    for e in flat:
        if e.id not in seen:
            seen.append(e.id)
            (roles.perpetrators if len(seen) == 1 else roles.targets).append(e.ref())
    return roles


