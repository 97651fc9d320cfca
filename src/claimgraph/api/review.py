"""Review routes: an analyst accepts, rejects or corrects a claim, an event or an attribution from the page;
every review is a judgement with who, when and why, undone exactly. The same library the CLI calls."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from ..store import Store
from .routes import Limit, Offset, StoreDep

router = APIRouter(tags=["review"])


class ReviewIn(BaseModel):
    item_id: str = Field(max_length=200, description="A claim (clm_…), event (evt_…) or attribution id.")
    verdict: Literal["accepted", "rejected", "corrected"]
    kind: Literal["claim", "event", "attribution"] | None = Field(None, description="Default: from the id.")
    reason: str = Field("", max_length=2000)
    reviewer: str | None = Field(None, max_length=120, description="Who reviews (default: the server's user).")
    correction: dict[str, Any] | None = Field(None, description="field → value, for a correction.")


@router.post("/reviews", summary="Review an item")
def add(body: ReviewIn, request: Request) -> dict[str, Any]:
    from ..review import review

    with Store(request.app.state.db_path) as store:
        return review(store, body.item_id, body.verdict, reviewer=body.reviewer, reason=body.reason,
                      correction=body.correction, kind=body.kind).to_json()


@router.post("/reviews/{review_id}/undo", summary="Undo a review exactly")
def undo(review_id: str, request: Request) -> dict[str, Any]:
    from ..review import undo as undo_review

    with Store(request.app.state.db_path) as store:
        return undo_review(store, review_id).to_json()


@router.get("/reviews", summary="Reviews, newest first")
def list_reviews(
    store: StoreDep,
    limit: Limit = 50,
    offset: Offset = 0,
    item_id: Annotated[str | None, Query(max_length=200)] = None,
    kind: Literal["claim", "event", "attribution"] | None = None,
    active: bool = False,
) -> dict[str, Any]:
    from ..store.reviews import reviews

    rows = reviews(store, kind=kind, item_id=item_id, active_only=active, limit=limit, offset=offset)
    return {"limit": limit, "offset": offset, "items": [r.to_json() for r in rows]}
