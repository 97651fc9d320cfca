"""Where one incident ends and another begins, sentence by sentence (`events._incidents`): a trigger that opens a
new incident or refers back to the one told, a series announced, an act timed by the one told, a further incident
said outright; what a sentence adds to the incident it follows (responsibility, casualties, named participants).
Written by hand over the parse: no library marks incident boundaries."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from .event_attackers import identifies_attacker, told_attackers
from .event_lexicon import EventLexicon
from .event_mentions import DEFINITE, INDEFINITE
from .event_roles import DOER_VERBS, about_act, doer_agent
from .event_wording import carried, hit_head, on_attackers
from .name_context import document_sources
from .quantities import cue_kind

if TYPE_CHECKING:
    from .events import TriggerHit

_AGENT_TRIGGERS = {"gunman", "gunmen", "shooter", "bomber", "bombers", "attacker", "attackers"}


def introduces_new(sent: Doc | SpacySpan, hit: TriggerHit, attackers: frozenset[str] = frozenset()) -> bool:
    """True when a trigger opens a new incident ("A bomb exploded") rather than refers back ("the attack")."""
    tok = hit_head(sent, hit)
    if hit.trigger.mode == "killing" or on_attackers(tok, attackers):
        return False  # "6 people were killed" counts the open incident's dead; "police shot dead the attackers"
    if tok.pos_ in ("NOUN", "PROPN"):
        if carried(tok):
            return False  # "wearing a fake suicide vest", "armed with firearms and explosives": a weapon
        if any(c.dep_ == "amod" and c.lower_ in _OTHER_ACT for c in tok.children):
            return True  # "In a separate attack on Saturday, ...": another act, whatever its place in the clause
        if tok.dep_ in ("pobj", "attr", "nsubjpass"):
            return False  # "after a standoff", "it was a suicide bombing", "6 gunmen were killed"
        if tok.lemma_.lower() in _AGENT_TRIGGERS or tok.lower_ in _AGENT_TRIGGERS:
            return False  # "Four gunmen tried to storm the hotel": the attackers, not a new act
        dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "nummod", "amod")}
        return bool(dets & INDEFINITE) or any(c.dep_ == "nummod" for c in tok.children)
    if (tok.dep_ == "ccomp" or tok.dep_ == "conj" and tok.head.dep_ == "ccomp") and any(
            c.dep_ == "aux" and c.lower_ == "had" for c in tok.children):
        return False  # "ISKP claimed responsibility, saying one of its fighters had targeted Shiites": told before
        # (so is "the BLA said the attack was carried out by its brigade, and that its fighters had targeted the FC")
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj:
        return False
    s = subj[0]
    if s.pos_ == "PRON" or s.pos_ != "PROPN" and any(c.lower_ in DEFINITE for c in s.children):
        return False
    if s.dep_ == "nsubjpass":  # "vehicles ... were targeted": new only when the victim is new ("A bus was")
        return any(c.lower_ in INDEFINITE for c in s.children)
    if (s.lemma_.lower() in attackers or s.lower_ in attackers) \
            and not any(c.lower_ in INDEFINITE for c in s.children) \
            and any(any(d.dep_ == "det" and d.lower_ in DEFINITE for d in o.children)
                    for o in tok.children if o.dep_ == "dobj"):
        return False  # "around 30 attackers ... struck the checkpost": the attackers told of, at the target told of
    return True


#: words that make an act noun another act than the one told ("a separate attack", "an earlier ambush")
_OTHER_ACT = frozenset({"separate", "different", "earlier", "later", "subsequent", "unrelated", "previous"})

_SERIES = {"serial", "coordinated", "simultaneous", "twin", "multiple", "several", "series", "consecutive",
           "synchronized", "synchronised", "separate"}


def umbrella(sent: Doc | SpacySpan, hits: Sequence[TriggerHit]) -> bool:
    """A sentence that announces a series ("Two bombings occurred in ...", "The Austin serial bombings
    occurred ..."): the next sentences tell its parts ("The first blast ...", "5 package bombs
    exploded ..."), which belong to it rather than open incidents of their own."""
    for hit in hits:
        tok = hit_head(sent, hit)
        if tok.pos_ == "NOUN" and tok.tag_ == "NNS" and tok.dep_ in ("nsubj", "nsubjpass", "ROOT") and any(
                c.dep_ == "nummod" or c.lower_ in _SERIES for c in tok.children):
            return True
    return False


#: Prepositions that date a new act by the one already told: "a few hours after the attack, the UDA shot dead ...".
_RELATIVE = frozenset({"after", "before", "since", "following", "until"})


def relative_to_told(sent: Doc | SpacySpan, hits: Sequence[TriggerHit]) -> bool:
    """A trigger noun inside "after / before / since the attack": the sentence tells another act, timed by it;
    or an act with its own doer in a clause set a span of time apart ("The attack came a day after ELN
    guerrillas kidnapped three police officers"): another act, which the one told is timed by. Right "after"
    with no span between, the act may be the one that began the incident told ("The fighting came after
    al-Shabab fighters attacked federal troops")."""
    for hit in hits:
        tok = hit_head(sent, hit)
        if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in _RELATIVE:
            return True
        if tok.pos_ == "VERB" and tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _RELATIVE
                                                               for c in tok.children) \
                and any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in tok.children) \
                and any(c.dep_ == "npadvmod" and c.lemma_.lower() in _SPANS for c in tok.children):
            return True
    return False


#: spans of time that set one act apart from another ("a day after", "hours before")
_SPANS = frozenset({"minute", "hour", "day", "night", "week", "month", "year"})


def refers_back(sent: Doc | SpacySpan, hits: Sequence[TriggerHit]) -> bool:
    """A definite trigger noun ("the attack", "the blasts"): the sentence is about an incident already told."""
    for hit in hits:
        tok = hit_head(sent, hit)
        if tok.pos_ == "NOUN" and any(c.lower_ in DEFINITE and c.dep_ == "det" for c in tok.children):
            return True
    return False


def told_by_its_attackers(sent: Doc | SpacySpan, hits: Sequence[TriggerHit], attackers: frozenset[str]) -> bool:
    """The act's doers are the attackers already told, named by a definite attacker noun ("The attackers, armed
    with rifles, struck the posts", "The gunmen then set fire to the vehicles"): the incident told again, in a
    paragraph of its own as wire reports do after the lede. Not a sentence that dates its act ("The attackers stormed
    Kadauri village on Wednesday night"): the day it tells is for the merge of the incident's mentions to weigh."""
    if another(sent, hits) or any(t.ent_type_ in ("DATE", "TIME") for t in sent):
        return False
    for hit in hits:
        tok = hit_head(sent, hit)
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        if any(c.dep_ == "nsubj" and told_attackers(c, attackers) for c in tok.children):
            return True
    return False


def another(sent: Doc | SpacySpan, hits: Sequence[TriggerHit]) -> bool:
    """The mention says it is a further incident: "another attack", "a second blast", "in a separate attack", "In a
    separate incident, two officials were shot dead"."""
    if any(t.lower_ in _SEPARATELY for t in sent):
        return True
    if any(t.lower_ in _FURTHER and t.dep_ in ("amod", "det") and t.head.dep_ == "pobj" and t.head.head.lower_ == "in"
           and t.head.lemma_.lower() not in document_sources() for t in sent):
        return True  # "In a separate incident, …", "In another development, …" (not "in a separate statement")
    return any(c.lower_ in _FURTHER for h in hits for c in hit_head(sent, h).children)


_FURTHER = {"another", "second", "third", "fourth", "fifth", "separate", "further", "fresh", "new", "other"}
_SEPARATELY = {"separately", "elsewhere", "meanwhile"}


def aside(sent: Doc | SpacySpan, hits: Sequence[TriggerHit], other_acts: Sequence[TriggerHit], told: bool) -> bool:
    """Every trigger is a definite act noun hanging on another noun ("arrested six ISKP members, including a
    suspected facilitator of the bombing", "questioned suspects in the attack") or the manner of the sentence's act of
    another kind (`other_acts`: "arrested six ISKP members in a raid"): the incident told before, named in passing,
    or the other act itself; the sentence's day and place are the other act's. Not "responsibility for the attack"
    (a claim tells of its incident), nor a definite act noun when no incident was `told` before (the sentence is its
    telling: "arrested two commanders in connection with the bombing in Kabul")."""
    if not other_acts or not hits:
        return False
    others = {hit_head(sent, h).i for h in other_acts}
    for hit in hits:
        tok = hit_head(sent, hit)
        if tok.pos_ != "NOUN" or tok.dep_ != "pobj":
            return False
        if tok.head.lower_ in ("in", "during") and _under(tok.head.head, others):
            continue  # "arrested in a raid", "arrested four men linked to the TTP during a raid'
        if not (told and tok.head.head.pos_ in ("NOUN", "PROPN") and tok.head.head.lemma_.lower() not in _RESPONSIBILITY
                and any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.children)
                and all(c.dep_ in ("det", "poss", "punct") for c in tok.children if c.i < tok.i)):
            return False  # (not "his part in the 1995 Ipil massacre": an incident first told here)
    return True


def struck_gathering(sent: Doc | SpacySpan, hits: Sequence[TriggerHit], violent_acts: Sequence[TriggerHit]) -> bool:
    """Every trigger names a gathering that the sentence's violent act was done to ("police opened fire on
    protesters", "a suicide bomber struck a political rally", "two protesters were killed when …"): the act's
    target, not an incident of its own with the act's doers as its participants."""
    if not violent_acts or not hits:
        return False
    acts = {hit_head(sent, h).i for h in violent_acts}
    for hit in hits:
        tok = hit_head(sent, hit)
        if tok.pos_ not in ("NOUN", "PROPN"):
            return False
        if tok.dep_ in ("dobj", "nsubjpass") and tok.head.i in acts:
            continue  # "struck a political rally", "two protesters were killed"
        if tok.dep_ == "pobj" and tok.head.lower_ in _AT_TARGET and _under(tok.head.head, acts):
            continue  # "opened fire on protesters", "fired on a rally", "an attack on a sit-in"
        return False
    return True


def one_operation(sent: Doc | SpacySpan, families: dict[str, list[TriggerHit]], violent: str,
                  lex: EventLexicon) -> None:
    """A raid or operation and the arrests its doers made in it, told in one sentence, are one incident (in place,
    in `families`, keyed by family; `violent`: the violent family's key): an arrest when every violent word linked
    to an arrest is a raid ("raided hideouts in Bagan and arrested 11 suspects", "arrested 12 suspects in raids"),
    else the violent act ("In a raid, GDI forces killed three ISKP members and detained two"). An arrest's telling
    keeps the raid's words (`Incident.best` names it by the arrest's)."""
    acts = families.get(violent) or []
    arrests = [h for f, hs in families.items() if f != violent for h in hs if h.trigger.mode in lex.arrest_modes]
    if not acts or not arrests:
        return
    heads = [hit_head(sent, h) for h in arrests]
    linked = [h for h in acts if any(_one_telling(hit_head(sent, h), a) for a in heads)]
    if not linked:
        return
    if all(h.trigger.mode in lex.raid_modes for h in linked):
        # the raid's words stay in the arrest's telling (its place, its doers), the arrest names it
        arrest_family = next(f for f, hs in families.items() if f != violent and any(h in arrests for h in hs))
        families[arrest_family] = [*families[arrest_family], *linked]
        _keep(families, violent, [h for h in acts if h not in linked])
        return
    acts_at = [hit_head(sent, h) for h in linked]
    for fam, hs in list(families.items()):
        if fam != violent:
            _keep(families, fam, [h for h in hs if h.trigger.mode not in lex.arrest_modes or not any(
                _one_telling(t, hit_head(sent, h)) for t in acts_at)])


def _keep(families: dict[str, list[TriggerHit]], family: str, hits: list[TriggerHit]) -> None:
    if hits:
        families[family] = hits
    else:
        del families[family]


_ONE_TELLING = frozenset({"conj", "advcl", "prep", "pobj", "pcomp"})


def _one_telling(a: Token, b: Token) -> bool:
    """`a` and `b` tell one act of the same doers: each reaches their nearest common head through conjuncts,
    adverbial clauses and "in"/"during" phrases only, with no subject of its own on the way ("raided hideouts and
    arrested 11", "raided the valley, killing four and detaining two", "killed three in a raid"; not "Gunmen killed
    five and police arrested two", "arrested two men over the bombing")."""
    above_b = {t.i for t in (b, *b.ancestors)}
    common = next((t for t in (a, *a.ancestors) if t.i in above_b), None)
    if common is None:
        return False
    for t in (a, b):
        while t.i != common.i:
            if t.dep_ not in _ONE_TELLING or (t.dep_ == "prep" and t.lower_ not in ("in", "during")) or any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
                return False
            t = t.head
    return True


_AT_TARGET = frozenset({"on", "at", "into", "upon"})


def _under(tok: Token, heads: set[int]) -> bool:
    """`tok` is one of `heads`, or hangs from one through the object it took ("arrested four men linked to …",
    "arrested three men suspected of selling fuel to the ADF during a raid")."""
    for _ in range(6):
        if tok.i in heads:
            return True
        if tok.dep_ not in ("acl", "relcl", "dobj", "xcomp", "pcomp", "prep") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


_RESPONSIBILITY = frozenset({"responsibility", "credit", "claim", "blame"})


# ------------------------------------------------------------------- what a sentence adds to an incident


def adds_to_incident(sent: Doc | SpacySpan, lex: EventLexicon) -> bool:
    """A sentence that states responsibility or casualties (and so may continue an incident)."""
    return states_responsibility(sent, lex) or any(cue_kind(tok, lex.counts) is not None for tok in sent)


def states_responsibility(sent: Doc | SpacySpan, lex: EventLexicon) -> bool:
    """A sentence that claims, blames, suspects or disowns an act (not one that only counts casualties)."""
    cues = lex.responsibility
    low = sent.text.lower()
    if any(p in low for p in cues.attribute_phrases + cues.suspect_phrases + cues.unknown_phrases
           + cues.membership):
        return True
    if identifies_attacker(sent, lex):
        return True
    if any(t.lemma_.lower() in cues.pointing_verbs and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in cues.pointing_nouns for c in t.children) for t in sent):
        return True  # "Suspicion immediately fell on Boko Haram": the words between, any
    if any(t.lemma_.lower() in DOER_VERBS and doer_agent(t) and about_act(t, lex) for t in sent):
        return True  # "The explosive devices had been planted on the roads by the Al Shabaab"
    verbs = cues.claim_verbs | cues.attribute_verbs | cues.denied
    return any(t.pos_ == "VERB" and t.lemma_.lower() in verbs for t in sent)


def names_people(sent: Doc | SpacySpan) -> int:
    """How many people a sentence names: a meeting sentence naming two says who met ("X met Y"); roles do not
    ("the coordinator of ISKP")."""
    return sum(1 for e in sent.ents if e.label_ == "PERSON")
