"""The Extractor contract: input order kept, one bad document never stops a run, n_process works."""

from __future__ import annotations

from pathlib import Path

import pytest

from _extract_helpers import seed_document
from claimgraph.extract import Extractor
from claimgraph.records import Document, Extraction, text_id

pytestmark = pytest.mark.model


def _doc(text: str) -> Document:
    return Document(text_id(text), text)


DOCS = [
    "The Taliban attacked a police post in Kunduz. Officials said the Haqqani network helped the Taliban.",
    "",
    "Nothing happens here at all.",
    "Lashkar-e-Taiba chief Hafiz Saeed met Jaish-e-Mohammed leaders in Lahore, police said.",
]


class _Failing(Extractor):
    """An extractor whose claim stage breaks on one document (the failure path, not a mock of the model)."""

    def _extract_parsed(self, item):  # type: ignore[no-untyped-def]
        if "Nothing happens" in item.doc.text:
            raise RuntimeError("boom")
        return super()._extract_parsed(item)


def test_order_and_empty_documents(extractor: Extractor) -> None:
    docs = [_doc(t) for t in DOCS]
    out = list(extractor.extract_many(docs, batch_size=2))
    assert [x.doc.id for x in out] == [d.id for d in docs]
    assert all(x.error is None for x in out)
    assert out[1].claims == () and out[1].entities == ()
    assert any(c.predicate == "supports" for c in out[0].claims)


def test_a_failing_document_is_reported_and_the_run_goes_on(settings, extractor: Extractor) -> None:  # type: ignore[no-untyped-def]
    failing = _Failing(settings, nlp=extractor.nlp)
    out = list(failing.extract_many([_doc(t) for t in DOCS]))
    assert len(out) == len(DOCS)
    assert out[2].error is not None and out[2].error.stage == "extract" and "boom" in out[2].error.reason
    assert out[0].error is None and out[3].error is None and out[3].entities


def test_two_processes_give_the_same_result(extractor: Extractor, seed_path: Path) -> None:
    docs = [seed_document(seed_path), *(_doc(t) for t in DOCS)]
    one: list[Extraction] = list(extractor.extract_many(docs))
    two: list[Extraction] = list(extractor.extract_many(docs, n_process=2, batch_size=2))
    assert [x.claims for x in two] == [x.claims for x in one]
    assert [x.entities for x in two] == [x.entities for x in one]


def test_two_processes_keep_the_input_order_when_a_long_document_comes_last(
        extractor: Extractor, seed_path: Path) -> None:
    # short reports, then one long document last, which the workers are given before the short ones it follows
    docs = [*(_doc(f"{t} ({i})") for i in range(6) for t in DOCS if t), seed_document(seed_path)]
    one = list(extractor.extract_many(docs, batch_size=1))
    two = list(extractor.extract_many(docs, n_process=2, batch_size=1))
    assert [x.doc.id for x in two] == [d.id for d in docs]
    assert [x.claims for x in two] == [x.claims for x in one]
