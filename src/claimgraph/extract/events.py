"""Events: attacks, bombings, killings, clashes, meetings, arrests — one `Event` per incident.

    find_triggers (pure: a parsed sentence → trigger hits; event_wording drops what is no event:
        negated, intended or conditional acts, status words, aggregate tolls, trends)
      → group into incidents (incident_bounds; triggers of one incident in a sentence merge; a following sentence that
        only refers back — "the attack", "6 people were killed", "X claimed responsibility", "police shot dead
        the attackers" — joins it, unless it opens with another year or day, or a named doer of its own)
      → roles (event_roles: perpetrators, targets, responsibility) + casualties (quantities)
      → place (event_place names → ctx.resolve_place, a vote on the country), date
        (timex.resolve_time against the publication date)
      → a candidate Event, evidence = the incident's sentences, exactly as in `Document.text`;
        id = make_id("evt", doc id, type, evidence start, evidence end)
      → event_merge: the mentions of one incident anywhere in the document become one Event.

For violent modes `perpetrators` are the doers and `responsibility` says how the text ties them to
the act; for other types `perpetrators` / `targets` are PLOVER's source and target actors (the two
sides of a meeting, who arrests whom) and responsibility stays unknown. A violent incident needs at
least one anchor (an actor, casualties, a place or a date), or must refer back to one that has, so a
generic "terror attacks" is not an event. Words come from ontology/events.yaml.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..ontology import Ontology
from ..records import (
    CasualtyReport,
    Document,
    Entity,
    EntityRef,
    Event,
    PartialDate,
    Place,
    Precision,
    Responsibility,
    Source,
    SourceKind,
    Span,
    make_id,
)
from ..resolve.names import fold
from . import event_actors, event_place, event_roles
from .dateline import dateline_of, label_date
from .event_kind import forces_fight
from .event_lexicon import EventLexicon, TriggerDef, load_event_lexicon
from .event_merge import LIST_ITEM, Candidate, merge_events
from .event_tallies import aggregate_toll, without_aggregates
from .event_wording import (
    allies_on_one_side,
    designation,
    factual,
    figurative,
    found_unused,
    head_of,
    hit_head,
    names_a_thing,
    opens_definite,
    other_date,
    other_weekday,
    self_killed,
    split_phrase,
    status_word,
    takes_ground,
    tells_its_cause,
    to_death,
)
from .incident_bounds import (
    adds_to_incident,
    another,
    aside,
    introduces_new,
    names_people,
    one_operation,
    refers_back,
    relative_to_told,
    states_responsibility,
    struck_gathering,
    told_by_its_attackers,
    umbrella,
)
from .quantities import Casualties, add, died_of_wounds, find_casualties, merge_casualties
from .types import ExtractContext, ParsedSentence

EXTRACTOR = "claimgraph.events.v1"
FIGHT = "FIGHT"  # the PLOVER type of fights between armed sides: their dead are counted on both sides
VIOLENT = "violent"  # the incident family of every violent mode (ASSAULT and FIGHT merge within an incident)
_PROTEST = "PROTEST"
_MAX_GAP = 2  # sentences between an incident and a sentence that refers back to it
_MAX_CLAIM_GAP = 4  # ... or that claims or attributes it ("The Taliban claimed responsibility for the attack")


@dataclass(frozen=True, slots=True)
class TriggerHit:
    """A trigger found in one sentence: tokens `start`..`end` (sentence-relative token indices)."""

    trigger: TriggerDef
    start: int
    end: int
    text: str
    claimed: bool = False  # the act as what was claimed ("claimed the raid"): the claim's word, not the telling

    @property
    def family(self) -> str:
        return self.trigger.type


@dataclass(slots=True)
class Incident:
    """Trigger hits of one incident and the sentences (indices into `parsed`) that describe it."""

    family: str
    hits: list[tuple[int, TriggerHit]] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)
    umbrella: bool = False  # opened by a counted series ("Two bombings occurred ...")
    aside: bool = False  # only named in passing in another act's sentence (incident_bounds.aside): no incident

    def best(self) -> TriggerDef:
        """The most specific trigger of the incident's telling ("attacked the village ... claimed the raid": an
        attack)."""
        told = [h for _, h in self.hits if not h.claimed] or [h for _, h in self.hits]
        own = [h for h in told if h.trigger.type == self.family] or told  # an arrest made in a raid is an arrest
        return min((h.trigger for h in own), key=lambda t: t.rank)


def _family(t: TriggerDef, lex: EventLexicon) -> str:
    return VIOLENT if lex.is_violent(t.mode) else t.type


# ------------------------------------------------------------------------------------------ triggers


@dataclass(frozen=True, slots=True)
class _TriggerIndex:
    """The triggers of a lexicon by word, so a sentence looks up its own words instead of every trigger.

    `phrases`: first word → (trigger number, phrase number, trigger, phrase); the order numbers keep the
    hits in the order the lexicon lists them. `words`: lemma or surface word → the triggers (in lexicon order)
    that list it ("seize": a capture of ground, else a seizure of arms)."""

    phrases: dict[str, tuple[tuple[int, int, TriggerDef, tuple[str, ...]], ...]]
    words: dict[str, tuple[tuple[int, TriggerDef], ...]]


_INDEXES: dict[int, tuple[EventLexicon, _TriggerIndex]] = {}
_LEXICONS: dict[int, tuple[Ontology, EventLexicon]] = {}


def _index(lex: EventLexicon) -> _TriggerIndex:
    held = _INDEXES.get(id(lex))
    if held is not None and held[0] is lex:
        return held[1]
    phrases: dict[str, list[tuple[int, int, TriggerDef, tuple[str, ...]]]] = {}
    words: dict[str, list[tuple[int, TriggerDef]]] = {}
    for ti, trig in enumerate(lex.triggers):
        for pi, phrase in enumerate(trig.phrases):
            if phrase:
                phrases.setdefault(phrase[0], []).append((ti, pi, trig, phrase))
        for w in trig.lemmas:
            words.setdefault(w, []).append((ti, trig))
    index = _TriggerIndex({w: tuple(v) for w, v in phrases.items()}, {w: tuple(v) for w, v in words.items()})
    if len(_INDEXES) > 8:
        _INDEXES.clear()
    _INDEXES[id(lex)] = (lex, index)
    return index


def _lexicon(ontology: Ontology) -> EventLexicon:
    """`load_event_lexicon(ontology)`, read once per ontology."""
    held = _LEXICONS.get(id(ontology))
    if held is not None and held[0] is ontology:
        return held[1]
    lex = load_event_lexicon(ontology)
    if len(_LEXICONS) > 8:
        _LEXICONS.clear()
    _LEXICONS[id(ontology)] = (ontology, lex)
    return lex


def find_triggers(sent: Doc | SpacySpan, lex: EventLexicon) -> list[TriggerHit]:
    """Event trigger hits in one parsed sentence, in text order (pure: found once per sentence and lexicon, kept
    with the parsed sentence for the stages that read them again)."""
    key = ("claimgraph.triggers", id(lex), sent.start_char if isinstance(sent, SpacySpan) else 0, len(sent))
    memo = sent.doc.user_data if isinstance(sent, SpacySpan) else sent.user_data
    if key not in memo:
        memo[key] = (lex, _find_triggers(sent, lex))  # the lexicon is held so that its id stays its own
    return list(memo[key][1])


def _find_triggers(sent: Doc | SpacySpan, lex: EventLexicon) -> list[TriggerHit]:
    tokens = list(sent)
    lowers = [t.lower_ for t in tokens]
    lemmas = [t.lemma_.lower() for t in tokens]
    ne = lex.not_events
    index = _index(lex)
    claims = lex.responsibility.claim_act_verbs
    hits: list[TriggerHit] = []
    covered: set[int] = set()
    # phrases first: "suicide bomber" before "bomber"; a one-word phrase matches its lemma too
    found: list[tuple[int, int, int, TriggerDef, int]] = []
    for i, (low, lem) in enumerate(zip(lowers, lemmas, strict=True)):
        for ti, pi, trig, phrase in index.phrases.get(low, ()):
            n = len(phrase)
            if i + n <= len(tokens) and lowers[i : i + n - 1] == list(phrase[:-1]) \
                    and phrase[-1] in (lowers[i + n - 1], lemmas[i + n - 1]):
                found.append((ti, pi, i, trig, n))
            elif n == 2 and (k := split_phrase(tokens[i], phrase[1])):  # "opened unprovoked fire"
                found.append((ti, pi, i, trig, k + 1))
        if lem != low:
            for ti, pi, trig, phrase in index.phrases.get(lem, ()):
                if len(phrase) == 1:
                    found.append((ti, pi, i, trig, 1))
    found.sort(key=lambda f: f[:3])
    for _, _, i, trig, n in found:
        span = tokens[i : i + n]
        if trig.singular and head_of(span).tag_ in ("NNS", "NNPS"):
            continue
        if not takes_ground(span, trig.objects) or found_unused(head_of(span)) or figurative(head_of(span), ne):
            continue
        if factual(head_of(span), ne, violent=lex.is_violent(trig.mode)) \
                and not status_word(head_of(span), trig, ne):
            hits.append(TriggerHit(trig, i, i + n, " ".join(t.text for t in span), _claimed(head_of(span), claims)))
            covered.update(range(i, i + n))
    for i, tok in enumerate(tokens):
        if i in covered or tok.is_punct:
            continue
        a, b = index.words.get(lemmas[i]), index.words.get(lowers[i])
        if a is None and b is None:
            if not to_death(tok):
                continue
            listed = index.words.get("kill", ())
        else:
            listed = a if b is None or a is b else b if a is None else sorted({*a, *b}, key=lambda w: w[0])
        # the first trigger (in lexicon order) whose object the word has, if it asks for one
        trig = next((t for _, t in listed if takes_ground([tok], t.objects)), None)
        if trig is None:
            continue
        allowed = lex.trigger_pos.get(lemmas[i]) or lex.trigger_pos.get(lowers[i])
        if allowed is not None and tok.pos_ not in allowed:
            continue
        if tok.pos_ == "PROPN" and tok.ent_type_:
            continue  # "Operation Strike", "Rally for Peace": a name, not an event
        if found_unused(tok) or figurative(tok, ne) \
                or lex.is_violent(trig.mode) and names_a_thing(tok, ne):
            continue
        if factual(tok, ne, violent=lex.is_violent(trig.mode)) and not status_word(tok, trig, ne):
            hits.append(TriggerHit(trig, i, i + 1, tok.text, _claimed(tok, claims)))
    hits.sort(key=lambda h: (h.start, h.trigger.rank))
    return without_aggregates(tokens, hits, lex)


def _claimed(tok: Token, verbs: frozenset[str]) -> bool:
    """The act named as the object of a claim ("claimed the raid", "claimed responsibility for the raid"; `verbs`:
    the claim verbs whose object may be the act, `events.yaml`)."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in ("responsibility", "credit"):
        head = head.head.head
    elif tok.dep_ != "dobj":
        return False
    return head.lemma_.lower() in verbs


def _incidents(parsed: Sequence[ParsedSentence], lex: EventLexicon,
               hits_by_sent: list[list[TriggerHit]]) -> list[Incident]:
    incidents: list[Incident] = []
    open_by_family: dict[str, Incident] = {}
    for si, hits in enumerate(hits_by_sent):
        sent = parsed[si].sent
        families: dict[str, list[TriggerHit]] = {}
        for h in hits:
            families.setdefault(_family(h.trigger, lex), []).append(h)
        one_operation(sent, families, VIOLENT, lex)
        for fam, fhits in families.items():
            prev = open_by_family.get(fam)
            states = fam == VIOLENT and adds_to_incident(sent, lex)
            gap = _MAX_CLAIM_GAP if states else _MAX_GAP
            joinable = (
                prev is not None
                and not relative_to_told(sent, fhits)
                and si - prev.sentences[-1] <= gap
                and (parsed[si].paragraph == parsed[prev.sentences[-1]].paragraph
                     or parsed[si].paragraph == parsed[prev.sentences[-1]].paragraph + 1
                     and told_by_its_attackers(sent, fhits, lex.counts.attacker_nouns))
                and not other_date(sent, [parsed[i].sent for i in prev.sentences])
                and not (other_weekday(sent, [parsed[i].sent for i in prev.sentences])
                         and not refers_back(sent, fhits) and not states_responsibility(sent, lex))
                and (not any(introduces_new(sent, h, lex.counts.attacker_nouns) for h in fhits)
                     or states and refers_back(sent, fhits)
                     or tells_its_cause(sent, [hit_head(sent, h) for h in fhits])
                     or prev.umbrella and si - prev.sentences[-1] <= _MAX_GAP)
            )
            if joinable and prev is not None:
                if prev.sentences[-1] != si:
                    prev.sentences.append(si)
                prev.hits.extend((si, h) for h in fhits)
                continue
            arrest = open_by_family.get("COERCE")
            if fam == VIOLENT and prev is None and arrest is not None and si - arrest.sentences[-1] == 1 \
                    and all(h.trigger.mode in lex.operation_modes for h in fhits) and refers_back(sent, fhits) \
                    and not adds_to_incident(sent, lex):
                arrest.sentences.append(si)  # "Police arrested three cadres. No shots were fired during the
                continue  # operation.": the arrest's operation told again, no fight of its own
            others = [h for f, hs in families.items() if f != fam for h in hs]
            inc = Incident(fam, [(si, h) for h in fhits], [si], umbrella=umbrella(sent, fhits),
                           aside=fam == VIOLENT and aside(sent, fhits, others, told=prev is not None)
                           or fam == _PROTEST and struck_gathering(sent, fhits, families.get(VIOLENT, [])))
            incidents.append(inc)
            if not inc.aside:
                open_by_family[fam] = inc
        # a sentence with no trigger of the family that only adds responsibility or casualties
        # (a claim may come a few sentences later; a bare casualty count only right after)
        prev = open_by_family.get(VIOLENT)
        if VIOLENT not in families and prev is not None \
                and parsed[si].paragraph == parsed[prev.sentences[-1]].paragraph \
                and adds_to_incident(sent, lex) and not aggregate_toll(sent, lex) \
                and si - prev.sentences[-1] <= (_MAX_CLAIM_GAP if states_responsibility(sent, lex)
                                                else 1):
            prev.sentences.append(si)
        # a meeting seen in a photo or statement names its participants in the next sentence
        meet = open_by_family.get("CONSULT")
        if "CONSULT" not in families and meet is not None and si - meet.sentences[-1] == 1 \
                and names_people(sent) >= 2 and names_people(parsed[meet.sentences[0]].sent) < 2:
            meet.sentences.append(si)
    return incidents


# ------------------------------------------------------------------------------------------ assembly


def _local(ps: ParsedSentence, char: int) -> int:
    """Document offset of a sentence-relative spaCy character index (`token.idx`)."""
    base = ps.sent.start_char if isinstance(ps.sent, SpacySpan) else 0
    return ps.start + char - base


def _evidence(doc: Document, parsed: Sequence[ParsedSentence], sentences: list[int]) -> Span:
    first, last = parsed[sentences[0]], parsed[sentences[-1]]
    start = _local(first, first.sent[0].idx)
    end_tok = last.sent[-1]
    end = _local(last, end_tok.idx + len(end_tok.text))
    return Span(start, end, doc.text[start:end])


def _country_lookup(ctx: ExtractContext):  # noqa: ANN202 - Callable[[str], str | None] | None
    """The resolver's demonym-aware `country_of` when the context's resolver is a PlaceResolver method."""
    owner = getattr(ctx.place_resolver, "__self__", None)
    return getattr(owner, "country_of", None)


def _place(inc: Incident, parsed: Sequence[ParsedSentence], entities: Sequence[Entity],
           ctx: ExtractContext) -> Place | None:
    """The incident's place: `event_place.incident_place` (a vote on the country, then the most specific
    place named in it; the dateline only as context and last resort)."""
    return event_place.incident_place(inc.sentences, parsed, entities, ctx, _local, _country_lookup(ctx))


def _date(inc: Incident, parsed: Sequence[ParsedSentence], ctx: ExtractContext) -> PartialDate | None:
    from .timex import reference_date, resolve_time  # the timex finder is shared with the claims extractor

    # a list of incidents with no publication date ("- 20 JANUARY - An IED ...") dates its entries by the year
    # its opening states, so entries of different days stay different incidents
    published = ctx.published or ctx.doc.published or reference_date(ctx.doc.text)
    for si in inc.sentences:  # a list entry's own date first ("-   15 FEBRUARY - 5 People ..." is no "FEBRUARY - 5")
        head = parsed[si].sent.text[:_LIST_DATE_REACH]
        listed = _leading_times(parsed[si].sent.text) if LIST_ITEM.match(head) else []
        sent = parsed[si].sent
        acts = {hit_head(sent, h).i for i, h in inc.hits if i == si}
        for text in [*listed, *label_date(parsed, si), *event_place.date_phrases(sent, acts)]:
            if (found := resolve_time(text, published)) is not None:
                return found
    for si in inc.sentences:  # a list entry's leading date the NER took into a name ("- 12 FEBRUARY - Samaa TV")
        for text in _leading_times(parsed[si].sent.text):
            if (found := resolve_time(text, published)) is not None:
                return found
    # the lead a dateline opens ("BENI, Democratic Republic of Congo, Nov 19 (Reuters) - ... killed 27 villagers in
    # an overnight raid"), with no day of its own: in the month it was filed (the day is only when it was told; a
    # later sentence may give the day, and an incident of another month is another)
    dateline = dateline_of(ctx)
    cut = dateline.span.stop if dateline is not None and dateline.date else -1
    if cut >= 0 and any(parsed[si].start <= cut + 1 and cut <= parsed[si].end for si in inc.sentences) \
            and (filed := resolve_time(dateline.date or "", published)) is not None:
        return replace(filed, value=filed.value[:7], precision=Precision.MONTH) \
            if filed.precision is Precision.DAY else filed
    return None


_LIST_DATE_REACH = 24  # characters: where a list entry states its date ("-   12 FEBRUARY - ...")


def _leading_times(text: str) -> list[str]:
    """The time phrases that start within a list entry's date reach, read in the whole sentence: a word cut at the
    reach is no month ("Eight policemen were mar|tyred")."""
    from .timex import find_times

    return [t for start, _, t in find_times(text) if start < _LIST_DATE_REACH]


def _casualties(inc: Incident, parsed: Sequence[ParsedSentence], lex: EventLexicon
                ) -> tuple[Casualties, list[tuple[int, Casualties]]]:
    """The incident's casualties, and what each of its sentences states."""
    if inc.family != VIOLENT:
        return Casualties(), []
    each = [(si, find_casualties(_as_span(parsed[si].sent), lex.counts)) for si in inc.sentences
            if not aggregate_toll(parsed[si].sent, lex)]
    return merge_casualties(c for _, c in each), [(si, c) for si, c in each if not c.empty()]


def total_killed(c: Casualties, event_type: str) -> Casualties:
    """`killed` counts everyone the incident killed, attackers included ("Four militants and an army commando
    were killed in the operation": 5 killed; "12 killed, along with the 4 attackers": 16 killed);
    `attackers_killed` says how many of them were on the attacking side (4 and 4). Whether "militants" were
    the attackers or the ones attacked ("Troops killed four militants"), they died in the incident, so the
    total stays right either way. A revised toll is a total already."""
    if c.revised or c.attackers_killed is None:
        return c
    return Casualties(add(c.killed, c.attackers_killed), c.wounded, c.attackers_killed, c.revised)


def _tolls(doc: Document, parsed: Sequence[ParsedSentence], statements: list[tuple[int, Casualties]],
           event_type: str) -> tuple[CasualtyReport, ...]:
    """Every toll statement with its sentence (sources are looked up once the merge shows a dispute)."""
    return tuple(CasualtyReport(kind, q, _evidence(doc, parsed, [si]), None, c.revised) for si, c in statements
                 if not c.additive  # "A civilian was also killed" adds to a toll; it does not dispute it
                 for kind, q in (("killed", total_killed(c, event_type).killed), ("wounded", c.wounded),
                                 ("attackers_killed", c.attackers_killed)) if q is not None)


def _with_sources(event: Event, doc: Document, parsed: Sequence[ParsedSentence], entities: Sequence[Entity],
                  ctx: ExtractContext) -> Event:
    """The event with who states each of its disputed tolls (the outlet when no one is cited)."""
    if not event.tolls:
        return event
    by_start = {_evidence(doc, parsed, [si]).start: si for si in range(len(parsed))}
    tolls = tuple(replace(t, source=_reporting_source(doc, parsed[by_start[t.evidence.start]], entities, ctx))
                  if t.source is None and t.evidence.start in by_start else t for t in event.tolls)
    return replace(event, tolls=tolls)


def _attacker_named_dead(found: Casualties, perpetrators: Sequence[EntityRef]) -> Casualties:
    """A death counted from a name that is the attacker's ("Artan was killed on scene", after "A man
    named Abdul Razak Ali Artan rammed ...") is the attacker's death, not a victim's."""
    k = found.killed
    if k is None or k.min != 1 or k.max != 1 or not k.text or not k.text[:1].isupper():
        return found
    if not any(k.text in p.name.split() or k.text == p.name for p in perpetrators):
        return found
    return Casualties(None, found.wounded, add(found.attackers_killed, k), found.revised)


def _as_span(sent: Doc | SpacySpan) -> SpacySpan:
    return sent[:] if isinstance(sent, Doc) else sent


def _reporting_source(doc: Document, ps: ParsedSentence, entities: Sequence[Entity],
                      ctx: ExtractContext) -> Source:
    """Who says the incident was theirs when no one is cited at the claim itself: the speaker of the
    sentence or its paragraph ("Months later, the sources point out, ..."), else the outlet."""
    from .attribution import AttributionLexicon, find_source

    paragraph = ctx.paragraphs[ps.paragraph] if ps.paragraph < len(ctx.paragraphs) else None
    try:
        return find_source(ps.sent, doc.text, ps.start, entities,
                           lex=AttributionLexicon.from_lexicon(ctx.ontology.lexicon),
                           paragraph=paragraph, outlet=doc.outlet)
    except (KeyError, ValueError, IndexError):  # a lexicon without attribution words: the outlet speaks
        return Source(doc.outlet or "the outlet", SourceKind.OUTLET)


def build_event(doc: Document, parsed: Sequence[ParsedSentence], entities: Sequence[Entity],
                ctx: ExtractContext, inc: Incident, lex: EventLexicon) -> tuple[Candidate | None, str]:
    """The event of one group of sentences (with what the merge needs), or None and the reason it was dropped."""
    best = inc.best()
    if inc.aside:
        return None, f"an incident named in passing in another act's sentence ({best.mode!r}): " \
            f"{_evidence(doc, parsed, inc.sentences).text[:80]!r}"
    roles = event_roles.find_roles(doc, parsed, entities, ctx, inc.sentences,
                                   [(si, h.start, h.end) for si, h in inc.hits], lex, _local,
                                   violent=inc.family == VIOLENT)
    unplaced = inc.family == VIOLENT or best.mode in lex.operation_modes  # a town is where, not who or to whom
    if unplaced:  # before filling: a town found here must not keep the side from being filled
        roles = event_actors.without_places(roles, entities, ctx.is_state)
    had_perpetrator = bool(roles.perpetrators)
    roles = event_actors.fill_sides(roles, parsed, entities, [(si, h.start, h.end) for si, h in inc.hits], lex, _local,
                                    violent=inc.family == VIOLENT)
    if unplaced:  # ... and after: the force phrases fill_sides reads may name one too ("searches in Gondar")
        roles = event_actors.without_places(roles, entities, ctx.is_state)
    if inc.family == VIOLENT and roles.perpetrators and not had_perpetrator:
        roles.responsibility = Responsibility.ATTRIBUTED  # the subject of the act: "Serb forces killed ..."
    allies_on_one_side(roles, inc.sentences, parsed, entities, lex, _local)
    if inc.family == VIOLENT:  # a state's forces against armed groups fight ("troops killed six militants")
        best = forces_fight(best, roles.perpetrators, roles.targets, entities,
                            (t for si in inc.sentences for t in parsed[si].sent), lex)
    merged, statements = _casualties(inc, parsed, lex)
    if inc.family == VIOLENT and merged.attackers_killed is None and not merged.revised:
        selves = self_killed([parsed[si].sent for si in inc.sentences])  # "blew themselves up"
        merged = replace(merged, attackers_killed=selves) if selves is not None else merged
    casualties = total_killed(_attacker_named_dead(merged, roles.perpetrators), best.type)
    place = _place(inc, parsed, entities, ctx)
    if place is None and inc.family == VIOLENT:
        place = event_place.home_country(roles.perpetrators, entities, ctx, inc.sentences, parsed, _local,
                                         _country_lookup(ctx))
    if place is not None and inc.family == VIOLENT:  # the place is where it happened, never who did it or to whom
        roles.perpetrators, roles.targets = ([r for r in refs if fold(r.name) != fold(place.name)]
                                             for refs in (roles.perpetrators, roles.targets))
        if had_perpetrator and not roles.perpetrators:
            roles.responsibility, roles.source = Responsibility.UNKNOWN, None
    date = _date(inc, parsed, ctx)
    evidence = _evidence(doc, parsed, inc.sentences)
    has_actor = bool(roles.perpetrators or roles.targets)
    first = inc.sentences[0]
    opening = [h for si, h in inc.hits if si == first]
    sent = parsed[first].sent
    # "The encounter broke out after security forces launched a cordon and search operation": the incident before
    attackers = lex.counts.attacker_nouns
    refers_back = not opening or not any(introduces_new(sent, h, attackers) for h in opening) or opens_definite(
        list(sent[(h := min(opening, key=lambda h: h.start)).start : h.end]), sent[0].i)
    unanchored = ""
    if inc.family == VIOLENT:
        if not (has_actor or not casualties.empty() or place or date):
            unanchored = f"no actor, casualties, place or date for {best.mode!r}: {evidence.text[:80]!r}"
            if not refers_back:
                return None, unanchored
    elif not has_actor and not (best.mode in lex.placed_modes and place is not None):
        return None, f"no participants for {best.mode!r}: {evidence.text[:80]!r}"
    elif designation(best, roles.targets, entities, lex):
        return None, f"a designation of an armed group, not an event ({best.mode!r}): {evidence.text[:80]!r}"
    responsibility = roles.responsibility if inc.family == VIOLENT else Responsibility.UNKNOWN
    source = roles.source
    if inc.family == VIOLENT and responsibility is not Responsibility.UNKNOWN and source is None:
        source = _reporting_source(doc, parsed[inc.sentences[0]], entities, ctx)
    event = Event(
        id=make_id("evt", doc.id, best.type, evidence.start, evidence.end),
        doc_id=doc.id,
        type=best.type,
        mode=best.mode,
        evidence=evidence,
        perpetrators=tuple(roles.perpetrators),
        targets=tuple(roles.targets),
        place=place,
        date=date,
        killed=casualties.killed,
        wounded=casualties.wounded,
        attackers_killed=casualties.attackers_killed,
        responsibility=responsibility,
        responsibility_source=source if inc.family == VIOLENT else None,
        extractor=ctx.extractor or EXTRACTOR,
        mentions=(evidence,),
    )
    tolls = _tolls(doc, parsed, statements, best.type)  # a mention that only refers back may join its incident
    named_place = place is None or event_place.names_a_place(inc.sentences, parsed, entities, ctx, _local, own=True)
    # only revising a toll: "the death toll rose to 12", "a fourth soldier succumbed to his injuries"
    revises = not roles.perpetrators and (merged.revised or any(died_of_wounds(parsed[si].sent, lex.counts)
                                                                for si in inc.sentences))
    return Candidate(event, inc.family, best.rank, refers_back, another(sent, opening), tolls,
                     generic=best.mode in lex.generic_modes, typed=best.mode in lex.typed_generic_modes,
                     anchored=not unanchored, named_place=named_place, revises=revises), unanchored


def find_events_explained(doc: Document, parsed: Sequence[ParsedSentence], entities: Sequence[Entity],
                          ctx: ExtractContext) -> tuple[list[Event], list[tuple[str, str]]]:
    """Events of one document, and (what, why) for each incident that was not kept."""
    lex = _lexicon(ctx.ontology)
    hits_by_sent = [find_triggers(ps.sent, lex) for ps in parsed]
    candidates: list[Candidate] = []
    dropped: list[tuple[str, str]] = []
    seen: set[str] = set()
    why_of: dict[str, str] = {}
    for inc in _incidents(parsed, lex, hits_by_sent):
        cand, why = build_event(doc, parsed, entities, ctx, inc, lex)
        if cand is None:
            dropped.append(("event", why))
        elif cand.event.id not in seen:
            seen.add(cand.event.id)
            candidates.append(cand)
            why_of[cand.event.id] = why
    events, alone = merge_events(candidates, doc.text, ctx.parents)
    dropped.extend(("event", why_of[c.event.id]) for c in alone)
    return [_with_sources(e, doc, parsed, entities, ctx) for e in events], dropped


def find_events(doc: Document, parsed: Sequence[ParsedSentence], entities: Sequence[Entity],
                ctx: ExtractContext) -> list[Event]:
    """Events of one document (the entry point the Extractor calls)."""
    return find_events_explained(doc, parsed, entities, ctx)[0]

