import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  ShapeError
} from "./chunk-W3LW53PW.js";
import {
  GitLabApiError,
  UsageError
} from "./chunk-XSTXBMLW.js";

// src/gitlab/proxy.ts
function splitHostPort(entry) {
  const bracketed = /^\[([^\]]*)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return [bracketed[1] ?? "", bracketed[2]];
  const parts = entry.split(":");
  if (parts.length === 2 && /^\d+$/.test(parts[1] ?? "")) return [parts[0] ?? "", parts[1]];
  return [entry, void 0];
}
function bypassesProxy(url, noProxy) {
  if (!noProxy) return false;
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, "");
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  for (const raw of noProxy.split(/[,\s]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === "*") return true;
    const [h0, p] = splitHostPort(entry);
    const h = h0.replace(/^\*?\./, ".");
    if (p && p !== port) continue;
    if (h.startsWith(".") ? host.endsWith(h) || host === h.slice(1) : host === h || host.endsWith(`.${h}`))
      return true;
  }
  return false;
}
var pick = (env, ...names) => names.map((n) => env[n]).find((v) => v !== void 0 && v.trim() !== "");
function proxyFor(url, env) {
  const proxy = url.protocol === "https:" ? pick(env, "https_proxy", "HTTPS_PROXY") : pick(env, "http_proxy", "HTTP_PROXY");
  if (!proxy) return void 0;
  return bypassesProxy(url, pick(env, "no_proxy", "NO_PROXY")) ? void 0 : proxy.trim();
}
function proxyUrl(raw, variable = "the proxy variable") {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  let u;
  try {
    u = new URL(withScheme);
  } catch {
    throw new UsageError(
      `${variable} is not a valid URL`,
      "set it to http://host:port (user:password@ allowed)"
    );
  }
  if (!["http:", "https:", "socks5:", "socks:"].includes(u.protocol) || !u.hostname) {
    throw new UsageError(`${variable} must be an http://, https:// or socks5:// URL`);
  }
  return u;
}
function proxyAwareFetch(env) {
  if (!pick(env, "https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY")) return void 0;
  for (const name of ["https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY"]) {
    const v = env[name];
    if (v !== void 0 && v.trim() !== "") proxyUrl(v.trim(), name);
  }
  const undici = () => import("./undici-UHZOGFSV.js");
  const agents = /* @__PURE__ */ new Map();
  const agentFor = async (proxy, variable) => {
    let agent = agents.get(proxy);
    if (!agent) {
      const { ProxyAgent } = await undici();
      agent = new ProxyAgent({ uri: proxyUrl(proxy, variable).href, proxyTunnel: false });
      agents.set(proxy, agent);
    }
    return agent;
  };
  const f = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const proxy = proxyFor(url, env);
    if (!proxy) return globalThis.fetch(input, init);
    const variable = url.protocol === "https:" ? "HTTPS_PROXY" : "HTTP_PROXY";
    const dispatcher = await agentFor(proxy, variable);
    const { fetch: undiciFetch } = await undici();
    return undiciFetch(input, {
      ...init,
      dispatcher
    });
  };
  return f;
}

// src/gitlab/client.ts
var GitLabHttpError = class extends GitLabApiError {
  /** GitLab's `message` (or OAuth `error`), at most 200 characters. */
  gitlabMessage;
  constructor(message, endpoint, status, hint, gitlabMessage) {
    super(message, endpoint, status, hint);
    this.name = "GitLabHttpError";
    this.gitlabMessage = gitlabMessage;
  }
};
function defaultSleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
var CAP_DELAY_MS = 8e3;
var MAX_REDIRECTS = 5;
var MAX_BODY_BYTES = 32 * 1024 * 1024;
var IDEMPOTENT = /* @__PURE__ */ new Set(["GET", "HEAD", "PUT", "DELETE"]);
var RETRY_CODES = /* @__PURE__ */ new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "EAI_AGAIN",
  // DNS, temporary
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "UND_ERR_CLOSED"
]);
var TLS_TRUST_CODES = /^(UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|CERT_\w+|ERR_TLS_CERT_ALTNAME_INVALID)$/;
function isTransientStatus(status) {
  return status === 408 || status === 429 || status >= 500;
}
function apiUrlOf(baseUrl) {
  let u;
  try {
    u = new URL(baseUrl.trim());
  } catch {
    throw new UsageError(
      "the GitLab URL is not a valid URL",
      "give the instance root, e.g. https://gitlab.example.com"
    );
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") {
    throw new UsageError("the GitLab URL must start with https:// (or http://)");
  }
  if (u.username || u.password) {
    throw new UsageError(
      "the GitLab URL must not contain a user name or password",
      "give the API token in GITLAB_TOKEN instead"
    );
  }
  const path = u.pathname.replace(/\/+$/, "");
  return `${u.origin}${/\/api\/v4$/.test(path) ? path : `${path}/api/v4`}`;
}
function parseRetryAfter(value, nowMs) {
  const v = value?.trim();
  if (!v) return void 0;
  if (/^\d+$/.test(v)) return Number(v) * 1e3;
  const at = Date.parse(v);
  return Number.isNaN(at) ? void 0 : Math.max(0, at - nowMs);
}
function hintFor(status, gitlabMessage) {
  switch (status) {
    case 400:
      return "GitLab refused the request as invalid: see its message (a CI/CD variable value that cannot be masked is refused this way)";
    case 401:
      return "the API token was refused: it needs the `read_api` scope (or `api` to create tokens) and must not be expired or revoked";
    case 403:
      return gitlabMessage && /insufficient_scope/i.test(gitlabMessage) ? "the API token lacks a scope: reading needs `read_api`, creating or deleting tokens and writing variables needs `api`" : "the token's user needs at least the Maintainer role on the project (Owner for group variables and group token changes)";
    case 404:
      return "not found: check the project or group path or id, and that the token's user can see it";
    case 409:
      return "GitLab reports a conflict: for a CI/CD variable, the key exists in several environment scopes (ask with filter[environment_scope])";
    case 429:
      return "GitLab is rate-limiting these requests: try again later";
    default:
      return status >= 500 ? "GitLab failed to answer: try again later, or check the instance's status" : void 0;
  }
}
var Transient = class extends Error {
  constructor(message, answer, retryAfterMs) {
    super(message);
    this.answer = answer;
    this.retryAfterMs = retryAfterMs;
  }
  answer;
  retryAfterMs;
};
function errorCode(e) {
  let cur = e;
  for (let i = 0; i < 5 && cur; i++) {
    const code = cur.code;
    if (typeof code === "string") return code;
    cur = cur.cause;
  }
  return void 0;
}
function messageOf(e) {
  const m = e?.message;
  const cause = e?.cause?.message;
  const text = typeof m === "string" && m ? m : "network error";
  return typeof cause === "string" && cause ? `${text}: ${cause}` : text;
}
function isShapeError(e) {
  return e instanceof Error && e.name === "ShapeError";
}
function sameOrigin(a, b) {
  return a.protocol === b.protocol && a.host === b.host;
}
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
function seconds(ms) {
  return ms % 1e3 === 0 ? `${ms / 1e3} s` : `${(ms / 1e3).toFixed(1)} s`;
}
var AttemptTimeout = class extends Error {
};
function untilAborted(p, signal, onLate) {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new AttemptTimeout());
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        if (signal.aborted) onLate?.(v);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      }
    );
  });
}
async function readBody(res, signal) {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks = [];
  let size = 0;
  try {
    for (; ; ) {
      const r = await untilAborted(reader.read(), signal);
      if (r.done) break;
      size += r.value.byteLength;
      if (size > MAX_BODY_BYTES) throw new RangeError("answer too large");
      chunks.push(r.value);
    }
  } catch (e) {
    reader.cancel().catch(() => void 0);
    throw e;
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
function gitlabMessageOf(data) {
  if (typeof data !== "object" || data === null) return void 0;
  const d = data;
  const raw = d.message ?? d.error;
  if (raw === void 0 || raw === null) return void 0;
  const text = typeof raw === "string" ? raw : JSON.stringify(raw);
  const desc = typeof d.error_description === "string" && d.message === void 0 ? `: ${d.error_description}` : "";
  return `${text}${desc}`.replace(/\s+/g, " ").trim();
}
function mediaType(headers) {
  return (headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}
function isJsonType(t) {
  return t === "application/json" || t.endsWith("+json");
}
function looksLikeHtml(a) {
  const t = mediaType(a.headers);
  return t === "text/html" || t === "application/xhtml+xml" || /^\s*<(!doctype|html|head|body)\b/i.test(a.text.slice(0, 512));
}
function createGitLabClient(opts) {
  const apiUrl = apiUrlOf(opts.baseUrl);
  const origin = new URL(apiUrl);
  const token = opts.token || void 0;
  const sleep = opts.sleep ?? defaultSleep;
  const now = opts.now ?? Date.now;
  const random = opts.random ?? Math.random;
  const attemptTimeoutMs = Math.max(1, opts.attemptTimeoutMs ?? 1e4);
  const deadlineMs = Math.max(1, opts.deadlineMs ?? 6e4);
  const maxAttempts = Math.max(1, Math.floor(opts.maxAttempts ?? 4));
  const baseDelayMs = Math.max(0, opts.baseDelayMs ?? 500);
  const maxPages = Math.max(1, opts.maxPages ?? 200);
  const pageConcurrency = Math.max(1, Math.floor(opts.pageConcurrency ?? 4));
  const userAgent = opts.userAgent ?? "deploy-token";
  const doFetch = opts.fetch ?? proxyAwareFetch(opts.env ?? {}) ?? ((input, init) => globalThis.fetch(input, init));
  let requestCount = 0;
  function scrub(text, secrets = []) {
    let t = text.replace(/\/\/[^/\s:@]+:[^/\s@]+@/g, "//***@");
    for (const x of [token, ...secrets]) if (x && x.length >= 4) t = t.split(x).join("[MASKED]");
    return t.slice(0, 200);
  }
  function unreachable(where, endpoint, e) {
    const code = errorCode(e);
    const detail = code && code !== "UND_ERR_INVALID_ARG" && code !== "UND_ERR_ABORTED" ? code : scrub(messageOf(e));
    const hint = code && TLS_TRUST_CODES.test(code) ? "GitLab's TLS certificate is not trusted: for a private CA, set NODE_EXTRA_CA_CERTS to its PEM file (Node reads it at start-up)" : code === "ENOTFOUND" ? "check the host name in --gitlab-url" : "check --gitlab-url, the network, HTTPS_PROXY / NO_PROXY, and NODE_EXTRA_CA_CERTS for a private CA";
    return new GitLabApiError(`${where}: could not reach GitLab (${detail})`, endpoint, void 0, hint);
  }
  async function attempt(method, url, endpoint, payload, timeoutMs, n) {
    const where = `${method} ${endpoint}`;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let current = url;
    let m = method;
    let body = payload;
    let leftOrigin = false;
    try {
      for (let hop = 0; ; hop++) {
        const headers = { accept: "application/json", "user-agent": userAgent };
        if (!sameOrigin(current, origin)) leftOrigin = true;
        else if (token) headers["private-token"] = token;
        if (body !== void 0) headers["content-type"] = "application/json";
        requestCount++;
        const started = now();
        let res;
        try {
          res = await untilAborted(
            doFetch(current, {
              method: m,
              headers,
              ...body !== void 0 ? { body } : {},
              redirect: "manual",
              signal: controller.signal
            }),
            controller.signal,
            (late) => void late.body?.cancel().catch(() => void 0)
          );
        } catch (e) {
          opts.onRequest?.({ method: m, endpoint, attempt: n, ms: now() - started });
          if (controller.signal.aborted) throw new Transient(`no answer within ${timeoutMs} ms`);
          const code = errorCode(e);
          if (code && RETRY_CODES.has(code)) throw new Transient(`connection failed (${code})`);
          throw unreachable(where, endpoint, e);
        }
        opts.onRequest?.({ method: m, endpoint, status: res.status, attempt: n, ms: now() - started });
        const location = res.headers.get("location");
        if (res.status >= 300 && res.status < 400 && location) {
          await res.body?.cancel().catch(() => void 0);
          if (hop >= MAX_REDIRECTS) {
            throw new GitLabApiError(
              `${where}: more than ${MAX_REDIRECTS} redirects`,
              endpoint,
              void 0,
              "check --gitlab-url"
            );
          }
          let next;
          try {
            next = new URL(location, current);
          } catch {
            throw new GitLabApiError(
              `${where}: redirected to an invalid URL`,
              endpoint,
              void 0,
              "check --gitlab-url"
            );
          }
          if (next.protocol !== "https:" && next.protocol !== "http:") {
            throw new GitLabApiError(
              `${where}: redirected to a ${next.protocol} URL`,
              endpoint,
              void 0,
              "check --gitlab-url"
            );
          }
          if (res.status === 303 && m !== "HEAD" || (res.status === 301 || res.status === 302) && m === "POST") {
            m = "GET";
            body = void 0;
          }
          if (body !== void 0 && !sameOrigin(next, origin)) {
            throw new GitLabApiError(
              `${where}: redirected to another host or scheme; the request body is not sent there`,
              endpoint,
              void 0,
              "point --gitlab-url at the URL GitLab redirects to (https:// instead of http://?)"
            );
          }
          current = next;
          continue;
        }
        let text;
        try {
          text = await readBody(res, controller.signal);
        } catch (e) {
          if (e instanceof RangeError) {
            throw new GitLabApiError(`${where}: answer larger than ${MAX_BODY_BYTES} bytes`, endpoint);
          }
          if (controller.signal.aborted) throw new Transient(`answer not complete within ${timeoutMs} ms`);
          throw new Transient(`connection broke while reading the answer (${errorCode(e) ?? "reset"})`);
        }
        return { status: res.status, headers: res.headers, text, endpoint, leftOrigin };
      }
    } finally {
      clearTimeout(timer);
    }
  }
  async function send(method, path, query, body, secrets = []) {
    const rel = path.startsWith("/") ? path : `/${path}`;
    const endpoint = rel.split(/[?#]/)[0] ?? rel;
    const url = new URL(apiUrl + rel);
    for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
    const payload = body === void 0 ? void 0 : JSON.stringify(body);
    const where = `${method} ${endpoint}`;
    const start = now();
    let made = 0;
    let last;
    let stop = "";
    for (; ; ) {
      const remaining = deadlineMs - (now() - start);
      if (remaining <= 0) {
        stop = `the deadline of ${seconds(deadlineMs)} passed`;
        break;
      }
      made++;
      try {
        const a2 = await attempt(
          method,
          url,
          endpoint,
          payload,
          Math.min(attemptTimeoutMs, remaining),
          made - 1
        );
        if (!isTransientStatus(a2.status)) return a2;
        last = new Transient(`HTTP ${a2.status}`, a2, parseRetryAfter(a2.headers.get("retry-after"), now()));
      } catch (e) {
        if (!(e instanceof Transient)) throw e;
        last = e;
      }
      if (!IDEMPOTENT.has(method)) {
        stop = `${method} is never retried: it may have taken effect, check before trying again`;
        break;
      }
      if (made >= maxAttempts) break;
      const r = Math.min(Math.max(random(), 0), 1);
      const delay = last.retryAfterMs ?? r * Math.min(CAP_DELAY_MS, baseDelayMs * 2 ** (made - 1));
      const left = deadlineMs - (now() - start);
      if (delay >= left) {
        stop = last.retryAfterMs !== void 0 ? `GitLab asked to retry after ${seconds(Math.ceil(delay))}, past the deadline of ${seconds(deadlineMs)}` : `another try would pass the deadline of ${seconds(deadlineMs)}`;
        break;
      }
      await sleep(delay);
    }
    const a = last?.answer;
    const raw = a ? gitlabMessageOf(safeJson(a.text)) : void 0;
    const gm = raw === void 0 ? void 0 : scrub(raw, secrets);
    const cause = last ? `${last.message}${gm ? ` (${gm})` : ""}` : "no attempt made";
    const message = `${where}: GitLab could not be asked after ${plural(made, "attempt")}: ${cause}${stop ? `; ${stop}` : ""}`;
    if (a) throw new GitLabHttpError(message, endpoint, a.status, hintFor(a.status, gm), gm);
    throw new GitLabApiError(
      message,
      endpoint,
      void 0,
      "check the network and GitLab's status, then try again"
    );
  }
  function safeJson(text) {
    try {
      return JSON.parse(text);
    } catch {
      return void 0;
    }
  }
  function jsonOf(where, a) {
    const redirected = a.leftOrigin ? " The request was redirected to another host or scheme, where the API token is not sent: point --gitlab-url at the final URL (https://?)." : "";
    if (looksLikeHtml(a)) {
      throw new GitLabApiError(
        `${where}: GitLab answered HTML, not JSON (HTTP ${a.status}: a sign-in page? check --gitlab-url and that the API token is valid)`,
        a.endpoint,
        void 0,
        `--gitlab-url is the instance root (https://gitlab.example.com), not a project or sign-in page; a proxy's login page answers HTML too.${redirected}`
      );
    }
    const type = mediaType(a.headers);
    if (type && !isJsonType(type)) {
      throw new GitLabApiError(
        `${where}: GitLab answered ${scrub(type)}, not JSON (HTTP ${a.status})`,
        a.endpoint,
        void 0,
        `check --gitlab-url and any proxy between you and GitLab${redirected ? `;${redirected}` : ""}`
      );
    }
    if (a.text.trim() === "") {
      throw new GitLabApiError(
        `${where}: GitLab answered an empty body, not JSON (HTTP ${a.status})`,
        a.endpoint
      );
    }
    try {
      return JSON.parse(a.text);
    } catch {
      throw new GitLabApiError(
        `${where}: GitLab's answer is not valid JSON (truncated or not an API answer)`,
        a.endpoint,
        void 0,
        "try again; if it persists, check proxies between you and GitLab"
      );
    }
  }
  function interpret(method, a, parse, secrets = []) {
    const where = `${method} ${a.endpoint}`;
    if (a.status >= 400) {
      const data2 = a.text.trim() === "" ? void 0 : jsonOf(where, a);
      const raw = gitlabMessageOf(data2);
      const gm = raw === void 0 ? void 0 : scrub(raw, secrets);
      let hint = hintFor(a.status, gm);
      if (a.status === 401 && a.leftOrigin) {
        hint = "GitLab redirected the request to another host or scheme, where the API token is not sent: point --gitlab-url at the final URL (https://?)";
      }
      throw new GitLabHttpError(
        `${where}: HTTP ${a.status}${gm ? ` (${gm})` : ""}`,
        a.endpoint,
        a.status,
        hint,
        gm
      );
    }
    if (a.status === 204 || a.status === 205 || method === "HEAD") return void 0;
    const data = jsonOf(where, a);
    try {
      return parse(data);
    } catch (e) {
      if (!isShapeError(e)) throw e;
      throw new GitLabApiError(
        `${where}: unexpected answer from GitLab: ${scrub(e.message)}`,
        a.endpoint,
        void 0,
        "check that --gitlab-url points at a GitLab instance"
      );
    }
  }
  async function get(path, parse, query) {
    const a = await send("GET", path, query, void 0);
    const data = interpret("GET", a, parse);
    if (data === void 0) {
      throw new GitLabApiError(
        `GET ${a.endpoint}: GitLab answered HTTP ${a.status} with no content`,
        a.endpoint
      );
    }
    return data;
  }
  function pageHeader(a, name) {
    const v = a.headers.get(name)?.trim();
    if (!v) return void 0;
    if (!/^\d+$/.test(v)) {
      throw new GitLabApiError(`GET ${a.endpoint}: the ${name} header is not a page number`, a.endpoint);
    }
    return Number(v);
  }
  async function getAll(path, parseItem, query = {}) {
    const parsePage = (x) => {
      if (!Array.isArray(x)) throw new ShapeError("expected a JSON list (one page of items)");
      return x.map(parseItem);
    };
    const q = (page) => ({ ...query, per_page: "100", page: String(page) });
    const pageOf = async (page) => interpret("GET", await send("GET", path, q(page), void 0), parsePage) ?? [];
    const first = await send("GET", path, q(1), void 0);
    const items = interpret("GET", first, parsePage) ?? [];
    const where = `GET ${first.endpoint}`;
    const totalPages = pageHeader(first, "x-total-pages");
    if (totalPages !== void 0) {
      if (totalPages > maxPages) {
        throw new GitLabApiError(
          `${where}: GitLab reports ${totalPages} pages, over the limit of ${maxPages} pages`,
          first.endpoint,
          void 0,
          `that is more than ${maxPages * 100} items; check the project or group`
        );
      }
      const pages = [];
      let next = 2;
      let failed = false;
      const worker = async () => {
        while (next <= totalPages && !failed) {
          const p = next++;
          try {
            pages[p - 2] = await pageOf(p);
          } catch (e) {
            failed = true;
            throw e;
          }
        }
      };
      await Promise.all(
        Array.from({ length: Math.max(0, Math.min(pageConcurrency, totalPages - 1)) }, worker)
      );
      return items.concat(...pages);
    }
    const seen = /* @__PURE__ */ new Set([1]);
    let nextPage = pageHeader(first, "x-next-page");
    while (nextPage !== void 0) {
      if (seen.has(nextPage)) {
        throw new GitLabApiError(
          `${where}: pagination loop (x-next-page points back to page ${nextPage})`,
          first.endpoint,
          void 0,
          "GitLab or a proxy answered inconsistent pages; try again"
        );
      }
      if (seen.size >= maxPages) {
        throw new GitLabApiError(
          `${where}: more than the limit of ${maxPages} pages`,
          first.endpoint,
          void 0,
          `that is more than ${maxPages * 100} items; check the project or group`
        );
      }
      seen.add(nextPage);
      const a = await send("GET", path, q(nextPage), void 0);
      items.push(...interpret("GET", a, parsePage) ?? []);
      nextPage = pageHeader(a, "x-next-page");
    }
    return items;
  }
  async function request(method, path, parse, o = {}) {
    const m = method.toUpperCase();
    const a = await send(m, path, o.query, o.body, o.secrets);
    return { status: a.status, data: interpret(m, a, parse, o.secrets) };
  }
  return {
    get,
    getAll,
    request,
    get requestCount() {
      return requestCount;
    },
    apiUrl
  };
}
function clientWith(baseUrl, token, deps) {
  const opts = { ...deps.http, baseUrl, token };
  if (deps.env) opts.env = deps.env;
  if (deps.fetch) opts.fetch = deps.fetch;
  if (deps.sleep) opts.sleep = deps.sleep;
  if (deps.onRequest) opts.onRequest = deps.onRequest;
  return createGitLabClient(opts);
}

export {
  proxyAwareFetch,
  clientWith
};
