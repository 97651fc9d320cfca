"""Ingest: files, folders and stdin → cleaned `Document`s, with a reason for every document left out."""

from .clean import clean_html, clean_text
from .dates import parse_date
from .documents import load_documents, to_document
from .readers import iter_inputs
from .types import Cleaned, InputFailure, InputFormat, InputSkipped, RawInput

__all__ = [
    "Cleaned",
    "InputFailure",
    "InputFormat",
    "InputSkipped",
    "RawInput",
    "clean_html",
    "clean_text",
    "iter_inputs",
    "load_documents",
    "parse_date",
    "to_document",
]
