"""Wording that looks like an event and is not one, and wording that changes who is on which side.

Each check reads one parsed token or sentence (pure) with words from ontology/events.yaml (`not_events`):

- `factual`: a trigger reported as having happened — not negated, intended ("plans to attack"),
  hypothetical ("could attack", "if ... would attack") or a non-finite modifier ("tasked with attacking");
  a violent act under a reporting verb with a perfect infinitive is reported ("claim to have killed").
- `status_word`: a status, not an act ("the banned TLP", "sanctioned entities", "allied militias").
- (aggregate tolls, trends, a group's record and weapons spoken of: `event_tallies`)
- `designation`: a sanction or ban of an armed group is a listing, not an event.
- `allies_on_one_side`: a force after an ally phrase ("at the side of troops loyal to Assad") fights beside
  the subject, not against it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..records import Entity, EntityRef, Quantity
from .event_lexicon import EventLexicon, NotEvents, TriggerDef
from .event_mentions import DEFINITE
from .event_roles import Roles
from .quantities import SENTENCING
from .syntax import list_head_before
from .timex import WEEKDAYS, YEAR_RE
from .types import ParsedSentence

LocalFn = Callable[[ParsedSentence, int], int]
_MODALS = {"will", "would", "could", "may", "might", "should", "can", "must", "shall"}
_RESULT_VERBS = {"kill", "injure", "wound", "leave", "claim"}
_INTENT_HEADS = {"plan", "vow", "threaten", "aim", "seek", "intend", "want", "try", "attempt", "hope",
                 "task", "order", "urge", "call", "prepare", "pledge"}

#: Verbs whose indefinite object is an act not (yet) done: "planning attacks", "plotted a bombing".
_PLANNING_HEADS = {"plan", "plot", "prepare", "threaten", "intend", "vow", "pledge", "want", "hope", "seek"}


def head_of(tokens: Sequence[Token]) -> Token:
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return tokens[-1]


def hit_head(sent: Doc | SpacySpan, hit: Any) -> Token:  # noqa: ANN401 - an events.TriggerHit (no import cycle)
    """The head word of a trigger hit's tokens in its sentence ("attack" of "terror attack")."""
    return head_of(list(sent[hit.start : hit.end]))


def opens_definite(trigger: Sequence[Token], first: int) -> bool:
    """A trigger noun that opens its sentence (token `first`) as its subject with "the" ("The attack came ...")."""
    tok = head_of(trigger)
    return tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and tok.left_edge.i == first


def factual(tok: Token, ne: NotEvents | None = None, *, violent: bool = False) -> bool:
    """False when the trigger is intended, hypothetical, negated (also by "no" on a noun, or "without": "detained
    him without a shot being fired") or a non-finite modifier. A noun modifying another noun ("a bomb attack") is
    as factual as the noun it modifies ("suspected of planning a bomb attack": planned). A violent act reported
    with a perfect infinitive ("claim to have killed") is kept: the source says it happened."""
    tok = noun_phrase_head(tok)
    if any(c.dep_ == "neg" for c in tok.children):
        return False
    if _without(tok):
        return False
    if tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return False  # "No attack on the police will go unpunished", "there was no attack"
    if tok.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in ("nobody", "none") or any(
                d.dep_ == "det" and d.lower_ == "no" for d in c.children)) for c in tok.children):
        return False  # "no shots were fired", "no one was hurt": said not to have happened
    if ne is not None and _conditional(tok, ne):
        return False  # "if the talks fail, the militants would attack ..."
    if ne is not None and tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.pos_ == "VERB" \
            and tok.head.lemma_.lower() in ne.doing_verbs and _to_come(tok.head) and not any(
                c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.children):
        # "would launch a new operation", "planned to carry out attacks": the launch is the act, and it is to come;
        # not "to launch the attacks in Mumbai" (known ones), nor an act done for a purpose ("used it to launch an
        # attack")
        return False
    if violent and _alleged_act(tok):
        return True  # "Residents accused the militia of torching 50 houses": the act, as its accusers tell it
    if ne is not None and tok.dep_ in ("pobj", "pcomp") and tok.head.lower_ == "of" \
            and tok.head.head.lemma_.lower() in ne.charge_heads:
        return False  # "two men accused of kidnapping": the charge, not this incident
    if violent and tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _PLANNING_HEADS and not any(
            c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.children):
        return False  # "members who were planning attacks on mosques"; not "X had planned the attack" (one that was)
    if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
        if any(c.lower_ == "to" and c.dep_ == "aux" for c in tok.children) and not (
                violent and _reported_past(tok, ne)):
            return False
        if any(c.lower_ in _MODALS and c.dep_ == "aux" for c in tok.children):
            return False
        if tok.dep_ == "xcomp" and (tok.head.lemma_.lower() in _INTENT_HEADS or any(
                c.lower_ in _MODALS and c.dep_ == "aux" for c in tok.head.children)):
            return False  # "vowed to attack"; "would continue striking the army": to come, not done
        if tok.tag_ == "VBG" and tok.dep_ in ("pcomp", "acl", "amod", "csubj") and tok.lemma_ not in _RESULT_VERBS:
            return False  # "tasked with attacking", "a death squad targeting"; but "..., killing two"
        if tok.tag_ == "VBG" and any(c.lower_ == "been" and c.dep_ == "aux" for c in tok.children) \
                and any(c.dep_ == "prep" and c.lower_ == "since" for c in tok.children):
            return False  # "the group that has been fighting Somalia's government since 2006": a war, no incident
    return True


def _to_come(verb: Token) -> bool:
    """A verb told as not (yet) done: with a modal ("would launch"), as what is planned or vowed ("planned to carry
    out"), or negated."""
    return any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children) or (
        verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _INTENT_HEADS)


def noun_phrase_head(tok: Token) -> Token:
    """The noun a noun modifier belongs to ("attack" of "a bomb attack", "caps" of "blasting caps"): its role in the
    sentence is that noun's."""
    for _ in range(3):
        if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in ("compound", "amod", "nmod") or tok.head.i == tok.i \
                or tok.head.pos_ not in ("NOUN", "PROPN"):
            break
        tok = tok.head
    return tok


def _without(tok: Token) -> bool:
    """The act is what did not happen along another: "without a shot being fired", "without firing a shot"."""
    node = tok
    for _ in range(4):
        if node.dep_ in ("pobj", "pcomp") and node.head.lower_ == "without":
            return True
        if node.dep_ not in ("nsubj", "nsubjpass", "dobj", "conj", "acl") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _alleged_act(tok: Token) -> bool:
    """An act someone is accused of by a named accuser, in the active voice: "Residents accused the Pyusawhti of
    torching houses", "Rights groups accused junta troops of shelling villages" (not "two men accused of
    kidnapping": a charge on the men)."""
    if tok.dep_ not in ("pobj", "pcomp") or tok.head.lower_ != "of" or tok.pos_ not in ("VERB", "NOUN"):
        return False
    verb = tok.head.head
    if verb.dep_ == "dobj" and verb.head.lemma_.lower() == "accuse":
        verb = verb.head  # the parser may hang "of" on the accused ("accused [junta troops of shelling]")
    if verb.lemma_.lower() != "accuse" or verb.pos_ != "VERB":
        return False
    return any(c.dep_ == "nsubj" for c in verb.children) and any(c.dep_ == "dobj" and c.pos_ != "PRON"
                                                                  for c in verb.children)


def _reported_past(tok: Token, ne: NotEvents | None) -> bool:
    """"claim to have killed", "is said to have attacked": a perfect infinitive under a reporting verb
    reports a past act (hedged by its source), unlike "plans to attack"."""
    if ne is None or tok.dep_ != "xcomp" or tok.head.lemma_.lower() not in ne.reported_heads:
        return False
    return any(c.lower_ == "have" and c.dep_ == "aux" for c in tok.children)


def _conditional(tok: Token, ne: NotEvents) -> bool:
    """The trigger's clause, or a clause above it, is opened by "if"/"unless"; or the trigger is the
    consequence of such a clause ("If the talks fail, the militants would attack")."""
    node = tok
    while True:
        if any(c.dep_ == "mark" and c.lower_ in ne.conditional_marks for c in node.children):
            return True
        if node.dep_ in ("advcl", "ccomp", "xcomp", "conj", "relcl") or node.pos_ in ("NOUN", "PROPN"):
            if node.head.i == node.i:
                return False
            node = node.head
            continue
        return False


def _fighting_for(tok: Token) -> bool:
    """A fight waged in the present for a cause or aim ("is fighting for self-determination", "has been fighting to
    overthrow the government"), against no one the clause names: what a group is about, not a clash."""
    if tok.lemma_.lower() != "fight" or tok.pos_ != "VERB" or tok.tag_ != "VBG":
        return False
    ongoing = any(c.dep_ == "aux" and c.lemma_ in ("be", "have") and c.tag_ in ("VBZ", "VBP") for c in tok.children) \
        or any(c.dep_ == "aux" and c.lower_ == "been" for c in tok.children)
    aim = any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children) or any(
        c.dep_ in ("xcomp", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in tok.children)
    against = any(c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ in ("with", "against") for c in tok.children)
    return ongoing and aim and not against


def status_word(tok: Token, trig: TriggerDef, ne: NotEvents) -> bool:
    """A status word modifying a noun ("the banned TLP", "sanctioned entities", "allied militias"), or stated in
    the present ("Al-Shabaab, which is allied with al-Qaeda", "the TTP is banned", "the groups are allies"):
    what a body is, not something that happened ("was banned in 2002" did happen). An agreement a verb undoes
    ("since ending a ceasefire") was not made either."""
    if trig.mode in ne.undone_modes and tok.dep_ in ("dobj", "nsubjpass") \
            and tok.head.lemma_.lower() in ne.undoing_verbs:
        return True
    if _armed_with(tok):
        return True  # "attackers, equipped with rocket-propelled grenades": what they carried
    if _fighting_for(tok):
        return True  # "the AA, which says it is fighting for self-determination": a cause, not a clash
    if trig.mode not in ne.status_modes:
        return False
    present = any(c.dep_ in ("auxpass", "aux") and c.lemma_ == "be" and c.tag_ in ("VBZ", "VBP")
                  for c in tok.children) or (tok.dep_ == "attr" and tok.head.lemma_ == "be"
                                             and tok.head.tag_ in ("VBZ", "VBP"))
    # "the TTP alliance attacked ...": a body a name calls an alliance, acting, is no alliance made
    named_body = tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ == "compound" and (c.ent_type_ in ("ORG", "NORP") or c.ent_kb_id_) for c in tok.children)
    return tok.dep_ in ("amod", "compound") or (tok.tag_ == "VBN" and tok.dep_ == "acl") or present or named_body


def first_conjunct(tok: Token) -> Token:
    """The first of the nouns a coordination lists ("strikes" of "strikes and raids"): it holds their role."""
    while tok.dep_ == "conj" and tok.head.i != tok.i and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head
    return tok


def designation(best: TriggerDef, targets: Sequence[EntityRef], entities: Sequence[Entity],
                 lex: EventLexicon) -> bool:
    """A sanction or ban whose target is an armed group: a listing, not an event."""
    ne = lex.not_events
    if best.mode not in ne.designation_modes:
        return False
    types = {e.id: e.type for e in entities}
    return any(types.get(t.id) in ne.designation_targets for t in targets)


def _ally_ranges(sentences: Sequence[int], parsed: Sequence[ParsedSentence], lex: EventLexicon,
                 local: LocalFn) -> list[tuple[int, int, tuple[int, int] | None]]:
    """Document character ranges of the phrases an ally phrase introduces ("alongside Syrian troops",
    "at the side of troops loyal to Assad"), each with the range of the noun a relative clause that holds it
    describes ("the VDP, a militia that fights alongside the army": the VDP's), if one does."""
    ranges = []
    for si in sentences:
        ps = parsed[si]
        toks = ps.tokens()
        lowers = [t.lower_ for t in toks]
        present = set(lowers)
        for phrase in lex.not_events.ally_phrases:
            if phrase[0] not in present:
                continue
            n = len(phrase)
            for i in range(len(toks) - n + 1):
                if tuple(lowers[i : i + n]) != phrase:
                    continue
                verb = toks[i].head
                owner = verb.head if verb.dep_ == "relcl" and verb.head.i != verb.i else None
                while owner is not None and owner.dep_ == "appos" and owner.head.i != owner.i:
                    owner = owner.head  # "the VDP, a civilian militia that fights alongside ...": the VDP
                side = None if owner is None else (local(ps, owner.left_edge.idx),
                                                   local(ps, owner.idx + len(owner.text)))
                for obj in toks[i + n - 1].children:
                    if obj.dep_ in ("pobj", "dobj", "agent", "pcomp"):
                        left, right = obj.left_edge, obj.right_edge
                        ranges.append((local(ps, left.idx), local(ps, right.idx + len(right.text)), side))
    return ranges


def allies_on_one_side(roles: Roles, sentences: Sequence[int], parsed: Sequence[ParsedSentence],
                       entities: Sequence[Entity], lex: EventLexicon, local: LocalFn) -> None:
    """A force named after an ally phrase fights beside the subject, not against it: it moves from the
    targets to the perpetrators ("Russian forces fighting at the side of troops loyal to Assad"); one a relative
    clause names moves only when the clause describes a perpetrator ("trenches held by the VDP, a militia that
    fights alongside the army": an ally of the target)."""
    ranges = _ally_ranges(sentences, parsed, lex, local)
    if not ranges or not roles.targets:
        return
    by_id = {e.id: e for e in entities}

    def within(ref: EntityRef, a: int, b: int) -> bool:
        ent = by_id.get(ref.id)
        return ent is not None and any(a <= m.start and m.end <= b for m in ent.mentions)

    def allied(ref: EntityRef) -> bool:
        return any(within(ref, a, b) and (side is None or any(within(p, *side) for p in roles.perpetrators))
                   for a, b, side in ranges)

    moved = [t for t in roles.targets if allied(t)]
    if moved:
        roles.targets = [t for t in roles.targets if t not in moved]
        roles.perpetrators = roles.perpetrators + [t for t in moved if t not in roles.perpetrators]


_GROUND_LABELS = frozenset({"GPE", "LOC", "FAC", "PLACE"})


def on_attackers(tok: Token, attackers: frozenset[str]) -> bool:
    """A violent verb whose victims are all attackers ("Security forces shot dead all four attackers", "the
    gunmen were killed"): the end of the incident already told, not a new one."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    victims = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(victims) and all(v.lemma_.lower() in attackers or v.lower_ in attackers for v in victims)


def split_phrase(verb: Token, noun: str) -> int:
    """How far after a verb its object lies when a two-word phrase of a verb and its object has words between
    them ("opened unprovoked fire", "opened heavy fire": 2 or 3 tokens); 0 when it has not."""
    if verb.pos_ != "VERB":
        return 0
    return next((c.i - verb.i for c in verb.children if c.dep_ == "dobj" and c.lower_ == noun
                 and 1 < c.i - verb.i <= 3), 0)


#: verbs of finding or taking a thing, which then was not used
_TAKEN_VERBS = frozenset({"find", "discover", "seize", "recover", "hide", "store", "buy", "acquire", "smuggle",
                          "receive", "supply", "deliver", "sell", "obtain", "import", "ship"})
_CARRY_VERBS = _TAKEN_VERBS | {"wear", "carry", "equip", "arm", "possess", "strap", "hold", "bring"}


#: verbs of finding or taking weapons: what they are said of was never used ("grenades were recovered")
_FOUND_VERBS = _TAKEN_VERBS | {"confiscate", "defuse", "stockpile", "unearth"}


#: verbs of taking people, with whom what they had was taken ("arrested four men along with two pistols")
_HELD_VERBS = frozenset({"arrest", "detain", "apprehend", "nab", "catch", "intercept", "capture"})


def _held(t: Token) -> bool:
    """A thing someone was held with or had on them: "arrested two men carrying rifles", "a man in possession of a
    hand grenade", "arrested four suspects along with two pistols"."""
    head = t.head
    if t.dep_ == "dobj" and head.dep_ == "acl" and head.lemma_.lower() in ("carry", "possess"):
        return True
    if t.dep_ != "pobj":
        return False
    if head.lower_ == "of" and head.head.lower_ == "possession":
        return True
    return head.lower_ == "with" and (head.head.lower_ in ("along", "together") and head.head.head.lemma_.lower()
                                      in _HELD_VERBS or head.head.lemma_.lower() in _HELD_VERBS)


def found_unused(tok: Token) -> bool:
    """A trigger noun that was found, seized or defused, active or passive ("police recovered hand grenades",
    "hand grenades and letters were recovered", "a bomb was defused"), or that people held had on them
    (`_held`), or that names what is made or handled with it ("bomb-making materials": `_glued_to_maker`):
    nothing happened with it."""
    def found(t: Token) -> bool:
        return t.dep_ in ("dobj", "nsubjpass") and t.head.lemma_.lower() in _FOUND_VERBS or _held(t)

    # (or an item of a list of things found: "seized two drones, 30 landmines and 11 rifles")
    return tok.pos_ == "NOUN" and (found(first_conjunct(noun_phrase_head(tok))) or list_head_before(tok, found)) \
        or _glued_to_maker(tok)


def _glued_to_maker(tok: Token) -> bool:
    """The first word of a hyphened modifier of making or handling the thing ("bomb-making materials", "a bomb-maker",
    "bomb-sniffing dogs", "bomb-proof"): no act."""
    doc = tok.doc
    if tok.i + 2 >= len(doc) or tok.whitespace_ or doc[tok.i + 1].text not in ("-", "–") or doc[tok.i + 1].whitespace_:
        return False
    after = doc[tok.i + 2].lower_
    return after.endswith(("ing", "er", "ers")) or after == "proof"


def carried(tok: Token) -> bool:
    """A trigger noun that is something carried or found, not an act ("wearing a suicide vest")."""
    head = tok.head
    if tok.dep_ in ("dobj", "conj") and head.lemma_.lower() in _CARRY_VERBS:
        return True
    if _carried_with(tok):
        return True
    return tok.dep_ == "conj" and head.i != tok.i and carried(head)


def _carried_with(tok: Token) -> bool:
    """"armed with firearms", "equipped with grenades": what a verb of carrying says someone had."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.head.head.lemma_.lower() in _CARRY_VERBS


def _armed_with(tok: Token) -> bool:
    """A weapon word in what someone is armed or equipped with ("equipped with rocket-propelled grenades":
    "rocket" too), not an act."""
    t = tok
    for _ in range(4):
        if _carried_with(t):
            return True
        if t.dep_ not in ("amod", "npadvmod", "compound", "conj", "nmod") or t.head.i == t.i:
            return False
        t = t.head
    return False


def to_death(tok: Token) -> bool:
    """A verb whose stated result is a death, whatever the verb ("hacked a priest to death", "was beaten to
    death"), except a court's ("sentenced to death")."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() not in SENTENCING and any(
        c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children) for c in tok.children)


def figurative(tok: Token, ne: NotEvents) -> bool:
    """A trigger verb whose object makes it figurative ("struck a non-aggression pact with Y", "hit a record"):
    no act of violence."""
    return tok.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() in ne.figurative_objects
                                      for c in tok.children)


def names_a_thing(tok: Token, ne: NotEvents) -> bool:
    """A trigger noun modifying a noun of `thing_heads` ("a suspected bomb-maker", "missile components"): a person or
    a thing, not an incident."""
    head = tok.head
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in ("compound", "nmod") or head.i == tok.i \
            or head.pos_ != "NOUN":
        return False
    return head.lemma_.lower() in ne.thing_heads or head.lower_ in ne.thing_heads


def takes_ground(span: Sequence[Token], objects: frozenset[str]) -> bool:
    """Whether a word whose mode asks for an object has one (`objects`, a trigger's `objects:`): a capture word
    ground, a ground noun or a place ("captured the town of X", "recaptured Badhadhe", "took control of three
    barracks"), not a person ("captured a senior commander"); a seizure word arms ("recovered a cache of arms")."""
    if not objects:
        return True
    found: list[Token] = []
    controlled: list[Token] = []  # what a phrase of control is over ("took control of Myitta")
    for t in span:
        for c in t.children:
            if c.dep_ in ("dobj", "nsubjpass"):
                found.append(c)
            elif c.dep_ == "prep" and c.lower_ in ("of", "over"):
                found += [g for g in c.children if g.dep_ == "pobj"]
                controlled += [g for g in c.children if g.dep_ == "pobj" and t.lower_ == "control"]
    found += [g for o in list(found) for c in o.children if c.dep_ == "conj" for g in [c]]
    if any(o.lemma_.lower() in objects or o.lower_ in objects or o.ent_type_ in _GROUND_LABELS for o in found):
        return True
    # control of a name is control of a place, whatever the NER took the name for ("regained control of Myitta",
    # tagged ORG), unless it names a person or a people
    if any(o.pos_ == "PROPN" and o.ent_type_ not in ("PERSON", "NORP") for o in controlled):
        return True
    # what a measure of it holds: "a large amount of ammunition", "a stash of projectiles"
    return any(g.lemma_.lower() in objects or g.lower_ in objects for o in found for c in o.children
               if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj")


_SELF = {"himself": 1, "herself": 1, "themselves": None}
_SELF_VERBS = frozenset({"blow", "kill", "detonate"})


def self_killed(sents: Sequence[Doc | SpacySpan]) -> Quantity | None:
    """Attackers who killed themselves: "A suicide bomber blew himself up" (1), "Two suicide bombers blew
    themselves up" / "detonated explosives, killing themselves" (the number of the subject); None when no
    sentence says so or the number of "themselves" is not given."""
    from .quantities import parse_count

    for sent in sents:
        for tok in sent:
            if tok.lower_ not in _SELF or tok.dep_ != "dobj" or tok.head.lemma_.lower() not in _SELF_VERBS:
                continue
            if _SELF[tok.lower_] == 1:
                return Quantity(1, 1, False, tok.text)
            verb = tok.head
            subj = [c for c in verb.children if c.dep_ == "nsubj"]
            if not subj and verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.i != verb.i:
                subj = [c for c in verb.head.children if c.dep_ == "nsubj"]
            for s in subj:
                for n in s.children:
                    if n.dep_ == "nummod" and (q := parse_count(n.text)) is not None and q.min is not None:
                        return Quantity(q.min, q.max, q.approximate, f"{n.text} {s.text}")
    return None


#: Words of a time distance that make "came two days after X attacked" another, earlier act.
_DISTANCE = frozenset({"day", "days", "hour", "hours", "week", "weeks", "month", "months", "year", "years", "minutes"})


def tells_its_cause(sent: Doc | SpacySpan, told: Sequence[Token]) -> bool:
    """ "The fighting came after al-Shabab fighters attacked federal troops": the told incident (a definite
    trigger noun, the subject of the main verb) and the act that began it ("after" / "when" clause of that
    verb, with no time distance: "came two days after ..." tells another act). `told`: the heads of one
    family's triggers in the sentence."""
    subj = [t for t in told if t.pos_ == "NOUN" and t.dep_ == "nsubj" and any(
        c.lower_ in ("the", "this", "that", "these", "those") and c.dep_ == "det" for c in t.children)]
    if not subj:
        return False
    verb = subj[0].head
    for t in told:
        if t is subj[0]:
            continue
        clause = t if t.dep_ == "advcl" and t.head.i == verb.i else None
        if clause is None or not any(c.dep_ == "mark" and c.lower_ in ("after", "when", "as") for c in clause.children):
            return False
        if any(d.lower_ in _DISTANCE for c in clause.children if c.dep_ == "mark" for d in c.subtree) or any(
                d.lower_ in _DISTANCE for d in verb.children if d.dep_ == "npadvmod"):
            return False
    return len(told) > 1


def other_date(sent: Doc | SpacySpan, told: Sequence[Doc | SpacySpan]) -> bool:
    """A sentence that opens with a year the incident's sentences, dated too, do not name tells another incident
    ("The first attack was the assault on the town of Ipil in April 1995. … On 18 December 1998, Abdurajik was
    killed in a gun battle"); so does one that opens with another day of a month, and one dated back from the report
    ("last month") after one dated otherwise."""
    mine = {y for e in sent.ents if e.label_ == "DATE" and e.start <= 2 for y in YEAR_RE.findall(e.text)}
    before = {y for s in told for e in s.ents if e.label_ == "DATE" for y in YEAR_RE.findall(e.text)} if mine else set()
    if before and not mine & before:
        return True
    # and one that opens with a day of a month the incident's sentences, dated to a day too, do not name: "On 6
    # March the SAS shot dead ... On 16 March a UDA volunteer killed ..."
    days = {d for e in sent.ents if e.label_ == "DATE" and e.start <= 2 for d in _days(e.text)}
    earlier = {d for s in told for e in s.ents if e.label_ == "DATE" for d in _days(e.text)} if days else set()
    if earlier and not days & earlier:
        return True
    # and one dated back from the report ("involved in the killing of a politician last month") after an incident
    # dated otherwise ("on Friday"): a deed before the one told
    back = {e.text.lower() for e in sent.ents if e.label_ == "DATE" and _BACK.search(e.text)}
    dated = {e.text.lower() for s in told for e in s.ents if e.label_ == "DATE"} if back else set()
    return bool(dated) and not back & dated


def other_weekday(sent: Doc | SpacySpan, told: Sequence[Doc | SpacySpan]) -> bool:
    """A sentence that names a day of the week the incident's sentences, which name one too, do not ("… ambushed
    an army vehicle on Thursday. … killed one militant on Saturday"): another day, so another act."""
    mine = {w for e in sent.ents if e.label_ == "DATE" for w in _WEEKDAY.findall(e.text.lower())}
    if not mine:
        return False
    before = {w for s in told for e in s.ents if e.label_ == "DATE" for w in _WEEKDAY.findall(e.text.lower())}
    return bool(before) and not mine & before


_WEEKDAY = re.compile(rf"\b({'|'.join(WEEKDAYS)})\b")

#: a date counted back from the report's own day: "last month", "earlier this year", "two years ago"
_BACK = re.compile(r"^(?:last|earlier this|the previous|the past)\s+(?:week|month|year)$|\bago$", re.I)


_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Z][a-z]{2})[a-z]*\b"
                        r"|\b([A-Z][a-z]{2})[a-z]*\s+(\d{1,2})\b")


def _days(text: str) -> set[tuple[str, str]]:
    """(day, month) pairs a date phrase names: "6 March" and "March 6" → ("6", "Mar")."""
    return {(m.group(1) or m.group(4), m.group(2) or m.group(3)) for m in _DAY_MONTH.finditer(text)}
