"""The `claimgraph` command line: a thin shell over the library. Each feature registers its commands."""

from __future__ import annotations

import sys

import typer
from rich.console import Console

from ..errors import ClaimgraphError
from . import analysis, batch, core, exchange, resolve, review, score, serve, statements

app = typer.Typer(
    name="claimgraph",
    help="Turn news reports into an evidence-backed graph of attributed claims. "
    "It reports what sources say; it does not establish facts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for module in (core, resolve, analysis, exchange, batch, review, serve, statements):
    module.register(app)
score.register(app)


def main() -> None:
    """Entry point: Typer handles usage errors (message, exit 2); claimgraph errors become a message and the
    error's own exit code."""
    try:
        app()
    except ClaimgraphError as exc:
        Console(stderr=True).print(f"[bold red]error:[/] {exc.message}", highlight=False)
        sys.exit(exc.exit_code)
