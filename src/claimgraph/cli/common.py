"""Options and helpers shared by the CLI modules."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer
from rich.console import Console

from ..config import Settings, load_settings
from ..store import Store

DbOption = typer.Option(None, "--db", help="SQLite database file (default: claimgraph.db).")
ConfigOption = typer.Option(None, "--config", help="A TOML file overriding the defaults.")
ExcludeOption = typer.Option(
    [], "--exclude", "-x", help="Skip files in folders whose name matches this glob (repeatable), e.g. README.md."
)

err = Console(stderr=True)
out = Console()


def settings_for(db: Path | None, config: Path | None = None) -> Settings:
    return load_settings(config).with_db(db)


@contextmanager
def open_store(db: Path | None, *, readonly: bool = False, config: Path | None = None) -> Iterator[Store]:
    settings = settings_for(db, config)
    with Store(settings.store.db, readonly=readonly) as store:
        yield store
