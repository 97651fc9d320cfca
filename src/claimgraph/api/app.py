"""The explorer's web application: `create_app(settings, db_path)` builds a FastAPI app serving the JSON API
under /api and the page at /. Nothing happens at import time; the app owns no global state."""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..config import Settings
from ..errors import ClaimgraphError
from ..store import Store
from . import analysis, explore, ingest, review, routes, statements
from .schemas import ErrorBody
from .security import BodyLimit, allowed_hosts_for, check_bind, security_middleware

if TYPE_CHECKING:
    from ..extract import Extractor

#: Largest request body accepted: an upload (ingest.MAX_UPLOAD) plus its form encoding.
MAX_BODY = ingest.MAX_UPLOAD + 1_000_000

log = logging.getLogger(__name__)

_STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    422: "bad_input",
}
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": code.replace("_", " ")}
    for status, code in _STATUS_CODES.items()
    if status in (401, 404, 422)
}


def static_dir() -> Path:
    return Path(str(resources.files("claimgraph.web").joinpath("static")))


def error_response(
    status: int, code: str, message: str, detail: dict[str, Any] | None = None
) -> JSONResponse:
    return JSONResponse(
        {"error": {"code": code, "message": message, "detail": detail or {}}}, status_code=status
    )


def _install_error_handlers(app: FastAPI) -> None:
    """Every error leaves in one shape: {"error": {"code", "message", "detail"}}."""

    @app.exception_handler(ClaimgraphError)
    async def claimgraph_error(request: Request, exc: ClaimgraphError) -> JSONResponse:
        return JSONResponse(exc.to_dict(), status_code=exc.http_status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _STATUS_CODES.get(exc.status_code, "error")
        if exc.status_code == 404:
            message = (
                f"nothing at {request.method} {request.url.path}; the API is listed at /api/openapi.json"
            )
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        else:
            message = str(exc.detail)
        response = error_response(exc.status_code, code, message, {"path": request.url.path})
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {
                "where": ".".join(str(p) for p in e.get("loc", ())),
                "message": e.get("msg", ""),
                "given": _short(e.get("input")),
            }
            for e in exc.errors()
        ]
        summary = "; ".join(f"{e['where']}: {e['message']}" for e in errors)
        return error_response(422, "bad_input", f"invalid request: {summary}", {"errors": errors})

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(500, "internal", f"internal error ({type(exc).__name__}); see the server log")


def _short(value: object) -> object:
    """What a request gave, for an error message: scalars only, long text cut (never echo a whole paste)."""
    if isinstance(value, str):
        return value if len(value) <= 200 else value[:200] + f"… ({len(value):,} characters)"
    return value if isinstance(value, int | float | bool) else None


def create_app(
    settings: Settings,
    db_path: Path | str | None = None,
    *,
    token: str | None = None,
    extractor: Extractor | None = None,
    bind_host: str | None = None,
) -> FastAPI:
    """Build the explorer app over one database (default: `settings.store.target`, created if missing).

    `token` overrides `settings.server.token`; when either is set, every API call must carry it. `extractor`
    shares an already loaded Extractor; otherwise one is loaded on the first ingestion. `bind_host` is the
    address the server will listen on (default `settings.server.host`): a non-loopback one needs a token,
    and a loopback one accepts only loopback names in the Host header."""
    db = settings.with_db(db_path).store.target
    secret = settings.server.token if token is None else token
    bind = settings.server.host if bind_host is None else bind_host
    check_bind(bind, secret)
    with Store(db):  # creates the file and its tables if needed, so read-only requests can open it
        pass
    app = FastAPI(
        title="claimgraph explorer",
        version=__version__,
        description="Attributed claims about armed groups: what sources *say*, each with its evidence span. "
        "Every list is paged with `limit`/`offset` and answers its `total`. Errors always have the shape "
        '`{"error": {"code", "message", "detail"}}`.',
        openapi_url="/api/openapi.json",
        docs_url=None,  # the Swagger page loads scripts from a CDN; the spec is at /api/openapi.json
        redoc_url=None,
        responses=ERROR_RESPONSES,
    )
    app.state.settings = settings
    app.state.db_path = db
    app.state.extractor = ingest.SharedExtractor(settings, extractor)
    app.middleware("http")(security_middleware(secret, allowed_hosts_for(bind)))
    app.add_middleware(BodyLimit, limit=MAX_BODY)
    _install_error_handlers(app)
    app.include_router(routes.router, prefix="/api")
    app.include_router(analysis.router, prefix="/api")
    app.include_router(ingest.router, prefix="/api")
    app.include_router(review.router, prefix="/api")
    app.include_router(statements.router, prefix="/api")
    app.include_router(explore.router, prefix="/api")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(static_dir() / "index.html", headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=static_dir()), name="static")
    return app
