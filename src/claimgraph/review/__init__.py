"""Analyst review: accept, reject or correct what the machine extracted, before anything is trusted.

    review(store, "clm_…", "rejected", reviewer="ana", reason="a folk myth, not a claim") -> Review
    review(store, "evt_…", "corrected", reviewer="ana", correction={"killed": 12, "place": "Quetta"})
    undo(store, review.id)

A rejected claim or event leaves the graph, the analyses, the brief and the exports' default view, but stays
queryable (`review="rejected"` / `"all"`); a corrected one keeps the machine's values beside the analyst's
(`Review.machine`, `Review.correction`); corrections of a claim's predicate, polarity, modality and role stand
in the analyses. Every review is a judgement with who, when and why, undone exactly by `undo`.
"""

from __future__ import annotations

import getpass
import re
from typing import Any

from ..errors import UsageError
from ..ontology import load_ontology
from ..store import Store
from ..store.reviews import KINDS, Review, add_review, current, item_body, review_counts, reviews, undo_review

__all__ = ["CORRECTABLE", "Review", "current", "kind_of", "review", "review_counts", "reviews", "undo"]

#: Fields an analyst may correct, per kind of item, with how a value is checked.
CORRECTABLE: dict[str, tuple[str, ...]] = {
    "claim": ("predicate", "polarity", "modality", "role"),
    "event": ("type", "mode", "perpetrators", "targets", "place", "date", "killed", "wounded", "responsibility"),
    "attribution": ("source", "cue", "content", "kind"),
}
_PREFIX = {"clm_": "claim", "evt_": "event", "att_": "attribution", "stm_": "attribution"}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def kind_of(item_id: str) -> str:
    """The kind of item an id names, from its prefix."""
    for prefix, kind in _PREFIX.items():
        if item_id.startswith(prefix):
            return kind
    raise UsageError(f"cannot tell what {item_id!r} is: claim ids start with clm_, event ids with evt_")


def default_reviewer() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "analyst"


def _check(kind: str, correction: dict[str, Any]) -> None:
    allowed = CORRECTABLE[kind]
    unknown = sorted(set(correction) - set(allowed))
    if unknown:
        raise UsageError(f"cannot correct {', '.join(unknown)} of a {kind}; correctable: {', '.join(allowed)}")
    ontology = load_ontology()
    checks = {
        "predicate": lambda v: v in ontology.predicates,
        "polarity": lambda v: v in ("affirmed", "negated"),
        "modality": lambda v: v in ("asserted", "hedged", "intended"),
        "type": lambda v: v in ontology.event_types,
        "date": lambda v: isinstance(v, str) and bool(_DATE.match(v)),
        "killed": _count_ok,
        "wounded": _count_ok,
        "perpetrators": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
        "targets": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
    }
    for field, value in correction.items():
        check = checks.get(field)
        if check is not None and not check(value):
            raise UsageError(f"{field}={value!r} is not a valid value for a {kind}'s {field}",
                             detail={"field": field})


def _count_ok(value: object) -> bool:
    if isinstance(value, int) and not isinstance(value, bool):
        return value >= 0
    return isinstance(value, dict) and set(value) <= {"min", "max"} and all(
        v is None or (isinstance(v, int) and v >= 0) for v in value.values())


def review(
    store: Store, item_id: str, verdict: str, *, reviewer: str | None = None, reason: str = "",
    correction: dict[str, Any] | None = None, kind: str | None = None,
) -> Review:
    """Record an analyst's verdict on one item (see the module doc). Raises NotFound for an unknown item."""
    kind = kind or kind_of(item_id)
    if kind not in KINDS:
        raise UsageError(f"unknown item kind {kind!r}; use one of: {', '.join(KINDS)}")
    body = item_body(store, kind, item_id)
    machine = None
    if verdict == "corrected":
        if not correction:
            raise UsageError("a correction needs at least one field=value")
        _check(kind, correction)
        machine = {k: body.get(k) for k in correction}
    elif correction:
        raise UsageError(f"only a correction carries values; {verdict!r} takes none")
    return add_review(store, kind, item_id, verdict, reviewer=reviewer or default_reviewer(), reason=reason,
                      correction=correction, machine=machine)


def undo(store: Store, review_id: str) -> Review:
    return undo_review(store, review_id)
