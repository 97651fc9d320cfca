// The explorer page: wires the filter bar, the graph, the evidence panel, the bottom tabs and ingestion.

import { renderAnalysis, signalName } from "./analysis.js";
import { getJSON, initToken } from "./api.js";
import { h } from "./dom.js";
import { EvidencePanel } from "./evidence.js";
import { Filters } from "./filters.js";
import { createGraph } from "./graph.js";
import { setupIngest } from "./ingest.js";
import { predicateColours } from "./palette.js";
import { renderTimeline } from "./timeline.js";

const $ = (sel) => document.querySelector(sel);

async function main() {
  initToken();
  const [ontology, stats] = await Promise.all([getJSON("/ontology"), getJSON("/stats")]);
  const colours = predicateColours(Object.keys(ontology.predicates));
  const directed = Object.fromEntries(Object.values(ontology.predicates).map((p) => [p.name, p.direction !== "symmetric"]));
  const labels = Object.fromEntries(Object.values(ontology.predicates).map((p) => [p.name, p.label]));
  const names = {};
  let selected = null; // {kind: "actor"|"edge", id}

  const panel = new EvidencePanel($("#panel"), {
    onActor: (id) => selectActor(id),
    onDocument: (id) => panel.showDocument(id),
    filters: () => filters.values(),
  });
  const graph = createGraph($("#graph"), {
    colours,
    directed,
    labels,
    onNode: (id) => selectActor(id),
    onEdge: (edge) => {
      selected = { kind: "edge", id: edge.id };
      graph.highlight(null);
      panel.showEdge(edge, names);
    },
    onBackground: () => {
      selected = null;
      graph.highlight(null);
      panel.empty();
    },
  });
  const filters = new Filters($("#filters"), {
    ontology,
    colours,
    graded: stats.graded,
    onChange: () => refresh().catch(report),
  });

  function report(err) {
    const line = $("#graph-count");
    line.textContent = err.message;
    line.classList.add("error");
  }

  function selectActor(id) {
    selected = { kind: "actor", id };
    graph.focus(id);
    graph.highlight(id);
    panel.showActor(id);
  }

  let refreshTicket = 0;
  async function refresh() {
    const ticket = ++refreshTicket;
    const params = filters.values();
    const [data, timeline, counts] = await Promise.all([
      getJSON("/graph", { ...params, limit: 2000 }),
      getJSON("/timeline", { since: params.since, until: params.until, hide_hedged: params.hide_hedged, limit: 500 }),
      getJSON("/stats"),
    ]);
    if (ticket !== refreshTicket) return; // a later filter change is already on its way
    data.nodes.forEach((n) => { names[n.id] = n.name; });
    graph.setData(data);
    $("#graph-count").textContent = `${data.nodes.length} actors · ${data.total} ties`;
    $("#graph-count").classList.remove("error");
    $("#graph-empty").hidden = data.nodes.length > 0;
    $("#stats").textContent = `${counts.documents} documents · ${counts.claims} claims · ${counts.events} events`;
    renderTimeline($("#tab-timeline"), timeline, {
      onEvent: (id) => panel.showEvent(id),
      onClaim: (id) => panel.showClaim(id),
      onDocument: (id) => panel.showDocument(id),
    });
    renderDocuments().catch(report);
    showAnalysis();
    if (selected && selected.kind === "actor") {
      graph.highlight(selected.id);
      panel.showActor(selected.id);
    } else if (selected && selected.kind === "edge") {
      const edge = data.edges.find((e) => e.id === selected.id);
      if (edge) panel.showEdge(edge, names);
      else { selected = null; panel.empty(); }
    }
    document.body.dataset.ready = "true";
  }

  async function renderDocuments() {
    const docs = await getJSON("/documents", { limit: 200 });
    $("#tab-documents").replaceChildren(h("ul", { class: "doc-list" }, docs.items.map((d) => h("li", {},
      h("button", { type: "button", class: "link", onclick: () => panel.showDocument(d.id) }, d.title || d.source || d.id),
      h("span", { class: "muted" }, ` ${[d.outlet, d.published].filter(Boolean).join(" · ")} · ${d.chars.toLocaleString()} characters`)))));
  }

  // Tabs under the graph.
  for (const tab of document.querySelectorAll("[role=tab]")) {
    tab.addEventListener("click", () => {
      for (const other of document.querySelectorAll("[role=tab]")) {
        const on = other === tab;
        other.setAttribute("aria-selected", String(on));
        $(`#${other.getAttribute("aria-controls")}`).hidden = !on;
      }
    });
  }
  const showAnalysis = () => renderAnalysis($("#tab-convergence"), {
    onActor: (id) => selectActor(id),
    onPair: (pair) => {
      selected = null;
      graph.highlight(null);
      panel.showPair(pair, signalName);
    },
  });

  // Actor search.
  const search = $("#search");
  const results = $("#search-results");
  let searchTicket = 0;
  search.addEventListener("input", async () => {
    const ticket = ++searchTicket;
    const q = search.value.trim();
    if (!q) { results.replaceChildren(); results.hidden = true; return; }
    let found;
    try {
      found = await getJSON("/actors", { q, limit: 8 });
    } catch (err) {
      results.replaceChildren(h("li", { class: "error" }, err.message));
      results.hidden = false;
      return;
    }
    if (ticket !== searchTicket) return;
    results.replaceChildren(...found.items.map((a) => h("li", {}, h("button", { type: "button", onclick: () => {
      results.hidden = true;
      search.value = a.name;
      selectActor(a.id);
    } }, a.name, h("span", { class: "muted" }, ` ${a.type.replace("_", " ")}`)))));
    if (!found.items.length) results.replaceChildren(h("li", { class: "muted" }, "No actor by that name."));
    results.hidden = false;
  });

  const dialog = $("#ingest-dialog");
  $("#add-article").addEventListener("click", () => dialog.showModal());
  setupIngest(dialog, { onIngested: () => refresh().catch(report) });
  $("#fit").addEventListener("click", () => graph.cy.fit(undefined, 40));

  window.claimgraph = { cy: graph.cy, refresh };
  panel.empty();
  await refresh();
}

main().catch((err) => {
  const box = document.querySelector("#panel");
  box.replaceChildren(h("p", { class: "error", role: "alert" }, `The explorer could not start: ${err.message}`));
});
