"""Cheap segmentation and sentence selection: which sentences are worth a full parse.

Parsing is what costs time, and most sentences of a news page or a Wikipedia list cannot hold a claim.
So a document is first cut into paragraphs and sentences with the tokenizer and a rule-based
sentencizer only (no tagger, parser or NER), the gazetteer is matched on those tokens, and a sentence
is kept for parsing when it names at least two things (gazetteer names or capitalised name tokens)
and contains a trigger word (a predicate, attribution or event word from lexicon.yaml, or a word of
the relation patterns); or when it names one thing, has a trigger word and a word that can stand for
the other side in context (`reference_words`: "It claimed responsibility for the attack on the MSA",
"The group's fighters attacked Tripoli"), or a word of a one-party relation (`solo_words`: "X denied any
involvement"); or when it
contains a violent-event word (`event_words`: "A suicide bomber detonated inside a busy restaurant."
names nothing and is still an event); or when it follows such a sentence in the same paragraph
(at most `follow_gap` sentences on) and has a casualty or responsibility word (`follow_words`:
"6 people were killed and 25 others injured.", "The Islamic State claimed responsibility.") or says where,
a locative before a capitalised name ("The incident occurred near Jalalabad.").

Trade-off: a claim whose sentence has no trigger word from the lexicon, or only one name, is never
seen — widening the lexicon widens recall at the cost of speed. Attribution and quotation search read
the raw text of the paragraph, so they still see sentences that were not parsed.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span

from .pipeline import GazetteerMatcher

#: Words before a capitalised name that say where something is: a sentence right after a violent one that has
#: one is parsed too ("The incident occurred near Jalalabad.": the incident's place).
_WHERE = frozenset({"in", "near", "at", "outside"})
#: a capitalised word after a lower-case one: a name wherever the document uses it, a sentence's first word too
_MID_NAME = re.compile(r"\b[a-z]+[,;:]? ([A-Z][\w\-]+)")
_NAME_RUN = re.compile(r"\b[A-Z][\w\-]*\.?(?: [A-Z][\w\-]+)+")  # "Maj. Gen. Romeo Dominguez"

_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_SENT_END = re.compile(r"[.!?:;\"”’)\]]\s*$")
_MID_SENTENCE = re.compile(r"[\w,]\s*$")  # a line cut off inside a sentence ends in a word or a comma
#: last characters of a line that a line in lower case can go on from ("… U.S.\n\n participation.")
_GOES_ON = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789,.")
#: words that stand for a party named in context: pronouns and "the group"-style nouns
REFERENCE_WORDS = frozenset({
    "it", "its", "they", "their", "them", "he", "his", "him", "she", "her",
    "group", "outfit", "organisation", "organization", "network", "militia", "movement", "faction"})
# a sentence end the sentencizer misses: "… the plan.[98] In 1991 …" (reference markers after the stop)
_REF_BOUNDARY = re.compile(r"(?<=[.!?])(?:\[\d+\])+\s+(?=[\"“‘(]?[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class GazetteerHit:
    start: int
    end: int
    text: str
    actor_id: str
    label: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a document: character range, paragraph number, and whether it is parsed."""

    start: int
    end: int
    paragraph: int
    keep: bool
    hits: tuple[GazetteerHit, ...] = ()


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


#: Longest stretch handed to the tokenizer at once; a longer paragraph (a dump with no line breaks) is cut at
#: sentence ends below it. spaCy refuses texts over `nlp.max_length` (1,000,000 characters) with error E088.
MAX_PARAGRAPH = 100_000


def _bounded(spans: list[tuple[int, int]], text: str, limit: int = MAX_PARAGRAPH) -> list[tuple[int, int]]:
    out = []
    for start, end in spans:
        while end - start > limit:
            window = text[start : start + limit]
            cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
            cut = cut + 1 if cut > limit // 2 else (window.rfind(" ") if window.rfind(" ") > 0 else limit)
            out.append((start, start + cut))
            start += cut
            while start < end and text[start].isspace():
                start += 1
        if end > start:
            out.append((start, end))
    return out


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph (none longer than MAX_PARAGRAPH: see `_bounded`). Hard-wrapped text
    (most lines short, not ending in punctuation)
    joins its lines between blank lines; otherwise every line is a paragraph. Table rows ("| a | b |")
    give one paragraph per cell; rule lines ("+---+") give none."""
    lines = [(s, e) for s, e in _lines(text)]
    content = [text[s:e] for s, e in lines if text[s:e].strip()]
    prose = [ln for ln in content if not ln.lstrip().startswith(("|", "+"))]
    wrapped = False
    if len(prose) >= 4:
        ends = sum(1 for ln in prose if _SENT_END.search(ln))
        wrapped = statistics.median(len(ln) for ln in prose) < 100 and ends < 0.6 * len(prose)
    out: list[tuple[int, int]] = []
    block: list[tuple[int, int]] = []
    wraps = _wrap_gaps(text, lines) if wrapped else frozenset()

    def flush() -> None:
        if block:
            out.append((block[0][0], block[-1][1]))
            block.clear()

    for i, (s, e) in enumerate(lines):
        line = text[s:e]
        stripped = line.strip()
        if not stripped:
            if i not in wraps:
                flush()
            continue
        if stripped.startswith("+") and set(stripped) <= set("+-=: "):
            flush()
            continue
        if stripped.startswith("|"):
            flush()
            for m in re.finditer(r"[^|]+", line):
                cell = m.group(0)
                if cell.strip():
                    lead = len(cell) - len(cell.lstrip())
                    out.append((s + m.start() + lead, s + m.start() + len(cell.rstrip())))
            continue
        lead = len(line) - len(line.lstrip())
        if not wrapped or _BULLET.match(line):
            flush()
            out.append((s + lead, s + len(line.rstrip())))
        else:
            block.append((s + lead, s + len(line.rstrip())))
    flush()
    return _bounded(out, text)


def _wrap_gaps(text: str, lines: list[tuple[int, int]]) -> frozenset[int]:
    """Indexes of the blank lines that wrap a sentence rather than end a paragraph. Some hard-wrapped texts put
    blank lines between the lines of a sentence and more blank lines between paragraphs ("risk, a senior
    official said, in an effort to\n\n\n avoid …\n\n\n\n The U.S. troops …"). A run of blank lines is a wrap when
    runs of its length mostly follow a line cut off mid-sentence and the text also has longer runs (its
    paragraph breaks), or when the line after it goes on in lower case; a run after a line that ends a sentence
    (or a rule line such as "---") is never one."""
    runs: list[tuple[int, int, bool]] = []  # (first blank line, length, line before ends mid-sentence)
    out: set[int] = set()
    i, n = 0, len(lines)
    while i < n:
        if text[lines[i][0] : lines[i][1]].strip():
            i += 1
            continue
        j = i
        while j < n and not text[lines[j][0] : lines[j][1]].strip():
            j += 1
        if i > 0 and j < n:
            before = text[lines[i - 1][0] : lines[i - 1][1]]
            broken = bool(_MID_SENTENCE.search(before))
            runs.append((i, j - i, broken))
            if text[lines[j][0] : lines[j][1]].lstrip()[:1].islower() and before.rstrip()[-1:] in _GOES_ON:
                out.update(range(i, j))  # "… deep aversion to\n\n allowing foreign forces …"
        i = j
    lengths = {k for _, k, _ in runs}
    if len(lengths) < 2:
        return frozenset(out)
    for k in lengths:
        of_k = [r for r in runs if r[1] == k]
        if k < max(lengths) and len(of_k) >= 4 and sum(r[2] for r in of_k) >= 0.6 * len(of_k):
            out.update(x for start, _, broken in of_k if broken for x in range(start, start + k))
    return frozenset(out)


def verb_forms(lemmas: Iterable[str], irregular: Mapping[str, Iterable[str]] | None = None) -> set[str]:
    """Surface forms of verbs ("say" → say, says, said, saying) for matching without a tagger.

    Hand-written because the selection pass must not run the tagger; irregular forms come from the
    model's own lemmatizer exception table when it has one."""
    out: set[str] = set()
    for v in lemmas:
        v = v.lower()
        out.add(v)
        if " " in v:
            continue
        stem = v[:-1] if v.endswith("e") else v
        out.update({v + "s", v + "es", stem + "ed", stem + "ing", v + "d"})
        if v.endswith("y"):
            out.update({v[:-1] + "ies", v[:-1] + "ied"})
        if len(v) >= 3 and v[-1] not in "aeiouwxy" and v[-2] in "aeiou" and v[-3] not in "aeiou":
            out.update({v + v[-1] + "ed", v + v[-1] + "ing"})
    if irregular:
        for form, lem in irregular.items():
            if any(x in lemmas for x in lem):
                out.add(form)
    return out


def _split_refs(doc: Doc) -> list[Span]:
    """The sentencizer's sentences, cut again after reference markers ("plan.[98] In …")."""
    out: list[Span] = []
    for sent in doc.sents:
        start = sent.start
        for m in _REF_BOUNDARY.finditer(sent.text):
            cut = doc.char_span(sent.start_char + m.end(), sent.end_char, alignment_mode="expand")
            if cut is not None and cut.start > start:
                out.append(doc[start : cut.start])
                start = cut.start
        out.append(doc[start : sent.end])
    return _markers_back(doc, out)


_MARKER_TOKEN = re.compile(r"^(?:\[\d*|\]|\[\d+\])$")


def _markers_back(doc: Doc, sents: list[Span]) -> list[Span]:
    """Reference markers cut off the word before them ("Iraq.[34][35] It has …") belong to the sentence they
    close: a sentence that starts with marker tokens gives them to the one before."""
    out: list[Span] = []
    for sent in sents:
        k = sent.start
        while out and k < sent.end and (_MARKER_TOKEN.match(doc[k].text) or doc[k].is_digit and doc[k - 1].text == "["):
            k += 1
        if out and k > sent.start:
            out[-1] = doc[out[-1].start : k]
        if k < sent.end:
            out.append(doc[k : sent.end])
    return out


class Segmenter:
    """Tokenizer + sentencizer + gazetteer over raw text; decides which sentences to parse."""

    def __init__(self, nlp: Language, matcher: GazetteerMatcher, triggers: Iterable[str],
                 event_words: Iterable[str] = (), follow_words: Iterable[str] = (), follow_gap: int = 3,
                 reference_words: Iterable[str] = REFERENCE_WORDS, solo_words: Iterable[str] = (),
                 answer_words: Iterable[str] = (), denial_words: Iterable[str] = (),
                 actor_words: Iterable[str] = (), start_names: Iterable[str] = ()) -> None:
        self.make_doc = nlp.make_doc
        self.sentencizer = Sentencizer()
        self.matcher = matcher
        self.triggers = frozenset(t.lower() for t in triggers)
        self.event_words = frozenset(t.lower() for t in event_words)
        self.follow_words = frozenset(t.lower() for t in follow_words)
        self.follow_gap = follow_gap
        self.reference_words = frozenset(w.lower() for w in reference_words)
        self.solo_words = frozenset(w.lower() for w in solo_words)
        #: a denial word with what it denies ("Kabul denies the charge"): kept whatever names it has
        self.answer_words = frozenset(w.lower() for w in answer_words)
        self.denial_words = frozenset(w.lower() for w in denial_words)
        #: words of an actor the text describes ("police", "troops", "security forces"): with a trigger and one
        #: name, a pair; a term of several words by its last word and the words before it
        terms = [tuple(w.lower().split()) for w in actor_words if w.strip()]
        self.actor_words = frozenset(t[0] for t in terms if len(t) == 1)
        self.actor_phrases: dict[str, tuple[tuple[str, ...], ...]] = {}
        for term in (t for t in terms if len(t) > 1):
            self.actor_phrases[term[-1]] = (*self.actor_phrases.get(term[-1], ()), term[:-1])
        #: names (lower case: countries, their demonyms) that are names as a sentence's first word too, which
        #: another capitalised first word is only when the text also writes it mid-sentence ("Iran supports …")
        self.start_names = frozenset(w.lower() for w in start_names)

    def segment(self, text: str, one_name: bool = False) -> tuple[list[tuple[int, int]], list[Sentence]]:
        """The paragraphs of `text` and its sentences, each marked keep (parse it) or not. `one_name`: the
        document is about one actor its title names (a list entry: "Senior leader of Abu Sayyaf Group."), so a
        sentence that names one thing and has a trigger word is kept."""
        sentences: list[Sentence] = []
        paras = paragraphs(text)
        # "Sulu is Abu Sayyaf's stronghold": a first word the document also writes capitalised mid-sentence
        # and a later word of a run of capitalised words ("Dominguez is the commander of ..." after "Maj. Gen.
        # Romeo Dominguez said"): a surname or a name's head, a name wherever it stands
        named_words = frozenset(_MID_NAME.findall(text)) | frozenset(
            w for run in _NAME_RUN.findall(text) for w in run.split()[1:])
        for pi, (ps, pe) in enumerate(paras):
            block = text[ps:pe].replace("\n", " ")
            doc = self.sentencizer(self.make_doc(block))
            hits = [GazetteerHit(ps + s.start_char, ps + s.end_char, s.text, s.id_, s.label_)
                    for s in self.matcher.find(doc)]
            since_event = self.follow_gap + 1  # sentences since the last violent-event sentence
            for sent in _split_refs(doc):
                if not sent.text.strip():
                    continue
                since_event += 1
                s0, s1 = ps + sent.start_char, ps + sent.end_char
                own = tuple(h for h in hits if s0 <= h.start and h.end <= s1)
                names = len(own)
                covered = {i for h in own for i in range(h.start, h.end)}
                trigger = event = follow = reference = denial = answer = actor = False
                prev_title = False
                for t in sent:
                    low = t.lower_
                    if low in self.triggers:
                        trigger = True
                    if low in self.event_words:
                        event = True
                    elif low in self.follow_words:
                        follow = True
                    elif low in _WHERE and t.i + 1 < sent.end and t.nbor(1).is_title and not t.nbor(1).is_stop:
                        follow = True  # where it happened: "The incident occurred near Jalalabad."
                    if low in self.reference_words:
                        reference = True
                    if low in self.solo_words:
                        trigger = reference = True
                    if low in self.answer_words:
                        answer = True
                    if low in self.denial_words:
                        denial = True
                    actor = actor or low in self.actor_words or low in self.actor_phrases and any(
                        t.i - len(before) >= sent.start
                        and tuple(w.lower_ for w in doc[t.i - len(before) : t.i]) == before
                        for before in self.actor_phrases[low])
                    is_name = (t.is_title or (t.is_upper and len(t) > 1)) and not t.is_stop and t.is_alpha \
                        and (t.i != sent.start or t.text in named_words or low in self.start_names) \
                        and (ps + t.idx) not in covered
                    if is_name and not prev_title:
                        names += 1  # a run of capitalised tokens counts once
                    prev_title = is_name
                keep = trigger and (names >= 2 or names == 1 and (reference or one_name or actor)) or event \
                    or (follow and since_event <= self.follow_gap) or (denial and answer)
                if event:
                    since_event = 0
                sentences.append(Sentence(s0, s1, pi, keep, own))
        return paras, sentences
