"""Rules beside rules plus the learned relation classifier, for bench/claimgold.py.

The product's own learned part is what is measured here, so this module imports it; the scoring module
(claimgold.py) does not (tests/test_bench_halves.py holds scoring code to that).
"""

from __future__ import annotations

from dataclasses import replace

from claimgraph.extract.learned.relation_model import RelationModel
from claimgraph.extract.learned.relation_train import choose_threshold, cross_validate, examples, fit

from .claimgold import metrics_of
from .product import extractor


def with_learned(tests: dict[str, list[dict]], tunes: list[dict]) -> dict[str, dict[str, float]]:
    """Claim metrics of each test half with the relation classifier trained on `tunes` added to the rules."""
    x = extractor()
    data = examples(x, tunes)
    model = RelationModel.from_data({**fit(data), "threshold": choose_threshold(cross_validate(data))})
    before = x.lex
    try:
        x.lex = replace(before, relation_model=model)
        return {name: metrics_of(part)[0] for name, part in tests.items()}
    finally:
        x.lex = before
