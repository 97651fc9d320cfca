"""Boilerplate removal for plain text copied from a web page: jusText's idea, without the DOM.

jusText (used by trafilatura as a fallback) classifies the paragraphs of an HTML page by length,
stop-word density and link density, then revises short and borderline ones by their neighbours.
It needs the page's DOM; a page copied from a browser has only lines. This module keeps the same
classification and context revision, replaces link density with a phrase list of site furniture
(`boilerplate.yaml`, data, not code) and adds what a line of copied text still tells: a line met
twice is a menu or a teaser, a truncated repeat of another line is a breadcrumb, a line after a
terminal phrase ("Leave a reply") is footer, who/when lines that recur ("Alex on May 3, 2019 at
6:34 am said:") start a comment thread, and a line that ends in a photo credit ("(AP Photo/X)") is a
caption. Stop words come from the jusText list of the text's language. Finally it keeps the one
contiguous block of paragraphs that carries the article text: the byline or dateline above it
anchors it, an inline "Related" box inside it is cut out, and a list it introduces ("Tour dates:")
is added to it.

The thresholds are jusText's; the block-selection weights below were set on the Zyte benchmark's
pages rendered as copied text (bench/text_extraction.py), where this scores F1 0.93 against 0.69
for keeping everything; trafilatura's evaluation pages, rendered the same way, are the held-out check.
"""

from __future__ import annotations

import re
from collections import Counter
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
# below STOPWORDS_LOW, a sentence of SENTENCE_WORDS words or more with this density is still neutral
STOPWORDS_SENTENCE = 0.10
SENTENCE_WORDS = 8
MAX_HEADING_DISTANCE = 200
# block selection: a furniture line costs this many characters of article text
FURNITURE_COST = 60
# the first run scoring this share of the best run is the article (articles precede their footers)
FIRST_RUN_SHARE = 0.4
# a run this long right after an inline box ("Related articles") continues the article
CONTINUATION_MIN = 500
CAPTION_MAX = 600  # characters
REPEATED_SENTENCE_MAX = 120  # characters
# a byline is followed by its article within this many paragraphs
ANCHOR_REACH = 8
# ... whose run must score at least this share of the best run
ANCHOR_SHARE = 0.1


class Kind(StrEnum):
    GOOD = "good"
    NEUTRAL = "neutral"
    SHORT = "short"
    BAD = "bad"  # site furniture


# short and borderline paragraphs that their neighbours made good count for less than good ones
REVISED_WEIGHT = {Kind.NEUTRAL: 0.5, Kind.SHORT: 0.0}


@dataclass(slots=True)
class Paragraph:
    text: str
    heading: bool = False  # a Markdown heading
    kind: Kind = Kind.SHORT
    terminal: bool = False  # furniture that ends an article body (comments, related links)
    thread: bool = False  # the first line of a reader-comment thread: nothing after it is article
    final: Kind = Kind.SHORT
    structure: str = ""  # "table" or "list": rows joined by newlines
    anchor: bool = False  # a byline: the article begins right after it


@dataclass(frozen=True, slots=True)
class Patterns:
    line: re.Pattern[str]
    terminal: re.Pattern[str]
    comment: re.Pattern[str]
    stopwords: frozenset[str]  # English
    stoplists: tuple[tuple[str, frozenset[str]], ...] = ()  # every language jusText knows
    caption: re.Pattern[str] | None = None  # a photo credit that ends a paragraph

    def stopwords_for(self, text: str) -> frozenset[str]:
        """The stop-word list of the text's language: the one that covers most of its words."""
        words = Counter(_WORD.findall(text.lower()))
        letters = sum(1 for c in text if c.isalpha()) or 1
        if len(_CJK_CHAR.findall(text)) > 0.3 * letters:
            return frozenset()  # Chinese, Japanese, Korean: no spaces between words
        if not words or not self.stoplists:
            return self.stopwords
        english = sum(n for w, n in words.items() if w in self.stopwords)
        best, best_count = self.stopwords, english
        counts = [0] * len(self.stoplists)
        lists_of = _lists_of_word(self.stoplists)  # each word once, not once per language
        for w, n in words.items():
            for i in lists_of.get(w, ()):
                counts[i] += n
        for (_, stoplist), count in zip(self.stoplists, counts, strict=True):
            if count > best_count * 1.2:  # another language only when clearly better
                best, best_count = stoplist, count
        if best_count < 0.05 * sum(words.values()):
            return frozenset()  # no list fits (e.g. Chinese, Japanese): judge by length and punctuation
        return best


_LISTS_OF: dict[int, tuple[tuple[tuple[str, frozenset[str]], ...], dict[str, tuple[int, ...]]]] = {}


def _lists_of_word(stoplists: tuple[tuple[str, frozenset[str]], ...]) -> dict[str, tuple[int, ...]]:
    """word → the positions of the stop-word lists that hold it (built once per set of lists)."""
    held = _LISTS_OF.get(id(stoplists))
    if held is None or held[0] is not stoplists:
        index: dict[str, list[int]] = {}
        for i, (_, stoplist) in enumerate(stoplists):
            for w in stoplist:
                index.setdefault(w, []).append(i)
        _LISTS_OF.clear()
        held = _LISTS_OF[id(stoplists)] = (stoplists, {w: tuple(v) for w, v in index.items()})
    return held[1]


@cache
def load_patterns() -> Patterns:
    """The furniture phrase list (boilerplate.yaml) and jusText's English stop-word list, read once."""
    import justext

    raw = yaml.safe_load(resources.files(__package__).joinpath("boilerplate.yaml").read_text("utf-8"))

    def compile_all(patterns: list[str]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)

    stoplists = tuple(
        (language, frozenset(w.lower() for w in justext.get_stoplist(language)))
        for language in sorted(justext.get_stoplists())
    )
    return Patterns(
        line=compile_all(raw["line"]),
        terminal=compile_all(raw["terminal"]),
        comment=compile_all(raw["comment"]),
        stopwords=frozenset(w.lower() for w in justext.get_stoplist("English")),
        stoplists=stoplists,
        caption=re.compile("|".join(f"(?:{p})$" for p in raw["caption"]), re.IGNORECASE),
    )


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_ELLIPSIS_END = re.compile(r"(?:\.\.\.|…)\s*$")
_ENDS_SENTENCE = re.compile(r"[.!?。！？][\"'”’)\]]*\s*$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]{4}")
_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_SENTENCE_PUNCT = re.compile(r"[.!?。！？]")
_ONE_SENTENCE = re.compile(r"^[^.!?]+[.!?][\"'”’)\]]*\s*$")
_URL_ONLY = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$")


def stopword_density(text: str, stopwords: frozenset[str]) -> float:
    words = _WORD.findall(text.lower())
    if not words:
        return 0.0
    return sum(1 for w in words if w in stopwords) / len(words)


def is_furniture(text: str, patterns: Patterns) -> bool:
    stripped = text.strip(" \t*_`>|•·-–—")
    return bool(patterns.line.fullmatch(stripped)) or bool(_URL_ONLY.match(text))


def is_caption(text: str, patterns: Patterns) -> bool:
    """A photo caption: a paragraph of at most CAPTION_MAX characters that ends with a photo credit."""
    return patterns.caption is not None and len(text) <= CAPTION_MAX and bool(patterns.caption.search(text))


def _thread_start(meta: list[int], gap: int = 12) -> int | None:
    """The first who/when line followed by two more, each within `gap` paragraphs: a comment thread.

    A lone byline with a time ("Updated: 19 November 2019, 09:01 AM") is not a thread.
    """
    for a, b, c in zip(meta, meta[1:], meta[2:], strict=False):
        if b - a <= gap and c - b <= gap:
            return a
    return None


def _is_comment_meta(text: str, patterns: Patterns) -> bool:
    """Who/when lines of reader comments ("Alex on May 3, 2019 at 6:34 am said:", "2 days ago")."""
    if len(text) > 80:
        return False
    return bool(patterns.comment.fullmatch(text.strip(" \t*_`>|•·-–—")))


def is_terminal(text: str, patterns: Patterns) -> bool:
    return bool(patterns.terminal.fullmatch(text.strip(" \t*_`>|•·-–—#")))


def classify(paragraphs: list[Paragraph], patterns: Patterns, stopwords: frozenset[str]) -> None:
    """Context-free classes, as jusText: furniture → bad; then by length and stop-word density."""
    texts = [p.text for p in paragraphs]
    counts = Counter(texts)
    comments = [i for i, t in enumerate(texts) if _is_comment_meta(t, patterns)]
    thread_start = _thread_start(comments)
    for i, p in enumerate(paragraphs):
        text = p.text
        if i in comments:
            p.kind = Kind.BAD
            p.terminal = p.thread = i == thread_start
            continue
        if is_terminal(text, patterns):
            p.kind, p.terminal = Kind.BAD, True
            continue
        # a line met twice is a menu, a teaser or a share bar, not article text
        repeated = counts[text] > 1 and len(text) >= 15 and p.structure != "table"
        if repeated and len(text) < REPEATED_SENTENCE_MAX and _ONE_SENTENCE.match(text):
            repeated = False  # a short sentence met again: an interview's question, not a menu
        if (
            repeated
            or is_furniture(text, patterns)
            or _truncated_repeat(text, texts, i)
            or is_caption(text, patterns)
        ):
            p.kind = Kind.BAD
            continue
        length = len(text)
        if _CJK.search(text):
            length *= 3  # one CJK character carries about a word's worth of text
        if p.structure == "table" and text.count("\n") >= 1:
            p.kind = Kind.GOOD  # a table of two or more rows in a text file is content
            continue
        if stopwords:
            density = stopword_density(text, stopwords)
        else:
            density = STOPWORDS_HIGH if _SENTENCE_PUNCT.search(text) else 0.0
        if length < LENGTH_LOW:
            p.kind = Kind.SHORT
        elif density >= STOPWORDS_HIGH:
            # a whole sentence (or more) of prose is article text even when shorter than jusText wants
            p.kind = Kind.GOOD if length > LENGTH_HIGH or _ENDS_SENTENCE.search(text) else Kind.NEUTRAL
        elif density >= STOPWORDS_LOW:
            p.kind = Kind.NEUTRAL
        elif length >= LENGTH_HIGH or (
            # a sentence full of names and numbers ("Tsonga beat Uchiyama 6-2, 6-1.") is not a menu
            density >= STOPWORDS_SENTENCE
            and len(text.split()) >= SENTENCE_WORDS
            and _ENDS_SENTENCE.search(text)
        ):
            p.kind = Kind.NEUTRAL
        else:
            p.kind = Kind.BAD


def _truncated_repeat(text: str, texts: list[str], index: int) -> bool:
    """A line ending in '...' whose last words begin another line: a breadcrumb or a teaser."""
    if not _ELLIPSIS_END.search(text):
        return False
    stem = _ELLIPSIS_END.sub("", text).rstrip()
    tail = stem[-30:]
    if len(tail) < 12:
        return False
    return any(
        j != index and tail in other and not _ELLIPSIS_END.search(other) for j, other in enumerate(texts)
    )


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
    """[start, end) of the contiguous run of paragraphs that carries the article text.

    Terminal furniture (related links, support appeals) splits the text into sections, and nothing
    after the start of a comment thread counts. In each section the best run is the maximum-sum
    subarray (Kadane) where a good paragraph earns its length (revised ones REVISED_WEIGHT of it),
    furniture costs FURNITURE_COST and other text its length up to that cost. The article is the
    first run that scores at least FIRST_RUN_SHARE of the best one: articles come before their
    footers, and a comment thread can outweigh a short article. A following run of at least
    CONTINUATION_MIN behind one or two terminal lines (an inline "Related" box) is added to it.
    A byline (`Paragraph.anchor`) sits on top of its article: when the run so chosen lies elsewhere
    (teasers that outweigh a short article), the run that begins within ANCHOR_REACH paragraphs
    after the byline is taken instead, if it scores at least ANCHOR_SHARE of the best one.
    No good paragraph at all → (0, 0).
    """
    runs = _runs(paragraphs, None)
    if not runs:
        return (0, 0)
    top = max(score for score, _, _ in runs)
    chosen = next(k for k, (score, _, _) in enumerate(runs) if score >= FIRST_RUN_SHARE * top)
    anchor = next((i for i, p in enumerate(paragraphs) if p.anchor), None)
    if anchor is not None and not runs[chosen][1] <= anchor < runs[chosen][2]:
        split = _runs(paragraphs, anchor)
        after = [
            k
            for k, (score, begin, _) in enumerate(split)
            if anchor < begin <= anchor + ANCHOR_REACH and score >= ANCHOR_SHARE * top
        ]
        if after:
            runs, chosen = split, after[0]
    _, begin, end = runs[chosen]
    # an inline box ("Related articles" and a few teasers) can interrupt an article that then goes on
    for score, next_begin, next_end in runs[chosen + 1 :]:
        between = paragraphs[end:next_begin]
        if score < CONTINUATION_MIN or not 1 <= sum(p.terminal for p in between) <= 2 or len(between) > 10:
            break
        end = next_end
    # ... and one can stand between the article's first paragraphs and the rest of it
    for score, prev_begin, prev_end in reversed(runs[:chosen]):
        between = paragraphs[prev_end:begin]
        if score < CONTINUATION_MIN or not 1 <= sum(p.terminal for p in between) <= 2 or len(between) > 10:
            break
        if any(p.thread for p in between):
            break
        begin = prev_begin
    return (begin, end)


def _runs(paragraphs: list[Paragraph], split: int | None) -> list[tuple[float, int, int]]:
    """(score, start, end) of the best run in each section; `split` also ends a section."""
    runs: list[tuple[float, int, int]] = []
    best, span = 0.0, (0, 0)
    current, start = 0.0, 0
    for i, p in enumerate(paragraphs):
        if p.terminal or i == split:
            if best > 0:
                runs.append((best, *span))
            best, span, current = 0.0, (0, 0), 0.0
            if p.thread and runs:
                break  # articles never follow their comments
            if p.terminal:
                continue
        if p.final == Kind.GOOD:
            weight = float(len(p.text)) * REVISED_WEIGHT.get(p.kind, 1.0)
        elif p.kind == Kind.BAD:
            weight = -float(FURNITURE_COST)
        else:
            weight = -float(min(len(p.text), FURNITURE_COST))
        if current <= 0:
            current, start = weight, i
        else:
            current += weight
        if current > best:
            best, span = current, (start, i + 1)
    if best > 0:
        runs.append((best, *span))
    return runs


_MONTH_START = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d", re.IGNORECASE
)
_ITEM_SEPARATORS = (" -- ", " – ", " — ", " - ", " | ", ": ", ", ")
LIST_MIN_ITEMS = 3
LIST_ITEM_MAX = 250  # characters


def _item_shape(text: str) -> tuple[str, str]:
    """How a list line is built: what it starts with (a number, a date, a capital) and its first separator."""
    if _MONTH_START.match(text):
        first = "date"
    elif text[:1].isdigit():
        first = "number"
    elif text[:1].isupper():
        first = "capital"
    else:
        first = "other"
    separator = next((s for s in _ITEM_SEPARATORS if s in text), "")
    return first, separator


def introduced_list(paragraphs: list[Paragraph], start: int, end: int, patterns: Patterns) -> int:
    """The end of the article once a list it introduces is added: tour dates, results, specifications.

    A list of short lines is not prose, so the classes above call it furniture; but when the article's
    last line, or the line right after it, ends with a colon ("The tour dates:"), the lines that follow
    and are built alike (same start, same separator) are the list it announces. At least
    LIST_MIN_ITEMS lines, each up to LIST_ITEM_MAX characters, none of them known furniture.
    """
    j = end
    if end < len(paragraphs) and _introduces(paragraphs[end], patterns):
        j = end + 1
    elif not (start < end and _introduces(paragraphs[end - 1], patterns)):
        return end
    shape: tuple[str, str] | None = None
    k = j
    while k < len(paragraphs):
        p = paragraphs[k]
        if (
            len(p.text) > LIST_ITEM_MAX
            or p.terminal
            or is_furniture(p.text, patterns)
            or _is_comment_meta(p.text, patterns)
        ):
            break
        if shape is None:
            shape = _item_shape(p.text)
        elif _item_shape(p.text) != shape:
            break
        k += 1
    if k - j < LIST_MIN_ITEMS or shape is None or shape == ("capital", "") or shape == ("other", ""):
        return end
    for p in paragraphs[end:k]:
        p.final = Kind.GOOD
    return k


def _introduces(p: Paragraph, patterns: Patterns) -> bool:
    text = p.text.rstrip()
    return (
        text.endswith(":")
        and len(text) <= LENGTH_HIGH
        and p.kind != Kind.BAD
        and not p.terminal
        and not is_furniture(text, patterns)
    )
