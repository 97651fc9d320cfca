"""The spaCy pipeline: the configured model plus claimgraph's registered components.

`load_pipeline(settings)` is the only place a model is loaded. The gazetteer component runs after
the statistical NER and wins where they overlap (the small English model calls "Lashkar-e-Taiba" a
PERSON, "Khuzdar" a PERSON and "The LeT" a WORK_OF_ART). Registered names carry a version so that a
change of behaviour never silently changes a stored config.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..config import Settings
from ..errors import ConfigError
from .attribute_lookup import use_lookup_attribute_ruler
from .descriptive import DESCRIPTIVE_FACTORY, DESCRIPTIVE_PIPE, description_words, multiword_terms
from .gazetteer import Gazetteer, build_gazetteer
from .lemma_cache import use_cached_lemmatizer
from .name_ends import name_past_of, person_end, place_begins_body_name
from .speakers import SPEAKERS_FACTORY, SPEAKERS_PIPE
from .unlisted_names import (
    ARTICLE_NAME,
    BRANCH_NAME,
    CALLED_PLACE,
    DEFINED_NAME,
    FACILITY_NAME,
    FIGHTERS_ACRONYM,
    HYPHENED_PLACE,
    JOINED_NAME,
    JOINERS,
    NAMED_UNIT,
    TITLED_NAME,
    article_names,
    called_places,
    defined_names,
    facility_names,
    fighters_acronyms,
    hyphened_places,
    joined_names,
    named_units,
    numbered_unit_spans,
    organisation_heads,
    owners_after,
    province_branches,
    titled_names,
)

GAZETTEER_PIPE = "claimgraph_gazetteer"
# spaCy factory names may not contain dots, so the version is an underscore suffix.
GAZETTEER_FACTORY = "claimgraph_gazetteer_v1"


def common_words(nlp: Language) -> frozenset[str]:
    """Lower-case English words: the model's stop words and its lemmatizer's POS word index."""
    stop = {w.lower() for w in nlp.Defaults.stop_words}
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset(stop)
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset(stop)
    table = lookups.get_table("lemma_index")
    return frozenset(stop | {w for _, words in table.items() for w in words if "_" not in w})


class GazetteerMatcher:
    """Finds gazetteer names in a Doc. `find` is pure: it returns spans and sets nothing."""

    def __init__(self, vocab: spacy.vocab.Vocab, gazetteer: Gazetteer, make_doc,  # noqa: ANN001
                 common: frozenset[str] = frozenset()) -> None:
        self.gazetteer = gazetteer
        self.common = common  # English words: one before a name does not make it part of a longer one
        #: words of the packaged descriptions ("police", "forces", "rangers"): after a place, its state's forces
        self.force_words = description_words()
        self.exact = PhraseMatcher(vocab, attr="ORTH")
        self.folded = PhraseMatcher(vocab, attr="LOWER")
        exact: dict[str, list[Doc]] = {}
        folded: dict[str, list[Doc]] = {}
        for p in gazetteer.patterns:
            # an `alone` name is matched on lower case too, under its own key (one matcher pass fewer)
            target, key = (folded, p.actor_id + _ALONE) if p.alone else (exact, p.actor_id) if p.exact \
                else (folded, p.actor_id)
            target.setdefault(key, []).extend(make_doc(t) for t in spellings(p.text))
            if p.exact and p.text.lower().startswith("the "):
                target[key].append(make_doc("The " + p.text[4:]))
        for aid, docs in exact.items():
            self.exact.add(aid, docs)
        for aid, docs in folded.items():
            self.folded.add(aid, docs)

    def find(self, doc: Doc | Span) -> list[Span]:
        """Longest non-overlapping gazetteer matches, labelled with the actor's type, `id_` = actor id."""
        spans: list[Span] = []
        base = doc if isinstance(doc, Doc) else doc.doc
        offset = 0 if isinstance(doc, Doc) else doc.start
        for matcher, folded in ((self.exact, False), (self.folded, True)):
            for match_id, start, end in matcher(doc):
                span = base[offset + start : offset + end]
                if folded and not any(c.isupper() for c in span.text):
                    continue  # "the islamic state" in lower case prose is not a name
                if not whole_name(span):
                    continue  # "Lashkar" inside "Lashkar-e-Islam" is not Lashkar-e-Taiba
                if _inside_longer_name(span, self.common) or _starts_longer_name(span):
                    continue  # "National Liberation Army" inside the NER's "Garo National Liberation Army"
                key = base.vocab.strings[match_id]
                if key.endswith(_ALONE):
                    if not _stands_alone(span):
                        continue
                    key = key[: -len(_ALONE)]
                actor = self.gazetteer.actors[key]
                if actor.type == "place" and place_begins_body_name(span, self.force_words):
                    continue  # "Kashmir" of "The Kashmir Tigers", "Quetta" of "the Quetta Shura"
                spans.append(Span(base, span.start, span.end, label=actor.type.upper(), span_id=actor.id))
        return filter_spans(spans)


_ALONE = "#alone"  # match key suffix of a name matched only where it stands alone (`_stands_alone`)
_HYPHENS = {"-", "–", "‐"}
#: Prefixes glued to a name that begin the name of another body, one against it or for it ("Anti-Naxal Force").
_AGAINST_OR_FOR = frozenset({"anti", "counter", "pro"})


_JOINED = re.compile(r"(?<=\w)-(" + "|".join(sorted(JOINERS, key=len, reverse=True)) + r")-(?=\w)", re.IGNORECASE)


@cache
def romanisations() -> dict[str, tuple[str, ...]]:
    """word (lower case) → the other ways news romanises it (ontology/lexicon.yaml `romanisations`)."""
    from ..ontology import load_ontology

    table: dict[str, tuple[str, ...]] = {}
    for group in load_ontology().lexicon.get("romanisations") or []:
        forms = [str(w) for w in group]
        for w in forms:
            table[w.lower()] = tuple(f for f in forms if f.lower() != w.lower())
    return table


_ARTICLE = re.compile(r"^(al|Al|AL|el|El)([ -])(?=[A-Z])")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _romanised(name: str) -> list[str]:
    """The name with its first word that has other romanisations written each other way ("Al-Qa'ida in the
    Islamic Maghreb" → "Al-Qaeda in …", "Al-Qaida in …"), the first letter's case kept."""
    table = romanisations()
    for m in _WORD.finditer(name):
        others = table.get(m.group().lower())
        if others:
            word = m.group()
            return [name[: m.start()] + (o[:1].upper() + o[1:] if word[:1].isupper() else o) + name[m.end():]
                    for o in others]
    return []


def spellings(name: str) -> list[str]:
    """A name and the ways news writes it: its hyphenated joiners ("Lashkar-e-Taiba", "Lashkar-e Taiba",
    "Lashkar e Taiba", "Lashkar e-Taiba"; up to two joiners varied) and the other romanisations of one of its
    words ("al-Qa'ida" / "al-Qaeda" / "al-Qaida")."""
    out = [name, *_romanised(name)]
    if "’" in name:  # "Lord’s Resistance Army" as "Lord's Resistance Army"
        out.append(name.replace("’", "'"))
    for dash in (" - ", " – ", " — "):  # a spaced dash as typeset: "Islamic State – West Africa Province"
        if dash in name:
            out += [name.replace(dash, other) for other in (" - ", " – ", " — ") if other != dash]
    # an acronym's faction letters, one token when joined (`keep_faction_acronyms`), also typeset apart: "ISIL - K",
    # "ISIL – K"
    out += [f"{m.group(1)}{dash}{m.group(2)}" for m in [_FACTION_ACRONYM.fullmatch(name)] if m
            for dash in (" - ", " – ", " — ")]
    article = _ARTICLE.match(name)
    if article:  # the Arabic article written joined or apart: "Al-Mourabitoun", "Al Mourabitoun"
        other = "-" if article.group(2) == " " else " "
        out += [article.group(1) + other + v[article.end():] for v in out]
    for m in list(_JOINED.finditer(name))[:2]:
        joiner = m.group(1)
        out = [v for n in out for v in {n, n.replace(f"-{joiner}-", f"-{joiner} ", 1),
                                          n.replace(f"-{joiner}-", f" {joiner} ", 1),
                                          n.replace(f"-{joiner}-", f" {joiner}-", 1)}]
    return sorted(set(out), key=lambda v: (v != name, v))


def _stands_alone(span: Span) -> bool:
    """Whether a name of ordinary words is written as a name — each of its words of four letters or more
    capitalised ("Popular Front for the Liberation of Palestine", "HAMAS", never "an armed Islamic group") — and
    no capitalised word runs on from it on either side ("Irish National Liberation Army", "National Liberation
    Army Command"); a sentence's first word and "The" do not count."""
    if any(t.is_alpha and len(t) >= 4 and not (t.is_title or t.is_upper) for t in span):
        return False
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and _capitalised(before) and not before.is_sent_start and before.lower_ != "the":
        return False  # "Ta'ang National Liberation Army" is not the National Liberation Army
    return not (after is not None and _capitalised(after))


def _capitalised(t: Token) -> bool:
    """A word written with a capital, an apostrophe inside it or not ("Ta'ang", "Kata'ib")."""
    return t.is_title or t.text[:1].isupper() and any(q in t.text for q in "'’")


def _inside_longer_name(span: Span, common: frozenset[str]) -> bool:
    """Whether the NER found a longer name of several capitalised words that runs on before a match of
    several words ("Garo National Liberation Army"): a group of its own, not the listed one. A demonym or
    place before it ("Somali Islamic State") only says where the group is; an English word only describes it
    ("Armed al-Shabab fighters")."""
    if len(span) < 2 or span.start == 0:
        return False
    before = span.doc[span.start - 1]
    first = span[0]
    return before.is_title and before.pos_ == "PROPN" and before.ent_iob_ in ("B", "I") \
        and first.ent_iob_ == "I" and before.ent_type_ not in ("NORP", "GPE", "LOC") and before.lower_ not in common


def _starts_longer_name(span: Span) -> bool:
    """Whether the match begins a longer name the NER found of a place, building or person ("Lashkar Gah", the
    capital of Helmand, is not Lashkar-e-Taiba)."""
    doc = span.doc
    if span.end >= len(doc) or span[0].ent_iob_ != "B":
        return False
    after = doc[span.end]
    return after.ent_iob_ == "I" and after.ent_type_ in ("GPE", "LOC", "FAC", "PERSON") and after.is_title


def whole_name(span: Span) -> bool:
    """Whether a match is a whole name, not part of a longer hyphenated one: "Lashkar" in "Lashkar-e-Islam"
    or "Taliban" in "Tehrik-e-Taliban" is not (a name joiner across the hyphen), nor "Naxal" in "Anti-Naxal
    Force" (a name that goes on after a prefix against or for it); "al-Qaeda" in
    "al-Qaeda-linked" and "LeT" in "LeT–ISKP" are."""
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].text in _HYPHENS and not doc[span.start - 2].whitespace_ \
            and not doc[span.start - 1].whitespace_ and (doc[span.start - 2].lower_ in JOINERS or (
                doc[span.start - 2].lower_ in _AGAINST_OR_FOR and span.end < len(doc) and doc[span.end].is_title)):
        return False  # nor is "Naxal" in "Anti-Naxal Force": the name of a body against it
    if span.end + 1 < len(doc) and doc[span.end].text in _HYPHENS and not span[-1].whitespace_ \
            and not doc[span.end].whitespace_ and doc[span.end + 1].lower_ in JOINERS:
        return False  # two names joined by a dash ("LeT–ISKP nexus") are two whole names
    # a name that goes on across a joiner: "Jaish" in "Jaish al Adl", "Jaish al-Fursan", "Al Furqan" in "Ansar Al
    # Furqan"
    if span.end + 1 < len(doc) and doc[span.end].lower_ in JOINERS and (
            doc[span.end + 1].is_title or doc[span.end + 1].text in _HYPHENS and not doc[span.end].whitespace_
            and span.end + 2 < len(doc) and doc[span.end + 2].is_title):
        return False
    if span.start >= 1 and span[0].lower_ in JOINERS and doc[span.start - 1].is_title \
            and not doc[span.start - 1].is_sent_start and doc[span.start - 1].lower_ not in ("the", "a", "an"):
        return False
    return True


class GazetteerComponent:
    """`claimgraph_gazetteer_v1`: gazetteer names become entities, overriding overlapping NER entities."""

    def __init__(self, nlp: Language, name: str, data_dir: str, cache_dir: str) -> None:
        self.name = name
        common = common_words(nlp)
        gaz = build_gazetteer(Path(data_dir) if data_dir else None, common, Path(cache_dir) if cache_dir else None)
        self.matcher = GazetteerMatcher(nlp.vocab, gaz, nlp.make_doc, common)
        self.common = common
        #: descriptions of two words or more ("special forces", "armed men"): capitalised, they are no name
        self.described = multiword_terms()

    @property
    def gazetteer(self) -> Gazetteer:
        return self.matcher.gazetteer

    def __call__(self, doc: Doc) -> Doc:
        if any(_a_rank(e) for e in doc.ents):
            doc.ents = [e for e in doc.ents if not _a_rank(e)]  # "Brig." of "Brig. Gen. X" taken for a town
        # a person's or an organisation's name the NER cut short runs on
        ends = {e.start: person_end(e, self.common) if e.label_ == "PERSON" else name_past_of(e)
                for e in doc.ents if e.label_ in ("PERSON", "ORG")}
        if any(end != e.end for e in doc.ents if (end := ends.get(e.start)) is not None):
            doc.ents = filter_spans([Span(doc, e.start, ends[e.start], label=e.label_) if e.start in ends else e
                                     for e in doc.ents])
        if any(_open_bracket(e) is not None for e in doc.ents):
            doc.ents = [part for e in doc.ents for part in _split_at_bracket(e)]
        found = [s for s in self.matcher.find(doc) if not (s.label_ == "GROUP_IDENTITY" and _in_longer_name(s, doc))]
        # "Islamic State Sahel Province": a listed group's branch under its own name, not the group and a place
        branches = [Span(doc, a, b, label="ARMED_GROUP", span_id=BRANCH_NAME) for a, b in province_branches(
            doc, [(s.start, s.end) for s in found if s.label_ == "ARMED_GROUP"])]
        found = [s for s in found if not any(br.start <= s.start and s.end <= br.end for br in branches)]
        numbered = numbered_unit_spans(doc, found)
        found = [s for s in found if not any(n.start <= s.start and s.end <= n.end for n in numbered)]
        # a name with its short form defined after it, which neither the NER nor the lists hold whole: it wins
        # over the listed words inside it ("Baloch" of "Baloch Republican Army (BRA)") and the pieces the NER cut it
        # into ("United Liberation Front" + "Asom - Independent" of "... (ULFA-I)"); a listed short form
        # ("(INLA)") already names the group, and the entity stage joins the long name to it
        defined = [Span(doc, a, b, label="ORG", span_id=DEFINED_NAME) for a, b in defined_names(doc)
                   if not any(s.start <= a and b <= s.end or s.start == b + 1 for s in found)
                   and (any(a <= s.start and s.end <= b for s in found)
                        or not any(e.start < b and a < e.end and not (a <= e.start and e.end <= b)
                                   for e in doc.ents))]
        found = [s for s in found if not any(d.start <= s.start and s.end <= d.end for d in defined)]
        # an acronym the NER missed that names whose fighters the text speaks of ("ULFA-I cadres")
        unnamed = [Span(doc, a, b, label="ORG", span_id=FIGHTERS_ACRONYM) for a, b in fighters_acronyms(doc)]
        # a name the NER split at its hyphens or missed ("Jamiat Ulema-e-Islam"), not one it found whole, unless
        # it took the organisation for a person ("Lashkar-e-Islam claimed ...")
        unnamed += [Span(doc, a, b, label="ORG", span_id=JOINED_NAME) for a, b in joined_names(doc, self.common)
                    if not any(e.start <= a and b <= e.end and not (e.label_ == "PERSON" and (e.start, e.end) == (a, b))
                               for e in doc.ents)]
        # capitalised words ending in a noun for a body of people ("Ulster Volunteer Force"), which the NER
        # missed or cut at a people's or place's name; never across one of its entities' edges
        # (a place the NER saw in such a name with its article is the name: "The United States Africa Command")
        unnamed += [Span(doc, a, b, label="ORG", span_id=TITLED_NAME) for a, b in titled_names(doc, self.described)
                    if not any(e.start < b and a < e.end and not (a <= e.start and e.end <= b)
                               and not (e.label_ in ("GPE", "LOC") and _bare_start(e) == a and e.end <= b)
                               or (e.start, e.end, e.label_) == (a, b, "ORG") for e in doc.ents)]
        # a unit named after someone, which the NER took for the person ("the Jaime Martínez front")
        unnamed += [Span(doc, a, b, label="ARMED_GROUP", span_id=NAMED_UNIT)
                    for a, b in named_units(doc, self.common)
                    if not any(e.start < b and a < e.end and not (a <= e.start and e.end <= b) for e in doc.ents)]
        # capitalised words before a noun for a built place ("the Etoile du Sud hotel"): a facility, over what
        # the NER took its name for, unless the words are a listed actor's name ("the Taliban camp")
        unnamed += [Span(doc, a, b, label="FAC", span_id=FACILITY_NAME) for a, b in facility_names(doc)
                    if not any((s.start < b and a < s.end and not (a <= s.start and s.end < b))
                               or (s.start, s.end) == (a, b - 1) for s in found)]
        # capitalised words the NER left untagged that "the village of", "north of" say name a place
        unnamed += [Span(doc, a, b, label="GPE", span_id=CALLED_PLACE) for a, b in called_places(doc)]
        # a place name whose words hyphens and small words join, which the tokenizer split ("Croix-des-Bouquets")
        unnamed += [Span(doc, a, b, label="GPE", span_id=HYPHENED_PLACE) for a, b in hyphened_places(doc)]
        # "Los" or "Las" and capitalised words the NER missed: a gang's name, or a town's (the place index tells)
        unnamed += [Span(doc, a, b, label="ORG", span_id=ARTICLE_NAME) for a, b in article_names(doc)]
        unnamed = branches + defined + numbered + owners_after(doc, numbered) + [
            e for e in unnamed if not any(n.start < e.end and e.start < n.end for n in numbered)]
        if not found and not unnamed:
            return doc
        taken = set()
        for s in found:
            taken.update(range(s.start, s.end))
        ents = [Span(doc, s.start, s.end, label=s.label_, kb_id=s.id_) for s in found]
        ents += [e for e in unnamed if not taken.intersection(range(e.start, e.end))]
        for e in ents[len(found):]:
            taken.update(range(e.start, e.end))
        ents += [e for e in doc.ents if not taken.intersection(range(e.start, e.end))]
        ents += [head for e in doc.ents if taken.intersection(range(e.start, e.end))
                 and (head := _name_before_short_form(e, taken)) is not None]
        doc.ents = sorted(filter_spans(ents), key=lambda s: s.start)
        return doc


def _open_bracket(e: Span) -> int | None:
    """The index of a bracket a name opens and does not close ("Bijapur (Chhattisgarh" of "Bijapur
    (Chhattisgarh)"), or None."""
    opened = [t.i for t in e if t.text == "("]
    return opened[0] if opened and not any(t.text == ")" for t in e) else None


def _split_at_bracket(e: Span) -> list[Span]:
    """A name the NER ran into a bracket ("Bijapur (Chhattisgarh"): the name before it and the one inside, each
    with the label the NER gave the whole."""
    at = _open_bracket(e)
    if at is None:
        return [e]
    doc = e.doc
    return [Span(doc, a, b, label=e.label_) for a, b in ((e.start, at), (at + 1, e.end)) if b > a]


def _name_before_short_form(e: Span, taken: set[int]) -> Span | None:
    """The name an entity of the NER holds before a listed short form it ran into ("The Allied Democratic Forces
    (ADF" with "ADF" listed): the long name stays a name, for the entity stage to join to its short form."""
    paren = next((t.i for t in e if t.text == "("), None)
    if paren is None or paren - e.start < 2 or taken.intersection(range(e.start, paren)):
        return None
    return Span(e.doc, e.start, paren, label=e.label_)


def _a_rank(e: Span) -> bool:
    """An entity of the NER that is only a rank or title before a name ("Brig." of "Brig. Gen. Yahya Saree", taken
    for Brig in Switzerland; "Lt" of "Lt. Col. X", taken for a body)."""
    return len(e) == 1 and e[0].lower_.rstrip(".") in _bare_ranks()  # ranks only: "DR" of "DR Congo" is a name


@cache
def _bare_ranks() -> frozenset[str]:
    """The ranks without their full stops ("brig", "lt")."""
    return frozenset(r.rstrip(".") for r in ranks())


def _bare_start(e: Span) -> int:
    """Where a name the NER found begins without the article it took in ("The United States Africa Command")."""
    return e.start + 1 if len(e) > 1 and e[0].lower_ == "the" else e.start


def _in_longer_name(s: Span, doc: Doc) -> bool:
    """A people's name inside a longer name the NER found: a person's surname ("BLA spokesman Jeeyand Baloch"), or
    the first word of a body's name that ends in a word for a body ("the Baloch Republican Army")."""
    heads = organisation_heads()
    return any(e.label_ == "PERSON" and e.start < s.start and s.end == e.end
               and all(t.pos_ == "PROPN" and not t.like_num for t in doc[e.start : s.start])
               or e.label_ == "ORG" and e.start <= s.start and s.end < e.end and doc[e.end - 1].lower_ in heads
               for e in doc.ents)


@Language.factory(
    GAZETTEER_FACTORY,
    requires=["doc.ents"],
    assigns=["doc.ents", "token.ent_kb_id"],
    default_config={"data_dir": "", "cache_dir": ""},
)
def make_gazetteer(nlp: Language, name: str, data_dir: str, cache_dir: str) -> GazetteerComponent:
    return GazetteerComponent(nlp, name, data_dir, cache_dir)


def load_pipeline(settings: Settings) -> Language:
    """Load the configured spaCy model and add claimgraph's components (gazetteer after NER)."""
    try:
        nlp = spacy.load(settings.nlp.model)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {settings.nlp.model!r} is not installed; set nlp.model to an installed English "
            f"pipeline with a parser and NER (e.g. en_core_web_sm)"
        ) from exc
    if "parser" not in nlp.pipe_names or "ner" not in nlp.pipe_names:
        raise ConfigError(f"spaCy model {settings.nlp.model!r} needs a parser and an NER component")
    split_glued_words(nlp)
    split_abbreviation_compounds(nlp)
    keep_faction_acronyms(nlp)
    return add_gazetteer(nlp, settings)


#: a reference marker glued to the word before it ("of ISIL.[24]", "Council,[5]"): its opening part is cut off
#: as a suffix (the closing bracket already is one), so that the word, and the name it ends, stand alone
_REFERENCE_SUFFIX = r"\[\d+$"


def split_reference_markers(nlp: Language) -> Language:
    """Make the tokenizer cut reference markers off the word they are glued to: "ISIL.[24]" gives "ISIL",
    ".", "[24", "]" (the model's rules leave "ISIL.[24", which names nothing). A no-op when already done."""
    search = nlp.tokenizer.suffix_search
    pattern = search.__self__.pattern if search is not None else ""
    if _REFERENCE_SUFFIX not in pattern:
        joined = f"{pattern}|{_REFERENCE_SUFFIX}" if pattern else _REFERENCE_SUFFIX
        nlp.tokenizer.suffix_search = re.compile(joined).search
    return nlp


# Small words that text copied from web pages runs into the linked name after them ("atKabul University",
# "TheIslamic State", "inVillejuif"): the tokenizer splits them off, keeping every character's offset.
_GLUED = ("at", "in", "on", "of", "to", "by", "the", "The", "near", "from")


def split_glued_words(nlp: Language) -> Language:
    """Let the tokenizer split a small word from a capitalised word glued to it (`_GLUED`), as if a space were
    there; "iPhone", "McDonald" and "OnePlus" stay whole."""
    glued = "|".join(f"(?<=^{w})" for w in _GLUED)
    pattern = re.compile(f"(?:{glued})(?=[A-Z][a-z])")
    infixes = nlp.tokenizer.infix_finditer

    def finditer(text: str) -> list[re.Match[str]]:
        found = list(pattern.finditer(text))
        return sorted([*found, *infixes(text)], key=lambda m: m.start()) if infixes is not None else found

    nlp.tokenizer.infix_finditer = finditer
    return nlp


#: a hyphen after a dotted abbreviation, before a word ("U.S.-backed", "U.N.-led", "U.K.-based")
_ABBREVIATION_HYPHEN = re.compile(r"(?<=[A-Z]\.)-(?=[a-z])")


def split_abbreviation_compounds(nlp: Language) -> Language:
    """Let the tokenizer cut "U.S.-backed" at its hyphen as it cuts "Iran-backed" (the model's infix rule wants a
    letter before the hyphen), so that the country backing or leading a force is a word of its own."""
    infixes = nlp.tokenizer.infix_finditer

    def finditer(text: str) -> list[re.Match[str]]:
        found = list(_ABBREVIATION_HYPHEN.finditer(text))
        return sorted([*found, *infixes(text)], key=lambda m: m.start()) if infixes is not None else found

    nlp.tokenizer.infix_finditer = finditer
    return nlp


#: an acronym with a faction's letter after a hyphen ("ULFA-I", "NSCN-K", "NSCN-IM", "PML-N", "ISIS-K")
_FACTION_ACRONYM = re.compile(r"([A-Z]{3,6})-([A-Z]{1,2})")


def keep_faction_acronyms(nlp: Language) -> Language:
    """Keep an acronym and its faction letters one token ("ULFA-I"): cut at the hyphen, the parser reads the
    letter "I" as a pronoun and the acronym as a modifier of it."""
    infixes = nlp.tokenizer.infix_finditer

    def finditer(text: str) -> list[re.Match[str]]:
        found = list(infixes(text)) if infixes is not None else []
        return [] if _FACTION_ACRONYM.fullmatch(text) and all(m.group() == "-" for m in found) else found

    nlp.tokenizer.infix_finditer = finditer
    return nlp


@cache
def ranks() -> frozenset[str]:
    """Ranks written before a name, spelled out or abbreviated (ontology/lexicon.yaml `rank_words`,
    `title_abbreviations`)."""
    from ..ontology import load_ontology

    lexicon = load_ontology().lexicon
    return frozenset(str(w).lower() for key in ("rank_words", "title_abbreviations") for w in lexicon.get(key) or ())


@cache
def _rank_parts() -> tuple[frozenset[str], frozenset[str]]:
    """Words that are a rank only before another (`rank_prefixes`: "Air" of "Air Commodore"), and police ranks as
    initials (`rank_initials`: "ASP"), which are ranks only before a name ("SP" alone is a party)."""
    from ..ontology import load_ontology

    lexicon = load_ontology().lexicon
    return (frozenset(str(w).lower() for w in lexicon.get("rank_prefixes") or ()),
            frozenset(str(w) for w in lexicon.get("rank_initials") or ()))


def rank_prefixes() -> frozenset[str]:
    """Words that are a rank only before another ("Air" of "Air Commodore"): lexicon.yaml `rank_prefixes`."""
    return _rank_parts()[0]


def title_run_end(doc: Doc | Span, i: int, end: int) -> int:
    """Where the ranks and titles that start at token `i` end (before `end`): "Brig. Gen.", "Air Commodore",
    "ASP" before a capitalised word; `i` itself when none starts there."""
    prefixes, initials = _rank_parts()
    while i < end:
        word = doc[i].lower_.rstrip(".")
        nxt = doc[i + 1] if i + 1 < end else None
        if word in titles() or nxt is not None and (
                word in prefixes and nxt.lower_.rstrip(".") in titles()
                or doc[i].text in initials and (nxt.is_title or nxt.lower_.rstrip(".") in titles())):
            i += 1
        else:
            break
    return i


@cache
def titles() -> frozenset[str]:
    """Ranks and titles written before a name, without their full stops (`ranks`, and lexicon.yaml
    `name_titles`)."""
    from ..ontology import load_ontology

    names = load_ontology().lexicon.get("name_titles") or ()
    return _bare_ranks() | frozenset(str(w).lower() for w in names)


def keep_title_abbreviations(nlp: Language) -> Language:
    """Keep a rank or title abbreviation ("Lt.", "Brig.", "Maj.") one token, so that neither the tokenizer cuts
    its full stop off nor the sentence splitter ends a sentence at it ("Iraqi Lt. Hatim al-Jabouri told …")."""
    from ..ontology import load_ontology

    for word in load_ontology().lexicon.get("title_abbreviations", []):
        for form in {str(word), str(word).upper()}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    return nlp


def add_gazetteer(nlp: Language, settings: Settings) -> Language:
    """Add the gazetteer component after the NER, and the descriptive-actor component after it (each a
    no-op when the pipeline has it already); the tokenizer also cuts off reference markers
    (`split_reference_markers`) and keeps rank abbreviations whole (`keep_title_abbreviations`), the model's
    attribute ruler becomes a `LookupAttributeRuler` with the same patterns (same attributes, found by table
    lookup: see `attribute_lookup`) and its rule lemmatizer a `CachedLemmatizer` with the same tables (same
    lemmas, each worked out once: see `lemma_cache`)."""
    if "ner" not in nlp.pipe_names:
        raise ConfigError("the gazetteer component needs an NER component before it")
    split_reference_markers(nlp)
    keep_title_abbreviations(nlp)
    use_lookup_attribute_ruler(nlp)
    use_cached_lemmatizer(nlp)
    if GAZETTEER_PIPE not in nlp.pipe_names:
        nlp.add_pipe(
            GAZETTEER_FACTORY, name=GAZETTEER_PIPE, after="ner",
            config={"data_dir": str(settings.data.dir), "cache_dir": str(settings.nlp.cache_dir)},
        )
    if SPEAKERS_PIPE not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(SPEAKERS_FACTORY, name=SPEAKERS_PIPE,
                     after="lemmatizer" if "lemmatizer" in nlp.pipe_names else "parser")
    if DESCRIPTIVE_PIPE not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(DESCRIPTIVE_FACTORY, name=DESCRIPTIVE_PIPE, after=GAZETTEER_PIPE)
    nlp.analyze_pipes()  # checks that every component's `requires` is met by an earlier one
    return nlp


def gazetteer_of(nlp: Language) -> GazetteerMatcher:
    """The gazetteer matcher inside a pipeline made by `load_pipeline`."""
    if GAZETTEER_PIPE not in nlp.pipe_names:
        raise ConfigError(f"pipeline has no {GAZETTEER_PIPE!r} component; build it with load_pipeline()")
    return nlp.get_pipe(GAZETTEER_PIPE).matcher
