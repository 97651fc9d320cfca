"""Claims: frame candidates checked against the ontology and dressed with source, modality, time and place.

    frames.FRAMES + relation patterns (find: candidates per sentence) → check types → Claim (write)

A candidate whose subject or object type the ontology does not allow for the predicate is dropped
with its reason (a dropped claim is itself a finding). The evidence is the sentence; the claim id is a
hash of document, subject, predicate, object and evidence span, so re-extracting yields the same ids.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Token

from ..ontology import Ontology
from ..records import Claim, Entity, Modality, PartialDate, Source, SourceKind, Span, make_id
from ..resolve.names import acronym_forms, looks_like_acronym
from .attribution import AGENTLESS, AttributionLexicon, find_source
from .claim_arguments import IsState, type_allowed
from .claim_place import place_of
from .countries import capital_states
from .entities import MentionIndex
from .frame_input import accused_of
from .frames import FRAMES, Candidate, FrameInput
from .learned.relation_model import RelationModel, model_candidates, packaged_model
from .modality import CueLexicon, find_modality
from .relation_claims import relation_candidates
from .relations import NOMINAL_FRAMES, RelationPatterns, default_patterns
from .timex import resolve_time
from .triggers import Triggers
from .types import ExtractContext, ParsedSentence

_TIME_LABELS = {"DATE"}
#: predicates of a deed: a spokesperson who claims or denies one speaks for the body whose deed it is
_DEEDS = {"attacked", "claimed_responsibility_for", "targets"}
# frames whose trigger is a noun phrase: intent words above them and dates elsewhere in the clause
# are not theirs
_NOMINAL_FRAMES = {"role", "kind", "base", "publication", "asset_of"} | NOMINAL_FRAMES


@dataclass(frozen=True, slots=True)
class ClaimLexicons:
    triggers: Triggers
    cues: CueLexicon
    attribution: AttributionLexicon
    #: verb lemmas whose operates_in claims need a group or a group's member as subject ("arrive")
    arrival: frozenset[str] = frozenset()
    #: declarative relation patterns (extract/patterns/relations.yaml)
    relations: RelationPatterns | None = None
    #: the relation classifier (learned/relation_model.py) for pairs no rule spoke about; None: rules only
    relation_model: RelationModel | None = None
    #: a people's or a country's name → the country ("Somali" → Somalia); None: no place index
    country_of: Callable[[str], str | None] | None = None

    @classmethod
    def from_ontology(cls, ontology: Ontology, *, learned: bool = False) -> ClaimLexicons:
        """The lexicons of `ontology`, with the shipped relation classifier when `learned` (settings
        `nlp.relation_model`)."""
        lex = ontology.lexicon
        pt = lex.get("predicate_triggers") or {}
        arrival = frozenset(str(w).lower() for w in (pt.get("operates_in") or {}).get("arrival") or [])
        return cls(Triggers.from_lexicon(lex), CueLexicon.from_lexicon(lex), AttributionLexicon.from_lexicon(lex),
                   arrival, default_patterns(), packaged_model() if learned else None)

    def words(self) -> set[str]:
        """Words one of which a sentence needs to carry a claim (trigger words and relation-pattern words)."""
        return self.triggers.words() | (self.relations.words() if self.relations is not None else set())

    def solo_words(self) -> set[str]:
        """Words with which one named party is enough for a claim ("X denied any involvement")."""
        return set(self.relations.solo_words) if self.relations is not None else set()


def _governor(t: Token) -> Token:
    """The nearest verb at or above a token (the token's clause)."""
    for a in [t, *t.ancestors]:
        if a.pos_ in {"VERB", "AUX"} or a.dep_ == "ROOT":
            return a
    return t


def _time_for(c: Candidate, ps: ParsedSentence, published: PartialDate | None) -> PartialDate | None:
    """A DATE entity in the candidate's clause: governed by the trigger's verb or by the trigger itself
    (for a noun-phrase claim, only a date attached to the noun: "its camp in March" but not "an attack on
    its camp in March")."""
    gov = _governor(c.trigger)
    nominal = c.frame in _NOMINAL_FRAMES
    for ent in ps.sent.ents:
        if ent.label_ not in _TIME_LABELS:
            continue
        root = ent.root
        near = root.head == c.trigger or root.head.head == c.trigger
        if near or not nominal and (c.trigger in root.ancestors or _governor(root) == gov):
            when = resolve_time(ent.text, published)
            if when is not None:
                return when
    return None


#: relation frames whose verb is the subject's own statement ("X claimed responsibility", "X denied any role")
_SELF_STATED = {"noun_object", "noun_object_for", "claim_deed"}


def _self_source(c: Candidate, offset: int) -> Source:
    """The claimant as the source of its own claim or denial, its verb as the cue."""
    verb = c.trigger.head if c.trigger.dep_ == "dobj" else c.trigger
    who = c.subject
    kind = SourceKind.NAMED_PERSON if who.type == "person" else SourceKind.ORGANISATION
    start = offset + verb.idx
    return Source(who.name, kind, cue=verb.text, span=Span(start, start + len(verb.text), verb.text))


#: relation frames whose verb is someone else's allegation ("officials blamed X for the attack", "Kabul accused X
#: of attacking Y"): the accuser is the source and the claim is hedged
_ALLEGED = {"blamed_for", "accused_of_verb", "accused_of_verb_np"}


def _accuser(c: Candidate, offset: int, entities: Sequence[Entity]) -> Source | None:
    """The subject of the verb of blame as the claim's source: a named actor, else the unnamed ("officials").
    None when the verb has no subject (a passive: the attribution layer calls it agentless)."""
    verb = next((a for a in c.trigger.ancestors if a.pos_ == "VERB"), None)
    who = next((t for t in verb.children if t.dep_ == "nsubj"), None) if verb is not None else None
    if who is None:
        return None
    start = offset + verb.idx
    cue = Span(start, start + len(verb.text), verb.text)
    span = (offset + who.idx, offset + who.idx + len(who.text))
    named = next((e for e in entities for m in e.mentions if m.start <= span[0] < m.end), None)
    if named is not None:
        kind = SourceKind.NAMED_PERSON if named.type == "person" else SourceKind.ORGANISATION
        return Source(named.name, kind, cue=verb.text, span=cue)
    words = " ".join(t.text for t in who.subtree)
    return Source(words, SourceKind.ANONYMOUS, cue=verb.text, span=cue)


def _same_name(a: str, b: str) -> bool:
    """"Musharraf" / "Pervez Musharraf": one person's name is the other's last words (not so for groups:
    "Continuity Irish Republican Army" split from the "Irish Republican Army")."""
    wa, wb = a.lower().split(), b.lower().split()
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return bool(short) and long[-len(short):] == short


def _initials_of(a: str, b: str) -> bool:
    """"ETA" / "Euskadi Ta Askatasuna": one name is the other's initials."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return looks_like_acronym(short) and " " in long.strip() and short.replace(".", "").lower() in acronym_forms(long)


def _one_actor(a: Entity, b: Entity) -> bool:
    """Two names of one actor: a person's full and short name, or any name and its initials."""
    return a.type == b.type == "person" and _same_name(a.name, b.name) or _initials_of(a.name, b.name)


#: predicates whose object is where the subject is
_WHERE = frozenset({"operates_in", "based_in"})


def _land_of(people: Entity, entities: Sequence[Entity], country_of: Callable[[str], str | None]) -> Entity | None:
    """The country a people's name stands for where a place goes, when the document names that country: "the
    Somali militant group al-Shabaab" in a report that names Somalia. None when it does not (no place is made up)."""
    country = country_of(people.name)
    if country is None:
        return None
    return next((e for e in entities if e.type == "place" and country.lower() in
                 {n.lower() for n in (e.name, *e.aliases)}), None)


def _check(c: Candidate, ontology: Ontology, is_state: IsState) -> str | None:
    pdef = ontology.predicates.get(c.predicate)
    if pdef is None:
        return f"unknown predicate {c.predicate}"
    if not type_allowed(ontology, c.subject, pdef.subject, is_state):
        return f"subject {c.subject.name!r} is a {c.subject.type}, not one of {', '.join(pdef.subject)}"
    if c.object is not None and not type_allowed(ontology, c.object, pdef.object, is_state):
        return f"object {c.object.name!r} is a {c.object.type}, not one of {', '.join(pdef.object or ())}"
    if c.object is not None and _one_actor(c.subject, c.object):
        return f"{c.subject.name!r} and {c.object.name!r} look like one name written twice"
    if c.role is not None and pdef.roles and c.role not in pdef.roles:
        return f"role {c.role!r} is not a role of {c.predicate}"
    return None


def find_claims(
    parsed: Sequence[ParsedSentence], index: MentionIndex, entities: Sequence[Entity], ctx: ExtractContext,
    lex: ClaimLexicons, topic: Entity | None = None,
) -> tuple[list[Claim], list[tuple[str, str]]]:
    """Claims of a document's parsed sentences, and the (what, why) of candidates that were dropped. `topic`:
    the actor the document is about (extract/topic.py), the missing side of a sentence without a subject."""
    doc = ctx.doc
    claims: dict[str, Claim] = {}
    dropped: list[tuple[str, str]] = []
    arrival_ids: set[str] = set()
    capitals: dict[str, Entity] | None = None  # made at the first claim a capital makes: most documents have none
    for si, ps in enumerate(parsed):
        fi = FrameInput(ps.sent, si, ps.start, index, lex.triggers, topic=topic, _tokens=ps.tokens())
        cands: list[Candidate] = []
        for frame in FRAMES:
            cands.extend(frame(fi))
        if lex.relations is not None:
            more, why = relation_candidates(fi, lex.relations, ctx.ontology, ctx.is_state)
            cands.extend(more)
            dropped.extend(why)
        if lex.relation_model is not None:
            covered = {(c.subject.id, c.object.id) for c in cands if c.object is not None}
            cands.extend(model_candidates(fi, lex.relation_model, covered))
        targets = {(c.subject.id, c.object.id) for c in cands if c.predicate == "targets" and c.object}
        evidence = Span(ps.start, ps.end, doc.text[ps.start : ps.end])
        paragraph = ctx.paragraphs[ps.paragraph] if ps.paragraph < len(ctx.paragraphs) else None
        question = ps.sent.text.rstrip(" ”\"'’)").endswith("?")
        for c in cands:
            if c.predicate in _DEEDS and c.subject.type == "person" and (body := fi.spoken_for(
                    c.subject, claiming=c.predicate == "claimed_responsibility_for")):
                c = replace(c, subject=body)  # "TTP spokesman X claimed the attack": the TTP claims it
            if c.object is not None and c.object.type == "group_identity" and c.predicate in _WHERE \
                    and lex.country_of is not None and (land := _land_of(c.object, entities, lex.country_of)):
                c = replace(c, object=land)  # "the Somali militant group al-Shabaab": where it operates
            if c.subject.type == "place" and not ctx.is_state(c.subject):
                capitals = capital_states(ctx, entities) if capitals is None else capitals
                if c.subject.id in capitals:
                    c = replace(c, subject=capitals[c.subject.id])  # "Islamabad (is accused of) arming …": Pakistan
            what = f"{c.predicate}({c.subject.name}, {c.object.name if c.object else '-'}) at {ps.start}"
            why = _check(c, ctx.ontology, ctx.is_state)
            if why is None and question:
                why = "the sentence is a question: it asks, it does not claim"
            if why is None and c.predicate == "operates_in" and c.object and (c.subject.id, c.object.id) in targets:
                why = "the same words state a target (intent), not where it operates"
            if why is not None:
                dropped.append((what, why))
                continue
            subject, obj = c.subject, c.object
            pdef = ctx.ontology.predicates[c.predicate]
            if pdef.symmetric and obj is not None and obj.id < subject.id:
                subject, obj = obj, subject
            source = find_source(ps.sent, doc.text, ps.start, entities, lex=lex.attribution, target=c.trigger,
                                 paragraph=paragraph, outlet=doc.outlet)
            if source.kind == SourceKind.OUTLET and c.frame in _SELF_STATED:
                source = _self_source(c, ps.start)
            alleged = c.frame in _ALLEGED or accused_of(c.trigger)
            if alleged:
                source = _accuser(c, ps.start, entities) or source
            modality, polarity, cues = find_modality(ps.sent, c.trigger, lex.cues,
                                                     nominal=c.frame in _NOMINAL_FRAMES)
            if alleged and modality == Modality.ASSERTED:
                modality = Modality.HEDGED  # an accusation, not a finding
            if modality == Modality.INTENDED and (c.if_intended or c.predicate == "attacked"):
                # "vowed to attack X", "planned to extend operations to X": an aim, not a deed
                c = replace(c, predicate=c.if_intended or "targets")
            elif c.predicate == "targets" and c.trigger.tag_ in ("VBD", "VBN") \
                    and c.trigger.lemma_.lower() in lex.triggers.done_targets:
                c = replace(c, predicate="attacked")  # "its fighters had targeted the post": done
            place = c.place if c.place is not None else place_of(fi, c)
            cid = make_id("clm", doc.id, subject.id, c.predicate, obj.id if obj else None, evidence.start,
                          evidence.end)
            if cid in claims:
                continue
            if c.predicate == "operates_in" and c.frame == "verb" and c.trigger.lemma_.lower() in lex.arrival:
                arrival_ids.add(cid)
            claims[cid] = Claim(
                id=cid, doc_id=doc.id, subject=subject.ref(), predicate=c.predicate,
                object=obj.ref() if obj else None, evidence=evidence, source=source, polarity=polarity,
                modality=modality, role=c.role, time=_time_for(c, ps, doc.published),
                place=place.ref() if place else None, cues=cues, extractor=ctx.extractor,
            )
    types = {e.id: e.type for e in entities}
    kept, arrivals = _members_arrive(_one_place_tie(_one_leadership(list(claims.values()))), arrival_ids, types,
                                     ctx.ontology)
    dropped += arrivals
    kept, backwards = _branch_not_parent(kept, ctx.parents)
    dropped += backwards
    return _inherit_sources(kept), list(dict.fromkeys(dropped))


def _branch_not_parent(claims: list[Claim], parents: Mapping[str, str]) -> tuple[list[Claim], list[tuple[str, str]]]:
    """A group is no branch of its own branch, listed as one or named for it ("Islamic State Sahel Province" of the
    Islamic State): "its Amaq news agency", where the lists file the agency's name under the Islamic State and "its"
    is the Sahel branch, reads backwards."""
    kept, dropped = [], []
    for c in claims:
        if c.predicate == "branch_of" and c.object is not None and (
                parents.get(c.object.id) == c.subject.id
                or c.object.name.startswith(c.subject.name + " ") and c.subject.name != c.object.name):
            dropped.append((f"branch_of({c.subject.name}, {c.object.name}) at {c.evidence.start}",
                            f"{c.object.name} is a branch of {c.subject.name}, not the other way"))
        else:
            kept.append(c)
    return kept, dropped


def _one_leadership(claims: list[Claim]) -> list[Claim]:
    """"Y has been headed by X, its secretary-general" states one tie: X leads Y. Where one sentence yields both
    member_of (with the role) and directs for the same person and group, the member_of claim stands for it."""
    members = {(c.subject.id, c.object.id, c.evidence.start) for c in claims
               if c.predicate == "member_of" and c.object is not None}
    return [c for c in claims if not (c.predicate == "directs" and c.object is not None
                                      and (c.subject.id, c.object.id, c.evidence.start) in members)]


def _one_place_tie(claims: list[Claim]) -> list[Claim]:
    """"X is a group based in Y" states one tie: X is based in Y. Where one sentence yields both based_in and
    operates_in for the same actor and place, based_in (the stronger) stands for it."""
    based = {(c.subject.id, c.object.id, c.evidence.start) for c in claims
             if c.predicate == "based_in" and c.object is not None}
    return [c for c in claims if not (c.predicate == "operates_in" and c.object is not None
                                      and (c.subject.id, c.object.id, c.evidence.start) in based)]


def _members_arrive(claims: list[Claim], arrival_ids: set[str], types: dict[str, str], ontology: Ontology
                    ) -> tuple[list[Claim], list[tuple[str, str]]]:
    """A person's arrival somewhere ("Ashfaq arrived in Balochistan") says where they operate only when the
    document ties that person to an organisation (a Lashkar commander); a politician's visit does not."""
    tied = {c.subject.id for c in claims if c.predicate == "member_of"}
    kept, dropped = [], []
    for c in claims:
        if c.id in arrival_ids and ontology.is_a(types.get(c.subject.id, ""), "person") and c.subject.id not in tied:
            obj = c.object.name if c.object else "-"
            dropped.append((f"operates_in({c.subject.name}, {obj}) at {c.evidence.start}",
                            "a person's arrival counts as presence only for a member of an organisation"))
            continue
        kept.append(c)
    return kept, dropped


def _inherit_sources(claims: list[Claim]) -> list[Claim]:
    """A claim the outlet states on its own (a headline, a standfirst) that restates a claim the same
    document attributes to someone takes that attribution: the headline summarises sourced reporting
    and must not turn it into the outlet's own assertion of fact."""
    def uncited(c: Claim) -> bool:  # the outlet's own words, or a passive with no one named
        return c.source.kind == SourceKind.OUTLET or c.source.name == AGENTLESS

    sourced: dict[tuple[str, str, str | None], Claim] = {}
    for c in claims:
        if not uncited(c):
            sourced.setdefault((c.subject.id, c.predicate, c.object.id if c.object else None), c)
    # the lead: everything before the first sentence that cites anyone
    lead_end = min((c.evidence.start for c in sourced.values()), default=0)
    out = []
    for c in claims:
        other = sourced.get((c.subject.id, c.predicate, c.object.id if c.object else None))
        if uncited(c) and other is not None and c.evidence.start < lead_end:
            c = replace(c, source=other.source)
        out.append(c)
    return out
