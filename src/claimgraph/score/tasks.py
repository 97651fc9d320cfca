"""Scoring tasks: entities, events, claims and article text, each gold-vs-prediction over documents.

Within a document, gold and predicted items are paired one to one, greedily, strongest pair first
(see `_assign`); a gold item left without a partner is missed, a prediction left without one is spurious.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from ..ontology import load_ontology
from .metrics import Score, Tally, ratio
from .names import Names, match
from .views import ClaimView, DocView, EntityView, EventView, Line, doc_view, pair

G = TypeVar("G")
P = TypeVar("P")


def _assign(
    gold: Sequence[G], pred: Sequence[P], strength: Callable[[G, P], float | None]
) -> tuple[list[tuple[G, P]], list[G], list[P]]:
    """One-to-one pairs, strongest first (ties keep document order); then the unpaired of each side."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            s = strength(g, p)
            if s is not None:
                candidates.append((-s, gi, pi))
    candidates.sort()
    g_used: set[int] = set()
    p_used: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in g_used and pi not in p_used:
            g_used.add(gi)
            p_used.add(pi)
            pairs.append((gold[gi], pred[pi]))
    return (
        pairs,
        [g for i, g in enumerate(gold) if i not in g_used],
        [p for i, p in enumerate(pred) if i not in p_used],
    )


def _doc_name(d: DocView) -> str:
    return d.keys[0] if d.keys else "(unnamed)"


def _run(
    task: str,
    gold: Iterable[Line],
    pred: Iterable[Line],
    per_doc: Callable[[Tally, DocView, DocView], None],
    count: Callable[[DocView], int],
) -> Tally:
    tally = Tally(task)
    pairs, _unscored = pair(gold, pred)
    for g, p in pairs:
        tally.docs += 1
        if p is None:
            tally.missing_docs.append(_doc_name(g))
            tally.fn += count(g)
            continue
        per_doc(tally, g, p)
    return tally


# -- entities ------------------------------------------------------------------------------------------


def _entity_strength(g: EntityView, p: EntityView) -> float | None:
    """Name match strength; between equally named predictions, the one of the gold's type wins."""
    s = match(g.names, p.names)
    return None if s is None else 10 * int(s) + (g.type is not None and g.type == p.type)


def score_entities(gold: Iterable[Line], pred: Iterable[Line]) -> Score:
    """Entities found, alias-aware (`names.match`); `fields["type"]`: how often a found one's type agrees."""

    def per_doc(t: Tally, g: DocView, p: DocView) -> None:
        pairs, missed, spurious = _assign(g.entities, p.entities, _entity_strength)
        t.tp += len(pairs)
        t.fn += len(missed)
        t.fp += len(spurious)
        for ge, pe in pairs:
            if ge.type:
                t.check("type", ge.type == pe.type)
        t.missed += [f"{_doc_name(g)}: {e.names.display}" for e in missed]
        t.spurious += [f"{_doc_name(g)}: {e.names.display}" for e in spurious]

    return _run("entities", gold, pred, per_doc, lambda d: len(d.entities)).score()


# -- events --------------------------------------------------------------------------------------------


def _any_match(gold: Sequence[Names], pred: Sequence[Names]) -> bool:
    return any(match(g, p) is not None for g in gold for p in pred)


def _date_ok(gold: str, pred: str | None) -> bool:
    """A predicted date is right when it says what the gold says, at least as precisely: gold "2025-03"
    accepts "2025-03" and "2025-03-14", not "2025"."""
    return pred is not None and pred.startswith(gold)


def _event_checks(g: EventView, p: EventView) -> dict[str, bool]:
    """Each attribute the gold event states, and whether the prediction agrees."""
    out: dict[str, bool] = {}
    if g.types:
        out["type"] = bool(set(g.types) & set(p.types))
    if g.modes:
        out["mode"] = bool(set(g.modes) & set(p.modes))
    if g.perpetrators:
        out["perpetrator"] = _any_match(g.perpetrators, p.perpetrators)
    if g.targets:
        out["target"] = _any_match(g.targets, p.targets)
    if g.place is not None:
        out["place"] = p.place is not None and match(g.place, p.place) is not None
    if g.date is not None:
        out["date"] = _date_ok(g.date, p.date)
    if g.killed is not None:
        out["killed"] = p.killed is not None and g.killed.overlaps(p.killed)
    if g.wounded is not None:
        out["wounded"] = p.wounded is not None and g.wounded.overlaps(p.wounded)
    if g.responsibility:
        out["responsibility"] = bool(set(g.responsibility) & set(p.responsibility))
    return out


def _event_strength(g: EventView, p: EventView) -> float | None:
    """Events pair when their type (or, if the gold gives no type, their mode) agrees; among those, the
    prediction agreeing on more attributes wins."""
    if g.types and not set(g.types) & set(p.types):
        return None
    if not g.types and g.modes and not set(g.modes) & set(p.modes):
        return None
    return sum(_event_checks(g, p).values())


def score_events(gold: Iterable[Line], pred: Iterable[Line]) -> Score:
    """Events found (same PLOVER type), and per attribute how often a found event got it right."""

    def per_doc(t: Tally, g: DocView, p: DocView) -> None:
        pairs, missed, spurious = _assign(g.events, p.events, _event_strength)
        t.tp += len(pairs)
        t.fn += len(missed)
        t.fp += len(spurious)
        for ge, pe in pairs:
            for name, ok in _event_checks(ge, pe).items():
                if name != "type":
                    t.check(name, ok)
        t.missed += [f"{_doc_name(g)}: {e.label}" for e in missed]
        t.spurious += [f"{_doc_name(g)}: {e.label}" for e in spurious]

    return _run("events", gold, pred, per_doc, lambda d: len(d.events)).score()


# -- claims --------------------------------------------------------------------------------------------


def _claim_strength(g: ClaimView, p: ClaimView) -> float | None:
    """Claims pair when a predicate agrees and subject and object name the same actors (either way round
    for symmetric predicates such as cooperates_with). Stronger name matches win, then more agreeing
    attributes (modality, source kind, ...)."""
    preds = set(g.predicates) & set(p.predicates)
    if not preds:
        return None
    ontology = load_ontology()
    symmetric = any(ontology.predicates[x].symmetric for x in preds if x in ontology.predicates)
    best = None
    orders = [(p.subject, p.object), (p.object, p.subject)] if symmetric else [(p.subject, p.object)]
    for subj, obj in orders:
        if subj is None:
            continue
        s = match(g.subject, subj)
        if s is None:
            continue
        if g.object is None:
            o = 4 if obj is None else 3
        elif obj is None or (o := match(g.object, obj)) is None:
            continue
        best = max(best or 0, int(s) + int(o))
    # Between equally good name matches, the prediction that also has the gold's attributes wins.
    return None if best is None else 10 * best + sum(_claim_checks(g, p).values())


def _claim_checks(g: ClaimView, p: ClaimView) -> dict[str, bool]:
    out: dict[str, bool] = {}
    for name, want, got in (
        ("modality", g.modalities, p.modalities),
        ("polarity", g.polarities, p.polarities),
        ("source_kind", g.source_kinds, p.source_kinds),
        ("role", g.roles, p.roles),
    ):
        if want:
            out[name] = bool(set(want) & set(got))
    if g.time is not None:
        out["time"] = _date_ok(g.time, p.time)
    return out


def _claim_key(c: ClaimView) -> tuple:
    return (c.subject.forms, c.predicates, c.object.forms if c.object is not None else None, c.polarities)


def _distinct_spurious(spurious: Sequence[ClaimView], paired: Sequence[ClaimView]) -> list[ClaimView]:
    """A gold claim is one distinct (subject, predicate, object, polarity) however often the text repeats it,
    so a prediction is counted once per distinct relation too: an unpaired prediction that repeats a paired
    one (the same relation found in another sentence) is not an error, and a wrong relation found in three
    sentences is one error."""
    seen = {_claim_key(c) for c in paired}
    out = []
    for c in spurious:
        key = _claim_key(c)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def score_claims(gold: Iterable[Line], pred: Iterable[Line]) -> Score:
    """Claims found (predicate + alias-aware subject and object), and how often a found claim carries the
    gold's modality, polarity, source kind, role and time. A gold claim may list acceptable values."""

    def per_doc(t: Tally, g: DocView, p: DocView) -> None:
        pairs, missed, spurious = _assign(g.claims, p.claims, _claim_strength)
        spurious = _distinct_spurious(spurious, [pc for _, pc in pairs])
        t.tp += len(pairs)
        t.fn += len(missed)
        t.fp += len(spurious)
        for gc, pc in pairs:
            for name, ok in _claim_checks(gc, pc).items():
                t.check(name, ok)
        t.missed += [f"{_doc_name(g)}: {c.label}" for c in missed]
        t.spurious += [f"{_doc_name(g)}: {c.label}" for c in spurious]

    return _run("claims", gold, pred, per_doc, lambda d: len(d.claims)).score()


# -- text ----------------------------------------------------------------------------------------------


def tokens(text: str) -> Counter[str]:
    """The bag of lower-cased word tokens the text task compares."""
    return Counter(re.findall(r"\w+", text.casefold()))


def text_prf(gold: str, pred: str) -> tuple[int, int, int]:
    """(tp, fp, fn) in word tokens between a reference text and an extracted one (bag of words, as the
    article-extraction benchmarks do)."""
    g, p = tokens(gold), tokens(pred)
    tp = sum((g & p).values())
    return tp, sum(p.values()) - tp, sum(g.values()) - tp


def score_text(gold: Iterable[Line], pred: Iterable[Line]) -> Score:
    """Main-text extraction: token precision / recall / F1 micro-averaged, plus `extra["macro_f1"]`, the mean
    of per-document F1 (a missing document scores 0)."""
    f1s: list[float] = []

    def per_doc(t: Tally, g: DocView, p: DocView) -> None:
        tp, fp, fn = text_prf(g.text, p.text)
        t.tp += tp
        t.fp += fp
        t.fn += fn
        prec, rec = ratio(tp, tp + fp), ratio(tp, tp + fn)
        f1s.append(0.0 if prec + rec == 0 else 2 * prec * rec / (prec + rec))

    def missing(d: DocView) -> int:
        f1s.append(0.0)
        return sum(tokens(d.text).values())

    tally = _run("text", gold, pred, per_doc, missing)
    tally.extra["macro_f1"] = sum(f1s) / len(f1s) if f1s else 0.0
    return tally.score()


# -- must not find -------------------------------------------------------------------------------------


def forbidden_hits(pred: Iterable[Line], names: Iterable[str]) -> list[str]:
    """Which of `names` (things a correct extraction must not report, such as page furniture) the prediction
    reports anyway: as an entity, a claim's subject or object, or an event's participant."""
    wanted = [Names.of([n]) for n in names]
    found: list[str] = []
    seen_names: list[Names] = []
    for d in map(doc_view, pred):
        seen_names += [e.names for e in d.entities]
        for c in d.claims:
            seen_names += [c.subject] + ([c.object] if c.object else [])
        for e in d.events:
            seen_names += [*e.perpetrators, *e.targets]
    for w in wanted:
        if any(_exactish(w, s) for s in seen_names):
            found.append(w.display)
    return found


def _exactish(a: Names, b: Names) -> bool:
    """Forbidden names count on an exact or acronym match only: fuzzy and surname matches are too loose
    to call a prediction wrong."""
    s = match(a, b)
    return s is not None and s >= s.ACRONYM
