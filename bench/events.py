"""Event benchmarks: what claimgraph's event finder gets right on three public gold sets.

    run(data_dir, *, limit=None, fast=False) -> [Result, Result, Result]

Each set is split into a tuning and a test half (bench/split.py); every metric is the test half's, with the
tuning half's beside it. Scoring never uses the product's gazetteer, lexicons or place resolver: names are
judged by bench/names.py, places and countries by bench/geo.py.

1. `wikipedia_major_terror_incidents_2016_2022` (324 incident descriptions). The first violent event of
   each description is scored against the gold Perpetrator, Dead, Injured and Country.
   * Perpetrator, "none named" rule: when the description names neither the gold perpetrator (by its name,
     a plural of it, its acronym, or an alias in bench/events_mapping.yaml or the UN/OFAC listings) nor its
     parent group, the right answer is "no perpetrator" — a lone attacker's name the text never gives cannot
     be extracted, and guessing one would be an allegation the text does not make. `perpetrator_strict`
     needs the same actor; `perpetrator_lenient` also accepts a parent group for a branch, per `families`.
   * Killed / injured: the event's count as one number (exact value, else lower bound, else upper bound);
     no count stated → 0; killed as the list counts it, victims only (the event's killed less its
     attackers_killed). `*_exact` is over all items; `*_exact_stated` only over items whose description
     writes the gold number (as digits or words); `killed_within_10pct` allows ±10%.
   * Country: the country of the event's place; no place → wrong. `country` is over all items;
     `country_named` only over items whose description names the gold country, a demonym or a city of it.
   * City and province, when bench/gold/incidents_places.jsonl is there (hand-labelled: `{"id", "city",
     "admin1", "country", "place_named", "city_alt", "admin1_alt"}`, id = `split.text_key(description)`):
     the event place's name against the gold city, its admin1 against the gold province (folded,
     alternatives accepted); each over the items whose gold gives one.
   Baseline (bare spaCy): first ORG as perpetrator, first CARDINAL within 4 tokens before a death word as
   dead (the same for injury words), first GPE looked up in GeoNames as the country.
2. `case2021_task2_event_classification` (1,019 snippets, 30 ACLED labels): the first event's mode is mapped
   to a label by events_mapping.yaml; accuracy and macro-F1 over the gold labels; baseline: majority class.
3. `plover_gsr` (322 CAMEO-manual sentences): event type of the first event; source actor = its first
   perpetrator, target = its first target, matched to the gold actorText when either contains the other
   (folded). Baseline: bare spaCy (first/second named entity, majority type).
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import halved
from .geo import city_country, country_key, country_named, place_matches
from .names import NONE, Aliases, fold, mapping
from .product import VIOLENT, bare_nlp, extract_texts, first_event, point
from .split import load_case, load_incidents, load_plover, select

HERE = Path(__file__).resolve().parent
PLACES_GOLD = HERE / "gold" / "incidents_places.jsonl"
_DEATH = {"killed", "dead", "died", "kill", "kills", "killing", "deaths", "death", "fatalities"}
_INJURY = {"injured", "wounded", "injuring", "wounding", "injuries", "wounds", "injure", "wound", "hurt"}


def _number_in_text(n: int, text: str) -> bool:
    from text_to_num import alpha2digit

    digits = alpha2digit(text.replace(",", ""), "en")
    return bool(re.search(rf"(?<![\d.]){n}(?![\d.])", digits))


def _gold_int(v: Any) -> int | None:  # noqa: ANN401 - a gold cell
    v = str(v).strip().replace(",", "").replace("+", "")
    return int(v) if v.isdigit() else None


def _rates(c: Counter[str], n: int, denom: dict[str, int]) -> dict[str, float]:
    return {m: round(v / max(denom.get(m, n), 1), 4) for m, v in sorted(c.items()) if not m.startswith("_")}


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(ln) for ln in path.read_text("utf-8").splitlines() if ln.strip()]


# ------------------------------------------------------------------------------------------ 1. incidents


def _bare_incident(doc: Any) -> tuple[str, int, int, str | None]:  # noqa: ANN401 - spaCy Doc
    orgs = [e.text for e in doc.ents if e.label_ == "ORG"]
    gpes = [e.text for e in doc.ents if e.label_ == "GPE"]

    def near(words: set[str]) -> int | None:
        for tok in doc:
            if tok.lower_ in words:
                for prev in doc[max(tok.i - 4, 0) : tok.i]:
                    if prev.ent_type_ == "CARDINAL" and prev.like_num:
                        try:
                            return int(prev.text.replace(",", ""))
                        except ValueError:
                            continue
        return None

    country = None
    if gpes:
        key = country_key(gpes[0])
        cities = city_country(gpes[0])
        country = key if key and len(key) == 2 else (sorted(cities)[0] if cities else None)
    return (orgs[0] if orgs else NONE), near(_DEATH) or 0, near(_INJURY) or 0, country


def _score_incidents(
    rows: Sequence[dict], predicted: Sequence[tuple[str, int, int, str | None, Any]], names: Aliases,
    places: dict[str, dict], errors: list[str] | None = None,
) -> tuple[Counter[str], dict[str, int]]:
    """Counts of right answers per metric and the denominators of the metrics not over all items.
    `predicted` per row: (perpetrator, killed, injured, country, place or None). Wrong answers are appended to
    `errors` when given (for the tuning half only: see `tuning_errors`)."""
    score: Counter[str] = Counter()
    denom: Counter[str] = Counter()
    for row, (perp, k, w, country, place) in zip(rows, predicted, strict=True):
        text = row["Description"].strip()
        gold_p = row["Perpetrator"].strip()
        expected = gold_p if names.named_in(gold_p, text) else NONE
        denom["_named_perpetrator"] += expected != NONE
        score["perpetrator_strict"] += names.same(perp, expected)
        score["perpetrator_lenient"] += names.same(perp, expected, lenient=True)
        if errors is not None and not names.same(perp, expected, lenient=True):
            errors.append(f"perpetrator gold={expected!r} pred={perp!r}: {text[:160]}")
        gk, gw = _gold_int(row["Dead"]), _gold_int(row["Injured"])
        if gk is not None:
            score["killed_exact"] += k == gk
            score["killed_within_10pct"] += abs(k - gk) <= 0.1 * gk
            if gk == 0 or _number_in_text(gk, text):
                denom["killed_exact_stated"] += 1
                score["killed_exact_stated"] += k == gk
                if errors is not None and k != gk:
                    errors.append(f"killed gold={gk} pred={k}: {text[:160]}")
        if gw is not None:
            score["injured_exact"] += w == gw
            if gw == 0 or _number_in_text(gw, text):
                denom["injured_exact_stated"] += 1
                score["injured_exact_stated"] += w == gw
        ok = country is not None and country == country_key(row["Country"])
        score["country"] += ok
        if errors is not None and not ok:
            errors.append(f"country gold={row['Country']!r} pred={place}: {text[:160]}")
        if country_named(row["Country"], text):
            denom["country_named"] += 1
            score["country_named"] += ok
        gold_place = places.get(row["id"])
        if gold_place is not None:
            if gold_place.get("city"):
                denom["city"] += 1
                city_ok = place is not None and place_matches(
                    place.name, gold_place["city"], gold_place.get("city_alt") or ())
                score["city"] += city_ok
                if errors is not None and not city_ok:
                    errors.append(f"city gold={gold_place['city']!r} pred={place}: {text[:160]}")
            if gold_place.get("admin1"):
                denom["province"] += 1
                province_ok = place is not None and any(
                    place_matches(v, gold_place["admin1"], gold_place.get("admin1_alt") or ())
                    for v in (place.admin1, place.name if place.precision == "province" else None))
                score["province"] += province_ok
                if errors is not None and not province_ok:
                    errors.append(f"province gold={gold_place['admin1']!r} pred={place}: {text[:160]}")
    return score, dict(denom)


def _predicted_incident(x: Any) -> tuple[str, int, int, str | None, Any]:  # noqa: ANN401 - an Extraction
    ev = first_event(x.events, VIOLENT)
    # the gold names groups and people: a descriptive perpetrator ("dsc_" id: "gunmen") is "none named"
    perp = next((p.name for p in ev.perpetrators if not p.id.startswith("dsc_")), NONE) if ev else NONE
    # the list's Dead column counts victims ("All 4 attackers were killed" is not in it): the product's killed
    # counts everyone who died and attackers_killed the attackers among them
    k = max(0, ((point(ev.killed) if ev else None) or 0) - ((point(ev.attackers_killed) if ev else None) or 0))
    w = (point(ev.wounded) if ev else None) or 0
    place = ev.place if ev else None
    return perp, k, w, country_key(place.country) if place else None, place


def bench_incidents(data_dir: Path, limit: int | None, fast: bool) -> dict[str, Any]:
    parts = select("incidents", load_incidents(data_dir), lambda r: r["id"], limit=limit, fast=fast)
    places = {g["id"]: g for g in load_jsonl(PLACES_GOLD)} if PLACES_GOLD.is_file() else {}
    names = Aliases(data_dir)
    results: dict[str, dict[str, Any]] = {}
    for which, rows in parts.items():
        xs = extract_texts([r["Description"].strip() for r in rows])
        score, denom = _score_incidents(rows, [_predicted_incident(x) for x in xs], names, places)
        n = len(rows)
        baselines = {}
        if which == "test" and not fast:
            bare = [_bare_incident(d) for d in bare_nlp().pipe(r["Description"].strip() for r in rows)]
            base, bdenom = _score_incidents(rows, [(*b, None) for b in bare], names, {})
            baselines["bare_spacy"] = _rates(base, n, bdenom)
        gold_places = (f"; city gold for {denom.get('city', 0)}/{n}, province for {denom.get('province', 0)}/{n}"
                       if places else "; city/province not scored: bench/gold/incidents_places.jsonl is absent")
        results[which] = {
            "benchmark": "events_incidents",
            "items": n,
            "metrics": _rates(score, n, denom),
            "baselines": baselines,
            "notes": (f"perpetrator named in text for {denom.get('_named_perpetrator', 0)}/{n} (else the answer"
                      f" is 'none named'); killed stated for {denom.get('killed_exact_stated', 0)}/{n}, injured"
                      f" for {denom.get('injured_exact_stated', 0)}/{n}; country named for"
                      f" {denom.get('country_named', 0)}/{n}{gold_places}."),
        }
    return halved(results["test"], results.get("tune"))


# ------------------------------------------------------------------------------------------ 2. CASE 2021


def _case_label(ev: Any) -> str:  # noqa: ANN401 - an Event or None
    table = mapping()["case2021"]
    if ev is None:
        return table["no_event"]
    label = table["modes"].get(ev.mode or "", table["no_event"])
    if label in ("REM_EXPLOS", "ATTACK", "ARMED_CLASH"):
        for word in re.findall(r"[a-z]+", ev.evidence.text.lower()):
            if word in table["weapons"]:
                return table["weapons"][word]
    return label


def _macro_f1(gold: list[str], pred: list[str]) -> float:
    f1s = []
    for lab in sorted(set(gold)):
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == p == lab)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if p == lab and g != lab)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p != lab)
        f1s.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return sum(f1s) / len(f1s) if f1s else 0.0


def bench_case2021(data_dir: Path, limit: int | None, fast: bool) -> dict[str, Any]:
    parts = select("case2021", load_case(data_dir), lambda r: r["id"], limit=limit, fast=fast)
    results: dict[str, dict[str, Any]] = {}
    for which, rows in parts.items():
        gold = [r["label"] for r in rows]
        pred = [_case_label(first_event(x.events)) for x in extract_texts([r["text"] for r in rows])]
        majority = Counter(gold).most_common(1)[0][0]
        acc = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)
        results[which] = {
            "benchmark": "events_case2021",
            "items": len(rows),
            "metrics": {"accuracy": round(acc, 4), "macro_f1": round(_macro_f1(gold, pred), 4),
                        "event_found": round(sum(p != "OTHER" for p in pred) / len(pred), 4)},
            "baselines": {} if fast else {"majority_class": {
                "accuracy": round(gold.count(majority) / len(gold), 4),
                "macro_f1": round(_macro_f1(gold, [majority] * len(gold)), 4)}},
            "notes": f"mode→label table in bench/events_mapping.yaml; majority class {majority}.",
        }
    return halved(results["test"], results.get("tune"))


# ------------------------------------------------------------------------------------------ 3. PLOVER GSR


def _actor_match(pred: str | None, gold: Sequence[str]) -> bool:
    if not gold:
        return pred is None
    if pred is None:
        return False
    p = fold(pred)
    return any(p and (p in fold(g) or fold(g) in p) for g in gold if fold(g))


def _actor_texts(value: object) -> list[str]:
    """Gold actorText values; a few records carry a string (e.g. "diplomatic") instead of a list."""
    if not isinstance(value, list):
        return []
    return [str(a["actorText"]) for a in value if isinstance(a, dict) and a.get("actorText")]


def _as_written(x: Any, ref: Any) -> str:  # noqa: ANN401 - an Extraction and an EntityRef
    """A side's name; a descriptive one ("dsc_" id: "Military Forces of Israel") by the words the text uses for
    it ("Israeli soldiers"), as PLOVER's actorText quotes the text."""
    if not ref.id.startswith("dsc_"):
        return ref.name
    return next((e.mentions[0].text for e in x.entities if e.id == ref.id and e.mentions), ref.name)


def bench_plover(data_dir: Path, limit: int | None, fast: bool) -> dict[str, Any]:
    parts = select("plover", load_plover(data_dir), lambda r: r["id"], limit=limit, fast=fast)
    results: dict[str, dict[str, Any]] = {}
    for which, rows in parts.items():
        texts = [r["text"] for r in rows]
        majority = Counter(r["event"] for r in rows).most_common(1)[0][0]
        score: Counter[str] = Counter()
        for row, x in zip(rows, extract_texts(texts), strict=True):
            ev = first_event(x.events)
            score["event_type"] += ev is not None and ev.type == row["event"]
            score["source_actor"] += _actor_match(_as_written(x, ev.perpetrators[0]) if ev and ev.perpetrators
                                                  else None, _actor_texts(row.get("source")))
            score["target_actor"] += _actor_match(_as_written(x, ev.targets[0]) if ev and ev.targets else None,
                                                  _actor_texts(row.get("target")))
        baselines = {}
        if which == "test" and not fast:
            base: Counter[str] = Counter()
            for row, bdoc in zip(rows, bare_nlp().pipe(texts), strict=True):
                ents = [e.text for e in bdoc.ents if e.label_ in ("ORG", "GPE", "NORP", "PERSON")]
                base["event_type"] += row["event"] == majority
                base["source_actor"] += _actor_match(ents[0] if ents else None, _actor_texts(row.get("source")))
                base["target_actor"] += _actor_match(ents[1] if len(ents) > 1 else None,
                                                     _actor_texts(row.get("target")))
            baselines["bare_spacy"] = _rates(base, len(rows), {})
        results[which] = {
            "benchmark": "events_plover_gsr",
            "items": len(rows),
            "metrics": _rates(score, len(rows), {}),
            "baselines": baselines,
            "notes": f"majority type {majority}.",
        }
    return halved(results["test"], results.get("tune"))


def tuning_errors(data_dir: Path, limit: int | None = None) -> list[str]:
    """The incident benchmark's wrong answers on its tuning half (the only half whose errors are looked at)."""
    rows = select("incidents", load_incidents(data_dir), lambda r: r["id"], limit=limit)["tune"]
    places = {g["id"]: g for g in load_jsonl(PLACES_GOLD)} if PLACES_GOLD.is_file() else {}
    errors: list[str] = []
    xs = extract_texts([r["Description"].strip() for r in rows])
    _score_incidents(rows, [_predicted_incident(x) for x in xs], Aliases(data_dir), places, errors)
    return errors


def run(data_dir: Path, *, limit: int | None = None, fast: bool = False) -> list[dict[str, Any]]:
    out = []
    for fn in (bench_incidents, bench_case2021, bench_plover):
        t0 = time.perf_counter()
        result = fn(data_dir, limit, fast)
        result["notes"] += f" ({time.perf_counter() - t0:.0f}s)"
        out.append(result)
    return out


if __name__ == "__main__":  # python -m bench.events [DATA_DIR] [--limit N] [--errors]
    from claimgraph.config import load_settings

    args = sys.argv[1:]
    lim = int(args[args.index("--limit") + 1]) if "--limit" in args else None
    positional = [a for i, a in enumerate(args) if not a.startswith("--") and (i == 0 or args[i - 1] != "--limit")]
    ddir = Path(positional[0]) if positional else load_settings().data.dir
    if "--errors" in args:  # the tuning half's incident errors, one a line
        print("\n".join(tuning_errors(ddir, lim)))
    else:
        print(json.dumps(run(ddir, limit=lim), indent=1))
