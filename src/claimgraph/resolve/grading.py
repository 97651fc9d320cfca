"""Independent corroboration, contradiction and credibility of claims (the rule is in docs/grading.md).

Two claims are *the same claim* when their subject and object actors (after merges), predicate and
intent match; symmetric predicates ignore the order of subject and object. Same key and opposite polarity
is a *contradiction*: both claims are kept and both are marked disputed.

A claim's *origin* is who can be held to it, so repeats of one origin count once:
  * a named person, organisation or document: its name, wherever it is quoted;
  * an anonymous source: the outlet it spoke to when the cue names one ("told ThePrint"), else the
    report it appears in, with wire copies and rewrites of that report (one near-duplicate group);
  * the outlet itself: the report, near-duplicates included.
Corroboration is the number of distinct origins among the claims that say the same thing.

Credibility (1 confirmed … 6 cannot be judged):
  base 1 with three or more independent origins, 2 with two, 3 with one;
  +1 when every supporting claim is hedged;
  disputed: at least 4, and 5 when the contradicting origins outnumber the supporting ones;
  6 when no origin can be identified (no source name and no report).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import ConfigError
from ..ontology import load_ontology
from ..records import Modality, Polarity, SourceKind
from ..store import Store
from ..store import grading as sg
from . import dedup
from .names import fold

GRADES = ("A", "B", "C", "D", "E", "F")
#: The Admiralty (NATO STANAG 2511) words for each grade: the one table every view and export uses.
RELIABILITY_LABELS: dict[str, str] = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
CREDIBILITY_LABELS: dict[int, str] = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}
_TOLD = re.compile(
    r"\b(?:told|according to|speaking to|said to)\s+(?:the\s+)?([A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*)"
)


@dataclass(frozen=True, slots=True)
class Reliability:
    """Editable reliability grades for outlets, named sources and kinds of source (see reliability.yaml)."""

    default_outlet: str
    kinds: dict[str, str]
    outlets: dict[str, str]
    sources: dict[str, str]

    def of_outlet(self, outlet: str | None) -> str:
        return self.outlets.get(fold(outlet or ""), self.default_outlet)

    def of_source(self, kind: str, name: str, outlet: str | None) -> str:
        named = self.sources.get(fold(name))
        if named:
            return named
        grade = self.kinds.get(kind, "outlet")
        return self.of_outlet(outlet) if grade == "outlet" else grade


def load_reliability(path: Path | None = None) -> Reliability:
    """The packaged grades, or a user file with the same layout."""
    try:
        text = path.read_text("utf-8") if path else _packaged()
        data = yaml.safe_load(text) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read reliability grades {path}: {exc}") from exc

    def check(where: str, grade: Any) -> str:
        if grade not in GRADES and not (where.startswith("kinds") and grade == "outlet"):
            raise ConfigError(f"reliability grade {grade!r} at {where} is not one of {', '.join(GRADES)}")
        return str(grade)

    kinds = {k: check(f"kinds.{k}", v) for k, v in (data.get("kinds") or {}).items()}
    unknown = set(kinds) - {k.value for k in SourceKind}
    if unknown:
        raise ConfigError(f"unknown source kind(s) in reliability grades: {', '.join(sorted(unknown))}")
    return Reliability(
        check("default_outlet", data.get("default_outlet", "F")),
        kinds,
        {fold(k): check(f"outlets.{k}", v) for k, v in (data.get("outlets") or {}).items()},
        {fold(k): check(f"sources.{k}", v) for k, v in (data.get("sources") or {}).items()},
    )


@cache
def _packaged() -> str:
    return resources.files("claimgraph.resolve").joinpath("reliability.yaml").read_text("utf-8")


@dataclass(frozen=True, slots=True)
class Grade:
    """A claim's grade: credibility 1–6, its source's reliability A–F, and what they rest on."""

    credibility: int
    reliability: str
    corroboration: int
    independent_sources: list[str]
    disputed: bool
    reason: str
    key: str = ""
    supporting: tuple[str, ...] = ()
    contradicting: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        return {
            "credibility": self.credibility, "reliability": self.reliability,
            "corroboration": self.corroboration, "independent_sources": list(self.independent_sources),
            "disputed": self.disputed, "reason": self.reason, "key": self.key,
            "supporting": list(self.supporting), "contradicting": list(self.contradicting),
        }


def claim_key(subject: str, predicate: str, obj: str | None, modality: str) -> str:
    """What makes two claims the same claim: actors after merges, predicate, and whether it is an intent."""
    pred = load_ontology().predicates.get(predicate)
    ends = [subject, obj or ""]
    if pred is not None and pred.symmetric and obj is not None:
        ends.sort()
    intent = "intended" if modality == Modality.INTENDED.value else "act"
    return "|".join([ends[0], predicate, ends[1], intent])


def origin_of(c: sg.ClaimRow, group: str) -> str:
    """Who a claim can be traced to (see the module docstring)."""
    kind = c.source_kind
    if kind in (SourceKind.NAMED_PERSON.value, SourceKind.ORGANISATION.value, SourceKind.DOCUMENT.value):
        name = fold(c.source_name)
        if name:
            return f"source:{name}"
    if kind == SourceKind.ANONYMOUS.value:
        told = _TOLD.search(f"{c.source_cue or ''} {c.source_name or ''}")
        if told:
            return f"anonymous via:{fold(told.group(1))}"
    return f"report:{group}" if group else ""


def grade_claims(
    store: Store, *, reliability: Reliability | None = None, as_of: str | None = None,
    groups: dict[str, str] | None = None,
) -> dict[str, Grade]:
    """Grade every stored claim (as the database held it at `as_of`, when given).

    Near-duplicate groups are computed afresh over the documents held at `as_of` unless `groups`
    (doc id → group id) is given; `refresh` stores both groups and grades for cheap reads.
    """
    rel = reliability or load_reliability()
    rows = sg.claim_rows(store, as_of=as_of)
    if groups is None:
        bound = sg.as_of_bound(as_of)
        docs = [(d.id, d.text) for d in sg.document_texts(store) if bound is None or d.ingested_at <= bound]
        groups = {d: g.id for g in dedup.group_documents(docs) for d in g.members}
    by_key: dict[str, list[sg.ClaimRow]] = defaultdict(list)
    keys: dict[str, str] = {}
    for c in rows:
        k = claim_key(c.subject, c.predicate, c.object, c.modality)
        keys[c.id] = k
        by_key[k].append(c)
    out: dict[str, Grade] = {}
    for c in rows:
        out[c.id] = _grade(c, keys[c.id], by_key[keys[c.id]], groups, rel)
    return out


def _grade(c: sg.ClaimRow, key: str, same_key: Sequence[sg.ClaimRow], groups: dict[str, str],
           rel: Reliability) -> Grade:
    support = [x for x in same_key if x.polarity == c.polarity]
    against = [x for x in same_key if x.polarity != c.polarity]
    sup_origins = sorted({o for x in support if (o := origin_of(x, groups.get(x.doc_id, x.doc_id)))})
    opp_origins = sorted({o for x in against if (o := origin_of(x, groups.get(x.doc_id, x.doc_id)))})
    n = len(sup_origins)
    hedged = all(x.modality == Modality.HEDGED.value for x in support)
    reliability = rel.of_source(c.source_kind, c.source_name, c.outlet)
    if n == 0:
        cred = 6
    else:
        cred = 1 if n >= 3 else 2 if n == 2 else 3
        if hedged:
            cred += 1
        if against:
            cred = max(cred + 1, 4)
            if len(opp_origins) > n:
                cred = 5
        cred = min(cred, 5)
    reason = _reason(cred, c, support, n, hedged, against, opp_origins)
    return Grade(cred, reliability, n, sup_origins, bool(against), reason, key,
                 tuple(x.id for x in support if x.id != c.id), tuple(x.id for x in against))


def _reason(cred: int, c: sg.ClaimRow, support: Sequence[sg.ClaimRow], n: int, hedged: bool,
            against: Sequence[sg.ClaimRow], opp_origins: Sequence[str]) -> str:
    if n == 0:
        return f"{cred}: no identifiable source"
    reports = len({x.doc_id for x in support})
    if n == 1:
        unnamed = c.source_kind in (SourceKind.ANONYMOUS.value, SourceKind.OUTLET.value)
        count = "one outlet" if unnamed else "one source"
    else:
        count = f"{n} independent sources"
    if reports > n:
        count += f" ({reports} reports)"
    kind = {
        SourceKind.ANONYMOUS.value: "anonymous source",
        SourceKind.OUTLET.value: "the outlet's own statement",
        SourceKind.NAMED_PERSON.value: f"named source {c.source_name}",
        SourceKind.ORGANISATION.value: f"organisation {c.source_name}",
        SourceKind.DOCUMENT.value: f"document {c.source_name}",
    }.get(c.source_kind, c.source_kind)
    parts = [count, kind]
    if hedged:
        parts.append("hedged")
    if against:
        denial = "denied" if c.polarity == Polarity.AFFIRMED.value else "affirmed"
        parts.append(f"disputed: {denial} by {len(opp_origins)} source{'s' if len(opp_origins) != 1 else ''}")
    else:
        parts.append("not contradicted")
    return f"{cred}: " + ", ".join(parts)


def refresh(store: Store, *, reliability: Reliability | None = None) -> dict[str, Grade]:
    """Regroup near-duplicate documents and regrade every claim; store both. Call after each ingest."""
    groups = dedup.refresh_groups(store)
    by_doc = {d: g.id for g in groups for d in g.members}
    grades = grade_claims(store, reliability=reliability, groups=by_doc)
    sg.replace_grades(store, (
        sg.GradeRow(cid, g.key, g.credibility, g.reliability, g.corroboration, tuple(g.independent_sources),
                    g.supporting, g.contradicting, g.disputed, g.reason)
        for cid, g in grades.items()
    ))
    return grades


def stored_grades(store: Store, claim_ids: Sequence[str] | None = None) -> dict[str, Grade]:
    """Grades as the last `refresh` stored them (cheap; for the API and exports)."""
    return {
        cid: Grade(r.credibility, r.reliability, r.corroboration, list(r.sources), r.disputed, r.reason,
                   r.claim_key, r.supporting, r.contradicting)
        for cid, r in sg.stored_grades(store, claim_ids).items()
    }
