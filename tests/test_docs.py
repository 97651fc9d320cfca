"""Docs that are checked against the code: every CLI command, setting and API route is documented."""

from __future__ import annotations

import tomllib
from pathlib import Path

import typer.main

from claimgraph.api import create_app
from claimgraph.cli import app
from claimgraph.config import load_settings

ROOT = Path(__file__).resolve().parent.parent


def test_every_cli_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    missing = [name for name in commands if f"claimgraph {name}" not in readme and f"/ `{name}" not in readme
               and f"/ {name}" not in readme]
    assert not missing, f"commands missing from README.md: {missing}"


def test_every_setting_is_in_the_commented_defaults() -> None:
    defaults = tomllib.loads((ROOT / "src/claimgraph/defaults.toml").read_text("utf-8"))
    settings = load_settings(env={})
    for section in ("nlp", "data", "store", "server"):
        for key in getattr(settings, section).__slots__:
            assert key in defaults[section], f"{section}.{key} is not in defaults.toml"


def test_every_api_route_is_documented(tmp_path: Path) -> None:
    doc = (ROOT / "docs/api.md").read_text("utf-8")
    spec = create_app(load_settings(env={}), tmp_path / "x.db").openapi()
    for path, ops in spec["paths"].items():
        for method in ops:
            assert f"| {method.upper()} | `{path}` |" in doc, f"{method.upper()} {path} is not in docs/api.md"


def test_readme_starts_with_the_two_commands() -> None:
    head = (ROOT / "README.md").read_text("utf-8")[:400]
    assert "make run" in head and "make test" in head
