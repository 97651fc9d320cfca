"""Helpers for the event tests: parse a text with the configured pipeline and run the event finder.

Entities are read straight off the parsed Doc (gazetteer + NER), so these tests exercise the event
finder on its own, independent of the claims extractor's entity merging.
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language

from claimgraph.config import load_settings
from claimgraph.extract.events import find_events
from claimgraph.extract.types import ExtractContext, ParsedSentence
from claimgraph.nlp.pipeline import gazetteer_of, load_pipeline
from claimgraph.nlp.segment import paragraphs
from claimgraph.ontology import load_ontology
from claimgraph.records import Document, Entity, Event, PartialDate, Precision, Span, make_id, text_id
from claimgraph.resolve.places import PlaceResolver

_LABELS = {"ORG": "organisation", "PERSON": "person", "NORP": "group_identity", "GPE": "place", "LOC": "place",
           "FAC": "facility"}


@cache
def pipeline() -> Language:
    return load_pipeline(load_settings())


@cache
def places() -> PlaceResolver:
    return PlaceResolver()


def parse(text: str) -> list[ParsedSentence]:
    doc = pipeline()(text)
    paras = paragraphs(text)

    def paragraph_of(start: int) -> int:
        return next((i for i, (s, e) in enumerate(paras) if s <= start < e), 0)

    return [ParsedSentence(s.start_char, s, paragraph_of(s.start_char)) for s in doc.sents if s.text.strip()]


def entities_of(parsed: list[ParsedSentence], text: str) -> list[Entity]:
    """One Entity per distinct (type, name) among the parsed sentences' entity spans."""
    by_key: dict[tuple[str, str], list[Span]] = {}
    ids: dict[tuple[str, str], str] = {}
    for ps in parsed:
        for ent in ps.sent.ents:
            etype = _LABELS.get(ent.label_, ent.label_.lower() if ent.kb_id_ else None)
            if etype is None:
                continue
            key = (etype, ent.kb_id_ or ent.text)
            start = ps.start + ent.start_char - ps.sent.start_char
            by_key.setdefault(key, []).append(Span(start, start + len(ent.text), text[start : start + len(ent.text)]))
            ids.setdefault(key, ent.kb_id_ or make_id("ent", etype, ent.text))
    actors = gazetteer_of(pipeline()).gazetteer.actors
    return [Entity(ids[k], actors[ids[k]].name if ids[k] in actors else spans[0].text, k[0], (), tuple(spans),
                   ("gazetteer",) if ids[k] in actors else ())
            for k, spans in by_key.items()]


def events_in(text: str, published: str | None = None) -> list[Event]:
    pub = None
    if published:
        pub = PartialDate(published, {4: Precision.YEAR, 7: Precision.MONTH}.get(len(published), Precision.DAY))
    doc = Document(text_id(text), text, published=pub)
    parsed = parse(text)
    ctx = ExtractContext(doc=doc, ontology=load_ontology(), published=pub,
                         place_resolver=places().resolve, paragraphs=tuple(paragraphs(text)))
    return find_events(doc, parsed, entities_of(parsed, text), ctx)
