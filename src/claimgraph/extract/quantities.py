"""Casualty counts as ranges: "around 30" → 30..30 approximate, "at least five" → 5..open.

Two halves, both pure:

- `parse_count(text)` reads one number phrase ("more than 20", "two dozen", "dozens") into a `Quantity`
  (in `count_phrases`, with the count lexicon and count arithmetic; re-exported here).
- `find_casualties(sentence)` reads a parsed spaCy sentence and returns how many were killed and
  wounded, keeping attackers apart: "killing herself and a soldier" → killed 1, attackers_killed 1.

Choices (documented here because they change benchmark numbers):

- "more than N" / "over N" → min N+1, open max; "fewer than N" → max N-1; "up to N" → max N, no min.
- "around/about/nearly N" → N..N approximate (nearly is a point estimate, not a bound).
- Vague words have a floor and no ceiling: several ≥3, dozens ≥24, scores ≥40, hundreds ≥200.
- A singular noun phrase with no number ("a civilian", "their Pakistani driver", "Hamish") counts 1;
  a plural with no number ("civilians") is unknown and ignored.
- Conjoined victims add up ("three Chinese citizens and their Pakistani driver" → 4); appositions and
  "including ..." lists are breakdowns, not additions, except that attackers named under "including"
  are moved from killed to attackers_killed ("12 killed, including the two attackers" → 10 and 2).
- Per sentence, the first victim phrase of a kind wins; `merge_casualties` keeps the first stated
  value over an incident's sentences (the headline count, not later partial counts).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..records import Quantity
from .count_phrases import (  # noqa: F401 - re-exported: the count half of this module's API
    _YEAR,
    KILLED,
    WOUNDED,
    CountLexicon,
    CueSet,
    add,
    count_lexicon,
    events_yaml,
    parse_count,
    point,
    subtract,
)
from .syntax import children as _children
from .syntax import verbal as _verbal

_SINGULAR_PRONOUNS = {"he", "she", "him", "her", "himself", "herself"}


# ------------------------------------------------------------------------------------------ casualties


@dataclass(frozen=True, slots=True)
class Casualties:
    killed: Quantity | None = None
    wounded: Quantity | None = None
    attackers_killed: Quantity | None = None
    revised: bool = False  # `killed` is a revised toll ("the death toll rose to 12"): it supersedes earlier counts
    additive: bool = False  # `killed` adds to earlier counts ("A civilian was also killed", "Four more people")

    def empty(self) -> bool:
        return self.killed is None and self.wounded is None and self.attackers_killed is None


def cue_kind(tok: Token, lex: CountLexicon) -> str | None:
    """KILLED or WOUNDED when `tok` is a casualty word, else None."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    for kind in (KILLED, WOUNDED):
        cs = lex.cues[kind]
        if _verbal(tok) and (lemma in cs.verbs or cs.phrasal_verbs and any(
                c.dep_ == "prt" and f"{lemma} {c.lower_}" in cs.phrasal_verbs for c in tok.children)):
            return kind
        if low in cs.adjectives or (tok.pos_ in ("NOUN", "PROPN") and (low in cs.nouns or lemma in cs.nouns)):
            return kind
        if _life_cue(tok, cs):
            return kind
    return None


def _life_cue(tok: Token, cs: CueSet) -> bool:
    """"lives" as the object of "claimed" / "took" ("claimed 7 civilians lives")."""
    return tok.lower_ in cs.life_nouns and tok.dep_ in ("dobj", "ccomp") and tok.head.lemma_.lower() in cs.life_verbs


def _subjects(verb: Token) -> list[Token]:
    return _children(verb, "nsubjpass") or _children(verb, "nsubj")


#: Verbs whose subject is the one who died ("died", "perished", "succumbed to his injuries").
_DYING = frozenset({"die", "perish", "succumb"})
#: Month names: a number right before one is a day ("16 FEBRUARY"), not a count.
_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december"})
#: Verbs of harm that headlines and list entries use without "were": "Three soldiers killed in an IED blast".
_HEADLINE_PASSIVES = frozenset({"kill", "injure", "wound"})


def _cue_between(verb: Token, obj: Token, lex: CountLexicon) -> Token | None:
    """A casualty verb of another kind between a verb and an object the parser hung on it."""
    kind = cue_kind(verb, lex)
    return next((t for t in verb.doc[verb.i + 1 : obj.i] if _verbal(t) and (k := cue_kind(t, lex)) is not None
                 and k != kind), None)


def _victims_of_verb(verb: Token) -> list[Token]:
    passive = bool(_children(verb, "auxpass", "nsubjpass"))
    headline = verb.lemma_ in _HEADLINE_PASSIVES and verb.tag_ == "VBD" and not _children(verb, "dobj", "aux") \
        and any(c.dep_ == "nummod" for s in _subjects(verb) for c in s.children)  # "Three soldiers killed"
    if passive or headline or verb.lemma_ in _DYING or (verb.tag_ == "VBN" and not _children(verb, "dobj")):
        return _subjects(verb)
    return _children(verb, "dobj")


def _victim_heads(cue: Token, lex: CountLexicon) -> list[Token]:
    """Heads of the noun phrases that name who a casualty word counts."""
    if _life_cue(cue, lex.cues[KILLED]):  # "7 civilians lives", "the lives of 12 people"
        owners = _children(cue, "compound", "nmod", "poss", "nummod", "nsubj") + \
            [g for c in _children(cue, "prep") if c.lower_ == "of" for g in _children(c, "pobj")]
        return owners[:1] if owners else []
    if _verbal(cue) and (objects := _children(cue, "dobj")) and not _children(cue, "auxpass"):
        # "killed nine and injured fifty-seven": the parser gave "injured"'s object to "killed"
        objects = [o for o in objects if not _cue_between(cue, o, lex)]
        # "killed the governor of Balkh, Mohammad Dawood Muzammil, and two other people": the parser hung the
        # last counted item of the list on the verb
        # ("killing himself, the leader and his guard": each item one person)
        return objects + [c for c in _children(cue, "conj") if objects and c.i > objects[-1].i
                          and c.pos_ == "NOUN" and (_counted(c) or _one(c)) and not _children(c, "nsubj", "nsubjpass")
                          and not _cue_between(cue, c, lex)]
    if cue.dep_ in ("amod", "acl") and cue.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
        part = cue.head  # "5 People including 3 Levies personnel killed": the parser hung the word on the part
        if part.dep_ == "pobj" and part.head.lower_ in lex.subset_preps and part.head.head.pos_ in ("NOUN", "PROPN"):
            return [part.head.head]
        return [part]
    if _verbal(cue) and cue.dep_ in ("xcomp", "oprd") and cue.head.lemma_.lower() in lex.report_verbs \
            and (reported := _children(cue.head, "nsubjpass")):
        return reported  # "11 junta soldiers were reported killed"
    if _verbal(cue) and cue.lemma_ not in ("dead",):
        found = _victims_of_verb(cue)
        if found:
            return found
        taken = [o for o in cue.doc[cue.i + 1 : cue.i + 6] if o.dep_ == "dobj" and o.head.i < cue.i
                 and _cue_between(o.head, o, lex) == cue]
        if taken:  # ... and the object the parser gave the verb before it is this one's
            return taken
        for comp in _children(cue, "ccomp"):  # "killing at least 15 people, including ... killed": a parse
            if (subj := _children(comp, "nsubj", "nsubjpass")) and not _children(comp, "dobj"):
                return subj                   # that made the victims the subject of a later verb
        if _children(cue, "nsubj", "nsubjpass"):
            return []  # its own subject: an object of a conjoined verb is not shared
        for conj in _children(cue, "conj"):  # "killing and injuring four": the object is shared
            if _verbal(conj) and (shared := _children(conj, "dobj")):
                return shared
        if cue.dep_ == "conj" and _verbal(cue.head) and not _children(cue, "nsubj", "nsubjpass"):
            if cue.lemma_ in _DYING:  # "was stabbed and later died": the shared subject died
                return _subjects(cue.head)
            return []  # elided subject: left to the fallback ("... and 28 injured")
        return []
    if cue.lower_ == "dead" and cue.dep_ in ("advmod", "prep") and _verbal(cue.head) \
            and not _children(cue.head, "auxpass"):
        return _children(cue.head, "dobj")  # "The Taliban shot dead a district governor" (an adverb to the parser)
    if cue.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "attr") and _verbal(cue.head):
        verb = cue.head
        if verb.lemma_ in ("leave", "render"):
            return _children(verb, "dobj")
        if cue.dep_ in ("acomp", "oprd") and not _children(verb, "auxpass") and (objects := _children(verb, "dobj")):
            return objects  # "gunmen shot dead a civilian": the object is the one dead, not the gunmen
        return _subjects(verb) or _children(verb, "dobj")
    if cue.dep_ == "pobj" and cue.head.lower_ == "to" and _verbal(cue.head.head):  # "stabbed to death"
        # not "were sentenced to death": a court's sentence kills no one in the incident
        return [] if cue.head.head.lemma_.lower() in SENTENCING else _victims_of_verb(cue.head.head)
    of = [g for c in _children(cue, "prep") if c.lower_ == "of" for g in _children(c, "pobj")]
    if of:  # "the death of 2 people"
        return of
    if _children(cue, "nummod") or cue.pos_ == "NUM":  # "20 dead", "hundreds injured"
        return [cue]
    return []


#: Words between the two numbers of a range ("Six to Nine", "between 10 and 12", "10-12").
_RANGE_WORDS = frozenset({"to", "-", "–", "and", "or"})


#: Verbs of a court's sentence: "sentenced to death" counts no one killed.
SENTENCING = frozenset({"sentence", "condemn"})
#: Tens written in words, which the tokenizer cuts from the unit after a hyphen ("fifty-seven").
_TENS = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})


def _number_bounds(num: Token) -> tuple[int, int]:
    """Token range of `num` with the modifier words just before it ("at least 26") and a following
    "dozen"."""
    doc = num.doc
    start, end = num.i, num.i + 1
    if end < len(doc) and doc[end].lower_ in ("dozen",):
        end += 1
    lex = count_lexicon()
    if start >= num.sent.start + 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ \
            and not doc[start - 1].whitespace_ and doc[start - 2].lower_ in _TENS:
        start -= 2  # "fifty-seven", which the tokenizer cut at its hyphen
    for width in (3, 2, 1):
        if start - width < num.sent.start:
            continue
        words = " ".join(t.lower_ for t in doc[start - width : start])
        if any(words == p for p, _ in lex.modifiers):
            start -= width
            break
    if start > num.sent.start and doc[start - 1].lower_ in ("no", "another"):
        start -= 1
    # "Six to Nine Frontier Corps personnel", "between 10 and 12": the range's first number hangs on the second
    lows = [c for c in num.children if c.dep_ == "quantmod" and c.i < num.i and (c.like_num or c.pos_ == "NUM")
            and all(t.lower_ in _RANGE_WORDS for t in doc[c.i + 1 : num.i])]  # not "- 5 OCTOBER - 21 people"
    if lows:
        start = min(start, _number_bounds(lows[0])[0])
    # "between 15 and 20 civilians": the parser may hang the range's second number on the first, as a conjunct
    highs = [c for c in num.children if c.dep_ == "conj" and c.i > num.i and (c.like_num or c.pos_ == "NUM")
             and all(t.lower_ in _RANGE_WORDS for t in doc[num.i + 1 : c.i])]
    if highs and start > num.sent.start and doc[start - 1].lower_ == "between":
        start, end = start - 1, max(end, highs[0].i + 1)
    return start, end


def _number_token_phrase(num: Token) -> str:
    start, end = _number_bounds(num)
    return num.doc[start:end].text


def _np_quantity(head: Token, lex: CountLexicon) -> Quantity | None:
    """The count a noun phrase states; `text` is the phrase from its count word to its head
    ("three Chinese citizens", "their Pakistani driver", "At least 26")."""
    low = head.lower_
    if head.like_num or head.pos_ == "NUM" or low in lex.words:
        return parse_count(_number_token_phrase(head), lex)
    if any(c.lower_ in ("unknown", "unspecified", "undisclosed") for c in head.children):
        return None  # "an unknown number of people"
    if head.pos_ == "PRON":
        return Quantity(1, 1, False, head.text) if low in _SINGULAR_PRONOUNS else None
    q: Quantity | None = None
    first = head
    for num in _children(head, "nummod", "quantmod"):
        if num.i + 1 < len(num.doc) and num.doc[num.i + 1].lower_ in _MONTHS:
            continue  # "-   16 FEBRUARY - Three soldiers killed": a list entry's day, not the count
        q = parse_count(_number_token_phrase(num), lex)
        if q is not None:
            first = num
            break
    if q is None:
        for det in _children(head, "det", "amod", "advmod"):
            if det.lower_ in lex.words:
                q, first = parse_count(det.lower_, lex), det
                break
    if q is None:  # "killed 55 Iraqi soldiers and pro government tribal fighters": a count the parser hung deeper
        for num in head.subtree:
            if num.i >= head.i:
                break
            # ("Forty CRPF personnel": a number word the parser took for part of a name)
            if (num.dep_ == "nummod" or num.dep_ == "compound" and num.pos_ == "NUM") and num.like_num \
                    and not _YEAR.match(num.text) and not (
                    num.i + 1 < len(num.doc) and num.doc[num.i + 1].lower_ in _MONTHS):
                q = parse_count(_number_token_phrase(num), lex)
                if q is not None:
                    first = num
                    break
    before = head.doc[head.i - 1] if head.i > 0 else None
    if q is None and before is not None and before.like_num and not _YEAR.match(before.text):
        q, first = parse_count(before.text, lex), before  # "15 FEBRUARY - 5 People": a count hung on the date
    if q is None and head.tag_ in ("NN", "NNP") and head.lower_ not in ("people", "police"):
        q = Quantity(1, 1, False, head.text)
        first = min([head, *(c for c in head.lefts if c.dep_ in ("det", "poss", "amod", "compound"))],
                    key=lambda t: t.i)
    if q is None:
        return None
    start = _number_bounds(first)[0] if first.i != head.i and first.pos_ == "NUM" else first.i
    return Quantity(q.min, q.max, q.approximate, head.doc[start : head.i + 1].text)


def _is_attacker(head: Token, lex: CountLexicon) -> bool:
    if head.lower_ in lex.attacker_pronouns or head.lemma_.lower() in lex.attacker_nouns:
        return True
    if head.lower_ in lex.attacker_nouns:
        return True
    # "three of the terrorists"
    return any(
        g.lemma_.lower() in lex.attacker_nouns or g.lower_ in lex.attacker_nouns
        for c in _children(head, "prep") if c.lower_ == "of" for g in _children(c, "pobj")
    )


def _starts_clause(tok: Token, root: Token) -> bool:
    """A conjunct the parser hung on a victim phrase that is really the next clause's subject
    ("killed 20 people and another 29 were injured"), unlike the last of a conjoined subject
    ("Three security guards and a police sub inspector were killed")."""
    if any(c.lower_ == "another" for c in tok.children):
        return True
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.pos_ not in ("AUX", "VERB"):
        return False
    verb = nxt if nxt.pos_ == "VERB" and nxt.dep_ != "aux" else nxt.head
    return verb.i != root.head.i


def _conjuncts(head: Token) -> list[Token]:
    """`head` and the phrases conjoined to it. An apposition that itself has a conjunct is a list's
    middle item the parser took for an apposition ("Two Americans, a Swiss and a Dutch national")."""
    out, todo = [], [head]
    speakers = _speakers(head)
    while todo:
        t = todo.pop(0)
        out.append(t)
        todo.extend(c for c in t.children if (c.dep_ == "conj" or c.dep_ == "appos" and _lists_on(c))
                    and c.pos_ in ("NOUN", "PROPN", "NUM", "PRON", "ADJ") and not _starts_clause(c, head)
                    and not _a_place(c) and c.i not in speakers)
    return out


def _speakers(head: Token) -> set[int]:
    """The conjuncts at the end of a victim list that are really the subjects of a reporting verb right after it
    ("killing at least 14 soldiers, two security sources and a local official said"): the source nouns
    (lexicon.yaml `anonymous_sources`) back from the last conjunct, when a reporting verb follows that one."""
    from .name_context import anonymous_sources, reporting_verbs

    chain, t = [], head
    while (nxt := [c for c in t.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]):
        t = nxt[-1]
        chain.append(t)
    if not chain:
        return set()
    last = chain[-1]
    after = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
    if after is None or after.pos_ != "VERB" or after.lemma_.lower() not in reporting_verbs():
        return set()
    out: set[int] = set()
    for c in reversed(chain):
        if c.lemma_.lower() not in anonymous_sources() and c.lower_ not in anonymous_sources():
            break
        out.add(c.i)
    return out


def _a_place(tok: Token) -> bool:
    """A place the parser joined to the victims ("killed a village headman in Jantri village, Malkangiri
    district, Odisha state"): a place name or a place's kind word."""
    return tok.ent_type_ in ("GPE", "LOC", "FAC") or tok.lower_ in _place_words()


@cache
def _place_words() -> frozenset[str]:
    from ..resolve.place_index import read_data

    return frozenset(str(w) for w in read_data().get("kind_words") or ())


def _lists_on(appos: Token) -> bool:
    """An apposition followed by "and"/"as well as" + another phrase: a list item, not a restatement
    ("a suspected bomber, a soldier, 4 paramilitaries and 4 civilians": the "and" may sit on a later item).
    A counted apposition of a counted phrase whose "and" comes after it is one too, when the parser made the
    last item a second subject ("Two police officers, one civilian, and one assailant were killed")."""
    if _counted(appos) and _counted(appos.head) and any(
            c.dep_ == "cc" and c.lower_ in ("and", "&") and c.i > appos.i for c in appos.head.children):
        return True
    chain = _chain(appos)
    if _counted(appos.head) and all(t.pos_ == "PROPN" for t in chain):
        return False  # "Two soldiers, Lance Naik Muhammad Imran and Sepoy Waqar Ahmed": who the two were
    # an "and" on any item that has a conjunct after it
    return any(c.dep_ == "cc" and c.lower_ in ("and", "&") for node in chain[:-1] for c in node.children)


def _chain(tok: Token) -> list[Token]:
    """`tok` and the conjuncts that follow it, one after another ("A, B and C")."""
    out = [tok]
    while (conj := [c for c in out[-1].children if c.dep_ == "conj"]):
        out.append(conj[0])
    return out


def _counted(tok: Token) -> bool:
    return any(c.dep_ == "nummod" and c.like_num for c in tok.children)


def _one(tok: Token) -> bool:
    """A singular noun with its article or possessor: one ("the leader", "his guard")."""
    return tok.tag_ == "NN" and any(c.dep_ in ("det", "poss") for c in tok.children)


# Nouns that state a total whose parts may follow ("40 people, 6 security personnel and 34 civilians"),
# unlike "Two Americans, a Swiss and a Dutch national" (three groups that add up).
_TOTAL_NOUNS = {"people", "persons", "person", "individuals", "victims", "others", "casualties", "dead"}


def _count_phrase(head: Token, lex: CountLexicon) -> tuple[Quantity | None, Quantity | None]:
    """(victims, attackers) named by the noun phrase headed by `head`, conjuncts summed."""
    victims: Quantity | None = None
    attackers: Quantity | None = None
    # a conjoined casualty noun of another kind is its own count ("84 deaths and more than 90 injuries")
    parts = [p for p in _conjuncts(head) if p.i == head.i or cue_kind(p, lex) is None]
    # "One police officer was killed, 2 others and a woman injured": a list with its own casualty word is
    # the next (gapped) clause, not more of these victims
    gapped: set[int] = set()
    for p in parts:
        if p.i == head.i:
            continue
        for item in (p, *(c for c in p.children if c.dep_ == "conj")):
            if any(c.dep_ in ("acl", "amod") and cue_kind(c, lex) is not None for c in item.children):
                gapped.add(p.i)
                q = p
                while q.dep_ == "conj" and q.head.i != head.i:
                    q = q.head
                    gapped.add(q.i)
    parts = [p for p in parts if p.i not in gapped]
    counted = [(p, _np_quantity(p, lex)) for p in parts]
    if len(counted) >= 3 and all(q is not None and q.min == q.max for _, q in counted) \
            and counted[0][0].lower_ in _TOTAL_NOUNS:
        first, rest = counted[0][1], counted[1:]
        if first is not None and first.min == sum(q.min for _, q in rest if q is not None and q.min is not None):
            counted = counted[:1]  # "40 people, 6 security personnel and 34 civilians": a total and its parts
    for part, q in counted:
        if q is None:
            continue
        if _is_attacker(part, lex):
            attackers = add(attackers, q)
        else:
            victims = add(victims, q)
    preps = _children(head, "prep") + (_children(head.head, "prep") if head.head.i != head.i else [])
    for prep in preps:  # "12 people, including the two attackers"
        if prep.lower_ in lex.subset_preps:
            for g in _children(prep, "pobj"):
                for part in _conjuncts(g):
                    q = _np_quantity(part, lex)
                    if q is not None and _is_attacker(part, lex) and victims is not None:
                        victims = subtract(victims, q)
                        attackers = add(attackers, q)
    return victims, attackers


def _added_attackers(cue: Token, lex: CountLexicon) -> Quantity | None:
    """Attackers added by "along with the 4 attackers" / "as well as the bomber" after a casualty word."""
    sent = cue.sent
    text = sent.text.lower()
    for phrase in lex.addition_preps:
        at = text.find(phrase + " ", cue.idx - sent.start_char)
        if at < 0:
            continue
        start = sent.start_char + at + len(phrase) + 1
        for tok in sent:
            if tok.idx >= start and tok.pos_ in ("NOUN", "PRON") and tok.dep_ not in ("compound",):
                if _is_attacker(tok, lex):
                    return _np_quantity(tok, lex)
                break
    return None


def _fallback_number(cue: Token, lex: CountLexicon) -> Token | None:
    """The count just before a casualty word whose subject the parser lost ("Over 50 were injured")."""
    skip = {"were", "was", "are", "is", "been", "being", "became", "become", "others", "other", "people",
            "more", "also", "reportedly", "later", "seriously", "critically", "severely", "all"}
    i = cue.i - 1
    while i >= cue.sent.start and cue.i - i <= 4:
        tok = cue.doc[i]
        if tok.like_num or tok.pos_ == "NUM" or tok.lower_ in lex.words and tok.lower_ not in ("a", "an", "no"):
            return tok
        if tok.lower_ not in skip:
            return None
        i -= 1
    return None


def find_casualties(sent: SpacySpan, lexicon: CountLexicon | None = None) -> Casualties:
    """Killed, wounded and attackers killed as stated in one parsed sentence (None when not stated)."""
    lex = lexicon or count_lexicon()
    found: dict[str, Quantity | None] = {KILLED: None, WOUNDED: None, "attackers": None}
    used: set[int] = set()
    lone: set[str] = set()  # kinds whose count so far is one victim named without a number ("a policeman")
    additive = False
    for tok in sent:
        kind = cue_kind(tok, lex)
        if kind is None:
            continue
        heads = [h for h in _victim_heads(tok, lex) if h.i not in used]
        fb = _fallback_number(tok, lex)
        if fb is not None and fb.dep_ in ("nummod", "quantmod") and fb.head.i > fb.i:
            fb = fb.head
        passive = _verbal(tok) and not _children(tok, "dobj")
        if fb is not None and fb.i not in used and (passive or not heads):
            heads = [fb]
        victims = attackers = None
        for n, head in enumerate(heads):  # subjects joined by "and" add up ("15 police personnel and a driver")
            if n and not _joined(heads[n - 1], head):
                continue
            used.update(t.i for t in _conjuncts(head))
            v, a = _count_phrase(head, lex)
            victims, attackers = add(victims, v), add(attackers, a)
        if kind == KILLED:
            attackers = add(attackers, _added_attackers(tok, lex))
            if attackers is not None and found["attackers"] is None:
                found["attackers"] = attackers
        if victims is not None and (found[kind] is None or kind in lone and (victims.min or 0) > 1):
            # a lone victim named first ("shot dead a policeman ... killing 12 people in total") gives way to a
            # count the same sentence states after it
            found[kind] = victims
            lone.discard(kind)
            if len(heads) == 1 and not any(t.like_num for t in heads[0].subtree):
                lone.add(kind)
            if kind == KILLED and (_adds(tok, heads)):
                additive = True
    toll = _revised_toll(sent, lex)
    if toll is not None:
        return Casualties(toll, found[WOUNDED], found["attackers"], revised=True)
    return Casualties(found[KILLED], found[WOUNDED], found["attackers"], additive=additive)


_ADDITIVE = {"also", "more", "another", "further", "additional"}


def _adds(cue: Token, heads: list[Token]) -> bool:
    """The count is in addition to what was said before: "A civilian was also killed", "Four more people"."""
    if any(c.dep_ == "advmod" and c.lower_ in _ADDITIVE for c in cue.children):
        return True
    return any(t.lower_ in _ADDITIVE and t.dep_ in ("amod", "advmod", "det") for h in heads for t in h.subtree
               if t.i < h.i and not _bounds_count(t))


def _bounds_count(tok: Token) -> bool:
    """"more than 150", "no more than 150": a bound on the count, not more people."""
    return tok.lower_ == "more" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "than"


def _joined(prev: Token, head: Token) -> bool:
    """Two sibling phrases with "and" between them (a conjunct the parser made a second subject)."""
    between = prev.doc[prev.i + 1 : head.left_edge.i]
    if any(t.lower_ in ("and", "&") for t in between):
        return True
    # "The commanding officer of 46 AR, his wife, his son and four riflemen": a comma, and the list's "and"
    # inside the later phrase
    return any(t.text == "," for t in between) and any(
        t.dep_ == "cc" and t.lower_ in ("and", "&") for t in head.subtree)


def died_of_wounds(sent: Doc | SpacySpan, lex: CountLexicon) -> bool:
    """Someone wounded before died later ("a fourth soldier had succumbed to his injuries early on Saturday", "died
    of his wounds in hospital"): the toll of an incident told rises, on the day of the death. The wounds are the
    lexicon's wounding words (events.yaml `casualties.wounded`: "injury", "wound")."""
    cues = lex.cues[WOUNDED]
    wounds = cues.nouns | cues.verbs
    return any(t.lemma_ in _DYING and any(c.dep_ == "prep" and c.lower_ in ("to", "of", "from") and any(
        p.dep_ == "pobj" and p.lemma_.lower() in wounds for p in c.children) for c in t.children)
        for t in sent)


def _revised_toll(sent: SpacySpan, lex: CountLexicon) -> Quantity | None:
    """A death toll given a figure: "the death toll rose to 12", "the toll stands at 15", "raising the
    death toll to 40", "the death toll was over 100". The figure is the first number in the clause of the
    toll's verb after the toll noun. A count of the dead that stands alone as a sentence ("5 fatalities.", "At
    least 7 deaths.") is the total too."""
    if not any(t.pos_ in ("VERB", "AUX") for t in sent):
        for tok in sent:
            if tok.dep_ == "ROOT" and tok.lower_ in lex.total_nouns:
                num = next((c for c in tok.children if c.dep_ == "nummod" and c.like_num), None)
                if num is not None and not _YEAR.match(num.text):
                    return parse_count(_number_token_phrase(num), lex)
    for tok in sent:
        if tok.lemma_.lower() not in lex.toll_nouns or tok.pos_ != "NOUN":
            continue
        if any(c.lower_ in ("injury", "wounded") for c in tok.children if c.dep_ in ("compound", "amod")):
            continue
        verb = tok.head if tok.dep_ in ("nsubj", "dobj", "nsubjpass") else None
        if verb is None or verb.lemma_.lower() not in lex.toll_verbs:
            continue
        for num in verb.subtree:
            if num.i > tok.i and (num.like_num or num.pos_ == "NUM") and not _YEAR.match(num.text):
                return parse_count(_number_token_phrase(num), lex)
    return None


def merge_casualties(items: Iterable[Casualties]) -> Casualties:
    """One incident's casualties over its sentences: the first stated value of each field wins, except that
    a revised toll ("the death toll rose to 12") supersedes the killed counts stated before it and a count
    said to be more ("A civilian was also killed", "Four more people were killed") adds to them."""
    killed = wounded = attackers = None
    revised = False
    for c in items:
        if c.revised and c.killed is not None:
            killed, revised = c.killed, True
        elif c.additive and killed is not None and c.killed is not None:
            killed = add(killed, c.killed)  # "A civilian was also killed in the attack"
        elif not revised:
            killed = killed or c.killed
        wounded = wounded or c.wounded
        attackers = attackers or c.attackers_killed
    return Casualties(killed, wounded, attackers, revised)
