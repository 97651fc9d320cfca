// The explorer page. One set of filters and one selection (an actor or a tie) drive every view: the graph,
// the time line, convergence, the map and the documents list; all of it lives in the address (url.js).

import { filterPairs, renderAnalysis, signalName } from "./analysis.js";
import { getJSON, initToken, onConnection } from "./api.js";
import { h } from "./dom.js";
import { EvidencePanel } from "./evidence.js";
import { Filters } from "./filters.js";
import { createGraph } from "./graph.js";
import { setupIngest } from "./ingest.js";
import { createMap } from "./map.js";
import { predicateColours } from "./palette.js";
import { setupSearch } from "./search.js";
import { renderTimeline } from "./timeline.js";
import { readView, writeView } from "./url.js";

const $ = (sel) => document.querySelector(sel);
const FILTER_KEYS = ["predicate", "type", "since", "until", "min_credibility", "hide_hedged"];

async function main() {
  initToken();
  const view = readView();
  const [ontology, stats, meta] = await Promise.all([getJSON("/ontology"), getJSON("/stats"), getJSON("/explore/meta")]);
  const colours = predicateColours(Object.keys(ontology.predicates));
  const directed = Object.fromEntries(Object.values(ontology.predicates).map((p) => [p.name, p.direction !== "symmetric"]));
  const labels = Object.fromEntries(Object.values(ontology.predicates).map((p) => [p.name, p.label]));
  const names = {};
  let edgesById = new Map();

  const panel = new EvidencePanel($("#panel"), {
    onActor: (id) => selectActor(id),
    onDocument: (id) => panel.showDocument(id),
    filters: () => filters.values(),
    onReviewed: () => refresh().then(() => panel.current?.run()).catch(report),
    onShow: (what) => {
      if (what.kind === "doc") Object.assign(view, { doc: what.id, span: what.span });
      else Object.assign(view, { doc: null, span: null });
      writeView(view);
    },
  });
  const graph = createGraph($("#graph"), {
    directed,
    labels,
    dbKey: meta.db,
    onNode: (id) => selectActor(id),
    onEdge: (edge) => selectEdge(edge.id),
    onBackground: () => clearSelection(),
    announce: (text) => { $("#graph-announce").textContent = text; },
  });
  const map = createMap($("#map"), {
    onEvents: (ids) => panel.showEvents(ids),
    onPlace: (id) => selectActor(id),
  });
  const filters = new Filters($("#filters"), {
    ontology,
    colours,
    graded: stats.graded,
    onChange: () => {
      const v = filters.values();
      FILTER_KEYS.forEach((k) => { view[k] = v[k]; });
      if (view.predicate && view.predicate[0] === "__none__") view.predicate = ["__none__"];
      writeView(view);
      // the panel shows the selection under the new filters too (an open document stays as it is)
      refresh().then(() => { if (!view.doc) return panel.current?.run(); }).catch(report);
    },
  });
  filters.set(view);

  function report(err) {
    const line = $("#graph-count");
    line.textContent = err.message;
    line.classList.add("error");
  }

  // -- the server, plainly: a banner while it is gone, a refresh when it is back -------------------------
  let retry = null;
  onConnection((up) => {
    const banner = $("#banner");
    if (!up) {
      banner.textContent = "The claimgraph server is not answering: what you see may be out of date. "
        + "Start it again with `claimgraph serve`; this page retries every few seconds.";
      banner.hidden = false;
      if (!retry) retry = setInterval(() => getJSON("/stats").catch(() => {}), 4000);
    } else {
      banner.hidden = true;
      clearInterval(retry);
      retry = null;
      refresh().catch(report);
    }
  });

  // -- selection ----------------------------------------------------------------------------------------
  function scopeText() {
    const parts = [];
    if (view.actor) parts.push(`for ${names[view.actor] || "the selected actor"}`);
    if (FILTER_KEYS.some((k) => view[k] && (!Array.isArray(view[k]) || view[k].length))) parts.push("with the current filters");
    return parts.join(" ");
  }

  function showSelection() {
    const box = $("#selection");
    if (view.actor) {
      box.replaceChildren("Selected: ", h("strong", {}, names[view.actor] || view.actor), " ",
        h("button", { type: "button", class: "link", onclick: () => clearSelection() }, "clear"));
    } else if (view.edge && edgesById.has(view.edge)) {
      const e = edgesById.get(view.edge);
      box.replaceChildren("Selected tie: ", h("strong", {}, `${names[e.source]} ${e.label.split(" (")[0]} ${names[e.target]}`), " ",
        h("button", { type: "button", class: "link", onclick: () => clearSelection() }, "clear"));
    } else box.replaceChildren();
    $("#hops").disabled = !view.actor;
  }

  function selectActor(id, { zoom = true, panelToo = true } = {}) {
    Object.assign(view, { actor: id, edge: null });
    writeView(view);
    graph.highlight(id);
    if (view.hops) graph.neighbourhood(id, Number(view.hops));
    graph.focus(id, { zoom });
    if (panelToo) panel.showActor(id);
    showSelection();
    refreshScoped().catch(report);
  }

  function selectEdge(id, { panelToo = true } = {}) {
    const edge = edgesById.get(id);
    Object.assign(view, { edge: id, actor: null, hops: null });
    $("#hops").value = "";
    writeView(view);
    graph.neighbourhood(null, 0);
    graph.highlight(null);
    graph.focusEdge(id);
    if (edge && panelToo) panel.showEdge(edge, names);
    showSelection();
    refreshScoped().catch(report);
  }

  function clearSelection() {
    Object.assign(view, { actor: null, edge: null, hops: null, doc: null, span: null });
    $("#hops").value = "";
    writeView(view);
    graph.neighbourhood(null, 0);
    graph.highlight(null);
    graph.cy.elements().unselect();
    graph.fit();
    panel.empty();
    showSelection();
    refreshScoped().catch(report);
  }

  // -- data ----------------------------------------------------------------------------------------------
  const scoped = () => ({ ...filters.values(), actor: view.actor || undefined });

  let refreshTicket = 0;
  async function refresh() {
    const ticket = ++refreshTicket;
    const [data, counts] = await Promise.all([getJSON("/graph", { ...filters.values(), limit: 2000 }), getJSON("/stats")]);
    if (ticket !== refreshTicket) return; // a later filter change is already on its way
    data.nodes.forEach((n) => { names[n.id] = n.name; });
    edgesById = new Map(data.edges.map((e) => [e.id, e]));
    graph.setData(data);
    $("#graph-count").textContent = `${data.nodes.length} actors · ${data.total} ties`;
    $("#graph-count").classList.remove("error");
    $("#graph-empty").hidden = data.nodes.length > 0;
    $("#stats").textContent = `${counts.documents} documents · ${counts.claims} claims · ${counts.events} events`;
    if (view.actor && !names[view.actor]) {
      try {
        names[view.actor] = (await getJSON(`/actors/${encodeURIComponent(view.actor)}`, { limit: 1 })).name;
      } catch {
        view.actor = null;
      }
    }
    if (view.edge && !edgesById.has(view.edge)) view.edge = null;
    if (view.actor) {
      graph.highlight(view.actor);
      graph.neighbourhood(view.actor, Number(view.hops || 0));
      if (!graph.focus(view.actor)) graph.fit();
    } else if (view.edge) {
      graph.neighbourhood(null, 0);
      graph.focusEdge(view.edge);
    } else {
      graph.highlight(null);
      graph.neighbourhood(null, 0);
      graph.fit();
    }
    showSelection();
    writeView(view);
    if (!performance.getEntriesByName("claimgraph-graph").length) performance.mark("claimgraph-graph"); // graph drawn and fitted
    await refreshScoped();
    document.body.dataset.ready = "true";
  }

  // The views the selection scopes: time line, documents, convergence, map.
  let scopedTicket = 0;
  async function refreshScoped() {
    const ticket = ++scopedTicket;
    const params = scoped();
    const [timeline, docs, located] = await Promise.all([
      getJSON("/explore/timeline", { ...params, limit: 300 }),
      getJSON("/explore/documents", { ...params, limit: 300 }),
      getJSON("/explore/map", params),
    ]);
    if (ticket !== scopedTicket) return;
    const scope = scopeText();
    renderTimeline($("#tab-timeline"), timeline, {
      onEvent: (id) => { panel.showEvent(id); map.highlight(id); },
      onClaim: (id) => panel.showClaim(id),
      onDocument: (id) => panel.showDocument(id),
      scope,
    });
    renderDocuments(docs, scope);
    lastMap = located;
    if (!$("#map").hidden) await map.render(located, { selected: view.actor, scope });
    await renderAnalysis($("#tab-convergence"), {
      onActor: (id) => selectActor(id),
      onPair: (pair) => panel.showPair(pair, signalName),
      filters: filters.values(),
      actor: view.actor,
    });
    document.body.dataset.scoped = String(ticket);
  }
  let lastMap = null;

  function renderDocuments(docs, scope) {
    const head = h("p", { class: "muted small scope" }, `${docs.total} document${docs.total === 1 ? "" : "s"}${scope ? ` ${scope}` : ""}, newest first.`);
    $("#tab-documents").replaceChildren(head, h("ul", { class: "doc-list" }, docs.items.map((d) => h("li", {},
      h("button", { type: "button", class: "link", onclick: () => panel.showDocument(d.id) }, d.display_title),
      h("span", { class: "muted" }, ` ${[d.outlet, d.published].filter(Boolean).join(" · ")}`,
        d.matching_claims !== null ? ` · ${d.matching_claims} claims, ${d.matching_events} events match` : ` · ${d.chars.toLocaleString()} characters`)))));
  }

  // -- tabs, graph/map switch, neighbourhood, fit ---------------------------------------------------------
  function openTab(tab) {
    for (const other of document.querySelectorAll("[role=tab]")) {
      const on = other === tab;
      other.setAttribute("aria-selected", String(on));
      other.tabIndex = on ? 0 : -1;
      $(`#${other.getAttribute("aria-controls")}`).hidden = !on;
    }
  }
  const tabs = [...document.querySelectorAll("[role=tab]")];
  tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => {
      openTab(tab);
      view.tab = tab.id === "tab-btn-timeline" ? null : tab.id.replace("tab-btn-", "");
      writeView(view);
    });
    tab.addEventListener("keydown", (evt) => {
      const step = evt.key === "ArrowRight" ? 1 : evt.key === "ArrowLeft" ? -1 : 0;
      if (step) { const next = tabs[(i + step + tabs.length) % tabs.length]; next.focus(); next.click(); }
    });
  });
  if (view.tab) openTab($(`#tab-btn-${view.tab}`) || tabs[0]);
  else openTab(tabs[0]);

  async function showView(which) {
    const isMap = which === "map";
    $("#graph").hidden = isMap;
    $("#map").hidden = !isMap;
    $("#view-graph").setAttribute("aria-pressed", String(!isMap));
    $("#view-map").setAttribute("aria-pressed", String(isMap));
    $("#fit").hidden = isMap;
    view.view = isMap ? "map" : null;
    writeView(view);
    if (isMap && lastMap) await map.render(lastMap, { selected: view.actor, scope: scopeText() });
    if (!isMap) { graph.cy.resize(); graph.fit(view.actor ? graph.cy.getElementById(view.actor).closedNeighborhood() : undefined); }
  }
  $("#view-graph").addEventListener("click", () => showView("graph"));
  $("#view-map").addEventListener("click", () => showView("map").catch(report));
  $("#hops").value = view.hops || "";
  $("#hops").addEventListener("change", () => {
    view.hops = $("#hops").value || null;
    writeView(view);
    graph.neighbourhood(view.actor, Number(view.hops || 0));
    if (view.actor) graph.focus(view.actor, { zoom: !view.hops });
  });
  $("#fit").addEventListener("click", () => graph.fit());
  let resizeTimer = null;
  window.addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => { if (!$("#map").hidden) map.redraw(); }, 150);
  });

  setupSearch($("#search"), $("#search-results"), { onPick: (a) => selectActor(a.id) });
  const dialog = $("#ingest-dialog");
  $("#add-article").addEventListener("click", () => dialog.showModal());
  setupIngest(dialog, { onIngested: () => refresh().catch(report) });

  window.claimgraph = { cy: graph.cy, refresh, view, filterPairs };
  if (!view.actor && !view.edge && !view.doc) panel.empty();
  await refresh();
  if (view.view === "map") await showView("map");
  // The panel as the address left it: a document (with its cited span) over the selected actor or tie.
  const { doc, span } = view;
  if (view.actor) panel.showActor(view.actor);
  else if (view.edge && edgesById.has(view.edge)) panel.showEdge(edgesById.get(view.edge), names);
  if (doc) {
    const [start, end] = (span || "").split("-").map(Number);
    await panel.showDocument(doc, Number.isFinite(start) && Number.isFinite(end) ? { start, end } : null);
  }
  performance.mark("claimgraph-usable");
  document.body.dataset.usable = "true";
}

main().catch((err) => {
  const box = document.querySelector("#panel");
  box.replaceChildren(h("p", { class: "error", role: "alert" }, `The explorer could not start: ${err.message}`));
});
