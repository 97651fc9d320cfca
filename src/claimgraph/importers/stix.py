"""A STIX 2.1 bundle (from claimgraph, OpenCTI, MISP...) read as prior knowledge: actors, aliases and ties.

claimgraph's own bundles carry every claim in its note's property extension, so they read back whole: subject,
predicate, object, role, modality, polarity, time, who said it, the document and the quote. Other producers'
bundles give actors (threat-actor, intrusion-set, identity, location) and relationships between them, read as
asserted ties whose source is the bundle (`RELATIONSHIP_PREDICATES`). Everything else — incidents, reports,
indicators, malware, opinions — is counted in `skipped` by type, with why.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..contract import claim_from_json
from ..errors import InputError
from ..export.stix import read_ext
from ..nlp.gazetteer import (
    normalise,  # the extractor's name key: a foreign actor gets the id extraction gives
)
from ..records import PartialDate, Precision, make_id
from .prior import Prior, PriorActor, PriorTie

# STIX relationship type → (predicate, reversed) for relationships without claimgraph's extension.
RELATIONSHIP_PREDICATES: dict[str, tuple[str, bool]] = {
    "cooperates-with": ("cooperates_with", False),
    "attributed-to": ("directs", True),  # "ISKP attributed-to ISI" → ISI directs ISKP
    "located-at": ("based_in", False),
    "targets": ("targets", False),
    "related-to": ("associated_with", False),
    "part-of": ("member_of", False),  # branch_of when the source is not a person
}
ACTOR_TYPES = {"threat-actor", "intrusion-set", "identity", "location"}
IDENTITY_TYPES = {
    "individual": "person",
    "organization": "organisation",
    "group": "organisation",
    "class": "group_identity",
}


def _type_of(obj: dict[str, Any]) -> str:
    if obj["type"] in ("threat-actor", "intrusion-set"):
        return "armed_group"
    if obj["type"] == "location":
        return "place"
    return IDENTITY_TYPES.get(obj.get("identity_class", ""), "organisation")


def _actor(obj: dict[str, Any]) -> PriorActor:
    ext = read_ext(obj)
    etype = ext.get("type") or _type_of(obj)
    name = str(obj.get("name") or obj["id"])
    aliases = {name, *ext.get("aliases", []), *obj.get("aliases", []), *obj.get("x_opencti_aliases", [])}
    if "id" in ext:
        return PriorActor(ext["id"], name, etype, tuple(sorted(aliases)), tuple(ext.get("refs", [])), obj["id"])
    return PriorActor(
        make_id("ent", etype, normalise(name)),
        name,
        etype,
        tuple(sorted(aliases)),
        (f"stix:{obj['id']}",),
        obj["id"],
    )


def _cited(obj: dict[str, Any]) -> str:
    refs = obj.get("external_references") or []
    if not refs:
        return ""
    r = refs[0]
    bits = [r.get("source_name", ""), r.get("description", ""), r.get("external_id", ""), r.get("url", "")]
    return ", ".join(b for b in bits if b)


def read_stix(bundle: Any, name: str) -> Prior:
    """Actors and ties of a STIX 2.1 bundle. Raises InputError when the bundle does not parse as STIX 2.1."""
    import stix2
    from stix2.exceptions import STIXError

    if not isinstance(bundle, dict) or bundle.get("type") != "bundle":
        raise InputError(f'{name} is not a STIX bundle (a JSON object with "type": "bundle")', stage="import")
    try:
        stix2.parse(bundle, allow_custom=True, version="2.1")
    except (STIXError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{name} is not a valid STIX 2.1 bundle: {exc}", stage="import") from exc
    objects: list[dict[str, Any]] = bundle.get("objects", [])
    by_stix: dict[str, PriorActor] = {}
    actors: dict[str, PriorActor] = {}
    for o in objects:
        if o["type"] in ACTOR_TYPES and not (o["type"] == "identity" and o.get("identity_class") == "system"):
            a = _actor(o)
            if a.id in actors:  # two records for one actor: keep both sets of names
                a = actors[a.id].absorb(a)
            actors[a.id] = a
            by_stix[o["id"]] = a
    ties: list[PriorTie] = []
    skipped: Counter[tuple[str, str]] = Counter()
    for o in objects:
        ext = read_ext(o)
        if o["type"] == "note" and "claim" in ext:
            tie = _claim_tie(o, ext["claim"], actors)
            if tie is None:
                skipped[("note", "its claim names an actor the bundle does not define")] += 1
            else:
                ties.append(tie)
        elif o["type"] == "relationship" and "claim" not in ext:
            src, dst = by_stix.get(o["source_ref"]), by_stix.get(o["target_ref"])
            if src is None or dst is None:
                skipped[("relationship", "an end is not an actor (incident, malware, ...): not a tie")] += 1
                continue
            ties.append(_relationship_tie(o, src, dst, objects))
        elif o["type"] == "relationship":
            continue  # claimgraph's own: its note carries the claim
        elif o["type"] not in ACTOR_TYPES and o["type"] not in ("extension-definition", "note"):
            skipped[(o["type"], "not an actor or a tie; not imported")] += 1
        elif o["type"] == "note":
            skipped[("note", "no claimgraph claim in it; notes are not imported")] += 1
    label = f"STIX 2.1 bundle {bundle.get('id', '')}".strip()
    return Prior(
        name,
        label,
        tuple(actors.values()),
        tuple(ties),
        tuple((f"{n} {kind} object(s)", why) for (kind, why), n in sorted(skipped.items())),
    )


def _claim_tie(note: dict[str, Any], data: dict[str, Any], actors: dict[str, PriorActor]) -> PriorTie | None:
    c = claim_from_json(data)
    if c.subject.id not in actors or (c.object is not None and c.object.id not in actors):
        return None
    cue = f", cue “{c.source.cue}”" if c.source.cue else ""
    return PriorTie(
        c.subject.id,
        c.predicate,
        c.object.id if c.object else None,
        c.role,
        c.modality,
        c.polarity,
        c.time,
        said_by=f"{c.source.name} ({c.source.kind.value}{cue})",
        cited=_cited(note) or f"document {c.doc_id}, characters {c.evidence.start}-{c.evidence.end}",
        quote=c.evidence.text,
        cues=c.cues,
        origin=note["id"],
        claim_id=c.id,
    )


def _relationship_tie(rel: dict[str, Any], src: PriorActor, dst: PriorActor, objects: list[dict[str, Any]]) -> PriorTie:
    rtype = rel["relationship_type"]
    predicate, reverse = RELATIONSHIP_PREDICATES.get(rtype, ("associated_with", False))
    role = None if rtype in RELATIONSHIP_PREDICATES else rtype
    if predicate == "member_of" and src.type != "person":
        predicate = "branch_of"
    subject, obj = (dst, src) if reverse else (src, dst)
    time = None
    if rel.get("start_time"):
        time = PartialDate(
            str(rel["start_time"])[:10],
            Precision.DAY,
            end=str(rel["stop_time"])[:10] if rel.get("stop_time") else None,
        )
    author = next((o.get("name") for o in objects if o["id"] == rel.get("created_by_ref")), None)
    return PriorTie(
        subject.id,
        predicate,
        obj.id,
        role,
        time=time,
        said_by=f"{author or 'the bundle'} (STIX relationship {rtype})",
        cited=_cited(rel),
        quote=rel.get("description", ""),
        origin=rel["id"],
    )
