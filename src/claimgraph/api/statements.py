"""`/api/statements`: who said what, by source, topic and date, paged like every list."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from ..contract import statement_to_json
from ..store.statements import StatementRow
from .routes import Limit, Offset, Since, StoreDep
from .schemas import Page, StatementOut
from .views import page

router = APIRouter()


@router.get("/statements", response_model=Page[StatementOut], tags=["statements"],
            summary="Attributed statements: source, cue and content")
def statements(
    store: StoreDep,
    limit: Limit = 50,
    offset: Offset = 0,
    source: Annotated[str | None, Query(description="An actor's id or name, or words of the source phrase.")] = None,
    about: Annotated[str | None, Query(description="Actor id, name or alias named in the content.")] = None,
    since: Since = None,
    doc_id: str | None = None,
) -> dict[str, Any]:
    rows = store.statements(source=source, about=about, since=since, doc_id=doc_id)
    return page(rows, limit, offset, _render)


def _render(r: StatementRow) -> dict[str, Any]:
    out = statement_to_json(r.statement)
    s = r.statement
    out["document"] = {"id": s.doc_id, "title": r.title, "outlet": r.outlet, "published": r.published,
                       "source": r.source, "url": r.url}
    out["opposed"] = list(r.opposed)
    return out
