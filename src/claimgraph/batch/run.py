"""Batch orchestration: read inputs, split them into partitions, extract each on an engine, load the output."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import Settings
from ..contract import document_to_json, extraction_from_json
from ..errors import UsageError
from ..ingest.documents import load_documents
from ..ingest.types import InputFailure, InputSkipped
from ..records import Document
from . import parts

if TYPE_CHECKING:
    from ..extract import Extractor
    from ..store import Store

ENGINES = ("local", "spark")
#: Documents per partition the first run aims at (the count is then fixed in the manifest).
DOCS_PER_PARTITION = 500


@dataclass(frozen=True, slots=True)
class BatchOptions:
    out: Path
    engine: str = "local"
    workers: int = 1
    partitions: int | None = None  # default: from the input size, at least 4 per worker
    master: str | None = None  # Spark master; default local[workers] (spark-submit's --master wins)
    config: Path | None = None  # a settings file the workers read too
    exclude: tuple[str, ...] = ()


@dataclass(slots=True)
class BatchSummary:
    documents: int = 0  # read from the inputs
    already_done: int = 0  # skipped: the output already holds them
    extracted: int = 0
    failed_extraction: int = 0
    failed_inputs: int = 0
    skipped_inputs: int = 0
    partitions_run: int = 0
    seconds: float = 0.0
    task_seconds: float = 0.0  # summed over tasks: extraction and writing
    task_cpu_seconds: float = 0.0  # the CPU time of those (less than task_seconds where workers waited for a core)
    setup_seconds: float = 0.0  # summed over tasks: building a worker's Extractor (once per worker)
    engine_seconds: float = 0.0  # from starting the engine (Spark, forked workers) to its last task's result
    files: list[str] = field(default_factory=list)


def partition_of(doc_id: str, partitions: int) -> int:
    """A document's partition: a stable function of its id (a hash of its text)."""
    return int(doc_id.removeprefix("doc_")[:12], 16) % partitions


def batch(
    inputs: Sequence[str], options: BatchOptions, settings: Settings, *, progress: Callable[[int], None] | None = None
) -> BatchSummary:
    """Extract every document of `inputs` not yet in `options.out` and write it there (see the package doc)."""
    if options.engine not in ENGINES:
        raise UsageError(f"unknown engine {options.engine!r}; use one of: {', '.join(ENGINES)}")
    if options.workers < 1:
        raise UsageError(f"--workers must be at least 1, got {options.workers}")
    t0 = time.perf_counter()
    summary = BatchSummary()
    skipped: list[InputSkipped] = []
    failures: list[dict[str, object]] = []
    docs: list[Document] = []
    seen: set[str] = set()
    for item in load_documents(list(inputs), skipped=skipped, exclude=options.exclude):
        if isinstance(item, InputFailure):
            failures.append({"source": item.source, "line": item.line, "stage": item.stage, "reason": item.reason})
        elif item.id not in seen:
            seen.add(item.id)
            docs.append(item)
    summary.documents, summary.failed_inputs, summary.skipped_inputs = len(docs), len(failures), len(skipped)
    n_parts = parts.manifest(options.out, options.partitions or max(4 * options.workers,
                                                                    -(-len(docs) // DOCS_PER_PARTITION)))
    done = parts.done_ids(options.out)
    todo: dict[int, list[dict[str, object]]] = {}
    for d in docs:
        if d.id in done:
            summary.already_done += 1
        else:
            todo.setdefault(partition_of(d.id, n_parts), []).append(document_to_json(d))
    run_id = uuid.uuid4().hex[:12]
    tasks = [Task(k, todo[k], str(options.out), run_id) for k in sorted(todo)]
    if tasks:
        from .engines import run_local, run_spark

        runner = run_spark if options.engine == "spark" else run_local
        t_engine = time.perf_counter()
        for result in runner(tasks, options, settings):
            summary.extracted += result.extracted
            summary.failed_extraction += result.failed
            summary.files.append(result.path)
            summary.partitions_run += 1
            summary.task_seconds += result.seconds
            summary.task_cpu_seconds += result.cpu_seconds
            summary.setup_seconds += result.setup_seconds
            if progress:
                progress(result.extracted + result.failed)
        summary.engine_seconds = time.perf_counter() - t_engine
    written = parts.write_failures(options.out, run_id, failures)
    if written:
        summary.files.append(str(written))
    summary.seconds = time.perf_counter() - t0
    return summary


@dataclass(frozen=True, slots=True)
class Task:
    """One partition's documents (as contract JSON, so a task pickles small and plain)."""

    partition: int
    docs: list[dict[str, object]]
    out: str
    run_id: str


@dataclass(frozen=True, slots=True)
class TaskResult:
    partition: int
    extracted: int
    failed: int
    path: str
    seconds: float = 0.0
    setup_seconds: float = 0.0
    worker: str = ""  # host:pid of the process that ran it
    started: float = 0.0  # wall-clock time (epoch seconds) the task began, after building the Extractor
    cpu_seconds: float = 0.0  # this process's CPU time during the task (with `seconds`: how much it waited)


def run_task(task: Task, extractor: Extractor, setup_seconds: float = 0.0) -> TaskResult:
    """Extract one partition in input order and write its Parquet file."""
    import os
    import socket

    from ..contract import document_from_json, extraction_to_json

    started, t0, cpu0 = time.time(), time.perf_counter(), time.process_time()
    documents = [document_from_json(d) for d in task.docs]
    rows = []
    failed = 0
    for x in extractor.extract_many(documents):
        failed += x.error is not None
        rows.append(parts.Row(x.doc.id, x.doc.raw_id, x.doc.source,
                              json.dumps(extraction_to_json(x), ensure_ascii=False), x.error is not None))
    path = parts.write_rows(Path(task.out), task.partition, task.run_id, rows)
    return TaskResult(task.partition, len(rows) - failed, failed, str(path), time.perf_counter() - t0,
                      setup_seconds, f"{socket.gethostname()}:{os.getpid()}", started,
                      time.process_time() - cpu0)


@dataclass(slots=True)
class LoadSummary:
    stored: int = 0
    already_stored: int = 0
    failed: int = 0
    resolution: dict[str, object] = field(default_factory=dict)


def load(out: Path, store: Store, extractor: Extractor) -> LoadSummary:
    """Store every extraction of a batch output folder (each document in its own transaction; documents
    already stored are skipped), then run cross-document resolution once."""
    from .. import EXTRACTOR_VERSION
    from ..pipeline import after_ingest

    if not (out / "_manifest.json").exists():
        raise UsageError(f"{out} is not a batch output folder (no _manifest.json); run `claimgraph batch` first")
    summary = LoadSummary()
    for row in parts.read_rows(out):
        if row.failed:
            x = extraction_from_json(json.loads(row.extraction))
            reason = x.error.reason if x.error else "extraction failed"
            store.record_failure(f"{row.source} [{row.raw_id or row.doc_id}]", 0, "extract", reason)
            summary.failed += 1
        elif store.has_document(row.doc_id):
            summary.already_stored += 1
        elif store.save(extraction_from_json(json.loads(row.extraction)), extractor=EXTRACTOR_VERSION):
            summary.stored += 1
    if summary.stored or store.resolution_pending():
        summary.resolution = after_ingest(store, extractor)
    return summary
