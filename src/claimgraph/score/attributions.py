"""The `attributions` task: source, cue and content spans scored as span F1, exact and overlap.

The scheme of PARC 3.0 and PolNeAR: each role is scored on its own over the spans of every attribution of a
document. *Exact*: a predicted span counts when its (start, end) equals a gold span's. *Overlap*: gold and
predicted spans are paired one to one, largest shared stretch first, and a pair counts when they share at least
one character. Counts are summed over documents (micro-average). The headline precision / recall / F1 are for
whole attributions paired by overlapping cues; `kind` accuracy is counted over those pairs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..contract import extraction_to_json
from ..records import Extraction
from .metrics import Score, Tally, ratio
from .views import Line, _keys

ROLES = ("source", "cue", "content")
Range = tuple[int, int]


def _attributions(line: Line) -> list[dict[str, Any]]:
    data = extraction_to_json(line) if isinstance(line, Extraction) else line
    return list(data.get("attributions") or ())


def _range(a: dict[str, Any], role: str) -> Range | None:
    span = a.get(role)
    if not span or span.get("start") is None or span.get("end") is None:
        return None
    return int(span["start"]), int(span["end"])


def _overlap(a: Range, b: Range) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _pairs(gold: Sequence[Range], pred: Sequence[Range]) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs that share characters, largest shared stretch first."""
    candidates = sorted(((-_overlap(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)
                         if _overlap(g, p) > 0))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def _exact(gold: Sequence[Range], pred: Sequence[Range]) -> int:
    left = list(pred)
    hits = 0
    for g in gold:
        if g in left:
            left.remove(g)
            hits += 1
    return hits


def score_attributions(gold: Iterable[Line], pred: Iterable[Line]) -> Score:
    """Score `claimgraph extract` lines against gold lines `{"doc": {"id"}, "attributions": [...]}`."""
    preds: dict[str, list[dict[str, Any]]] = {}
    for p in pred:
        data = extraction_to_json(p) if isinstance(p, Extraction) else p
        for k in _keys(data):
            preds.setdefault(k, _attributions(data))
    tally = Tally("attributions")
    # role → [exact hits, overlap hits, gold count, predicted count]
    counts = {r: [0, 0, 0, 0] for r in ROLES}
    for g in gold:
        tally.docs += 1
        keys = _keys(g)
        name = keys[0] if keys else "(unnamed)"
        found = next((preds[k] for k in keys if k in preds), None)
        gold_items = _attributions(g)
        if found is None:
            tally.missing_docs.append(name)
            found = []
        for role in ROLES:
            gr = [r for a in gold_items if (r := _range(a, role)) is not None]
            pr = [r for a in found if (r := _range(a, role)) is not None]
            c = counts[role]
            c[0] += _exact(gr, pr)
            c[1] += len(_pairs(gr, pr))
            c[2] += len(gr)
            c[3] += len(pr)
        g_cues = [_range(a, "cue") or (-1, -1) for a in gold_items]
        p_cues = [_range(a, "cue") or (-1, -1) for a in found]
        paired = _pairs(g_cues, p_cues)
        tally.tp += len(paired)
        tally.fn += len(gold_items) - len(paired)
        tally.fp += len(found) - len(paired)
        for gi, pi in paired:
            if gold_items[gi].get("kind"):
                kinds = gold_items[gi]["kind"]
                kinds = kinds if isinstance(kinds, list) else [kinds]
                tally.check("kind", found[pi].get("kind") in kinds)
        got_g = {gi for gi, _ in paired}
        got_p = {pi for _, pi in paired}
        tally.missed += [f"{name}: {(a.get('cue') or {}).get('text')!r} → "
                         f"{str((a.get('content') or {}).get('text'))[:60]!r}"
                         for i, a in enumerate(gold_items) if i not in got_g]
        tally.spurious += [f"{name}: {(a.get('cue') or {}).get('text')!r} → "
                           f"{str((a.get('content') or {}).get('text'))[:60]!r}"
                           for i, a in enumerate(found) if i not in got_p]
    for role, (exact, overlap, n_gold, n_pred) in counts.items():
        for how, hits in (("exact", exact), ("overlap", overlap)):
            p, r = ratio(hits, n_pred), ratio(hits, n_gold)
            tally.extra[f"{role}_{how}_precision"] = p
            tally.extra[f"{role}_{how}_recall"] = r
            tally.extra[f"{role}_{how}_f1"] = 0.0 if p + r == 0 else 2 * p * r / (p + r)
    return tally.score()
