"""The brief's headline findings on the bundled corpus, checked by hand.

    run(data_dir, *, limit=None) -> [Result]

`make run` ingests `examples/corpus` and the corpus folder beside the data folder and writes the brief; its
findings are the converging pairs it ranks first. This benchmark rebuilds that database, takes the top 10
converging pairs, and looks each up in `bench/brief_check.yaml`, where a person recorded, after reading the
evidence the brief cites, whether the finding is right (the two groups are said, by the cited sources, to come
together in the way the brief says) and why. A pair the file does not judge yet is `unchecked`: the check is
redone when the findings change. `undated_new_or_rising` counts findings that rest only on undated documents
yet read "new" or "rising" (must be 0).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
JUDGED = HERE / "brief_check.yaml"
TOP = 10
EXCLUDE = ("README.md", "PROVENANCE.md", "LICENSE", "INDEX.tsv")


def _key(a: str, b: str) -> tuple[str, str]:
    return tuple(sorted((a.casefold(), b.casefold())))  # type: ignore[return-value]


def judged() -> dict[tuple[str, str], dict[str, Any]]:
    if not JUDGED.exists():
        return {}
    items = yaml.safe_load(JUDGED.read_text("utf-8")) or []
    return {_key(i["a"], i["b"]): i for i in items}


def top_findings(data_dir: Path, db: Path) -> list[Any]:
    """Ingest what `make run` ingests into `db` and return the brief's top converging pairs."""
    from claimgraph import pipeline
    from claimgraph.analysis import Analysis
    from claimgraph.config import load_settings
    from claimgraph.extract import Extractor
    from claimgraph.store import Store

    inputs = [str(HERE.parent / "examples" / "corpus")]
    corpus = data_dir.parent / "corpus"
    if corpus.is_dir():
        inputs.append(str(corpus))
    extractor = Extractor(load_settings())
    with Store(db) as store:
        pipeline.ingest(inputs, store, extractor, exclude=EXCLUDE)
    with Store(db, readonly=True) as store:
        pairs = Analysis.load(store).pairs()
    return [p for p in pairs if p.converging][:TOP]


def run(data_dir: Path, *, limit: int | None = None) -> list[dict[str, Any]]:
    verdicts = judged()
    with tempfile.TemporaryDirectory(prefix="claimgraph-brief-") as tmp:
        found = top_findings(data_dir, Path(tmp) / "run.db")
    rows = []
    correct = unchecked = misleading = 0
    for rank, p in enumerate(found, 1):
        v = verdicts.get(_key(p.a.name, p.b.name))
        undated = p.first_seen is None
        if undated and p.direction == "rising":
            misleading += 1
        if v is None:
            unchecked += 1
            rows.append(f"{rank}. {p.a.name} – {p.b.name}: unchecked")
            continue
        correct += v["verdict"] == "correct"
        rows.append(f"{rank}. {p.a.name} – {p.b.name}: {v['verdict']} ({v.get('why', '')})")
    return [{
        "benchmark": "brief_check",
        "items": len(found),
        "metrics": {"correct": correct, "unchecked": unchecked, "findings": len(found),
                    "undated_new_or_rising": misleading},
        "notes": "top converging pairs of the brief on the bundled corpus, judged by hand in bench/brief_check.yaml: "
        + "; ".join(rows),
    }]
