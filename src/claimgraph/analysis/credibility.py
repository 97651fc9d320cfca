"""Credibility and independence of evidence, as the analyses use them.

The grading stage (`claimgraph.resolve.grading`, docs/grading.md) rates each claim's source (reliability
A–F) and its independent corroboration (credibility 1–6), and groups near-duplicate documents. This module
is the one place the analyses ask for those, through `Grading`:

- credibility of a fact: from its stored grade (weights.yaml `grade_credibility` × `grade_reliability`),
  else the neutral `default_credibility`;
- independence key: the near-duplicate group of its document, so wire copies count once and every other
  report counts on its own. (Corroboration across origins is already in the credibility grade.)

When the grading stage has not run on a store, `NeutralGrading` answers: one credibility for every claim,
each document its own report.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from ..resolve import grading
from ..store import Store
from ..store.grading import doc_groups
from ..store.graph import ClaimRow
from .weights import Weights


class Grading(Protocol):
    def credibility(self, row: ClaimRow) -> float:
        """How far the source of this claim is to be believed, in [0, 1]."""
        ...

    def independence(self, row: ClaimRow) -> str:
        """A key shared by claims that are one report (same document, copy, same original source)."""
        ...

    def credibility_of(self, claim_id: str) -> float:
        """`credibility` of the claim with this id (a whole-store read has no `ClaimRow`s)."""
        ...

    def independence_of(self, doc_id: str) -> str:
        """`independence` of a claim in this document."""
        ...


@dataclass(frozen=True, slots=True)
class NeutralGrading:
    """The documented default: one credibility for every source; each document is an independent report."""

    default: float = 1.0

    def credibility(self, row: ClaimRow) -> float:
        return self.default

    def independence(self, row: ClaimRow) -> str:
        return row.doc_id

    def credibility_of(self, claim_id: str) -> float:
        return self.default

    def independence_of(self, doc_id: str) -> str:
        return doc_id


@dataclass(frozen=True, slots=True)
class StoredGrading:
    """Grades written by the grading stage (`claimgraph.resolve.grading`, tables in `store.grading`).

    A claim's credibility is the weights.yaml value for its Admiralty credibility (1 confirmed … 5
    improbable, 6 cannot be judged) times the value for its source reliability (A … F); a claim without a
    grade gets the neutral default. Near-duplicate documents (wire copies) share one independence key.
    """

    grades: dict[str, tuple[int, str]]  # claim id → (credibility 1-6, reliability A-F)
    groups: dict[str, str]  # doc id → near-duplicate group id
    credibility_values: dict[int, float]
    reliability_values: dict[str, float]
    default: float

    def credibility(self, row: ClaimRow) -> float:
        return self.credibility_of(row.id)

    def independence(self, row: ClaimRow) -> str:
        return self.independence_of(row.doc_id)

    def credibility_of(self, claim_id: str) -> float:
        grade = self.grades.get(claim_id)
        if grade is None:
            return self.default
        cred, rel = grade
        return self.credibility_values.get(cred, self.default) * self.reliability_values.get(rel, 1.0)

    def independence_of(self, doc_id: str) -> str:
        return self.groups.get(doc_id, doc_id)


def grading_for(store: Store, weights: Weights) -> Grading:
    """Stored grades when the grading stage has run on this store; otherwise `NeutralGrading`."""
    grades = {cid: (g.credibility, g.reliability) for cid, g in grading.stored_grades(store).items()}
    groups = doc_groups(store)
    if not grades and not groups:
        return NeutralGrading(weights.default_credibility)
    return StoredGrading(
        grades, groups, weights.grade_credibility, weights.grade_reliability, weights.default_credibility
    )
