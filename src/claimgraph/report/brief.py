"""The analyst brief, in Markdown or HTML: headline findings, converging pairs, brokers, a timeline and
figures (report/analyst.py), then who the actors are and what each source says about them. Every
statement cites the document and span behind it."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from ..errors import UsageError
from ..ontology import load_ontology
from ..records import Claim, Modality, Polarity, SourceKind
from ..store import Store
from .analyst import analyst_sections
from .cite import cite, cited_documents
from .html import to_html

__all__ = ["cite", "claim_sentence", "write_brief"]
FORMATS = ("md", "html")


def _how(c: Claim) -> str:
    parts = []
    if c.polarity is Polarity.NEGATED:
        parts.append("denied")
    if c.modality is Modality.HEDGED:
        parts.append("hedged")
    elif c.modality is Modality.INTENDED:
        parts.append("intended, not done")
    return f" ({', '.join(parts)})" if parts else ""


def claim_sentence(c: Claim) -> str:
    """One claim as a sentence that says who asserts it, how firmly, and where it comes from."""
    ontology = load_ontology()
    label = ontology.predicates[c.predicate].label if c.predicate in ontology.predicates else c.predicate
    obj = f" {c.object.name}" if c.object else ""
    role = f" as {c.role}" if c.role else ""
    if c.source.kind is SourceKind.OUTLET:
        who = f"The report ({c.source.name}) states"
    else:
        who = f"{c.source.name} ({c.source.kind.value.replace('_', ' ')}) says"
    when = f", {c.time.value}" if c.time else ""
    quote = c.evidence.text.replace("\n", " ").strip()
    if len(quote) > 220:
        quote = quote[:217] + "…"
    return (
        f"{who} that {c.subject.name} {label}{obj}{role}{when}{_how(c)}: “{quote}” "
        f"{cite(c.doc_id, c.evidence.start, c.evidence.end)}"
    )


def write_brief(
    store: Store, *, limit_actors: int = 25, fmt: str = "md", figures_dir: Path | None = None
) -> str:
    """The analyst brief of the whole store as Markdown (`fmt="md"`) or a standalone HTML page (`"html"`).

    With `figures_dir`, the network and score-over-time figures are written there (PNG and SVG) and linked
    by file name, so the brief should be written into the same folder."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown report format {fmt!r}; use one of: {', '.join(FORMATS)}")
    counts = store.counts()
    lines = [
        "# claimgraph brief",
        "",
        "claimgraph reports what sources *say*; nothing below is established fact unless a source says so, "
        "and every statement cites the document and character span behind it.",
        "",
        f"{counts['documents']} documents, {counts['entities']} actors, {counts['claims']} claims and "
        f"{counts['events']} events are stored. {_reviewed(store, counts)}",
        "",
    ]
    lines += analyst_sections(store, figures_dir=figures_dir)
    lines += ["## Actors", ""]
    by_actor: dict[str, list[Claim]] = defaultdict(list)
    for c in store.iter_claims():
        by_actor[store.actor_id(c.subject.id)].append(c)
        if c.object is not None:
            by_actor[store.actor_id(c.object.id)].append(c)
    ranked = sorted(by_actor.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:limit_actors]
    for actor_id, claims in ranked:
        actor = store.entity(actor_id)
        aliases = [a for a in store.aliases(actor_id) if a != actor["name"]]
        lines.append(f"### {actor['name']}")
        lines.append("")
        if aliases:
            lines.append(f"Also named: {', '.join(aliases[:12])}.")
            lines.append("")
        seen: set[str] = set()
        for c in claims:
            if c.id in seen:
                continue
            seen.add(c.id)
            lines.append(f"- {claim_sentence(c)}")
        lines.append("")
    events = store.events(limit=50)
    if events:
        lines += ["## Events", ""]
        for ev in events:
            who = ", ".join(p.name for p in ev.perpetrators) or "no perpetrator named"
            where = f" in {ev.place.name}" if ev.place else ""
            when = f" ({ev.date.value})" if ev.date else ""
            killed = ""
            if ev.killed and ev.killed.min is not None:
                approx = "about " if ev.killed.approximate else ("at least " if ev.killed.max is None else "")
                killed = f", {approx}{ev.killed.min} killed"
            lines.append(
                f"- {ev.mode or ev.type}{where}{when}: {who} ({ev.responsibility.value}){killed} "
                f"{cite(ev.doc_id, ev.evidence.start, ev.evidence.end)}"
            )
        lines.append("")
    lines += _sources(store, cited_documents("\n".join(lines)))
    text = "\n".join(lines)
    return to_html(text, title="claimgraph brief") if fmt == "html" else text


def _reviewed(store: Store, counts: dict[str, int]) -> str:
    """"12 of 40 claims reviewed …": how much of what the brief rests on an analyst has checked."""
    from ..store.reviews import review_counts

    parts = []
    for kind, table in (("claim", "claims"), ("event", "events")):
        by = review_counts(store, kind)
        done = sum(by.values())
        detail = ", ".join(f"{n} {v}" for v, n in sorted(by.items()))
        parts.append(f"{done} of {counts[table]} {table} reviewed" + (f" ({detail})" if detail else ""))
    rejected = review_counts(store, "claim").get("rejected", 0) + review_counts(store, "event").get("rejected", 0)
    tail = f"; the {rejected} rejected are left out below" if rejected else ""
    return "; ".join(parts) + tail + "."


def _sources(store: Store, doc_ids: list[str]) -> list[str]:
    """The documents the brief cites: title, outlet, date at its precision, link (or the file it came from)."""
    if not doc_ids:
        return []
    lines = ["## Sources", ""]
    for doc_id in doc_ids:
        d = store.document(doc_id)
        parts = [d.title or d.source or "untitled"]
        if d.outlet:
            parts.append(d.outlet)
        parts.append(d.published.value if d.published else "undated")
        if d.url:
            parts.append(f"<{d.url}>")
        elif d.source and d.source != parts[0]:
            parts.append(f"from `{d.source}`")
        lines.append(f"- **{doc_id}** — " + ", ".join(parts))
    lines.append("")
    return lines
