"""The seed article's statements: its anonymous sources, its officials and its two long quotations."""

from __future__ import annotations

from pathlib import Path

import pytest

from _extract_helpers import seed_document
from claimgraph.records import Extraction, Statement, StatementKind

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def seed(extractor, seed_path: Path) -> Extraction:  # type: ignore[no-untyped-def]
    x = extractor.extract(seed_document(seed_path))
    assert x.error is None, x.error
    return x


def _by_source(x: Extraction, source: str) -> list[Statement]:
    return [s for s in x.attributions if s.source is not None and s.source.text == source]


def test_spans_match_the_text(seed: Extraction) -> None:
    text = seed.doc.text
    assert len(seed.attributions) >= 10
    for s in seed.attributions:
        assert s.cue.check(text) and s.content.check(text), s
        assert s.source is None or s.source.check(text), s
        assert not s.content.text.startswith(("“", "\"")) and not s.content.text.endswith(("”", "\""))


def test_the_anonymous_indian_sources(seed: Extraction) -> None:
    [said] = _by_source(seed, "sources in the Indian defence and security establishment")
    assert said.kind is StatementKind.ANONYMOUS and said.cue.text == "said"
    # the sentence's connective is not what they said
    assert said.content.text.startswith("the ISKP, a sub-continental") and said.content.text.endswith("(ISI)")
    # "is said to have vowed", with exactly the scope of what the sources said, is no statement of its own
    assert not [s for s in seed.attributions if s.parent == said.id]
    # the standfirst, where nobody is named, keeps it as an agentless statement
    standfirst = [s for s in seed.attributions if s.cue.text == "is said" and s.content.end < said.cue.start]
    assert standfirst and standfirst[0].kind is StatementKind.NONE and standfirst[0].source is None


def test_officials(seed: Extraction) -> None:
    emphasised = [s for s in _by_source(seed, "officials") if s.cue.text == "emphasised"]
    assert emphasised and emphasised[0].kind is StatementKind.ANONYMOUS
    assert emphasised[0].content.text.startswith("The entire coalition was well-established")
    [pointed] = _by_source(seed, "Officials")
    assert pointed.cue.text == "pointed out" and pointed.content.text.startswith("the new collaboration")


def test_another_source_and_the_death_squad_quotation(seed: Extraction) -> None:
    [told] = _by_source(seed, "another source")
    assert told.kind is StatementKind.ANONYMOUS and told.cue.text == "told ThePrint"
    # the whole quotation, both of its sentences, without its quote marks (the comma inside them is the source's)
    assert told.content.text.startswith("He (Mengal) had been presiding over a private death squad")
    assert told.content.text.endswith("prepared by Pakistan’s investigative agencies,")


def test_the_isi_supervision_quotation(seed: Extraction) -> None:
    [explained] = _by_source(seed, "the source")
    assert explained.cue.text == "explained" and explained.kind is StatementKind.ANONYMOUS
    assert explained.content.text.startswith("The LeT–ISKP collaboration under ISI’s supervision")
    assert explained.content.text.endswith("across South Asia,")


def test_claims_link_to_their_statements(seed: Extraction) -> None:
    ids = {s.id for s in seed.attributions}
    title = seed.doc.text.split("\n", 1)[0]
    for c in seed.claims:
        if c.evidence.text in title or c.evidence.start < seed.doc.text.find("New Delhi:"):
            continue  # the headline is the outlet's own
        assert c.statement in ids, (c.predicate, c.subject.name, c.evidence.text[:80])
