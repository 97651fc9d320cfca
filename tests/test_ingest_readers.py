"""Reading files, folders and stdin: good documents come through, each bad one is a reported failure."""

from __future__ import annotations

import gzip
import io
import json
import shutil
from pathlib import Path

from _ingest_helpers import corpus_dir, seed_article
from claimgraph.ingest import (
    InputFailure,
    InputFormat,
    InputSkipped,
    RawInput,
    iter_inputs,
    load_documents,
    to_document,
)
from claimgraph.records import Document, Precision, text_id

QUETTA = "2016_Quetta_police_training_college_attack.txt"
SENTENCE = (
    "A suicide bomber attacked a Shia mosque in Kabul on Monday, officials said, and the Islamic "
    "State group claimed responsibility for the attack in a statement. "
)


def _corpus_folder(tmp_path: Path) -> Path:
    """A folder of real documents plus one binary file, one empty file and one bad JSON Lines line."""
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(seed_article(), folder / "a_seed.txt")
    shutil.copy(corpus_dir() / "wikipedia-2019" / QUETTA, folder / "sub" / QUETTA)
    (folder / "b_binary.txt").write_bytes(b"GIF89a\x01\x00\x01\x00\x00\xff\x00,")
    (folder / "c_empty.md").write_text("  \n\n\t\n", "utf-8")
    lines = [
        json.dumps({"id": "n1", "text": "  Lashkar-e-Taiba denied it.  ", "published": "2025-10"}),
        "{not json",
        json.dumps({"id": "n3", "title": "no body"}),
    ]
    (folder / "d_lines.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    (folder / "e_index.tsv").write_text("date\tfile\n", "utf-8")
    return folder


def test_folder_yields_good_documents_and_one_failure_per_bad_input(tmp_path: Path) -> None:
    folder = _corpus_folder(tmp_path)
    skipped: list[InputSkipped] = []
    items = list(load_documents([str(folder)], skipped=skipped))
    docs = [i for i in items if isinstance(i, Document)]
    failures = [i for i in items if isinstance(i, InputFailure)]
    assert [Path(d.source).name for d in docs] == ["a_seed.txt", "d_lines.jsonl", QUETTA]
    assert [(Path(f.source).name, f.line, f.stage) for f in failures] == [
        ("b_binary.txt", None, "decode"),
        ("c_empty.md", None, "read"),
        ("d_lines.jsonl", 2, "parse"),
        ("d_lines.jsonl", 3, "parse"),
    ]
    assert "binary" in failures[0].reason
    assert "empty" in failures[1].reason
    assert "not JSON" in failures[2].reason
    assert "'text' or 'html'" in failures[3].reason
    assert [Path(s.source).name for s in skipped] == ["e_index.tsv"]
    assert "unsupported type .tsv" in skipped[0].reason


def test_order_is_deterministic(tmp_path: Path) -> None:
    folder = _corpus_folder(tmp_path)
    first = [(i.source, getattr(i, "line", None)) for i in iter_inputs([str(folder)])]
    assert first == [(i.source, getattr(i, "line", None)) for i in iter_inputs([str(folder)])]
    assert first == sorted(first, key=lambda s: s[0])


def test_jsonl_text_is_taken_verbatim_and_ids_are_content_hashes(tmp_path: Path) -> None:
    folder = _corpus_folder(tmp_path)
    doc = next(d for d in load_documents([str(folder / "d_lines.jsonl")]) if isinstance(d, Document))
    assert doc.text == "  Lashkar-e-Taiba denied it.  "  # not stripped, not cleaned
    assert doc.id == text_id(doc.text)
    assert doc.raw_id == "n1"
    assert doc.published is not None and doc.published.precision == Precision.MONTH
    again = next(d for d in load_documents([str(folder / "d_lines.jsonl")]) if isinstance(d, Document))
    assert again.id == doc.id


def test_ids_are_idempotent_across_runs_and_copies(tmp_path: Path) -> None:
    shutil.copy(seed_article(), tmp_path / "copy.txt")
    first = to_document(next(i for i in iter_inputs([str(seed_article())]) if isinstance(i, RawInput)))
    second = to_document(
        next(i for i in iter_inputs([str(tmp_path / "copy.txt")]) if isinstance(i, RawInput))
    )
    assert first.id == second.id == text_id(first.text)
    assert first.title == "ISKP & Lashkar converging under aegis of Pakistan’s ISI to take on Baloch fighters"


def test_stdin_reads_json_lines(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Kabul</title></head><body><article><p>"
        + SENTENCE * 3
        + "</p></article></body></html>"
    )
    stream = io.StringIO(
        json.dumps({"text": "One verbatim line.", "url": "https://example.org/1"})
        + "\n\n"
        + json.dumps({"html": page, "outlet": "Example"})
        + "\n[1, 2]\n"
    )
    items = list(load_documents(["-"], stdin=stream))
    assert [type(i).__name__ for i in items] == ["Document", "Document", "InputFailure"]
    first, second, bad = items
    assert isinstance(first, Document) and first.source == "-" and first.url == "https://example.org/1"
    assert (
        isinstance(second, Document) and "Shia mosque in Kabul" in second.text and second.outlet == "Example"
    )
    assert isinstance(bad, InputFailure) and bad.line == 4 and "JSON object" in bad.reason


def test_html_gz_and_html_without_main_text(tmp_path: Path) -> None:
    article = (corpus_dir() / "wikipedia-2019" / QUETTA).read_text("utf-8").split("\n\n\n")[0]
    page = f"<html><body><nav><a href='/'>Home</a></nav><article><p>{article}</p></article></body></html>"
    (tmp_path / "a.html.gz").write_bytes(gzip.compress(page.encode("utf-8")))
    (tmp_path / "b.htm").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", "utf-8")
    raw = next(iter_inputs([str(tmp_path / "a.html.gz")]))
    assert isinstance(raw, RawInput) and raw.format is InputFormat.HTML
    items = list(load_documents([str(tmp_path)]))
    assert isinstance(items[0], Document) and "killing 61 cadets" in items[0].text
    assert isinstance(items[1], InputFailure)
    assert (Path(items[1].source).name, items[1].stage) == ("b.htm", "clean")


def test_missing_path_and_undecodable_text_are_failures(tmp_path: Path) -> None:
    (tmp_path / "latin1.txt").write_bytes("Peshawar caf\xe9 attack".encode("latin-1"))
    items = list(iter_inputs([str(tmp_path / "nope.txt"), str(tmp_path / "latin1.txt")]))
    assert all(isinstance(i, InputFailure) for i in items)
    assert items[0].reason == "no such file or directory"  # type: ignore[union-attr]
    assert "not UTF-8" in items[1].reason and "0xe9" in items[1].reason  # type: ignore[union-attr]
