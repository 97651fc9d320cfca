"""Safe defaults for the HTTP server: loopback only unless a token is set, then the token on every API call;
a Host check against DNS rebinding; a Content-Security-Policy that allows no inline script."""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Awaitable, Callable, Iterable

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

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
