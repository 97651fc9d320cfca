"""Token ranges of a statement's parts in one parsed sentence: the source's noun phrase, the cue's verb group
and the content's clause boundaries (the span rules of bench/attribution/GUIDELINE.md). Pure functions of a parsed
spaCy Doc, used by the statement finder (statements.py)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .statement_rules import Lexicon, load_rules


def unglued(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """A cue without the clitic auxiliary it starts with when that is written onto the word before ("they're
    saying", "I'm not sure": a span does not cut a written word in two), nor line breaks at its ends."""
    while hi - lo > 1 and doc[hi - 1].is_space:
        hi -= 1
    while hi - lo > 1 and lo > 0 and not doc[lo - 1].whitespace_ and doc[lo - 1].is_alpha \
            and doc[lo].text[:1] in {"'", "’"} and doc[lo].dep_ in {"aux", "auxpass", "cop", "ROOT"}:
        lo += 1
    return lo, hi


def infinitive_group(cue: Token) -> set[int]:
    """The words an infinitive cue takes from the verb it depends on: its "to" ("lead me to believe"), and, when
    that verb's own subject is the speaker, the verb and its auxiliaries too ("he expects to announce that …",
    "has refused to say whether …")."""
    doc = cue.doc
    to = next((c for c in cue.children if c.tag_ == "TO" and c.dep_ == "aux" and c.i < cue.i), None)
    if cue.dep_ != "xcomp" or to is None or any(not (t.is_space or t.head == cue and t.dep_ in {"aux", "neg", "advmod"})
                                                for t in doc[to.i + 1 : cue.i]):
        return set()
    head = cue.head
    if head.pos_ != "VERB":
        return set()  # "his response was to warn that …"
    out = {to.i}
    if head.i < to.i and all(t.is_space for t in doc[head.i + 1 : to.i]) \
            and any(c.dep_ == "nsubj" for c in head.children) \
            and not any(c.dep_ in {"dobj", "auxpass", "nsubjpass"} for c in head.children):
        out.add(head.i)
        i = head.i - 1
        while i >= 0 and (doc[i].is_space or doc[i].head == head and doc[i].dep_ in {"aux", "neg"}):
            out.add(i)
            i -= 1
        out = {k for k in out if not doc[k].is_space}
    return out


def before_rejoinder(doc: Doc, lo: int, hi: int, lex: Lexicon) -> int:
    """The end of a reported clause before a closing apposition that answers it ("…, a claim the Taliban denied",
    "…, an allegation Kabul rejected"): the apposition is the narrator's, not part of what was said."""
    for t in doc[lo:hi]:
        if t.dep_ == "appos" and t.lemma_.lower() in lex["noun_cues"] | lex["report_nouns"] \
                and t.right_edge.i + 1 >= hi and t.left_edge.i > lo and doc[t.left_edge.i - 1].text == "," \
                and any(c.dep_ in {"relcl", "acl"} for c in t.children):
            return t.left_edge.i - 1
    return hi


def before_speaker(doc: Doc, cue: Token, noun: Token) -> tuple[int, int] | None:
    """The content of a closing speaker clause parsed as a relative clause on the noun before it ("…, while 10,000
    have fled, the UN mission Minusca has said."): what comes before the comma that opens the speaker's phrase. The
    speaker clause must close the sentence and say nothing of its own."""
    lo = noun.left_edge.i
    after = [t for t in doc[cue.i + 1 :] if not (t.is_punct or t.is_space or t.text.startswith("["))]  # "said.[142]"
    lex = load_rules().lexicon
    if noun.lemma_.lower() in lex["noun_cues"] | lex["report_nouns"] | lex["held_nouns"]:
        return None  # "…, a claim the Taliban denied": the clause is about the claim, not a speaker's phrase
    if lo < 2 or doc[lo - 1].text != "," or after or noun.i > cue.i \
            or any(c.dep_ in {"ccomp", "dobj", "xcomp", "parataxis"} for c in cue.children):
        return None
    return trim(doc, first_word(doc), lo - 1)


def before_own_subject(doc: Doc, cue: Token, subject: Token, lex: Lexicon) -> tuple[int, int] | None:
    """The content of a closing speaker clause written without its comma and parsed as a relative clause on the
    noun before it ("… along the Panyagoor-Duk road a local official said."): the sentence up to the speaker, who
    must be one who speaks (an official, the police, a named person or body), the noun the parser hung it on must
    close a phrase of place or time ("the things the minister said" stays a relative clause), and the clause must
    close the sentence and say nothing of its own."""
    speakers = lex["anonymous"] | lex["organisation"] | lex["spokespeople"] | lex["media"] | lex["documents"]
    lo = subject.left_edge.i
    after = [t for t in doc[cue.i + 1 :] if not (t.is_punct or t.is_space or t.text.startswith("["))]
    if after or lo < 3 or doc[lo - 1].is_punct or subject.i > cue.i or cue.head.dep_ not in {"pobj", "npadvmod"} \
            or not (
            subject.lemma_.lower() in speakers or subject.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}) \
            or any(c.dep_ in {"ccomp", "dobj", "xcomp", "parataxis", "mark"} or c.tag_ in {"WDT", "WP"}
                   for c in cue.children):
        return None
    return trim(doc, first_word(doc), lo)


ASIDE_MARKS = frozenset({",", "--", "—", "–", "(", ";"})


REF_MARK = re.compile(r"\[\d*\]?")


def around_phrase(doc: Doc, cue: Token) -> tuple[int, int] | None:
    """The content of "according to X" / "as per X": the sentence less the phrase. A phrase at the end
    ("…, according to officials") attributes what comes before it; one at the start or in the middle ("partly
    because, according to the general, the date …") what comes after it, up to a second "according to" joined
    on ("…, and according to other officials, …"), which attributes the rest to someone else."""
    lo, hi = cue.left_edge.i, cue.right_edge.i + 1
    to = next((c for c in cue.children if c.lower_ in {"to", "per"}), None)
    who = None if to is None else next((c for c in to.children if c.dep_ == "pobj"), None)
    if who is not None and cue.i < cue.head.i and hi < len(doc) and not doc[hi].is_punct:
        # "According to Embark's president David Wheeler, the speaking fee would be …": a phrase not closed by a
        # comma whose last apposition runs into the clause; that apposition is the clause's subject
        appos = [c for c in who.rights if c.dep_ == "appos" and doc[c.left_edge.i - 1].text == ","]
        if appos and appos[-1].right_edge.i + 1 == hi:
            hi = appos[-1].left_edge.i
    # words: not the "_" of "_The Post_" markup nor a reference marker (".[12]")
    words = [t.i for t in doc if any(ch.isalnum() for ch in REF_MARK.sub("", t.text))]
    if not words:
        return None
    if hi > words[-1]:
        return trim(doc, words[0], lo)
    end = len(doc)
    for t in doc[hi:]:
        if t.lower_ in {"according", "per"} and t.i > hi and doc[t.i - 1].lower_ in {"and", "but", ",", "as"}:
            end = t.i - 1
            while end > hi and doc[end - 1].lower_ in {"and", "but", ",", "while"}:
                end -= 1
            break
    return trim(doc, hi, end)


def phrase(head: Token, cue: tuple[int, int], content: tuple[int, int] | None) -> tuple[int, int] | None:
    """The source's noun phrase: the head's subtree, kept clear of the cue and the content."""
    doc = head.doc
    relcl = None
    if head.tag_ in {"WDT", "WP"} and head.head.dep_ == "relcl":
        relcl = head.head
        head = relcl.head  # "the report, which said …", "those who say …": the report, those
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ in {"NOUN", "PRON", "NUM"}:
            head = head.head.head  # "a lot of pundits who thought", "members of the panel who said": the whole
    while head.dep_ == "conj" and head.head.pos_ in {"NOUN", "PROPN", "PRON"} and head.head.i < head.i \
            and not cue[0] <= head.head.i < cue[1] and not any(cue[0] <= c.i < cue[1] for c in head.children):
        head = head.head  # "the minister and the general said": both speak
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    if relcl is not None:
        hi = min(hi, relcl.left_edge.i)
    if head.i >= cue[1]:  # "…, said Bugti, who added that …": a statement of the speaker's own is not their name
        says = load_rules().lexicon["speech"] | load_rules().lexicon["cognition"]
        hi = min([hi, *(c.left_edge.i for c in head.rights if c.dep_ in {"relcl", "acl"}
                        and doc[c.left_edge.i - 1].text == "," and c.lemma_.lower() in says)])
    if hi < len(doc) and doc[hi - 1].dep_ == "cc" and head.dep_ == "nsubj":
        # a coordination parsed as two subjects ("a lot of generals and even a lot of pundits believe")
        other = next((t for t in head.head.children if t.dep_ == "nsubj" and t.i >= hi), None)
        if other is not None and other.right_edge.i < cue[0]:
            hi = other.right_edge.i + 1
    elif hi < len(doc) and head.dep_ == "nsubj":  # a name right after its description, parsed as a second
        # subject ("the UN relief mission Unara has said")
        other = next((t for t in head.head.children if t.dep_ == "nsubj" and t.left_edge.i == hi
                      and t.pos_ == "PROPN"), None)
        if other is not None and other.right_edge.i < cue[0]:
            hi = other.right_edge.i + 1
    as_ = next((c for c in head.head.children if c.dep_ == "prep" and c.lower_ == "as" and c.i < lo), None)
    obj = None if as_ is None else next((c for c in as_.children if c.dep_ == "pobj"), None)
    if head.dep_ == "nsubj" and obj is not None and obj.pos_ in {"NOUN", "PROPN"} and lo >= 2 \
            and doc[lo - 1].text == "," and obj.right_edge.i == lo - 2:
        lo = obj.left_edge.i  # "As the Commandant of the Police, General Aslam, said": the title is the speaker's
    for c in head.rights:  # "the Journal in an article": the channel is not the speaker
        obj = next((g for g in c.children if g.dep_ == "pobj"), None)
        if c.dep_ == "prep" and c.lower_ in {"in", "on"} and obj is not None and is_channel(obj):
            hi = min(hi, c.left_edge.i)
        when = obj if c.dep_ == "prep" and c.lower_ in {"on", "in", "at"} else c if c.dep_ == "npadvmod" else None
        if when is not None and when.ent_type_ in {"DATE", "TIME"}:
            hi = min(hi, c.left_edge.i)  # "said Ahmad Khan, the governor, on Monday", "A former official in
            # October 2001 described …": the day is not the speaker
    for c in head.lefts:  # "In its report, The New York Times noted": the channel hung on the speaker
        if c.dep_ == "prep" and c.right_edge.i + 1 < head.i and doc[c.right_edge.i + 1].text == ",":
            lo = max(lo, c.right_edge.i + 2)
    around = content is not None and content[0] <= cue[0] < content[1]  # a speaker clause set inside its report
    for a, b in (cue,) if around or content is None else (cue, content):
        if a <= head.i < b:
            return None
        if a < hi and b > lo:  # an overlap with the cue or content: keep the side the head is on
            lo, hi = (max(lo, b), hi) if head.i >= b else (lo, min(hi, a))
    if lo > 0 and doc[lo - 1].lower_ == "then" and doc[lo - 1].tag_ == "RB" and not cue[0] <= lo - 1 < cue[1]:
        lo -= 1  # "then President Bush said": the time of the title goes with the speaker
    while hi - 1 > lo and doc[hi - 1].dep_ == "case":  # "Obama's claim": the possessor without "'s"
        hi -= 1
    return trim(doc, lo, hi)


def first_word(doc: Doc) -> int:
    return next((t.i for t in doc if not (t.is_punct or t.is_quote or t.is_space)), 0)


def is_channel(tok: Token) -> bool:
    """Whether a noun names where something was said (an article, a statement, an interview)."""
    return tok.lemma_.lower() in load_rules().lexicon["documents"]


def without_connective(doc: Doc, span: tuple[int, int]) -> tuple[int, int] | None:
    """A content range without a sentence-initial connective ("Additionally,", "However,", "But")."""
    lo, hi = span
    first = next((t.i for t in doc if not (t.is_punct or t.is_quote or t.is_space)), 0)
    tok = doc[lo]
    if lo == first and hi - lo > 2 and tok.dep_ in {"advmod", "cc"} and tok.pos_ in {"ADV", "CCONJ"} \
            and (doc[lo + 1].text == "," or tok.pos_ == "CCONJ"):
        return trim(doc, lo + (2 if doc[lo + 1].text == "," else 1), hi)
    return span


def trim(doc: Doc, lo: int, hi: int) -> tuple[int, int] | None:
    """Drop punctuation, quote marks and a leading complementizer from both ends of a token range; a closing
    quote mark whose opening mark is inside the range stays ("its magazine, ‘Yalgaar’")."""
    while lo < hi and (doc[lo].is_punct or doc[lo].is_quote or doc[lo].is_space
                       or (doc[lo].dep_ == "mark" and doc[lo].lower_ in {"that", "whether"})
                       or (doc[lo].tag_ == "WRB" and doc[lo].lower_ == "how" and hi - lo > 3
                           and doc[lo + 1].pos_ not in {"ADJ", "ADV"})):  # "how volatile it is" stays whole
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_quote or doc[hi - 1].is_space) \
            and doc[hi - 1].text not in {")", "]"}:
        last = doc[hi - 1].text
        if last in PAIRS and any(t.text == PAIRS[last] for t in doc[lo : hi - 1]):
            break
        if last == '"' and sum(t.text == '"' for t in doc[lo : hi - 1]) % 2:
            break  # the closing mark of a quotation opened inside: 'are "weak" and "have problems."'
        hi -= 1
    return (lo, hi) if hi > lo else None


PAIRS = {"’": "‘", "”": "“"}
