"""Conflict-event notes: the CASE 2021 snippets coded the way a conflict-event dataset codes an event.

    run(data_dir, *, limit=None, fast=False) -> [Result]

Gold: bench/gold/conflict_notes.jsonl (bench/gold/README.md), one line per coded snippet: `{"id" (the CASE tsv
id), "label", "actor1", "actor1_kind", "actor2", "location", "admin1", "country", "fatalities", "actor1_alt",
"location_alt", "admin1_alt", "fatalities_alt"}`; the text is the CASE snippet with that id. The snippet runs
through the product; its event is the first violent one (else the first of any type), and it is scored as such a
dataset scores a coder:

* `named_armed_actor`: over notes whose actor1 is a named group or a state force (`actor1_kind` `named_group` or
  `state_force`): actor1 (or an alternative) is among the event's perpetrators — by name (`claimgraph.score`
  matching, the bench's alias table), or for a state force also as a descriptive state force ("police",
  "Indian troops": bench/names.py);
* `location`: the event place's name is the gold location (folded; alternatives accepted);
* `admin1`: the event place's province is the gold admin1;
* `fatalities`: the event's killed count (one number; none stated → 0) equals the gold fatalities (or one of
  its `fatalities_alt`, other defensible counts).

Each over the notes whose gold gives that field. The notes are split with CASE 2021 (`half("case2021", id)`),
so a snippet is on the same side of the split in both benchmarks. Skipped, with a note, when the gold is absent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import halved
from .geo import place_matches
from .names import Aliases, descriptive_kind, same_actor
from .product import VIOLENT, entity_forms, extract_texts, first_event, point
from .split import load_case, select

NAME = "conflict_notes"
GOLD = Path(__file__).resolve().parent / "gold" / "conflict_notes.jsonl"
ARMED_KINDS = ("named_group", "state_force")


def _alts(note: dict, field: str) -> list[str]:
    value = note.get(f"{field}_alt") or []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def score_notes(notes: Sequence[dict], extractions: Sequence[Any], names: Aliases) -> dict[str, Any]:
    """One result over notes paired with the product's extraction of each note's snippet."""
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for note, x in zip(notes, extractions, strict=True):
        ev = first_event(x.events, VIOLENT) or first_event(x.events)
        place = ev.place if ev else None
        if note.get("actor1") and note.get("actor1_kind") in ARMED_KINDS:
            total["named_armed_actor"] += 1
            gold = [note["actor1"], *_alts(note, "actor1")]
            gold_forms = [f for g in gold for f in names.aliases(g)]
            state = note["actor1_kind"] == "state_force"
            for ref in ev.perpetrators if ev else ():
                forms = entity_forms(x, ref.id, ref.name)
                if same_actor(gold_forms, forms) if not state else (
                        same_actor(gold_forms, forms) or any(descriptive_kind(f) == "state_force" for f in forms)):
                    right["named_armed_actor"] += 1
                    break
        for field, pred in (("location", place.name if place else None), ("admin1", place.admin1 if place else None)):
            if note.get(field):
                total[field] += 1
                right[field] += place_matches(pred, note[field], _alts(note, field))
        if isinstance(note.get("fatalities"), int):
            total["fatalities"] += 1
            killed = (point(ev.killed) if ev else None) or 0
            right["fatalities"] += killed in {note["fatalities"], *(note.get("fatalities_alt") or ())}
    metrics = {m: round(right[m] / total[m], 4) for m in ("named_armed_actor", "location", "admin1", "fatalities")
               if total[m]}
    return {
        "benchmark": NAME,
        "items": len(notes),
        "metrics": metrics,
        "baselines": {},
        "notes": "scored over: " + ", ".join(f"{m} {total[m]}" for m in sorted(total)) + ".",
    }


def run(data_dir: Path, *, limit: int | None = None, fast: bool = False, gold: Path = GOLD) -> list[dict]:
    if not gold.is_file():
        return [{"benchmark": NAME, "items": 0, "metrics": {}, "baselines": {},
                 "notes": f"skipped: no gold notes at bench/gold/{gold.name}"}]
    from .events import load_jsonl

    snippets = {r["id"]: r["text"] for r in load_case(data_dir)}
    notes = [n for n in load_jsonl(gold) if str(n["id"]) in snippets]
    names = Aliases(data_dir)
    results: dict[str, dict] = {}
    for which, part in select("case2021", notes, lambda n: str(n["id"]), limit=limit, fast=fast).items():
        xs = extract_texts([snippets[str(n["id"])] for n in part])
        results[which] = score_notes(part, xs, names)
    return [halved(results["test"], results.get("tune"))]
