"""Read files, folders and stdin into `RawInput` records, one bad document never stopping a run.

Folders are walked recursively in sorted order, so the same tree always yields the same sequence.
Every document that cannot be read becomes an `InputFailure` naming the file, the line (JSON Lines)
and the reason; files of a type claimgraph does not read become `InputSkipped`.
"""

from __future__ import annotations

import fnmatch
import gzip
import json
import sys
import zlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from trafilatura.utils import decode_file

from .types import InputFailure, InputFormat, InputSkipped, RawInput

STDIN = "-"

_TEXT_SUFFIXES = (".txt", ".md")
_HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
_JSONL_SUFFIXES = (".jsonl",)
_META_KEYS = ("url", "title", "outlet", "published", "author")

Item = RawInput | InputFailure | InputSkipped


class _Unreadable(Exception):
    def __init__(self, stage: str, reason: str) -> None:
        super().__init__(reason)
        self.stage = stage
        self.reason = reason


def iter_inputs(
    paths: Sequence[str], *, stdin: TextIO | None = None, exclude: Sequence[str] = ()
) -> Iterator[Item]:
    """Yield every document found under `paths` ("-" reads JSON Lines from `stdin`, default sys.stdin).

    Files inside a folder whose name matches one of the `exclude` glob patterns (e.g. "README.md") are
    reported as skipped; a file named explicitly is always read."""
    for given in paths:
        if given == STDIN:
            yield from _read_jsonl_lines(stdin if stdin is not None else sys.stdin, STDIN)
            continue
        path = Path(given)
        if path.is_dir():
            for file in _walk(path):
                if any(fnmatch.fnmatch(file.name, pattern) for pattern in exclude):
                    yield InputSkipped(str(file), "excluded by pattern")
                    continue
                yield from _read_file(file)
        elif path.exists():
            yield from _read_file(path)
        else:
            yield InputFailure(str(path), None, "read", "no such file or directory")


def _walk(folder: Path) -> list[Path]:
    return sorted((p for p in folder.rglob("*") if p.is_file()), key=lambda p: p.as_posix())


def _kind(path: Path) -> InputFormat | str | None:
    name = path.name.lower()
    if name.endswith(_HTML_SUFFIXES):
        return InputFormat.HTML
    if name.endswith(_TEXT_SUFFIXES):
        return InputFormat.TEXT
    if name.endswith(_JSONL_SUFFIXES):
        return "jsonl"
    return None


def _read_file(path: Path) -> Iterator[Item]:
    source = str(path)
    kind = _kind(path)
    if kind is None:
        suffix = "".join(path.suffixes[-2:]) or "(no extension)"
        yield InputSkipped(source, f"skipped: unsupported type {suffix}")
        return
    try:
        data = _read_bytes(path)
        if kind == "jsonl":
            text = _decode_text(data)
            yield from _read_jsonl_lines(text.splitlines(), source)
            return
        text = decode_file(data) if kind is InputFormat.HTML else _decode_text(data)
        if not text.strip():
            raise _Unreadable("read", "empty file (no text)")
    except _Unreadable as exc:
        yield InputFailure(source, None, exc.stage, exc.reason)
        return
    yield RawInput(source=source, format=InputFormat(kind), content=text)


def _read_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _Unreadable("read", f"cannot read file: {exc.strerror or exc}") from exc
    if path.name.lower().endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            raise _Unreadable("decode", f"not a valid gzip file: {exc}") from exc
    nul = data.find(b"\x00")
    if nul >= 0:
        raise _Unreadable("decode", f"binary content (NUL byte at offset {nul})")
    return data


def _decode_text(data: bytes) -> str:
    """UTF-8, with or without a byte-order mark; anything else is reported, never guessed."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _Unreadable(
            "decode", f"not UTF-8 text: byte 0x{data[exc.start]:02x} at offset {exc.start}"
        ) from exc


def _read_jsonl_lines(lines: Iterable[str], source: str) -> Iterator[Item]:
    """One document per line: `text` (kept verbatim) or `html` (cleaned), plus optional metadata."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield _parse_jsonl_line(line, source, number)
        except _Unreadable as exc:
            yield InputFailure(source, number, exc.stage, exc.reason)


def _parse_jsonl_line(line: str, source: str, number: int) -> RawInput:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _Unreadable("parse", f"not JSON: {exc.msg} at column {exc.colno}") from exc
    if not isinstance(obj, dict):
        raise _Unreadable("parse", f"expected a JSON object, got {type(obj).__name__}")
    text, html = obj.get("text"), obj.get("html")
    if isinstance(text, str) and text.strip():
        fmt, content = InputFormat.VERBATIM, text
    elif isinstance(html, str) and html.strip():
        fmt, content = InputFormat.HTML, html
    else:
        raise _Unreadable("parse", "line has no non-empty 'text' or 'html' string field")
    meta = {key: _str_or_none(obj.get(key)) for key in _META_KEYS}
    raw_id = obj.get("id")
    return RawInput(
        source=source,
        format=fmt,
        content=content,
        line=number,
        raw_id=None if raw_id is None else str(raw_id),
        **meta,
    )


def _str_or_none(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
