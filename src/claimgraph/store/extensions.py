"""Tables added by later pipeline stages (resolution judgements, grading). Each stage registers its DDL here
so one migration path creates every table; the store remains the only SQL owner."""

from __future__ import annotations

import sqlite3

from . import grading, resolution, statements

# Each entry: (name, DDL). Executed in order with CREATE ... IF NOT EXISTS semantics.
EXTENSIONS: list[tuple[str, str]] = [
    ("resolution", resolution.DDL),
    ("grading", grading.DDL),
    ("statements", statements.DDL),
]


def migrate(conn: sqlite3.Connection) -> None:
    with conn:
        for _name, ddl in EXTENSIONS:
            conn.executescript(ddl)
