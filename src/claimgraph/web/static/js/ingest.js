// Adding an article: paste text (or HTML) or upload a file; the server cleans, extracts and stores it, and
// the page refreshes its graph without a reload.

import { postForm, postJSON, getJSON } from "./api.js";
import { h } from "./dom.js";

export function setupIngest(dialog, { onIngested }) {
  const form = dialog.querySelector("form");
  const text = form.querySelector("#paste-text");
  const format = form.querySelector("#paste-format");
  const file = form.querySelector("#upload-file");
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
        result = await postJSON("/documents", { text: text.value, format: format.value });
      }
      const actors = await actorsOf(result.doc_ids);
      status.replaceChildren(summary(result, actors));
      if (result.stored) {
        text.value = "";
        file.value = "";
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
  for (const id of docIds) {
    const doc = await getJSON(`/documents/${encodeURIComponent(id)}`);
    for (const s of doc.spans) if (s.kind === "mention" && s.type !== "place") names.set(s.ref, s.label);
  }
  return [...names].map(([id, name]) => ({ id, name }));
}

function summary(result, actors) {
  const parts = [];
  if (result.stored) parts.push(`Stored ${result.stored} document: ${result.claims} claims, ${result.events} events.`);
  if (result.duplicates) parts.push("Already stored: nothing changed.");
  for (const f of result.failures) parts.push(`Not stored (${f.stage}): ${f.reason}`);
  return h("div", { class: "ingest-result" }, h("p", {}, parts.join(" ")),
    actors.length ? h("p", { class: "new-actors" }, h("span", { class: "label" }, "Actors found: "), actors.map((a) => a.name).join(", ")) : null);
}
