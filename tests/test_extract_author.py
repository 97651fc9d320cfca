"""A byline or speaker is credited with what no one else in the text is cited for."""

from __future__ import annotations

from dataclasses import replace

import pytest

from _sample import sample_extraction
from claimgraph.extract.attribution import credit_author
from claimgraph.records import Source, SourceKind


def test_outlet_claims_go_to_the_author_and_cited_sources_stay() -> None:
    x = sample_extraction()
    outlet = Source("Congressional Record", SourceKind.OUTLET)
    claims = [replace(x.claims[0], source=outlet), x.claims[1]]
    events = [replace(x.events[0], responsibility_source=outlet)]
    new_claims, new_events = credit_author(claims, events, "Mr. VAN HOLLEN")
    assert new_claims[0].source == Source("Mr. VAN HOLLEN", SourceKind.NAMED_PERSON, "byline")
    assert new_claims[1].source == x.claims[1].source  # an anonymous source cited in the text keeps the claim
    assert new_events[0].responsibility_source is not None
    assert new_events[0].responsibility_source.name == "Mr. VAN HOLLEN"
    assert credit_author(claims, events, None) == (claims, events)


def test_bylines_of_agencies_and_desks_are_not_people() -> None:
    from claimgraph.extract.attribution import byline_source

    assert byline_source("Reuters").kind is SourceKind.ORGANISATION
    assert byline_source("Web Desk").kind is SourceKind.OUTLET
    assert byline_source("Jane Doe").kind is SourceKind.NAMED_PERSON


@pytest.mark.model
def test_agentless_passive_attribution_is_not_the_outlets_fact(extractor, seed_path) -> None:
    from claimgraph.ingest import load_documents

    doc = next(iter(load_documents([str(seed_path)])))
    claims = extractor.extract(doc).claims
    asset = [c for c in claims if c.predicate == "directs" and c.object and c.object.name == "Mir Shafiq Mengal"]
    assert asset and all(c.source.kind is SourceKind.ANONYMOUS for c in asset)
    assert {c.source.cue for c in asset} == {"has been identified as"}
    branch = [c for c in claims if c.predicate == "branch_of"]
    assert branch and all(c.source.cue != "is said to" for c in branch)  # a description, not what is said
