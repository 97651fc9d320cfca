"""What the text says of the attackers: who they were, named ("The attacker was identified as X", "the suspect,
X") or of a group ("the attackers were Islamic State fighters", "the gunmen were believed to belong to ISSP"); that
they got away; the clauses about them; and the acts done to them.

    identifies_attacker(sent, lex) -> bool        the sentence names or places the attackers
    attackers_are(tok, lex) -> [Token]            the noun phrases a copula or "belong to" gives them
    hedged_as(tok, hedges) -> [(Token, [Token])]  the phrase after "gunmen believed to be", where the parser made
                                                  it the next verb's subject
    fled(sent, lex) -> [Token]                    "the attackers fled", "the terrorists managed to escape"
    told_attackers(tok, nouns) -> bool            "the gunmen", "these militants": the attackers told of before
    attacker_clause(tok, lex) -> bool             the clause around a word is about the attacker
    attackers_hit(verb, lex) -> bool              a passive act done to the attacker ("was shot dead by police")
    done_by_speaker(head, pronouns, saying)       the verb of saying whose subject did the act ("said an air strike
                                                  it carried out had killed ...")

Read by `event_roles` and `event_doers` (which sentences add to an incident, and its doers).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from .event_lexicon import EventLexicon
from .event_mentions import DEFINITE
from .syntax import children as _children
from .syntax import clause_subjects as _subject
from .syntax import pobj as _pobj

_IDENTIFY = {"identify", "name"}
#: Verbs of getting away after the act: their subject, the attackers told of before ("The gunmen fled on a
#: motorcycle", "the terrorists managed to escape after the attack")
_GET_AWAY = {"flee", "escape", "abscond", "vanish", "disappear"}


def identifies_attacker(sent: Doc | SpacySpan, lex: EventLexicon) -> bool:
    """A sentence that names the attacker: "The attacker was identified as X", "The suspect, X, has
    27 previous convictions", "the perpetrator of the attacks, X, was captured"."""
    nouns = lex.counts.attacker_nouns
    return any((t.lower_ in nouns or t.lemma_.lower() in nouns) and (
        any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in t.children)
        or any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in _IDENTIFY for c in t.children)
        or t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_.lower() in _IDENTIFY) for t in sent) \
        or any(attackers_are(t, lex) for t in sent) or bool(fled(sent, lex))


def attackers_are(tok: Token, lex: EventLexicon) -> list[Token]:
    """What the text says the attackers are or belong to: "the attackers were Islamic State fighters", "the
    gunmen were believed to belong to ISSP" (the noun phrases naming their group)."""
    lemma = tok.lemma_.lower()
    if lemma not in ("be", "belong"):
        return []
    nouns = lex.counts.attacker_nouns
    if not any(s.lemma_.lower() in nouns or s.lower_ in nouns for s in _subject(tok)):
        # "the attackers were believed to belong to X": the subject of the verb the infinitive hangs on
        if not (tok.dep_ == "xcomp" and any(s.lemma_.lower() in nouns or s.lower_ in nouns
                                             for s in _subject(tok.head))):
            return []
    if lemma == "be":
        return _children(tok, "attr")
    return _pobj(tok, "to")


def fled(sent: Doc | SpacySpan, lex: EventLexicon) -> list[Token]:
    """The attackers as the subject of getting away, named with "the" (the ones told of): "The gunmen fled",
    "the terrorists managed to flee after the attack"."""
    nouns = lex.counts.attacker_nouns
    out = []
    for t in sent:
        verb = t.head if t.dep_ == "xcomp" else t
        if t.lemma_.lower() not in _GET_AWAY or t.pos_ != "VERB":
            continue
        out += [s for s in _children(verb, "nsubj") if told_attackers(s, nouns)]
    return out


def told_attackers(tok: Token, nouns: frozenset[str]) -> bool:
    """An attacker noun with a definite determiner: the attackers told of before ("the gunmen", "these militants")."""
    return (tok.lower_ in nouns or tok.lemma_.lower() in nouns) \
        and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.children)


def attacker_clause(tok: Token, lex: EventLexicon) -> bool:
    """True when the clause around `tok` is about the attacker (its subject is "the attacker", "he"...)."""
    if tok.dep_ in ("acl", "amod") and (tok.head.lemma_.lower() in lex.counts.attacker_nouns
                                        or tok.head.lower_ in lex.counts.attacker_nouns):
        # "A gunman affiliated with the Islamic State"; not "killed 12 militants belonging to the TTP", "the killing
        # of militants belonging to …": those the act was done to
        noun = tok.head
        act = noun.head if noun.dep_ in ("dobj", "dative", "nsubjpass") else \
            noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ != "by" else None
        violent = lex.violent_words()
        return act is None or (act.lemma_.lower() not in violent and act.lower_ not in violent)
    verb = tok
    for _ in range(4):  # up to the clause with a subject ("He had been charged for belonging to IS")
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if _subject(verb) or verb.head.i == verb.i or verb.dep_ not in ("pcomp", "xcomp"):
            break
        verb = verb.head
    for s in _subject(verb):
        if s.lemma_.lower() in lex.counts.attacker_nouns or s.lower_ in ("he", "she", "they"):
            return True
    return False


def attackers_hit(verb: Token, lex: EventLexicon) -> bool:
    """A passive act whose subject is the attacker ("The attacker was shot dead by French police"): its agent
    answered the incident, it did not do it."""
    nouns = lex.counts.attacker_nouns
    return bool(_children(verb, "auxpass", "nsubjpass")) and any(
        s.lower_ in lex.counts.attacker_pronouns or (s.lower_ in nouns or s.lemma_.lower() in nouns) and any(
            c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in DEFINITE for c in s.children)
        for s in _subject(verb))  # not "two LeT militants were killed by security forces": the incident itself


def done_by_speaker(head: Token, pronouns: frozenset[str], saying: frozenset[str]) -> Token | None:
    """The verb of saying whose subject did the act, where an act noun is what it says and the speaker's own relative
    clause says it did it ("AFRICOM said an air strike it carried out near Awdheegle had killed three militants";
    the noun may hang on the verb of saying itself, as the parser sometimes has it); `pronouns` stand for the
    speaker, `saying` are the verbs of saying (event_doers)."""
    if head.pos_ != "NOUN" or head.dep_ not in ("nsubj", "nsubjpass") or not any(
            c.dep_ == "relcl" and c.lemma_.lower() in _DOING and any(s.lower_ in pronouns
                                                                     for s in _children(c, "nsubj"))
            for c in head.children):
        return None
    said = head.head.head if head.head.dep_ == "ccomp" else head.head
    return said if said.lemma_.lower() in saying else None


#: verbs of doing an act ("an air strike it carried out"), not of witnessing or recording one ("an attack it
#: documented")
_DOING = frozenset({"carry", "conduct", "launch", "stage", "mount", "execute", "perform", "undertake"})


def hedged_as(tok: Token, hedges: frozenset[str]) -> list[tuple[Token, list[Token]]]:
    """The heads of the noun phrase right after "believed to be" (or "suspected to be") on an attacker noun, where
    the parser made that phrase the next verb's subject: "gunmen believed to be Abu Sayyaf members snatched a
    teacher" (the members, not the gunmen, parsed as who snatched); each with its words outside the phrase."""
    doc = tok.doc
    nxt = doc[tok.i + 1 : tok.i + 4]
    if len(nxt) < 3 or nxt[0].lemma_.lower() not in hedges or nxt[0].tag_ not in ("VBN", "VBD") \
            or [t.lower_ for t in nxt[1:]] != ["to", "be"]:
        return []
    end = tok.i + 4
    while end < min(len(doc), tok.i + 12) and (doc[end].pos_ in ("DET", "ADJ", "PROPN", "NOUN", "NUM", "PART")
                                                or doc[end].text in ("-", "–")):
        end += 1
    # the phrase's heads: its words hang from them
    return [(t, [c for c in t.children if not tok.i + 4 <= c.i < end]) for t in doc[tok.i + 4 : end]
            if t.pos_ in ("NOUN", "PROPN") and not tok.i + 4 <= t.head.i < end]

