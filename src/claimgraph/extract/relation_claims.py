"""Relation matches (extract/relations.py) turned into claim candidates, with a reason for every rejection.

    RelationMatch (tokens by role) ─entities─▶ Candidate, or (what, why) when it cannot be one

A match becomes a candidate when its subject and (where the frame has one) its object stand for entities:
a name, a pronoun or "the group" resolved in context, or a noun standing for its owner ("TTP leaders",
"fighters loyal to Y", "Pakistan's intelligence agency"). The first of the rule's predicates whose argument
types the ontology allows is taken; when none does, the first is proposed and `claims._check` drops it
with the type it found. A match with one side only is reported as dropped ("no second argument").
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from spacy.tokens import Token

from ..ontology import Ontology
from ..records import Entity
from .claim_arguments import IsState, identified, type_allowed
from .entities import ORG_TYPES
from .frames import Candidate, FrameInput, subjects_of
from .relations import RelationMatch, RelationPatterns

Drop = tuple[str, str]


#: predicates whose frame may leave the deed unnamed: it is the incident just reported ("claimed responsibility",
#: "denied involvement")
_INCIDENT_DEEDS = frozenset({"claimed_responsibility_for", "attacked"})

def _types_fit(ontology: Ontology, predicate: str, subject: Entity, obj: Entity | None, is_state: IsState
               ) -> bool:
    pdef = ontology.predicates.get(predicate)
    if pdef is None:
        return False
    return type_allowed(ontology, subject, pdef.subject, is_state) and (
        type_allowed(ontology, obj, pdef.object, is_state) if obj is not None
        else pdef.object is None or pdef.object_optional)


def _choose(ontology: Ontology, predicates: Sequence[str], subject: Entity, obj: Entity | None,
            is_state: IsState) -> str:
    return next((p for p in predicates if _types_fit(ontology, p, subject, obj, is_state)), predicates[0])


def _role(fi: FrameInput, trigger: Token, predicate: str) -> str | None:
    """The role a membership noun names ("a commander of Y" → commander), from the lexicon's role table."""
    for key in ((trigger.lemma_.lower(),), (trigger.lower_,)):
        hit = fi.triggers.roles.get(key)
        if hit is not None and hit[0] == predicate:
            return hit[1]
    return None


_PREDICATIVE = {"acomp", "attr", "oprd"}
#: how far back (characters) the incident a bare claim of responsibility refers to may be named
_ANTECEDENT_SPAN = 400
#: places named this close together (characters between their starts) describe one location
_PLACE_RUN = 60


def _incident_place(fi: FrameInput) -> Entity | None:
    """The place named last before the sentence, or, when it closes a run of places ("in Parachinar, a city
    in Pakistan's Kurram Agency"), the run's first: the most specific, the incident's own."""
    places = [(pos, eid) for pos, eid in fi.mentions.ordered
              if fi.offset - _ANTECEDENT_SPAN <= pos < fi.offset and fi.mentions.entities[eid].type == "place"]
    if not places:
        return None
    i = len(places) - 1
    while i > 0 and places[i][0] - places[i - 1][0] <= _PLACE_RUN:
        i -= 1
    return fi.mentions.entities[places[i][1]]


def _own_places(fi: FrameInput) -> set[str]:
    """The ids of the places the sentence names itself."""
    return {e.id for e in (fi.entity(t) for t in fi.sent if t.pos_ == "PROPN") if e is not None and e.type == "place"}


def _named_deed_place(fi: FrameInput, deeds: Sequence[str]) -> Entity | None:
    """A place the sentence names its deed by ("had no role in the Chaudhwan attack")."""
    for t in fi.sent:
        if t.pos_ == "PROPN" and t.dep_ in ("compound", "nmod", "poss") \
                and (t.head.lemma_.lower() in deeds or t.head.lower_ in deeds) \
                and (e := fi.entity(t)) is not None and e.type == "place":
            return e
    return None


_PLACE_PREPS = {"in", "at", "near", "outside", "along"}
#: what follows a stretch-of-land noun (the patterns' class `area_noun`) to name its land
_AREA_PREPS = {"of", "around", "across", "throughout", "along", "between"}


def _allows_place(ontology: Ontology, predicate: str) -> bool:
    pdef = ontology.predicates.get(predicate)
    return pdef is not None and pdef.object is not None and "place" in pdef.object


def _hostile(ontology: Ontology, predicate: str) -> bool:
    pdef = ontology.predicates.get(predicate)
    return pdef is not None and pdef.hostile


def _place_in(fi: FrameInput, noun: Token, classes: Mapping[str, Sequence[str]]) -> list[Entity]:
    """The places of an object that names no actor: "the attack on the police station in Bannu" → Bannu,
    "attacked army posts in Niger and Mali" → Niger, Mali (the place phrase may hang from the object, from the
    noun whose object it is, or from the verb whose object it is), "much of northern Yemen" → Yemen (a noun of
    the patterns' class `area_noun`), "along the Iran-Pakistan border" → Iran, Pakistan (`border_noun`)."""
    holders = [noun]
    if noun.dep_ == "pobj" and noun.head.head.pos_ == "NOUN":
        holders.append(noun.head.head)
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        holders.append(noun.head)  # "attacking military targets in India"
    if noun.lemma_.lower() in classes.get("border_noun", ()):
        # "along the Iran-Pakistan border", "the border with Venezuela": the countries whose border it is
        named = [e for c in noun.subtree if (c.i < noun.i or c.dep_ == "pobj" and c.head.lower_ == "with")
                 and (e := fi.entity(c)) is not None and e.type == "place"]
        if named:
            return list(dict.fromkeys(named))
    area = classes.get("area_noun", ())

    def land(t: Token) -> bool:  # a stretch of land, or a count of its parts ("control nine of the districts")
        return t.lemma_.lower() in area or t.lower_ in area or t.like_num and t.pos_ == "NUM"

    is_land = land(noun)
    if is_land:  # "the Rajouri-Poonch belt", "the Tora Bora mountains": the places the land is named by
        named = [e for c in noun.subtree if c.dep_ in ("compound", "nmod") and c.i < noun.i
                 and (e := fi.entity(c)) is not None and e.type == "place"]
        if named:
            return list(dict.fromkeys(named))
    preps = _PLACE_PREPS | (_AREA_PREPS if is_land else set())
    for prep in (c for h in holders for c in h.children):
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for p in prep.children:
                found = [e for e in fi.np_entities(p) if e.type == "place"] if p.dep_ == "pobj" else []
                if not found and p.dep_ == "pobj" and land(p):
                    # "operates in small cells in the mountains between Kirkuk and Diyala", "much of the
                    # countryside around Jowhar": the land's places; "nine of Helmand's 13 districts": its owner's
                    found = [e for q in p.children if q.dep_ == "prep" and q.lower_ in _AREA_PREPS | _PLACE_PREPS
                             for o in q.children if o.dep_ == "pobj"
                             for e in fi.np_entities(o) if e.type == "place"] or [
                        e for q in p.children if q.dep_ == "poss" for e in fi.np_entities(q) if e.type == "place"]
                if found:
                    return found
    return []


#: what ties a noun to an owner ("its members", "the members of Y", "Hamas members"): not the topic's then
_OWNER = {"poss", "compound", "nmod"}
_OWNER_PREPS = {"of", "in", "within"}
_SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}


def _subjectless(tok: Token, subjects: int = 0) -> bool:
    """Whether `tok` heads (or is conjoined into) the main clause of a sentence that has no subject: a list
    entry's "Founded by X and currently headed by Y.", "Senior leader of Z." (`subjects`: how many subjects
    the clause may have: 1 for "Other listed members include X", whose only subject is the members)."""
    t = tok
    for _ in range(6):
        if sum(1 for c in t.children if c.dep_ in _SUBJECTS) > subjects:
            return False
        if t.dep_ == "ROOT" or t.dep_ == "advcl" and t.is_sent_start and t.tag_ == "VBN":
            return True  # "Associated with X, Y and Z." opening a list entry, whatever the parser hung it on
        if t.dep_ != "conj":
            return False
        t, subjects = t.head, 0
    return False


def _what(predicates: Sequence[str], trigger: Token, offset: int, subject: str, obj: str) -> str:
    return f"{predicates[0]}({subject}, {obj}) at {offset + trigger.idx}"


def relation_candidates(fi: FrameInput, patterns: RelationPatterns, ontology: Ontology,
                        is_state: IsState) -> tuple[list[Candidate], list[Drop]]:
    """Candidates of one parsed sentence from the relation patterns, and the matches that could not be one."""
    out: list[Candidate] = []
    dropped: list[Drop] = []
    matches = patterns.find(fi.sent)
    # a match with an object goes first; the object-less reading of the same trigger ("X denied
    # involvement", "X claimed responsibility") is the fallback when no object resolved
    # (a fallback rule, such as the place of a claimed attack, yields to a rule that named its target)
    matches.sort(key=lambda m: (m.trigger, m.object is None, m.fallback))
    done: set[int] = set()
    stated: set[tuple[int, str]] = set()
    for m in matches:
        if m.object is None and m.pairs is None and m.trigger in done:
            continue
        if m.fallback and (m.trigger, m.predicates[0]) in stated:
            continue
        cands, why = _candidates(fi, m, ontology, is_state, patterns.classes)
        if cands:
            done.add(m.trigger)
            if m.object is not None:
                stated.add((m.trigger, m.predicates[0]))
        out.extend(cands)
        if why is not None:
            dropped.append(why)
    return out, dropped


def _named(fi: FrameInput, tok: Token) -> list[Entity]:
    """An entity of the document named exactly by `tok`'s text: "Iran" in "Iran-backed", which the
    mention finder leaves out as a modifier."""
    if not tok.text[:1].isupper():
        return []
    return [e for e in fi.mentions.entities.values() if tok.text == e.name or tok.text in e.aliases][:1]


def _owns(fi: FrameInput, role: Token, state: Entity) -> bool:
    """Whether a country is the possessor of a role noun, or of the name the role noun qualifies ("Pakistan's
    president X"), or names the office before it ("Pakistan President X", "United States President X"): the
    shapes in which a person holds a state's office. With a possessor, the country before the office is where it
    is held ("Pakistan's United States envoy")."""
    owners = [*role.children, *(role.head.children if role.dep_ == "compound" else ())]
    if any(c.dep_ == "poss" for c in owners):
        return any(c.dep_ == "poss" and any(fi.mentions.at(fi.index, t.i) == state for t in c.subtree)
                   for c in owners)
    return any(c.dep_ == "compound" and c.i < role.i and fi.mentions.at(fi.index, c.i) == state
               for c in role.children)


def _np(fi: FrameInput, tok: Token, prefer: Sequence[str]) -> list[Entity]:
    """The entities a noun phrase names; a noun in apposition that is no name stands for its head ("Al-Shabaab,
    an al-Qaeda-linked group", "Ansaru, a Boko Haram splinter faction"), one after a copula for the copula's
    subject ("JI is a network with cells in Y")."""
    found = fi.np_entities(tok, prefer=prefer)
    if tok.dep_ == "appos" and tok.pos_ == "NOUN" and (not found or fi.entity(tok) is None):
        # "Ansaru, a Boko Haram splinter faction linked to …": the faction is Ansaru, a name before the noun only
        # qualifies it
        found = fi.np_entities(tok.head, prefer=prefer) or found
    if not found and tok.dep_ == "attr" and tok.pos_ == "NOUN" and tok.head.lemma_ == "be":
        found = subjects_of(tok.head, fi)
    return found


#: participles that make the one before their hyphen the holder of what they modify ("SDF-held towns")
_HELD = frozenset({"hold", "held", "control", "controlled", "occupy", "occupied", "run"})


def _holder(fi: FrameInput, tok: Token, prefer: Sequence[str]) -> list[Entity]:
    """The actor that holds the places a noun names: "shell SDF-held towns", "Houthi-controlled areas" (what is
    struck is the holder's)."""
    for held in tok.children:
        if held.dep_ == "amod" and held.tag_ == "VBN" and held.lemma_.lower() in _HELD:
            for g in held.children:
                found = fi.np_entities(g, prefer=prefer) if g.dep_ in ("npadvmod", "compound", "nmod") \
                    and g.i < held.i else []
                if found:
                    return found
    return []


def _owner(fi: FrameInput, tok: Token, assets: Collection[str]) -> list[Entity]:
    """The body whose post, convoy or men a noun names, when the noun names no actor itself: "attack Frontier
    Corps checkpoints", "strike the army's positions", "ambushed a convoy of the Malian army" (what is struck is
    that body's). Only an organisation or a force the text identifies, never a place ("Bannu checkpoints" say
    where)."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in assets and tok.lower_ not in assets:
        return []
    owners = [c for c in tok.children if c.dep_ in ("compound", "poss", "nmod") and c.i < tok.i]
    owners += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
               if p.dep_ == "pobj"]
    found = [e for c in owners for e in fi.np_entities(c, prefer=ORG_TYPES)]
    return [e for e in found if e.type in ORG_TYPES and identified(e)][:1]


def _candidates(fi: FrameInput, m: RelationMatch, ontology: Ontology, is_state: IsState,
                classes: Mapping[str, Sequence[str]]
                ) -> tuple[list[Candidate], Drop | None]:
    doc = fi.sent.doc
    trigger = doc[m.trigger]
    prefer = ("person", *sorted(ORG_TYPES))
    if m.subject is not None:
        subs = _np(fi, doc[m.subject], prefer) or _named(fi, doc[m.subject])
    else:
        # the clause's subject: of the verb above a noun trigger, of the copula above "affiliated"
        above = doc[m.head] if m.head is not None else trigger.head if trigger.dep_ in _PREDICATIVE or (
            trigger.dep_ == "prep" and trigger.head.lemma_ == "be") else trigger  # "X was behind …"
        subs = subjects_of(above, fi)
        described = next((c for c in above.children if c.dep_ == "dobj"), None) if m.frame == "as_role_of" else None
        if described is not None:
            # "officials describe the TRF as a front for Y", "the TRF, which officials describe as ...": the one
            # described is what the role says, not the one describing it
            if described.lower_ in ("which", "who", "that") and above.dep_ == "relcl":
                described = above.head
            subs = _np(fi, described, prefer) or _named(fi, described)
        if not subs and fi.topic is not None and _subjectless(above):
            subs = [fi.topic]  # "Senior leader of Z." in a list entry on X: X is the leader
        if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj":
            # "the spokesman denied the group's involvement": whose involvement (or responsibility) it is, is
            # whom the speaker denies or claims it for
            owner = next((c for c in trigger.children if c.dep_ == "poss"), None)
            owned = _np(fi, owner, prefer) if owner is not None else []
            if owned and owned[0].type != "person" and not any(o.id == owned[0].id for o in subs):
                subs = owned[:1]
    objs = (_np(fi, doc[m.object], prefer) or _named(fi, doc[m.object]) or _holder(fi, doc[m.object], prefer)
            ) if m.object is not None else []
    if m.object is not None and not objs and _hostile(ontology, m.predicates[0]):
        # an attack on, or threat to, a body's post, convoy or men: the body (and where the post was)
        objs = _owner(fi, doc[m.object], classes.get("held_asset", ()))
        objs = objs + _place_in(fi, doc[m.object], classes) if objs else objs
    if m.frame == "hyphen_backed":
        # "the Turkish-trained Gorgor and the Danab brigade": the hyphened word qualifies its own noun phrase, not
        # one conjoined with its own article ("the Pakistan-based LeT and JeM" are both based there)
        apart = {e.id for c in doc[m.object].conjuncts if any(d.dep_ == "det" for d in c.children)
                 for e in fi.np_entities(c, prefer)}
        objs = [o for o in objs if o.id not in apart]
    if m.topic == "object":
        # "Founded by X.", "Other listed members include X." in a list entry on Y: Y is what X founded, joined
        owned = trigger.pos_ == "NOUN" and any(c.dep_ in _OWNER or c.dep_ == "prep" and c.lower_ in _OWNER_PREPS
                                               for c in trigger.children)
        free = _subjectless(trigger) if trigger.pos_ == "VERB" else not owned and _subjectless(trigger.head, 1)
        objs = [fi.topic] if fi.topic is not None and free else []
        if not objs:
            return [], None
    if m.object is not None and m.predicates[0] == "member_of":
        # "the members of Y's unit": a member of a group's unit is the group's member
        owner = next((c for c in doc[m.object].children if c.dep_ == "poss"), None)
        above = fi.np_entities(owner, prefer=prefer) if owner is not None else []
        if above and above[0].type != "person":
            objs = above[:1]
    if m.object is None and not objs and m.pairs is None and m.other is None \
            and m.predicates[0] in _INCIDENT_DEEDS:
        # "The TTP claimed responsibility." / "… for the explosion" / "X denied involvement": the deed is the
        # incident the text has just reported; its place, named last before this sentence, is what was claimed
        # (a sentence that names other places of its own does not reach back, unless it names this one again:
        # "the TTP 'had no role' in the Chaudhwan attack")
        last = _incident_place(fi)
        own = _own_places(fi)
        objs = [last] if last is not None and (not own or last.id in own) else []
        named = _named_deed_place(fi, classes.get("attack_noun", ())) if not objs and own else None
        objs = [named] if named is not None else objs
    if m.other == "clause":
        # "X receives weapons from Y": the doer is the frame's, the other side the clause's subject
        above = doc[m.head] if m.head is not None else trigger
        passive = [c for c in above.children if c.dep_ == "nsubjpass"] if m.head is not None else []
        # "X was founded by A with funding from Y": the passive's subject got it, not its agent
        objs = [e for c in passive for e in fi.np_entities(c) if e not in subs] if passive else \
            [e for e in subjects_of(above, fi) if e not in subs]
        if not objs:  # "X receives funding from its leadership": no other side named
            return [], (_what(m.predicates, trigger, fi.offset, subs[0].name if subs else "-", "-"),
                        f"{m.rule}: the clause names no other side")
    if m.object is not None and not (objs and all(identified(o) for o in objs)) \
            and any(_allows_place(ontology, p) for p in m.predicates):
        # an object that names no actor, or none a graph can hold ("army posts", "civilians"): where it was
        objs = _place_in(fi, doc[m.object], classes) + [o for o in objs if identified(o)] or objs
    subject_text = doc[m.subject].text if m.subject is not None else "-"
    object_text = doc[m.object].text if m.object is not None else "-"
    if m.object is not None and doc[m.object].dep_ in ("compound", "nmod", "amod") \
            and doc[m.object].head.i == trigger.i and trigger.lemma_.lower() in classes.get("topic_role_noun", ()):
        # "Nadia Ben Amer, a Libya analyst at ...": what an analyst studies, not whom she works for
        return [], (_what(m.predicates, trigger, fi.offset, subject_text, object_text),
                    f"{m.rule}: '{object_text}' is what the {trigger.text} studies, not whom they work for")
    if m.pairs == "subjects":
        # "X and Y had agreed to share training camps": the relation holds between the conjoined subjects
        objs, subs = subs[1:], subs[:1]
        if not subs:
            return [], None
        if not objs:
            return [], (_what(m.predicates, trigger, fi.offset, subs[0].name, "-"),
                        f"{m.rule}: one party only; '{trigger.text}' needs two")
    if not subs and not objs:
        return [], None  # no actor on either side: not a candidate at all
    if not subs:
        return [], (_what(m.predicates, trigger, fi.offset, subject_text, objs[0].name),
                    f"{m.rule}: no named subject for '{trigger.text}'")
    if m.object is not None and not objs:
        return [], (_what(m.predicates, trigger, fi.offset, subs[0].name, object_text),
                    f"{m.rule}: no second argument: '{object_text}' names no actor or place")
    if m.swap:
        # "X acts as a proxy for Y": Y directs X
        if not objs:
            return [], (_what(m.predicates, trigger, fi.offset, subs[0].name, object_text),
                        f"{m.rule}: no second argument: '{object_text}' names no actor")
        subs, objs = objs, subs
    if m.subjects:
        fit = [s for s in subs if any(ontology.is_a(s.type, t) for t in m.subjects)]
        if not fit:
            return [], (_what(m.predicates, trigger, fi.offset, subs[0].name, objs[0].name if objs else "-"),
                        f"{m.rule}: states it of {', '.join(m.subjects)} only, not of a {subs[0].type}")
        subs = fit
    cands: list[Candidate] = []
    for s in subs:
        for o in objs or [None]:
            if o is not None and o.id == s.id:
                continue
            pred = _choose(ontology, m.predicates, s, o, is_state)
            if pred == "member_of" and o is not None and o.type == "place" and not _owns(fi, trigger, o):
                continue  # "X, leader of … in the Philippines", "Pakistan's US envoy": no state's office
            cands.append(Candidate(pred, s, o, trigger, m.frame, role=_role(fi, trigger, pred),
                                   if_intended=m.intended))
    return cands, None
