"""A small hand-built store mirroring the seed article, for tests of the stages after extraction
(store, resolution, analysis, API, exports) that should not depend on the NLP models' output.

Every span is found in the text, so provenance holds exactly as it does for extracted records."""

from __future__ import annotations

from pathlib import Path

from claimgraph.records import (
    Claim,
    Document,
    Entity,
    EntityRef,
    Event,
    Extraction,
    Modality,
    PartialDate,
    Place,
    Polarity,
    Precision,
    Quantity,
    Responsibility,
    Source,
    SourceKind,
    Span,
    make_id,
    text_id,
)
from claimgraph.store import Store

SEED_TEXT = (
    "New Delhi: Indian intelligence agencies have picked up signs indicating that Pakistan's security "
    "establishment is facilitating collaboration between terrorist organisations Lashkar-e-Taiba and Islamic "
    "State Khorasan Province (ISKP) to target Baloch activists as well as insurgents in Balochistan province.\n\n"
    "In the photo, ISKP's coordinator in Balochistan, Mir Shafiq Mengal, is seen handing over a pistol as a gift "
    "to senior Lashkar commander Rana Mohammad Ashfaq.\n\n"
    "The latest impetus for collaboration came about in the wake of an attack by the Baloch Liberation Army on "
    "ISKP's Mastung camp in March that killed around 30 of its fighters.\n\n"
    "Mengal has been identified as a key asset of the ISI, which is also helping the ISKP establish its two "
    "operational bases in Mastung and Khuzdar districts.\n\n"
    "\u201cThe LeT\u2013ISKP collaboration under ISI's supervision marks a dangerous shift,\u201d the source "
    "explained. <script>alert('x')</script>"
)

ACTORS = {
    "let": ("Lashkar-e-Taiba", "armed_group", ("LeT", "Lashkar")),
    "iskp": ("Islamic State Khorasan Province", "armed_group", ("ISKP",)),
    "isi": ("Inter-Services Intelligence", "agency", ("ISI",)),
    "bla": ("Baloch Liberation Army", "armed_group", ("BLA",)),
    "mengal": ("Mir Shafiq Mengal", "person", ("Mengal",)),
    "ashfaq": ("Rana Mohammad Ashfaq", "person", ("Ashfaq",)),
    "mastung": ("Mastung", "place", ()),
    "balochistan": ("Balochistan", "place", ()),
}


def actor_id(key: str) -> str:
    return make_id("act", ACTORS[key][0])


def ref(key: str) -> EntityRef:
    return EntityRef(actor_id(key), ACTORS[key][0])


def span_of(text: str, needle: str, start: int = 0) -> Span:
    i = text.index(needle, start)
    return Span(i, i + len(needle), needle)


def sentence_of(text: str, needle: str) -> Span:
    i = text.index(needle)
    s = text.rfind("\n\n", 0, i)
    s = 0 if s < 0 else s + 2
    e = text.find("\n\n", i)
    e = len(text) if e < 0 else e
    return Span(s, e, text[s:e])


def sample_extraction(text: str = SEED_TEXT, *, outlet: str = "ThePrint", published: str = "2025-10-07") -> Extraction:
    doc = Document(
        id=text_id(text), text=text, source="sample.txt", title="ISKP & Lashkar converging", outlet=outlet,
        published=PartialDate(published, Precision.DAY),
    )
    entities = []
    for key, (name, etype, aliases) in ACTORS.items():
        mentions = []
        for form in (name, *aliases):
            start = 0
            while (i := text.find(form, start)) >= 0:
                mentions.append(Span(i, i + len(form), form))
                start = i + len(form)
        entities.append(Entity(actor_id(key), name, etype, aliases, tuple(mentions)))
    anon = Source("sources in the Indian security establishment", SourceKind.ANONYMOUS, "said")
    src = Source("a source in the security establishment", SourceKind.ANONYMOUS, "explained")

    def claim(subj: str, pred: str, obj: str | None, needle: str, source: Source = anon, **kw: object) -> Claim:
        ev = sentence_of(text, needle)
        o = ref(obj) if obj else None
        return Claim(
            id=make_id("clm", doc.id, actor_id(subj), pred, o.id if o else None, ev.start, ev.end),
            doc_id=doc.id, subject=ref(subj), predicate=pred, object=o, evidence=ev, source=source, **kw,  # type: ignore[arg-type]
        )

    claims = (
        claim("let", "cooperates_with", "iskp", "facilitating collaboration", modality=Modality.HEDGED,
              cues=("signs indicating",)),
        claim("isi", "supports", "let", "facilitating collaboration", modality=Modality.HEDGED),
        claim("isi", "directs", "iskp", "under ISI's supervision", source=src),
        claim("mengal", "member_of", "iskp", "Mir Shafiq Mengal", role="coordinator"),
        claim("ashfaq", "member_of", "let", "Rana Mohammad Ashfaq", role="commander"),
        claim("mengal", "met_with", "ashfaq", "handing over a pistol"),
        claim("bla", "attacked", "iskp", "Mastung camp", time=PartialDate("2025-03", Precision.MONTH, "in March")),
        claim("isi", "supports", "iskp", "helping the ISKP establish"),
        claim("iskp", "based_in", "mastung", "operational bases"),
        claim("mengal", "directs", "isi", "key asset", polarity=Polarity.NEGATED),
    )
    attack = sentence_of(text, "Mastung camp")
    events = (
        Event(
            id=make_id("evt", doc.id, "ASSAULT", attack.start, attack.end), doc_id=doc.id, type="ASSAULT",
            mode="attack", evidence=attack, perpetrators=(ref("bla"),), targets=(ref("iskp"),),
            place=Place("Mastung", "Balochistan", "Pakistan", 1170395, precision="district"),
            date=PartialDate("2025-03", Precision.MONTH, "in March"),
            killed=Quantity(30, 30, True, "around 30"), responsibility=Responsibility.ATTRIBUTED,
        ),
    )
    return Extraction(doc=doc, entities=tuple(entities), claims=claims, events=events)


def make_sample_store(path: Path) -> Path:
    """Save the sample extraction into a new database at `path` and return the path."""
    with Store(path) as store:
        store.save(sample_extraction())
    return path
