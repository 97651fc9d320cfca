// Adding an article: paste text (or HTML) or upload a file; the server cleans, extracts and stores it, and
// the page refreshes its graph without a reload.

import { postForm, postJSON, getJSON } from "./api.js";
import { h } from "./dom.js";

export function setupIngest(dialog, { onIngested }) {
  const form = dialog.querySelector("form");
  const text = form.querySelector("#paste-text");
  const format = form.querySelector("#paste-format");
  const file = form.querySelector("#upload-file");
  const url = form.querySelector("#paste-url");
  const outlet = form.querySelector("#paste-outlet");
  const published = form.querySelector("#paste-published");
  const status = form.querySelector(".ingest-status");
  const submit = form.querySelector("button[type=submit]");

  form.querySelector("[data-close]").addEventListener("click", () => dialog.close());
  form.addEventListener("submit", async (evt) => {
    evt.preventDefault();
    const chosen = file.files && file.files[0];
    if (!chosen && !text.value.trim()) {
      status.replaceChildren(h("span", { class: "error" }, "Paste an article or choose a file first."));
      return;
    }
    submit.disabled = true;
    status.replaceChildren(h("span", { class: "busy" }, "Reading and extracting… the first article loads the language model."));
    try {
      let result;
      if (chosen) {
        const data = new FormData();
        data.append("file", chosen);
        result = await postForm("/documents/upload", data);
      } else {
        const meta = { url: url.value.trim() || undefined, outlet: outlet.value.trim() || undefined, published: published.value || undefined };
        result = await postJSON("/documents", { text: text.value, format: format.value, ...meta });
      }
      const { actors, docs } = await actorsOf(result.doc_ids);
      status.replaceChildren(summary(result, actors, docs, !!published.value));
      if (result.stored) {
        text.value = "";
        file.value = "";
        url.value = "";
        outlet.value = "";
        published.value = "";
      }
      await onIngested(result, actors);
    } catch (err) {
      status.replaceChildren(h("span", { class: "error", role: "alert" }, err.message));
    } finally {
      submit.disabled = false;
    }
  });
}

async function actorsOf(docIds) {
  const names = new Map();
  const docs = [];
  for (const id of docIds) {
    const doc = await getJSON(`/documents/${encodeURIComponent(id)}`);
    docs.push(doc);
    for (const s of doc.spans) if (s.kind === "mention" && s.type !== "place") names.set(s.ref, s.label);
  }
  return { actors: [...names].map(([id, name]) => ({ id, name })), docs };
}

// What the article added: counts, actors, and the metadata it was stored with (the date given, or the one
// read from its dateline, or none).
function summary(result, actors, docs, dateGiven) {
  const parts = [];
  if (result.stored) parts.push(`Stored ${result.stored} document: ${result.claims} claims, ${result.events} events.`);
  if (result.duplicates) parts.push("Already stored: nothing changed.");
  for (const f of result.failures) parts.push(`Not stored (${f.stage}): ${f.reason}`);
  const metaLines = docs.map((d) => h("p", { class: "doc-meta" }, h("span", { class: "label" }, "Stored as: "),
    [d.outlet || "no outlet", d.published ? `${d.published}${dateGiven ? "" : " (read from the text)"}` : "undated", d.url || "no URL"].join(" · ")));
  return h("div", { class: "ingest-result" }, h("p", {}, parts.join(" ")), metaLines,
    actors.length ? h("p", { class: "new-actors" }, h("span", { class: "label" }, "Actors found: "), actors.map((a) => a.name).join(", ")) : null);
}
