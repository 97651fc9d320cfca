"""Statements: every attribution in a document — who (source) says or thinks (cue) what (content).

    parsed sentences ─find (DependencyMatcher patterns of statements.yaml)─▶ Candidate per cue
    document text    ─quote marks (paragraph-spanning)──────────────────────▶ quoted spans
    candidates + quotes + entities ─assemble─▶ Statement records (kind, source actor, nesting)
    statements + claims ─link_claims─▶ claims carrying the id of the statement they sit in

`find` is pure (a parsed sentence in, candidates out) and is what the unit tests hold. The registered spaCy
component `claimgraph_statements_v1` writes the same candidates onto a Doc's span groups for pipelines that
want them there. Sentences the segmenter did not keep are parsed here only when they hold a cue word. The word
classes and patterns are read and validated by statement_rules.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan
from spacy.vocab import Vocab

from ..nlp.depmatch import dependency_matcher
from .quotes import quote_spans  # noqa: F401 - re-exported: the statements API names it
from .statement_rules import Lexicon, PatternSpec, StatementRules, load_rules, parse_rules  # noqa: F401 - re-exported
from .statement_spans import ASIDE_MARKS as _ASIDE_MARKS
from .statement_spans import around_phrase as _around_phrase
from .statement_spans import before_own_subject as _before_own_subject
from .statement_spans import before_rejoinder as _before_rejoinder
from .statement_spans import before_speaker as _before_speaker
from .statement_spans import first_word as _first_word
from .statement_spans import infinitive_group as _infinitive_group
from .statement_spans import phrase as _phrase
from .statement_spans import trim as _trim
from .statement_spans import unglued as _unglued
from .statement_spans import without_connective as _without_connective

STATEMENTS_VERSION = "claimgraph.statements.v1"
COMPONENT = "claimgraph_statements_v1"  # spaCy factory names take no dots


# -- find: one parsed sentence → candidates --------------------------------------------------------------


def _cue_words(pattern: tuple[Mapping[str, Any], ...]) -> frozenset[str]:
    """The words (lower case) the `cue` node of a pattern accepts; empty when it accepts any word."""
    node = next(n for n in pattern if n["RIGHT_ID"] == "cue")
    words: set[str] = set()
    for attr in ("LEMMA", "LOWER", "ORTH"):
        value = node.get("RIGHT_ATTRS", {}).get(attr)
        if isinstance(value, str):
            words.add(value.lower())
        elif isinstance(value, Mapping) and set(value) == {"IN"} and isinstance(value["IN"], list):
            words.update(str(w).lower() for w in value["IN"])
    return frozenset(words)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One attribution in one parsed sentence, as token ranges [start, end) of that sentence's Doc."""

    pattern: str
    cue: tuple[int, int]
    source: tuple[int, int] | None
    source_head: int | None
    content: tuple[int, int] | None
    agentless: bool = False


@dataclass(slots=True)
class _Found:
    patterns: list[str] = field(default_factory=list)
    source: int | None = None
    contents: list[tuple[int, str, tuple[int, int]]] = field(default_factory=list)  # (rank, pattern, range)
    agentless: bool = False
    extra_cue: set[int] = field(default_factory=set)
    object_cue: set[int] = field(default_factory=set)  # words of the cue only when no pattern finds a content


class StatementMatcher:
    """Finds candidate statements in parsed sentences. Build once per vocabulary."""

    def __init__(self, vocab: Vocab, rules: StatementRules | None = None) -> None:
        self.rules = rules or load_rules()
        self.matcher = dependency_matcher(vocab, [(spec.id, [list(spec.pattern)]) for spec in self.rules.patterns],
                                          validate=False)
        self.specs: dict[str, tuple[int, PatternSpec]] = {}
        for rank, spec in enumerate(self.rules.patterns):
            self.specs[spec.id] = (rank, spec)
        gates = [_cue_words(spec.pattern) for spec in self.rules.patterns]
        #: a sentence with none of these words (lower case or lemma) cannot match; None: any sentence can
        self.gate: frozenset[str] | None = None if not all(gates) else frozenset().union(*gates)

    def find(self, doc: Doc) -> list[Candidate]:
        if self.gate is not None and not any(t.lower_ in self.gate or t.lemma_.lower() in self.gate for t in doc):
            return []  # no cue word: the matcher would find nothing
        found: dict[int, _Found] = {}
        for key, token_ids in self.matcher(doc):
            rank, spec = self.specs[key]
            roles = dict(zip(spec.nodes, token_ids, strict=True))
            if spec.id.startswith("reduced_raising") and any(
                    c.dep_ in {"dobj", "auxpass", "aux", "ccomp"} for c in doc[roles["cue"]].children):
                continue  # "they believed it to be …", "is believed to": not a reduced relative
            if "as_prep" in roles and (roles["as_prep"] > roles["cue"] or any(
                    c.dep_ in {"nsubj", "nsubjpass"} for c in doc[roles["cue"]].children)):
                continue  # a speaker under "as" only before a verb that has no subject of its own
            f = found.setdefault(roles["cue"], _Found())
            f.patterns.append(spec.id)
            f.agentless |= spec.agentless
            f.extra_cue.update(roles[n] for n in ("to", "per", "as", "saying") if n in roles
                               and not spec.id.startswith("reduced_raising"))
            if spec.id in {"agentless_as", "agentless_of"}:
                f.extra_cue.add(roles["content"])  # "identified as", "accused of"
            if "as" in roles and "content" in roles and doc[roles["content"]].lower_ == "follows":
                f.extra_cue.add(roles["content"])  # "described the enemy as follows:": what follows is the content
                roles.pop("content")
            if "as" in roles and "object" in roles:  # "described the attack as": the object goes with the cue
                obj, as_ = doc[roles["object"]], roles["as"]
                f.extra_cue.update(range(obj.left_edge.i, obj.right_edge.i + 1 if as_ > obj.right_edge.i else as_))
            elif ("object" in roles or "it" in roles) and "content" in roles:  # "have full confidence that",
                # "made it clear that": the words from the verb up to the clause ("send a message to them that"),
                # not an aside set off by dashes or commas ("made a promise--which I believe … deceit--that …")
                end = doc[roles["content"]].left_edge.i
                end = next((t.i for t in doc[roles["cue"] + 1 : end] if t.text in _ASIDE_MARKS), end)
                f.extra_cue.update(range(roles["cue"] + 1, end))
            elif "object" in roles:  # "made this pledge to the troops:": the verb, its object and addressee
                obj = doc[roles["object"]]
                end = min([obj.right_edge.i, *(c.left_edge.i - 1 for c in obj.children
                                               if c.dep_ in {"acl", "ccomp", "relcl"})])
                to = [c.right_edge.i for c in doc[roles["cue"]].rights if c.dep_ in {"prep", "dative"}
                      and c.lower_ == "to" and c.i == end + 1]
                f.object_cue.update(range(roles["cue"] + 1, max([end, *to]) + 1))
            if "copula" in roles and roles["copula"] < roles["cue"] and "source" in roles \
                    and doc[roles["cue"]].dep_ == "acomp":  # "was (also) disappointed"
                f.extra_cue.update(range(roles["copula"], roles["cue"]))
            if "expl" in roles:  # "There have been reports (of)": the expletive up to the noun
                f.extra_cue.update(range(roles["expl"], roles["cue"]))
                if "of" in roles:
                    f.extra_cue.add(roles["of"])
            src = roles.get("source")
            if src is not None and (f.source is None or _nearer_subject(doc, roles["cue"], src, f.source)):
                f.source = src
            if spec.build == "before_speaker":  # the speaker is the noun the parser hung the clause on
                span = _before_speaker(doc, doc[roles["cue"]], doc[roles["speaker"]])
                if span is not None:
                    f.source = roles["speaker"]
                    f.contents.append((rank, spec.id, span))
            elif spec.build == "before_subject":
                span = _before_own_subject(doc, doc[roles["cue"]], doc[roles["source"]], self.rules.lexicon)
                if span is not None:
                    f.contents.append((rank, spec.id, span))
            elif spec.build is not None and "content" in roles:
                obj = doc[roles["content"]]
                if spec.build == "object" and obj.lemma_.lower() in self.rules.lexicon["responsibility"]:
                    # "claimed responsibility for the attack": the cue runs to "for", the content is what is
                    # claimed; without a "for" phrase nothing is claimed
                    for_ = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "for"), None)
                    act = None if for_ is None else next(
                        (c for c in for_.children if c.dep_ in {"pobj", "pcomp"}), None)  # "for killing two"
                    if act is None:
                        continue
                    f.extra_cue.update({obj.i, for_.i})  # type: ignore[union-attr]
                    span = _trim(doc, act.left_edge.i, act.right_edge.i + 1)
                elif spec.build == "subtree" and _subjectless(doc[roles["content"]], doc[roles["cue"]]):
                    continue  # "what the general has said is necessary": the reported clause's subject is outside
                else:
                    span = self._content(doc, spec.build, roles)
                if span is not None:
                    span = _without_connective(doc, span)
                head, verb = doc[roles["content"]], doc[roles["cue"]]
                if span is not None and spec.build == "subtree" and (_own_statement(head, verb, self.rules) or (
                        head.i < verb.i and _says_after(verb, head))):
                    # "X said A; Y, however, said B": A is X's, not Y's, if Y says more ("One source described him
                    # as …; another said he left …")
                    rank += len(self.specs)
                if span is not None:
                    f.contents.append((rank, spec.id, span))
        out: dict[int, Candidate] = {}
        for cue_i, f in sorted(found.items()):
            cand = self._candidate(doc, cue_i, f)
            if cand is not None:
                out[cue_i] = cand
        # "he expects to announce that …": "expects" is part of the cue "expects to announce", not a statement of
        # its own whose content is "to announce that …"
        taken = {doc[i].head.i for i, c in out.items() if doc[i].dep_ == "xcomp" and c.cue[0] <= doc[i].head.i < i}
        return [c for i, c in out.items() if i not in taken]

    # the parts of a candidate

    def _candidate(self, doc: Doc, cue_i: int, f: _Found) -> Candidate | None:
        cue = doc[cue_i]
        lex = self.rules.lexicon
        if any(p.startswith("reduced_raising") for p in f.patterns):
            f.source = None  # the noun the reduced relative describes is what is believed about, not who believes
            f.contents = [c for c in f.contents if c[1].startswith("reduced_raising")]
        prt = [c.i for c in cue.children if c.dep_ == "prt" and c.i > cue.i  # "pointed out", "pointed \n out"
               and all(t.is_space for t in doc[cue.i + 1 : c.i])]
        if cue.lemma_.lower() in lex["needs_particle"] and not prt:
            return None  # "evidence points to …" reports nobody's word
        reported = cue.dep_ == "ccomp" and cue.i > cue.head.i and cue.head.lemma_.lower() in lex["speech"]
        if not _set_off(cue) or f.agentless or reported \
                or any(c.dep_ in {"ccomp", "dobj", "xcomp"} for c in cue.children):
            # a reported clause of its own, not a speaker clause set inside another; nor the clause another
            # speaker reports ("He told a journalist: “I felt outraged that …”")
            f.contents = [c for c in f.contents if c[1] != "parenthetical"]
        passive = any(c.dep_ == "auxpass" for c in cue.children)
        if passive and not f.agentless:  # "was denied entry" reports nobody's denial
            f.contents = [c for c in f.contents if c[1] != "nominal"]
        content = min(f.contents)[2] if f.contents else None
        lex_say = lex["speech"] | lex["cognition"]
        if content is None and cue.tag_ == "VBG" and cue.dep_ == "advcl" and cue.head.lemma_.lower() in lex_say:
            return None  # "Testifying to Congress, he said …": one act of saying, reported by the main verb
        if "in_document" in f.patterns and f.source is None:
            return None
        if not f.agentless and f.source is None and cue.pos_ in {"VERB", "AUX"}:
            subj = next((c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i), None)
            as_ = next((c for c in cue.lefts if c.dep_ == "prep" and c.lower_ == "as"), None)
            if subj is None and as_ is not None:  # "As the commandant said: …" parsed with "as" a preposition
                subj = next((c for c in as_.children if c.dep_ == "pobj" and c.pos_ in {"NOUN", "PROPN"}), None)
            f.source = subj.i if subj is not None else _speaking_noun(cue, lex) or _climb_subject(cue)
            outer = cue.head.head
            if _shared_speaker_cue(cue, self.rules) and cue.head.dep_ == "ccomp" and outer.i < cue.head.i \
                    and outer.lemma_.lower() in lex_say:  # "He said X and added that …": he added
                f.source = next((c.i for c in outer.children if c.dep_ == "nsubj"), f.source)
        if f.source is None and not f.agentless and cue.tag_ == "VB" and cue.i == _first_word(doc):
            return None  # "Recall that …": an imperative names no speaker
        if f.source is not None and doc[f.source].lower_ in lex.first_pronouns and cue.tag_ in {"VBP", "VB"} \
                and (cue.lemma_.lower() in lex["directive"] | lex["calling"]
                     or f.patterns == ["nominal"] * len(f.patterns) and content is not None
                     and cue.lemma_.lower() not in lex["asserting"]):
            # "I urge my colleagues to …", "we call on …", "I report another death", "I emphasize the needs of
            # …": the speaker performs the act here, reporting no content of their own
            return None
        if cue.lemma_.lower() in lex["cognition"] and any(c.dep_ == "aux" and c.lower_ in {"must", "should", "ought"}
                                                            for c in cue.children):
            return None  # "The American people must understand that …": what the speaker demands, not their view
        if "nominal" in f.patterns and cue.lemma_.lower() in lex["denial"] and any(
                c.dep_ == "dative" or c.dep_ == "dobj" and c.pos_ == "PRON" and c.i < (content or (0, 0))[0]
                for c in cue.children):
            return None  # "would deny us any sense of urgency": withholding, not a denial
        if not f.agentless and (f.source is None or doc[f.source].lower_ == "it") \
                and any(c.tag_ == "TO" for c in cue.children):
            return None  # "reason to believe", "it is foolish to think": an infinitive nobody is said to say
        if doc[-1].text == "?" and any(c.tag_ in {"WP", "WRB"} and c.i < cue.i for c in cue.children):
            return None  # "What does that say about …?": a question asks, it reports nothing
        if f.source is not None and doc[f.source].tag_ in {"WDT", "WP"} and doc[f.source].head.dep_ != "relcl":
            return None  # a relative pronoun that names nobody the parse can find
        if f.source is not None and (doc[f.source].lower_ in {"nobody", "none", "noone"} or any(
                c.dep_ == "det" and c.lower_ == "no" for c in doc[f.source].children)):
            return None  # "No group has claimed responsibility": nobody said anything
        if cue.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in cue.children):
            return None  # "There was no claim of responsibility": no claim was made
        if content is not None and _relative_speaker(doc, content, f.source):
            return None  # "the policy that I think is right", "what they believed to be proof"
        if content is not None and "infinitive" in f.patterns and any(
                c.dep_ == "dobj" and c.tag_ in {"WDT", "WP"} and c.i < content[0] for c in cue.children):
            return None  # "a promise, which I believe to be deceit": the relative clause describes the promise
        if content is None:  # "made this pledge to the troops: “…”" (the quotation is found later); "repeated the
            # claim" has its content in the object
            f.extra_cue |= f.object_cue
        cue_range = self._cue_range(cue, f, prt, content)
        source = None
        if f.source is not None and not (f.agentless and doc[f.source].lower_ == "it"):
            source = _phrase(doc[f.source], cue_range, content)
        if "in_document" in f.patterns and source is None:
            return None
        return Candidate(f.patterns[0], cue_range, source, f.source if source else None, content,
                         f.agentless and source is None)

    def _cue_range(self, cue: Token, f: _Found, prt: list[int], content: tuple[int, int] | None
                   ) -> tuple[int, int]:
        doc = cue.doc
        idx = {cue.i, *prt, *f.extra_cue}
        if "in_document" in f.patterns:  # "In a statement": the preposition up to its noun
            noun = next(c for c in cue.children if c.dep_ == "pobj")
            idx |= set(range(cue.i, noun.i + 1))
        if cue.pos_ not in {"VERB", "AUX"} or cue.lower_ == "according":
            return _unglued(doc, min(idx), max(idx) + 1)
        if cue.lemma_.lower() in self.rules.lexicon["describing"]:  # "described the situation as:" with the
            # description set out after a colon: the object and "as" (and "follows") go with the cue
            obj = next((c for c in cue.rights if c.dep_ == "dobj"), None)
            nxt = doc[obj.right_edge.i + 1] if obj is not None and obj.right_edge.i + 1 < len(doc) else None
            if nxt is not None and nxt.lower_ == "as" and (content is None or nxt.i < content[0]):
                idx |= set(range(cue.i, nxt.i + 1))
                if nxt.i + 1 < len(doc) and doc[nxt.i + 1].lower_ == "follows":
                    idx.add(nxt.i + 1)
        # the verb group: auxiliaries, negation and adverbs right before the verb ("has said", "did not say",
        # "also suggested"); in an agentless cue also its expletive subject ("it was reported")
        i = cue.i - 1
        while i >= 0 and (doc[i].is_space or doc[i].head == cue and doc[i].tag_ != "TO" and (
                doc[i].dep_ in {"aux", "auxpass", "neg"}
                or doc[i].dep_ == "advmod" and doc[i].pos_ == "ADV" and not doc[i + 1].is_punct and i > doc[0].i)):
            if not doc[i].is_space:  # a hard wrap inside the verb group ("do not\n\n believe")
                idx.add(i)
            i -= 1
        if "agentless_it" in f.patterns and i >= 0 and doc[i].lower_ == "it" and doc[i].head == cue:
            idx.add(i)
        idx |= _infinitive_group(cue)
        # the addressee right after the verb: "told ThePrint", "told the court", "stated to U.S. ambassador X"
        j = max(idx) + 1
        while j < len(doc) and doc[j].is_space:
            j += 1
        nxt = next((c for c in cue.rights if c.left_edge.i == j), None)
        if nxt is not None and (content is None or not content[0] <= nxt.i < content[1]):
            speech = cue.lemma_.lower() in self.rules.lexicon["speech"]
            addressee = speech and (nxt.dep_ in {"dobj", "dative"} and nxt.pos_ in {"PROPN", "NOUN", "PRON"}
                                    or nxt.dep_ in {"prep", "dative"} and nxt.lower_ == "to")  # not "believed X"
            if addressee and (content is None or nxt.right_edge.i < content[0] or content[1] <= nxt.left_edge.i):
                idx |= set(range(j, nxt.right_edge.i + 1))
        return _unglued(doc, min(idx), max(idx) + 1)

    def _content(self, doc: Doc, build: str, roles: Mapping[str, int]) -> tuple[int, int] | None:
        head = doc[roles["content"]]
        cue = doc[roles["cue"]]
        if build == "subtree":
            hi = head.right_edge.i + 1
            lex = self.rules.lexicon
            for c in head.rights:  # "…concluded that X, and according to other officials, Y": Y is theirs;
                # "He said X and added that Y": Y is said by the same speaker, in a statement of its own
                if c.dep_ == "conj" and any(g.lower_ in {"according", "per"} for g in c.children) \
                        or head.i > cue.i and _shared_speaker_cue(c, self.rules):
                    hi = min(hi, c.left_edge.i)
                    while hi > head.i + 1 and doc[hi - 1].lower_ in {"and", "but", ",", ";"}:
                        hi -= 1
            if head.i > cue.i and head.dep_ == "ccomp" and cue.lemma_.lower() in lex["cognition"]:
                # "I believe it may be our only chance, and it will require more forces": a clause joined to the
                # thinking verb with a subject of its own goes on with what is thought, not with the thinker
                own = next((c.lower_ for c in cue.children if c.dep_ == "nsubj"), None)
                for c in cue.rights:
                    subj = next((x for x in c.children if x.dep_ in {"nsubj", "nsubjpass", "expl"}), None)
                    if c.dep_ == "conj" and c.i > head.right_edge.i and subj is not None and subj.lower_ != own \
                            and c.lemma_.lower() not in lex["speech"] | lex["cognition"]:
                        hi = c.right_edge.i + 1
            if head.i < cue.i and head.dep_ in {"ccomp", "parataxis"}:
                # "The coalition was well-established, officials emphasised, when a picture emerged …": what
                # goes on after the speaker clause belongs to the report; the content covers both
                speech = self.rules.lexicon["speech"] | self.rules.lexicon["cognition"]
                hi = max([hi, *(c.right_edge.i + 1 for c in cue.rights if c.dep_ in {"advcl", "ccomp"}
                                and c.lemma_.lower() not in speech)])  # "…, adding that …": its own statement
            lo = head.left_edge.i
            if head.dep_ == "xcomp" and "object" not in roles:  # "believed climate change to be a serious
                # threat": the object is the subject of what is believed
                lo = min([lo, *(c.left_edge.i for c in cue.children if c.dep_ == "dobj" and cue.i < c.i < head.i)])
            return _trim(doc, lo, _before_rejoinder(doc, lo, hi, lex))
        if build == "object":  # "accused India of sponsoring the attack": the object and its of/for phrase
            right = head.right_edge.i
            for c in cue.rights:
                if c.dep_ == "prep" and c.lower_ in {"of", "for"} and c.i > head.i:
                    right = max(right, c.right_edge.i)
            return _trim(doc, head.left_edge.i, right + 1)
        if build == "as_object":  # "described the attack as an act of war": what the object is called
            lo, hi = head.left_edge.i, head.right_edge.i + 1
            if "as" in roles and lo <= roles["as"] < hi:  # "as" parsed under the description goes with the cue
                lo = roles["as"] + 1
            for c in cue.rights:  # "described this step as necessary to fix …": the purpose parsed on the verb
                if c.i >= hi and c.left_edge.i == hi and c.dep_ in {"advcl", "xcomp"}:
                    hi = c.right_edge.i + 1
            return _trim(doc, lo, hi)
        if build == "from_subject":  # "Mengal … has been identified as a key asset": subject to the end
            subject = doc[roles["subject"]]
            obj = next((c for c in head.children if c.dep_ == "pobj"), None)
            if subject.lower_ == "it" and head.lower_ == "as" and obj is not None:
                # "It was reported as the deadliest attack": "it" names the thing described, the content is
                # the description
                return _trim(doc, obj.left_edge.i, obj.right_edge.i + 1)
            start = subject.left_edge.i
            return _trim(doc, start, head.right_edge.i + 1)
        if build == "sentence_around":
            return _around_phrase(doc, cue)
        if build == "clause_around":  # the clause the cue sits in, less the cue's own phrase
            lo, hi = head.left_edge.i, head.right_edge.i + 1
            while hi - 1 > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
                hi -= 1  # "…, as the governor pointed out.": the stop does not put the speaker clause inside
            clo, chi = cue.left_edge.i, cue.right_edge.i + 1
            own = [c.left_edge.i for c in cue.children if c.i < cue.i and c.dep_ in {"nsubj", "mark", "aux", "neg"}]
            if own and cue.dep_ in {"parataxis", "ccomp", "advcl"}:
                # "Months later, the sources point out, Ashfaq arrived": "Months later" stays in the content;
                # "As someone once said, …": "As" goes with the speaker clause
                clo = min(own)
            if clo <= lo:
                lo = chi
            elif chi >= hi:
                hi = clo
            return _trim(doc, lo, hi)
        raise ValueError(f"statements.yaml: unknown content build {build!r}")


def _nearer_subject(doc: Doc, cue: int, new: int, old: int) -> bool:
    """Of two subjects the parser gives one verb (a long sentence misparsed: "… Order No 1 of 2007 …, they
    ruled that …"), the one nearer before the verb when a comma sets it apart (two subjects joined by "and" are
    one coordination: "a lot of farmers and even a lot of traders believe")."""
    return doc[new].dep_ == doc[old].dep_ == "nsubj" and doc[new].head.i == doc[old].head.i == cue \
        and old < new < cue and doc[new].left_edge.i > 0 and doc[doc[new].left_edge.i - 1].text == ","


def _says_after(verb: Token, head: Token) -> bool:
    """Whether a cue whose parse also hangs a clause before it on it reports the clause after it ("One source
    described him as …; another said he left …", "That is troubling, because the President said we are at war"):
    a finite clause after it, and no semicolon-free quotation closing just before it ("“…,” said the minister")."""
    doc = verb.doc
    after = any(c.dep_ == "ccomp" and c.i > verb.i and any(g.dep_ in {"nsubj", "nsubjpass", "expl"} for g in c.children)
                for c in verb.children)
    between = doc[head.right_edge.i : verb.i]
    return after and (any(t.text == ";" for t in between) or not any(t.is_quote for t in between))


def _shared_speaker_cue(verb: Token, rules: StatementRules) -> bool:
    """A verb of saying joined to a reported clause with no subject of its own, the parser hanging it on that
    clause: "He said the attack was planned abroad and added that …", "Bajwa said the attackers were guided from
    Afghanistan, adding that …". Its subject is the speaker's when the reported clause has no active subject
    (its subject cannot be the one who speaks) or the verb is one that goes on with a statement ("add")."""
    lex = rules.lexicon
    participle = verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == ","
    if not (verb.dep_ == "conj" and verb.tag_ != "VBN" or participle) or verb.pos_ != "VERB" \
            or verb.lemma_.lower() not in lex["speech"] | lex["cognition"]:
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children) \
            or not any(c.dep_ in {"ccomp", "parataxis"} for c in verb.children):
        return False
    return verb.lemma_.lower() in lex["continuing"] or not any(c.dep_ == "nsubj" for c in verb.head.children)


def _own_statement(head: Token, cue: Token, rules: StatementRules) -> bool:
    """Whether a clause the parser hangs before a cue is a speaker clause with its own subject ("The governor said
    A; the police chief, however, said B": "The governor said A" is under "said B")."""
    lex = rules.lexicon
    return head.i < cue.i and head.lemma_.lower() in lex["speech"] | lex["cognition"] \
        and any(c.dep_ == "nsubj" for c in head.children) \
        and any(c.dep_ in {"ccomp", "parataxis"} and c.i > head.i for c in head.children)


def _subjectless(head: Token, cue: Token) -> bool:
    """A finite reported clause after its cue with no subject of its own: the speaker clause sits inside a free
    relative or a relative clause ("what the general has said is necessary", "the deal, which officials said was
    ill-advised")."""
    return head.dep_ == "ccomp" and head.i > cue.i and head.tag_ in {"VBZ", "VBD", "VBP", "MD"} \
        and head.left_edge.i == head.i - sum(1 for c in head.lefts if c.dep_ in {"aux", "neg", "advmod"}) \
        and not any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in head.children)


def _relative_speaker(doc: Doc, content: tuple[int, int], source: int | None) -> bool:
    """Whether a speaker clause sits inside a relative clause whose pronoun is all or the start of its content
    ("the deal that he announced", "what I think is a good way ahead"): the relative clause describes a thing,
    it reports nobody's statement."""
    first = doc[content[0]]
    if first.tag_ not in {"WDT", "WP"} and not (first.lower_ == "that" and first.dep_ in {"nsubj", "dobj"}):
        return False
    if content[1] - content[0] == 1:
        return True
    return source is not None and doc[source].left_edge.i == content[0] + 1


def _set_off(cue: Token) -> bool:
    """Whether a speaker clause ("the sources point out", "he said") stands apart from the clause it reports:
    a comma, dash or quote mark before it, or a comma or dash after it."""
    doc = cue.doc
    subj = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    left = subj.left_edge.i if subj is not None and subj.i < cue.i else cue.i
    mark = next((c for c in cue.children if c.dep_ == "mark" and c.lower_ == "as" and c.i < left), None)
    if mark is not None:  # "…, as the governor pointed out"
        left = mark.i
    right = cue.right_edge.i
    before = doc[left - 1].text if left > 0 else ""
    after = doc[right + 1].text if right + 1 < len(doc) else ""
    if mark is not None and left == _first_word(doc) and {doc[right].text, after} & {",", "—", "–", "--"}:
        return True  # "As the governor said, the roads will stay closed": the comma is the clause's own
    return before in {",", "”", "\"", "—", "–", "--"} or (after in {",", "—", "–", "--"} and left > 0)


def _speaking_noun(cue: Token, lex: Lexicon) -> int | None:
    """The noun a participle of saying describes when that noun can speak: "with hospital sources saying 12 were
    wounded", "in a statement saying that …". The object of a verb is not ("I wrote a letter to the President
    saying …", "have picked up signs indicating …": the verb's subject speaks)."""
    noun = cue.head
    if cue.dep_ != "acl" or cue.tag_ != "VBG" or noun.i > cue.i or noun.pos_ not in {"NOUN", "PROPN"} \
            or noun.dep_ in {"dobj", "dative"}:
        return None
    speakers = lex["anonymous"] | lex["organisation"] | lex["documents"] | lex["spokespeople"] | lex["media"]
    return noun.i if noun.lemma_.lower() in speakers or noun.ent_type_ in {"PERSON", "ORG", "NORP"} else None


def _climb_subject(cue: Token) -> int | None:
    """The subject a cue verb shares: "… and added that" (conj), "…, adding that" (advcl), "signs indicating"."""
    head = cue
    for _ in range(3):
        if head.dep_ not in {"conj", "advcl", "xcomp", "acl", "dobj", "pobj", "prep", "pcomp", "acomp"} \
                or head.head is head:
            return None
        step, head = head, head.head
        if step.dep_ == "xcomp":  # "led the president to conclude": the object of the controlling verb speaks
            obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < step.i), None)
            if obj is not None:
                return obj.i
        subj = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None and not subj.is_punct:
            if subj.tag_ in {"WDT", "WP"} and head.dep_ == "relcl":
                return head.head.i
            return subj.i if subj.dep_ == "nsubj" else None
    return None


# -- the spaCy component (the write half) -----------------------------------------------------------------


@Language.factory(COMPONENT, requires=["token.dep", "token.lemma", "token.pos"], assigns=["doc.spans"])
def make_statements_component(nlp: Language, name: str) -> StatementsComponent:
    return StatementsComponent(nlp.vocab)


class StatementsComponent:
    """Sets doc.spans["statement_cue" | "statement_source" | "statement_content"], one span per statement
    in the same order ("statement_source" holds an empty span where there is no source)."""

    def __init__(self, vocab: Vocab) -> None:
        self.matcher = StatementMatcher(vocab)

    def __call__(self, doc: Doc) -> Doc:
        cues, sources, contents = [], [], []
        for c in self.matcher.find(doc):
            label = "agentless" if c.agentless else c.pattern
            cues.append(SpacySpan(doc, *c.cue, label=label))
            sources.append(SpacySpan(doc, *(c.source or (c.cue[0], c.cue[0])), label=label))
            contents.append(SpacySpan(doc, *(c.content or (c.cue[0], c.cue[0])), label=label))
        doc.spans["statement_cue"], doc.spans["statement_source"] = cues, sources
        doc.spans["statement_content"] = contents
        return doc
