"""Admiralty (NATO STANAG 2511) grades of claims, as exports carry them, and their STIX `confidence`.

Grades come from the grading stage (`claimgraph.resolve.grading`), as its last run stored them; a claim
without a grade is credibility 6, "truth cannot be judged", and source reliability F,
"reliability cannot be judged" — never a guess. The STIX mapping is the one in the STIX 2.1 specification,
appendix A ("Admiralty Credibility"): 6 has no confidence value, so the property is left out.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import UsageError
from ..records import Claim
from ..resolve.grading import CREDIBILITY_LABELS, RELIABILITY_LABELS
from ..store import Store

# STIX 2.1 appendix A: Admiralty credibility → STIX confidence (0-100); 6 → no value.
STIX_CONFIDENCE: dict[int, int | None] = {1: 90, 2: 70, 3: 50, 4: 30, 5: 10, 6: None}


@dataclass(frozen=True, slots=True)
class Grade:
    """An Admiralty grade: source reliability A-F and information credibility 1-6 (1 is best)."""

    credibility: int = 6
    reliability: str = "F"
    graded: bool = False  # False when no grader judged the claim (the defaults above)
    disputed: bool = False  # another source contradicts it
    corroboration: int = 0  # independent origins saying the same thing
    reason: str = ""  # the grading stage's explanation

    @property
    def code(self) -> str:
        return f"{self.reliability}{self.credibility}"

    @property
    def label(self) -> str:
        return f"{RELIABILITY_LABELS[self.reliability]}; {CREDIBILITY_LABELS[self.credibility]}"

    @property
    def describe(self) -> str:
        """'Admiralty B3 (usually reliable; possibly true), disputed: <reason>' — for notes and summaries."""
        text = f"Admiralty {self.code} ({self.label})"
        if not self.graded:
            return text + ", not graded"
        return text + (", disputed" if self.disputed else "") + (f": {self.reason}" if self.reason else "")

    def to_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "credibility": self.credibility,
            "reliability": self.reliability,
            "graded": self.graded,
            "disputed": self.disputed,
            "corroboration": self.corroboration,
            "reason": self.reason,
        }

    @property
    def stix_confidence(self) -> int | None:
        return STIX_CONFIDENCE[self.credibility]


UNKNOWN = Grade()
Grader = Callable[[Claim], Grade]


def check_min_credibility(value: int | None) -> int | None:
    if value is not None and value not in CREDIBILITY_LABELS:
        raise UsageError(
            f"--min-credibility must be an Admiralty credibility from 1 (confirmed) to 6 (cannot be judged), "
            f"not {value}"
        )
    return value


def passes(grade: Grade, min_credibility: int | None) -> bool:
    """Admiralty numbers grow as credibility falls: `--min-credibility 3` keeps grades 1, 2 and 3."""
    return min_credibility is None or grade.credibility <= min_credibility


def load_grader(store: Store) -> Grader:
    """The grades the grading stage stored (`claimgraph.resolve.grading.stored_grades`), read once.

    A claim the grading stage has not graded (no grading run yet, or a claim stored since) is UNKNOWN. A
    database made before grading existed has no grade table: every claim is then UNKNOWN too.
    """
    from ..resolve.grading import stored_grades

    try:
        stored = stored_grades(store)
    except sqlite3.OperationalError:  # no claim_grades table in an old, read-only database
        return lambda claim: UNKNOWN
    table = {
        cid: Grade(g.credibility, g.reliability, True, g.disputed, g.corroboration, g.reason)
        for cid, g in stored.items()
        if g.credibility in CREDIBILITY_LABELS and g.reliability in RELIABILITY_LABELS
    }
    return lambda claim: table.get(claim.id, UNKNOWN)
