"""Score claimgraph's output against gold data: the library behind `claimgraph score` and `make bench`.

    gold (contract-shaped JSON Lines) ─┐
                                      ├─ pair documents ─ match items (alias-aware names) ─▶ Score
    pred (`claimgraph extract` lines) ─┘

Matching rules are documented in docs/benchmarks.md and in `claimgraph.score.names`.
"""

from .attributions import score_attributions
from .metrics import FieldScore, Score
from .names import Names, Strength, acronyms, match, normalise
from .tasks import forbidden_hits, score_claims, score_entities, score_events, score_text, text_prf, tokens
from .views import read_jsonl

TASKS = {
    "entities": score_entities,
    "events": score_events,
    "claims": score_claims,
    "text": score_text,
    "attributions": score_attributions,
}

__all__ = [
    "TASKS",
    "FieldScore",
    "Names",
    "Score",
    "Strength",
    "acronyms",
    "forbidden_hits",
    "match",
    "normalise",
    "read_jsonl",
    "score_attributions",
    "score_claims",
    "score_entities",
    "score_events",
    "score_text",
    "text_prf",
    "tokens",
]
