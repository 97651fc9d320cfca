"""Main-text extraction benchmarks for claimgraph's ingest stage.

    run(data_dir, *, limit=None, fast=False) -> [{"benchmark", "items", "metrics", "tune", "baselines"}, ...]

Pages are split into a tuning and a test half by their id (bench/split.py: the Zyte page id, the trafilatura
file name); the metrics are the test half's, `tune` the tuning half's, baselines the test half's.

a) `article_extraction_benchmark` (Zyte): `clean_html` on 181 news pages, scored as that benchmark's
   evaluate.py scores it: per page, TP/FP/FN over 4-token shingles (tokens = `\\w+`), normalised to
   sum to 1; precision and recall are averaged over pages, F1 is their harmonic mean.
b) the same pages as text copied from a browser (`render_visible_text`), cleaned by `clean_text`.
c) `trafilatura_eval_en_subset`: `clean_html` on 165 English pages, scored as trafilatura's
   tests/evaluate.py does: each "with" snippet found is a TP, each "without" snippet found a FP
   (whitespace-normalised substring match), pooled over all pages.
d) the same 165 pages as copied text, cleaned by `clean_text`: a held-out check for (b).

Progress goes to stderr; `python -m bench.text_extraction [DATA_DIR] [--limit N]` prints the table.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from claimgraph.errors import InputError
from claimgraph.ingest import clean_html, clean_text

Extractor = Callable[[str], str]

# ---------------------------------------------------------------- scoring (Zyte shingles)

_TOKEN = re.compile(r"\w+", re.UNICODE)


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def shingle_counts(true: str, pred: str) -> tuple[float, float, float]:
    """Per-page (tp, fp, fn) over 4-token shingles, normalised so that they sum to 1."""
    gold, got = _shingles(true), _shingles(pred)
    tp = fp = fn = 0.0
    for key in gold.keys() | got.keys():
        g, p = gold.get(key, 0), got.get(key, 0)
        tp += min(g, p)
        fp += max(0, p - g)
        fn += max(0, g - p)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def shingle_metrics(counts: Iterable[tuple[float, float, float]]) -> dict[str, float]:
    counts = list(counts)

    def ratio(a: float, b: float, fp: float, fn: float) -> float:
        if fp == fn == 0:
            return 1.0
        return 0.0 if a == b == 0 else a / (a + b)

    precision = statistics.mean(ratio(tp, fp, fp, fn) for tp, fp, fn in counts if tp + fp > 0)
    recall = statistics.mean(ratio(tp, fn, fp, fn) for tp, fp, fn in counts if tp + fn > 0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


# ---------------------------------------------------------------- scoring (trafilatura snippets)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def snippet_metrics(items: Iterable[tuple[dict[str, list[str]], str]]) -> dict[str, float]:
    tp = fp = fn = tn = 0
    for item, result in items:
        got = _norm(result)
        hits = sum(1 for w in item["with"] if _norm(w) in got)
        leaks = sum(1 for w in item["without"] if _norm(w) in got)
        tp, fn = tp + hits, fn + len(item["with"]) - hits
        fp, tn = fp + leaks, tn + len(item["without"]) - leaks
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    accuracy = (tp + tn) / (tp + tn + fp + fn) if tp + tn + fp + fn else 0.0
    return {
        k: round(v, 4)
        for k, v in {"precision": precision, "recall": recall, "f1": f1, "accuracy": accuracy}.items()
    }


# ---------------------------------------------------------------- browser-copied text

_BLOCK_TAGS = frozenset(
    "address article aside blockquote body br dd details dialog div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hgroup hr html li main nav ol p pre section summary table tbody td tfoot "
    "th thead tr ul caption option select button label".split()
)
_INVISIBLE_TAGS = frozenset("script style noscript template head iframe svg canvas object embed map".split())


def render_visible_text(html: str) -> str:
    """The text a reader gets by selecting a whole page in a browser and copying it.

    Hand-written with lxml because no installed library renders "copy as text" the way a browser does:
    visible text only (no script/style/head, no hidden elements), block elements and <br> as line
    breaks, runs of inline whitespace collapsed, one line per block.
    """
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""
    lines: list[str] = []
    current: list[str] = []

    def newline() -> None:
        text = re.sub(r"\s+", " ", "".join(current)).strip()
        if text:
            lines.append(text)
        current.clear()

    def hidden(el: lxml.html.HtmlElement) -> bool:
        style = (el.get("style") or "").replace(" ", "").lower()
        return el.get("hidden") is not None or "display:none" in style or el.get("aria-hidden") == "true"

    def walk(el: lxml.html.HtmlElement) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _INVISIBLE_TAGS or not tag or hidden(el):
            if el.tail:
                current.append(el.tail)
            return
        block = tag in _BLOCK_TAGS
        if block:
            newline()
        if el.text:
            current.append(el.text)
        for child in el:
            walk(child)
        if block:
            newline()
        elif tag in ("td", "th"):
            current.append(" ")
        if el.tail:
            current.append(el.tail)

    body = root.find("body")
    walk(body if body is not None else root)
    newline()
    return "\n".join(lines)


# ---------------------------------------------------------------- extractors


def _ours_html(html: str) -> str:
    try:
        return clean_html(html).text
    except InputError:
        return ""


def _ours_text(text: str) -> str:
    """The article body: `clean_text` keeps the headline as its first line, the benchmarks' gold omits it
    (as `clean_html` drops it), so it is taken off before scoring."""
    try:
        cleaned = clean_text(text)
    except InputError:
        return ""
    body = cleaned.text
    if cleaned.title and body.startswith(cleaned.title):
        body = body[len(cleaned.title) :].lstrip()
    return body


def _trafilatura_default(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False, include_tables=True) or ""


# ---------------------------------------------------------------- benchmarks


class _Ticker:
    """Progress through a rich `Progress` when the harness passes one, else a counter on stderr."""

    def __init__(self, name: str, total: int, progress: Any = None) -> None:
        self.name, self.total, self.done, self.progress = name, total, 0, progress
        self.task = progress.add_task(name, total=total) if progress is not None else None

    def step(self) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress.advance(self.task)
            if self.done == self.total:
                self.progress.remove_task(self.task)
        elif self.done % 20 == 0 or self.done == self.total:
            end = "\n" if self.done == self.total else ""
            print(f"\r{self.name}: {self.done}/{self.total}", end=end, file=sys.stderr, flush=True)


def _zyte_pages(folder: Path, keys: Iterable[str]) -> Iterator[tuple[str, str, str]]:
    truth = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    for key in keys:
        html = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
        yield key, html, truth[key].get("articleBody", "")


def _shingle_run(
    name: str, pages: list[tuple[str, str, str]], extractors: dict[str, Extractor], notes: str, progress: Any
) -> dict:
    counts: dict[str, list[tuple[float, float, float]]] = {k: [] for k in extractors}
    ticker = _Ticker(name, len(pages), progress)
    for _, source, gold in pages:
        for key, fn in extractors.items():
            counts[key].append(shingle_counts(gold, fn(source)))
        ticker.step()
    metrics = {k: shingle_metrics(v) for k, v in counts.items()}
    ours = metrics.pop("claimgraph")
    return {"benchmark": name, "items": len(pages), "metrics": ours, "baselines": metrics, "notes": notes}


def zyte_html(data_dir: Path, keys: Iterable[str], progress: Any = None, baselines: bool = True) -> dict:
    pages = list(_zyte_pages(data_dir / "article_extraction_benchmark", keys))
    return _shingle_run(
        "article_extraction_html",
        pages,
        {
            "claimgraph": _ours_html,
            **({"trafilatura-default": _trafilatura_default, "all-visible-text": render_visible_text}
               if baselines else {}),
        },
        "clean_html on the Zyte article-extraction benchmark (181 news pages, 4-token shingles, "
        "per-page P/R averaged as its evaluate.py does)",
        progress,
    )


def zyte_copied_text(data_dir: Path, keys: Iterable[str], progress: Any = None, baselines: bool = True) -> dict:
    pages = [
        (k, render_visible_text(h), g)
        for k, h, g in _zyte_pages(data_dir / "article_extraction_benchmark", keys)
    ]
    return _shingle_run(
        "article_extraction_copied_text",
        pages,
        {"claimgraph": _ours_text, **({"all-visible-text": lambda text: text} if baselines else {})},
        "clean_text on the same pages rendered as browser-copied text (render_visible_text): no DOM, "
        "lines only",
        progress,
    )


def trafilatura_snippets(
    data_dir: Path, files: Iterable[str], progress: Any = None, baselines: bool = True
) -> dict:
    folder = data_dir / "trafilatura_eval_en_subset"
    from trafilatura.utils import decode_file

    extractors: dict[str, Extractor] = {"claimgraph": _ours_html}
    if baselines:
        extractors |= {"trafilatura-default": _trafilatura_default, "all-visible-text": render_visible_text}
    results: dict[str, list[tuple[dict, str]]] = {k: [] for k in extractors}
    items = _trafilatura_items(folder, files)
    ticker = _Ticker("trafilatura_eval_en", len(items), progress)
    for _, item in items:
        html = decode_file((folder / "html" / item["file"]).read_bytes())
        for key, fn in extractors.items():
            results[key].append((item, fn(html)))
        ticker.step()
    metrics = {k: snippet_metrics(v) for k, v in results.items()}
    ours = metrics.pop("claimgraph")
    notes = (
        "clean_html on trafilatura's English evaluation pages: must-have / must-not-have snippets, "
        "pooled counts as its tests/evaluate.py does"
    )
    return {
        "benchmark": "trafilatura_eval_en",
        "items": len(items),
        "metrics": ours,
        "baselines": metrics,
        "notes": notes,
    }


def _trafilatura_items(folder: Path, files: Iterable[str]) -> list[tuple[str, dict]]:
    data = json.loads((folder / "evaldata_en_subset.json").read_text("utf-8"))
    by_file = {item["file"]: (key, item) for key, item in data.items()}
    return [by_file[f] for f in files]


def trafilatura_copied_text(
    data_dir: Path, files: Iterable[str], progress: Any = None, baselines: bool = True
) -> dict:
    """A held-out check for `clean_text`: trafilatura's pages as copied text, scored by their snippets."""
    folder = data_dir / "trafilatura_eval_en_subset"
    from trafilatura.utils import decode_file

    extractors: dict[str, Extractor] = {"claimgraph": _ours_text}
    if baselines:
        extractors["all-visible-text"] = lambda text: text
    results: dict[str, list[tuple[dict, str]]] = {k: [] for k in extractors}
    items = _trafilatura_items(folder, files)
    ticker = _Ticker("trafilatura_eval_en_copied_text", len(items), progress)
    for _, item in items:
        text = render_visible_text(decode_file((folder / "html" / item["file"]).read_bytes()))
        for key, fn in extractors.items():
            results[key].append((item, fn(text)))
        ticker.step()
    metrics = {k: snippet_metrics(v) for k, v in results.items()}
    ours = metrics.pop("claimgraph")
    return {
        "benchmark": "trafilatura_eval_en_copied_text",
        "items": len(items),
        "metrics": ours,
        "baselines": metrics,
        "notes": "clean_text on trafilatura's English evaluation pages rendered as copied text "
        "(held out: no rule was tuned on them)",
    }


def run(data_dir: Path, *, limit: int | None = None, fast: bool = False, progress: Any = None) -> list[dict]:
    """Every benchmark above on both halves; `limit` takes the first N pages of each half (for a quick look),
    `fast` only the test half's fast slice, without baselines."""
    from . import halved
    from .split import _trafilatura, _zyte, select

    zyte = select("zyte", _zyte(data_dir), lambda i: i["id"], limit=limit, fast=fast)
    traf = select("trafilatura", _trafilatura(data_dir), lambda i: i["id"], limit=limit, fast=fast)
    out = []
    for fn, parts in ((zyte_html, zyte), (zyte_copied_text, zyte), (trafilatura_snippets, traf),
                      (trafilatura_copied_text, traf)):
        halves = {which: fn(data_dir, [i["id"] for i in items], progress, baselines=which == "test" and not fast)
                  for which, items in parts.items()}
        out.append(halved(halves["test"], halves.get("tune")))
    return out


def _table(results: list[dict]) -> str:
    rows = ["benchmark | extractor | items | precision | recall | F1", "---|---|---|---|---|---"]
    for r in results:
        for name, m in [("claimgraph", r["metrics"]), *r["baselines"].items()]:
            scores = " | ".join(f"{m[k]:.3f}" for k in ("precision", "recall", "f1"))
            rows.append(f"{r['benchmark']} | {name} | {r['items']} | {scores}")
    return "\n".join(rows)


if __name__ == "__main__":
    import argparse

    from claimgraph.config import load_settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=None)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--only", choices=["html", "text", "snippets", "snippets-text"], default=None)
    args = parser.parse_args()
    data_dir = args.data_dir or load_settings().data.dir
    chosen = {
        "html": zyte_html,
        "text": zyte_copied_text,
        "snippets": trafilatura_snippets,
        "snippets-text": trafilatura_copied_text,
    }
    if args.only:
        from .split import _trafilatura, _zyte, only

        load = _zyte if args.only in ("html", "text") else _trafilatura
        split = "zyte" if args.only in ("html", "text") else "trafilatura"
        tune = [i["id"] for i in only(split, load(data_dir), lambda i: i["id"], "tune")][: args.limit]
        print(_table([chosen[args.only](data_dir, tune)]))  # the tuning half: a test half is not looked at
    else:
        print(_table(run(data_dir, limit=args.limit)))
