"""Records of the ingest stage: what a reader found, and why a document could not be read.

path / stdin ──readers──▶ RawInput | InputFailure | InputSkipped ──documents──▶ Document
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..records import PartialDate


class InputFormat(StrEnum):
    """How the content of a `RawInput` becomes `Document.text`."""

    TEXT = "text"  # plain text or Markdown (.txt, .md): cleaned by `clean_text`
    HTML = "html"  # a web page (.html, .htm, .html.gz, JSONL `html`): cleaned by `clean_html`
    VERBATIM = "verbatim"  # a JSONL `text` field: taken as it is, never cleaned


@dataclass(frozen=True, slots=True)
class RawInput:
    """One document as read, before cleaning. Metadata fields come from a JSONL line, if any."""

    source: str  # file path, or "-" for stdin
    format: InputFormat
    content: str
    line: int | None = None  # 1-based line number for JSON Lines input
    raw_id: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # as given; parsed into a PartialDate by `to_document`
    author: str | None = None


@dataclass(frozen=True, slots=True)
class InputFailure:
    """A document that could not be read or cleaned, and why. The run goes on without it."""

    source: str
    line: int | None
    stage: str  # "read", "decode", "parse", "clean"
    reason: str


@dataclass(frozen=True, slots=True)
class InputSkipped:
    """A file that is not a document type claimgraph reads (e.g. .tsv, .json, .pdf). Not a failure."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class Cleaned:
    """Main text of a page or a copied article, with what cleaning learned about it."""

    text: str
    title: str | None = None
    outlet: str | None = None
    published: PartialDate | None = None
    author: str | None = None  # from a byline ("By Jane Doe") or a speech header ("Mr. KYL — …")
