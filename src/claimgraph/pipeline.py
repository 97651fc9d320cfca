"""Orchestration: inputs → documents → extractions → store. The CLI and the API call these functions."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice

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

    @property
    def exit_code(self) -> int:
        """0 when everything was stored or already present; 1 when some inputs failed (the rest is stored)."""
        return 1 if self.failed else 0


def _batched(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def ingest(
    paths: Sequence[str],
    store: Store,
    extractor: Extractor,
    *,
    batch_size: int = 32,
    n_process: int = 1,
    progress: Progress | None = None,
    exclude: Sequence[str] = (),
) -> IngestSummary:
    """Read, clean, extract and store every file under `paths`. See `ingest_items`."""
    summary = IngestSummary()
    items = load_documents(paths, skipped=summary.skipped, exclude=exclude)
    return ingest_items(
        items, store, extractor, batch_size=batch_size, n_process=n_process, progress=progress, summary=summary
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
) -> IngestSummary:
    """Extract and store documents (and record inputs that failed before them). One bad document is
    recorded with its reason and the run goes on; a document already stored is skipped before extraction,
    so re-running or resuming an interrupted run adds nothing twice. Each document is saved in its own
    transaction."""
    summary = summary if summary is not None else IngestSummary()
    pending: list[Document] = []
    seen: set[str] = set()

    def fail(source: str, line: int | None, stage: str, reason: str) -> None:
        summary.failed += 1
        summary.failures.append(Failure(source, line, stage, reason))
        store.record_failure(source, line or 0, stage, reason)

    def flush() -> None:
        for x in extractor.extract_many(pending, n_process=n_process, batch_size=batch_size):
            _save(x)
        pending.clear()

    def _save(x: Extraction) -> None:
        if x.error is not None:
            fail(x.doc.source, 0, x.error.stage, x.error.reason)
        elif store.save(x):
            summary.stored += 1
            summary.claims += len(x.claims)
            summary.events += len(x.events)
            summary.entities += len(x.entities)
            summary.doc_ids.append(x.doc.id)
        else:
            summary.duplicates += 1
        if progress:
            progress(1)

    for item in items:
        if isinstance(item, InputFailure):
            fail(item.source, item.line, item.stage, item.reason)
            if progress:
                progress(1)
            continue
        if item.id in seen or store.has_document(item.id):
            summary.duplicates += 1
            if progress:
                progress(1)
            continue
        seen.add(item.id)
        pending.append(item)
        if len(pending) >= batch_size:
            flush()
    if pending:
        flush()
    if summary.stored:
        summary.resolution = after_ingest(store, extractor)
    return summary


def after_ingest(store: Store, extractor: Extractor) -> dict[str, object]:
    """Cross-document steps that run once new documents are stored: places, actor resolution across
    reports, kinship, near-duplicate grouping and grading. Idempotent; returns what it did."""
    report = resolve_store(store, gazetteer=extractor.matcher.gazetteer, places=PlaceResolver())
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
    `error` says why (with an empty document), so every input line has one output line."""
    buffer: list[Document | InputFailure] = []

    def drain() -> Iterator[Extraction]:
        docs = [b for b in buffer if isinstance(b, Document)]
        results = iter(extractor.extract_many(docs, n_process=n_process, batch_size=batch_size))
        for b in buffer:
            if isinstance(b, Document):
                yield next(results)
            else:
                yield Extraction(
                    doc=Document(id="", text="", source=f"{b.source}:{b.line}" if b.line else b.source),
                    error=ExtractionError(b.stage, b.reason),
                )
        buffer.clear()

    for item in load_documents(paths, exclude=exclude):
        buffer.append(item)
        if len(buffer) >= batch_size:
            yield from drain()
    if buffer:
        yield from drain()
