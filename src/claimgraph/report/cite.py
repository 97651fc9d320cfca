"""Citations: every sentence of a brief ends with the document and character span behind it."""

from __future__ import annotations


def cite(doc_id: str, start: int, end: int) -> str:
    """A citation: the document and the character span behind a sentence."""
    return f"[{doc_id}:{start}-{end}]"
