"""Helpers for the nlp/extract tests: hand-built spaCy Docs and the seed article as a Document."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

import spacy
from spacy.tokens import Doc

from claimgraph.records import Claim, Document, Extraction, PartialDate, Precision, text_id

VOCAB = spacy.blank("en").vocab


def make_doc(
    words: Sequence[str], *, heads: Sequence[int] | None = None, deps: Sequence[str] | None = None,
    pos: Sequence[str] | None = None, lemmas: Sequence[str] | None = None, ents: Sequence[str] | None = None,
) -> Doc:
    """A parsed Doc by hand. `heads` are absolute token indices; `ents` IOB tags like "B-PERSON"."""
    n = len(words)
    return Doc(
        VOCAB, words=list(words), spaces=[True] * n,
        heads=list(heads) if heads is not None else None, deps=list(deps) if deps is not None else None,
        pos=list(pos) if pos is not None else None,
        lemmas=list(lemmas) if lemmas is not None else [w.lower() for w in words],
        ents=list(ents) if ents is not None else None,
    )


def seed_document(seed_path: Path) -> Document:
    """The seed article as the ingest stage gives it: cleaned text, outlet and publication date."""
    from claimgraph.ingest.clean import clean_text

    cleaned = clean_text(seed_path.read_text("utf-8"))
    return Document(text_id(cleaned.text), cleaned.text, source=str(seed_path), title=cleaned.title,
                    outlet="ThePrint", published=PartialDate("2025-10-07", Precision.DAY))


def claims_of(x: Extraction, predicate: str, subject: str | None = None, obj: str | None = None) -> list[Claim]:
    """Claims of a predicate whose subject / object names contain the given text (either order if symmetric)."""

    def has(name: str | None, want: str | None) -> bool:
        return want is None or (name is not None and want.lower() in name.lower())

    out = []
    for c in x.claims:
        if c.predicate != predicate:
            continue
        o = c.object.name if c.object else None
        symmetric = predicate in {"cooperates_with", "met_with", "associated_with"}
        if has(c.subject.name, subject) and has(o, obj) or symmetric and has(o, subject) and has(c.subject.name, obj):
            out.append(c)
    return out


@cache
def _extractor():  # noqa: ANN202 - an Extractor, built once per test process
    from claimgraph.config import load_settings
    from claimgraph.extract import Extractor

    return Extractor(load_settings())


def claim_triples(text: str, published: str | None = None) -> set[tuple[str, str, str]]:
    """(subject, predicate, object or "") of each claim the product extracts from one text."""
    return {(c.subject.name, c.predicate, c.object.name if c.object else "")
            for c in extract_text(text, published).claims}


def extract_text(text: str, published: str | None = None) -> Extraction:
    """The product's extraction of one text, as a test document (published on an ISO day, when given)."""
    from claimgraph.records import PartialDate, Precision

    day = PartialDate(published, Precision.DAY) if published else None
    return _extractor().extract(Document(text_id(text), text, source="test", published=day))
