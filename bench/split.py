"""One fixed split of every gold set into a tuning half and a test half.

    half("incidents", item_id) -> "tune" | "test"

An item's half is decided by a hash of the benchmark's name and the item's id, so it never changes when items are
added, removed or reordered, and no one chooses it. Errors are looked at on the tuning half only; headline numbers
and floors are the test half's, with the tuning half's beside them.

Item ids, per benchmark (the id the data gives where it has one):

| benchmark | item id |
|---|---|
| `incidents` | sha256 of the description text (the data has no id column) |
| `case2021` | the `id` column |
| `plover` | the record's `id` |
| `zyte` | the page id (the key of ground-truth.json) |
| `trafilatura` | the file name |
| `resolution_actors`, `resolution_places` | the gold name |
| `devgold` | the document id |
| `attribution` | the document path relative to the corpus folder (`wikipedia-2019/Kashmir.txt`) |

`python -m bench.split incidents --half tune` prints a benchmark's tuning items (one JSON object a line) for
error analysis; nothing prints a test half.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal, TypeVar

Half = Literal["tune", "test"]
T = TypeVar("T")


def half(benchmark: str, item_id: str) -> Half:
    digest = hashlib.sha256(f"{benchmark}\x00{item_id}".encode()).digest()
    return "tune" if digest[0] % 2 == 0 else "test"


def text_key(text: str) -> str:
    """The id of an item that has none: a hash of its text."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:16]


def only(benchmark: str, items: Iterable[T], key, which: Half) -> Iterator[T]:  # noqa: ANN001 - key: T -> str
    """The items of one half, in input order."""
    return (item for item in items if half(benchmark, key(item)) == which)


def _incidents(data_dir: Path) -> list[dict]:
    path = data_dir / "wikipedia_major_terror_incidents_2016_2022" / "incidents.json"
    items = json.loads(path.read_text("utf-8"))
    return [dict(item, id=text_key(item["Description"])) for item in items]


_LOADERS = {"incidents": _incidents}


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
