"""The actor a document is about, when its title is that actor's name: the entry of a sanctions list
("HAQQANI NETWORK (HQN) (TAe.012) — UN Security Council consolidated list"), an encyclopedia article on a group.

    topic_actor(title, gazetteer)        -> Actor | None   (the title names a known actor)
    topic_entity(actor, entities, name)  -> Entity         (the document's entity of it, or a new one)

Such a document states much about its topic in sentences without a subject: "Founded by X and currently headed
by Y.", "Senior leader of Z.", "Pledged allegiance to W." The relation patterns give such a sentence's missing
side to the topic (extract/relation_claims.py); nothing else does. A title that is a headline, or names no
actor the gazetteer knows, gives no topic.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..nlp.gazetteer import Actor, Gazetteer
from ..records import Entity

#: what follows the name in a title: " — UN Security Council consolidated list", " - Wikipedia", " | Site"
_TAIL = re.compile(r"\s+[—–|-]\s+.*$")
_PARENS = re.compile(r"\s*\(([^()]*)\)")
#: a list's reference number in parentheses ("TAe.012", "QDi.415"): not a name of the actor
_REFERENCE = re.compile(r"^[A-Z]{2}[a-z]\.\d+$")
#: longest title that can be a name (a headline is longer)
_MAX_WORDS = 8


def topic_names(title: str | None) -> tuple[str, tuple[str, ...]] | None:
    """The name a title gives and the short forms in its parentheses: "HAQQANI NETWORK (HQN) (TAe.012) —
    UN …" → ("HAQQANI NETWORK", ("HQN",)); None when the title is no name (empty or a headline)."""
    if not title:
        return None
    head = _TAIL.sub("", title.strip())
    short = tuple(p.strip() for p in _PARENS.findall(head) if p.strip() and not _REFERENCE.match(p.strip()))
    name = _PARENS.sub("", head).strip(" ,;:")
    if not name or len(name.split()) > _MAX_WORDS:
        return None
    return name, short


def topic_actor(title: str | None, gazetteer: Gazetteer | None) -> Actor | None:
    """The known actor a document's title names, or None."""
    names = topic_names(title)
    if names is None or gazetteer is None:
        return None
    name, short = names
    return gazetteer.lookup(name) or next((a for s in short if (a := gazetteer.lookup(s)) is not None), None)


def topic_entity(actor: Actor, entities: Sequence[Entity], title: str | None) -> tuple[Entity, bool]:
    """The document's entity of the topic actor (the text names it: the entity has the actor's id, or one of
    its names), else a new entity with the actor's id and no mentions; and whether it is new."""
    forms = {n.casefold() for n in (actor.name, *actor.aliases)}
    for e in entities:
        if e.kind != "descriptive" and (e.id == actor.id or {n.casefold() for n in (e.name, *e.aliases)} & forms):
            return e, False
    names = topic_names(title)
    aliases = tuple(dict.fromkeys(a for a in (*(names[1] if names else ()), *actor.aliases) if a != actor.name))
    return Entity(actor.id, actor.name, actor.type, aliases, (), actor.refs), True
