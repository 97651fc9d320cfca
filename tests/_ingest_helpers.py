"""Paths to the shared reference corpus, found through the settings (the data dir's sibling `corpus`)."""

from __future__ import annotations

from pathlib import Path

from claimgraph.config import load_settings


def corpus_dir() -> Path:
    return load_settings().data.dir.parent / "corpus"


def seed_article() -> Path:
    return corpus_dir() / "000_3b3b6094a9ba5941.txt"
