"""Options and helpers shared by the CLI modules."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console

if TYPE_CHECKING:
    from rich.table import Table

from ..config import Settings, load_settings
from ..store import Store

DbOption = typer.Option(
    None, "--db", help="SQLite database file (default: claimgraph.db), or a postgresql://user@host:port/dbname URL."
)
ConfigOption = typer.Option(None, "--config", help="A TOML file overriding the defaults.")
ExcludeOption = typer.Option(
    [], "--exclude", "-x", help="Skip files in folders whose name matches this glob (repeatable), e.g. README.md."
)

err = Console(stderr=True, soft_wrap=not sys.stderr.isatty())
#: Piped into a file or another program, lines are never wrapped (a terminal's width means nothing there).
out = Console(soft_wrap=not sys.stdout.isatty())


def print_table(table: Table) -> None:
    """A table for people on a terminal; tab-separated plain text, one row a line, when piped."""
    if out.is_terminal:
        out.print(table)
        return
    from rich.text import Text

    def plain(value: object) -> str:
        text = Text.from_markup(value).plain if isinstance(value, str) else getattr(value, "plain", str(value))
        return " ".join(text.split())

    columns = table.columns
    sys.stdout.write("\t".join(plain(c.header) for c in columns) + "\n")
    for row in zip(*(list(c.cells) for c in columns), strict=True):
        sys.stdout.write("\t".join(plain(cell) for cell in row) + "\n")
    sys.stdout.flush()


def settings_for(db: Path | None, config: Path | None = None) -> Settings:
    return load_settings(config).with_db(db)


@contextmanager
def open_store(db: Path | None, *, readonly: bool = False, config: Path | None = None) -> Iterator[Store]:
    settings = settings_for(db, config)
    with Store(settings.store.target, readonly=readonly) as store:
        yield store
