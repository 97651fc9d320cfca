"""The extract stage: Document → Extraction (entities, attributed claims, events).

    Document.text ─segment (tokenizer + sentencizer + gazetteer)─▶ sentences worth parsing
                  ─nlp.pipe (only those)─▶ ParsedSentence list
                  ─entities─▶ Entity list + mention index
                  ─claims / events─▶ Claim, Event  (each with source, modality, time, evidence span)

`Extractor` loads the pipeline and gazetteer once; `extract_many` streams documents through one
`nlp.pipe` (so `n_process` works) and yields one `Extraction` per document, in input order. A document
that fails yields an Extraction with `error` set and the run goes on.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from multiprocessing.pool import AsyncResult
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc, Token

from .. import EXTRACTOR_VERSION
from ..config import Settings
from ..nlp.descriptive import load_descriptions
from ..nlp.gazetteer import Actor
from ..nlp.pipeline import add_gazetteer, gazetteer_of, load_pipeline
from ..nlp.segment import Segmenter, Sentence, verb_forms
from ..ontology import load_ontology
from ..records import Document, Entity, Extraction, ExtractionError, PartialDate, Precision
from ..resolve.place_index import country_code
from .attribution import credit_author
from .claim_arguments import drop_unidentified, own_ground, unidentifiable
from .claims import ClaimLexicons, find_claims
from .countries import countries_from
from .dateline import find_dateline, split_date_labels, split_dateline
from .denials import ALLEGATION_WORDS, answer_denials
from .entities import MentionIndex, cluster_mentions
from .entity_mentions import Mention, dateline_places, find_mentions
from .event_claims import EventClaimFinder
from .event_groups import groups_of_doers
from .event_lexicon import load_event_lexicon
from .event_place import load_tables as load_place_tables
from .events import find_events_explained
from .references import resolve_reference
from .statement_assembly import StatementFinder, link_claims
from .topic import topic_actor, topic_entity
from .triggers import key_word
from .types import ExtractContext, ParsedSentence, PlaceResolver

__all__ = ["Analysis", "Extractor", "ExtractContext", "ParsedSentence"]

T = TypeVar("T")


@dataclass(slots=True)
class Analysis:
    """One document as extraction reads it before finding claims and events."""
    doc: Document
    sentences: list[Sentence]
    parsed: list[ParsedSentence]  # the kept sentences, parsed
    more: list[ParsedSentence]  # sentences parsed for statements alone
    entities: list[Entity]
    index: MentionIndex
    ctx: ExtractContext
    topic: Entity | None
    dropped: list[tuple[str, str]]


@dataclass(slots=True)
class _Pending:
    doc: Document
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    parsed: list[Doc] = field(default_factory=list)
    error: ExtractionError | None = None
    number: int = -1
    #: the known actor the document's title names (extract/topic.py), if any
    topic: Actor | None = None
    #: the sentences kept for claims and events (parsed first, in order)
    kept: list[Sentence] = field(default_factory=list)
    #: (start, end, paragraph, text) of the sentences parsed for statements alone (parsed after `kept`)
    extra: list[tuple[int, int, int, str]] = field(default_factory=list)

    @property
    def needed(self) -> int:
        """How many parses the document waits for."""
        return len(self.kept) + len(self.extra)


class Extractor:
    """Turns documents into extractions. Build once (it loads the spaCy pipeline and the gazetteer)."""

    def __init__(self, settings: Settings, nlp: Language | None = None,
                 place_resolver: PlaceResolver | None = None) -> None:
        self.settings = settings
        # a pipeline passed in gets the gazetteer added if it lacks it
        self.nlp = add_gazetteer(nlp, settings) if nlp is not None else load_pipeline(settings)
        self.ontology = load_ontology()
        self.matcher = gazetteer_of(self.nlp)
        self.parents = {a.id: kin for a in self.matcher.gazetteer.actors.values()
                        for rel, kin in a.kin if rel in _SIDE_KIN}
        self.lex = ClaimLexicons.from_ontology(self.ontology, learned=settings.nlp.relation_model)
        self.place_resolver = place_resolver if place_resolver is not None else _default_place_resolver()
        # the resolver behind a bound `resolve` also knows countries and demonyms ("Indian troops")
        self.countries = countries_from(getattr(self.place_resolver, "__self__", None))
        if self.countries is not None:
            self.lex = replace(self.lex, country_of=self.countries.of_text)
        self.descriptions = {d.key: d for d in load_descriptions()}
        self.unidentifiable = unidentifiable(self.descriptions.values())
        lexicon = self.ontology.lexicon
        irregular = _irregular_verbs(self.nlp)
        # words that can carry a claim or an event; attribution verbs are not among them (a speaker is
        # found in raw text around a claim, so a sentence that only says "X said" needs no parse)
        events = load_event_lexicon(self.ontology)
        verbs = self.lex.words() | {w for t in events.triggers for w in t.lemmas}
        verbs |= {key_word(p) for t in events.triggers for p in t.phrases}
        triggers = verb_forms(verbs, irregular)
        triggers |= {str(w).lower() for w in lexicon.get("event_words", [])}
        triggers -= {w.lower() for w in self.nlp.Defaults.stop_words}  # "on", "over": they select everything
        stop = {w.lower() for w in self.nlp.Defaults.stop_words}
        classes = self.lex.relations.classes if self.lex.relations is not None else {}
        self.disclaim = frozenset(classes.get("disclaim", ()))  # verbs of denial ("deny", "reject")
        self.segmenter = Segmenter(self.nlp, self.matcher, triggers,
                                   event_words=verb_forms(events.violent_words(), irregular) - stop,
                                   follow_words=verb_forms(events.follow_words(), irregular) - stop,
                                   solo_words=self.lex.solo_words() - stop, answer_words=ALLEGATION_WORDS,
                                   denial_words=verb_forms(self.disclaim, irregular),
                                   actor_words={t for d in self.descriptions.values() if d.category == "State Forces"
                                                for t in d.terms},
                                   start_names=self.countries.names if self.countries is not None else ())
        self.furniture = frozenset(str(w).lower() for w in lexicon.get("furniture_names", []))
        self.furniture_verbs = frozenset(str(w).lower() for w in lexicon.get("furniture_verbs", []))
        self.publication_nouns = tuple(str(w) for w in lexicon.get("publication_nouns", []))
        self.people_nouns = {str(k).lower(): str(v).lower() for k, v in (lexicon.get("people_nouns") or {}).items()}
        self.statements = StatementFinder(self.nlp, version=EXTRACTOR_VERSION)
        self.event_claims = EventClaimFinder(self.ontology, self.lex, self.unidentifiable)
        self._warm_up()

    # ------------------------------------------------------------------------------------------ public

    def extract(self, doc: Document) -> Extraction:
        return next(self.extract_many([doc]))

    def extract_many(
        self, docs: Iterable[Document], *, n_process: int = 1, batch_size: int = 64
    ) -> Iterator[Extraction]:
        """Extractions of `docs` in input order. Only the sentences the segmenter keeps are parsed.

        With `n_process` > 1, whole documents (segmenting, parsing and finding claims and events) are shared
        among worker processes forked from this one, so the loaded pipeline is not loaded again."""
        if n_process > 1:
            yield from _extract_forked(self, docs, n_process, batch_size)
            return
        yield from self._parsed(docs, batch_size, self._finish)

    def analyses(self, docs: Iterable[Document], *, batch_size: int = 64) -> Iterator[Analysis]:
        """What extraction reads before it finds claims and events, per document in input order (a document
        that fails is left out): the parsed sentences, entities and mention index. For training and inspecting
        the learned parts, which see exactly what extraction sees."""
        for a in self._parsed(docs, batch_size, lambda item: self._analyse(item) if item.error is None else None):
            if a is not None:
                yield a

    def _parsed(self, docs: Iterable[Document], batch_size: int, finish: Callable[[_Pending], T]) -> Iterator[T]:
        """`finish` of each document once its kept sentences are parsed, in input order; only the sentences the
        segmenter keeps are parsed, all documents' sentences through one `nlp.pipe`."""
        pending: deque[_Pending] = deque()
        by_number: dict[int, _Pending] = {}
        source = iter(docs)
        counter = iter(range(1 << 62))

        def sentences() -> Iterator[tuple[str, int]]:
            for doc in source:
                item = self._segment(doc)
                item.number = next(counter)
                pending.append(item)
                by_number[item.number] = item
                for s in item.kept:
                    yield doc.text[s.start : s.end].replace("\n", " "), item.number
                for *_, text in item.extra:  # statements' sentences share the batches
                    yield text, item.number

        stream = self.nlp.pipe(sentences(), as_tuples=True, batch_size=max(batch_size, 128))
        try:
            for parsed, number in stream:
                item = by_number[number]
                while pending and pending[0] is not item and len(pending[0].parsed) >= pending[0].needed:
                    done = pending.popleft()
                    by_number.pop(done.number, None)
                    yield finish(done)
                item.parsed.append(parsed)
        except Exception as exc:  # noqa: BLE001 - a parser crash fails the documents in flight, not the run
            reason = f"parse failed: {type(exc).__name__}: {exc}"
            while pending:
                item = pending.popleft()
                if len(item.parsed) < item.needed and item.error is None:
                    item.error = ExtractionError("parse", reason)
                yield finish(item)
            yield from self._parsed(source, batch_size, finish)
            return
        while pending:
            yield finish(pending.popleft())

    def _warm_up(self) -> None:
        """Extract one short report once, so that what extraction loads on first use (the date parser's
        tables and time-zone patterns, the place patterns, compiled expressions) is loaded with the
        pipeline rather than by the first document of a run. Its extraction is thrown away. The place word
        tables of patterns the report does not reach are built too. With several processes the workers inherit
        all of it."""
        load_place_tables()
        self.extract(Document(id="warm-up", text=_WARM_UP, source="-", published=PartialDate("2020-03-06",
                                                                                              Precision.DAY)))

    # ------------------------------------------------------------------------------------------ stages

    def _segment(self, doc: Document) -> _Pending:
        item = _Pending(doc, topic=topic_actor(doc.title, self.matcher.gazetteer))
        try:
            # a document about one actor names it in the title: one more name and a trigger make a pair
            item.paragraphs, item.sentences = self.segmenter.segment(doc.text, one_name=item.topic is not None)
            item.sentences = split_date_labels(doc.text, split_dateline(doc.text, item.paragraphs, item.sentences))
            item.kept = [s for s in item.sentences if s.keep]
            item.extra = self.statements.to_parse(doc.text, item.sentences)
        except Exception as exc:  # noqa: BLE001 - recorded on the Extraction, never raised
            item.error = ExtractionError("segment", f"{type(exc).__name__}: {exc}")
        return item

    def _finish(self, item: _Pending) -> Extraction:
        doc = item.doc
        if item.error is not None:
            return Extraction(doc=doc, error=item.error)
        try:
            return self._extract_parsed(item)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop a run
            return Extraction(doc=doc, error=ExtractionError("extract", f"{type(exc).__name__}: {exc}"))

    def _analyse(self, item: _Pending) -> Analysis:
        doc = item.doc
        kept = len(item.kept)
        parsed = [ParsedSentence(s.start, p, s.paragraph) for s, p in zip(item.kept, item.parsed[:kept], strict=True)]
        more = [ParsedSentence(a, p, para) for (a, _, para, _), p in zip(item.extra, item.parsed[kept:], strict=True)]
        extra = [Mention(h.start, h.end, h.text, h.label, h.actor_id) for s in item.sentences if not s.keep
                 for h in s.hits]
        mentions, dropped = find_mentions(parsed, doc.text, extra, self.furniture, self.publication_nouns,
                                          self.descriptions, self.countries, self.furniture_verbs,
                                          self.people_nouns)
        mentions = dateline_places(mentions, find_dateline(doc.text, item.paragraphs))
        entities, index = cluster_mentions(mentions, parsed, doc.text, self.matcher.gazetteer, self.descriptions,
                                           self.countries, self.people_nouns)
        ctx = ExtractContext(doc, self.ontology, doc.published, self.place_resolver, EXTRACTOR_VERSION,
                             tuple(item.paragraphs), parents=self.parents)
        topic = None
        if item.topic is not None:
            topic, new = topic_entity(item.topic, entities, doc.title)
            if new:
                entities = [*entities, topic]
                index.entities[topic.id] = topic
        ctx = replace(ctx, refer=partial(_refer, parsed, index))
        return Analysis(doc, item.sentences, parsed, more, entities, index, ctx, topic, dropped)

    def _extract_parsed(self, item: _Pending) -> Extraction:
        a = self._analyse(item)
        doc, parsed, entities, index, ctx, topic = a.doc, a.parsed, a.entities, a.index, a.ctx, a.topic
        dropped, more = a.dropped, a.more
        claims, claim_drops = find_claims(parsed, index, entities, ctx, self.lex, topic=topic)
        claims, unnamed = drop_unidentified(claims, entities, self.unidentifiable)
        claims, at_home = own_ground(claims, entities, ctx.resolve_place, country_code)
        claim_drops += unnamed + at_home
        events, event_drops = find_events_explained(doc, parsed, entities, ctx)
        claims, more_drops = self.event_claims.find(events, claims, parsed, index, entities, ctx)
        claim_drops += more_drops
        claims = answer_denials(claims, parsed, index, entities, ctx, self.lex.triggers, self.disclaim)
        claims, events = credit_author(claims, events, doc.author)
        events = groups_of_doers(events, claims, entities)
        attributions = self.statements.find(doc, item.sentences, parsed, item.paragraphs, entities, more)
        claims, links = link_claims(claims, attributions)
        skipped = len(item.sentences) - len(parsed)
        notes = [("sentences", f"{skipped} of {len(item.sentences)} not parsed: no name pair with a trigger word")] \
            if skipped else []
        return Extraction(doc=doc, entities=tuple(entities), claims=tuple(claims), events=tuple(events),
                          dropped=tuple(dropped + claim_drops + event_drops + notes + links),
                          attributions=tuple(attributions))


def _refer(parsed: list[ParsedSentence], index: MentionIndex, tok: Token, si: int) -> Entity | None:
    """The entity a pronoun of parsed sentence `si` refers to (`ExtractContext.refer`)."""
    return resolve_reference(tok, si, parsed[si].start, index)


#: The report `Extractor` extracts once when it is built: a date, places, casualties, a claim and a source.
_WARM_UP = ("QUETTA, 5 March 2020: Militants attacked a police post in Quetta on Tuesday, killing two officers and"
            " wounding five, officials said. The Taliban claimed responsibility for the attack in a statement.")


def _default_place_resolver() -> PlaceResolver:
    """`resolve` of a PlaceResolver (GeoNames + curated places), built once per Extractor."""
    from ..resolve.places import PlaceResolver as GeoPlaces

    return GeoPlaces().resolve


_FORKED: Extractor | None = None
#: kinship that puts two listed groups on one side of an incident (a branch and its parent; not a splinter)
_SIDE_KIN = frozenset({"branch_of", "affiliate_of", "front_of", "part_of"})


def _extract_chunk(docs: list[Document]) -> list[Extraction]:
    """Runs in a worker: the Extractor came with the fork."""
    assert _FORKED is not None
    return list(_FORKED.extract_many(docs))


#: about how much text one worker task holds: short reports go many to a task (the parser's batches stay full),
#: a long document goes alone (so that two workers end together, not one waiting for the other's last chunk)
CHUNK_CHARS = 10_000


def _chunks(docs: Iterator[Document], most: int) -> Iterator[list[Document]]:
    """Documents in input order, in groups of at most `CHUNK_CHARS` characters (a longer document alone) and at most
    `most` documents."""
    chunk: list[Document] = []
    size = 0
    for doc in docs:
        if chunk and (size + len(doc.text) > CHUNK_CHARS or len(chunk) >= most):
            yield chunk
            chunk, size = [], 0
        chunk.append(doc)
        size += len(doc.text)
    if chunk:
        yield chunk


def _extract_forked(extractor: Extractor, docs: Iterable[Document], n_process: int, batch_size: int
                    ) -> Iterator[Extraction]:
    """Chunks of documents (`_chunks`) go to `n_process` forked workers and come back in input order. The input is
    read in this thread only (it may be a generator that reads the store), at most `_READ_AHEAD` chunks per worker
    ahead of the oldest one not yet returned; of those read, the longest goes to a free worker first, so that a long
    document near the end does not leave one worker alone with it while the other waits (the oldest goes at once
    whatever its length: the output waits for it). The objects built so far are frozen out of the garbage
    collector's reach before the fork, so that a worker's collections do not write to (and so copy) every page it
    shares with this process."""
    global _FORKED
    _FORKED = extractor
    chunks = enumerate(_chunks(iter(docs), max(1, batch_size)))
    waiting: dict[int, list[Document]] = {}  # read, not yet given to a worker
    given: dict[int, AsyncResult[list[Extraction]]] = {}  # given, not yet returned
    done = False
    oldest = 0
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(n_process) as pool:

            def give(seq: int) -> None:
                given[seq] = pool.apply_async(_extract_chunk, (waiting.pop(seq),))

            while True:
                while not done and len(waiting) + len(given) < _READ_AHEAD * n_process:
                    item = next(chunks, None)
                    if item is None:
                        done = True
                    else:
                        waiting[item[0]] = item[1]
                if oldest in waiting:
                    give(oldest)
                if oldest not in given:
                    return
                while not given[oldest].ready():
                    while waiting and sum(not r.ready() for r in given.values()) < _QUEUED * n_process:
                        give(max(waiting, key=lambda k: sum(len(d.text) for d in waiting[k])))
                    given[oldest].wait(_POLL_S)
                yield from given.pop(oldest).get()
                oldest += 1
    finally:
        gc.unfreeze()


#: chunks read ahead per worker, and chunks queued per worker beyond the one it runs (`_extract_forked`)
_READ_AHEAD = 8
_QUEUED = 2
_POLL_S = 0.02


def _irregular_verbs(nlp: Language) -> dict[str, list[str]]:
    """form → lemmas from the model's lemmatizer exception table (empty if it has none)."""
    if "lemmatizer" not in nlp.pipe_names:
        return {}
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_exc"):
        return {}
    exc = lookups.get_table("lemma_exc")
    verbs = exc.get("verb", {})
    return {form: list(lemmas) for form, lemmas in verbs.items()}
