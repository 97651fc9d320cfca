"""Small readings of a dependency parse that the event and quantity stages share.

    children(tok, "nsubj", "nsubjpass") -> [Token]   the token's children with those relations
    pobj(tok, "in", "at")                -> [Token]   objects of its prepositions ("attack in X")
    agents(tok)                          -> [Token]   pobj of "by" under it (passive agent, "attack by X")
"""

from __future__ import annotations

from spacy.tokens import Token


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def pobj(tok: Token, *preps: str) -> list[Token]:
    return [g for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for g in children(c, "pobj")]


def agents(tok: Token) -> list[Token]:
    return [g for c in tok.children if c.dep_ in ("agent", "prep") and c.lower_ == "by" for g in children(c, "pobj")]
