"""Sentences that say who the attackers were: named ("The attacker was identified as X", "the suspect, X"), or
of a group ("the attackers were Islamic State fighters", "the gunmen were believed to belong to ISSP").

    identifies_attacker(sent, lex) -> bool        the sentence names or places the attackers
    attackers_are(tok, lex) -> [Token]            the noun phrases a copula or "belong to" gives them
    fled(sent, lex) -> [Token]                    "the attackers fled", "the terrorists managed to escape"

Read by `event_roles` (which sentences add to an incident, and its doers).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from .event_lexicon import EventLexicon
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
        out += [s for s in _children(verb, "nsubj") if (s.lower_ in nouns or s.lemma_.lower() in nouns)
                and any(c.lower_ == "the" for c in s.children)]
    return out
