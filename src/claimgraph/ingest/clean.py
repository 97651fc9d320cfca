"""Main text of a web page (`clean_html`) or of text copied from one (`clean_text`).

`Document.text` is what these functions return, and every later offset indexes it.
"""

from __future__ import annotations

import re

from ..errors import InputError
from .dates import find_date, looks_like_dateline, parse_date
from .paragraphs import Kind, Paragraph, classify, load_patterns, main_block, revise
from .types import Cleaned

_HR = re.compile(r"^\s*(?:[-*_=]\s*){3,}$")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_CODE_LINE = re.compile(r"^\s*`([^`]+)`\s*$")
_LIST_OR_TABLE = re.compile(r"^\s*(?:[-*+•]\s|\d+[.)]\s|\|)")
_HEX_ID = re.compile(r"^[0-9a-f]{16,64}$")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")
_TITLE_CHARS = re.compile(r"[A-Za-z]")


def clean_text(text: str) -> Cleaned:
    """Article text from plain text or Markdown copied from a page: site furniture out, body kept.

    Paragraphs are classified (see `paragraphs`), the main contiguous block is kept, and the
    headline just above it is kept as the first line and returned as the title. A dateline
    ("Tuesday, October 7, 2025") before the body gives `published`. Text with no furniture comes
    through as it was, with hard-wrapped lines joined and Markdown headings and rules unmarked.
    Raises InputError(stage="clean") when nothing looks like article text.
    """
    paragraphs = _paragraphs(text)
    if not paragraphs:
        raise InputError("no text left after removing blank lines and Markdown rules", stage="clean")
    patterns = load_patterns()
    classify(paragraphs, patterns)
    published = _dateline(paragraphs)
    revise(paragraphs)
    start, end = main_block(paragraphs)
    if end == 0:
        raise InputError("no paragraph looks like article text (all short or site furniture)", stage="clean")
    title_index = _title_index(paragraphs, start)
    if title_index is not None:
        start = min(start, title_index)
    kept = [
        p.text
        for i, p in enumerate(paragraphs[start:end], start)
        if i == title_index or p.final == Kind.GOOD or (p.kind != Kind.BAD and p.heading)
    ]
    title = paragraphs[title_index].text if title_index is not None else None
    return Cleaned(text="\n\n".join(kept), title=title, published=published)


def _paragraphs(text: str) -> list[Paragraph]:
    """Blocks split at blank lines; within a block, each line is a paragraph unless hard-wrapped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    lines = [_SPACES.sub(" ", line).rstrip() for line in text.split("\n")]
    raw_lines = text.split("\n")
    out: list[Paragraph] = []
    open_para: list[str] = []
    joinable = False  # whether the next line continues the open paragraph

    def flush() -> None:
        nonlocal open_para
        if open_para:
            out.append(Paragraph(" ".join(s.strip() for s in open_para)))
            open_para = []

    for raw, line in zip(raw_lines, lines, strict=True):
        stripped = line.strip()
        if not stripped:
            flush_allowed = not (out or open_para)
            if flush_allowed:
                continue
            # a blank line ends the paragraph unless a sentence was cut mid-way (page break)
            joinable = joinable and False
            if open_para:
                flush()
            continue
        if _HR.match(stripped):
            flush()
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            flush()
            content = heading.group(2).strip()
            if content.strip("`") and not _HEX_ID.match(content.strip("`")):
                out.append(Paragraph(content.strip("`").strip(), heading=True))
            continue
        code = _CODE_LINE.match(line)
        if code:
            flush()
            out.append(Paragraph(code.group(1).strip()))
            continue
        if open_para and _continues(open_para[-1], stripped, hard_wrapped=raw.endswith((" ", "\t"))):
            open_para.append(stripped)
        elif not open_para and out and _continues_across_blank(out[-1], stripped):
            out[-1].text = f"{out[-1].text} {stripped}"
            open_para = [out.pop().text]
        else:
            flush()
            open_para = [stripped]
        open_para_wrapped[0] = raw.endswith((" ", "\t"))
    flush()
    return out


open_para_wrapped = [False]


def _continues(previous: str, line: str, *, hard_wrapped: bool) -> bool:
    """Whether `line` carries on the sentence of `previous` (a hard-wrapped paragraph)."""
    if _LIST_OR_TABLE.match(line) or _LIST_OR_TABLE.match(previous):
        return False
    if open_para_wrapped[0]:
        return True
    return not _ends_sentence(previous) and line[:1].islower() and len(previous) >= 40


def _continues_across_blank(previous: Paragraph, line: str) -> bool:
    return (
        not previous.heading
        and len(previous.text) >= 40
        and not _ends_sentence(previous.text)
        and line[:1].islower()
        and not _LIST_OR_TABLE.match(line)
    )


def _ends_sentence(text: str) -> bool:
    return bool(re.search(r"[.!?:;\"”’)\]]\s*$", text))


def _dateline(paragraphs: list[Paragraph]) -> object:
    """The first dateline before the body: parsed, and marked as furniture."""
    seen_good = 0
    for p in paragraphs:
        if p.kind == Kind.GOOD:
            seen_good += 1
            if seen_good > 1:
                return None
            continue
        if looks_like_dateline(p.text):
            found = find_date(p.text)
            if found is not None:
                p.kind = Kind.BAD
                return found
    return None


def _title_index(paragraphs: list[Paragraph], start: int) -> int | None:
    """The headline: a Markdown heading, else the title-like line nearest above the body."""
    for i, p in enumerate(paragraphs[: start + 1]):
        if p.heading and p.text.startswith(("#",)) is False and p.kind != Kind.BAD:
            if _title_like(p.text):
                return i
    for i in range(start, max(-1, start - 6), -1):
        p = paragraphs[i]
        if p.kind == Kind.BAD:
            continue
        if _title_like(p.text) and (i < start or p.final != Kind.GOOD):
            return i
    return None


def _title_like(text: str) -> bool:
    words = text.split()
    return (
        3 <= len(words) <= 30
        and 15 <= len(text) <= 250
        and not re.search(r"[.:;,]\s*$", text)
        and bool(_TITLE_CHARS.search(text))
        and not looks_like_dateline(text)
    )


def clean_html(html: str, url: str | None = None) -> Cleaned:
    """Main text, title, site name and publication date of a web page, with trafilatura.

    Raises InputError(stage="clean") when the page has no main text.
    """
    from .htmltext import extract_main

    return extract_main(html, url)


__all__ = ["clean_html", "clean_text", "parse_date"]
