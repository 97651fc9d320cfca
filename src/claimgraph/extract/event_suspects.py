"""Who did a violent act, read from what a report says around it: suspicion and marks, a plot's partner, a "when"
clause that tells the act. Rules in the manner of `event_doers` (each hands candidate entities to
`add(strength, entities)`; the role finder of `event_roles` ranks them):

  hallmarks   the group whose mark the act bears: "The attack bore the hallmarks of ISIL", "it was the
              work of the PKK" (suspected)
  pointed     the group suspicion points at: "suspicion fell on Boko Haram", "fingers pointed at the PKK"
  when        the subject of a "when" clause on the act telling the armed act: "There was another attempted
              assassination, when an unknown group fired a submachine gun at his plane"
  accomplices the partner of a verb of conspiring whose purpose is the act: "accused of plotting with
              Lashkar-e-Taiba to launch the attacks in Mumbai" (suspected)
  convicted   the one convicted, sentenced, charged or arrested for the act, or for a role in it: "Two
              members of the IRA were convicted for the Brighton bombing", "leaders of the Shining Path
              received life sentences for their role in the massacre" (attributed for a conviction or
              sentence, suspected for a charge or arrest)

The words are data: events.yaml `responsibility.suspected` (marks, pointing_nouns, pointing_verbs,
conspire_verbs).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Token

from ..records import Entity
from .event_doers import AddFn
from .syntax import children as _children
from .syntax import passive as _passive
from .syntax import verbal as _verbal

#: Verbs of justice done for an act: a conviction or sentence names who did it, a charge or arrest a suspect.
_CONVICT_VERBS = frozenset({"convict", "sentence", "jail", "imprison", "hang", "find"})
_CHARGE_VERBS = frozenset({"charge", "arrest", "detain", "indict", "try", "prosecute", "accuse", "hold", "question",
                           "nab", "apprehend", "extradite", "wanted", "want"})
#: Nouns of a sentence whose subject (of "received / faces / is serving") is the one sentenced.
_SENTENCE_NOUNS = frozenset({"sentence", "sentences", "term", "terms", "conviction", "convictions", "penalty"})
_ROLE_NOUNS = frozenset({"role", "roles", "part", "involvement", "participation", "complicity"})
#: Prepositions that tie justice to its act ("convicted for / of / over / in connection with the bombing").
_FOR_PREPS = frozenset({"for", "of", "over", "in", "with", "after"})
#: Acts of those who arrest, in which ("in a raid") someone is arrested
_OCCASIONS = frozenset({"raid", "operation", "crackdown", "search", "sweep", "swoop", "encounter", "clash"})

#: Verbs by which an act bears a group's mark ("bore the hallmarks of", "was the work of").
_BEARING_VERBS = frozenset({"be", "bear", "have", "carry", "show", "look", "seem", "appear"})


def hallmarks(sent: Sequence[Token], in_phrase: Callable[[Token], list[Entity]], add: AddFn, strength: int,
              nouns: frozenset[str], act_words: frozenset[str]) -> None:
    """ "The attack bore the hallmarks of ISIL", "it was the work of the PKK", "it was believed to be the work of
    X": the group whose mark the act is said to bear (suspected), when the clause's subject (or, below a verb of
    belief, that verb's subject) is the act or stands for it."""
    for tok in sent:
        if tok.lemma_.lower() not in nouns or tok.dep_ not in ("dobj", "attr") or not _verbal(tok.head) \
                or tok.head.lemma_.lower() not in _BEARING_VERBS:
            continue  # not "the attack disrupted the work of the UN"
        subj = _children(tok.head, "nsubj", "nsubjpass")
        if not subj and tok.head.dep_ == "xcomp":
            subj = _children(tok.head.head, "nsubj", "nsubjpass")  # "it was believed to be the work of X"
        if not any(s.pos_ == "PRON" or s.lemma_.lower() in act_words or s.lower_ in act_words for s in subj):
            continue
        for p in _children(tok, "prep"):
            if p.lower_ == "of":
                for g in _children(p, "pobj"):
                    add(strength, in_phrase(g))
        for g in _children(tok, "poss"):  # "it bore Al-Shabaab's hallmarks"
            add(strength, in_phrase(g))


def pointed_at(sent: Sequence[Token], in_core: Callable[[Token], list[Entity]], add: AddFn, strength: int,
               nouns: frozenset[str], verbs: frozenset[str]) -> None:
    """ "Suspicion fell on Boko Haram", "fingers pointed at the PKK": the group suspicion points at."""
    for tok in sent:
        if tok.lemma_.lower() in verbs and _verbal(tok) and any(
                s.lemma_.lower() in nouns or s.lower_ in nouns for s in _children(tok, "nsubj", "nsubjpass")):
            for p in _children(tok, "prep"):
                if p.lower_ in ("on", "upon", "at", "to", "towards", "toward"):
                    for g in _children(p, "pobj"):
                        add(strength, in_core(g))  # not who its relative clause names


def when_clause(heads: Sequence[Token], in_core: Callable[[Token], list[Entity]], add: AddFn, strength: int,
                is_act: Callable[[Token], bool]) -> None:
    """The subject of a "when" clause on the act that tells the armed act itself: "There was another attempted
    assassination on 6 July, when an unknown group fired a submachine gun at his plane"."""
    for head in heads:
        anchor = head.head if not _verbal(head) and _verbal(head.head) else head
        scope = {t.i for t in head.subtree} | {anchor.i}
        for t in head.sent:
            if t.dep_ in ("advcl", "relcl") and t.head.i in scope and t.i != head.i and is_act(t) \
                    and not _passive(t) and any(c.dep_ == "advmod" and c.lower_ == "when" for c in t.children):
                for s in _children(t, "nsubj"):
                    add(strength, in_core(s))


def accomplices(heads: Sequence[Token], in_phrase: Callable[[Token], list[Entity]], add: AddFn, strength: int,
                verbs: frozenset[str]) -> None:
    """Who plotted the act with someone: "accused of plotting with Lashkar-e-Taiba to launch the attacks",
    "conspired with X to bomb the embassy" (the partner of a verb of conspiring whose purpose is the act)."""
    for head in heads:
        t = head
        for _ in range(4):
            if t.head.i == t.i or t.dep_ not in ("dobj", "xcomp", "advcl", "pobj", "prep", "pcomp", "acl"):
                break
            t = t.head
            if _verbal(t) and t.lemma_.lower() in verbs:
                for p in _children(t, "prep"):
                    if p.lower_ == "with":
                        for o in _children(p, "pobj"):
                            found = in_phrase(o)  # "the Pakistani terrorist organization Lashkar-e-Taiba": one
                            add(strength, [e for e in found if e.kind == "named"][:1] or found[:1])
                break


def _passive_or_object(verb: Token) -> list[Token]:
    """Who justice is done to: the subject of a passive ("X was convicted"), else the object ("police arrested X")."""
    if _passive(verb):
        return _children(verb, "nsubjpass", "nsubj")
    return _children(verb, "dobj")


def convicted(heads: Sequence[Token], in_core: Callable[[Token], list[Entity]], add: AddFn, attributed: int,
              suspected: int) -> None:
    """The one convicted, sentenced, charged or arrested for the act (see the module doc)."""
    for head in heads:
        t = head
        if _verbal(t) or t.dep_ != "pobj" or t.head.lower_ not in _FOR_PREPS:
            continue
        if t.head.lower_ == "in" and t.lemma_.lower() in _OCCASIONS:
            continue  # "arrested 15 suspects in a raid": the raid is the arresters' act, not what they are held for
        up = t.head.head  # "convicted for [the bombing]", "their role in [the massacre]"
        if up.lemma_.lower() in ("connection", "relation") and up.dep_ == "pobj":
            up = up.head.head  # "arrested in connection with the attack"
        if up.lower_ in _ROLE_NOUNS and up.dep_ == "pobj" and up.head.lower_ in _FOR_PREPS:
            up = up.head.head  # "sentenced for their role in the bombing"
        lemma = up.lemma_.lower()
        if any(c.dep_ == "neg" for c in up.children):
            continue  # "X has not been charged with the attack"
        if _verbal(up) and lemma in _CONVICT_VERBS | _CHARGE_VERBS:
            strength = attributed if lemma in _CONVICT_VERBS else suspected
            for s in _passive_or_object(up):
                add(strength, in_core(s))
        else:  # "received life sentences for their role in the massacre" ("for" on the verb or on the noun)
            verb = up.head if up.lower_ in _SENTENCE_NOUNS and up.dep_ in ("dobj", "attr") else up
            if _verbal(verb) and any(o.lower_ in _SENTENCE_NOUNS for o in _children(verb, "dobj", "attr")):
                for s in _children(verb, "nsubj"):
                    add(attributed, in_core(s))
