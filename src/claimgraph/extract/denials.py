"""Denials beside the allegations they answer.

    answer_denials(claims, parsed, index, entities, ctx, triggers, disclaim) -> claims

A denial names what it denies by an allegation noun: "Pakistan accused Afghanistan of harbouring TTP
militants, a charge Kabul denies" (in the same sentence, the noun in apposition to the allegation), or
"… Kabul denies the charge" (a sentence on, in the same or the next paragraph). Each claim of the allegation
(any claim stated before the noun, in the same sentence; one whose subject is the denier, a sentence on) stays as
its accuser states it (affirmed, the denial's word is not its negation), and the denier's own word is added
beside it: the same claim, negated, with the denier as its source. A
capital speaks for its state ("Kabul" for Afghanistan) when the document names that state.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from spacy.tokens import Token

from ..records import Claim, Entity, Polarity, Source, SourceKind, Span, make_id
from .countries import capital_states
from .entities import MentionIndex
from .frame_input import FrameInput
from .triggers import Triggers
from .types import ExtractContext, ParsedSentence

#: The name and version of this step (a change of behaviour is a new version).
DENIALS = "claimgraph.denials.v2"

#: nouns a denial names an allegation by ("denies the charge", "a claim Kabul rejects")
_ALLEGATION_NOUNS = frozenset({"charge", "allegation", "accusation", "claim", "suggestion", "report", "assertion",
                               "link", "connection"})
#: the same as written, for the segmenter (which reads words before they are parsed)
ALLEGATION_WORDS = _ALLEGATION_NOUNS | {f"{w}s" for w in _ALLEGATION_NOUNS}
#: how many sentences back a denial in a sentence of its own reaches
_REACH = 2


def answer_denials(claims: Sequence[Claim], parsed: Sequence[ParsedSentence], index: MentionIndex,
                   entities: Sequence[Entity], ctx: ExtractContext, triggers: Triggers, disclaim: Iterable[str]
                   ) -> list[Claim]:
    """`claims` with each denied allegation restored to its accuser's word and its denial added beside it."""
    verbs = frozenset(disclaim)
    out = list(claims)
    added: set[str] = set()  # the denials made here: never an allegation of another denial
    spoken_for: dict[str, Entity] | None = None  # made at the first denial: most documents have none
    for si, ps in enumerate(parsed):
        for tok in ps.sent:
            if tok.lemma_.lower() not in verbs or tok.pos_ != "VERB" and _allegation_compound(tok) is None:
                continue
            noun, same = _allegation(tok)
            if noun is None:
                continue
            if spoken_for is None:
                spoken_for = capital_states(ctx, entities)
            denier = _denier(tok, FrameInput(ps.sent, si, ps.start, index, triggers, _tokens=ps.tokens()), spoken_for)
            if denier is None:
                continue
            near = [si] if same else [j for j in range(max(0, si - _REACH), si)
                                      if parsed[si].paragraph - parsed[j].paragraph in (0, 1)]
            if not near:
                continue
            lo, hi = parsed[near[0]].start, parsed[near[-1]].end
            at = ps.start + tok.idx - ps.sent[0].idx
            cue = Span(at, at + len(tok.text), tok.text)
            # the allegation the noun stands beside is denied whoever it is about ("BLA leaders operate from
            # Afghanistan, a claim the Taliban government denies"); a later sentence's denial, the denier's own
            hi = min(hi, ps.start + noun.idx - ps.sent[0].idx) if same else hi
            for k in range(len(out)):
                c = out[k]
                if c.id in added or not same and c.subject.id != denier.id or not (lo <= c.evidence.start < hi):
                    continue
                if same and c.polarity is Polarity.NEGATED and tok.text in c.cues:
                    # the accuser's claim: the denial's word is not its negation
                    cues = tuple(w for w in c.cues if w != tok.text)
                    c = out[k] = replace(c, polarity=Polarity.AFFIRMED, cues=cues)
                if c.polarity is Polarity.NEGATED:
                    continue
                start, end = min(c.evidence.start, ps.start), max(c.evidence.end, ps.end)
                evidence = Span(start, end, ctx.doc.text[start:end])
                kind = SourceKind.NAMED_PERSON if denier.type == "person" else SourceKind.ORGANISATION
                source = Source(_said_as(tok, ps), kind, cue=tok.text, span=cue)
                denial = replace(c, id=make_id("clm", c.id, "denied", denier.id, cue.start), evidence=evidence,
                                 source=source, polarity=Polarity.NEGATED, cues=(tok.text,), statement=None,
                                 extractor=ctx.extractor or DENIALS)
                if not any(_same(d, denial) for d in out):
                    out.append(denial)
                    added.add(denial.id)
    return out


def _allegation(verb: Token) -> tuple[Token | None, bool]:
    """What a denial verb denies, and whether that stands in its own sentence: an allegation noun named before
    the verb or the verb's clause hanging on one ("…, a charge Kabul denies", "…, a claim which Kabul
    rejects"), a relative "which" ("…, which Islamabad denied"); else an allegation noun after the verb, made a
    sentence or two before ("Kabul denies the charge")."""
    if verb.dep_ == "relcl" and verb.head.lemma_.lower() in _ALLEGATION_NOUNS:
        return verb.head, True
    if verb.pos_ != "VERB":
        return _allegation_compound(verb), True  # "…, an allegation Islamabad rejects" with "rejects" read as a noun
    if verb.dep_ == "relcl" and any(c.dep_ == "dobj" and c.lower_ in ("which", "that") for c in verb.children):
        return verb.head, True
    noun = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _ALLEGATION_NOUNS), None)
    return noun, noun is not None and noun.i < verb.i


def _allegation_compound(verb: Token) -> Token | None:
    """The allegation noun the parser made a modifier of a denial verb it read as a plural noun ("an allegation
    Islamabad rejects": "allegation" and "Islamabad" both compounds of "rejects"), or the head of that noun ("a
    charge the Taliban rejects": "rejects" in apposition to "charge")."""
    if verb.pos_ != "NOUN":
        return None
    if verb.dep_ == "appos" and verb.head.lemma_.lower() in _ALLEGATION_NOUNS:
        return verb.head  # "…, a charge the Taliban rejects": the verb read as a noun in apposition to the charge
    return next((c for c in verb.children if c.dep_ in ("compound", "amod") and c.lemma_.lower() in _ALLEGATION_NOUNS),
                None)


def _denier(verb: Token, fi: FrameInput, spoken_for: dict[str, Entity]) -> Entity | None:
    subj = _subject(verb)
    # "a charge the Taliban administration in Kabul denies": the body whose administration (spokesman, …) it is
    e = fi.entity(subj) if subj is not None else None
    if e is None and subj is not None:
        e = next((o for c in subj.children if c.dep_ in ("compound", "poss") and (o := fi.entity(c)) is not None
                  and o.type != "place"), None)
    if e is not None and e.type == "place":
        return spoken_for.get(e.id, e)
    return e


def _subject(verb: Token) -> Token | None:
    """Who denies: the verb's subject, or the name the parser made a compound of it ("a charge the Taliban
    deny")."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj or next((c for c in verb.children if c.dep_ in ("compound", "npadvmod") and c.i < verb.i
                         and c.lemma_.lower() not in _ALLEGATION_NOUNS), None)


def _said_as(verb: Token, ps: ParsedSentence) -> str:
    """The denier as the sentence names it ("Kabul")."""
    subj = _subject(verb) or verb
    first = min(t.i for t in subj.subtree)
    last = max(t.i for t in subj.subtree)
    return ps.sent[first - ps.sent[0].i : last - ps.sent[0].i + 1].text if len(ps.sent) else subj.text


def _same(a: Claim, b: Claim) -> bool:
    return (a.subject.id, a.predicate, a.object.id if a.object else None, a.polarity, a.source.name) == (
        b.subject.id, b.predicate, b.object.id if b.object else None, b.polarity, b.source.name)
