// The time line: events, dated claims and report dates on one axis (SVG), with the same items listed below,
// newest first. It shows what the filters and the selected actor leave (the API's /explore/timeline).

import { chip, h, svg } from "./dom.js";

const KIND_ORDER = { event: 0, claim: 1, document: 2 };
const TICK_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500]; // years between ticks: at most ten ticks

function dayNumber(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, (m || 1) - 1, Math.min(d || 1, 28)) / 86400000;
}

export function renderTimeline(root, page, { onEvent, onClaim, onDocument, scope }) {
  const items = page.items;
  if (!items.length) {
    root.replaceChildren(h("p", { class: "muted" }, `No dated events or claims ${scope || "with the current filters"}.`));
    return;
  }
  const open = (item) => (item.kind === "event" ? onEvent(item.id) : item.kind === "claim" ? onClaim(item.id) : onDocument(item.doc_id));
  // The axis spans the bulk of the items: a few far older ones (a 1672 treaty in a 2016 report) are pinned to
  // its left end instead of squashing everything else into a corner.
  const starts = items.map((i) => dayNumber(i.date)).sort((a, b) => a - b);
  const lo = starts[Math.floor(starts.length * 0.03)];
  const hi = Math.max(...items.map((i) => dayNumber(i.date_end)));
  const span = Math.max(hi - lo, 1);
  const width = 1000;
  const x = (iso) => 20 + Math.max(0, (dayNumber(iso) - lo) / span) * (width - 40);
  const axis = svg("svg", { viewBox: `0 0 ${width} 64`, class: "axis", role: "img", "aria-label": "time line" },
    svg("line", { x1: 20, x2: width - 20, y1: 40, y2: 40, class: "axis-line" }));
  const tick = (iso, label) => {
    if (dayNumber(iso) < lo) return;
    const px = x(iso);
    if (px >= 20 && px <= width - 20) {
      axis.append(svg("line", { x1: px, x2: px, y1: 36, y2: 44, class: "tick" }), svg("text", { x: px, y: 58, class: "tick-label" }, label));
    }
  };
  const iso = (day) => new Date(day * 86400000).toISOString().slice(0, 10);
  const first = Number(iso(lo).slice(0, 4));
  const last = Number(iso(hi).slice(0, 4));
  if (last - first < 2) {
    const months = (last - first + 1) * 12;
    const every = months <= 12 ? 1 : 3;
    for (let m = 0; m < months; m += every) {
      const y = first + Math.floor(m / 12);
      const mm = String((m % 12) + 1).padStart(2, "0");
      tick(`${y}-${mm}-01`, mm === "01" ? String(y) : `${y}-${mm}`);
    }
  } else {
    const step = TICK_STEPS.find((s) => (last - first) / s <= 10) || 1000;
    for (let year = Math.ceil(first / step) * step; year <= last + 1; year += step) {
      const label = String(year).padStart(4, "0");
      tick(`${label}-01-01`, label);
    }
  }
  if (starts[0] < lo) axis.append(svg("text", { x: 20, y: 12, class: "tick-label earlier" }, "◀ earlier"));
  items.forEach((item) => {
    const x1 = x(item.date);
    const x2 = Math.max(x(item.date_end), x1 + 8);
    const y = 28 - KIND_ORDER[item.kind] * 9;
    const mark = svg("rect", { x: x1, y, width: x2 - x1, height: 7, rx: 3, class: `mark mark-${item.kind}`, onclick: () => open(item) },
      svg("title", {}, `${item.date.slice(0, 10)} ${item.label}`));
    axis.append(mark);
  });
  const list = h("ol", { class: "timeline-list" }, items.map((item) => h("li", { class: `tl-${item.kind}` },
    h("span", { class: "when" }, shortDate(item)), chip(item.kind, `kind-${item.kind}`),
    h("button", { type: "button", class: "link", onclick: () => open(item) }, item.label))));
  const more = page.total > items.length ? h("p", { class: "muted small" }, `Showing the newest ${items.length} of ${page.total}.`) : null;
  const head = h("p", { class: "muted small scope" }, `${page.total} dated item${page.total === 1 ? "" : "s"}${scope ? ` ${scope}` : ""}, newest first.`);
  root.replaceChildren(head, axis, list, more || "");
}

function shortDate(item) {
  const a = item.date;
  const b = item.date_end;
  if (a === b) return a;
  if (a.endsWith("-01-01") && b.endsWith("-12-31") && a.slice(0, 4) === b.slice(0, 4)) return a.slice(0, 4);
  if (a.slice(0, 7) === b.slice(0, 7) && a.endsWith("-01")) return a.slice(0, 7);
  return `${a} – ${b}`;
}
