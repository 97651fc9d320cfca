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


# -- the store on both engines --------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def pg_cluster():  # type: ignore[no-untyped-def]
    """A throw-away PostgreSQL cluster for the whole session (see tests/_pg.py), stopped at the end."""
    import _pg

    if _pg.server_bin() is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl; Debian package `postgresql`) are not installed")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("psycopg 3 is not installed (pip install 'psycopg[binary]')")
    cluster = _pg.start_cluster()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def new_db(request: pytest.FixtureRequest, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A factory of empty databases on one engine: `new_db("name")` is a SQLite file path or a PostgreSQL URL."""
    if request.param == "sqlite":
        return lambda name="s": tmp_path / f"{name}.db"
    cluster = request.getfixturevalue("pg_cluster")
    prefix = "t" + str(abs(hash(request.node.nodeid)) % 10**8)

    def make(name: str = "s") -> str:
        return str(cluster.create_database(f"{prefix}_{name}"))

    return make


@pytest.fixture()
def sample_target(new_db):  # type: ignore[no-untyped-def]
    """The sample store (tests/_sample.py) on each engine."""
    from _sample import make_sample_store

    return make_sample_store(new_db("sample"))
