"""Markdown → a standalone HTML page. Raw HTML in the Markdown (evidence quotes can hold `<script>`) is
escaped, never passed through: markdown-it-py runs with `html` off."""

from __future__ import annotations

import re
from html import escape

from markdown_it import MarkdownIt

_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}"
    "img{max-width:100%}li{margin:.2rem 0}code{background:#f4f4f4}"
)


#: A source-list entry as the brief writes it: "- **doc_…** …", rendered as <li><strong>doc_…</strong>.
_SOURCE_ITEM = re.compile(r"<li><strong>(doc_[0-9a-f]+)</strong>")


def to_html(markdown: str, *, title: str) -> str:
    body = MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown)
    # give each source its anchor, so every citation links to the document it cites
    body = _SOURCE_ITEM.sub(r'<li id="src-\1"><strong>\1</strong>', body)
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>\n<body>\n{body}</body></html>\n"
    )
