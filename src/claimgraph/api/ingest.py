"""Ingestion through the API: a pasted or uploaded article goes through `pipeline.ingest`, the same function
the CLI calls, with one Extractor shared by every request and loaded on first use."""

from __future__ import annotations

import dataclasses
import re
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, File, Request, UploadFile

from ..config import Settings
from ..errors import InputError
from ..ingest.dates import parse_date
from ..ingest.documents import load_jsonl_text, to_document
from ..ingest.types import InputFailure, InputFormat, RawInput
from ..records import Document
from ..store import Store
from .schemas import IngestOut, PasteIn

if TYPE_CHECKING:
    from ..extract import Extractor

#: Largest upload read, in bytes; larger files are refused with a message rather than read in full.
MAX_UPLOAD = 5_000_000
UPLOAD_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")

router = APIRouter(tags=["ingest"])


class SharedExtractor:
    """The NLP pipeline, loaded once on the first ingestion (loading spaCy takes seconds) and then shared.
    A lock serialises ingestion: one writer at a time, and the pipeline is not re-entrant."""

    def __init__(self, settings: Settings, extractor: Extractor | None = None) -> None:
        self.settings = settings
        self._extractor = extractor
        self.lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._extractor is not None

    def get(self) -> Extractor:
        if self._extractor is None:
            from ..extract import Extractor

            self._extractor = Extractor(self.settings)
        return self._extractor


def _safe_name(name: str, default_suffix: str) -> str:
    """A file name for the temporary copy: the given name's letters, digits, dots and dashes only."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(name).name).strip("._") or "pasted"
    return stem if stem.lower().endswith(UPLOAD_SUFFIXES) else stem + default_suffix


def ingest_text(
    request: Request, content: bytes, file_name: str, meta: dict[str, str | None] | None = None
) -> dict[str, Any]:
    """Ingest one pasted or uploaded article into the app's database through `pipeline.ingest_items`.

    Text and HTML are cleaned in memory, with `paste:<name>` as the document's source; a JSON Lines upload
    goes through the readers (one document per line) from a private temporary file."""
    state = request.app.state
    shared: SharedExtractor = state.extractor
    from .. import pipeline

    with shared.lock:
        if file_name.lower().endswith(".jsonl"):
            items: Iterable[Document | InputFailure] = _jsonl_in_memory(content, file_name)
        else:
            items = [_with_meta(_in_memory(content, file_name), meta or {})]
        extractor = shared.get()
        with Store(state.db_path) as store:
            summary = pipeline.ingest_items(items, store, extractor, batch_size=state.settings.nlp.batch_size)
    return {
        "stored": summary.stored,
        "duplicates": summary.duplicates,
        "failed": summary.failed,
        "claims": summary.claims,
        "events": summary.events,
        "entities": summary.entities,
        "doc_ids": summary.doc_ids,
        "failures": [
            {"source": file_name, "line": f.line, "stage": f.stage, "reason": f.reason}
            for f in summary.failures
        ],
    }


def _jsonl_in_memory(content: bytes, file_name: str) -> list[Document | InputFailure]:
    """An uploaded JSON Lines file, one document per line, its source `upload:<name>` (never a temporary path)."""
    source = f"upload:{file_name}"
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return [InputFailure(source, None, "decode", f"not UTF-8 text: {exc.reason} at byte {exc.start}")]
    return list(load_jsonl_text(text, source))


def _in_memory(content: bytes, file_name: str) -> Document | InputFailure:
    """A pasted or uploaded article as a Document, cleaned like a file of the same type would be."""
    source = f"paste:{file_name}"
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return InputFailure(source, None, "decode", f"not UTF-8 text: {exc.reason} at byte {exc.start}")
    fmt = InputFormat.HTML if file_name.lower().endswith((".html", ".htm")) else InputFormat.TEXT
    try:
        return to_document(RawInput(source=source, format=fmt, content=text))
    except InputError as exc:
        return InputFailure(source, None, exc.stage, exc.message)


def _with_meta(item: Document | InputFailure, meta: dict[str, str | None]) -> Document | InputFailure:
    """The pasted article with the URL, outlet and date the form gave; a given date replaces the dateline's."""
    if not isinstance(item, Document):
        return item
    published = parse_date(meta["published"]) if meta.get("published") else None
    return dataclasses.replace(
        item,
        url=meta.get("url") or item.url,
        outlet=meta.get("outlet") or item.outlet,
        published=published or item.published,
    )


@router.post("/documents", response_model=IngestOut, summary="Ingest a pasted article")
def paste_document(body: PasteIn, request: Request) -> dict[str, Any]:
    """Clean, extract and store an article given as text (or HTML). Answers what was stored; an article
    that is already stored is counted as a duplicate and changes nothing."""
    if not body.text.strip():
        raise InputError("the pasted article is empty", detail={"field": "text"})
    suffix = ".html" if body.format == "html" else ".txt"
    meta = {"url": body.url, "outlet": body.outlet, "published": body.published}
    return ingest_text(request, body.text.encode("utf-8"), _safe_name(body.name, suffix), meta)


@router.post("/documents/upload", response_model=IngestOut, summary="Ingest an uploaded file")
def upload_document(request: Request, file: UploadFile = File(...)) -> dict[str, Any]:
    """Ingest one uploaded file: .txt, .md, .html, .htm or .jsonl (one document per line)."""
    name = file.filename or "upload.txt"
    if not name.lower().endswith(UPLOAD_SUFFIXES):
        raise InputError(
            f"cannot ingest {name!r}: upload one of {', '.join(UPLOAD_SUFFIXES)}", detail={"file": name}
        )
    content = file.file.read(MAX_UPLOAD + 1)
    if len(content) > MAX_UPLOAD:
        raise InputError(
            f"{name!r} is larger than {MAX_UPLOAD} bytes", detail={"file": name, "max": MAX_UPLOAD}
        )
    return ingest_text(request, content, _safe_name(name, ".txt"))
