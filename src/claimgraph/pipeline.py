"""Orchestration: inputs → documents → extractions → store. The CLI and the API call these functions."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from . import EXTRACTOR_VERSION
from .extract import Extractor
from .ingest.documents import load_documents
from .ingest.types import InputFailure, InputSkipped
from .records import Document, Extraction, ExtractionError
from .resolve.places import PlaceResolver
from .resolve.run import resolve_store
from .store import Store

Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class Failure:
    source: str
    line: int | None
    stage: str
    reason: str


@dataclass(frozen=True, slots=True)
class Dropped:
    """A candidate the extractor did not keep, and why: in this field a dropped claim is itself a finding."""

    source: str
    what: str
    why: str


@dataclass(slots=True)
class IngestSummary:
    stored: int = 0
    duplicates: int = 0
    failed: int = 0
    skipped: list[InputSkipped] = field(default_factory=list)
    claims: int = 0
    events: int = 0
    entities: int = 0
    failures: list[Failure] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)
    resolution: dict[str, object] = field(default_factory=dict)
    dropped: int = 0  # candidate claims, events and mentions the extractor did not keep
    dropped_items: list[Dropped] = field(default_factory=list)  # each with its reason, when asked for

    @property
    def exit_code(self) -> int:
        """0 when everything was stored or already present; 1 when some inputs failed (the rest is stored)."""
        return 1 if self.failed else 0


def ingest(
    paths: Sequence[str],
    store: Store,
    extractor: Extractor,
    *,
    batch_size: int = 32,
    n_process: int = 1,
    progress: Progress | None = None,
    exclude: Sequence[str] = (),
    keep_dropped: bool = False,
) -> IngestSummary:
    """Read, clean, extract and store every file under `paths`. See `ingest_items`."""
    summary = IngestSummary()
    items = load_documents(paths, skipped=summary.skipped, exclude=exclude)
    return ingest_items(
        items, store, extractor, batch_size=batch_size, n_process=n_process, progress=progress, summary=summary,
        keep_dropped=keep_dropped,
    )


def ingest_items(
    items: Iterable[Document | InputFailure],
    store: Store,
    extractor: Extractor,
    *,
    batch_size: int = 32,
    n_process: int = 1,
    progress: Progress | None = None,
    summary: IngestSummary | None = None,
    keep_dropped: bool = False,
) -> IngestSummary:
    """Extract and store documents (and record inputs that failed before them). One bad document is
    recorded with its reason and the run goes on; a document already stored is skipped before extraction,
    so re-running or resuming an interrupted run adds nothing twice. Each document is saved in its own
    transaction. Dropped candidates are counted; with `keep_dropped`, listed with their reasons."""
    summary = summary if summary is not None else IngestSummary()
    seen: set[str] = set()

    def tick() -> None:
        if progress:
            progress(1)

    def fail(source: str, line: int | None, stage: str, reason: str) -> None:
        summary.failed += 1
        summary.failures.append(Failure(source, line, stage, reason))
        store.record_failure(source, line or 0, stage, reason)

    def new_documents() -> Iterator[Document]:
        for item in items:
            if isinstance(item, InputFailure):
                fail(item.source, item.line, item.stage, item.reason)
                tick()
            elif item.id in seen or store.has_document(item.id):
                summary.duplicates += 1
                tick()
            else:
                seen.add(item.id)
                yield item

    # One stream through the extractor: with several processes, spaCy's workers start once per run.
    for x in extractor.extract_many(new_documents(), n_process=n_process, batch_size=batch_size):
        if x.error is not None:
            # several documents of one JSON Lines file can fail: each keeps its own row, named by its id
            fail(f"{x.doc.source} [{x.doc.raw_id or x.doc.id}]", None, x.error.stage, x.error.reason)
        elif store.save(x, extractor=EXTRACTOR_VERSION):
            summary.stored += 1
            summary.dropped += len(x.dropped)
            if keep_dropped:
                summary.dropped_items += [Dropped(x.doc.source, what, why) for what, why in x.dropped]
            summary.claims += len(x.claims)
            summary.events += len(x.events)
            summary.entities += len(x.entities)
            summary.doc_ids.append(x.doc.id)
        else:
            summary.duplicates += 1
        tick()
    if summary.stored or store.resolution_pending():
        summary.resolution = after_ingest(store, extractor)
    return summary


def reextract(
    store: Store,
    extractor: Extractor,
    *,
    batch_size: int = 32,
    n_process: int = 1,
    progress: Progress | None = None,
) -> IngestSummary:
    """Extract again every stored document that an older extractor version produced, replacing its claims,
    events and mentions (judgements stay), then run the cross-document steps once. `summary.stored` counts the
    documents re-extracted; a document that now fails keeps its old extraction and is listed as failed."""
    summary = IngestSummary()
    stale = store.stale_documents(EXTRACTOR_VERSION)
    for x in extractor.extract_many(stale, n_process=n_process, batch_size=batch_size):
        if x.error is not None:
            summary.failed += 1
            summary.failures.append(Failure(x.doc.source or x.doc.id, None, x.error.stage, x.error.reason))
        else:
            store.replace_extraction(x, extractor=EXTRACTOR_VERSION)
            summary.stored += 1
            summary.claims += len(x.claims)
            summary.events += len(x.events)
            summary.entities += len(x.entities)
            summary.doc_ids.append(x.doc.id)
        if progress:
            progress(1)
    if summary.stored or store.resolution_pending():
        summary.resolution = after_ingest(store, extractor)
    return summary


def after_ingest(store: Store, extractor: Extractor) -> dict[str, object]:
    """Cross-document steps that run once new documents are stored: places, actor resolution across
    reports, kinship, near-duplicate grouping and grading. Idempotent; returns what it did."""
    report = resolve_store(store, gazetteer=extractor.matcher.gazetteer, places=PlaceResolver())
    store.resolution_done()
    return report.to_json()


def extract(
    paths: Sequence[str],
    extractor: Extractor,
    *,
    batch_size: int = 32,
    n_process: int = 1,
    exclude: Sequence[str] = (),
) -> Iterator[Extraction]:
    """Extract without storing, in input order. Inputs that cannot be read come back as an Extraction whose
    `error` says why (with an empty document), so every input has one output line."""
    order: deque[Document | InputFailure] = deque()

    def documents() -> Iterator[Document]:
        for item in load_documents(paths, exclude=exclude):
            order.append(item)
            if isinstance(item, Document):
                yield item

    def failed(f: InputFailure) -> Extraction:
        source = f"{f.source}:{f.line}" if f.line else f.source
        return Extraction(doc=Document(id="", text="", source=source), error=ExtractionError(f.stage, f.reason))

    for x in extractor.extract_many(documents(), n_process=n_process, batch_size=batch_size):
        while order and not isinstance(order[0], Document):
            yield failed(order.popleft())  # type: ignore[arg-type]
        order.popleft()
        yield x
    while order:
        head = order.popleft()
        if isinstance(head, InputFailure):
            yield failed(head)
