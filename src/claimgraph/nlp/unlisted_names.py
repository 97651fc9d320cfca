"""Names the NER misses that no list holds, found by their form and the words around them:

    fighters_acronyms(doc) -> [(start, end)]   an acronym naming whose fighters the text speaks of ("ULFA-I
                                               cadres", "NSCN-IM militants", "Maoists of the PLGA"), or who
                                               claims an act ("NSCN-K claimed the ambush") or is blamed for one
                                               ("police blamed the CJNG")
    joined_names(doc, common) -> [(start, end)]  a name of romanised words joined by "-e-", "-ul-", "-i-"
                                               ("Jamiat Ulema-e-Islam", "Tehreek-e-Labbaik Pakistan")
    defined_names(doc) -> [(start, end)]       a name the text defines a short form for, whose initials the
                                               short form spells ("Baloch Republican Army (BRA)")
    titled_names(doc, described) -> [(start, end)]  capitalised words ending in a noun for a body of people
                                               ("Ulster Volunteer Force", "Irish People's Liberation Organisation")
    facility_names(doc) -> [(start, end)]      capitalised words before a noun for a built place ("the Etoile
                                               du Sud hotel", "the Lal Shahbaz Qalandar shrine")
    numbered_units(doc) -> [(start, end)]     capitalised words ending in a noun for a unit with the unit's number
                                               before or after them ("the Tenth Armoured Brigade", "the 23
                                               Brigade", "Light Infantry Battalion 351", "Company No. 10")
    article_names(doc) -> [(start, end)]      "Los" or "Las" and capitalised words the NER left untagged ("Los
                                               Shottas"): an ORG for now, a place's where the extraction's place
                                               index knows one of that name
    named_units(doc, common) -> [(start, end)] a person's or a little-known name before a lower-case noun for an
                                               armed unit, after "the" or an owner: a unit named after someone
                                               ("the Jaime Martínez front", "the TTP's Gandapur faction")
    province_branches(doc, listed) -> [(start, end)]  a listed group's name, then a region's and "Province":
                                               a branch named as the Islamic State names its own ("Islamic
                                               State Sahel Province", "Islamic State Central Africa Province")
    called_places(doc) -> [(start, end)]       capitalised words the NER left untagged that a place noun or a
                                               position says are a place's name ("the village of Mucojo",
                                               "10 km north of Awdheegle")

All become entities (ORG, with `FIGHTERS_ACRONYM` / `JOINED_NAME` / `DEFINED_NAME` / `TITLED_NAME` /
`NUMBERED_UNIT` / `ARTICLE_NAME` as their id; a named unit ARMED_GROUP, with `NAMED_UNIT`; a facility's name FAC, with
`FACILITY_NAME`; a place's GPE, with `CALLED_PLACE`). Written by hand: the statistical NER misses short
all-capital names of little-known groups, splits names at their hyphens, misses names of common words, takes a
unit named after a commander for the commander, an unknown town for a number and a unit's number for a count,
and no library tags them.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span, Token

from ..ontology import lexicon_words

#: the entity ids (`Span.id_`) of the names found here, so later steps know how they were found
FIGHTERS_ACRONYM = "fighters_acronym"
JOINED_NAME = "joined_name"
DEFINED_NAME = "defined_name"
TITLED_NAME = "titled_name"
NAMED_UNIT = "named_unit"
FACILITY_NAME = "facility_name"
BRANCH_NAME = "branch_name"
NUMBERED_UNIT = "numbered_unit"
ARTICLE_NAME = "article_name"
CALLED_PLACE = "called_place"
HYPHENED_PLACE = "hyphened_place"
#: nouns for an armed group's people: an acronym the NER missed that qualifies one names the group
_FIGHTER_NOUNS = frozenset({"militant", "cadre", "fighter", "rebel", "insurgent", "guerrilla", "guerilla",
                            "terrorist", "jihadist", "gunman", "operative", "commander", "member", "maoist",
                            "naxal", "naxalite"})
#: verbs whose object, or whose "on", is who did an act ("authorities blamed the CJNG")
_BLAME_VERBS = frozenset({"blame", "accuse"})
#: nouns for an armed body an acronym may qualify as its name ("the 3R armed group", "the KLA outfit")
_GROUP_NOUNS = frozenset({"group", "outfit", "faction", "militia"})
#: nouns for a state body's men or units whose "of" an acronym may follow ("a joint team of the CIDG"; never before
#: them: "an IED team" is a bomb squad)
_SERVICE_NOUNS = frozenset({"team", "personnel", "officer", "agent", "soldier", "trooper", "troop", "squad",
                            "detachment", "unit"})
_BODY_NOUNS = _FIGHTER_NOUNS | _GROUP_NOUNS
#: "ULFA", "NSCN-IM"; a letter and a number too ("M23": March 23 Movement), or a number and letters ("3R")
_ACRONYM = re.compile(r"[A-Z]{3,8}(?:-[A-Z]{1,3})?|[A-Z]{1,3}\d{1,3}|\d[A-Z]{1,3}")
#: the NER's labels an acronym of fighters may carry by mistake: none, a people's, a number's, a product's ("3R")
_NOT_A_NAME = frozenset({"", "NORP", "CARDINAL", "QUANTITY", "PRODUCT"})


def fighters_acronyms(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the acronyms the NER left unlabelled that name whose fighters the text speaks of."""
    out: list[tuple[int, int]] = []
    i, last = 0, len(doc)
    while i < last:
        t = doc[i]
        j = i + 1
        if not (t.is_upper and (len(t) >= 3 or t.text[0].isdigit()) and (t.is_alpha or _ACRONYM.fullmatch(t.text))):
            # most tokens: no acronym starts here ("ULFA-I" is one token: `pipeline.keep_faction_acronyms`)
            i = j
            continue
        if j + 1 < last and doc[j].text == "-" and not t.whitespace_ \
                and not doc[j].whitespace_ and doc[j + 1].is_upper and doc[j + 1].is_alpha:
            j += 2  # "ULFA-I", "NSCN-IM"
        text = doc[i:j].text
        # unlabelled, or taken for a people ("NSCN-IM" as NORP) or into a number ("Two NSCN-IM"): no nationality
        # is written so
        if _ACRONYM.fullmatch(text) and all(doc[k].ent_type_ in _NOT_A_NAME or doc[k].ent_type_ == "GPE"
                                            and any(ch.isdigit() for ch in doc[k].text) for k in range(i, j)):
            # (a letter and a number is no place, whatever the NER said: "M23" as GPE)
            head = doc[j - 1].head if doc[j - 1].head.i >= j else doc[i].head
            while head.dep_ == "compound" and head.head.i > head.i:
                head = head.head
            owned = head.dep_ == "prep" and head.lower_ == "of" and doc[i].dep_ in ("pobj", "compound")
            if owned:
                head = head.head  # "Maoists of the PLGA"
            if head.lemma_.lower() in _BODY_NOUNS or head.lower_.removesuffix("s") in _FIGHTER_NOUNS \
                    or owned and head.lemma_.lower() in _SERVICE_NOUNS \
                    or doc[j - 1].dep_ == "nsubj" and head.lemma_.lower() == "claim" and head.pos_ == "VERB" \
                    or doc[j - 1].dep_ == "dobj" and head.lemma_.lower() in _BLAME_VERBS and head.pos_ == "VERB" \
                    or head.lower_ == "on" and head.head.lemma_.lower() in _BLAME_VERBS:
                # (or the one that claims an act: "NSCN-K claimed responsibility for an ambush"; or the one blamed
                # for it: "authorities blamed the CJNG", "blamed the attack on the CJNG")
                out.append((i, j))
        i = j
    return out


#: joiners of romanised Arabic, Urdu and Persian names ("Lashkar-e-Taiba", "Jamaat-ul-Ahrar", "Hizb-ut-Tahrir")
JOINERS = frozenset({"e", "i", "ul", "ud", "ut", "us", "ur", "al", "el", "wal", "o"})
_TRAILING = frozenset({"Pakistan", "Afghanistan", "India", "Bangladesh", "Kashmir", "Hind", "Islami", "Muslimeen"})


def organisation_words() -> frozenset[str]:
    """Urdu, Arabic and Persian nouns that make a joined name an organisation's (ontology/lexicon.yaml)."""
    return lexicon_words("joined_organisation_words")


def joined_names(doc: Doc, common: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Token ranges of organisations' names joined by a romanised joiner between capitalised words, written
    without spaces ("Ulema-e-Islam"), with up to two capitalised words right before them that are not English
    words ("Jamiat") and a country or "Islami" right after ("Tehreek-e-Labbaik Pakistan"). A joined name with
    no organisation word ("Zia-ul-Haq") is a person's, and left to the NER."""
    words = organisation_words()
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        if not _joined_at(doc, i):
            i += 1
            continue
        start, end = i, i + 5
        while _joined_at(doc, end - 1):
            end += 4  # "Harkat-ul-Jihad-al-Islami"
        while start > max(0, i - 2) and _name_word(doc[start - 1], common):
            start -= 1  # "Jamiat Ulema-e-Islam"
        if end < len(doc) and doc[end].text in _TRAILING and doc[end - 1].whitespace_:
            end += 1  # "Tehreek-e-Labbaik Pakistan"
        if any(t.lower_ in words for t in doc[start:end]):
            out.append((start, end))
        i = end
    return out


def _name_word(tok: Token, common: frozenset[str]) -> bool:
    return tok.is_title and tok.is_alpha and bool(tok.whitespace_) and tok.lower_ not in common


def _joined_at(doc: Doc, i: int) -> bool:
    """Whether tokens i..i+4 are a capitalised word, a hyphen, a joiner, a hyphen and a capitalised word, all
    written together ("Ulema", "-", "e", "-", "Islam")."""
    if i + 4 >= len(doc) or doc[i + 1].text != "-":  # the cheap test first: most tokens fail it
        return False
    a, h1, j, h2, b = doc[i : i + 5]
    return a.is_title and a.is_alpha and h1.text == "-" and j.lower_ in JOINERS and h2.text == "-" \
        and b.text[:1].isupper() and b.is_alpha and not (a.whitespace_ or h1.whitespace_ or j.whitespace_
                                                         or h2.whitespace_)


#: small words a name's short form leaves out ("Front for the Liberation of Mozambique", FRELIMO aside)
_HYPHENS = frozenset({"-", "–", "‐"})
_UNSPELLED = frozenset({"of", "the", "for", "and", "in", "de", "du", "des", "la", "le", "del"})


def defined_names(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of names followed by a bracketed short form that spells their initials ("Baloch Republican
    Army (BRA)", "United Liberation Front of Asom (ULFA)"): the NER often cuts such a name where a people's or
    place's name begins it ("Baloch" + "Republican Army")."""
    out: list[tuple[int, int]] = []
    for t in doc:
        if t.text != "(" or t.i < 2:
            continue
        close = next((k for k in range(t.i + 2, min(t.i + 5, len(doc))) if doc[k].text == ")"), None)
        if close is None:
            continue
        # the short form, hyphenated parts too: "(BRA)", "(ULFA-I)", "(NSCN-IM)"
        short = doc[t.i + 1 : close]
        letters = [p for w in short if w.text not in _HYPHENS for p in re.split(r"[-–‐]", w.text)]  # "ULFA-I" may
        if not (short[0].text not in _HYPHENS and short[-1].text not in _HYPHENS and 2 <= len(short.text) <= 9
                and all(p.isupper() and p.isalpha() for p in letters)):  # be one token (`keep_faction_acronyms`)
            continue
        want, initials, j = "".join(p.lower() for p in letters), "", t.i
        while j > 0 and len(initials) < len(want):
            w = doc[j - 1]
            if (w.lower_ in _UNSPELLED or w.text in _HYPHENS or w.lower_ in JOINERS and w.is_lower) and initials:
                # "United Liberation Front of Asom - Independent (ULFA-I)", "Jamaat-ul-Mujahideen Bangladesh (JMB)"
                j -= 1
                continue
            if not (w.is_title or w.is_upper) or not w.is_alpha:
                break
            initials = w.lower_[0] + initials
            j -= 1
        if initials == want and t.i - j >= 2 and doc[j].lower_ not in _UNSPELLED:
            out.append((j, t.i))
    return out


def organisation_heads() -> frozenset[str]:
    """English nouns for a body of people that end an organisation's name (ontology/lexicon.yaml)."""
    return lexicon_words("organisation_head_words")


#: words that begin a noun phrase, never a name, however they are capitalised ("The Army", "Their Council")
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
                          "my", "your", "every", "each", "some", "any", "no", "all", "both", "another"})
#: small words inside a name after its head: "Front for the Liberation of Mozambique", "Army of the Pure"
_AFTER_HEAD = frozenset({"of", "for"})
_LONGEST = 9
#: a unit's number written as an ordinal ("10th", "33rd")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
#: the NER's labels for names: a possessive name before a run is its owner ("Pakistan's Kurram Agency")
_PROPER = frozenset({"NORP", "GPE", "LOC", "PERSON", "ORG", "FAC"})


@cache
def _band_heads() -> frozenset[str]:
    """English plural nouns for a band of men that end (or begin) an armed band's name as organisation heads do
    ("the Arrow Boys", "the Men of Dignity", "the Sons of the Sahel"; ontology/lexicon.yaml)."""
    return lexicon_words("band_head_words")


def titled_names(doc: Doc, described: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Token ranges of organisations' names written as capitalised words that end in a noun for a body of
    people ("Ulster Volunteer Force", "Kurdistan Freedom Hawks", "Irish People's Liberation Organisation",
    "Front for the Liberation of Mozambique"), two capitalised words at least, one of them before the head and
    no sentence's first word (a unit's number and one: `numbered_units`): the NER misses many such names of
    little-known groups, or cuts them at a people's or place's name ("Ulster" + "Volunteer Force"). The words
    alone may all be common ones; written with capitals inside a sentence they are a name. One that ends in a
    description of a state's forces (`described`, lower case: "Afghan Special Forces", "Iraqi Air Force") is left
    to the descriptive stage, which gives the country."""
    heads, bands = organisation_heads(), _band_heads()
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        t = doc[i]
        if not (t.is_title and (t.lower_ in heads or t.lower_ in bands)):
            i += 1
            continue
        start = i
        while start > 0 and i - start < _LONGEST:
            w = doc[start - 1]
            if _titled(w) and w.lower_ not in _DETERMINERS and not w.like_num:
                start -= 1
            elif w.text in ("-", "–") and start >= 2 and _titled(doc[start - 2]) and not w.whitespace_ \
                    and not doc[start - 2].whitespace_:
                start -= 2  # "People's Anti-Fascist Front": a hyphenated word of the name
            elif w.lower_ in ("'s", "’s") and start >= 2 and _titled(owner := doc[start - 2]) \
                    and not owner.whitespace_ and owner.ent_type_ not in _PROPER:
                start -= 2  # "People's Liberation Organisation", not "Pakistan's Kurram Agency"
            else:
                break
        end = i + 1
        while end + 1 < len(doc) and doc[end].lower_ in _AFTER_HEAD and end - start < _LONGEST:
            k = end + 1 + (doc[end + 1].lower_ == "the")
            run = k
            while run < len(doc) and _titled(doc[run]) and run - start < _LONGEST:
                run += 1
            if run == k:
                break
            end = run  # "Front for the Liberation of Mozambique"
        # a band's name may start at its head when a name follows it ("the Men of Dignity", "the Sons of the
        # Sahel"), written with capitals inside a sentence
        named_band = start == i and end > i + 1 and t.lower_ in bands and not t.is_sent_start
        if (named_band or any(_titled(w) and not w.is_sent_start for w in doc[start:i])) \
                and not any(doc[k:end].text.lower() in described for k in range(start, end - 1)):
            out.append((start, end))
            i = end
        else:
            i += 1  # "Fighters of the Men of Dignity": a name may start at a later head
    return out


#: ordinals written as words, which spaCy counts as numbers ("the Tenth Armoured Brigade")
_ORDINAL_WORDS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                            "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                            "seventeenth", "eighteenth", "nineteenth", "twentieth"})
#: what a number after a unit's noun may count instead of naming the unit ("the Group 20 years ago")
_COUNTED = frozenset({"percent", "%", "year", "years", "day", "days", "month", "months", "km", "kilometres",
                      "kilometers", "miles", "people", "persons", "civilians"})


def numbered_units(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of units named by a number: capitalised words (acronyms too) ending in a capitalised noun for
    a body or a unit, with an ordinal or, after "the" or an owner, a number before them ("the Tenth Armoured
    Brigade", "the 23 Brigade", "the KIA's 3rd Brigade"), or a number after them, capitalised words between
    ("Light Infantry Battalion 351", "Marine Battalion Landing Team 11", "MNJTF Sector 2", "Company No. 10").
    Armies, police and rebels number their brigades, battalions, fronts and sectors; the NER leaves the number
    out of the name, or tags the name as nothing, and the unit then goes unnamed or merges with its namesakes.
    A year after the noun is no unit's number."""
    heads = _numbered_heads()
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        t = doc[i]
        if not (t.is_title and t.lower_ in heads):
            i += 1
            continue
        start = i
        while start > 0 and i - start < 5 and not (w := doc[start - 1]).like_num and w.lower_ not in _DETERMINERS \
                and (_titled(w) or w.is_upper and w.is_alpha and len(w) > 1):
            start -= 1
        before = doc[start - 1] if start > 0 else None
        a = start
        if before is not None and (_ORDINAL.match(before.text) or before.is_title and before.lower_ in _ORDINAL_WORDS
                                   or before.is_digit and len(before) <= 4 and start >= 2
                                   and doc[start - 2].lower_ in _UNIT_OWNERS):
            a = start - 1
        k = i + 1
        while k < len(doc) and k - i <= 3 and _titled(doc[k]) and not doc[k].like_num and doc[k].lower_ != "no":
            k += 1
        if k < len(doc) and doc[k].lower_ in ("no.", "no"):  # "Company No. 10"
            k += 1 + (k + 1 < len(doc) and doc[k + 1].text == ".")
        b = i + 1
        if k < len(doc) and doc[k].is_digit and len(doc[k]) <= 5 and not (len(doc[k]) == 4 and doc[k].text[:2] in (
                "19", "20")) and not (k + 1 < len(doc) and doc[k + 1].lower_ in _COUNTED):
            b = k + 1
        if a < start or b > i + 1:
            out.append((a, b))
            i = b
        else:
            i += 1
    return out


@cache
def _numbered_heads() -> frozenset[str]:
    """The nouns that end a numbered unit's name: a body's (organisation_head_words) and an echelon's or area's
    (numbered_unit_words), read once."""
    return organisation_heads() | lexicon_words("numbered_unit_words")


def numbered_unit_spans(doc: Doc, found: list[Span]) -> list[Span]:
    """Units named by a number ("the Tenth Armoured Brigade", "Light Infantry Battalion 351"): over the NER's
    pieces of them and a listed name inside ("Kyaukkyi Township PDF Battalion 2"); a listed name they begin with
    is their owner's and stays ("Hezbollah Unit 4400": Unit 4400 of Hezbollah); none across a listed name's edge."""
    out: list[Span] = []
    for a, b in numbered_units(doc):
        if any(s.start < b and a < s.end and not (a <= s.start and s.end <= b) for s in found):
            continue
        a = max([a] + [s.end for s in found if s.start == a])
        if a < b:
            out.append(Span(doc, a, b, label="ORG", span_id=NUMBERED_UNIT))
    return out


def owners_after(doc: Doc, numbered: list[Span]) -> list[Span]:
    """The name the NER ran on into after a numbered unit's, across "of (the)": the unit's owner ("the 10th
    Front of the FARC" -> the FARC)."""
    out: list[Span] = []
    for n in numbered:
        for e in doc.ents:
            if e.start < n.end < e.end and doc[n.end].lower_ == "of":
                k = n.end + 1 + (n.end + 1 < e.end and doc[n.end + 1].lower_ == "the")
                if k < e.end and all(t.is_title or t.is_upper for t in doc[k:e.end]):
                    out.append(Span(doc, k, e.end, label=e.label_))
    return out


def article_names(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of "Los" or "Las" and one to three capitalised words, none of them tagged by the NER, inside a
    sentence ("blamed Los Shottas for the killing"): a Spanish name, a gang's or a town's, that the NER missed."""
    out: list[tuple[int, int]] = []
    text = doc.text  # (joined from the tokens at each read)
    if "Los " not in text and "Las " not in text:
        return out  # most sentences: no token to walk
    for t in doc:
        if t.text not in ("Los", "Las") or t.ent_type_ or t.i + 1 >= len(doc):
            continue
        end = t.i + 1
        while end < len(doc) and end - t.i <= 3 and _titled(doc[end]) and not doc[end].ent_type_:
            end += 1
        if end > t.i + 1:
            out.append((t.i, end))
    return out


def unit_nouns() -> frozenset[str]:
    """Lower-case nouns that make the name before them an armed unit's (ontology/lexicon.yaml)."""
    return lexicon_words("named_unit_words")


#: what stands before a unit's name: the article, or an owner ("the TTP's Gandapur faction", "its Karialan faction")
_UNIT_OWNERS = frozenset({"the", "'s", "’s", "its", "their"})


def named_units(doc: Doc, common: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Token ranges of a unit named after a person or by a little-known name: one to four capitalised words the
    NER tagged as a person's name or left untagged (not all of them common words), then a lower-case noun for an
    armed unit ("the Jaime Martínez front", "the Dagoberto Ramos column", "the TTP's Gandapur faction"), after
    "the" or an owner. Colombia's guerrilla fronts and columns bear dead commanders' names, South Asia's and the
    Sahel's factions their leaders': the NER takes the name for the person's and leaves the unit out."""
    nouns = unit_nouns()
    out: list[tuple[int, int]] = []
    for t in doc:
        if not t.is_lower or t.lower_ not in nouns or t.i == 0:
            continue
        start = t.i
        while start > 0 and t.i - start < 4 and _titled(word := doc[start - 1]) and word.ent_type_ in ("PERSON", "") \
                and word.lower_ not in _DETERMINERS:
            start -= 1
        if start == t.i or start == 0 or doc[start - 1].lower_ not in _UNIT_OWNERS:
            continue  # no name, or no article or owner before it ("Jaime Martínez front pages")
        words = doc[start:t.i]
        if all(w.ent_type_ == "" for w in words) and all(w.lower_ in common or w.is_sent_start for w in words):
            continue  # "the Eastern front", "the Northern wing"
        if words[0].ent_type_ == "PERSON" and words[0].ent_iob_ != "B":
            continue  # the tail of a longer name
        out.append((start, t.i + 1))
    return out


def _titled(tok: Token) -> bool:
    return tok.is_title and tok.is_alpha


def facility_heads() -> frozenset[str]:
    """English nouns for a built place that end a facility's name (ontology/lexicon.yaml)."""
    return lexicon_words("facility_head_words")


#: the NER's labels of a name that, alone before a facility's noun, says where or whose it is, not what it is
#: called: "the Kabul airport", "the Shia mosque" (a listed group's name, "the Taliban camp": the pipeline)
_OWNER_LABELS = frozenset({"GPE", "LOC", "NORP"})


def facility_names(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of facilities' names: capitalised words (small joining words inside: "Etoile du Sud") right
    before a lower-case noun for a built place ("hotel", "shrine", "theatre"), after "the" or a possessive name,
    with the noun. Written by hand: the small NER tags few such names, and tags the capitalised part as a person
    ("Lal Shahbaz Qalandar") or a people ("Bataclan"), so the place attacked names nobody. Capitalised words that
    are one town's or people's name only say where or whose the place is, and are left alone."""
    heads = facility_heads()
    out: list[tuple[int, int]] = []
    for t in doc:
        if not (t.is_lower and t.lower_ in heads) or t.i == 0:
            continue
        start = t.i
        while start > 0 and t.i - start < _LONGEST:
            w = doc[start - 1]
            if _titled(w) or (w.lower_ in _UNSPELLED and w.is_lower and start - 2 >= 0 and _titled(doc[start - 2])
                              and start < t.i):
                start -= 1
            else:
                break
        if start == t.i or not _titled(doc[start]) or doc[start].lower_ in _DETERMINERS:
            continue
        before = doc[start - 1] if start > 0 else None
        if before is None or not (before.lower_ == "the" or before.lower_ in ("'s", "’s")):
            continue
        if any(e.label_ in _OWNER_LABELS and (e.start, e.end) == (start, t.i) for e in doc.ents):
            continue
        out.append((start, t.i + 1))
    return out


def province_branches(doc: Doc, listed: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each listed group's name (token range) that one to three capitalised words and "Province" follow: the whole
    is the branch's own name, whether or not a list holds it."""
    out = []
    for a, b in listed:
        end = b
        while end < len(doc) and end - b < 3 and doc[end].is_title and doc[end].lower_ != "province" \
                and doc[end].pos_ == "PROPN":
            end += 1
        if b < end < len(doc) and doc[end].text == "Province":
            out.append((a, end + 1))
    return out



#: the NER's labels for a count, which it may give a name it does not know ("the post at Tongomayel": CARDINAL)
_COUNT_LABELS = frozenset({"", "CARDINAL", "ORDINAL", "QUANTITY"})
_AT = frozenset({"at", "in", "near"})


def called_places(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of capitalised words the NER did not name that follow "of" after a noun for a kind of place
    or a position relative to one (`places.yaml` `kind_words`, `relative_position_words`): "the village of
    Mucojo", "the town of Sake", "10 km north of Awdheegle"; after "at", "in", "near" only words it took for a
    number ("the post at Tongomayel"). One to four words, none of them a number."""
    before = _place_nouns()
    out: list[tuple[int, int]] = []
    for t in doc:
        called = t.lower_ == "of" and t.i > 0 and doc[t.i - 1].lower_ in before
        if not called and t.lower_ not in _AT:
            continue
        end = t.i + 1
        while end < len(doc) and end - t.i <= 4 and doc[end].is_title and doc[end].pos_ == "PROPN" \
                and doc[end].ent_type_ in (_COUNT_LABELS if called else _COUNT_LABELS - {""}) \
                and not doc[end].like_num:
            end += 1
        if end > t.i + 1:
            out.append((t.i + 1, end))
    return out


@cache
def _place_nouns() -> frozenset[str]:
    """Nouns whose "of" a place's name follows: kinds of place and positions relative to one (`places.yaml`)."""
    from ..resolve.places import kind_words, relative_position_words

    return frozenset(w.lower() for w in kind_words()) | relative_position_words()


def hyphened_places(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of place names whose capitalised words a small word joins with hyphens and no space
    (`places.yaml` `hyphen_particles`): "Croix-des-Bouquets", "Saint-Louis-du-Nord", "Bandrélé-sur-Mer". The
    tokenizer splits them at each hyphen and the NER names a piece ("Croix" a person); French, Creole and
    Portuguese place names are written so, seldom a person's name (a given name so joined before a surname,
    "Jean-de-Dieu", would be taken for a place) and no organisation's."""
    particles = _hyphen_particles()
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        if not _titled(doc[i]) or doc[i].whitespace_:
            i += 1
            continue
        end, joined = i + 1, False
        while end + 1 < len(doc) and doc[end].text == "-" and not doc[end].whitespace_:
            nxt = doc[end + 1]
            if nxt.lower_ in particles and nxt.is_lower and not nxt.whitespace_ and end + 3 < len(doc) \
                    and doc[end + 2].text == "-" and not doc[end + 2].whitespace_ and _titled(doc[end + 3]):
                end, joined = end + 4, True  # "-des-Bouquets"
            elif _titled(nxt):
                end += 2  # "Saint-Louis"
            else:
                break
            if doc[end - 1].whitespace_:
                break
        if joined:
            out.append((i, end))
        i = max(end, i + 1)
    return out


@cache
def _hyphen_particles() -> frozenset[str]:
    from ..resolve.place_index import data_words

    return data_words("hyphen_particles")
