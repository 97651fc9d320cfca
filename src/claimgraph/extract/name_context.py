"""What the words around a name say it is, whatever the NER labelled it.

    place_by_context(ent, label, text, doc_text, end, countries) -> (label, settled)  "Basilan islands", "in Sulu"
    joined_places(ents, countries) -> [Span]   "Dera" + "Ismail Khan" → the town "Dera Ismail Khan"
    role_named_persons(ents, countries) -> [Span]  "Boubacar Dicko, a local commander of X" → a person
    unseen_role_persons(sent, ents, countries) -> [Span]  "Khaing Thu Kha, a spokesman for X" (no NER name)
    group_name_before(words, phrase, following, countries, people) -> bool  "the Abu Sayyaf militant group"
    defined_as(ent)              -> "ARMED_GROUP" | "ORG" | None      "X is a jihadist militant group"
    people_noun(ent, people)     -> Token | None                     "Protestant civilians", "Hazara miners"
    people_name(text, people)    -> str                              "Catholic civilian" → "Catholic civilians"

`settled` marks a reading strong enough to decide the type of every mention of the name in the document: a
place where a place goes ("fighting in Sulu. Sulu is …"), a definition. The people nouns are lexicon data
(`people_nouns` in ontology/lexicon.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..nlp.pipeline import title_run_end, titles
from ..nlp.unlisted_names import ARTICLE_NAME, JOINED_NAME, organisation_heads, organisation_words
from ..ontology import lexicon_words
from .countries import Countries
from .taken_places import taken_by_assault

_GROUP_NOUNS = {"group", "outfit", "organisation", "organization", "network", "militia", "movement"}
#: Nouns that define a name as an organisation's ("X is a jihadist group", "X, a separatist organization"),
#: and the modifiers that make it an armed one.
_DEFINING_NOUNS = _GROUP_NOUNS | {"faction", "party", "front", "insurgency", "guerrilla", "guerrillas", "unit", "wing",
                                  "cell", "branch", "affiliate", "offshoot", "splinter", "brigade", "battalion",
                                  "cartel", "gang", "alliance", "coalition"}
_ARMED_MODIFIERS = {"militant", "terrorist", "armed", "rebel", "insurgent", "jihadist", "jihadi", "paramilitary",
                    "guerrilla", "separatist", "extremist", "islamist", "secessionist", "revolutionary", "military"}
#: labels of names that may qualify a people noun ("Shia pilgrims", "Amarnath pilgrims", "Kabul residents")
PEOPLE_OF = frozenset({"NORP", "GROUP_IDENTITY", "GPE", "LOC", "FAC"})
_AREAS = frozenset({"district", "province", "region", "country"})
_PLACES = _AREAS | {"city"}
#: prepositions after which a name is where something is or goes
_LOCATIVE = frozenset({"in", "into", "near", "across", "throughout", "around", "inside", "outside"})


def _after_locative(ent: SpacySpan) -> bool:
    """Whether a name is the object of a locative preposition, itself, as a conjunct ("in Jolo and Basilan") or
    in apposition ("in Kech district, Balochistan")."""
    t = ent.root
    while t.dep_ in ("conj", "appos") and t.head.i != t.i:
        t = t.head
    return t.dep_ == "pobj" and t.head.lower_ in _LOCATIVE


def people_noun(ent: SpacySpan, people: Mapping[str, str]) -> Token | None:
    """The people noun a nationality, faith or ethnicity qualifies right after it ("Protestant civilians",
    "a Shia pilgrim"), or None."""
    if ent.end >= len(ent.doc):
        return None
    noun = ent.doc[ent.end]
    word = noun.lower_
    if noun.pos_ != "NOUN" or (word not in people and word not in people.values()) or ent.root.head.i != noun.i:
        return None
    return noun


def people_name(text: str, people: Mapping[str, str]) -> str:
    """An identity group named in the plural: "Catholic civilian" → "Catholic civilians"."""
    head, _, last = text.rpartition(" ")
    plural = people.get(last.lower())
    return f"{head} {plural}" if head and plural else text


def defined_as(ent: SpacySpan) -> str | None:
    """The label a sentence gives a name by defining it: "X is a (jihadist) group", "X, a separatist
    organization, …" → ARMED_GROUP when an armed word qualifies the noun, else ORG; None when it does not."""
    root = ent.root
    nouns = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_ == "be":
        nouns += [c for c in root.head.children if c.dep_ == "attr"]
    for noun in nouns:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _DEFINING_NOUNS:
            continue
        words = {t.lemma_.lower() for t in noun.subtree if t.i < noun.i} | {noun.lemma_.lower()}
        return "ARMED_GROUP" if words & _ARMED_MODIFIERS or noun.lemma_.lower().startswith(
            ("guerrilla", "insurgen")) or noun.lemma_.lower() == "militia" else "ORG"
    return None


#: nouns that make the name before them an organisation's ("the Abu Sayyaf group", "the Maute militant group")
_ORG_NOUNS = frozenset({"group", "outfit", "organisation", "organization", "faction", "movement", "network"})


def group_name_before(words: str, phrase: str, following: str, countries: Countries | None,
                      people: Mapping[str, str] | None) -> bool:
    """Whether the words before a description of an armed group ("Abu Sayyaf" before "militant", `phrase`
    the description as written, `following` the word after it) are the group's proper name: before an
    organisation noun, two or more capitalised words that name no country, people or demonym ("the Abu
    Sayyaf militant group"; never "a Baloch militant group" or "a Pakistan-based group")."""
    parts = words.split()
    noun = (phrase.split() or [""])[-1].lower()
    if noun not in _ORG_NOUNS and following.lower() not in _ORG_NOUNS:
        return False
    # a one-word "country" is mostly a faith, people or adjective ("Shia", "Islamic", "Pakistan-based")
    if len(parts) < 2 or not all(w[:1].isupper() and "-" not in w for w in parts) \
            or parts[-1].lower().endswith(("i", "an", "ese", "ish")):
        return False
    if people and any(w.lower() in people for w in parts):
        return False
    return countries is None or not (countries.is_country_word(words) or countries.of_text(words))


#: nouns that define a name as a place ("X is a stronghold of Y", "X, a town in Y")
_PLACE_DEFINING = frozenset({"stronghold", "bastion", "heartland", "redoubt", "town", "city", "village",
                             "district", "province", "region", "capital", "suburb", "port"})
#: nouns whose "of" names the place itself ("the town of X"; "a stronghold of X" names its holder)
PLACE_OF = frozenset({"town", "city", "village", "district", "province", "region", "suburb", "port",
                       "governorate", "hamlet", "township", "municipality", "island", "county", "tehsil", "commune",
                       "neighbourhood", "neighborhood", "quarter", "settlement", "locality", "valley", "area"})


def _called_place(ent: SpacySpan) -> bool:
    """Whether the name is what a place noun is called: "the town of Baga", "the village of Koki Khel"; or one
    of the places it gives as examples: "other cities such as Lahore, Karachi"."""
    root = ent.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.dep_ != "pobj":
        return False
    prep = root.head
    return prep.head.lemma_.lower() in PLACE_OF and (
        prep.lower_ == "of" or prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children))


def _defined_as_place(ent: SpacySpan) -> bool:
    """Whether the sentence defines the name by a place noun: in apposition ("Basilan, a bastion of …") or as
    what it is ("Jolo is (known to be) a stronghold of …")."""
    root = ent.root
    nouns = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ in {"nsubj", "nsubjpass"}:
        verb = root.head
        verbs = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
        nouns += [c for v in verbs if v.lemma_ == "be" for c in v.children if c.dep_ == "attr"]
    return any(n.pos_ == "NOUN" and n.lemma_.lower() in _PLACE_DEFINING for n in nouns)


def _near(ent: SpacySpan) -> bool:
    """Whether the name is the object of a preposition only a place takes ("near Laiza", "outside Mogadishu"),
    itself or as a conjunct, of "of" after a position relative to a place ("10 km northeast of Awdheegle", "on
    the outskirts of Balcad": `places.yaml` `relative_position_words`), or of "at" or "in" after a post's or site's
    noun ("fired on a CRPF camp at Kumdih", "a police station in Daraban": a post is at a place, `post_words`)."""
    t = ent.root
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ != "pobj" or t.i != ent.end - 1:
        return False
    prep = t.head
    return prep.lower_ in ("near", "outside", "around") or prep.lower_ == "of" and prep.head.i != prep.i \
        and prep.head.lower_ in _position_words() or _at_post(prep)


def _at_post(prep: Token) -> bool:
    """Whether "at" or "in" follows a post's or site's noun, on that noun or right after it on the verb ("a CRPF
    camp at Kumdih", "attacked a police station in Daraban")."""
    posts = post_words()
    return prep.lower_ in ("at", "in") and prep.i > 0 and (
        prep.head.i != prep.i and prep.head.lower_ in posts or prep.doc[prep.i - 1].lower_ in posts)


def _listed_with_places(ent: SpacySpan) -> bool:
    """Whether the name is a conjunct of a place name the NER saw ("Rutshuru and Masisi", "Kalat, Mastung and
    Noshki")."""
    root = ent.root
    first = root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    items = [first, *(t for t in first.subtree if t.dep_ == "conj" and t.head.i >= first.i)]
    items += [c for t in items for c in t.children if c.dep_ == "compound"]  # "Rutshuru and Masisi territories"
    return any(t.i != root.i and t.ent_type_ in _SPLIT_PLACE for t in items)


def _named_settlement(ent: SpacySpan, countries: Countries | None) -> bool:
    """Whether the text says the name is a settlement's, in the two shapes reports use for a place a reader may
    not know: the name before its settlement noun after a preposition ("in Awdheegle town", "on the outskirts of
    Minbya town", no article), or a settlement noun in apposition that places it ("Awdheegle, a town in Lower
    Shabelle"). Settlement nouns are the place index's kind words of a town (`places.yaml`). A people's or
    country's word is never such a name ("in Fulani villages", "a Pakistani village")."""
    if not all(t.is_title or not t.is_alpha for t in ent) or (
            countries is not None and (countries.is_country_word(ent.text) or countries.of_text(ent.text))):
        return False
    root, head = ent.root, ent.root.head
    if root.dep_ == "compound" and head.i == ent.end and head.lower_ in _settlement_words() and head.dep_ == "pobj" \
            and head.head.dep_ == "prep" and not any(c.dep_ in ("det", "poss") for c in head.children):
        return True
    if DISTANCE_AFTER.match(ent.doc.text, ent.end_char):
        return True  # "at Ngouboua, about 20 kilometers north of Bol": a place told by its distance from another
    # ("Kadauri, a village 30 km south of Gusau"; "Jikmir and Mandeng, two villages east of Nasir": the apposition of
    # the names joined)
    named = [*root.children, *(head.children if root.dep_ == "conj" else ())]
    return any(n.dep_ == "appos" and (n.lower_ in _settlement_words() or n.lemma_.lower() in _settlement_words())
               and any(c.dep_ == "prep" and c.lower_ in ("in", "of", "near", "on", "along", "outside")
                       for c in n.subtree) for n in named)


#: a distance right after a name, maybe after a settlement noun: ", about 20 kilometres (12 miles) north of", ", a
#: village 30 km from"
DISTANCE_AFTER = re.compile(r",\s+(?:an?\s+(?:[a-z-]+\s+){0,2}(?:village|town|hamlet|settlement|community|commune|"
                            r"municipality|locality)\s+)?"
                            r"(?:(?:about|some|around|roughly|nearly|approximately|just|barely)\s+)?"
                            r"\d[\d,.]*\s*(?:-\s*)?(?:km|kms|kilometres|kilometers|kilometre|kilometer|miles|mile)\b",
                            re.I)


#: NER labels of a place: one part of a place name the NER cut in two must have one ("Dera" + "Ismail Khan")
_SPLIT_PLACE = {"GPE", "LOC"}


def _singular(word: str) -> str:
    return word[:-3] + "y" if word.endswith("ies") else word[:-1] if word.endswith("s") else word


def joined_places(ents: Sequence[SpacySpan], countries: Countries | None) -> list[SpacySpan]:
    """The NER's names with a place it cut in two joined again: a place name that holds a person's name
    ("Dera Ismail Khan" → "Dera" + the person "Ismail Khan", "Toba Tek Singh"; a country's "DR" + "Congo") is one
    place when the place index knows the whole name and the NER saw a place in one part. A body's name with a place
    after "on" inside it is two names."""
    if countries is None:
        return list(ents)
    out: list[SpacySpan] = []
    for ent in ents:
        on = next((t.i for t in ent[1:-1] if t.lower_ == "on"), None) if ent.label_ == "ORG" and not ent.kb_id_ \
            else None
        tail = ent.doc[on + 1 : ent.end] if on is not None else None
        if tail is not None and (countries.precision_of(tail.text) is not None or len(tail) > 1 and (
                tail[-1].lower_ in _place_kind_words())
                and countries.precision_of(tail[:-1].text) is not None):
            # "the Philippine National Police on Basilan Island": a body, then where it was, in one NER name
            out += [SpacySpan(ent.doc, ent.start, on, label="ORG"), SpacySpan(ent.doc, on + 1, ent.end, label="GPE")]
            continue
        prev = out[-1] if out else None
        if prev is not None and prev.end == ent.start and not prev.kb_id_ and not ent.kb_id_ \
                and prev[-1].whitespace_ == " " and {prev.label_, ent.label_} & _SPLIT_PLACE \
                and {prev.label_, ent.label_} <= _SPLIT_PLACE | {"PERSON", "ORG", "NORP"} \
                and countries.precision_of(f"{prev.text} {ent.text}") in ("city", "district", "country"):
            out[-1] = SpacySpan(ent.doc, prev.start, ent.end, label="GPE")
            continue
        out.append(ent)
    return out


def owned_unit(root: Token) -> bool:
    """Whether a name names the unit noun it stands before, which a possessive owns ("its Az-Zallaqa propaganda
    outlet", "its Radio Andalus station": the relation patterns' `owned_unit_noun` class)."""
    from .relations import default_patterns

    noun = root.head
    while noun.dep_ == "compound" and noun.pos_ == "NOUN" and noun.head.i > noun.i:
        noun = noun.head  # "propaganda" in "propaganda outlet"
    return root.dep_ == "compound" and noun.i > root.i and noun.lower_ in default_patterns().classes.get(
        "owned_unit_noun", ()) and any(c.dep_ == "poss" for c in noun.children)


@cache
def _person_roles() -> frozenset[str]:
    """The role nouns of people: members' and office holders' (relations.yaml `member_noun`, `office_noun`)."""
    from .relations import default_patterns

    classes = default_patterns().classes
    return frozenset(w for c in ("member_noun", "office_noun") for w in classes.get(c, ()))


def _given_a_role(span: SpacySpan, roles: frozenset[str]) -> bool:
    """Whether the sentence gives the name a person's role: in apposition ("X, a commander of Y", "the group's
    leader, X") or as a title before it ("DSS spokesperson X")."""
    root = span.root
    if any(c.dep_ == "appos" and c.lemma_.lower() in roles for c in root.children):
        return True
    if root.dep_ == "appos" and root.head.lemma_.lower() in roles:
        return True
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.dep_ == "compound" and before.lemma_.lower() in roles \
        and span.start <= before.head.i < span.end


def role_named_persons(ents: Sequence[SpacySpan], countries: Countries | None) -> list[SpacySpan]:
    """The names the NER took for places that the sentence gives a person's role, as persons: "Boubacar Dicko,
    a local commander of Ansarul Islam" (NER: the places "Boubacar" and "Dicko"), "DSS spokesperson Halima
    Ocheja" (NER: the place "Halima"). Only where the place index knows no place of that name; the parts of a
    name the NER cut in two, and the capitalised words after it that the parser hangs the name on, are joined."""
    if countries is None:
        return list(ents)
    roles = _person_roles()
    out: list[SpacySpan] = []
    for ent in ents:
        if ent.label_ not in ("GPE", "LOC") or ent.kb_id_:
            out.append(ent)
            continue
        doc, start, end = ent.doc, ent.start, ent.end
        prev = out[-1] if out else None
        joined = prev is not None and prev.end == start and prev.label_ in ("GPE", "LOC") and not prev.kb_id_ \
            and prev.root.dep_ == "compound" and start <= prev.root.head.i < end
        if joined:
            start = prev.start
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title and not doc[end].ent_type_ \
                and SpacySpan(doc, start, end).root.head.i == end:
            end += 1  # "Halima" of "Halima Ocheja"
        span = SpacySpan(doc, start, end, label="PERSON")
        if _given_a_role(span, roles) and countries.knows_no_place(span.text) and (
                not joined or countries.knows_no_place(prev.text)):
            if joined:
                out.pop()
            out.append(span)
        else:
            out.append(ent)
    return out


def unseen_role_persons(sent: SpacySpan | Doc, ents: Sequence[SpacySpan], countries: Countries | None
                        ) -> list[SpacySpan]:
    """The NER's names plus the persons it did not see that the sentence gives a role ("…," Khaing Thu Kha, a
    spokesman for the Arakan Army, said"): a run of capitalised proper nouns outside every name, with a
    person's role in apposition, not the sentence's first word alone, naming no place the index knows."""
    if countries is None:
        return list(ents)
    roles = _person_roles()
    # a name the NER took for a work or a product ("Khaing Myo Kha" as a work of art) is read as unseen
    taken = {i for e in ents if e.label_ not in _NOT_NAMED_LABELS or e.kb_id_ for i in range(e.start, e.end)}
    found: list[SpacySpan] = []
    doc = sent if isinstance(sent, Doc) else sent.doc
    i, end = (0, len(doc)) if isinstance(sent, Doc) else (sent.start, sent.end)
    while i < end:
        j = i
        while j < end and j not in taken and _unseen_name_word(doc[j]):
            j += 1
        while j > i and doc[j - 1].pos_ != "PROPN":
            j -= 1  # a name ends on a proper noun
        if j > i and (j - i > 1 or not doc[i].is_sent_start):
            span = SpacySpan(doc, i, j, label="PERSON")
            # (the parser may hang the role on the name's last word, whatever it made of the first)
            given = _given_a_role(span, roles) or any(c.dep_ == "appos" and c.lemma_.lower() in roles
                                                        for c in span[-1].children)
            if span.root.dep_ != "compound" and given and countries.knows_no_place(span.text):
                found.append(span)
        i = max(j, i + 1)
    if not found:
        return list(ents)
    kept = [e for e in ents if not any(f.start < e.end and e.start < f.end for f in found)]
    return sorted([*kept, *found], key=lambda e: e.start)


def _unseen_name_word(t: Token) -> bool:
    """A capitalised word of no name the NER found, not a title; the tagger may call a foreign name's word
    anything ("Khaing" a verb)."""
    return t.is_title and t.ent_type_ in _NOT_NAMED_LABELS | {""} and t.pos_ not in _NOT_NAME_POS \
        and t.lower_ not in titles()


_NOT_NAMED_LABELS = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE"})
_NOT_NAME_POS = frozenset({"DET", "PRON", "ADP", "CCONJ", "SCONJ", "PUNCT", "NUM", "PART", "AUX", "SPACE"})


def joined_persons(ents: Sequence[SpacySpan]) -> list[SpacySpan]:
    """The NER's person names with a name it cut in two joined again: "Hassan Sheikh" + "Mohamud" is one person
    when the parser hangs the first part on the second."""
    out: list[SpacySpan] = []
    for ent in ents:
        prev = out[-1] if out else None
        if prev is not None and prev.end == ent.start and prev.label_ == ent.label_ == "PERSON" \
                and not prev.kb_id_ and not ent.kb_id_ and prev.root.dep_ == "compound" \
                and ent.start <= prev.root.head.i < ent.end:
            out[-1] = SpacySpan(ent.doc, prev.start, ent.end, label="PERSON")
            continue
        out.append(ent)
    return out


def whole_person_name(ent: SpacySpan) -> SpacySpan:
    """A person's name with the capitalised words before it that the NER left out and the parser hangs on it
    ("Allah Nazar Baloch", NER: "Nazar Baloch"); not a rank or title ("General N'Ban La", "Mr Turji"). A name
    the NER took for an organisation's because a rank leads it ("Air Commodore Tunde Olaniyan", "ASP Nura Garba
    Lawal") is the person's, without the rank."""
    if ent.label_ == "ORG" and not ent.kb_id_:
        start = min(title_run_end(ent.doc, ent.start, ent.end), ent.end - 1)
        rest = ent.doc[start:ent.end]
        if start > ent.start and all(t.is_title and t.pos_ == "PROPN" for t in rest) \
                and not any(t.lower_ in organisation_heads() or t.lower_ in organisation_words() for t in rest):
            return SpacySpan(ent.doc, start, ent.end, label="PERSON")
        return ent
    if ent.label_ != "PERSON" or ent.kb_id_:
        return ent
    start = ent.start
    while start > 0 and (t := ent.doc[start - 1]).pos_ == "PROPN" and t.is_title and not t.ent_type_ \
            and t.dep_ == "compound" and ent.start <= t.head.i < ent.end and t.lower_.rstrip(".") not in titles():
        start -= 1
    start = min(title_run_end(ent.doc, start, ent.end), ent.end - 1)  # the ranks the NER took into the name ("Lt
    # Gen Thawatchai Kongkaew", "Air Commodore X")
    return ent if start == ent.start else SpacySpan(ent.doc, start, ent.end, label=ent.label_)


def _plurals(words: Iterable[str]) -> list[str]:
    return sorted({w[:-1] + "ies" if w.endswith("y") and w[-2:-1] not in "aeiou" else w + "s"
                   for w in words if not w.endswith("s")}, key=len, reverse=True)


@cache
def _before_place_noun() -> re.Pattern[str]:
    """A place's kind word right after a name ("Jani Khel area", "Kunar and Nuristan provinces", "Basilan islands"):
    the place index's kind words (`places.yaml`), singular or plural."""
    from ..resolve.places import kind_words

    words = sorted({*kind_words(), *_plurals(kind_words()), "island", "islands"}, key=len, reverse=True)
    return re.compile(rf"\s+(?:{'|'.join(map(re.escape, words))})\b", re.I)


def post_words() -> frozenset[str]:
    """Lower-case nouns of a post or site a town's name may stand before ("the Marka garrison": places.yaml
    `post_words`)."""
    from ..resolve.place_index import data_words

    return data_words("post_words")


def _incident_words() -> frozenset[str]:
    """Lower-case nouns of an incident a town's name may stand before ("the Konduga blast": places.yaml
    `incident_words`)."""
    from ..resolve.place_index import data_words

    return data_words("incident_words")


_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
#: Spanish plural articles before a capitalised word: "Los Choneros", "Las Choapas"
_PLURAL_ARTICLE = re.compile(r"(?:Los|Las) [A-ZÁÉÍÓÚÑ]")


def _before_post_noun(doc_text: str, end: int) -> bool:
    """Whether a lower-case post or site word follows the name ("the Tank checkpost")."""
    m = _NEXT_WORD.match(doc_text, end)
    return m is not None and m.group(1) in post_words()


def _names_incident(ent: SpacySpan, doc_text: str, end: int) -> bool:
    """Whether a one-word name stands between "the" and a lower-case noun of an incident ("the Bokkos raid")."""
    m = _NEXT_WORD.match(doc_text, end)
    return len(ent) == 1 and ent.start > 0 and ent.doc[ent.start - 1].lower_ == "the" and m is not None \
        and m.group(1) in _incident_words()


@cache
def _listed_before_place_nouns() -> re.Pattern[str]:
    """A name, then the plural kind word after the next name it is listed with: "the Bannu and Lakki Marwat
    districts"."""
    from ..resolve.places import kind_words

    plural = "|".join(map(re.escape, _plurals(kind_words())))
    return re.compile(rf"\s+and\s+(?:[A-Z][\w'’-]*\s+){{1,4}}(?:{plural})\b")


def place_by_context(ent: SpacySpan, label: str, text: str, doc_text: str, end: int, countries: Countries | None
                     ) -> tuple[str, bool]:
    """A name the NER took for a person or organisation that its context makes a place, and whether that
    settles it: "Basilan islands"; after a locative preposition when the place index knows it ("based in Jolo
    and Basilan", "its reach into Swat"; an organisation's name only when it is a district or region: "members
    in Hamas" stays a group); a place the NER saw where a place goes. And the other way: a name of "Los" or "Las"
    and capitalised words that no place goes by is a gang's or cartel's ("Los Choneros", "Los Tiguerones": Latin
    America's armed groups are named so; its towns so named, "Los Mochis", "Las Choapas", are in the index)."""
    if _PLURAL_ARTICLE.match(text) and countries is not None and not _called_place(ent) and not _near(ent):
        if countries.knows_no_place(text):
            return "ORG", True
        if ent.id_ == ARTICLE_NAME:
            return "GPE", False
    if label == "ORG" and ent.id_ == JOINED_NAME and countries is not None and countries.precision_of(text):
        return "GPE", True  # a joined name the place index knows is a place ("Mazar-i-Sharif")
    if label == "PERSON" and _before_place_noun().match(doc_text, end):
        label = "GPE"
    if label in ("NORP", "ORG") and countries is not None and (m := _before_place_noun().match(doc_text, end)) \
            and m.group().islower() and (countries.precision_of(text) is not None
                                         or countries.precision_of(f"{text} {_singular(m.group().strip())}")):
        # "in Amritsar city, Punjab state", "Kunar and Nuristan provinces" (NORP): a known place named with its
        # kind word (a division the index knows only with it)
        return "GPE", True
    if label in ("NORP", "ORG", "PERSON") and not ent.kb_id_ and countries is not None \
            and _before_post_noun(doc_text, end) and countries.names_a_town(text):
        return "GPE", True  # "attacked the Tank checkpost": a town the index knows, before the post it names (not a
        # listed group's: "the Wagner base")
    if label in ("NORP", "ORG", "PERSON") and not ent.kb_id_ and countries is not None \
            and _names_incident(ent, doc_text, end) and countries.names_a_town(text):
        return "GPE", True  # "the Bokkos raid", "the Konduga blast": the town where the incident the text names was
    if label in ("PERSON", "ORG") and not ent.kb_id_ and countries is not None and taken_by_assault(ent) \
            and countries.names_a_town(text):
        return "GPE", True  # "the M23 attacked Goma", "the fall of Mupoi": a town the index knows, taken or struck
    if label == "PERSON" and countries is not None and countries.precision_of(text) == "country":
        return "GPE", True  # "deployed fighters to Mali": a country's name is no one's name
    if label in ("PERSON", "ORG") and len(ent) > 1 and ent[-1].is_title and ent[-1].lower_ in division_words() \
            and countries is not None and countries.precision_of(text) in ("province", "district"):
        return "GPE", True  # "Rakhine State", "Sool Region": a division the place index knows, named with its kind
    where = _after_locative(ent)
    if label in ("GPE", "LOC"):
        return label, where or _called_place(ent)
    if label in ("PERSON", "ORG", "NORP") and _called_place(ent):
        return "GPE", True  # "the north-eastern Nigerian town of Baga", "the village of Sabiid" (NORP): the text
        # says what it is
    if label in ("PERSON", "ORG", "NORP") and _listed_before_place_nouns().match(doc_text, end) \
            and not (countries is not None and countries.is_country_word(text)):
        return "GPE", True  # "the Bannu and Lakki Marwat districts": listed before the kind word they share
    if label == "PERSON" and len(ent) == 1 and countries is not None and _listed_with_places(ent) \
            and countries.precision_of(text) is not None:
        return "GPE", True  # "controls Rutshuru and Masisi": one word listed with places, a place the index knows
    if label in ("PERSON", "ORG") and _near(ent) and all(t.is_title or not t.is_alpha for t in ent) \
            and ent[0].lower_ != "operation":
        return "GPE", True  # "bombed a camp near Laiza": only a place is near, outside or around
    if label in ("PERSON", "ORG", "NORP") and _named_settlement(ent, countries):
        return "GPE", True  # "in Awdheegle town", "Awdheegle, a town in Lower Shabelle": a place the index lacks
    if label in ("PERSON", "ORG") and countries is not None and _defined_as_place(ent) \
            and countries.precision_of(text) is not None:
        return "GPE", True  # "Jolo is a stronghold of the group", "Basilan, a bastion of the Abu Sayyaf"
    if label in ("PERSON", "ORG", "NORP") and where and countries is not None \
            and countries.precision_of(text) in (_AREAS if label == "ORG" else _PLACES):
        return "GPE", True  # "a school in Shopian" (NORP), "in Kech district, Balochistan" (ORG)
    return label, False


def main_subject(sent: Doc | SpacySpan, tok: tuple[int, int]) -> bool:
    """Whether the name at token range `tok` of a parsed sentence is the subject of its main clause (or
    stands in apposition to it): the actor the sentence is about, whom "the group" after it most likely means."""
    doc = sent if isinstance(sent, Doc) else sent.doc
    if tok[0] < 0 or tok[1] > len(doc):
        return False
    head = doc[tok[1] - 1]
    while head.dep_ in ("compound", "flat", "appos", "amod") and head.head.i != head.i:
        head = head.head
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = head.head
    # "officials say the TTP has deepened its ties …": the reported clause's subject is what the report is about
    return verb.dep_ == "ROOT" or (verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT"
                                   and verb.head.lemma_.lower() in reporting_verbs())


@cache
def _place_kind_words() -> frozenset[str]:
    """Every kind word of the place index, and "island" ("Basilan Island")."""
    from ..resolve.places import kind_words

    return frozenset(kind_words()) | {"island", "islands"}


@cache
def division_words() -> frozenset[str]:
    """Words that end a division's name ("Rakhine State", "Kunar Province", "Kech District"): the place index's
    kind words for provinces, districts and regions (`places.yaml`)."""
    from ..resolve.places import kind_words

    return frozenset(w for w, kind in kind_words().items() if kind in ("province", "district", "region"))


@cache
def _position_words() -> frozenset[str]:
    from ..resolve.places import relative_position_words

    return relative_position_words()


@cache
def _settlement_words() -> frozenset[str]:
    """Words for a town, village or hamlet: the place index's kind words of a town (`places.yaml`)."""
    from ..resolve.places import kind_words

    return frozenset(w for w, kind in kind_words().items() if kind == "city")


def reporting_verbs() -> frozenset[str]:
    """Verbs that introduce what someone asserts (ontology/lexicon.yaml `attribution_verbs`): their reported
    clause carries the sentence's subject matter."""
    return lexicon_words("attribution_verbs")


def anonymous_sources() -> frozenset[str]:
    """Head nouns of an unnamed source (ontology/lexicon.yaml `anonymous_sources`: "officials", "sources")."""
    return lexicon_words("anonymous_sources")


def document_sources() -> frozenset[str]:
    """Nouns for what a source says through (ontology/lexicon.yaml `document_sources`: "statement", "message")."""
    return lexicon_words("document_sources")


def listed_with_people(ent: SpacySpan, heads: frozenset[str]) -> bool:
    """Whether a name the NER called an organisation stands in a list of people's names ("the members were Hugh
    Doherty, Joseph O'Connell and Harry Duggan": one of them tagged ORG): conjoined with a person's name, with no
    word of a body of people in it (`heads`: "Front", "Army", …)."""
    root = ent.root
    near = [*([root.head] if root.dep_ == "conj" else []), *(c for c in root.children if c.dep_ == "conj")]
    return any(n.ent_type_ == "PERSON" for n in near) and not any(t.lower_ in heads for t in ent) \
        and all(t.is_title for t in ent if t.is_alpha)
