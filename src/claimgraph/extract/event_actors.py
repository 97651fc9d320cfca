"""Sides named by nationality: state forces and officials as perpetrators and targets of an event.

`event_roles` takes a violent incident's perpetrators from actor entities (organisations and people).
A state's forces are mostly named by a demonym or a place and an agent noun — "Israeli police arrested
three Palestinians", "Burundian militiamen attacked", "Serb forces killed three ethnic Albanians", "the
Afghan government" — where the only entity is the demonym (group_identity) or the place. This module
fills the sides the role finder left empty, from the dependency parse:

  perpetrator  the subject of an active trigger verb or of a casualty verb in the trigger's sentence
               ("Sudanese rebels shelled Juba, killing about 20"), or the "by" agent of a passive one
               ("was attacked by Burundian militiamen") — when that noun phrase's head is an agent noun
               (`FORCE_NOUNS`) and the phrase holds a demonym, place or organisation entity;
  target       the object of the trigger or casualty verb, or the subject of a passive one ("Three US
               servicemen were killed"), when it names an entity (places and identity groups included).

It only adds where nothing was found (the role finder's answer always wins) and never names a lone
attacker ("Somali gunmen": attacker nouns are left to the role finder and its responsibility rules).
The entity used is the one the entity stage already made for the demonym or place, so every side the
event names stays in the document's entity list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Token

from ..records import Entity, EntityRef
from .event_doers import against_attackers
from .event_lexicon import EventLexicon
from .event_roles import LocalFn, Roles, _Mentions
from .quantities import cue_kind
from .syntax import agents as _agents
from .syntax import children as _children
from .syntax import passive as _passive
from .syntax import pobj as _pobj
from .types import ParsedSentence

#: Heads of a noun phrase that names a state's or a movement's forces or officials ("Israeli police").
FORCE_NOUNS = frozenset({
    "police", "policeman", "policemen", "troop", "troops", "soldier", "soldiers", "force", "forces", "army",
    "military", "navy", "militia", "militias", "militiaman", "militiamen", "rebel", "rebels", "guerrilla",
    "guerrillas", "government", "authority", "authorities", "official", "officials", "aircraft", "warplane",
    "warplanes", "jet", "jets", "helicopter", "helicopters", "tank", "tanks", "artillery", "security",
    "paramilitary", "paramilitaries", "commando", "commandos", "separatist", "separatists", "regime",
    "administration", "ministry", "court", "judge", "leader", "leaders", "minister", "president",
})
#: Verbs whose subject does the act their object names ("held talks", "began a hunger strike").
LIGHT_VERBS = frozenset({
    "hold", "stage", "launch", "begin", "start", "organise", "organize", "declare", "give", "undertake",
    "announce", "reach", "sign", "issue", "make", "conduct", "lead", "carry", "mount", "continue", "resume",
    "offer", "grant", "provide", "send", "open", "call", "impose", "extend",
})
_SIDE_TYPES = frozenset({"group_identity", "place", "organisation", "armed_group", "agency", "party", "state",
                         "person"})
_TARGET_DEPS = ("dobj", "dative")
_PLACE_TYPES = frozenset({"place", "facility"})


def _verb_of(tok: Token, *, violent: bool, undergo: frozenset[str] = frozenset()) -> Token | None:
    """The trigger itself when it is a verb, else the verb its phrase hangs from ("wounded two soldiers
    in a bomb attack"). For a non-violent trigger only a verb that does it (`LIGHT_VERBS`: "staged a
    protest", "launched a mediation effort"): "soldiers suppressed a protest" makes no soldier a protester."""
    t = tok
    for _ in range(4):
        if t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB"):
            if t.i != tok.i and t.lemma_.lower() in undergo:
                return None  # "Nigerian soldiers repelled an attack on their base": they did not attack
            return t if violent or t.i == tok.i or t.lemma_.lower() in LIGHT_VERBS else None
        if t.head.i == t.i or _time_of(t):
            return None
        t = t.head
    return None


#: Prepositions that time a clause by an act already told ("a month before the abduction").
_TIMING = frozenset({"before", "after", "since", "until", "following"})


def _time_of(t: Token) -> bool:
    """A told act ("the abduction", "their attack") that times the clause it hangs from: "The army had
    withdrawn its troops a month before the abduction" — whoever withdrew did not abduct."""
    return t.dep_ == "pobj" and t.head.lower_ in _TIMING and any(
        c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "another") for c in t.children)


def _near_head(np: Token, ents: Sequence[Entity], mentions: _Mentions) -> list[Entity]:
    hs, _ = mentions.char_range(np, np)
    return sorted(ents, key=lambda e: min(abs(m.start - hs) for m in e.mentions))


def _sides_of(np: Token, mentions: _Mentions, *, core: bool) -> list[Entity]:
    """Entities of a noun phrase, nearest its head first. `core`: only its head, modifiers,
    appositions and "of" complements, not its other prepositional phrases ("killed 44 people in
    Istanbul" names no target); else the whole phrase ("mediation between Syria and ...")."""
    ents = mentions.in_core(np) if core else mentions.in_phrase(np)
    return _near_head(np, [e for e in ents if e.type in _SIDE_TYPES], mentions)


def _force(np: Token, mentions: _Mentions) -> list[Entity]:
    """The entity before the head of a noun phrase headed by a force noun ("Israeli police" → Israeli,
    "Yemen's Houthi rebels" → Houthi, "Vietnamese-led forces" → Vietnamese), or of its "of"
    complement ("the government of Sudan"); else nothing."""
    if np.lower_ not in FORCE_NOUNS and np.lemma_.lower() not in FORCE_NOUNS:
        return []
    _, he = mentions.char_range(np, np)
    ents = [e for e in mentions.in_phrase(np) if e.type in _SIDE_TYPES and any(m.start < he for m in e.mentions)]
    ents += [e for g in _pobj(np, "of") for e in mentions.in_phrase(g) if e.type in _SIDE_TYPES]  # "government of X"
    near = _near_head(np, ents, mentions)
    return sorted(near, key=lambda e: e.kind != "descriptive")[:1]


def _verbs(sent_tokens: Sequence[Token], hits: Sequence[tuple[int, int]], lex: EventLexicon,
           violent: bool) -> list[Token]:
    """The trigger verbs of a sentence, then (violent incidents) its casualty verbs ("..., killing about 20")."""
    out: list[Token] = []
    r = lex.responsibility
    laying = r.attribute_verbs | r.denied
    for _start, end in hits:
        v = _verb_of(sent_tokens[end - 1], violent=violent, undergo=r.undergo_verbs)
        if v is not None and v.i != sent_tokens[end - 1].i and v.lemma_.lower() in laying:
            continue  # "officials blamed X for the abduction of Y": whom it is laid on is no side of it
        if v is not None and v not in out:
            out.append(v)
    for t in sent_tokens if violent else ():
        if t.pos_ == "VERB" and cue_kind(t, lex.counts) is not None and t not in out:
            out.append(t)
    return [v for v in out if not against_attackers(v, lex.answered_doers())]  # "forces killed the attackers"


def fill_sides(roles: Roles, parsed: Sequence[ParsedSentence], entities: Sequence[Entity],
               hits: Sequence[tuple[int, int, int]], lex: EventLexicon, local: LocalFn, *,
               violent: bool = True) -> Roles:
    """`roles` with an empty perpetrator or target side filled from force phrases (see the module doc).

    `hits` are (sentence index, start token, end token) of the incident's triggers; only the first
    trigger sentence is read (where PLOVER and the incidents name the sides)."""
    if (roles.perpetrators and roles.targets) or not hits:
        return roles
    si = hits[0][0]
    ps = parsed[si]
    mentions = _Mentions(ps, entities, local)
    toks = ps.tokens()
    perps: list[Entity] = []
    targets: list[Entity] = []
    for verb in _verbs(toks, [(s, e) for h, s, e in hits if h == si], lex, violent):
        if _passive(verb):
            nouns = lex.counts.attacker_nouns  # not "The attacker was shot dead by French police"
            if not any(s.lower_ in nouns or s.lemma_.lower() in nouns for s in _children(verb, "nsubjpass")):
                perps += [e for a in _agents(verb) for e in _force(a, mentions)]
            targets += [e for s in _children(verb, "nsubjpass") for e in _sides_of(s, mentions, core=violent)[:1]]
        else:
            perps += [e for s in _children(verb, "nsubj") for e in _force(s, mentions)]
            targets += [e for o in _children(verb, *_TARGET_DEPS)
                        for e in _sides_of(o, mentions, core=violent)[:1]]
    if violent:  # a place is never a side of a violent incident ("killed 44 people in Istanbul")
        targets = [e for e in targets if e.type not in _PLACE_TYPES]
    taken = {r.id for r in (*roles.perpetrators, *roles.targets)}
    if not roles.perpetrators:
        roles.perpetrators = _refs(perps, taken)[:1]
        taken |= {r.id for r in roles.perpetrators}
    if not roles.targets:
        roles.targets = _refs(targets, taken)[:1]
    return roles


def without_places(roles: Roles, entities: Sequence[Entity], is_state: Callable[[Entity], bool]) -> Roles:
    """`roles` without the towns and districts named as a side of an act of violence or a security operation:
    "arrested 14 people in Gondar", "raided several neighbourhoods of Qardaha" arrest people there, not the town.
    A country stays: a state acts and is acted on."""
    by_id = {e.id: e for e in entities}

    def town(ref: EntityRef) -> bool:
        e = by_id.get(ref.id)
        return e is not None and e.type == "place" and not is_state(e)

    roles.perpetrators = [r for r in roles.perpetrators if not town(r)]
    roles.targets = [r for r in roles.targets if not town(r)]
    return roles


def _refs(ents: Sequence[Entity], taken: set[str]) -> list[EntityRef]:
    out: list[EntityRef] = []
    for e in ents:
        if e.id not in taken and all(r.id != e.id for r in out):
            out.append(e.ref())
    return out
