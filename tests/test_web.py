"""The explorer page in real headless Chromium against a real uvicorn server (started here, in a thread).

The sample-store tests need no NLP model; the tests that ingest through the page or load the seed article
through the real pipeline are marked `model` as well."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from _sample import make_sample_store
from _web_helpers import chromium, edges, node_point, running
from claimgraph.api import create_app
from claimgraph.config import load_settings
from claimgraph.records import Document, Extraction, text_id
from claimgraph.store import Store

pytestmark = pytest.mark.browser

HOSTILE_TEXT = (
    "Islamabad: <img src=x onerror=\"alert('img')\"> The Lashkar-e-Taiba spokesman said "
    '<a href="javascript:alert(1)">click</a> and <script>alert("doc")</script> nothing else.'
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


def serve_sample(db: Path, **kwargs: Any) -> Any:
    """The sample store plus a document whose text, title and URL try to run script, served for real."""
    make_sample_store(db)
    hostile = Document(
        id=text_id(HOSTILE_TEXT),
        text=HOSTILE_TEXT,
        source="hostile.html",
        title="<b onmouseover=alert(2)>Hostile title</b>",
        url="javascript:alert(3)",
    )
    with Store(db) as store:
        store.save(Extraction(doc=hostile))
    return running(create_app(load_settings(env={}), db, **kwargs))


@pytest.fixture()
def sample_server(tmp_path: Path) -> Iterator[str]:
    with serve_sample(tmp_path / "sample.db") as url:
        yield url


class PageWatch:
    """A page plus everything that must not happen on it: dialogs (alert), page errors, CSP violations."""

    def __init__(self, browser: Any) -> None:
        self.page = browser.new_page(viewport={"width": 1500, "height": 950})
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, url: str) -> Any:
        self.page.goto(url)
        self.page.wait_for_selector("body[data-ready=true]", timeout=20000)
        return self.page

    def assert_clean(self) -> None:
        assert self.dialogs == [], f"a script in article text ran: {self.dialogs}"
        assert self.errors == [], self.errors


@pytest.fixture()
def watch(browser: Any) -> Iterator[PageWatch]:
    w = PageWatch(browser)
    yield w
    w.page.close()


def click_node(page: Any, name: str) -> None:
    point = node_point(page, name)
    page.mouse.click(point["x"], point["y"])


def test_clicking_let_shows_the_cooperation_claim_with_its_sentence(
    sample_server: str, watch: PageWatch
) -> None:
    page = watch.open(sample_server)
    click_node(page, "Lashkar-e-Taiba")
    card = page.locator("#panel article.claim[data-predicate=cooperates_with]")
    card.wait_for(timeout=10000)
    assert page.locator("#panel .panel-head h2").inner_text().strip() == "Lashkar-e-Taiba"
    assert "cooperates with" in card.locator(".triple").inner_text()
    assert "hedged" in card.locator(".chips").inner_text()
    assert "sources in the Indian security establishment" in card.locator(".source").inner_text()
    evidence = card.locator("blockquote mark.hl-evidence")
    assert "facilitating collaboration" in " ".join(evidence.all_inner_texts())
    assert card.locator("blockquote mark.hl-cue").first.inner_text() == "signs indicating"
    assert "Lashkar-e-Taiba" in "".join(card.locator("blockquote mark.hl-subject").all_inner_texts())
    watch.assert_clean()


def test_hide_hedged_changes_the_edges(sample_server: str, watch: PageWatch) -> None:
    page = watch.open(sample_server)
    before = edges(page)
    coop = [e for e in before if e["predicate"] == "cooperates_with"]
    assert len(coop) == 1 and coop[0]["hedged"] and coop[0]["style"] == "dashed"
    attacked = next(e for e in before if e["predicate"] == "attacked")
    assert attacked["style"] == "dashed" and not attacked["hedged"]  # single source: dashed, not faint
    negated = next(e for e in before if e["polarity"] == "negated")
    assert negated["style"] == "dotted"
    count = page.locator("#graph-count").inner_text()
    page.get_by_label("Hide hedged claims").check()
    page.wait_for_function(
        "() => !window.claimgraph.cy.edges().some((e) => e.data('predicate') === 'cooperates_with')",
        timeout=10000,
    )
    after = edges(page)
    assert len(after) == len(before) - 2  # the hedged cooperation and the hedged ISI → LeT support
    assert all(not e["hedged"] for e in after)
    assert page.locator("#graph-count").inner_text() != count
    watch.assert_clean()


def test_predicate_and_type_filters_redraw_the_graph(sample_server: str, watch: PageWatch) -> None:
    page = watch.open(sample_server)
    page.locator("fieldset.legend").first.get_by_role("button", name="none").click()
    page.get_by_label("attacked", exact=True).check()
    page.wait_for_function("() => window.claimgraph.cy.edges().length === 1", timeout=10000)
    assert [e["predicate"] for e in edges(page)] == ["attacked"]
    page.locator("fieldset.legend").first.get_by_role("button", name="all").click()
    page.get_by_label("Person", exact=True).uncheck()
    page.wait_for_function(
        "() => window.claimgraph.cy.edges().length > 1 && "
        "!window.claimgraph.cy.nodes().some((n) => n.data('type') === 'person')",
        timeout=10000,
    )
    watch.assert_clean()


def test_clicking_an_edge_lists_its_claims(sample_server: str, watch: PageWatch) -> None:
    page = watch.open(sample_server)
    point = page.evaluate(
        """() => {
            const cy = window.claimgraph.cy;
            const e = cy.edges().filter((x) => x.data('predicate') === 'attacked')[0];
            const p = e.renderedMidpoint();
            const box = cy.container().getBoundingClientRect();
            return {x: box.left + p.x, y: box.top + p.y};
        }"""
    )
    page.mouse.click(point["x"], point["y"])
    page.locator("#panel article.claim[data-predicate=attacked]").wait_for(timeout=10000)
    assert "single source" in page.locator("#panel .panel-head").inner_text()
    assert "in March" in page.locator("#panel article.claim").inner_text()
    watch.assert_clean()


def test_article_text_renders_inert(sample_server: str, watch: PageWatch) -> None:
    page = watch.open(sample_server)
    page.get_by_role("tab", name="Documents").click()
    page.get_by_role("button", name="Hostile title").click()  # the title is shown as text, tags and all
    body = page.locator("#panel .doc-text")
    body.wait_for(timeout=10000)
    text = body.inner_text()
    assert "<img src=x onerror=" in text and '<script>alert("doc")</script>' in text
    assert (
        page.locator("#panel img, #panel script, #panel b, #panel [onerror], #panel [onmouseover]").count()
        == 0
    )
    assert page.locator("#panel a").count() == 0  # javascript: URLs are never links
    page.get_by_role("tab", name="Documents").click()
    page.get_by_role("button", name="ISKP & Lashkar converging").click()
    page.locator("#panel .doc-text mark").first.wait_for(timeout=10000)
    assert "<script>alert('x')</script>" in page.locator("#panel .doc-text").inner_text()
    assert page.locator("#panel script").count() == 0
    page.wait_for_timeout(300)
    watch.assert_clean()


def test_timeline_and_convergence_views(sample_server: str, watch: PageWatch) -> None:
    page = watch.open(sample_server)
    timeline = page.locator("#tab-timeline .timeline-list li")
    assert timeline.count() == 3
    assert "attack" in timeline.nth(1).inner_text()
    timeline.nth(1).get_by_role("button").click()
    page.locator("#panel article.event").wait_for(timeout=10000)
    assert "killed: around 30" in page.locator("#panel article.event").inner_text()
    page.get_by_role("tab", name="Convergence").click()
    first = page.locator("table.pairs tbody tr").first
    first.wait_for(timeout=10000)
    assert re.search(r"Islamic State Khorasan Province ⇄ Lashkar-e-Taiba", first.inner_text())
    first.locator("button.pair").click()
    page.locator("#panel article.signal").first.wait_for(timeout=10000)
    assert "direct tie" in page.locator("#panel").inner_text()
    watch.assert_clean()


def test_search_selects_an_actor(sample_server: str, watch: PageWatch) -> None:
    page = watch.open(sample_server)
    page.locator("#search").fill("BLA")
    page.locator("#search-results button").first.click()
    page.locator("#panel article.claim[data-predicate=attacked]").wait_for(timeout=10000)
    assert page.locator("#panel .panel-head h2").inner_text().strip() == "Baloch Liberation Army"
    assert page.evaluate("() => window.claimgraph.cy.$(':selected').map((n) => n.data('name'))") == [
        "Baloch Liberation Army"
    ]
    watch.assert_clean()


def test_token_from_the_address_is_sent_as_a_header(tmp_path: Path, watch: PageWatch) -> None:
    db = make_sample_store(tmp_path / "sample.db")
    with running(create_app(load_settings(env={}), db, token="tok-123")) as url:
        page = watch.open(f"{url}/?token=tok-123")
        assert "token" not in page.url  # read once, then dropped from the address bar
        assert page.evaluate("() => window.claimgraph.cy.nodes().length") == 7
        watch.assert_clean()


# -- with the real NLP pipeline -------------------------------------------------------------------------

PASTED = (
    "Peshawar: The Tehrik-i-Taliban Pakistan (TTP) has been receiving funds from the Islamic State "
    "Khorasan Province, a senior police official told Dawn on Monday. The official said TTP commander "
    "Noor Wali Mehsud met ISKP leaders in Kunar province in January.\n\nThe police official said the two "
    "groups were sharing safe houses along the border."
)


@pytest.mark.model
def test_pasting_an_article_adds_its_actors_without_a_reload(
    tmp_path: Path, watch: PageWatch, extractor: Any
) -> None:
    with serve_sample(tmp_path / "sample.db", extractor=extractor) as url:
        paste_and_see_actors(watch, url)


def paste_and_see_actors(watch: PageWatch, url: str) -> None:
    page = watch.open(url)
    nodes_before = page.evaluate("() => window.claimgraph.cy.nodes().length")
    page.evaluate("() => { window.__sameDocument = true; }")
    page.get_by_role("button", name="+ Add article").click()
    page.locator("#paste-text").fill(PASTED)
    page.get_by_role("button", name="Ingest").click()
    found = page.locator(".ingest-status .new-actors")
    found.wait_for(timeout=120000)
    assert "Tehrik-i-Taliban Pakistan" in found.inner_text() or "TTP" in found.inner_text()
    assert "Stored 1 document" in page.locator(".ingest-status").inner_text()
    page.wait_for_function(f"() => window.claimgraph.cy.nodes().length > {nodes_before}", timeout=20000)
    assert page.evaluate("() => window.__sameDocument") is True  # no reload happened
    assert "3 documents" in page.locator("#stats").inner_text()  # sample + hostile + pasted
    watch.assert_clean()


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory, seed_path: Path, extractor: Any) -> Path:
    from claimgraph import pipeline

    db = tmp_path_factory.mktemp("seed") / "seed.db"
    with Store(db) as store:
        summary = pipeline.ingest([str(seed_path)], store, extractor)
    assert summary.stored == 1, summary.failures
    return db


@pytest.mark.model
def test_seed_article_through_the_real_pipeline(seed_db: Path, watch: PageWatch) -> None:
    """The seed article as the real pipeline reads it: LeT's cooperation with ISKP, with its sentence, and
    the hedged ties ("signs indicating", "suggested") that the hide-hedged filter takes away."""
    with running(create_app(load_settings(env={}), seed_db)) as url:
        page = watch.open(url)
        names = page.evaluate("() => window.claimgraph.cy.nodes().map((n) => n.data('name'))")
        click_node(page, next(n for n in names if n in ("Lashkar-e-Taiba", "LeT", "Lashkar")))
        coop = page.locator("#panel article.claim[data-predicate=cooperates_with]")
        coop.first.wait_for(timeout=10000)
        texts = coop.all_inner_texts()
        assert any("Islamic State Khorasan Province" in t or "ISKP" in t for t in texts), texts
        assert coop.first.locator("blockquote mark.hl-evidence").count() >= 1
        hedged_cards = page.locator("#panel article.claim .chips .chip.warn", has_text="hedged").count()
        before = edges(page)
        hedged_only = [e for e in before if e["hedged"]]
        assert hedged_only and hedged_cards, "the seed article has hedged claims"
        page.get_by_label("Hide hedged claims").check()
        page.wait_for_function(
            f"() => window.claimgraph.cy.edges().length === {len(before) - len(hedged_only)}"
        )
        assert all(not e["hedged"] for e in edges(page))
        page.wait_for_function(
            "() => document.querySelector('#panel article.claim') && ![...document.querySelectorAll("
            "'#panel article.claim .chip.warn')].some((c) => c.textContent === 'hedged')",
            timeout=10000,
        )
        watch.assert_clean()
