"""`claimgraph --help` answers at once: the CLI imports no NLP, plotting or analysis library until a command
needs it."""

from __future__ import annotations

import subprocess
import sys

from claimgraph.cli import resolve as resolve_cli
from claimgraph.resolve import actors

HEAVY = ("spacy", "matplotlib", "rustworkx", "trafilatura", "stix2", "fastapi", "claimgraph.extract",
         "claimgraph.analysis", "claimgraph.resolve")


def test_importing_the_cli_loads_no_heavy_module() -> None:
    code = "import sys, claimgraph.cli; print(' '.join(sorted(sys.modules)))"
    loaded = set(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
                 .stdout.split())
    assert not [m for m in HEAVY if m in loaded]


def test_kin_relations_in_the_help_are_the_ones_resolution_knows() -> None:
    assert resolve_cli.KIN_RELATIONS == actors.KIN_RELATIONS
