"""clean_text / clean_html on real text: the seed article's site furniture goes, its paragraphs stay."""

from __future__ import annotations

import pytest

from _ingest_helpers import corpus_dir, seed_article
from claimgraph.errors import InputError
from claimgraph.ingest import clean_html, clean_text, parse_date
from claimgraph.records import Precision

FURNITURE = [
    "scorecardresearch",
    "Add as a preferred source on Google",
    "Support Our Journalism",
    "India needs fair, non-hyphenated and questioning journalism",
    "Sustaining this needs support from wonderful readers like you.",
    "take a paid subscription by clicking here",
    "Follow Us :",
    "Text Size:",
    "HomeDefence",
    "Also Read:",
    "Subscribe to our channels on YouTube, Telegram & WhatsApp",
    "LEAVE A REPLY",
    "Please enter your comment!",
    "Please enter your name here",
    "Most Popular",
]

KEPT = [
    "ISKP & Lashkar converging under aegis of Pakistan’s ISI to take on Baloch fighters",
    "ISKP, a sub-continental branch of the Islamic State, is said to have vowed to extend operations in "
    "Kashmir, on encouragement from Pakistan’s security establishment.",
    "New Delhi: Indian intelligence agencies have picked up signs indicating that Pakistan’s security "
    "establishment is facilitating collaboration between terrorist organisations Lashkar-e-Taiba and "
    "Islamic State Khorasan Province (ISKP) to target Baloch activists as well as insurgents in "
    "Balochistan province.",
    "In the photo, ISKP’s coordinator in Balochistan, Mir Shafiq Mengal, is seen handing over a pistol "
    "as a gift to senior Lashkar commander Rana Mohammad Ashfaq.",
    "“The LeT–ISKP collaboration under ISI’s supervision marks a dangerous shift in Pakistan’s terror "
    "ecosystem where ideologically distinct extremist groups are merging into a single, State-backed "
    "apparatus to serve Islamabad’s geopolitical and sectarian objectives across South Asia,” the source "
    "explained.",
]


@pytest.fixture(scope="module")
def seed() -> str:
    return seed_article().read_text("utf-8")


@pytest.mark.parametrize("line", FURNITURE)
def test_seed_furniture_is_removed(seed: str, line: str) -> None:
    assert line in seed  # the fixture really has it
    assert line not in clean_text(seed).text


def test_seed_keeps_every_article_paragraph_verbatim(seed: str) -> None:
    cleaned = clean_text(seed).text
    for paragraph in KEPT:
        assert paragraph in cleaned
    body = [line for line in seed.splitlines() if len(line) > 150 and "ThePrint –" not in line]
    assert len(body) >= 12
    missing = [line[:60] for line in body if line.strip() not in cleaned]
    assert missing == []


def test_seed_title_and_dateline(seed: str) -> None:
    cleaned = clean_text(seed)
    assert cleaned.title == KEPT[0]
    assert cleaned.text.startswith(KEPT[0])
    assert cleaned.published is not None
    assert (cleaned.published.value, cleaned.published.precision) == ("2025-10-07", Precision.DAY)
    assert "Tuesday, October 7, 2025" not in cleaned.text


def test_clean_text_is_stable_on_its_own_output(seed: str) -> None:
    once = clean_text(seed).text
    assert clean_text(once).text == once


def test_congressional_record_speech_comes_through() -> None:
    folder = corpus_dir() / "congressional-record"
    raw = (folder / "00f2b8fe772c44baa33dab05fde02079.md").read_text("utf-8")
    cleaned = clean_text(raw)
    assert cleaned.title == "H. CON. RES. 248, THE AFGHANISTAN WAR POWERS ACT"
    assert cleaned.published is not None and cleaned.published.value == "2010-03-17"
    # hard-wrapped lines are joined, also across the page break after "The immediate"
    assert "I rise in opposition to this resolution. The immediate withdrawal of American" in cleaned.text
    words_in, words_out = len(raw.split()), len(cleaned.text.split())
    assert words_out >= 0.95 * words_in - 20


def test_wikipedia_article_and_tables_come_through() -> None:
    folder = corpus_dir() / "wikipedia-2019"
    quetta = clean_text((folder / "2016_Quetta_police_training_college_attack.txt").read_text("utf-8")).text
    assert quetta.startswith("On 24 October 2016, three heavily armed terrorists carried out an attack")
    assert "Perpetrators" in quetta  # section headings stay
    assert "Lashkar-e-Jhangvi claimed to have collaborated with them." in quetta
    incidents = clean_text(
        (folder / "List_of_terrorist_incidents_in_October_2016.txt").read_text("utf-8")
    ).text
    assert "| 7 | Shooting | 1 | 1 | Karachi, Pakistan |" in incidents  # table rows stay, as text
    assert "+=====" not in incidents  # grid-table rules do not


def test_published_dates_keep_their_precision() -> None:
    assert parse_date("October 2025") is not None
    assert parse_date("October 2025").precision == Precision.MONTH  # type: ignore[union-attr]
    assert parse_date("2025-10-07T09:00:00+05:30").value == "2025-10-07"  # type: ignore[union-attr]
    late = parse_date("Updated: Oct 7, 2025 11:45 pm IST")
    assert late is not None and late.value == "2025-10-07"  # IST is not read as a time-zone shift
    assert parse_date("7 October") is None  # no year: never filled in with this year


def test_clean_text_with_nothing_but_furniture_fails() -> None:
    with pytest.raises(InputError) as info:
        clean_text("Follow Us :\nText Size:\nLEAVE A REPLY\nPlease enter your comment!\n")
    assert info.value.stage == "clean"


def test_clean_html_extracts_article_and_metadata() -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in KEPT[1:])
    html = (
        "<html><head><title>ISKP & Lashkar | ThePrint</title>"
        '<meta property="og:site_name" content="ThePrint">'
        '<meta property="article:published_time" content="2025-10-07T09:00:00+05:30">'
        '<meta name="author" content="Praveen Swami"></head>'
        "<body><nav><a href='/'>Home</a> <a href='/defence'>Defence</a></nav>"
        f"<article><h1>{KEPT[0]}</h1>{paragraphs}</article>"
        "<footer><p>Subscribe to our channels on YouTube</p></footer></body></html>"
    )
    cleaned = clean_html(html, "https://theprint.in/defence/iskp-lashkar/")
    assert KEPT[2] in cleaned.text
    assert "Subscribe to our channels" not in cleaned.text
    assert cleaned.outlet == "ThePrint"
    assert cleaned.published is not None and cleaned.published.value == "2025-10-07"
    assert cleaned.author == "Praveen Swami"


def test_clean_html_without_main_text_fails() -> None:
    with pytest.raises(InputError) as info:
        clean_html("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert info.value.stage == "clean"


def test_comment_thread_after_the_article_is_cut(seed: str) -> None:
    comment = (
        "I have been saying this for years and nobody listens, the whole region is a powder keg and the "
        "agencies in every country involved are playing a dangerous game with the lives of ordinary people."
    )
    thread = "\n".join(
        f"{name} on October 7, 2025 at {hour}:34 am said:\n{comment} ({name})"
        for name, hour in (("Ravi", 6), ("Meera", 7), ("Imran", 8), ("Tom", 9))
    )
    article = seed.split("(Edited by Tony Rai)")[0]
    cleaned = clean_text(f"{article}\n{thread}\n").text
    assert KEPT[4] in cleaned
    assert "nobody listens" not in cleaned
    assert "said:" not in cleaned


def test_menu_lines_met_twice_are_furniture(seed: str) -> None:
    menu = "India Defence World Opinion\nPolitics Economy Features ThePrint Essentials\n"
    cleaned = clean_text(menu + seed + "\n" + menu).text
    assert "Politics Economy Features" not in cleaned
    assert KEPT[2] in cleaned


TEASERS = "\n".join(
    f"Teaser headline number {n} about something else entirely\n"
    f"This is the summary of another story on the site, which runs long enough to look like the prose "
    f"of an article, with a few clauses and the words that articles use, and it ends here number {n}."
    for n in range(1, 9)
)
SHORT_ARTICLE = "\n\n".join(
    [
        "Army says border post was attacked overnight",
        "By Jane Doe",
        "Gunmen attacked a border post in the north of the country overnight, the army said on Tuesday, "
        "and two soldiers were wounded in the exchange of fire that followed.",
        "The army said it had sent reinforcements to the area and that the attackers had fled across the "
        "border before dawn, as they had done after an attack on the same post in March.",
    ]
) + "\n"


def test_the_article_under_its_byline_beats_longer_teasers_below_it() -> None:
    footer = "\n".join(["Most popular", *(f"Section {n}" for n in range(12))])
    page = f"Home\nNews\n\n{SHORT_ARTICLE}\n{footer}\n\n{TEASERS}\n"
    cleaned = clean_text(page)
    assert cleaned.text.startswith("Army says border post was attacked overnight")
    assert "the attackers had fled across the border before dawn" in cleaned.text
    assert "Teaser headline" not in cleaned.text and "summary of another story" not in cleaned.text
    assert cleaned.author == "Jane Doe"
    # without the byline, the longer run of teasers wins: the byline is what anchors the article
    unsigned = clean_text(page.replace("By Jane Doe", ""))
    assert "summary of another story" in unsigned.text


TOUR = "\n".join(
    [
        "The band will tour North America next summer for the first time in a decade, its label said on "
        "Monday, and tickets go on sale on Friday at the venues and online.",
        "",
        "The tour dates:",
        "June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL",
        "June 10 -- Credit Union Amphitheatre, Tampa, FL",
        "June 14 -- Ameris Bank Amphitheatre, Alpharetta, GA",
        "June 17 -- Bridgestone Arena, Nashville, TN",
        "Facebook",
        "Twitter",
        "",
    ]
)


def test_a_list_the_article_introduces_with_a_colon_is_kept() -> None:
    text = clean_text(TOUR).text
    assert "The tour dates:" in text
    assert "June 17 -- Bridgestone Arena, Nashville, TN" in text
    assert "Facebook" not in text


def test_short_lines_without_an_introduction_stay_out() -> None:
    text = clean_text(TOUR.replace("The tour dates:\n", "")).text
    assert "June 9" not in text


@pytest.mark.parametrize(
    "caption",
    [
        "Police officers stand guard near the site of the blast in Quetta on Monday. (AP Photo/Arshad Butt)",
        "Security forces patrol the market after the attack (Image: GETTY)",
        "Soldiers at a checkpoint on the outskirts of the cityCredit: Reuters",
        "Mourners carry the coffin of a police officer killed in the attack | AFP",
        "In this Oct. 24, 2016, file photo, soldiers stand guard outside the police training college.",
        "2of4Soldiers stand guard outside the police training college in Quetta on Tuesday.",
    ],
)
def test_photo_captions_in_the_article_are_dropped(seed: str, caption: str) -> None:
    paragraphs = seed.split("\n\n")
    at = next(i for i, p in enumerate(paragraphs) if p.startswith("Intelligence officials first identified"))
    text = clean_text("\n\n".join([*paragraphs[:at], caption, *paragraphs[at:]])).text
    assert caption not in text
    assert KEPT[2] in text and KEPT[3] in text


def test_sentences_that_cite_an_agency_are_not_captions() -> None:
    text = (
        "Two soldiers were killed when gunmen attacked a checkpoint near the border, officials told Reuters.\n\n"
        "The army said in a statement that the attackers had fled (according to AP) and a search was under way."
    )
    assert "officials told Reuters." in clean_text(text).text


def test_an_inline_related_box_is_cut_out_and_the_article_kept_around_it(seed: str) -> None:
    box = "Related Stories\nPakistan army says it killed militants in Balochistan raid\nTaliban deny hosting ISKP"
    paragraphs = seed.split("\n\n")
    at = next(i for i, p in enumerate(paragraphs) if p.startswith("The latest impetus for collaboration"))
    text = clean_text("\n\n".join([*paragraphs[:at], box, *paragraphs[at:]])).text
    assert KEPT[2] in text and KEPT[3] in text and KEPT[4] in text
    assert "Related Stories" not in text
    assert "Taliban deny hosting ISKP" not in text
    assert "Pakistan army says it killed militants" not in text


def test_short_sentences_of_names_and_numbers_are_kept() -> None:
    raw = (corpus_dir() / "congressional-record" / "1fade9c55857467685fc94cf0fe64abe.md").read_text("utf-8")
    assert "We must show resolve. Uncertainty disheartens our allies, emboldens our foes." in clean_text(raw).text


def test_a_short_report_is_its_own_body_but_a_menu_is_not() -> None:
    from claimgraph.errors import InputError

    assert clean_text("A roadside bomb kills 35 and injures 27 ").text == "A roadside bomb kills 35 and injures 27"
    assert clean_text("A bombing occurred in Trang.").text == "A bombing occurred in Trang."
    for furniture in ("Home | News | Sport", "Share on Facebook Twitter", "Subscribe now"):
        with pytest.raises(InputError):
            clean_text(furniture)
