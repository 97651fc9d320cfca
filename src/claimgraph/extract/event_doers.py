"""More ways a report names who did a violent act, beside the role finder's (`event_roles`).

Each rule reads the dependency parse of one of the incident's sentences and hands candidate entities to
`add(strength, entities)`; the role finder ranks them with its own:

  governing   the subject of the clause a trigger hangs from by "after" / "following" / "during": "The
              Hezbollah fighters pushed into the town after killing scores of gunmen", "Police seized eight
              guns following a raid" (a verbal trigger, or a noun of an operation: `_OPERATION_NOUNS`)
  claimant    the subject of "claim" / "say" whose clause says *its* fighters did it: "The SLM claims its
              combatants killed dozens of troops" (claimed); "The army said its troops killed five", "A
              spokesman said the group's fighters had killed 20" (agent)
  culprit     "X was the perpetrator / mastermind of the massacre"
  self        a trigger word that is itself the attacker description ("Nine dead as gunmen storm a
              hostel", "a suicide bomber"), unless it names the victims ("killing scores of the gunmen")
  pronoun     "it" / "they" / "the group" as the subject of an active trigger: the nearest organisation
              named before it in that sentence or the two before ("The Taliban demonstrated its lethality
              when it launched an attack"); "it" and "the group" are never a person, "the group" in what a
              speaker says is not the speaker, and "it exploded" is the device

  affiliation an attacker noun's own clause that ties it to a group: "gunmen believed to be members of
              X", "militants suspected of belonging to X", "The militants, who belonged to X, attacked"
              (suspected when hedged, else membership); also where the parser made the hedge the root
              ("Armed men believed to be members of X abducted three teachers")
  sides       the groups "between X and Y" of a clash ("clashes between the army and the KIA"): both
  speaker     the subject of "say" / "claim" whose clause's subject is "it" / "they" / "we": "The army said
              it had killed 30 insurgents" (claimed for "claim", else agent); a state's forces telling of
              strikes by drones or aircraft with no owner named: "The army said drones had struck hideouts"

  captors     the subject of "captured / took / held hostages", the agent of "hostages held by X"

  planner     for an act told with no doer at all ("The bomb exploded on 7 November"), the named group that
              one of the two sentences before it, in its paragraph, says planned, placed, sent or claimed
              it ("The Provisional IRA planned a wave of attacks in London. The bomb exploded ...")

Who speaks about or reacts to an act (the subject of say / warn / condemn: `commenters` in events.yaml) is a
source, never its doer; an act told as another than the incident's ("similar bombings in the past", "a string of
attacks") in a sentence that joins the incident credits no one (`other_act`).

More such rules, read from what is said around the act (suspicion, marks, plots, "when" clauses, justice done
for it), are in `event_suspects`.

`victims` gives the entities the incident's sentences name as those attacked or killed (objects of a
trigger or casualty verb, subjects of a passive one): a victim is never a perpetrator ("The
Counter-Terrorism Department claim to have killed five suspected members of Al Qaeda").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Token

from ..nlp.descriptive import listed_demonym
from ..records import Entity
from .event_attackers import done_by_speaker, hedged_as
from .event_mentions import spokespeople
from .quantities import cue_kind
from .syntax import children as _children
from .syntax import passive as _passive
from .syntax import verbal as _verbal

AddFn = Callable[[int, Sequence[Entity]], None]

#: Prepositions that tie an act to the clause it is the occasion of ("pushed in after killing").
_OCCASION_PREPS = frozenset({"after", "following", "during", "in", "while", "when"})
#: Nouns of an operation whose doer is the subject of the clause it occasions ("seized arms following a raid").
_OPERATION_NOUNS = frozenset({"raid", "operation", "offensive", "crackdown", "encounter", "search", "ambush",
                              "assault", "attack", "airstrike", "strike"})
#: Nouns for who did an act, as an "X was the ... of the attack" predicate.
CULPRIT_NOUNS = frozenset({"perpetrator", "perpetrators", "mastermind", "masterminds", "architect", "culprit",
                           "culprits", "organiser", "organizer", "author", "authors"})
#: Verbs whose subject reports, about its own fighters, that they did it.
CLAIMANT_VERBS = frozenset({"claim", "say", "announce", "report", "state", "confirm"})
_PRONOUNS = frozenset({"it", "they"})
#: Subjects of a reported clause that stand for the speaker ("The army said it had killed ...").
_SPEAKER_PRONOUNS = frozenset({"it", "they", "we"})
#: Verbs of a clause on an attacker noun that tie it to a group, and those of them that only hedge
#: ("gunmen believed to be members of X", "militants linked to X", "fighters loyal to X").
_AFFILIATION_VERBS = frozenset({"believe", "think", "suspect", "say", "report", "allege", "presume", "understand",
                                "identify", "belong", "link", "affiliate", "tie", "loyal", "be", "claim"})
_HEDGE_VERBS = frozenset({"believe", "think", "suspect", "say", "report", "allege", "presume", "understand",
                          "claim"})
#: Nouns for attackers beside the lexicon's attacker nouns whose clause may tie them to a group ("Armed men
#: believed to be members of X", "fighters loyal to X").
_AFFILIATED_NOUNS = frozenset({"man", "men", "fighter", "fighters", "rebel", "rebels", "extremist", "extremists",
                               "youth", "youths", "herdsmen", "militiamen", "guerrillas", "cadres", "operatives"})
#: Taking people captive: the subject of "captured / took / held hostages" holds them.
_CAPTIVE_NOUNS = frozenset({"hostage", "captive"})
_TAKING_VERBS = frozenset({"take", "capture", "seize", "hold", "kidnap", "abduct", "grab"})
#: Verbs of an armed act beside the trigger words, whose subject did what a following "killing ..." tells
#: ("opened fire on the crowd, killing four", "drove into pedestrians, killing 4", "dropped two bombs on a market,
#: killing 11").
_ACT_VERBS = frozenset({"open", "fire", "hit", "pound", "drive", "plough", "plow", "throw", "hurl", "lob", "drop"})
#: Verbs whose subject prepares or orders an act told after them ("planned", "placed", "sent").
_PLAN_VERBS = frozenset({"plan", "plot", "prepare", "place", "plant", "send", "dispatch", "order",
                         "claim", "launch", "begin", "start", "wage", "step", "intensify", "smuggle", "assemble",
                         "build", "target", "organise", "organize", "mastermind", "orchestrate", "direct"})
#: Clash nouns whose "between X and Y" names the two sides.
_CLASH_NOUNS = frozenset({"clash", "clashes", "fighting", "fight", "battle", "battles", "skirmish", "skirmishes",
                          "firefight", "gunbattle", "shootout", "confrontation", "confrontations", "exchange",
                          "encounter", "encounters", "gunfight", "gunfights", "firefights", "shootouts"})
#: How a trigger noun hangs from the verb whose subject does it: "it launched an attack", "they held them
#: hostage" (the small model makes that "hostage" a conjunct or a predicate of "held").
_ACT_NOUN_DEPS = frozenset({"dobj", "oprd", "conj", "advcl"})
_GROUP_NOUNS = frozenset({"group", "outfit", "organisation", "organization", "movement", "faction", "gang", "network",
                          "militia"})


#: Last words of a site's name ("Borough Market", "the Local Government Area"): a place, never an antecedent.
_SITE_NOUNS = frozenset({"area", "market", "church", "compound", "mosque", "hotel", "school", "hospital", "station",
                         "bridge", "square", "street", "road", "university", "college", "camp", "shrine", "temple",
                         "building", "mall", "airport", "prison", "jail", "court", "house", "centre", "center",
                         "office", "park", "stadium", "village", "town", "city", "district", "province",
                         "region", "valley", "county"})


def names_a_site(e: Entity) -> bool:
    """An unlisted name that ends in a site's word ("Science College", "Lido Beach area"): where something happened;
    a listed group's name may end in one ("Islamic State Khorasan Province"), and so may one known as an armed
    group by its form or its context ("Islamic State Mozambique Province")."""
    words = e.name.split()
    return not e.refs and e.type != "armed_group" and bool(words) and words[-1].lower().strip(".,") in _SITE_NOUNS


_NP_DEPS = frozenset({"compound", "amod", "appos", "pobj", "prep", "poss", "nmod", "det", "conj", "flat", "cc",
                      "punct"})


def in_subject(tok: Token) -> bool:
    """Whether a word lies in the subject phrase of its clause ("gunmen from the IPLO burst into"), or names the
    subject of a relative clause on it ("no claim from AQAP, which has waged a campaign of attacks")."""
    t = tok
    for _ in range(8):
        if t.dep_ in ("nsubj", "nsubjpass") or t.dep_ == "pobj" and t.head.dep_ == "agent":
            return True
        if any(c.dep_ == "relcl" and any(s.dep_ in ("nsubj", "nsubjpass") and s.lower_ in ("which", "who", "that")
                                         for s in c.children) for c in t.children):
            return True
        if t.dep_ == "prep" and t.lower_ == "as" and t.head.dep_ == "acl" \
                and t.head.lemma_.lower() in ("know", "call", "name"):
            t = t.head.head  # "The ISIL affiliate, known as ISKP, claimed ...": the name the subject goes by
            continue
        if t.dep_ not in _NP_DEPS or t.head.i == t.i or t.dep_ == "prep" and _verbal(t.head):
            return False
        t = t.head
    return False


def governing(heads: Sequence[Token], in_core: Callable[[Token], list[Entity]], add: AddFn,
              strength: int, commenters: frozenset[str] = frozenset()) -> None:
    """The subject of the clause a trigger is the occasion of (see the module doc); not one that speaks about
    it ("Governor X said after the attack that ...": a source, not the doer)."""
    for head in heads:
        if head.dep_ not in ("pcomp", "pobj") or head.head.lower_ not in _OCCASION_PREPS:
            continue
        if _children(head, "nsubj", "nsubjpass"):
            continue  # "after the militants attacked": the clause has its own subject
        verbal = _verbal(head) and head.tag_ == "VBG"
        if not verbal and head.lemma_.lower() not in _OPERATION_NOUNS:
            continue
        if not verbal and _children(head, "poss") or any(c.lower_ == "by" for c in head.children):
            continue  # "after an attack by X" / "after their raid": the doer is named at the act
        verb = head.head.head
        if not _verbal(verb) or _passive(verb) or verb.lemma_.lower() in commenters:
            continue
        for s in _children(verb, "nsubj"):
            add(strength, in_core(s))


def claimant(sent: Sequence[Token], heads: Sequence[Token], in_core: Callable[[Token], list[Entity]],
             add: AddFn, claimed: int, agent: int) -> None:
    """ "X claims its fighters killed ...": X, when the trigger is in the clause and its subject is X's own."""
    for head in heads:
        clause = head
        for _ in range(3):
            if clause.dep_ == "ccomp" or clause.head.i == clause.i:
                break
            clause = clause.head
        if clause.dep_ != "ccomp":
            continue
        verb = clause.head
        if verb.lemma_.lower() not in CLAIMANT_VERBS:
            continue
        own = [s for s in _children(clause, "nsubj")
               if any(c.dep_ == "poss" and (c.lower_ in ("its", "their") or group_noun(c)) for c in s.children)]
        if not own:
            continue
        for s in _children(verb, "nsubj"):
            add(claimed if verb.lemma_.lower() == "claim" else agent, in_core(s))


def culprit(sent: Sequence[Token], in_core: Callable[[Token], list[Entity]], add: AddFn, strength: int,
            words: frozenset[str]) -> None:
    """ "Lashkar-e-Taiba was the perpetrator of the Mumbai massacre" (the "of" object a violent word)."""
    for tok in sent:
        if tok.dep_ != "attr" or tok.lower_ not in CULPRIT_NOUNS:
            continue
        acts = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in _children(c, "pobj")]
        if not any(g.lemma_.lower() in words or g.lower_ in words for g in acts):
            continue
        for s in _children(tok.head, "nsubj"):
            add(strength, in_core(s))


def attacker_trigger(heads: Sequence[Token], attacker_nouns: frozenset[str], in_core: Callable[[Token], list[Entity]],
                     add: AddFn, strength: int, counts) -> None:  # noqa: ANN001 - CountLexicon
    """A trigger word that names the attackers ("gunmen", "suicide bomber") is a perpetrator description,
    unless it stands where the victims do."""
    for head in heads:
        if head.lemma_.lower() not in attacker_nouns and head.lower_ not in attacker_nouns:
            continue
        if head.dep_ in ("dobj", "dative", "nsubjpass"):
            continue
        if head.dep_ == "pobj" and head.head.lower_ in ("of", "on", "against"):
            continue  # "killing scores of the gunmen", "an attack on militants"
        if head.dep_ == "nsubj" and cue_kind(head.head, counts) is not None and not _children(head.head, "dobj"):
            continue  # "two gunmen were killed" / "the gunmen died"
        add(strength, in_core(head))


def pronoun_antecedent(heads: Sequence[Token], before: Callable[[Token], list[Entity]], add: AddFn,
                       strength: int, in_phrase: Callable[[Token], list[Entity]] | None = None,
                       commenters: frozenset[str] = frozenset(), devices: frozenset[str] = frozenset(),
                       undergo: frozenset[str] = frozenset()) -> None:
    """ "it"/"they"/"the group" as the subject of an active trigger: the nearest organisation named before.
    "It" and "the group" are never a person; "the group" in what a speaker says is not the speaker ("CIA
    Director X warned that the group was planning attacks": the group is someone else); "it exploded" is the
    device."""
    for head in heads:
        if not _verbal(head) and head.dep_ in _ACT_NOUN_DEPS and _verbal(head.head):
            if head.head.lemma_.lower() in undergo:
                continue  # "it had documented 45 attacks", "it survived an attack": not its doer
            head = head.head  # "it launched an attack", "they took 20 tourists hostage"
        if not _verbal(head) or _passive(head):
            continue
        verb = head
        subj = _children(verb, "nsubj")
        if not subj and verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
            subj = _children(verb.head, "nsubj")
        if verb.lemma_.lower() in devices and not _children(verb, "dobj"):
            continue  # "It exploded when ...": the device
        for s in subj:
            if _refers(s) and not (s.lower_ in _PRONOUNS and speakers(s, commenters)):
                # "X says it is fighting terrorists": "it" is the speaker, whom `speaker` credits or not
                found = before(s)
                if s.lower_ != "they":
                    found = [e for e in found if e.type != "person"]
                if group_noun(s) and in_phrase is not None:
                    said = speakers(s, commenters)
                    away = {e.id for t in said for e in in_phrase(t)}
                    found = [e for e in found if e.id not in away]
                if found:
                    add(strength, found[:1])


def speakers(tok: Token, commenters: frozenset[str]) -> list[Token]:
    """Subjects of the verbs of saying or reacting whose reported clause holds `tok` ("X warned that [the
    group was planning ...]")."""
    out: list[Token] = []
    t = tok
    for _ in range(8):
        if t.head.i == t.i:
            break
        if t.dep_ in ("ccomp", "xcomp", "advcl", "conj", "parataxis") and t.head.lemma_.lower() in commenters:
            out += _children(t.head, "nsubj") or _clause_subjects(t.head)  # "X denied it and says ..."
        t = t.head
    return out


def group_noun(s: Token) -> bool:
    """A bare "the group" / "the organisation" (no name or modifier of its own)."""
    return s.lemma_.lower() in _GROUP_NOUNS and any(c.lower_ == "the" for c in s.children) \
        and not [c for c in s.children if c.dep_ in ("compound", "amod", "appos", "prep")]


def topic_group(entities: Sequence[Entity], is_group: Callable[[Entity], bool]) -> Entity | None:
    """The group a report is about, for a bare "the group" with no group named in the sentences before it:
    the named group mentioned most, when it is mentioned at least three times and at least twice as often as
    any other (an article about one group calls it "the group" paragraphs after naming it; a report about
    several groups has no such topic)."""
    counts = sorted(((len(e.mentions), e) for e in entities if e.kind == "named" and is_group(e)),
                    key=lambda x: -x[0])
    if not counts or counts[0][0] < 3 or (len(counts) > 1 and counts[0][0] < 2 * counts[1][0]):
        return None
    return counts[0][1]


def _refers(s: Token) -> bool:
    """ "it", "they" or a bare "the group"."""
    return s.lower_ in _PRONOUNS or group_noun(s)


def _clause_subjects(verb: Token) -> list[Token]:
    subj = _children(verb, "nsubj", "nsubjpass")
    if not subj and verb.dep_ == "conj" and verb.head.i != verb.i:
        subj = _children(verb.head, "nsubj", "nsubjpass")  # "The group is considered violent and was responsible"
    return subj


def pronoun_responsibility(sent: Sequence[Token], before: Callable[[Token], list[Entity]], add: AddFn,
                           claimed: int, attributed: int, claim_verbs: frozenset[str]) -> None:
    """ "It claimed responsibility", "The group was responsible for the bombing": the group named before."""
    for tok in sent:
        strength = None
        if tok.lemma_.lower() in claim_verbs and _verbal(tok) and any(
                c.lemma_.lower() in ("responsibility", "credit") for c in _children(tok, "dobj")):
            strength = claimed
        elif tok.lemma_.lower() == "be" and (
                any(c.lower_ == "responsible" for c in _children(tok, "acomp", "attr", "oprd"))
                or any(c.lower_ == "behind" for c in _children(tok, "prep"))):
            strength = attributed
        if strength is None:
            continue
        for s in _clause_subjects(tok):
            if _refers(s):
                add(strength, before(s)[:1])


def victims(heads: Sequence[Token], sent: Sequence[Token], in_core: Callable[[Token], list[Entity]],
            counts) -> set[str]:  # noqa: ANN001 - CountLexicon
    """Ids of the entities named as those attacked or killed in one sentence (see the module doc)."""
    out: set[str] = set()
    verbs = [h for h in heads if _verbal(h)] + [t for t in sent if _verbal(t) and cue_kind(t, counts) is not None]
    for v in verbs:
        if _passive(v):
            phrases = _children(v, "nsubjpass")
        else:
            phrases = _children(v, "dobj")
        for p in phrases:
            if p.lemma_.lower() in counts.attacker_nouns or p.lower_ in counts.attacker_nouns \
                    or p.lower_ in counts.attacker_pronouns:
                continue  # "The attacker, Usman Khan, was shot dead by police": the attacker died, no victim
            out.update(e.id for e in in_core(p))
    return out


def _hedged_clause(verb: Token) -> bool:
    return any(t.lemma_.lower() in _HEDGE_VERBS for t in (verb, verb.head) if _verbal(t))


def affiliation(sent: Sequence[Token], attacker_nouns: frozenset[str], in_phrase: Callable[[Token], list[Entity]],
                add: AddFn, suspected: int, member: int) -> None:
    """An attacker noun's clause that ties it to a group (see the module doc): the group in that clause."""
    for tok in sent:
        nouns = attacker_nouns | _AFFILIATED_NOUNS
        if tok.lemma_.lower() not in nouns and tok.lower_ not in nouns:
            continue
        if tok.dep_ in ("dobj", "dative", "nsubjpass") or tok.dep_ == "pobj" and tok.head.lower_ != "by":
            continue  # "killed five militants believed to be members of IS": the victims
        clauses = [c for c in tok.children if c.dep_ in ("acl", "relcl")
                   and c.lemma_.lower() in _AFFILIATION_VERBS]
        if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _HEDGE_VERBS and tok.head.tag_ == "VBD" \
                and _children(tok.head, "xcomp") and _children(tok.head, "ccomp", "conj"):
            # the parser made the hedge the root: "Gunmen believed to be members of X shot dead two men"
            clauses += _children(tok.head, "xcomp")
        for c in clauses:
            strength = suspected if _hedged_clause(c) else member
            for g in c.subtree:
                if g.dep_ == "pobj" and g.head.lower_ in ("of", "from", "to", "with") or g.dep_ == "attr":
                    add(strength, in_phrase(g))
        if not clauses:
            for g, outside in hedged_as(tok, _HEDGE_VERBS):
                add(suspected, [e for e in in_phrase(g, outside) if e.kind != "descriptive"])


def sides(sent: Sequence[Token], in_phrase: Callable[[Token], list[Entity]], add: AddFn, strength: int) -> None:
    """The sides of a clash: "clashes between the army and the KIA", "fighting between X and Y"; the side a
    clash was "with" ("killed in an encounter with security forces", "an exchange of fire with the police",
    "militants clashed with troops")."""
    for tok in sent:
        shoot_out = tok.lower_ in ("out", "outs") and any(c.dep_ == "compound" and c.lower_ == "shoot"
                                                          for c in tok.children)  # "shoot-out", parsed as its "out"
        if tok.lemma_.lower() not in _CLASH_NOUNS and tok.lower_ not in _CLASH_NOUNS and not shoot_out:
            continue
        heads = [tok, *(g for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                        for g in _children(p, "pobj"))]  # "an exchange of fire with"
        if tok.dep_ in ("nsubj", "nsubjpass") and _verbal(tok.head) and not _children(tok.head, "dobj"):
            heads.append(tok.head)  # "the clashes erupted between X and Y", "fighting broke out with X": the sides
            # hang from the verb
        named = [(prep.lower_, g) for head in heads for prep in head.children
                 if prep.dep_ == "prep" and (prep.lower_ == "with"
                                             or head in (tok, tok.head) and prep.lower_ == "between")
                 for g in _children(prep, "pobj")]
        verb = tok.head.head if tok.dep_ == "pobj" else None
        if any(p == "with" for p, _ in named) and verb is not None and _verbal(verb) and not _passive(verb):
            for s in _children(verb, "nsubj"):  # "The Syrian forces took the town in fierce clashes with X"
                add(strength, in_phrase(s))
        for prep, g in named:  # the side "with": its first name ("units of the People's Militia (MP) of …, which …")
            add(strength, in_phrase(g) if prep == "between" else in_phrase(g)[:1])


def speaker(heads: Sequence[Token], in_core: Callable[[Token], list[Entity]], add: AddFn, claimed: int,
            agent: int, undergo: frozenset[str] = frozenset(),
            before: Callable[[Token], list[Entity]] | None = None) -> None:
    """ "The army said it had killed 30 insurgents": the speaker, when the act's subject stands for it (not
    "The United Nations said it had documented 45 attacks": a verb it undergoes or records the act by); a speaker
    named before ("It said one of its fighters had detonated an explosive vest": the group that claimed it)."""
    for head in heads:
        said = done_by_speaker(head, _SPEAKER_PRONOUNS, CLAIMANT_VERBS)
        if said is not None:
            add(agent, [e for s in _children(said, "nsubj") if s.i != head.i for e in in_core(s)])
            continue
        # (a word with its own auxiliary is the clause's verb whatever the tagger said: "had overrun" as a noun)
        verb = head if _verbal(head) or _children(head, "aux") else head.head if head.dep_ in _ACT_NOUN_DEPS else None
        if verb is None or not (_verbal(verb) or _children(verb, "aux")) or _passive(verb) \
                or verb.i != head.i and verb.lemma_.lower() in undergo:
            continue
        subjects = _children(verb, "nsubj") or [s for a in _children(verb, "aux") for s in _children(a, "nsubj")]
        if not any(s.lower_ in _SPEAKER_PRONOUNS or group_noun(s) or _own_men(s, _ANY_OWNERS) or _air_arms(s)
                   for s in subjects):
            continue
        clause = verb
        for _ in range(2):  # "said it had killed", "said it carried out an attack"
            if clause.dep_ == "ccomp":
                break
            if clause.dep_ not in ("xcomp", "conj") or clause.head.i == clause.i:
                break
            clause = clause.head
        if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in CLAIMANT_VERBS:
            continue
        said = clause.head
        # a spokesperson who says the body did it claims it for the body ("X spokesman Y said the group carried
        # out the attack"); "the group" is the speaker's own only in a spokesperson's words
        spoken = any(c.lemma_.lower() in spokespeople() for s in _children(said, "nsubj") for c in (s, *s.children))
        if not spoken and not any(s.lower_ in _SPEAKER_PRONOUNS or _own_men(s, _ANY_OWNERS) for s in subjects):
            if any(_air_arms(s) for s in subjects):  # "the army said drones had struck": a state's forces' own
                for s in _children(said, "nsubj"):
                    add(agent, [e for e in in_core(s) if e.type == "agency"])
            continue
        # "Abdullahi Farah, a Macawisley commander, said his men had killed 12 insurgents": the men of the body the
        # speaker commands, named in his apposition, else his own
        personal = any(_own_men(x, _PERSONAL) for x in subjects)
        for s in _children(said, "nsubj"):
            if s.lower_ not in _SPEAKER_PRONOUNS:
                bodies = [e for a in _children(s, "appos") for e in in_core(a) if e.type != "person"] \
                    if personal else []
                add(claimed if spoken or said.lemma_.lower() == "claim" else agent, bodies or in_core(s))
            elif before is not None and s.lower_ in ("it", "they") and any(_own_men(x) for x in subjects):
                add(agent, before(s)[:1])


#: Nouns of a body's own men: "the Taliban said their fighters had overrun three checkpoints".
_OWN_MEN = frozenset({"fighter", "militant", "man", "member", "cadre", "mujahid", "mujahideen", "soldier", "troop",
                      "force", "unit", "commando", "operative"})
#: What a state's forces strike from the air with: "the army said its drones struck", "said drones and aircraft had
#: struck" (a speaker's own, said of its own or, by a state's forces, with no owner)
_AIR_ARMS = frozenset({"drone", "jet", "aircraft", "warplane", "plane", "helicopter", "gunship", "airstrike"})
_OWN_MEANS = _OWN_MEN | _AIR_ARMS


#: the words a body owns its men and arms with ("its fighters", "their jets", "our mujahideen")
_BODY_OWNERS = frozenset({"its", "their", "our"})


def _air_arms(s: Token) -> bool:
    """Air power with no owner, or the speaker's ("drones", "its jets"), as an act's subject; not air power its own
    words give an owner ("Pakistani jets", "Ugandan jets", "US drones": that country's, whoever tells of it)."""
    return s.lemma_.lower() in _AIR_ARMS and all(
        (c.dep_ != "poss" or c.lower_ in _BODY_OWNERS)
        and not (c.dep_ in ("amod", "compound", "nmod") and (c.ent_type_ or listed_demonym(c))) for c in s.children)


#: a person's own men ("his men", "her fighters"): those of the body he or she commands
_PERSONAL = frozenset({"his", "her"})
_ANY_OWNERS = _BODY_OWNERS | _PERSONAL


def _own_men(s: Token, owners: frozenset[str] = _BODY_OWNERS) -> bool:
    """A speaker's own men or air power: "its fighters", "their men", "our mujahideen", "one of its fighters",
    "its jets" (with `_PERSONAL` owners: "his men")."""
    if s.dep_ in ("nsubj", "nsubjpass") and (s.like_num or s.lower_ in ("one", "some", "several")):
        return any(_own_men(p, owners) for c in s.children if c.dep_ == "prep" and c.lower_ == "of"
                   for p in c.children if p.dep_ == "pobj")
    return s.lemma_.lower() in _OWN_MEANS and any(c.dep_ == "poss" and c.lower_ in owners for c in s.children)


def act_verb(verb: Token, violent_words: frozenset[str], claim_verbs: frozenset[str]) -> bool:
    """A verb of an armed act ("shelled the town, killing seven"), not of visiting or saying."""
    lemma = verb.lemma_.lower()
    return verb.pos_ == "VERB" and (lemma in _ACT_VERBS or lemma in violent_words) and lemma not in claim_verbs


def captive(tok: Token) -> bool:
    """A noun of people taken captive ("hostages", "captives")."""
    return tok.lemma_.lower() in _CAPTIVE_NOUNS


def captors(trig: Token, in_core: Callable[[Token], list[Entity]], add: AddFn, strength: int) -> None:
    """Who took hostages: the subject of "captured additional hostages" (of the clause a "taking hostages" hangs
    from), the agent of "hostages held by X"."""
    if trig.lemma_.lower() not in _CAPTIVE_NOUNS:
        return
    obj = trig
    while obj.dep_ == "pobj" and obj.head.lower_ == "of" and obj.head.head.i != obj.head.i:
        obj = obj.head.head  # "taking with them the remaining eleven of the twenty hostages"
    verb = obj.head
    if obj.dep_ == "dobj" and verb.lemma_.lower() in _TAKING_VERBS and not _passive(verb):
        subj = _children(verb, "nsubj")
        if not subj and verb.dep_ in ("advcl", "conj") and verb.tag_ == "VBG":
            subj = _children(verb.head, "nsubj")  # "X managed to escape, taking hostages with them"
        for s in subj:
            add(strength, in_core(s))
    for c in _children(trig, "acl"):
        if c.lemma_.lower() in _TAKING_VERBS:
            for a in (g for p in c.children if p.dep_ in ("agent", "prep") and p.lower_ == "by"
                      for g in _children(p, "pobj")):
                add(strength, in_core(a))


def other_act(head: Token, words: frozenset[str]) -> bool:
    """An act told as another than the incident's: "similar bombings", "further attacks", "attacks in the past",
    "a string of attacks" (in a sentence that joins an incident to comment on it: "the PKK had carried out
    similar bombings in the past")."""
    if any(c.dep_ in ("amod", "advmod", "det") and c.lower_ in words for c in head.children):
        return True
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in words:
        return True  # "a string of attacks", "a campaign of bombings"
    verb = head.head if head.dep_ in _ACT_NOUN_DEPS and _verbal(head.head) else head
    return any(p.lower_ == "in" and any(o.lower_ == "past" for o in _children(p, "pobj"))
               for p in _children(verb, "prep"))


def accuses_of_act(verb: Token, words: frozenset[str], other: frozenset[str]) -> bool:
    """ "accused X of / blamed X for" what follows, when that is the act or a part in it (`words`: "accused RAW of
    being responsible for the attacks"), or when nothing follows ("blamed the Taliban"); not "accused RAW of
    funding separatists", "blamed the government for the crisis", nor a charge of support or failure (`other`:
    "accused RAW of supporting terrorist groups", "blamed the ISI for failing to prevent attacks")."""
    preps = [p for p in _children(verb, "prep") if p.lower_ in ("of", "for", "in", "over")]
    # the parser may hang "of" on the accused ("accused [the RAW of funding separatists]"); not "members of IS"
    preps += [p for o in _children(verb, "dobj") for p in _children(o, "prep") if p.lower_ in ("of", "for")
              and any(t.pos_ != "PROPN" and t.lower_.endswith("ing") for t in p.subtree)]
    charges = [c for p in preps for c in _children(p, "pobj", "pcomp")
               if p.lower_ != "in" or any(t.lemma_.lower() in words or t.lower_ in words for t in c.subtree)]
    # ("blamed X in the killing of Y" is a charge; "blamed X militants active in the area" says where they are)
    return not charges or any(t.lemma_.lower() in words or t.lower_ in words for c in charges for t in c.subtree) \
        and not any(t.lemma_.lower() in other and t.pos_ == "VERB" or t.lower_ in other
                    for c in charges for t in c.subtree)


def told_before(sent: Sequence[Token], spans: Sequence[tuple[int, int]]) -> bool:
    """The sentence opens on the incident as one told before ("No group claimed the hospital attack, which lasted
    hours before security forces killed the attackers"): its first act word is a definite noun."""
    first = act_head(sent[slice(*min(spans))]) if spans else None
    return first is not None and first.pos_ == "NOUN" and any(c.lower_ == "the" for c in first.children)


def against_attackers(head: Token, attacker_nouns: frozenset[str]) -> bool:
    """An act against the incident's attackers, told after it: "The army said it had killed several of the
    kidnappers", "Police shot dead the gunmen" — its doer answered the incident, it did not do it."""
    verb = head if _verbal(head) else head.head if head.dep_ in _ACT_NOUN_DEPS and _verbal(head.head) else None
    if verb is None or _passive(verb):
        return False
    objs = _children(verb, "dobj")
    objs += [g for o in objs for p in _children(o, "prep") if p.lower_ == "of" for g in _children(p, "pobj")]
    return any((o.lemma_.lower() in attacker_nouns or o.lower_ in attacker_nouns)
               and any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in o.children)
               for o in objs)


def related_history(head: Token, relation_nouns: frozenset[str]) -> bool:
    """An act told in a relative clause on a group that is only related to another: "JI had close ties to
    al-Qaeda, which had carried out the September 11 attacks" (al-Qaeda's history, not the incident)."""
    verb = head if _verbal(head) else head.head if head.dep_ in _ACT_NOUN_DEPS and _verbal(head.head) else None
    if verb is None or verb.dep_ != "relcl":
        return False
    owner = verb.head
    return owner.dep_ == "pobj" and owner.head.dep_ == "prep" and owner.head.head.lower_ in relation_nouns


def planners(sent: Sequence[Token]) -> list[Token]:
    """Subjects of active verbs of planning, placing, sending or claiming in a sentence (see `planner`)."""
    out: list[Token] = []
    for tok in sent:
        if tok.lemma_.lower() in _PLAN_VERBS and _verbal(tok) and not _passive(tok):
            subj = _children(tok, "nsubj")
            if not subj and tok.dep_ in ("xcomp", "conj") and tok.head.i != tok.i:
                subj = _children(tok.head, "nsubj")  # "The IRA decided to plant bombs", "... and placed"
            out += subj
    return out


def planner(parsed: Sequence, sentences: Sequence[int], in_core_of: Callable[[int], Callable[[Token], list[Entity]]],
            add: AddFn, strength: int) -> None:
    """An act told with no doer: the named group one of the two sentences before it (same paragraph) says
    planned, placed, sent or claimed something (`planners`), the nearest sentence first."""
    first = sentences[0]
    for si in range(first - 1, max(first - 3, -1), -1):
        if parsed[si].paragraph != parsed[first].paragraph:
            return
        in_core = in_core_of(si)
        for s in planners(parsed[si].tokens()):
            named = [e for e in in_core(s) if e.kind == "named" and (e.refs or e.type == "armed_group")]
            if named:
                add(strength, named[:1])
                return


def act_head(span: Sequence[Token]) -> Token:
    """The word of a trigger phrase that heads it: the one whose head lies outside, a verb first ("shot dead
    Gunner Robert Curtis", where the parser hung "dead" on the victim's name)."""
    lo, hi = span[0].i, span[-1].i
    outside = [t for t in span if t.head.i < lo or t.head.i > hi or t.head.i == t.i]
    verbs = [t for t in outside if _verbal(t)]
    return (verbs or outside[-1:] or [span[-1]])[0]
