"""`claimgraph_detached_speakers_v1`: the speaker the parser hung on the sentence's object.

A report often ends a sentence with its source set off by commas: "... killed five BLA militants believed to have
taken part in the highway attack, the military's media wing, Inter-Services Public Relations (ISPR), said." The
small English parser reads the speaker as an apposition of the noun before it ("militants ... , the military's
media wing") and leaves "said" with no subject, so the media wing becomes one of those killed and the sentence
has no source. This component gives such a reporting verb its subject back: when a sentence's root is a verb of
saying (ontology/lexicon.yaml `attribution_verbs`) with no subject, and the words right before it are a phrase
set off by a comma that the parser attached as an apposition, that phrase is the verb's subject. When the parser
joined such a verb to the root as a second verb of the same subject ("troops launched an operation ..., the
military's media wing said"), the verb becomes the sentence's root and the clause it reports its complement.

Written by hand: the fix is a re-attachment of one arc the model gets wrong in one construction; spaCy has no
component that edits a parse by rule."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..ontology import lexicon_words

SPEAKERS_FACTORY = "claimgraph_detached_speakers_v1"
SPEAKERS_PIPE = "claimgraph_detached_speakers"
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def detached_speaker(verb: Token) -> Token | None:
    """The head of the phrase that speaks a sentence-final verb of saying the parser left without a subject
    ("..., the military's media wing, ISPR, said."), or None."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in lexicon_words("attribution_verbs") \
            or any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    doc, start = verb.doc, verb.sent.start
    j = verb.i - 1
    while j >= start and doc[j].is_punct:
        j -= 1
    if j < start:
        return None
    t = doc[j]
    while t.dep_ in ("compound", "flat", "amod", "nummod", "det", "poss", "case", "punct") and t.head.i > t.i:
        t = t.head  # a word inside a name, to the name's head
    while t.dep_ == "appos" and t.head.dep_ == "appos" and t.head.i < t.i:
        t = t.head  # "the media wing, ISPR": the first phrase of the chain
    if t.dep_ != "appos" or t.head.i >= t.i or t.left_edge.i == 0 or not doc[t.left_edge.i - 1].is_punct \
            or any(not doc[k].is_punct for k in range(t.right_edge.i + 1, verb.i)):
        return None
    # the noun it hangs on must lie in the clause reported, under a verb of its own: in "As the Commandant of the
    # Marine Corps, General Conway, said" the whole phrase before the verb is the speaker, not its last name
    up = t.head
    while up.i != verb.i and up.head.i != up.i and up.pos_ not in ("VERB", "AUX"):
        up = up.head
    return t if up.i != verb.i and up.pos_ in ("VERB", "AUX") else None


class DetachedSpeakersComponent:
    """Re-attach each sentence's detached speaker (`detached_speaker`) to its verb of saying as its subject."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for sent in list(doc.sents):
            root = sent.root
            # the verb of saying is the root, or the parser joined it to the root as a second verb ("troops
            # launched an operation ..., the military's media wing said"): then it becomes the root, the clause
            # it reports its complement
            last = max((c for c in root.children if c.dep_ == "conj"), key=lambda c: c.i, default=None)
            for verb in (root, last):
                speaker = detached_speaker(verb) if verb is not None else None
                if speaker is None:
                    continue
                if verb is not root:
                    verb.head, verb.dep_ = verb, "ROOT"
                    root.head, root.dep_ = verb, "ccomp"
                speaker.head, speaker.dep_ = verb, "nsubj"
                break
        return doc


@Language.factory(SPEAKERS_FACTORY, requires=["token.dep", "token.lemma"], assigns=["token.dep"])
def make_detached_speakers(nlp: Language, name: str) -> DetachedSpeakersComponent:
    return DetachedSpeakersComponent(nlp, name)
