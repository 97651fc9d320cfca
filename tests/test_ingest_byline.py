"""Bylines: clean_text finds who wrote or spoke a text, and to_document passes it on as Document.author."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from _ingest_helpers import corpus_dir, seed_article
from claimgraph.ingest import clean_text
from claimgraph.ingest.byline import find_byline
from claimgraph.ingest.documents import load_documents

ARTICLE = "\n".join(
    [
        "Home",
        "World",
        "Rebels seize border town after two-day siege",
        "",
        "By Jane Doe and Omar al-Rashid - November 18, 2019 9:24 pm ET",
        "",
        "Rebel fighters took control of the border town on Monday after a two-day siege, residents and "
        "officials said, in the most serious advance of the group this year.",
        "",
        "The army said it had withdrawn its units to avoid casualties among civilians, and that "
        "reinforcements were on their way to the area.",
        "",
        "Share this article",
        "",
    ]
)


@pytest.mark.parametrize(
    ("line", "author", "date"),
    [
        ("By Jane Doe", "Jane Doe", None),
        ("BY JOHN SMITH | Reuters", "JOHN SMITH", None),
        ("Written by Ali al-Hassan | Updated: Oct 7, 2025", "Ali al-Hassan", "2025-10-07"),
        ("Mr. VAN HOLLEN — 17 March 2010", "Mr. VAN HOLLEN", "2010-03-17"),
        ("Mr. BURTON of Indiana — 23 May 2007", "Mr. BURTON of Indiana", "2007-05-23"),
    ],
)
def test_byline_lines(line: str, author: str, date: str | None) -> None:
    found = find_byline(line)
    assert found is not None and found.author == author
    assert (found.published.value if found.published else None) == date


@pytest.mark.parametrize(
    "line",
    [
        "By clicking subscribe you agree to our terms",
        "By the time the army arrived, the town had fallen.",
        "By staff",
        "By Invitation",
        "By Any Means Necessary",
        "Letters To The Editor",
        "Rebels seize border town after two-day siege",
    ],
)
def test_sentences_and_headlines_are_not_bylines(line: str) -> None:
    assert find_byline(line) is None


def test_bare_by_takes_the_name_on_the_next_line() -> None:
    found = find_byline("By", "Randy Maniloff")
    assert found is not None and found.author == "Randy Maniloff"
    assert find_byline("By", "Sign up for our newsletter today.") is None


def test_news_byline_gives_author_and_date_and_leaves_the_text() -> None:
    cleaned = clean_text(ARTICLE)
    assert cleaned.author == "Jane Doe and Omar al-Rashid"
    assert cleaned.published is not None and cleaned.published.value == "2019-11-18"
    assert "By Jane Doe" not in cleaned.text
    assert cleaned.text.startswith("Rebels seize border town after two-day siege")
    assert "reinforcements were on their way" in cleaned.text


def test_congressional_record_speaker_is_the_author() -> None:
    raw = (corpus_dir() / "congressional-record" / "00f2b8fe772c44baa33dab05fde02079.md").read_text("utf-8")
    cleaned = clean_text(raw)
    assert cleaned.author == "Mr. VAN HOLLEN"
    assert cleaned.published is not None and cleaned.published.value == "2010-03-17"
    assert "Mr. VAN HOLLEN. Madam Speaker, I rise" in cleaned.text


def test_seed_article_has_no_invented_author() -> None:
    assert clean_text(seed_article().read_text("utf-8")).author is None


def test_documents_carry_the_author(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, "utf-8")
    line = {"id": "x", "text": "Lashkar-e-Taiba denied it.", "author": "Press Trust of India"}
    (tmp_path / "b.jsonl").write_text(json.dumps(line) + "\n", "utf-8")
    docs = {Path(d.source).name: d for d in load_documents([str(tmp_path)])}  # type: ignore[union-attr]
    assert docs["a.txt"].author == "Jane Doe and Omar al-Rashid"
    assert docs["b.jsonl"].author == "Press Trust of India"


def test_the_author_note_after_the_article_is_cut() -> None:
    note = "Jane Doe is a correspondent covering security in the region. She was previously based in Kabul."
    bio = f"{ARTICLE.replace('Share this article', '')}\n{note}\n"
    text = clean_text(bio).text
    assert "reinforcements were on their way" in text
    assert "Jane Doe is a correspondent" not in text
