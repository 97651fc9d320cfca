"""Descriptive actors: actors a report names by what they are, not by name.

    ontology/descriptive_actors.yaml ─ load_descriptions ─▶ Description list
        ─ DescriptiveMatcher.find (pure: Doc → DescriptiveHit list) ─▶ doc.spans["descriptive_actors"]

"Indian troops", "Pakistani police", "a US drone strike", "gunmen", "unknown assailants", "the BSF". The
terms are token patterns (spaCy `Matcher`, built from the YAML); the country is read off the parse: a
demonym or place that modifies the phrase ("Indian troops", "India's army", "US drone strike") or an "of"
complement ("the army of Nigeria"). A description that a named group modifies ("TTP militants", "Boko
Haram fighters", "the Taliban's gunmen") is that group's, not a description, and is not reported. A country
named as the doer of a strike ("Pakistan carried out air strikes", "Israel struck the port") is its armed forces
(`states_striking`: the parse, with lexicon.yaml's `state_*` word lists).

The component `claimgraph_descriptive_actors_v1` stores each hit as a span in `doc.spans` with the entry key
as label and the country words (as written, "Indian") as `kb_id`; the extract stage turns them into
entities of kind "descriptive" and normalises the country.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..errors import ConfigError
from ..ontology import lexicon_words
from ..records import Entity
from ..resolve.names import fold
from ..resolve.place_index import demonym_keys, load_index
from .unlisted_names import FIGHTERS_ACRONYM

DESCRIPTIVE_FACTORY = "claimgraph_descriptive_actors_v1"
DESCRIPTIVE_PIPE = "claimgraph_descriptive_actors"
SPANS_KEY = "descriptive_actors"
_COUNTRY_LABELS = {"NORP", "GPE", "PLACE"}
#: Labels of words that say where a force is from or whom it recruits from, never who owns it: "Baloch
#: insurgents", "Kashmiri militants" are descriptions (a region's people), not a named group.
_ORIGIN_LABELS = _COUNTRY_LABELS | {"GROUP_IDENTITY"}
_NAMED_LABELS = {"ORG", "ARMED_GROUP", "AGENCY", "ORGANISATION", "PARTY", "STATE", "PERSON"}
_MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod"}
#: Participles of a country's lead over a force: "the US-led coalition" (a force a country backs is not its own:
#: "Turkish-backed rebels" are Syrians).
_LED_BY = {"lead", "led"}
_REQUIRED = ("key", "category", "type", "name", "source")
#: The ACLED actor types a description may have (ACLED Codebook, "Actor types"; unnamed armed actors recorded
#: as "Unidentified Armed Group").
CATEGORIES = frozenset({"State Forces", "Rebel Groups", "Unidentified Armed Group", "Rioters", "Protesters"})
_DETERMINERS = {"the", "a", "an"}
#: Nouns for the people or units of a force: "CRPF personnel", "BSF troops", "police officers".
_MEMBER_NOUNS = {"personnel", "troop", "troops", "soldier", "jawan", "officer", "official", "man", "men",
                 "commando", "force", "unit", "member", "cadre", "fighter", "guard", "contingent", "convoy",
                 "patrol", "team", "squad", "battalion", "company", "platoon"}
#: words the NER takes into a name that name nothing: a determiner, a hedge ("Suspected Maoists")
_NOT_NAMING = _DETERMINERS | {"suspected", "alleged", "purported"}


@dataclass(frozen=True, slots=True)
class Description:
    """One kind of descriptive actor (see ontology/descriptive_actors.yaml)."""

    key: str
    category: str  # ACLED actor type, one of CATEGORIES
    type: str  # ontology entity type
    name: str  # template with {country} / {demonym}
    bare_name: str
    terms: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()
    with_country: tuple[str, ...] = ()
    country: str | None = None
    source: str = ""
    #: the actor only as the head of its phrase: "the Syrian government", not "government forces" (the forces)
    head_only: bool = False
    #: other names of the actor for a country, templates like `name` ("{demonym} army", "{country} military")
    aliases: tuple[str, ...] = ()
    #: terms whose country comes from their own words only ("Turkish warplanes"): bare, no country is guessed from
    #: the document's places ("warplanes" over Syria may be Russia's, Turkey's or Israel's)
    stated_only: tuple[str, ...] = ()
    #: where reporters mean one named group by the description: (country, terms, the curated actor's key)
    named_in: tuple[tuple[str, frozenset[str], str], ...] = ()

    def named_actor(self, country: str | None, text: str) -> str | None:
        """The key of the curated actor this mention means in its country ("Maoists" in India: the CPI
        (Maoist)), or None."""
        words = text.lower().split()
        term = " ".join(words[1:] if words[:1] == ["the"] else words)
        return next((key for c, terms, key in self.named_in if c == country and term in terms), None)

    def guesses_country(self, text: str) -> bool:
        """Whether a bare mention of this actor takes the document's country ("the army" of a report on Mali)."""
        words = text.lower().split()
        return " ".join(words[1:] if words[:1] == ["the"] else words) not in self.stated_only

    def display(self, country: str | None, demonym: str | None) -> str:
        """The actor's name for a country ("Military Forces of India"), or the bare name without one."""
        if country is None or "{demonym}" in self.name and not demonym:
            return self.bare_name
        return self.name.format(country=country, demonym=demonym or country)

    def other_names(self, country: str | None, demonym: str | None) -> list[str]:
        """The actor's other names for a country ("Myanmar military", "Burmese army"); none without one."""
        if country is None:
            return []
        return list(dict.fromkeys(a.format(country=country, demonym=demonym or country) for a in self.aliases))


@cache
def _force_names() -> tuple[tuple[re.Pattern[str], ...], dict[str, str]]:
    """The name patterns of state forces with a country, and the terms of forces of one country → that country."""
    forces = [d for d in load_descriptions() if d.category == "State Forces"]
    patterns = tuple(re.compile(re.escape(d.name).replace(re.escape("{country}"), "(?P<country>.+)") + "$")
                     for d in forces if "{country}" in d.name)
    fixed = {t.lower(): d.country for d in forces if d.country for t in (*d.terms, *d.exact)}
    return patterns, fixed


def forces_countries(entities: Sequence[Entity], country_of: Callable[[str], str | None] | None) -> list[str]:
    """The countries of the state forces among `entities` whose own words give their country; not forces that
    strike from the air or afar ("Pakistani jets bombed ... in Khost": Afghanistan's Khost), nor a government,
    which speaks from its capital ("The Turkish government blamed the YPG for the attack in Afrin")."""
    return [] if country_of is None else [c for e in entities if e.kind == "descriptive" and e.type == "agency" and (
        c := stated_force_country(e.name, [m.text for m in e.mentions
                                           if not _REMOTE.intersection(m.text.lower().split())], country_of))]


#: words of forces that strike from the air or from across a border
_REMOTE = frozenset({"jets", "jet", "aircraft", "warplanes", "warplane", "drone", "drones", "airstrike", "airstrikes",
                     "air", "helicopters", "helicopter", "gunships", "navy", "missile", "missiles"})


def force_country(name: str) -> str | None:
    """The country in a state force's name ("Nigeria" of "Military Forces of Nigeria"), else None."""
    return next((m.group("country") for p in _force_names()[0] if (m := p.match(name))), None)


def stated_force_country(name: str, mentions: Sequence[str], country_of: Callable[[str], str | None]) -> str | None:
    """The country of a state force when its own words give it: "Military Forces of India" named as "Indian
    troops", "India's army" or "BSF troops" (a force of one country), not by the document's other names alone
    ("Police said" in a report that mentions Americans)."""
    country = force_country(name)
    if country is None:
        return None
    fixed = _force_names()[1]
    for text in mentions:
        words = re.findall(r"[\w'’.-]+", text)
        if any(fixed.get(w.lower()) == country for w in words) or any(
                w[:1].isupper() and country_of(w) == country for w in words):
            return country
    return None


@dataclass(frozen=True, slots=True)
class DescriptiveHit:
    start: int  # token range in the Doc, country modifier included
    end: int
    key: str
    country_text: str  # the words that give the country ("Indian", "Pakistan's"), "" when none
    in_name: bool = False  # found inside a name ("Pakistan Army"): only a country may precede the term


def load_descriptions(text: str | None = None) -> tuple[Description, ...]:
    """The descriptions of the packaged YAML (read and checked once per process), or of `text`; raises
    ConfigError on an invalid entry."""
    if text is None:
        return _packaged_descriptions()
    return _parse_descriptions(text)


@cache
def _packaged_descriptions() -> tuple[Description, ...]:
    return _parse_descriptions(resources.files("claimgraph.ontology").joinpath("descriptive_actors.yaml")
                               .read_text("utf-8"))


@cache
def multiword_terms() -> frozenset[str]:
    """The packaged descriptions' terms of two words or more, lower case ("special forces", "frontier corps")."""
    return frozenset(t.lower() for d in _packaged_descriptions() for t in (*d.terms, *d.with_country, *d.exact)
                     if " " in t)


@cache
def description_words() -> frozenset[str]:
    """Every word of the packaged descriptions' terms, lower case ("police", "forces", "rangers", "levies")."""
    return frozenset(w for d in _packaged_descriptions() for t in (*d.terms, *d.with_country, *d.exact)
                     for w in t.lower().split())


def _parse_descriptions(text: str) -> tuple[Description, ...]:
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"ontology/descriptive_actors.yaml is invalid: {exc}") from exc
    sources = data.get("sources") or {}
    out = []
    for i, e in enumerate(data.get("actors") or []):
        missing = [k for k in _REQUIRED if not e.get(k)]
        if missing:
            raise ConfigError(f"descriptive actor #{i} ({e.get('key', '?')}) lacks {', '.join(missing)}")
        if not (e.get("terms") or e.get("exact") or e.get("with_country")):
            raise ConfigError(f"descriptive actor {e['key']!r} has no terms")
        if not set(map(str.lower, e.get("stated_only") or ())) <= set(map(str.lower, e.get("terms") or ())):
            raise ConfigError(f"descriptive actor {e['key']!r}: a stated_only word is none of its terms")
        if e["category"] not in CATEGORIES:
            raise ConfigError(f"descriptive actor {e['key']!r} has an unknown category {e['category']!r}")
        source = str(e["source"])
        named_in = []
        for n in e.get("named_in") or ():
            terms = frozenset(str(w).lower() for w in n.get("terms") or ())
            if not (n.get("country") and n.get("actor") and n.get("source") and terms):
                raise ConfigError(f"descriptive actor {e['key']!r}: a named_in entry lacks country, terms, actor "
                                  "or source")
            if not terms <= set(map(str.lower, e.get("terms") or ())):
                raise ConfigError(f"descriptive actor {e['key']!r}: a named_in word is none of its terms")
            named_in.append((str(n["country"]), terms, str(n["actor"])))
        out.append(Description(
            e["key"], e["category"], e["type"], e["name"], e.get("bare_name") or e["key"],
            tuple(str(t).lower() for t in e.get("terms") or ()), tuple(str(t) for t in e.get("exact") or ()),
            tuple(str(t).lower() for t in e.get("with_country") or ()), e.get("country"),
            str(sources.get(source, source)), bool(e.get("head_only")), tuple(str(a) for a in e.get("aliases") or ()),
            tuple(str(t).lower() for t in e.get("stated_only") or ()), tuple(named_in),
        ))
    return tuple(out)


class DescriptiveMatcher:
    """Finds descriptive actors in a parsed Doc. `find` is pure: it returns hits and sets nothing."""

    def __init__(self, nlp: Language, descriptions: Sequence[Description]) -> None:
        self.descriptions = {d.key: d for d in descriptions}
        #: the act nouns whose adjective names the forces that did them ("a military air strike")
        self.strike_nouns = lexicon_words("state_act_nouns")
        # every pattern is a fixed phrase (lower case, or exact for `exact` terms): two PhraseMatchers find
        # them in one pass each, several times faster than a token Matcher over the same phrases
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        for d in descriptions:
            lower = [nlp.make_doc(term) for term in (*d.terms, *d.with_country)]
            exact = [nlp.make_doc(term) for term in d.exact]
            if lower:
                self.lower.add(d.key, lower)
            if exact:
                self.orth.add(d.key, exact)

    def find(self, doc: Doc) -> list[DescriptiveHit]:
        spans = []
        for match_id, start, end in sorted((*self.lower(doc), *self.orth(doc)), key=lambda m: (m[1], m[2])):
            span = Span(doc, start, end, label=doc.vocab.strings[match_id])
            head = span.root.head
            if span.root.dep_ in _MODIFIER_DEPS and head.i == end and head.lemma_.lower() in _MEMBER_NOUNS \
                    and not self.descriptions[span.label_].head_only:
                span = Span(doc, start, end + 1, label=span.label_)  # "BSF troops", "CRPF personnel"
            spans.append(span)
        hits = []
        kept = filter_spans(spans)
        starts = {sp.start for sp in kept}
        for span in kept:
            d = self.descriptions[span.label_]
            if span.end + 1 < len(doc) and doc[span.end].lower_ == "of" and (
                    span.end + 1 in starts or span.end + 2 in starts and doc[span.end + 1].pos_ == "DET"):
                continue  # "a crowd of protesters": the description after "of" says who they are
            ent = _ent_at(span[-1])
            if ent is None and (first_ent := _ent_at(span[0])) is not None and first_ent.start < span.start:
                ent = first_ent  # "Arakan Army fighters": the member noun runs on past the name
            before = [t for t in ent[: max(0, span.start - ent.start)] if t.lower_ not in _NOT_NAMING] \
                if ent is not None else []
            in_name = ent is not None and ent.label_ in _NAMED_LABELS and d.country is None and (
                before or ent.end > span.end) and not any(t.ent_kb_id_ for t in span)
            if not in_name and (_named_owner(span) or _describes_a_name(span)):
                continue  # "TTP militants", "its troops": an actor named elsewhere, not a description
            if span.root.dep_ == "amod" and span.root.pos_ == "ADJ" and span.root.head.i >= span.end and not (
                    d.category == "State Forces" and span.root.head.lemma_.lower() in self.strike_nouns):
                continue  # "military aid", "a military government": an adjective, not the forces
                # (a noun modifier still names them: "attacked a police station", "an army camp"; and so does the
                # adjective of a strike: "a military air strike killed 14 civilians")
            if span.root.pos_ == "ADJ" and span.end < len(doc) and doc[span.end].ent_iob_ == "B" \
                    and (doc[span.end].ent_type_ == "ORG" or doc[span.end].ent_kb_id_):
                continue  # "Sudan's paramilitary Rapid Support Forces": what the name is, whatever the parse
            if any(t.ent_kb_id_ for t in span):
                continue  # part of a gazetteer name
            if d.head_only and span.root.dep_ in _MODIFIER_DEPS and span.root.head.i >= span.end:
                continue  # "government forces", "a government ministry": what the phrase's head names
            if any(c.dep_ == "amod" and c.lower_ in _FORMER for c in span.root.children) \
                    or span.start > 0 and doc[span.start - 1].lower_ in _FORMER:
                continue  # "recruited former soldiers": people who once served, not the forces
            if in_name:
                # inside a name the NER found: "Pakistan Army" is the army of a country, "Balochistan
                # Liberation Army" is not; the words before the term must name a country (checked later)
                if ent.end != span.end and not span.start < ent.end < span.end:
                    continue
                words = ent[before[0].i - ent.start : span.start - ent.start].text
                hits.append(DescriptiveHit(before[0].i, span.end, d.key, words, True))
                continue
            country, first = _country_words(span)
            wanted = span.text.lower() in d.with_country and span.text not in d.exact
            if wanted and not country and d.country is None:
                continue  # "forces", "drone strike": a state actor only when the text says whose
            hits.append(DescriptiveHit(min(first, span.start), span.end, d.key, country))
            if country:
                hits += [DescriptiveHit(t.i, t.i + 1, d.key, t.text) for t in _joined_countries(doc, first)]
        return hits


def _joined_countries(doc: Doc, first: int) -> list[Token]:
    """The other demonyms or countries a description's country word is joined to: "Rwandan" of "Rwandan and
    Mozambican troops", "Afghan" of "Afghan and US forces" (the parser hangs the second from the first)."""
    tok = doc[first]
    if tok.dep_ != "conj" or tok.head.i >= tok.i:
        return []
    other = tok.head
    one_word = other.ent_iob_ == "B" and (other.i + 1 == len(doc) or doc[other.i + 1].ent_iob_ != "I")
    if other.ent_type_ not in _COUNTRY_LABELS or not one_word or other.dep_ not in _MODIFIER_DEPS:
        return []  # a demonym or a country of one word, modifying the noun the second one does
    return [other]


#: words that put a force's people in its past ("former soldiers", "retired officers", "ex-servicemen")
_FORMER = frozenset({"former", "retired", "ex", "erstwhile", "one-time", "onetime"})


def _named_owner(span: Span) -> bool:
    """Whether a named organisation modifies the phrase ("Boko Haram fighters", "the Taliban's gunmen")."""
    head = span.root
    for c in head.children:
        if c.dep_ in _MODIFIER_DEPS and c.i < span.start and (c.ent_type_ in _NAMED_LABELS or c.ent_kb_id_) \
                and c.ent_type_ not in _ORIGIN_LABELS and not demonym_like(c) and c.lower_ not in _NOT_NAMING \
                and not _glued_to_participle(c) and not _listed_demonym_entity(c):
            return True
        if c.dep_ == "poss" and c.pos_ == "PRON" and c.lower_ in ("its", "their"):
            return True  # "Syria has offered its troops": the troops of an actor the text names
        if c.dep_ == "prep" and c.lower_ == "of" and c.i >= span.end and any(
                g.dep_ == "pobj" and g.ent_kb_id_ and g.ent_type_ not in _ORIGIN_LABELS for g in c.children):
            return True  # "militants of the Lashkar-e-Jhangvi": the group's own members, not an unnamed group
    prev = span.doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.text == ")":
        # "Baloch Liberation Army (BLA) militants": the name before its bracketed short form
        opening = next((t for t in span.doc[max(0, prev.i - 6) : prev.i] if t.text == "("), None)
        prev = span.doc[opening.i - 1] if opening is not None and opening.i > 0 else prev
    # a listed name right before the phrase; or an acronym the text names fighters by, whatever the parse made
    # of it ("ULFA-I militants")
    return prev is not None and (bool(prev.ent_kb_id_) or prev.ent_id_ == FIGHTERS_ACRONYM) \
        and prev.ent_type_ not in _ORIGIN_LABELS


def _listed_demonym_entity(tok: Token) -> bool:
    """A word of an entity of several words whose whole text the place index lists as a demonym, whatever the NER
    labelled it ("Sri Lankan" taken for a person's name)."""
    ent = _ent_at(tok)
    return ent is not None and len(ent) > 1 and not tok.ent_kb_id_ and fold(ent.text) in demonym_keys()


def _glued_to_participle(tok: Token) -> bool:
    """A name joined by a hyphen to a participle ("Islamic State-linked insurgents", "Iran-backed militias"): it
    names a kin or a backer of the phrase's actor, not the actor."""
    ent = _ent_at(tok)
    end = ent.end if ent is not None else tok.i + 1
    doc = tok.doc
    return end + 1 < len(doc) and doc[end].text in ("-", "\u2010", "\u2011") and doc[end + 1].tag_ == "VBN"


def _describes_a_name(span: Span) -> bool:
    """Whether the phrase describes a name it stands beside: "the Somali militant group al-Shabaab", "the Pakistani
    terrorist organization Lashkar-e-Taiba" (the group noun in apposition to the name or compounded into it) name one
    actor, not a second, unnamed one."""
    noun = span.root.head if span.root.dep_ in ("amod", "compound") and span.root.head.i >= span.end else span.root
    if noun.pos_ != "NOUN":
        return False
    named = [c for c in noun.children if c.dep_ == "appos"]
    if noun.dep_ in ("compound", "appos"):
        named.append(noun.head)
    return any(t.ent_kb_id_ or t.ent_type_ in _NAMED_LABELS and t.ent_type_ != "PERSON" for t in named)


def demonym_like(tok: Token) -> bool:
    """A one-word name the NER took for an organisation that has the form of a demonym with the nisba
    suffix -i ("Kashmiri", "Sindhi", "Punjabi", "Iraqi"): unlisted (no gazetteer id), capitalised, and the
    whole of its entity. Such a word before "militants" says where they are from, not who they are."""
    if tok.ent_kb_id_ or not tok.is_title or len(tok.text) < 5 or not tok.lower_.endswith("i"):
        return False
    ent = _ent_at(tok)
    return ent is None or (ent.start == tok.i and ent.end == tok.i + 1)


def listed_demonym(tok: Token) -> bool:
    """A capitalised word outside any entity of the NER that the place index lists as a demonym ("Ugandan",
    "Burkinabe"): the NER marks many demonyms, not all."""
    return not tok.ent_type and tok.is_title and len(tok.text) >= 4 and fold(tok.text) in demonym_keys()


def _country_words(span: Span) -> tuple[str, int]:
    """The words that give a description's country, and the first token of the phrase with them.

    A demonym or place right before the phrase or modifying its head ("Indian troops", "Pakistan's police",
    "US drone strike"), else the place of an "of" complement ("the army of Nigeria")."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and doc[i].lower_ in ("'s", "’s", "'", "’"):
        i -= 1
    if i >= 0 and _listed_demonym_entity(doc[i]) and (ent := _ent_at(doc[i])) is not None:
        return ent.text, ent.start  # "Sri Lankan troops", whatever the NER took "Sri Lankan" for
    if i >= 0 and (doc[i].ent_type_ in _ORIGIN_LABELS or demonym_like(doc[i])):
        ent = _ent_at(doc[i])
        if ent is not None:
            return ent.text, ent.start
        return doc[i].text, i
    if i >= 0 and listed_demonym(doc[i]):
        return doc[i].text, i  # "Ugandan troops", "Burkinabe soldiers": a demonym the NER did not mark
    for c in span.root.children:
        if c.dep_ in _MODIFIER_DEPS and c.ent_type_ in _COUNTRY_LABELS:
            ent = _ent_at(c)
            if ent is not None:
                return ent.text, min(ent.start, span.start)
        if c.dep_ == "amod" and c.lemma_.lower() in _LED_BY and c.i < span.start:
            # "the US-led coalition", "Saudi-backed forces": the country that leads them
            for g in c.children:
                if g.dep_ in _MODIFIER_DEPS and g.ent_type_ in _COUNTRY_LABELS and (ent := _ent_at(g)) is not None:
                    return ent.text, min(ent.start, span.start)
    if i >= 0 and doc[i].dep_ in _MODIFIER_DEPS and doc[i].head.i == span.root.i and doc[i].is_title \
            and not doc[i].ent_type_ and doc[i].pos_ == "PROPN":
        return doc[i].text, i  # "Houthi rebels": an owner (or a country) the NER did not mark
    for prep in span.root.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for g in prep.children:
                if g.dep_ == "pobj" and g.ent_type_ in _COUNTRY_LABELS and (ent := _ent_at(g)) is not None:
                    return ent.text, span.start
    return "", span.start


def _ent_at(tok: Token) -> Span | None:
    if not tok.ent_type:
        return None  # in no entity: the entities need not be built
    for e in tok.doc.ents:
        if e.start <= tok.i < e.end:
            return e
    return None


#: the description a country stands for when it strikes: its armed forces
STATE_FORCES_KEY = "military"


def states_striking(doc: Doc) -> list[DescriptiveHit]:
    """Countries named as the doers of a strike, each as its armed forces: the subject of a strike verb with an
    object ("Israel struck the port") or of a verb that wages one ("Pakistan carried out air strikes"), or the
    "by" agent of such a verb whose passive subject is the strike ("the strike was carried out by the United
    States"), or credited with one by "by", "attributed to", "blamed on" (`_credited_act`). The words are
    lexicon.yaml's `state_*` lists."""
    if not any(e.label_ == "GPE" for e in doc.ents):
        return []
    strike, wage = lexicon_words("state_strike_verbs"), lexicon_words("state_wage_verbs")
    acts, not_acts = lexicon_words("state_act_nouns"), lexicon_words("state_strike_not")
    blame = lexicon_words("state_blame_verbs")
    countries = load_index().country_keys  # folded country name or alias -> ISO code
    hits = []
    for ent in doc.ents:
        words = ent[1:] if ent[0].lower_ == "the" else ent
        if ent.label_ != "GPE" or fold(words.text) not in countries:
            continue
        root = ent.root
        if root.dep_ == "nsubj":
            verb = root.head
            done = [c for c in verb.children if c.dep_ == "dobj"]
        elif root.dep_ == "pobj" and root.head.dep_ == "agent":
            verb = root.head.head
            done = [c for c in verb.children if c.dep_ == "nsubjpass"]
            if not done and verb.dep_ == "xcomp":  # "the strike was believed to have been carried out by X"
                done = [c for c in verb.head.children if c.dep_ == "nsubjpass"]
            done = [c for c in done if c.lemma_.lower() in acts]
        elif root.dep_ == "pobj" and _credited_act(root.head, acts, blame):
            hits.append(DescriptiveHit(words.start, words.end, STATE_FORCES_KEY, words.text))
            continue
        else:
            continue
        lemma = verb.lemma_.lower()
        if verb.pos_ == "VERB" and (lemma in strike and any(c.lemma_.lower() not in not_acts for c in done)
                                    or lemma in wage and any(c.lemma_.lower() in acts for c in done)):
            hits.append(DescriptiveHit(words.start, words.end, STATE_FORCES_KEY, words.text))
    return hits


def _credited_act(prep: Token, acts: frozenset[str], blame: frozenset[str]) -> bool:
    """Whether a country after this preposition is credited with a strike: "a drone strike by Turkey", "an air raid
    attributed to Pakistan", "the shelling was blamed on Turkey" (`blame`: `state_blame_verbs`)."""
    head = prep.head
    if prep.lower_ == "by" and prep.dep_ == "prep":
        return head.pos_ == "NOUN" and head.lemma_.lower() in acts
    if prep.lower_ not in ("to", "on") or head.lemma_.lower() not in blame:
        return False
    if head.dep_ == "acl":  # "a drone strike attributed to Turkey"
        return head.head.lemma_.lower() in acts
    return any(c.dep_ == "nsubjpass" and c.lemma_.lower() in acts for c in head.children)


class DescriptiveComponent:
    """`claimgraph_descriptive_actors_v1`: descriptive actors as spans in `doc.spans["descriptive_actors"]`."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.matcher = DescriptiveMatcher(nlp, load_descriptions())

    def __call__(self, doc: Doc) -> Doc:
        hits = self.matcher.find(doc)
        taken = {i for h in hits for i in range(h.start, h.end)}
        hits += [h for h in states_striking(doc) if not taken.intersection(range(h.start, h.end))]
        doc.spans[SPANS_KEY] = [Span(doc, h.start, h.end, label=h.key, kb_id=h.country_text,
                                     span_id="in_name" if h.in_name else "") for h in hits]
        return doc


@Language.factory(DESCRIPTIVE_FACTORY, requires=["doc.ents", "token.dep"], assigns=["doc.spans"],
                  default_config={})
def make_descriptive(nlp: Language, name: str) -> DescriptiveComponent:
    return DescriptiveComponent(nlp, name)
