"""In-document entity resolution on hand-built sentences (no model)."""

from __future__ import annotations

from _extract_helpers import make_doc
from claimgraph.extract.entities import cluster_mentions, find_mentions, resolve_reference
from claimgraph.extract.types import ParsedSentence
from claimgraph.records import make_id


def _parsed(sentences: list[tuple[list[str], list[str]]]) -> tuple[str, list[ParsedSentence]]:
    parsed, text, pos = [], "", 0
    for words, ents in sentences:
        doc = make_doc(words, ents=ents)
        parsed.append(ParsedSentence(pos, doc))
        text += doc.text + " "
        pos = len(text)
    return text, parsed


def test_short_names_join_the_right_full_name() -> None:
    text, parsed = _parsed([
        (["Mir", "Shafiq", "Mengal", "met", "Rana", "Mohammad", "Ashfaq", "."],
         ["B-PERSON", "I-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "I-PERSON", "O"]),
        (["Mengal", ",", "son", "of", "Nasir", "Mengal", ",", "left", "."],
         ["O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O"]),
        (["Ashfaq", "and", "Mengal", "talked", "."], ["B-NORP", "O", "B-PERSON", "O", "O"]),
    ])
    mentions, _ = find_mentions(parsed, text)
    entities, index = cluster_mentions(mentions, parsed, text, None)
    by_name = {e.name: e for e in entities}
    assert set(by_name) == {"Mir Shafiq Mengal", "Rana Mohammad Ashfaq", "Nasir Mengal"}
    mir = by_name["Mir Shafiq Mengal"]
    # "Mengal" at the start of sentence 2 (missed by the NER) and in sentence 3 are Mir Shafiq Mengal
    assert [m.text for m in mir.mentions] == ["Mir Shafiq Mengal", "Mengal", "Mengal"]
    assert len(by_name["Nasir Mengal"].mentions) == 1
    assert "Ashfaq" in by_name["Rana Mohammad Ashfaq"].aliases
    assert index.at(1, 0) is mir or index.at(1, 0) == mir
    for e in entities:
        assert all(m.check(text) for m in e.mentions)
    assert mir.id == make_id("ent", "person", "mirshafiqmengal")  # the same name shares an id across documents


def test_defined_abbreviation_becomes_alias_and_junk_is_dropped() -> None:
    text, parsed = _parsed([
        (["The", "Joint", "Action", "Front", "(", "JAF", ")", "met", "on", "Monday", "."],
         ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "O", "B-DATE", "O"]),
        (["JAF", "and", "Google", "spoke", "of", "30", "people", "."],
         ["B-ORG", "O", "B-ORG", "O", "O", "B-CARDINAL", "O", "O"]),
    ])
    mentions, dropped = find_mentions(parsed, text, furniture=frozenset({"google"}))
    entities, _ = cluster_mentions(mentions, parsed, text, None)
    assert [(e.name, e.type) for e in entities] == [("Joint Action Front", "organisation")]
    assert "JAF" in entities[0].aliases and len(entities[0].mentions) == 2
    assert ("entity 'Google'", "page furniture") in dropped


def test_pronouns_and_group_nouns_resolve_to_recent_entities() -> None:
    text, parsed = _parsed([
        (["Lashkar", "met", "Ahmed", "Khan", "."], ["B-ORG", "O", "B-PERSON", "I-PERSON", "O"]),
        (["He", "(", "Khan", ")", "said", "its", "men", "left", "."], ["O"] * 9),
    ])
    mentions, _ = find_mentions(parsed, text)
    entities, index = cluster_mentions(mentions, parsed, text, None)
    s2 = parsed[1].sent
    he = resolve_reference(s2[0], 1, parsed[1].start, index)
    its = resolve_reference(s2[5], 1, parsed[1].start, index)
    assert he is not None and he.name == "Ahmed Khan"
    assert its is not None and its.name == "Lashkar"


def test_publication_title_after_magazine() -> None:
    words = ["issues", "of", "its", "magazine", ",", "‘", "Yalgaar", "’", "."]
    text, parsed = _parsed([(words, ["O", "O", "O", "O", "O", "O", "B-PERSON", "O", "O"])])
    mentions, _ = find_mentions(parsed, text, publication_nouns=["magazine"])
    entities, index = cluster_mentions(mentions, parsed, text, None)
    assert [(e.name, e.type) for e in entities] == [("Yalgaar", "publication")]
    assert index.at(0, 6) is not None
