"""Wording that tells violence without telling one incident: a count of a period's or a conflict's dead (`aggregate`,
`aggregate_toll`: "More than 40,000 people have died in the conflict since 2001"), a trend ("Attacks on security
forces have increased"), a group's record ("has carried out attacks on military bases"), a weapon spoken of ("drones
had become the decisive factor"). `without_aggregates` drops such trigger words from a sentence's hits; what is left
may still tell an incident. Each check reads the parse with words from ontology/events.yaml (`not_events`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from .event_lexicon import EventLexicon, NotEvents
from .event_mentions import INDEFINITE
from .event_roles import AMOUNT_NOUNS
from .event_wording import first_conjunct, head_of
from .quantities import KILLED, cue_kind

if TYPE_CHECKING:
    from .events import TriggerHit as _Hit


def aggregate(tok: Token, ne: NotEvents) -> bool:
    """A killing word that counts the deaths of a period or a whole conflict ("More than 40,000 people
    have died in the conflict since 2001", "the war has killed thousands", "a civil war in which 400,000 people
    were killed"), not one incident; a past act within a war ("murdered 15,000 officers during the war") is one."""
    def conflict(t: Token) -> bool:
        return t.lemma_.lower() in ne.conflict_nouns or t.lower_ in ne.conflict_nouns

    def war(t: Token) -> bool:
        return t.lemma_.lower() in ne.war_nouns or t.lower_ in ne.war_nouns

    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)
    if tok.dep_ == "relcl" and war(tok.head):
        return True  # "a five-year civil war in which about 400,000 people were killed"
    passive = any(c.dep_ == "auxpass" for c in tok.children) and not any(c.dep_ == "agent" for c in tok.children)
    for c in tok.children:
        if passive and c.dep_ == "prep" and c.lower_ in ne.aggregate_frame_preps and any(
                war(g) for g in c.children if g.dep_ == "pobj"):
            return True  # "About 400,000 people were killed in the civil war" (not "killed 15,000 in the war")
        if c.dep_ == "prep" and c.lower_ in ne.aggregate_preps:
            return True
        if perfect and c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ne.aggregate_preps
                                                 for m in c.children):
            return True  # "More than 1,200 people have been killed in Sinaloa since the cartel's war began"
        if perfect and c.dep_ == "conj" and c.pos_ == "VERB" and any(
                g.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ne.aggregate_preps for m in g.children)
                for g in c.children):
            return True  # "… have been killed and hundreds more reported missing in Sinaloa since the war began"
        if perfect and c.dep_ == "prep" and c.lower_ in ne.aggregate_frame_preps and any(
                conflict(g) and not any(d.lower_ in INDEFINITE for d in g.children)
                for g in c.children if g.dep_ == "pobj"):
            return True
        if c.dep_ in ("nsubj", "nsubjpass") and conflict(c):
            return True
    return False


def aggregate_toll(sent: Doc | SpacySpan, lex: EventLexicon) -> bool:
    """Every killing word of the sentence counts a period's or a conflict's dead ("More than 400 policemen
    have been killed in the province since 2022"): the sentence adds no casualties to an incident."""
    kills = [t for t in sent if t.pos_ in ("VERB", "AUX") and cue_kind(t, lex.counts) == KILLED]
    return bool(kills) and all(aggregate(t, lex.not_events) for t in kills)


def trend(tok: Token, ne: NotEvents) -> bool:
    """A bare plural trigger noun in a statement about a trend ("Attacks on security forces have increased",
    "a rise in bombings") or a plan ("attacks were being planned"), an act done again and again ("ISKP has
    repeatedly targeted the Hazara") or going on since a time ("have been fighting ISKP since 2021"): attacks in
    general, not one incident."""
    # the verb says how often: the trigger's own, or the one a bare plural is the object of ("frequently carries out
    # bombings in the capital")
    plural = tok.tag_ in ("NNS", "NNPS")
    doing = tok if tok.pos_ == "VERB" else tok.head if plural and tok.dep_ == "dobj" else None
    if doing is not None and any(c.dep_ == "advmod" and c.lower_ in ne.habitual_adverbs for c in doing.children):
        return True
    if tok.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ == "been" for c in tok.children) \
            and any(c.dep_ == "prep" and (c.lower_ == "since" or c.lower_ == "for" and any(
                p.dep_ == "pobj" and p.lemma_.lower() in _LONG_SPANS for p in c.children)) for c in tok.children):
        # "The Taliban have been fighting ISKP since 2021", "where the CJNG has been fighting local gangs … for
        # years": an ongoing war, not an incident ("Police have arrested 233 activists since Wednesday" is one sweep)
        return True
    if plural and tok.dep_ == "pobj" and tok.head.lower_ == "of" \
            and tok.head.head.lemma_.lower() in AMOUNT_NOUNS and any(
                c.dep_ == "aux" and c.lemma_ == "have" for c in tok.head.head.head.children):
        return True  # "The United States has carried out dozens of airstrikes against the group this year"
    if plural and tok.dep_ == "dobj" and (
            tok.head.lemma_.lower() in ne.trend_words
            or tok.head.dep_ == "xcomp" and tok.head.head.lemma_.lower() in ne.trend_words):
        return True  # "vowed to continue its attacks on security forces", "has stepped up its attacks", "sleeper
        # cells continue to carry out sporadic attacks"
    if plural and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in ne.consequence_verbs \
            and any(c.dep_ == "det" and c.lower_ in ("the", "these", "those", "such") for c in tok.children):
        return True  # "The drone strikes have complicated the agreement": the acts told before, as a cause
    if plural and tok.dep_ == "dobj" and tok.head.lemma_.lower() in ne.counting_verbs:
        return True  # "SOHR says it has documented at least 70 ISIS attacks in Hasakah since January": a tally
    if plural and tok.dep_ == "dobj" and _perfect(tok.head) and _over_a_span(tok.head):
        return True  # "Families of missing persons have staged sit-ins in Quetta for years", "have staged several
        # sit-ins in recent months": what has gone on over a span, not one incident
    if plural and _quantified(tok, ne.generic_quantifiers):
        return True  # "most attacks on army posts in the north were believed to be the work of Katiba Hanifa"
    if tok.tag_ in ("NN", "NNS", "NNPS") and (_quantified(tok, ne.each_quantifiers) or tok.dep_ == "pobj" and (
            tok.head.lower_ == "of" and _quantified(tok.head.head, ne.each_quantifiers))):
        return True  # "each new air strike hardens support for the group", "after each round of strikes"
    if plural and tok.dep_ == "dobj" and tok.head.tag_ in ("VBZ", "VBP") \
            and tok.head.dep_ in ("relcl", "pcomp") \
            and not any(c.dep_ in ("det", "nummod", "poss") for c in tok.children):
        return True  # "the Spear Corps, which oversees counter-insurgency operations in the region", "hideouts …,
        # from where they launch attacks on the SDF": what a body does in the present tense, not an incident
    if tok.tag_ not in ("NNS", "NNPS") or any(c.dep_ in ("det", "nummod", "poss") for c in tok.children):
        return False
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in ("in", "of"):
        head = head.head
    elif tok.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return False
    # "attacks on Pakistan were being planned": attacks in general, planned, not one done
    return head.lemma_.lower() in ne.trend_words or tok.dep_ != "nsubj" and head.lemma_.lower() in ne.plan_words


def _quantified(tok: Token, quantifiers: frozenset[str]) -> bool:
    """Whether a noun's determiner or modifier is one of `quantifiers` ("most attacks", "each strike")."""
    return any(c.dep_ in ("det", "amod") and c.lower_ in quantifiers for c in tok.children)


#: spans of time a war goes on for ("for years", "for decades"), not an incident's hours
_LONG_SPANS = frozenset({"year", "month", "decade", "week"})


def _perfect(verb: Token) -> bool:
    """A verb in the present perfect, or the infinitive of one ("has exploited the chaos to carry out attacks")."""
    if any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children):
        return True
    return verb.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
        and verb.head.i != verb.i and any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.head.children)


def _over_a_span(verb: Token) -> bool:
    """A verb told over a span of time: "for years", "for months", "in recent months", "over the past year"."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "in", "over")):
        for p in (g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() in _LONG_SPANS):
            if prep.lower_ == "for" and p.tag_ == "NNS" or any(
                    c.lower_ in ("recent", "past", "last") for c in p.children):
                return True
    return False


def _record(tok: Token) -> bool:
    """Violent acts a group "has carried out" (a bare plural object in the present perfect: "ISWAP has also carried
    out attacks on military bases in the area"): its record, not the incident told ("have staged rallies" may be
    today's protest)."""
    first = first_conjunct(tok)  # "have since carried out regular air strikes and raids"
    return tok.tag_ in ("NNS", "NNPS") and first.tag_ in ("NNS", "NNPS") and first.dep_ == "dobj" \
        and not any(c.dep_ in ("det", "nummod", "poss") for c in (*tok.children, *first.children)) \
        and _perfect(first.head)


def idle_instrument(tok: Token, ne: NotEvents) -> bool:
    """A weapon named as a strike's trigger that does nothing: not the subject of an act ("a drone hit the
    market") nor the agent of a passive ("were killed by a drone"), as in "drones had become the decisive factor"
    or "the use of drones against aircraft"."""
    if tok.lower_ not in ne.instrument_words:
        return False
    tok = first_conjunct(tok)
    if tok.dep_ == "nsubj" and tok.head.pos_ == "VERB" and tok.head.lemma_.lower() not in ne.instrument_state_verbs:
        return False
    return not (tok.dep_ == "pobj" and tok.head.lower_ in ("by", "from"))


def without_aggregates(tokens: Sequence[Token], hits: list[_Hit], lex: EventLexicon) -> list[_Hit]:
    """Drop killing words that count a period's or a conflict's dead, and the conflict nouns in their frame
    ("have died in the fighting since 2011"): what is left of the sentence may still tell an incident."""
    ne = lex.not_events
    drop: set[int] = set()
    for h in hits:
        tok = head_of(tokens[h.start : h.end])
        if trend(tok, ne) or idle_instrument(tok, ne) or lex.is_violent(h.trigger.mode) and _record(tok):
            drop.add(tok.i)
        if h.trigger.mode == "killing" and aggregate(tok, ne):
            drop.add(tok.i)
            drop.update(t.i for t in tok.subtree if t.lemma_.lower() in ne.conflict_nouns
                        or t.lower_ in ne.conflict_nouns)
            # the acts the dead fell in, counted together: "have been killed in drone strikes since 2023"
            drop.update(g.i for c in tok.children if c.dep_ == "prep" and c.lower_ in ne.aggregate_frame_preps
                        for g in c.children if g.dep_ == "pobj" and g.tag_ == "NNS")
    if not drop:
        return hits
    return [h for h in hits if head_of(tokens[h.start : h.end]).i not in drop]
