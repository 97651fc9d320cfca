"""The store: the only package that knows SQL. One SQLite file, or one PostgreSQL database, holds documents,
entities, claims and events."""

from .db import Store, normalise_alias
from .dialect import redact, revision

__all__ = ["Store", "normalise_alias", "redact", "revision"]
