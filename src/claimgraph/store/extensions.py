"""Tables added by later pipeline stages (resolution judgements, grading). Each stage registers its DDL here
so one migration path creates every table; the store remains the only SQL owner."""

from __future__ import annotations

import re
from typing import Any

from . import grading, resolution, reviews, statements

# Each entry: (name, DDL). Executed in order with CREATE ... IF NOT EXISTS semantics.
EXTENSIONS: list[tuple[str, str]] = [
    ("resolution", resolution.DDL),
    ("grading", grading.DDL),
    ("reviews", reviews.DDL),
    ("statements", statements.DDL),
]


_TABLE = re.compile(r"CREATE (?:VIRTUAL )?TABLE IF NOT EXISTS (\w+)", re.IGNORECASE)


def expected_tables(schema: str) -> set[str]:
    """Every table the base `schema` and the extensions create."""
    return set(_TABLE.findall(schema)) | {t for _name, ddl in EXTENSIONS for t in _TABLE.findall(ddl)}


def migrate(conn: Any) -> None:
    """Create every extension table (on PostgreSQL the connection translates the DDL: `dialect.pg_ddl`)."""
    with conn:
        for _name, ddl in EXTENSIONS:
            conn.executescript(ddl)
