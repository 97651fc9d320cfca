// The view lives in the address: filters, the selected actor or tie, the neighbourhood, the open tab, graph or
// map, and an open document with its cited span. Reloading or sharing the address gives the same view.

const LISTS = ["predicate", "type"];
const SCALARS = ["since", "until", "min_credibility", "hide_hedged", "actor", "edge", "hops", "tab", "view", "doc", "span"];

export function readView() {
  const q = new URLSearchParams(window.location.search);
  const out = {};
  for (const key of LISTS) if (q.has(key)) out[key] = q.get(key).split(",").filter(Boolean);
  for (const key of SCALARS) if (q.has(key)) out[key] = q.get(key);
  return out;
}

export function writeView(view) {
  const q = new URLSearchParams();
  for (const key of LISTS) if (view[key] && view[key].length) q.set(key, view[key].join(","));
  for (const key of SCALARS) {
    const v = view[key];
    if (v !== undefined && v !== null && v !== "" && v !== false) q.set(key, v === true ? "1" : String(v));
  }
  const s = q.toString();
  const url = window.location.pathname + (s ? `?${s}` : "");
  if (url !== window.location.pathname + window.location.search) window.history.replaceState(null, "", url);
}
