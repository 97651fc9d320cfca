// The filter bar: predicate (with the colour legend), date range, minimum credibility, hide hedged, actor
// type. `values()` gives the query parameters the API's /graph, /claims and /timeline routes take.

import { h } from "./dom.js";
import { FAMILIES, familyOf, typeStyle } from "./palette.js";

export class Filters {
  constructor(root, { ontology, colours, graded, onChange }) {
    this.root = root;
    this.onChange = onChange;
    this.predicates = new Map();
    this.types = new Map();
    const changed = () => this.onChange(this.values());

    const rowsOf = Object.values(ontology.predicates).map((p) => {
      const box = h("input", { type: "checkbox", checked: true, name: "predicate", value: p.name, onchange: changed });
      this.predicates.set(p.name, box);
      const line = h("span", { class: `legend-line${p.direction === "symmetric" ? "" : " directed"}`, "aria-hidden": "true" });
      line.style.setProperty("--colour", colours[p.name]);
      return [familyOf(p.name), h("label", { class: "check", title: p.label }, box, line, p.label.split(" (")[0])];
    });
    // Predicates under their colour family, in the families' order.
    const predicateRows = Object.entries(FAMILIES).flatMap(([family, f]) => {
      const rows = rowsOf.filter(([fam]) => fam === family).map(([, row]) => row);
      if (!rows.length) return [];
      const swatch = h("span", { class: "legend-line", "aria-hidden": "true" });
      swatch.style.setProperty("--colour", f.colour);
      return [h("p", { class: "family" }, swatch, f.label), h("div", { class: "family-rows" }, rows)];
    });
    const typeRows = Object.entries(ontology.entity_types).map(([name, t]) => {
      const box = h("input", { type: "checkbox", checked: true, name: "type", value: name, onchange: changed });
      this.types.set(name, box);
      const dot = h("span", { class: "legend-dot", "aria-hidden": "true" });
      dot.style.background = typeStyle(name).colour;
      return h("label", { class: "check" }, box, dot, t.label);
    });

    this.since = h("input", { type: "date", id: "f-since", onchange: changed });
    this.until = h("input", { type: "date", id: "f-until", onchange: changed });
    this.minCred = h("input", { type: "range", id: "f-cred", min: "0", max: "1", step: "0.05", value: "0", disabled: !graded });
    this.credOut = h("output", { for: "f-cred" }, graded ? "any" : "no grades stored");
    this.minCred.addEventListener("input", () => { this.credOut.textContent = this.minCred.value === "0" ? "any" : `≥ ${this.minCred.value}`; });
    this.minCred.addEventListener("change", changed);
    this.hideHedged = h("input", { type: "checkbox", id: "f-hedged", onchange: changed });

    const allNone = (map) => h("span", { class: "bulk" },
      h("button", { type: "button", class: "link", onclick: () => { map.forEach((b) => { b.checked = true; }); changed(); } }, "all"), " · ",
      h("button", { type: "button", class: "link", onclick: () => { map.forEach((b) => { b.checked = false; }); changed(); } }, "none"));

    root.replaceChildren(
      h("h2", {}, "Filters"),
      h("label", { class: "check strong" }, this.hideHedged, "Hide hedged claims"),
      h("fieldset", {}, h("legend", {}, "Date"),
        h("label", { class: "field" }, "From", this.since), h("label", { class: "field" }, "To", this.until)),
      h("fieldset", {}, h("legend", {}, "Minimum credibility"), h("div", { class: "range" }, this.minCred, this.credOut)),
      h("fieldset", { class: "legend" }, h("legend", {}, "Ties (predicate) ", allNone(this.predicates)), predicateRows),
      h("fieldset", { class: "legend" }, h("legend", {}, "Actor types ", allNone(this.types)), typeRows),
      h("fieldset", { class: "legend styles" }, h("legend", {}, "Line style"),
        styleRow("solid", "corroborated: ≥2 sources, ≥2 documents"),
        styleRow("dashed", "single source or document (“1 src”, “1 doc”)"),
        styleRow("hedged", "hedged only (“signs indicating”)"),
        styleRow("dotted", "negated (“denied”, “not”)"),
        h("p", { class: "muted small" }, "Each tie is labelled with its best grade (e.g. “F3”: reliability F, "
          + "credibility 3) and “anon” when every source is anonymous. Width: credibility when graded, else claims.")),
    );
  }

  // Restore the boxes from an address (url.js); absent keys mean "no filter".
  set(view) {
    const pick = (map, wanted) => map.forEach((box, name) => { box.checked = !wanted || wanted.includes(name); });
    pick(this.predicates, view.predicate);
    pick(this.types, view.type);
    this.since.value = view.since || "";
    this.until.value = view.until || "";
    this.minCred.value = view.min_credibility || "0";
    this.credOut.textContent = this.minCred.value === "0" ? (this.minCred.disabled ? "no grades stored" : "any") : `≥ ${this.minCred.value}`;
    this.hideHedged.checked = view.hide_hedged === "1" || view.hide_hedged === true;
  }

  values() {
    const on = (map) => [...map].filter(([, box]) => box.checked).map(([name]) => name);
    const predicates = on(this.predicates);
    const types = on(this.types);
    return {
      predicate: predicates.length === this.predicates.size ? undefined : predicates.length ? predicates : ["__none__"],
      type: types.length === this.types.size ? undefined : types.length ? types : ["__none__"],
      since: this.since.value || undefined,
      until: this.until.value || undefined,
      min_credibility: Number(this.minCred.value) > 0 ? this.minCred.value : undefined,
      hide_hedged: this.hideHedged.checked || undefined,
    };
  }
}

function styleRow(kind, text) {
  return h("div", { class: "check" }, h("span", { class: `legend-line style-${kind}`, "aria-hidden": "true" }), text);
}
