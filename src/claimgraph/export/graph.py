"""GraphML and GEXF 1.3 for Gephi, yEd, Cytoscape and networkx.

Nodes are actors (and events, `kind` = "event"); an edge is a *tie*: every claim with the same subject,
predicate, object, modality and polarity, counted in `claim_count`, with the best Admiralty credibility among
them, the sources, claim ids and evidence spans. So a hedged tie and an asserted one between the same actors
stay two edges, and a denied tie is an edge with `polarity` = "negated": filter on it, never read it as a tie.

Time: each claim covers the days of its own `time` ("in March 2025" → 2025-03-01..2025-03-31), else of the
document's publication date, else of its ingestion day. GEXF edges carry one spell per claim and nodes the
span of their edges (graph mode "dynamic", so Gephi's timeline works); GraphML carries `start`/`end` and the
spells as text, which Gephi can merge into a time interval column.

Written with xml.etree rather than networkx's writers: networkx is not a run-time dependency, and its GEXF
writer stamps the current date into the file (exports must be byte-identical for the same store).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..ontology import load_ontology
from ..records import Claim, Place
from .registry import Exporter, ExportResult, open_text, register
from .snapshot import Snapshot, claim_when, date_bounds

GEXF_NS = "http://gexf.net/1.3"
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
XSI = "http://www.w3.org/2001/XMLSchema-instance"

# (name, type) — types are GraphML's; GEXF's differ only in "int" → "integer".
NODE_ATTRS = (
    ("kind", "string"),
    ("type", "string"),
    ("aliases", "string"),
    ("refs", "string"),
    ("claim_count", "int"),
    ("doc_count", "int"),
    ("first_seen", "string"),
    ("country", "string"),
    ("latitude", "double"),
    ("longitude", "double"),
)
EDGE_ATTRS = (
    ("predicate", "string"),
    ("role", "string"),
    ("modality", "string"),
    ("polarity", "string"),
    ("symmetric", "boolean"),
    ("claim_count", "int"),
    ("doc_count", "int"),
    ("credibility", "int"),
    ("grade", "string"),
    ("disputed", "boolean"),
    ("sources", "string"),
    ("claims", "string"),
    ("evidence", "string"),
)

LOSSY = (
    "claims are grouped into ties (subject, predicate, object, modality, polarity): per-claim source, "
    "cue and quote are lists in `sources`, `claims` and `evidence` (document:start-end), not the quoted text",
    "roles: a tie lists every role its claims name, joined by '; '",
    "claims without an object (claimed_responsibility) have no edge; they are counted in the actor's claim_count",
    "events are nodes (type 'ASSAULT/attack', country and coordinates when known) linked to perpetrators "
    "(role = responsibility) and targets; casualties and the place name are not carried",
    "GraphML has no time standard: start/end/spells are plain attributes",
)


@dataclass
class _Tie:
    source: str
    target: str
    predicate: str
    modality: str
    polarity: str
    symmetric: bool
    claims: list[Claim] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)
    credibility: int = 6
    grade: str = "F6"
    disputed: bool = False
    spells: set[tuple[date, date]] = field(default_factory=set)

    @property
    def id(self) -> str:
        return f"{self.source}|{self.predicate}|{self.target}|{self.modality}|{self.polarity}"


@dataclass
class _Node:
    id: str
    label: str
    attrs: dict[str, Any]
    spells: set[tuple[date, date]] = field(default_factory=set)


def build(snap: Snapshot) -> tuple[list[_Node], list[_Tie], list[tuple[str, str]]]:
    """Nodes and ties of a snapshot (ordered by id), and claims left without an edge, with why."""
    ontology = load_ontology()
    ties: dict[tuple[str, ...], _Tie] = {}
    claim_count: dict[str, int] = defaultdict(int)
    docs_of: dict[str, set[str]] = defaultdict(set)
    spells_of: dict[str, set[tuple[date, date]]] = defaultdict(set)
    skipped: list[tuple[str, str]] = []
    for g in snap.claims:
        c = g.claim
        spell = date_bounds(claim_when(g, snap))
        for r in (c.subject, c.object):
            if r is not None:
                claim_count[r.id] += 1
                docs_of[r.id].add(c.doc_id)
                spells_of[r.id].add(spell)
        if c.object is None:
            skipped.append((c.id, "claim has no object: no edge"))
            continue
        pred = ontology.predicates.get(c.predicate)
        symmetric = bool(pred and pred.symmetric)
        s, o = c.subject.id, c.object.id
        if symmetric and o < s:
            s, o = o, s
        key = (s, c.predicate, o, c.modality.value, c.polarity.value)
        tie = ties.setdefault(key, _Tie(s, o, c.predicate, c.modality.value, c.polarity.value, symmetric))
        tie.claims.append(c)
        tie.docs.add(c.doc_id)
        tie.sources.add(c.source.name)
        tie.spells.add(spell)
        if c.role:
            tie.roles.add(c.role)
        tie.disputed = tie.disputed or g.grade.disputed
        if g.grade.credibility <= tie.credibility:
            tie.credibility, tie.grade = g.grade.credibility, g.grade.code

    for ms in snap.mentions.values():
        for m in ms:
            docs_of[m.entity_id].add(m.doc_id)
    nodes: list[_Node] = []
    for a in snap.actors.values():
        if not spells_of[a.id]:
            spells_of[a.id].update(_doc_spell(snap, d) for d in docs_of[a.id])
        nodes.append(
            _Node(
                a.id,
                a.name,
                {
                    "kind": "actor",
                    "type": a.type,
                    "aliases": "; ".join(a.aliases),
                    "refs": "; ".join(a.refs),
                    "claim_count": claim_count[a.id],
                    "doc_count": len(docs_of[a.id]),
                    "first_seen": a.first_seen,
                    **_geo(snap.places.get(a.id)),
                },
                spells_of[a.id],
            )
        )
    event_ties: list[_Tie] = []
    for rec in snap.events:
        ev = rec.event
        spell = date_bounds(ev.date) if ev.date else _doc_spell(snap, ev.doc_id)
        where = f" in {ev.place.name}" if ev.place else ""
        nodes.append(
            _Node(
                ev.id,
                f"{ev.mode or ev.type.lower()}{where}",
                {
                    "kind": "event",
                    "type": f"{ev.type}/{ev.mode or '-'}",
                    "aliases": "",
                    "refs": "",
                    "claim_count": 0,
                    "doc_count": 1,
                    "first_seen": rec.ingested_at,
                    **_geo(ev.place),
                },
                {spell},
            )
        )
        for role, refs in (("perpetrator", ev.perpetrators), ("target", ev.targets)):
            for r in refs:
                if r.id not in snap.actors:
                    continue
                s, o = (r.id, ev.id) if role == "perpetrator" else (ev.id, r.id)
                tie = _Tie(
                    s,
                    o,
                    role,
                    "asserted",
                    "affirmed",
                    False,
                    docs={ev.doc_id},
                    spells={spell},
                    roles={ev.responsibility.value} if role == "perpetrator" else set(),
                )
                event_ties.append(tie)
                spells_of[r.id].add(spell)
    for n in nodes:
        n.spells |= spells_of.get(n.id, set())
    nodes.sort(key=lambda n: n.id)
    return nodes, sorted(ties.values(), key=lambda t: t.id) + event_ties, skipped


def _geo(place: Place | None) -> dict[str, Any]:
    if place is None:
        return {}
    return {"country": place.country, "latitude": place.lat, "longitude": place.lon}


def _doc_spell(snap: Snapshot, doc_id: str) -> tuple[date, date]:
    d = snap.documents[doc_id]
    if d.doc.published is not None:
        return date_bounds(d.doc.published)
    day = date.fromisoformat(d.ingested_at[:10])
    return day, day


def _edge_attrs(t: _Tie) -> dict[str, Any]:
    return {
        "predicate": t.predicate,
        "role": "; ".join(sorted(t.roles)),
        "modality": t.modality,
        "polarity": t.polarity,
        "symmetric": t.symmetric,
        "claim_count": len(t.claims),
        "doc_count": len(t.docs),
        "credibility": t.credibility,
        "grade": t.grade,
        "disputed": t.disputed,
        "sources": "; ".join(sorted(t.sources)),
        "claims": "; ".join(c.id for c in t.claims),
        "evidence": "; ".join(f"{c.doc_id}:{c.evidence.start}-{c.evidence.end}" for c in t.claims),
    }


def _text(value: Any) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def _bounds(spells: set[tuple[date, date]]) -> tuple[str, str] | None:
    if not spells:
        return None
    return min(s for s, _ in spells).isoformat(), max(e for _, e in spells).isoformat()


def to_gexf(snap: Snapshot) -> tuple[ET.ElementTree, dict[str, int], list[tuple[str, str]]]:
    nodes, ties, skipped = build(snap)
    ET.register_namespace("", GEXF_NS)
    ET.register_namespace("xsi", XSI)
    q = f"{{{GEXF_NS}}}"
    root = ET.Element(q + "gexf", {"version": "1.3", f"{{{XSI}}}schemaLocation": f"{GEXF_NS} {GEXF_NS}/gexf.xsd"})
    stamp = max((d.ingested_at for d in snap.documents.values()), default="2020-01-01")[:10]
    meta = ET.SubElement(root, q + "meta", lastmodifieddate=stamp)
    ET.SubElement(meta, q + "creator").text = "claimgraph"
    ET.SubElement(meta, q + "description").text = (
        "Attributed claims about actors: each edge is what sources say, with how firmly (modality) and "
        "whether they deny it (polarity). Not established fact."
    )
    graph = ET.SubElement(
        root,
        q + "graph",
        defaultedgetype="directed",
        mode="dynamic",
        timeformat="date",
        timerepresentation="interval",
    )
    for cls, attrs in (("node", NODE_ATTRS), ("edge", EDGE_ATTRS)):
        el = ET.SubElement(graph, q + "attributes", {"class": cls, "mode": "static"})
        for name, typ in attrs:
            ET.SubElement(el, q + "attribute", id=name, title=name, type="integer" if typ == "int" else typ)
    nodes_el = ET.SubElement(graph, q + "nodes")
    for n in nodes:
        span = _bounds(n.spells)
        el = ET.SubElement(
            nodes_el,
            q + "node",
            {"id": n.id, "label": n.label, **({"start": span[0], "end": span[1]} if span else {})},
        )
        _attvalues(el, q, n.attrs)
    edges_el = ET.SubElement(graph, q + "edges")
    for i, t in enumerate(ties):
        el = ET.SubElement(
            edges_el,
            q + "edge",
            id=str(i),
            source=t.source,
            target=t.target,
            label=t.predicate,
            weight=str(float(max(1, len(t.claims)))),
        )
        _attvalues(el, q, _edge_attrs(t))
        spells = ET.SubElement(el, q + "spells")
        for s, e in sorted(t.spells):
            ET.SubElement(spells, q + "spell", start=s.isoformat(), end=e.isoformat())
    ET.indent(root)
    return ET.ElementTree(root), {"nodes": len(nodes), "edges": len(ties)}, skipped


def _attvalues(el: ET.Element, q: str, attrs: dict[str, Any]) -> None:
    values = ET.SubElement(el, q + "attvalues")
    for k, v in attrs.items():
        if v is not None:  # an unknown value is left out, not written as "None"
            ET.SubElement(values, q + "attvalue", {"for": k, "value": _text(v)})


def to_graphml(snap: Snapshot) -> tuple[ET.ElementTree, dict[str, int], list[tuple[str, str]]]:
    nodes, ties, skipped = build(snap)
    ET.register_namespace("", GRAPHML_NS)
    q = f"{{{GRAPHML_NS}}}"
    root = ET.Element(q + "graphml")
    extra = (("label", "string"), ("start", "string"), ("end", "string"), ("spells", "string"))
    for cls, attrs in (("node", NODE_ATTRS + extra), ("edge", EDGE_ATTRS + extra)):
        for name, typ in attrs:
            ET.SubElement(root, q + "key", {"id": f"{cls[0]}_{name}", "for": cls, "attr.name": name, "attr.type": typ})
    graph = ET.SubElement(root, q + "graph", id="claimgraph", edgedefault="directed")
    for n in nodes:
        el = ET.SubElement(graph, q + "node", id=n.id)
        _data(el, q, "n", {"label": n.label, **n.attrs, **_time(n.spells)})
    for i, t in enumerate(ties):
        el = ET.SubElement(graph, q + "edge", id=f"e{i}", source=t.source, target=t.target)
        _data(el, q, "e", {"label": t.predicate, **_edge_attrs(t), **_time(t.spells)})
    ET.indent(root)
    return ET.ElementTree(root), {"nodes": len(nodes), "edges": len(ties)}, skipped


def _time(spells: set[tuple[date, date]]) -> dict[str, str]:
    span = _bounds(spells)
    if span is None:
        return {}
    return {
        "start": span[0],
        "end": span[1],
        "spells": "; ".join(f"{s.isoformat()}/{e.isoformat()}" for s, e in sorted(spells)),
    }


def _data(el: ET.Element, q: str, prefix: str, attrs: dict[str, Any]) -> None:
    for k, v in attrs.items():
        if v is not None:
            ET.SubElement(el, q + "data", key=f"{prefix}_{k}").text = _text(v)


def _writer(name: str, build_tree: Any) -> Any:
    def write(snap: Snapshot, target: str) -> ExportResult:
        tree, counts, skipped = build_tree(snap)
        with open_text(target) as fh:
            tree.write(fh, encoding="unicode", xml_declaration=True)
            fh.write("\n")
        return ExportResult(name, (target,), counts, LOSSY, tuple(skipped))

    return write


register(Exporter("gexf", "GEXF 1.3, dynamic (Gephi timeline)", _writer("gexf", to_gexf)))
register(Exporter("graphml", "GraphML (yEd, Cytoscape, Gephi, networkx)", _writer("graphml", to_graphml)))
