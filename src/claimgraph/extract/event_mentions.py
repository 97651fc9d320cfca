"""Entity mentions of one parsed sentence, read through its dependency parse (who a noun phrase names).

`Mentions(ps, entities, local)` finds the entities of a sentence by document offset; `in_core`, `in_phrase` and
`right_after` give those a noun phrase names (the role finders of `event_roles`, `event_doers` and `event_sides`
ask it).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from functools import cache

from spacy.tokens import Doc, Token

from ..records import Entity
from .place_cues import DEMONYM_HEADS
from .types import ExtractContext, ParsedSentence

LocalFn = Callable[[ParsedSentence, int], int]
#: participles that give the name a noun phrase goes by ("known as", "called", "named")
NAMING = frozenset({"know", "call", "name", "dub", "style"})
#: Determiners of a noun phrase that tells something told before ("the attacker") or something new ("a bomb").
DEFINITE = frozenset({"the", "this", "that", "these", "those", "both"})
INDEFINITE = frozenset({"a", "an", "another", "second", "third", "fourth", "fifth", "twin", "double", "triple", "new"})


#: (lemmas) the people a group acts through: "its fighters", "one of its suicide bombers" (not "their convoy")
_MEMBER_HEADS = frozenset({"fighter", "militant", "bomber", "gunman", "gunmen", "member", "man", "men", "cadre",
                           "operative", "soldier", "troop", "force", "commando", "attacker", "assailant", "insurgent"})
_EVERY: list[tuple[Sequence[Entity], tuple[Entity, ...], list[tuple[int, int, Entity]]]] = []


def _all_mentions(entities: Sequence[Entity]) -> list[tuple[int, int, Entity]]:
    """Every mention of a document's entities in text order, sorted once per entity list (a sentence's are a
    slice of it): the list last asked for is kept while it holds the same entities."""
    held = _EVERY[0] if _EVERY else None
    if held is None or held[0] is not entities or len(held[1]) != len(entities) \
            or any(a is not b for a, b in zip(held[1], entities, strict=True)):
        held = (entities, tuple(entities), sorted(((m.start, m.end, e) for e in entities for m in e.mentions),
                                                  key=lambda x: (x[0], x[1])))
        _EVERY[:] = [held]
    return held[2]  # (this call's own, whatever another thread keeps meanwhile)


class Mentions:
    """Entity mentions of one sentence, by document offset."""

    def __init__(self, ps: ParsedSentence, entities: Sequence[Entity], local: LocalFn, *,
                 doers: bool = False, refer: Callable[[Token], Entity | None] | None = None) -> None:
        self.ps = ps
        self.local = local
        self.refer = refer  # the entity a possessive pronoun refers to ("its fighters")
        # `doers`: for finding who did an act, a name glued to a participle of relation ("the al-Qaeda-linked
        # al-Shabaab group", "Iran-backed Houthi rebels") names a backer or ally of the phrase's actor, never it
        text, related = ps.sent.text, _related_participles() if doers else frozenset()
        every = _all_mentions(entities)
        at = bisect_left(every, ps.start, key=lambda x: x[0])
        self.items: list[tuple[int, int, Entity]] = []
        for start, end, e in every[at:]:
            if start >= ps.end:
                break
            if end <= ps.end and not _glued_to(text, end - ps.start, related):
                self.items.append((start, end, e))

    def _before_place_noun(self, start: int) -> bool:
        """A nationality that says whose a place is ("the Colombian department of Cauca", "a Nigerian town"):
        nobody hit."""
        sent = self.ps.sent
        base = sent.start_char if not isinstance(sent, Doc) else 0
        span = sent.char_span(start - self.ps.start + base, start - self.ps.start + base + 1, alignment_mode="expand")
        tok = span.root if span is not None and len(span) else None
        return tok is not None and tok.dep_ in ("amod", "compound") and tok.head.lemma_.lower() in DEMONYM_HEADS

    def char_range(self, first: Token, last: Token) -> tuple[int, int]:
        return self.local(self.ps, first.idx), self.local(self.ps, last.idx + len(last.text))

    def in_core(self, head: Token) -> list[Entity]:
        """Entities in the core of a noun phrase: the head, its modifiers and appositions, and "of"/"for"
        complements ("a spokesperson for the BNA", "members of IS", "Guzmán and other leaders of the Shining
        Path") — not its other prepositional
        phrases ("An IED planted ... in the Anarkali Bazaar" names no perpetrator)."""
        # "the Islamic State's affiliate, known as ISKP": the name it goes by
        called = next((f for t in named_as(head) if (f := self.in_phrase(t))), None)
        if called is not None:
            return called
        keep: list[Token] = []
        todo = [head]
        while todo:
            t = todo.pop()
            keep.append(t)
            for c in t.children:
                if c.dep_ == "poss" and t.lemma_.lower() in relation_nouns():
                    continue  # "Al-Shabaab, al-Qaeda's affiliate", "the Islamic State's affiliate, ISKP", "the
                    # Islamic State group's regional affiliate claimed": the other actor did nothing here
                if c.dep_ in ("compound", "amod", "nmod", "poss", "appos", "det", "nummod", "flat", "conj",
                              "cc", "case", "punct") or c.dep_ == "pobj" and t.dep_ == "prep":
                    todo.append(c)
                elif c.dep_ == "prep" and c.lower_ in ("of", "for", "from") and (
                        t.i == head.i or t.dep_ == "conj" and t.head.i == head.i):  # "X and other leaders of Y"
                    todo.append(c)
        ranges = [self.char_range(t, t) for t in keep]
        found = [(s, e, ent) for s, e, ent in self.items if any(s < re and e > rs for rs, re in ranges)]
        if not found and self.refer is not None:
            # "its suicide bombers killed X": the group the possessive refers to
            owner = next((e for t in keep if t.dep_ == "poss" and t.lower_ in ("its", "their")
                          and t.head.lemma_.lower() in _MEMBER_HEADS and (e := self.refer(t)) is not None), None)
            return [owner] if owner is not None else []
        hs, he = self.char_range(head, head)
        # the name the head word is part of first: "Iraq's Counter-Terrorism Service" is the service's
        found.sort(key=lambda x: (0 if x[0] <= hs < x[1] or hs <= x[0] < he else 1, x[0]))
        return [ent for _, _, ent in found]

    def right_after(self, head: Token) -> list[Entity]:
        """Entities that begin within two tokens after a noun phrase ("group Tehrik i Taliban
        Pakistan", where the parser hung the name elsewhere)."""
        doc = head.doc
        last = min(head.right_edge.i + 2, len(doc) - 1, max(t.i for t in self.ps.sent))
        start = self.local(self.ps, head.right_edge.idx)
        end = self.local(self.ps, doc[last].idx + len(doc[last].text))
        return [ent for s, _, ent in self.items if start <= s < end]

    def speaking_for(self, head: Token) -> list[Entity]:
        """`in_core`, where a spokesperson or leader speaks for a body: "TTP spokesman Muhammad Khurasani claimed
        responsibility", "a spokesperson for the BNA said its fighters …", "Boko Haram leader Abubakar Shekau
        claimed responsibility" claim for the body, and the person who speaks did not do the act."""
        found = self.in_core(head)
        if not any(t.lemma_.lower() in speakers() for t in (head, *head.children)):
            return found
        bodies = [e for e in found if e.type != "person"]
        return bodies or found

    def in_target_phrase(self, head: Token) -> list[Entity]:
        """`in_phrase` of a phrase naming what was hit, less a nationality that says whose a place in it is ("a
        base in the Colombian department of Cauca")."""
        start, end = self.char_range(head.left_edge, head.right_edge)
        whose = {e.id for s, _, e in self.items if start <= s < end and e.type == "group_identity"
                 and self._before_place_noun(s)}
        return [e for e in self.in_phrase(head) if e.id not in whose]

    def in_phrase(self, head: Token, skip: Sequence[Token] = ()) -> list[Entity]:
        """Entities inside the noun phrase of `head` (head's own words first, then its modifiers), none inside
        the subtrees of `skip`."""
        start, end = self.char_range(head.left_edge, head.right_edge)
        hs, he = self.char_range(head, head)
        away = [self.char_range(t.left_edge, t.right_edge) for t in skip]
        found = [(0 if s <= hs < e or hs <= s < he else 1, s, ent) for s, e, ent in self.items
                 if s < end and e > start  # overlap: the parser may split a name ("liberation" / "Army")
                 and not any(a <= s < b for a, b in away)]
        found.sort(key=lambda x: (x[0], x[1]))
        return [ent for _, _, ent in found]


@cache
def spokespeople() -> frozenset[str]:
    """Nouns of those who speak for a body (statements.yaml `spokespeople`)."""
    from .statement_rules import load_rules

    return load_rules().lexicon["spokespeople"]


def named_as(head: Token) -> list[Token]:
    """The words that give the name a noun phrase goes by: "the affiliate, known as ISKP", "a group called X",
    "the faction named X" (the participles are `NAMING`)."""
    return [o for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in NAMING
            for o in [*(p for p in c.children if p.dep_ in ("oprd", "attr")),
                      *(g for p in c.children if p.dep_ == "prep" and p.lower_ == "as" for g in p.children
                        if g.dep_ == "pobj")]]


@cache
def leaders() -> frozenset[str]:
    """Nouns of a body's leader, who claims or denies an attack for it (statements.yaml `leaders`)."""
    from .statement_rules import load_rules

    return load_rules().lexicon["leaders"]


@cache
def speakers() -> frozenset[str]:
    """Nouns of those whose claim of an attack is their body's: its spokespeople and its leaders."""
    return spokespeople() | leaders()


def spokesperson_owners(noun: Token, nouns: frozenset[str] | None = None) -> list[Token]:
    """The words that name whom a spokesperson noun speaks for ("TTP spokesman", "the Taliban's spokesman",
    "a spokesman for the TTP"); none when `noun` is no spokesperson noun (or none of `nouns`, where given: a
    leader's). Claims, events and the frames all read a spokesperson's body through this one shape."""
    if noun.lemma_.lower() not in (spokespeople() if nouns is None else nouns):
        return []
    return [c for c in noun.children if c.dep_ in ("compound", "poss", "nmod")] + [
        p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "for") for p in c.children
        if p.dep_ == "pobj"]


@cache
def relation_nouns() -> frozenset[str]:
    """Nouns that relate a group to another (events.yaml `responsibility.relation_nouns`)."""
    from .count_phrases import events_yaml

    return frozenset(events_yaml()["responsibility"].get("relation_nouns") or ())


@cache
def _related_participles() -> frozenset[str]:
    from .count_phrases import events_yaml

    return frozenset(events_yaml()["responsibility"].get("related_participles") or ())


def _glued_to(text: str, end: int, words: frozenset[str]) -> bool:
    """Whether the text right after a mention is "-" and one of `words` ("al-Qaeda-linked")."""
    if end >= len(text) or text[end] not in "-\u2010\u2011":
        return False
    after = text[end + 1 : end + 20].split(" ")[0].lower().strip(",.;:")
    return after in words


#: types the NER gives a person's name it does not know ("A man named Abdul Razak Ali Artan": GPE)
MISTYPED_PERSON = {"person", "place", "facility"}


def is_actor(e: Entity, ctx: ExtractContext) -> bool:
    """A person or organisation, not an unlisted name of a known place."""
    return (e.type == "person" or ctx.ontology.is_a(e.type, "organisation")) and not names_a_place(e, ctx)


#: words that end the name of an administrative division, written in lower case after it
_DIVISION_WORDS = frozenset({"department", "district", "province", "region", "county", "governorate", "prefecture",
                             "tehsil", "municipality", "division"})


def names_a_place(e: Entity, ctx: ExtractContext) -> bool:
    """An unlisted "organisation" (or one-word "person") whose whole name is a known place ("Bajaur",
    "Andhra Pradesh", "Guildford" that the NER called an organisation or a person): a place is never a
    perpetrator or a target."""
    if e.refs or e.kind != "named":
        return False
    if e.type != "organisation" and not (e.type == "person" and len(e.name.split()) == 1):
        return False
    words = e.name.split()
    if len(words) >= 2 and words[-1] in _DIVISION_WORDS:
        return True  # "the Centre department", "Kurram district": a division's name in lower case (a capital
        # "Department" is a body's: "the State Department")
    place = ctx.resolve_place(e.name)
    return place is not None and place.name.lower() == e.name.lower()
