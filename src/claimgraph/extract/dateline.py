"""Datelines: where a story was filed ("DUBAI (Reuters) -", "QUETTA, Pakistan:", "Srinagar, Oct 7:"), which is
context for the place resolver, not the place of the events it reports; and the date phrases of a sentence."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..nlp.segment import Sentence
from .types import ExtractContext, ParsedSentence

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(
    r"\s*(?P<place>[A-Z][A-Za-z.'’\-]+(?: [A-Z][A-Za-z.'’\-]+){0,3}(?:, [A-Z][A-Za-z.'’\-]+(?:(?: (?:of|and|the))?"
    r" [A-Z][A-Za-z.'’\-]+){0,3})?)"
    r"(?:,? (?P<date>" + _MONTH + r" \d{1,2}(?:, \d{4})?|\d{1,2} " + _MONTH + r"(?: \d{4})?))?"
    r"\s*(?P<agency>\([^)]{2,40}\))?\s*(?:--|[-–—:])\s")
_DATELINE_PARAGRAPHS = 3
_DAY_PART = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
_DATE_PREPS = {"in", "on", "since", "during", "from", "by", "until", "early", "late", "mid"}


@dataclass(frozen=True, slots=True)
class Dateline:
    """Where a story was filed: document offsets of the dateline and its place names ("Quetta", "Pakistan")."""

    span: range
    names: tuple[str, ...]
    date: str | None = None  # the day it was filed, where the dateline gives one ("Nov 19")


def find_dateline(text: str, paragraphs: Sequence[tuple[int, int]]) -> Dateline | None:
    """The dateline at the start of one of the first paragraphs: a place in capitals ("DUBAI -",
    "QUETTA, Pakistan:"), or one followed by a news agency ("Kabul (AP) —") or a date ("Srinagar, Oct 7:"), or a
    place and its country that open the text ("Kabul, Afghanistan –")."""
    starts = [s for s, _ in paragraphs[:_DATELINE_PARAGRAPHS]] or [0]
    for start in starts:
        m = _DATELINE.match(text, start, min(len(text), start + 120))
        if m is None:
            continue
        place = m.group("place")
        first = place.split(",")[0].split()[0]
        opens = start == starts[0] and "," in place and m.group(0).rstrip()[-1] in "–—"
        if not (m.group("agency") or m.group("date") or (first.isupper() and len(first) >= 3) or opens):
            continue
        names = tuple(n.strip().title() if n.strip().isupper() else n.strip() for n in place.split(","))
        return Dateline(range(m.start("place"), m.end()), names, m.group("date"))
    return None


def dateline_of(ctx: ExtractContext) -> Dateline | None:
    """`find_dateline` of the context's document, worked out once per document (every incident reads it)."""
    if "dateline" not in ctx.memo:
        ctx.memo["dateline"] = find_dateline(ctx.doc.text, ctx.paragraphs)
    return ctx.memo["dateline"]


def split_dateline(text: str, paragraphs: Sequence[tuple[int, int]], sentences: Sequence[Sentence]) -> list[Sentence]:
    """The sentences with the dateline cut off the one it opens ("ADEN, Yemen (AP) - Yemen's Houthi rebels fired
    ..."): parsed with it, the filing place becomes the subject of the first clause ("Yemen attacked ...")."""
    found = find_dateline(text, paragraphs)
    if found is None:
        return list(sentences)
    cut = found.span.stop
    out: list[Sentence] = []
    for s in sentences:
        if s.start <= found.span.start and s.start < cut < s.end and text[cut:s.end].strip():
            out += _cut(s, cut)
        else:
            out.append(s)
    return out


#: a numeric date that labels an entry ("10/27/2011: Suspected Maoists abducted ..."), as incident databases write
#: their summaries: a sentence of its own, or the parser takes the date for the subject of the sentence after it
_DATE_LABEL = re.compile(r"\s*(?P<date>\d{1,2}/\d{1,2}/\d{2,4}):\s+(?=\S)")
_LABEL_ALONE = re.compile(r"\s*(?P<date>\d{1,2}/\d{1,2}/\d{2,4}):\s*")


def split_date_labels(text: str, sentences: Sequence[Sentence]) -> list[Sentence]:
    """The sentences with a leading date label cut off into a sentence of its own (both halves kept or not as
    the whole was)."""
    out: list[Sentence] = []
    for s in sentences:
        m = _DATE_LABEL.match(text, s.start, s.end)
        if m is None or m.end() >= s.end:
            out.append(s)
            continue
        out += _cut(s, m.end())
    return out


def _cut(s: Sentence, cut: int) -> list[Sentence]:
    """A sentence cut in two at a document offset, each half with its own gazetteer hits."""
    return [replace(s, end=cut, hits=tuple(h for h in s.hits if h.end <= cut)),
            replace(s, start=cut, hits=tuple(h for h in s.hits if h.start >= cut))]


def label_date(parsed: Sequence[ParsedSentence], si: int) -> list[str]:
    """The date of the label a parsed sentence follows in its paragraph ("10/27/2011:" before "Suspected Maoists
    abducted ..."), as a one-item list; else empty."""
    if si <= 0 or parsed[si - 1].paragraph != parsed[si].paragraph:
        return []
    m = _LABEL_ALONE.fullmatch(parsed[si - 1].sent.text)
    return [m.group("date")] if m else []


def date_phrases(sent: Doc | SpacySpan, acts: Collection[int] | None = None) -> list[str]:
    """DATE entities of a sentence with the preposition before them ("in March"), in text order; not the day a
    source spoke ("told reporters on Wednesday that ...": when it was told, not when it happened), nor when a
    state began ("since 2006"), nor (given the token indices of the sentence's `acts`) a date in a clause that
    describes something else ("dissidents who rejected the 2016 peace deal")."""
    out = []
    for ent in sent.ents:
        if not (ent.label_ == "DATE" or ent.label_ == "TIME" and _DAY_PART.search(ent.text)) or _telling_date(ent) \
                or _describing_date(ent, acts):
            continue  # (a time that names its day is a date: "late on Monday night", "Tuesday morning")
        prev = ent.doc[ent.start - 1] if ent.start > 0 else None
        if (prev is not None and prev.lower_ == "since" or ent[0].lower_ == "since") and not any(
                c.dep_ in ("relcl", "acl", "advcl") and any(w.lower_ == "when" for w in c.children)
                for c in ent.root.children):
            # "fighting the government since 2006", "led since 2014 by …": when a state began (not "the deadliest
            # since August 2021, when a bomber killed 170": the day of the act the clause tells)
            continue
        text = ent.text
        if prev is not None and prev.lower_ in _DATE_PREPS and prev.i >= (sent.start if isinstance(sent, SpacySpan)
                                                                         else 0):
            text = f"{prev.text} {ent.text}"
        out.append(text)
    return out


def _describing_date(ent: SpacySpan, acts: Collection[int] | None = None) -> bool:
    """A date in a clause that describes someone named ("claimed by the X group, a faction that last year joined
    hands with Y"), or (given the sentence's `acts`) anything but an act ("dissidents of the FARC who rejected the
    2016 peace deal"; not "the attack, which took place on Tuesday"): when the describing clause's deed was, not
    the act the sentence tells."""
    t = ent.root
    while t.dep_ not in ("relcl", "ROOT") and t.head.i != t.i:
        t = t.head
    if t.dep_ != "relcl":
        return False
    return t.head.dep_ == "appos" or acts is not None and t.head.i not in acts \
        and not any(w.i in acts for w in t.subtree)


def _telling_date(ent: SpacySpan) -> bool:
    """A date on a reporting verb that reports a clause: "X told reporters on Wednesday that ...", "officials said
    on Monday (that) ..." (the verb's clause tells what happened, and when, itself); the day a deed was claimed
    ("claimed the raid on Wednesday") or a message or statement came out ("in a message posted on Tuesday", "in a
    statement on Monday"): when it was told, not when it happened."""
    from .name_context import document_sources, reporting_verbs

    t = ent.root
    verb = t.head.head if t.dep_ == "pobj" and t.head.dep_ == "prep" else t.head if t.dep_ == "npadvmod" else None
    if verb is None:
        return False
    if verb.pos_ == "ADV" and verb.dep_ == "advmod":
        verb = verb.head  # "said in a communique late on Tuesday that …"
    lemma = verb.lemma_.lower()
    if lemma in reporting_verbs() and any(c.dep_ == "ccomp" for c in verb.children):
        return True
    if lemma in reporting_verbs() and t.i > verb.i and any(
            c.dep_ == "nsubj" and c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].text == "," for c in verb.children):
        return True  # "…, officials said Wednesday.": a trailing attribution's day, however the rest is parsed
    if lemma == "claim" and verb.pos_ == "VERB" or verb.dep_ == "dobj" and verb.head.lemma_.lower() == "claim":
        return True  # "claimed the raid on Wednesday" (the parser may hang the date on the raid)
    documents = document_sources()
    return verb.pos_ == "NOUN" and lemma in documents \
        or verb.dep_ == "acl" and verb.head.lemma_.lower() in documents
