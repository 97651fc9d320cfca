"""Casualty counts: number phrases as ranges (pure) and victims vs attackers in parsed sentences."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from claimgraph.extract.quantities import (
    Casualties,
    add,
    find_casualties,
    merge_casualties,
    parse_count,
    point,
    subtract,
)
from claimgraph.records import Quantity


@pytest.mark.parametrize(
    ("text", "lo", "hi", "approx"),
    [
        ("around 30", 30, 30, True),
        ("about 20", 20, 20, True),
        ("nearly 150", 150, 150, True),
        ("at least five", 5, None, False),
        ("At least 183", 183, None, False),
        ("more than 20", 21, None, False),
        ("over 2 dozen", 25, None, False),
        ("fewer than 10", None, 9, False),
        ("up to 70", None, 70, False),
        ("Seven", 7, 7, False),
        ("twenty-four", 24, 24, False),
        ("1,844", 1844, 1844, False),
        ("a", 1, 1, False),
        ("another one", 1, 1, False),
        ("a dozen", 12, 12, False),
        # vague words state that people died, not how many: no number
        ("dozens", None, None, True),
        ("hundreds", None, None, True),
        ("several", None, None, True),
        ("20 to 30", 20, 30, False),
        ("between 135 and 300", 135, 300, False),
        ("no 1", 0, 0, False),
        ("the two", 2, 2, False),
    ],
)
def test_parse_count(text: str, lo: int | None, hi: int | None, approx: bool) -> None:
    q = parse_count(text)
    assert q is not None
    assert (q.min, q.max, q.approximate) == (lo, hi, approx)
    assert q.text == text


@pytest.mark.parametrize("text", ["", "people", "at least", "the attack", "Kabul"])
def test_parse_count_rejects_non_numbers(text: str) -> None:
    assert parse_count(text) is None


def test_add_keeps_open_bounds_open() -> None:
    total = add(Quantity(3, 3, text="three"), Quantity(1, None, text="at least one"))
    assert (total.min, total.max) == (4, None)
    assert add(None, Quantity(2, 2)) == Quantity(2, 2)


def test_add_keeps_a_known_lower_bound_beside_an_unknown_count() -> None:
    # "killed at least 30 soldiers ... killed dozens of insurgents": at least 30 died, however many more
    total = add(Quantity(30, None, text="at least 30 soldiers"), Quantity(None, None, True, "dozens"))
    assert (total.min, total.max) == (30, None)
    assert add(Quantity(None, None), Quantity(None, None)).min is None


def test_subtract_only_takes_out_exact_parts() -> None:
    assert subtract(Quantity(12, 12), Quantity(2, 2)) == Quantity(10, 10)
    assert subtract(Quantity(12, 12), Quantity(2, None)) == Quantity(12, 12)


def test_point_is_exact_else_lower_else_upper_bound() -> None:
    assert point(Quantity(30, 30, True)) == 30
    assert point(Quantity(5, None)) == 5
    assert point(Quantity(None, 70)) == 70
    assert point(None) is None


def test_merge_keeps_first_stated_value() -> None:
    first = Casualties(killed=Quantity(62, None))
    later = Casualties(killed=Quantity(20, 20), wounded=Quantity(100, 100))
    merged = merge_casualties([first, later])
    assert merged.killed == Quantity(62, None)
    assert merged.wounded == Quantity(100, 100)


def _doc(words: list[str], heads: list[int], deps: list[str], pos: list[str], tags: list[str],
         lemmas: list[str]) -> Doc:
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas,
              sent_starts=[True] + [False] * (len(words) - 1))
    return doc


def test_conjoined_victims_add_up_hand_built() -> None:
    # "... struck a van, killing three Chinese citizens and their Pakistani driver."
    words = ["bomber", "struck", "van", ",", "killing", "three", "Chinese", "citizens", "and", "their",
             "Pakistani", "driver", "."]
    heads = [1, 1, 1, 1, 1, 7, 7, 4, 7, 11, 11, 7, 1]
    deps = ["nsubj", "ROOT", "dobj", "punct", "advcl", "nummod", "amod", "dobj", "cc", "poss", "amod", "conj",
            "punct"]
    pos = ["NOUN", "VERB", "NOUN", "PUNCT", "VERB", "NUM", "ADJ", "NOUN", "CCONJ", "PRON", "ADJ", "NOUN", "PUNCT"]
    tags = ["NN", "VBD", "NN", ",", "VBG", "CD", "JJ", "NNS", "CC", "PRP$", "JJ", "NN", "."]
    lemmas = ["bomber", "strike", "van", ",", "kill", "three", "chinese", "citizen", "and", "their", "pakistani",
              "driver", "."]
    doc = _doc(words, heads, deps, pos, tags, lemmas)
    found = find_casualties(doc[:])
    assert found.killed == Quantity(4, 4, False, "three Chinese citizens + their Pakistani driver")
    assert found.attackers_killed is None


def test_attacker_is_counted_apart_hand_built() -> None:
    # "... killing herself and a soldier"
    words = ["killing", "herself", "and", "a", "soldier"]
    heads = [0, 0, 1, 4, 1]
    deps = ["ROOT", "dobj", "cc", "det", "conj"]
    pos = ["VERB", "PRON", "CCONJ", "DET", "NOUN"]
    tags = ["VBG", "PRP", "CC", "DT", "NN"]
    lemmas = ["kill", "herself", "and", "a", "soldier"]
    found = find_casualties(_doc(words, heads, deps, pos, tags, lemmas)[:])
    assert found.killed == Quantity(1, 1, False, "a soldier")
    assert found.attackers_killed == Quantity(1, 1, False, "herself")


# --------------------------------------------------------------------------- real parses


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "killed", "wounded", "attackers"),
    [
        ("The latest impetus came about in the wake of an attack by the Baloch Liberation Army on ISKP's "
         "Mastung camp in March that killed around 30 of its fighters.", (30, 30, True), None, None),
        ("A female suicide bomber struck a van near the University of Karachi's Confucius Institute, killing "
         "three Chinese citizens and their Pakistani driver.", (4, 4, False), None, None),
        ("Seven people, including Hamish, were killed and four others injured.", (7, 7, False),
         (4, 4, False), None),
        ("Three people were killed and 28 injured.", (3, 3, False), (28, 28, False), None),
        ("At least 26 people were killed, along with the 4 attackers.", (26, None, False), None,
         (4, 4, False)),
        ("Over 50 were injured.", None, (51, None, False), None),
        ("A bombing attack at the mosque killed 33 people and injured 43 others.", (33, 33, False),
         (43, 43, False), None),
        ("The blast killed at least 20 people and another 29 were injured.", (20, None, False),
         (29, 29, False), None),
        ("Only the attacker was killed.", None, None, (1, 1, False)),
        # a list the parser reads as an apposition adds up; a total followed by its parts does not
        ("Two Americans, a Swiss and a Dutch national were killed and 2 others injured in a terrorist attack "
         "in the Danghara district of the Khatlon region in Tajikistan.", (4, 4, False), (2, 2, False), None),
        ("A suicide bombing at a checkpoint killed 40 people, 6 security personnel and 34 civilians.",
         (40, 40, False), None, None),
        # "claimed N lives"
        ("A suicide bombing on a house in Lashkargah claimed 7 civilians lives and another 6 were injured.",
         (7, 7, False), (6, 6, False), None),
        # "the death of 2 people and the wounding of 5 others": "death" under "resulting in", not "to death"
        ("In late morning on 4 April 2020, a knife attack occurred in Romans sur Isere, Auvergne Rhone Alpes, "
         "France, resulting in the death of 2 people and the wounding of 5 others.", (2, 2, False),
         (5, 5, False), None),
        # the victims parsed as the subject of a later "killed": the wounded object is not shared
        ("A suicide bomber detonated himself near security personal vehicles close to a polio centre in a town "
         "near Balochistan's largest city, killing at least 15 people, including 13 policemen and 1 soldier "
         "killed and wounding another 25, including 18 policemen, 2 soldiers and 6 civilians.",
         (15, None, False), (25, 25, False), None),
        # a list entry's day before the count is no range ("5 OCTOBER - 21": the parser hangs 5 on 21)
        ("-   5 OCTOBER - 21 people, including a police constable, were killed and more than 30 injured in an "
         "explosion at a shrine in Fatehpur.", (21, 21, False), (31, None, False), None),
        # a headline's passive without "were", after a list entry's day
        ("-   16 FEBRUARY - Three soldiers killed including an army captain, two injured in an IED explosion in "
         "Awaran.", (3, 3, False), (2, 2, False), None),
        # list items the parser made an apposition and a second subject; a number word it took for a name's part
        ("Two police officers, one civilian, and one assailant were killed, and 12 others were injured.",
         (3, 3, False), (12, 12, False), (1, 1, False)),
        ("Forty CRPF personnel and the bomber were killed, and five others were injured.", (40, 40, False),
         (5, 5, False), (1, 1, False)),
        ("The commanding officer of 46 AR, his wife, his son and four riflemen were killed.", (7, 7, False), None,
         None),
        # a phrasal verb of killing; more dead "also" killed in the same sentence add up
        ("Police gunned down two suspected smugglers near the border.", (2, 2, False), None, None),
    ],
)
def test_casualties_in_real_sentences(sentence: str, killed: tuple | None, wounded: tuple | None,
                                      attackers: tuple | None) -> None:
    from _events_helpers import pipeline

    doc = pipeline()(sentence)
    found = merge_casualties(find_casualties(s) for s in doc.sents)

    def triple(q: Quantity | None) -> tuple | None:
        return None if q is None else (q.min, q.max, q.approximate)

    assert (triple(found.killed), triple(found.wounded), triple(found.attackers_killed)) == (
        killed, wounded, attackers)


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "killed", "attackers", "revised"),
    [
        ("Police said the death toll rose to 12.", (12, 12), None, True),
        ("Local reports later suggested the death toll was over 100.", (101, None), None, True),
        ("The toll has climbed to 15, officials said.", (15, 15), None, True),
        ("Four militants and an army commando were killed.", (1, 1), (4, 4), False),
        ("15 police personnel and a driver were killed.", (16, 16), None, False),
    ],
)
def test_tolls_and_subjects(sentence: str, killed: tuple, attackers: tuple | None, revised: bool) -> None:
    from _events_helpers import pipeline

    found = merge_casualties(find_casualties(s) for s in pipeline()(sentence).sents)
    assert found.killed is not None and (found.killed.min, found.killed.max) == killed
    assert (None if found.attackers_killed is None else (found.attackers_killed.min, found.attackers_killed.max)) \
        == attackers
    assert found.revised is revised


def test_a_revision_supersedes_only_killed_counts_before_it() -> None:
    from claimgraph.extract.quantities import Casualties

    first = Casualties(Quantity(9, 9), Quantity(20, 20))
    revision = Casualties(Quantity(12, 12), revised=True)
    later = Casualties(Quantity(3, 3))  # a partial count after the revision does not replace it
    merged = merge_casualties([first, revision, later])
    assert (merged.killed, merged.wounded, merged.revised) == (Quantity(12, 12), Quantity(20, 20), True)


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "additive"), [
    ("Four more people were killed in a second blast.", True),
    ("A policeman was also killed.", True),
    # "more than" bounds the count: not more dead on top of those told before
    ("More than 20 people were killed in the attack.", False),
    ("No more than 150 people in total had been killed.", False),
])
def test_more_dead_or_a_bound_on_the_count(sentence: str, additive: bool) -> None:
    from _events_helpers import pipeline

    assert find_casualties(next(iter(pipeline()(sentence).sents))).additive is additive
