"""Analyst briefs built from the store: every sentence cites the document and span behind it."""

from .brief import claim_sentence, cite, write_brief

__all__ = ["cite", "claim_sentence", "write_brief"]
