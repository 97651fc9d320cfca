"""How a token stands to an incident's act in the parse: what the act was done to, where it was done, and
whether an act noun refers to one told before. The act is given as the token indices of its trigger words
(`acts`); `extract/event_claims.py` reads claims off incidents with these tests."""

from __future__ import annotations

from spacy.tokens import Token

#: dependencies inside one name's phrase (not "poss": "the member's brother" is not the member)
WITHIN_NAME = {"compound", "amod", "conj", "appos"}
#: dependencies of what a verb's act was done to
PATIENT = {"dobj", "nsubjpass"}
#: prepositions of what an act noun was done to ("an attack on X", "a raid against X")
ON = {"on", "against", "targeting", "upon"}
#: prepositions that say where an act was done
LOCATIVE = {"in", "at", "near", "outside", "inside", "on", "into"}
#: prepositions that put a verb's act somewhere ("carried out attacks across Punjab")
WHERE = LOCATIVE - {"on"} | {"around", "across", "throughout"}


def where_of_act(tok: Token, acts: set[int]) -> bool:
    """Whether a place token says where an act was done: the object of a locative preposition on the act, on
    what it was done to, or on a place that is ("killed 12 policemen at a checkpoint in Bannu")."""
    x = tok
    while x.dep_ in WITHIN_NAME and x.head.i != x.i:
        x = x.head
    for n in range(4):
        if x.dep_ != "pobj" or x.head.lower_ not in (LOCATIVE if n == 0 else LOCATIVE | {"of"}):
            return False
        y = x.head.head  # what the preposition hangs on
        if y.i in acts or y.dep_ in PATIENT and y.head.i in acts \
                or any(c.dep_ in ("nsubj", "nsubjpass") and c.i in acts for c in y.children):
            return True  # "… in Bannu", "killed 12 policemen in Bannu", "the attacks took place in Jessore"
        x = y
    return False


def told(deed: Token, but: Token | None = None) -> bool:
    """Whether an act noun refers to an act told before: definite ("the attack", "Friday's bombing") and with
    no object or place of its own in the sentence ("the attack on the embassy" tells it here); `but`: a
    preposition that is not the act's own ("blamed the attack on X": on whom it is blamed)."""
    definite = any(c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these"} or c.dep_ == "poss"
                   for c in deed.children)
    own = any(c.dep_ == "prep" and c.lower_ in ON | {"in", "at", "near"} and (but is None or c.i != but.i)
              for c in deed.children)
    return deed.pos_ == "NOUN" and definite and not own


def argument_of_act(tok: Token, acts: set[int], owner: bool, members: frozenset[str] = frozenset()) -> bool:
    """`tok` is what an act was done to: its object or passive subject ("killed X", "X was shot"), or the object
    of its "on"/"against" ("an attack on X"), itself or through a name it modifies or is conjoined with
    ("Catholic civilian X", "X and Y were killed"). An `owner` (an organisation) also stands for what it owns
    ("a convoy of the X", "X's base"); a person does not ("the son of X" is someone else), nor does a member
    (`members`: "a member of X, Y, was shot" names the member shot)."""
    x = tok
    held = x.head if x.dep_ == "poss" else x.head.head if x.dep_ == "pobj" and x.head.lower_ == "of" else None
    if owner and held is not None and held.pos_ in ("NOUN", "PROPN") and held.lemma_.lower() not in members:
        x = held
    while x.dep_ in WITHIN_NAME and x.head.i != x.i:
        x = x.head
    act = x.head if x.dep_ in PATIENT else x.head.head if x.dep_ == "pobj" and x.head.lower_ in ON else None
    # the verb whose subject is the act: "a roadside bomb hit a convoy", "the blast struck a police van"
    struck = act is not None and act.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.i in acts for c in act.children)
    # an act in a relative clause is background to the noun ("the brother of a member who was killed in 1982"),
    # unless the noun is the act it tells ("claimed the attack, in which a roadside bomb hit a vehicle of the police")
    return act is not None and (act.i in acts or struck) and (act.dep_ != "relcl" or act.head.i in acts)
