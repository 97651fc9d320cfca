"""Which kind of violence an incident is, once its sides are known: a state's forces against armed groups fight.

PLOVER's FIGHT is the use of conventional military force, its ASSAULT unconventional violence (openeventdata/PLOVER
codebook). A trigger word alone cannot tell them apart: "troops had shot dead five al-Shabaab militants" and "its jets
struck Boko Haram hideouts" are fights; "soldiers shot dead six protesters" stays an assault.
The one-sided modes that may turn (`forces_fight.modes` in ontology/events.yaml) become an airstrike when the
incident's sentences tell it from the air (`forces_fight.aerial`), else an operation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from spacy.tokens import Token

from ..records import Entity, EntityRef
from .event_lexicon import EventLexicon, TriggerDef

#: entity types that act for a state: its forces and agencies (ontology.yaml), a state itself ("Israel struck")
_STATE_TYPES = frozenset({"agency", "state"})


def forces_fight(best: TriggerDef, perpetrators: Sequence[EntityRef], targets: Sequence[EntityRef],
                 entities: Sequence[Entity], tokens: Iterable[Token], lex: EventLexicon) -> TriggerDef:
    """`best`, or the fight it is when every doer acts for a state and every target is an armed group."""
    if best.mode not in lex.forces_fight_modes or not perpetrators or not targets:
        return best
    types = {e.id: e.type for e in entities}
    if not all(types.get(r.id) in _STATE_TYPES for r in perpetrators) \
            or not all(types.get(r.id) == "armed_group" for r in targets):
        return best
    aerial = any(t.lemma_.lower() in lex.aerial_words or t.lower_ in lex.aerial_words for t in tokens)
    mode = "airstrike" if aerial else "operation"
    kind = next((t for t in lex.triggers if t.mode == mode), None)
    return replace(best, mode=mode, type=kind.type) if kind is not None else best
