"""What a claim frame reads (`FrameInput`: a parsed sentence with its entities) and what it proposes
(`Candidate`), with the entity lookups every frame shares: a token's entity, a noun phrase's entity
("ISKP fighters" → ISKP, "fighters loyal to Y" → Y), and the subjects of a verb."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..records import Entity
from ..resolve.places import kind_words
from .claim_arguments import identified
from .entities import ORG_TYPES, MentionIndex
from .event_mentions import named_as, relation_nouns, speakers, spokesperson_owners
from .name_context import PLACE_OF
from .references import resolve_reference
from .triggers import Triggers

_CLAUSE_BREAK = {",", ";", ":", "“", "”", '"', "(", ")", "—"}
STAND_IN_NOUNS = frozenset({
    "fighter", "fighters", "operative", "operatives", "militant", "militants", "member", "members", "cadre",
    "cadres", "man", "men", "commander", "commanders", "leader", "leaders", "leadership", "troop", "troops",
    "force", "forces", "unit", "units", "camp", "camps", "base", "bases", "headquarters", "position",
    "positions", "convoy", "hideout", "hideouts", "network", "faction", "wing", "cell", "cells", "module",
    "operation", "operations", "gunman", "gunmen", "soldier", "soldiers", "official", "officials", "agent",
    "agents", "jihadist", "jihadists", "insurgent", "insurgents", "recruit", "recruits", "outpost", "post",
    "training", "office", "offices", "spokesman", "chief", "agency", "agencies", "army", "military", "government",
    "militia", "militias", "loyalist", "loyalists", "affiliate", "affiliates", "supporter", "supporters", "group",
    "outfit", "movement", "target", "targets", "mercenary", "mercenaries", "ruler", "rulers", "regime",
    "authorities", "administration", "junta", "coalition", "alliance", "umbrella", "rebel", "rebels", "guerrilla",
    "guerrillas",
    "brigade", "brigades", "battalion", "battalions", "regiment", "regiments", "squad", "squads", "contingent",
    "remnant", "remnants", "element", "elements"})
#: nouns that count what their "of" names ("hundreds of PDF fighters")
_QUANTITY_NOUNS = frozenset({"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "score", "scores"})
#: Words after a name that say what kind of place it is ("Kunar province", "Kech district")
_KIND_NOUNS = frozenset(kind_words())
#: "fighters loyal to Y", "troops allied with Y": the noun stands for Y
LOYAL = frozenset({"loyal", "allied", "aligned", "belonging", "answerable", "subordinate"})
_SUBJ = {"nsubj", "nsubjpass", "csubj"}
_ACCUSE = {"accuse", "suspect", "charge", "blame", "convict", "indict", "implicate"}


@dataclass(frozen=True, slots=True)
class Candidate:
    predicate: str
    subject: Entity
    object: Entity | None
    trigger: Token
    frame: str
    role: str | None = None
    place: Entity | None = None
    #: the predicate stated instead when the claim turns out intended (vowed, planned)
    if_intended: str | None = None


@dataclass(slots=True)
class FrameInput:
    sent: Doc | SpacySpan
    index: int  # sentence number in the document's parsed list
    offset: int  # document offset of the sentence's first character
    mentions: MentionIndex
    triggers: Triggers
    #: the actor the document is about (its title names it), the missing side of a sentence with no subject
    topic: Entity | None = None
    _cache: dict[int, Entity | None] = field(default_factory=dict)
    _tokens: list[Token] | None = None

    @property
    def tokens(self) -> list[Token]:
        """The sentence's tokens, made once for all the frames that walk them."""
        if self._tokens is None:
            self._tokens = list(self.sent)
        return self._tokens

    def entity(self, tok: Token) -> Entity | None:
        """The entity a token names or refers to (pronouns, "the group", relative "which")."""
        if tok.i in self._cache:
            return self._cache[tok.i]
        e = self.mentions.at(self.index, tok.i)
        if e is not None and e.kind == "descriptive" and not identified(e):
            # "The ethnic armed group, which is part of …" after the Arakan Army: the group told before, not
            # another, unnamed one (a definite group noun refers back when a named group is near); "the ADF, a
            # Ugandan rebel group": the name the noun stands in apposition to
            named = self.entity(tok.head) if tok.dep_ == "appos" and tok.head.i < tok.i else None
            told = named if named is not None and named.kind != "descriptive" else \
                resolve_reference(tok, self.index, self.offset, self.mentions)
            e = told if told is not None and told.kind != "descriptive" else e
        if e is None:
            e = resolve_reference(tok, self.index, self.offset, self.mentions)
        if e is None and (tok.lower_ in {"which", "who", "that"} and tok.dep_ in _SUBJ | {"dobj"}
                          or tok.lower_ == "whose" and tok.dep_ == "poss"):  # "JNIM, whose fighters operate …"
            # the antecedent is the name right before the pronoun ("Afghanistan of the Taliban which had
            # harboured …" is the Taliban, whatever the parser attached the clause to), else the parser's
            # "who" wants a person, "which" anything else ("Gen. Hamid Gul of Pakistan, who ran the ISI")
            j = tok.i - 1
            while j >= 0 and tok.i - j <= 6 and tok.doc[j].pos_ not in {"VERB", "AUX"}:
                cand = self.entity(tok.doc[j]) if self.mentions.at(self.index, j) is not None else None
                if cand is not None and _qualifies_noun_before(tok.doc[j], tok.i):
                    break  # "HTS, a former al-Qaida affiliate that controls …": the affiliate, not al-Qaida
                if cand is not None and (tok.lower_ in ("that", "whose")
                                         or (cand.type == "person") == (tok.lower_ == "who")):
                    e = cand
                    break
                j -= 1
            if e is None and tok.head.dep_ == "relcl":
                noun = tok.head.head
                # the name a common noun stands in apposition to ("the ADF, a Ugandan rebel group that …")
                e = self.entity(noun.head) if noun.pos_ == "NOUN" and noun.dep_ == "appos" else None
                e = e or self.entity(noun)
                if e is None and noun.pos_ == "NOUN" and noun.dep_ == "attr":
                    # "The CJTF is a vigilante group that fights alongside the army": the copula's subject
                    e = next((s for c in noun.head.children if c.dep_ == "nsubj" and (s := self.entity(c))
                              is not None), None)
        self._cache[tok.i] = e
        return e

    def np_entity(self, tok: Token, prefer: Iterable[str] = ()) -> Entity | None:
        """The entity a noun phrase headed by `tok` stands for: itself, an appositive, a compound or
        possessor ("ISKP fighters" → ISKP, "ISKP's coordinator …, Mir Shafiq Mengal" → Mengal). Loyalty
        names the side: "troops loyal to Assad" stand for Assad, whatever "troops" alone would be."""
        loyal = self._loyal_to(tok)
        if loyal is not None:
            # "JAS fighters loyal to Bakura Doro": the fighters' own group, where the noun names one
            own = next((e for c in tok.children if c.dep_ in ("compound", "nmod") and c.i < tok.i
                        and (e := self.entity(c)) is not None and e.type in ORG_TYPES and e.kind == "named"), None)
            loyal = own or loyal
        if loyal is not None:
            return loyal
        # "the Islamic State's affiliate, known as ISKP": the name it goes by
        called = next((e for o in named_as(tok) if (e := self.entity(o)) is not None), None)
        if called is not None:
            return called
        e = self.entity(tok)
        if e is not None and e.type == "group_identity":
            # "a Saudi Islamist, Mohammed Jamal Khalifa": the person the appositive names, not the people
            named = next((a for c in tok.children if c.dep_ == "appos" and (a := self.entity(c)) is not None
                          and a.type != "group_identity"), None)
            if named is not None:
                return named
        if e is not None and e.kind == "descriptive":
            # "five militants of the TTP", "fighters from the MSA": the named owner, not an unnamed group
            owner = self._owner(tok)
            if owner is not None:
                return owner
        if e is not None:
            return e
        if tok.lemma_.lower() in _QUANTITY_NOUNS or tok.pos_ == "NUM":
            # "hundreds of PDF fighters", "dozens of Khawarij": the quantity stands for what it counts
            counted = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                            for p in c.children if p.dep_ == "pobj"), None)
            if counted is not None:
                return self.np_entity(counted, prefer)
        wanted = set(prefer)
        found: list[Entity] = []
        for c in tok.children:
            if c.dep_ == "appos":
                ce = self.np_entity(c)
                if ce is not None:
                    found.insert(0, ce)
        if tok.lower_ in _KIND_NOUNS:  # "Afghanistan's Kunar province": the place the kind word names
            named = next((e for c in tok.children if c.dep_ in ("compound", "nmod") and (e := self.entity(c))
                          is not None and e.type == "place"), None)
            if named is not None:
                return named
        if tok.lemma_.lower() in PLACE_OF:  # "the town of Bojayá": the place the noun is called
            called = next((e for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                           for p in c.children if p.dep_ == "pobj" and (e := self.entity(p)) is not None
                           and e.type == "place"), None)
            if called is not None:
                return called
        if tok.lemma_.lower() in STAND_IN_NOUNS or tok.lower_ in STAND_IN_NOUNS:
            # "ISKP fighters", "Lashkar operatives", "ISKP's Mastung camp": the noun stands for its owner;
            # "Obama's strategy" or "Taliban-style state" do not
            for c in tok.children:
                if c.dep_ == "poss" and tok.lemma_.lower() in relation_nouns():
                    continue  # "the Islamic State group's regional affiliate claimed …": another group than its owner
                if c.dep_ in {"compound", "poss", "nmod", "amod"} and c.i < tok.i:
                    ce = self.entity(c)
                    # "a Sunni militant group": a people's adjective says what kind, not whose
                    if ce is not None and not (c.dep_ == "amod" and ce.type == "group_identity"):
                        found.append(ce)
            # "fighters loyal to Y", "members of Y", "fighters from the MSA"
            for c in tok.children:
                via = c if c.dep_ == "prep" and c.lower_ in {"of", "from"} else None
                if c.dep_ in ("amod", "acl") and c.lower_ in LOYAL:  # "militants belonging to Y"
                    via = next((g for g in c.children if g.dep_ == "prep" and g.lower_ in {"to", "with"}), None)
                for p in via.children if via is not None else ():
                    ce = self.entity(p) if p.dep_ == "pobj" else None
                    if ce is not None:
                        found.append(ce)
        if wanted:
            for f in found:
                if f.type in wanted:
                    return f
        return found[0] if found else None

    def _owner(self, tok: Token) -> Entity | None:
        """The named group a stand-in noun belongs to: "militants of the TTP", "fighters from the MSA"."""
        if tok.lemma_.lower() not in STAND_IN_NOUNS and tok.lower_ not in STAND_IN_NOUNS:
            return None
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in {"of", "from"}:
                for p in c.children:
                    e = self.entity(p) if p.dep_ == "pobj" else None
                    if e is not None and e.kind != "descriptive" and e.type in ORG_TYPES:
                        return e
        return None

    def _loyal_to(self, tok: Token) -> Entity | None:
        if tok.pos_ not in {"NOUN", "PROPN"}:
            return None
        for c in tok.children:
            if c.dep_ in ("amod", "acl") and c.lower_ in LOYAL:  # "militants belonging to Y"
                for g in c.children:
                    if g.dep_ == "prep" and g.lower_ in {"to", "with"}:
                        for p in g.children:
                            e = self.entity(p) if p.dep_ == "pobj" else None
                            if e is not None:
                                return e
        return None

    def spoken_for(self, person: Entity, claiming: bool = False) -> Entity | None:
        """The body a person named in this sentence speaks for, where a spokesperson noun ties them: "TTP
        spokesman Muhammad Khurasani", "Muhammad Khurasani, a spokesman for the TTP"; `claiming` (a claim of
        responsibility): a leader's noun too ("Boko Haram leader Abubakar Shekau claimed responsibility")."""
        for tok in self.tokens:
            if self.entity(tok) is not person or self.entity(tok.head) is person:
                continue
            nouns = [c for c in tok.children if c.dep_ in {"compound", "appos"}]
            if tok.dep_ == "appos":  # "the TTP spokesman, Muhammad Khurasani"
                nouns.append(tok.head)
            for noun in nouns:
                owners = spokesperson_owners(noun, speakers() if claiming else None)
                body = next((e for o in owners if (e := self.entity(o)) is not None and e.type in ORG_TYPES), None)
                if body is not None:
                    return body
        return None

    def np_entities(self, tok: Token, prefer: Iterable[str] = ()) -> list[Entity]:
        out: list[Entity] = []
        stack = [tok]
        while stack:
            t = stack.pop(0)
            e = self.np_entity(t, prefer)
            listed = [p for c in t.children if _lists(c) for p in c.children if p.dep_ == "pobj"] \
                if t.pos_ == "NOUN" and (e is None or e.kind == "descriptive") else []
            if listed:  # "coastal states such as Benin and Togo", "armed groups such as Hezbollah": the names
                stack.extend(listed)
            elif e is not None and e not in out:
                out.append(e)
            stack.extend(c for c in t.children if c.dep_ == "conj")
            if t.tag_ == "NNS":
                # "the two groups, ISWAP and JAS": the names listed in apposition to a plural noun
                stack.extend(g for c in t.children if c.dep_ == "appos" for g in c.children if g.dep_ == "conj")
            # "Mastung and Khuzdar districts", "Sokoto and Kebbi states": the list hangs off the noun as a modifier
            # with its conjuncts
            listed_mods = [c for c in t.children if (c.dep_ in {"compound", "nmod"} or c.dep_ == "amod"
                                                      and c.pos_ == "PROPN")  # "the Beni and Lubero areas"
                           and any(g.dep_ == "conj" for g in c.children)]
            stack.extend(c for c in listed_mods if c.i < t.i)
            stack.extend(g for c in listed_mods for g in c.children if g.dep_ == "conj")
            if t.lemma_.lower() in STAND_IN_NOUNS or t.lower_ in STAND_IN_NOUNS or t.lemma_.lower() in PLACE_OF \
                    or t.lemma_.lower() in _QUANTITY_NOUNS:
                # "the leadership of al-Qaida and the Afghan Taliban": the owners are conjoined; so are the places
                # of "the cities of Ramadi and Fallujah"
                stack.extend(g for c in t.children if c.dep_ == "prep" and c.lower_ in {"of", "from"}
                             for p in c.children if p.dep_ == "pobj" for g in p.children if g.dep_ == "conj")
        return out

    def window(self, start: int, end: int, step: int = 1) -> list[Entity]:
        """Entities on tokens from `start` towards `end` (exclusive), stopping at a clause break."""
        out: list[Entity] = []
        toks = self.sent.doc
        i = start
        while (i < end) if step > 0 else (i > end):
            t = toks[i]
            e = self.entity(t) if t.pos_ not in {"PRON"} or t.lower_ in {"it", "its"} else None
            if e is None and t.text in _CLAUSE_BREAK:
                break
            if e is None and t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "compound"}:
                break
            if e is not None and e not in out:
                out.append(e)
            i += step
        return out


def _is(e: Entity | None, types: Iterable[str]) -> bool:
    return e is not None and e.type in set(types)


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def _subjects(t: Token, fi: FrameInput, depth: int = 0) -> tuple[list[Entity], bool]:
    """Entities that are the subject of verb `t` (climbing through xcomp/conj/advcl) and whether the
    verb is passive with an agent (then the agent is the doer)."""
    agent = next((c for c in t.children if c.dep_ == "agent"), None)
    if agent is not None:
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if pobj is not None:
            return fi.np_entities(pobj), True
    subj = next((c for c in t.children if c.dep_ in _SUBJ), None)
    if subj is not None:
        return fi.np_entities(subj, prefer=("person", *ORG_TYPES)), False
    if (t.dep_ == "acl" or t.dep_ == "amod" and t.i > t.head.i) and depth < 3:
        # an adjective after its noun is a clause on it as a participle is ("a JNIM unit active in Banwa")
        found = fi.np_entities(t.head)
        if found and t.head.pos_ == "NOUN" and t.head.dep_ in {"attr", "appos"} and fi.entity(t.head) is None:
            # "Ansaru, a Boko Haram splinter faction linked to al-Qaeda": the faction is Ansaru, not the name that
            # qualifies the noun
            return _subjects(t.head.head, fi, depth + 1) if t.head.dep_ == "attr" else (
                fi.np_entities(t.head.head), False)
        if not found and t.head.dep_ == "dobj" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) \
                and not any(c.dep_ == "dative" for c in t.head.head.children):
            # "X regained enough strength to pose a threat to Y": the one whose strength (means, capacity) it is
            return _subjects(t.head.head, fi, depth + 1)
        if all(e.kind == "descriptive" for e in found) and t.head.dep_ in {"attr", "appos"}:
            # "X is a militant group operating from Pakistan", "X, a group operating in Y": the noun is X
            return _subjects(t.head.head, fi, depth + 1) if t.head.dep_ == "attr" else (
                fi.np_entities(t.head.head), False)
        return found, False
    verb = _accusation(t)
    if verb is not None:
        # "officials accused Iran of arming the Houthis", "the ISI is accused of supporting …": the accused is
        # the doer, wherever the parser hung "of" ("accused the Haqqani network of …", "X were accused by rights
        # groups of killing …")
        accused = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if accused is not None:
            return fi.np_entities(accused), False
    if t.dep_ in {"xcomp", "conj", "advcl", "pcomp", "ccomp", "relcl"} and t.head is not t and depth < 4:
        if t.dep_ == "relcl":
            return fi.np_entities(t.head), False
        if t.dep_ == "xcomp":
            # object control: in "Pakistan wants us to help …" the helper is "us", not Pakistan
            controller = next((c for c in t.head.children if c.dep_ in {"dobj", "dative"} and c.i < t.i), None)
            if controller is not None:
                return fi.np_entities(controller), False
        return _subjects(t.head, fi, depth + 1)
    return [], False


def _qualifies_noun_before(t: Token, end: int) -> bool:
    """Whether a name only qualifies a common noun that stands between it and position `end` ("a former al-Qaida
    affiliate that …", "an Iran-backed militia which …"): the clause is about the noun, not the name."""
    head = t
    while head.dep_ in ("compound", "flat") and head.head.i > head.i and head.head.pos_ == "PROPN":
        head = head.head  # to the last word of the name
    return head.dep_ in ("compound", "poss", "amod", "nmod") and head.head.pos_ == "NOUN" and t.i < head.head.i < end


def accused_of(t: Token) -> bool:
    """Whether `t` is the deed of an accusation ("officials accused Iran of arming …", "the ISI is accused of
    supporting …", "accused the network of being responsible …"): someone's allegation, never the outlet's
    finding."""
    if t.dep_ in ("acomp", "attr"):
        t = t.head  # "of being responsible"
    return _accusation(t) is not None


def _accusation(t: Token) -> Token | None:
    """The verb of accusation whose "of" clause `t` heads: the "of" on the verb, on its object, or on the agent
    of its passive ("accused by rights groups of killing")."""
    if t.dep_ != "pcomp" or t.head.lower_ != "of":
        return None
    up = t.head.head
    for _ in range(3):
        if _lemma(up) in _ACCUSE:
            return up
        if up.dep_ not in ("dobj", "pobj", "agent") or up.head.i == up.i:
            return None
        up = up.head
    return None


def subjects_of(t: Token, fi: FrameInput) -> list[Entity]:
    """The entities doing what verb (or noun) `t` states: its subject, a passive's agent, or the subject of
    the clause it hangs from ("X had agreed to share …", "X, who met Y")."""
    return _subjects(t, fi)[0]


def _lists(prep: Token) -> bool:
    """A preposition that lists examples of the noun it hangs from: "such as", "including", "like"."""
    return prep.dep_ == "prep" and (prep.lower_ in {"including", "like"} or prep.lower_ == "as" and any(
        c.lower_ == "such" for c in prep.children))
