// The map: located events (circles, sized by the dead reported) and the place actors of the filtered claims and events
// (green diamonds) over a bundled world basemap (Natural Earth 1:110m from world-atlas, drawn with d3-geo):
// nothing is fetched from outside the server. Events at one spot share one mark; a click or Enter opens
// their evidence, and the selected actor's marks stand out.

import { feature, geoEqualEarth, geoGraticule10, geoPath, mesh } from "../vendor/geo.esm.min.js";
import { h, svg } from "./dom.js";

let world = null;
async function basemap() {
  if (!world) {
    const response = await fetch("/static/vendor/countries-110m.json");
    const topo = await response.json();
    world = { land: feature(topo, topo.objects.countries), borders: mesh(topo, topo.objects.countries, (a, b) => a !== b) };
  }
  return world;
}

function groupBy(items, key) {
  const out = new Map();
  for (const item of items) {
    const k = key(item);
    if (!out.has(k)) out.set(k, []);
    out.get(k).push(item);
  }
  return out;
}

export function createMap(root, { onEvents, onPlace }) {
  let last = null;
  let zoom = 1; // relative to the fitted view
  let centre = null; // [lon, lat] at the middle of the map, once zoomed

  async function render(data, { selected = null, scope = "", keepZoom = false } = {}) {
    if (!keepZoom) { zoom = 1; centre = null; }
    last = { data, selected, scope };
    const { land, borders } = await basemap();
    const box = root.getBoundingClientRect();
    const width = Math.max(320, Math.round(box.width));
    const height = Math.max(220, Math.round(box.height - 34));
    const points = [...data.events.map((e) => [e.lon, e.lat]), ...data.places.map((p) => [p.lon, p.lat])];
    const projection = geoEqualEarth();
    if (points.length) {
      const lons = points.map((p) => p[0]);
      const lats = points.map((p) => p[1]);
      const pad = 4; // degrees around the data, so a single point is not a whole screen
      const corners = [[Math.min(...lons) - pad, Math.min(...lats) - pad], [Math.max(...lons) + pad, Math.max(...lats) + pad]];
      projection.fitExtent([[24, 24], [width - 24, height - 24]], {
        type: "MultiPoint",
        coordinates: [...corners, [corners[0][0], corners[1][1]], [corners[1][0], corners[0][1]]],
      });
    } else projection.fitExtent([[10, 10], [width - 10, height - 10]], { type: "Sphere" });
    if (zoom !== 1 || centre) {
      const middle = centre || projection.invert([width / 2, height / 2]);
      projection.scale(projection.scale() * zoom);
      const [px, py] = projection(middle);
      const [tx, ty] = projection.translate();
      projection.translate([tx + width / 2 - px, ty + height / 2 - py]);
    }
    const path = geoPath(projection);
    const zoomTo = (factor, at) => {
      centre = at ? projection.invert(at) : centre || projection.invert([width / 2, height / 2]);
      zoom = Math.min(Math.max(zoom * factor, 0.5), 64);
      render(last.data, { ...last, keepZoom: true });
    };
    const map = svg("svg", { class: "map", viewBox: `0 0 ${width} ${height}`, width, height, role: "group", "aria-label": "Map of located events and places" },
      svg("path", { d: path({ type: "Sphere" }), class: "ocean" }),
      svg("path", { d: path(geoGraticule10()), class: "graticule" }),
      svg("path", { d: path(land), class: "land" }),
      svg("path", { d: path(borders), class: "borders" }));
    map.addEventListener("dblclick", (evt) => {
      const r = map.getBoundingClientRect();
      zoomTo(2, [evt.clientX - r.left, evt.clientY - r.top]);
    });

    const mark = (node, label, open, on) => {
      node.setAttribute("tabindex", "0");
      node.setAttribute("role", "button");
      node.setAttribute("aria-label", label);
      node.setAttribute("class", `${node.getAttribute("class")}${on ? " on" : ""}`);
      node.append(svg("title", {}, label));
      node.addEventListener("click", open);
      node.addEventListener("keydown", (evt) => { if (evt.key === "Enter" || evt.key === " ") { evt.preventDefault(); open(); } });
      return node;
    };
    const spots = groupBy(data.events, (e) => `${e.lat.toFixed(3)},${e.lon.toFixed(3)}`);
    for (const group of spots.values()) {
      const [x, y] = projection([group[0].lon, group[0].lat]);
      const killed = group.reduce((a, e) => a + (e.killed || 0), 0);
      const r = Math.min(5 + Math.sqrt(killed) + 1.5 * Math.log2(group.length), 16);
      const label = `${group[0].place || "here"}: ${group.length} event${group.length === 1 ? "" : "s"} (${group.map((e) => `${e.date || "undated"} ${e.label}`).slice(0, 3).join("; ")}${group.length > 3 ? "; …" : ""})`;
      const g = svg("g", { class: "event-spot", "data-events": group.map((e) => e.id).join(" ") },
        svg("circle", { cx: x, cy: y, r, class: "event" }),
        group.length > 1 ? svg("text", { x, y: y + 3.5, class: "count" }, String(group.length)) : null);
      const on = selected && group.some((e) => e.place_actor === selected);
      map.append(mark(g, label, () => onEvents(group.map((e) => e.id)), on));
    }
    // Places on top of the events: a place with events is a diamond inside their circle.
    for (const p of data.places) {
      const [x, y] = projection([p.lon, p.lat]);
      const where = [p.name, p.admin1, p.country].filter(Boolean).join(", ");
      const label = `${where}: ${p.claims.length} claims, ${p.events.length} events`;
      const d = `M${x},${y - 6}L${x + 6},${y}L${x},${y + 6}L${x - 6},${y}Z`;
      map.append(mark(svg("path", { d, class: "place", "data-actor": p.actor_id }), label, () => onPlace(p.actor_id), p.actor_id === selected));
    }
    const controls = h("span", { class: "map-zoom" },
      h("button", { type: "button", class: "ghost", "aria-label": "Zoom in", onclick: () => zoomTo(2) }, "+"),
      h("button", { type: "button", class: "ghost", "aria-label": "Zoom out", onclick: () => zoomTo(0.5) }, "−"),
      h("button", { type: "button", class: "ghost", onclick: () => render(last.data, { ...last, keepZoom: false }) }, "Fit"));
    const head = h("p", { class: "map-head muted small" }, controls,
      `${data.events.length} located event${data.events.length === 1 ? "" : "s"} at ${spots.size} spot${spots.size === 1 ? "" : "s"} · ${data.places.length} place${data.places.length === 1 ? "" : "s"} ${scope}`,
      h("span", { class: "map-legend" }, svg("svg", { width: 12, height: 12, "aria-hidden": "true" }, svg("circle", { cx: 6, cy: 6, r: 5, class: "event" })), " event ",
        svg("svg", { width: 12, height: 12, "aria-hidden": "true" }, svg("path", { d: "M6,0L12,6L6,12L0,6Z", class: "place" })), " place actor"));
    root.replaceChildren(head, map);
    root.dataset.ready = "true";
  }

  // Mark the spot of one event (from the time line) without redrawing.
  function highlight(eventId) {
    root.querySelectorAll(".event-spot.picked").forEach((n) => n.classList.remove("picked"));
    const spot = [...root.querySelectorAll(".event-spot")].find((n) => n.dataset.events.split(" ").includes(eventId));
    if (spot) spot.classList.add("picked");
    return !!spot;
  }

  function redraw() {
    if (last) render(last.data, { ...last, keepZoom: true });
  }

  return { render, highlight, redraw };
}
