"""Analyses over the stored claims: convergence of groups, brokers between them, and what changed.

Each is a plain function of a `Store` returning frozen records with `to_json()`; the CLI, the API and the
report call the same functions."""

from .brokers import brokers, brokers_of
from .changes import changes, changes_of
from .convergence import Analysis, convergence
from .types import (
    ActorRef,
    Alert,
    Bridge,
    Broker,
    Changes,
    Dispute,
    Evidence,
    NewActor,
    NewTie,
    PairScore,
    Signal,
    WindowScore,
)
from .weights import Weights, load_weights

__all__ = [
    "ActorRef",
    "Alert",
    "Analysis",
    "Bridge",
    "Broker",
    "Changes",
    "Dispute",
    "Evidence",
    "NewActor",
    "NewTie",
    "PairScore",
    "Signal",
    "Weights",
    "WindowScore",
    "brokers",
    "brokers_of",
    "changes",
    "changes_of",
    "convergence",
    "load_weights",
]
