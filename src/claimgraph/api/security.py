"""Safe defaults for the HTTP server: loopback only unless a token is set, then the token on every API call;
a Host check against DNS rebinding; an Origin check on every request that changes data (cross-site forms need no
preflight, so CORS alone does not stop them); a bound on request bodies; a Content-Security-Policy that allows
no inline script."""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Awaitable, Callable, Iterable
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import AuthError, UsageError

#: No inline script or style, nothing from another origin, no plugins, no framing.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
TOKEN_HEADER = "x-claimgraph-token"
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
#: Paths anyone may read without a token: the page and its files hold no data; the spec describes the API.
PUBLIC_PATHS = ("/", "/api/openapi.json", "/favicon.ico")
PUBLIC_PREFIXES = ("/static/",)


def is_loopback(host: str) -> bool:
    """True for localhost and any 127.0.0.0/8 or ::1 address."""
    host = host.strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str) -> None:
    """Refuse to serve beyond this machine without a token: anyone on the network could read the database."""
    if not is_loopback(host) and not token:
        raise UsageError(
            f"refusing to listen on {host!r} without a token: set --token, CLAIMGRAPH_SERVER_TOKEN or "
            "server.token, or bind a loopback address such as 127.0.0.1",
            detail={"host": host},
        )


def allowed_hosts_for(bind_host: str) -> tuple[str, ...] | None:
    """Host header values accepted when bound to loopback (None: any). Stops DNS-rebinding pages from
    reading a local server through a hostname they control."""
    return LOOPBACK_NAMES if is_loopback(bind_host) else None


def request_token(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.headers.get(TOKEN_HEADER)


def _host_name(header: str) -> str:
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


#: Methods that never change data; every other one must come from the page's own origin (or from no browser).
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def cross_origin(request: Request) -> str | None:
    """The foreign origin a data-changing request comes from, or None when it is same-origin or not from a
    browser page (no Origin and no Referer: curl, scripts, tests). A browser sends Origin with every cross-origin
    POST, form posts included."""
    if request.method in SAFE_METHODS:
        return None
    origin = request.headers.get("origin")
    if origin is None:
        referer = request.headers.get("referer")
        if not referer:
            return None
        parts = urlsplit(referer)
        origin = f"{parts.scheme}://{parts.netloc}"
    parts = urlsplit(origin)
    host = request.headers.get("host", "")
    if origin == "null" or parts.netloc.lower() != host.lower() or parts.scheme not in ("http", "https"):
        return origin
    return None


def _error(exc: AuthError | UsageError, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(exc.to_dict(), status_code=exc.http_status, headers=headers)


def security_middleware(
    token: str, allowed_hosts: Iterable[str] | None
) -> Callable[[Request, Callable[[Request], Awaitable[Response]]], Awaitable[Response]]:
    hosts = None if allowed_hosts is None else {h.lower() for h in allowed_hosts}

    async def middleware(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        if hosts is not None:
            host = _host_name(request.headers.get("host", "")).lower()
            if host not in hosts:
                response: Response = _error(
                    UsageError(
                        f"host {host!r} is not served here; open the page at http://127.0.0.1 or http://localhost",
                        detail={"host": host},
                    )
                )
                response.headers.update(SECURITY_HEADERS)
                return response
        foreign = cross_origin(request)
        if foreign is not None:
            response = _error(
                AuthError(
                    f"refusing a {request.method} from another origin ({foreign!r}): change data from the "
                    "explorer page itself or from a client that sends no Origin",
                    detail={"origin": foreign},
                ),
            )
            response.status_code = 403
            response.headers.update(SECURITY_HEADERS)
            return response
        path = request.url.path
        public = path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES)
        if token and not public:
            given = request_token(request)
            if given is None or not hmac.compare_digest(given.encode(), token.encode()):
                reason = "missing" if given is None else "wrong"
                response = _error(
                    AuthError(
                        f"this server requires a token ({reason} here): send 'Authorization: Bearer <token>' "
                        "or 'X-Claimgraph-Token: <token>'",
                        detail={"token": reason},
                    ),
                    headers={"WWW-Authenticate": "Bearer"},
                )
                response.headers.update(SECURITY_HEADERS)
                return response
        response = await call_next(request)
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        return response

    return middleware


class BodyLimit:
    """ASGI middleware: refuse a request body over `limit` bytes with 413, by Content-Length before reading it
    and by counting while it streams (a chunked body states no length), so a huge paste never sits in memory."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge
            return message

        try:
            await self.app(scope, counted, send)
        except _TooLarge:
            await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        exc = UsageError(f"request body over {self.limit:,} bytes; send a smaller document",
                         detail={"limit": self.limit})
        response = JSONResponse(exc.to_dict(), status_code=413, headers=SECURITY_HEADERS)
        await response(scope, receive, send)


class _TooLarge(Exception):
    pass
