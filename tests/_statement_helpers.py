"""Extract with the real pipeline and check every statement's spans reproduce the text (shared by the
statement test modules)."""

from __future__ import annotations

from claimgraph.records import Document, Extraction, Statement, text_id


def extract_checked(extractor, text: str, outlet: str | None = None) -> Extraction:  # type: ignore[no-untyped-def]
    x = extractor.extract(Document(text_id(text), text, outlet=outlet))
    assert x.error is None, x.error
    for s in x.attributions:
        assert s.cue.check(text) and s.content.check(text), s
        assert s.source is None or s.source.check(text), s
    return x


def by_cue(x: Extraction, cue: str) -> Statement:
    found = [s for s in x.attributions if s.cue.text == cue]
    assert found, (cue, [(s.cue.text, s.content.text) for s in x.attributions])
    return found[0]
