"""Place resolution, offline: a place name (and the document's other places) → a GeoNames-backed `Place`.

The index (`place_index`) holds every GeoNames populated place of ≥ 1,000 people with its district
(admin2) and province (admin1), the districts themselves, provinces, countries, and the curated places of
`places.yaml`. Lookups are dictionary hits on folded names, never a scan.

Ranking of candidates for one name (highest wins; the reason is kept in `Resolution.reason`):
  * how the name matched: a place's own name beats one of its alternate names;
  * what kind of place it is: country > region > named province > city (by population) > bare admin1 name,
    so "Kashmir" is the region, "Balochistan" the province, "Delhi" the city;
  * a kind word in the mention ("Mastung district", "Punjab province", "Tirah Valley") favours that kind;
  * a qualifier ("Leigh on Sea, Essex"; "Chitrkonda of Odisha's Malkangiri district") keeps only the
    namesakes that lie inside it;
  * context: a candidate in a country (or province) that the document's other places resolve to is
    preferred — "Hyderabad" next to "Sindh" is the Pakistani city, alone it is the larger Indian one.

Words that are not places: stop words and names under three letters never resolve; a bare one-word name
that only resolves to a small town, in no country the document names, does not either ("Thanks to God" is
not Göd, Hungary). `strict` (for names that are not a place entity or a pattern match, like the words
before "Bridge") asks more: such a town must lie in a country the context names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from ..records import Place
from .names import fold
from .place_index import (
    ADMIN1,
    CITY,
    COUNTRY,
    DISTRICT,
    PRECISIONS,
    PROVINCE,
    REGION,
    PlaceIndex,
    Row,
    collapse_doubles,
    generic,
    load_index,
    read_data,
    spelling_variants,
)

__all__ = ["CITY", "COUNTRY", "DISTRICT", "PRECISIONS", "PROVINCE", "REGION", "PlaceResolver", "Resolution",
           "kind_words"]

_PRIMARY_BONUS = 10.0
_HINT_BONUS = 20.0
_CONTEXT_COUNTRY_BONUS = 15.0
_CONTEXT_ADMIN1_BONUS = 8.0
_QUALIFIED_BONUS = 40.0
# A bare one-word name that resolves only to a town or district needs this many people when the document
# names no country it lies in (with no context at all: the lower figure).
_BARE_POPULATION_ABROAD = 100_000
_BARE_POPULATION_ALONE = 5_000
_STRICT_POPULATION_ALONE = 50_000
_CAPITAL_POPULATION = 100_000
_MEMO_SIZE = 100_000
#: a city this large that its stated province does not hold, in that province's country, is the place meant (the
#: province was split or renamed since: "Hyderabad, Andhra Pradesh" before Telangana), not a village of its name
_RENAMED_DIVISION_CITY = 100_000
_AMBIGUOUS_RATIO = 0.1  # a weak name is ambiguous when a namesake abroad has a tenth of its people or more
#: compass words: a name of nothing else is a direction, never a context place ("North East" of "North East Delhi")
_COMPASS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                      "northern", "southern", "eastern", "western", "central"})
_POSSESSIVE = re.compile(r"['’]s$")
_PROVINCE_WORD = re.compile(r"\bprovince\b", re.IGNORECASE)
_DIVISION_OF = re.compile(r"^(?:(?:Province|Department|Governorate|Municipality|Prefecture) of |"
                          r"(?:Province|Département|Departement|Provincia|Préfecture) (?:du|de la|de l'|des|de|del) )"
                          r"(?=[A-Z])")


@dataclass(frozen=True, slots=True)
class Resolution:
    """A resolved place with the score and the reason it won over the other candidates."""

    place: Place
    score: float
    reason: str
    candidates: int
    admin2: str | None = None  # the district a town lies in, where GeoNames names it
    country_code: str | None = None
    population: int = 0


def kind_words() -> dict[str, str]:
    """Words after (or before) a name that say what kind of place it is → a precision (`places.yaml`)."""
    return dict(_KIND_WORDS)


def relative_position_words() -> frozenset[str]:
    """Nouns of a position relative to a place, before "of" ("northeast of Awdheegle", `places.yaml`)."""
    return _POSITION_WORDS


_KIND_WORDS: dict[str, str] = {str(k): str(v) for k, v in (read_data().get("kind_words") or {}).items()}
#: kind words of several words, longest first
_LONG_KIND_WORDS = sorted((k for k in _KIND_WORDS if " " in k), key=len, reverse=True)
_POSITION_WORDS = frozenset(str(w) for w in read_data().get("relative_position_words") or ())
# The countries a region of several countries spans ("Kashmir": IN, PK, CN), by its folded name: a qualifier
# that names one keeps the namesakes in those countries ("Pulwama district of south Kashmir").
_REGION_COUNTRIES: dict[str, frozenset[str]] = {
    fold(str(r["name"])): frozenset(str(c) for c in r.get("countries") or ())
    for r in read_data().get("regions") or () if len(r.get("countries") or ()) > 1}
_FEATURE_WORDS = frozenset(str(w) for key in ("feature_words", "water_words") for w in read_data().get(key) or ())


def _split_hint(key: str) -> tuple[str, str | None]:
    """'mastung district' → ('mastung', district); 'village koki khel' → ('koki khel', city)."""
    words = key.split()
    for kind in _LONG_KIND_WORDS:  # "bokkos local government area"
        if key.endswith(f" {kind}") and len(key) > len(kind) + 1:
            return key[: -len(kind) - 1], _KIND_WORDS[kind]
    if len(words) >= 2 and words[-1] in _KIND_WORDS:
        return " ".join(words[:-1]), _KIND_WORDS[words[-1]]
    if len(words) >= 2 and words[0] in _KIND_WORDS:
        rest = words[2:] if words[1] == "of" else words[1:]
        return (" ".join(rest), _KIND_WORDS[words[0]]) if rest else (key, None)
    return key, None


def _looks_like_acronym(name: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", name)
    return 2 <= len(letters) <= 5 and letters.isupper()


def _key(name: str) -> str:
    text = _POSSESSIVE.sub("", name.strip())
    key = fold(text)
    return key[4:] if key.startswith("the ") else key


class PlaceResolver:
    """Resolve place names to GeoNames places. Build once (the index is shared per process), call often."""

    def __init__(self) -> None:
        self.index: PlaceIndex = load_index()
        self._context_memo: dict[str, tuple[str | None, tuple[str, str] | None]] = {}

    # -- public API ---------------------------------------------------------------------------
    def resolve(self, name: str, context: Sequence[str] = (), qualifier: str | None = None, *,
                strict: bool = False, listed: bool = False) -> Place | None:
        """The best GeoNames place for `name`, using the document's other place names as context."""
        found = self.explain(name, context, qualifier, strict=strict, listed=listed)
        return None if found is None else found.place

    def explain(self, name: str, context: Sequence[str] = (), qualifier: str | None = None, *,
                strict: bool = False, listed: bool = False) -> Resolution | None:
        """Like `resolve`, with the score, the reason and how many candidates competed. With a
        `qualifier` ("Essex" of "Leigh on Sea, Essex"), only namesakes inside it count; when the index
        knows no place of that name (or none inside it), the qualifier itself is the answer. A `listed`
        qualifier (after a comma) only picks among namesakes: "in France, Germany and ..." is a list."""
        key = _key(name)
        if not key or key in STOP_WORDS or len(key.replace(" ", "")) < 3 and key not in self.index.country_keys:
            return None
        refs, hint = self._lookup(key)
        if _looks_like_acronym(name):
            # "NATO", "OSU": an acronym names a country or a curated unit ("UAE", "FATA"), never a town
            refs = [r for r in refs if self.index.row(r).kind not in (CITY, DISTRICT, ADMIN1)
                    or self.index.row(r).curated]
        if hint is None and key.split()[-1] in _FEATURE_WORDS:
            refs = [r for r in refs if self.index.row(r).curated]  # "the Red Sea": water, not a governorate
        if all(w in _COMPASS for w in key.split()):
            # "in the North-east", "the South": a part of the country the text is about, never a town so named
            # (North East, Pennsylvania)
            refs = [r for r in refs if self.index.row(r).kind != CITY]
        countries, admin1s = self._context(context, exclude=key)
        inside = (self._qualifier_rows(qualifier, context) or None) if qualifier else None
        if inside is not None:
            contained = [r for r in refs if any(_within(self.index.row(r), q) for q in inside)] or [
                r for r in refs if self.index.row(r).population >= _RENAMED_DIVISION_CITY
                and any(self.index.row(r).country_code == q.country_code and q.kind == ADMIN1 for q in inside)]
            if contained:
                refs = contained
            elif not refs or not listed:  # a village the index does not know: the place it lies in
                top = inside[0]
                bare, qhint = _split_hint(_key(qualifier or ""))
                if not self._plausible(bare, top, countries, strict, hinted=qhint == _precision(top)):
                    return None
                return self._resolution(top, 0.0, f"{top.kind} {top.name}; {name!r} not found in it", len(inside))
            else:
                inside = None  # a list ("in France, Germany and ..."), not a qualifier
        if not refs:
            return None
        found = self._best(refs, hint, countries, admin1s, bonus=_QUALIFIED_BONUS if inside else 0.0)
        if found is None:
            return None
        score, reason, row = found
        if row.kind == ADMIN1 and generic(row.name) and row.country_code not in countries and not inside:
            return None  # "Eastern Province" in a document that does not say which country's
        if countries and row.country_code not in countries and not inside and not row.curated and row.kind == CITY \
                and "by alternate name" in reason and row.population < _BARE_POPULATION_ABROAD:
            return None  # "the Lower Falls area of west Belfast": not a small town abroad that has it as another name
        # a district named for its seat, where the index knows only the town ("Zhob district"), is as hinted
        seat = hint == DISTRICT and row.kind == CITY
        if inside is None and not self._plausible(_split_hint(key)[0], row, countries, strict,
                                                  hinted=hint == _precision(row) or seat):
            return None
        if strict and row.country_code not in countries and any(
                r.country_code != row.country_code and r.population >= max(_STRICT_POPULATION_ALONE,
                                                                            row.population * _AMBIGUOUS_RATIO)
                for r in map(self.index.row, refs)):
            return None  # "Westminster" (Bridge) alone: London's or Colorado's (London is London, England)
        return self._resolution(row, score, reason, len(refs))

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
        return None if found is None else found.country_code

    def capital_of(self, name: str) -> Place | None:
        """The capital city of a country named or described ("the Afghan capital" → Kabul)."""
        key = _key(name)
        cc = next((t[k] for k in (key, key[:-1]) for t in (self.index.demonyms, self.index.country_keys) if k in t),
                  None)  # a country or its demonym, not a province ("Balochistan's capital" is not Islamabad)
        capital = self.index.capitals.get(cc or "")
        if cc is None or capital is None:
            return None
        refs = [r for r in self._lookup(_key(capital))[0] if self.index.row(r).country_code == cc]
        found = self._best(refs, CITY, {cc}, set())
        return None if found is None else self._resolution(found[2], found[0], found[1], len(refs)).place

    def country_name(self, code: str) -> str | None:
        return self.index.country_names.get(code.upper())

    # -- helpers ------------------------------------------------------------------------------
    def _lookup(self, key: str) -> tuple[list[int], str | None]:
        """Row refs for a key; 'X districts' also finds 'X District' and falls back to plain 'X'."""
        refs = self.index.names.get(key) or next(
            (self.index.names[v] for v in [*spelling_variants(key), collapse_doubles(key)] if v in self.index.names),
            None)
        bare, hint = _split_hint(key)
        if refs:
            if hint:  # "Hyderabad city", an alternate name of one Hyderabad: the other cities of the name compete
                refs = [*refs, *(r for r in self.index.names.get(bare, ())
                                 if r not in refs and _precision(self.index.row(r)) == hint)]
            return list(refs), hint if hint and any(self.index.row(r).kind != COUNTRY for r in refs) else None
        if hint is None and " of " in key:
            # "Province of Punjab", "Old City of Damascus": the place is after "of" (not "Palace of Justice")
            head, _, tail = key.rpartition(" of ")
            found = self.index.names.get(tail)
            head_hint = _KIND_WORDS.get(head.split()[-1]) if head else None
            return (list(found), head_hint) if found and head_hint else ([], None)
        if hint is None:
            return [], None
        if bare.endswith("s") and bare[:-1] in self.index.names and bare not in self.index.names:
            bare = bare[:-1]
        found = list(self.index.names.get(bare, ()) or self.index.names.get(collapse_doubles(bare), ()))
        if hint == DISTRICT:
            found += [r for r in self.index.names.get(f"{bare} district", ()) if r not in found]
        if hint == REGION:
            # "Tirah Valley", "Kurram area": a region of that name, else the district or town it is named for
            found = [r for r in found if self.index.row(r).kind != COUNTRY] or found
        return found, hint

    def _best(self, refs: Sequence[int], hint: str | None, countries: set[str], admin1s: set[tuple[str, str]],
              bonus: float = 0.0) -> tuple[float, str, Row] | None:
        best: tuple[float, str, Row] | None = None
        for ref in refs:
            row = self.index.row(ref)
            score, reason = self._score(row, bool(ref & 1), hint, countries, admin1s)
            if best is None or score + bonus > best[0]:
                best = (score + bonus, reason, row)
        if best is not None and best[2].kind in (ADMIN1, PROVINCE) and hint != PROVINCE:
            # "Raqqa", "Herat": a province named after its major city is the city when the text names no kind
            for ref in refs:
                row = self.index.row(ref)
                if row.kind == CITY and row.population >= _CAPITAL_POPULATION and not row.name.endswith(" City") \
                        and (row.country_code, row.admin1_code) == (best[2].country_code, best[2].admin1_code):
                    # (not "Kansas City" for "Kansas", nor "New York City" for "New York": the state)
                    return best[0], f"{best[1]}; its city {row.name}", row
        return best

    def _qualifier_rows(self, qualifier: str, context: Sequence[str]) -> list[Row]:
        """The places a qualifier may be: its namesakes of the best kind-word match, best first."""
        key = _key(qualifier)
        refs, hint = self._lookup(key)
        countries, admin1s = self._context(context, exclude=key)
        if any(r & 1 for r in refs):
            # a qualifier names a place by its own name: "Zahraa neighbourhood in Homs" is in Homs, Syria, not
            # in Al Khums, Libya, whose alternate names include Homs (curated aliases are names too), unless the
            # context is in the other's country ("Lalitpur district (Bagmati)": Nepal's Patan, not India's)
            refs = [r for r in refs if r & 1 or self.index.row(r).curated or self.index.row(r).country_code
                    in countries and not any(r2 & 1 and self.index.row(r2).country_code in countries for r2 in refs)]
        scored = sorted(((self._score(self.index.row(r), bool(r & 1), hint, countries, admin1s)[0], r) for r in refs),
                        reverse=True)
        return [self.index.row(r) for _, r in scored]

    def _plausible(self, key: str, row: Row, countries: set[str], strict: bool, hinted: bool = False) -> bool:
        """Whether a one-word name's winner is a place rather than a capitalised word (see module doc). A
        kind word that fits ("Malkangiri district") says it is a place."""
        if row.kind in (COUNTRY, REGION, PROVINCE) or row.curated or hinted:
            return True
        supported = row.country_code in countries
        if supported:
            return True
        if countries and strict:
            return False  # "Westminster" (of "Westminster Bridge") in a document about London
        if " " in key or "-" in key:
            return True
        if countries:
            return row.population >= _BARE_POPULATION_ABROAD
        if row.population == 0 and row.kind == CITY and not strict:
            return True  # population unknown: GeoNames lists it as the seat of a division ("Panjgur")
        return row.population >= (_STRICT_POPULATION_ALONE if strict else _BARE_POPULATION_ALONE)

    def _resolution(self, row: Row, score: float, reason: str, candidates: int) -> Resolution:
        precision = PROVINCE if row.kind == ADMIN1 else row.kind
        country = self.index.country_names.get(row.country_code) if row.country_code else None
        # a division under the name reports give it: "Basilan", not GeoNames' "Province of Basilan"
        name = _DIVISION_OF.sub("", row.name) if precision in (DISTRICT, PROVINCE) else row.name
        admin1 = row.admin1 if precision != COUNTRY else None
        # where GeoNames' first-level divisions are regions above provinces, it names the second "Province of
        # Maguindanao" (the Philippines): that division is the place's province
        province_of = next((_DIVISION_OF.sub("", n) for n in (row.name if precision == DISTRICT else None,
                            row.admin2 if precision in (CITY, DISTRICT) else None)
                            if n and n.startswith("Province of ")), None)
        place = Place(name=name, admin1=province_of or admin1, country=country,
                      geonames_id=row.geonames_id, precision=precision, lat=row.lat, lon=row.lon,
                      admin2=row.admin2 if precision in (CITY, DISTRICT) else None, country_code=row.country_code)
        return Resolution(place, round(score, 2), reason, candidates, row.admin2, row.country_code, row.population)

    def _score(self, row: Row, primary: bool, hint: str | None, countries: set[str],
               admin1s: set[tuple[str, str]]) -> tuple[float, str]:
        country = self.index.country_names.get(row.country_code) if row.country_code else None
        return _score(row, country, primary, hint, countries, admin1s)

    def _context(self, context: Sequence[str], *, exclude: str) -> tuple[set[str], set[tuple[str, str]]]:
        countries: set[str] = set()
        admin1s: set[tuple[str, str]] = set()
        bare = _split_hint(exclude)[0]
        for item in dict.fromkeys(context):
            key = _key(item)
            if not key or key == exclude or _split_hint(key)[0] == bare:
                continue  # the name itself, with or without its kind word, is no context for itself
            cc, admin1 = self._context_item(key)
            if cc:
                countries.add(cc)
            if admin1:
                admin1s.add(admin1)
        return countries, admin1s

    def _context_item(self, key: str) -> tuple[str | None, tuple[str, str] | None]:
        """The country (and province) one context name puts the document in; memoised per name."""
        found = self._context_memo.get(key)
        if found is not None:
            return found
        found = (None, None)
        cc = self.index.demonyms.get(key) or self.index.country_keys.get(key)
        if key in STOP_WORDS or all(w in _COMPASS for w in key.split()):
            pass  # "North East" cut from "North East Delhi district": a direction, not North East, Maryland
        elif cc:
            found = (cc, None)
        elif refs := self._lookup(key)[0]:
            top = self._best(refs, None, set(), set())
            assert top is not None
            row = top[2]
            if row.country_code and self._plausible(_split_hint(key)[0], row, set(), False):
                found = (row.country_code, (row.country_code, row.admin1_code) if row.admin1_code else None)
        if len(self._context_memo) > _MEMO_SIZE:
            self._context_memo.clear()
        self._context_memo[key] = found
        return found


def _precision(row: Row) -> str:
    return PROVINCE if row.kind == ADMIN1 else row.kind


def _within(row: Row, outer: Row) -> bool:
    """Whether `row` lies in `outer` (a country, province, district or single-country region)."""
    if outer.kind == REGION and outer.country_code is None:  # a region of several countries ("Kashmir")
        return row.kind in (CITY, DISTRICT) and row.country_code in _REGION_COUNTRIES.get(fold(outer.name), ())
    if outer.country_code is None or row.country_code != outer.country_code or row is outer:
        return False
    if outer.kind == COUNTRY:
        return row.kind != COUNTRY
    if row.admin1_code is None or outer.admin1_code is None:
        return outer.kind == REGION and row.kind in (CITY, DISTRICT)
    if row.admin1_code != outer.admin1_code:
        return False
    if outer.kind == DISTRICT:
        return row.kind == CITY and (outer.admin2 is None or row.admin2 is None
                                     or fold(row.admin2) == fold(outer.admin2) or fold(outer.name) in fold(row.admin2)
                                     or fold(row.admin2) in fold(outer.name))
    return row.kind in (CITY, DISTRICT, REGION)


def _score(row: Row, country: str | None, primary: bool, hint: str | None, countries: set[str],
           admin1s: set[tuple[str, str]]) -> tuple[float, str]:
    score = row.weight
    why = [f"{row.kind} {row.name}"]
    if primary:
        score += _PRIMARY_BONUS
    else:
        why.append("by alternate name")
    precision = PROVINCE if row.kind == ADMIN1 else row.kind
    if hint is not None and (precision == hint or hint == PROVINCE and precision == DISTRICT
                             and _PROVINCE_WORD.search(row.name)):
        # a second-level division GeoNames itself calls a province ("Province of Sultan Kudarat": the
        # Philippines' provinces are its admin2) is what "Sultan Kudarat province" names, not the town
        score += _HINT_BONUS
        why.append(f"named as a {hint}")
    if row.country_code and row.country_code in countries:
        score += _CONTEXT_COUNTRY_BONUS
        why.append(f"context names {country}")
    if row.country_code and row.admin1_code and (row.country_code, row.admin1_code) in admin1s:
        score += _CONTEXT_ADMIN1_BONUS
        why.append(f"context names {row.admin1}")
    return score, "; ".join(why)
