// The actor graph (Cytoscape.js). Edge colour = predicate; solid = corroborated (two or more sources in two or
// more documents, not hedged), dashed = single-source, faint long dashes = hedged, dotted = negated. Edge width
// follows credibility when the grading stage stored one, otherwise the number of claims behind the tie.

import cytoscape from "../vendor/cytoscape.esm.min.js";
import { typeStyle } from "./palette.js";

const LABELS_UP_TO = 80;
const MAX_FIT_ZOOM = 1.25; // a small graph is not blown up past this when fitted // edge labels are drawn while the graph has at most this many edges

function stylesheet(directed) {
  const rules = [
    {
      selector: "node",
      style: {
        label: "data(name)",
        "background-color": "data(colour)",
        shape: "data(shape)",
        width: "mapData(claims, 1, 12, 28, 68)",
        height: "mapData(claims, 1, 12, 28, 68)",
        color: "#212529",
        "font-size": 13,
        "font-weight": 600,
        "text-valign": "bottom",
        "text-margin-y": 5,
        "text-wrap": "wrap",
        "text-max-width": 120,
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.85,
        "text-background-padding": 2,
        "text-background-shape": "round-rectangle",
        "border-width": 2,
        "border-color": "#ffffff",
      },
    },
    { selector: "node:selected", style: { "border-color": "#212529", "border-width": 4 } },
    { selector: "node.dim, edge.dim", style: { opacity: 0.3 } },
    {
      selector: "edge",
      style: {
        width: "mapData(claims, 1, 6, 2, 7)",
        "line-color": "data(colour)",
        "target-arrow-color": "data(colour)",
        "target-arrow-shape": "none",
        "arrow-scale": 1.1,
        "curve-style": "bezier",
        "line-style": "solid",
        opacity: 0.95,
        "font-size": 10,
        color: "#495057",
        "text-rotation": "autorotate",
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.8,
        "text-background-padding": 1,
      },
    },
    { selector: "edge[credibility >= 0]", style: { width: "mapData(credibility, 0, 1, 1.2, 6)" } },
    { selector: "edge.labelled", style: { label: "data(short)" } },
    { selector: "edge[?single_source]", style: { "line-style": "dashed", "line-dash-pattern": [7, 4] } },
    { selector: "edge[?hedged]", style: { "line-style": "dashed", "line-dash-pattern": [3, 5], opacity: 0.6 } },
    {
      selector: 'edge[polarity = "negated"]',
      style: { "line-style": "dotted", "target-arrow-shape": "tee", "line-color": "#adb5bd", opacity: 0.8 },
    },
    { selector: "edge:selected", style: { "overlay-color": "#212529", "overlay-opacity": 0.12, "z-index": 10 } },
  ];
  for (const [predicate, isDirected] of Object.entries(directed)) {
    if (isDirected) rules.push({ selector: `edge[predicate = "${predicate}"]`, style: { "target-arrow-shape": "triangle" } });
  }
  return rules;
}

export function createGraph(container, { colours, directed, labels, onNode, onEdge, onBackground }) {
  const cy = cytoscape({
    container,
    elements: [],
    style: stylesheet(directed),
    minZoom: 0.2,
    maxZoom: 3,
    selectionType: "single",
  });
  cy.on("tap", "node", (evt) => onNode(evt.target.id()));
  cy.on("tap", "edge", (evt) => onEdge(evt.target.data()));
  cy.on("tap", (evt) => {
    if (evt.target === cy) onBackground();
  });

  function setData(graph) {
    const previous = new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }]));
    const elements = [];
    for (const n of graph.nodes) {
      const t = typeStyle(n.type);
      const el = { group: "nodes", data: { ...n, colour: t.colour, shape: t.shape } };
      if (previous.has(n.id)) el.position = previous.get(n.id);
      elements.push(el);
    }
    for (const e of graph.edges) {
      const short = (labels[e.predicate] || e.predicate).split(" (")[0];
      const data = { ...e, colour: colours[e.predicate] || "#868e96", short: e.polarity === "negated" ? `not ${short}` : short };
      if (data.credibility === null) delete data.credibility;
      elements.push({ group: "edges", data });
    }
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elements);
      cy.edges().toggleClass("labelled", graph.edges.length <= LABELS_UP_TO);
    });
    const fresh = graph.nodes.some((n) => !previous.has(n.id));
    if (fresh || !graph.nodes.length) {
      cy.layout({
        name: "cose",
        animate: false,
        randomize: previous.size === 0,
        nodeDimensionsIncludeLabels: true,
        idealEdgeLength: () => 120,
        nodeRepulsion: () => 400000,
        nodeOverlap: 20,
        gravity: 40,
        componentSpacing: 100,
        numIter: 1500,
        padding: 40,
        fit: false,
      }).run();
      cy.fit(undefined, 30);
      if (cy.zoom() > MAX_FIT_ZOOM) {
        cy.zoom(MAX_FIT_ZOOM);
        cy.center();
      }
    }
  }

  // Select an actor's node; pan to it only when it is outside the visible part of the graph.
  function focus(actorId) {
    const node = cy.getElementById(actorId);
    cy.elements().unselect();
    if (!node.nonempty()) return false;
    node.select();
    const p = node.renderedPosition();
    if (p.x < 0 || p.y < 0 || p.x > cy.width() || p.y > cy.height()) cy.animate({ center: { eles: node }, duration: 250 });
    return true;
  }

  function highlight(actorId) {
    cy.elements().removeClass("dim");
    if (!actorId) return;
    const node = cy.getElementById(actorId);
    if (!node.nonempty()) return;
    const keep = node.closedNeighborhood();
    cy.elements().not(keep).addClass("dim");
  }

  return { cy, setData, focus, highlight };
}
