"""Event benchmarks: what claimgraph's event finder gets right on three public gold sets.

    run(data_dir, *, limit=None) -> [Result, Result, Result]

1. `wikipedia_major_terror_incidents_2016_2022` (324 incident descriptions). The first violent event of
   each description is scored against the gold Perpetrator, Dead, Injured and Country.
   * Perpetrator, "none named" rule: when neither the gold perpetrator nor any alias of it (gazetteer
     aliases + bench/events_mapping.yaml) occurs in the description, the right answer is "no
     perpetrator" — a lone attacker's name the text never gives cannot be extracted, and guessing one
     would be an allegation the text does not make. `perpetrator_strict` needs the same actor;
     `perpetrator_lenient` also accepts a parent group for a branch (text "Islamic State", gold
     "Islamic State - Khorasan Province") and the reverse, per `families` in events_mapping.yaml.
   * Killed / injured: the event's count as one number (exact value, else lower bound, else upper
     bound); no count stated → 0. `*_exact` is over all items; `*_exact_stated` only over items whose
     description writes the gold number (as digits or words), i.e. where the answer is in the text;
     `killed_within_10pct` allows ±10%.
   * Country: the country of the event's resolved place (claimgraph.resolve.places); no place → wrong.
     `country` is over all items; `country_named` only over items whose description names the gold
     country or a place in it (some capitalised run or demonym that the place resolver puts there) —
     many descriptions name no place at all ("A suicide bomber detonated inside a busy restaurant.").
   Baseline (bare spaCy): first ORG as perpetrator, first CARDINAL within 4 tokens before a death word
   as dead (the same for injury words), first GPE resolved to a country.
2. `case2021_task2_event_classification` (1,019 snippets, 30 ACLED labels): the first event's mode is
   mapped to a label by events_mapping.yaml; accuracy and macro-F1 over the gold labels; baseline:
   the majority class.
3. `plover_gsr` (322 CAMEO-manual sentences): event type of the first event; source actor = its first
   perpetrator, target = its first target, matched to the gold actorText when either contains the
   other (case- and punctuation-folded). Baseline: bare spaCy (first/second named entity, majority type).

Events come from the product path: `Extractor(settings).extract_many(docs)` when the Extractor exists,
else the event finder run directly over the configured spaCy pipeline (noted in the result).
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from claimgraph.config import load_settings
from claimgraph.extract.quantities import point
from claimgraph.nlp.gazetteer import normalise
from claimgraph.records import Document, Entity, EntityRef, Event, text_id

HERE = Path(__file__).resolve().parent
INCIDENTS = Path("wikipedia_major_terror_incidents_2016_2022/incidents.json")
CASE = Path("case2021_task2_event_classification/task2/test_dataset/test_set_final_release_with_labels.tsv")
PLOVER = Path("plover_gsr/gold_standard_records/PLOVER_GSR_CAMEO.txt")
NONE = "(none named)"
_VIOLENT = ("ASSAULT", "FIGHT")
_DEATH = {"killed", "dead", "died", "kill", "kills", "killing", "deaths", "death", "fatalities"}
_INJURY = {"injured", "wounded", "injuring", "wounding", "injuries", "wounds", "injure", "wound", "hurt"}


@cache
def _mapping() -> dict[str, Any]:
    return yaml.safe_load((HERE / "events_mapping.yaml").read_text("utf-8"))


# ------------------------------------------------------------------------------------------ running


@dataclass(frozen=True, slots=True)
class Runner:
    """Turns texts into events through the product, and into bare spaCy docs for the baselines."""

    how: str

    def events(self, texts: Sequence[str]) -> list[list[Event]]:
        docs = [Document(text_id(t), t, source="bench") for t in texts]
        if self.how == "extractor":
            from claimgraph.extract import Extractor  # type: ignore[attr-defined]

            out = Extractor(load_settings(), place_resolver=_places().resolve).extract_many(docs)
            return [[_as_written(ev, x.entities) for ev in x.events] for x in out]
        return [_direct_events(d) for d in docs]


def _as_written(ev: Event, entities: Sequence[Entity]) -> Event:
    """The event with each descriptive side ("dsc_" id: "Military Forces of Israel") named by the words the
    text uses for it ("Israeli soldiers"): the gold sets quote the text, not an actor list."""
    said = {e.id: e.mentions[0].text for e in entities if e.id.startswith("dsc_") and e.mentions}

    def refs(rs: Sequence[EntityRef]) -> tuple[EntityRef, ...]:
        return tuple(EntityRef(r.id, said.get(r.id, r.name)) for r in rs)

    return replace(ev, perpetrators=refs(ev.perpetrators), targets=refs(ev.targets))


def _runner() -> Runner:
    try:
        from claimgraph.extract import Extractor  # type: ignore[attr-defined]  # noqa: F401
    except ImportError:
        return Runner("direct")
    return Runner("extractor")


@cache
def _nlp():  # noqa: ANN202 - a spaCy Language
    from claimgraph.nlp.pipeline import load_pipeline

    return load_pipeline(load_settings())


@cache
def _places():  # noqa: ANN202 - a PlaceResolver
    from claimgraph.resolve.places import PlaceResolver

    return PlaceResolver()


def _direct_events(doc: Document) -> list[Event]:
    """The event finder over the configured pipeline, entities taken from the parsed Doc."""
    from claimgraph.extract.events import find_events
    from claimgraph.extract.types import ExtractContext, ParsedSentence
    from claimgraph.ontology import load_ontology
    from claimgraph.records import Entity, Span, make_id

    labels = {"ORG": "organisation", "PERSON": "person", "NORP": "group_identity", "GPE": "place", "LOC": "place",
              "FAC": "facility"}
    parsed_doc = _nlp()(doc.text)
    parsed = [ParsedSentence(s.start_char, s, 0) for s in parsed_doc.sents]
    spans: dict[tuple[str, str], list[Span]] = {}
    for ent in parsed_doc.ents:
        etype = labels.get(ent.label_, ent.label_.lower() if ent.kb_id_ else None)
        if etype is not None:
            spans.setdefault((etype, ent.kb_id_ or ent.text), []).append(Span(ent.start_char, ent.end_char, ent.text))
    from claimgraph.nlp.pipeline import gazetteer_of

    actors = gazetteer_of(_nlp()).gazetteer.actors
    entities = [Entity(k[1] if k[1] in actors else make_id("ent", *k),
                       actors[k[1]].name if k[1] in actors else v[0].text, k[0], (), tuple(v),
                       ("gazetteer",) if k[1] in actors else ())
                for k, v in spans.items()]
    ctx = ExtractContext(doc=doc, ontology=load_ontology(), place_resolver=_places().resolve)
    return find_events(doc, parsed, entities, ctx)


def _first(events: Iterable[Event], types: Sequence[str] | None = None) -> Event | None:
    for e in events:
        if types is None or e.type in types:
            return e
    return None


# ------------------------------------------------------------------------------------------ names


class Names:
    """Alias-aware perpetrator matching (gazetteer + the bench alias table)."""

    def __init__(self, data_dir: Path) -> None:
        from claimgraph.nlp.gazetteer import build_gazetteer

        try:
            self.gaz = build_gazetteer(data_dir, cache_dir=Path(".cache/claimgraph"))
        except Exception as exc:  # noqa: BLE001 - the bench still runs on the table alone
            print(f"gazetteer unavailable ({exc}); using the bench alias table only", file=sys.stderr)
            self.gaz = None
        self.group: dict[str, int] = {}
        self.members: dict[int, set[str]] = {}
        for i, names in enumerate(_mapping()["aliases"]):
            for n in names:
                self.group.setdefault(normalise(n), i)
            self.members[i] = {str(n) for n in names}
        self.parent: dict[int, int] = {}
        for parent, children in _mapping()["families"].items():
            for child in children:
                self.parent[self.key_group(child)] = self.key_group(parent)

    def key_group(self, name: str) -> int:
        return self.group.get(normalise(name), -1)

    def aliases(self, name: str) -> set[str]:
        """Every known name of the actor called `name` (its parts split at '(' and ' and ' too)."""
        names = {name}
        names |= {p.strip() for p in re.split(r"\(|\)|,| and ", name) if len(p.strip()) > 2}
        for n in list(names):
            g = self.key_group(n)
            if g >= 0:
                names |= self.members[g]
            if self.gaz is not None and (actor := self.gaz.lookup(n)) is not None:
                names |= {actor.name, *actor.aliases}
        return {n for n in names if n}

    def same(self, pred: str, gold: str, *, lenient: bool = False) -> bool:
        if pred == NONE or gold == NONE:
            return pred == gold
        gold_keys = {normalise(a).removesuffix("s") for a in self.aliases(gold)}
        pred_keys = {normalise(a).removesuffix("s") for a in self.aliases(pred)}
        if gold_keys & pred_keys:
            return True
        if not lenient:
            return False
        pg = {self.key_group(a) for a in self.aliases(pred)} - {-1}
        gg = {self.key_group(a) for a in self.aliases(gold)} - {-1}
        up = lambda gs: gs | {self.parent[g] for g in gs if g in self.parent}  # noqa: E731
        return bool(up(pg) & up(gg))

    def named_in(self, gold: str, text: str) -> bool:
        """Whether the text names the gold actor, a plural of its name, or its parent group (the
        lenient score then accepts the parent; the strict one does not)."""
        names = set(self.aliases(gold))
        for g in {self.key_group(a) for a in names} - {-1}:
            if g in self.parent:
                names |= self.members[self.parent[g]]
        for a in {*names, *(n + "s" for n in names if len(n) > 4)}:
            if len(a) <= 4 and a.isupper():
                if re.search(rf"\b{re.escape(a)}\b", text):
                    return True
            elif len(a) >= 3 and re.search(rf"\b{_loose(a)}\b", text, re.I):
                return True
        return False


def _loose(name: str) -> str:
    """A regex for a name whose punctuation may differ in the text ("Ahmed-Osman" / "Ahmed Osman"),
    as `Names.same` compares names with punctuation folded away."""
    parts = [re.escape(p) for p in re.split(r"[^0-9A-Za-z\u00c0-\uffff]+", name) if p]
    return r"[^0-9A-Za-z]*".join(parts) if parts else re.escape(name)


def _number_in_text(n: int, text: str) -> bool:
    from text_to_num import alpha2digit

    digits = alpha2digit(text.replace(",", ""), "en")
    return bool(re.search(rf"(?<![\d.]){n}(?![\d.])", digits))


def _gold_int(v: str) -> int | None:
    v = v.strip().replace(",", "").replace("+", "")
    return int(v) if v.isdigit() else None


# ------------------------------------------------------------------------------------------ 1. incidents


def _bare_incident(doc: Any) -> tuple[str, int | None, int | None, str | None]:  # noqa: ANN401 - spaCy Doc
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

    country = _places().country_of(gpes[0]) if gpes else None
    return (orgs[0] if orgs else NONE), near(_DEATH) or 0, near(_INJURY) or 0, country


def _country_code(name: str | None) -> str | None:
    if not name:
        return None
    return _places().country_code(name) or name.lower()


def _score_incidents(rows: list[dict[str, str]], texts: list[str], events: list[list[Event]],
                     names: Names) -> tuple[Counter[str], list[str], int, int, int]:
    score: Counter[str] = Counter()
    errors: list[str] = []
    stated_k = stated_w = named_perp = named_country = 0
    for row, text, evs in zip(rows, texts, events, strict=True):
        gold_p = row["Perpetrator"].strip()
        expected = gold_p if names.named_in(gold_p, text) else NONE
        named_perp += expected != NONE
        ev = _first(evs, _VIOLENT)
        # the gold names groups and people: a descriptive perpetrator ("dsc_" id: "gunmen") is "none named"
        pred = next((p.name for p in ev.perpetrators if not p.id.startswith("dsc_")), NONE) if ev else NONE
        score["perpetrator_strict"] += names.same(pred, expected)
        score["perpetrator_lenient"] += names.same(pred, expected, lenient=True)
        if not names.same(pred, expected, lenient=True):
            errors.append(f"perp gold={expected!r} pred={pred!r}: {text[:160]}")
        gk, gw = _gold_int(row["Dead"]), _gold_int(row["Injured"])
        k = (point(ev.killed) if ev else None) or 0
        w = (point(ev.wounded) if ev else None) or 0
        if gk is not None:
            score["killed_exact"] += k == gk
            score["killed_within_10pct"] += abs(k - gk) <= 0.1 * gk
            if gk == 0 or _number_in_text(gk, text):
                stated_k += 1
                score["killed_exact_stated"] += k == gk
                if k != gk:
                    errors.append(f"killed gold={gk} pred={ev.killed if ev else None}: {text[:160]}")
        if gw is not None:
            score["injured_exact"] += w == gw
            if gw == 0 or _number_in_text(gw, text):
                stated_w += 1
                score["injured_exact_stated"] += w == gw
        country = ev.place.country if ev and ev.place else None
        ok = _country_code(country) == _country_code(row["Country"])
        score["country"] += ok
        if _country_named(row["Country"], text):
            named_country += 1
            score["country_named"] += ok
        if not ok:
            errors.append(f"country gold={row['Country']!r} pred={ev.place if ev else 'no event'}: {text[:160]}")
        score["has_event"] += ev is not None
    score["_country_named_items"] = named_country
    return score, errors, stated_k, stated_w, named_perp


_NAME_RUN = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|of|al|el|ul|e|i))*")


def _country_named(gold: str, text: str) -> bool:
    """Whether the description names the gold country or a place in it (any capitalised run, or a
    demonym, that the place resolver puts there) — the items where the country is in the text."""
    code = _country_code(gold)
    for m in _NAME_RUN.finditer(text):
        words = m.group(0).split()
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                if _country_code(" ".join(words[i:j])) == code and _places().country_code(" ".join(words[i:j])):
                    return True
    return False


def bench_incidents(data_dir: Path, runner: Runner, limit: int | None) -> dict[str, Any]:
    rows = json.loads((data_dir / INCIDENTS).read_text("utf-8"))[:limit]
    texts = [r["Description"].strip() for r in rows]
    names = Names(data_dir)
    score, errors, stated_k, stated_w, named_perp = _score_incidents(rows, texts, runner.events(texts), names)
    baselines: dict[str, Counter[str]] = {}
    if runner.how == "extractor":  # the finder on every sentence: what a wider sentence prefilter would give
        baselines["event_finder_all_sentences"] = _score_incidents(
            rows, texts, Runner("direct").events(texts), names)[0]
    bare_docs = list(_nlp().pipe(texts))
    base: Counter[str] = Counter()
    for row, text, bdoc in zip(rows, texts, bare_docs, strict=True):
        gold_p = row["Perpetrator"].strip()
        expected = gold_p if names.named_in(gold_p, text) else NONE
        gk, gw = _gold_int(row["Dead"]), _gold_int(row["Injured"])
        bp, bk, bw, bc = _bare_incident(bdoc)
        base["perpetrator_strict"] += names.same(bp, expected)
        base["perpetrator_lenient"] += names.same(bp, expected, lenient=True)
        if gk is not None:
            base["killed_exact"] += bk == gk
            base["killed_within_10pct"] += abs(bk - gk) <= 0.1 * gk
            if gk == 0 or _number_in_text(gk, text):
                base["killed_exact_stated"] += bk == gk
        if gw is not None:
            base["injured_exact"] += bw == gw
            if gw == 0 or _number_in_text(gw, text):
                base["injured_exact_stated"] += bw == gw
        base["country"] += _country_code(bc) == _country_code(row["Country"])
        if _country_named(row["Country"], text):
            base["country_named"] += _country_code(bc) == _country_code(row["Country"])
    n = len(rows)
    named_country = score.pop("_country_named_items")
    for c in baselines.values():
        c.pop("_country_named_items", None)
    denom = {"killed_exact_stated": stated_k, "injured_exact_stated": stated_w, "country_named": named_country}

    def rates(c: Counter[str]) -> dict[str, float]:
        return {m: round(v / max(denom.get(m, n), 1), 4) for m, v in sorted(c.items())}

    baselines["bare_spacy"] = base
    return {
        "benchmark": "events_incidents",
        "items": n,
        "metrics": rates(score),
        "baselines": {k: rates(v) for k, v in baselines.items()},
        "notes": (f"{runner.how} path; perpetrator named in text for {named_perp}/{n} (else the answer is"
                  f" 'none named'); killed stated for {stated_k}/{n}, injured for {stated_w}/{n}; country"
                  f" named for {named_country}/{n} (country_named is over those)."),
        "errors": errors,
    }


# ------------------------------------------------------------------------------------------ 2. CASE 2021


def _case_label(ev: Event | None) -> str:
    table = _mapping()["case2021"]
    if ev is None:
        return table["no_event"]
    label = table["modes"].get(ev.mode or "", table["no_event"])
    if label in ("REM_EXPLOS", "ATTACK", "ARMED_CLASH"):
        for word in re.findall(r"[a-z]+", ev.evidence.text.lower()):
            if word in table["weapons"]:
                return table["weapons"][word]
    return label


def _macro_f1(gold: list[str], pred: list[str]) -> float:
    labels = sorted(set(gold))
    f1s = []
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == p == lab)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if p == lab and g != lab)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p != lab)
        f1s.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return sum(f1s) / len(f1s)


def bench_case2021(data_dir: Path, runner: Runner, limit: int | None) -> dict[str, Any]:
    lines = (data_dir / CASE).read_text("utf-8").splitlines()[1:]
    rows = [ln.split("\t") for ln in lines if ln.strip()][:limit]
    texts = [r[1] for r in rows]
    gold = [r[-1].strip() for r in rows]
    pred = [_case_label(_first(evs)) for evs in runner.events(texts)]
    majority = Counter(gold).most_common(1)[0][0]
    base = [majority] * len(gold)
    acc = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)
    return {
        "benchmark": "events_case2021",
        "items": len(rows),
        "metrics": {"accuracy": round(acc, 4), "macro_f1": round(_macro_f1(gold, pred), 4),
                    "event_found": round(sum(p != "OTHER" for p in pred) / len(pred), 4)},
        "baselines": {"majority_class": {"accuracy": round(base.count(majority) and
                                                           sum(g == majority for g in gold) / len(gold), 4),
                                         "macro_f1": round(_macro_f1(gold, base), 4)}},
        "notes": f"{runner.how} path; mode→label table in bench/events_mapping.yaml; majority class {majority}.",
    }


# ------------------------------------------------------------------------------------------ 3. PLOVER GSR


def _actor_match(pred: str | None, gold: Sequence[str]) -> bool:
    if not gold:
        return pred is None
    if pred is None:
        return False
    p = normalise(pred)
    return any(p and (p in normalise(g) or normalise(g) in p) for g in gold if normalise(g))


def _actor_texts(value: object) -> list[str]:
    """Gold actorText values; a few records carry a string (e.g. "diplomatic") instead of a list."""
    if not isinstance(value, list):
        return []
    return [str(a["actorText"]) for a in value if isinstance(a, dict) and a.get("actorText")]


def bench_plover(data_dir: Path, runner: Runner, limit: int | None) -> dict[str, Any]:
    rows = [r for r in json.loads((data_dir / PLOVER).read_text("utf-8")) if r.get("event") != "DOCUMENT"][:limit]
    texts = [r["text"] for r in rows]
    events = runner.events(texts)
    majority = Counter(r["event"] for r in rows).most_common(1)[0][0]
    score: Counter[str] = Counter()
    base: Counter[str] = Counter()
    modelled = 0
    from claimgraph.ontology import load_ontology

    known = set(load_ontology().event_types)
    for row, evs, bdoc in zip(rows, events, _nlp().pipe(texts), strict=True):
        src = _actor_texts(row.get("source"))
        tgt = _actor_texts(row.get("target"))
        ev = _first(evs)
        score["event_type"] += ev is not None and ev.type == row["event"]
        if row["event"] in known:
            modelled += 1
            score["event_type_modelled"] += ev is not None and ev.type == row["event"]
        score["source_actor"] += _actor_match(ev.perpetrators[0].name if ev and ev.perpetrators else None, src)
        score["target_actor"] += _actor_match(ev.targets[0].name if ev and ev.targets else None, tgt)
        ents = [e.text for e in bdoc.ents if e.label_ in ("ORG", "GPE", "NORP", "PERSON")]
        base["event_type"] += row["event"] == majority
        if row["event"] in known:
            base["event_type_modelled"] += row["event"] == majority
        base["source_actor"] += _actor_match(ents[0] if ents else None, src)
        base["target_actor"] += _actor_match(ents[1] if len(ents) > 1 else None, tgt)
    n = len(rows)
    denom = {"event_type_modelled": modelled}

    def rates(c: Counter[str]) -> dict[str, float]:
        return {m: round(v / max(denom.get(m, n), 1), 4) for m, v in sorted(c.items())}

    return {
        "benchmark": "events_plover_gsr",
        "items": n,
        "metrics": rates(score),
        "baselines": {"bare_spacy": rates(base)},
        "notes": (f"{runner.how} path; {modelled}/{n} sentences have a PLOVER type the ontology models"
                  f" (event_type_modelled is over those); majority type {majority}."),
    }


def run(data_dir: Path, *, limit: int | None = None) -> list[dict[str, Any]]:
    runner = _runner()
    out = []
    for fn in (bench_incidents, bench_case2021, bench_plover):
        t0 = time.perf_counter()
        result = fn(data_dir, runner, limit)
        result.pop("errors", None)
        result["notes"] += f" ({time.perf_counter() - t0:.0f}s)"
        out.append(result)
    return out


if __name__ == "__main__":  # python bench/events.py [DATA_DIR] [--limit N] [--errors [--direct]]
    args = sys.argv[1:]
    lim = int(args[args.index("--limit") + 1]) if "--limit" in args else None
    positional = [a for i, a in enumerate(args) if not a.startswith("--") and (i == 0 or args[i - 1] != "--limit")]
    ddir = Path(positional[0]) if positional else load_settings().data.dir
    if "--errors" in args:
        res = bench_incidents(ddir, Runner("direct") if "--direct" in args else _runner(), lim)
        print("\n".join(res.pop("errors")))
        print(json.dumps(res, indent=1))
    else:
        print(json.dumps(run(ddir, limit=lim), indent=1))
