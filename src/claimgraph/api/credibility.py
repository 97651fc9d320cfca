"""Credibility of claims for the explorer, read from the grades `claimgraph.resolve.grading` stored.

Grades follow the Admiralty (NATO) scale: source reliability A–F and information credibility 1–6. The page
needs one number to filter and size ties by, so credibility 1 (confirmed) … 5 (improbable) maps to
1.0 … 0.2; 6 ("truth cannot be judged") maps to no number at all, like an ungraded claim. The explorer never
invents a score: without stored grades it shows none and sizes ties by the claims behind them."""

from __future__ import annotations

from typing import Any

from ..records import Claim
from ..resolve.grading import CREDIBILITY_LABELS as CREDIBILITY_WORDS  # one Admiralty table for every view
from ..resolve.grading import RELIABILITY_LABELS as RELIABILITY_WORDS
from ..resolve.grading import Grade, stored_grades
from ..store import Store

#: Admiralty credibility → the number the page filters on. 6 ("cannot be judged") has none.
CREDIBILITY_SCALE: dict[int, float] = {1: 1.0, 2: 0.8, 3: 0.6, 4: 0.4, 5: 0.2}


class Grades:
    """Stored grades for one request, read once on first use."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._rows: dict[str, Grade] | None = None

    @property
    def rows(self) -> dict[str, Grade]:
        if self._rows is None:
            self._rows = stored_grades(self.store)
        return self._rows

    @property
    def available(self) -> bool:
        return bool(self.rows)

    def credibility(self, claim: Claim) -> float | None:
        row = self.rows.get(claim.id)
        return None if row is None else CREDIBILITY_SCALE.get(row.credibility)

    def grade(self, claim: Claim) -> dict[str, Any] | None:
        row = self.rows.get(claim.id)
        if row is None:
            return None
        return {
            **row.to_json(),
            "label": f"{row.reliability}{row.credibility}",
            "reliability_text": RELIABILITY_WORDS.get(row.reliability, row.reliability),
            "credibility_text": CREDIBILITY_WORDS.get(row.credibility, str(row.credibility)),
        }
