"""What the words around a place name say about it, for choosing an incident's place (`event_place`): a name
that says where the event is not ("the German consulate", "the border with Somalia"), where something came
from or went to ("aid workers from France", "born in Paris"), whose forces ("Yemen's Houthis"), a capital
("Syria's capital"), or a language ("(Spanish abbr: ELN)"). Each test reads one NER span's parse.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

import yaml
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..ontology import lexicon_words
from ..records import Place
from ..resolve.names import fold
from .name_context import division_words

# A country's facility abroad or a frontier: "the German consulate in Mazar", "near the border with Somalia".
_FOREIGN_HEADS = {"embassy", "consulate", "mission", "ambassador", "border", "frontier", "envoy"}


# A vessel's flag or owner is no place of what happened to it: "an American ship", "a Liberian-flagged tanker".
_VESSELS = {"ship", "ships", "vessel", "vessels", "tanker", "tankers", "carrier", "carriers", "freighter",
            "freighters", "warship", "warships", "destroyer", "frigate", "boat", "boats", "cargo", "aircraft",
            "airliner", "jet", "drone"}
# "Greece-owned", "US-backed", "Liberian-flagged": the name qualifies something, it is not where anything is.
_HYPHEN_QUALIFIER = re.compile(r"[-–](?:owned|flagged|registered|operated|based|backed|linked|funded|made|bound|"
                               r"led|run|allied|affiliated|supported|sponsored|trained|armed|style|era|born)\b")


def foreign(ent: SpacySpan) -> bool:
    """A name that says where the event is not: a demonym or country before "embassy"/"consulate"/
    "base" or before a vessel, after "border with", hyphened to a qualifier ("Greece-owned"), or where a group
    is based ("a militant outfit based in North Waziristan claimed the attack")."""
    head = ent.root.head
    if ent.root.dep_ == "pobj" and head.lower_ in ("in", "at") and head.head.dep_ == "acl" \
            and head.head.lemma_.lower() in _BASED:
        return True
    if head.lemma_.lower() in _FOREIGN_HEADS and head.i != ent.root.i:
        return True
    if head.lower_ in _VESSELS and head.i != ent.root.i and ent.end <= head.i:
        return True
    if hyphen_qualified(ent) or _dash_pair(ent):
        return True
    # "the border with Somalia", "the embassy of Germany"; not "the German embassy in Kabul", which is where
    return head.dep_ == "prep" and head.lower_ not in ("in", "at", "near", "inside") \
        and head.head.lemma_.lower() in _FOREIGN_HEADS


def hyphen_qualified(ent: SpacySpan) -> bool:
    """A name hyphened to a qualifier ("the Maputo-based institute", "Greece-owned"): it qualifies something,
    whatever the NER called it."""
    # the few tokens after the name, not `doc.text`, which spaCy joins anew on every call
    return not ent[-1].whitespace_ and bool(_HYPHEN_QUALIFIER.match(ent.doc[ent.end : ent.end + 3].text))


#: participles that say where a body has its base
_BASED = frozenset({"base", "based", "headquarter", "headquartered"})

# Nouns after two names joined by a dash that make the pair a relation between the two, no place of either:
# "the Kenya-Somalia border", "the China–Pakistan Economic Corridor", "the Iran-Iraq war".
_RELATION_NOUNS = {"border", "borders", "frontier", "boundary", "corridor", "war", "talks", "relations", "ties",
                   "deal", "agreement", "treaty", "conflict", "summit", "dialogue", "pipeline", "accord", "rivalry"}
_DASHES = {"-", "–", "—"}


def _dash_pair(ent: SpacySpan) -> bool:
    """A name joined by a dash to another before a relation noun ("Kenya" or "Somalia" of "the Kenya-Somalia
    border")."""
    doc = ent.doc
    after = doc[ent.end : ent.end + 2]
    before = doc[max(ent.start - 2, 0) : ent.start]
    joined = len(after) == 2 and after[0].text in _DASHES and after[1].is_title \
        or len(before) == 2 and before[1].text in _DASHES and before[0].is_title
    return joined and any(t.lower_ in _RELATION_NOUNS for t in doc[ent.end : ent.end + 5])


# Verbs of going somewhere: a name after "to" under one is where something went, not where it happened.
_MOTION = {"head", "go", "travel", "fly", "sail", "drive", "return", "move", "bind", "bound", "depart", "leave",
           "ship", "send", "deport", "transfer", "flee", "escape", "migrate", "bring", "carry", "transport",
           "divert", "redirect", "route", "emigrate", "relocate", "smuggle", "extradite", "repatriate",
           # the wounded taken away: "airlifted to Nagpur", "rushed to Peshawar", "shifted to a hospital in X"
           "airlift", "evacuate", "rush", "shift", "refer"}
_TOWARD = {"to", "towards", "toward", "for"}
# Verbs of taking people or goods: their "from" is where the act was done.
_TAKING = {"abduct", "kidnap", "snatch", "steal", "loot", "rob", "drag", "grab", "arrest", "detain", "apprehend",
           "nab", "capture", "rescue", "recover", "seize"}
# Verbs of someone's life: "born in X", "lived in X", "grew up in X" say where a person is from.
_BIOGRAPHY = {"bear", "born", "live", "grow", "raise", "reside", "study", "educate", "settle", "radicalise",
              "radicalize"}


def taken_from(tok: Token) -> bool:
    """Whether a name is where people or goods were taken from ("abducted a Levies official from Panjgur"):
    the place of the act, whatever the NER called the name."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "from" and tok.head.head.lemma_.lower() in _TAKING


def origin(ent: SpacySpan) -> bool:
    """Where something came from or went to, not where the event is: a name after "from" ("aid workers from
    France", "a jet that took off from Libya"), after "to" under a verb of going or beside a "from" ("a ferry
    heading from Belfast to Cairnryan, Scotland"), and a name in apposition to or listed with one ("Scotland")."""
    root = ent.root
    while root.dep_ in ("appos", "conj") and root.head.i != root.i and root.head.pos_ == "PROPN":
        root = root.head
    # the place of a place noun or of its owner: "from Yemen's southern port city of Aden", "from the Kurram
    # district of Pakistan" come from where the noun does
    for _ in range(4):
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ in ("NOUN", "PROPN"):
            root = root.head.head
        elif root.dep_ in ("poss", "compound") and root.head.i != root.i and root.head.pos_ in ("NOUN", "PROPN"):
            root = root.head
        elif root.dep_ in ("dobj", "pobj") and root.head.dep_ == "acl" and root.head.tag_ == "VBG" \
                and root.head.head.pos_ in ("NOUN", "PROPN"):
            root = root.head.head  # "escaped towards the mountains bordering South Waziristan"
        else:
            break
    head = root.head
    if root.dep_ != "pobj":
        return False
    if head.lower_ == "from":
        # "abducted two workers from Tamenglong district", "arrested two men from Tinsukia town": whom an act took
        # from a place, it took there (unless the act says after it where it was done: "kidnapped aid workers
        # from France in Niamey"; "In Marrupa district, fighters abducted a catechist from the village of Nungo"
        # names the area first)
        # ("abducted two officials from Shawar village in Matta tehsil": a division after it is where the village
        # lies, not another place of the act)
        verb = head.head
        return verb.lemma_.lower() not in _TAKING or any(
            c.dep_ == "prep" and c.lower_ in ("in", "at", "near", "inside", "outside") and c.i > head.i
            and not any(g.dep_ == "pobj" and g.lower_ in division_words() for g in c.children)
            for c in verb.children)
    if head.lower_ not in _TOWARD | {"in"} or head.dep_ != "prep":
        return False
    verb = head.head
    if head.lower_ == "in":  # "He was born in Paris and lived in Lyon": the attacker's life, not the attack
        return verb.lemma_.lower() in _BIOGRAPHY
    if head.lower_ == "to" and verb.pos_ == "NOUN":  # "a warning to China", "the road to Kabul": whom a message
        return True  # is for, where a way leads
    return verb.lemma_.lower() in _MOTION or any(c.lower_ == "from" and c.dep_ == "prep" for c in verb.children)


def _route_words() -> frozenset[str]:  # (data_words keeps the list)
    from ..resolve.place_index import data_words

    return data_words("route_words")


def teller_place(ent: SpacySpan) -> bool:
    """A place that says where one who tells the story is ("according to a security source in Niamey", "a
    military source in Jizan"): named, but no sign of where the event happened."""
    root = ent.root
    head = root.head
    return root.dep_ == "pobj" and head.lower_ == "in" and head.head.pos_ == "NOUN" \
        and head.head.lemma_.lower() in located_speakers()


def located_speakers() -> frozenset[str]:
    """Nouns for one who tells (ontology/lexicon.yaml `located_speakers`): a place after one of them and "in" is
    where the speaker is."""
    return lexicon_words("located_speakers")


# Nouns for people and forces: a country's possessive before one says whose they are, not where the event is.
_ACTOR_HEADS = {"force", "forces", "army", "military", "troops", "troop", "government", "rebel", "rebels", "militant",
                "militants", "police", "official", "officials", "minister", "president", "leader", "leaders",
                "group", "militia", "insurgents", "fighters", "soldiers", "authorities", "navy", "spokesman",
                "envoy", "ambassador", "intelligence", "agency", "embassy", "prime"}


def capital_of(ent: SpacySpan) -> bool:
    """A place in the possessive right before "capital": "Syria's capital", "Balochistan's capital"."""
    doc = ent.doc
    return ent.end + 1 < len(doc) and doc[ent.end].lower_ in ("'s", "’s") and doc[ent.end + 1].lower_ == "capital"


#: what only a government does, or has done to it, so that a place doing it (or the object of it) stands for its
#: government ("a charge New Delhi rejected", "Washington designated the group", "accused India of ...")
_STATE_VERBS = frozenset({"say", "reject", "deny", "condemn", "blame", "accuse", "designate", "announce", "warn",
                          "demand", "urge", "insist", "claim", "confirm", "respond", "sanction", "ban", "recognise",
                          "recognize", "dismiss"})
#: words after a hyphened place that make it an actor's home: "Pakistan-based", "Kabul-headquartered"
_HOME_WORDS = frozenset({"based", "headquartered"})


# ------------------------------------------------------------------- what a place name or nationality says

PLACE, DEMONYM, WEAK_DEMONYM, PERSON_DEMONYM, INNER = "place", "demonym", "weak_demonym", "person_demonym", "inner"
#: a demonym in a phrase set beside a place's name ("Kaya, a South Sudanese commercial centre"): it says the place's
#: country as "Kaya, South Sudan" does
APPOS_DEMONYM = "appos_demonym"
OWNER = "owner"  # a country in the possessive before a group or its people ("Yemen's Houthis")
CAPITAL = "capital"  # a demonym or country before "capital" ("the Afghan capital", "Syria's capital")

# A demonym before one of these names the event's country ("the Afghan capital"); before people
# ("Yemeni soldiers") it is only a weak hint, and before "border" none at all.
DEMONYM_HEADS = frozenset({"capital", "city", "town", "village", "province", "region", "district", "state",
                           "port", "coast", "countryside", "territory", "soil", "department", "county",
                           "governorate", "prefecture"})
# Head nouns that make a demonym a person's nationality, not the event's place.
_PERSON_HEADS = {"man", "woman", "men", "women", "teenager", "national", "nationals", "citizen", "citizens",
                 "refugee", "refugees", "tourist", "tourists", "student", "students", "worker", "workers",
                 "immigrant", "migrant", "seeker", "born", "origin", "descent", "youth", "boy", "girl",
                 "resident", "residents", "convert", "passport", "teen", "teenagers", "person",
                 "people", "nationality", "cyclist", "cyclists", "journalist", "journalists", "engineer",
                 "engineers", "couple", "family", "driver", "pilgrim", "pilgrims", "worshipper", "worshippers"}


def described(ent: SpacySpan) -> bool:
    """A place name with a phrase beside it that holds a nationality ("Kaya, a busy South Sudanese commercial
    centre"): the phrase says which country the place is in (`APPOS_DEMONYM`)."""
    return any(c.dep_ == "appos" and c.pos_ == "NOUN" and any(g.ent_type_ == "NORP" for g in c.children)
               for c in ent.root.children)


def demonym_kind(ent: SpacySpan) -> str:
    """What a nationality word says of the incident's place, by the noun it qualifies (the kinds above)."""
    head = ent.root.head
    lemma = head.lemma_.lower()
    if lemma == "capital" and ent.end < len(ent.doc) and ent.doc[ent.end].i == head.i:
        return CAPITAL
    if head.dep_ == "appos" and head.pos_ == "NOUN" and head.head.ent_type_ in ("GPE", "LOC", "FAC") \
            and lemma not in _PERSON_HEADS:
        return APPOS_DEMONYM
    if lemma in DEMONYM_HEADS:
        return DEMONYM
    if lemma in _PERSON_HEADS or head.lower_ in _PERSON_HEADS or ent.root.lower_ in _PERSON_HEADS \
            or head.ent_type_ == "PERSON":
        return PERSON_DEMONYM
    if ent.root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos") and ent.root.tag_ in ("NNPS", "NNS"):
        return PERSON_DEMONYM  # "injured 2 Americans": people, not a place
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if nxt is not None and (nxt.lower_ in _PERSON_HEADS or nxt.lemma_.lower() in _PERSON_HEADS):
        return PERSON_DEMONYM  # "a 27 year old Syrian refugee": the parser may hang it elsewhere
    return WEAK_DEMONYM


def branch_country(ent: SpacySpan) -> bool:
    """A country between a group's name and a noun for its part there ("Daesh Afghanistan chapter"): part of
    the branch's name, not where anything happened."""
    doc = ent.doc
    return ent.end < len(doc) and doc[ent.end].lower_ in _branch_nouns() and ent.start > 0 \
        and (doc[ent.start - 1].ent_type_ in ("ORG", "NORP") or bool(doc[ent.start - 1].ent_kb_id_))


@cache
def _branch_nouns() -> frozenset[str]:
    """The one-word nouns for a group's branch (ontology/lexicon.yaml `predicate_triggers.branch_of.appos`)."""
    from ..ontology import load_ontology

    words = (load_ontology().lexicon.get("predicate_triggers") or {}).get("branch_of", {}).get("appos") or ()
    return frozenset(str(w).lower() for w in words if " " not in str(w))


def owner_of_actor(ent: SpacySpan) -> bool:
    """A country in the possessive before a group or its people ("Yemen's Houthis", "Pakistan's army"), or one
    named as the agent of a passive ("Hezbollah, which is backed by Iran, fired …"), a group's home ("the
    Pakistan-based Lashkar-e-Taiba"), or a government speaking ("a charge New Delhi rejected"): whose or who, not
    where."""
    doc = ent.doc
    root = ent.root
    if root.dep_ == "pobj" and root.head.dep_ == "agent":
        return True
    if ent.end + 1 < len(doc) and doc[ent.end].text in ("-", "–") and doc[ent.end + 1].lower_ in _HOME_WORDS:
        return True
    if root.dep_ in ("nsubj", "dobj") and root.head.lemma_.lower() in _STATE_VERBS:
        # "a charge New Delhi rejected", "Washington designated the BLA": a government speaking; "accused India of
        # sponsoring the group": a government accused, not where it happened
        return True
    last = ent[-1]  # "The United States": the article, not the name, may be the span's root
    if last.dep_ == "compound" and last.head.i >= ent.end and last.head.lower_ in _body_words() \
            and all(t.is_title for t in doc[ent.end : last.head.i + 1]):
        return True  # "The United States Africa Command said ...": the start of a body's name
    if ent.end >= len(doc) or doc[ent.end].lower_ not in ("'s", "’s"):
        return False
    head = ent.root.head
    if head.i == ent.root.i or head.i < ent.end:
        return False
    return head.ent_type_ in ("NORP", "ORG", "PERSON") or bool(head.ent_kb_id_) or head.lower_ in _ACTOR_HEADS \
        or head.lemma_.lower() in _ACTOR_HEADS  # a gazetteer actor ("Houthis") has a knowledge-base id


# Words of a state force's name after its demonym ("the Indian Army", "Afghan National Police"): whose forces.
STATE_FORCES = {"army", "police", "navy", "air", "forces", "guard", "guards", "corps", "rangers", "gendarmerie",
                "military", "constabulary"}


# Words after a demonym that make it a language ("(Spanish abbr: ELN)", "Arabic for 'the base'").
_LANGUAGE_NEXT = {"abbr", "abbr.", "abbreviation", "acronym", "for", "name", "word", "term", "translation",
                  "language", "speaking", "speakers", "speaker", "-speaking", "media", "version", "original", ":"}


def language(ent: SpacySpan) -> bool:
    """A demonym that names a language, not a country: "(Spanish abbr: ELN)", "Arabic for 'the base'",
    "known in Spanish as ...", "Urdu-language"."""
    doc = ent.doc
    nxt = doc[ent.end] if ent.end < len(doc) else None
    prev = doc[ent.start - 1] if ent.start > 0 else None
    if nxt is not None and nxt.lower_ in _LANGUAGE_NEXT:
        return True
    if prev is not None and prev.text == "(":
        return True
    return prev is not None and prev.lower_ == "in" and (nxt is None or nxt.is_punct or nxt.lower_ in ("as", "and"))


@cache
def _group_homes() -> dict[str, str]:
    data = yaml.safe_load(Path(__file__).with_name("group_homes.yaml").read_text("utf-8")) or {}
    return {fold(str(n)): str(h["country"]) for h in data.get("homes") or () for n in h.get("names") or ()}


def group_home(names: Iterable[str]) -> str | None:
    """The one country an armed group's attacks happen in (`group_homes.yaml`), by any of its names."""
    homes = _group_homes()
    return next((homes[k] for n in names if (k := fold(n)) in homes), None)


def named_of(name: str) -> str | None:
    """The place a named thing is "of" ("the Hippodrome of Constantinople" → "Constantinople", "the Old City of
    Damascus" → "Damascus"): the capitalised words after its last "of", when the words before it are a name too;
    else None ("Mausoleum of Sayid Mohammed" gives a person's name, which the resolver turns down)."""
    head, sep, tail = name.rpartition(" of ")
    words = [w for w in head.split() if w.lower() != "the"]
    rest = tail.split()
    if not sep or not words or not rest or not all(w[:1].isupper() for w in [*words, *rest]):
        return None
    return tail


_LINKERS = {"i", "e", "ul", "al", "el", "de", "du", "da", "di"}


def extended(ent: SpacySpan) -> str:
    """A place name the NER cut at a lower-case linker: "Mazar" + "i Sharif", "Mazar" + "-i-Sharif"."""
    doc, end = ent.doc, ent.end
    if end + 3 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in _LINKERS and doc[end + 2].text == "-" \
            and doc[end + 3].is_title and not any(t.whitespace_ for t in doc[end - 1 : end + 3]):
        return doc[ent.start : end + 4].text
    if end + 1 < len(doc) and doc[end].lower_ in _LINKERS and doc[end + 1].is_title:
        stop = end + 2
        while stop < len(doc) and doc[stop].is_title and doc[stop].pos_ == "PROPN":
            stop += 1
        return doc[ent.start : stop].text
    return ent.text


COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central"}


def by_direction(lookup: Callable[[str, str], Place | None], direction: str, country: Place | None) -> Place | None:
    """A country's first-level division named by the compass word before it ("southern Israel" → Southern
    District, "eastern Saudi Arabia" → Eastern Province); None where it has no such division. `lookup`: (name,
    the place it lies in) → Place."""
    if country is None or country.precision != "country" or not country.country:
        return None
    for kind in ("province", "region", "district"):
        found = lookup(f"{direction} {kind}", country.country)
        if found is not None and found.precision == "province" and found.country == country.country:
            return found
    return None


def run_on(ent: SpacySpan, stop: Callable[[str], bool]) -> str | None:
    """A one-word place name the NER cut before more capitalised names it left untagged ("Dera" of "Dera
    Murad Jamali"): the whole run, to try before the cut name; `stop`: words that end it ("Hospital")."""
    doc, end = ent.doc, ent.end  # untagged, or a person's name the NER cut the place into ("Dera" "Ismail Khan")
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title \
            and (doc[end].ent_iob_ == "O" or doc[end].ent_type_ == "PERSON") and not stop(doc[end].text):
        end += 1
    return doc[ent.start : end].text if len(ent) == 1 and end > ent.end else None


@cache
def _body_words() -> frozenset[str]:
    from ..nlp.unlisted_names import organisation_heads

    return organisation_heads()


def describing_a_group(sent: Doc | SpacySpan, is_group: Callable[[Token], bool]) -> list[Token]:
    """The words of an apposition or a present relative clause that describes a listed group ("JNIM, al Qaeda's
    affiliate in the Sahel, claimed the ambush"; "Ansarul Islam fighters, who have camps in the forest"): where the
    group is, not where the act was. A place's apposition ("Kurmari, a village in Mafa") and a place word's ("the
    Champs-Elysees area of Paris") still place it."""
    from ..resolve.places import kind_words

    out: list[Token] = []
    for tok in sent:
        if tok.dep_ == "appos" and tok.pos_ == "NOUN" and is_group(tok.head) and not is_group(tok) \
                and tok.lemma_.lower() not in kind_words():
            out.extend(tok.subtree)
        elif tok.dep_ == "relcl" and (is_group(tok.head) or any(c.dep_ == "compound" and is_group(c)
                                                                 for c in tok.head.children)) \
                and (tok.tag_ in ("VBZ", "VBP") or any(c.dep_ == "aux" and c.lower_ in ("has", "have")
                                                        for c in tok.children)):
            # "officials suspect Ansarul Islam fighters, who have set up camps inside the forest": what the group
            # does or has done all along (present, present perfect), not the act just told
            out.extend(tok.subtree)
    return out


def describing_a_person(sent: Doc | SpacySpan) -> list[Token]:
    """The words of a present relative clause on a person ("Ibrahim Ag Mossa, a local commander who has operated around
    Téra"; `described_person_nouns` in lexicon.yaml): where the person is or acts, not where the act was."""
    nouns = lexicon_words("described_person_nouns")
    out: list[Token] = []
    for tok in sent:
        if tok.dep_ == "relcl" and (tok.head.ent_type_ == "PERSON" or tok.head.lemma_.lower() in nouns) \
                and (tok.tag_ in ("VBZ", "VBP") or any(c.dep_ == "aux" and c.lower_ in ("has", "have")
                                                        for c in tok.children)):
            # not a clause inside it, which may tell an act ("a commander who heads the unit that carried out a
            # mortar shelling in Dhusamareb")
            inner = {w.i for c in tok.subtree if c.i != tok.i and c.dep_ in ("relcl", "acl", "ccomp", "advcl")
                     for w in c.subtree}
            out.extend(t for t in tok.subtree if t.i not in inner)
    return out


_FROM, _TO = re.compile(r"\bfrom\b"), re.compile(r"\bto\b")


def route_ends(sent: Doc | SpacySpan) -> list[Token]:
    """The two ends of a route ("escorting fuel trucks from Sevare to Gao", "the road from Kabul to Jalalabad", "the
    Gwadar-Hoshab section of the motorway", "the Kabul-Kandahar highway": places.yaml `route_words`): where it ran
    between, not where the act was."""
    out: list[Token] = []
    low = sent.text.lower()
    if _FROM.search(low) and _TO.search(low):
        for tok in sent:
            preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "to")]
            if {p.lower_ for p in preps} == {"from", "to"}:
                out.extend(t for p in preps for t in p.subtree)
    if "-" not in low and "–" not in low:
        return out
    tokens = list(sent)
    for k, tok in enumerate(tokens):
        if tok.text in ("-", "–") and 0 < k < len(tokens) - 1 and tokens[k - 1].pos_ == tokens[k + 1].pos_ == "PROPN":
            first, last = k - 1, k + 1
            while first > 0 and tokens[first - 1].pos_ == "PROPN":
                first -= 1
            while last + 1 < len(tokens) and tokens[last + 1].pos_ == "PROPN":
                last += 1
            if last + 1 < len(tokens) and tokens[last + 1].lower_ in _route_words():
                out.extend(t for t in tokens[first : last + 1] if t.pos_ == "PROPN")
    return out
