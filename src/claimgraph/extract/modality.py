"""Modality and polarity of a claim: asserted / hedged / intended, affirmed / negated, and the cue words.

A cue counts for a claim only when it governs the claim's trigger: it is the trigger, one of the
trigger's syntactic ancestors, or an auxiliary / adverb / negation attached to one of them. So
"the sources also suggested that Mengal shared ties" is hedged by "suggested", but a "could" in a
different clause of the same sentence does not hedge it.

Intended beats hedged (it is more specific): "is said to have vowed to extend operations" is
intended with cues ("is said to have", "vowed to").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from ..ontology import load_ontology, phrase_words
from ..records import Modality, Polarity

_SCOPE_DEPS = {"aux", "auxpass", "advmod", "neg", "prt", "mark"}
_CONDITIONAL = {"if", "unless", "whether"}
# the relations of a noun phrase that a copula states of its subject ("X is not a member of Y")
_PREDICATIVE = {"attr", "acomp", "oprd"}
_NOT_NEGATION = {("not", "only"), ("no", "longer"), ("not", "just"), ("not", "merely")}


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Cue phrases as token tuples (lower case), longest first."""

    hedges: tuple[tuple[str, ...], ...]
    intent: tuple[tuple[str, ...], ...]
    negation: tuple[tuple[str, ...], ...]

    @classmethod
    def from_lexicon(cls, lexicon: Mapping[str, object]) -> CueLexicon:
        def phrases(*keys: str) -> tuple[tuple[str, ...], ...]:
            out: set[tuple[str, ...]] = set()
            for key in keys:
                for p in lexicon.get(key, []) or []:  # type: ignore[union-attr]
                    out.add(phrase_words(str(p).replace("n't", " n't")))
            return tuple(sorted(out, key=lambda t: (-len(t), t)))

        return cls(phrases("hedges", "hedges_long"), phrases("intent"), phrases("negation"))


def scope(trigger: Token | Span, nominal: bool = False) -> set[int]:
    """Token indices (in the trigger's doc) whose words can set the trigger's modality.

    Climbing stops at a coordinated clause with its own subject ("X tried to retake the town and Y attacked
    Z": Y did attack); above an appositive: "ISKP, a branch of the Islamic State, is said to have vowed …"
    does not hedge the branch; and at the noun a relative clause or a participle tells of: "Russia, which backs
    Assad, denies targeting civilians" does not deny the backing."""
    root = trigger.root if isinstance(trigger, Span) else trigger
    heads = [root]
    for a in root.ancestors:
        if heads[-1].dep_ == "conj" and heads[-1].pos_ in {"VERB", "AUX"} \
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in heads[-1].children):
            break  # "X has attempted to strike us and Y has launched strikes": a clause of its own, with its subject
        if heads[-1].dep_ in ("ccomp", "conj", "parataxis") and heads[-1].i < a.i and any(
                t.text == ";" for t in a.doc[heads[-1].i : a.i]) \
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in heads[-1].children):
            break  # "X overran a post ...; seven X were also reportedly killed": a semicolon ends the clause
        if heads[-1].dep_ == "appos" or nominal and heads[-1].pos_ in {"VERB", "AUX"} \
                or len(heads) > 1 and heads[-2].dep_ in ("relcl", "acl"):
            break  # a noun-phrase claim ends at its own clause's verb; a relative clause or a participle ends at
            # the noun it tells of ("the Zintan Brigade, led by members of Y, denied it" does not deny the lead)
        if nominal and a.pos_ in {"VERB", "AUX"} and heads[-1].dep_ not in _PREDICATIVE:
            # the verb a noun phrase is the subject or object of tells what its referent did, not what it is:
            # "TTP spokesman X denied the report" denies the report, not that X speaks for the TTP
            break
        heads.append(a)
    out: set[int] = set()
    for h in heads:
        out.add(h.i)
        for c in h.children:
            if c.dep_ in _SCOPE_DEPS or c.lower_ in {"not", "never", "n't", "no"}:
                out.add(c.i)
    # "an alleged member", "a suspected commander": modifiers of the trigger itself
    out.update(c.i for c in root.children if c.dep_ in {"amod", "advmod", "neg"})
    if isinstance(trigger, Span):
        out.update(t.i for t in trigger)
    return out


def _matches(tokens: Sequence[Token], phrases: Iterable[tuple[str, ...]]) -> list[tuple[int, int]]:
    """(start, end) token positions (relative to `tokens`) of phrase matches, longest first, no overlaps."""
    lowers = [t.lower_ for t in tokens]
    lemmas = [t.lemma_.lower() for t in tokens]
    present = set(lowers) | set(lemmas)
    taken: set[int] = set()
    found: list[tuple[int, int]] = []
    for phrase in phrases:
        if phrase[0] not in present:
            continue
        n = len(phrase)
        for i in range(len(tokens) - n + 1):
            if any(j in taken for j in range(i, i + n)):
                continue
            if tuple(lowers[i : i + n]) == phrase or (n == 1 and lemmas[i] == phrase[0]):
                found.append((i, i + n))
                taken.update(range(i, i + n))
    return sorted(found)


@cache
def default_cues() -> CueLexicon:
    """The cue words of the packaged lexicon.yaml (loaded on first use)."""
    return CueLexicon.from_lexicon(load_ontology().lexicon)


def find_modality(
    sent: Doc | Span, trigger: Token | Span, cues: CueLexicon | None = None, *, nominal: bool = False
) -> tuple[Modality, Polarity, tuple[str, ...]]:
    """Modality, polarity and the cue words (in text order) for a claim whose trigger is `trigger`.

    `nominal` marks a claim stated by a noun phrase ("ISKP's coordinator", "its magazine"): an intent
    word on a verb above it is about that verb, not the phrase, so intent cues are not taken."""
    cues = cues or default_cues()
    tokens = list(sent)
    base = tokens[0].i if tokens else 0
    in_scope = scope(trigger, nominal)
    found: list[tuple[int, int, str, str]] = []  # (start, end, kind, text)
    kinds_wanted = (("hedge", cues.hedges), ("neg", cues.negation))
    if not nominal:
        kinds_wanted = (("intent", cues.intent), *kinds_wanted)
    for kind, phrases in kinds_wanted:
        for s, e in _matches(tokens, phrases):
            if not any(base + j in in_scope for j in range(s, e)):
                continue
            words = tokens[s:e]
            if kind == "neg" and e < len(tokens) and (words[-1].lower_, tokens[e].lower_) in _NOT_NEGATION:
                continue
            last = words[-1]
            if kind == "intent" and e < len(tokens) and tokens[e].lower_ == "to" and last.lower_ != "to":
                last, e = tokens[e], e + 1  # "vowed" → "vowed to"
            found.append((s, e, kind, sent.doc.text[words[0].idx : last.idx + len(last.text)]))
    root = trigger.root if isinstance(trigger, Span) else trigger
    if not nominal and root.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in root.children):
        # a purpose clause states an aim, not a deed: "converging … to take on Baloch fighters"
        to = next(c for c in root.children if c.lower_ == "to")
        end = max([root, *(c for c in root.children if c.dep_ == "prt")], key=lambda x: x.i)
        found.append((to.i - base, end.i - base + 1, "intent", sent.doc.text[to.idx : end.idx + len(end.text)]))
    # a word both hedge and intent (e.g. "planned") counts once, as intent; a cue inside a longer one
    # ("to extend" after "vowed to") is not repeated
    covered: set[int] = set()
    unique = []
    for s, e, kind, text in sorted(found, key=lambda f: (f[0], f[2] != "intent", f[0] - f[1])):
        if s in covered:
            continue
        covered.update(range(s, e))
        unique.append((s, kind, text))
    for h in [t for t in tokens if t.i in in_scope]:
        mark = next((c for c in h.children if c.dep_ == "mark" and c.lower_ in _CONDITIONAL), None)
        if mark is not None:
            unique.append((mark.i - base, "hedge", mark.text))
            break
    unique.sort()
    kinds = {k for _, k, _ in unique}
    modality = Modality.INTENDED if "intent" in kinds else Modality.HEDGED if "hedge" in kinds else Modality.ASSERTED
    polarity = Polarity.NEGATED if "neg" in kinds else Polarity.AFFIRMED
    return modality, polarity, tuple(t for _, _, t in unique)
