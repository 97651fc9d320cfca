"""Batch extraction for large corpora: inputs → `claimgraph extract` records as Parquet, on this machine's cores
or on Apache Spark; `load` then bulk-loads them into a store and resolves across documents once.

    batch(inputs, BatchOptions(out=..., engine="spark", workers=2), settings) -> BatchSummary
    load(out, store, extractor) -> LoadSummary

Documents are read once, on the driver (JSON Lines, folders of text and HTML, WARC files), and assigned to one
of `partitions` partitions by their id; the number is fixed in the output folder's manifest by the first run.
Each partition is extracted by one task (the spaCy pipeline is loaded once per worker process or Spark executor)
and written as one Parquet file, atomically (a temporary name, then a rename). A re-run skips every document
already in the output, so an interrupted batch resumes without redoing finished partitions. Every row holds
exactly the JSON object `claimgraph extract` prints for that document.
"""

from __future__ import annotations

from .run import BatchOptions, BatchSummary, LoadSummary, batch, load

__all__ = ["BatchOptions", "BatchSummary", "LoadSummary", "batch", "load"]
