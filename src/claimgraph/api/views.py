"""Records → the JSON the explorer shows: claims and events with their document context, documents with
their spans, pages of lists. Pure functions over records and the store's read methods; no SQL here."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from ..contract import claim_to_json, event_to_json
from ..ontology import Ontology
from ..records import Claim, Event, Modality, PartialDate, Span
from ..store import Store
from .credibility import Grades

T = TypeVar("T")

#: Longest stretch of text shown on either side of an evidence span when finding its sentence.
CONTEXT_REACH = 320
_SENTENCE_END = re.compile(r"(?:[.!?][\"'”’)\]]*\s+)|\n")


def page(
    items: Sequence[T], limit: int, offset: int, render: Callable[[T], Any] | None = None
) -> dict[str, Any]:
    """One page of an already-filtered list, with the total the page was cut from; `render` turns each row
    of the page (only those) into its JSON."""
    rows = items[offset : offset + limit]
    return {
        "total": len(items),
        "limit": limit,
        "offset": offset,
        "items": [render(r) for r in rows] if render else list(rows),
    }


# -- dates ---------------------------------------------------------------------------------------------


def period(value: str, end: str | None = None) -> tuple[str, str]:
    """The first and last day a partial date covers, as ISO strings: '2025-03' → ('2025-03-01', '2025-03-31').

    Months are closed at day 31 so that string comparison stays correct without a calendar."""
    last = end or value
    return value + "0000-01-01"[len(value) :], last + "9999-12-31"[len(last) :]


def overlaps(when: tuple[str, str] | None, since: str | None, until: str | None) -> bool:
    """True when a period overlaps [since, until]; an undated record passes only an open range."""
    if since is None and until is None:
        return True
    if when is None:
        return False
    lo, hi = when
    return (since is None or hi >= period(since)[0]) and (until is None or lo <= period(until)[1])


@dataclass(frozen=True, slots=True)
class DocInfo:
    """What a claim's card needs to know about its document (and the text, for the context sentence)."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    source: str
    url: str | None
    opening: str = ""  # the first words of the text, to name an untitled document

    def ref(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "source": self.source,
            "url": self.url,
            "opening": self.opening,
        }


class DocCache:
    """Documents read once per request: claims of one document share its text and metadata."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._docs: dict[str, tuple[DocInfo, str]] = {}

    def get(self, doc_id: str) -> tuple[DocInfo, str]:
        if doc_id not in self._docs:
            d = self.store.document(doc_id)
            info = DocInfo(
                d.id, d.title, d.outlet, d.published.value if d.published else None, d.source, d.url,
                " ".join(d.text[:200].split()[:12]),
            )
            self._docs[doc_id] = (info, d.text)
        return self._docs[doc_id]

    def published(self, doc_id: str) -> str | None:
        return self.get(doc_id)[0].published


def claim_when(c: Claim, docs: DocCache) -> tuple[str, str] | None:
    """When a claim is about: its own time if the text gives one, else the day its document was published."""
    if c.time is not None:
        return period(c.time.value, c.time.end)
    published = docs.published(c.doc_id)
    return period(published) if published else None


# -- context: the sentence around a span, with what to highlight in it -----------------------------------


def sentence_bounds(text: str, span: Span) -> tuple[int, int]:
    """The sentence(s) holding `span`: from the end of the previous sentence to the end of the last one.

    Hand-written rather than re-parsed with spaCy: the API must answer without loading a model, and the
    span itself already comes from the parser, so only its edges need widening."""
    lo = max(0, span.start - CONTEXT_REACH)
    start = lo
    for m in _SENTENCE_END.finditer(text, lo, span.start):
        start = m.end()
    if start == lo and lo > 0:
        space = text.find(" ", lo, span.start)
        start = space + 1 if space >= 0 else lo
    hi = min(len(text), span.end + CONTEXT_REACH)
    m = _SENTENCE_END.search(text, max(span.end - 1, span.start), hi)
    end = max(m.end() if m else hi, span.end)
    while end > span.end and text[end - 1].isspace():
        end -= 1
    while start < span.start and text[start].isspace():
        start += 1
    return start, end


def _find_all(text: str, needle: str, lo: int, hi: int) -> Iterable[tuple[int, int]]:
    if not needle:
        return
    i = text.find(needle, lo, hi)
    while i >= 0:
        yield i, i + len(needle)
        i = text.find(needle, i + len(needle), hi)


def context_for(
    text: str, evidence: Span, marks: Iterable[tuple[int, int, str]] = (), cues: Iterable[str] = ()
) -> dict[str, Any]:
    """The sentence around `evidence` with highlight ranges relative to it: the evidence span itself, the
    given document-level marks (actor mentions) and the words that set modality or name the source."""
    start, end = sentence_bounds(text, evidence)
    highlights = [{"start": evidence.start - start, "end": evidence.end - start, "kind": "evidence"}]
    for s, e, kind in marks:
        if s >= start and e <= end:
            highlights.append({"start": s - start, "end": e - start, "kind": kind})
    for cue in cues:
        for s, e in _find_all(text, cue, evidence.start, evidence.end):
            highlights.append({"start": s - start, "end": e - start, "kind": "cue"})
    highlights.sort(key=lambda h: (h["start"], -h["end"]))
    return {"start": start, "end": end, "text": text[start:end], "highlights": highlights}


class Views:
    """Builds the API's JSON for one request: shares document reads, mentions and grades between records."""

    def __init__(self, store: Store, ontology: Ontology, grades: Grades) -> None:
        self.store = store
        self.ontology = ontology
        self.grades = grades
        self.docs = DocCache(store)
        self._members: dict[str, list[str]] = {}
        self._mentions: dict[str, list[dict[str, Any]]] = {}
        self._reviews: dict[str, dict[str, Any]] = {}

    def review(self, kind: str, item_id: str) -> dict[str, Any] | None:
        """The review in force for an item (reviews are few: read once per request and kind)."""
        if kind not in self._reviews:
            from ..store.reviews import current

            self._reviews[kind] = {k: r.to_json() for k, r in current(self.store, kind).items()}
        return self._reviews[kind].get(item_id)

    def actor_of(self, entity_id: str) -> str:
        return self.store.actor_id(entity_id)

    def members(self, actor_id: str) -> list[str]:
        if actor_id not in self._members:
            self._members[actor_id] = self.store.members(actor_id)
        return self._members[actor_id]

    def mentions(self, doc_id: str) -> list[dict[str, Any]]:
        if doc_id not in self._mentions:
            self._mentions[doc_id] = self.store.mentions(doc_id)
        return self._mentions[doc_id]

    def _actor_marks(self, doc_id: str, roles: dict[str, str]) -> list[tuple[int, int, str]]:
        ids = {eid: role for actor, role in roles.items() for eid in self.members(actor)}
        return [
            (m["start"], m["end"], ids[m["entity_id"]])
            for m in self.mentions(doc_id)
            if m["entity_id"] in ids
        ]

    def predicate_label(self, name: str) -> str:
        p = self.ontology.predicates.get(name)
        return p.label if p else name

    def claim(self, c: Claim) -> dict[str, Any]:
        info, text = self.docs.get(c.doc_id)
        roles = {c.subject.id: "subject"}
        if c.object is not None:
            roles[c.object.id] = "object"
        cues = [*c.cues, *([c.source.cue] if c.source.cue else [])]
        out = claim_to_json(c)
        out["subject"]["actor_id"] = self.actor_of(c.subject.id)
        if out["object"] is not None and c.object is not None:
            out["object"]["actor_id"] = self.actor_of(c.object.id)
        out["predicate_label"] = self.predicate_label(c.predicate)
        out["time_text"] = c.time.text if c.time else None
        out["document"] = info.ref()
        out["context"] = context_for(text, c.evidence, self._actor_marks(c.doc_id, roles), cues)
        out["credibility"] = self.grades.credibility(c)
        out["grade"] = self.grades.grade(c)
        out["review"] = self.review("claim", c.id)
        return out

    def event(self, ev: Event) -> dict[str, Any]:
        info, text = self.docs.get(ev.doc_id)
        roles = {r.id: "subject" for r in ev.perpetrators} | {r.id: "object" for r in ev.targets}
        out = event_to_json(ev)
        out["document"] = info.ref()
        out["context"] = context_for(text, ev.evidence, self._actor_marks(ev.doc_id, roles))
        out["review"] = self.review("event", ev.id)
        return out


def is_hedged(c: Claim) -> bool:
    """Not stated as fact: hedged ('signs indicating', 'is said to') or only intended."""
    return c.modality is not Modality.ASSERTED


def date_text(d: PartialDate | None) -> str | None:
    return None if d is None else d.value
