"""Read files, folders and stdin into `RawInput` records, one bad document never stopping a run.

Folders are walked recursively in sorted order, so the same tree always yields the same sequence.
Every document that cannot be read becomes an `InputFailure` naming the file, the line (JSON Lines)
and the reason; files of a type claimgraph does not read become `InputSkipped`.
"""

from __future__ import annotations

import fnmatch
import json
import os
import stat
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
_WARC_SUFFIXES = (".warc", ".warc.gz")
_META_KEYS = ("url", "title", "outlet", "published", "author")
#: Largest file read, and largest size a .gz file may inflate to: a bomb is refused, never held in memory.
MAX_FILE_BYTES = 64 * 1024 * 1024
#: Deepest JSON nesting of a line; deeper input is refused (Python's parser would exhaust its stack).
MAX_JSON_DEPTH = 64
BROKEN_LINK = "broken symbolic link (its target does not exist)"

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
            for found in _walk(path):
                if not isinstance(found, Path):
                    yield found
                elif any(fnmatch.fnmatch(found.name, pattern) for pattern in exclude):
                    yield InputSkipped(display(found), "excluded by pattern")
                else:
                    yield from _read_file(found)
        elif path.exists():
            yield from _read_file(path)
        elif path.is_symlink():
            yield InputFailure(display(path), None, "read", BROKEN_LINK)
        else:
            yield InputFailure(display(path), None, "read", "no such file or directory")


def display(path: Path | str) -> str:
    """A path as text that can be stored and printed: bytes that are not UTF-8 in a file name (kept by Python as
    surrogate escapes) are written as \\xNN instead of breaking the store or the terminal."""
    raw = os.fsencode(path)
    return raw.decode("utf-8", "backslashreplace")


def _walk(folder: Path) -> list[Path | InputFailure | InputSkipped]:
    """Regular files under `folder`, sorted, and a failure or a skip for everything else: unreadable folders,
    broken links, links that leave the folder, links to folders (never followed: no loops), FIFOs and devices."""
    root = folder.resolve()
    found: list[Path | InputFailure | InputSkipped] = []

    def unreadable(exc: OSError) -> None:
        where = exc.filename if exc.filename is not None else folder
        found.append(InputFailure(display(where), None, "read", f"cannot read folder: {exc.strerror or exc}"))

    for top, dirs, files in os.walk(folder, onerror=unreadable, followlinks=False):
        base = Path(top)
        for name in dirs:
            if (base / name).is_symlink():
                found.append(InputSkipped(display(base / name), "symbolic link to a folder, not followed"))
        for name in files:
            path = base / name
            try:
                info = path.stat()
            except OSError:
                found.append(InputFailure(display(path), None, "read", BROKEN_LINK))
                continue
            if path.is_symlink() and not path.resolve().is_relative_to(root):
                found.append(InputSkipped(display(path), "symbolic link to a file outside the folder, not followed"))
            elif not stat.S_ISREG(info.st_mode):
                found.append(InputSkipped(display(path), "not a regular file (FIFO, socket or device)"))
            else:
                found.append(path)

    def key(item: Path | InputFailure | InputSkipped) -> str:
        return display(item) if isinstance(item, Path) else item.source

    return sorted(found, key=key)


def _kind(path: Path) -> InputFormat | str | None:
    name = path.name.lower()
    if name.endswith(_HTML_SUFFIXES):
        return InputFormat.HTML
    if name.endswith(_TEXT_SUFFIXES):
        return InputFormat.TEXT
    if name.endswith(_JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(_WARC_SUFFIXES):
        return "warc"
    return None


def _read_file(path: Path) -> Iterator[Item]:
    source = display(path)
    try:
        yield from _read_one(path, source)
    except Exception as exc:  # noqa: BLE001 - one unreadable file never stops a run; its reason is kept
        yield InputFailure(source, None, "read", f"{type(exc).__name__}: {exc}")


def _read_one(path: Path, source: str) -> Iterator[Item]:
    kind = _kind(path)
    if kind == "warc":
        yield from read_warc(path, source)
        return
    if kind is None:
        suffix = "".join(path.suffixes[-2:]) or "(no extension)"
        yield InputSkipped(source, f"skipped: unsupported type {suffix}")
        return
    try:
        data = _read_bytes(path, check_nul=kind != "jsonl")  # JSON Lines: a NUL fails its own line only
        if kind == "jsonl":
            text = _decode_text(data)
            if not text.strip():
                raise _Unreadable("read", "empty file (no JSON lines)")
            yield from _read_jsonl_lines(text.splitlines(), source)
            return
        text = decode_file(data) if kind is InputFormat.HTML else _decode_text(data)
        if not text.strip():
            raise _Unreadable("read", "empty file (no text)")
    except _Unreadable as exc:
        yield InputFailure(source, None, exc.stage, exc.reason)
        return
    yield RawInput(source=source, format=InputFormat(kind), content=text)


def read_warc(path: Path, source: str) -> Iterator[Item]:
    """Each HTML response of a WARC file (Common Crawl's news archive format) as one page; other records (requests,
    metadata, images) are passed over. A record that cannot be read fails alone, named by its record id."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with path.open("rb") as handle:
            for number, record in enumerate(ArchiveIterator(handle), start=1):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                ctype = (record.http_headers.get_header("Content-Type") or "").lower()
                if "html" not in ctype:
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                where = f"{source}#{record.rec_headers.get_header('WARC-Record-ID') or number}"
                try:
                    data = record.content_stream().read(MAX_FILE_BYTES + 1)
                    if len(data) > MAX_FILE_BYTES:
                        raise _Unreadable("read", f"record larger than {MAX_FILE_BYTES:,} bytes")
                    text = decode_file(data)
                    if not text.strip():
                        raise _Unreadable("read", "empty response")
                except _Unreadable as exc:
                    yield InputFailure(where, number, exc.stage, exc.reason)
                    continue
                # WARC-Date is when the page was crawled, not published: the page's own date is read in cleaning
                yield RawInput(source=where, format=InputFormat.HTML, content=text, line=number, url=url)
    except ArchiveLoadFailed as exc:
        yield InputFailure(source, None, "decode", f"not a readable WARC file: {exc}")


def _read_bytes(path: Path, *, check_nul: bool = True) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise _Unreadable("read", f"cannot read file: {exc.strerror or exc}") from exc
    if len(data) > MAX_FILE_BYTES:
        raise _Unreadable("read", f"file larger than {MAX_FILE_BYTES:,} bytes; split it")
    if path.name.lower().endswith(".gz"):
        data = gunzip(data)
    nul = data.find(b"\x00") if check_nul else -1
    if nul >= 0:
        raise _Unreadable("decode", f"binary content (NUL byte at offset {nul})")
    return data


def gunzip(data: bytes, limit: int | None = None) -> bytes:
    """Inflate gzip data, refusing to grow past `limit` bytes (default MAX_FILE_BYTES; a small bomb can inflate
    a thousandfold)."""
    limit = MAX_FILE_BYTES if limit is None else limit
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, limit + 1)
        if len(out) > limit or inflater.unconsumed_tail:
            raise _Unreadable("decode", f"gzip content inflates past {limit:,} bytes; refused")
        if not inflater.eof:
            raise _Unreadable("decode", "not a valid gzip file: truncated")
    except zlib.error as exc:
        raise _Unreadable("decode", f"not a valid gzip file: {exc}") from exc
    return out


def _decode_text(data: bytes) -> str:
    """UTF-8, with or without a byte-order mark; anything else is reported, never guessed."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _Unreadable(
            "decode", f"not UTF-8 text: byte 0x{data[exc.start]:02x} at offset {exc.start}"
        ) from exc


def read_jsonl_text(text: str, source: str) -> Iterator[Item]:
    """JSON Lines given as text (an upload), one document per line, each line failing alone."""
    if not text.strip():
        yield InputFailure(source, None, "read", "empty file (no JSON lines)")
        return
    yield from _read_jsonl_lines(text.splitlines(), source)


def _read_jsonl_lines(lines: Iterable[str], source: str) -> Iterator[Item]:
    """One document per line: `text` (kept verbatim) or `html` (cleaned), plus optional metadata."""
    numbered = enumerate(lines, start=1)
    while True:
        try:
            number, line = next(numbered)
        except StopIteration:
            return
        except (UnicodeDecodeError, OSError) as exc:  # stdin that is not UTF-8 text: nothing more can be read
            yield InputFailure(source, None, "decode", f"cannot read further: {exc}")
            return
        if not line.strip():
            continue
        try:
            yield _parse_jsonl_line(line, source, number)
        except _Unreadable as exc:
            yield InputFailure(source, number, exc.stage, exc.reason)


def _parse_jsonl_line(line: str, source: str, number: int) -> RawInput:
    depth = _nesting(line)
    if depth > MAX_JSON_DEPTH:
        raise _Unreadable("parse", f"JSON nested {depth} levels deep (at most {MAX_JSON_DEPTH})")
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _Unreadable("parse", f"not JSON: {exc.msg} at column {exc.colno}") from exc
    except RecursionError as exc:
        raise _Unreadable("parse", "JSON nested too deeply") from exc
    if not isinstance(obj, dict):
        raise _Unreadable("parse", f"expected a JSON object, got {type(obj).__name__}")
    text, html = obj.get("text"), obj.get("html")
    if isinstance(text, str) and text.strip():
        fmt, content = InputFormat.VERBATIM, text
    elif isinstance(html, str) and html.strip():
        fmt, content = InputFormat.HTML, html
    else:
        raise _Unreadable("parse", "line has no non-empty 'text' or 'html' string field")
    _check_unicode("text" if fmt is InputFormat.VERBATIM else "html", content)
    meta = {key: _str_or_none(obj.get(key)) for key in _META_KEYS}
    for key, value in meta.items():
        if value is not None:
            _check_unicode(key, value)
    raw_id = obj.get("id")
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, str | int)):
        raise _Unreadable("parse", f"'id' must be a string or an integer, got {type(raw_id).__name__}")
    if isinstance(raw_id, str):
        _check_unicode("id", raw_id)
    return RawInput(
        source=source,
        format=fmt,
        content=content,
        line=number,
        raw_id=None if raw_id is None else str(raw_id),
        **meta,
    )


def _nesting(line: str) -> int:
    """Deepest bracket nesting of a JSON line, counted outside strings (cheap, and bounded by the line)."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in line:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def _check_unicode(field: str, value: str) -> None:
    """Text that cannot be written as UTF-8 (a lone surrogate such as \\ud800) fails its own line, here,
    rather than the store or the NLP later."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise _Unreadable(
            "decode", f"'{field}' holds an unpaired surrogate U+{ord(value[exc.start]):04X} at offset {exc.start}"
        ) from exc


def _str_or_none(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
