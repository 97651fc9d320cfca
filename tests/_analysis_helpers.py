"""Stores for the analysis and report tests: the seed sample with the claims its last sentence of the first
paragraph makes (both groups target Baloch activists in Balochistan), and a twelve-month corpus of
hand-built reports in which two fictional groups grow close while two others only fight."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from _sample import actor_id, ref, sample_extraction, sentence_of
from claimgraph.records import (
    Claim,
    Document,
    Entity,
    EntityRef,
    Extraction,
    Modality,
    PartialDate,
    Polarity,
    Precision,
    Source,
    SourceKind,
    Span,
    make_id,
    text_id,
)
from claimgraph.store import Store

BALOCH = EntityRef(make_id("act", "Baloch activists"), "Baloch activists")


def seed_extraction() -> Extraction:
    """The sample extraction plus the two `targets` claims of its first paragraph, located in Balochistan."""
    x = sample_extraction()
    text = x.doc.text
    ev = sentence_of(text, "facilitating collaboration")
    src = Source("Indian intelligence agencies", SourceKind.ORGANISATION, "picked up signs indicating")
    extra = tuple(
        Claim(
            id=make_id("clm", x.doc.id, actor_id(g), "targets", BALOCH.id, ev.start, ev.end),
            doc_id=x.doc.id,
            subject=ref(g),
            predicate="targets",
            object=BALOCH,
            evidence=ev,
            source=src,
            modality=Modality.HEDGED,
            place=ref("balochistan"),
            cues=("signs indicating",),
        )
        for g in ("let", "iskp")
    )
    i = text.index("Baloch activists")
    baloch = Entity(BALOCH.id, BALOCH.name, "group_identity", (), (Span(i, i + 16, "Baloch activists"),))
    return replace(x, entities=(*x.entities, baloch), claims=(*x.claims, *extra))


def make_seed_store(path: Path) -> Path:
    with Store(path) as store:
        store.save(seed_extraction())
    return path


# -- a year of reports -------------------------------------------------------------------------------------

GROUPS = {
    "alpha": ("Alpha Front", "armed_group"),
    "beta": ("Beta Brigade", "armed_group"),
    "gamma": ("Gamma Legion", "armed_group"),
    "delta": ("Delta Movement", "armed_group"),
    "agency": ("Directorate Nine", "agency"),
    "karim": ("Karim Dost", "person"),
    "kandar": ("Kandar", "place"),
    "banner": ("The Banner", "publication"),
}


def gref(key: str) -> EntityRef:
    return EntityRef(make_id("act", GROUPS[key][0]), GROUPS[key][0])


def _report(month: int, sentences: list[tuple[str, str, str | None, str, dict[str, object]]]) -> Extraction:
    """One report published on the 15th of `month` 2024; each sentence yields one claim."""
    text = "\n\n".join(s for *_, s, _ in sentences) or "Nothing of note was reported."
    text = f"Monthly security review {month}.\n\n" + text
    doc = Document(
        id=text_id(text),
        text=text,
        source=f"review-{month}.txt",
        outlet=f"Outlet {month % 3}",
        published=PartialDate(f"2024-{month:02d}-15", Precision.DAY),
    )
    named = Source("a police spokesman", SourceKind.NAMED_PERSON, "said")
    claims = []
    for subj, pred, obj, sent, kw in sentences:
        i = text.index(sent)
        span = Span(i, i + len(sent), sent)
        o = gref(obj) if obj else None
        claims.append(
            Claim(
                id=make_id("clm", doc.id, gref(subj).id, pred, o.id if o else None, span.start, span.end),
                doc_id=doc.id,
                subject=gref(subj),
                predicate=pred,
                object=o,
                evidence=span,
                source=kw.pop("source", named),
                **kw,  # type: ignore[arg-type]
            )
        )
    entities = []
    for key, (name, etype) in GROUPS.items():
        mentions = []
        start = 0
        while (i := text.find(name, start)) >= 0:
            mentions.append(Span(i, i + len(name), name))
            start = i + len(name)
        if mentions:
            entities.append(Entity(gref(key).id, name, etype, (), tuple(mentions)))
    return Extraction(doc=doc, entities=tuple(entities), claims=tuple(claims))


def year_corpus() -> list[Extraction]:
    """Twelve monthly reports of 2024. Alpha and Beta: one hedged association in March, then from July on
    cooperation each month, a shared commander (Karim Dost) and a shared sponsor; a denial in November.
    Gamma and Delta attack each other every month and nothing else."""
    reports = []
    for m in range(1, 13):
        s: list[tuple[str, str, str | None, str, dict[str, object]]] = [
            (
                "gamma",
                "attacked",
                "delta",
                f"Gamma Legion fighters attacked a Delta Movement post in month {m}.",
                {},
            ),
            (
                "delta",
                "attacked",
                "gamma",
                f"Delta Movement retaliated against Gamma Legion in month {m}.",
                {},
            ),
            ("alpha", "operates_in", "kandar", f"Alpha Front remained active in Kandar in month {m}.", {}),
        ]
        if m == 3:
            s.append(
                (
                    "alpha",
                    "associated_with",
                    "beta",
                    "Alpha Front may have links with Beta Brigade, one official suggested.",
                    {"modality": Modality.HEDGED},
                )
            )
        if m >= 7:
            s.append(
                (
                    "alpha",
                    "cooperates_with",
                    "beta",
                    f"Alpha Front and Beta Brigade carried out a joint operation in month {m}.",
                    {},
                )
            )
            s.append(("beta", "operates_in", "kandar", f"Beta Brigade set up a camp in Kandar in month {m}.", {}))
        if m in (8, 10):
            s.append(
                (
                    "karim",
                    "member_of",
                    "alpha",
                    f"Karim Dost commands Alpha Front units (month {m}).",
                    {"role": "commander"},
                )
            )
            s.append(
                (
                    "karim",
                    "member_of",
                    "beta",
                    f"Karim Dost also leads Beta Brigade fighters (month {m}).",
                    {"role": "commander"},
                )
            )
        if m in (9, 11):
            s.append(("agency", "supports", "alpha", f"Directorate Nine funds Alpha Front (month {m}).", {}))
            s.append(("agency", "supports", "beta", f"Directorate Nine arms Beta Brigade (month {m}).", {}))
        if m == 11:
            s.append(
                (
                    "beta",
                    "cooperates_with",
                    "alpha",
                    "A Beta Brigade spokesman denied any cooperation with Alpha Front.",
                    {
                        "polarity": Polarity.NEGATED,
                        "source": Source("a Beta Brigade spokesman", SourceKind.NAMED_PERSON, "denied"),
                    },
                )
            )
        reports.append(_report(m, s))
    return reports


def make_year_store(path: Path, months: int = 12) -> Path:
    with Store(path) as store:
        for x in year_corpus()[:months]:
            store.save(x)
    return path


JULY = date(2024, 7, 1)
