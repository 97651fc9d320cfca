"""Who asserts a claim: a named person or organisation, an unnamed source, a document, or the outlet.

Search order, nearest first:
 1. inside the sentence: a speech verb that governs the claim ("…, said sources in the Indian defence
    establishment", "Officials pointed out that …", "according to X");
 2. a quotation that closes later in the paragraph ("“… His role was mentioned …,” another source
    told ThePrint.");
 3. the paragraph: a speaker clause in another sentence of it ("Months later, the sources point out, …";
    "…, the sources said, adding that …"), the nearest before the sentence, else the nearest after;
 4. nobody cited: the outlet itself.
Steps 2–3 read raw text, so they also work when the neighbouring sentences were never parsed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..ontology import load_ontology, phrase_words
from ..records import Claim, Entity, Event, Source, SourceKind, Span

_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
_QUOTE_OPEN = "“\""
_QUOTE_CLOSE = "”\""
_PERSON_TYPES = {"person"}
_DOC_TYPES = {"publication"}


@dataclass(frozen=True, slots=True)
class AttributionLexicon:
    verbs: frozenset[str]  # lemmas
    phrases: tuple[tuple[str, ...], ...]  # lower-case token tuples, e.g. ("according", "to")
    trailing: tuple[str, ...]  # surface forms for raw-text speaker clauses
    anonymous: frozenset[str]
    documents: frozenset[str]
    trailing_re: re.Pattern[str]

    @classmethod
    def from_lexicon(cls, lexicon: Mapping[str, object]) -> AttributionLexicon:
        def words(key: str) -> list[str]:
            return [str(w).lower() for w in (lexicon.get(key) or [])]  # type: ignore[union-attr]

        phrases = {phrase_words(p) for p in words("attribution_phrases") + words("attribution_phrases_extra")}
        # longest first, then alphabetical: never the order of a set, which follows the hash seed
        trailing = tuple(sorted(set(words("attribution_trailing")), key=lambda w: (-len(w), w)))
        anonymous, documents = frozenset(words("anonymous_sources")), frozenset(words("document_sources"))
        return cls(
            frozenset(words("attribution_verbs")),
            tuple(sorted(phrases, key=lambda t: (-len(t), t))),
            trailing, anonymous, documents, _trailing_re(trailing, anonymous | documents),
        )


def _trailing_re(trailing: tuple[str, ...], nouns_set: frozenset[str]) -> re.Pattern[str]:
    cue = "|".join(re.escape(c) for c in trailing)
    who = r"(?:(?:the|a|an|another|other|two|three|several|some|many|senior|top)\s+)*" \
          r"(?:[A-Za-z][\w’'.-]*\s+){0,6}?"
    nouns = "|".join(sorted((re.escape(n) for n in nouns_set), key=lambda w: (-len(w), w)))
    # "…, the sources said" / "…,” a source in the security establishment told ThePrint"
    return re.compile(
        rf"(?P<who>{who}(?:{nouns})(?:\s+(?:in|from|at|of|with|within|close to)\s+(?:[\w’'.-]+\s+){{0,6}}?"
        rf"[\w’'.-]+)?|[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){{0,3}})\s+(?P<cue>{cue})\b",
    )


def _noun_phrase(head: Token) -> tuple[int, int]:
    """Token range of a speaker's noun phrase: the head with its left modifiers and its "in/of/from …" tail."""
    left = head.left_edge.i
    right = head.i
    for c in head.rights:
        if c.dep_ in {"prep", "compound", "amod", "appos"} or (c.dep_ == "acl" and c.i - head.i < 4):
            right = max(right, c.right_edge.i)
    toks = head.doc
    while left < head.i and (toks[left].is_punct or toks[left].is_quote):
        left += 1
    while right > head.i and (toks[right].is_punct or toks[right].is_quote):
        right -= 1
    return left, right + 1


def _head_word(head: Token) -> str:
    """A head token's word without attached punctuation or reference markers ("report.[75" → "report")."""
    return re.sub(r"[^\w-].*$", "", head.lower_)


def _clean_name(name: str) -> str:
    return re.split(r"\.?\[\d*", name, maxsplit=1)[0].rstrip(" ,.;:")


def _kind(head: Token, name_tokens: Sequence[Token], entity_type: str | None, lex: AttributionLexicon) -> SourceKind:
    if entity_type in _PERSON_TYPES:
        return SourceKind.NAMED_PERSON
    if entity_type in _DOC_TYPES:
        return SourceKind.DOCUMENT
    lemma, word = head.lemma_.lower(), _head_word(head)
    if word in lex.documents or lemma in lex.documents:
        return SourceKind.DOCUMENT
    if word in lex.anonymous or lemma in lex.anonymous:
        return SourceKind.ANONYMOUS
    if entity_type is not None:
        return SourceKind.ORGANISATION
    if head.pos_ == "PROPN":
        return SourceKind.NAMED_PERSON if head.ent_type_ == "PERSON" else SourceKind.ORGANISATION
    return SourceKind.ANONYMOUS


def _entity_type_at(
    start: int, end: int, entities: Sequence[Entity], head: int | None = None
) -> tuple[str | None, str | None]:
    """(type, canonical name) of the entity a speaker phrase [start, end) names: the one covering its head
    character if given ("former CIA analyst Michael Scheuer" → Scheuer, not the CIA), else the first."""
    inside = [(m, e) for e in entities for m in e.mentions if m.start >= start and m.end <= end]
    if head is not None:
        for m, e in inside:
            if m.start <= head < m.end:
                return e.type, e.name
        return None, None
    if inside:
        m, e = min(inside, key=lambda me: me[0].start)
        return e.type, e.name
    return None, None


def _cue_tokens(sent: Doc | SpacySpan, lex: AttributionLexicon) -> list[tuple[Token, Token]]:
    """(cue head, cue last token) for every speech verb or phrase in the sentence."""
    tokens = list(sent)
    lowers = [t.lower_ for t in tokens]
    out: list[tuple[Token, Token]] = []
    used: set[int] = set()
    for phrase in lex.phrases:
        n = len(phrase)
        for i in range(len(tokens) - n + 1):
            if tuple(lowers[i : i + n]) == phrase and i not in used:
                out.append((tokens[i], tokens[i + n - 1]))
                used.update(range(i, i + n))
    for i, t in enumerate(tokens):
        if i not in used and t.pos_ in {"VERB", "AUX"} and t.lemma_.lower() in lex.verbs:
            last = next((c for c in t.rights if c.dep_ == "prt"), t)
            if t.lemma_.lower() in _NEEDS_PARTICLE and last is t:
                continue  # "evidence points to …" is not speech; "sources pointed out" is
            out.append((t, last))
    return out


_NEEDS_PARTICLE = {"point"}


def _speaker(cue: Token) -> Token | None:
    if cue.lower_ == "according":
        to = next((c for c in cue.rights if c.lower_ == "to"), None)
        if to is None:
            nxt = cue.nbor(1) if cue.i + 1 < len(cue.doc) else None
            to = nxt if nxt is not None and nxt.lower_ == "to" else None
        if to is not None:
            return next((c for c in to.children if c.dep_ == "pobj"), None)
        return None
    head = cue
    for _ in range(3):  # "picked up signs indicating": the subject sits on the verb
        subj = next((c for c in head.children if c.dep_ in {"nsubj", "agent"}), None)
        if subj is not None:
            if subj.dep_ == "agent":
                subj = next((c for c in subj.children if c.dep_ == "pobj"), None)
            return subj
        if head.dep_ in {"acl", "dobj", "xcomp", "conj"} and head.head is not head:
            head = head.head
        else:
            break
    return None


_REPORT_DEPS = {"ccomp", "parataxis", "xcomp"}
_ACCUSE = {"accuse", "blame", "charge", "implicate"}
_PHRASE_DEPS = _REPORT_DEPS | {"dobj", "acl", "advcl"}


def _governs(cue: Token, target: Token | None, phrase: bool) -> bool:
    """Whether a speech verb reports the clause holding `target`: the target sits in the verb's reported
    clause ("officials pointed out that …"), or the verb is a speaker clause set off from it ("…,” a source
    told ThePrint" / "Months later, the sources point out, Ashfaq arrived") — not merely in the same
    sentence ("these detainees believe in …", "the administration added X to the list")."""
    if target is None or cue.lower_ == "according":
        return True
    if cue == target:
        return False
    if cue in target.ancestors:
        step = next(c for c in cue.children if c == target or c in target.ancestors)
        if step.dep_ in (_PHRASE_DEPS if phrase else _REPORT_DEPS):
            return True
        if step.dep_ == "prep" and step.lower_ == "of" and cue.lemma_.lower() in _ACCUSE:
            return True  # "officials accused Iran of arming the Houthis"
        if step.dep_ == "dobj" and cue.lemma_.lower() in _ACCUSE and any(
                c.dep_ == "prep" and c.lower_ == "of" and (c == target or c in target.ancestors)
                for c in step.children):
            return True  # "officials accused the network of being responsible": "of" hung on the accused
        # "X was well established, officials emphasised, when a picture emerged of Y": a speaker clause
        # set inside its report carries the clause that goes on after it
        fronted = any(c.dep_ in _REPORT_DEPS and c.i < cue.i for c in cue.children)
        return fronted and step.dep_ == "advcl" and step.i > cue.i
    doc = cue.doc
    if cue.dep_ in {"ccomp", "parataxis"} and cue.head.dep_ == "ROOT" and cue.i < cue.head.i \
            and cue.right_edge.i + 1 < len(doc) and doc[cue.right_edge.i + 1].text == "," \
            and (target == cue.head or cue.head in target.ancestors):
        return True  # "Months later, the sources point out, Ashfaq arrived in Balochistan"
    before = doc[cue.sent.start : cue.left_edge.i].text if cue.left_edge.i > cue.sent.start else ""
    if cue.dep_ == "ROOT" and any(q in before for q in "”\"’"):
        return True  # a trailing speaker after a quotation
    left = cue.left_edge.i
    return cue.dep_ in {"ccomp", "parataxis"} and cue.head.dep_ == "ROOT" and left > 0 and doc[left - 1].text == ","


def source_in_sentence(
    sent: Doc | SpacySpan, offset: int, entities: Sequence[Entity], lex: AttributionLexicon,
    target: Token | None = None, resolve: Mapping[int, tuple[str, str]] | None = None,
) -> Source | None:
    """The speaker of a speech verb or "according to" that governs `target` (any, if None)."""
    doc_base = sent[0].idx if len(sent) else 0
    for cue, last in _cue_tokens(sent, lex):
        if target is not None and cue.i == target.i:
            continue
        if not _governs(cue, target, phrase=last.i > cue.i + 1):
            continue
        head = _speaker(cue)
        if head is None or head.is_punct:
            continue
        s, e = _noun_phrase(head)
        toks = head.doc[s:e]
        start, end = offset + toks.start_char - doc_base, offset + toks.end_char - doc_base
        etype, ename = _entity_type_at(start, end, entities, offset + head.idx - doc_base)
        if etype is None:
            # "SHISH's head Fatos Klosi", "The commander of the brigade, Brigadier General Nicholson"
            for ap in (c for c in head.children if c.dep_ in {"appos", "compound"}):
                etype, ename = _entity_type_at(start, end, entities, offset + ap.idx - doc_base)
                if etype is not None:
                    break
        if cue.lower_ == "according" and etype is None and _head_word(head) not in lex.anonymous | lex.documents:
            continue  # "according to Islamic law" names no speaker
        name = _clean_name(toks.text)
        end = start + len(name)
        if head.lower_ in _PRONOUNS:
            if resolve and head.i in resolve:
                etype, name = resolve[head.i][0], resolve[head.i][1]
            else:
                continue
        cue_text = sent.doc.text[cue.idx : last.idx + len(last.text)]
        if cue.lower_ == "according":
            cue_text = "according to"
        elif head.i < cue.i and (nxt := last.nbor(1) if last.i + 1 < len(last.doc) else None) is not None \
                and nxt.dep_ in {"dobj", "dative"} and nxt.pos_ == "PROPN":
            cue_text = f"{cue_text} {nxt.text}"  # "told ThePrint"
        kind = _kind(head, list(toks), etype, lex)
        return Source(ename if kind in {SourceKind.NAMED_PERSON, SourceKind.ORGANISATION} and ename else name,
                      kind, cue_text, Span(start, end, name) if head.lower_ not in _PRONOUNS else None)
    return None


def _quote_state(text: str) -> bool:
    """True when `text` leaves a quotation open (more openings than closings)."""
    opens = sum(text.count(q) for q in "“")
    closes = sum(text.count(q) for q in "”")
    straight = text.count('"')
    return opens > closes or (opens == closes == 0 and straight % 2 == 1)


def _source_from_match(
    m: re.Match[str], base: int, lex: AttributionLexicon, entities: Sequence[Entity]
) -> Source | None:
    who = _clean_name(m.group("who").strip())  # "the report.[75" → "the report"
    start = base + m.start("who") + (len(m.group("who")) - len(m.group("who").lstrip()))
    if who.lower() in _PRONOUNS:
        # "…, he said": the person named last before it (within the paragraph's reach), else no one
        near = [(mm.end, e) for e in entities if e.type == "person" for mm in e.mentions
                if start - 400 <= mm.end <= start]
        if not near:
            return None
        person = max(near, key=lambda p: p[0])[1]
        return Source(person.name, SourceKind.NAMED_PERSON, m.group("cue"), None)
    etype, ename = _entity_type_at(start, start + len(who), entities)
    last = who.split()[-1].lower() if who.split() else ""
    if etype in _PERSON_TYPES:
        kind = SourceKind.NAMED_PERSON
    elif last in lex.documents:
        kind = SourceKind.DOCUMENT
    elif last in lex.anonymous or etype is None and who[:1].islower():
        kind = SourceKind.ANONYMOUS
    elif etype is not None:
        kind = SourceKind.ORGANISATION
    else:
        kind = SourceKind.NAMED_PERSON
    name = ename if ename and kind in {SourceKind.NAMED_PERSON, SourceKind.ORGANISATION} else who
    return Source(name, kind, m.group("cue"), Span(start, start + len(who), who))


def source_in_context(
    doc_text: str, sent_start: int, sent_end: int, paragraph: tuple[int, int], entities: Sequence[Entity],
    lex: AttributionLexicon,
) -> Source | None:
    """A speaker found around a sentence: the close of its quotation, else a speaker clause in its paragraph."""
    p_start, p_end = paragraph
    before = doc_text[p_start:sent_start]
    own = doc_text[sent_start:sent_end]
    # 2. a quotation open at (or opened by) this sentence closes later in the paragraph
    if _quote_state(before + own):
        rest_start = sent_end
        close = re.search(r"[”\"]", doc_text[rest_start:p_end])
        if close is not None:
            after = rest_start + close.end()
            m = re.match(r"\s*,?\s*" + lex.trailing_re.pattern, doc_text[after:p_end])
            found = None if m is None else _source_from_match(m, after, lex, entities)
            if found is not None:
                return found
    # 3. a speaker clause elsewhere in the paragraph: nearest before, then nearest after
    clause = re.compile(
        r"(?:^|[,;:.”]\s*|\bthat\s+)" + lex.trailing_re.pattern + r"(?=\s*[,.;]|\s+that\b|\s+\w+\s*[,.])"
    )
    for m in reversed(list(clause.finditer(doc_text, p_start, sent_start))):
        found = _source_from_match(m, 0, lex, entities)
        if found is not None:
            return found
    for m in clause.finditer(doc_text, sent_end, p_end):
        found = _source_from_match(m, 0, lex, entities)
        if found is not None:
            return found
    return None


def outlet_source(outlet: str | None) -> Source:
    return Source(outlet or "the outlet", SourceKind.OUTLET)


def byline_source(author: str) -> Source:
    """Who a byline names: a wire agency (an organisation), a desk ("Web Desk", "Staff"), which speaks for the
    outlet, or a person."""
    lexicon = load_ontology().lexicon
    agencies = {a.casefold() for a in lexicon.get("wire_agencies", [])}
    desk_words = {w.casefold() for w in lexicon.get("byline_desk_words", [])}
    if author.casefold() in agencies:
        return Source(author, SourceKind.ORGANISATION, "byline")
    if any(w.casefold() in desk_words for w in re.findall(r"[\w']+", author)):
        return Source(author, SourceKind.OUTLET, "byline")
    return Source(author, SourceKind.NAMED_PERSON, "byline")


def credit_author(claims: Sequence[Claim], events: Sequence[Event], author: str | None
                  ) -> tuple[list[Claim], list[Event]]:
    """In a speech, statement or signed piece, whatever no one else is cited for is the author's word:
    claims and responsibility statements that fell back to the outlet are credited to the byline."""
    if not author:
        return list(claims), list(events)
    speaker = byline_source(author)
    out_claims = [replace(c, source=speaker) if c.source.kind is SourceKind.OUTLET else c for c in claims]
    out_events = [
        replace(e, responsibility_source=speaker)
        if e.responsibility_source is not None and e.responsibility_source.kind is SourceKind.OUTLET else e
        for e in events
    ]
    return out_claims, out_events


@cache
def default_lexicon() -> AttributionLexicon:
    """The attribution words of the packaged lexicon.yaml (loaded on first use)."""
    return AttributionLexicon.from_lexicon(load_ontology().lexicon)


def find_source(
    sent: Doc | SpacySpan, doc_text: str, offset: int, entities: Sequence[Entity], *,
    lex: AttributionLexicon | None = None, target: Token | None = None, paragraph: tuple[int, int] | None = None,
    outlet: str | None = None, resolve: Mapping[int, tuple[str, str]] | None = None,
) -> Source:
    """The source asserting a claim in `sent` (which starts at `offset` in `doc_text`).

    `target` is the claim's trigger token (the speaker's verb must govern it); `paragraph` the
    (start, end) of the sentence's paragraph for quotation and carry-over search; `resolve` maps
    pronoun token indices to (entity type, name).
    """
    lex = lex or default_lexicon()
    found = source_in_sentence(sent, offset, entities, lex, target, resolve)
    if found is not None:
        return found
    if paragraph is not None:
        found = source_in_context(doc_text, offset, offset + len(sent.text), paragraph, entities, lex)
        if found is not None:
            return found
    return agentless_source(sent, target) or outlet_source(outlet)


#: The source of a claim asserted in the passive voice with no agent ("has been identified as").
AGENTLESS = "unnamed (passive voice)"


def agentless_source(sent: Doc | SpacySpan, target: Token | None = None) -> Source | None:
    """"X has been identified as …", "X is said to have vowed …": somebody unnamed asserts what the passive
    verb governs. The outlet reports that it was said; it does not say it itself, so such a claim is not
    credited to the outlet. What only describes the subject ("ISKP, a branch of the Islamic State, is said
    to …") stays the outlet's: the claim's trigger must sit under the passive verb, outside its subject."""
    text = sent.text
    lowered = text.lower()
    for pattern in _agentless_patterns():
        for at in pattern.finditer(lowered):
            verb = _verb_at(sent, at.start(), at.end())
            if verb is not None and _under_passive(verb, target):
                return Source(AGENTLESS, SourceKind.ANONYMOUS, text[at.start() : at.end()])
    return None


@cache
def _agentless_patterns() -> tuple[re.Pattern[str], ...]:
    """The lexicon's agentless attribution phrases as whole-word patterns, in the lexicon's order."""
    return tuple(re.compile(rf"\b{re.escape(p)}\b") for p in load_ontology().lexicon.get("agentless_attribution", []))


def _verb_at(sent: Doc | SpacySpan, start: int, end: int) -> Token | None:
    """The verb of a matched phrase (its last verb or adverb token), by character offsets within `sent`."""
    base = sent[0].idx
    inside = [t for t in sent if start <= t.idx - base < end]
    verbs = [t for t in inside if t.pos_ in ("VERB", "AUX", "ADV")]
    return (verbs or inside or [None])[-1]


def _under_passive(verb: Token, target: Token | None) -> bool:
    if target is None:
        return True
    subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")] + [
        c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(target in s.subtree for s in subjects):
        return False
    return target in verb.subtree or target in verb.head.subtree
