// The evidence panel: the claims behind a node or an edge, each with its source, cue, modality, credibility
// and the document sentence with the evidence span highlighted; events; whole documents with their spans.

import { getJSON, postJSON } from "./api.js";
import { chip, h, highlighted, safeLink } from "./dom.js";
import { typeStyle } from "./palette.js";

const HIGHLIGHT_TITLES = { evidence: "evidence span", subject: "subject", object: "object", cue: "cue" };
const KIND_LABEL = {
  named_person: "named person",
  organisation: "organisation",
  anonymous: "anonymous",
  outlet: "the outlet itself",
  document: "a document",
};

// A document's title, else its outlet and first words: never a file path.
export function docTitle(doc, text) {
  if (doc.display_title) return doc.display_title;
  if (doc.title) return doc.title;
  const words = (text || doc.opening || "").split(/\s+/).filter(Boolean).slice(0, 10).join(" ");
  const opening = words ? `“${words}…”` : "untitled document";
  return doc.outlet ? `${doc.outlet}: ${opening}` : opening;
}

function claimDate(c) {
  return c.time || c.document.published || "";
}

export class EvidencePanel {
  constructor(root, { onActor, onDocument, filters, onShow, onReviewed }) {
    this.root = root;
    this.onReviewed = onReviewed || (() => {}); // a review changed the graph: the page refreshes its views
    this.onActor = onActor;
    this.onDocument = onDocument;
    this.filters = filters; // () => query params of the filter bar
    this.onShow = onShow || (() => {}); // (what) => the page keeps it in the address
    this.ticket = 0;
    this.current = null; // {label, run}: how to get back to what the panel showed before a document
  }

  remember(label, run) {
    this.current = { label, run };
  }

  // Only the latest request may paint the panel: a slow answer for an earlier click is dropped.
  async load(title, build) {
    const ticket = ++this.ticket;
    this.root.replaceChildren(h("p", { class: "muted" }, `Loading ${title}…`));
    try {
      const nodes = await build();
      if (ticket === this.ticket) this.root.replaceChildren(...nodes);
    } catch (err) {
      if (ticket === this.ticket) this.root.replaceChildren(h("p", { class: "error", role: "alert" }, err.message));
    }
  }

  empty() {
    this.ticket += 1;
    this.root.replaceChildren(
      h("div", { class: "placeholder" },
        h("h2", {}, "Evidence"),
        h("p", {}, "Click an actor or a tie in the graph to read the claims behind it: who says it, how firmly, "
          + "and the sentence it comes from."),
        h("p", { class: "muted" }, "claimgraph reports what sources say; a claim is not an established fact.")),
    );
  }

  showActor(actorId) {
    this.remember("back to the actor", () => this.showActor(actorId));
    this.onShow({ kind: "actor", id: actorId });
    return this.load("actor", async () => {
      const [actor, claims, said] = await Promise.all([
        getJSON(`/actors/${encodeURIComponent(actorId)}`, { limit: 50 }),
        getJSON("/claims", { ...this.filters(), predicate: undefined, actor: actorId, limit: 500 }),
        getJSON("/statements", { source: actorId, limit: 200 }).catch(() => ({ items: [], total: 0 })),
      ]);
      const t = typeStyle(actor.type);
      const swatch = h("span", { class: "swatch", "aria-hidden": "true" });
      swatch.style.background = t.colour;
      const head = h("header", { class: "panel-head" },
        h("h2", {}, swatch, actor.name),
        h("p", { class: "meta" }, chip(actor.type.replace("_", " "), "type"),
          actor.refs.length ? h("span", { class: "refs" }, `listed: ${actor.refs.join(", ")}`) : null),
        actor.aliases.some((a) => a !== actor.name) ? h("p", { class: "aliases" }, h("span", { class: "label" }, "Also called "),
          actor.aliases.filter((a) => a !== actor.name).join(" · ")) : null,
        actor.place ? placeLine(actor.place) : null);
      const groups = this.claimGroups(actorId, claims.items);
      const out = [head, section(`${claims.total} claim${claims.total === 1 ? "" : "s"} in ${groups.length} group${groups.length === 1 ? "" : "s"}`, groups)];
      if (actor.events.total) out.push(section(`${actor.events.total} event${actor.events.total === 1 ? "" : "s"}`, actor.events.items.map((e) => this.eventCard(e))));
      if (said.total) out.push(section(`What ${actor.name} says: ${said.total} statement${said.total === 1 ? "" : "s"}, newest first`, statementsOverTime(said.items)));
      return out;
    });
  }

  showEdge(edge, names) {
    this.remember("back to the tie", () => this.showEdge(edge, names));
    this.onShow({ kind: "edge", id: edge.id });
    return this.load("tie", async () => {
      const claims = await getJSON("/claims", { ids: edge.claim_ids.slice(0, 200), limit: 200 });
      const how = edge.corroborated ? "corroborated" : edge.hedged ? "hedged only" : edge.sources < 2 ? "single source" : "single document";
      const head = h("header", { class: "panel-head" },
        h("h2", {}, `${names[edge.source] || edge.source} `, h("span", { class: "pred" }, edge.polarity === "negated" ? `not ${edge.label}` : edge.label), ` ${names[edge.target] || edge.target}`),
        h("p", { class: "meta" }, chip(how, edge.corroborated ? "ok" : "warn"),
          `${edge.claims} claim${edge.claims === 1 ? "" : "s"} · ${edge.documents} document${edge.documents === 1 ? "" : "s"} · ${edge.sources} source${edge.sources === 1 ? "" : "s"}`,
          edge.grade ? chip(`best grade ${edge.grade}`, "cred") : null,
          edge.anonymous ? chip("anonymous sources only", "warn") : null,
          edge.polarity === "negated" ? chip("negated", "neg") : null,
          edge.credibility !== null && edge.credibility !== undefined ? chip(`credibility ${edge.credibility.toFixed(2)}`, "cred") : null),
        whoSaysSo(claims.items));
      return [head, section("Claims", claims.items.map((c) => this.claimCard(c)))];
    });
  }

  showEvent(eventId) {
    this.remember("back to the event", () => this.showEvent(eventId));
    this.onShow({ kind: "event", id: eventId });
    return this.load("event", async () => {
      const page = await getJSON("/events", { limit: 1000 });
      const ev = page.items.find((e) => e.id === eventId);
      if (!ev) throw new Error(`event ${eventId} is not stored`);
      return [h("header", { class: "panel-head" }, h("h2", {}, ev.mode || ev.type)), this.eventCard(ev)];
    });
  }

  // The events at one spot of the map.
  showEvents(ids) {
    if (ids.length === 1) return this.showEvent(ids[0]);
    this.remember("back to the events", () => this.showEvents(ids));
    return this.load("events", async () => {
      const page = await getJSON("/events", { limit: 1000 });
      const wanted = new Set(ids);
      const found = page.items.filter((e) => wanted.has(e.id));
      const place = found[0] && found[0].place ? found[0].place.name : "one place";
      return [h("header", { class: "panel-head" }, h("h2", {}, `${found.length} events at ${place}`)), ...found.map((e) => this.eventCard(e))];
    });
  }

  showClaim(claimId) {
    this.remember("back to the claim", () => this.showClaim(claimId));
    this.onShow({ kind: "claim", id: claimId });
    return this.load("claim", async () => {
      const c = await getJSON(`/claims/${encodeURIComponent(claimId)}`);
      return [h("header", { class: "panel-head" }, h("h2", {}, "Claim")), this.claimCard(c)];
    });
  }

  // A whole document with its spans; `cite` ({start, end}) is the span a claim or event cites: it is marked
  // apart from every other highlight and scrolled into view, with a way back to what was shown before.
  showDocument(docId, cite = null) {
    const back = cite ? this.current : null;
    this.onShow({ kind: "doc", id: docId, span: cite ? `${cite.start}-${cite.end}` : null });
    return this.load("document", async () => {
      const doc = await getJSON(`/documents/${encodeURIComponent(docId)}`);
      const ranges = doc.spans.map((s) => ({ ...s, title: `${s.kind}: ${s.label}` }));
      if (cite) ranges.push({ start: cite.start, end: cite.end, kind: "cited", title: "the cited span" });
      const body = h("div", { class: "doc-text", tabindex: "0" });
      body.append(highlighted(doc.text, ranges, (r) => (r.kind === "mention" ? `hl-mention hl-type-${r.type}` : `hl-${r.kind}`)));
      const backButton = back ? h("button", { type: "button", class: "back", onclick: () => back.run() }, `← ${back.label}`) : null;
      const head = h("header", { class: "panel-head" },
        backButton,
        h("h2", {}, docTitle(doc, doc.text)),
        h("p", { class: "meta" }, [doc.outlet, doc.published].filter(Boolean).join(" · "),
          doc.url ? h("span", {}, " · ", safeLink(doc.url, "original")) : null),
        h("p", { class: "meta" }, `${doc.claims} claims · ${doc.events} events · `,
          h("mark", { class: "hl hl-mention" }, "actor"), " ", h("mark", { class: "hl hl-claim" }, "claim evidence"), " ",
          h("mark", { class: "hl hl-event" }, "event"), cite ? [" ", h("mark", { class: "hl hl-cited" }, "cited here")] : null));
      return [head, body];
    }).then(() => {
      const first = this.root.querySelector("mark.hl-cited");
      if (first) {
        first.scrollIntoView({ block: "center" });
        first.setAttribute("tabindex", "-1");
        first.focus({ preventScroll: true });
      }
    });
  }

  // A convergence pair: its signals, strongest first, each with the evidence behind it.
  showPair(pair, signalName) {
    this.remember("back to the pair", () => this.showPair(pair, signalName));
    return this.load("pair", async () => {
      const head = h("header", { class: "panel-head" },
        h("h2", {}, `${pair.a.name} ⇄ ${pair.b.name}`),
        h("p", { class: "meta" }, chip(`score ${pair.score.toFixed(2)}`, pair.converging ? "ok" : "neg"), ` ${pair.direction}`,
          ` · first seen ${pair.first_seen}`, pair.single_source ? chip("single source", "warn") : null));
      const signals = pair.signals.map((s) => h("article", { class: "signal" },
        h("p", { class: "triple" }, h("strong", {}, signalName(s.kind)), s.via.length ? ` via ${s.via.map((v) => v.name).join(", ")}` : "",
          " ", chip(`strength ${s.strength.toFixed(2)}`, s.strength < 0 ? "neg" : "sig"), s.flags.map((f) => chip(f, "warn"))),
        s.evidence.map((e) => h("div", { class: "sig-evidence" },
          h("p", { class: "source" }, h("strong", {}, e.subject), ` ${e.predicate.replaceAll("_", " ")} `, e.object ? h("strong", {}, e.object) : null,
            h("span", { class: "muted" }, ` — ${e.source}${e.cue ? `, “${e.cue}”` : ""} · ${e.modality} · ${e.date}`)),
          h("blockquote", { class: "evidence" }, h("mark", { class: "hl hl-evidence" }, e.text)),
          h("p", { class: "docref" }, h("button", { type: "button", class: "link", onclick: () => this.showDocument(e.doc_id, { start: e.start, end: e.end }) }, "open at the sentence"),
            h("span", { class: "muted" }, ` [${e.start}–${e.end}] · weight ${e.weight.toFixed(2)}`))))));
      return [head, section("Signals", signals)];
    });
  }

  // An actor's claims grouped by predicate and counterpart, newest first; the same sentence reported by the
  // same source again (a syndicated copy) is folded into one card with a count.
  claimGroups(actorId, claims) {
    const groups = new Map();
    for (const c of claims) {
      const mine = c.subject.actor_id === actorId;
      const other = mine ? c.object : c.subject;
      const verb = `${c.polarity === "negated" ? "not " : ""}${c.predicate_label.split(" (")[0]}`;
      const title = mine ? [verb, other ? other.name : ""] : [`${other.name} ${verb}`, "(this actor)"];
      const key = `${c.predicate}|${c.polarity}|${mine}|${other ? other.actor_id || other.id : ""}`;
      if (!groups.has(key)) groups.set(key, { title, claims: [], newest: "" });
      const g = groups.get(key);
      g.claims.push(c);
      if (claimDate(c) > g.newest) g.newest = claimDate(c);
    }
    const ordered = [...groups.values()].sort((a, b) => b.newest.localeCompare(a.newest) || b.claims.length - a.claims.length);
    return ordered.map((g, i) => {
      const folded = new Map();
      for (const c of g.claims.sort((a, b) => claimDate(b).localeCompare(claimDate(a)))) {
        const k = `${c.source.name.toLowerCase()}|${c.evidence.text.replace(/\s+/g, " ").trim().toLowerCase()}`;
        if (!folded.has(k)) folded.set(k, []);
        folded.get(k).push(c);
      }
      const cards = [...folded.values()].map((same) => {
        const card = this.claimCard(same[0]);
        if (same.length > 1) card.append(h("p", { class: "folded muted" }, `The same sentence from the same source in ${same.length - 1} more report${same.length > 2 ? "s" : ""}.`));
        return card;
      });
      const details = h("details", { class: "claim-group", open: i < 3 || undefined },
        h("summary", {}, h("span", { class: "pred" }, g.title[0]), " ", h("strong", {}, g.title[1]),
          h("span", { class: "muted" }, ` · ${g.claims.length} claim${g.claims.length === 1 ? "" : "s"}${g.newest ? ` · newest ${g.newest}` : ""}`)),
        cards);
      return details;
    });
  }

  claimCard(c) {
    const subject = this.actorLink(c.subject);
    const object = c.object ? this.actorLink(c.object) : null;
    const negated = c.polarity === "negated";
    const chips = [
      chip(c.modality, c.modality === "asserted" ? "ok" : "warn"),
      negated ? chip("negated", "neg") : null,
      c.credibility !== null && c.credibility !== undefined ? chip(`credibility ${c.credibility.toFixed(2)}`, "cred") : chip("not graded", "muted"),
      c.grade ? gradeChip(c.grade) : null,
      c.time ? chip(c.time_text ? `${c.time} (“${c.time_text}”)` : c.time, "time") : null,
    ];
    const quote = h("blockquote", { class: "evidence" });
    quote.append(highlighted(c.context.text, c.context.highlights.map((x) => ({ ...x, title: HIGHLIGHT_TITLES[x.kind] }))));
    const source = h("p", { class: "source" },
      h("span", { class: "label" }, "Source "), h("strong", {}, c.source.name),
      ` (${KIND_LABEL[c.source.kind] || c.source.kind})`,
      c.source.cue ? h("span", {}, " · cue ", h("q", { class: "cue" }, c.source.cue)) : null,
      c.cues.length ? h("span", {}, " · hedge ", c.cues.map((w, i) => [i ? ", " : "", h("q", { class: "cue" }, w)])) : null);
    const doc = c.document;
    const docButton = h("button", { type: "button", class: "link cite", onclick: () => this.showDocument(doc.id, c.evidence) },
      docTitle(doc));
    return h("article", { class: `claim${negated ? " negated" : ""}${c.review ? ` reviewed-${c.review.verdict}` : ""}`,
      dataset: { claim: c.id, predicate: c.predicate }, tabindex: "0", onkeydown: (e) => this.reviewKeys(e, "claim", c) },
      h("p", { class: "triple" }, subject, " ", h("span", { class: "pred" }, negated ? `not ${c.predicate_label}` : c.predicate_label),
        object ? [" ", object] : null, c.role ? h("span", { class: "role" }, ` as ${c.role}`) : null),
      h("p", { class: "chips" }, chips),
      c.grade ? h("p", { class: "grade-reason" }, `Grade ${c.grade.label}: ${c.grade.reason.replace(/^\d+:\s*/, "")}`) : null,
      source,
      quote,
      h("p", { class: "docref" }, "From ", docButton, [doc.outlet, doc.published].filter(Boolean).length ? ` — ${[doc.outlet, doc.published].filter(Boolean).join(", ")}` : "",
        h("span", { class: "muted" }, ` [${c.evidence.start}–${c.evidence.end}]`)),
      this.reviewBar("claim", c));
  }

  // Analyst review: accept / reject (keys a / r on a focused card, n / p to move, u to undo), who and when shown.
  reviewBar(kind, item) {
    const r = item.review;
    const state = r ? chip(`${r.verdict} by ${r.reviewer}`, r.verdict === "rejected" ? "neg" : "ok") : chip("unreviewed", "muted");
    return h("p", { class: "review" }, state, " ",
      h("button", { type: "button", class: "review-accept", title: "Accept (a)", onclick: () => this.review(kind, item, "accepted") }, "Accept"), " ",
      h("button", { type: "button", class: "review-reject", title: "Reject (r)", onclick: () => this.review(kind, item, "rejected") }, "Reject"),
      r ? [" ", h("button", { type: "button", class: "link review-undo", title: "Undo (u)", onclick: () => this.undoReview(r) }, "undo review")] : null);
  }

  async review(kind, item, verdict) {
    const r = await postJSON("/reviews", { item_id: item.id, kind, verdict });
    this.toast(r);
    this.onReviewed();
  }

  async undoReview(r) {
    await postJSON(`/reviews/${encodeURIComponent(r.id)}/undo`, {});
    this.toast(null);
    this.onReviewed();
  }

  // The last review, with its undo: a rejected item leaves the panel, so its undo stays here.
  toast(r) {
    let box = document.getElementById("review-toast");
    if (!box) {
      box = h("div", { id: "review-toast", role: "status", "aria-live": "polite" });
      document.body.append(box);
    }
    box.replaceChildren();
    box.hidden = !r;
    if (r) {
      box.append(`${r.item_kind} ${r.verdict} by ${r.reviewer}. `,
        h("button", { type: "button", class: "link review-undo", onclick: () => this.undoReview(r) }, "Undo"));
    }
  }

  reviewKeys(e, kind, item) {
    if (e.target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey) return;
    const cards = [...this.root.querySelectorAll("article[tabindex]")];
    const i = cards.indexOf(e.currentTarget);
    const actions = {
      a: () => this.review(kind, item, "accepted"),
      r: () => this.review(kind, item, "rejected"),
      u: () => item.review && this.undoReview(item.review),
      n: () => cards[i + 1]?.focus(),
      p: () => cards[i - 1]?.focus(),
    };
    const act = actions[e.key];
    if (act) {
      e.preventDefault();
      act();
    }
  }

  eventCard(ev) {
    const who = (refs) => refs.map((r, i) => [i ? ", " : "", this.actorLink(r)]);
    const qty = (q) => (q ? q.text || (q.min === q.max ? String(q.min) : `${q.min ?? "?"}–${q.max ?? "?"}`) : null);
    const quote = h("blockquote", { class: "evidence" });
    quote.append(highlighted(ev.context.text, ev.context.highlights));
    return h("article", { class: `event${ev.review ? ` reviewed-${ev.review.verdict}` : ""}`, dataset: { event: ev.id },
      tabindex: "0", onkeydown: (e) => this.reviewKeys(e, "event", ev) },
      h("p", { class: "triple" }, chip(ev.type, "type"), " ", ev.mode || "", ev.perpetrators.length ? [" by ", who(ev.perpetrators)] : null,
        ev.targets.length ? [" on ", who(ev.targets)] : null),
      h("p", { class: "chips" }, ev.date ? chip(ev.date, "time") : chip("undated", "muted"),
        ev.place ? chip([ev.place.name, ev.place.admin1, ev.place.country].filter(Boolean).join(", "), "place") : null,
        qty(ev.killed) ? chip(`killed: ${qty(ev.killed)}`, "warn") : null,
        qty(ev.wounded) ? chip(`wounded: ${qty(ev.wounded)}`, "warn") : null,
        chip(`responsibility ${ev.responsibility}`, ev.responsibility === "claimed" ? "ok" : "muted")),
      quote,
      h("p", { class: "docref" }, "From ", h("button", { type: "button", class: "link cite", onclick: () => this.showDocument(ev.document.id, ev.evidence) },
        docTitle(ev.document))),
      this.reviewBar("event", ev));
  }

  actorLink(ref) {
    const id = ref.actor_id || ref.id;
    return h("button", { type: "button", class: "actor", onclick: () => this.onActor(id) }, ref.name);
  }
}

// "Who says so" beside a tie: each source of its claims, its kind, how many claims, and whether it denies.
function whoSaysSo(claims) {
  const by = new Map();
  for (const c of claims) {
    const key = `${c.source.name}|${c.source.kind}`;
    const row = by.get(key) || { name: c.source.name, kind: c.source.kind, n: 0, denies: 0 };
    row.n += 1;
    if (c.polarity === "negated") row.denies += 1;
    by.set(key, row);
  }
  if (!by.size) return null;
  const rows = [...by.values()].sort((a, b) => b.n - a.n || a.name.localeCompare(b.name));
  return h("p", { class: "who-says" }, h("span", { class: "label" }, "Who says so: "),
    rows.map((r, i) => [i ? "; " : "", h("strong", {}, r.name), ` (${KIND_LABEL[r.kind] || r.kind}${r.n > 1 ? `, ${r.n} claims` : ""}${r.denies ? `, ${r.denies} denying` : ""})`]));
}

// A source's statements over time, newest first: date, cue and what it says, with the document.
function statementsOverTime(items) {
  const when = (s) => s.document.published || "";
  return [...items].sort((a, b) => when(b).localeCompare(when(a))).map((s) =>
    h("article", { class: "statement", dataset: { statement: s.id } },
      h("p", { class: "chips" }, when(s) ? chip(when(s), "time") : chip("undated", "muted"), chip(s.kind, "type"),
        s.denies ? chip("denial", "neg") : null),
      h("blockquote", { class: "evidence" }, h("q", { class: "cue" }, s.cue.text), " ", s.content.text),
      h("p", { class: "docref muted" }, docTitle(s.document))));
}

function placeLine(p) {
  const where = [p.admin1, p.country].filter(Boolean).join(", ");
  const coords = p.lat !== null && p.lat !== undefined ? `${p.lat.toFixed(3)}, ${p.lon.toFixed(3)}` : "no coordinates";
  return h("p", { class: "meta place" }, chip(p.precision || "place", "place"), where || "—",
    p.geonames_id ? ` · GeoNames ${p.geonames_id}` : " · not found in GeoNames", ` · ${coords}`);
}

function section(title, children) {
  return h("section", { class: "cards" }, h("h3", {}, title), children.length ? children : h("p", { class: "muted" }, "None with the current filters."));
}

// Admiralty grade: source reliability A–F and information credibility 1–6, spelled out on hover.
function gradeChip(grade) {
  const el = chip(`grade ${grade.label}`, "cred");
  el.title = `${grade.reliability_text}; ${grade.credibility_text}`;
  return el;
}
