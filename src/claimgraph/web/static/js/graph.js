// The actor graph (Cytoscape.js), drawn to be read:
// - colour = the tie's family (palette.js); the predicate, grade and marks show on hover;
// - line: solid = corroborated (≥2 sources in ≥2 documents, not hedged), dashed = single source or single
//   document, sparse dashes and faint = hedged only, dotted with a bar = negated;
// - each tie's label carries its best grade ("F3") and short marks: "anon", "hedged", "not", "1 src";
// - node labels by zoom: the busiest actors are named at overview, every actor once zoomed in, and always
//   the selected, hovered and neighbouring ones; labels keep a readable size on screen at any zoom;
// - a seeded layout remembered per database (localStorage), so the picture does not reshuffle on reload.

import cytoscape from "../vendor/cytoscape.esm.min.js";
import { h } from "./dom.js";
import { FAMILIES, familyOf, typeStyle } from "./palette.js";

const MAX_FIT_ZOOM = 1.6; // a small graph is not blown up past this when fitted
const EDGE_LABELS_UP_TO = 60; // every tie is labelled while at most this many are shown
const SCREEN_FONT = 12.5; // node labels' size on screen, in px, at any zoom
const EDGE_FONT = 10.5;

function stylesheet() {
  return [
    {
      selector: "node",
      style: {
        label: "",
        "background-color": "data(colour)",
        shape: "data(shape)",
        width: "mapData(claims, 1, 12, 22, 60)",
        height: "mapData(claims, 1, 12, 22, 60)",
        color: "#1f2328",
        "font-size": SCREEN_FONT,
        "font-weight": 600,
        "text-valign": "bottom",
        "text-margin-y": 4,
        "text-wrap": "ellipsis",
        "text-max-width": 170,
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.9,
        "text-background-padding": 2,
        "text-background-shape": "round-rectangle",
        "border-width": 1.5,
        "border-color": "#ffffff",
        "min-zoomed-font-size": 0,
      },
    },
    { selector: "node.lab, node.hover, node:selected, node.kfocus", style: { label: "data(name)" } },
    { selector: "node:selected", style: { "border-color": "#1f2328", "border-width": 4, "z-index": 20 } },
    { selector: "node.kfocus", style: { "border-color": "#0b57d0", "border-width": 5, "z-index": 21 } },
    { selector: "node.hover", style: { "z-index": 22 } },
    { selector: ".dim", style: { opacity: 0.18 } },
    { selector: ".gone", style: { display: "none" } },
    {
      selector: "edge",
      style: {
        width: "mapData(claims, 1, 6, 1.6, 6)",
        "line-color": "data(colour)",
        "target-arrow-color": "data(colour)",
        "target-arrow-shape": "none",
        "arrow-scale": 1.1,
        "curve-style": "bezier",
        "line-style": "solid",
        opacity: 0.9,
        "font-size": EDGE_FONT,
        "font-weight": 600,
        color: "#343a40",
        "text-rotation": "autorotate",
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.9,
        "text-background-padding": 1.5,
        "min-zoomed-font-size": 0,
      },
    },
    { selector: "edge[?directed]", style: { "target-arrow-shape": "triangle" } },
    { selector: "edge[credibility >= 0]", style: { width: "mapData(credibility, 0, 1, 1.4, 6)" } },
    { selector: "edge.lab, edge.hover, edge:selected", style: { label: "data(mark)" } },
    { selector: "edge[?single_source]", style: { "line-style": "dashed", "line-dash-pattern": [8, 4] } },
    { selector: "edge[?hedged]", style: { "line-style": "dashed", "line-dash-pattern": [3, 6], opacity: 0.65 } },
    {
      selector: 'edge[polarity = "negated"]',
      style: { "line-style": "dotted", "target-arrow-shape": "tee", "source-arrow-shape": "tee", opacity: 0.85 },
    },
    { selector: "edge:selected", style: { "overlay-color": "#1f2328", "overlay-opacity": 0.15, "z-index": 10 } },
  ];
}

// A short mark for the tie itself: grade, then what should make a reader careful.
export function tieMark(e) {
  const marks = [];
  if (e.grade) marks.push(e.grade);
  if (e.polarity === "negated") marks.push("not");
  if (e.hedged) marks.push("hedged");
  if (e.anonymous) marks.push("anon");
  if (e.sources < 2) marks.push("1 src");
  else if (e.documents < 2) marks.push("1 doc");
  return marks.join(" · ");
}

function hash(text) {
  let x = 2166136261;
  for (let i = 0; i < text.length; i += 1) x = Math.imul(x ^ text.charCodeAt(i), 16777619);
  return (x >>> 0) / 4294967296;
}

// A deterministic starting point for a node: the same id always starts at the same place.
function seeded(id, spread) {
  const a = hash(id) * 2 * Math.PI;
  const r = Math.sqrt(hash(`${id}#r`)) * spread;
  return { x: Math.cos(a) * r, y: Math.sin(a) * r };
}

export function createGraph(container, { directed, labels, dbKey, onNode, onEdge, onBackground, announce }) {
  const cy = cytoscape({
    container,
    elements: [],
    style: stylesheet(),
    minZoom: 0.02,
    maxZoom: 4,
    selectionType: "single",
  });
  const layoutKey = `claimgraph.layout.${dbKey}`;
  let saved = {};
  try {
    saved = JSON.parse(localStorage.getItem(layoutKey) || "{}");
  } catch {
    saved = {};
  }
  const save = () => {
    cy.nodes().forEach((n) => { saved[n.id()] = [Math.round(n.position("x")), Math.round(n.position("y"))]; });
    try {
      localStorage.setItem(layoutKey, JSON.stringify(saved));
    } catch {
      // storage full or disabled: the layout is only not remembered
    }
  };

  const tip = h("div", { class: "graph-tip", role: "tooltip", hidden: true });
  container.parentElement.append(tip);
  const showTip = (evt, lines) => {
    tip.replaceChildren(...lines.map((l, i) => h(i ? "div" : "strong", {}, l)));
    const p = evt.renderedPosition || evt.target.renderedPosition();
    tip.style.left = `${Math.min(p.x + 14, container.clientWidth - 260)}px`;
    tip.style.top = `${p.y + 40}px`;
    tip.hidden = false;
  };

  cy.on("tap", "node", (evt) => onNode(evt.target.id()));
  cy.on("tap", "edge", (evt) => onEdge(evt.target.data()));
  cy.on("tap", (evt) => { if (evt.target === cy) onBackground(); });
  cy.on("mouseover", "node", (evt) => {
    const n = evt.target;
    n.addClass("hover");
    showTip(evt, [n.data("name"), `${n.data("type").replace("_", " ")} · ${n.data("claims")} claims in ${n.data("documents")} documents`]);
  });
  cy.on("mouseover", "edge", (evt) => {
    const e = evt.target;
    e.addClass("hover");
    const d = e.data();
    const names = `${cy.getElementById(d.source).data("name")} → ${cy.getElementById(d.target).data("name")}`;
    showTip(evt, [`${d.polarity === "negated" ? "not " : ""}${d.label}`, names, FAMILIES[familyOf(d.predicate)].label,
      `${d.claims} claims · ${d.documents} documents · ${d.sources} sources`, d.mark || "corroborated"]);
  });
  cy.on("mouseout", "node, edge", (evt) => { evt.target.removeClass("hover"); tip.hidden = true; });
  cy.on("dragfree", "node", save);
  let zoomTimer = null;
  cy.on("zoom", () => {
    tip.hidden = true;
    if (!zoomTimer) zoomTimer = setTimeout(() => { zoomTimer = null; updateLabels(); }, 60);
  });

  // Labels keep SCREEN_FONT on screen; only as many nodes are named as the zoom leaves room for.
  function updateLabels() {
    const z = cy.zoom();
    const shown = cy.nodes(":visible");
    const budget = Math.max(25, Math.floor(shown.length * Math.min(1, (z / 0.7) ** 2)));
    const ranked = shown.sort((a, b) => b.data("claims") - a.data("claims") || a.data("name").localeCompare(b.data("name")));
    const edgesShown = cy.edges(":visible");
    // Greedy label placement: the selected actor and its neighbours first, then the busiest actors, each only
    // where its label does not cover one already placed (approximate boxes, in screen pixels).
    const placed = [];
    const box = (n) => {
      const p = n.renderedPosition();
      const w = Math.min(n.data("name").length * 7 + 6, 176);
      const top = p.y + n.renderedHeight() / 2 + 2;
      return { x1: p.x - w / 2, x2: p.x + w / 2, y1: top, y2: top + 18 };
    };
    const free = (b) => !placed.some((q) => b.x1 < q.x2 && b.x2 > q.x1 && b.y1 < q.y2 && b.y2 > q.y1);
    const always = shown.filter(":selected, .kfocus");
    always.forEach((n) => placed.push(box(n)));
    const labelled = [];
    const near = ranked.filter((n) => n.hasClass("near") && !always.contains(n));
    for (const n of [...near, ...ranked.filter((m) => !m.hasClass("near"))]) {
      if (always.contains(n)) continue;
      if (labelled.length >= budget + near.length) break;
      const b = box(n);
      if (free(b)) { placed.push(b); labelled.push(n); }
    }
    cy.batch(() => {
      const k = Math.min(1 / z, 120 / SCREEN_FONT); // model units per screen pixel, bounded when far out
      cy.style().selector("node").style({ "font-size": SCREEN_FONT * k, "text-max-width": 170 * k, "text-margin-y": 4 * k,
        "text-background-padding": 2 * k })
        .selector("edge").style({ "font-size": EDGE_FONT * Math.min(1 / z, 48 / EDGE_FONT), "text-background-padding": 1.5 * k })
        .update();
      cy.nodes().removeClass("lab");
      labelled.forEach((n) => n.addClass("lab"));
      cy.edges().removeClass("lab");
      // Tie labels: all of them when few ties are shown or when zoomed in, each only where it covers no
      // node label or other tie label; the selection's ties first.
      if (edgesShown.length <= EDGE_LABELS_UP_TO || z >= 1.1 || near.length) {
        const order = edgesShown.sort((a, b) => Number(b.hasClass("near")) - Number(a.hasClass("near")) || b.data("claims") - a.data("claims"));
        for (const e of order) {
          if (!(edgesShown.length <= EDGE_LABELS_UP_TO || z >= 1.1) && !e.hasClass("near")) continue;
          const m = e.renderedMidpoint();
          const w = (e.data("mark") || "").length * 6.2 + 4;
          const b = { x1: m.x - w / 2, x2: m.x + w / 2, y1: m.y - 7, y2: m.y + 7 };
          if (free(b)) { placed.push(b); e.addClass("lab"); }
        }
      }
    });
  }

  function visible() {
    return cy.elements(":visible");
  }

  function fit(eles) {
    const target = eles && eles.nonempty() ? eles : visible();
    if (target.empty()) return;
    cy.fit(target, 36);
    if (cy.zoom() > MAX_FIT_ZOOM) {
      cy.zoom(MAX_FIT_ZOOM);
      cy.center(target);
    }
    updateLabels();
  }

  function layoutNew(fresh) {
    const known = cy.nodes().filter((n) => !fresh.has(n.id()));
    if (!fresh.size) return;
    const spread = 60 * Math.sqrt(cy.nodes().length + 1);
    fresh.forEach((id) => {
      const n = cy.getElementById(id);
      const anchors = n.neighborhood("node").filter((m) => !fresh.has(m.id()));
      if (anchors.nonempty() && known.length > fresh.size) {
        const c = anchors[0].position();
        const off = seeded(id, 70);
        n.position({ x: c.x + off.x, y: c.y + off.y });
      } else n.position(seeded(id, spread));
    });
    if (known.length && fresh.size < cy.nodes().length / 3) return;
    known.lock();
    cy.layout({
      name: "cose",
      animate: false,
      randomize: false,
      nodeDimensionsIncludeLabels: false,
      idealEdgeLength: () => 150,
      nodeRepulsion: () => 900000,
      nodeOverlap: 16,
      gravity: 30,
      componentSpacing: 150,
      numIter: 1200,
      fit: false,
    }).run();
    known.unlock();
  }

  function setData(graph) {
    const elements = [];
    const fresh = new Set();
    for (const n of graph.nodes) {
      const t = typeStyle(n.type);
      const el = { group: "nodes", data: { ...n, colour: t.colour, shape: t.shape } };
      if (saved[n.id]) el.position = { x: saved[n.id][0], y: saved[n.id][1] };
      else fresh.add(n.id);
      elements.push(el);
    }
    for (const e of graph.edges) {
      const data = { ...e, colour: FAMILIES[familyOf(e.predicate)].colour, directed: !!directed[e.predicate], mark: tieMark(e) };
      data.label = labels[e.predicate] || e.label;
      if (data.credibility === null) delete data.credibility;
      elements.push({ group: "edges", data });
    }
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elements);
    });
    layoutNew(fresh);
    if (fresh.size) save();
    updateLabels();
  }

  // The selected actor, its ties and neighbours stand out; everything else dims.
  function highlight(actorId) {
    cy.batch(() => {
      cy.elements().removeClass("dim near");
      if (!actorId) return;
      const node = cy.getElementById(actorId);
      if (!node.nonempty()) return;
      const keep = node.closedNeighborhood();
      keep.addClass("near");
      cy.elements().not(keep).addClass("dim");
    });
    updateLabels();
  }

  // Select an actor's node and zoom to it with its neighbours.
  function focus(actorId, { zoom = true } = {}) {
    const node = cy.getElementById(actorId);
    cy.elements().unselect();
    if (!node.nonempty()) return false;
    node.select();
    if (zoom) fit(node.closedNeighborhood().filter(":visible"));
    return true;
  }

  function focusEdge(edgeId) {
    const edge = cy.getElementById(edgeId);
    cy.elements().unselect();
    if (!edge.nonempty()) return false;
    edge.select();
    fit(edge.connectedNodes().union(edge));
    return true;
  }

  // Show only the actor's neighbourhood (1 or 2 hops); 0 shows the whole graph again.
  function neighbourhood(actorId, hops) {
    cy.batch(() => {
      cy.elements().removeClass("gone");
      const node = actorId ? cy.getElementById(actorId) : cy.collection();
      if (!hops || node.empty()) return;
      let keep = node;
      for (let i = 0; i < hops; i += 1) keep = keep.union(keep.closedNeighborhood());
      cy.elements().not(keep).addClass("gone");
    });
    fit();
  }

  // Keyboard: arrows move to the nearest node that way, Enter opens it, +/- zoom, 0 fits, Escape clears.
  let kfocus = null;
  container.addEventListener("keydown", (evt) => {
    const dirs = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };
    const shown = cy.nodes(":visible");
    if (dirs[evt.key]) {
      evt.preventDefault();
      const from = kfocus && kfocus.inside() && kfocus.visible() ? kfocus : cy.$("node:selected")[0] || null;
      let next = null;
      if (!from) next = shown.sort((a, b) => b.data("claims") - a.data("claims"))[0];
      else {
        const [dx, dy] = dirs[evt.key];
        const p = from.position();
        let best = Infinity;
        shown.forEach((n) => {
          if (n === from) return;
          const q = n.position();
          const along = (q.x - p.x) * dx + (q.y - p.y) * dy;
          if (along <= 0) return;
          const across = Math.abs((q.x - p.x) * dy) + Math.abs((q.y - p.y) * dx);
          const cost = along + 2 * across;
          if (cost < best) { best = cost; next = n; }
        });
      }
      if (next) {
        if (kfocus) kfocus.removeClass("kfocus");
        kfocus = next.addClass("kfocus");
        const r = next.renderedPosition();
        if (r.x < 20 || r.y < 20 || r.x > cy.width() - 20 || r.y > cy.height() - 20) cy.center(next);
        announce(`${next.data("name")}, ${next.data("type").replace("_", " ")}, ${next.degree()} ties. Enter to open.`);
      } else announce("No actor further that way.");
    } else if ((evt.key === "Enter" || evt.key === " ") && kfocus) {
      evt.preventDefault();
      onNode(kfocus.id());
    } else if (evt.key === "+" || evt.key === "=") {
      cy.zoom({ level: cy.zoom() * 1.25, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    } else if (evt.key === "-") {
      cy.zoom({ level: cy.zoom() / 1.25, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    } else if (evt.key === "0") fit();
    else if (evt.key === "Escape") onBackground();
  });

  return { cy, setData, focus, focusEdge, highlight, neighbourhood, fit, updateLabels };
}
