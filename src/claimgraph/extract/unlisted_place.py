"""Places the text plainly names that the offline index does not know: "Hudur town, Bakool region", "in Dimla
upazila", "the village of Koki Khel", "in Leigh on Sea, Essex". GeoNames' lists stop at towns of 1,000 people and
miss many villages, tehsils and neighbourhoods; a conflict analyst still wants the name the report gives, inside
the division it lies in. Such a name is kept as written (its kind word dropped: "Hudur town" → "Hudur"), with no
GeoNames id, and takes its province and country from the place that encloses it: the qualifier the pattern found
("in Bakool region"), else the most general division the incident's other names resolve to in the winning country.

Only names a pattern marks as places count: a kind word ("village", "district", "area", `places.yaml`) or a
qualifier after it. A capitalised word after "in" alone is not enough ("in Tuesday's raid").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence, Set
from dataclasses import replace
from difflib import SequenceMatcher
from functools import cache

from spacy.lang.en.lex_attrs import like_num

from ..records import Place
from ..resolve.names import fold
from ..resolve.place_index import read_data

# The precision a kind word gives a place the index does not know. Province-level words ("province",
# "state", "region") are left out: a first-level division the index lacks is more likely not a place at all.
_PRECISION = {"city": "city", "district": "district"}
# Kind words for parts of a town or district ("the Kawadara area of ..."): a place at town level.
_PART_OF_TOWN = {"area", "areas", "sector"}
# Kind words of the units below a district, each named for its main town ("Bara tehsil", "Chauddagram
# upazila"): the index resolves them as districts, but one it does not know is coded as that town.
_BELOW_DISTRICT = {"tehsil", "taluka", "taluk", "upazila", "mandal", "subdivision"}
# Kind words that belong to a landform's name and stay in it ("Mazar Valley", "Tirah Valley").
_IN_NAME = {"valley"}
_CONTAINERS = ("district", "province", "region", "city")
# Capitalised first words of things that are not places ("Operation Zarb-e-Azb area"), offices included ("the
# Governor of Kandahar Province", "the District Governor of Arghandab": a person's title, not a town).
_NOT_A_NAME = {"operation", "government", "national", "federal", "provincial", "security", "police", "army",
               "governor", "deputy", "mayor", "president", "minister", "commander", "chief", "head",
               "inspector", "superintendent", "commissioner", "director", "leader", "spokesman", "secretary"}
#: GeoNames' word for an Afghan district's seat before its name ("‘Alāqahdārī Shāh Jōy": the seat of Shah Joy)
_DISTRICT_SEAT = re.compile(r"^[‘'`]?al[āa]qahd[āa]r[īi]\s+", re.IGNORECASE)
_SAME_SPELLING = 0.6  # difflib ratio of two romanisations of one name
# Nigeria's second-level division: "Konduga Local Government Area", "Ughelli North Local Government Area".
_LGA = re.compile(r"\s+Local\s+Government(?:\s+Council)?$", re.IGNORECASE)


def load_tables() -> None:
    """Read the kind words and former divisions now (see event_place.load_tables)."""
    _kind_words(), _former_admin1()


@cache
def _kind_words() -> dict[str, str]:
    return {str(k).lower(): str(v) for k, v in (read_data().get("kind_words") or {}).items()}


def split_kind(name: str) -> tuple[str, str | None]:
    """A pattern's name and its kind word: "Hudur town" → ("Hudur", "town"), "village of Asdira" →
    ("Asdira", "village"); a name without one → (name, None)."""
    words = name.split()
    if len(words) >= 2 and words[-1].lower() in _kind_words():
        bare = " ".join(words[:-1])
        if _LGA.search(bare):
            return _LGA.sub("", bare), "district"
        return bare, words[-1].lower()
    if len(words) >= 2 and words[0].lower() in _kind_words():
        rest = words[2:] if words[1].lower() == "of" and len(words) > 2 else words[1:]
        return " ".join(rest), words[0].lower()
    return name, None


def unlisted_precision(kind_word: str | None, qualified: bool) -> str | None:
    """The precision of an unknown place named with this kind word (None: not one to keep). A name with no
    kind word counts only when a qualifier follows it ("in Leigh on Sea, Essex": a town)."""
    if kind_word is None:
        return "city" if qualified else None
    if kind_word in _PART_OF_TOWN or kind_word in _BELOW_DISTRICT:
        return "city"
    if kind_word in _IN_NAME:
        return "district"
    return _PRECISION.get(_kind_words().get(kind_word, ""))


def pattern_precision(name: str, qualified: bool, directions: Set[str], demonyms: Set[str]) -> str | None:
    """`unlisted_precision` for a pattern's name; None for directions and nationalities ("Eastern areas of
    Arsal", "the Southern Israeli city of Beersheba"): never a place's name."""
    words = fold(written_name(name)).split()
    if not words or all(w in directions for w in words) or any(w in demonyms for w in words) \
            or words[0] in _NOT_A_NAME or re.search(r"-[a-z]{3,}", name) or like_num(words[0]):
        return None  # "Muslim-majority areas", "Two village volunteers"
    return unlisted_precision(split_kind(name)[1], qualified)


def written_name(name: str) -> str:
    """The name to report: as written, its kind word dropped unless it belongs to the name ("Mazar Valley")."""
    bare, kind = split_kind(name)
    if kind in _IN_NAME:
        return f"{bare} {name.split()[-1]}" if name.split()[-1].lower() == kind else name
    return bare


def is_container(place: Place, name: str) -> bool:
    """Whether a resolved place is the enclosure a qualifier gave, not the named place itself: a coarser
    place whose name is not the written one ("Bakool" for "Hudur town in Bakool region")."""
    written = fold(written_name(name))
    resolved = fold(place.name)
    return bool(written) and written not in resolved and resolved not in written


def qualified(name: str, within: str | None, place: Place | None, precision: str,
              lookup: Callable[[str], Place | None]) -> Place | None:
    """A pattern name's place when its qualifier came back instead ("Hudur town, Bakool region" → Bakool):
    the name as written inside the qualifier. A town cannot hold a district, and a qualifier that does not
    resolve on its own is no enclosure: "Pulwama districts of south Plantation" (Plantation, Florida, in a
    report about Kashmir) keeps the place its own name resolves to. `lookup` resolves a name on its own."""
    if place is None or not within or not is_container(place, name):
        return place
    outer = lookup(within)
    if outer is not None and place.precision == "city" and precision != "city" \
            and (wider := lookup(f"{split_kind(within)[0]} province")) is not None and wider.precision == "province" \
            and wider.country == place.country:
        return unlisted(name, precision, wider, within=within)  # "Yala's Bannang Sata district": the province Yala
    if outer is None or place.precision == "city" and precision != "city":
        return lookup(name)  # a qualifier the document's other places rule out, or too small to hold the name
    same = outer == place or outer.geonames_id is not None and outer.geonames_id == place.geonames_id
    return unlisted(name, precision, place, within=within) if same else place


def as_written(name: str, place: Place | None) -> Place | None:
    """A town or district under the name the text gives it where GeoNames spells it otherwise ("Miranshah"
    for Miran Shah, "Maidan Shar" for Maydanshakhr), its id kept; named as a district ("Lakki Marwat
    district") where the index knows only the town: a district, and so where it knows the district's name only
    as another name of its seat ("Nahr-e-Saraj district" → Gereshk): the district as written, in the seat's
    province."""
    if place is None or place.precision not in ("city", "district"):
        return place
    bare, kind = split_kind(name)
    written = bare[4:] if bare.lower().startswith("the ") else bare
    if kind is not None and _kind_words().get(kind) == "district" and place.precision == "city":
        if fold(written) == fold(place.name) or _spelling(fold(written), fold(place.name)):
            place = replace(place, precision="district", admin2=place.admin2 or place.name)
        elif written:  # "Nahr-e-Saraj district", found as its seat Gereshk (an alternate name): the district
            return replace(place, name=written, precision="district", admin2=written, geonames_id=None)
    known = fold(_DISTRICT_SEAT.sub("", place.name))
    if written and fold(place.name) not in (fold(written), fold(name)) and (
            _spelling(fold(written), fold(place.name)) or known == fold(written)):
        return replace(place, name=written)
    return place


def _spelling(a: str, b: str) -> bool:
    """Whether two folded names are spellings of one name, not two names ("miranshah"/"miran shah",
    "maidan shar"/"maydanshakhr"; not "essex"/"leigh on sea")."""
    a, b = a.replace(" ", ""), b.replace(" ", "")
    return SequenceMatcher(None, a, b).ratio() >= _SAME_SPELLING


def in_town(name: str, precision: str, container: Place, within: str | None = None) -> bool:
    """Whether an unknown name is a part of the town that encloses it: "the Shankill area of Belfast",
    "Peshawar's Hyatabad area" — a neighbourhood the index lacks inside a town it knows. The analyst's place is
    then the town. Not where the qualifier says it is a district ("the Jani Khel area of Bannu district": a
    village of the district, kept as written), nor a name with no "area" word ("Shah Hassan Khel, Lakki Marwat
    district": the chained style of incident lists names villages)."""
    kind = split_kind(name)[1]
    outer = split_kind(within)[1] if within else None
    return precision == "city" and container.precision == "city" and kind in _PART_OF_TOWN \
        and (outer is None or _kind_words().get(outer) == "city")


def unlisted(name: str, precision: str, container: Place | None, country: str | None = None,
             within: str | None = None) -> Place:
    """A place the index does not know, inside `container` (its province and country), else only in
    `country`; a part of a town (`in_town`) is the town itself."""
    if container is None:
        return Place(written_name(name), None, country, precision=precision)
    if in_town(name, precision, container, within):
        return container
    admin1 = container.admin1 or (container.name if container.precision == "province" else None)
    admin2 = container.admin2 if container.precision in ("district", "city") else None
    if admin2 is None and within and _kind_words().get(split_kind(within)[1] or "") == "district":
        admin2 = split_kind(within)[0]  # "Sangan area of Sibi district": in the district its qualifier names
    return Place(written_name(name), admin1, container.country, precision=precision, lat=container.lat,
                 lon=container.lon, admin2=admin2, country_code=container.country_code)


def enclosing(places: Sequence[Place]) -> Place | None:
    """The place that encloses an unknown one named elsewhere in the incident: the most specific division
    among the incident's resolved places (a district over a province), else its town; None when there is
    only a country."""
    order = {p: i for i, p in enumerate(_CONTAINERS)}
    found = [p for p in places if p.precision in order and (p.precision != "region" or p.admin1)]
    return min(found, key=lambda p: order[p.precision or ""]) if found else None


_SPECIFIC = {"city": 0, "district": 1, "province": 2, "region": 3, "country": 4}


def refines(finer: Place, coarse: Place) -> bool:
    """Whether `finer` is a more specific place inside `coarse`: same country, the same province where
    `coarse` has one (a province is its own), and a finer precision."""
    if finer.country != coarse.country or finer.country is None:
        return False
    if _SPECIFIC.get(finer.precision or "", 5) >= _SPECIFIC.get(coarse.precision or "", 5):
        return False
    province = coarse.admin1 or (coarse.name if coarse.precision == "province" else None)
    if province is not None and fold(finer.admin1 or "") != fold(province):
        return False
    # inside a district: in that district ("Raipur" is in Chhattisgarh, not in its Bijapur district)
    return coarse.precision != "district" or bool(finer.admin2) and (
        fold(coarse.name) in fold(finer.admin2 or "") or fold(finer.admin2 or "") in fold(coarse.name))


@cache
def _former_admin1() -> frozenset[str]:
    """Folded names of former first-level divisions (`former_admin1` in places.yaml's districts)."""
    return frozenset(fold(str(d["name"])) for d in read_data().get("districts") or () if d.get("former_admin1"))


def named_admin1(place: Place, named: Sequence[Place]) -> Place:
    """The chosen place with the first-level division the text names for it where that is a former one
    GeoNames has folded into another ("Miranshah, North Waziristan, Federally Administered Tribal Areas":
    FATA, not today's Khyber Pakhtunkhwa)."""
    for p in named:
        if p is not place and fold(p.name) in _former_admin1() and p.country == place.country \
                and p.admin1 == place.admin1 and place.precision in ("city", "district"):
            return replace(place, admin1=p.name)
    return place


def in_named_provinces(candidates: list[tuple[Place, float, int]], named: Sequence[Place]
                       ) -> list[tuple[Place, float, int]]:
    """The places an incident's text names without the towns and districts outside every province it names
    (`named`: every place its names resolved to, qualifiers too), when another town or district lies inside one:
    "at Deh Mazang square in Kabul city, Kabul province" is in Kabul, whatever village elsewhere is called Deh
    Mazang. Items are (place, weight, order), as `event_place` votes them."""
    provinces = {p.admin1 or p.name for p in named if p.precision == "province"}
    if not any(c[0].admin1 in provinces for c in candidates if c[0].precision in ("city", "district")):
        return candidates  # no finer place inside one ("... in Kabul ... the former governor of Helmand")
    return [c for c in candidates if c[0].admin1 in provinces or c[0].precision not in ("city", "district")]
