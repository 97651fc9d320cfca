"""Mentions of actors and places in a document's parsed sentences: the NER's names, the gazetteer's matches,
descriptions of unnamed actors ("Indian troops", "gunmen"; nlp/descriptive.py) and publication titles, each with
its type label, trimmed of titles and possessives. Dates, numbers and page furniture are never mentions.

    find_mentions (pure: parsed sentences → Mention list, and what was dropped with why)
    dateline_places (a name in the dateline is a place)

`entities.cluster_mentions` groups the mentions into entities.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..nlp.descriptive import SPANS_KEY, Description, demonym_like
from ..nlp.pipeline import title_run_end
from ..nlp.unlisted_names import organisation_heads, organisation_words
from ..resolve.names import looks_like_acronym
from .countries import Countries
from .dateline import Dateline
from .name_context import (
    PEOPLE_OF,
    defined_as,
    joined_persons,
    joined_places,
    listed_with_people,
    owned_unit,
    people_noun,
    place_by_context,
    post_words,
    role_named_persons,
    unseen_role_persons,
    whole_person_name,
)
from .name_trim import trim_name as _trim
from .types import ParsedSentence

# spaCy / gazetteer labels → ontology entity types; labels not here are not entities
LABEL_TYPES = {
    "PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "facility",
    "NORP": "group_identity", "ARMED_GROUP": "armed_group", "AGENCY": "agency", "ORGANISATION": "organisation",
    "PLACE": "place", "PUBLICATION": "publication", "STATE": "state", "PARTY": "party", "FACILITY": "facility",
    "GROUP_IDENTITY": "group_identity",
}
ORG_TYPES = {"organisation", "armed_group", "agency", "party", "state"}
#: a prefix for or against a body, glued to the first word of a name the NER found ("anti-[Taliban National
#: Resistance Front]"): that word is the body the name's owner is for or against
_FOR_OR_AGAINST = re.compile(r"(?i:anti|pro|counter)[-–]$")
_ADJECTIVAL = re.compile(r"[-–](?:style|like|inspired|type|esque|era)\b")
_BACKED = re.compile(r"[-–](?:backed|sponsored|funded|supported|armed|trained|financed|aided)\b")
#: "Kurdish-led", "Pashtun-dominated", "Shia-majority": what a body or place is made of, not an actor named
_COMPOSED = re.compile(r"[-–](?:led|dominated|majority|populated|inhabited|speaking)\b")
_BASED = re.compile(r"[-–]based\b")  # "the Erbil-based Rafidain Policy Institute": where a body is based
# words of a body's name that no building's name has ("Army Public School", "Air Force Base" have theirs)
_BODY_WORDS = frozenset({"movement", "front", "party", "alliance", "league", "coalition", "council", "organisation",
                         "organization", "militia", "brigade", "brigades", "faction", "group", "network", "cartel",
                         "observatory", "institute", "commission", "ministry", "agency"})


#: Nouns for an organisation's members or units: a name that modifies one names the organisation.
_MEMBER_NOUNS = {"fighter", "militant", "member", "cadre", "commander", "operative", "gunman", "gunmen",
                 "insurgent", "rebel", "group", "outfit", "militia", "faction", "jihadist", "terrorist", "gang",
                 "militiaman", "militiamen", "guerrilla", "hunter"}
#: what introduces the name armed men go by ("Azande militiamen known as the Arrow Boys")
_KNOWN_AS = re.compile(r",?\s+(?:known as|called|calling themselves|who call themselves)\b")
#: (as written) the armed men a name the NER did not see can have: "Fano fighters", "Mobondo militiamen"
_ARMED_MEN = frozenset({"fighters", "militants", "militiamen", "gunmen", "insurgents", "rebels", "guerrillas",
                        "cadres", "hunters"})
#: Appositive nouns that make a name a person's ("X, a founder of Y"), whatever the NER said.
_PERSON_ROLES = {"founder", "co-founder", "leader", "chief", "spokesman", "spokesperson", "spokeswoman", "commander",
                 "deputy", "president", "minister", "analyst", "officer", "official", "son", "daughter", "brother",
                 "cleric", "preacher", "journalist", "lawmaker", "senator", "general", "colonel", "researcher",
                 "coordinator", "adviser", "advisor", "aide", "professor", "secretary", "governor", "mayor"}
# "a man named X", "the attacker was identified as X": X is a person whatever the NER said (unless the
# named thing is a place: "a village named X")
_NAMING = re.compile(r"(?:\b(\w+)\s+named|\bidentified\s+as|\bnamed\s+as)\s+$", re.I)
_PLACE_NOUNS = {"village", "town", "city", "district", "area", "province", "region", "street", "camp", "place",
                "locality", "neighbourhood", "neighborhood", "township", "valley", "island", "river", "road"}
_NAMED_RETYPE = {"GPE", "LOC", "NORP", "FAC"}
_AFTER_PLACE_NOUN = re.compile(r"\b(?:village|town|city|capital|district|tehsil|area|locality|township|hamlet)"
                               r"\s+(?:of\s+)?$", re.I)
_INDEFINITE = re.compile(r"\b(?:an?)\s+$", re.I)
@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # in Document.text
    end: int
    text: str
    label: str
    kb_id: str = ""  # gazetteer actor id
    sent: int = -1  # index into the parsed sentences, -1 when found outside them
    tok: tuple[int, int] = (-1, -1)  # token range inside the sentence doc
    desc: str = ""  # key of a descriptive actor (nlp/descriptive.py); "" for a name
    country_text: str = ""  # for a description: the words that give its country ("Indian")
    in_name: bool = False  # a description found inside an NER name ("Pakistan Army")
    defined: bool = False  # the words around it settle what the name is ("X is a militant group", "based in X")


#: a name written as an acronym: capitals, with digits or a hyphen ("M23", "AFC", "NSCN-IM")
_ACRONYM_FORM = re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)?")
#: an acronym the NER took together with its men ("SPLA-IO forces", "NDFB fighters")
_ACRONYM_MEN = re.compile(r"([A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*)\s+(?:forces|fighters|troops|militants|rebels|cadres|"
                          r"militiamen|units|men)")


def _junk(text: str, furniture: frozenset[str], furniture_verbs: frozenset[str] = frozenset()) -> str | None:
    if not re.search(r"[A-Za-z]", text):
        return "no letters"
    if len(text) < 2 or "\n\n" in text:
        return "too short or spans paragraphs"
    if text.lower() in furniture:
        return "page furniture"
    words = text.split()
    if len(words) <= 4 and words[0].lower() in furniture_verbs and (len(words) > 1 or text.isupper() or
                                                                   words[0].lower() == "subscribe"):
        return "page furniture"  # a call to action: "Follow Us", "Support Our Journalism", "Read More"
    if text.islower():
        return "lower case"
    if len(text.split()) > 8:
        return "too long for a name"
    return None


#: a body named after a person ("the Hafiz Gul Bahadur group", "the Bello Turji faction")
_LEADER_GROUP_NOUNS = frozenset({"group", "faction", "network"})


def _landforms() -> frozenset[str]:  # (data_words keeps the list)
    """Words after a name that make it a landform's ("forest", "mountains": places.yaml `feature_words`)."""
    from ..resolve.place_index import data_words

    return data_words("feature_words")


@cache
def _landform_words() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, _landforms()), key=len, reverse=True)) + r")\b")


def _members_name(ent: SpacySpan) -> bool:
    """A name of a kind no actor has (a product's, a work's) that people fight or serve under: "Fighters from
    3R-Renouveau stormed ...": the organisation's name, whatever the NER said."""
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ == "from" and root.head.head.lemma_.lower() in _MEMBER_NOUNS


def _members_of(root: Token, *, armed: bool = False) -> bool:
    """Whether a name is what people belong to: "activists of the Bajrang Dal", "members of X", "a researcher at
    the Centro de Estudios del Bajío"; `armed`: what members or armed men belong to ("a commander of X"), never a
    person (who has aides and supporters, not members; not "the gang of X" either, named after its leader)."""
    prep = root.head
    if armed:
        return root.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in _MEMBER_NOUNS - _BODIES
    return root.dep_ == "pobj" and (
        prep.lower_ == "of" and prep.head.lemma_.lower() in _MEMBER_NOUNS | _FOLLOWERS
        or prep.lower_ in ("of", "at", "for") and prep.head.lemma_.lower() in _PERSON_ROLES)


#: the member nouns that name a body or its loose following, not one of its members
_BODIES = frozenset({"group", "outfit", "militia", "faction", "gang", "gunman", "gunmen", "terrorist", "hunter"})
#: people of a body who are not its armed men
_FOLLOWERS = frozenset({"activist", "supporter", "worker", "volunteer", "loyalist"})


def find_mentions(
    parsed: Sequence[ParsedSentence], doc_text: str, extra: Iterable[Mention] = (),
    furniture: frozenset[str] = frozenset(), publication_nouns: Iterable[str] = (),
    descriptions: Mapping[str, Description] | None = None, countries: Countries | None = None,
    furniture_verbs: frozenset[str] = frozenset(), people: Mapping[str, str] | None = None,
) -> tuple[list[Mention], list[tuple[str, str]]]:
    """Entity mentions of the parsed sentences (plus `extra`, e.g. gazetteer hits elsewhere), and drops.

    Descriptive actors (spans the `claimgraph_descriptive_actors_v1` component found) are mentions too,
    labelled with their description's type and carrying its key; an unnamed-organisation mention the
    NER made inside one ("Pakistan Army" as ORG) gives way to it."""
    demonyms = frozenset(countries.demonyms.values()) if countries is not None else frozenset()
    mentions: list[Mention] = []
    dropped: list[tuple[str, str]] = []
    described = _descriptive_mentions(parsed, descriptions) if descriptions else []
    # one word of a description the NER took for a name at a sentence's start ("Warplanes hit …", "Jets struck …")
    common_terms = {t for d in (descriptions or {}).values() for t in (*d.terms, *d.with_country) if " " not in t}
    # "Pakistan Army" (one NER name) is the army of a country; "Balochistan Liberation Army" is a name
    described = [d for d in described if not d.in_name
                 or countries is not None and countries.is_country_word(d.country_text)]
    for si, ps in enumerate(parsed):
        base = ps.sent[0].idx if len(ps.sent) else 0
        ents = unseen_role_persons(ps.sent, joined_places(ps.sent.ents, countries), countries)
        for ent in joined_persons(role_named_persons(ents, countries)):
            if ent.label_ not in LABEL_TYPES:
                if _ALIAS_BEFORE.search(ent.doc.text, max(0, ent.start_char - 20), ent.start_char):
                    # 'Wilmer Ortega, alias "Zarco"': the NER's work of art in quotes is the man's other name
                    ent = SpacySpan(ent.doc, ent.start, ent.end, label="PERSON", kb_id=ent.kb_id_)
                elif not _members_name(ent):
                    continue
                else:
                    ent = SpacySpan(ent.doc, ent.start, ent.end, label="ORG", kb_id=ent.kb_id_)
            ent = whole_person_name(ent)
            verb = next((t.i for t in ent[1:] if t.is_lower and (t.pos_ == "VERB" or t.tag_.startswith("VB"))), None)
            if verb is not None and not ent.kb_id_:
                # "the Abu Sayyaf entered Lamitan": the NER ran over the verb
                ent = SpacySpan(ent.doc, ent.start, verb, label=ent.label_, kb_id=ent.kb_id_)
            raw_start = ps.start + ent.start_char - base
            text, start, end = _trim(doc_text[raw_start : raw_start + len(ent.text)], raw_start)
            if not ent.kb_id_ and (m := _ACRONYM_MEN.fullmatch(text)):
                text, end = m.group(1), start + len(m.group(1))  # "SPLA-IO forces" said: the SPLA-IO's men
            if not ent.kb_id_ and _FOR_OR_AGAINST.search(doc_text, max(0, start - 8), start) \
                    and len(words := text.split(" ")) >= 3:
                text, start = " ".join(words[1:]), start + len(words[0]) + 1  # the National Resistance Front
            why = _junk(text, furniture, furniture_verbs)
            if why is None and not ent.kb_id_ and len(ent) == 1 and text.lower() in common_terms:
                why = "a description, not a name"
            if why is not None:
                if why in ("page furniture", "a description, not a name"):
                    dropped.append((f"entity {text!r}", why))
                continue
            if doc_text[start:end] != text:
                continue
            label = ent.label_
            if (_BACKED.match(doc_text, end) or _COMPOSED.match(doc_text, end)) and label == "NORP" \
                    and text in demonyms:
                label = "GPE"  # "Turkish-backed factions", "Saudi-led coalition": the country that backs or leads them
            elif _COMPOSED.match(doc_text, end) and label == "NORP":
                continue  # "the Kurdish-led Syrian Democratic Forces": whom it is made of, no actor of its own
            elif _ADJECTIVAL.match(doc_text, end) or _BACKED.match(doc_text, end) and not (
                    ent.kb_id_ or ent.label_ == "GPE"):
                continue  # "Taliban-style", "State-backed": a modifier, not a mention of the actor ("Iran-backed"
                # names the backer: a state or a listed actor)
            if ent.kb_id_ and _common_phrase(doc_text, start, text):
                continue
            if label in ("ORG", "PERSON", "NORP", "FAC") and not ent.kb_id_ and _BASED.match(doc_text, end) \
                    and countries is not None and not countries.knows_no_place(text):
                label = "GPE"  # "the Erbil-based institute": a place the NER took for a name of a body
            if label == "FAC" and not ent.kb_id_ and (any(
                    w in _BODY_WORDS or w in organisation_words() for w in re.findall(r"[a-z]+", text.lower()))
                    or _members_of(ent.root)):
                label = "ORG"  # "the Sudan People's Liberation Movement-North", "activists of the Bajrang Dal": a
                # body's name, not a building's
            if label in _NAMED_RETYPE and not ent.kb_id_ and len(text.split()) >= 2 and _is_named(doc_text, start):
                label = "PERSON"  # "A man named Abdul Razak Ali Artan"
            if label == "PERSON" and not ent.kb_id_ and _AFTER_PLACE_NOUN.search(doc_text, max(0, start - 16), start):
                label = "GPE"  # "Tirah Valley's village Koki Khel": a place the NER took for a person
            label, settled = (label, False) if ent.kb_id_ else place_by_context(ent, label, text, doc_text, end,
                                                                                         countries)
            if label in ("GPE", "LOC") and not ent.kb_id_ and not settled and _ACRONYM_FORM.fullmatch(text) \
                    and countries is not None and countries.knows_no_place(text):
                label = "ORG"  # "The M23 controls Rutshuru": an acronym no place goes by is an organisation's
            root = (ent[1:] if len(ent) > 1 and ent[0].dep_ == "det" else ent).root  # not "the" of "the X group"
            if label in ("PERSON", "GPE", "LOC", "FAC") and not ent.kb_id_ \
                    and root.dep_ in ("compound", "nmod", "amod") \
                    and root.head.lemma_.lower() in _MEMBER_NOUNS and root.head.i == ent.end \
                    and (label == "PERSON" or not settled and countries is not None and countries.knows_no_place(text)):
                # "Lashkar-e-Islam fighters", "a Ma'awisley commander", "the Dawlah Islamiyah-Maute group" (tagged
                # FAC): a name that has fighters is an organisation's (a place's or facility's name only where the
                # place index knows no place of that name)
                label = "ORG"
            if label == "PERSON" and not ent.kb_id_ and (owned_unit(ent.root) or _members_of(ent.root, armed=True)):
                label = "ORG"  # "its Az-Zallaqa propaganda outlet": a group's unit or outlet, not a person; "a
                # local commander of Ansarul Islam": what has commanders and members is a body
            if label == "ORG" and ent.root.dep_ in {"dobj", "dative"} and ent.root.head.lemma_ == "tell":
                label = "PUBLICATION"  # "told ThePrint": the outlet spoken to
            if label == "ORG" and not ent.kb_id_ and demonyms and text in demonyms:
                label = "NORP"  # "suspected Ugandan rebels": a nationality, not an organisation
            if label == "ORG" and len(ent) == 1 and ent.root.dep_ in ("compound", "amod", "nmod") \
                    and demonym_like(ent.root):
                label = "NORP"  # "Kashmiri militants": where they are from, not an organisation
            if label == "ORG" and not ent.kb_id_ and any(
                    c.dep_ == "appos" and c.lemma_.lower() in _PERSON_ROLES for c in ent.root.children):
                label = "PERSON"  # "B. Raman, a founder of India's Research and Analysis Wing": a person's role
            if label == "ORG" and not ent.kb_id_ and not ent.id_ and listed_with_people(ent, organisation_heads()):
                label = "PERSON"  # "Hugh Doherty, Joseph O'Connell and Harry Duggan", one of them tagged ORG
            # (not a person the sentence gives a role: "X, commander of the 4th Brigade, the army unit that ...")
            defined = None if ent.kb_id_ or label == "PERSON" and any(
                c.dep_ == "appos" and c.lemma_.lower() in _PERSON_ROLES for c in ent.root.children) else defined_as(ent)
            if defined is not None:
                label = defined  # "Abu Sayyaf is a jihadist militant group": an organisation, whatever the NER said
            settled = settled or defined is not None
            # token range of the trimmed text inside the sentence doc
            t0 = next((t.i for t in ent if ps.start + t.idx - base >= start), ent.start)
            t1 = max((t.i + 1 for t in ent if ps.start + t.idx - base < end), default=ent.end)
            # (a name found by its form is an organisation's: "Sipah-e-Sahaba workers" are its members, and so is
            # an organisation's short form: "JMB activists", "PTI workers")
            noun = people_noun(ent, people) if people and (label in PEOPLE_OF or not ent.kb_id_ and not ent.id_
                                                           and (label == "PERSON" or label == "ORG"
                                                                and not looks_like_acronym(ent.text))) else None
            if noun is not None:  # "two Protestant civilians", "Amarnath pilgrims": the group as the people it was
                end, t1 = ps.start + noun.idx - base + len(noun.text), noun.i + 1
                text = doc_text[start:end]
                label = "GROUP_IDENTITY"
            elif not ent.kb_id_ and label in ("PERSON", "ORG") and ent.end < len(ent.doc) \
                    and ent.doc[ent.end].lower_ in _LEADER_GROUP_NOUNS and ent.doc[ent.end].dep_ != "compound" \
                    and not any(t.lower_ in organisation_words() or t.lower_ in organisation_heads() for t in ent):
                # "the Hafiz Gul Bahadur group": an organisation named after its leader, not the man (a name with
                # a word for a body, "the Ansar Al Furqan group", is the organisation's own)
                after = ent.doc[ent.end]
                end, t1 = ps.start + after.idx - base + len(after.text), after.i + 1
                text, label = doc_text[start:end], "ORG"
            elif not ent.kb_id_ and label in ("PERSON", "ORG") and len(ent) > 1 and ent[-1].is_title \
                    and ent[-1].lower_ in _landforms() and ent.root.i == ent[-1].i:
                label, settled = "LOC", True  # "the Sambisa Forest", "the Hamrin Mountains": a landform's name
            elif not ent.kb_id_ and label in ("PERSON", "ORG", "GPE", "LOC") and ent.end < len(ent.doc) \
                    and ent.doc[ent.end].is_lower and ent.doc[ent.end].lower_ in _landforms():
                # "camps in the Boni forest", "the Cal Miskaad mountains": the landform of that name, not a
                # person, nor the town the name alone may be
                after = ent.doc[ent.end]
                end, t1 = ps.start + after.idx - base + len(after.text), after.i + 1
                text, label, settled = doc_text[start:end], "LOC", True
            kb = "" if noun is not None else ent.kb_id_  # "Hazara miners" is a group of its own, not the people
            mentions.append(Mention(start, end, text, label, kb, si, (t0, t1), defined=settled))
    for m in [*extra, *_missed_landforms(parsed, doc_text, mentions), *_titled_names(parsed, doc_text, mentions),
              *_towns_before_posts(parsed, doc_text, mentions, countries),
              *_groups_before_fighters(parsed, doc_text, mentions, countries, demonyms)]:
        if m.kb_id and _common_phrase(doc_text, m.start, m.text):
            continue
        if not any(x.start < m.end and m.start < x.end for x in mentions):
            mentions.append(m)
    if described:
        repeated = _repeated_names(parsed, doc_text, [*mentions, *described], countries)
        mentions += repeated
        # a listed group's name inside a description makes it that group's ("the TTP's militants"), and so does
        # an organisation's name the document gives elsewhere ("Suspected Lakurawa terrorists ... struck Lakurawa
        # hideouts"); a listed people or place only says where the fighters are from ("Baloch insurgents")
        named = [m for m in mentions if m.kb_id and m.label not in _ORIGIN
                 or m.label == "ARMED_GROUP" and m.defined] + repeated  # (and a name before its fighters)
        described = [d for d in described if not any(n.start < d.end and d.start < n.end for n in named)]
        # the NER's unnamed organisation inside a description gives way to it, and so does the demonym or
        # place that says whose forces they are ("Indian" in "Indian troops", "US" in "a US drone strike")
        mentions = [m for m in mentions if m.kb_id or m.label not in _UNNAMED_ORG | PLACE_LABELS
                    or not any(d.start <= m.start and m.end <= d.end for d in described)]
        mentions += described
    mentions += _publications(doc_text, parsed, publication_nouns)
    mentions.sort(key=lambda m: (m.start, -m.end))
    # a publication title wins over whatever the NER called it
    pubs = [m for m in mentions if m.label == "PUBLICATION"]
    mentions = [m for m in mentions if m.label == "PUBLICATION"
                or not any(p.start <= m.start and m.end <= p.end for p in pubs)]
    return mentions, dropped


def dateline_places(mentions: Sequence[Mention], dateline: Dateline | None) -> list[Mention]:
    """A name in the dateline ("ZAMBOANGA CITY --", "AL-MUKALLA:") is where the story was filed, a place,
    never an actor, whatever the NER or the gazetteer made of its capitals."""
    if dateline is None:
        return list(mentions)
    return [replace(m, label="GPE", kb_id="", desc="") if m.start in dateline.span and m.label != "GPE" else m
            for m in mentions]


_UNNAMED_ORG = {"ORG", "NORP", "FAC", "PERSON"}
PLACE_LABELS = {"GPE", "LOC", "PLACE"}
_ORIGIN = PLACE_LABELS | {"NORP", "GROUP_IDENTITY"}


def _descriptive_mentions(parsed: Sequence[ParsedSentence], descriptions: Mapping[str, Description]
                          ) -> list[Mention]:
    out = []
    for si, ps in enumerate(parsed):
        doc = ps.sent.doc if hasattr(ps.sent, "doc") else ps.sent
        if SPANS_KEY not in doc.spans:
            continue
        lo, hi = ps.sent[0].i if len(ps.sent) else 0, ps.sent[-1].i + 1 if len(ps.sent) else 0
        base = ps.sent[0].idx if len(ps.sent) else 0
        for span in doc.spans[SPANS_KEY]:
            d = descriptions.get(span.label_)
            if d is None or span.start < lo or span.end > hi:
                continue
            start = ps.start + span.start_char - base
            out.append(Mention(start, start + len(span.text), span.text, d.type.upper(), "", si,
                               (span.start, span.end), d.key, span.kb_id_, span.id_ == "in_name"))
    return out


def _names_before(parsed: Sequence[ParsedSentence], nouns: frozenset[str], modifies: Callable[[Token], bool],
                  sentence_ok: Callable[[ParsedSentence], bool] = lambda _ps: True, most: int | None = None,
                  ) -> Iterator[tuple[int, ParsedSentence, Token, list[Token]]]:
    """Each lower-case noun of `nouns` with the proper nouns right before it that modify it (`modifies`, at most
    `most` of them): (sentence index, sentence, noun, names), for the names the NER did not see before such a
    noun ("the Hamrin mountains", "the Marka garrison")."""
    for si, ps in enumerate(parsed):
        if not sentence_ok(ps):
            continue
        for t in ps.sent:
            if not t.is_lower or t.lower_ not in nouns or t.pos_ != "NOUN":
                continue
            names: list[Token] = []
            j = t.i - 1
            while j >= ps.sent[0].i and (most is None or len(names) < most) and _proper(ps.sent.doc[j]) \
                    and ps.sent.doc[j].head.i == t.i and modifies(ps.sent.doc[j]):
                names.insert(0, ps.sent.doc[j])
                j -= 1
            if names:
                yield si, ps, t, names


def _missed_landforms(parsed: Sequence[ParsedSentence], doc_text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """Landforms whose name the NER did not see: proper nouns right before a lower-case landform word that
    they modify ("in the rugged Hamrin mountains", "hideouts in the vast Badia desert"), the word kept in the
    name as for the names it did see."""
    out: list[Mention] = []
    words = _landform_words()
    for si, ps, t, names in _names_before(parsed, _landforms(), lambda n: n.dep_ in ("compound", "nmod", "amod"),
                                          lambda ps: bool(words.search(doc_text, ps.start, ps.end))):
        base = ps.sent[0].idx if len(ps.sent) else 0
        start = ps.start + names[0].idx - base
        end = ps.start + t.idx - base + len(t.text)
        if any(m.start < end and start < m.end for m in mentions):
            continue
        out.append(Mention(start, end, doc_text[start:end], "LOC", "", si, (names[0].i, t.i + 1), defined=True))
    return out


def _proper(t: Token) -> bool:
    """A proper noun, or a capitalised word the tagger took for an adjective but parsed as a compound
    ("Mobondo militiamen")."""
    return t.pos_ == "PROPN" or t.pos_ == "ADJ" and t.dep_ == "compound" and t.is_title


def _unseen_compound(t: Token) -> bool:
    """A capitalised compound word the NER gave no label."""
    return t.dep_ == "compound" and not t.ent_type_ and t.is_title


def _towns_before_posts(parsed: Sequence[ParsedSentence], doc_text: str, mentions: Sequence[Mention],
                        countries: Countries | None) -> list[Mention]:
    """Towns whose name the NER did not see before the post or site they modify ("overran the Marka garrison"):
    one or two proper nouns with no entity label, compound to a lower-case post word, that the place index knows
    as a town or division (not a country or people: "the Pakistani checkpoint" names no place)."""
    if countries is None:
        return []
    out: list[Mention] = []
    for si, ps, _t, names in _names_before(parsed, post_words(), _unseen_compound, most=2):
        base = ps.sent[0].idx if len(ps.sent) else 0
        start = ps.start + names[0].idx - base
        end = ps.start + names[-1].idx - base + len(names[-1].text)
        text = doc_text[start:end]
        if not countries.names_a_town(text) or any(m.start < end and start < m.end for m in mentions):
            continue
        out.append(Mention(start, end, text, "GPE", "", si, (names[0].i, names[-1].i + 1), defined=True))
    return out


def _groups_before_fighters(parsed: Sequence[ParsedSentence], doc_text: str, mentions: Sequence[Mention],
                            countries: Countries | None, demonyms: Collection[str]) -> list[Mention]:
    """Armed groups whose name the NER did not see before their fighters ("Fano fighters ambushed a convoy",
    "Mobondo militiamen"): one or two proper nouns with no entity label, compound to a lower-case word for armed
    men, that name no country, people or place the index knows ("Baloch insurgents" say where they are from)."""
    if countries is None:
        return []
    out: list[Mention] = []
    for si, ps, t, names in _names_before(parsed, _ARMED_MEN, _unseen_compound, most=2):
        base = ps.sent[0].idx if len(ps.sent) else 0
        if _KNOWN_AS.match(doc_text, ps.start + t.idx - base + len(t.text)):
            continue  # "Azande militiamen known as the Arrow Boys": whose men they are, the name comes after
        before = ps.sent.doc[names[0].i - 1] if names[0].i > ps.sent[0].i else None
        if any(n.like_num for n in names) or before is not None and before.is_title and before.dep_ == "compound":
            continue  # "Eleven cadres", "Popular Mobilization fighters": a number, or part of a longer name
        start = ps.start + names[0].idx - base
        end = ps.start + names[-1].idx - base + len(names[-1].text)
        text = doc_text[start:end]
        if text in demonyms or not countries.knows_no_place(text) or any(m.start < end and start < m.end
                                                                          for m in mentions):
            continue
        out.append(Mention(start, end, text, "ARMED_GROUP", "", si, (names[0].i, names[-1].i + 1), defined=True))
    return out


_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "ul", "ud", "de", "da", "van", "von"})


def _name_word(t: Token) -> bool:
    """A word of a person's name: a capitalised proper noun, or a particle inside one ("al-Tayeb", "bin")."""
    return t.pos_ == "PROPN" and (t.is_title or t.lower_.split("-")[0] in _NAME_PARTICLES) \
        or t.lower_ in _NAME_PARTICLES and t.i + 1 < len(t.doc) and t.nbor(1).is_title


def _titled_names(parsed: Sequence[ParsedSentence], doc_text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """People's names the NER did not see, after a rank or title ("ASP Nura Garba Lawal", "Colonel Gaspard
    Ndikumana"): one to four name words right after the last title of a run, none of them a word of a body's
    name, the name not part of a longer one."""
    out: list[Mention] = []
    for si, ps in enumerate(parsed):
        base = ps.sent[0].idx if len(ps.sent) else 0
        sent, end_i = ps.sent, ps.sent[-1].i + 1 if len(ps.sent) else 0
        k = sent[0].i if len(sent) else 0
        while k < end_i:
            t = sent.doc[k]
            i = title_run_end(sent.doc, k, end_i) if t.is_title or t.is_upper else k
            k = max(i, k + 1)
            if i == t.i or i >= end_i:
                continue  # no rank or title starts here ("Brig. Gen. X", "Air Commodore X", "ASP X" do)
            j = i
            while j < end_i and j - i < 5 and _name_word(sent.doc[j]):
                j += 1
            if j == i or j - i > 4 or j < end_i and sent.doc[j].is_title and sent.doc[j].pos_ == "PROPN":
                continue
            words = sent.doc[i:j]
            if any(w.lower_ in organisation_heads() or w.lower_ in organisation_words() for w in words):
                continue  # "General Command", "Police Command": a body's name
            start = ps.start + words[0].idx - base
            end = ps.start + words[-1].idx - base + len(words[-1].text)
            if any(m.start < end and start < m.end for m in mentions):
                continue
            out.append(Mention(start, end, doc_text[start:end], "PERSON", "", si, (i, j)))
    return out


def _repeated_names(parsed: Sequence[ParsedSentence], doc_text: str, mentions: Sequence[Mention],
                    countries: Countries | None) -> list[Mention]:
    """An organisation's name the NER saw, written again inside a description of attackers where it saw nothing:
    one name is one sense in a report ("Suspected Lakurawa terrorists have killed ... struck Lakurawa hideouts":
    the terrorists are Lakurawa's, as "the TTP's militants" are the TTP's). Only a name the NER never gave another
    label and no place goes by (the NER's "Lamitan siege" is the town's), as proper nouns, at word bounds,
    outside every other name."""
    labels: dict[str, set[str]] = {}
    for m in mentions:
        if not m.desc:
            labels.setdefault(m.text, set()).add(m.label)
    names = {m.text for m in mentions if m.label == "ORG" and not m.kb_id and not m.desc and m.sent >= 0
             and len(m.text) >= 3 and m.text[:1].isupper() and labels[m.text] == {"ORG"}
             and (countries is None or countries.knows_no_place(m.text))}
    if not names:
        return []
    taken = [(m.start, m.end) for m in mentions if not m.desc]
    described = [(m.start, m.end) for m in mentions if m.desc]
    out: list[Mention] = []
    for text in sorted(names):
        for hit in re.finditer(rf"(?<![\w-]){re.escape(text)}(?![\w-])", doc_text):
            start, end = hit.span()
            if any(a < end and start < b for a, b in taken) or not any(a <= start and end <= b for a, b in described):
                continue
            si = next((i for i, ps in enumerate(parsed) if ps.start <= start and end <= ps.end), None)
            if si is None:
                continue
            ps = parsed[si]
            base = ps.sent[0].idx if len(ps.sent) else 0
            toks = [t for t in ps.sent if start <= ps.start + t.idx - base < end]
            if not toks or any(t.pos_ != "PROPN" for t in toks if t.is_alpha):
                continue
            out.append(Mention(start, end, text, "ORG", "", si, (toks[0].i, toks[-1].i + 1)))
            taken.append((start, end))
    return out


def _common_phrase(doc_text: str, start: int, text: str) -> bool:
    """ "to establish an Islamic state": a gazetteer name in lower case after "a"/"an" is a common noun
    phrase, not the group."""
    return bool(_INDEFINITE.search(doc_text, max(0, start - 4), start)) and any(
        w[:1].islower() for w in text.split()[1:])


#: the words before a person's other name ("alias", "also known as"), with an opening quote
_ALIAS_BEFORE = re.compile(r"\b(?:alias|a\.k\.a\.?|aka|also known as|nicknamed)\s*[\"“‘']\s*$", re.I)


def _is_named(doc_text: str, start: int) -> bool:
    """Whether a name is introduced by "named" / "identified as" and the named thing is not a place."""
    m = _NAMING.search(doc_text, max(0, start - 40), start)
    return m is not None and (m.group(1) or "").lower() not in _PLACE_NOUNS


def _publications(doc_text: str, parsed: Sequence[ParsedSentence], nouns: Iterable[str]) -> list[Mention]:
    """Quoted titles right after a publication noun: "its propaganda magazine, ‘Yalgaar’"."""
    words = sorted({re.escape(n) for n in nouns}, key=len, reverse=True)
    if not words:
        return []
    pattern = re.compile(rf"\b(?:{'|'.join(words)})\s*,?\s*[‘“'\"]\s*([A-Z][^’”'\"\n]{{0,60}}?)\s*[’”'\"]")
    out = []
    for m in pattern.finditer(doc_text):
        start, end = m.start(1), m.end(1)
        si, tok = -1, (-1, -1)
        for i, ps in enumerate(parsed):
            if ps.start <= start and end <= ps.end:
                base = ps.sent[0].idx if len(ps.sent) else 0
                toks = [t.i for t in ps.sent if start <= ps.start + t.idx - base < end]
                if toks:
                    si, tok = i, (toks[0], toks[-1] + 1)
                break
        out.append(Mention(start, end, m.group(1), "PUBLICATION", "", si, tok))
    return out
