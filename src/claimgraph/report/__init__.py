"""Analyst briefs built from the store: every sentence cites the document and span behind it."""

from .brief import cite, claim_sentence, write_brief

__all__ = ["cite", "claim_sentence", "write_brief"]
