import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  GitLabApiError,
  UsageError
} from "./chunk-XSTXBMLW.js";

// src/export/names.ts
var NAME_RE = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/;
var REFUSED_NAMES = /* @__PURE__ */ new Set([
  "PATH",
  "LD_PRELOAD",
  "LD_LIBRARY_PATH",
  "LD_AUDIT",
  "DYLD_INSERT_LIBRARIES",
  "NODE_OPTIONS",
  "NODE_PATH",
  "BASH_ENV",
  "ENV",
  "IFS",
  "PS4",
  "PROMPT_COMMAND",
  "SHELLOPTS",
  "BASHOPTS",
  "HOME",
  "SHELL",
  "PYTHONPATH",
  "PYTHONSTARTUP",
  "PERL5OPT",
  "RUBYOPT",
  "JAVA_TOOL_OPTIONS",
  "GIT_SSH_COMMAND",
  "GIT_EXEC_PATH",
  "GITHUB_ENV",
  "GITHUB_OUTPUT",
  "GITHUB_PATH",
  "GITHUB_STATE"
]);
function checkExportName(name) {
  if (!NAME_RE.test(name)) {
    return `"${name.slice(0, 60)}" is not a valid variable name (letters, digits and _; not starting with a digit)`;
  }
  if (REFUSED_NAMES.has(name.toUpperCase())) {
    return `${name} is refused: exporting it would change how programs start or where they look`;
  }
  return void 0;
}

// src/export/variables.ts
function deployVariables(username, password) {
  return [
    { name: "CI_DEPLOY_USER", value: username, secret: false },
    { name: "CI_DEPLOY_PASSWORD", value: password, secret: true }
  ];
}
function checkVariables(vars) {
  const seen = /* @__PURE__ */ new Set();
  for (const v of vars) {
    const bad = checkExportName(v.name);
    if (bad) throw new UsageError(bad, "rename the variable in the spec");
    if (seen.has(v.name))
      throw new UsageError(`variable ${v.name} is exported twice`, "give each variable one name");
    seen.add(v.name);
  }
}

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
  const undici = () => import("./undici-PNFNURYG.js");
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

// src/gitlab/types.ts
var ShapeError = class extends Error {
  constructor(what) {
    super(what);
    this.name = "ShapeError";
  }
};
function isObject(x) {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}
function need(cond, what) {
  if (!cond) throw new ShapeError(what);
}
function asDeployToken(x) {
  need(isObject(x), "a deploy token must be a JSON object");
  need(typeof x.id === "number", "deploy token `id` must be a number");
  need(typeof x.name === "string", "deploy token `name` must be a string");
  need(typeof x.username === "string", "deploy token `username` must be a string");
  need(
    x.expires_at === null || x.expires_at === void 0 || typeof x.expires_at === "string",
    "deploy token `expires_at` must be a string or null"
  );
  if (typeof x.expires_at === "string") {
    need(!Number.isNaN(Date.parse(x.expires_at)), "deploy token `expires_at` must be a date");
  }
  need(typeof x.revoked === "boolean", "deploy token `revoked` must be a boolean");
  need(
    Array.isArray(x.scopes) && x.scopes.every((s) => typeof s === "string"),
    "deploy token `scopes` must be a list of strings"
  );
  const t = {
    id: x.id,
    name: x.name,
    username: x.username,
    expires_at: x.expires_at ?? null,
    revoked: x.revoked,
    scopes: [...x.scopes]
  };
  if (typeof x.expired === "boolean") t.expired = x.expired;
  if (typeof x.token === "string") t.token = x.token;
  return t;
}
function asProject(x) {
  need(isObject(x), "a project must be a JSON object");
  need(typeof x.id === "number", "project `id` must be a number");
  need(typeof x.path_with_namespace === "string", "project `path_with_namespace` must be a string");
  const ns = x.namespace;
  need(isObject(ns), "project `namespace` must be an object");
  need(typeof ns.id === "number", "project `namespace.id` must be a number");
  need(ns.kind === "group" || ns.kind === "user", 'project `namespace.kind` must be "group" or "user"');
  need(typeof ns.full_path === "string", "project `namespace.full_path` must be a string");
  const p = {
    id: x.id,
    path_with_namespace: x.path_with_namespace,
    namespace: {
      id: ns.id,
      kind: ns.kind,
      full_path: ns.full_path,
      parent_id: typeof ns.parent_id === "number" ? ns.parent_id : null
    }
  };
  if (typeof x.web_url === "string") p.web_url = x.web_url;
  if (typeof x.http_url_to_repo === "string") p.http_url_to_repo = x.http_url_to_repo;
  if (typeof x.container_registry_image_prefix === "string") {
    p.container_registry_image_prefix = x.container_registry_image_prefix;
  }
  if (typeof x.lfs_enabled === "boolean") p.lfs_enabled = x.lfs_enabled;
  return p;
}
function asCiVariable(x) {
  need(isObject(x), "a CI/CD variable must be a JSON object");
  need(typeof x.key === "string", "variable `key` must be a string");
  need(x.value === null || typeof x.value === "string", "variable `value` must be a string or null");
  const v = { key: x.key, value: x.value };
  if (x.variable_type === "env_var" || x.variable_type === "file") v.variable_type = x.variable_type;
  if (typeof x.protected === "boolean") v.protected = x.protected;
  if (typeof x.masked === "boolean") v.masked = x.masked;
  if (typeof x.hidden === "boolean") v.hidden = x.hidden;
  if (typeof x.raw === "boolean") v.raw = x.raw;
  if (typeof x.environment_scope === "string") v.environment_scope = x.environment_scope;
  if (typeof x.description === "string" || x.description === null) v.description = x.description;
  return v;
}
function asVersionInfo(x) {
  need(isObject(x), "the version answer must be a JSON object");
  need(typeof x.version === "string", "the version answer must have a `version` string");
  const v = { version: x.version };
  if (typeof x.revision === "string") v.revision = x.revision;
  return v;
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
  function scrub(text) {
    let t = text.replace(/\/\/[^/\s:@]+:[^/\s@]+@/g, "//***@");
    if (token) t = t.split(token).join("[MASKED]");
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
  async function send(method, path, query, body) {
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
    const gm = raw === void 0 ? void 0 : scrub(raw);
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
  function interpret(method, a, parse) {
    const where = `${method} ${a.endpoint}`;
    if (a.status >= 400) {
      const data2 = a.text.trim() === "" ? void 0 : jsonOf(where, a);
      const raw = gitlabMessageOf(data2);
      const gm = raw === void 0 ? void 0 : scrub(raw);
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
    const a = await send(m, path, o.query, o.body);
    return { status: a.status, data: interpret(m, a, parse) };
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

// src/gitlab/api.ts
function encodeId(idOrPath) {
  return encodeURIComponent(String(idOrPath).replace(/^\/+|\/+$/g, ""));
}
async function getVersion(client) {
  try {
    return await client.get("/version", asVersionInfo);
  } catch (e) {
    if (e instanceof GitLabApiError && e.status === 404) return client.get("/metadata", asVersionInfo);
    throw e;
  }
}
function getProject(client, id) {
  return client.get(`/projects/${encodeId(id)}`, asProject);
}
function listDeployTokens(client, level, id, opts = {}) {
  const query = opts.active ? { active: "true" } : {};
  return client.getAll(`/${level}/${encodeId(id)}/deploy_tokens`, asDeployToken, query);
}
function getVariable(client, level, id, key, environmentScope) {
  const query = environmentScope === void 0 ? {} : { "filter[environment_scope]": environmentScope };
  return client.get(`/${level}/${encodeId(id)}/variables/${encodeURIComponent(key)}`, asCiVariable, query);
}
function listVariables(client, level, id) {
  return client.getAll(`/${level}/${encodeId(id)}/variables`, asCiVariable);
}

// src/resolve/activity.ts
var GITLAB_DEPLOY_TOKEN_NAME = "gitlab-deploy-token";
var DAY_MS = 864e5;
function expiresAt(token) {
  if (token.expires_at === null) return null;
  const d = new Date(token.expires_at);
  return Number.isNaN(d.getTime()) ? null : d;
}
function tokenActivity(token, now) {
  const exp = expiresAt(token);
  if (token.revoked) return { active: false, reason: "revoked", expiresAt: exp };
  if (exp !== null && now.getTime() >= exp.getTime())
    return { active: false, reason: "expired", expiresAt: exp };
  return { active: true, expiresAt: exp };
}
function isActive(token, now) {
  return tokenActivity(token, now).active;
}
function daysLeft(token, now) {
  const exp = expiresAt(token);
  return exp === null ? null : (exp.getTime() - now.getTime()) / DAY_MS;
}
function isSpecial(token) {
  return token.name === GITLAB_DEPLOY_TOKEN_NAME;
}
function formatInstant(d) {
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

// src/resolve/types.ts
var UNKNOWN_PAIR = (why2) => ({
  user: { state: "unknown", why: why2 },
  password: { state: "unknown", why: why2 }
});

// src/resolve/variables.ts
function scopeMatches(scope, environment) {
  if (scope === "*") return true;
  if (environment === void 0) return false;
  if (!scope.includes("*")) return scope === environment;
  const re = new RegExp(`^${scope.split("*").map(escapeRe).join(".*")}$`);
  return re.test(environment);
}
function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function rank(scope, environment) {
  if (environment !== void 0 && scope === environment) return 2;
  return scope === "*" ? 0 : 1;
}
function pickForEnvironment(vars, environment) {
  const matching = vars.filter((v) => scopeMatches(v.environment_scope ?? "*", environment));
  if (matching.length === 0) return {};
  matching.sort(
    (a, b) => rank(b.environment_scope ?? "*", environment) - rank(a.environment_scope ?? "*", environment)
  );
  const [best, second] = matching;
  if (!best) return {};
  const bestRank = rank(best.environment_scope ?? "*", environment);
  const note = matching.length > 1 ? `${matching.length} scopes match${environment ? ` environment ${environment}` : ""} (${matching.map((v) => v.environment_scope ?? "*").join(", ")}); GitLab uses ${best.environment_scope ?? "*"}${second && rank(second.environment_scope ?? "*", environment) === bestRank ? " (several equally specific patterns: GitLab's choice among them is unspecified)" : ""}` : void 0;
  return note ? { variable: best, note } : { variable: best };
}
function toLookup(v, note) {
  if (!v) return { state: "unset" };
  const lookup = {
    state: "set",
    value: v.hidden ? null : v.value,
    hidden: v.hidden === true || v.value === null,
    masked: v.masked === true,
    protected: v.protected === true,
    environmentScope: v.environment_scope ?? "*"
  };
  if (note) lookup.note = note;
  return lookup;
}
async function lookupVariable(client, level, id, key, environment) {
  try {
    const v = await getVariable(client, level, id, key);
    return toLookup(scopeMatches(v.environment_scope ?? "*", environment) ? v : void 0);
  } catch (e) {
    if (!(e instanceof GitLabApiError)) throw e;
    if (e.status === 404) return { state: "unset" };
    if (e.status === 403 || e.status === 401) {
      return {
        state: "unknown",
        why: `${level === "projects" ? "project" : "group"} variables cannot be read (${e.status}: needs ${level === "projects" ? "Maintainer" : "Owner"} role)`
      };
    }
    if (e.status !== 409) throw e;
  }
  if (environment !== void 0) {
    try {
      const exact = await getVariable(client, level, id, key, environment);
      if ((exact.environment_scope ?? "*") === environment) {
        return toLookup(exact, `several environment scopes; the exact scope ${environment} wins`);
      }
    } catch (e) {
      if (!(e instanceof GitLabApiError) || e.status !== 404 && e.status !== 409) throw e;
    }
  }
  const all = (await listVariables(client, level, id)).filter((v) => v.key === key);
  const { variable, note } = pickForEnvironment(all, environment);
  return toLookup(variable, note);
}
async function lookupPair(client, level, id, environment) {
  const [user, password] = await Promise.all([
    lookupVariable(client, level, id, "CI_DEPLOY_USER", environment),
    lookupVariable(client, level, id, "CI_DEPLOY_PASSWORD", environment)
  ]);
  return { user, password };
}

// src/resolve/version.ts
var VERSION_RE = /^v?(\d{1,4})\.(\d{1,4})(?:\.(\d{1,6}))?(?:[-+~ ]([0-9A-Za-z.+-]*))?$/;
function parseGitLabVersion(raw) {
  const m = VERSION_RE.exec(raw.trim());
  if (!m) return void 0;
  return {
    major: Number(m[1]),
    minor: Number(m[2]),
    patch: m[3] === void 0 ? 0 : Number(m[3]),
    suffix: m[4] ?? "",
    raw
  };
}
function atLeast(v, major, minor) {
  return v.major > major || v.major === major && v.minor >= minor;
}
function exposesGroupDeployToken(v) {
  return atLeast(v, 15, 1);
}
function groupTokenBehindFlag(v) {
  return atLeast(v, 15, 1) && !atLeast(v, 15, 4);
}
function formatVersion(v) {
  return `${v.major}.${v.minor}.${v.patch}${v.suffix ? `-${v.suffix}` : ""}`;
}

// src/resolve/gather.ts
async function tokensOf(client, level, id, now, first) {
  const active = (await (first ?? listDeployTokens(client, level, id, { active: true }))).filter(
    (t) => isActive(t, now)
  );
  if (active.some(isSpecial)) return active;
  return listDeployTokens(client, level, id);
}
function why(e) {
  if (e instanceof GitLabApiError && e.status !== void 0) {
    return `${e.status}${e.status === 403 ? ": needs the Maintainer role" : ""}`;
  }
  return e instanceof Error ? e.message : String(e);
}
async function groupTokens(client, path, now, id) {
  try {
    const tokens = await tokensOf(client, "groups", id ?? path, now);
    return id === void 0 ? { path, tokens } : { path, id, tokens };
  } catch (e) {
    if (e instanceof GitLabApiError && e.status !== void 0 && e.status < 500) return { path, why: why(e) };
    throw e;
  }
}
function nearestSet(pairs) {
  const pick2 = (k) => pairs.map((p) => p[k]).find((l) => l.state === "set") ?? pairs.map((p) => p[k]).find((l) => l.state === "unknown") ?? { state: "unset" };
  return { user: pick2("user"), password: pick2("password") };
}
async function gatherInput(opts) {
  const { env, now } = opts;
  const environment = opts.environment ?? env.CI_ENVIRONMENT_NAME ?? void 0;
  const jobEnv = {};
  if (env.CI_DEPLOY_USER) jobEnv.user = env.CI_DEPLOY_USER;
  if (env.CI_DEPLOY_PASSWORD) jobEnv.password = env.CI_DEPLOY_PASSWORD;
  const fallback = opts.fallback && {
    ...opts.fallback,
    ...opts.fallback.usernameEnv && env[opts.fallback.usernameEnv] ? { user: env[opts.fallback.usernameEnv] } : {},
    ...opts.fallback.passwordEnv && env[opts.fallback.passwordEnv] ? { password: env[opts.fallback.passwordEnv] } : {}
  };
  const common = {
    now,
    jobEnv,
    minDaysLeft: opts.minDaysLeft,
    ancestors: [],
    ...fallback ? { fallback } : {},
    ...opts.job ? { job: opts.job } : {},
    ...environment ? { environment } : {}
  };
  const client = opts.client;
  if (!client) {
    return {
      ...common,
      apiAvailable: false,
      variables: { project: UNKNOWN_PAIR("no API token"), group: UNKNOWN_PAIR("no API token") }
    };
  }
  if (opts.project === void 0 || opts.project === "") {
    throw new UsageError(
      "no project given",
      "pass --project ID|PATH, set gitlab.project in the spec, or run where CI_PROJECT_ID / CI_PROJECT_PATH is set"
    );
  }
  const projectRef = opts.project;
  const versionP = getVersion(client).then(
    (v2) => {
      const parsed = parseGitLabVersion(v2.version);
      return parsed ? { version: parsed } : { why: `unrecognised version string "${v2.version.slice(0, 40)}"` };
    },
    (e) => {
      if (e instanceof GitLabApiError && e.status !== void 0 && e.status < 500) return { why: why(e) };
      throw e;
    }
  );
  const firstPage = listDeployTokens(client, "projects", projectRef, { active: true });
  versionP.catch(() => void 0);
  firstPage.catch(() => void 0);
  const project = await getProject(client, projectRef);
  const projectTokensP = tokensOf(client, "projects", project.id, now, firstPage);
  const projectVarsP = lookupPair(client, "projects", project.id, environment);
  const ns = project.namespace;
  const groupPaths = [];
  if (ns.kind === "group") {
    const parts = ns.full_path.split("/");
    for (let i = parts.length; i >= 1; i--) groupPaths.push(parts.slice(0, i).join("/"));
  }
  const groupsP = Promise.all(
    groupPaths.map((path, i) => groupTokens(client, path, now, i === 0 ? ns.id : void 0))
  );
  const groupVarsP = Promise.all(
    groupPaths.map(
      (path, i) => lookupPair(client, "groups", i === 0 ? ns.id : path, environment).catch((e) => {
        if (e instanceof GitLabApiError && e.status !== void 0 && e.status < 500)
          return UNKNOWN_PAIR(why(e));
        throw e;
      })
    )
  );
  const [v, projectTokens, projectVars, groups, groupVars] = await Promise.all([
    versionP,
    projectTokensP,
    projectVarsP,
    groupsP,
    groupVarsP
  ]);
  const [parent, ...ancestors] = groups;
  return {
    ...common,
    apiAvailable: true,
    ..."version" in v ? { version: v.version } : { versionWhy: v.why },
    project: {
      id: project.id,
      path: project.path_with_namespace,
      namespaceKind: ns.kind,
      namespacePath: ns.full_path,
      ...project.container_registry_image_prefix ? { registryImagePrefix: project.container_registry_image_prefix } : {}
    },
    projectTokens,
    ...parent ? { group: parent } : {},
    ancestors,
    variables: {
      project: projectVars,
      group: groupVars.length > 0 ? nearestSet(groupVars) : { user: { state: "unset" }, password: { state: "unset" } }
    }
  };
}

// src/resolve/resolver.ts
var SETTINGS_VARIABLES = "Settings > CI/CD > Variables";
var SETTINGS_TOKENS = "Settings > Repository > Deploy tokens";
function summarize(token, level, owner) {
  return {
    id: token.id,
    name: token.name,
    username: token.username,
    scopes: [...token.scopes],
    expiresAt: token.expires_at === null ? null : new Date(token.expires_at).toISOString(),
    level,
    owner
  };
}
function describeToken(t) {
  return `${t.level} token #${t.id} "${t.name}" (${t.username}) of ${t.owner}`;
}
function pickSpecial(tokens, level, owner, now) {
  const considered = [];
  const warnings = [];
  const special = tokens.filter(isSpecial).sort((a, b) => a.id - b.id);
  const active = [];
  for (const t of special) {
    const act = tokenActivity(t, now);
    const s = summarize(t, level, owner);
    if (act.active) {
      active.push(t);
      continue;
    }
    let note = act.reason === "revoked" ? "revoked" : `expired at ${formatInstant(act.expiresAt)} (expiry occurs at midnight UTC on that date)`;
    if (act.reason === "expired" && t.expired === false) {
      note += "; the API still says `expired: false` (it uses the server-local date), but GitLab no longer accepts it";
    }
    considered.push({ token: s, verdict: act.reason, note });
  }
  const [first, ...rest] = active;
  if (first) {
    considered.unshift({ token: summarize(first, level, owner), verdict: "picked", note: "active" });
    for (const t of rest) {
      considered.push({
        token: summarize(t, level, owner),
        verdict: "ambiguous-not-picked",
        note: `also active; lowest id #${first.id} chosen`
      });
    }
    if (rest.length > 0) {
      warnings.push({
        code: "ambiguous-tokens",
        message: `${owner} has ${active.length} active tokens named gitlab-deploy-token (ids ${active.map((t) => t.id).join(", ")}); GitLab's pick among them is unspecified (LIMIT 1 without ORDER BY), deploy-token uses the lowest id #${first.id}. Revoke the others in ${SETTINGS_TOKENS}.`
      });
    }
  }
  return { picked: first, considered, warnings };
}
function varValue(v) {
  return v.state === "set" && v.value !== null ? v.value : void 0;
}
function isSet(v) {
  return v.state === "set";
}
function varSource(level, key, v) {
  const scope = v.state === "set" ? ` (environment scope ${v.environmentScope})` : "";
  return {
    kind: level === "project" ? "project-variable" : "group-variable",
    detail: `${level} CI/CD variable ${key}${scope}`
  };
}
function findCandidate(input, exposed) {
  const tokenUser = exposed ? {
    username: exposed.username,
    userSource: { kind: "token", detail: `deploy token #${exposed.id}` }
  } : {};
  if (input.jobEnv.password !== void 0 && input.jobEnv.password !== "") {
    const c = {
      password: input.jobEnv.password,
      passwordSource: { kind: "job-environment", detail: "job environment (CI_DEPLOY_PASSWORD)" },
      ...tokenUser
    };
    if (input.jobEnv.user) {
      c.username = input.jobEnv.user;
      c.userSource = { kind: "job-environment", detail: "job environment (CI_DEPLOY_USER)" };
    }
    return c;
  }
  const { project, group } = input.variables;
  const pass = varValue(project.password) !== void 0 ? "project" : varValue(group.password) ? "group" : void 0;
  if (pass) {
    const c = {
      password: varValue(input.variables[pass].password),
      passwordSource: varSource(pass, "CI_DEPLOY_PASSWORD", input.variables[pass].password),
      ...tokenUser
    };
    const userLevel = isSet(project.user) ? "project" : isSet(group.user) ? "group" : void 0;
    if (userLevel) {
      const u = varValue(input.variables[userLevel].user);
      if (u !== void 0) {
        c.username = u;
        c.userSource = varSource(userLevel, "CI_DEPLOY_USER", input.variables[userLevel].user);
      }
    }
    return c;
  }
  const fb = input.fallback;
  if (fb?.password) {
    const c = {
      password: fb.password,
      passwordSource: {
        kind: "spec-fallback",
        detail: `spec token.fallback (${fb.passwordEnv ?? "password_env"})`
      },
      ...tokenUser
    };
    if (fb.user) {
      c.username = fb.user;
      c.userSource = {
        kind: "spec-fallback",
        detail: `spec token.fallback (${fb.usernameEnv ?? "username_env"})`
      };
    }
    return c;
  }
  return tokenUser;
}
function allTokens(input) {
  const out = [];
  const project = input.project;
  for (const t of input.projectTokens ?? []) {
    out.push({ token: t, level: "project", owner: project?.path ?? "the project", where: "project" });
  }
  for (const t of input.group?.tokens ?? []) {
    out.push({ token: t, level: "group", owner: input.group?.path ?? "the group", where: "parent" });
  }
  for (const g of input.ancestors) {
    for (const t of g.tokens ?? []) out.push({ token: t, level: "group", owner: g.path, where: "ancestor" });
  }
  return out;
}
function fail(base, reason, fix, rule = "none", ruleText = "no credentials") {
  const { credentials: _dropped, ...rest } = base;
  return { ...rest, ok: false, exitCode: 1, rule, ruleText, reason, fix };
}
function resolveCredentials(input) {
  const warnings = [];
  const considered = [];
  const version = input.version ? formatVersion(input.version) : void 0;
  const base = () => ({
    sources: {},
    warnings,
    considered,
    ...version ? { version } : {}
  });
  if (!input.apiAvailable) return resolveUnverified(input, base());
  const now = input.now;
  const projectPath = input.project?.path ?? "the project";
  const proj = pickSpecial(input.projectTokens ?? [], "project", projectPath, now);
  considered.push(...proj.considered);
  warnings.push(...proj.warnings);
  const groupExposed = input.version ? exposesGroupDeployToken(input.version) : true;
  if (!input.version) {
    warnings.push({
      code: "version-unknown",
      message: `the GitLab version could not be read (${input.versionWhy ?? "no answer"}); assuming 15.1 or later, where group tokens are exposed`
    });
  }
  let grp = { considered: [], warnings: [] };
  if (input.group?.tokens) {
    grp = pickSpecial(input.group.tokens, "group", input.group.path, now);
    warnings.push(...grp.warnings);
    for (const c of grp.considered) {
      if (c.verdict === "picked" && proj.picked) {
        considered.push({ ...c, verdict: "shadowed-by-project-token", note: "the project's own token wins" });
      } else if (c.verdict === "picked" && !groupExposed) {
        considered.push({
          ...c,
          verdict: "not-exposed-before-15.1",
          note: `GitLab ${version} exposes only project tokens; group tokens reach CI jobs from 15.1`
        });
      } else considered.push(c);
    }
  } else if (input.group && input.group.why) {
    warnings.push({
      code: "variables-unreadable",
      message: `the deploy tokens of group ${input.group.path} could not be listed (${input.group.why})`
    });
  }
  for (const g of input.ancestors) {
    for (const t of (g.tokens ?? []).filter(isSpecial)) {
      if (!tokenActivity(t, now).active) continue;
      const s = summarize(t, "group", g.path);
      considered.push({
        token: s,
        verdict: "outside-direct-parent",
        note: `on ${g.path}, not the direct parent group: GitLab exposes only the direct parent's token ("available only to immediate child projects of the group")`
      });
      warnings.push({
        code: "ancestor-token-ignored",
        message: `group ${g.path} has an active gitlab-deploy-token (#${t.id}), but it is not ${projectPath}'s direct parent group; GitLab never exposes it to this project's jobs`
      });
    }
  }
  const exposed = proj.picked ?? (groupExposed ? grp.picked : void 0);
  const exposedLevel = proj.picked ? "project" : "group";
  const exposedOwner = proj.picked ? projectPath : input.group?.path ?? "the group";
  const exposedSummary = exposed ? summarize(exposed, exposedLevel, exposedOwner) : void 0;
  if (!proj.picked && input.project?.namespaceKind === "user") {
    warnings.push({
      code: "user-namespace",
      message: `${projectPath} is in a user namespace: there is no group to fall back to`
    });
  }
  for (const level of ["project", "group"]) {
    const pw = input.variables[level].password;
    if (pw.state === "set" && pw.value === null) {
      warnings.push({
        code: "hidden-variable",
        message: `the ${level} CI/CD variable CI_DEPLOY_PASSWORD is hidden: the API never returns its value. Inside a GitLab job it reaches the job environment; elsewhere give the value through token.fallback.password_env`
      });
    }
  }
  const varsSet = ["project", "group"].filter(
    (l) => isSet(input.variables[l].user) || isSet(input.variables[l].password)
  );
  if (exposedSummary && varsSet.length > 0) {
    warnings.push({
      code: "variables-shadow-token",
      message: `CI/CD variables CI_DEPLOY_USER / CI_DEPLOY_PASSWORD are set on the ${varsSet.join(" and ")}: they override the variables GitLab generates from ${describeToken(exposedSummary)} and go stale when the token is rotated. Delete them in ${SETTINGS_VARIABLES} unless you need them`
    });
  }
  const cand = findCandidate(input, exposed);
  const sources = {};
  if (cand.userSource) sources.CI_DEPLOY_USER = cand.userSource;
  if (cand.passwordSource) sources.CI_DEPLOY_PASSWORD = cand.passwordSource;
  if (cand.password === void 0) {
    const b = { ...base(), sources, ...exposedSummary ? { token: exposedSummary } : {} };
    if (exposedSummary) {
      return fail(
        b,
        `GitLab would expose ${describeToken(exposedSummary)} as CI_DEPLOY_USER / CI_DEPLOY_PASSWORD, but its value is not available here: GitLab shows a deploy token only once, when it is created, and the API never returns it`,
        "run inside a GitLab job (the runner injects CI_DEPLOY_PASSWORD), or pass the token value in the CI_DEPLOY_PASSWORD environment variable (from a secret), or name a variable in the spec with token.fallback.password_env",
        exposedLevel === "project" ? "project-token" : "group-token",
        ruleTextFor(exposedLevel === "project" ? "project-token" : "group-token", version)
      );
    }
    if (grp.picked && !groupExposed) {
      const s = summarize(grp.picked, "group", input.group?.path ?? "the group");
      return fail(
        b,
        `GitLab ${version} (15.0 or earlier) does not expose group deploy tokens to CI jobs: ${describeToken(s)} gives the job nothing, and the group has no CI_DEPLOY_USER / CI_DEPLOY_PASSWORD CI/CD variables`,
        `set CI_DEPLOY_USER and CI_DEPLOY_PASSWORD in group ${s.owner}'s ${SETTINGS_VARIABLES} to the token's username (${s.username}) and value (masked), or upgrade GitLab to 15.1 or later`,
        "group-variables-fallback",
        ruleTextFor("group-variables-fallback", version)
      );
    }
    return fail(b, noTokenReason(input, considered), noTokenFix(input));
  }
  const username = cand.username;
  if (username === void 0 || username === "") {
    return fail(
      { ...base(), sources },
      "CI_DEPLOY_PASSWORD is set but CI_DEPLOY_USER is not, and no gitlab-deploy-token names the user it belongs to",
      "set CI_DEPLOY_USER next to CI_DEPLOY_PASSWORD, to the deploy token's username"
    );
  }
  let token;
  let rule;
  if (exposed && exposed.username === username) {
    token = exposedSummary;
    rule = exposedLevel === "project" ? "project-token" : "group-token";
  } else {
    const matches = allTokens(input).filter((l) => l.token.username === username);
    const active = matches.filter((l) => tokenActivity(l.token, now).active);
    const hit = active[0];
    if (!hit) {
      const dead = matches[0];
      const stale = `CI_DEPLOY_USER "${username}" (from ${cand.userSource?.detail ?? "unknown"})`;
      const fixStale = `update or delete the CI_DEPLOY_USER / CI_DEPLOY_PASSWORD CI/CD variables in ${SETTINGS_VARIABLES}${exposedSummary ? ` so the job gets ${describeToken(exposedSummary)}` : `, then ${noTokenFix(input)}`}`;
      if (dead) {
        const act = tokenActivity(dead.token, now);
        const s = summarize(dead.token, dead.level, dead.owner);
        const why2 = act.active ? "is not active" : act.reason === "revoked" ? "was revoked" : `expired at ${formatInstant(act.expiresAt)}`;
        considered.push({
          token: s,
          verdict: "named-by-stale-variables",
          note: `named by CI_DEPLOY_USER; ${why2}`
        });
        return fail(
          { ...base(), sources, token: s },
          `stale variables: ${stale} names ${describeToken(s)}, which ${why2}; GitLab refuses it`,
          fixStale
        );
      }
      const unknownLevels = [
        input.projectTokens === void 0 ? "project" : void 0,
        input.group && input.group.tokens === void 0 ? `group ${input.group.path}` : void 0
      ].filter(Boolean);
      const caveat = unknownLevels.length > 0 ? ` (the tokens of ${unknownLevels.join(" and ")} could not be listed)` : "";
      return fail(
        { ...base(), sources },
        `stale variables: ${stale} names no active deploy token of ${projectPath} or its groups${caveat}`,
        fixStale
      );
    }
    token = summarize(hit.token, hit.level, hit.owner);
    considered.push({ token, verdict: "named-by-variables", note: "named by CI_DEPLOY_USER" });
    if (exposedSummary) {
      rule = "variables-override";
      const message = `CI_DEPLOY_USER names ${describeToken(token)} instead of ${describeToken(exposedSummary)}, which GitLab would expose; the CI/CD variables win and go stale when that token is rotated`;
      const existing = warnings.find((w) => w.code === "variables-shadow-token");
      if (existing) existing.message = message;
      else warnings.push({ code: "variables-shadow-token", message });
    } else if (hit.level === "group") {
      rule = "group-variables-fallback";
      if (hit.where === "ancestor") {
        warnings.push({
          code: "group-token-outside-parent",
          message: `the credentials belong to ${describeToken(token)}, which is not on the direct parent group; it can log in, but GitLab would never expose it by itself`
        });
      }
    } else {
      rule = "variables-override";
    }
  }
  const result = {
    ...base(),
    ok: true,
    exitCode: 0,
    rule,
    ruleText: ruleTextFor(rule, version),
    credentials: { username, password: cand.password },
    sources,
    ...token ? { token } : {}
  };
  if (token && input.version && token.level === "group" && rule === "group-token" && groupTokenBehindFlag(input.version)) {
    warnings.push({
      code: "feature-flag",
      message: `GitLab ${version} exposes group tokens behind the feature flag ci_variable_for_group_gitlab_deploy_token (on by default, removed in 15.4); if an administrator turned it off, jobs get nothing`
    });
  }
  if (token) addTokenWarnings(input, token, warnings);
  if (token && input.job) {
    const missing = input.job.scopes.filter((s) => !token.scopes.includes(s));
    if (missing.length > 0) {
      return fail(
        { ...result, missingScopes: missing },
        `job ${input.job.name} needs ${missing.join(", ")}, but ${describeToken(token)} has only ${token.scopes.join(", ") || "no scopes"}`,
        `create a new deploy token with the scopes ${[.../* @__PURE__ */ new Set([...token.scopes, ...missing])].join(", ")} (scopes cannot be changed after creation) and revoke this one`,
        result.rule,
        result.ruleText
      );
    }
  }
  return result;
}
function addTokenWarnings(input, token, warnings) {
  const left = daysLeft({ expires_at: token.expiresAt }, input.now);
  if (left !== null && left < input.minDaysLeft) {
    const days = Math.max(0, Math.floor(left));
    warnings.push({
      code: "expiring-soon",
      message: `${describeToken(token)} expires in ${days} day${days === 1 ? "" : "s"}, at ${formatInstant(new Date(token.expiresAt))} (less than ${input.minDaysLeft}); rotate it`
    });
  }
  if (token.level === "group" && input.job?.lfs) {
    warnings.push({
      code: "group-token-lfs",
      message: `job ${input.job.name} uses Git LFS with a group deploy token: GitLab answered 404 for LFS objects with group tokens (issue 235398); the workaround is a project deploy token`
    });
  }
}
function resolveUnverified(input, base) {
  const fb = input.fallback;
  let username;
  let password;
  const sources = {};
  if (input.jobEnv.password) {
    password = input.jobEnv.password;
    sources.CI_DEPLOY_PASSWORD = { kind: "job-environment", detail: "job environment (CI_DEPLOY_PASSWORD)" };
    if (input.jobEnv.user) {
      username = input.jobEnv.user;
      sources.CI_DEPLOY_USER = { kind: "job-environment", detail: "job environment (CI_DEPLOY_USER)" };
    }
  } else if (fb?.password) {
    password = fb.password;
    sources.CI_DEPLOY_PASSWORD = {
      kind: "spec-fallback",
      detail: `spec token.fallback (${fb.passwordEnv ?? ""})`
    };
    if (fb.user) {
      username = fb.user;
      sources.CI_DEPLOY_USER = {
        kind: "spec-fallback",
        detail: `spec token.fallback (${fb.usernameEnv ?? ""})`
      };
    }
  }
  if (password === void 0 || !username) {
    return fail(
      { ...base, sources },
      password === void 0 ? "no API token to look up deploy tokens, and the job environment has no CI_DEPLOY_USER / CI_DEPLOY_PASSWORD" : "CI_DEPLOY_PASSWORD is set but CI_DEPLOY_USER is not, and without an API token the username cannot be looked up",
      "set GITLAB_TOKEN (or the variable named by --api-token-env) to a token with read_api and the Maintainer role, or run inside a GitLab job whose project or group has a gitlab-deploy-token (CI_JOB_TOKEN cannot list deploy tokens)"
    );
  }
  base.warnings.push({
    code: "unverified",
    message: "no API token: the credentials come from the environment and could not be verified against GitLab (expiry, revocation, scopes). Set GITLAB_TOKEN with read_api to verify them"
  });
  return {
    ...base,
    ok: true,
    exitCode: 0,
    rule: "unverified-environment",
    ruleText: ruleTextFor("unverified-environment", void 0),
    credentials: { username, password },
    sources
  };
}
function noTokenReason(input, considered) {
  const path = input.project?.path ?? "the project";
  const dead = considered.filter((c) => c.verdict === "revoked" || c.verdict === "expired");
  const parts = [];
  if (dead.length > 0) {
    parts.push(dead.map((c) => `${describeToken(c.token)} ${c.note}`).join("; "));
  }
  const ancestors = considered.filter((c) => c.verdict === "outside-direct-parent");
  if (ancestors.length > 0) {
    parts.push(
      `${ancestors.map((c) => describeToken(c.token)).join(", ")} is not on the direct parent group, so GitLab never exposes it to ${path}`
    );
  }
  if (parts.length === 0) {
    const where = input.project?.namespaceKind === "group" ? `${path} and its parent group ${input.project.namespacePath}` : `${path} (a user namespace: no group fallback)`;
    parts.push(`no active deploy token named gitlab-deploy-token on ${where}`);
  }
  return `the job gets no CI_DEPLOY_USER / CI_DEPLOY_PASSWORD: ${parts.join("; ")}`;
}
function noTokenFix(input) {
  const parent = input.project?.namespaceKind === "group" ? ` or its direct parent group ${input.project.namespacePath}` : "";
  return `create a deploy token named exactly gitlab-deploy-token on ${input.project?.path ?? "the project"}${parent} (${SETTINGS_TOKENS}), with the scopes the job needs`;
}
function ruleTextFor(rule, version) {
  const v = version ? `GitLab ${version}` : "GitLab";
  switch (rule) {
    case "project-token":
      return `${v}: the project's active gitlab-deploy-token becomes CI_DEPLOY_USER / CI_DEPLOY_PASSWORD (app/models/project.rb)`;
    case "group-token":
      return `${v}: no project token, so the direct parent group's active gitlab-deploy-token is exposed (15.1+, MR !88696)`;
    case "group-variables-fallback":
      return `${v}: group tokens reach jobs only through CI/CD variables CI_DEPLOY_USER / CI_DEPLOY_PASSWORD (the 15.0 workaround)`;
    case "variables-override":
      return `${v}: CI/CD variables CI_DEPLOY_USER / CI_DEPLOY_PASSWORD override the generated ones (predefined variables rank lowest)`;
    case "unverified-environment":
      return "no API token: CI_DEPLOY_USER / CI_DEPLOY_PASSWORD taken from the environment as they are, unverified";
    case "none":
      return `${v}: no credentials`;
  }
}

// src/app/options.ts
import { existsSync } from "node:fs";
import { isAbsolute, join } from "node:path";
var DEFAULT_SPEC = "deploy-token.yml";
var NAME_RE2 = /^[A-Za-z_][A-Za-z0-9_]*$/;
function specPath(flags, cwd) {
  if (flags.spec) return isAbsolute(flags.spec) ? flags.spec : join(cwd, flags.spec);
  const def = join(cwd, DEFAULT_SPEC);
  return existsSync(def) ? def : void 0;
}
function normaliseUrl(raw) {
  let u;
  try {
    u = new URL(raw);
  } catch {
    throw new UsageError(
      `--gitlab-url "${raw.slice(0, 100)}" is not a URL`,
      "give the instance URL, e.g. https://gitlab.example.com"
    );
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") {
    throw new UsageError(
      `--gitlab-url must be http(s), not ${u.protocol}`,
      "give the instance URL, e.g. https://gitlab.example.com"
    );
  }
  if (u.username || u.password) {
    throw new UsageError(
      "--gitlab-url must not contain credentials",
      "put the API token in GITLAB_TOKEN instead"
    );
  }
  return `${u.origin}${u.pathname.replace(/\/+$/, "").replace(/\/api\/v4$/, "")}`;
}
function resolveSettings(flags, env, spec) {
  const gitlabUrl = normaliseUrl(
    flags.gitlabUrl ?? spec?.gitlab?.url ?? env.CI_SERVER_URL ?? "https://gitlab.com"
  );
  const specProject = spec?.gitlab?.project;
  const project = flags.project ?? (specProject === void 0 ? void 0 : String(specProject)) ?? env.CI_PROJECT_ID ?? env.CI_PROJECT_PATH;
  const apiTokenEnv = flags.apiTokenEnv ?? spec?.gitlab?.api_token_env ?? "GITLAB_TOKEN";
  if (!NAME_RE2.test(apiTokenEnv)) {
    throw new UsageError(
      `--api-token-env "${apiTokenEnv.slice(0, 60)}" is not a variable name`,
      "name the environment variable that holds the API token, e.g. GITLAB_TOKEN"
    );
  }
  const apiToken = env[apiTokenEnv] || void 0;
  const environment = flags.environment ?? spec?.gitlab?.environment ?? env.CI_ENVIRONMENT_NAME ?? void 0;
  const rawDays = flags.minDaysLeft ?? spec?.token?.min_days_left ?? 7;
  const minDaysLeft = typeof rawDays === "number" ? rawDays : Number(rawDays);
  if (!Number.isFinite(minDaysLeft) || minDaysLeft < 0 || !/^\d+(\.\d+)?$/.test(String(rawDays))) {
    throw new UsageError(
      `--min-days-left must be a number of days, not "${String(rawDays).slice(0, 40)}"`,
      "e.g. --min-days-left 14"
    );
  }
  let job;
  if (flags.job !== void 0) {
    const jobSpec = spec?.jobs[flags.job];
    if (!spec)
      throw new UsageError(`--job ${flags.job} needs a spec`, `write ${DEFAULT_SPEC} or pass --spec FILE`);
    if (!jobSpec) {
      throw new UsageError(
        `job "${flags.job}" is not in the spec`,
        `choose one of: ${Object.keys(spec.jobs).join(", ") || "(none)"}`
      );
    }
    const scopes = new Set(jobSpec.scopes ?? []);
    if (jobSpec.dependency_proxy) {
      scopes.add("read_registry");
      scopes.add("write_registry");
    }
    job = {
      name: flags.job,
      spec: jobSpec,
      scopes: [...scopes],
      lfs: flags.lfs === true || jobSpec.lfs === true
    };
  }
  const s = { gitlabUrl, apiTokenEnv, minDaysLeft, lfs: flags.lfs === true || job?.lfs === true };
  if (project) s.project = project;
  if (apiToken) s.apiToken = apiToken;
  if (environment) s.environment = environment;
  if (job) s.job = job;
  return s;
}

// src/app/flow.ts
async function loadSpecFor(flags, cwd) {
  const path = specPath(flags, cwd);
  if (!path) return void 0;
  const { loadSpecFile } = await import("./load-HQXI66VG.js");
  const { spec, findings } = await loadSpecFile(path);
  const errors = findings.filter((f) => f.severity === "error");
  if (!spec || errors.length > 0) {
    const first = errors.slice(0, 5).map((f) => `${f.file}:${f.line}:${f.col}: ${f.message} [${f.ruleId}]`).join("\n  ");
    throw new UsageError(
      `the spec is invalid:
  ${first}`,
      `run \`deploy-token validate ${path}\` for every finding`
    );
  }
  return spec;
}
async function runFlow(flags, deps) {
  const spec = await loadSpecFor(flags, deps.cwd);
  const settings = resolveSettings(flags, deps.env, spec);
  const clientOpts = { ...deps.http, baseUrl: settings.gitlabUrl, env: deps.env };
  if (settings.apiToken) clientOpts.token = settings.apiToken;
  if (deps.fetch) clientOpts.fetch = deps.fetch;
  if (deps.sleep) clientOpts.sleep = deps.sleep;
  if (deps.onRequest) clientOpts.onRequest = deps.onRequest;
  const client = settings.apiToken ? createGitLabClient(clientOpts) : void 0;
  const fb = spec?.token?.fallback;
  const fallback = fb && (fb.username_env || fb.password_env) ? {
    ...fb.username_env ? { usernameEnv: fb.username_env } : {},
    ...fb.password_env ? { passwordEnv: fb.password_env } : {}
  } : void 0;
  const input = await gatherInput({
    ...client ? { client } : {},
    ...settings.project ? { project: settings.project } : {},
    env: deps.env,
    now: deps.now(),
    ...settings.environment ? { environment: settings.environment } : {},
    ...fallback ? { fallback } : {},
    ...settings.job ? { job: { name: settings.job.name, scopes: settings.job.scopes, lfs: settings.job.lfs } } : {},
    minDaysLeft: settings.minDaysLeft
  });
  if (settings.lfs && !input.job) input.job = { name: "(command line)", scopes: [], lfs: true };
  const resolution = resolveCredentials(input);
  return { settings, ...spec ? { spec } : {}, input, resolution, requestCount: client?.requestCount ?? 0 };
}

export {
  deployVariables,
  checkVariables,
  daysLeft,
  formatInstant,
  describeToken,
  runFlow
};
