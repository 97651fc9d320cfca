// The convergence view: the top pairs of groups with the signals behind each score, and the brokers that
// bridge groups. Clicking a pair shows its signals and their evidence in the evidence panel.

import { getJSON } from "./api.js";
import { chip, h } from "./dom.js";

const SIGNAL_WORDS = {
  direct_tie: "direct tie",
  member_tie: "members met",
  shared_person: "shared person",
  sponsor: "shared sponsor",
  shared_place: "shared place",
  shared_target: "shared target",
  shared_media: "shared media",
  hostile: "hostility",
};

export function signalName(kind) {
  return SIGNAL_WORDS[kind] || kind.replaceAll("_", " ");
}

// The filters apply as they do to the graph: dates bound the evidence scored (since, as of), the selected
// actor keeps its own pairs, actor types keep pairs of those types, and predicates and "hide hedged" keep
// only the signals whose evidence passes them (a pair left with no signal is dropped).
export function filterPairs(items, filters, actor) {
  const keepEvidence = (e) => (!filters.predicate || filters.predicate.includes(e.predicate))
    && (!filters.hide_hedged || e.modality === "asserted");
  return items
    .filter((p) => !actor || p.a.id === actor || p.b.id === actor)
    .filter((p) => !filters.type || (filters.type.includes(p.a.type) && filters.type.includes(p.b.type)))
    .map((p) => {
      if (!filters.predicate && !filters.hide_hedged) return p;
      const signals = p.signals.map((s) => ({ ...s, evidence: s.evidence.filter(keepEvidence) })).filter((s) => s.evidence.length);
      return { ...p, signals };
    })
    .filter((p) => p.signals.length);
}

export async function renderAnalysis(root, { onPair, onActor, filters, actor }) {
  root.replaceChildren(h("p", { class: "muted" }, "Scoring pairs…"));
  try {
    const dates = { since: filters.since, as_of: filters.until };
    const [all, brokers] = await Promise.all([getJSON("/convergence", { ...dates, limit: 500 }), getJSON("/brokers", { as_of: filters.until, limit: 6 })]);
    const kept = filterPairs(all.items, filters, actor);
    const pairs = { total: kept.length, items: kept.slice(0, 10) };
    const rows = pairs.items.map((p, i) => h("tr", { class: p.converging ? "" : "hostile" },
      h("td", { class: "rank" }, String(i + 1)),
      h("td", {}, h("button", { type: "button", class: "link pair", onclick: () => onPair(p) }, `${p.a.name} ⇄ ${p.b.name}`)),
      h("td", { class: "num" }, scoreBar(p.score), ` ${p.score.toFixed(2)}`, h("span", { class: `trend ${p.direction}` }, arrow(p.direction))),
      h("td", {}, p.signals.slice(0, 4).map((s) => chip(`${signalName(s.kind)}${s.via.length ? `: ${s.via.map((v) => v.name).join(", ")}` : ""}`, s.strength < 0 ? "neg" : "sig")),
        p.signals.length > 4 ? h("span", { class: "muted" }, ` +${p.signals.length - 4}`) : null),
      h("td", {}, p.single_source ? chip("single source", "warn") : chip(`${p.documents.length} documents`, "ok"))));
    const table = h("table", { class: "pairs" },
      h("colgroup", {}, ["rank", "pair", "score", "signals", "basis"].map((c) => h("col", { class: `c-${c}` }))),
      h("thead", {}, h("tr", {}, h("th", {}, "#"), h("th", {}, "Pair"), h("th", {}, "Score"), h("th", {}, "Signals"), h("th", {}, "Basis"))),
      h("tbody", {}, rows));
    const brokerList = h("ol", { class: "brokers" }, brokers.items.map((b) => h("li", {},
      h("button", { type: "button", class: "link", onclick: () => onActor(b.actor.id) }, b.actor.name),
      h("span", { class: "muted" }, ` ${b.score.toFixed(2)} · bridges ${b.bridges.slice(0, 2).map((x) => `${x.a.name} & ${x.b.name}`).join("; ") || "—"}`))));
    root.replaceChildren(h("div", { class: "analysis" },
      h("div", {}, h("h3", {}, `Converging pairs (${pairs.total})`), pairs.items.length ? table : h("p", { class: "muted" }, "No pairs yet.")),
      h("div", {}, h("h3", {}, `Brokers (${brokers.total})`), brokers.items.length ? brokerList : h("p", { class: "muted" }, "No brokers yet."))));
  } catch (err) {
    root.replaceChildren(h("p", { class: "error", role: "alert" }, err.message));
  }
}

function scoreBar(score) {
  const bar = h("span", { class: "bar", "aria-hidden": "true" });
  const fill = h("span", { class: score < 0 ? "fill neg" : "fill" });
  fill.style.width = `${Math.min(Math.abs(score), 1) * 100}%`;
  bar.append(fill);
  return bar;
}

function arrow(direction) {
  return direction === "rising" ? " ▲" : direction === "falling" ? " ▼" : " ▬";
}
