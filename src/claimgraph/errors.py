"""One error hierarchy. Each error knows its HTTP status and its CLI exit code."""

from __future__ import annotations


class ClaimgraphError(Exception):
    """Base of every error claimgraph raises on purpose."""

    http_status = 500
    exit_code = 1
    code = "error"

    def __init__(self, message: str, *, detail: dict[str, object] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail or {}

    def to_dict(self) -> dict[str, object]:
        return {"error": {"code": self.code, "message": self.message, "detail": self.detail}}


class ConfigError(ClaimgraphError):
    """A setting is missing or invalid."""

    exit_code = 78
    code = "config"


class InputError(ClaimgraphError):
    """A document or request cannot be read: bad bytes, empty file, malformed JSON, no main text."""

    http_status = 422
    exit_code = 65
    code = "bad_input"

    def __init__(self, message: str, *, stage: str = "ingest", detail: dict[str, object] | None = None):
        super().__init__(message, detail=detail)
        self.stage = stage


class NotFound(ClaimgraphError):
    """The asked-for actor, claim, document or event does not exist."""

    http_status = 404
    exit_code = 66
    code = "not_found"


class StoreError(ClaimgraphError):
    """The database cannot be opened or is not a claimgraph database."""

    exit_code = 74
    code = "store"


class AuthError(ClaimgraphError):
    """A request lacks the token the server was configured with."""

    http_status = 401
    exit_code = 77
    code = "unauthorized"


class UsageError(ClaimgraphError):
    """Arguments that do not fit together, or an unknown format or option value."""

    http_status = 400
    exit_code = 64
    code = "bad_request"
