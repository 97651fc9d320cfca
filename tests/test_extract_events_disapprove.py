"""Accusations, criticism and rejections are PLOVER DISAPPROVE / REJECT events, from the lexicon (data)."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from claimgraph.ontology import load_ontology
from claimgraph.records import Document, text_id

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("The government of Sudan accused Chad of supporting the rebels in Darfur.", "DISAPPROVE"),
        ("Pakistan condemned the Indian Army's strike on the Line of Control.", "DISAPPROVE"),
        ("The Taliban rejected the peace proposal put forward by the Afghan government.", "REJECT"),
    ],
)
def test_disapproval_and_rejection(extractor, text: str, etype: str) -> None:
    x = extractor.extract(Document(id=text_id(text), text=text))
    assert etype in {e.type for e in x.events}
    for e in x.events:
        assert text[e.evidence.start : e.evidence.end] == e.evidence.text


def test_every_lexicon_mode_has_a_plover_type() -> None:
    ontology = load_ontology()
    lexicon = yaml.safe_load(resources.files("claimgraph.ontology").joinpath("events.yaml").read_text("utf-8"))
    for trigger in lexicon["triggers"]:
        assert ontology.event_type_of_mode(trigger["mode"]) is not None, trigger["mode"]
