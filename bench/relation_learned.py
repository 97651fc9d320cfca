"""The product beside the product with the learned relation classifier switched on, for bench/claimgold.py.

The product's own learned part is what is measured here, so this module reaches into the extractor's lexicons
to switch it on; the scoring module (claimgold.py) does not (tests/test_bench_halves.py holds scoring code to
that).
"""

from __future__ import annotations

from dataclasses import replace

from claimgraph.extract.learned.relation_model import packaged_model

from .claimgold import metrics_of
from .product import extractor


def with_learned(tests: dict[str, list[dict]]) -> dict[str, dict[str, float]]:
    """Claim metrics of each set of gold items with the shipped relation classifier added to the rules (the
    setting `nlp.relation_model`); {} when no model is shipped."""
    model = packaged_model()
    if model is None:
        return {}
    x = extractor()
    before = x.lex
    try:
        x.lex = replace(before, relation_model=model)
        return {name: metrics_of(part)[0] for name, part in tests.items()}
    finally:
        x.lex = before
