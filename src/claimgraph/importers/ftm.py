"""FollowTheMoney entities (from claimgraph, Aleph, OpenSanctions...) read as prior knowledge.

Legal entities (Person, Organization, PublicBody, Company, LegalEntity) and Addresses are actors; their
`name`, `alias`, `weakAlias` and `previousName` values are aliases. Links between them are ties:
Membership, Directorship and Employment → member_of (with the role), Family → family_of, Associate →
associated_with, UnknownLink → the predicate its `role` names (claimgraph writes "cooperates_with",
"member_of (coordinator)"), else associated_with with the role kept. A link's `status` written by claimgraph
("hedged, affirmed", "asserted, negated") restores modality and polarity. Articles give the `cited` text;
Mentions, Events and everything else are counted in `skipped`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from ..errors import InputError
from ..export.ftm import REF_KEYWORD, TYPE_KEYWORD, claimgraph_id, ftm_model
from ..nlp.gazetteer import (
    normalise,  # the extractor's name key: a foreign actor gets the id extraction gives
)
from ..ontology import load_ontology
from ..records import Modality, PartialDate, Polarity, Precision, make_id
from .prior import Prior, PriorActor, PriorTie

OUR_ID = re.compile(r"^(act|ent|dsc)-[0-9a-f]{16}$")  # our actors, entities and descriptive actors
OUR_CLAIM = re.compile(r"^clm_[0-9a-f]{16}$")
SCHEMA_TYPES = {"Person": "person", "PublicBody": "agency", "Address": "place"}
# FtM link schema → (predicate, subject property, object property, role property or None, default role)
LINKS: dict[str, tuple[str, str, str, str | None, str | None]] = {
    "Membership": ("member_of", "member", "organization", "role", None),
    "Directorship": ("member_of", "director", "organization", "role", "director"),
    "Employment": ("member_of", "employee", "employer", "role", "employee"),
    "Family": ("family_of", "person", "relative", "relationship", None),
    "Associate": ("associated_with", "person", "associate", "relationship", None),
    "UnknownLink": ("associated_with", "subject", "object", "role", None),
}
_ROLE = re.compile(r"^([a-z_]+)(?: \((.+)\))?$")


def _first(p: Any, prop: str) -> str | None:
    values = p.get(prop, quiet=True)
    return str(values[0]) if values else None


def _actor(p: Any) -> PriorActor:
    keywords = p.get("keywords", quiet=True)
    etype = next((k[len(TYPE_KEYWORD) :] for k in keywords if k.startswith(TYPE_KEYWORD)), None)
    if etype is None:
        etype = next((t for s, t in SCHEMA_TYPES.items() if p.schema.is_a(s)), "organisation")
    names = p.get("name", quiet=True)
    name = str(names[0]) if names else str(_first(p, "full") or p.id)
    aliases = {name, *names}
    for prop in ("alias", "weakAlias", "previousName"):
        aliases.update(p.get(prop, quiet=True))
    refs = tuple(k[len(REF_KEYWORD) :] for k in keywords if k.startswith(REF_KEYWORD))
    if OUR_ID.match(p.id or ""):
        return PriorActor(claimgraph_id(p.id), name, etype, tuple(sorted(aliases)), refs, p.id)
    return PriorActor(
        make_id("ent", etype, normalise(name)),
        name,
        etype,
        tuple(sorted(aliases)),
        (*refs, f"ftm:{p.id}"),
        p.id,
    )


def _how(status: str | None) -> tuple[Modality, Polarity]:
    words = set(re.split(r"[,\s]+", (status or "").lower()))
    modality = next((m for m in Modality if m.value in words), Modality.ASSERTED)
    polarity = Polarity.NEGATED if Polarity.NEGATED.value in words else Polarity.AFFIRMED
    return modality, polarity


def _time(p: Any) -> PartialDate | None:
    start = _first(p, "startDate") or _first(p, "date")
    if start is None:
        return None
    precision = {4: Precision.YEAR, 7: Precision.MONTH}.get(len(start), Precision.DAY)
    end = _first(p, "endDate")
    return PartialDate(start, precision, end=end if end and end != start else None)


def read_ftm(entities: Iterable[tuple[int, dict[str, Any]]], name: str) -> Prior:
    """Actors and ties of FtM entities, given as (line number, entity dict)."""
    model = ftm_model()
    proxies = []
    for line, data in entities:
        try:
            proxies.append(model.get_proxy(data, cleaned=False))
        except Exception as exc:  # followthemoney raises several kinds for a bad entity
            raise InputError(f"{name}:{line}: not a FollowTheMoney entity: {exc}", stage="import") from exc
    predicates = load_ontology().predicates
    actors: dict[str, PriorActor] = {}
    by_ftm: dict[str, PriorActor] = {}
    articles = {p.id: p for p in proxies if p.schema.is_a("Document")}
    for p in proxies:
        if p.schema.is_a("LegalEntity") or p.schema.is_a("Address"):
            a = _actor(p)
            if a.id in actors:
                a = actors[a.id].absorb(a)
            actors[a.id] = a
            by_ftm[p.id] = a
    ties: list[PriorTie] = []
    skipped: Counter[tuple[str, str]] = Counter()
    for p in proxies:
        schema = p.schema.name
        if p.id in by_ftm or p.id in articles:
            continue
        if schema == "Note" and any(k.startswith("claimgraph:predicate:") for k in p.get("keywords", quiet=True)):
            keys = p.get("keywords", quiet=True)
            pred = next(k.split(":", 2)[2] for k in keys if k.startswith("claimgraph:predicate:"))
            status = next((k.split(":", 2)[2] for k in keys if k.startswith("claimgraph:status:")), None)
            subj = by_ftm.get(_first(p, "entity") or "")
            if subj is None:
                skipped[(schema, "its entity is not an actor in the file")] += 1
                continue
            ties.append(_tie(p, subj.id, pred, None, None, status, articles))
            continue
        if schema not in LINKS:
            skipped[(schema, "not an actor or a tie; not imported")] += 1
            continue
        predicate, sprop, oprop, rprop, default_role = LINKS[schema]
        subj, obj = by_ftm.get(_first(p, sprop) or ""), by_ftm.get(_first(p, oprop) or "")
        if subj is None or obj is None:
            skipped[(schema, "an end is not an actor in the file")] += 1
            continue
        role = (_first(p, rprop) if rprop else None) or default_role
        if schema == "UnknownLink" and role:
            m = _ROLE.match(role)
            if m and m.group(1) in predicates:
                predicate, role = m.group(1), m.group(2)
        ties.append(_tie(p, subj.id, predicate, obj.id, role, _first(p, "status"), articles))
    return Prior(
        name,
        "FollowTheMoney entities",
        tuple(actors.values()),
        tuple(ties),
        tuple((f"{n} {kind} entit(y/ies)", why) for (kind, why), n in sorted(skipped.items())),
    )


def _claim_id(p: Any) -> str | None:
    record = _first(p, "recordId")
    return record if record and OUR_CLAIM.match(record) else None


def _tie(
    p: Any,
    subject: str,
    predicate: str,
    obj: str | None,
    role: str | None,
    status: str | None,
    articles: dict[str, Any],
) -> PriorTie:
    modality, polarity = _how(status)
    said = _first(p, "summary") or ""
    if said.startswith("According to ") and "): " in said:  # claimgraph's own summary: keep who and cue
        said = said[len("According to ") : said.index("): ") + 1]
    proof = articles.get(_first(p, "proof") or "")
    cited = ""
    if proof is not None:
        cited = ", ".join(
            x for x in (_first(proof, "publisher"), _first(proof, "title"), _first(proof, "publishedAt")) if x
        )
    return PriorTie(
        subject,
        predicate,
        obj,
        role,
        modality,
        polarity,
        _time(p),
        said_by=said,
        cited=cited,
        quote=_first(p, "description") or "",
        origin=p.id,
        claim_id=_claim_id(p),
    )
