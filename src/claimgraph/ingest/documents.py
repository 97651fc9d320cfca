"""`RawInput` → `Document`: clean what needs cleaning, then id = hash of the cleaned text."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TextIO

from ..errors import InputError
from ..records import Document, text_id
from .clean import clean_html, clean_text
from .dates import parse_date
from .readers import iter_inputs, read_jsonl_text
from .types import Cleaned, InputFailure, InputFormat, InputSkipped, RawInput


def to_document(raw: RawInput) -> Document:
    """Clean `raw` (a JSONL `text` is kept verbatim) into a Document. Raises InputError(stage="clean")."""
    if raw.format is InputFormat.VERBATIM:
        cleaned = Cleaned(text=raw.content)
    elif raw.format is InputFormat.HTML:
        cleaned = clean_html(raw.content, raw.url)
    else:
        cleaned = clean_text(raw.content)
    if not cleaned.text.strip():
        raise InputError("no text left after cleaning", stage="clean")
    published = parse_date(raw.published) if raw.published else None
    return Document(
        id=text_id(cleaned.text),
        text=cleaned.text,
        source=raw.source,
        title=raw.title or cleaned.title,
        outlet=raw.outlet or cleaned.outlet,
        published=published or cleaned.published,
        url=raw.url,
        raw_id=raw.raw_id,
        author=raw.author or cleaned.author,
    )


def load_documents(
    paths: Sequence[str],
    *,
    stdin: TextIO | None = None,
    skipped: list[InputSkipped] | None = None,
    exclude: Sequence[str] = (),
) -> Iterator[Document | InputFailure]:
    """Every readable document under `paths`, and an InputFailure for each one that is not.

    Files of unsupported types are not failures: they are appended to `skipped` when given.
    """
    return to_documents(iter_inputs(paths, stdin=stdin, exclude=exclude), skipped=skipped)


def load_jsonl_text(text: str, source: str) -> Iterator[Document | InputFailure]:
    """Documents of JSON Lines given as text (an upload), `source` naming where it came from."""
    return to_documents(read_jsonl_text(text, source))


def to_documents(
    items: Iterable[RawInput | InputFailure | InputSkipped], *, skipped: list[InputSkipped] | None = None
) -> Iterator[Document | InputFailure]:
    """Clean each read input into a Document; one that cannot be cleaned becomes an InputFailure with why."""
    for item in items:
        if isinstance(item, InputSkipped):
            if skipped is not None:
                skipped.append(item)
            continue
        if isinstance(item, InputFailure):
            yield item
            continue
        try:
            yield to_document(item)
        except InputError as exc:
            yield InputFailure(item.source, item.line, exc.stage, exc.message)
        except Exception as exc:  # noqa: BLE001 - a cleaner crash fails this document, never the run
            yield InputFailure(item.source, item.line, "clean", f"{type(exc).__name__}: {exc}")
