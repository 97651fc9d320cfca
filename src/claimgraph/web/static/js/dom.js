// Building DOM safely. Every piece of article text goes in as a text node: nothing here parses HTML, so a
// <script> tag, an onerror= attribute or a javascript: URL inside a document stays inert text.

export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (key.startsWith("on") || key === "href" || key === "src" || key === "style") {
      throw new Error(`h(): set ${key} through a dedicated helper`);
    } else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (value !== undefined && value !== null) el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

// A link only for http(s) URLs; anything else (javascript:, data:, relative) is shown as plain text.
export function safeLink(url, label) {
  if (url) {
    try {
      const parsed = new URL(url);
      if (parsed.protocol === "http:" || parsed.protocol === "https:") {
        const a = h("a", { target: "_blank", rel: "noopener noreferrer nofollow" }, label || parsed.href);
        a.href = parsed.href;
        return a;
      }
    } catch {
      // not a URL: fall through to text
    }
  }
  return h("span", { class: "muted" }, label || url || "");
}

// Text with highlighted ranges: `ranges` are {start, end, kind, title?} offsets into `text`; overlapping
// ranges nest by splitting the text at every boundary, each piece carrying the kinds that cover it.
export function highlighted(text, ranges, classOf = (r) => `hl-${r.kind}`) {
  const cuts = new Set([0, text.length]);
  const usable = ranges.filter((r) => r.end > r.start && r.start >= 0 && r.end <= text.length);
  for (const r of usable) {
    cuts.add(r.start);
    cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = document.createDocumentFragment();
  for (let i = 0; i < points.length - 1; i += 1) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const covering = usable.filter((r) => r.start <= a && r.end >= b);
    if (!covering.length) {
      out.append(document.createTextNode(piece));
      continue;
    }
    const classes = new Set(["hl"]);
    covering.forEach((r) => classes.add(classOf(r)));
    const titles = covering.map((r) => r.title).filter(Boolean);
    const mark = h("mark", { class: [...classes].join(" "), title: titles.join(" · ") || null }, piece);
    out.append(mark);
  }
  return out;
}

export function fmtDate(value) {
  return value || "undated";
}

export function chip(text, kind = "") {
  return h("span", { class: `chip ${kind}`.trim() }, text);
}
