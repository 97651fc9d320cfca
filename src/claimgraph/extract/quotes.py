"""Quotations of a document: where each one starts and ends, its marks excluded, across paragraphs."""

from __future__ import annotations

import re
from collections.abc import Sequence

#: where a quote mark may be: the scan jumps from one to the next
_MARK = re.compile("''|``|[“”\"]")


def quote_mark_at(text: str, i: int) -> int:
    """Length of the quote mark at `i` (0 if none): “ ” " or a typewriter pair '' / ``."""
    if text.startswith(("''", "``"), i):
        return 2
    return 1 if text[i : i + 1] in "“”\"" else 0


def quote_spans(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of every quotation, marks excluded. Marks are curly (“ ”), straight (") or typewriter pairs
    ('' … '', `` … ''). A quotation left open at the end of a paragraph goes on into the next one when that
    paragraph opens with a quote mark (the newspaper convention for a quote of several paragraphs) or when the
    paragraph broke off mid-sentence (a hard-wrapped text's blank line); otherwise it ends with its paragraph."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    last_end = 0
    broken = False
    for ps, pe in paragraphs:
        start = ps
        if open_at is not None:
            mark = quote_mark_at(text, ps)
            if mark:
                start = ps + mark  # the reopening mark continues the quotation
            elif not broken:
                spans.append((open_at, last_end))
                open_at = None
        i = start
        while (found := _MARK.search(text, i, pe)) is not None:
            i = found.start()
            mark = quote_mark_at(text, i)
            ch = text[i]
            if ch == "“" or text.startswith("``", i):
                if open_at is None:
                    open_at = i + mark
            elif ch == "”":
                if open_at is not None:
                    spans.append((open_at, i))
                    open_at = None
            elif open_at is None and (i == ps or not text[i - 1].isalnum()):
                open_at = i + mark
            elif open_at is not None:
                spans.append((open_at, i))
                open_at = None
            i += mark
        last_end = pe
        broken = not re.search(r"[.!?:;\"”')\]]\s*$", text[ps:pe])
    if open_at is not None:
        spans.append((open_at, last_end))
    out = []
    for s, e in spans:
        chunk = text[s:e]
        s2 = s + len(chunk) - len(chunk.lstrip())
        e2 = s + len(chunk.rstrip())  # punctuation inside the marks is the speaker's: "…deniability,"
        if e2 > s2:
            out.append((s2, e2))
    return out
