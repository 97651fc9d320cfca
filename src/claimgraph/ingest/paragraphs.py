"""Boilerplate removal for plain text copied from a web page: jusText's idea, without the DOM.

jusText (used by trafilatura as a fallback) classifies the paragraphs of an HTML page by length,
stop-word density and link density, then revises short and borderline ones by their neighbours.
It needs the page's DOM; a page copied from a browser has only lines. This module keeps the same
classification and context revision, replaces link density with a phrase list of site furniture
(`boilerplate.yaml`, data, not code) and adds what a line of copied text still tells: a truncated
repeat of another line is a breadcrumb, a line after a terminal phrase ("Leave a reply") is footer.
Finally it keeps the one contiguous block of paragraphs that carries the most article text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources

import yaml

# jusText's defaults for English, in characters and stop-word density
LENGTH_LOW = 70
LENGTH_HIGH = 200
STOPWORDS_LOW = 0.30
STOPWORDS_HIGH = 0.32
MAX_HEADING_DISTANCE = 200
# block selection: a furniture line costs this many characters of article text
FURNITURE_COST = 60
TERMINAL_COST = 400


class Kind(StrEnum):
    GOOD = "good"
    NEUTRAL = "neutral"
    SHORT = "short"
    BAD = "bad"  # site furniture


@dataclass(slots=True)
class Paragraph:
    text: str
    heading: bool = False  # a Markdown heading, or a short title-like line
    kind: Kind = Kind.SHORT
    terminal: bool = False  # furniture that ends an article body (comments, related links)
    final: Kind = Kind.SHORT


@dataclass(frozen=True, slots=True)
class Patterns:
    line: re.Pattern[str]
    terminal: re.Pattern[str]
    stopwords: frozenset[str]


@cache
def load_patterns() -> Patterns:
    """The furniture phrase list (boilerplate.yaml) and jusText's English stop-word list, read once."""
    import justext

    raw = yaml.safe_load(resources.files(__package__).joinpath("boilerplate.yaml").read_text("utf-8"))

    def compile_all(patterns: list[str]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)

    return Patterns(
        line=compile_all(raw["line"]),
        terminal=compile_all(raw["terminal"]),
        stopwords=frozenset(w.lower() for w in justext.get_stoplist("English")),
    )


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_ELLIPSIS_END = re.compile(r"(?:\.\.\.|…)\s*$")
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)\]]\s*$")
_URL_ONLY = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$")


def stopword_density(text: str, stopwords: frozenset[str]) -> float:
    words = _WORD.findall(text.lower())
    if not words:
        return 0.0
    return sum(1 for w in words if w in stopwords) / len(words)


def is_furniture(text: str, patterns: Patterns) -> bool:
    stripped = text.strip(" \t*_`>|•·-–—")
    return bool(patterns.line.fullmatch(stripped)) or bool(_URL_ONLY.match(text))


def is_terminal(text: str, patterns: Patterns) -> bool:
    return bool(patterns.terminal.fullmatch(text.strip(" \t*_`>|•·-–—#")))


def classify(paragraphs: list[Paragraph], patterns: Patterns) -> None:
    """Context-free classes, as jusText: furniture → bad; then by length and stop-word density."""
    texts = [p.text for p in paragraphs]
    for i, p in enumerate(paragraphs):
        text = p.text
        if is_terminal(text, patterns):
            p.kind, p.terminal = Kind.BAD, True
            continue
        if is_furniture(text, patterns) or _truncated_repeat(text, texts, i):
            p.kind = Kind.BAD
            continue
        length = len(text)
        density = stopword_density(text, patterns.stopwords)
        if length < LENGTH_LOW:
            p.kind = Kind.SHORT
        elif density >= STOPWORDS_HIGH:
            p.kind = Kind.GOOD if length > LENGTH_HIGH else Kind.NEUTRAL
        elif density >= STOPWORDS_LOW:
            p.kind = Kind.NEUTRAL
        else:
            p.kind = Kind.BAD if length < LENGTH_HIGH else Kind.NEUTRAL


def _truncated_repeat(text: str, texts: list[str], index: int) -> bool:
    """A line ending in '...' whose last words begin another line: a breadcrumb or a teaser."""
    if not _ELLIPSIS_END.search(text):
        return False
    stem = _ELLIPSIS_END.sub("", text).rstrip()
    tail = stem[-30:]
    if len(tail) < 12:
        return False
    return any(j != index and tail in other and not _ELLIPSIS_END.search(other) for j, other in enumerate(texts))


def revise(paragraphs: list[Paragraph]) -> None:
    """jusText's context revision: short and neutral paragraphs take the class of their neighbours."""
    kinds = [p.kind for p in paragraphs]
    final = list(kinds)

    def neighbour(i: int, step: int, ignore_neutral: bool) -> Kind:
        j = i + step
        while 0 <= j < len(kinds):
            k = final[j]
            if k in (Kind.GOOD, Kind.BAD):
                return k
            if k == Kind.NEUTRAL and not ignore_neutral:
                return k
            j += step
        return Kind.BAD

    # headings near good text are neutral, so they can join the text
    for i, p in enumerate(paragraphs):
        if p.heading and kinds[i] == Kind.SHORT:
            distance = 0
            for q in paragraphs[i + 1 :]:
                if q.kind == Kind.GOOD:
                    final[i] = Kind.NEUTRAL
                    break
                distance += len(q.text)
                if distance > MAX_HEADING_DISTANCE:
                    break
    # short paragraphs
    new = list(final)
    for i, k in enumerate(final):
        if k != Kind.SHORT:
            continue
        before, after = neighbour(i, -1, True), neighbour(i, 1, True)
        if before == after == Kind.GOOD:
            new[i] = Kind.GOOD
        elif before == after == Kind.BAD:
            new[i] = Kind.BAD
        else:
            nb, na = neighbour(i, -1, False), neighbour(i, 1, False)
            new[i] = Kind.GOOD if Kind.GOOD in (nb, na) and Kind.BAD not in (nb, na) else Kind.BAD
            if nb == Kind.NEUTRAL and na == Kind.NEUTRAL:
                new[i] = Kind.NEUTRAL
    final = new
    # neutral paragraphs
    new = list(final)
    for i, k in enumerate(final):
        if k != Kind.NEUTRAL:
            continue
        before, after = neighbour(i, -1, True), neighbour(i, 1, True)
        if before == after == Kind.BAD:
            new[i] = Kind.BAD
        elif Kind.GOOD in (before, after):
            new[i] = Kind.GOOD
        else:
            new[i] = Kind.BAD
    for p, k in zip(paragraphs, new, strict=True):
        p.final = k


def main_block(paragraphs: list[Paragraph]) -> tuple[int, int]:
    """[start, end) of the contiguous run of paragraphs that carries the most article text.

    Each good paragraph earns its length; furniture costs FURNITURE_COST, terminal furniture
    (comments, related links, support appeals) costs TERMINAL_COST, other text costs its length.
    The best run is the maximum-sum subarray (Kadane). No good paragraph at all → (0, 0).
    """
    best, best_span = 0.0, (0, 0)
    current, start = 0.0, 0
    for i, p in enumerate(paragraphs):
        if p.final == Kind.GOOD:
            weight = float(len(p.text))
        elif p.terminal:
            weight = -float(TERMINAL_COST)
        elif p.kind == Kind.BAD:
            weight = -float(FURNITURE_COST)
        else:
            weight = -float(min(len(p.text), FURNITURE_COST))
        if current <= 0:
            current, start = weight, i
        else:
            current += weight
        if current > best:
            best, best_span = current, (start, i + 1)
    return best_span
