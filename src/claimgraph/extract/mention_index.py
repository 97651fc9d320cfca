"""Which entity each token of a document's parsed sentences names, and its mentions in document order: the
index the claim frames and event roles read names through (built by `entities`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..records import Entity


@dataclass(slots=True)
class MentionIndex:
    """Which entity each token of each parsed sentence belongs to, and mentions in document order."""

    by_token: dict[tuple[int, int], str] = field(default_factory=dict)
    ordered: list[tuple[int, str]] = field(default_factory=list)  # (doc offset, entity id)
    entities: dict[str, Entity] = field(default_factory=dict)
    subjects: set[int] = field(default_factory=set)  # doc offsets of mentions that are their clause's subject

    def at(self, sent: int, token: int) -> Entity | None:
        eid = self.by_token.get((sent, token))
        return None if eid is None else self.entities[eid]

    def recent(self, offset: int, types: Iterable[str], within: int = 600, named: bool = False,
               subject: bool = False) -> Entity | None:
        """The entity of one of `types` mentioned last before `offset`, at most `within` characters back
        (`named`: only one the text names, not one it describes; `subject`: the last that was a main clause's
        subject, if any, over one only mentioned on the way: "ISWAP, which split from Boko Haram, … The group")."""
        wanted = set(types)
        best = top = None
        for pos, eid in self.ordered:
            if pos >= offset:
                break
            e = self.entities[eid]
            if e.type in wanted and pos >= offset - within and (not named or e.kind != "descriptive"):
                best = eid
                top = eid if subject and pos in self.subjects else top
        best = top or best
        return None if best is None else self.entities[best]
