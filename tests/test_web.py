"""The explorer page in real headless Chromium against a real uvicorn server (started here, in a thread).

The sample-store tests need no NLP model; the tests that ingest through the page or load the seed article
through the real pipeline are marked `model` as well."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from _sample import actor_id, make_sample_store
from _web_helpers import chromium, edges, node_point, rendered_box, running
from claimgraph.api import create_app
from claimgraph.config import load_settings
from claimgraph.records import Document, Extraction, Place, text_id
from claimgraph.store import Store
from claimgraph.store.resolution import save_place

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
        # Mastung resolved as the place resolver would store it (GeoNames 1170395, the sample event's place).
        mastung = Place("Mastung", "Balochistan", "Pakistan", 1170395, precision="district", lat=29.79966, lon=66.84549)
        save_place(store, actor_id("mastung"), "Mastung", mastung, "test fixture: GeoNames 1170395")
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
    dates = [t.split()[0] for t in timeline.all_inner_texts()]
    assert dates == sorted(dates, reverse=True)  # newest first
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
    page.locator("#search-results [role=option]").first.click()
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


# -- linked views, the address, the cited span, the map ------------------------------------------------


def wait_scoped(page: Any, before: str | None) -> None:
    """Wait until the views the selection scopes (time line, documents, convergence, map) have redrawn."""
    page.wait_for_function(
        "(b) => document.body.dataset.scoped && document.body.dataset.scoped !== b", arg=before, timeout=15000
    )


def test_selecting_an_actor_zooms_to_it_and_scopes_every_view(sample_server: str, watch: PageWatch) -> None:
    page = watch.open(sample_server)
    assert page.locator("#tab-documents .doc-list li").count() == 2
    page.evaluate("() => { const cy = window.claimgraph.cy; cy.zoom(0.25); cy.pan({x: -400, y: -300}); }")
    assert not rendered_box(page, "Mir Shafiq Mengal")["inside"]
    before = page.evaluate("() => document.body.dataset.scoped")
    page.locator("#search").fill("Mir")
    page.locator("#search-results [role=option]").first.click()
    wait_scoped(page, before)
    assert "actor=" in page.url
    # zoomed: the actor and its neighbours are all in view and fill much of the graph
    near = rendered_box(page, "Mir Shafiq Mengal")
    size = page.evaluate("() => [window.claimgraph.cy.width(), window.claimgraph.cy.height()]")
    assert near["inside"] and (near["w"] > size[0] * 0.5 or near["h"] > size[1] * 0.5), (near, size)
    assert page.evaluate("() => window.claimgraph.cy.$(':selected').map((n) => n.data('name'))") == [
        "Mir Shafiq Mengal"
    ]
    # every tab is scoped to the actor
    timeline = page.locator("#tab-timeline")
    assert "for Mir Shafiq Mengal" in timeline.locator(".scope").inner_text()
    assert timeline.locator("li.tl-event").count() == 0  # the BLA attack does not involve Mengal
    docs = page.locator("#tab-documents .doc-list li")
    assert docs.count() == 1 and "Hostile" not in docs.inner_text()
    page.get_by_role("tab", name="Convergence").click()
    rows = page.locator("table.pairs tbody tr")
    assert all("Mengal" in t for t in rows.all_inner_texts())
    page.get_by_role("button", name="Map").click()
    page.locator("#map[data-ready=true] .map-head").wait_for(timeout=10000)
    assert page.locator("#map .event-spot").count() == 0
    # the graph is reachable by keyboard: arrows move between actors, Enter opens one
    page.get_by_role("button", name="Graph", exact=True).click()
    page.locator("#graph").focus()
    page.keyboard.press("Escape")  # clears the selection: the arrows start from the busiest actor
    page.keyboard.press("ArrowRight")
    focused = (page.locator("#graph-announce").text_content() or "").split(",")[0]
    assert focused
    page.keyboard.press("Enter")
    page.locator("#panel .panel-head h2", has_text=focused).wait_for(timeout=10000)
    # the search finds by prefix and the arrow keys pick a result
    page.locator("#search").fill("Lash")
    page.locator("#search-results [role=option]").first.wait_for(timeout=5000)
    page.locator("#search").press("ArrowDown")
    assert page.locator("#search-results [aria-selected=true]").inner_text().startswith("Lashkar-e-Taiba")
    page.locator("#search").press("Enter")
    page.wait_for_function("() => new URLSearchParams(location.search).get('actor') !== null && "
                           "document.querySelector('#panel .panel-head h2')?.textContent.includes('Lashkar')",
                           timeout=10000)
    watch.assert_clean()


def test_reloading_the_address_gives_the_same_view(sample_server: str, watch: PageWatch) -> None:
    page = watch.open(sample_server)
    click_node(page, "Islamic State Khorasan Province")
    page.locator("#panel .panel-head h2", has_text="Islamic State Khorasan Province").wait_for(timeout=10000)
    page.get_by_label("Hide hedged claims").check()
    page.locator("#hops").select_option("1")
    page.get_by_role("tab", name="Documents").click()
    page.wait_for_function("() => location.search.includes('hops=1') && location.search.includes('tab=documents')"
                           " && location.search.includes('hide_hedged=1')", timeout=10000)
    address = page.url
    shown = page.evaluate("() => window.claimgraph.cy.elements(':visible').map((e) => e.id()).sort()")
    where = "() => window.claimgraph.cy.nodes().map((n) => [n.id(), Math.round(n.position('x'))]).sort()"
    layout = page.evaluate(where)
    page.reload()
    page.wait_for_selector("body[data-usable=true]", state="attached", timeout=20000)
    assert page.url == address
    assert page.get_by_label("Hide hedged claims").is_checked()
    assert page.locator("#hops").input_value() == "1"
    assert page.get_by_role("tab", name="Documents").get_attribute("aria-selected") == "true"
    assert page.evaluate("() => window.claimgraph.cy.$(':selected').map((n) => n.data('name'))") == [
        "Islamic State Khorasan Province"
    ]
    assert page.evaluate("() => window.claimgraph.cy.elements(':visible').map((e) => e.id()).sort()") == shown
    assert page.evaluate(where) == layout  # the layout is remembered, not reshuffled
    page.locator("#panel .panel-head h2", has_text="Islamic State Khorasan Province").wait_for(timeout=10000)
    watch.assert_clean()


def test_a_cited_document_opens_at_its_span_with_a_way_back(sample_server: str, watch: PageWatch) -> None:
    page = watch.open(sample_server)
    page.evaluate("""() => { window.claimgraph.cy.edges().filter((e) => e.data('predicate') === 'attacked')[0]
                     .emit('tap'); }""")
    card = page.locator("#panel article.claim[data-predicate=attacked]")
    card.wait_for(timeout=10000)
    assert "1 src" in page.evaluate("() => window.claimgraph.cy.$('edge:selected').data('mark')")
    card.locator("button.cite").click()
    cited = page.locator("#panel .doc-text mark.hl-cited")
    cited.first.wait_for(timeout=10000)
    text = "".join(cited.all_inner_texts())
    assert "Baloch Liberation Army" in text and "Mastung camp" in text
    panel = page.locator("#panel").bounding_box()
    box = cited.first.bounding_box()
    assert panel and box and panel["y"] <= box["y"] <= panel["y"] + panel["height"] - box["height"]
    others = page.locator("#panel .doc-text mark:not(.hl-cited)").first
    assert cited.first.evaluate("(m) => getComputedStyle(m).outlineStyle") == "solid"
    assert others.evaluate("(m) => getComputedStyle(m).outlineStyle") == "none"
    assert "doc=" in page.url and "span=" in page.url and "edge=" in page.url
    page.reload()  # the address reopens the document at its span, over the tie
    page.locator("#panel .doc-text mark.hl-cited").first.wait_for(timeout=15000)
    page.get_by_role("button", name="← back to the tie").click()
    page.locator("#panel article.claim[data-predicate=attacked]").wait_for(timeout=10000)
    assert "attacked" in page.locator("#panel .panel-head").inner_text()
    watch.assert_clean()


def test_the_map_draws_events_and_places_and_opens_their_evidence(sample_server: str, watch: PageWatch) -> None:
    page = watch.open(f"{sample_server}/?view=map")
    page.locator("#map[data-ready=true] .event-spot").first.wait_for(timeout=10000)
    assert page.locator("#map path.land").count() == 1  # the bundled basemap, drawn offline
    page.locator("#map .event-spot").first.focus()
    page.keyboard.press("Enter")  # reachable by keyboard; the place's diamond sits on the circle's centre
    event = page.locator("#panel article.event")
    event.wait_for(timeout=10000)
    assert "killed: around 30" in event.inner_text()
    page.locator("#map svg.map path.place").first.click()
    page.locator("#panel .panel-head h2", has_text="Mastung").wait_for(timeout=10000)
    assert "GeoNames 1170395" in page.locator("#panel .panel-head p.place").inner_text()
    assert "actor=" in page.url and "view=map" in page.url
    watch.assert_clean()


def test_a_lost_server_is_said_plainly(sample_server: str, watch: PageWatch) -> None:
    page = watch.open(sample_server)
    page.route("**/api/**", lambda route: route.abort())
    page.get_by_label("Hide hedged claims").check()
    banner = page.locator("#banner")
    banner.wait_for(state="visible", timeout=10000)
    assert "not answering" in banner.inner_text()
    assert "Failed to fetch" not in page.locator("body").inner_text()
    page.unroute("**/api/**")
    banner.wait_for(state="hidden", timeout=15000)
    watch.errors = [e for e in watch.errors if "net::ERR_FAILED" not in e and "Failed to load" not in e]
    watch.assert_clean()


CONTRAST = """() => {
    const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
    const lum = ([r, g, b]) => {
        const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el) => {
        for (; el; el = el.parentElement) {
            const c = rgb(getComputedStyle(el).backgroundColor);
            if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3);
        }
        return [255, 255, 255];
    };
    const bad = [];
    for (const el of document.querySelectorAll('body *')) {
        if (!el.offsetParent || ![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
        if (el.closest('mark, svg, [disabled], input::placeholder')) continue;
        const a = lum(rgb(getComputedStyle(el).color).slice(0, 3));
        const b = lum(background(el));
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        const what = `${el.tagName}.${el.className} "${el.textContent.trim().slice(0, 30)}"`;
        if (ratio < 4.5) bad.push(`${what}: ${ratio.toFixed(2)}`);
    }
    return bad;
}"""


def test_small_and_narrow_windows_and_contrast(sample_server: str, browser: Any) -> None:
    """1280×720 leaves the graph most of the screen; 800 px stacks the parts; all text meets WCAG AA (4.5:1)."""
    for width, height, least in ((1280, 720, (640, 400)), (800, 900, (760, 500))):
        page = browser.new_page(viewport={"width": width, "height": height})
        try:
            page.goto(sample_server)
            page.wait_for_selector("body[data-usable=true]", state="attached", timeout=20000)
            box = page.locator("#graph").bounding_box()
            assert box and box["width"] >= least[0] and box["height"] >= least[1], (width, box)
            assert page.evaluate(CONTRAST) == []
        finally:
            page.close()


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
    page.locator("#paste-url").fill("https://example.org/ttp-funds")
    page.locator("#paste-outlet").fill("Dawn")
    page.locator("#paste-published").fill("2025-01-20")
    page.get_by_role("button", name="Ingest").click()
    found = page.locator(".ingest-status .new-actors")
    found.wait_for(timeout=120000)
    assert "Tehrik-i-Taliban Pakistan" in found.inner_text() or "TTP" in found.inner_text()
    assert "Stored 1 document" in page.locator(".ingest-status").inner_text()
    assert "Stored as: Dawn · 2025-01-20 · https://example.org/ttp-funds" in page.locator(".ingest-status").inner_text()
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


def test_reviewing_a_claim_in_the_page_changes_convergence_and_undo_restores_it(
    sample_server: str, watch: PageWatch
) -> None:
    import httpx

    def top() -> float:
        pairs = httpx.get(f"{sample_server}/api/convergence", params={"limit": 50}).json()["items"]
        return round(sum(p["score"] for p in pairs), 6)

    before = top()
    page = watch.open(sample_server)
    click_node(page, "Lashkar-e-Taiba")
    card = page.locator("#panel article.claim[data-predicate=cooperates_with]").first
    card.wait_for(timeout=10000)
    claim_id = card.get_attribute("data-claim")
    card.focus()
    page.keyboard.press("r")  # reject, from the keyboard
    page.locator("#review-toast button.review-undo").wait_for(timeout=10000)
    page.wait_for_function(
        "id => !document.querySelector(`#panel article[data-claim='${id}']`)", arg=claim_id, timeout=10000)
    rejected = httpx.get(f"{sample_server}/api/claims", params={"review": "rejected"}).json()["items"]
    assert [c["id"] for c in rejected] == [claim_id]
    assert top() != before
    page.locator("#review-toast button.review-undo").click()
    page.locator(f"#panel article[data-claim='{claim_id}']").first.wait_for(timeout=10000)
    assert top() == before
    assert httpx.get(f"{sample_server}/api/claims", params={"review": "rejected"}).json()["items"] == []
    watch.assert_clean()


def test_a_tie_says_who_says_so(sample_server: str, watch: PageWatch) -> None:
    page = watch.open(sample_server)
    edge = next(e for e in page.evaluate("window.claimgraph.cy.edges().map(e => e.data())")
                if "cooperat" in (e.get("label") or e.get("predicate") or ""))
    page.evaluate("id => window.claimgraph.cy.getElementById(id).emit('tap')", edge["id"])
    who = page.locator("#panel .who-says")
    who.wait_for(timeout=10000)
    assert "Who says so" in who.inner_text() and "sources in the Indian security establishment" in who.inner_text()
    watch.assert_clean()
