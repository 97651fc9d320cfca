"""Citations: every sentence of a brief ends with the document and character span behind it."""

from __future__ import annotations

import re

#: A citation as `cite` writes it: the visible "[doc:start-end]" and the link to the brief's source list.
CITATION = re.compile(r"\[(doc_[0-9a-f]+):(\d+)-(\d+)\]\(#src-doc_[0-9a-f]+\)")


def cite(doc_id: str, start: int, end: int) -> str:
    """A citation: the document and the character span behind a sentence, linked to the document's entry in
    the brief's list of sources."""
    return f"[{doc_id}:{start}-{end}](#src-{doc_id})"


def cited_documents(markdown: str) -> list[str]:
    """Document ids cited in `markdown`, in order of first citation."""
    return list(dict.fromkeys(m.group(1) for m in CITATION.finditer(markdown)))
