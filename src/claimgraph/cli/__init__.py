"""The `claimgraph` command line: a thin shell over the library. Each feature registers its commands."""

from __future__ import annotations

import sys

import typer
from rich.console import Console

from ..errors import ClaimgraphError
from . import analysis, core, exchange, resolve, score, serve

app = typer.Typer(
    name="claimgraph",
    help="Turn news reports into an evidence-backed graph of attributed claims. "
    "It reports what sources say; it does not establish facts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for module in (core, resolve, analysis, exchange, serve):
    module.register(app)
score.register(app)


def main() -> None:
    """Entry point: run the app and turn claimgraph errors into a message and an exit code."""
    try:
        app(standalone_mode=False)
    except ClaimgraphError as exc:
        Console(stderr=True).print(f"[bold red]error:[/] {exc.message}")
        sys.exit(exc.exit_code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        sys.exit(130)
    except Exception as exc:  # click usage errors and the like
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        raise
