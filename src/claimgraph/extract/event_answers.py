"""The side that answered an attack: "troops repelled the attack, neutralising 17 terrorists", "government forces
recaptured the outpost and killed dozens of militants" (after "ISWAP fighters attacked a base in Dikwa"). The
force that fought back attacked the incident's named doers, as the sentence tells it.

    answering(sentences, inputs, perpetrators, words, fits) -> [(answerer, perpetrator, verb, sentence)]

An answer is a verb of `events.yaml` `answer_verbs` in one of the incident's sentences, not passive, whose object is
the attackers (a noun of `attacker_nouns` / `answered_doers`, "them") or the attack itself ("repelled the attack"),
and whose subject (or the subject of the verb it goes on from: "troops repelled the attack, neutralising …") is an
identified actor that is none of the incident's doers. A part of the event-claims step (`event_claims`, whose
version covers it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Token

from ..records import Entity
from .claim_arguments import identified
from .frame_input import FrameInput
from .syntax import passive as _passive

_THEM = frozenset({"them", "they"})


def answering(sentences: Sequence[int], inputs: dict[int, FrameInput], perpetrators: Sequence[Entity],
              verbs: frozenset[str], attackers: frozenset[str], acts: frozenset[str],
              fits: Callable[[Entity], bool]) -> list[tuple[Entity, Entity, Token, int]]:
    """(answerer, doer, verb, sentence) for each force a sentence of the incident says fought its named doers."""
    doers = {p.id for p in perpetrators}
    out: list[tuple[Entity, Entity, Token, int]] = []
    seen: set[tuple[str, str]] = set()
    for si in sentences:
        fi = inputs[si]
        for tok in fi.sent:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in verbs or _passive(tok):
                continue
            if not any(_the_attackers(o, attackers, acts) for o in tok.children if o.dep_ == "dobj"):
                continue
            for subject in _subjects(tok):
                answerer = fi.np_entity(subject)
                if answerer is None or answerer.id in doers or not identified(answerer) or not fits(answerer):
                    continue
                for doer in perpetrators:
                    if (answerer.id, doer.id) not in seen:
                        seen.add((answerer.id, doer.id))
                        out.append((answerer, doer, tok, si))
    return out


def _the_attackers(o: Token, attackers: frozenset[str], acts: frozenset[str]) -> bool:
    """ "17 terrorists", "the attackers", "them", "the attack", "dozens of militants"."""
    if o.lower_ in _THEM or o.lower_ in attackers or o.lemma_.lower() in attackers \
            or o.lemma_.lower() in acts and any(c.lower_ in ("the", "this", "that") for c in o.children):
        return True
    return any(p.lower_ in attackers or p.lemma_.lower() in attackers for c in o.children
               if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj")


def _subjects(verb: Token) -> list[Token]:
    """The verb's subject, or that of the verb it goes on from ("repelled the attack, neutralising 17")."""
    t = verb
    for _ in range(3):
        subj = [c for c in t.children if c.dep_ == "nsubj"]
        if subj:
            return subj
        if t.dep_ not in ("advcl", "conj", "xcomp") or t.head.i == t.i:
            return []
        t = t.head
    return []

