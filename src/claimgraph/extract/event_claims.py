"""Claims from events: who attacked whom, and who claimed it, read off each extracted incident.

    Event (perpetrators, targets, place, responsibility) + its sentences ─find─▶ EventPair
                                                                         ─write─▶ Claim (attacked,
                                                                                  claimed_responsibility_for)

An event says "X attacked Y" only where one sentence of the incident names both and ties them through the
act: their lowest common ancestor in the parse is a violent trigger ("two officers were killed by a bomb
planted by X"), or a verb of perpetration whose object or clause is one ("X carried out an attack on Y").
Two names that merely share a sentence ("Y belonged to the sect of the men killed by X") are no claim, and
neither is a target that the merged incident collected from another sentence.

A group that claimed the incident ("X claimed responsibility for the bombing" in the sentence after the one
that names the target) states `claimed_responsibility_for` and `attacked` as its own word; the evidence is
the stretch of the incident's sentences from the claim to the target. With no target entity, what was claimed
is the incident's place, when a document entity names it.

Subjects are named actors only (never a description such as "gunmen", never a place); objects are actors,
people, identity groups or (for a claim with no target) places, as the ontology allows. Modality, polarity
and source come from the sentence (hedges, negation, "officials said") and never rise above the event's
own responsibility: a suspected perpetrator stays hedged. A claim the relation patterns already made for
the same (subject, predicate, object, polarity) is not made twice; a denial they found stays beside.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..nlp.unlisted_names import organisation_heads
from ..ontology import Ontology
from ..records import Claim, Entity, EntityRef, Event, Modality, Responsibility, Source, SourceKind, Span, make_id
from ..resolve.names import fold
from .act_syntax import WHERE, WITHIN_NAME, argument_of_act, told, where_of_act
from .attribution import find_source
from .claim_arguments import drop_unidentified, identified, whom_not_where
from .claims import ClaimLexicons
from .entities import MentionIndex
from .event_answers import answering
from .event_doers import CULPRIT_NOUNS
from .event_lexicon import EventLexicon, load_event_lexicon
from .event_mentions import speakers, spokesperson_owners
from .events import find_triggers
from .frame_input import LOYAL, FrameInput
from .modality import find_modality
from .place_names import demonyms
from .syntax import common_ancestor, path_up
from .types import ExtractContext, ParsedSentence

#: The name and version of this step (a change of behaviour is a new version).
EVENT_CLAIMS = "claimgraph.event_claims.v7"

ATTACKED = "attacked"
CLAIMED = "claimed_responsibility_for"

Drop = tuple[str, str]
#: how many sentences a claim of responsibility may stand from the sentence that names what was attacked
_CLAIM_REACH = 4


@dataclass(frozen=True, slots=True)
class EventPair:
    """One claim an event supports (find's output): `trigger` is the word that ties the two (the act, or for a
    claim of responsibility the claim verb); `first`..`last` the parsed sentences of the evidence."""

    predicate: str
    subject: Entity
    object: Entity
    trigger: Token
    sentence: int  # the parsed sentence of `trigger`
    first: int
    last: int
    claimant: bool = False


class EventClaimFinder:
    """Built once per Extractor (it reads the event lexicon); `find` is called per document."""

    def __init__(self, ontology: Ontology, lex: ClaimLexicons,
                 unidentifiable: tuple[frozenset[str], tuple[str, ...]]) -> None:
        self.ontology = ontology
        self.lex = lex
        self.events: EventLexicon = load_event_lexicon(ontology)
        self.unidentifiable = unidentifiable
        classes = lex.relations.classes if lex.relations is not None else {}
        self.perpetrate = frozenset(classes.get("perpetrate", ()))
        #: nouns of a violent deed ("killings", "bombings"), an act below a verb of perpetration whether or not
        #: the trigger finder chose it as the incident's trigger
        self.deeds = frozenset(classes.get("attack_noun", ()))
        self.members = frozenset(classes.get("member_noun", ()))
        cues = self.events.responsibility
        self.claim_verbs = cues.claim_verbs
        self.claim_objects = cues.claim_objects
        self.claim_alone = cues.claim_subject_only
        # "X was blamed for / is suspected of bombing Y": an allegation over the act (hedged)
        self.alleging = cues.attribute_verbs | {p for p in cues.suspect_phrases if " " not in p}

    # ------------------------------------------------------------------------------------------ find

    def pairs(self, event: Event, parsed: Sequence[ParsedSentence], index: MentionIndex,
              entities: dict[str, Entity]) -> tuple[list[EventPair], list[Drop]]:
        """The claims one violent event supports, and why each named perpetrator yielded none (pure)."""
        if not self.events.is_violent(event.mode):
            return [], []
        sentences = _sentences_of(event, parsed)
        if not sentences:
            return [], []
        inputs = {si: FrameInput(parsed[si].sent, si, parsed[si].start, index, self.lex.triggers,
                                 _tokens=parsed[si].tokens()) for si in sentences}
        acts = {si: self._acts(parsed[si]) for si in sentences}
        targets = [entities[t.id] for t in event.targets if t.id in entities]
        out: list[EventPair] = []
        dropped: list[Drop] = []
        for ref in event.perpetrators:
            doer = entities.get(ref.id)
            why = self._not_subject(doer)
            if doer is None or why is not None:
                dropped.append((f"{ATTACKED}({ref.name}, -) from event {event.id}", why or "not an entity"))
                continue
            objects = [t for t in targets if t.id != doer.id and self._fits(ATTACKED, t) and identified(t)]
            found = self._direct(doer, objects, sentences, inputs, acts)
            if not found:  # "X stormed the village of Y": the place, when the act ties it to the doer
                place = _place_entity(event, sentences, inputs, entities)
                if place is not None and self._fits(ATTACKED, place[0]):
                    # (not where two sides clashed: "clashed with Y near the town of Z")
                    found = [p for p in self._direct(doer, [place[0]], sentences, inputs, acts)
                             if p.trigger.i not in self._clashes(parsed[p.sentence])]
            paragraph = {si: parsed[si].paragraph for si in sentences}
            if event.responsibility is Responsibility.CLAIMED:
                found += self._claimed(doer, objects, event, sentences, inputs, acts, entities, found, paragraph)
            if not found:
                found = self._named_for_the_deed(doer, objects, event, sentences, inputs, acts, entities, paragraph)
            if not found:
                dropped.append((f"{ATTACKED}({doer.name}, -) from event {event.id}",
                                "no sentence of the incident ties it to a named target"))
            out.extend(found)
        doers = [d for r in event.perpetrators if (d := entities.get(r.id)) is not None and d.kind == "named"
                 and self._fits(ATTACKED, d)]
        out += [EventPair(ATTACKED, force, doer, verb, si, si, si) for force, doer, verb, si in answering(
            sentences, inputs, doers, self.events.responsibility.answer_verbs, self.events.answered_doers(),
            self.deeds, lambda e: self._fits(ATTACKED, e, subject=True))]
        return out, dropped

    def _acts(self, ps: ParsedSentence) -> set[int]:
        """The tokens of a sentence's violent triggers, not those that name the doers ("15 gunmen of X near the
        town of Y" ties X to no act)."""
        doers = self.events.counts.attacker_nouns
        return {i for h in find_triggers(ps.sent, self.events) if self.events.is_violent(h.trigger.mode)
                for i in range(h.start, h.end) if ps.sent[i].lower_ not in doers}

    def _clashes(self, ps: ParsedSentence) -> set[int]:
        """The tokens of a sentence's clash triggers ("clashed with", "a gunbattle")."""
        return {i for h in find_triggers(ps.sent, self.events) if h.trigger.mode == "clash"
                for i in range(h.start, h.end)}

    def _not_subject(self, e: Entity | None) -> str | None:
        if e is None:
            return "the perpetrator is no document entity"
        bare, prefixes = self.unidentifiable
        if e.kind != "named" and (e.name.lower() in bare or e.name.lower().startswith(prefixes)):
            return f"{e.name!r} is described, not named: it stays in the event"
        if not self._fits(ATTACKED, e, subject=True):
            return f"{e.name!r} is a {e.type}, not an actor"
        return None

    def _fits(self, predicate: str, e: Entity, *, subject: bool = False) -> bool:
        pdef = self.ontology.predicates.get(predicate)
        allowed = (pdef.subject if subject else pdef.object) if pdef is not None else None
        return bool(allowed) and any(self.ontology.is_a(e.type, a) for a in allowed or ())

    def _direct(self, doer: Entity, objects: Sequence[Entity], sentences: Sequence[int],
                inputs: dict[int, FrameInput], acts: dict[int, set[int]]) -> list[EventPair]:
        """`doer` attacked each object that one sentence ties to it through the act."""
        out = []
        for obj in objects:
            for si in sentences:
                fi = inputs[si]
                act = next((a for p in _tokens_of(fi, doer) for o in _tokens_of(fi, obj) if not _describing(fi, o)
                            if (a := self._tie(p, o, acts[si])) is not None), None)
                if act is not None:
                    out.append(EventPair(ATTACKED, doer, obj, act, si, si, si))
                    break
        return out

    def _tie(self, a: Token, b: Token, acts: set[int]) -> Token | None:
        """The act that joins `a` and `b`: their lowest common ancestor when it is a violent trigger, or a trigger
        between them when that ancestor is a verb of perpetration ("X carried out an attack on Y") or of
        allegation ("X is suspected of bombing Y")."""
        top = common_ancestor(a, b)
        if top is None or top.i in (a.i, b.i):
            return None
        if top.i in acts:
            # not a name beside the doer in the act's subject ("Sudan's paramilitary RSF shelled the camp"; a place
            # in the subject of a bomb is where it struck: "a car bomb in X killed one officer")
            both = {(path_up(x, top) or [x])[-1].dep_ for x in (a, b)}
            return None if both == {"nsubj"} else top
        if top.lemma_ == "be" and any(c.dep_ == "attr" and c.lemma_.lower() in CULPRIT_NOUNS for c in top.children):
            # "X was the perpetrator of the Mumbai massacre": the act the doer's noun is of
            for end in (a, b):
                path = path_up(end, top)
                if len(path) >= 3 and path[-1].lemma_.lower() in CULPRIT_NOUNS and path[-2].lower_ == "of" \
                        and path[-3].i in acts:
                    return path[-3]
            return None
        if top.lemma_.lower() not in self.perpetrate and not self._alleges(top):
            return None
        for end in (a, b):
            path = path_up(end, top)
            below = path[-1] if path else None  # the child of `top` on the way down to `end`
            if below is not None and below.i in acts:
                return below  # "carried out an attack", "stormed the town, killing ..."
            if below is not None and below.dep_ == "prep" and below.lower_ in _OF_FOR and len(path) > 1 \
                    and path[-2].i in acts:
                return path[-2]  # "accused of bombing", "blamed for the attack"
            if below is not None and below.dep_ == "prep" and below.lower_ in WHERE:
                # "X carried out attacks in and around London": the place is where the verb's act was done
                # ("killings carried out by X in Y", "the attack was carried out by X in Y": the act is what
                # the verb's participle modifies, or its passive subject)
                act = next((c for c in top.children if c.dep_ in ("dobj", "nsubjpass") and self._deed(c, acts)), None)
                if act is None and top.dep_ == "acl" and self._deed(top.head, acts):
                    act = top.head
                if act is not None:
                    return act
        return None

    def _deed(self, tok: Token, acts: set[int]) -> bool:
        return tok.i in acts or tok.lower_ in self.deeds

    def _alleges(self, tok: Token) -> bool:
        return tok.lemma_.lower() in self.alleging or tok.lower_ in self.alleging

    def _claimed(self, doer: Entity, objects: Sequence[Entity], event: Event, sentences: Sequence[int],
                 inputs: dict[int, FrameInput], acts: dict[int, set[int]], entities: dict[str, Entity],
                 direct: Sequence[EventPair], paragraph: dict[int, int]) -> list[EventPair]:
        """`doer` claimed the incident in one sentence: it claims the targets the incident's sentences tie to
        the act (else its named place), and by its own word attacked them."""
        claim = next(((si, v) for si in sentences for t in _tokens_of(inputs[si], doer)
                      if (v := self._claim_verb(t)) is not None), None)
        if claim is None:
            return []
        csi, verb = claim
        # a claim refers back to the incident just told: a few sentences away, in its paragraph or the one before
        near = _told_before(sentences, csi, paragraph)
        hit = self._acted_on(objects, near, inputs, acts)
        # what was claimed is the incident, known by its place, named near the claim or, in a report that retells
        # the incident before the claim, where the incident was first told ("… attacked a base in Dikwa …¶ …¶
        # ISWAP claimed responsibility for the attack"); by its own word the claimant attacked the targets tied to
        # the act, else the place ("ISKP claimed the bombing" in Sehwan: it claimed, and says it attacked, Sehwan)
        place = _place_entity(event, near, inputs, entities) or _place_entity(event, sentences, inputs, entities)
        place = place if place is not None and self._fits(CLAIMED, place[0]) else None
        out: list[EventPair] = []
        done = {(p.predicate, p.object.id) for p in direct}
        for predicate, found in ((CLAIMED, [place] if place else hit), (ATTACKED, hit or ([place] if place else []))):
            for obj, si in found:
                first, last = min(csi, si), max(csi, si)
                if (predicate, obj.id) not in done and self._fits(predicate, obj):
                    out.append(EventPair(predicate, doer, obj, verb, csi, first, last, claimant=True))
        return out

    def _acted_on(self, objects: Sequence[Entity], near: Sequence[int], inputs: dict[int, FrameInput],
                  acts: dict[int, set[int]]) -> list[tuple[Entity, int]]:
        """Each object that one of the `near` sentences ties to an act as what it was done to, with that
        sentence."""
        hit: list[tuple[Entity, int]] = []
        for o in objects:
            owner = self.ontology.is_a(o.type, "organisation")
            where = next((si for si in near if any(argument_of_act(t, acts[si], owner, self.members)
                                                   for t in _tokens_of(inputs[si], o))), None)
            if where is not None:
                hit.append((o, where))
        return hit

    def _named_for_the_deed(self, doer: Entity, objects: Sequence[Entity], event: Event, sentences: Sequence[int],
                            inputs: dict[int, FrameInput], acts: dict[int, set[int]], entities: dict[str, Entity],
                            paragraph: dict[int, int]) -> list[EventPair]:
        """One sentence names who did "the attack" the sentences before it told ("Police blamed X for the
        attack", "X was behind the bombing", "the attack was carried out by X"): `doer` attacked the targets
        those sentences tie to the act, else the incident's place, as that sentence says (its modality and
        source)."""
        anchor = next(((si, deed) for si in sentences for t in _tokens_of(inputs[si], doer)
                       if (deed := self._deed_of(t, acts[si])) is not None), None)
        if anchor is None:
            return []
        asi, deed = anchor
        near = _told_before(sentences, asi, paragraph)
        hit = self._acted_on(objects, near, inputs, acts)
        if not hit:
            place = _place_entity(event, near, inputs, entities)
            # where the act was done ("killed 12 policemen in Bannu"), not a place named otherwise
            # ("the Pakistan-based group")
            where = next((si for si in near if place is not None for t in _tokens_of(inputs[si], place[0])
                          if where_of_act(t, acts[si])), None)
            hit = [(place[0], where)] if place is not None and where is not None and self._fits(ATTACKED, place[0]) \
                else []
        return [EventPair(ATTACKED, doer, o, deed, asi, min(asi, si), max(asi, si)) for o, si in hit]

    def _deed_of(self, tok: Token, acts: set[int]) -> Token | None:
        """The act noun told before ("the attack", "Friday's bombing": nothing named as its object) that `tok`
        is named as the doer of: blamed / accused / suspected for it, behind it, its agent, or the subject of a
        verb of perpetration with it as the object."""
        x = tok
        while x.dep_ in WITHIN_NAME and x.head.i != x.i:
            x = x.head
        if x.dep_ == "pobj" and x.head.lower_ == "to" and x.head.head.lower_ in LOYAL and x.head.head.head.i != x.i:
            x = x.head.head.head  # "fighters loyal to X": X's own fighters
        head = x.head
        if x.dep_ == "pobj" and head.lower_ == "on":
            # "police blamed the attack on X" (the parser may hang "on X" on the verb or on the attack)
            above = head.head
            if above.i in acts and above.dep_ == "dobj" and self._alleges(above.head):
                return above if told(above, but=head) else None
            deed = next((c for c in above.children if c.dep_ == "dobj" and c.i in acts), None) \
                if self._alleges(above) else None
            return deed if deed is not None and told(deed) else None
        if x.dep_ == "pobj" and head.lower_ == "by" and head.dep_ == "agent":
            verb = head.head  # "the attack was carried out by X"
            deed = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i in acts), None)
            return deed if deed is not None and verb.lemma_.lower() in self.perpetrate and told(deed) else None
        if x.dep_ in ("dobj", "nsubjpass") and self._alleges(head):
            # "police blamed X for the attack", "X is suspected in the bombing"
            preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in {"for", "of", "in"}]
            for prep in preps:
                deed = next((g for g in prep.children if g.dep_ == "pobj" and g.i in acts), None)
                if deed is not None and told(deed):
                    return deed
            # "Police blamed the TTP": for the incident the sentence is part of, when it names nothing else
            return head if not preps and head.lemma_.lower() in _BLAME else None
        if x.dep_ == "nsubj" and head.lemma_.lower() in self.perpetrate:
            # "(it is believed that) X carried out the attacks"
            deed = next((c for c in head.children if c.dep_ == "dobj" and c.i in acts), None)
            return deed if deed is not None and told(deed) else None
        if x.dep_ == "nsubj" and head.lemma_ == "be":
            # "X was behind the attack"
            for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "behind"):
                deed = next((g for g in prep.children if g.dep_ == "pobj" and g.i in acts), None)
                if deed is not None and told(deed):
                    return deed
        return None

    def _claim_verb(self, tok: Token) -> Token | None:
        """The claim verb whose subject (or passive agent) `tok` is: "X claimed (responsibility)", "X took
        responsibility", "the attack was claimed by X"; a body claims through its spokesperson ("TTP spokesman
        X claimed", "a spokesman for the TTP claimed")."""
        tok = _speaker_of(tok)
        head = tok.head
        if tok.dep_ == "pobj" and head.lower_ == "by":
            head = head.head
        elif tok.dep_ not in ("nsubj", "nsubjpass"):
            return None
        lemma = head.lemma_.lower()
        if lemma not in self.claim_verbs:
            return None
        if lemma in self.claim_alone or any(c.dep_ == "dobj" and c.lemma_.lower() in self.claim_objects
                                            for c in head.children):
            return head
        return None

    # ------------------------------------------------------------------------------------------ write

    def find(self, events: Sequence[Event], claims: Sequence[Claim], parsed: Sequence[ParsedSentence],
             index: MentionIndex, entities: Sequence[Entity], ctx: ExtractContext
             ) -> tuple[list[Claim], list[Drop]]:
        """`claims` with the claims the events support added (none twice), and (what, why) for what was not.

        A claim of responsibility for the incident's place yields to one for the target the incident names
        (what was claimed is the target, else the place)."""
        by_id = {e.id: e for e in entities}
        views: dict[str, _EventView] = {}  # per event, made once when a claim needs it
        placed = {}  # id → claim: a claim the incident's place makes the same as another is kept once
        for c in claims:
            c = self._incident_placed(c, events, parsed, index, by_id, views)
            placed.setdefault(c.id, c)
        claims = list(placed.values())
        have = {_key(c) for c in claims}
        # claims of a named target the sentences already state ("X claimed the killing of Y in Z"): the place of
        # that incident is then not what X claimed or attacked
        named_claims = [(c.subject.id, c.evidence) for c in claims if c.predicate == CLAIMED and c.object is not None
                        and c.object.id in by_id and not self.ontology.is_a(by_id[c.object.id].type, "place")]
        out: list[Claim] = []
        dropped: list[Drop] = []
        claimed_target: list[tuple[str, Sequence[Span]]] = []  # (claimant, the incident's mentions)
        for event in events:
            pairs, why = self.pairs(event, parsed, index, by_id)
            dropped += why
            for pair in pairs:
                if pair.predicate == CLAIMED and not self.ontology.is_a(pair.object.type, "place"):
                    claimed_target.append((pair.subject.id, event.mentions or (event.evidence,)))
                claim = self._claim(pair, event, parsed, entities, ctx)
                if pair.claimant and self.ontology.is_a(pair.object.type, "place") and any(
                        who == pair.subject.id and _within(ev, (claim.evidence,)) for who, ev in named_claims):
                    dropped.append((f"{pair.predicate}({pair.subject.name}, {pair.object.name}) from event {event.id}",
                                    "the claim names its target; the incident's place is not what was claimed"))
                    continue
                if _key(claim) in have:
                    continue
                have.add(_key(claim))
                out.append(claim)
        kept, unnamed = drop_unidentified(out, entities, self.unidentifiable)
        before: list[Claim] = []
        for c in claims:
            if c.predicate == CLAIMED and c.object is not None and c.object.id in by_id \
                    and self.ontology.is_a(by_id[c.object.id].type, "place") \
                    and any(who == c.subject.id and _within(c.evidence, spans) for who, spans in claimed_target):
                dropped.append((f"{CLAIMED}({c.subject.name}, {c.object.name}) at {c.evidence.start}",
                                "the claimed incident names its target; its place is not what was claimed"))
                continue
            before.append(c)
        # "X claimed responsibility." says less than X's claim of the same incident with what was claimed: the
        # object-less claim goes when one with an object is stated near it
        claims_out = before + kept
        full = [c for c in claims_out if c.object is not None]
        result: list[Claim] = []
        for c in claims_out:
            whole = next((f for f in full if c.object is None and (f.subject.id, f.predicate, f.polarity)
                          == (c.subject.id, c.predicate, c.polarity)
                          and abs(f.evidence.start - c.evidence.start) <= _SAME_INCIDENT), None)
            if whole is not None and whole.object is not None:
                dropped.append((f"{c.predicate}({c.subject.name}, -) at {c.evidence.start}",
                                f"stated with what was claimed: {whole.object.name}"))
                continue
            result.append(c)
        incidents = [e.mentions or (e.evidence,) for e in events if self.events.is_violent(e.mode)]
        def is_a(kind: str) -> Callable[[EntityRef], bool]:
            return lambda r: (e := by_id.get(r.id)) is not None and self.ontology.is_a(e.type, kind)

        # whom it hit: a body, a person or a people ("Shia pilgrims"), not a people's adjective ("the Indian embassy")
        adjectives = demonyms()
        result, elsewhere = whom_not_where(result, incidents, is_a("place"), lambda r: not is_a("place")(r) and not (
            is_a("group_identity")(r) and fold(r.name) in adjectives))
        return result, dropped + unnamed + elsewhere

    def _incident_placed(self, c: Claim, events: Sequence[Event], parsed: Sequence[ParsedSentence],
                         index: MentionIndex, by_id: dict[str, Entity], views: dict[str, _EventView]) -> Claim:
        """A claim or denial of "the attack" whose object the claim patterns could only guess (a place named
        before its sentence, or none) is of the incident its sentence is part of: its object is that incident's
        place ("… stormed a checkpost in the Jani Khel area …¶ … a militant outfit based in North Waziristan
        claimed the attack … the TTP spokesman denied the group's involvement": Jani Khel, not North
        Waziristan)."""
        if c.predicate not in (CLAIMED, ATTACKED):
            return c
        obj = by_id.get(c.object.id) if c.object is not None else None
        if c.object is not None and (obj is None or obj.type != "place" or any(
                c.evidence.start <= m.start and m.end <= c.evidence.end for m in obj.mentions)):
            return c  # the claim names what it claims in its own words
        event = next((e for e in events if self.events.is_violent(e.mode) and e.place is not None
                      and _within(c.evidence, e.mentions or (e.evidence,))), None)
        if event is None:
            return c
        if event.id not in views:
            sentences = _sentences_of(event, parsed)
            views[event.id] = sentences, {si: FrameInput(parsed[si].sent, si, parsed[si].start, index,
                                                         self.lex.triggers, _tokens=parsed[si].tokens())
                                          for si in sentences}, \
                {si: self._acts(parsed[si]) for si in sentences}
        sentences, inputs, acts_of = views[event.id]
        if obj is not None and any(where_of_act(t, acts) or argument_of_act(t, acts, False, self.members)
                                   for si in sentences if (acts := acts_of[si])
                                   for t in _tokens_of(inputs[si], obj)):
            return c  # the guess is where an act of the incident was done ("attacked Bourj el-Barajneh, a suburb")
        place = _place_entity(event, sentences, inputs, by_id)
        if place is None or c.object is not None and place[0].id == c.object.id \
                or not self._fits(c.predicate, place[0]):
            return c
        return replace(c, id=make_id("clm", c.doc_id, c.subject.id, c.predicate, place[0].id, c.evidence.start,
                                     c.evidence.end), object=place[0].ref())

    def _claim(self, pair: EventPair, event: Event, parsed: Sequence[ParsedSentence], entities: Sequence[Entity],
               ctx: ExtractContext) -> Claim:
        doc = ctx.doc
        ps = parsed[pair.sentence]
        start, end = parsed[pair.first].start, parsed[pair.last].end
        evidence = Span(start, end, doc.text[start:end])
        paragraph = ctx.paragraphs[ps.paragraph] if ps.paragraph < len(ctx.paragraphs) else None
        modality, polarity, cues = find_modality(ps.sent, pair.trigger, self.lex.cues)
        if modality is Modality.INTENDED:
            modality = Modality.HEDGED  # an incident happened; an intent word above it hedges who did it
        if not pair.claimant and any(self._alleges(t) for t in (pair.trigger, *pair.trigger.ancestors)):
            modality = Modality.HEDGED  # "X is suspected of bombing Y", "blamed X for the attack on Y"
        if pair.claimant:
            source = _own_word(pair, ps)
        else:
            source = find_source(ps.sent, doc.text, ps.start, entities, lex=self.lex.attribution,
                                 target=pair.trigger, paragraph=paragraph, outlet=doc.outlet)
            if source.kind is SourceKind.OUTLET and event.responsibility_source is not None \
                    and event.perpetrators and event.perpetrators[0].id == pair.subject.id:
                source = event.responsibility_source  # who the event credits ("police said" a sentence on)
            if event.responsibility is Responsibility.SUSPECTED and event.perpetrators \
                    and event.perpetrators[0].id == pair.subject.id:
                modality = Modality.HEDGED  # a suspicion is never a finding
        cid = make_id("clm", doc.id, pair.subject.id, pair.predicate, pair.object.id, start, end)
        return Claim(id=cid, doc_id=doc.id, subject=pair.subject.ref(), predicate=pair.predicate,
                     object=pair.object.ref(), evidence=evidence, source=source, polarity=polarity,
                     modality=modality, time=event.date, cues=cues, extractor=ctx.extractor or EVENT_CLAIMS)


# ------------------------------------------------------------------------------------------ helpers

#: an event's sentences, their frame inputs and their violent triggers' tokens, made once per document
_EventView = tuple[list[int], dict[int, FrameInput], dict[int, set[int]]]

#: verbs that lay an incident at someone's door with no noun for it ("police blamed the TTP")
_BLAME = frozenset({"blame", "accuse"})

#: how far apart (characters) an object-less claim and one with its object may be and still be of one incident
_SAME_INCIDENT = 1500


def _speaker_of(tok: Token) -> Token:
    """The head of the spokesperson's phrase a body's name stands in, else the name itself."""
    while True:  # a leader claims for the body too ("Boko Haram leader X claimed")
        noun = tok.head.head if tok.dep_ == "pobj" else tok.head
        if any(o.i == tok.i for o in spokesperson_owners(noun, speakers())):
            tok = noun  # "TTP spokesman", "a spokesman for the TTP"
        elif tok.dep_ in ("compound", "poss", "nmod") and any(
                c.dep_ in ("compound", "appos") and c.lemma_.lower() in speakers() for c in tok.head.children):
            tok = tok.head  # "TTP spokesman Muhammad Khurasani" parsed with both words on the name
        elif tok.dep_ == "compound" and tok.head.i == tok.i + 1 and tok.head.lower_ in organisation_heads():
            tok = tok.head  # "The Islamic State group claimed the raid"
        else:
            return tok


def _key(c: Claim) -> tuple[str, str, str | None, str]:
    return c.subject.id, c.predicate, c.object.id if c.object else None, str(c.polarity)


def _within(span: Span, spans: Sequence[Span]) -> bool:
    return any(m.start <= span.start and span.end <= m.end for m in spans)


def _sentences_of(event: Event, parsed: Sequence[ParsedSentence]) -> list[int]:
    """The parsed sentences inside the event's mentions, in order."""
    spans = event.mentions or (event.evidence,)
    return [si for si, ps in enumerate(parsed) if any(m.start <= ps.start and ps.end <= m.end for m in spans)]


def _tokens_of(fi: FrameInput, e: Entity) -> Iterable[Token]:
    """The tokens of a sentence that name or refer to `e`, one per mention (its syntactic head)."""
    toks = [t for t in fi.tokens if (found := fi.entity(t)) is not None and found.id == e.id]
    ids = {t.i for t in toks}
    return [t for t in toks if t.head.i not in ids or t.head.i == t.i]


def _describing(fi: FrameInput, tok: Token) -> bool:
    """Whether a people's name only describes a thing: "the Nigerian town of Baga" is no attack on Nigerians."""
    e = fi.entity(tok)
    return e is not None and e.type == "group_identity" and tok.dep_ == "amod" and fi.entity(tok.head) is not e


_OF_FOR = {"of", "for"}


def _told_before(sentences: Sequence[int], at: int, paragraph: dict[int, int]) -> list[int]:
    """The incident's sentences that a sentence naming who did or claimed "the attack" refers back to: at most
    _CLAIM_REACH sentences away, in its own paragraph or the one before ("… killed 90 people.¶ ISKP claimed
    responsibility for the bombing."), never further back."""
    return [si for si in sentences if abs(si - at) <= _CLAIM_REACH and (
        paragraph[si] == paragraph[at] or si < at and paragraph[si] == paragraph[at] - 1)]


def _place_entity(event: Event, sentences: Sequence[int], inputs: dict[int, FrameInput],
                  entities: dict[str, Entity]) -> tuple[Entity, int] | None:
    """The document entity naming the event's place, and the sentence of the incident that names it."""
    if event.place is None:
        return None
    name = fold(event.place.name)  # "Jalālābād" as the place index spells it is the text's "Jalalabad"
    for si in sentences:
        for t in inputs[si].tokens:
            e = inputs[si].entity(t)
            if e is not None and e.type in ("place", "facility") \
                    and (fold(e.name) == name or name in (fold(a) for a in e.aliases)):
                return e, si
    return None


def _own_word(pair: EventPair, ps: ParsedSentence) -> Source:
    """The claimant as the source of its claim, its verb as the cue."""
    verb = pair.trigger
    kind = SourceKind.NAMED_PERSON if pair.subject.type == "person" else SourceKind.ORGANISATION
    base = ps.sent.start_char if isinstance(ps.sent, SpacySpan) else 0
    start = ps.start + verb.idx - base
    return Source(pair.subject.name, kind, cue=verb.text, span=Span(start, start + len(verb.text), verb.text))


__all__ = ["EVENT_CLAIMS", "EventClaimFinder", "EventPair"]
