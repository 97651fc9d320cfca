"""Small readings of a dependency parse that the event and quantity stages share.

    children(tok, "nsubj", "nsubjpass") -> [Token]   the token's children with those relations
    pobj(tok, "in", "at")                -> [Token]   objects of its prepositions ("attack in X")
    agents(tok)                          -> [Token]   pobj of "by" under it (passive agent, "attack by X")
    clause_subjects(tok)                 -> [Token]   the subject of its clause (a relative's antecedent)
    passive(verb)                        -> bool      the verb is passive ("was shot", "X was convicted")
    common_ancestor(a, b)                -> Token     the lowest token both hang from (None: two trees)
    path_up(tok, top)                    -> [Token]   the tokens between a token and one above it
    shares_object(verb)                  -> bool      its object is the next verb's ("killed and wounded X")
    list_head_before(tok, is_head)       -> bool      an item of a list whose first item is_head
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def pobj(tok: Token, *preps: str) -> list[Token]:
    return [g for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for g in children(c, "pobj")]


def passive(verb: Token) -> bool:
    return bool(children(verb, "auxpass", "nsubjpass"))


def verbal(tok: Token) -> bool:
    """A verb or auxiliary, by part of speech or by tag (the small model tags some verbs' parts of speech wrong)."""
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")


def agents(tok: Token) -> list[Token]:
    """The pobj of "by" under `tok`; for a noun under a preposition, also of a "by" right after it that the parser
    hung on a word above ("losses in raids by the army": "by" on "losses" or on "suffered"; not the agent of a
    passive verb, "were killed in raids by ...", whose doer it is anyway)."""
    own = [g for c in tok.children if c.dep_ in ("agent", "prep") and c.lower_ == "by" for g in children(c, "pobj")]
    if own or tok.pos_ != "NOUN" or tok.dep_ != "pobj" or tok.right_edge.i + 1 >= len(tok.doc):
        return own
    nxt = tok.doc[tok.right_edge.i + 1]
    if nxt.lower_ == "by" and nxt.dep_ == "prep" and nxt.head in tok.ancestors and (
            nxt.head.pos_ == "NOUN" or nxt.head.pos_ == "VERB" and not children(nxt.head, "auxpass")):
        return children(nxt, "pobj")
    return own


#: Relative pronouns whose clause's subject is the noun the clause hangs from.
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})


def clause_subjects(tok: Token) -> list[Token]:
    """The subject of a clause; for a relative clause's "who"/"which", the noun it hangs from ("the Taliban,
    who attacked a police post", "Al-Shabaab, which claimed the bombing")."""
    rel = tok.head if tok.dep_ == "conj" and tok.head.dep_ == "relcl" else tok  # "who ... and who assassinated"
    return [rel.head if s.lower_ in _RELATIVE_PRONOUNS and rel.dep_ == "relcl" else s
            for s in children(tok, "nsubj", "nsubjpass")]


def common_ancestor(a: Token, b: Token) -> Token | None:
    """The lowest token that `a` and `b` both are or hang from (None when they lie in two trees)."""
    above = {a.i} | {x.i for x in a.ancestors}
    return next((x for x in (b, *b.ancestors) if x.i in above), None)


def path_up(tok: Token, top: Token) -> list[Token]:
    """The tokens from `tok` up to `top` (both excluded); empty when `top` is not above `tok`."""
    out = []
    for x in tok.ancestors:
        if x.i == top.i:
            return out
        out.append(x)
    return []


def shares_object(verb: Token) -> bool:
    """A verb whose object is written once, after the verb coordinated with it ("killed and wounded scores of
    terrorists"): a conjoined verb with an object and no subject of its own."""
    return any(c.dep_ == "conj" and c.tag_.startswith("VB") and children(c, "dobj")
               and not children(c, "nsubj", "nsubjpass") for c in verb.children)


def list_head_before(tok: Token, is_head: Callable[[Token], bool], reach: int = 12) -> bool:
    """Whether `tok` is an item of a list whose first item `is_head`, whatever the parser made of the list ("seized
    two drones, 30 landmines and 11 rifles"): the words back to that item are only counts, nouns, commas and
    "and"."""
    for j in range(tok.i - 1, max(tok.sent.start, tok.i - reach) - 1, -1):
        w = tok.doc[j]
        if w.pos_ == "NOUN" and is_head(w):
            return True
        if not (w.pos_ in ("NUM", "NOUN", "ADJ", "CCONJ", "DET") or w.text == ","):
            return False
    return False
