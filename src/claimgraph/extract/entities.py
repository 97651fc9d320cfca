"""In-document entity resolution: mentions (NER + gazetteer) clustered into `Entity` records.

    entity_mentions.find_mentions (pure: parsed sentences → Mention list)
        → cluster_mentions (Mention list → Entities + MentionIndex)

Rules, in order: a gazetteer match is its actor; a name defined in the text ("Inter-Services
Intelligence (ISI)") makes its short form an alias; a short person name ("Mengal", "Ashfaq") joins
the full name it is part of — the one introduced earliest before it, so "Mengal" after "Mir Shafiq
Mengal" is him and not "Nasir Mengal"; then the surname is looked for again in tokens the NER missed.
Ids: a gazetteer actor keeps its global id; anything else gets make_id("ent", type, normalised name), so
the same name in two documents shares an id. Dates, numbers and page furniture never become entities.

Descriptive actors ("Indian troops", "gunmen"; nlp/descriptive.py) are entities of kind "descriptive",
named after the actor they describe in the country the text gives ("Military Forces of India"), with
ids make_id("dsc", type, name).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from ..nlp.descriptive import Description
from ..nlp.gazetteer import Actor, Gazetteer, normalise
from ..ontology import lexicon_words
from ..records import Entity, Span, make_id
from ..resolve.names import fold
from ..resolve.place_index import demonym_keys as demonyms
from ..resolve.places import kind_words
from .countries import Countries, bare_forces_joined, document_country, host_country, host_variant, leading_country
from .entity_mentions import LABEL_TYPES, ORG_TYPES, PLACE_LABELS, Mention
from .mention_index import MentionIndex
from .name_context import (
    group_name_before,
    people_name,
)
from .name_context import main_subject as is_main_subject
from .types import ParsedSentence

# spaCy / gazetteer labels → ontology entity types; labels not here are not entities
_TYPE_RANK = ["armed_group", "agency", "person", "publication", "party", "state", "organisation", "facility",
              "place", "group_identity"]
#: a short form in brackets right after a name: "Inter-Services Intelligence (ISI)"
_BRACKET_SHORT = re.compile(r"[\"”’']?\s*\(\s*([A-Z][A-Za-z\-]{1,10})\s*\)")
_DEFINITE = re.compile(r"\bthe\s", re.I)
#: how far back (characters) "the militants" finds the group last named "X militants"
_OWN_WORD_REACH = 1000
#: the words between a person's name and another name of the same person ("X, also known as Y", "X alias Y")
_AKA = re.compile(r"^\s*(?:,\s*|\()?(?:(?:also|better|widely)\s+)?(?:known\s+as|alias|a\.k\.a\.?|aka|nicknamed)\s+"
                  r"[\"“‘']?$", re.I)  # the other name may stand in quotes ("X, alias \"Y\", a commander of Z")


@dataclass(slots=True)
class _Cluster:
    key: str
    names: list[str]
    types: list[str]
    mentions: list[Mention]
    kb_id: str = ""
    first: int = 0
    descriptive: bool = False
    defined: str = ""  # the type a defining sentence gave it ("X is a militant group")
    country: bool = False  # a country first named by its demonym ("Turkish-backed"): named for the country

    @property
    def name(self) -> str:
        return self.names[0]


def _span_order(s: Span) -> tuple[int, int, str]:
    """Mentions in text order; two at one start (a shorter and a longer reading) by end, never in the order of a
    set, which follows the hash seed and so differs between processes."""
    return s.start, s.end, s.text


def _best_type(types: Sequence[str]) -> str:
    counts: dict[str, int] = defaultdict(int)
    for t in types:
        counts[t] += 1
    if "person" in counts and counts["person"] * 2 >= len(types):
        return "person"
    return max(counts, key=lambda t: (counts[t], -_TYPE_RANK.index(t) if t in _TYPE_RANK else -99))


#: lower-case nouns a text writes after a group's name ("the Lakurawa group", "the Los Chapitos faction")
_GROUP_NOUN = re.compile(r" (?:group|faction|gang|militia)$")


def _written_with_group(spans: Sequence[Span], text: str, etype: str) -> set[str]:
    """A group's name with and without the lower-case word "group" (or "faction", "gang", "militia") the text
    writes after it ("the Islamic State group", "the Los Chapitos faction"): name forms of the document, kept
    among the actor's aliases (the mention itself stays as found). A capitalised "Group" is part of the name
    ("Wagner Group")."""
    if etype in ("person", "place", "facility", "group_identity", "publication"):
        return set()
    out = {f"{s.text} group" for s in spans if re.match(r" group\b", text[s.end : s.end + 7])}
    return out | {s.text[: m.start()] for s in spans if (m := _GROUP_NOUN.search(s.text)) and m.start() >= 5}


def _written_with_members(spans: Sequence[Span], text: str, etype: str) -> set[str]:
    """A force's or group's name with and without the lower-case word for its members that the text writes
    after it ("Assam Rifles troops" → "Assam Rifles", "the Security Belt forces" → "Security Belt forces";
    lexicon.yaml `member_nouns_after_name`): the name the body goes by, kept among its aliases as
    `_written_with_group` keeps "the Islamic State group". Only where what is left ends in a capitalised word
    that is no nationality ("Pakistani troops", "Indian security forces" name no body), and not from a mention
    that starts inside a longer capitalised name."""
    if etype in ("person", "place", "facility", "group_identity", "publication"):
        return set()
    nouns = lexicon_words("member_nouns_after_name")
    out = set()
    for s in spans:
        before = text[: s.start].rsplit(None, 1)[-1:]
        if before and before[0][:1].isupper() and before[0].lower() not in ("the", "a", "an"):
            continue  # a mention that starts inside a longer name ("Security [Belt forces]")
        head, _, last = s.text.rpartition(" ")
        if last in nouns and head[-1:].isalnum() and head.rsplit(" ", 1)[-1][:1].isupper() \
                and fold(head) not in demonyms():
            out.add(head)
        after = re.match(r" ([a-z]+)\b", text[s.end : s.end + 16])
        if after and after.group(1) in nouns and s.text.rsplit(" ", 1)[-1][:1].isupper() \
                and fold(s.text) not in demonyms():
            out.add(f"{s.text} {after.group(1)}")
    return out


#: the kinds of division whose word a place's name may carry or drop ("Oudalan province", "Bijapur district")
_DIVISION_KINDS = frozenset({"district", "province", "region"})


def _without_division_word(spans: Sequence[Span], etype: str) -> set[str]:
    """A place's name without the division word the text writes after it ("Oudalan province" → "Oudalan",
    "the Lower Kurram areas" → "Lower Kurram"): the name the place goes by, kept among its aliases. Not a town's
    word: "Gaza City" is not Gaza."""
    if etype != "place":
        return set()
    words = kind_words()
    out = set()
    for s in spans:
        parts = s.text.split()
        if len(parts) >= 2 and words.get(parts[-1].lower()) in _DIVISION_KINDS:
            out.add(" ".join(parts[:-1]))
    return out


_NAME_WORD = re.compile(r"[A-Za-z]{4,}")
#: a word that more listed actors' names hold than this says nothing about which one is meant ("Islamic")
_DISTINCT_WORD_MAX = 3


_SHARED_WORDS: dict[int, tuple[Gazetteer, frozenset[str]]] = {}


def _listed_name_words(gazetteer: Gazetteer) -> frozenset[str]:
    """Words of the listed actors' names that more than a few of them share ("islamic", "army", "front"), counted
    once per gazetteer (held beside its words, so that its id stays its own)."""
    held = _SHARED_WORDS.get(id(gazetteer))
    if held is None or held[0] is not gazetteer:
        counts: dict[str, int] = defaultdict(int)
        for a in gazetteer.actors.values():
            for w in {w.lower() for n in (a.name, *a.aliases) for w in _NAME_WORD.findall(n)}:
                counts[w] += 1
        held = _SHARED_WORDS[id(gazetteer)] = (gazetteer, frozenset(w for w, n in counts.items()
                                                                    if n > _DISTINCT_WORD_MAX))
    return held[1]


def _named_by_word(assigned: list[tuple[Mention, _Cluster]], clusters: Sequence[_Cluster],
                   parsed: Sequence[ParsedSentence], peoples: set[str], gazetteer: Gazetteer | None,
                   countries: Countries | None, generic: frozenset[str] = frozenset()
                   ) -> list[tuple[Mention, _Cluster]]:
    """A description made of a capitalised word that the name of one named group of the document holds is that
    group: "a Maoist ambush", "the Maoists" in a report that names the CPI (Maoist). Not a word many listed names
    share ("Islamic militants" are not the Islamic State), a people's, a country's or a place's word ("Baloch
    militants" are not the Baloch Liberation Army, "the Kashmir Police" not the Kashmir Tigers), a word of a state
    force's own terms (`generic`: "the Rwanda Security Forces" are not the "Institute for Security"), nor a word
    that only opens its sentence."""
    shared = (_listed_name_words(gazetteer) if gazetteer is not None else frozenset()) | generic
    groups: dict[str, set[str]] = defaultdict(set)
    for c in clusters:
        if not c.descriptive and c.types[0] in ORG_TYPES:
            for n in c.names:
                for w in _NAME_WORD.findall(n):
                    groups[w.lower()].add(c.key)
    by_key = {c.key: c for c in clusters}
    out = []
    for m, c in assigned:
        if c.descriptive and m.sent >= 0:
            sent = parsed[m.sent].sent
            words = {t.lower_ for t in sent[m.tok[0] : m.tok[1]] if t.is_title and not t.is_sent_start}
            words |= {w[:-1] for w in words if w.endswith("s")}
            words = {w for w in words - {p.lower() for p in peoples} - shared
                     if countries is None or countries.of_text(w) is None}
            if m.country_text and countries is not None and not countries.knows_no_place(m.country_text):
                words -= {w.lower() for w in m.country_text.split()}  # "the Kashmir Police": Kashmir's police
            keys = {k for w in words for k in groups.get(w, ())}
            if len(keys) == 1:
                c = by_key[keys.pop()]
        out.append((m, c))
    return out


def cluster_mentions(
    mentions: Sequence[Mention], parsed: Sequence[ParsedSentence], doc_text: str, gazetteer: Gazetteer | None,
    descriptions: Mapping[str, Description] | None = None, countries: Countries | None = None,
    people: Mapping[str, str] | None = None,
) -> tuple[list[Entity], MentionIndex]:
    """Group mentions into entities (see the module docstring) and index them by sentence token.

    A description becomes the actor it describes in its country ("Indian troops" → Military Forces of
    India; see nlp/descriptive.py); with no country in its words, the one country of the document's places.
    A gazetteer name that a host-country phrase qualifies ("the nation's homegrown Taliban") becomes the
    country's own variant of it when the gazetteer knows one (Tehrik-i-Taliban Pakistan in a Pakistan report)."""
    doc_country = forces_country = None
    if countries is not None:
        names = [m.text for m in mentions if m.label in PLACE_LABELS | {"NORP"}] + [
            m.country_text or (descriptions[m.desc].country or "") for m in mentions
            if m.desc and descriptions and m.desc in descriptions]
        doc_country = document_country(names, countries)
        # "the army" of a report about Sudan that names Chad once: the country most of its places lie in (not where
        # the report names another country's forces: "US troops trained soldiers in Mogadishu; the army ...")
        forces_country = doc_country or leading_country(names, countries)
        if forces_country is not None and any(
                (countries.of_text(m.country_text) if m.country_text else descriptions[m.desc].country)
                not in (None, forces_country) for m in mentions if m.desc and descriptions and m.desc in descriptions):
            forces_country = doc_country
    clusters: list[_Cluster] = []
    by_key: dict[str, _Cluster] = {}
    alias_of: dict[str, _Cluster] = {}  # normalised alias → cluster
    short: dict[str, tuple[_Cluster, int]] = {}  # a bracketed short form → its cluster, where it is defined
    assigned: list[tuple[Mention, _Cluster]] = []

    def new(key: str, m: Mention, etype: str, kb: str = "", name: str | None = None) -> _Cluster:
        c = _Cluster(key, [name or m.text], [etype], [], kb, m.start)
        clusters.append(c)
        by_key[key] = c
        alias_of.setdefault(normalise(name or m.text), c)
        return c

    persons_full: list[_Cluster] = []
    own_words: dict[tuple[str, str], dict[str, int]] = {}  # (description, word) → group → where last so named
    forces: dict[str, dict[str, str | None]] = {}  # a state force's bare name → its clusters' keys → country
    demonym_words = frozenset(countries.demonyms.values()) if countries is not None else frozenset()
    group_words = _words_of(tuple(descriptions.values())) if descriptions else {}
    for m in mentions:
        etype = LABEL_TYPES[m.label]
        d = descriptions.get(m.desc) if descriptions and m.desc else None
        owner = gazetteer.lookup(m.country_text) if d is not None and gazetteer and m.country_text else None
        if owner is not None and owner.type in ORG_TYPES:
            d = None  # "Houthi rebels": the group's own fighters, not a description
            c = by_key.get(owner.id) or new(owner.id, m, owner.type, owner.id, owner.name)
            assigned.append((m, c))
            own_words.setdefault((m.desc, m.text.split()[-1].lower()), {})[c.key] = m.start
            continue
        if d is not None and not m.country_text and _DEFINITE.search(doc_text, max(0, m.start - 4), m.start + 4):
            # "the rebels" after "Huthi rebels": the one group the text named by that word just before (not
            # "the militants" of another incident further down a list)
            owners = [k for k, at in own_words.get((m.desc, m.text.split()[-1].lower()), {}).items()
                      if m.start - at <= _OWN_WORD_REACH]
            if len(owners) == 1:
                assigned.append((m, by_key[owners[0]]))
                own_words[(m.desc, m.text.split()[-1].lower())][owners[0]] = m.start  # named so again here
                continue
        following = re.match(r"\s+(\w+)", doc_text[m.end : m.end + 30])
        if d is not None and d.category != "State Forces" and group_name_before(
                m.country_text, m.text, following.group(1) if following else "", countries, people) and not any(
                x.label == "GROUP_IDENTITY" and x.start < m.start + len(m.country_text) and m.start < x.end
                for x in mentions):
            # "the Abu Sayyaf militant group": a name no list knows before an organisation noun is the group
            n = len(m.country_text)
            named = Mention(m.start, m.start + n, m.country_text, "ORG", "", m.sent,
                            (m.tok[0], m.tok[0] + len(m.country_text.split())), defined=True)
            key = f"ent:{normalise(m.country_text)}"
            c = by_key.get(key) or new(key, named, "armed_group", name=m.country_text)
            assigned.append((named, c))
            continue
        if d is not None and d.type == "state" and m.country_text and countries is not None \
                and not countries.is_country_word(m.country_text) \
                and countries.precision_of(m.country_text) in (None, "province", "region", "district"):
            # "the Puntland government", "the Borno State Government": a region's own, not the country's
            name = re.sub(r"^the\s+", "", m.text, flags=re.I)
            c = by_key.get(f"ent:{normalise(name)}") or new(f"ent:{normalise(name)}", m, "organisation", name=name)
            assigned.append((m, c))
            continue
        if d is not None:
            country = d.country or (countries.of_text(m.country_text) if countries and m.country_text and (
                countries.is_country_word(m.country_text) or countries.of_text(m.country_text) == doc_country)
                else None)  # "Albanian guerrillas" is no place in the United States
            if country is None and not (m.country_text and d.category == "State Forces") and d.guesses_country(m.text):
                country = forces_country  # never for "US drone strike" when "US" is not understood
            meant = d.named_actor(country, m.text) if gazetteer is not None else None
            actor = gazetteer.actors.get(make_id("act", meant)) if meant else None
            if actor is not None:  # "Maoists" in India: the CPI (Maoist)
                c = by_key.get(actor.id) or new(actor.id, m, actor.type, actor.id, actor.name)
                assigned.append((m, c))
                continue
            demonym = countries.demonym(country) if countries and country else None
            name = d.display(country, demonym)
            c = by_key.get(f"desc:{name}") or new(f"desc:{name}", m, d.type, name=name)
            c.descriptive = True
            c.names.extend(a for a in d.other_names(country, demonym) if a not in c.names)
            if d.category == "State Forces":
                forces.setdefault(d.bare_name, {})[c.key] = country
            assigned.append((m, c))
            short_form = _BRACKET_SHORT.match(doc_text, m.end, m.end + 17)
            if short_form and short_form.group(1).isupper():
                # "the Somali National Army (SNA) ... the SNA": the short form is the forces' too
                alias_of.setdefault(normalise(short_form.group(1)), c)
            continue
        kb = m.kb_id
        actor = gazetteer.actors.get(kb) if gazetteer and kb else None
        if actor is None and gazetteer is not None and etype != "person":
            actor = gazetteer.lookup(m.text) or _listed_short_form(m, doc_text, mentions, gazetteer)
        elif actor is None and gazetteer is not None and len(m.text.split()) >= 3:
            # "Jaish al Adl" read as a person: a group's name written another way is still the group
            found = gazetteer.lookup(m.text)
            actor = found if found is not None and found.type in ORG_TYPES else None
        if actor is not None and countries is not None and gazetteer is not None and actor.type == "armed_group":
            host = host_country(doc_text[max(0, m.start - 60) : m.start], doc_country, countries)
            actor = (host_variant(actor, host, countries, gazetteer) if host else None) or actor
        if actor is not None:
            c = by_key.get(actor.id) or new(actor.id, m, actor.type, actor.id, actor.name)
            assigned.append((m, c))
            if following and actor.type in ORG_TYPES:
                # "Boko Haram militants": the word the text may later call the group by ("the militants")
                word = following.group(1).lower()
                for key in group_words.get(word, ()):
                    own_words.setdefault((key, word), {})[c.key] = m.start
            d = _BRACKET_SHORT.match(doc_text, m.end, m.end + 17)
            if d and d.group(1).isupper():  # "the Abu Sayyaf Group (ASG) ... ASG sub-leader X"
                short.setdefault(d.group(1), (c, d.end(1)))
                alias_of.setdefault(normalise(d.group(1)), c)  # … and "JAS fighters" the NER saw as a name
            continue
        group_name = people_name(m.text, people) if people and etype == "group_identity" else m.text
        country_named = etype == "place" and m.text in demonym_words
        if country_named and countries is not None:
            group_name = countries.of_text(m.text) or m.text  # "Turkish(-backed)": Turkey
        norm = normalise(group_name)
        c = alias_of.get(norm)
        if c is None and etype in ORG_TYPES and _INITIALISM.fullmatch(m.text):
            # "AA" after "the Arakan Army": the initials of the one organisation named before
            c = _initials_of(m.text, clusters)
            etype = c.types[0] if c is not None else etype
        if c is None and (etype == "person" or etype == "place" and not m.kb_id) and assigned \
                and assigned[-1][0].label == "PERSON" and _AKA.match(doc_text[assigned[-1][0].end : m.start]):
            # "Sanaullah Ghafari, also known as Shahab al-Muhajir": one man, two names (the other name taken for a
            # place's: "Abdul Hajan, alias Kubong")
            c, etype = assigned[-1][1], "person"
        if c is None and etype in ORG_TYPES and assigned and not assigned[-1][1].descriptive \
                and assigned[-1][1].types[0] in ORG_TYPES and _AKA.match(doc_text[assigned[-1][0].end : m.start]):
            c = assigned[-1][1]  # "the Special Deterrence Force, widely known as Radaa": one body, two names
            alias_of.setdefault(norm, c)  # and "Radaa" again later is the same body
        words = m.text.split()
        if c is None and len(words) <= 2 and etype in {"person", "group_identity", "organisation", "place"}:
            # a short name inside a fuller person name introduced earlier (or, failing that, anywhere)
            cands = [p for p in persons_full if set(w.lower() for w in words) <= set(
                w.lower() for w in p.name.split()) and len(p.name.split()) > len(words)]
            before = [p for p in cands if p.first < m.start]
            pick = before or cands
            if pick and (etype == "person" or len(words) == 1):
                c = min(pick, key=lambda p: (-len(p.mentions), p.first))
                etype = "person"  # part of a person's name ("Artan" after "Abdul Razak Ali Artan")
        if c is None and len(words) == 1 and etype in ORG_TYPES and words[0].istitle() \
                and doc_text[max(0, m.start - 4) : m.start].lower() == "the ":
            # "the Observatory" after "the Syrian Observatory for Human Rights": the one body named before whose
            # name holds the word
            c = _one_body_before(clusters, m.start, lambda k, w=words: len(k.name.split()) >= 2
                                 and w[0].lower() in k.name.lower().split())
            etype = c.types[0] if c is not None else etype
        if c is None and etype in ORG_TYPES and len(words) >= 2 and words[0][:1].isdigit():
            # "the 444th Brigade" after "the 444th Combat Brigade": a numbered unit without a word of its name
            c = _one_body_before(clusters, m.start, lambda k, w=words: len(k.name.split()) > len(w)
                                 and k.name.split()[0] == w[0] and k.name.split()[-1] == w[-1]
                                 and set(w) <= set(k.name.split()))
            etype = c.types[0] if c is not None else etype
        if c is None:
            c = new(f"{etype}:{norm}", m, etype, name=group_name)
            if etype == "person" and len(words) >= 2:
                persons_full.append(c)
        else:
            c.types.append(etype)
        c.country = c.country or country_named
        if m.defined and not c.defined:
            c.defined = etype
        assigned.append((m, c))
        # "Inter-Services Intelligence (ISI)": the bracketed short form is an alias (of a place only when it could
        # be the place's own: "Democratic Republic of Congo (DRC)", not "Transition Mission in Somalia (ATMIS)")
        d = _BRACKET_SHORT.match(doc_text, m.end, m.end + 17)
        if d and etype == "place" and d.group(1)[:1].lower() != group_name.removeprefix("the ")[:1].lower():
            d = None
        if d and (d.group(1).upper() == d.group(1) or sum(ch.isupper() for ch in d.group(1)) >= 2
                  or _abbreviates(d.group(1), group_name)):
            alias_of.setdefault(normalise(d.group(1)), c)
            if d.group(1) not in c.names:
                c.names.append(d.group(1))
            if d.group(1).isupper() and not c.descriptive:
                short.setdefault(d.group(1), (c, d.end(1)))

    # short person names the NER missed ("Mengal, son of …" at the start of a sentence)
    taken = {(m.sent, t) for m, _ in assigned if m.sent >= 0 for t in range(*m.tok)}
    extra: list[tuple[Mention, _Cluster]] = []
    surnames: dict[str, list[_Cluster]] = defaultdict(list)
    for c in clusters:
        if _best_type(c.types) == "person" and len(c.name.split()) >= 2:
            surnames[c.name.split()[-1]].append(c)
    for si, ps in enumerate(parsed):
        base = ps.sent[0].idx if len(ps.sent) else 0
        for t in ps.sent:
            if (si, t.i) in taken or t.text not in surnames or not t.is_title:
                continue
            start = ps.start + t.idx - base
            prev = t.nbor(-1) if t.i > 0 else None
            if prev is not None and prev.is_title and prev.text not in {"(", "“"} and prev.i > 0:
                continue  # part of another name ("Nasir Mengal")
            cands = surnames[t.text]
            before = [c for c in cands if c.first < start] or cands
            c = min(before, key=lambda p: (-len(p.mentions), p.first))
            extra.append((Mention(start, start + len(t.text), t.text, "PERSON", "", si, (t.i, t.i + 1)), c))
    # an organisation's initials the NER missed ("IS sleeper cells" after "Islamic State militants")
    by_initials: dict[str, list[_Cluster]] = defaultdict(list)
    for c in clusters:
        if not c.descriptive and c.types[0] in ORG_TYPES and (short_form := _initials(c.name)):
            by_initials[short_form].append(c)
    for short_form, named in by_initials.items():
        if len(named) == 1 and short_form not in short:
            short[short_form] = (named[0], named[0].first + 1)
    # a defined short form the NER missed later on ("the Protestant Action Force (PAF) ... the PAF shot dead")
    for si, ps in enumerate(parsed):
        base = ps.sent[0].idx if len(ps.sent) else 0
        for t in ps.sent:
            if (si, t.i) in taken or t.text not in short:
                continue
            c, defined = short[t.text]
            start = ps.start + t.idx - base
            if start >= defined:
                extra.append((Mention(start, start + len(t.text), t.text, "ORG", "", si, (t.i, t.i + 1)), c))
    # "the Abu Sayyaf" where the text also says "the Abu Sayyaf group": the listed group it is short for
    if gazetteer is not None:
        full = {c.key: f for c in clusters if not c.kb_id and not c.descriptive and len(c.name.split()) >= 2
                and (f := _group_of(c.name, gazetteer, by_key)) is not None}
        assigned = [(m, full.get(c.key, c)) for m, c in assigned]
    generic = frozenset(w.lower() for d in (descriptions or {}).values() if d.category == "State Forces"
                        for term in (*d.terms, *d.exact, *d.with_country) for w in term.split())
    assigned = _named_by_word(assigned, clusters, parsed, demonym_words | set(people or ()), gazetteer, countries,
                              generic)
    assigned = bare_forces_joined(assigned, forces, by_key, [m.text for m in mentions if m.label in PLACE_LABELS],
                                   countries)
    for m, c in assigned + extra:
        c.mentions.append(m)

    entities: list[Entity] = []
    index = MentionIndex()
    ids: list[tuple[_Cluster, str]] = []
    for c in clusters:
        if not c.mentions:
            continue
        etype = c.types[0] if c.kb_id or c.descriptive else c.defined or _best_type(c.types)
        name = c.name
        if not c.kb_id and not c.descriptive and not c.country:
            # the longest name used is the canonical one ("Mir Shafiq Mengal", not "Mengal"), as written in
            # running text rather than in a headline's or lead's capitals ("Abu Sayyaf", not "ABU SAYYAF")
            name = max((m.text for m in c.mentions), key=lambda n: (len(n.split()), len(n), not n.isupper()))
            if etype == "group_identity" and people:
                name = people_name(name, people)  # "Catholic civilian" → the group, "Catholic civilians"
        # a description's id says so ("dsc_…"): one actor per kind and country across documents
        eid = c.kb_id or make_id("dsc" if c.descriptive else "ent", etype, normalise(name))
        refs: tuple[str, ...] = ()
        if c.kb_id and gazetteer is not None:
            refs = gazetteer.actors[c.kb_id].refs
        spans = tuple(sorted({Span(m.start, m.end, m.text) for m in c.mentions}, key=_span_order))
        aliases = tuple(sorted({s.text for s in spans} | set(c.names) | _written_with_group(spans, doc_text, etype)
                               | _written_with_members(spans, doc_text, etype) | _without_division_word(spans, etype)
                               - {name}))
        kind = "descriptive" if c.descriptive else "named"
        e = Entity(eid, name, etype, tuple(a for a in aliases if a != name), spans, refs, kind)
        if eid in index.entities:  # two clusters that normalise to one id: merge
            old = index.entities[eid]
            e = Entity(eid, old.name, old.type, tuple(sorted(set(old.aliases) | set(e.aliases))),
                       tuple(sorted(set(old.mentions) | set(spans), key=_span_order)), old.refs, old.kind)
        index.entities[eid] = e
        ids.append((c, eid))
        for m in c.mentions:
            index.ordered.append((m.start, eid))
            if m.sent >= 0 and is_main_subject(parsed[m.sent].sent, m.tok):
                index.subjects.add(m.start)
    # a token inside a description belongs to it ("Pakistani" in "Pakistani security establishment")
    for c, eid in sorted(ids, key=lambda x: x[0].descriptive):
        for m in c.mentions:
            if m.sent >= 0:
                for t in range(*m.tok):
                    index.by_token[(m.sent, t)] = eid
    index.ordered.sort()
    entities = list(index.entities.values())
    return entities, index


#: an organisation's initials as the text may write them ("IS", "AA", "KIA")
_INITIALISM = re.compile(r"[A-Z]{2,5}")
#: words of a name its initials leave out ("Army of the Righteous")
_UNINITIALLED = frozenset({"of", "the", "and", "for", "in", "al", "el", "e", "i", "ul", "wal"})


@cache
def _words_of(descriptions: tuple[Description, ...]) -> dict[str, tuple[str, ...]]:
    """The one-word terms of the non-state descriptions ("militants", "rebels"), each with its descriptions' keys."""
    out: dict[str, list[str]] = defaultdict(list)
    for d in descriptions:
        if d.category != "State Forces":
            for term in d.terms:
                if " " not in term:
                    out[term.lower()].append(d.key)
    return {w: tuple(keys) for w, keys in out.items()}


def _abbreviates(short_form: str, name: str) -> bool:
    """Whether a one-word short form is cut from the name's words in order, from the first letter of its first
    word and touching at least two of them ("Nolcom": Northern Luzon Command; "Lashkar": Lashkar-e-Taiba)."""
    words = [w.lower() for w in re.split(r"[\s\-]+", name) if w[:1].isalpha()]
    short_form = short_form.lower()
    if len(words) < 2 or not short_form.isalpha() or short_form[:1] != words[0][:1]:
        return False
    at, used = 0, 0
    for w in words:  # each word gives a prefix of itself, in order
        k = 0
        while k < len(w) and at < len(short_form) and short_form[at] == w[k]:
            at, k = at + 1, k + 1
        used += k > 0
    return at == len(short_form) and used >= 2


def _listed_short_form(m: Mention, doc_text: str, mentions: Sequence[Mention], gazetteer: Gazetteer
                       ) -> Actor | None:
    """The listed group whose short form the text defines right after a name no list holds as written ("The
    Allied Democratic Forces (ADF)", where the lists share the long name and give the short form one group): the
    name is that group's."""
    if LABEL_TYPES.get(m.label) not in ORG_TYPES:
        return None
    d = _BRACKET_SHORT.match(doc_text, m.end, m.end + 17)
    if d is None or _initials(m.text) != d.group(1):
        return None
    short = next((x for x in mentions if x.start == d.start(1) and x.kb_id), None)
    return gazetteer.actors.get(short.kb_id) if short is not None else None


def _initials(name: str) -> str:
    """The initials of a name of two or more words ("Islamic State" → "IS"), or "" for one word."""
    words = [w for w in re.split(r"[\s]+", name) if w and w.lower() not in _UNINITIALLED]
    return "".join(w[0] for w in words).upper() if len(words) >= 2 and all(w[0].isalpha() for w in words) else ""


def _initials_of(short_form: str, clusters: Sequence[_Cluster]) -> _Cluster | None:
    """The one organisation (named, not described) among `clusters` whose name has these initials."""
    found = [c for c in clusters if not c.descriptive and c.types[0] in ORG_TYPES
             and _initials(c.name) == short_form]
    return found[0] if len(found) == 1 else None


#: Words a group's listed name ends with that the text may leave off ("the Abu Sayyaf" for the Abu Sayyaf Group).
_GROUP_SUFFIXES = ("Group", "Organisation", "Organization", "Movement", "Front")


def _one_body_before(clusters: Sequence[_Cluster], start: int, fits: Callable[[_Cluster], bool]) -> _Cluster | None:
    """The one named body (organisation types) named before `start` whose cluster `fits`, or None."""
    found = [k for k in clusters if k.first < start and not k.descriptive and k.types[0] in ORG_TYPES and fits(k)]
    return found[0] if len(found) == 1 else None


def _group_of(name: str, gazetteer: Gazetteer, by_key: Mapping[str, _Cluster]) -> _Cluster | None:
    """The cluster of a listed group the document names in full whose name is `name` and a group word."""
    for suffix in _GROUP_SUFFIXES:
        actor = gazetteer.lookup(f"{name} {suffix}")
        if actor is not None and actor.id in by_key:
            return by_key[actor.id]
    return None


def entity_types(entities: Mapping[str, Entity]) -> dict[str, str]:
    return {k: e.type for k, e in entities.items()}
