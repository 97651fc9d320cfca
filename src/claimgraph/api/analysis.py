"""Routes over `claimgraph.analysis`: convergence pairs, brokers, and what changed since a date.

Each calls the same function the CLI and the report call and answers its records' `to_json()`, paged."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Query

from .. import analysis
from .routes import Limit, Offset, StoreDep
from .schemas import Page
from .views import page

router = APIRouter(tags=["analysis"])

AsOf = Annotated[date | None, Query(description="Score as of this day (default: the latest evidence).")]


@router.get("/convergence", response_model=Page[dict[str, Any]], summary="Pairs of groups coming together")
def convergence(
    store: StoreDep,
    limit: Limit = 20,
    offset: Offset = 0,
    since: Annotated[date | None, Query(description="Leave out evidence dated before this day.")] = None,
    as_of: AsOf = None,
    window_days: Annotated[int, Query(ge=1, le=3650, description="Length of each trend window.")] = 90,
    converging: Annotated[bool, Query(description="Only pairs with a positive score.")] = False,
) -> dict[str, Any]:
    """Pairs ranked by convergence score, each with its signals (shared person, sponsor, place, direct
    tie, hostility …), the claims behind every signal and the score's trend window by window."""
    pairs = analysis.convergence(store, since=since, as_of=as_of, window=timedelta(days=window_days))
    if converging:
        pairs = [p for p in pairs if p.converging]
    return page(pairs, limit, offset, lambda p: p.to_json())


@router.get("/brokers", response_model=Page[dict[str, Any]], summary="Actors bridging separate groups")
def brokers(store: StoreDep, limit: Limit = 20, offset: Offset = 0, as_of: AsOf = None) -> dict[str, Any]:
    """People and organisations ranked by how much they bridge groups with no direct tie of their own."""
    return page(analysis.brokers(store, as_of=as_of), limit, offset, lambda b: b.to_json())


@router.get("/changes", summary="What is new since a date")
def changes(
    store: StoreDep,
    since: Annotated[date, Query(description="First day to report (YYYY-MM-DD).")],
    limit: Limit = 50,
    offset: Offset = 0,
    as_of: AsOf = None,
) -> dict[str, Any]:
    """New actors, new ties, pairs that crossed the emergence threshold and newly disputed claims. Each of
    the four lists is paged by the same `limit`/`offset`; `totals` gives their full lengths."""
    found = analysis.changes(store, since, as_of=as_of).to_json()
    lists = ("new_actors", "new_ties", "alerts", "disputed")
    out: dict[str, Any] = {
        "since": found["since"],
        "as_of": found["as_of"],
        "limit": limit,
        "offset": offset,
        "totals": {k: len(found[k]) for k in lists},
    }
    for key in lists:
        out[key] = found[key][offset : offset + limit]
    return out
