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

The words are data: events.yaml `responsibility.suspected` (marks, pointing_nouns, pointing_verbs,
conspire_verbs).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Token

from ..records import Entity
from .event_doers import AddFn, _passive, _verbal
from .syntax import children as _children

#: Verbs by which an act bears a group's mark ("bore the hallmarks of", "was the work of").
_BEARING_VERBS = frozenset({"be", "bear", "have", "carry", "show", "look", "seem", "appear"})


def hallmarks(sent: Sequence[Token], in_phrase: Callable[[Token], list[Entity]], add: AddFn, strength: int,
              nouns: frozenset[str], act_words: frozenset[str]) -> None:
    """ "The attack bore the hallmarks of ISIL", "it was the work of the PKK": the group whose mark the act is
    said to bear (suspected), when the clause's subject is the act or stands for it."""
    for tok in sent:
        if tok.lemma_.lower() not in nouns or tok.dep_ not in ("dobj", "attr") or not _verbal(tok.head) \
                or tok.head.lemma_.lower() not in _BEARING_VERBS:
            continue  # not "the attack disrupted the work of the UN"
        subj = _children(tok.head, "nsubj", "nsubjpass")
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
