"""Main text of a web page (`clean_html`) or of text copied from one (`clean_text`).

`Document.text` is what these functions return, and every later offset indexes it.
"""

from __future__ import annotations

import re

from ..errors import InputError
from ..records import PartialDate
from .byline import Byline, find_byline
from .dates import find_date, looks_like_dateline, parse_date
from .paragraphs import (
    Kind,
    Paragraph,
    classify,
    introduced_list,
    load_patterns,
    main_block,
    revise,
)
from .types import Cleaned

_HR = re.compile(r"^\s*(?:[-*_=]\s*){3,}$")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_CODE_LINE = re.compile(r"^\s*`([^`]+)`\s*$")
_LIST_OR_TABLE = re.compile(r"^\s*(?:[-*+•]\s|\d+[.)]\s|\|)")
_TABLE_LINE = re.compile(r"^(?:\||\+[-=:+]{2,})")
_TABLE_BORDER = re.compile(r"^[-=+|: ]+$")
_LIST_ITEM = re.compile(r"^(?:[-*+•]\s+|\d{1,3}[.)]\s+)\S")
_HEX_ID = re.compile(r"^[0-9a-f]{16,64}$")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")
_TITLE_CHARS = re.compile(r"[A-Za-z]")


def clean_text(text: str) -> Cleaned:
    """Article text from plain text or Markdown copied from a page: site furniture out, body kept.

    Paragraphs are classified (see `paragraphs`), the main contiguous block is kept, and the
    headline just above it is kept as the first line and returned as the title. A dateline
    ("Tuesday, October 7, 2025") before the body gives `published`; a byline ("By Jane Doe",
    "Mr. KYL — 14 October 2009") gives `author`, and `published` when there is no dateline. Both
    lines leave the text. Text with no furniture comes through as it was, with hard-wrapped lines
    joined and Markdown headings and rules unmarked.
    Raises InputError(stage="clean") when nothing looks like article text.
    """
    paragraphs = _paragraphs(text)
    if not paragraphs:
        raise InputError("no text left after removing blank lines and Markdown rules", stage="clean")
    patterns = load_patterns()
    stopwords = patterns.stopwords_for(text)
    classify(paragraphs, patterns, stopwords)
    published = _dateline(paragraphs)
    byline = _byline(paragraphs)
    if published is None and byline is not None:
        published = byline.published
    revise(paragraphs)
    start, end = main_block(paragraphs)
    if end == 0:
        short = _short_report(paragraphs)
        if short is not None:
            return Cleaned(text=short, published=published, author=byline.author if byline else None)
        raise InputError("no paragraph looks like article text (all short or site furniture)", stage="clean")
    end = introduced_list(paragraphs, start, end, patterns)
    if byline is not None:
        end = _before_author_bio(paragraphs, start, end, byline.author)
    _drop_inline_boxes(paragraphs, start, end)
    body_start = start
    title_index = _title_index(paragraphs, start)
    if title_index is not None:
        start = min(start, title_index)

    def keep(i: int, p: Paragraph) -> bool:
        if i == title_index or p.final == Kind.GOOD or (p.heading and p.kind != Kind.BAD):
            return True
        # the standfirst: text between the headline and the body
        return i < body_start and p.kind in (Kind.GOOD, Kind.NEUTRAL)

    kept = [p.text for i, p in enumerate(paragraphs[start:end], start) if keep(i, p)]
    title = paragraphs[title_index].text if title_index is not None else None
    author = byline.author if byline is not None else None
    return Cleaned(text="\n\n".join(kept), title=title, published=published, author=author)


#: A short report (an incident note, a one-line summary) is its own body when it is at most this many words.
SHORT_REPORT_WORDS = 120


def _short_report(paragraphs: list[Paragraph]) -> str | None:
    """The text of a short report that holds no site furniture: too short for the body-block rule, but a
    sentence or two of prose ("A roadside bomb kills 35 and injures 27") is an article in itself."""
    if any(p.kind is Kind.BAD or p.terminal for p in paragraphs):
        return None
    words = sum(len(p.text.split()) for p in paragraphs)
    prose = [p for p in paragraphs if not p.structure and sum(w.isalpha() and w.islower() for w in p.text.split()) >= 2]
    if not prose or words > SHORT_REPORT_WORDS:
        return None
    return "\n\n".join(p.text for p in paragraphs if not p.structure)


def _paragraphs(text: str) -> list[Paragraph]:
    """Blocks split at blank lines; within a block, each line is a paragraph unless hard-wrapped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    out: list[Paragraph] = []
    open_lines: list[str] = []
    wrapped = False  # the last open line ended in a space: a hard wrap (e.g. Congressional Record)
    last_was_blank_or_other = True  # a table or list continues only over adjacent lines

    def flush() -> None:
        if open_lines:
            out.append(Paragraph(" ".join(open_lines)))
            open_lines.clear()

    for raw in text.split("\n"):
        line = _SPACES.sub(" ", raw).strip()
        if not line:
            flush()
            continue
        structure = _structure(line)
        if structure:
            flush()
            if _TABLE_BORDER.match(line):
                continue  # a grid-table rule: structure, not text
            last = out[-1] if out else None
            if last is not None and last.structure == structure and not last_was_blank_or_other:
                last.text = f"{last.text}\n{line}"
            else:
                out.append(Paragraph(line, structure=structure))
            last_was_blank_or_other = False
            continue
        last_was_blank_or_other = True
        if _HR.match(line):
            flush()
            continue
        heading = _MD_HEADING.match(line)
        code = _CODE_LINE.match(line)
        if heading or code:
            flush()
            content = (heading.group(2) if heading else code.group(1)).strip().strip("`").strip()  # type: ignore[union-attr]
            if content and not _HEX_ID.match(content):
                out.append(Paragraph(content, heading=bool(heading)))
            continue
        if open_lines and _continues(open_lines[-1], line, wrapped):
            open_lines.append(line)
        elif not open_lines and out and _continues_across_blank(out[-1], line):
            open_lines.extend([out.pop().text, line])
        else:
            flush()
            open_lines.append(line)
        wrapped = raw.endswith((" ", "\t"))
    flush()
    return out


def _structure(line: str) -> str:
    """'table' for a Markdown/grid table row or rule, 'list' for a list item, else ''."""
    if _TABLE_LINE.match(line):
        return "table"
    if _LIST_ITEM.match(line) and not _HR.match(line):
        return "list"
    return ""


def _continues(previous: str, line: str, wrapped: bool) -> bool:
    """Whether `line` carries on the sentence of `previous` (a hard-wrapped paragraph)."""
    if _LIST_OR_TABLE.match(line) or _LIST_OR_TABLE.match(previous):
        return False
    if wrapped:
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


def _dateline(paragraphs: list[Paragraph]) -> PartialDate | None:
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
                p.anchor = True  # the article begins right after it
                return found
    return None


def _byline(paragraphs: list[Paragraph]) -> Byline | None:
    """The first byline ("By Jane Doe", "Mr. KYL — 14 October 2009") before the second good paragraph.

    It is marked as furniture: the name and date are metadata, not article text.
    """
    seen_good = 0
    for i, p in enumerate(paragraphs):
        if p.kind == Kind.GOOD:
            seen_good += 1
            if seen_good > 1:
                return None
            continue
        following = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
        found = find_byline(p.text, following.text if following is not None else None)
        if found is not None:
            p.kind = Kind.BAD
            p.anchor = True
            if following is not None and found.author == following.text.strip(" `*_"):
                following.kind = Kind.BAD  # "By" and the name on a line of its own
            return found
    return None


_BIO_VERB = re.compile(r"^[,\s]+(?:is|was|has|had|writes|wrote|covers|reports|joined|lives|teaches)\b")


def _before_author_bio(paragraphs: list[Paragraph], start: int, end: int, author: str) -> int:
    """The article ends before a note about its author ("Jane Doe is a reporter covering ..."),
    looked for in the second half of the article only."""
    names = [n.strip().lower() for n in re.split(r"\s+and\s+|&|,", author) if len(n.strip()) > 3]
    for i in range((start + end + 1) // 2, end):
        text = paragraphs[i].text
        for name in names:
            if text.lower().startswith(name) and _BIO_VERB.match(text[len(name) :]):
                return i
    return end


def _drop_inline_boxes(paragraphs: list[Paragraph], start: int, end: int) -> None:
    """Inside the article, the headlines under a "Related stories" line are the box's, not the article's:
    the short lines after a terminal line, up to the next paragraph of prose, that are not sentences."""
    for i in range(start, end):
        if not paragraphs[i].terminal:
            continue
        for p in paragraphs[i + 1 : end]:
            if p.kind == Kind.GOOD or p.heading or len(p.text) > 200 or _ends_sentence(p.text):
                break
            p.final = Kind.BAD


def _title_index(paragraphs: list[Paragraph], start: int) -> int | None:
    """The headline: a Markdown heading, else the title-like line nearest above the body."""
    for i, p in enumerate(paragraphs[: start + 1]):
        if p.heading and p.kind != Kind.BAD and 1 <= len(p.text.split()) <= 30:
            return i
    for i in range(start, max(-1, start - 6), -1):
        p = paragraphs[i]
        if p.kind == Kind.BAD:
            continue
        if _title_like(p.text) and (i < start or p.final != Kind.GOOD or len(p.text) <= 150):
            return i
    return None


def _title_like(text: str) -> bool:
    words = text.split()
    return (
        3 <= len(words) <= 30
        and 15 <= len(text) <= 250
        and not re.search(r"[.:;,\]]\s*$", text)
        and not re.search(r"[.!?]\s+[A-Z]", text)  # one line, not sentences
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
