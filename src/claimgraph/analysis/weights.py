"""The scoring weights: data in weights.yaml, read once into a frozen record and passed explicitly."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import ConfigError

SIGNAL_KINDS = (
    "direct_tie",
    "sponsorship",
    "member_tie",
    "shared_person",
    "shared_sponsor",
    "shared_media",
    "shared_target",
    "shared_place",
    "hostile",
)


@dataclass(frozen=True, slots=True)
class Weights:
    half_life_days: float
    modality: dict[str, float]
    default_credibility: float
    grade_credibility: dict[int, float]
    grade_reliability: dict[str, float]
    signals: dict[str, float]
    link_predicates: frozenset[str]
    presence_predicates: frozenset[str]
    member_presence: float
    max_shared: int
    pair_types: frozenset[str]
    emergence_score: float
    rising_delta: float
    max_windows: int
    betweenness_weight: float
    bridging_weight: float
    broker_exclude_types: frozenset[str]
    broker_max_exact_nodes: int
    broker_pivots: int
    broker_max_sides: int
    predicate: dict[str, float] = field(default_factory=dict)  # how much a claim counts by predicate (default 1)

    def fact_base(self, credibility: float, modality: str, predicate: str) -> float:
        """A fact's weight before decay: credibility × its modality's weight × its predicate's weight."""
        return credibility * self.modality.get(modality, 1.0) * self.predicate.get(predicate, 1.0)

    def to_json(self) -> dict[str, Any]:
        return {
            "half_life_days": self.half_life_days,
            "modality": self.modality,
            "predicate": self.predicate,
            "default_credibility": self.default_credibility,
            "signals": self.signals,
            "member_presence": self.member_presence,
            "max_shared": self.max_shared,
            "emergence_score": self.emergence_score,
            "rising_delta": self.rising_delta,
        }


def _num(raw: dict[str, Any], key: str, where: str = "") -> float:
    try:
        return float(raw[key])
    except (KeyError, TypeError, ValueError):
        raise ConfigError(f"weights{where}: {key!r} must be a number, got {raw.get(key)!r}") from None


def parse_weights(raw: dict[str, Any]) -> Weights:
    """Validate a weights mapping (the parsed YAML) into `Weights`; errors name the bad key."""
    signals = raw.get("signals") or {}
    missing = [k for k in SIGNAL_KINDS if k not in signals]
    unknown = [k for k in signals if k not in SIGNAL_KINDS]
    if missing or unknown:
        raise ConfigError(
            f"weights.signals must give exactly {', '.join(SIGNAL_KINDS)}; "
            f"missing {missing or 'none'}, unknown {unknown or 'none'}"
        )
    modality = raw.get("modality") or {}
    for m in ("asserted", "hedged", "intended"):
        if m not in modality:
            raise ConfigError(f"weights.modality lacks {m!r}")
    alerts = raw.get("alerts") or {}
    brokers = raw.get("brokers") or {}
    half_life = _num(raw, "half_life_days")
    if half_life <= 0:
        raise ConfigError(f"weights.half_life_days must be positive, got {half_life}")
    return Weights(
        half_life_days=half_life,
        modality={k: float(v) for k, v in modality.items()},
        predicate={str(k): float(v) for k, v in (raw.get("predicate") or {}).items()},
        default_credibility=_num(raw, "default_credibility"),
        grade_credibility={int(k): float(v) for k, v in (raw.get("grade_credibility") or {}).items()},
        grade_reliability={str(k): float(v) for k, v in (raw.get("grade_reliability") or {}).items()},
        signals={k: float(signals[k]) for k in SIGNAL_KINDS},
        link_predicates=frozenset(raw.get("link_predicates") or ()),
        presence_predicates=frozenset(raw.get("presence_predicates") or ()),
        member_presence=_num(raw, "member_presence"),
        max_shared=int(_num(raw, "max_shared")),
        pair_types=frozenset(raw.get("pair_types") or ()),
        emergence_score=_num(alerts, "emergence_score", ".alerts"),
        rising_delta=_num(alerts, "rising_delta", ".alerts"),
        max_windows=max(1, int(_num(raw, "max_windows"))),
        betweenness_weight=_num(brokers, "betweenness_weight", ".brokers"),
        bridging_weight=_num(brokers, "bridging_weight", ".brokers"),
        broker_exclude_types=frozenset(brokers.get("exclude_types") or ()),
        broker_max_exact_nodes=int(_num(brokers, "max_exact_nodes", ".brokers")),
        broker_pivots=max(1, int(_num(brokers, "pivots", ".brokers"))),
        broker_max_sides=max(2, int(_num(brokers, "max_sides", ".brokers"))),
    )


def load_weights(path: Path | None = None) -> Weights:
    """The packaged weights.yaml, or a user file with the same keys."""
    try:
        if path is None:
            text = resources.files("claimgraph.analysis").joinpath("weights.yaml").read_text("utf-8")
        else:
            text = Path(path).read_text("utf-8")
        raw = yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read weights file {path or 'weights.yaml'}: {exc}") from exc
    if not isinstance(raw, dict):
        raise ConfigError("weights file is not a mapping")
    return parse_weights(raw)
