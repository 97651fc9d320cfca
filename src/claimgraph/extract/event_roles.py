"""Who did it, to whom, and who says so: perpetrators, targets and responsibility of one incident.

Read off the dependency parse of the incident's sentences. A perpetrator candidate is an actor entity
(organisation family or person) inside a noun phrase that stands in one of these roles, strongest first:

  named       a person named as the attacker: "A man named X rammed", "The attacker, identified as X",
              "The suspect, X, ..." (the one who did it outranks a group claiming it afterwards)
  claimed     subject of "claimed responsibility / the attack", agent of "was claimed by X"
  attributed  object of "blamed"/"accused", "blamed on X", "attributed to X", "X was behind",
              "X was responsible"; subject or "by"-agent of the trigger ("an attack by the BLA",
              "Islamic State militants attacked"); an attacker "identified as" / named in apposition;
              an attacker said to be "a member of X" / to have "connections with X"
  suspected   "X is suspected", "believed to be behind", "suspected X militants", "allegedly ... by X"

A denial answers a charge: who denies is a perpetrator only as charged, and only when the incident names no one
else ("sources attributed the attack to LeT. LeT denied involvement"); a denial alone names no one. A victim is
never a perpetrator, except the doer the opening sentence names when its own men die later. `Responsibility` is
the role of the first perpetrator ("suspected X militants": suspected); with none it stays unknown ("No group
has claimed responsibility" says exactly that).

Non-violent events have sides instead (`event_sides`): any named entity, places and
identity groups included, since a state acts under its own name ("Syria says it is willing").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..records import Document, Entity, EntityRef, Responsibility, Source, SourceKind, Span
from . import event_doers as doers
from . import event_suspects as suspects
from .event_attackers import attacker_clause, attackers_are, attackers_hit, fled
from .event_lexicon import EventLexicon
from .event_mentions import MISTYPED_PERSON, LocalFn, is_actor, relation_nouns
from .event_mentions import Mentions as _Mentions
from .quantities import cue_kind
from .syntax import agents as _agent
from .syntax import children as _children
from .syntax import clause_subjects as _subject
from .syntax import pobj as _pobj
from .syntax import shares_object
from .types import ExtractContext, ParsedSentence

NAMED, CLAIMED, ATTRIBUTED, AGENT, MEMBER, SUSPECTED = range(6)
_RESPONSIBILITY = {CLAIMED: Responsibility.CLAIMED, ATTRIBUTED: Responsibility.ATTRIBUTED,
                   AGENT: Responsibility.ATTRIBUTED, NAMED: Responsibility.ATTRIBUTED,
                   MEMBER: Responsibility.ATTRIBUTED, SUSPECTED: Responsibility.SUSPECTED}
_AGENT_NOUNS = {"militant", "fighter", "gunman", "gunmen", "rebel", "insurgent", "terrorist", "jihadist",
                "member", "operative", "bomber", "attacker", "assailant", "cadre", "extremist", "soldier",
                "troop", "force", "police", "spokesman", "spokesperson", "commander", "group", "faction",
                # a party's or movement's people who act in its name ("JMB activists attacked a police outpost",
                # "Awami League supporters attacked ...")
                "activist", "supporter", "worker", "loyalist"}
#: Nouns of an amount of acts or arms ("dozens of rockets", "a wave of attacks", "a barrage of shells").
AMOUNT_NOUNS = {"dozen", "dozens", "score", "scores", "hundred", "hundreds", "number", "barrage", "volley", "salvo",
                "wave", "series", "spate", "string", "round", "rounds", "hail"}
#: Verbs whose subject wages the acts their object names ("began a bombing campaign").
_CAMPAIGN_VERBS = {"begin", "start", "wage", "launch", "mount", "intensify", "escalate", "resume", "continue",
                   "step", "carry", "conduct"}
#: Verbs whose "by" agent or subject is the doer of the act they govern ("carried out by X"), or ordered it.
DOER_VERBS = {"carry", "lead", "perpetrate", "orchestrate", "stage", "conduct", "launch", "mount", "commit", "plan",
              "order", "mastermind", "execute", "organise", "organize", "trigger", "detonate", "plant", "set", "fire",
              "emplace", "place", "lay", "hurl", "throw", "lob", "toss", "drop", "explode"}


@dataclass(slots=True)
class Roles:
    perpetrators: list[EntityRef] = field(default_factory=list)
    targets: list[EntityRef] = field(default_factory=list)
    responsibility: Responsibility = Responsibility.UNKNOWN
    source: Source | None = None


# ------------------------------------------------------------------------------------------ helpers


def doer_agent(verb: Token) -> list[Token]:
    """The "by" agent of a passive doer verb, also where the parser hung "by" on the phrase before it ("planted
    on the roads by the Al Shabaab")."""
    found = _agent(verb)
    if found or not _children(verb, "auxpass"):
        return found
    return [g for p in _children(verb, "prep") for o in _children(p, "pobj") for g in _agent(o)]


def _appositive_relations(head: Token) -> list[Token]:
    """The prepositional phrases of a noun in apposition to `head`, and the possessor of a relation noun there:
    "an ally of al-Qaeda", "a splinter of the TTP", "al-Qaeda's affiliate in Somalia" relate the subject to
    another actor, who did nothing here."""
    return [p for a in head.children if a.dep_ == "appos" for p in a.children
            if p.dep_ == "prep" or p.dep_ == "poss" and a.lemma_.lower() in relation_nouns()]


# ------------------------------------------------------------------------------------------ roles


@dataclass(slots=True)
class _Candidates:
    ctx: ExtractContext
    found: list[tuple[int, int, Entity]] = field(default_factory=list)  # (strength, order, entity)
    targets: list[Entity] = field(default_factory=list)
    denied: set[str] = field(default_factory=set)
    sources: dict[str, Source] = field(default_factory=dict)
    event_words: frozenset[str] = frozenset()
    hedged: set[str] = field(default_factory=set)  # ids of doers the text calls suspected ("suspected X militants")

    def add(self, strength: int, ents: Sequence[Entity], source: Source | None = None, *,
            named: bool = False) -> None:
        """`named`: the text calls the entity a person ("a man named X"), whatever type NER gave it."""
        for e in ents:
            if e.kind == "named" and not e.refs and len(e.name.split()) > 1 \
                    and e.name.split()[-1].lower() in self.event_words:
                continue  # "The DONEGALL ARMS SHOOTING took place ...": the incident's name, not an actor
            if e.type == "person" and not e.refs and len(e.name.split()) == 1 and not named:
                continue  # one capitalised word the NER called a person ("Darkley", "Headquarters")
            if e.kind == "named" and e.type != "person" and doers.names_a_site(e):
                continue  # an unlisted school, market or station is where it happened ("Science College")
            if is_actor(e, self.ctx) or named and e.type in MISTYPED_PERSON:
                self.found.append((strength, len(self.found), e))
                if source is not None:
                    self.sources.setdefault(e.id, source)

    def target(self, ents: Sequence[Entity]) -> None:
        for e in ents:  # not a weapon the NER took for a name ("detonated a VBIED")
            if (is_actor(e, self.ctx) or e.type == "group_identity") and e.name.lower() not in self.event_words:
                self.targets.append(e)


def _source_of(verb: Token, mentions: _Mentions, ctx: ExtractContext, cue: str) -> Source | None:
    subj = _subject(verb) or _agent(verb)
    if not subj:
        return None
    head = subj[0]
    hs, he = mentions.char_range(head, head)
    ents = [e for e in mentions.in_phrase(head)
            if any(m.start <= hs < m.end or hs <= m.start < he for m in e.mentions)]
    name = ents[0].name if ents else " ".join(t.text for t in head.subtree)
    kind = SourceKind.NAMED_PERSON if ents and ents[0].type == "person" else SourceKind.ORGANISATION
    start, end = mentions.char_range(head.left_edge, head.right_edge)
    return Source(name, kind, cue, Span(start, end, ctx.doc.text[start:end]))


def _responsibility_cues(sent: Doc | SpacySpan, mentions: _Mentions, cands: _Candidates,
                         lex: EventLexicon, ctx: ExtractContext) -> None:
    cues = lex.responsibility
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in cues.denied:
            for s in _subject(tok):
                cands.denied.update(e.id for e in mentions.in_phrase(s))
            continue
        if tok.pos_ != "VERB" and tok.lower_ in ("claims", "claimed") and tok.i + 1 < len(tok.doc) \
                and tok.nbor(1).lower_ in ("responsibility", "credit"):
            # the parser took "claims" for a noun ("The Islamic State ... claims responsibility"): the
            # name that ends right before it is the claimant
            at = mentions.local(mentions.ps, tok.idx)
            cands.add(CLAIMED, [e for _, end, e in mentions.items if 0 <= at - end <= 2])
            continue
        if tok.pos_ == "VERB" and lemma in cues.claim_verbs:
            objs = {c.lemma_.lower() for c in _children(tok, "dobj")}
            # "claimed the raid": any word of a violent act, for the verbs whose object may be the act itself
            ok = bool(objs & ({"responsibility", "credit"} if lemma not in cues.claim_act_verbs
                              else cues.claim_objects | lex.violent_words()))
            ok = ok or (lemma in cues.claim_subject_only and not objs and not _children(tok, "ccomp"))
            ok = ok or (lemma == "claim" and tok.tag_ == "VBN")  # "attack claimed by X"
            # not "no group claimed", "ISWAP did not immediately claim responsibility"
            if ok and not any(c.dep_ == "neg" for c in tok.children) \
                    and not any(c.lower_ in ("no", "nobody") for s in _subject(tok) for c in [s, *s.children]):
                # passive ("claimed by X", "the attack, claimed by X") — not a perfect ("X has claimed")
                passive = _children(tok, "auxpass", "agent") or tok.tag_ == "VBN" and not _children(tok, "nsubj")
                for s in _agent(tok) if passive else _subject(tok):
                    ents = [e for e in mentions.speaking_for(s) if is_actor(e, ctx)] or mentions.right_after(s)
                    cands.add(CLAIMED, ents, Source(ents[0].name, SourceKind.ORGANISATION, tok.text)
                              if ents else None)
                if tok.dep_ == "acl" or tok.tag_ == "VBN":  # not the allies its description names ("claimed by
                    # X, a faction that joined hands with Y"), unless the core of the phrase names no one
                    for s in _agent(tok):
                        cands.add(CLAIMED, mentions.in_core(s) or mentions.in_phrase(s))
            continue
        if tok.pos_ == "VERB" and lemma in cues.attribute_verbs:
            src = _source_of(tok, mentions, ctx, tok.text)
            # "an attack … that officials blamed on IS": the act is the noun the clause hangs on
            blamed_act = tok.dep_ == "relcl" and tok.head.lemma_.lower() in lex.violent_words() \
                and any(c.lower_ in ("that", "which") for c in _children(tok, "dobj", "mark"))
            if lemma in ("blame", "accuse", "hold", "implicate") and (blamed_act or doers.accuses_of_act(
                    tok, lex.violent_words() | cues.accusation_words, cues.accusation_other)):
                for o in _children(tok, "dobj", "nsubjpass"):  # "blamed X for ...", "X was blamed for ..."
                    cands.add(ATTRIBUTED, mentions.in_phrase(o), src)
                for o in _pobj(tok, "on"):  # not "blamed X for the abduction on Saturday of Y": a day
                    if o.ent_type_ not in ("DATE", "TIME"):
                        cands.add(ATTRIBUTED, mentions.in_phrase(o), src)
            # "militants linked to al Qaeda operate in the area": ties of people who did nothing here
            who = [tok.head] if tok.dep_ == "acl" else [] if _children(tok, "dobj", "auxpass") else _subject(tok)
            idle = any(w.lemma_.lower() not in lex.violent_words() and not (w.dep_ == "nsubj" and doers.act_verb(
                w.head, lex.violent_words(), cues.claim_verbs)) for w in who)
            if lemma in ("attribute", "link", "tie", "pin") and not idle:
                # "attributed the attack to X", the parser often hanging "to X" on the act's noun
                acts = [o for o in _children(tok, "dobj") if o.lemma_.lower() in lex.violent_words()]
                for o in [*_pobj(tok, "to", "on", "with"), *(p for a in acts for p in _pobj(a, "to", "on"))]:
                    cands.add(ATTRIBUTED if lemma in ("attribute", "pin") else MEMBER, mentions.in_phrase(o), src)
            continue
        if lemma in ("suspect", "believe", "think", "presume") and tok.pos_ == "VERB":
            holder = _source_of(tok, mentions, ctx, tok.text) if _children(tok, "nsubj") else None
            for s in _children(tok, "nsubjpass"):
                cands.add(SUSPECTED, mentions.in_phrase(s), holder)
            if lemma == "suspect":  # "Turkish authorities suspect ISIL"
                for o in _children(tok, "dobj"):
                    cands.add(SUSPECTED, mentions.in_phrase(o), holder)
            for c in _children(tok, "ccomp"):  # "police believe the IRA was responsible"
                for s in _subject(c):
                    cands.add(SUSPECTED, mentions.in_phrase(s), holder)
        if lemma in ("suspect", "suspected", "alleged") and (tok.dep_ == "amod" or tok.dep_ == "compound"
                                                             and tok.lower_ in ("suspected", "alleged")):
            # "suspected Lashkar militants"; not "killed 20 suspected smugglers" (the victims), nor a group in the
            # noun's own clauses ("suspected militants involved in ISI activities who died"), nor those an act was
            # done to ("arrested two suspected members of the BLA")
            up = tok.head
            done_to = up.dep_ in ("dobj", "nsubjpass") or up.dep_ == "pobj" and up.head.lower_ not in ("by", "from")
            suspects = [] if done_to else [e for e in mentions.in_core(tok.head) if e.kind != "descriptive"]
            cands.add(SUSPECTED, suspects)
            cands.hedged.update(e.id for e in suspects)
        if lemma in ("be",) or tok.dep_ in ("ROOT", "ccomp", "conj"):
            # "X was behind the attack", "X was responsible"
            behind = _pobj(tok, "behind") or [c for c in _children(tok, "acomp", "attr", "oprd")
                                               if c.lower_ == "responsible"]
            if behind and tok.head.lemma_.lower() not in ("suspect", "believe", "think"):
                for s in _subject(tok):
                    strength = SUSPECTED if _hedged(tok) else ATTRIBUTED
                    cands.add(strength, mentions.in_phrase(s))
        if tok.pos_ == "VERB" and lemma in DOER_VERBS and about_act(tok, lex):
            # "perpetrated by ISIL", "carried out by an Islamic State militant"
            for a in doer_agent(tok):
                cands.add(SUSPECTED if _hedged(tok) else ATTRIBUTED, mentions.in_phrase(a))
        for named in attackers_are(tok, lex):
            # "the attackers were believed to belong to ISSP" (a belief: suspected), "the gunmen were IS fighters"
            cands.add(SUSPECTED if _hedged(tok) or _hedged(tok.head) else MEMBER,
                      [e for e in mentions.in_core(named) if e.kind != "descriptive"])
        if tok.lower_ in ("member", "members", "supporter", "connections", "connection", "allegiance",
                          "links", "loyal", "belonging", "affiliated") and attacker_clause(tok, lex):
            # "The attacker had connections with JAD", "he had pledged allegiance to the Islamic State"
            for g in _pobj(tok, "of", "with", "to"):
                cands.add(MEMBER, mentions.in_phrase(g))


def _another_act(head: Token, lex: EventLexicon) -> bool:
    """In a sentence that joins an incident, an act not the incident's: another ("similar bombings in the past"), one
    against its attackers ("killed several of the kidnappers"), a related group's history ("ties to al-Qaeda, which
    had carried out the September 11 attacks")."""
    r = lex.responsibility
    return doers.other_act(head, r.other_acts) or doers.against_attackers(
        head, lex.counts.attacker_nouns | r.answered_doers) or doers.related_history(head, r.relation_nouns)


def about_act(verb: Token, lex: EventLexicon) -> bool:
    """A doer verb about the act ("the attack, perpetrated by", "It was carried out by"), not about
    something else in the sentence ("a campaign event organised by the Awami National Party")."""
    words = lex.violent_words()
    near = [verb.head, *_children(verb, "nsubjpass", "nsubj", "dobj")]
    if verb.dep_ == "conj" and not _children(verb, "nsubjpass", "nsubj"):  # "The operation was ordered by X and
        near += _children(verb.head, "nsubjpass", "nsubj")                 # carried out by Y"
    if verb.dep_ == "xcomp" and not _children(verb, "nsubjpass", "nsubj"):  # the subject raised to the verb above:
        near += _children(verb.head, "nsubjpass", "nsubj")  # "the attack was believed to have been carried out by X"
    if verb.dep_ == "ccomp" and verb.head.dep_ == "relcl" and not _children(verb, "nsubjpass", "nsubj"):
        near.append(verb.head.head)  # "in an attack investigators believe was carried out by X": the noun the
        # relative clause of belief hangs from
    near += [c for t in near for c in t.children if c.dep_ in ("amod", "compound")]  # "explosive devices"
    arms = lex.responsibility.device_nouns  # "a mine laid by the rebels"
    return any(t.pos_ == "PRON" or t.lemma_.lower() in words or t.lower_ in words
               or t.pos_ == "NOUN" and t.lemma_.lower() in arms for t in near if t.i != verb.i)


def _hedged(tok: Token) -> bool:
    return any(c.lower_ in ("allegedly", "reportedly", "likely", "possibly", "probably") for c in tok.children) \
        or tok.head.lemma_.lower() in ("suspect", "believe", "think", "allege")


def _trigger_roles(toks: Sequence[Token], spans: Sequence[tuple[int, int]], mentions: _Mentions,
                   cands: _Candidates, lex: EventLexicon) -> None:
    for start, end in spans:
        head = doers.act_head(toks[start:end])
        verbal = head.pos_ in ("VERB", "AUX") or head.tag_.startswith("VB")
        passive = bool(_children(head, "auxpass", "nsubjpass"))
        hedge = any(c.lower_ in ("allegedly", "reportedly") for c in head.children)
        strength = SUSPECTED if hedge else AGENT
        # (not "X killed and wounded scores of militants": the object the next verb takes is this one's too)
        dies = verbal and cue_kind(head, lex.counts) is not None and not _children(head, "dobj", "dative") \
            and not shares_object(head)
        if verbal and not passive:
            for s in _subject(head):  # "10 soldiers died": who dies is a target, not a doer
                cands.target(mentions.in_core(s)) if dies else cands.add(strength, mentions.in_core(s))
            if not _subject(head) and head.dep_ in ("advcl", "conj", "xcomp", "dep") and (head.tag_ == "VBG" or (
                    head.dep_ in ("conj", "dep") and not dies)):  # ("dep": "drove into the gate, then stormed")
                # "Khalid Masood drove into pedestrians on Westminster Bridge, killing 4": the doer of the act that
                # killed them; "Security forces foiled a bid and killed two intruders": the subject both verbs share
                gov = head.head
                for _ in range(3):  # "X blocked a highway, offloaded passengers and shot dead 23": the chain's subject
                    # (and "X dropped bombs, destroying a monastery and killing nine": up the participle too)
                    if _children(gov, "nsubj", "nsubjpass") or gov.head.i == gov.i or gov.dep_ != "conj" and not (
                            gov.dep_ == "advcl" and gov.tag_ == "VBG"):
                        break
                    gov = gov.head
                for s in [] if _children(gov, "auxpass") else _children(gov, "nsubj"):
                    cands.add(strength, [e for e in mentions.in_core(s) if e.type == "person" or head.tag_ != "VBG"
                                         or doers.act_verb(gov, lex.violent_words(), lex.responsibility.claim_verbs)
                                         and is_actor(e, cands.ctx)])
            for o in _children(head, "dobj") + _pobj(head, "on", "at", "against"):
                cands.target(mentions.in_target_phrase(o))
        attacker_hit = passive and attackers_hit(head, lex)
        for a in [] if attacker_hit else _agent(head):  # "The attacker was shot dead by police": not a doer
            cands.add(strength, mentions.in_core(a))
        if verbal and passive:
            for s in _subject(head):
                cands.target(mentions.in_target_phrase(s))
        if not verbal:  # "a TTP attack"; an unlisted name there is mostly the place ("the Lamitan siege")
            cands.add(strength, [e for c in head.children if c.dep_ in ("compound", "amod", "nmod")
                                 for e in mentions.in_phrase(c)
                                 if e.refs or e.type == "armed_group" or e.kind == "descriptive"])
            for a in [] if doers.captive(head) else _pobj(head, "from"):  # "came under attack from Boko Haram"
                cands.add(strength, mentions.in_core(a))  # not "hostages from Dos Palmas": where they were taken
            for o in _pobj(head, "on", "against", "targeting"):
                if o.ent_type_ not in ("DATE", "TIME"):  # "an attack on 6 July, when X fired ...": a date
                    cands.target(mentions.in_target_phrase(o))
            if head.dep_ in ("nsubj",) and head.head.pos_ == "VERB":  # "the bomber struck a van"
                for o in _children(head.head, "dobj"):  # not "the attack bore the hallmarks of ISIL"
                    if o.lemma_.lower() not in lex.responsibility.suspicion_nouns:
                        cands.target(mentions.in_target_phrase(o))
    # the subject of "carried out / launched / staged" whose object is the trigger: "IS militants carried out
    # suicide bombings"; an attacker named in apposition or by "named": "A man named X rammed ..."
    for _start, end in spans:
        trig = toks[end - 1]
        obj = trig.head if trig.dep_ in ("compound", "amod") and trig.head.dep_ == "dobj" else trig
        if trig.dep_ == "pobj" and trig.head.lower_ in ("including", "like") and trig.head.head.pos_ == "NOUN":
            # "has carried out a string of attacks, including a suicide bombing in Khar": one of the attacks
            trig = trig.head.head
            obj = trig.head if trig.dep_ in ("compound", "amod") and trig.head.dep_ == "dobj" else trig
        if trig.dep_ == "pobj" and trig.head.lower_ == "of" and trig.head.head.lemma_.lower() in AMOUNT_NOUNS:
            obj = trig = trig.head.head  # "Hamas fired dozens of rockets", "launched a wave of attacks"
        elif trig.dep_ == "pobj" and trig.head.lower_ == "of" and trig.head.head.pos_ == "NUM":
            obj = trig.head.head  # "hurled two of the grenades" (the captives of "twelve of the hostages" stay)
        if obj.dep_ == "dobj" and (obj.head.lemma_.lower() in DOER_VERBS or obj is not trig
                                   and obj.head.lemma_.lower() in _CAMPAIGN_VERBS):
            # "IS militants carried out suicide bombings", "The IRA began a bombing campaign"
            for s in _subject(obj.head):
                # not a relation in apposition: "The Pakistani Taliban, an ally of al-Qaeda, carried out …"; not
                # the relative clause that tells the act ("the unit that carried out a shelling in Dhusamareb")
                own = [obj.head] if obj.head.head.i == s.i else []
                cands.add(AGENT, mentions.in_phrase(s, skip=_appositive_relations(s) + own))
        doers.captors(trig, mentions.in_core, cands.add, AGENT)
        if trig.pos_ == "VERB" and not _children(trig, "auxpass") and not (
                cue_kind(trig, lex.counts) is not None and not _children(trig, "dobj", "dative")):
            # a passive subject is the victim, and so is who died ("Boko Haram's leader, Abubakar Shekau, died …")
            for s in _subject(trig):
                named = [e for c in s.children if c.dep_ in ("appos", "acl")
                         for e in mentions.in_phrase(c) if e.type == "person"]
                cands.add(NAMED, named)
                called = [e for c in s.children if c.dep_ == "acl" and c.lemma_.lower() in ("name", "identify")
                          for g in [*_children(c, "oprd", "attr", "dobj"), *_pobj(c, "as")]
                          for e in mentions.in_phrase(g)]
                cands.add(NAMED, called, named=True)  # "A man named Abdul Razak Ali Artan rammed ..."
    # any agent noun that is the subject of a violent verb: "Boko Haram militants attacked ..."
    for t in toks:
        # "by" only for a noun under a preposition: "an attack on fighters from the MSA" names the victims
        if t.lemma_.lower() in _AGENT_NOUNS and t.dep_ in ("nsubj", "agent", "pobj") and t.head.pos_ in (
                "VERB", "ADP") and (t.dep_ != "pobj" or t.head.lower_ == "by"):
            verb = t.head if t.head.pos_ == "VERB" else t.head.head
            if (cue_kind(verb, lex.counts) is not None and not _another_act(verb, lex)  # not "killed the attackers"
                    or any(s <= verb.i - toks[0].i < e for s, e in spans)):
                victim = cue_kind(verb, lex.counts) is not None and not _children(verb, "dobj", "dative")
                if (t.dep_ != "nsubj" or not _children(verb, "auxpass")) and not (t.dep_ == "nsubj" and victim) \
                        and not (t.dep_ == "pobj" and attackers_hit(verb, lex)):  # "The attacker was shot dead
                    cands.add(AGENT, mentions.in_core(t))  # by police"; not "10 soldiers died": who dies is no doer
    # an attacker identified by name: "The attacker, identified as Kujtim Fejzullai", "a bomber named X"
    for t in toks:
        if t.lemma_.lower() in lex.counts.attacker_nouns or t.lower_ in lex.counts.attacker_nouns:
            named = [e for c in _children(t, "appos") for e in mentions.in_phrase(c)]
            for c in _children(t, "acl", "relcl"):
                if c.lemma_.lower() in ("identify", "name"):
                    named += [e for g in _pobj(c, "as") + _children(c, "oprd", "attr", "dobj")
                              for e in mentions.in_phrase(g)]
            if t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_.lower() in ("identify", "name"):
                named += [e for g in _pobj(t.head, "as") + _children(t.head, "oprd", "attr")
                          for e in mentions.in_phrase(g)]
            cands.add(NAMED, [e for e in named if e.type == "person"])
            if t.dep_ in ("nsubj",) and t.head.lemma_ == "be":
                for attr in _children(t.head, "attr"):
                    cands.add(MEMBER, [e for g in _pobj(attr, "of") for e in mentions.in_phrase(g)])


def _more_doers(parsed: Sequence[ParsedSentence], si: int, spans: Sequence[tuple[int, int]],
                mentions: _Mentions, cands: _Candidates, lex: EventLexicon, entities: Sequence[Entity],
                local: LocalFn) -> set[str]:
    """The `event_doers` rules over one sentence; returns the ids of the entities it names as victims."""
    toks = mentions.ps.tokens()
    heads = [_phrase_head(toks, s, e) for s, e in spans]

    def at(tok: Token) -> list[Entity]:
        lo, hi = mentions.char_range(tok, tok)
        return [e for s0, e0, e in mentions.items if s0 < hi and e0 > lo]

    def before(tok: Token) -> list[Entity]:
        """Organisations named before `tok` as the subject of their clause (nearest first), in its sentence
        or the few before: "ISWAP fighters overran ..., where they killed 42", not "burned the UN
        headquarters"; one in a sentence not parsed counts when it is listed."""
        cut = local(mentions.ps, tok.idx)
        found = sorted(((m.end, m.start, e) for e in entities for m in e.mentions
                        if cut - _PRONOUN_REACH <= m.end <= cut and is_actor(e, cands.ctx) and e.kind == "named"
                        and not doers.names_a_site(e)), key=lambda x: -x[0])
        near = [e for _, start, e in found if _as_subject(start, e)]
        if near:
            return near
        if not doers.group_noun(tok) and not (tok.lower_ in ("they", "it") and not any(
                cut - _PRONOUN_REACH <= m.end <= cut for e in entities for m in e.mentions
                if e.type in ("person", "group_identity") or is_actor(e, cands.ctx))):
            return near  # "they" with no one named near: the group the report is about, as "the group" is
        topic = doers.topic_group(entities, lambda e: e.type in ("armed_group", "organisation")
                                  and is_actor(e, cands.ctx) and not doers.names_a_site(e))
        return [topic] if topic is not None else []

    def _as_subject(start: int, e: Entity) -> bool:
        for ps in parsed:
            if ps.start <= start < ps.end:
                at = next((t for t in ps.sent if local(ps, t.idx) == start), None)
                return at is not None and doers.in_subject(at)
        return bool(e.refs)

    doers.governing(heads, mentions.in_core, cands.add, AGENT, lex.responsibility.commenters)
    doers.claimant(toks, heads, mentions.speaking_for, cands.add, CLAIMED, AGENT)
    doers.culprit(toks, mentions.in_core, cands.add, ATTRIBUTED, lex.violent_words())
    doers.attacker_trigger(heads, lex.counts.attacker_nouns, mentions.in_core, cands.add, AGENT, lex.counts)
    r = lex.responsibility
    doers.pronoun_antecedent(heads, before, cands.add, AGENT, mentions.in_phrase, r.commenters, r.device_verbs,
                             r.undergo_verbs)
    doers.affiliation(toks, lex.counts.attacker_nouns, mentions.in_phrase, cands.add,
                      SUSPECTED, MEMBER)
    doers.sides(toks, mentions.in_phrase, cands.add, AGENT)
    doers.speaker(heads, mentions.speaking_for, cands.add, CLAIMED, AGENT, r.undergo_verbs, before)
    suspects.convicted(heads, mentions.in_core, cands.add, ATTRIBUTED, SUSPECTED)
    suspects.hallmarks(toks, mentions.in_phrase, cands.add, SUSPECTED, r.suspicion_nouns, lex.violent_words())
    suspects.pointed_at(toks, mentions.in_core, cands.add, SUSPECTED, r.pointing_nouns, r.pointing_verbs)
    suspects.accomplices(heads, mentions.in_phrase, cands.add, SUSPECTED, lex.responsibility.conspire_verbs)
    suspects.when_clause(heads, mentions.in_core, cands.add, AGENT,
                      lambda v: doers.act_verb(v, lex.violent_words(), lex.responsibility.claim_verbs))
    doers.pronoun_responsibility(toks, before, cands.add, CLAIMED, ATTRIBUTED, lex.responsibility.claim_verbs)
    for t in fled(toks, lex) if not cands.found else ():  # "the gunmen fled", no one else said to have done it
        cands.add(AGENT, mentions.in_core(t))
    return doers.victims(heads, toks, mentions.in_core, lex.counts)


def _main_act_doers(toks: Sequence[Token], spans: Sequence[tuple[int, int]], mentions: _Mentions,
                    found: set[str]) -> set[str]:
    """Ids of the candidate doers that are the subject of a sentence's main act done to someone (an active
    trigger verb with an object, in the main clause): "Frontier Corps personnel killed five militants ...; an FC
    sepoy was also killed". Not one the act's object names too (quoted "soldiers" who "targeted the army", both
    read as the army)."""
    out: set[str] = set()
    for start, end in spans:
        head = doers.act_head(toks[start:end])
        objects = _children(head, "dobj")
        if not objects or head.pos_ != "VERB" or not toks[start].i <= head.i <= toks[end - 1].i \
                or head.dep_ not in ("ROOT", "ccomp") or _children(head, "auxpass"):
            continue
        done_to = {e.id for o in objects for e in mentions.in_phrase(o)}
        out |= {e.id for t in _subject(head) for e in mentions.in_phrase(t) if e.id in found and e.id not in done_to}
    return out


#: How far back (characters) a pronoun's antecedent is looked for: about the two sentences before.
_PRONOUN_REACH = 300


def _phrase_head(toks: Sequence[Token], start: int, end: int) -> Token:
    """The token of a trigger phrase whose syntactic head lies outside it ("handing" in "handing over")."""
    lo, hi = toks[start].i, toks[end - 1].i
    for t in toks[start:end]:
        if t.head.i < lo or t.head.i > hi or t.head.i == t.i:
            return t
    return toks[end - 1]


def find_roles(doc: Document, parsed: Sequence[ParsedSentence], entities: Sequence[Entity],
               ctx: ExtractContext, sentences: Sequence[int], hits: Sequence[tuple[int, int, int]],
               lex: EventLexicon, local: LocalFn, *, violent: bool = True) -> Roles:
    """Perpetrators, targets and responsibility over an incident's sentences.

    `hits` are (sentence index, start token, end token) of the incident's triggers. For a
    non-violent incident the "perpetrators" are the source-side actors (PLOVER's source).
    """
    if not violent:
        from .event_sides import sides_of

        return sides_of(parsed, entities, ctx, sentences, hits, local)
    cands = _Candidates(ctx, event_words=lex.violent_words() | {"killings", "bombings", "attacks", "shootings"})
    unknown_cue = False
    victim_ids: set[str] = set()
    openers: set[str] = set()
    for si in sentences:
        refer = partial(ctx.refer, si=si) if ctx.refer is not None else None
        ps, mentions = parsed[si], _Mentions(parsed[si], entities, local, doers=True, refer=refer)
        _responsibility_cues(ps.sent, mentions, cands, lex, ctx)
        told = si != sentences[0] or doers.told_before(ps.tokens(), [(s, e) for hs, s, e in hits if hs == si])
        spans = [(s, e) for hs, s, e in hits if hs == si and not (told and _another_act(
            doers.act_head(ps.tokens()[s:e]), lex))]  # "had carried out similar bombings", "killed the gunmen"
        _trigger_roles(ps.tokens(), spans, mentions, cands, lex)
        victim_ids |= _more_doers(parsed, si, spans, mentions, cands, lex, entities, local)
        if si == sentences[0]:  # the doers the opening sentence names as subjects, when not also its victims
            subjects = {e.id for t in ps.sent if t.dep_ == "nsubj" for e in mentions.in_phrase(t)}
            openers = {e.id for _, _, e in cands.found if e.id in subjects} - victim_ids
            # ... and the sides joined as the subject of the opening act, whoever of them died ("PDF forces and
            # junta troops clashed …; five soldiers and two PDF members were killed")
            toks = ps.tokens()
            openers |= {e.id for start, end in spans for t in _subject(doers.act_head(toks[start:end]))
                        if any(c.dep_ == "conj" for c in t.children) for e in mentions.in_phrase(t)}
            # ... and the doer of the main act, whose own man died later in the sentence
            openers |= _main_act_doers(toks, spans, mentions, {e.id for _, _, e in cands.found})
        low = ps.sent.text.lower()
        unknown_cue = unknown_cue or any(p in low for p in lex.responsibility.unknown_phrases)
    if not cands.found and not unknown_cue:
        # "The Provisional IRA planned a wave of attacks ... The bomb exploded": the planner, suspected
        doers.planner(parsed, sentences, lambda si: _Mentions(parsed[si], entities, local).in_core, cands.add,
                      SUSPECTED)
    roles = Roles()
    chosen: list[tuple[int, Entity]] = []
    charged: list[tuple[int, Entity]] = []  # blamed, then denying it
    hurt_doers: list[tuple[int, Entity]] = []  # doers by their own words who are also among the victims
    for strength, _, ent in sorted(cands.found, key=lambda x: (x[0], x[1])):
        if any(ent.id == c.id for _, c in chosen):
            continue
        if ent.id in cands.denied and strength not in (NAMED, CLAIMED, AGENT):
            # a denial answers a charge ("blamed X"; "X denied it"), not what the text itself says X did
            # ("Myanmar's military carried out airstrikes ... The military has denied targeting civilians")
            charged += [] if any(ent.id == c.id for _, c in charged) else [(strength, ent)]
            continue
        if ent.id in victim_ids and strength != CLAIMED and ent.id not in openers:
            # a victim is never a perpetrator ("killed five suspected members of Al Qaeda"); the doer of the act
            # that opens the incident stays one when its men die later ("Afghan forces later killed two
            # Taliban fighters")
            if strength == AGENT and not any(ent.id == e.id for _, e in hurt_doers):
                hurt_doers.append((strength, ent))
            continue
        chosen.append((strength, ent))
    if not chosen:
        # a side the text says acted whose own men died is the doer when no one else is ("Two soldiers were killed
        # after Malian troops attacked a hideout")
        chosen = hurt_doers
    if not any(e.kind != "descriptive" for _, e in chosen):
        # the one a source charges and who denies it, when no one else is named: "sources attributed the attack to
        # LeT. LeT denied involvement" (responsibility stays the charge's: attributed, suspected)
        chosen += [(s, e) for s, e in charged if e.id not in victim_ids and not any(e.id == c.id for _, c in chosen)]
    # a named group of the incident outranks a description ("Gunmen stormed ... TTP claimed responsibility"):
    # it comes first, and an unnamed armed group beside it is the same attackers, not a second group
    chosen.sort(key=lambda x: x[1].kind == "descriptive")
    # a description left out is still the attackers, never a target: beside a named group, or counted among
    # the dead ("Assailants attacked the base ... six assailants were killed")
    perp_ids = {e.id for _, _, e in cands.found if e.kind != "named" and e.type == "armed_group"}
    perp_ids |= {e.id for _, e in chosen}
    if any(e.kind != "descriptive" and (e.type == "armed_group" or s == CLAIMED) for s, e in chosen):
        chosen = [(s, e) for s, e in chosen if not (e.kind == "descriptive" and e.type == "armed_group")]
    if chosen:
        roles.perpetrators = [e.ref() for _, e in chosen]
        top_strength, top = chosen[0]
        # "suspected X militants attacked ...": the doer's own phrase says it is a suspicion
        hedged = top.id in cands.hedged and top_strength in (NAMED, AGENT, MEMBER)
        roles.responsibility = Responsibility.SUSPECTED if hedged else _RESPONSIBILITY[top_strength]
        roles.source = cands.sources.get(top.id)
    seen: set[str] = set()
    for t in cands.targets:
        if t.id not in perp_ids and t.id not in seen:
            seen.add(t.id)
            roles.targets.append(t.ref())
    if not chosen and unknown_cue:
        roles.responsibility = Responsibility.UNKNOWN
    return roles
