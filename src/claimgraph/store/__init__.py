"""The store: the only package that knows SQL. One SQLite file holds documents, entities, claims and events."""

from .db import Store, normalise_alias

__all__ = ["Store", "normalise_alias"]
