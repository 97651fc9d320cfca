"""`claimgraph serve`: the explorer (HTTP API and page) on one database."""

from __future__ import annotations

from pathlib import Path

import typer

from ..store import redact
from .common import ConfigOption, DbOption, err, settings_for


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_cli)


def serve_cli(
    db: Path | None = DbOption,
    config: Path | None = ConfigOption,
    host: str | None = typer.Option(None, "--host", help="Address to listen on (default 127.0.0.1)."),
    port: int | None = typer.Option(None, "--port", help="Port to listen on (default 8000)."),
    token: str | None = typer.Option(
        None,
        "--token",
        envvar="CLAIMGRAPH_SERVER_TOKEN",
        show_envvar=True,
        help="Require this token on every API call; needed to listen on a non-loopback address.",
    ),
) -> None:
    """Serve the explorer: the actor graph, evidence and ingestion in the browser, and its JSON API."""
    import uvicorn

    from ..api import create_app

    settings = settings_for(db, config)
    bind = host or settings.server.host
    secret = settings.server.token if token is None else token
    app = create_app(settings, settings.store.target, token=secret, bind_host=bind)
    listen = port or settings.server.port
    shown = f"[{bind}]" if ":" in bind else bind
    err.print(
        f"claimgraph explorer on http://{shown}:{listen}/ (database {redact(str(settings.store.target))});"
        " Ctrl-C stops it"
    )
    if secret:
        err.print(f"open http://{shown}:{listen}/?token=… with the configured token")
    uvicorn.run(app, host=bind, port=listen, log_level="warning")
