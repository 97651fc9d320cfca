"""Hand-built reports for the resolution tests: each document names actors with its own entity ids
(as extraction does for names outside the gazetteer), so resolution has real work to do."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from claimgraph.records import (
    Claim,
    Document,
    Entity,
    EntityRef,
    Extraction,
    Modality,
    PartialDate,
    Polarity,
    Precision,
    Source,
    SourceKind,
    Span,
    make_id,
    text_id,
)


@dataclass(frozen=True)
class Said:
    """One claim as a report makes it: names as written in the text."""

    subject: str
    predicate: str
    object: str | None
    source: str = "officials"
    kind: SourceKind = SourceKind.ANONYMOUS
    cue: str | None = "said"
    polarity: Polarity = Polarity.AFFIRMED
    modality: Modality = Modality.ASSERTED


def entity_id(doc_id: str, name: str) -> str:
    return make_id("ent", doc_id, name)


def span(text: str, needle: str) -> Span:
    i = text.index(needle)
    return Span(i, i + len(needle), needle)


def sentence(text: str, needle: str) -> Span:
    i = text.index(needle)
    starts = [m.end() for m in re.finditer(r"[.!?]\s+", text[:i])]
    s = starts[-1] if starts else 0
    m = re.search(r"[.!?](\s|$)", text[i:])
    e = i + m.end() if m else len(text)
    e = len(text[:e].rstrip())
    return Span(s, e, text[s:e])


def report(text: str, *, outlet: str, names: Sequence[tuple[str, str]], said: Sequence[Said] = (),
           published: str = "2025-10-07") -> Extraction:
    doc = Document(id=text_id(text), text=text, source=f"{outlet}.txt", outlet=outlet,
                   published=PartialDate(published, Precision.DAY, published))
    entities = tuple(
        Entity(entity_id(doc.id, n), n, t, (), (span(text, n),)) for n, t in names
    )
    by_name = {e.name: e for e in entities}
    claims = []
    for s in said:
        subj = by_name[s.subject]
        obj = by_name[s.object] if s.object else None
        ev = sentence(text, s.subject)
        claims.append(Claim(
            id=make_id("clm", doc.id, subj.id, s.predicate, obj.id if obj else None, s.source, s.polarity),
            doc_id=doc.id, subject=EntityRef(subj.id, subj.name), predicate=s.predicate,
            object=EntityRef(obj.id, obj.name) if obj else None, evidence=ev,
            source=Source(s.source, s.kind, s.cue), polarity=s.polarity, modality=s.modality,
            extractor="test",
        ))
    return Extraction(doc, entities, tuple(claims))
