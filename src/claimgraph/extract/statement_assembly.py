"""From sentence candidates to a document's statements, and from statements to the claims they carry.

    Candidate (token ranges of one sentence) + quotations of the document ─▶ Statement (document spans)
    kind: named | anonymous | organisation | document | outlet | none;  source_actor: an entity of the document
    nesting: a statement whose cue lies in another's content has that one as parent
    link_claims: a claim whose evidence lies in a statement's content (or whose source is that statement's
    source) carries the statement's id; a claim whose source disagrees with its statement's is reported.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..nlp.segment import Sentence
from ..ontology import load_ontology
from ..records import Claim, Document, Entity, EntityRef, SourceKind, Span, Statement, StatementKind, make_id
from .quotes import quote_mark_at, quote_spans
from .statements import Candidate, StatementMatcher, StatementRules, load_rules
from .types import ParsedSentence

_PERSON_TYPES = {"person"}
_ORG_TYPES = {"organisation", "armed_group", "agency", "party", "state"}
_OUTLET_TYPES = {"publication"}


@dataclass(frozen=True, slots=True)
class _Placed:
    """A candidate in document offsets, with the tokens that decide its kind."""

    cue: tuple[int, int]
    content: tuple[int, int] | None
    source: tuple[int, int] | None
    head: Token | None
    head_char: int  # document offset of the source's head token (-1 without a source)
    agentless: bool
    pattern: str
    denial: bool = False


class StatementFinder:
    """Finds the statements of whole documents. Build once (it compiles the patterns); it parses, with the
    pipeline it is given, the sentences the claim segmenter skipped that hold a cue word."""

    def __init__(self, nlp: Language, rules: StatementRules | None = None, version: str = "") -> None:
        self.nlp = nlp
        self.rules = rules or load_rules()
        self.matcher = StatementMatcher(nlp.vocab, self.rules)
        self.version = version
        words = sorted(self.rules.cue_words(), key=len, reverse=True)
        self.cue_re = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)
        # stance adjectives and held-view nouns count only with the clause they take ("confident that",
        # "reports of", "made it clear that"), verbs of seeing only with their "as" ("saw the country as"): alone
        # they are too common to parse every sentence holding them
        held = sorted(self.rules.held_words(), key=len, reverse=True)
        viewing = sorted(self.rules.viewing_words(), key=len, reverse=True)
        self.held_re = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in held) + r")\b[^.;]{0,80}?\b(?:that|of)\b"
                                  r"|\b(?:" + "|".join(re.escape(w) for w in viewing) + r")\b[^.;]{0,80}?\bas\b",
                                  re.IGNORECASE)

    def sentences_to_parse(self, text: str, sentences: Iterable[Sentence]) -> list[Sentence]:
        """The sentences not kept for claims that hold a cue word (the only ones parsed for statements)."""
        return [s for s in sentences if not s.keep and (self.cue_re.search(text, s.start, s.end)
                                                         or self.held_re.search(text, s.start, s.end))]

    def to_parse(self, text: str, sentences: Sequence[Sentence]) -> list[tuple[int, int, int, str]]:
        """(start, end, paragraph, text to parse) of the sentences parsed for statements alone: the sentences not
        kept for claims that hold a cue word, and kept ones with italics markup and a cue word ("according to
        _The Washington Post_"), parsed again without the marks (each mark becomes as many spaces, so offsets
        stay the same; a reference marker glued to a cue word, "said.[3]", needs no second parse: the tokenizer
        cuts it off, nlp/pipeline.split_reference_markers)."""
        extra = self.sentences_to_parse(text, sentences)
        marked = [s for s in sentences if s.keep and "_" in text[s.start : s.end] and (
            self.cue_re.search(text, s.start, s.end) or self.held_re.search(text, s.start, s.end))]
        return [(s.start, s.end, s.paragraph, _unmarked(text[s.start : s.end])) for s in [*extra, *marked]]

    def find(self, doc: Document, sentences: Sequence[Sentence], parsed: Sequence[ParsedSentence],
             paragraphs: Sequence[tuple[int, int]], entities: Sequence[Entity],
             more: Sequence[ParsedSentence] | None = None) -> list[Statement]:
        """The statements of `doc`: `parsed` are the sentences already parsed (for claims); `more` the parses of
        `to_parse` (the Extractor parses them in its stream with the others), parsed here when not given."""
        if more is None:
            todo = self.to_parse(doc.text, sentences)
            more = [ParsedSentence(a, sent, para)
                    for (a, _, para, _), sent in zip(todo, self.nlp.pipe(t for *_, t in todo), strict=True)]
        again = {p.start for p in more}
        every = sorted([*(p for p in parsed if p.start not in again), *more], key=lambda p: p.start)
        return assemble(doc, every, paragraphs, entities, self.matcher, self.version)


#: Wikipedia reference markers ("[3]", "[a]", "[citation needed]")
_REF = re.compile(r"\[(?:\d+|[a-z]|[a-z][a-z ]{2,30}[a-z])\]")
#: marks that are not words: italics underscores and reference markers
_MARKUP = re.compile(r"_|" + _REF.pattern)
#: a reference marker (or the run of them) closing a span, with the stop before it ("officer.[12", "sources.[4][5")
_REF_TAIL = re.compile(r"[.,;:]?(?:\[\d*\]?)+$")


def _unmarked(sentence: str) -> str:
    """A sentence's text for parsing: markup and line breaks blanked out, one space per character."""
    return _MARKUP.sub(lambda m: " " * len(m.group(0)), sentence.replace("\n", " "))


def assemble(doc: Document, parsed: Sequence[ParsedSentence], paragraphs: Sequence[tuple[int, int]],
             entities: Sequence[Entity], matcher: StatementMatcher, version: str = "") -> list[Statement]:
    """Statements of a document from its parsed sentences (pure: no parsing)."""
    text = doc.text
    quotes = quote_spans(text, paragraphs)
    placed: list[_Placed] = []
    lex = matcher.rules.lexicon
    for ps in parsed:
        sent = ps.sent if isinstance(ps.sent, Doc) else ps.sent.as_doc()
        for cand in matcher.find(sent):
            p = _place(ps, cand)
            if any(sent[i].lemma_.lower() in lex["denial"] for i in range(*cand.cue)):
                p = replace(p, denial=True)
            p = _with_quote(p, quotes, text)
            if p.content is None:
                p = _block_quote(p, paragraphs, text)
            if p.content is not None:
                content = _clean_end(text, *_through_wraps(p.content, paragraphs, text))
                if content is not None:
                    placed.append(replace(p, content=content))
    placed = _dedupe(placed + _continued_quotes(placed, quotes, paragraphs, text))
    out: list[Statement] = []
    for p in placed:
        kind, actor = _kind_and_actor(p, text, entities, lex, doc, out)
        cue, content = _span(text, p.cue), _span(text, p.content)  # type: ignore[arg-type]
        source = None if p.source is None else _span(text, _whole_words(text, _balanced_markup(text, p.source)))
        sid = make_id("st", doc.id, cue.start, cue.end, content.start, content.end)
        out.append(Statement(sid, doc.id, cue, content, kind, source, actor, None, version))
    denials = {s.id for s, p in zip(out, placed, strict=True) if p.denial}
    return _without_echoes(_nest(_pair_denials(out, denials, entities)))


_REFERENCE_END = re.compile(r"(?:\s*\[\d*\]?|\s*[,;:.])+$")


_MISSED_BOUNDARY = re.compile(r"[.!?]?\[\d+\](?=[\"“A-Z])")


def _clean_end(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A content range without a trailing reference marker ("… with them.[5]") or the stop before it, and cut
    at a reference marker run into the next sentence ("… of Musharraf[324]\"I have …": a sentence end the
    segmenter missed)."""
    run_on = _MISSED_BOUNDARY.search(text, start, end)
    if run_on is not None and run_on.start() > start:
        end = run_on.start()
    m = _REFERENCE_END.search(text, start, end)
    if m is not None and "[" in m.group(0) and text[m.start() - 1 : m.start()] in {'"', "”"}:
        # '… in two decades".[11]': the closing mark of a quotation that opened before the content
        mark = text[m.start() - 1]
        opening = "“" if mark == "”" else '"'
        if text.count(opening, start, m.start() - 1) % 2 == 0:
            end = m.start() - 1
    m = _REFERENCE_END.search(text, start, end)
    if m is not None and "[" in m.group(0):
        end = m.start()
    return (start, end) if end > start else None


def _balanced_markup(text: str, r: tuple[int, int]) -> tuple[int, int]:
    """A span with the emphasis marks of a name set in italics ("_The Washington Post_", "the _Daily News_")
    taken in whole: a mark just outside the span whose partner is inside it, or both marks round it."""
    s, e = r
    inside = text.count("_", s, e)
    before = s > 0 and text[s - 1] == "_"
    after = e < len(text) and text[e] == "_"
    if inside % 2 and after:
        e += 1
    elif inside % 2 and before:
        s -= 1
    elif inside == 0 and before and after:
        s, e = s - 1, e + 1
    return s, e


def _whole_words(text: str, r: tuple[int, int]) -> tuple[int, int]:
    """A span that ends inside a hyphenated word taken to the word's ends ("al-Jabouri said": the parser may
    take "al" alone for the subject); a reference marker glued to its last word left out ("according to a police
    officer.[12]")."""
    s, e = r
    tail = _REF_TAIL.search(text, s, e)
    if tail is not None and "[" in tail.group(0) and tail.start() > s:
        e = tail.start()

    def joined(i: int) -> bool:  # a hyphen between two letters or digits
        return 0 < i < len(text) - 1 and text[i] == "-" and text[i - 1].isalnum() and text[i + 1].isalnum()

    while s > 0 and (text[s - 1].isalnum() and (text[s].isalnum() or joined(s)) or joined(s - 1)):
        s -= 1
    while e < len(text) and (text[e].isalnum() and (text[e - 1].isalnum() or joined(e - 1)) or joined(e)):
        e += 1
    return s, e


def _span(text: str, r: tuple[int, int]) -> Span:
    return Span(r[0], r[1], text[r[0] : r[1]])


def _place(ps: ParsedSentence, c: Candidate) -> _Placed:
    sent = ps.sent
    base = sent[0].idx if len(sent) else 0

    def chars(r: tuple[int, int] | None) -> tuple[int, int] | None:
        if r is None:
            return None
        first, last = sent[r[0]], sent[r[1] - 1]
        return ps.start + first.idx - base, ps.start + last.idx + len(last.text) - base

    head = None if c.source_head is None else sent[c.source_head]
    head_char = -1 if head is None else ps.start + head.idx - base
    return _Placed(chars(c.cue), chars(c.content), chars(c.source), head, head_char,  # type: ignore[arg-type]
                   c.agentless, c.pattern)


def _inside(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return b[0] <= a[0] and a[1] <= b[1]


#: a determiner and an opening quote mark: the start of a noun phrase that is a quotation ("a ''war of necessity''")
_QUOTED_NOUN = re.compile(r"(?:(?:a|an|the|this|that|his|her|its|their|our|my)\s+)?(?:''|``|[\"“‘])", re.IGNORECASE)


def _with_quote(p: _Placed, quotes: Sequence[tuple[int, int]], text: str) -> _Placed:
    """Content of a cue that reports a quotation is the whole quotation, marks excluded, however many sentences
    or paragraphs it runs: the quotation its reported clause sits in, the one closing just before the speaker
    ("…,” a source told ThePrint"), or the one opening just after the cue ("said: “…”")."""
    outside = [q for q in quotes if not _inside(p.cue, q)]
    if p.content is not None:
        over = [q for q in outside if q[0] < p.content[1] and p.content[0] < q[1]]
        if over:
            lo = min(p.content[0], *(q[0] for q in over))
            hi = max(p.content[1], *(q[1] for q in over))
            if not (lo <= p.cue[0] < hi):
                last = max(over, key=lambda q: q[1])
                if len(over) == 1 and _QUOTED_NOUN.fullmatch(text, p.content[0], last[0]) \
                        and hi <= last[1] + quote_mark_at(text, last[1]):
                    return replace(p, content=last)  # "called it a “war of necessity”": the words quoted
                if last[1] == hi and last[0] > lo and quote_mark_at(text, hi):
                    hi += quote_mark_at(text, hi)  # a quotation opened inside the content closes inside it too
                return replace(p, content=(lo, hi))
            # a medial speaker clause inside a quotation broken by it: each side is its own quotation
            return replace(p, content=(min(q[0] for q in over), max(q[1] for q in over)))
        return p
    clause_start = min(p.cue[0], p.source[0]) if p.source else p.cue[0]
    clause_end = max(p.cue[1], p.source[1]) if p.source else p.cue[1]
    for q in outside:
        if q[1] <= clause_start and p.pattern != "held_noun_quoted" \
                and re.fullmatch(r"[\s,.;:!?”\"'—–-]*", text[q[1] : clause_start]):  # "made a pledge:" looks ahead
            return replace(p, content=q)
        if q[0] >= clause_end and re.fullmatch(r"[^.!?“\"]{0,40}?[:,]?\s*(?:[“\"]|''|``)\s*", text[clause_end : q[0]]):
            return replace(p, content=q)
    return p


_SENTENCE_END = re.compile(r"[.!?\"”')\]]\s*$")


def _through_wraps(content: tuple[int, int], paragraphs: Sequence[tuple[int, int]], text: str
                   ) -> tuple[int, int]:
    """A content cut off where a hard-wrapped text's blank line broke its sentence goes on to the sentence's end
    in the paragraphs after (the sentence was parsed only up to the break)."""
    start, end = content
    at = next((i for i, (a, b) in enumerate(paragraphs) if a <= end <= b), None)
    if at is None or text[end : paragraphs[at][1]].strip() or _SENTENCE_END.search(text[paragraphs[at][0] : end]):
        return content
    for a, b in paragraphs[at + 1 : at + 6]:
        stop = re.search(r"[.!?](?=[\s\"”']|$)", text[a:b])
        if stop is not None:
            return start, a + stop.start()
        end = b
    return start, end


def _block_quote(p: _Placed, paragraphs: Sequence[tuple[int, int]], text: str) -> _Placed:
    """A speaker clause that closes its paragraph with a colon ("Here is what the General said about it:")
    introduces the next paragraph, a quotation set off as a block without quote marks (with the paragraphs
    after it while a hard wrap broke it off mid-sentence)."""
    end = max(p.cue[1], p.source[1] if p.source else 0)
    at = next((i for i, (a, b) in enumerate(paragraphs) if a <= p.cue[0] < b), None)
    if at is None or at + 1 >= len(paragraphs) or not re.fullmatch(r"[^.!?“\"]*:\s*", text[end : paragraphs[at][1]]):
        return p
    start, stop = paragraphs[at + 1]
    before = paragraphs[at - 1][1] if at > 0 else 0
    indented = _indented(text, paragraphs[at][1], start) and not _indented(text, before, paragraphs[at][0])
    for a, b in paragraphs[at + 2 : at + 8]:
        # a block set in by indentation (the speaker's paragraph is not) goes on through the paragraphs set in
        # the same way
        if _SENTENCE_END.search(text[start:stop]) and not (indented and _indented(text, stop, a)):
            break
        stop = b
    chunk = text[start:stop]
    marks = " “”\"'`\n"
    lead = len(chunk) - len(chunk.lstrip(marks))
    body = chunk.strip(marks)
    if len(body.split()) < 3:
        return p
    return replace(p, content=(start + lead, start + lead + len(body)))


def _indented(text: str, end: int, start: int) -> bool:
    """Whether the paragraph starting at `start` is set in (the line break before it is followed by spaces), the
    paragraph before it ending at `end`."""
    return bool(re.fullmatch(r"\s*\n[ \t]+", text[end:start]))


def _dedupe(placed: list[_Placed]) -> list[_Placed]:
    """One statement per cue and content (a continued quotation shares its cue with the one before); a cue inside
    a longer cue with the same content is part of that one ("was quoted as saying"); of two cues before the same
    content, the nearer introduces it ("He warned of the risk, and here is what he said: …")."""
    seen: set[tuple[tuple[int, int], tuple[int, int] | None]] = set()
    out = []
    for p in sorted(placed, key=lambda x: (x.cue, x.content or (0, 0))):
        if any(q.content == p.content and q.cue != p.cue and _inside(p.cue, q.cue) for q in placed):
            continue
        if p.content is not None and any(q.content == p.content and p.cue[1] <= q.cue[0] and q.cue[1] <= p.content[0]
                                         for q in placed):
            continue
        if (p.cue, p.content) not in seen:
            seen.add((p.cue, p.content))
            out.append(p)
    return out


def _continued_quotes(placed: Sequence[_Placed], quotes: Sequence[tuple[int, int]],
                      paragraphs: Sequence[tuple[int, int]], text: str) -> list[_Placed]:
    """A quotation that goes on after its speaker clause with no cue of its own ("“A,” he said. “B.”", "“A,” he
    said, “B.”") is the same speaker's: a statement with the same source and cue."""
    cues = sorted(p.cue for p in placed)
    contents = {p.content for p in placed}
    out: list[_Placed] = []
    for p in placed:
        if p.content not in quotes:
            continue
        para = next(((a, b) for a, b in paragraphs if a <= p.cue[0] < b), None)
        if para is None:
            continue
        after = max(p.cue[1], p.source[1] if p.source else 0, p.content[1])  # type: ignore[index]
        for q in quotes:
            if q[0] < after or q[1] > para[1] or q in contents or len(text[q[0] : q[1]].split()) < 3:
                continue
            if any(after <= c[0] < q[1] for c in cues):
                break  # another speaker's clause comes first
            if not _NO_WORDS.fullmatch(text, after, q[0]) and not _SPEAKER_TAIL.fullmatch(text, after, q[0]):
                break  # words of the narrator come first: a quotation inside their sentence is not the speaker's
            out.append(replace(p, content=q))
            after = q[1]
    return out


#: what may stand between a quotation and the next one it goes on with: stops, marks, reference markers
_NO_WORDS = re.compile(r"(?:[\s,.;:!?”“\"'‘’—–-]|\[\d*\])*")
#: the rest of the speaker's sentence and nothing more ("… told the Blotter on ABCNews.com. “It may be …”")
_SPEAKER_TAIL = re.compile(r"(?:[^.!?“\"]|[.!?](?=\S))*?(?:[.!?](?!\S)|[.!?]$)(?:[\s“\"'‘]|\[\d*\])*")


def _without_echoes(statements: list[Statement]) -> list[Statement]:
    """An agentless cue inside the content of an attribution with the same scope ("…, said sources: the ISKP …
    is said to have vowed …") adds no source of its own: it is not a statement of its own."""
    by_id = {s.id: s for s in statements}

    def echo(s: Statement) -> bool:
        parent = by_id.get(s.parent) if s.parent else None
        if s.source is not None or parent is None:
            return False
        shared = _overlap(s.content, parent.content)
        return shared >= 0.9 * max(s.content.end - s.content.start, parent.content.end - parent.content.start)

    dropped = {s.id for s in statements if echo(s)}
    return [s for s in statements if s.id not in dropped]


def _nest(statements: list[Statement]) -> list[Statement]:
    """A statement whose cue lies inside another's content (and not the reverse) is that one's child; the
    innermost such content wins."""
    out = []
    for s in statements:
        holders = [t for t in statements if t.id != s.id
                   and t.content.start <= s.cue.start and s.cue.end <= t.content.end
                   and not (s.content.start <= t.cue.start and t.cue.end <= s.content.end)]
        parent = min(holders, key=lambda t: t.content.end - t.content.start, default=None)
        out.append(replace(s, parent=None if parent is None else parent.id))
    return out


def _pair_denials(statements: list[Statement], denials: set[str], entities: Sequence[Entity]) -> list[Statement]:
    """A denial answers the nearest earlier statement (within a few paragraphs) by another source whose content
    names the denier or shares an actor with the denial's content ("Officials blamed the TTP … The TTP denied
    any role"): the two are shown together wherever either is."""
    def named_in(span: Span) -> set[str]:
        return {e.id for e in entities for m in e.mentions if span.start <= m.start and m.end <= span.end}

    out = []
    for s in statements:
        if s.id not in denials:
            out.append(s)
            continue
        mine = named_in(s.content) | ({s.source_actor.id} if s.source_actor else set())
        earlier = [t for t in statements if t.id not in denials and t.cue.end <= s.cue.start
                   and s.cue.start - t.cue.end < 2000 and (t.source is None or s.source is None
                                                            or t.source.text != s.source.text)]
        target = next((t for t in reversed(earlier) if mine & named_in(t.content)), None)
        out.append(s if target is None else replace(s, denies=target.id))
    return out


# -- kind and source actor ----------------------------------------------------------------------------------


#: the entities last asked about, their mentions in text order and the mention starts: one document's
#: statements all ask about the same entities (held, so their id cannot be reused while cached; each call
#: reads one snapshot, so concurrent documents never mix)
_MENTIONS: list[tuple[Sequence[Entity], int, list[tuple[Span, Entity]], list[int]]] = []


def _entities_in(start: int, end: int, entities: Sequence[Entity]) -> list[tuple[Span, Entity]]:
    """The mentions within [start, end) with their entities, in text order (ties in the order of `entities`)."""
    held = _MENTIONS[0] if _MENTIONS else None
    if held is None or held[0] is not entities or held[1] != len(entities):
        ordered = sorted(((m, e) for e in entities for m in e.mentions), key=lambda me: me[0].start)
        held = (entities, len(entities), ordered, [m.start for m, _ in ordered])
        _MENTIONS[:] = [held]
    _, _, ordered, starts = held
    return [(m, e) for m, e in ordered[bisect_left(starts, start) : bisect_right(starts, end)] if m.end <= end]


def _kind_and_actor(p: _Placed, text: str, entities: Sequence[Entity], lex, doc: Document,  # noqa: ANN001
                    earlier: Sequence[Statement]) -> tuple[StatementKind, EntityRef | None]:
    if p.source is None or p.head is None:
        return StatementKind.NONE, None
    head, outlet = p.head, doc.outlet
    word, lemma = head.lower_, head.lemma_.lower()
    start, end = p.source
    inside = _entities_in(start, end, entities)
    covering = next((e for m, e in inside if m.start <= p.head_char < m.end), None)
    if word in lex.first_pronouns:  # the author speaking: a speech's speaker, a statement's signatory
        author = None if not doc.author else next(
            (e for e in entities if e.type in _PERSON_TYPES | _ORG_TYPES and doc.author in {e.name, *e.aliases}), None)
        # "I" is somebody in particular (a speech's speaker, a letter's writer); "we" names nobody
        kind = StatementKind.NAMED if word in {"i", "me", "my"} else StatementKind.ANONYMOUS
        return kind, None if author is None else author.ref()
    if word in lex.person_pronouns:
        person = _recent(start, entities, _PERSON_TYPES)
        return (StatementKind.NAMED, person.ref()) if person is not None else (StatementKind.ANONYMOUS, None)
    if word in lex.group_pronouns:
        before = [s for s in earlier if s.source is not None and s.source.end <= start and start - s.source.end < 600]
        if before:
            return before[-1].kind, before[-1].source_actor
        org = _recent(start, entities, _ORG_TYPES)
        return StatementKind.ORGANISATION, None if org is None else org.ref()
    source_text = text[start:end]
    if head.pos_ != "PROPN" and (lemma in lex["documents"] or word in lex["documents"]):  # "a ThePrint report"
        doc_ref = next((e for _, e in inside if e.type in _ORG_TYPES | _OUTLET_TYPES), None)
        return StatementKind.DOCUMENT, None if doc_ref is None else doc_ref.ref()
    if outlet and outlet.casefold() in source_text.casefold() or lemma in lex["media"] \
            or _is_wire_agency(source_text) or (head.pos_ == "PROPN" and word in lex["media_names"]):
        return StatementKind.OUTLET, covering.ref() if covering else None
    if lemma in lex["spokespeople"]:  # "the Pakistani Taliban spokesman" speaks as the Pakistani Taliban
        body = next((e for _, e in inside if e.type in _ORG_TYPES), None)
        if body is not None or any(t.ent_type_ in {"ORG", "NORP"} for t in head.subtree):
            return StatementKind.ORGANISATION, None if body is None else body.ref()
    if covering is not None:
        if covering.type in _PERSON_TYPES:
            return StatementKind.NAMED, covering.ref()
        if covering.type in _OUTLET_TYPES:
            return StatementKind.OUTLET, covering.ref()
        return StatementKind.ORGANISATION, covering.ref()
    if head.ent_type_ == "PERSON":
        return StatementKind.NAMED, None
    # "Pakistan's national security advisor Naseer Khan Janjua": a role noun with the person's name beside it
    for t in head.children:
        if t.dep_ in {"appos", "compound"} and t.ent_type_ == "PERSON":
            at = p.head_char - head.idx + t.idx
            person = next((e for m, e in inside if m.start <= at < m.end and e.type in _PERSON_TYPES), None)
            return StatementKind.NAMED, None if person is None else person.ref()
    affiliation = next((e for _, e in inside if e.type in _ORG_TYPES | {"place"}), None)
    ref = None if affiliation is None else affiliation.ref()
    if lemma in lex["anonymous"] or word in lex["anonymous"]:
        return StatementKind.ANONYMOUS, ref
    if lemma in lex["organisation"] or word in lex["organisation"] or head.ent_type_ in {"ORG", "NORP", "GPE"}:
        return StatementKind.ORGANISATION, ref
    if head.pos_ == "PROPN":
        return StatementKind.NAMED, None
    return StatementKind.ANONYMOUS, ref


@cache
def _wire_agencies() -> frozenset[str]:
    """Wire agencies of the packaged lexicon (a source they name is a news outlet)."""
    return frozenset(str(w).casefold() for w in load_ontology().lexicon.get("wire_agencies", []))


def _is_wire_agency(source_text: str) -> bool:
    name = re.sub(r"^(?:the|a|an)\s+", "", source_text.strip(), flags=re.IGNORECASE).casefold()
    return name in _wire_agencies()


def _recent(offset: int, entities: Sequence[Entity], types: set[str], within: int = 1500) -> Entity | None:
    best: tuple[int, Entity] | None = None
    for e in entities:
        if e.type not in types:
            continue
        for m in e.mentions:
            if offset - within <= m.end <= offset and (best is None or m.end > best[0]):
                best = (m.end, e)
    return None if best is None else best[1]


# -- claims carried by statements -----------------------------------------------------------------------------

_KIND_OF_SOURCE = {
    SourceKind.NAMED_PERSON: {StatementKind.NAMED},
    SourceKind.ORGANISATION: {StatementKind.ORGANISATION, StatementKind.OUTLET},
    SourceKind.ANONYMOUS: {StatementKind.ANONYMOUS, StatementKind.NONE},
    SourceKind.DOCUMENT: {StatementKind.DOCUMENT, StatementKind.OUTLET},
    SourceKind.OUTLET: {StatementKind.OUTLET},
}


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def carrier(claim: Claim, statements: Sequence[Statement]) -> Statement | None:
    """The statement that carries a claim: one whose source is the claim's source phrase (a speaker found in
    another sentence of the paragraph), else the innermost whose content holds most of the claim's evidence."""
    if claim.source.span is not None:
        same = [s for s in statements if s.source is not None and _overlap(s.source, claim.source.span) > 0]
        if same:
            return max(same, key=lambda s: (_overlap(s.content, claim.evidence), -(s.content.end - s.content.start)))
    best: tuple[tuple[int, int], Statement] | None = None
    for s in statements:
        shared = _overlap(s.content, claim.evidence)
        length = claim.evidence.end - claim.evidence.start
        if shared * 2 < min(length, s.content.end - s.content.start):
            continue
        key = (shared, -(s.content.end - s.content.start))
        if best is None or key > best[0]:
            best = (key, s)
    return None if best is None else best[1]


def link_claims(claims: Sequence[Claim], statements: Sequence[Statement]
                ) -> tuple[list[Claim], list[tuple[str, str]]]:
    """Claims with the id of the statement that carries them, and (what, why) notes for claims whose source
    disagrees with their statement's source. The claim's own source is left as the claims extractor set it."""
    out, notes = [], []
    for c in claims:
        s = carrier(c, statements)
        if s is None:
            out.append(c)
            continue
        out.append(replace(c, statement=s.id))
        agrees = s.kind in _KIND_OF_SOURCE.get(c.source.kind, set())
        if agrees and c.source.span is not None and s.source is not None:
            agrees = _overlap(c.source.span, s.source) > 0
        if not agrees:
            said = "nobody named" if s.source is None else repr(s.source.text)
            notes.append((f"claim {c.id} source", f"credited to {c.source.name!r} ({c.source.kind.value}) but its "
                          f"statement {s.id} is by {said} ({s.kind.value})"))
    return out, notes
