"""Batch extraction: Parquet rows identical to `claimgraph extract`, resumable, loadable; WARC input; Spark."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `bench` is a top-level folder beside src/, not an installed package
    sys.path.insert(0, str(ROOT))

from bench import batch_speed  # noqa: E402

from claimgraph import pipeline  # noqa: E402
from claimgraph.batch import BatchOptions, batch, load  # noqa: E402
from claimgraph.batch import parts as batch_parts  # noqa: E402
from claimgraph.contract import extraction_to_json  # noqa: E402
from claimgraph.store import Store  # noqa: E402

pytestmark = pytest.mark.model

REPORTS = [
    "The Taliban claimed responsibility for an attack in Kabul that killed five policemen.",
    "Officials said Lashkar-e-Taiba had agreed to share training camps with Jaish-e-Mohammed.",
    "Al-Shabaab fighters attacked a military base in Lower Shabelle on Friday, killing 12 soldiers.",
    "Boko Haram gunmen abducted 20 students from a school in Borno state, police said.",
    "A suicide bomber killed 14 people at a mosque in Quetta; Islamic State claimed the bombing.",
    "The Baloch Liberation Army attacked a convoy near Turbat, killing three soldiers.",
]


def _jsonl(path: Path, texts: list[str]) -> Path:
    path.write_text("".join(json.dumps({"id": f"r{i}", "text": t}) + "\n" for i, t in enumerate(texts)),
                    encoding="utf-8")
    return path


def _rows(out: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    return {r.doc_id: json.loads(r.extraction) for r in batch_parts.read_rows(out)}


def _extract(extractor, path: Path) -> dict[str, dict]:  # type: ignore[no-untyped-def, type-arg]
    return {x.doc.id: json.loads(json.dumps(extraction_to_json(x), ensure_ascii=False))
            for x in pipeline.extract([str(path)], extractor)}


def test_batch_rows_are_what_extract_prints_and_a_rerun_adds_nothing(tmp_path, settings, extractor) -> None:
    src = _jsonl(tmp_path / "in.jsonl", REPORTS)
    out = tmp_path / "out"
    first = batch([str(src)], BatchOptions(out=out, partitions=3), settings)
    assert (first.extracted, first.failed_extraction, first.already_done) == (6, 0, 0)
    assert _rows(out) == _extract(extractor, src)
    again = batch([str(src)], BatchOptions(out=out), settings)
    assert (again.extracted, again.already_done, again.partitions_run) == (0, 6, 0)


def test_an_interrupted_batch_redoes_only_the_unfinished_partition(tmp_path, settings) -> None:
    src = _jsonl(tmp_path / "in.jsonl", REPORTS)
    out = tmp_path / "out"
    batch([str(src)], BatchOptions(out=out, partitions=3), settings)
    files = batch_parts.part_files(out)
    lost = files[0]
    import pyarrow.parquet as pq

    n_lost = pq.read_table(lost).num_rows
    lost.unlink()  # the task that wrote it never finished
    (out / "extractions" / f".{lost.name}.tmp").write_bytes(b"half a file")
    resumed = batch([str(src)], BatchOptions(out=out), settings)
    assert resumed.extracted == n_lost and resumed.partitions_run == 1 and resumed.already_done == 6 - n_lost
    assert len(_rows(out)) == 6


def test_load_stores_a_batch_once_and_resolves(tmp_path, settings, extractor) -> None:
    src = _jsonl(tmp_path / "in.jsonl", REPORTS)
    out = tmp_path / "out"
    batch([str(src)], BatchOptions(out=out), settings)
    with Store(tmp_path / "c.db") as store:
        first = load(out, store, extractor)
        assert first.stored == 6 and first.resolution
        again = load(out, store, extractor)
        assert (again.stored, again.already_stored) == (0, 6)
        assert store.counts()["documents"] == 6


def test_batch_output_does_not_follow_the_hash_seed(tmp_path) -> None:
    """Spark's Python workers run with PYTHONHASHSEED=0, one process with a random seed: a batch must come out
    the same under any seed. "El Santah" was resolved to Egypt or to Ivory Coast depending on the order of a set
    of its two spellings (seeds 0 and 1 put them in opposite orders)."""
    import os
    import subprocess

    texts = [*REPORTS,
             "Gunmen attacked a police checkpoint in El Santah on Friday, killing two officers, officials said.",
             "According to the army, militants according to local media attacked a convoy near Al Baydah."]
    src = _jsonl(tmp_path / "in.jsonl", texts)
    outputs = []
    for seed in ("0", "1"):
        out = tmp_path / f"seed{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": os.pathsep.join(sys.path)}
        subprocess.run([sys.executable, "-m", "claimgraph", "batch", str(src), "--out", str(out), "--partitions", "2"],
                       env=env, check=True, capture_output=True, timeout=600)
        outputs.append({k: json.dumps(v, sort_keys=True) for k, v in _rows(out).items()})
    assert batch_speed.first_difference(outputs[0], outputs[1]) is None
    assert any("Egypt" in v for v in outputs[0].values())


def test_a_difference_names_the_first_document_and_field() -> None:
    one = {"doc_1": json.dumps({"doc": {"raw_id": "b1"}, "events": [{"place": {"country": "Egypt"}}]}),
           "doc_2": json.dumps({"doc": {"raw_id": "b2"}, "events": []})}
    other = {**one, "doc_1": json.dumps({"doc": {"raw_id": "b1"}, "events": [{"place": {"country": "Ivory Coast"}}]})}
    assert batch_speed.first_difference(one, dict(one)) is None
    found = batch_speed.first_difference(one, other)
    assert found == '1 documents differ; first b1 (doc_1) at .events[0].place.country: "Egypt" vs "Ivory Coast"'
    only = batch_speed.first_difference(one, {"doc_1": one["doc_1"]})
    assert only == "1 documents differ; doc_2 is only in the first"


def test_warc_html_responses_are_documents(tmp_path, settings) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        page = (f"<html><head><title>Attack</title></head><body><article><p>{REPORTS[2]}</p>"
                f"<p>{REPORTS[3]}</p></article></body></html>").encode()
        for url, ctype, body in (("https://news.example/a", "text/html; charset=utf-8", page),
                                 ("https://news.example/logo.png", "image/png", b"\x89PNG....")):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
    out = tmp_path / "out"
    s = batch([str(path)], BatchOptions(out=out), settings)
    assert s.documents == 1 and s.extracted == 1
    (row,) = batch_parts.read_rows(out)
    assert json.loads(row.extraction)["doc"]["url"] == "https://news.example/a"


@pytest.mark.spark
def test_spark_local_output_is_identical_to_extract(tmp_path, settings, extractor) -> None:
    src = _jsonl(tmp_path / "in.jsonl", REPORTS)
    out = tmp_path / "spark"
    s = batch([str(src)], BatchOptions(out=out, engine="spark", workers=2, partitions=2), settings)
    assert s.extracted == 6 and s.partitions_run == 2
    assert _rows(out) == _extract(extractor, src)
