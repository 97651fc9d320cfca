"""Batch throughput: the same documents through `claimgraph batch` on one process, on two local worker processes
and on Apache Spark `local[2]`; documents per second, scaling and whether the outputs are identical.

    run(data_dir, *, limit=None) -> [Result]

The corpus (20,000 documents by default) is built from the real texts on this machine, varied in length: the
incident descriptions, paragraphs of the Wikipedia and Congressional Record files in the corpus folder, and the
dev-gold documents; each document is one or two consecutive paragraphs of one file, cut after a sentence past
40–120 words (the length of a wire item or an incident note), numbered so none repeats.
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path
from typing import Any

from .split import text_key

DOCS = 20_000


def _paragraphs(data_dir: Path) -> list[list[str]]:
    """Paragraph lists, one per source file, from the real corpora."""
    out: list[list[str]] = []
    incidents = data_dir / "wikipedia_major_terror_incidents_2016_2022" / "incidents.json"
    if incidents.exists():
        out.append([i["Description"] for i in json.loads(incidents.read_text("utf-8"))])
    corpus = data_dir.parent / "corpus"
    for path in sorted(corpus.rglob("*")):
        if path.suffix in (".txt", ".md") and path.name not in ("README.md", "PROVENANCE.md"):
            paras = [p.strip() for p in path.read_text("utf-8", "replace").split("\n\n")]
            paras = [p for p in paras if len(p.split()) >= 12 and "|" not in p]
            if paras:
                out.append(paras)
    for path in sorted((Path(__file__).parent / "devgold").glob("docs_*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            out.append([p for p in json.loads(line)["text"].split("\n\n") if len(p.split()) >= 8])
    return [p for p in out if p]


def _cap(text: str, words: int) -> str:
    """The text cut after the first sentence end past `words` words (news items vary; this keeps 20k quick)."""
    tokens = text.split(" ")
    if len(tokens) <= words:
        return text
    for j in range(words, len(tokens)):
        if tokens[j].endswith((".", "!", "?")):
            return " ".join(tokens[: j + 1])
    return text


def corpus(sources: list[list[str]], n: int) -> list[dict[str, str]]:
    """`n` documents cut from the paragraph lists of `_paragraphs`."""
    docs = []
    k = 0
    while len(docs) < n:
        paras = sources[k % len(sources)]
        i = (k // len(sources)) % len(paras)
        size = 1 + k % 2
        text = _cap("\n\n".join(paras[i : i + size]), 40 + 20 * (k % 5))
        docs.append({"id": f"b{k}", "text": f"Report {k}.\n\n{text}"})
        k += 1
    return docs


def _rows(out: Path) -> dict[str, str]:
    from claimgraph.batch import parts

    return {r.doc_id: r.extraction for r in parts.read_rows(out)}


def first_difference(base: dict[str, str], other: dict[str, str]) -> str | None:
    """Where two outputs (doc id → extraction JSON) first differ: how many documents differ, the first one (by
    raw id, else doc id) and the first field that differs in it, with both values; None when identical."""
    if base == other:
        return None
    ids = sorted(set(base) | set(other))
    differ = [i for i in ids if base.get(i) != other.get(i)]
    first = differ[0]
    if first not in base or first not in other:
        return f"{len(differ)} documents differ; {first} is only in {'the second' if first in other else 'the first'}"
    a, b = json.loads(base[first]), json.loads(other[first])
    path, x, y = _field(a, b, "")
    raw = a.get("doc", {}).get("raw_id") or first
    return f"{len(differ)} documents differ; first {raw} ({first}) at {path or '/'}: {_short(x)} vs {_short(y)}"


def _field(a: Any, b: Any, path: str) -> tuple[str, Any, Any]:
    """The path of the first difference between two JSON values, and the values there."""
    if isinstance(a, dict) and isinstance(b, dict):
        for k in [*a, *(k for k in b if k not in a)]:
            if a.get(k) != b.get(k):
                return _field(a.get(k), b.get(k), f"{path}.{k}")
    elif isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            if x != y:
                return _field(x, y, f"{path}[{i}]")
        if len(a) != len(b):
            return f"{path} (length {len(a)} vs {len(b)})", len(a), len(b)
    return path, a, b


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 160 else text[:157] + "..."


def run(data_dir: Path, *, limit: int | None = None) -> list[dict[str, Any]]:
    from claimgraph.batch import BatchOptions, batch
    from claimgraph.config import load_settings

    n = min(limit * 10, DOCS) if limit else DOCS
    settings = load_settings()
    sources = _paragraphs(data_dir)
    docs = corpus(sources, n)
    words = sum(len(d["text"].split()) for d in docs)
    metrics: dict[str, Any] = {}
    notes = []
    with tempfile.TemporaryDirectory(prefix="claimgraph-batch-") as tmp:
        src = Path(tmp) / "in.jsonl"
        src.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
        outputs = {}
        for name, engine, workers in (("one_process", "local", 1), ("local_2", "local", 2),
                                      ("spark_local_2", "spark", 2)):
            out = Path(tmp) / name
            t0 = time.perf_counter()
            s = batch([str(src)], BatchOptions(out=out, engine=engine, workers=workers, partitions=16), settings)
            seconds = time.perf_counter() - t0
            metrics[f"{name}_docs_per_s"] = round(s.extracted / seconds, 2)
            outputs[name] = _rows(out)
            # where the time went: the tasks' wall and CPU time (wall beyond CPU: waiting for a core), the
            # workers' pipeline loads, and the engine's wall time from its start to the last task's result
            notes.append(f"{name}: {s.extracted} docs in {seconds:.0f} s ({s.failed_extraction} failed; tasks "
                         f"{s.task_seconds:.0f} s, {s.task_cpu_seconds:.0f} s CPU; pipeline loads "
                         f"{s.setup_seconds:.0f} s; engine {s.engine_seconds:.0f} s)")
    base = metrics["one_process_docs_per_s"]
    metrics["local_2_speedup"] = round(metrics["local_2_docs_per_s"] / base, 3)
    metrics["spark_local_2_speedup"] = round(metrics["spark_local_2_docs_per_s"] / base, 3)
    metrics["spark_identical"] = int(outputs["spark_local_2"] == outputs["one_process"])
    metrics["local_identical"] = int(outputs["local_2"] == outputs["one_process"])
    for name in ("local_2", "spark_local_2"):
        diff = first_difference(outputs["one_process"], outputs[name])
        if diff:  # so that a failed identity check says where, and a re-run need not find it again
            notes.append(f"{name} differs from one_process: {diff}")
    return [{
        "benchmark": "batch_speed",
        "items": n,
        "metrics": metrics,
        "notes": f"{n} documents, {words:,} words, from {len(sources)} real source files "
        f"(corpus id {text_key(docs[0]['text'])[:8]}); " + "; ".join(notes)
        + ". Times include loading the spaCy pipeline in each worker and starting Spark.",
    }]
