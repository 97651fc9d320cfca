"""What the scorer compares: gold and predicted documents read into one small shape.

Predictions are `claimgraph extract` lines (docs/contract.md) or `Extraction` records. Gold files use the same
contract shape, leniently: ids, spans and mentions may be left out, an actor may be given as a plain string
("BLA") or as {"name": ...}, and a few fields may list acceptable alternatives (a predicate, a modality, a
source kind, a role). Documents are paired by the first of `doc.raw_id`, `doc.id`, `doc.source`, `doc.url`
(or a top-level "id") that the two sides share.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..contract import extraction_to_json
from ..errors import InputError
from ..records import Extraction
from .names import Names, normalise

Json = dict[str, Any]
Line = Json | Extraction


@dataclass(frozen=True, slots=True)
class Range:
    """A count as a closed range; None is open."""

    min: int | None
    max: int | None

    def overlaps(self, other: Range) -> bool:
        lo = max(v for v in (self.min, other.min, -1) if v is not None)
        hi = min(v for v in (self.max, other.max, 10**12) if v is not None)
        return lo <= hi


@dataclass(frozen=True, slots=True)
class EntityView:
    names: Names
    type: str | None


@dataclass(frozen=True, slots=True)
class EventView:
    types: tuple[str, ...]
    modes: tuple[str, ...]
    perpetrators: tuple[Names, ...]
    targets: tuple[Names, ...]
    place: Names | None
    date: str | None
    killed: Range | None
    wounded: Range | None
    responsibility: tuple[str, ...]
    label: str


@dataclass(frozen=True, slots=True)
class ClaimView:
    subject: Names
    predicates: tuple[str, ...]
    object: Names | None
    modalities: tuple[str, ...]
    polarities: tuple[str, ...]
    source_kinds: tuple[str, ...]
    roles: tuple[str, ...]
    time: str | None
    label: str


@dataclass(frozen=True, slots=True)
class DocView:
    keys: tuple[str, ...]
    text: str
    entities: tuple[EntityView, ...]
    events: tuple[EventView, ...]
    claims: tuple[ClaimView, ...]
    error: str | None = None


def read_jsonl(path: Path | str) -> Iterator[Json]:
    """JSON objects, one a line, from a file ("-" is not accepted here: the scorer reads two inputs)."""
    try:
        handle = Path(path).open(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc}", stage="read") from exc
    with handle:
        for n, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{n} is not JSON: {exc.msg}", stage="parse") from exc
            if not isinstance(obj, dict):
                raise InputError(f"{path}:{n} is a JSON {type(obj).__name__}, expected an object", stage="parse")
            yield obj


def alternatives(value: Any) -> tuple[str, ...]:
    """A field that may be one value or a list of acceptable values."""
    if value is None:
        return ()
    if isinstance(value, list | tuple):
        return tuple(str(v) for v in value if v is not None)
    return (str(value),)


def _range(value: Any) -> Range | None:
    if value is None:
        return None
    if isinstance(value, int):
        return Range(value, value)
    if isinstance(value, dict):
        return Range(value.get("min"), value.get("max"))
    raise InputError(f'a count must be a number or {{"min", "max"}}, got {value!r}', stage="parse")


def _date(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):
        value = value.get("value")
    return None if value is None else str(value)


class _Lookup:
    """Surface forms of a document's entities, so a reference can be widened to the whole actor."""

    def __init__(self, entities: list[Json]) -> None:
        self.by_id: dict[str, Json] = {}
        self.by_norm: dict[str, Json] = {}
        for e in entities:
            if e.get("id"):
                self.by_id[str(e["id"])] = e
            for form in _entity_forms(e):
                self.by_norm.setdefault(normalise(form), e)

    def names(self, ref: Any) -> Names:
        if isinstance(ref, str):
            ref = {"name": ref}
        if not isinstance(ref, dict):
            raise InputError(f'an actor must be a name or {{"name": ...}}, got {ref!r}', stage="parse")
        name = str(ref.get("name") or "")
        entity = self.by_id.get(str(ref.get("id"))) or self.by_norm.get(normalise(name))
        if entity is None:
            return Names.of([name, *alternatives(ref.get("aliases"))], ref.get("type"))
        return Names.of([name, *_entity_forms(entity)], entity.get("type"))


def _entity_forms(e: Json) -> list[str]:
    return [
        str(e.get("name") or ""),
        *map(str, e.get("aliases") or ()),
        *map(str, e.get("mention_texts") or ()),
    ]


def _keys(line: Json) -> tuple[str, ...]:
    doc = line.get("doc") or {}
    found = [doc.get(k) for k in ("raw_id", "id", "source", "url")] + [line.get("id")]
    return tuple(dict.fromkeys(str(k) for k in found if k))


def doc_view(line: Line) -> DocView:
    """Read one gold or predicted line (or an `Extraction`)."""
    if isinstance(line, Extraction):
        line = extraction_to_json(line)
    doc = line.get("doc") or {}
    text = str((doc.get("text") if "doc" in line else line.get("text")) or "")
    raw_entities = [{"name": e} if isinstance(e, str) else e for e in line.get("entities") or ()]
    lookup = _Lookup(raw_entities)
    entities = tuple(
        EntityView(Names.of(_entity_forms(e), e.get("type")), e.get("type")) for e in raw_entities if e.get("name")
    )
    events = tuple(_event(e, lookup) for e in line.get("events") or ())
    claims = tuple(_claim(c, lookup) for c in line.get("claims") or ())
    err = line.get("error")
    return DocView(_keys(line), text, entities, events, claims, None if not err else str(err.get("reason", err)))


def _event(e: Json, lookup: _Lookup) -> EventView:
    place = e.get("place")
    place_names = None
    if place:
        place = {"name": place} if isinstance(place, str) else place
        place_names = Names.of([str(place.get("name") or ""), *alternatives(place.get("aliases"))], "place")
    types, modes = alternatives(e.get("type")), alternatives(e.get("mode"))
    perps = tuple(lookup.names(r) for r in e.get("perpetrators") or ())
    label = "/".join(types or modes or ("event",))
    if perps:
        label += " by " + ", ".join(p.display for p in perps)
    if place_names:
        label += f" in {place_names.display}"
    if e.get("date"):
        label += f" ({_date(e.get('date'))})"
    return EventView(
        types=types,
        modes=modes,
        perpetrators=perps,
        targets=tuple(lookup.names(r) for r in e.get("targets") or ()),
        place=place_names,
        date=_date(e.get("date")),
        killed=_range(e.get("killed")),
        wounded=_range(e.get("wounded")),
        responsibility=alternatives(e.get("responsibility")),
        label=label,
    )


def _claim(c: Json, lookup: _Lookup) -> ClaimView:
    if "subject" not in c or "predicate" not in c:
        raise InputError(f"a claim needs a subject and a predicate, got {c!r}", stage="parse")
    subject = lookup.names(c["subject"])
    obj = None if c.get("object") is None else lookup.names(c["object"])
    preds = alternatives(c["predicate"])
    source = c.get("source") or {}
    label = f"{subject.display} {'|'.join(preds)}" + (f" {obj.display}" if obj else "")
    return ClaimView(
        subject=subject,
        predicates=preds,
        object=obj,
        modalities=alternatives(c.get("modality")),
        polarities=alternatives(c.get("polarity")),
        source_kinds=alternatives(source.get("kind")),
        roles=alternatives(c.get("role")),
        time=_date(c.get("time")),
        label=label,
    )


def pair(gold: Iterable[Line], pred: Iterable[Line]) -> tuple[list[tuple[DocView, DocView | None]], int]:
    """Gold documents each with its prediction (None when the prediction has no such document), and the
    number of predicted documents that no gold document asked for (they are not scored)."""
    preds = [doc_view(p) for p in pred]
    index: dict[str, int] = {}
    for i, p in enumerate(preds):
        for k in p.keys:
            index.setdefault(k, i)
    used: set[int] = set()
    pairs: list[tuple[DocView, DocView | None]] = []
    for g in map(doc_view, gold):
        hit = next((index[k] for k in g.keys if k in index and index[k] not in used), None)
        if hit is None and not g.keys and len(preds) == 1:
            hit = 0  # one unnamed gold document against one prediction
        if hit is not None:
            used.add(hit)
        pairs.append((g, None if hit is None else preds[hit]))
    return pairs, len(preds) - len(used)
