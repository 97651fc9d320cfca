"""The rules alone beside the product (rules and the relation classifier), for bench/claimgold.py.

The product's own learned part is what is measured here, so this module reaches into the extractor's lexicons
to switch it off; the scoring module (claimgold.py) does not (tests/test_bench_halves.py holds scoring code to
that).
"""

from __future__ import annotations

from dataclasses import replace

from .claimgold import metrics_of
from .product import extractor


def rules_alone(tests: dict[str, list[dict]]) -> dict[str, dict[str, float]]:
    """Claim metrics of each set of gold items with the shipped relation classifier switched off."""
    x = extractor()
    before = x.lex
    try:
        x.lex = replace(before, relation_model=None)
        return {name: metrics_of(part)[0] for name, part in tests.items()}
    finally:
        x.lex = before
