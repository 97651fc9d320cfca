"""Claim frames: the few sentence shapes that carry a relation, each filled from trigger words in YAML.

Every frame is a pure function `(FrameInput) -> list[Candidate]`. Which words fire a frame for which
predicate is data (lexicon.yaml `predicate_triggers`); the frames only know sentence shapes:

    between    "collaboration between X and Y", "the X–Y collaboration"            (symmetric ties)
    verb       "X helped Y establish …", "X met Y", "X vowed to extend operations in Y"
    under      "X and Y converging under (the) aegis of Z", "X collaboration under Z's supervision"
    asset_of   "X … has been identified as a key asset of Z"                        (Z directs X)
    role       "ISKP's coordinator in Balochistan, Mir Shafiq Mengal", "Lashkar deputy commander
               Saifullah Kasuri", "Mengal, son of … Nasir Mengal", "worked as ISKP's facilitator"
    kind       "ISKP, a sub-continental branch of the Islamic State"
    base       "ISKP's Mastung camp", "its two operational bases in Mastung and Khuzdar districts"
    noun_with  "X shared deep ties with Y", "an attack by X on Y"
    publication "its propaganda magazine, ‘Yalgaar’"

The small English model's parses are often wrong around names, so frames lean on entity positions
and short surface windows, and use the dependency tree where it is reliable (subjects, prepositions).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache

from spacy.tokens import Token

from ..nlp.pipeline import rank_prefixes, ranks
from ..records import Entity
from .entities import ORG_TYPES
from .frame_input import STAND_IN_NOUNS, Candidate, FrameInput, _is, _lemma, _subjects, subjects_of
from .triggers import VerbTable, phrases_starting

_CLAUSE_BREAK = {",", ";", ":", "“", "”", '"', "(", ")", "—"}
_CONNECT = {"–", "-", "&", "and", "/", "—"}
_MODIFIERS = {"senior", "top", "former", "local", "key", "self-styled", "alleged", "chief", "principal", "main",
              "regional", "provincial", "district", "operational", "new", "then", "military", "de", "facto",
              "one-time", "erstwhile", "late", "another", "a", "an", "the", "government", "administration",
              "media", "official"}
_HAVE_VERBS = {"have", "maintain", "establish", "build", "set", "retain", "develop", "run", "keep", "conduct",
               "carry", "continue", "step", "intensify", "increase", "boost"}
_STOP_PREPS = {"after", "before", "since", "during", "following", "despite", "until", "because", "amid", "like"}


_PASS_DEPS = {"dobj", "prt", "npadvmod", "advmod", "dative", "attr", "acomp"}
_PASS_PREPS = {"as", "over"}  # "handing over a pistol as a gift to X"


def _pobjs(t: Token, preps: Iterable[str], depth: int = 3) -> list[Token]:
    """pobj tokens of prepositions in `preps` attached to `t`, to its object, or below an "as" phrase
    ("handing over a pistol as a gift to X") — never inside another prepositional phrase ("through
    his work with Khadr, Boyle met …")."""
    wanted = set(preps)
    out = []
    frontier = [t]
    for _ in range(depth):
        nxt = []
        for node in frontier:
            for c in node.children:
                if c.dep_ in {"prep", "agent"} and c.lower_ in wanted:
                    out.extend(g for g in c.children if g.dep_ in {"pobj", "pcomp"})
                elif c.dep_ == "prep" and c.lower_ in _PASS_PREPS:
                    nxt.extend(g for g in c.children if g.dep_ == "pobj")
                elif c.dep_ in _PASS_DEPS:
                    nxt.append(c)
        frontier = nxt
    return out


def _pairs(pred: str, subs: Sequence[Entity], objs: Sequence[Entity], t: Token, frame: str) -> list[Candidate]:
    return [Candidate(pred, s, o, t, frame) for s in subs for o in objs if s.id != o.id]


# ------------------------------------------------------------------------------------------------ frames


def tie_parties(fi: FrameInput, t: Token) -> list[Entity]:
    """The parties of a tie noun: "collaboration between X and Y" or "the X–Y collaboration"."""
    ents: list[Entity] = []
    nxt = [x for x in t.doc[t.i + 1 : t.i + 6]]
    btw = next((x for x in nxt if x.lower_ == "between"), None)
    if btw is not None:
        ents = [e for e in fi.window(btw.i + 1, min(len(t.doc), btw.i + 20)) if e.type != "place"]
        for x in t.doc[btw.i + 1 : btw.i + 20]:  # "between ISKP fighters and Lashkar operatives"
            if x.dep_ == "pobj" or x.dep_ == "conj":
                for e in fi.np_entities(x):
                    if e not in ents and e.type != "place":
                        ents.append(e)
            if x.text in {";", "."} or x.lower_ in {"could", "would", "was", "is"}:
                break
    else:
        # "the LeT–ISKP collaboration", "ISKP-Lashkar nexus"
        i = t.i - 1
        while i >= 0 and (fi.entity(t.doc[i]) is not None or t.doc[i].text in _CONNECT):
            e = fi.entity(t.doc[i])
            if e is not None and e not in ents and e.type != "place":
                ents.insert(0, e)
            i -= 1
    return ents


def between_frame(fi: FrameInput) -> list[Candidate]:
    out: list[Candidate] = []
    for t in fi.tokens:
        pred = fi.triggers.between.get(t.lower_) or fi.triggers.between.get(_lemma(t))
        if pred is None:
            continue
        ents = tie_parties(fi, t)
        if len(ents) >= 2:
            out.extend(Candidate(pred, ents[0], o, t, "between") for o in ents[1:3] if o.id != ents[0].id)
    return out


def _verb_match(t: Token, verbs: VerbTable) -> tuple[str, tuple[str, ...], int] | None:
    """(predicate, preps, length) of the longest verb phrase starting at `t`."""
    best = None
    for phrase in phrases_starting(verbs, _lemma(t), t.lower_):
        pred, preps = verbs[phrase]
        rest = phrase[1:]
        if rest:
            following = [x for x in t.doc[t.i + 1 : t.i + 1 + len(rest) + 2] if x.pos_ not in {"ADJ", "DET", "NUM"}]
            words = [x.lemma_.lower() for x in following[: len(rest)]]
            lowers = [x.lower_ for x in following[: len(rest)]]
            if tuple(words) != rest and tuple(lowers) != rest:
                continue
        if best is None or len(phrase) > best[2]:
            best = (pred, preps, len(phrase))
    return best


def _gives_goods(t: Token, goods: frozenset[str]) -> bool:
    """Whether what `t` (provide, supply, give) hands over is support: arms, funds, shelter, training …"""
    for c in t.subtree:
        if c.pos_ in {"NOUN", "PROPN"} and c.i != t.i and (c.lower_ in goods or c.lemma_.lower() in goods):
            return True
    return False


_COMPANION_VERBS = {"follow", "accompany"}


def _companions(t: Token, fi: FrameInput) -> list[Entity]:
    """Who went along with the subject of `t`: "Ashfaq arrived in Balochistan, followed by Lashkar deputy
    commander Saifullah Kasuri", "X met Y, accompanied by Z"."""
    out: list[Entity] = []
    for c in t.children:
        if c.dep_ in {"advcl", "conj"} and c.i > t.i and _lemma(c) in _COMPANION_VERBS and c.tag_ == "VBN":
            for a in c.children:
                if a.dep_ == "agent":
                    out += [e for p in a.children if p.dep_ == "pobj" for e in fi.np_entities(p)
                            if e.type == "person" or e.type in ORG_TYPES]
    return out


def verb_frame(fi: FrameInput) -> list[Candidate]:
    out: list[Candidate] = []
    for t in fi.tokens:
        if t.pos_ not in {"VERB", "AUX", "ADJ"} and not (t.pos_ == "NOUN" and t.dep_ == "ROOT"):
            continue
        m = _verb_match(t, fi.triggers.verbs)
        if m is None:
            continue
        pred, preps, _ = m
        if _lemma(t) in fi.triggers.goods_verbs and not _gives_goods(t, fi.triggers.goods):
            continue
        subs, passive = _subjects(t, fi)
        subs += [e for e in _companions(t, fi) if e not in subs]
        objs: list[Entity] = []
        if not passive:
            for c in t.children:
                if c.dep_ in {"dobj", "dative"}:
                    objs += fi.np_entities(c)
                    if pred == "supports" and (c.lower_ in fi.triggers.between or _lemma(c) in fi.triggers.between):
                        objs += tie_parties(fi, c)  # "facilitating collaboration between X and Y"
                if c.dep_ in {"ccomp", "xcomp"}:  # "helping the ISKP establish …"
                    s = next((g for g in c.children if g.dep_ in {"nsubj"}), None)
                    if s is not None:
                        objs += fi.np_entities(s)
        else:
            subj = next((c for c in t.children if c.dep_ == "nsubjpass"), None)
            if subj is not None:
                objs += fi.np_entities(subj)
        if preps:
            for p in _pobjs(t, preps):
                objs += [e for e in fi.np_entities(p) if e not in objs]
        if pred in {"cooperates_with", "met_with"} and not objs and len(subs) >= 2:
            out.extend(Candidate(pred, subs[0], o, t, "verb") for o in subs[1:])
            continue
        out.extend(_pairs(pred, subs, objs, t, "verb"))
    # "seen in a photo alongside X": met_with from a preposition after "seen"
    for t in fi.tokens:
        if t.lower_ in {"alongside", "with"} and any(_lemma(a) == "see" for a in t.ancestors):
            see = next(a for a in t.ancestors if _lemma(a) == "see")
            subs, _ = _subjects(see, fi)
            objs = [e for c in t.children if c.dep_ == "pobj" for e in fi.np_entities(c)]
            out.extend(_pairs("met_with", [s for s in subs if s.type == "person"], objs, t, "verb"))
    return out


def under_frame(fi: FrameInput) -> list[Candidate]:
    out: list[Candidate] = []
    doc = fi.sent.doc
    for t in fi.tokens:
        if t.lower_ != "under":
            continue
        nouns = [x for x in doc[t.i + 1 : t.i + 6] if x.lower_ in fi.triggers.under or _lemma(x) in fi.triggers.under]
        if not nouns:
            continue
        after = [e for e in fi.window(t.i + 1, min(len(doc), t.i + 9)) if e.type != "place"]
        controller = after[-1] if after else None
        if controller is None:
            continue
        head = t.head
        if head.pos_ in {"VERB", "AUX"} and head.i < t.i:
            controlled = _subjects(head, fi)[0]  # "ISKP & Lashkar converging under aegis of …"
        else:
            controlled = fi.window(t.i - 1, -1, step=-1)
        controlled = [e for e in controlled if e.type != "place" and e.id != controller.id]
        out.extend(Candidate("directs", controller, e, t, "under") for e in controlled)
    return out


def asset_frame(fi: FrameInput) -> list[Candidate]:
    out: list[Candidate] = []
    doc = fi.sent.doc
    for t in fi.tokens:
        if _lemma(t) not in fi.triggers.asset_of or t.i + 1 >= len(doc) or doc[t.i + 1].lower_ != "of":
            continue
        if fi.mentions.at(fi.index, t.i) is not None:
            continue  # a word of a name ("the Popular Front of India"), not a front of anyone
        after = fi.window(t.i + 2, min(len(doc), t.i + 7))
        ctrl = next((e for e in after if e.type in ORG_TYPES or e.type == "person"), None)
        if ctrl is None:
            continue
        verb = next((a for a in t.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        subs = _subjects(verb, fi)[0] if verb is not None else []
        if not subs:
            subs = [e for e in fi.window(t.sent.start, t.i) if e.type in ORG_TYPES | {"person"}][:1]
        out.extend(Candidate("directs", ctrl, s, t, "asset_of") for s in subs if s.id != ctrl.id)
    return out


def _role_at(t: Token, roles: Mapping[tuple[str, ...], tuple[str, str]]) -> tuple[str, str, int] | None:
    best = None
    for words in phrases_starting(roles, t.lower_, t.lemma_.lower()):
        pred, role = roles[words]
        n = len(words)
        seq = [x.lower_ for x in t.doc[t.i : t.i + n]]
        lem = [x.lemma_.lower() for x in t.doc[t.i : t.i + n]]
        if (seq == list(words) or lem == list(words)) and (best is None or n > best[2]):
            best = (pred, role, n)
    return best


@cache
def _said_to() -> frozenset[str]:
    """The participles a hedge puts before "to be" ("believed to be", ontology/lexicon.yaml `hedges`), which may
    stand between a person and the role in apposition ("X, believed to be a commander of Y")."""
    from ..ontology import load_ontology

    hedges = (str(h).lower().split() for h in load_ontology().lexicon.get("hedges") or ())
    return frozenset(words[0] for words in hedges if len(words) == 3 and words[1:] == ["to", "be"])


def role_frame(fi: FrameInput) -> list[Candidate]:
    out: list[Candidate] = []
    doc = fi.sent.doc
    skip_until = -1
    for t in fi.tokens:
        if t.i < skip_until:
            continue
        m = _role_at(t, fi.triggers.roles)
        if m is None:
            continue
        pred, role, n = m
        skip_until = t.i + n
        last = doc[t.i + n - 1]
        head = last  # the role noun
        # --- who holds the role
        person: Entity | None = None
        r = t.i + n
        while r < len(doc) - 1 and doc[r].is_title and (doc[r].lower_ in ranks() or doc[r].lower_ in rank_prefixes()
                                                         and doc[r + 1].lower_ in ranks()):
            r += 1  # "BLF spokesman Major Gwahram Baloch", "NAF spokesman Air Commodore X"
        right = doc[r] if r < len(doc) else None
        if right is not None and _is(fi.entity(right), ["person"]):
            person = fi.entity(right)  # "commander Rana Mohammad Ashfaq"
        if person is None:
            ap = next((c for c in head.children if c.dep_ == "appos" and _is(fi.np_entity(c), ["person"])), None)
            if ap is not None:
                person = fi.np_entity(ap)
        plural = last.tag_ in {"NNS", "NNPS"}
        if person is None and not plural:
            # "ISKP's coordinator in Balochistan, Mir Shafiq Mengal" (appositive after a comma)
            j = t.i + n
            while j < len(doc) and j < t.i + n + 6 and doc[j].text != ",":
                j += 1
            if j + 1 < len(doc) and doc[j].text == "," and _is(fi.entity(doc[j + 1]), ["person"]):
                person = fi.entity(doc[j + 1])
        if person is None:
            # "Mengal, son of …" / "X, the LeT chief" — the person before the appositive comma
            j = t.i - 1
            while j >= 0 and doc[j].lower_ in _MODIFIERS | {"'s", "’s"} or j >= 0 and fi.entity(doc[j]) is not None \
                    and not _is(fi.entity(doc[j]), ["person"]) and j > t.i - 6:
                j -= 1
            if j >= 3 and doc[j].lower_ == "be" and doc[j - 1].lower_ == "to" and doc[j - 2].lower_ in _said_to():
                j -= 3  # "X, believed to be a senior commander of Y"
            if j >= 1 and doc[j].text == "," and _is(fi.entity(doc[j - 1]), ["person"]):
                person = fi.entity(doc[j - 1])
        if person is None and head.dep_ == "pobj" and head.head.lower_ == "as":
            verb = head.head.head  # "has worked as ISKP's principal facilitator"
            subs = [s for s in _subjects(verb, fi)[0] if s.type == "person"]
            person = subs[0] if subs else None
        if person is None and head.dep_ == "appos" and _is(fi.np_entity(head.head), ["person"]):
            person = fi.np_entity(head.head)
        if person is None:
            continue
        # --- of what (organisation) / of whom (relative)
        other: Entity | None = None
        place: Entity | None = None
        j = t.i - 1
        while j >= 0 and (doc[j].lower_ in _MODIFIERS or doc[j].text in {"'s", "’s", "’", "'"}):
            j -= 1
        left = fi.entity(doc[j]) if j >= 0 else None
        if pred == "member_of" and left is not None and left.type in ORG_TYPES:
            other = left  # "ISKP's coordinator", "Lashkar deputy commander"
        k = t.i + n
        if other is None and k < len(doc) and doc[k].lower_ == "of":
            wanted = ORG_TYPES if pred == "member_of" else {"person"}
            # the head of the phrase is its last name: "founder of Kashmiri group Jaish-e-Mohammed"
            cand = [e for e in fi.window(k + 1, min(len(doc), k + 10)) if e.type in wanted]
            other = cand[-1] if cand else None
        if other is None or other.id == person.id:
            continue
        if k < len(doc) and doc[k].lower_ == "in":
            nxt = fi.window(k + 1, min(len(doc), k + 4))
            place = next((e for e in nxt if e.type == "place"), None)
        out.append(Candidate(pred, person, other, t, "role", role=role, place=place))
    return out


def kind_frame(fi: FrameInput) -> list[Candidate]:
    out: list[Candidate] = []
    doc = fi.sent.doc
    firsts = {words[0] for words in fi.triggers.kinds}
    for t in fi.tokens:
        if t.lower_ not in firsts:
            continue
        for words in fi.triggers.kinds:
            if words[0] != t.lower_:
                continue
            n = len(words)
            if [x.lower_ for x in doc[t.i : t.i + n]] != list(words) or t.i + n >= len(doc):
                continue
            if doc[t.i + n].lower_ != "of":
                continue
            parent = next((e for e in fi.window(t.i + n + 1, min(len(doc), t.i + n + 6)) if e.type in ORG_TYPES), None)
            if parent is None:
                continue
            child: Entity | None = None
            j = t.i - 1
            while j >= 0 and doc[j].text not in {",", "is", "was", "as"} and t.i - j < 6:
                j -= 1
            if j >= 1 and doc[j].text == ",":
                child = fi.entity(doc[j - 1])
            elif j >= 1:
                subs = _subjects(doc[j], fi)[0] if doc[j].pos_ in {"AUX", "VERB"} else []
                child = subs[0] if subs else fi.entity(doc[j - 1])
            if _is(child, ORG_TYPES) and child is not None and child.id != parent.id:
                out.append(Candidate("branch_of", child, parent, t, "kind"))
    return out


def base_frame(fi: FrameInput) -> list[Candidate]:
    out: list[Candidate] = []
    doc = fi.sent.doc
    for t in fi.tokens:
        low = t.lower_
        is_base = low in fi.triggers.bases or _lemma(t) in fi.triggers.bases
        pred_of = fi.triggers.places_of.get(low)
        if not is_base and pred_of is None:
            continue
        pred = "based_in" if is_base else pred_of
        # owner: possessor ("its", "ISKP's") or the org right before a place compound
        owner: Entity | None = None
        places: list[Entity] = []
        j = t.i - 1
        while j >= 0 and (doc[j].pos_ in {"ADJ", "NUM"} or doc[j].lower_ in _MODIFIERS) and t.i - j < 5:
            j -= 1
        if j >= 0 and _is(fi.entity(doc[j]), ["place", "facility"]):
            places.append(fi.entity(doc[j]))  # type: ignore[arg-type]
            j -= 1
            while j >= 0 and doc[j].text in {"'s", "’s"}:
                j -= 1
        if j >= 0 and doc[j].text in {"'s", "’s"}:
            j -= 1
        if j >= 0:
            cand = fi.entity(doc[j])
            if _is(cand, ORG_TYPES) and (places or doc[j].dep_ == "poss" or doc[j].lower_ in {"its", "their"}
                                         or doc[j + 1].text in {"'s", "’s"}):
                owner = cand
        k = t.i + 1
        if k < len(doc) and doc[k].lower_ in {"in", "at", "near"}:
            places += [e for e in fi.window(k + 1, min(len(doc), k + 8)) if e.type in {"place", "facility"}]
        if owner is None and pred == "operates_in" and places:
            verb = next((a for a in t.ancestors if a.pos_ in {"VERB", "AUX"}), None)
            # "ISIL has a presence in Pakistan" — but not "Congress debated … operations in Iraq"
            if verb is not None and _lemma(verb) in _HAVE_VERBS and t.dep_ in {"dobj", "attr"}:
                subs = [s for s in _subjects(verb, fi)[0] if s.type in ORG_TYPES]
                owner = subs[0] if subs else None
        if owner is None:
            continue
        out.extend(Candidate(pred, owner, p, t, "base") for p in places if p.id != owner.id)
    return out


def noun_with_frame(fi: FrameInput) -> list[Candidate]:
    """"X shared deep ties with Y" (associated_with) and "an attack by X on Y" (attacked)."""
    out: list[Candidate] = []
    doc = fi.sent.doc
    for t in fi.tokens:
        if t.pos_ not in {"NOUN", "PROPN"}:
            continue
        low = t.lower_
        if low in fi.triggers.noun_with:
            objs = [e for p in _pobjs(t, ["with", "to"], depth=1) for e in fi.np_entities(p)]
            verb = t.head if t.dep_ in {"dobj", "attr"} else None
            subs = _subjects(verb, fi)[0] if verb is not None else []
            out.extend(_pairs(fi.triggers.noun_with[low], subs, objs, t, "noun_with"))
        if low in fi.triggers.attack_nouns or _lemma(t) in fi.triggers.attack_nouns:
            by = [e for p in _pobjs(t, ["by"], depth=1) for e in fi.np_entities(p)]
            on_toks = _pobjs(t, ["on", "against"], depth=1)
            if not by:
                k = t.i + 1
                if k < len(doc) and doc[k].lower_ == "by":
                    by = fi.window(k + 1, min(len(doc), k + 6))[:1]
            on = [e for p in on_toks for e in fi.np_entities(p, prefer=ORG_TYPES)]
            place = next((e for p in on_toks for c in p.subtree if (e := fi.entity(c)) is not None
                          and e.type == "place"), None)
            for s in by:
                for o in on:
                    if s.id != o.id and o.type != "place":
                        out.append(Candidate("attacked", s, o, t, "noun_with", place=place))
                    elif o.type == "place" and s.id != o.id:
                        out.append(Candidate("attacked", s, o, t, "noun_with"))
    return out


def publication_frame(fi: FrameInput) -> list[Candidate]:
    out: list[Candidate] = []
    doc = fi.sent.doc
    for t in fi.tokens:
        pub = fi.entity(t)
        if pub is None or pub.type != "publication" or (t.i > 0 and fi.entity(doc[t.i - 1]) is pub):
            continue
        for j in range(t.i - 1, max(-1, t.i - 6), -1):
            if doc[j].lower_ in fi.triggers.publications:
                owner = None
                for k in range(j - 1, max(-1, j - 4), -1):
                    e = fi.entity(doc[k])
                    if _is(e, ORG_TYPES):
                        owner = e
                        break
                if owner is not None:
                    out.append(Candidate("publishes", owner, pub, doc[j], "publication"))
                break
    return out


FRAMES: tuple[Callable[[FrameInput], list[Candidate]], ...] = (
    between_frame, verb_frame, under_frame, asset_frame, role_frame, kind_frame, base_frame, noun_with_frame,
    publication_frame,
)

__all__ = ["FRAMES", "STAND_IN_NOUNS", "Candidate", "FrameInput", "subjects_of"]
