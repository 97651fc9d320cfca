"""Routes over `claimgraph.analysis`: convergence pairs, brokers, and what changed since a date.

Each calls the same function the CLI and the report call and answers its records' `to_json()`, paged. Results
are cached per database state (see `AnalysisCache`): the analyses take about a second on a large store, and
the page asks for them on every view, while the store changes only when something is ingested or judged."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Query, Request

from .. import analysis
from ..store import revision
from .routes import Limit, Offset, StoreDep
from .schemas import Page
from .views import page

router = APIRouter(tags=["analysis"])
T = TypeVar("T")


class AnalysisCache:
    """The last few analysis results, keyed by their arguments and the database's state (`store.revision`):
    every commit changes it, so a stale answer is never served after an ingest, a merge or a review."""

    def __init__(self, db: Path | str, size: int = 32) -> None:
        self.db = db
        self.size = size
        self._items: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._lock = threading.Lock()

    def state(self) -> tuple[Any, ...]:
        return revision(self.db)

    def get(self, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
        full = (*key, self.state())
        with self._lock:
            if full in self._items:
                self._items.move_to_end(full)
                return self._items[full]  # type: ignore[no-any-return]
        value = compute()
        with self._lock:
            self._items[full] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value


def _cache(request: Request) -> AnalysisCache:
    state = request.app.state
    if not hasattr(state, "analysis_cache"):
        state.analysis_cache = AnalysisCache(state.db_path)
    return state.analysis_cache  # type: ignore[no-any-return]

AsOf = Annotated[date | None, Query(description="Score as of this day (default: the latest evidence).")]


@router.get("/convergence", response_model=Page[dict[str, Any]], summary="Pairs of groups coming together")
def convergence(
    request: Request,
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
    pairs = _cache(request).get(
        ("convergence", since, as_of, window_days),
        lambda: analysis.convergence(store, since=since, as_of=as_of, window=timedelta(days=window_days)),
    )
    if converging:
        pairs = [p for p in pairs if p.converging]
    return page(pairs, limit, offset, lambda p: p.to_json())


@router.get("/brokers", response_model=Page[dict[str, Any]], summary="Actors bridging separate groups")
def brokers(
    request: Request, store: StoreDep, limit: Limit = 20, offset: Offset = 0, as_of: AsOf = None
) -> dict[str, Any]:
    """People and organisations ranked by how much they bridge groups with no direct tie of their own."""
    found = _cache(request).get(("brokers", as_of), lambda: analysis.brokers(store, as_of=as_of))
    return page(found, limit, offset, lambda b: b.to_json())


@router.get("/changes", summary="What is new since a date")
def changes(
    request: Request,
    store: StoreDep,
    since: Annotated[date, Query(description="First day to report (YYYY-MM-DD).")],
    limit: Limit = 50,
    offset: Offset = 0,
    as_of: AsOf = None,
) -> dict[str, Any]:
    """New actors, new ties, pairs that crossed the emergence threshold and newly disputed claims. Each of
    the four lists is paged by the same `limit`/`offset`; `totals` gives their full lengths."""
    found = _cache(request).get(
        ("changes", since, as_of), lambda: analysis.changes(store, since, as_of=as_of).to_json()
    )
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
