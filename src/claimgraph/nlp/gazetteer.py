"""The gazetteer: known actors and their names, from the curated file and the sanctions lists.

    ontology/actors.yaml ─┐
    UN SC consolidated.xml ├─ build_gazetteer ─▶ Gazetteer (actors + safe name patterns) ─▶ match()
    OFAC FTO entries.json ─┘

Records that name the same group are merged into one actor: a curated entry absorbs the list records
its `refs` name, and list records whose primary names normalise alike are merged with each other.
The actor id is `make_id("act", key)` where key is the curated key or the smallest list reference,
so it is stable across runs. Every actor keeps where it came from (`refs`: "curated:isi",
"un:QDe.118", "ofac:7140").

Names that would fire on ordinary prose ("The Base", "Army of the Pure", "ALEPH") are kept as aliases
but not used as patterns; see `_pattern_ok`. Building reads about 3 MB of XML/JSON, so the result is
cached (pickle keyed by the hashes of its inputs) under a cache directory.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from ..errors import ConfigError
from ..records import make_id
from ..resolve.names import stem_key
from .name_forms import branch_forms, initialisms, spelled_out, spells_out

GAZETTEER_VERSION = "gazetteer/11"
UN_XML = Path("sanctions_lists/un_sc_consolidated_2024-09/consolidated.xml")
OFAC_JSON = Path("sanctions_lists/ofac_sdn_2022-01/DERIVED_fto_entries_with_aliases.json")

# Words that never make a name on their own (after the particles are removed).
_PARTICLES = {"e", "i", "ul", "al", "el", "ud", "ut", "wa", "wal", "fi", "bin", "ibn", "of", "the", "and",
              "in", "de", "la", "le", "du", "des", "-", "'", "’", "–"}
_LOWER_PARTICLES = {"e", "i", "ul", "al", "el", "ud", "ut", "wa", "wal", "fi", "bin", "ibn", "of", "the", "and",
                    "in", "de", "la", "le", "du", "des", "ur", "ud-", "un"}


@dataclass(frozen=True, slots=True)
class Actor:
    """One known actor: a group, agency, person or place with every name it goes by."""

    id: str
    key: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    refs: tuple[str, ...] = ()
    kin: tuple[tuple[str, str], ...] = ()  # (relation, actor id), e.g. ("branch_of", "act_…")
    country: str | None = None


@dataclass(frozen=True, slots=True)
class NamePattern:
    """A name to match in text. `exact` names match case-sensitively; the others on lower case. An `alone` name
    (a listed group's name of ordinary words) matches only where it is written as a name and is not part of a
    longer capitalised one ("National Liberation Army" is not in "Irish National Liberation Army")."""

    text: str
    actor_id: str
    exact: bool
    alone: bool = False


@dataclass(slots=True)
class Gazetteer:
    actors: dict[str, Actor]
    patterns: tuple[NamePattern, ...]
    sources: tuple[str, ...] = ()  # which inputs it was built from, for `info`
    _by_name: dict[str, str] = field(default_factory=dict)

    _by_stem: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        stems: dict[str, set[str]] = defaultdict(set)
        for p in self.patterns:
            self._by_name.setdefault(normalise(p.text), p.actor_id)
            if not p.exact or len(p.text) > 5:
                stems[stem_key(p.text)].add(p.actor_id)
        # a stem two actors share says nothing about which is meant
        self._by_stem = {k: next(iter(v)) for k, v in stems.items() if len(k) >= 5 and len(v) == 1}

    def lookup(self, name: str) -> Actor | None:
        """The actor a name (as written) refers to, or None. A name that is not one of an actor's names
        but has the stem of exactly one actor's names ("Huthi militia" ~ "Houthis") refers to that actor."""
        aid = self._by_name.get(normalise(name)) or self._by_stem.get(stem_key(name))
        return None if aid is None else self.actors[aid]

    def __len__(self) -> int:
        return len(self.actors)


def normalise(name: str) -> str:
    """A key for comparing names: accents, case, punctuation and spacing removed ("Al Qa'ida" → "alqaida")."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"[^0-9a-z]+", "", text)


def _clean(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip(" ,;\"'“”‘’()`")


def _split_names(raw: str) -> Iterator[str]:
    """'TEHRIK-E TALIBAN PAKISTAN (TTP)' → 'TEHRIK-E TALIBAN PAKISTAN', 'TTP'; 'NEW PEOPLE'S ARMY / COMMUNIST PARTY
    OF THE PHILIPPINES' → the two names the slash joins; drops non-Latin names."""
    raw = re.sub(r"\s+", " ", raw).strip(" ,;\"'“”‘’`")  # keep a closing bracket: "… MOVEMENT (ETIM)"
    for part in re.split(r";| / ", raw):
        if part.count("(") > part.count(")"):
            part += ")"
        inner = re.findall(r"\(([^()]*)\)", part)
        outer = _clean(re.sub(r"\([^()]*\)", " ", part))
        for n in [outer, *inner]:
            n = _clean(n)
            if n.count(",") == 1:  # "A Rahman, Mohamad Iqbal" → "Mohamad Iqbal A Rahman"
                last, first = (x.strip() for x in n.split(","))
                n = f"{first} {last}".strip()
            if n and all(ord(c) < 0x2000 or c in "’‘–—" for c in n) and not re.search(r"[\u0600-\u06ff]", n):
                yield n


def _titlecase(name: str, common_words: frozenset[str] = frozenset(), acronyms: frozenset[str] = frozenset()
               ) -> str:
    """'LASHKAR-E-TAYYIBA' → 'Lashkar-e-Tayyiba': a readable display name for upper-case list names.

    A one-word name of up to five letters ("ISIL", "MUJAO"; not a five-letter word of the lemmatizer's index,
    "HAMAS") and a short word that is not English ("TTP" in a longer name) are taken to be acronyms and stay
    upper case.
    """
    if not name.isupper():
        return name
    letters = len(re.sub(r"[^A-Z]", "", name))
    if " " not in name and letters <= 5 and not (letters == 5 and name.lower() in common_words):
        return name  # an acronym; a five-letter word the lemmatizer knows is a word ("HAMAS" → "Hamas")
    out = []
    for i, piece in enumerate(re.split(r"([\s\-/]+)", name)):
        low = piece.lower()
        if not piece.strip(" -/"):
            out.append(piece)
        elif i > 0 and low in _LOWER_PARTICLES:
            out.append(low)
        elif len(piece) <= 3 and low not in common_words and low not in _NAME_WORDS or low in acronyms:
            out.append(piece)
        else:
            out.append(piece[0] + low[1:])
    return "".join(out)


_NAME_WORDS = {"abu", "umm", "ali", "al", "bin", "ibn", "haji", "mir", "din", "nur", "noor", "ahmad", "aziz"}


# ---------------------------------------------------------------------------------------------- readers


@dataclass(slots=True)
class _Record:
    ref: str
    name: str
    type: str
    aliases: list[str]
    key: str | None = None  # curated key
    kin: list[tuple[str, str]] = field(default_factory=list)  # (relation, curated key)
    links: list[str] = field(default_factory=list)  # refs to merge with
    country: str | None = None


#: Kinship keys a curated actor may carry (see resolve/kinship.yaml): kin stay separate actors.
KIN_RELATIONS = ("branch_of", "front_of", "successor_of", "splinter_of", "affiliate_of", "part_of")

#: UN Security Council sanctions lists of armed groups (reference prefixes): ISIL/Al-Qaida, Taliban, DR Congo,
#: Central African Republic, Somalia, Yemen, Mali. Other UN lists hold ministries, banks and firms.
_ARMED_LISTS = ("un:QDe", "un:TAe", "un:CDe", "un:CFe", "un:SOe", "un:YEe", "un:MLe")


def _listed_group(r: _Record) -> bool:
    """A record of an armed group on a terrorism or armed-group sanctions list (OFAC's FTO entries, the UN's
    armed-group lists): its primary name is the group's name, however ordinary its words ("Lord's Resistance
    Army", "Islamic Movement of Uzbekistan", "HAMAS")."""
    return r.type != "person" and (r.ref.startswith("ofac:") or r.ref.startswith(_ARMED_LISTS))


def _check_sources(data: dict) -> None:
    """Every curated entry names what it rests on (a listing id or a public reference) in `source`."""
    for section in ("actors", "places", "identities"):
        for i, entry in enumerate(data.get(section) or []):
            if not str(entry.get("source") or "").strip():
                label = entry.get("key") or entry.get("name") or f"#{i}"
                raise ConfigError(f"ontology/actors.yaml: {section} entry {label!r} has no source "
                                  f"(a listing id such as un:QDe.118 or ofac:7140, or a public reference URL)")


def _read_curated(text: str) -> list[_Record]:
    data = yaml.safe_load(text) or {}
    _check_sources(data)
    records = []
    for a in data.get("actors", []):
        key = a["key"]
        kin = [(rel, a[rel]) for rel in KIN_RELATIONS if a.get(rel)]
        records.append(
            _Record(f"curated:{key}", a["name"], a["type"], [str(x) for x in a.get("aliases", [])], key, kin,
                    list(a.get("refs", [])), a.get("country"))
        )
    for section, etype in (("places", "place"), ("identities", "group_identity")):
        for p in data.get(section, []):
            key = f"{etype.replace('_', '-')}-{normalise(p['name'])}"
            records.append(_Record(f"curated:{key}", p["name"], etype, [str(x) for x in p.get("aliases", [])], key,
                                   country=p.get("country")))
    return records


def _read_un(path: Path) -> list[_Record]:
    root = ET.parse(path).getroot()
    records = []
    for node in root.iter("ENTITY"):
        ref = (node.findtext("REFERENCE_NUMBER") or "").strip()
        names = list(_split_names(node.findtext("FIRST_NAME") or ""))
        if not ref or not names:
            continue
        aliases = [n for a in node.iter("ENTITY_ALIAS") if (a.findtext("QUALITY") or "Good") != "Low"
                   for n in _split_names(a.findtext("ALIAS_NAME") or "")]
        records.append(_Record(f"un:{ref}", names[0], "organisation", names[1:] + aliases))
    for node in root.iter("INDIVIDUAL"):
        ref = (node.findtext("REFERENCE_NUMBER") or "").strip()
        parts = [node.findtext(t) or "" for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
        name = _clean(" ".join(p.strip() for p in parts if p.strip()))
        if not ref or not name:
            continue
        aliases = [n for a in node.iter("INDIVIDUAL_ALIAS") if (a.findtext("QUALITY") or "") == "Good"
                   for n in _split_names(a.findtext("ALIAS_NAME") or "")]
        records.append(_Record(f"un:{ref}", name, "person", aliases))
    return records


def _read_ofac(path: Path) -> list[_Record]:
    records = []
    for e in json.loads(path.read_text("utf-8")):
        names = list(_split_names(e["name"]))
        if not names:
            continue
        aliases = [n for a in e.get("aliases", []) for n in _split_names(a["name"])]
        etype = "person" if e.get("sdn_type", "").lower() == "individual" else "armed_group"
        records.append(_Record(f"ofac:{e['ent_num']}", names[0], etype, names[1:] + aliases))
    return records


# ---------------------------------------------------------------------------------------------- merging


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # a curated record always stays the root, so its key names the actor
            if rb.startswith("curated:") and not ra.startswith("curated:"):
                ra, rb = rb, ra
            self.parent[rb] = ra


def _merge(records: list[_Record], common_words: frozenset[str]) -> Gazetteer:
    by_ref = {r.ref: r for r in records}
    uf = _Union()
    for r in records:
        uf.find(r.ref)
        for link in r.links:
            if link in by_ref:
                uf.join(r.ref, link)
    # list records (not persons) whose primary names normalise alike are one actor
    first_by_name: dict[str, str] = {}
    for r in records:
        if r.type == "person" or r.ref.startswith("curated:"):
            continue
        k = normalise(r.name)
        if k in first_by_name:
            uf.join(first_by_name[k], r.ref)
        else:
            first_by_name[k] = r.ref
    # a UN record and an OFAC record are one actor when one's primary name is among the other's names
    # (each list lists a group once: UN "Jama'atu Ahlis Sunna ..." has OFAC "Boko Haram" as an alias)
    names_of: dict[str, dict[str, str]] = {"un": {}, "ofac": {}}
    for r in records:
        prefix = r.ref.split(":", 1)[0]
        if r.type != "person" and prefix in names_of:
            for n in (r.name, *r.aliases):
                names_of[prefix].setdefault(normalise(n), r.ref)
    for r in records:
        prefix = r.ref.split(":", 1)[0]
        if r.type == "person" or prefix not in names_of:
            continue
        other = names_of["ofac" if prefix == "un" else "un"].get(normalise(r.name))
        if other is None or by_ref[other].type == "person":
            continue
        a, b = uf.find(r.ref), uf.find(other)
        if not (a.startswith("curated:") and b.startswith("curated:")):  # two curated actors stay two
            uf.join(a, b)
    groups: dict[str, list[_Record]] = defaultdict(list)
    for r in records:
        groups[uf.find(r.ref)].append(r)

    actors: dict[str, Actor] = {}
    trusted: dict[str, set[str]] = {}
    primary: dict[str, set[str]] = defaultdict(set)  # listed groups' primary names, as written in prose
    key_to_id: dict[str, str] = {}
    pending_kin: list[tuple[str, list[tuple[str, str]]]] = []

    def actor_id_of(root: str, members: list[_Record]) -> str:
        return make_id("act", by_ref[root].key or min(m.ref for m in members))

    # A name the curated file gives one actor belongs to it alone: the lists sometimes file a front or
    # successor under the group itself (the UN list gives Jamaat-ud-Dawa as an alias of Lashkar-e-Tayyiba),
    # but kin are kept as separate actors, never merged into one node.
    curated_owner: dict[str, str] = {}
    for root, members in groups.items():
        for m in members:
            if m.ref.startswith("curated:"):
                for n in (m.name, *m.aliases):
                    curated_owner.setdefault(normalise(n), actor_id_of(root, members))
    for root, members in groups.items():
        head = by_ref[root]
        key = head.key or min(m.ref for m in members)
        aid = actor_id_of(root, members)
        names: list[str] = []
        acronyms = initialisms(n for m in members for n in (m.name, *m.aliases))
        for m in sorted(members, key=lambda m: (m is not head, m.ref)):
            if _listed_group(m):
                primary[aid].add(_titlecase(m.name, common_words, acronyms))
            for n in [m.name, *m.aliases]:
                n = n if m.ref.startswith("curated:") else _titlecase(n, common_words, acronyms)
                owner = curated_owner.get(normalise(n), aid)
                if n and normalise(n) and n not in names and owner == aid:
                    names.append(n)
        if head.type != "person":  # "Abu Sayyaf Group" is written "the Abu Sayyaf" too
            names += [short for n in list(names) if (short := _without_group_noun(n)) and short not in names
                      and curated_owner.get(normalise(short), aid) == aid]
        name = head.name if head.key else _titlecase(re.sub(r"^THE\s+", "", _display(members)), common_words,
                                                      acronyms)
        etype = head.type
        if etype == "organisation" and any(m.type == "armed_group" for m in members):
            etype = "armed_group"
        refs = tuple(sorted({m.ref for m in members}))
        actors[aid] = Actor(aid, key, name, etype, tuple(n for n in names if n != name), refs,
                            country=head.country)
        if head.key:
            key_to_id[head.key] = aid
            trusted[aid] = {head.name, *head.aliases}
        if head.kin:
            pending_kin.append((aid, head.kin))
    for aid, kin in pending_kin:
        a = actors[aid]
        resolved = tuple((rel, key_to_id[k]) for rel, k in kin if k in key_to_id)
        actors[aid] = Actor(a.id, a.key, a.name, a.type, a.aliases, a.refs, resolved, a.country)

    patterns = list(_patterns(actors.values(), trusted, common_words, primary))
    return Gazetteer(actors, tuple(patterns))


_GROUP_NOUN = re.compile(r"\s+(?:group|organi[sz]ation|network)$", re.I)


def _without_group_noun(name: str) -> str | None:
    """A group's name without its last word when that is "Group", "Organization" or "Network" and two words or
    more remain ("Abu Sayyaf Group" → "Abu Sayyaf"); the common-word test still decides whether it is a
    pattern ("Islamic Jihad Group" → "Islamic Jihad" is not)."""
    short = _GROUP_NOUN.sub("", name)
    return short if short != name and len(short.split()) >= 2 else None


def _display(members: list[_Record]) -> str:
    """The name of a list-only actor: the primary name most of its records use, the shortest on a tie
    (OFAC "BOKO HARAM" over UN "JAMA'ATU AHLIS SUNNA LIDDA'AWATI WAL-JIHAD", which lists it as an alias)."""
    heads = [m.name for m in members if m.type != "person"] or [members[0].name]
    known = [{normalise(n) for n in (m.name, *m.aliases)} for m in members]
    return min(heads, key=lambda n: (-sum(normalise(n) in k for k in known), len(n), n))


def _pattern_ok(name: str, curated: bool, person: bool, common_words: frozenset[str]) -> bool:
    """Whether a name is safe to look for in running text.

    Curated names are trusted. A name from a list must hold at least one word that is not ordinary
    English (so "Army of the Pure" and "The Base" are not patterns) and, for a person, three words
    (two-word names such as "Mohammad Ali" belong to too many people).
    """
    words = [w for w in re.split(r"[\s\-'’/.,]+", name.lower()) if w]
    if len(normalise(name)) < 3:
        return False
    if curated:
        return True
    if person and len(words) < 3:
        return False
    # an acronym inside a mixed-case name is a proper word ("IRA" in "Continuity IRA"), whatever its letters spell
    acronyms = [] if name.isupper() else [w for w in re.split(r"[\s\-'’/.,]+", name) if len(w) >= 3 and w.isupper()]
    proper = [w for w in words if w not in _PARTICLES and w not in common_words and not w.isdigit()] + acronyms
    if not proper:
        return False
    if len(words) == 1 and (len(name) < 4 or len(name) == 4 and not name.isupper() or name.islower()):
        return False  # a four-letter name only as an acronym ("LTTE", "CIRA")
    return True


def _primary_ok(name: str, primary: set[str]) -> bool:
    """Whether a name the common-word test refused is a listed group's primary name that is safe as an exact
    pattern: at least two words that are not particles, or one word of five letters or more."""
    if name not in primary:
        return False
    words = [w for w in re.split(r"[\s\-'’/.,]+", name.lower()) if w and w not in _PARTICLES]
    return len(words) >= 2 or len(words) == 1 and len(re.sub(r"[^a-z]", "", words[0])) >= 5


#: a name with a bracketed qualifier word: "Communist Party of India (Maoist)"
_QUALIFIED = re.compile(r"(.+\S)\s*\(([A-Za-z][A-Za-z-]*)\)")


#: an apostrophe inside a word, where a romanised name writes a glottal stop or an ʿayn ("Kata'ib", "Ma'awisley");
#: not a possessive ("People's")
_APOSTROPHE = re.compile(r"(?<=[A-Za-z])['’](?=[A-Za-z]{2})")


def _patterns(
    actors: Iterable[Actor], trusted: dict[str, set[str]], common_words: frozenset[str],
    primary: dict[str, set[str]] | None = None,
) -> Iterator[NamePattern]:
    seen: dict[str, set[str]] = defaultdict(set)
    out: list[NamePattern] = []
    for a in actors:
        for n in [a.name, *a.aliases]:
            curated = n in trusted.get(a.id, ())
            if not _pattern_ok(n, curated, a.type == "person", common_words):
                if (primary and primary.get(a.id) and not any(r.startswith("curated:") for r in a.refs)
                        and spelled_out(n, [a.name, *a.aliases], _PARTICLES)):
                    # a listed group's three-letter acronym that the list spells out ("ELN", "Ejercito de
                    # Liberacion Nacional"): as written, upper case, never inside a longer name; a curated
                    # actor's names are the curated file's choice
                    out.append(NamePattern(n, a.id, True, alone=True))
                    seen[normalise(n)].add(a.id)
                    continue
                if (primary is None or not _primary_ok(n, primary.get(a.id, set()))) \
                        and not spells_out(n, [a.name, *a.aliases], _PARTICLES):
                    continue
                # a listed group's own name of ordinary words, or the words its listed acronym stands for
                # ("Allied Democratic Forces" of "ADF"), matched only as the list's prose form writes it
                # ("Lord's Resistance Army", never "an armed Islamic group" for "Armed Islamic Group")
                out.append(NamePattern(n, a.id, False, alone=True))
                seen[normalise(n)].add(a.id)
                continue
            letters = re.sub(r"[^A-Za-z]", "", n)
            multi = len(re.findall(r"[A-Za-z]+", n)) > 1
            # short or acronym-like names ("ISI", "LeT", "BLA") and single common words match as written;
            # a curated name of several words matches in any case but all lower case ("Islamic state",
            # "ISLAMIC STATE"; the matcher skips "islamic state" in prose)
            exact = len(letters) <= 5 or n.isupper() and len(n.split()) == 1 or (
                curated and not multi
                and all(w.lower() in common_words or w.lower() in _PARTICLES for w in re.findall(r"[A-Za-z]+", n))
            )
            out.append(NamePattern(n, a.id, bool(exact)))
            if exact and n[:1].islower():  # "al-Qaeda" also starts a sentence as "Al-Qaeda"
                out.append(NamePattern(n[:1].upper() + n[1:], a.id, True))
            if curated and n[:1].isupper() and not n.lower().startswith("the ") and len(letters) > 5:
                # text run together at a lost line or tag break: "TheIslamic State Khorasan Province"
                out.append(NamePattern("The" + n, a.id, bool(exact)))
                seen[normalise("The" + n)].add(a.id)
            seen[normalise(n)].add(a.id)
            if (q := _QUALIFIED.fullmatch(n)) and not q.group(2).isupper():
                # "Communist Party of India (Maoist)" also as written with a dash: "Communist Party of India -
                # Maoist", "Communist Party of India-Maoist" (one token sequence)
                dashed = f"{q.group(1)} - {q.group(2)}"
                out.append(NamePattern(dashed, a.id, bool(exact)))
                seen[normalise(dashed)].add(a.id)
            if (bare := _APOSTROPHE.sub("", n)) != n:  # "Kata'ib Hezbollah" also as news writes it: "Kataib"
                out.append(NamePattern(bare, a.id, bool(exact)))
    for text, actor_id in branch_forms(list(actors)):
        if normalise(text) not in seen:
            out.append(NamePattern(text, actor_id, False))
            seen[normalise(text)].add(actor_id)
    # a name that two actors share says nothing about which one is meant: not a pattern
    for p in out:
        if len(seen[normalise(p.text)]) == 1:
            yield p


# ---------------------------------------------------------------------------------------------- loading


def _curated_text() -> str:
    return resources.files("claimgraph.ontology").joinpath("actors.yaml").read_text("utf-8")


def _digest(parts: Iterable[bytes]) -> str:
    h = hashlib.sha256(GAZETTEER_VERSION.encode())
    for p in parts:
        h.update(hashlib.sha256(p).digest())
    return h.hexdigest()[:20]


def build_gazetteer(
    data_dir: Path | None, common_words: frozenset[str] = frozenset(), cache_dir: Path | None = None
) -> Gazetteer:
    """Build (or load from cache) the gazetteer from the curated file and, when present, the lists.

    `common_words` is a lower-case English word list (the pipeline passes its lemmatizer's word index)
    used to keep ordinary words out of the patterns. Missing list files degrade to the curated file.
    """
    curated = _curated_text()
    inputs: list[tuple[str, Path]] = []
    if data_dir is not None:
        for rel in (UN_XML, OFAC_JSON):
            if (data_dir / rel).is_file():
                inputs.append((rel.name, data_dir / rel))
    # the key covers this module's code too, so a change in how names are built never reads a stale cache
    blobs = [Path(__file__).read_bytes(), curated.encode(), *(p.read_bytes() for _, p in inputs),
             "\n".join(sorted(common_words)).encode()]
    digest = _digest(blobs)
    cache_file = None if cache_dir is None else cache_dir / f"gazetteer-{digest}.pickle"
    if cache_file is not None and cache_file.is_file():
        try:
            with cache_file.open("rb") as fh:
                gaz = pickle.load(fh)
            if isinstance(gaz, Gazetteer):
                return gaz
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass  # a stale or broken cache is rebuilt below
    try:
        records = _read_curated(curated)
    except (yaml.YAMLError, KeyError, TypeError) as exc:
        raise ConfigError(f"ontology/actors.yaml is invalid: {exc}") from exc
    for name, path in inputs:
        try:
            records += _read_un(path) if name.endswith(".xml") else _read_ofac(path)
        except (ET.ParseError, json.JSONDecodeError, KeyError, OSError) as exc:
            raise ConfigError(f"cannot read gazetteer source {path}: {exc}") from exc
    gaz = _merge(records, common_words)
    gaz.sources = ("curated", *(n for n, _ in inputs))
    if cache_file is not None:
        try:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache_file.with_suffix(".tmp")
            with tmp.open("wb") as fh:
                pickle.dump(gaz, fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(cache_file)
        except OSError:
            pass  # caching is an optimisation; a read-only disk only costs build time
    return gaz
