from pathlib import Path

import pytest

from claimgraph.config import load_settings
from claimgraph.errors import ConfigError


def test_defaults_and_environment_override() -> None:
    s = load_settings(env={"CLAIMGRAPH_NLP_MODEL": "en_core_web_trf", "CLAIMGRAPH_DATA_DIR": "/data"})
    assert s.nlp.model == "en_core_web_trf"
    assert s.data.dir == Path("/data")
    assert s.server.host == "127.0.0.1"


def test_user_file_and_bad_values(tmp_path) -> None:
    f = tmp_path / "c.toml"
    f.write_text('[store]\ndb = "x.db"\n[nlp]\nbatch_size = 8\n')
    s = load_settings(f, env={})
    assert s.store.db == Path("x.db") and s.nlp.batch_size == 8
    f.write_text("[nlp]\nbatch_size = 'many'\n")
    with pytest.raises(ConfigError, match="batch_size"):
        load_settings(f, env={})
    f.write_text("[nlp]\nmodle = 'x'\n")
    with pytest.raises(ConfigError, match="modle"):
        load_settings(f, env={})
