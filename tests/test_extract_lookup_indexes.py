"""The word indexes that replace scans (event triggers, claim-frame phrases, stop-word lists) find exactly
what a scan of every entry finds, in the same order."""

from __future__ import annotations

from collections import Counter

import pytest

from _events_helpers import pipeline
from claimgraph.extract.event_lexicon import load_event_lexicon
from claimgraph.extract.event_tallies import without_aggregates
from claimgraph.extract.event_wording import factual, head_of, split_phrase, status_word, to_death
from claimgraph.extract.events import TriggerHit, find_triggers
from claimgraph.extract.triggers import phrases_starting
from claimgraph.ingest.paragraphs import _WORD, load_patterns
from claimgraph.ontology import load_ontology

SENTENCES = [
    "A suicide bomber blew himself up near a police post in Quetta, killing 12 people and wounding 20.",
    "Gunmen stormed a hotel in Kabul on Tuesday night and took several guests hostage.",
    "The Taliban claimed responsibility for the attacks, which followed clashes between troops and militants.",
    "Police arrested three suspects after the bombing of a market in Peshawar.",
    "Leaders of the two groups met in Doha to discuss a ceasefire.",
    "Attacks on security forces have increased since the banned group was sanctioned.",
    "Militants ambushed a convoy and shot dead two soldiers; a roadside bomb later exploded nearby.",
]


def _scan(sent, lex) -> list[TriggerHit]:  # noqa: ANN001 - every trigger × phrase × position, as before
    tokens = list(sent)
    lowers = [t.lower_ for t in tokens]
    lemmas = [t.lemma_.lower() for t in tokens]
    ne = lex.not_events
    hits: list[TriggerHit] = []
    covered: set[int] = set()
    for trig in lex.triggers:
        for phrase in trig.phrases:
            n = len(phrase)
            for i in range(len(tokens) - n + 1):
                k = n  # "opened unprovoked fire": a verb's object a word or two on, as find_triggers reads it
                whole = lowers[i : i + n - 1] == list(phrase[:-1]) and phrase[-1] in (lowers[i + n - 1],
                                                                                      lemmas[i + n - 1])
                if not whole and not (n == 2 and lowers[i] == phrase[0]
                                      and (k := split_phrase(tokens[i], phrase[1]) + 1) > 1):
                    continue
                span = tokens[i : i + k]
                if trig.singular and head_of(span).tag_ in ("NNS", "NNPS"):
                    continue
                if factual(head_of(span), ne, violent=lex.is_violent(trig.mode)) \
                        and not status_word(head_of(span), trig, ne):
                    hits.append(TriggerHit(trig, i, i + k, " ".join(t.text for t in span)))
                    covered.update(range(i, i + k))
    for i, tok in enumerate(tokens):
        if i in covered or tok.is_punct:
            continue
        for trig in lex.triggers:
            if lemmas[i] in trig.lemmas or lowers[i] in trig.lemmas or to_death(tok) and "kill" in trig.lemmas:
                allowed = lex.trigger_pos.get(lemmas[i]) or lex.trigger_pos.get(lowers[i])
                if allowed is not None and tok.pos_ not in allowed:
                    continue
                if tok.pos_ == "PROPN" and tok.ent_type_:
                    continue
                if factual(tok, ne, violent=lex.is_violent(trig.mode)) and not status_word(tok, trig, ne):
                    hits.append(TriggerHit(trig, i, i + 1, tok.text))
                break
    hits.sort(key=lambda h: (h.start, h.trigger.rank))
    return without_aggregates(tokens, hits, lex)


@pytest.mark.parametrize("text", SENTENCES)
def test_find_triggers_finds_what_a_scan_finds(text: str) -> None:
    lex = load_event_lexicon(load_ontology())
    doc = pipeline()(text)
    found = find_triggers(doc, lex)
    # (which hits name the act as what was claimed is read off the parse, the same whichever way they are found)
    assert [(h.trigger, h.start, h.end, h.text) for h in found] == [(h.trigger, h.start, h.end, h.text)
                                                                      for h in _scan(doc, lex)]


def test_some_sentences_have_triggers() -> None:
    lex = load_event_lexicon(load_ontology())
    assert sum(bool(find_triggers(pipeline()(t), lex)) for t in SENTENCES) >= 5


def test_phrases_starting_keeps_the_table_order() -> None:
    table = {("tie", "up"): 1, ("meet",): 2, ("tie",): 3, ("meet", "with"): 4}
    assert phrases_starting(table, "tie") == [("tie", "up"), ("tie",)]
    assert phrases_starting(table, "meet", "tie") == [("tie", "up"), ("meet",), ("tie",), ("meet", "with")]
    assert phrases_starting(table, "meet", "meet") == [("meet",), ("meet", "with")]
    assert phrases_starting(table, "attack") == []


@pytest.mark.parametrize("text", [
    "The police said the attack on the market killed twelve people and that the group had claimed it.",
    "Die Polizei sagte, dass der Angriff auf den Markt zwölf Menschen getötet habe und die Gruppe ihn"
    " für sich reklamiert.",
    "La police a déclaré que l'attaque contre le marché a tué douze personnes et que le groupe l'a revendiquée.",
])
def test_stopwords_for_picks_what_a_scan_of_every_list_picks(text: str) -> None:
    patterns = load_patterns()
    words = Counter(_WORD.findall(text.lower()))
    english = sum(n for w, n in words.items() if w in patterns.stopwords)
    best, best_count = patterns.stopwords, english
    for _, stoplist in patterns.stoplists:
        count = sum(n for w, n in words.items() if w in stoplist)
        if count > best_count * 1.2:
            best, best_count = stoplist, count
    assert best_count >= 0.05 * sum(words.values())
    assert patterns.stopwords_for(text) == best
