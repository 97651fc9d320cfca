// Talking to the claimgraph API. The page reads ?token= once, keeps it for the tab's session and sends it as
// a header; every error comes back as {"error": {"code", "message", "detail"}} and is thrown as ApiError.

const TOKEN_KEY = "claimgraph.token";

export class ApiError extends Error {
  constructor(status, body) {
    const info = (body && body.error) || {};
    super(info.message || `request failed with status ${status}`);
    this.status = status;
    this.code = info.code || "error";
    this.detail = info.detail || {};
  }
}

export function initToken() {
  const params = new URLSearchParams(window.location.search);
  const token = params.get("token");
  if (token) {
    sessionStorage.setItem(TOKEN_KEY, token);
    params.delete("token");
    const rest = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (rest ? `?${rest}` : "") + window.location.hash);
  }
}

function headers(extra = {}) {
  const out = { Accept: "application/json", ...extra };
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) out["X-Claimgraph-Token"] = token;
  return out;
}

export function query(params = {}) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "" || value === false) continue;
    if (Array.isArray(value)) value.forEach((v) => q.append(key, String(v)));
    else q.append(key, String(value));
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}

async function answer(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

// Whether the server answered the last request; listeners hear every change (the page's "server lost" banner).
const listeners = new Set();
let online = true;
export function onConnection(listener) {
  listeners.add(listener);
}
function setOnline(value) {
  if (value === online) return;
  online = value;
  listeners.forEach((l) => l(value));
}

export class ServerLost extends Error {
  constructor() {
    super("The claimgraph server is not answering. Is `claimgraph serve` still running? Retrying…");
    this.code = "server_lost";
  }
}

// fetch, with a network failure ("Failed to fetch") turned into a plain ServerLost error.
async function call(url, init) {
  let response;
  try {
    response = await fetch(url, init);
  } catch {
    setOnline(false);
    throw new ServerLost();
  }
  setOnline(true);
  return answer(response);
}

export async function getJSON(path, params) {
  return call(`/api${path}${query(params)}`, { headers: headers() });
}

export async function postJSON(path, body) {
  return call(`/api${path}`, {
    method: "POST",
    headers: headers({ "Content-Type": "application/json" }),
    body: JSON.stringify(body),
  });
}

export async function postForm(path, form) {
  return call(`/api${path}`, { method: "POST", headers: headers(), body: form });
}
