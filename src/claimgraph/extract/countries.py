"""Countries as the text gives them: of a descriptive actor ("Indian troops"), of the document, of a host.

    Countries.of_text("Pakistani") -> "Pakistan"        (demonym, country name or a place inside it)
    document_country(names, countries) -> "Pakistan"     (only when every place the document names agrees,
                                                          each read beside the others: "Uri" is a town
                                                          in Italy too)
    leading_country(names, countries) -> "Myanmar"       (the country most of its places lie in)
    host_variant(name, country, gazetteer) -> Actor      ("the nation's homegrown Taliban" in a Pakistan
                                                          report -> Tehrik-i-Taliban Pakistan)

The country of a description comes from the text only: the words that modify it, else the one country all
the document's places lie in. A report that names places in two countries gives no document country.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from ..nlp.gazetteer import Actor, Gazetteer
from ..records import Entity

#: Words before an organisation's name that place it in the host country ("the nation's homegrown
#: Taliban", "Pakistan's own Taliban", "the local Taliban").
_HOST = re.compile(r"(?:\b(?P<poss>\w+)['’]s\s+)?(?P<mods>(?:(?:own|homegrown|home-grown|domestic|local|"
                   r"indigenous)\s+)*)$", re.I)
_SELF = {"nation", "country"}


@dataclass(frozen=True, slots=True)
class Countries:
    """Country names from text: `of_text` a demonym, country or place → country; `demonym` the reverse."""

    country_of: Callable[[str], str | None]
    demonyms: dict[str, str]  # country name → demonym ("Pakistan" → "Pakistani")
    names: frozenset[str]  # country names and demonyms, lower case
    #: the precision of the place a name resolves to ("district", "city", ...), None when it is no place
    precision_of: Callable[[str], str | None] = lambda _: None
    #: the country of the place a name resolves to beside the document's other place names (namesakes)
    country_beside: Callable[[str, Sequence[str]], str | None] = lambda _n, _c: None

    def of_text(self, text: str) -> str | None:
        text = re.sub(r"^(?:the)\s+|['’]s?$", "", text.strip(), flags=re.I)
        if not text:
            return None
        found = self.country_of(text)
        if found is None and text.isupper() and 2 <= len(text) <= 3:
            found = self.country_of(".".join(text) + ".")  # "US" → "U.S."
        return found

    def demonym(self, country: str) -> str | None:
        return self.demonyms.get(country)

    def is_country_word(self, text: str) -> bool:
        """Whether the text is a country's name, demonym or short form ("Pakistan", "Pakistani", "US"), not a
        region."""
        text = re.sub(r"^(?:the)\s+|['’]s?$", "", text.strip(), flags=re.I)
        if text.lower() in self.names:
            return True
        return text.replace(".", "").isupper() and len(text) <= 6 and self.of_text(text) is not None

    def names_a_town(self, text: str) -> bool:
        """Whether the index knows the name as a town, district or province, not a country or people ("Tank",
        "Marka"; not "Pakistani")."""
        return not self.is_country_word(text) and self.precision_of(text) in ("city", "district", "province")

    def knows_no_place(self, text: str) -> bool:
        """Whether no place, country or people goes by the name ("M23", "Ma'awisley")."""
        return not self.is_country_word(text) and self.precision_of(text) is None


def countries_from(resolver: Any) -> Countries | None:  # noqa: ANN401 - a resolve.places.PlaceResolver
    """Countries backed by a place resolver (its `country_of` and its demonym table), or None."""
    index = getattr(resolver, "index", None)
    if index is None or not hasattr(resolver, "country_of"):
        return None
    names: dict[str, str] = getattr(index, "country_names", {})
    demonyms: dict[str, str] = {}
    words = {n.lower() for n in names.values()}
    for dem, cc in getattr(index, "demonyms", {}).items():
        country = names.get(cc)
        words.add(dem.lower())
        if country and country not in demonyms:
            demonyms[country] = " ".join(w[:1].upper() + w[1:] for w in dem.split())  # "Sri Lankan"

    def precision_of(name: str) -> str | None:
        place = resolver.resolve(name)
        return None if place is None else place.precision

    def country_beside(name: str, context: Sequence[str]) -> str | None:
        place = resolver.resolve(name, [c for c in context if c != name])
        return None if place is None else place.country

    return Countries(resolver.country_of, demonyms, frozenset(words), precision_of, country_beside)


def document_country(place_names: Iterable[str], countries: Countries) -> str | None:
    """The one country every resolvable place name of a document lies in, or None (none or several). When
    the names alone disagree, each place is read beside the others, as the event's place is: "Uri town,
    Baramula district, Jammu and Kashmir state, India" is India's Uri, not the town in Italy."""
    names = list(place_names)
    found = {c for n in names if (c := countries.of_text(n))}
    if len(found) > 1:
        found = {c for n in names if (c := countries.of_text(n) if countries.is_country_word(n)
                                      else countries.country_beside(n, names) or countries.of_text(n))}
    return found.pop() if len(found) == 1 else None


def leading_country(place_names: Iterable[str], countries: Countries) -> str | None:
    """The country most of a document's place names lie in, when one leads all others ("Minbya", "Rakhine",
    "Sittwe" beside one "Cox's Bazar": Myanmar), or None (a tie, or no place it knows). A nationality is no place
    ("a Chinese-backed port")."""
    nationalities = {d.lower() for d in countries.demonyms.values()}  # "Chinese-backed": whose, not where
    counts = Counter(c for n in place_names if n.lower() not in nationalities and (c := countries.of_text(n)))
    ranked = counts.most_common(2)
    if not ranked or len(ranked) == 2 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def host_country(before: str, doc_country: str | None, countries: Countries) -> str | None:
    """The host country the words before a name give ("the nation's homegrown", "Pakistan's own"), or None."""
    m = _HOST.search(before[-60:])
    if m is None or not (m.group("poss") or m.group("mods")):
        return None
    poss = (m.group("poss") or "").lower()
    if poss and poss not in _SELF:
        return countries.of_text(poss) if countries.is_country_word(poss) else None
    return doc_country


def host_variant(actor: Actor, country: str, countries: Countries, gazetteer: Gazetteer) -> Actor | None:
    """The country's own variant of an ambiguous name: "Taliban" + Pakistan → "Pakistani Taliban" /
    "Taliban Pakistan" when the gazetteer knows such a name for another actor."""
    demonym = countries.demonym(country)
    for base in (actor.name, *actor.aliases):
        for name in (f"{demonym} {base}" if demonym else "", f"{base} {country}", f"{country} {base}"):
            other = gazetteer.lookup(name) if name else None
            if other is not None and other.id != actor.id:
                return other
    return None


def capital_states(ctx: Any, entities: Sequence[Entity]) -> dict[str, Entity]:  # noqa: ANN401 - an ExtractContext
    """Place entity id of a capital → the entity of the state it speaks for, where the document names both
    ("a charge Kabul denies", "New Delhi accused Islamabad of arming …": Afghanistan, Pakistan)."""
    index = getattr(getattr(ctx.place_resolver, "__self__", None), "index", None)
    capitals: dict[str, str] = getattr(index, "capitals", {}) or {}
    names: dict[str, str] = getattr(index, "country_names", {}) or {}
    by_name = {e.name.casefold(): e for e in entities if e.type != "place" or e.name in names.values()}
    out: dict[str, Entity] = {}
    for cc, capital in capitals.items():
        state = by_name.get((names.get(cc) or "").casefold())
        if state is None:
            continue
        for e in entities:
            if e.type == "place" and e.name.casefold() == capital.casefold():
                out[e.id] = state
    return out


class _Keyed(Protocol):
    key: str


M = TypeVar("M")
C = TypeVar("C", bound=_Keyed)


def bare_forces_joined(assigned: list[tuple[M, C]], forces: Mapping[str, Mapping[str, str | None]],
                       by_key: Mapping[str, C], places: Sequence[str], countries: Countries | None
                       ) -> list[tuple[M, C]]:
    """"The military", "the army" with no country in their words are the forces of the country most of the
    document's places lie in, when the document names that country's forces in their own words ("a Myanmar
    military jet bombed a market in Minbya ... the military denied") and any other country's forces it names are
    foreign ones, of a country none of its places lies in ("Ugandan troops back the SSPDF in Upper Nile ... South
    Sudanese forces ... the army"; "Russian soldiers sent by Russia": a country's own name is no place in it; not
    Indian and Pakistani forces in a report of towns in both). `forces`: a state force's bare name → the keys of
    its clusters (`desc:<name>`) → their country (None: the bare one); `assigned`: (mention, cluster) pairs, a
    cluster's `key` its key."""
    lead = leading_country(places, countries) if countries is not None and forces else None
    if lead is None or countries is None:
        return assigned
    placed = {c for n in places if not countries.is_country_word(n) and (c := countries.of_text(n))}
    moved: dict[str, C] = {}
    for bare, clusters in forces.items():
        named = [key for key, country in clusters.items() if country is not None]
        home = [key for key in named if clusters[key] == lead]
        if f"desc:{bare}" in clusters and len(home) == 1 and all(
                clusters[key] == lead or clusters[key] not in placed for key in named):
            moved[f"desc:{bare}"] = by_key[home[0]]
    return [(m, moved.get(c.key, c)) for m, c in assigned] if moved else assigned
