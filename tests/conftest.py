"""Shared fixtures. Model-backed fixtures are session-scoped: the spaCy pipeline and the gazetteer load once."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from claimgraph.config import Settings, load_settings  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def settings() -> Settings:
    return load_settings()


@pytest.fixture(scope="session")
def data_dir(settings: Settings) -> Path:
    path = settings.data.dir
    if not path.is_dir():
        pytest.skip(f"reference data folder {path} is not present")
    return path


@pytest.fixture(scope="session")
def corpus_dir(settings: Settings) -> Path:
    path = settings.data.dir.parent / "corpus"
    if not path.is_dir():
        pytest.skip(f"corpus folder {path} is not present")
    return path


@pytest.fixture(scope="session")
def seed_path(corpus_dir: Path) -> Path:
    return corpus_dir / "000_3b3b6094a9ba5941.txt"


@pytest.fixture(scope="session")
def extractor(settings: Settings):  # type: ignore[no-untyped-def]
    from claimgraph.extract import Extractor

    return Extractor(settings)


@pytest.fixture()
def sample_db(tmp_path: Path) -> Path:
    from _sample import make_sample_store

    return make_sample_store(tmp_path / "sample.db")
