"""A CRF that tags tokens BIO for the SOURCE, CUE and CONTENT of attributions (PARC 3.0 scheme).

    spaCy Doc ─features (shape, lemma, POS, dependency, cue lexicon, quote state, position)─▶ CRF ─▶ BIO tags
    BIO tags ─spans─▶ grouped per sentence around each cue ─▶ attribution dicts {source, cue, content}

Features are computed from the project's spaCy pipeline and the cue lexicon of extract/statements.yaml. Training
and cross-validation live in train.py; this module is what tagging needs (python-crfsuite, which sklearn-crfsuite
wraps).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from spacy.tokens import Doc, Token

LABELS = ("SOURCE", "CUE", "CONTENT")
_QUOTES = frozenset(['“', '”', '"', '«', '»', "''", "``"])
_TOGGLES = frozenset(['"', "''"])  # marks that open or close by position
_CUE_CLASSES = ("speech", "cognition", "agentless", "labelling", "noun_cues", "adverbs")


@cache
def cue_lemmas() -> frozenset[str]:
    """Lower-case lemmas of the cue classes of statements.yaml, and "according"."""
    from ..statements import load_rules

    lex = load_rules().lexicon
    words: set[str] = {"according"}
    for name in _CUE_CLASSES:
        words |= set(lex[name])
    return frozenset(words)


def _shape(text: str) -> str:
    out = []
    for ch in text[:6]:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def _cue_path(tok: Token, cues: frozenset[str]) -> tuple[str, str]:
    """(the dependency label of the step below the nearest cue ancestor, that cue's lemma); ("", "") if none."""
    child, head, depth = tok, tok.head, 0
    while head is not child and depth < 8:
        if head.lemma_.lower() in cues:
            return child.dep_, head.lemma_.lower()
        child, head, depth = head, head.head, depth + 1
    return "", ""


def tokens(doc: Doc) -> list[Token]:
    """The tokens that are tagged: all but whitespace (line breaks inside sentences are common in the corpus)."""
    return [t for t in doc if not t.is_space]


def token_features(doc: Doc) -> list[dict[str, Any]]:
    """One feature dict per token of `tokens(doc)` (sentences must be set)."""
    cues = cue_lemmas()
    inside = False
    rows: list[dict[str, Any]] = []
    for tok in tokens(doc):
        lemma = tok.lemma_.lower()
        sent = tok.sent
        n = len(sent)
        pos_in = tok.i - sent.start
        dep_to_cue, cue_lemma = _cue_path(tok, cues)
        f: dict[str, Any] = {
            "bias": 1.0,
            "lower": tok.lower_,
            "lemma": lemma,
            "shape": _shape(tok.text),
            "pos": tok.pos_,
            "tag": tok.tag_,
            "dep": tok.dep_,
            "head_lemma": tok.head.lemma_.lower(),
            "head_pos": tok.head.pos_,
            "cue": lemma in cues,
            "head_cue": tok.head.lemma_.lower() in cues,
            "dep_to_cue": dep_to_cue,
            "cue_above": cue_lemma,
            "quote": tok.text in _QUOTES,
            "in_quote": inside,
            "ent": tok.ent_type_,
            "sent_first": pos_in == 0,
            "sent_last": pos_in == n - 1,
            "sent_pos": min(4, int(5 * pos_in / max(n, 1))),
            "after_colon": any(t.text == ":" for t in sent[: pos_in]),
        }
        if tok.text in _QUOTES:
            inside = not inside if tok.text in _TOGGLES else tok.text in ("“", "«", "``")
        rows.append(f)
    for i, f in enumerate(rows):
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < len(rows):
                g = rows[j]
                for k in ("lower", "pos", "dep", "cue", "in_quote", "quote"):
                    f[f"{off}:{k}"] = g[k]
            else:
                f[f"{off}:edge"] = True
    return rows


def bio_labels(doc: Doc, spans: Iterable[tuple[str, int, int]], offset: int = 0) -> list[str]:
    """BIO tags of `doc`'s tokens for (label, start, end) character spans of the text `doc` was made from
    starting at `offset`. Later spans overwrite earlier ones (pass contents first, then cues and sources)."""
    toks = tokens(doc)
    tags = ["O"] * len(toks)
    for label, start, end in spans:
        first = True
        for n, tok in enumerate(toks):
            if start <= tok.idx + offset < end:
                tags[n] = ("B-" if first else "I-") + label
                first = False
    return tags


def spans_of(doc: Doc, tags: Sequence[str], offset: int = 0) -> list[tuple[str, int, int, int]]:
    """(label, start char, end char, sentence start token) of each tagged span; an I- after another label opens
    a span, and a content span runs on across a sentence break (quotes spanning sentences)."""
    out: list[tuple[str, int, int, int]] = []
    cur: list[Any] | None = None
    for tok, tag in zip(tokens(doc), tags, strict=True):
        if tag == "O":
            cur = None
            continue
        kind, label = tag.split("-", 1)
        if cur is not None and kind == "I" and cur[0] == label and (
                label == "CONTENT" or tok.sent.start == cur[3]):
            cur[2] = tok.idx + len(tok.text) + offset
            continue
        cur = [label, tok.idx + offset, tok.idx + len(tok.text) + offset, tok.sent.start]
        out.append(cur)  # type: ignore[arg-type]
    return [tuple(c) for c in out]  # type: ignore[misc]


def group(spans: Sequence[tuple[str, int, int, int]], text: str) -> list[dict[str, Any]]:
    """Attributions from tagged spans: each cue takes the nearest source and the nearest content of its
    sentence (a content may begin in an earlier sentence and run into the cue's)."""
    def span(s: tuple[str, int, int, int]) -> dict[str, Any]:
        return {"start": s[1], "end": s[2], "text": text[s[1] : s[2]]}

    cues = [s for s in spans if s[0] == "CUE"]
    out = []
    for c in cues:
        def nearest(label: str, c: tuple[str, int, int, int] = c) -> tuple[str, int, int, int] | None:
            same = [s for s in spans if s[0] == label and (s[3] == c[3] or (
                label == "CONTENT" and s[1] <= c[1] <= s[2] + 400))]
            return min(same, key=lambda s: min(abs(s[1] - c[2]), abs(c[1] - s[2])), default=None)

        src, content = nearest("SOURCE"), nearest("CONTENT")
        out.append({"source": span(src) if src else None, "cue": span(c),
                    "content": span(content) if content else None,
                    "kind": None, "parent": None})
    return out


def tag(model_path: str, rows: list[dict[str, Any]]) -> list[str]:
    import pycrfsuite

    tagger = _tagger(model_path)
    if not rows:
        return []
    return list(tagger.tag(pycrfsuite.ItemSequence(rows)))


@cache
def _tagger(model_path: str) -> Any:  # noqa: ANN401 - a pycrfsuite.Tagger
    import pycrfsuite

    t = pycrfsuite.Tagger()
    t.open(model_path)
    return t
