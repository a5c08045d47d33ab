import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  maskString
} from "./chunk-IAFBB2HQ.js";
import {
  API_TOKEN_VARIABLES
} from "./chunk-MYCCQ4L5.js";
import {
  GitLabApiError,
  UsageError
} from "./chunk-NWKT2VDV.js";

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
var CONTROL_CHARS = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
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
  need(x.revoked === void 0 || typeof x.revoked === "boolean", "deploy token `revoked` must be a boolean");
  need(
    Array.isArray(x.scopes) && x.scopes.every((s) => typeof s === "string"),
    "deploy token `scopes` must be a list of strings"
  );
  const t = {
    id: x.id,
    // A name is free text anyone with Maintainer can set: control characters (terminal escapes,
    // newlines) and invisible format characters (bidi overrides) never reach an output. GitLab's
    // special name has none, so matching is unaffected.
    name: x.name.replace(CONTROL_CHARS, "?"),
    // An empty username is GitLab's default one (app/models/deploy_token.rb `username`,
    // DeployTokenMethods: `params[:username].presence`).
    username: x.username === "" ? `gitlab+deploy-token-${x.id}` : x.username.replace(CONTROL_CHARS, "?"),
    expires_at: x.expires_at ?? null,
    revoked: x.revoked === true,
    scopes: [...x.scopes]
  };
  if (x.revoked === void 0) t.revokedUnknown = true;
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
  if (isObject(x.permissions)) {
    const level = (a) => isObject(a) && typeof a.access_level === "number" ? a.access_level : null;
    p.permissions = {
      projectAccess: level(x.permissions.project_access),
      groupAccess: level(x.permissions.group_access)
    };
  }
  return p;
}
function asGroup(x) {
  need(isObject(x), "a group must be a JSON object");
  need(typeof x.id === "number", "group `id` must be a number");
  need(typeof x.full_path === "string", "group `full_path` must be a string");
  return {
    id: x.id,
    full_path: x.full_path,
    parent_id: typeof x.parent_id === "number" ? x.parent_id : null
  };
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
function asProtectedRef(x) {
  need(isObject(x), "a protected branch or tag must be a JSON object");
  need(typeof x.name === "string", "protected branch or tag `name` must be a string");
  return { name: x.name };
}
function asCurrentUser(x) {
  need(isObject(x), "the user must be a JSON object");
  need(typeof x.id === "number", "user `id` must be a number");
  need(typeof x.username === "string", "user `username` must be a string");
  return { id: x.id, username: x.username, isAdmin: x.is_admin === true };
}
function asTokenScopes(x) {
  need(isObject(x), "the personal access token must be a JSON object");
  need(
    Array.isArray(x.scopes) && x.scopes.every((s) => typeof s === "string"),
    "personal access token `scopes` must be a list of strings"
  );
  return [...x.scopes];
}
function asAccessLevel(x) {
  need(isObject(x), "a member must be a JSON object");
  need(typeof x.access_level === "number", "member `access_level` must be a number");
  return x.access_level;
}
function asVersionInfo(x) {
  need(isObject(x), "the version answer must be a JSON object");
  need(typeof x.version === "string", "the version answer must have a `version` string");
  const v = { version: x.version };
  if (typeof x.revision === "string") v.revision = x.revision;
  return v;
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
function getGroup(client, id) {
  return client.get(`/groups/${encodeId(id)}`, asGroup);
}
function holderListing(what, parseItem) {
  return (client, level, id) => client.getAll(`/${level}/${encodeId(id)}/${what}`, parseItem);
}
var listDeployTokens = holderListing("deploy_tokens", asDeployToken);
function getVariable(client, level, id, key, environmentScope) {
  const query = environmentScope === void 0 ? {} : { "filter[environment_scope]": environmentScope };
  return client.get(`/${level}/${encodeId(id)}/variables/${encodeURIComponent(key)}`, asCiVariable, query);
}
var listVariables = holderListing("variables", asCiVariable);
function listDescendantGroups(client, id) {
  return client.getAll(`/groups/${encodeId(id)}/descendant_groups`, asGroup);
}
function listGroupProjects(client, id, opts = {}) {
  return client.getAll(
    `/groups/${encodeId(id)}/projects`,
    asProject,
    opts.includeSubgroups ? { include_subgroups: "true" } : {}
  );
}
function getCurrentUser(client) {
  return client.get("/user", asCurrentUser);
}
async function getTokenScopes(client) {
  try {
    return await client.get("/personal_access_tokens/self", asTokenScopes);
  } catch (e) {
    if (e instanceof GitLabApiError && (e.status === 404 || e.status === 401 || e.status === 403))
      return void 0;
    throw e;
  }
}
async function getGroupAccess(client, group, userId) {
  try {
    return await client.get(`/groups/${encodeId(group)}/members/all/${userId}`, asAccessLevel);
  } catch (e) {
    if (e instanceof GitLabApiError && e.status === 404) return 0;
    throw e;
  }
}
async function createDeployToken(client, level, id, t) {
  const { data } = await client.request("POST", `/${level}/${encodeId(id)}/deploy_tokens`, asDeployToken, {
    body: t
  });
  if (!data?.token) {
    throw new GitLabApiError(
      "GitLab created a deploy token but its answer has no `token`",
      `/${level}/:id/deploy_tokens`,
      void 0,
      "the secret is only in the creation answer: delete that token in Settings > Repository > Deploy tokens and run again"
    );
  }
  return data;
}
async function findDeployToken(client, level, id, tokenId) {
  try {
    return await client.get(`/${level}/${encodeId(id)}/deploy_tokens/${tokenId}`, asDeployToken);
  } catch (e) {
    if (!(e instanceof GitLabApiError && e.status === 404)) throw e;
  }
  return (await listDeployTokens(client, level, id)).find((t) => t.id === tokenId);
}
function listProtectedRefs(client, project, kind) {
  return client.getAll(`/projects/${encodeId(project)}/protected_${kind}`, asProtectedRef);
}
async function deleteDeployToken(client, level, id, tokenId) {
  try {
    await client.request("DELETE", `/${level}/${encodeId(id)}/deploy_tokens/${tokenId}`, () => void 0);
    return "deleted";
  } catch (e) {
    if (e instanceof GitLabApiError && e.status === 404) return "gone";
    throw e;
  }
}
async function writeVariable(client, level, id, v, mode) {
  const scope = v.environment_scope ?? "*";
  const secrets = v.masked ? [v.value] : [];
  const { data } = mode === "create" ? await client.request("POST", `/${level}/${encodeId(id)}/variables`, asCiVariable, {
    body: { ...v, environment_scope: scope },
    secrets
  }) : await client.request(
    "PUT",
    `/${level}/${encodeId(id)}/variables/${encodeURIComponent(v.key)}`,
    asCiVariable,
    {
      body: { ...v, environment_scope: scope },
      query: { "filter[environment_scope]": scope },
      secrets
    }
  );
  if (!data)
    throw new GitLabApiError("GitLab answered a variable write with no body", `/${level}/:id/variables`);
  return data;
}
async function deleteVariable(client, level, id, key, environmentScope = "*") {
  try {
    await client.request(
      "DELETE",
      `/${level}/${encodeId(id)}/variables/${encodeURIComponent(key)}`,
      () => void 0,
      {
        query: { "filter[environment_scope]": environmentScope }
      }
    );
    return "deleted";
  } catch (e) {
    if (e instanceof GitLabApiError && e.status === 404) return "gone";
    throw e;
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
  const undici = async () => {
    const m = await import("./undici-UHZOGFSV.js");
    return typeof m.ProxyAgent === "function" ? m : m.default ?? m;
  };
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

// src/gitlab/http-errors.ts
var GitLabHttpError = class extends GitLabApiError {
  /** GitLab's `message` (or OAuth `error`), at most 200 characters. */
  gitlabMessage;
  constructor(message, endpoint, status, hint, gitlabMessage) {
    super(message, endpoint, status, hint);
    this.name = "GitLabHttpError";
    this.gitlabMessage = gitlabMessage;
  }
};
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
var QUOTE_CHARS = 200;
function scrubberFor(token) {
  return (text, secrets = [], opts = {}) => {
    const list = [token, ...secrets].filter((x) => x !== void 0 && x.length >= 4);
    let t = list.length > 0 ? maskString(text, list) : text;
    t = t.replace(/\/\/[^/\s:@]+:[^/\s@]+@/g, "//***@");
    if (opts.hosts) {
      t = t.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s'"<>]+/gi, "<url>").replace(/\[[0-9a-f:.]+\](?::\d+)?/gi, "<address>").replace(/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, "<address>").replace(/\b(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?\b/gi, "<host>");
    }
    return t.slice(0, QUOTE_CHARS);
  };
}
function unreachable(where, endpoint, e, scrub) {
  const code = errorCode(e);
  const detail = code && code !== "UND_ERR_INVALID_ARG" && code !== "UND_ERR_ABORTED" ? code : scrub(messageOf(e), [], { hosts: true });
  const hint = code && TLS_TRUST_CODES.test(code) ? "GitLab's TLS certificate is not trusted: for a private CA, set NODE_EXTRA_CA_CERTS to its PEM file (Node reads it at start-up)" : code === "ENOTFOUND" ? "check the host name in --gitlab-url" : "check --gitlab-url, the network, HTTPS_PROXY / NO_PROXY, and NODE_EXTRA_CA_CERTS for a private CA";
  return new GitLabApiError(`${where}: could not reach GitLab (${detail})`, endpoint, void 0, hint);
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
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
function seconds(ms) {
  return ms % 1e3 === 0 ? `${ms / 1e3} s` : `${(ms / 1e3).toFixed(1)} s`;
}

// src/gitlab/answer.ts
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
function jsonOf(where, a, scrub) {
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
function httpError(where, a, scrub, secrets) {
  const data = a.text.trim() === "" ? void 0 : jsonOf(where, a, scrub);
  const raw = gitlabMessageOf(data);
  const gm = raw === void 0 ? void 0 : scrub(raw, secrets);
  const hint = a.status === 401 && a.leftOrigin ? "GitLab redirected the request to another host or scheme, where the API token is not sent: point --gitlab-url at the final URL (https://?)" : hintFor(a.status, gm);
  return new GitLabHttpError(
    `${where}: HTTP ${a.status}${gm ? ` (${gm})` : ""}`,
    a.endpoint,
    a.status,
    hint,
    gm
  );
}
function interpret(method, a, parse, scrub, secrets = []) {
  const where = `${method} ${a.endpoint}`;
  if (a.status >= 400) throw httpError(where, a, scrub, secrets);
  if (a.status === 204 || a.status === 205 || method === "HEAD") return void 0;
  const data = jsonOf(where, a, scrub);
  try {
    return parse(data);
  } catch (e) {
    if (!(e instanceof Error && e.name === "ShapeError")) throw e;
    throw new GitLabApiError(
      `${where}: unexpected answer from GitLab: ${scrub(e.message)}`,
      a.endpoint,
      void 0,
      "check that --gitlab-url points at a GitLab instance"
    );
  }
}

// src/gitlab/attempt.ts
var MAX_REDIRECTS = 5;
var MAX_BODY_BYTES = 32 * 1024 * 1024;
var Transient = class extends Error {
  constructor(message, answer, retryAfterMs) {
    super(message);
    this.answer = answer;
    this.retryAfterMs = retryAfterMs;
  }
  answer;
  retryAfterMs;
};
var AttemptTimeout = class extends Error {
};
function sameOrigin(a, b) {
  return a.protocol === b.protocol && a.host === b.host;
}
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
function nextHop(req, res, location, hop, origin) {
  const where = req.where;
  const fail = (what, hint = "check --gitlab-url") => new GitLabApiError(`${where}: ${what}`, req.endpoint, void 0, hint);
  if (hop >= MAX_REDIRECTS) throw fail(`more than ${MAX_REDIRECTS} redirects`);
  let next;
  try {
    next = new URL(location, req.url);
  } catch {
    throw fail("redirected to an invalid URL");
  }
  if (next.protocol !== "https:" && next.protocol !== "http:")
    throw fail(`redirected to a ${next.protocol} URL`);
  if (next.username || next.password) throw fail("redirected to a URL with a user name or password");
  let { method, body } = req;
  if (res.status === 303 && method !== "HEAD" || (res.status === 301 || res.status === 302) && method === "POST") {
    method = "GET";
    body = void 0;
  }
  if (body !== void 0 && !sameOrigin(next, origin)) {
    throw fail(
      "redirected to another host or scheme; the request body is not sent there",
      "point --gitlab-url at the URL GitLab redirects to (https:// instead of http://?)"
    );
  }
  return { ...req, method, url: next, body };
}
async function sendOnce(ctx, req, signal, n, timeoutMs) {
  const headers = { accept: "application/json", "user-agent": ctx.userAgent };
  const offOrigin = !sameOrigin(req.url, ctx.origin);
  if (!offOrigin && ctx.token) headers["private-token"] = ctx.token;
  if (req.body !== void 0) headers["content-type"] = "application/json";
  ctx.sent();
  const started = ctx.now();
  try {
    const res = await untilAborted(
      ctx.fetch(req.url, {
        method: req.method,
        headers,
        ...req.body !== void 0 ? { body: req.body } : {},
        redirect: "manual",
        signal
      }),
      signal,
      (late) => void late.body?.cancel().catch(() => void 0)
    );
    ctx.onRequest?.({
      method: req.method,
      endpoint: req.endpoint,
      status: res.status,
      attempt: n,
      ms: ctx.now() - started
    });
    return { res, offOrigin };
  } catch (e) {
    ctx.onRequest?.({ method: req.method, endpoint: req.endpoint, attempt: n, ms: ctx.now() - started });
    if (signal.aborted) throw new Transient(`no answer within ${timeoutMs} ms`);
    const code = errorCode(e);
    if (code && RETRY_CODES.has(code)) throw new Transient(`connection failed (${code})`);
    throw unreachable(req.where, req.endpoint, e, ctx.scrub);
  }
}
async function attempt(ctx, first, timeoutMs, n) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let req = first;
  let leftOrigin = false;
  try {
    for (let hop = 0; ; hop++) {
      const { res, offOrigin } = await sendOnce(ctx, req, controller.signal, n, timeoutMs);
      leftOrigin ||= offOrigin;
      const location = res.headers.get("location");
      if (res.status >= 300 && res.status < 400 && location) {
        await res.body?.cancel().catch(() => void 0);
        req = nextHop(req, res, location, hop, ctx.origin);
        continue;
      }
      let text;
      try {
        text = await readBody(res, controller.signal);
      } catch (e) {
        if (e instanceof RangeError) {
          throw new GitLabApiError(`${req.where}: answer larger than ${MAX_BODY_BYTES} bytes`, req.endpoint);
        }
        if (controller.signal.aborted) throw new Transient(`answer not complete within ${timeoutMs} ms`);
        throw new Transient(`connection broke while reading the answer (${errorCode(e) ?? "reset"})`);
      }
      return { status: res.status, headers: res.headers, text, endpoint: req.endpoint, leftOrigin };
    }
  } finally {
    clearTimeout(timer);
  }
}

// src/gitlab/retry.ts
var CAP_DELAY_MS = 8e3;
var IDEMPOTENT = /* @__PURE__ */ new Set(["GET", "HEAD", "PUT", "DELETE"]);
function parseRetryAfter(value, nowMs) {
  const v = value?.trim();
  if (!v) return void 0;
  if (/^\d+$/.test(v)) return Number(v) * 1e3;
  const at = Date.parse(v);
  return Number.isNaN(at) ? void 0 : Math.max(0, at - nowMs);
}
function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return void 0;
  }
}
function stopReason(p, method, made, last, left) {
  if (!IDEMPOTENT.has(method))
    return { stop: `${method} is never retried: it may have taken effect, check before trying again` };
  if (made >= p.maxAttempts) return { stop: "" };
  const r = Math.min(Math.max(p.random(), 0), 1);
  const delay = last.retryAfterMs ?? r * Math.min(CAP_DELAY_MS, p.baseDelayMs * 2 ** (made - 1));
  if (delay >= left) {
    return {
      stop: last.retryAfterMs !== void 0 ? `GitLab asked to retry after ${seconds(Math.ceil(delay))}, past the deadline of ${seconds(p.deadlineMs)}` : `another try would pass the deadline of ${seconds(p.deadlineMs)}`
    };
  }
  return { delay };
}
function exhausted(where, endpoint, made, last, stop, secrets, scrub) {
  const a = last?.answer;
  const raw = a ? gitlabMessageOf(safeJson(a.text)) : void 0;
  const gm = raw === void 0 ? void 0 : scrub(raw, secrets);
  const cause = last ? `${last.message}${gm ? ` (${gm})` : ""}` : "no attempt made";
  const message = `${where}: GitLab could not be asked after ${plural(made, "attempt")}: ${cause}${stop ? `; ${stop}` : ""}`;
  if (a) return new GitLabHttpError(message, endpoint, a.status, hintFor(a.status, gm), gm);
  return new GitLabApiError(
    message,
    endpoint,
    void 0,
    "check the network and GitLab's status, then try again"
  );
}
async function withRetries(p, call, once) {
  const deadlineMs = call.deadlineMs ?? p.deadlineMs;
  const start = p.now();
  let made = 0;
  let last;
  let stop = "";
  for (; ; ) {
    const remaining = deadlineMs - (p.now() - start);
    if (remaining <= 0) {
      stop = `the deadline of ${seconds(deadlineMs)} passed`;
      break;
    }
    made++;
    try {
      const a = await once(Math.min(p.attemptTimeoutMs, remaining), made - 1);
      if (!isTransientStatus(a.status)) return a;
      last = new Transient(`HTTP ${a.status}`, a, parseRetryAfter(a.headers.get("retry-after"), p.now()));
    } catch (e) {
      if (!(e instanceof Transient)) throw e;
      last = e;
    }
    const next = stopReason({ ...p, deadlineMs }, call.method, made, last, deadlineMs - (p.now() - start));
    if (next.stop !== void 0) {
      stop = next.stop;
      break;
    }
    await p.sleep(next.delay);
  }
  throw exhausted(call.where, call.endpoint, made, last, stop, call.secrets, p.scrub);
}

// src/gitlab/pages.ts
function pageHeader(a, name) {
  const v = a.headers.get(name)?.trim();
  if (!v) return void 0;
  if (!/^\d+$/.test(v)) {
    throw new GitLabApiError(`GET ${a.endpoint}: the ${name} header is not a page number`, a.endpoint);
  }
  return Number(v);
}
function tooMany(where, endpoint, what, maxPages) {
  return new GitLabApiError(
    `${where}: ${what}`,
    endpoint,
    void 0,
    `that is more than ${maxPages * 100} items; check the project or group`
  );
}
function pageFetcher(o, path, parseItem, query) {
  const start = o.now();
  const endpoint = path.split(/[?#]/)[0] ?? path;
  const overdue = (page) => new GitLabApiError(
    `GET ${endpoint}: the listing took longer than its deadline of ${seconds(o.listDeadlineMs)} (page ${page})`,
    endpoint,
    void 0,
    "check the network and GitLab's status, or narrow what is listed"
  );
  const parsePage = (x) => {
    if (!Array.isArray(x)) throw new ShapeError("expected a JSON list (one page of items)");
    return x.map(parseItem);
  };
  return async (page) => {
    const left = o.listDeadlineMs - (o.now() - start);
    if (left <= 0) throw overdue(page);
    let answer;
    try {
      const q = { ...query, per_page: "100", page: String(page) };
      answer = await o.get(path, q, Math.min(o.callDeadlineMs, left));
    } catch (e) {
      if (o.now() - start >= o.listDeadlineMs) throw overdue(page);
      throw e;
    }
    return { answer, items: interpret("GET", answer, parsePage, o.scrub) ?? [] };
  };
}
async function pagesWithTotals(fetch, total, concurrency) {
  const rest = [];
  let next = 2;
  let failed = false;
  const worker = async () => {
    while (next <= total && !failed) {
      const p = next++;
      try {
        rest[p - 2] = (await fetch(p)).items;
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(0, Math.min(concurrency, total - 1)) }, worker));
  return rest;
}
async function pagesByNext(fetch, first, maxPages) {
  const where = `GET ${first.endpoint}`;
  const items = [];
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
    if (seen.size >= maxPages)
      throw tooMany(where, first.endpoint, `more than the limit of ${maxPages} pages`, maxPages);
    seen.add(nextPage);
    const page = await fetch(nextPage);
    items.push(...page.items);
    nextPage = pageHeader(page.answer, "x-next-page");
  }
  return items;
}
async function getAll(o, path, parseItem, query) {
  const fetch = pageFetcher(o, path, parseItem, query);
  const first = await fetch(1);
  const total = pageHeader(first.answer, "x-total-pages");
  if (total === void 0) return first.items.concat(await pagesByNext(fetch, first.answer, o.maxPages));
  if (total > o.maxPages) {
    const a = first.answer;
    const what = `GitLab reports ${total} pages, over the limit of ${o.maxPages} pages`;
    throw tooMany(`GET ${a.endpoint}`, a.endpoint, what, o.maxPages);
  }
  return first.items.concat(...await pagesWithTotals(fetch, total, o.concurrency));
}

// src/gitlab/rate-limit.ts
function seconds2(v) {
  const t = v?.trim();
  return t && /^\d+$/.test(t) ? Number(t) : void 0;
}
function httpDate(v) {
  const t = v?.trim();
  if (!t || /^\d+$/.test(t)) return void 0;
  const at = Date.parse(t);
  return Number.isNaN(at) ? void 0 : at;
}
function resumeAt(headers, nowMs, preferRetryAfter = true, offsetMs = offsetOf(headers, nowMs)) {
  const local = (at) => at === void 0 ? void 0 : at + offsetMs;
  const after = seconds2(headers.get("retry-after"));
  const retry = after !== void 0 ? nowMs + after * 1e3 : local(httpDate(headers.get("retry-after")));
  const reset = seconds2(headers.get("ratelimit-reset"));
  const fromReset = local(reset !== void 0 ? reset * 1e3 : httpDate(headers.get("ratelimit-resettime")));
  return preferRetryAfter ? retry ?? fromReset : fromReset ?? retry;
}
function offsetOf(headers, nowMs) {
  const serverNow = httpDate(headers.get("date"));
  return serverNow === void 0 ? 0 : nowMs - serverNow;
}
var RateLimiter = class {
  constructor(opts) {
    this.opts = opts;
  }
  opts;
  stats = { throttled: 0, pauses: 0, pausedMs: 0 };
  pausedUntil = 0;
  why = "";
  /** Counts pauses begun: a request sent in the current one carries its number. */
  epoch = 0;
  inFlight = 0;
  /** Requests GitLab's current window still takes from us (undefined: GitLab did not say). */
  budget;
  /** When that window ends, on our clock. */
  windowEnd;
  /** RateLimit-Limit: what a new window takes (GitLab gives it per 60 s). */
  limit;
  /** The pause already counted in the stats (each waiter of one pause does not count again). */
  counted = 0;
  /**
   * Our clock minus GitLab's: the least seen, since an answer read late (or a Date cut to the
   * second) only ever makes it look larger.
   */
  offset;
  /** What an answer says about the limits: a 429 pauses every later request; RateLimit-Remaining sets the budget. */
  observe(status, headers, sentInEpoch = this.epoch) {
    const now = this.opts.now();
    if (headers.has("date")) this.offset = Math.min(this.offset ?? Infinity, offsetOf(headers, now));
    const offset = this.offset ?? 0;
    if (status !== 429 && sentInEpoch === this.epoch) this.pausedUntil = 0;
    if (status === 429) {
      this.stats.throttled++;
      this.pause(resumeAt(headers, now, true, offset), "GitLab answered 429 Too Many Requests");
    }
    this.limit = seconds2(headers.get("ratelimit-limit")) ?? this.limit;
    const remaining = seconds2(headers.get("ratelimit-remaining"));
    const end = resumeAt(headers, now, false, offset);
    if (remaining === void 0 || end === void 0) return;
    if (end <= now || this.windowEnd !== void 0 && end < this.windowEnd - 1e3) return;
    this.stats.remaining = remaining;
    const left = remaining - Math.max(0, this.inFlight - 1);
    const sameWindow = this.windowEnd !== void 0 && Math.abs(end - this.windowEnd) < 1e3;
    this.budget = sameWindow && this.budget !== void 0 ? Math.min(this.budget, left) : left;
    this.windowEnd = end;
  }
  pause(at, why) {
    if (at !== void 0 && at > this.pausedUntil) {
      this.pausedUntil = at;
      this.why = why;
      this.epoch++;
    }
  }
  /**
   * Before a request: takes one from the window's budget, or waits out a pause (once: a clock that
   * does not move cannot hold it forever), or refuses one longer than maxWaitMs.
   */
  async ready(endpoint) {
    if (this.windowEnd !== void 0 && this.opts.now() >= this.windowEnd) {
      this.budget = this.limit === void 0 ? void 0 : this.limit - this.inFlight;
      this.windowEnd = void 0;
    }
    if (this.budget !== void 0 && this.budget <= 0 && this.windowEnd !== void 0)
      this.pause(this.windowEnd, `RateLimit-Remaining is ${this.stats.remaining ?? 0}`);
    if (this.budget !== void 0) this.budget--;
    const ms = this.pausedUntil - this.opts.now();
    if (ms <= 0) return;
    const max = this.opts.maxWaitMs ?? 6e4;
    if (ms > max) {
      throw new GitLabApiError(
        `GitLab's rate limit lets no request in before ${new Date(this.pausedUntil).toISOString()} (${Math.ceil(ms / 1e3)} s from now; ${this.why})`,
        endpoint,
        429,
        "try again then; an administrator can raise the limits (Admin > Settings > Network > User and IP rate limits)"
      );
    }
    if (this.counted !== this.pausedUntil) {
      this.counted = this.pausedUntil;
      this.stats.pauses++;
      this.stats.pausedMs += ms;
      this.stats.onPause?.({ ms, until: this.pausedUntil, why: this.why });
    }
    await this.opts.sleep(ms);
  }
  /** `fetch`, with every answer observed and the requests on their way counted. */
  watch(f) {
    return async (input, init) => {
      const epoch = this.epoch;
      this.inFlight++;
      try {
        const res = await f(input, init);
        this.observe(res.status, res.headers, epoch);
        return res;
      } finally {
        this.inFlight--;
      }
    };
  }
};

// src/gitlab/client.ts
function defaultSleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
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
function checkPath(rel) {
  const segments = (rel.split(/[?#]/)[0] ?? "").split("/");
  if (segments.some((s) => [".", ".."].includes(s.replace(/%2e/gi, ".")))) {
    throw new UsageError(
      'a project or group path cannot have a "." or ".." segment',
      "give the project or group as its id or its full path (group/subgroup/project)"
    );
  }
}
function attemptContext(opts, apiUrl, scrub, sent) {
  return {
    origin: new URL(apiUrl),
    token: opts.token || void 0,
    userAgent: opts.userAgent ?? "deploy-token",
    // Looked up per call, so a fetch patched after the client was made (msw) is the one used.
    fetch: opts.fetch ?? proxyAwareFetch(opts.env ?? {}) ?? ((input, init) => globalThis.fetch(input, init)),
    now: opts.now ?? Date.now,
    scrub,
    sent,
    ...opts.onRequest ? { onRequest: opts.onRequest } : {}
  };
}
function retryPolicy(opts, scrub) {
  return {
    attemptTimeoutMs: Math.max(1, opts.attemptTimeoutMs ?? 1e4),
    deadlineMs: Math.max(1, opts.deadlineMs ?? 6e4),
    maxAttempts: Math.max(1, Math.floor(opts.maxAttempts ?? 4)),
    baseDelayMs: Math.max(0, opts.baseDelayMs ?? 500),
    now: opts.now ?? Date.now,
    random: opts.random ?? Math.random,
    sleep: opts.sleep ?? defaultSleep,
    scrub
  };
}
function sender(apiUrl, ctx, policy, limiter) {
  return (method, path, o = {}) => {
    const rel = path.startsWith("/") ? path : `/${path}`;
    checkPath(rel);
    const endpoint = rel.split(/[?#]/)[0] ?? rel;
    const url = new URL(apiUrl + rel);
    for (const [k, v] of Object.entries(o.query ?? {})) url.searchParams.set(k, v);
    const body = o.body === void 0 ? void 0 : JSON.stringify(o.body);
    const where = `${method} ${endpoint}`;
    const call = {
      method,
      where,
      endpoint,
      secrets: o.secrets ?? [],
      ...o.deadlineMs ? { deadlineMs: o.deadlineMs } : {}
    };
    return limiter.ready(endpoint).then(
      () => withRetries(
        policy,
        call,
        (timeoutMs, n) => attempt(ctx, { where, method, url, endpoint, body }, timeoutMs, n)
      )
    );
  };
}
function pageOptions(opts, policy, scrub, send) {
  return {
    maxPages: Math.max(1, opts.maxPages ?? 200),
    concurrency: Math.max(1, Math.floor(opts.pageConcurrency ?? 4)),
    listDeadlineMs: Math.max(1, opts.listDeadlineMs ?? 18e4),
    callDeadlineMs: policy.deadlineMs,
    now: policy.now,
    scrub,
    get: (path, query, deadlineMs) => send("GET", path, { query, deadlineMs })
  };
}
function createGitLabClient(opts) {
  const apiUrl = apiUrlOf(opts.baseUrl);
  const scrub = scrubberFor(opts.token || void 0);
  let requestCount = 0;
  const ctx = attemptContext(opts, apiUrl, scrub, () => void requestCount++);
  const policy = retryPolicy(opts, scrub);
  const limiter = new RateLimiter({ now: policy.now, sleep: policy.sleep });
  ctx.fetch = limiter.watch(ctx.fetch);
  const send = sender(apiUrl, ctx, policy, limiter);
  const pages = pageOptions(opts, policy, scrub, send);
  return {
    async get(path, parse, query) {
      const a = await send("GET", path, query ? { query } : {});
      const data = interpret("GET", a, parse, scrub);
      if (data === void 0) {
        throw new GitLabApiError(
          `GET ${a.endpoint}: GitLab answered HTTP ${a.status} with no content`,
          a.endpoint
        );
      }
      return data;
    },
    getAll: (path, parseItem, query = {}) => getAll(pages, path, parseItem, query),
    async request(method, path, parse, o = {}) {
      const m = method.toUpperCase();
      const a = await send(m, path, o);
      return { status: a.status, data: interpret(m, a, parse, scrub, o.secrets) };
    },
    get requestCount() {
      return requestCount;
    },
    rateLimit: limiter.stats,
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

// src/app/connection.ts
var DEFAULT_GITLAB_URL = "https://gitlab.com";
var NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
var URL_HINT = "give the instance URL, e.g. https://gitlab.example.com";
function withoutUserInfo(raw) {
  return raw.replace(/^([a-z][a-z0-9+.-]*:\/*)?[^/?#\s]*@/i, "$1***@").replace(/\/\/[^/?#\s]*@/g, "//***@");
}
function normalizeUrl(raw, source = "--gitlab-url") {
  let u;
  try {
    u = new URL(raw);
  } catch {
    throw new UsageError(`${source} "${withoutUserInfo(raw).slice(0, 100)}" is not a URL`, URL_HINT);
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") {
    throw new UsageError(`${source} must be http(s), not ${u.protocol}`, URL_HINT);
  }
  if (u.username || u.password) {
    throw new UsageError(
      `${source} must not contain credentials`,
      "put the API token in GITLAB_TOKEN instead"
    );
  }
  return `${u.origin}${u.pathname.replace(/\/+$/, "").replace(/\/api\/v4$/, "")}`;
}
function hostUrl(raw) {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
}
var set = (v) => v !== void 0 && v.trim() !== "";
function instance(req, env) {
  const chain = [
    ...req.url ? [{ source: req.url.source, value: req.url.value }] : [],
    ...req.spec ? [{ source: "spec gitlab.url", value: req.spec.gitlab?.url }] : [],
    { source: "$CI_SERVER_URL", value: env.CI_SERVER_URL },
    { source: "$GITLAB_HOST", value: env.GITLAB_HOST, raw: hostUrl }
  ];
  const urlSettings = chain.map((c) => c.source);
  const hit = chain.find((c, i) => i === 0 && req.url ? c.value !== void 0 : set(c.value));
  if (!hit || hit.value === void 0)
    return { url: DEFAULT_GITLAB_URL, urlSource: "the default", defaulted: true, urlSettings };
  const raw = hit.raw ? hit.raw(hit.value.trim()) : hit.value;
  return { url: normalizeUrl(raw, hit.source), urlSource: hit.source, defaulted: false, urlSettings };
}
function apiToken(req, env) {
  const spec = req.spec;
  if (req.token && set(req.token.value)) return { apiToken: req.token.value, tokenSource: req.token.source };
  const named = req.tokenEnv?.value !== void 0 ? req.tokenEnv : spec?.gitlab?.api_token_env !== void 0 ? { value: spec.gitlab.api_token_env, source: "spec gitlab.api_token_env" } : void 0;
  if (named?.value !== void 0) {
    if (!NAME_RE.test(named.value)) {
      throw new UsageError(
        `${named.source} "${named.value.slice(0, 60)}" is not a variable name`,
        "name the environment variable that holds the API token, e.g. GITLAB_TOKEN"
      );
    }
    const tokenSource = `$${named.value} (named by ${named.source})`;
    const value = env[named.value];
    return set(value) ? { apiToken: value, tokenSource, tokenVariable: named.value } : { tokenSource };
  }
  for (const name of API_TOKEN_VARIABLES) {
    const value = env[name];
    if (set(value)) return { apiToken: value, tokenSource: `$${name}`, tokenVariable: name };
  }
  const looked = API_TOKEN_VARIABLES.map((n) => `$${n}`);
  return { tokenSource: `${looked.slice(0, -1).join(", ")} or ${looked[looked.length - 1]}` };
}
function gitlabConnection(req, env) {
  return { ...instance(req, env), ...apiToken(req, env) };
}
function flagConnection(flags, env) {
  return gitlabConnection(
    {
      url: { value: flags.gitlabUrl, source: "--gitlab-url" },
      tokenEnv: { value: flags.apiTokenEnv, source: "--api-token-env" }
    },
    env
  );
}
var URL_FLAG = "--gitlab-url";
var namesUrlFlag = (e) => e.message.includes(URL_FLAG) || e.hint?.includes(URL_FLAG) === true;
function instanceSetting(c) {
  return c.defaulted ? `the GitLab URL (none set in ${c.urlSettings.join(", ")}; ${c.url} was used)` : c.urlSource;
}
function defaultNotice(c) {
  if (!c.defaulted) return void 0;
  return `no GitLab instance named (${c.urlSettings.join(", ")}): using ${DEFAULT_GITLAB_URL}; set one of them for a self-managed instance`;
}
function requireToken(c, purpose, hint) {
  if (c.apiToken) return c.apiToken;
  throw new UsageError(
    `${purpose} needs a GitLab API token: none in ${c.tokenSource}`,
    hint ?? "export GITLAB_TOKEN with a token that has the api scope (never pass it as a flag)"
  );
}
function connect(c, deps, notice) {
  const line = defaultNotice(c);
  if (line) notice(line);
  return namingSources(clientWith(c.url, c.apiToken, deps), c);
}
function namingSources(client, c) {
  const named = (e) => {
    if (e instanceof GitLabApiError && e.status === 401 && e.source === void 0) {
      e.source = c.tokenSource;
      e.hint = `GitLab at ${c.url} (from ${c.urlSource}) rejected the API token in ${c.tokenSource}: it is expired, revoked, or for another instance; put a valid token there (scope read_api, or api to create tokens)`;
    } else if (e instanceof GitLabApiError && e.source === void 0 && namesUrlFlag(e)) {
      e.source = c.defaulted ? "the default" : c.urlSource;
      e.message = e.message.replaceAll(URL_FLAG, instanceSetting(c));
      e.hint = e.hint?.replaceAll(URL_FLAG, instanceSetting(c));
    }
    throw e;
  };
  return {
    get: (path, parse, query) => client.get(path, parse, query).catch(named),
    getAll: (path, parse, query) => client.getAll(path, parse, query).catch(named),
    request: (method, path, parse, opts) => client.request(method, path, parse, opts).catch(named),
    get requestCount() {
      return client.requestCount;
    },
    ...client.rateLimit ? { rateLimit: client.rateLimit } : {},
    apiUrl: client.apiUrl
  };
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

export {
  getVersion,
  getProject,
  getGroup,
  listDeployTokens,
  getVariable,
  listVariables,
  listDescendantGroups,
  listGroupProjects,
  getCurrentUser,
  getTokenScopes,
  getGroupAccess,
  createDeployToken,
  findDeployToken,
  listProtectedRefs,
  deleteDeployToken,
  writeVariable,
  deleteVariable,
  proxyAwareFetch,
  normalizeUrl,
  gitlabConnection,
  flagConnection,
  requireToken,
  connect,
  GITLAB_DEPLOY_TOKEN_NAME,
  tokenActivity,
  daysLeft,
  isSpecial,
  formatInstant
};
