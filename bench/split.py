"""One fixed split of every gold set into a tuning half and a test half.

    half("incidents", item_id) -> "tune" | "test"

An item's half is decided by a hash of the benchmark's name and the item's id, so it never changes when items are
added, removed or reordered, and no one chooses it. Errors are looked at on the tuning half only; headline numbers
and floors are the test half's, with the tuning half's beside them.

Item ids, per split name (the id the data gives where it has one):

| split | item id | scored by |
|---|---|---|
| `incidents` | `text_key(description)` | `events_incidents` (city, province too), `resolution.places` |
| `case2021` | the `id` column | `events_case2021`, `conflict_notes` (it codes CASE snippets: one half for both) |
| `plover` | the record's `id` | `events_plover_gsr` |
| `zyte` | the page id (the key of ground-truth.json) | `article_extraction_html`, `article_extraction_copied_text` |
| `trafilatura` | the file name | `trafilatura_eval_en`, `trafilatura_eval_en_copied_text` |
| `resolution_actors` | the gold perpetrator name | `resolution.actors` (every incident naming it goes with it) |
| `devgold` | the document id | `devgold` |
| `attribution` | the path under the corpus folder (`wikipedia-2019/Kashmir.txt`) | bench/attribution gold |

The seed article is one document with its own golden file; it is reported as is.

`python -m bench.split incidents` prints a split's tuning items (one JSON object a line) for error analysis;
nothing prints a test half. `fast_slice` is the fixed part of a test half that `python -m bench --fast` scores.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Literal, TypeVar

Half = Literal["tune", "test"]
T = TypeVar("T")

#: Items of each test half scored by `python -m bench --fast`.
FAST_ITEMS = 40

INCIDENTS = Path("wikipedia_major_terror_incidents_2016_2022/incidents.json")
CASE = Path("case2021_task2_event_classification/task2/test_dataset/test_set_final_release_with_labels.tsv")
PLOVER = Path("plover_gsr/gold_standard_records/PLOVER_GSR_CAMEO.txt")
ZYTE = Path("article_extraction_benchmark")
TRAFILATURA = Path("trafilatura_eval_en_subset")
DEVGOLD = Path(__file__).resolve().parent / "devgold"
CLAIMGOLD = Path(__file__).resolve().parent / "claimgold"


def half(benchmark: str, item_id: str) -> Half:
    digest = hashlib.sha256(f"{benchmark}\x00{item_id}".encode()).digest()
    return "tune" if digest[0] % 2 == 0 else "test"


def text_key(text: str) -> str:
    """The id of an item that has none: a hash of its text."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:16]


def only(benchmark: str, items: Iterable[T], key: Callable[[T], str], which: Half) -> Iterator[T]:
    """The items of one half, in input order."""
    return (item for item in items if half(benchmark, key(item)) == which)


def fast_slice(benchmark: str, items: Iterable[T], key: Callable[[T], str], n: int = FAST_ITEMS) -> list[T]:
    """A fixed, deterministic `n` items of the test half: those first in the order of a second hash of their
    ids (so not the data file's first rows, which are often its oldest), returned in input order."""
    test = [item for item in items if half(benchmark, key(item)) == "test"]
    rank = {id(item): hashlib.sha256(f"fast\x00{benchmark}\x00{key(item)}".encode()).digest() for item in test}
    chosen = {id(item) for item in sorted(test, key=lambda i: rank[id(i)])[:n]}
    return [item for item in test if id(item) in chosen]


def select(
    benchmark: str, items: Iterable[T], key: Callable[[T], str], *, limit: int | None = None, fast: bool = False
) -> dict[Half, list[T]]:
    """What a benchmark scores: both halves (the first `limit` items of each when given), or with `fast` only the
    test half's fast slice."""
    items = list(items)
    if fast:
        return {"test": fast_slice(benchmark, items, key)}
    return {which: list(only(benchmark, items, key, which))[:limit] for which in ("test", "tune")}


# ------------------------------------------------------------------------------------------ loaders


def load_incidents(data_dir: Path) -> list[dict]:
    items = json.loads((data_dir / INCIDENTS).read_text("utf-8"))
    return [dict(item, id=text_key(item["Description"])) for item in items]


def load_case(data_dir: Path) -> list[dict]:
    lines = (data_dir / CASE).read_text("utf-8").splitlines()[1:]
    rows = [ln.split("\t") for ln in lines if ln.strip()]
    return [{"id": r[0].strip(), "text": r[1], "label": r[-1].strip()} for r in rows]


def load_plover(data_dir: Path) -> list[dict]:
    rows = json.loads((data_dir / PLOVER).read_text("utf-8"))
    return [dict(r, id=str(r["id"])) for r in rows if r.get("event") != "DOCUMENT"]


def _zyte(data_dir: Path) -> list[dict]:
    truth = json.loads((data_dir / ZYTE / "ground-truth.json").read_text("utf-8"))
    return [{"id": key, "articleBody": truth[key].get("articleBody", "")} for key in sorted(truth)]


def _trafilatura(data_dir: Path) -> list[dict]:
    data = json.loads((data_dir / TRAFILATURA / "evaldata_en_subset.json").read_text("utf-8"))
    return [dict(item, id=item["file"]) for item in data.values()]


def _resolution_actors(data_dir: Path) -> list[dict]:
    names = sorted({row["Perpetrator"] for row in load_incidents(data_dir)})
    return [{"id": name} for name in names]


def _devgold(data_dir: Path) -> list[dict]:
    from bench.devgold import load

    return load(DEVGOLD) if DEVGOLD.is_dir() else []


def _claimgold(data_dir: Path) -> list[dict]:
    from bench.devgold import load

    return load(CLAIMGOLD) if CLAIMGOLD.is_dir() else []


#: split name → the loader of its items (each with an "id").
_LOADERS: dict[str, Callable[[Path], list[dict]]] = {
    "incidents": load_incidents,
    "case2021": load_case,
    "plover": load_plover,
    "zyte": _zyte,
    "trafilatura": _trafilatura,
    "resolution_actors": _resolution_actors,
    "devgold": _devgold,
    "claimgold": _claimgold,
}


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m bench.split")
    parser.add_argument("benchmark", choices=sorted(_LOADERS))
    parser.add_argument("--half", choices=["tune"], default="tune", help="only the tuning half is printed")
    parser.add_argument("--data", type=Path, default=None, help="data folder (default: the configured one)")
    args = parser.parse_args(argv)
    data_dir = args.data
    if data_dir is None:
        from claimgraph.config import load_settings

        data_dir = Path(load_settings().data.dir)
    for item in only(args.benchmark, _LOADERS[args.benchmark](data_dir), lambda i: i["id"], args.half):
        print(json.dumps(item, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
