"""The product as the benchmarks run it, and the bare spaCy model their baselines use.

The product is run the way `claimgraph extract` runs it: one `Extractor(load_settings())`, built once per
process and shared by every benchmark. Scoring code never reaches into the product beyond its output records.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from claimgraph.config import load_settings
from claimgraph.records import Document, Event, Extraction, Quantity, text_id

VIOLENT = ("ASSAULT", "FIGHT")


@cache
def extractor() -> Any:  # noqa: ANN401 - a claimgraph.extract.Extractor
    from claimgraph.extract import Extractor

    return Extractor(load_settings())


@cache
def bare_nlp() -> Any:  # noqa: ANN401 - a spaCy Language
    """The configured spaCy model as spaCy ships it, with none of claimgraph's components."""
    import spacy

    return spacy.load(load_settings().nlp.model)


def extract_texts(texts: Sequence[str]) -> list[Extraction]:
    """One extraction per text (short reports: no ingest cleaning), in order."""
    docs = [Document(text_id(t), t, source="bench") for t in texts]
    return list(extractor().extract_many(docs))


def first_event(events: Sequence[Event], types: Sequence[str] | None = None) -> Event | None:
    return next((e for e in events if types is None or e.type in types), None)


def point(q: Quantity | None) -> int | None:
    """A count as one number: the exact value, else the lower bound, else the upper bound."""
    if q is None:
        return None
    return q.min if q.min is not None else q.max


def entity_forms(x: Extraction, entity_id: str, name: str) -> list[str]:
    """A predicted actor's name, aliases and mention texts (as `claimgraph score` widens a reference)."""
    for e in x.entities:
        if e.id == entity_id:
            return [name, e.name, *e.aliases, *(m.text for m in e.mentions)]
    return [name]
