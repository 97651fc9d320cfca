"""The analyst part of the brief: headline findings, converging pairs with their evidence, brokers, a timeline
and figures. Every sentence ends with the citations of the documents and spans behind it; a finding that
rests on one document says so."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from ..analysis import Analysis, Broker, Evidence, PairScore, brokers_of
from ..ontology import load_ontology
from ..store import Store
from .cite import cite
from .figures import network_figure, trend_figure

SIGNAL_TEXT = {
    "direct_tie": "direct ties (cooperation, alliance, meetings, joint operations)",
    "sponsorship": "one supports or directs the other",
    "member_tie": "meetings or cooperation between their members",
    "shared_person": "a person tied to both",
    "shared_sponsor": "a shared sponsor or handler",
    "shared_media": "shared media or propaganda channels",
    "shared_target": "shared targets",
    "shared_place": "shared places of operation",
    "hostile": "hostile acts between them",
}


def cites(evidence: Sequence[Evidence], limit: int = 4) -> str:
    seen: list[str] = []
    for e in evidence:
        c = cite(e.doc_id, e.start, e.end)
        if c not in seen:
            seen.append(c)
    more = f" (+{len(seen) - limit} more)" if len(seen) > limit else ""
    return " ".join(seen[:limit]) + more


def evidence_sentence(e: Evidence) -> str:
    """One piece of evidence as a sentence: who says it, how firmly, the quote, the citation."""
    ontology = load_ontology()
    pdef = ontology.predicates.get(e.predicate)
    label = pdef.label if pdef else e.predicate.replace("_", " ")
    obj = f" {e.object}" if e.object else ""
    role = f" as {e.role}" if e.role and e.kind == "claim" else ""
    if e.source_kind == "outlet":
        who = f"The report ({e.source}) states"
    else:
        who = f"{e.source} ({e.source_kind.replace('_', ' ')}) says"
    how = f" ({', '.join(e.flags)})" if e.flags else ""
    quote = " ".join(e.text.split())
    quote = quote if len(quote) <= 220 else quote[:217] + "…"
    return (
        f"{who} that {e.subject} {label}{obj}{role}, {_when(e)}{how}: “{quote}” "
        f"{cite(e.doc_id, e.start, e.end)}"
    )


def _when(e: Evidence) -> str:
    if e.date is None:
        return "undated (its document gives no date)"
    return f"{e.date_text or e.date} ({e.date_basis} date)"


def _since(p: PairScore) -> str:
    return f"evidence since {p.first_seen}" if p.first_seen else "on undated documents only"


def _all_evidence(p: PairScore) -> list[Evidence]:
    return [e for s in p.signals for e in s.evidence]


def _single(documents: Sequence[str]) -> str:
    return " **Single-source finding.**" if len(documents) <= 1 else ""


def _headline(p: PairScore) -> str:
    kinds = [SIGNAL_TEXT[s.kind] for s in p.signals if s.strength > 0 and s.kind != "hostile"][:3]
    trend = {"rising": "and rising", "falling": "but falling", "steady": "and steady"}[p.direction]
    return (
        f"**{p.a.name} and {p.b.name}** converge (score {p.score:.2f}, {trend}; {_since(p)}) on "
        f"{', '.join(kinds) or 'weak signals'}, in {len(p.documents)} document(s)."
        f"{_single(p.documents)} {cites(_all_evidence(p))}"
    )


def _pair_section(rank: int, p: PairScore, evidence_shown: int) -> list[str]:
    lines = [
        f"### {rank}. {p.a.name} – {p.b.name}",
        "",
        f"Score {p.score:.2f} on {p.trend[-1].end} ({p.direction}); {_since(p)}"
        + (f"; past the emergence threshold by {p.emerged}" if p.emerged else "")
        + f".{_single(p.documents)} {cites(_all_evidence(p))}",
        "",
    ]
    for s in p.signals:
        via = f" via {' & '.join(v.name for v in s.via)}" if s.via else ""
        flags = f" — {', '.join(s.flags)}" if s.flags else ""
        lines.append(
            f"- **{SIGNAL_TEXT[s.kind]}**{via} (strength {s.strength:+.2f}{flags}) {cites(s.evidence)}:"
        )
        for e in s.evidence[:evidence_shown]:
            lines.append(f"  - {evidence_sentence(e)}")
    lines.append("")
    return lines


def _broker_lines(found: Sequence[Broker]) -> list[str]:
    lines = []
    for b in found:
        bridged = "; ".join(f"{x.a.name} and {x.b.name}" for x in b.bridges[:3])
        docs = sorted({e.doc_id for e in b.evidence})
        lines.append(
            f"- **{b.actor.name}** ({b.actor.type}, score {b.score:.2f}) links {bridged or 'no groups'}."
            f"{_single(docs)} {cites(b.evidence)}"
        )
        for e in b.evidence[:4]:
            lines.append(f"  - {evidence_sentence(e)}")
    return lines


def _timeline(analysis: Analysis, limit: int) -> list[str]:
    """Dated events and stated-time claims, oldest first."""
    facts = [f for f in analysis.base.facts if f.dated and (f.basis == "stated" or f.kind == "event")]
    facts.sort(key=lambda f: (f.when, f.doc_id, f.start, f.id))
    seen: set[tuple[str, int, int]] = set()
    lines = []
    for f in facts:
        key = (f.doc_id, f.start, f.end)
        if key in seen:
            continue
        seen.add(key)
        what = f"{analysis.base.actor(f.subject).name} {f.predicate.replace('_', ' ')}"
        obj = f" {analysis.base.actor(f.object).name}" if f.object else ""
        basis = "" if f.basis == "stated" else f" ({f.basis} date)"
        lines.append(
            f"- {f.when_text or f.when}{basis}: {what}{obj}, according to {f.source}. "
            f"{cite(f.doc_id, f.start, f.end)}"
        )
        if len(lines) >= limit:
            break
    return lines


def analyst_sections(
    store: Store,
    *,
    figures_dir: Path | None = None,
    top: int = 5,
    evidence_shown: int = 4,
    window: timedelta = timedelta(days=90),
) -> list[str]:
    """Markdown lines of the analyst brief. Figures are written to `figures_dir` (and linked) when given."""
    analysis = Analysis.load(store)
    pairs = analysis.pairs(window=window)
    converging = [p for p in pairs if p.converging][:top]
    hostile = [p for p in pairs if not p.converging][:top]
    found = brokers_of(analysis, limit=top)
    lines = ["## Headline findings", ""]
    undated = analysis.base.undated()
    if undated:
        lines += [
            f"{undated} of {len(analysis.base.facts)} findings rest on documents that give no date: they count "
            "toward the scores, but are never called new or rising, and a date filter leaves them out.",
            "",
        ]
    if not converging:
        lines += ["No pair of groups converges on the stored evidence.", ""]
    for p in converging[:3]:
        lines.append(f"- {_headline(p)}")
    if found:
        b = found[0]
        docs = sorted({e.doc_id for e in b.evidence})
        lines.append(
            f"- **{b.actor.name}** is the strongest broker, linking "
            f"{'; '.join(f'{x.a.name} and {x.b.name}' for x in b.bridges[:2])}.{_single(docs)} "
            f"{cites(b.evidence)}"
        )
    lines.append("")
    if converging:
        lines += ["## Converging pairs", ""]
        for i, p in enumerate(converging, 1):
            lines += _pair_section(i, p, evidence_shown)
    if hostile:
        lines += ["## Hostile pairs (not converging)", ""]
        for p in hostile:
            lines.append(
                f"- {p.a.name} – {p.b.name}: score {p.score:.2f}.{_single(p.documents)} "
                f"{cites(_all_evidence(p))}"
            )
        lines.append("")
    if found:
        lines += ["## Brokers", ""] + _broker_lines(found) + [""]
    timeline = _timeline(analysis, 40)
    if timeline:
        lines += ["## Timeline", ""] + timeline + [""]
    if figures_dir is not None:
        figures_dir.mkdir(parents=True, exist_ok=True)
        net = network_figure(converging + hostile, found, figures_dir)
        trend = trend_figure(converging, figures_dir)
        lines += [
            "## Figures",
            "",
            f"![Network of converging and hostile pairs]({net[0].name})",
            "",
            f"![Convergence score over time]({trend[0].name})",
            "",
            f"Vector versions: {net[1].name}, {trend[1].name}.",
            "",
        ]
    return lines
