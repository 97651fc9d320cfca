// Actor search: names, aliases or any word of one starting with what is typed ("Al" finds al-Qaeda), as a
// combobox: ↓/↑ move through the results, Enter opens one, Escape closes the list.

import { getJSON } from "./api.js";
import { h } from "./dom.js";

export function setupSearch(input, list, { onPick }) {
  let items = [];
  let active = -1;
  let ticket = 0;

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const pick = (a) => {
    close();
    input.value = a.name;
    onPick(a);
  };
  const mark = (i) => {
    const options = list.querySelectorAll("[role=option]");
    options.forEach((o, j) => o.setAttribute("aria-selected", String(j === i)));
    active = i;
    if (options[i]) {
      input.setAttribute("aria-activedescendant", options[i].id);
      options[i].scrollIntoView({ block: "nearest" });
    }
  };

  input.addEventListener("input", async () => {
    const mine = ++ticket;
    const q = input.value.trim();
    if (!q) { list.replaceChildren(); close(); return; }
    let found;
    try {
      found = await getJSON("/explore/search", { q, limit: 10 });
    } catch (err) {
      list.replaceChildren(h("li", { class: "error" }, err.message));
      list.hidden = false;
      return;
    }
    if (mine !== ticket) return;
    items = found.items;
    list.replaceChildren(...items.map((a, i) => h("li", { id: `search-option-${i}`, role: "option", "aria-selected": "false", onclick: () => pick(a) },
      a.name, h("span", { class: "muted" }, ` ${a.type.replace("_", " ")} · ${a.documents} document${a.documents === 1 ? "" : "s"}`))));
    if (!items.length) list.replaceChildren(h("li", { class: "muted" }, "No actor by that name."));
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    active = -1;
  });
  input.addEventListener("keydown", (evt) => {
    if (list.hidden && evt.key === "ArrowDown" && items.length) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
    if (evt.key === "ArrowDown" && items.length) { evt.preventDefault(); mark(Math.min(active + 1, items.length - 1)); }
    else if (evt.key === "ArrowUp" && items.length) { evt.preventDefault(); mark(Math.max(active - 1, 0)); }
    else if (evt.key === "Enter" && items.length) { evt.preventDefault(); pick(items[Math.max(active, 0)]); }
    else if (evt.key === "Escape") close();
  });
  input.addEventListener("blur", () => setTimeout(close, 150));
}
