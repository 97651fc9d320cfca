"""The batch output folder: a manifest, one Parquet file per finished task, and the input failures.

    out/_manifest.json              {"partitions": P, "format": 1}
    out/extractions/part-00003-<run>.parquet   doc_id, raw_id, source, extraction (the extract JSON), failed
    out/failures/part-<run>.parquet            source, line, stage, reason

Parquet (through pyarrow) because every engine people run at this scale reads it: Spark, DuckDB, pandas.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import UsageError

FORMAT = 1
EXTRACTIONS = "extractions"
FAILURES = "failures"


@dataclass(frozen=True, slots=True)
class Row:
    doc_id: str
    raw_id: str | None
    source: str
    extraction: str  # the JSON object `claimgraph extract` prints, as text
    failed: bool


def _schema():  # noqa: ANN202 - a pyarrow schema
    import pyarrow as pa

    return pa.schema([
        ("doc_id", pa.string()), ("raw_id", pa.string()), ("source", pa.string()),
        ("extraction", pa.large_string()), ("failed", pa.bool_()),
    ])


def manifest(out: Path, partitions: int) -> int:
    """The partition count of `out`: read from its manifest, or written there by the first run."""
    path = out / "_manifest.json"
    if path.exists():
        data = json.loads(path.read_text("utf-8"))
        if data.get("format") != FORMAT:
            raise UsageError(f"{out} holds batch output of another format ({data.get('format')!r})")
        return int(data["partitions"])
    out.mkdir(parents=True, exist_ok=True)
    _atomic_write_text(path, json.dumps({"format": FORMAT, "partitions": partitions}) + "\n")
    return partitions


def _atomic_write_text(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def write_rows(out: Path, partition: int, run_id: str, rows: Iterable[Row]) -> Path:
    """One task's rows as one Parquet file, visible only once complete."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = out / EXTRACTIONS
    folder.mkdir(parents=True, exist_ok=True)
    rows = list(rows)
    table = pa.Table.from_pylist([_row_dict(r) for r in rows], schema=_schema())
    path = folder / f"part-{partition:05d}-{run_id}.parquet"
    tmp = folder / f".{path.name}.tmp"
    pq.write_table(table, tmp)
    os.replace(tmp, path)
    return path


def _row_dict(r: Row) -> dict[str, Any]:
    return {"doc_id": r.doc_id, "raw_id": r.raw_id, "source": r.source, "extraction": r.extraction,
            "failed": r.failed}


def write_failures(out: Path, run_id: str, failures: list[dict[str, Any]]) -> Path | None:
    if not failures:
        return None
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = out / FAILURES
    folder.mkdir(parents=True, exist_ok=True)
    schema = pa.schema([("source", pa.string()), ("line", pa.int64()), ("stage", pa.string()),
                        ("reason", pa.string())])
    path = folder / f"part-{run_id}.parquet"
    tmp = folder / f".{path.name}.tmp"
    pq.write_table(pa.Table.from_pylist(failures, schema=schema), tmp)
    os.replace(tmp, path)
    return path


def part_files(out: Path) -> list[Path]:
    """Finished extraction files, in partition order (temporary files of an interrupted task are ignored)."""
    folder = out / EXTRACTIONS
    return sorted(folder.glob("part-*.parquet")) if folder.is_dir() else []


def done_ids(out: Path) -> set[str]:
    """Ids of the documents the output already holds (extracted, or failed at extraction)."""
    import pyarrow.parquet as pq

    ids: set[str] = set()
    for path in part_files(out):
        ids.update(pq.read_table(path, columns=["doc_id"]).column("doc_id").to_pylist())
    return ids


def read_rows(out: Path) -> Iterator[Row]:
    """Every row of the output, partition by partition, in document order within each file."""
    import pyarrow.parquet as pq

    for path in part_files(out):
        for batch in pq.ParquetFile(path).iter_batches(batch_size=256):
            for d in batch.to_pylist():
                yield Row(d["doc_id"], d["raw_id"], d["source"], d["extraction"], bool(d["failed"]))
